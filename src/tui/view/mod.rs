//! Drawing the reader: pure functions from an [`App`] to a frame.
//!
//! Entry point: [`view`]. One module per pane: [`article`], [`panel`],
//! [`status`], [`help`]. Views only read the app: they never wrap text,
//! analyse or change state (`update` has already wrapped every visible
//! paragraph). They draw only what is on screen, and every string from the
//! article passes through [`crate::tui::wrap::display_char`] or
//! [`clip`] first, so the article's bytes never reach the
//! terminal as control sequences.

pub mod article;
pub mod help;
pub mod panel;
pub mod status;

use super::app::App;
use super::screen::{MIN_HEIGHT, MIN_WIDTH, Screen};
use super::wrap::{char_width, display_char};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// Draws the whole reader into `frame`.
pub fn view(app: &App, frame: &mut Frame) {
    let area = frame.area();
    draw(app, area, frame.buffer_mut());
}

/// Draws the whole reader into `buf`.
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    match app.screen() {
        Screen::TooSmall { area: a } => too_small(a.intersection(area), buf),
        Screen::Reader(panes) => {
            article::render(app, &panes, buf);
            if panes.panel.is_some() {
                panel::render(app, &panes, buf);
            } else if app.mode() == super::app::Mode::Prompt {
                panel::render_hits_popup(app, &panes, buf);
            }
            status::render(app, &panes, buf);
            if app.help_open() {
                help::render(app, area, buf);
            }
        }
    }
}

/// The message for a terminal too small to read in.
fn too_small(area: Rect, buf: &mut Buffer) {
    let lines = if area.width >= 20 {
        [
            "terminal too small".to_string(),
            format!(
                "need {MIN_WIDTH}x{MIN_HEIGHT}, have {}x{}",
                area.width, area.height
            ),
            "q: quit".to_string(),
        ]
    } else {
        [
            "too".to_string(),
            "small".to_string(),
            format!("{}x{}", area.width, area.height),
        ]
    };
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    for (i, line) in lines.iter().enumerate() {
        let y = top + i as u16;
        if y >= area.bottom() {
            break;
        }
        let w = (line.len() as u16).min(area.width);
        let x = area.x + (area.width - w) / 2;
        buf.set_stringn(x, y, line, area.width as usize, Style::new());
    }
}

/// `s` cut to at most `width` columns, ending in "…" when cut.
///
/// ```
/// assert_eq!(gloss::tui::view::clip("Antony Blinken", 8), "Antony …");
/// assert_eq!(gloss::tui::view::clip("日本語", 5), "日本…");
/// ```
pub fn clip(s: &str, width: usize) -> String {
    let clean: String = s.chars().map(display_char).collect();
    if super::wrap::text_width(&clean) <= width {
        return clean;
    }
    let mut out = String::new();
    let mut w = 0;
    for c in clean.chars() {
        let cw = char_width(c);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Writes pieces of styled text left to right from `x`, within `width`
/// columns; returns the column after the last one written.
pub(crate) fn put(buf: &mut Buffer, x: u16, y: u16, width: u16, pieces: &[(&str, Style)]) -> u16 {
    let end = x.saturating_add(width);
    let mut x = x;
    for (s, style) in pieces {
        if x >= end {
            break;
        }
        let (nx, _) = buf.set_stringn(x, y, s, (end - x) as usize, *style);
        x = nx;
    }
    x
}
