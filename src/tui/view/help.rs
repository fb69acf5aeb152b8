//! The help overlay (`?`): every key, from [`crate::tui::keys::KEYS`].

use super::super::app::App;
use super::super::keys::KEYS;
use super::super::wrap::text_width;
use super::{clip, put};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Widget};

/// Draws the help box over the middle of `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let keys_w = KEYS
        .iter()
        .filter(|k| !k.what.is_empty())
        .map(|k| text_width(k.keys))
        .max()
        .unwrap_or(0);
    let want_w = (keys_w + 2 + 52 + 4) as u16;
    let w = want_w.min(area.width.saturating_sub(2));
    let h = (KEYS.len() as u16 + 3).min(area.height.saturating_sub(2));
    if w < 20 || h < 5 {
        return;
    }
    let box_area = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    let inner = Rect::new(box_area.x + 2, box_area.y + 1, w - 4, h - 2);
    let first = app
        .help
        .unwrap_or(0)
        .min(KEYS.len().saturating_sub(inner.height as usize));
    let more_below = first + (inner.height as usize) < KEYS.len();
    let footer = match (first > 0, more_below) {
        (_, true) => " Esc or ? to close · j/k: more below ↓ ",
        (true, false) => " Esc or ? to close · k: back up ↑ ",
        (false, false) => " Esc or ? to close ",
    };
    Clear.render(box_area, buf);
    Block::default()
        .borders(Borders::ALL)
        .title(" Keys ")
        .title_bottom(footer)
        .render(box_area, buf);
    for (k, y) in KEYS.iter().skip(first).zip(inner.y..inner.bottom()) {
        if k.what.is_empty() {
            put(buf, inner.x, y, inner.width, &[(k.keys, theme.title)]);
            continue;
        }
        let keys = clip(k.keys, keys_w.min(inner.width as usize / 2));
        put(
            buf,
            inner.x + 1,
            y,
            inner.width - 1,
            &[(&keys, theme.title)],
        );
        let x = inner.x + 1 + keys_w.min(inner.width as usize / 2) as u16 + 2;
        if x < inner.right() {
            let what = clip(k.what, (inner.right() - x) as usize);
            put(
                buf,
                x,
                y,
                inner.right() - x,
                &[(&what, ratatui::style::Style::new())],
            );
        }
    }
}
