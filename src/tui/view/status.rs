//! The status line: file name, byline and date, paragraph i/N, the
//! analysis's progress while it runs, counters, messages, the search prompt
//! and a hint for `?`.

use super::super::app::{App, Search};
use super::super::screen::Panes;
use super::super::wrap::text_width;
use super::{clip, put};
use ratatui::buffer::Buffer;

/// Draws the status line (or the search prompt).
pub fn render(app: &App, panes: &Panes, buf: &mut Buffer) {
    let area = panes.status;
    let theme = app.theme();
    buf.set_style(area, theme.status);
    let blank = " ".repeat(area.width as usize);
    buf.set_stringn(area.x, area.y, &blank, area.width as usize, theme.status);
    let w = area.width as usize;
    if let Search::Prompt { query, hits, .. } = app.search() {
        let hint = if query.is_empty() {
            "type a name or words · Esc: cancel".to_string()
        } else if hits.is_empty() && app.progress().is_some() {
            "names: still analysing · Enter: search the text · Esc".to_string()
        } else if hits.is_empty() {
            "Enter: search the text · Esc: cancel".to_string()
        } else {
            format!(
                "{} name{} · Enter · Ctrl-t: text · Esc",
                hits.len(),
                if hits.len() == 1 { "" } else { "s" }
            )
        };
        let hint_w = text_width(&hint).min(w / 2);
        let q = clip(query, w.saturating_sub(hint_w + 4));
        let prompt = format!("/{q}▏");
        put(buf, area.x, area.y, area.width, &[(&prompt, theme.status)]);
        let hint = clip(&hint, hint_w);
        let x = area.right() - text_width(&hint) as u16 - 1;
        put(
            buf,
            x,
            area.y,
            text_width(&hint) as u16,
            &[(&hint, theme.status)],
        );
        return;
    }
    let panel_hidden = panes.panel.is_none();
    let help = match (app.in_library, panel_hidden) {
        (true, true) => " q list · p panel · ? help ",
        (true, false) => " q list · ? help ",
        (false, true) => " p panel · ? help ",
        (false, false) => " ? help ",
    };
    let help_w = if w >= 40 { text_width(help) } else { 0 };
    let mut left = format!(" {}", clip(app.name(), (w / 3).clamp(12, 48)));
    if let Some(by) = app.byline() {
        left.push_str(" · ");
        left.push_str(&clip(by, (w / 4).clamp(8, 40)));
    }
    left.push_str(&format!(
        " · ¶ {}/{}",
        (app.paragraph() + 1).min(app.paragraph_count().max(1)),
        app.paragraph_count()
    ));
    if let Some(p) = app.progress() {
        left.push_str(" · ");
        left.push_str(&p.label());
    }
    for c in app.counters() {
        left.push_str(" · ");
        left.push_str(&c);
    }
    let room = w.saturating_sub(help_w);
    match app.message() {
        Some(msg) => {
            let left = clip(&left, room * 2 / 3);
            let msg = clip(&format!("  {msg}"), room.saturating_sub(text_width(&left)));
            put(
                buf,
                area.x,
                area.y,
                room as u16,
                &[
                    (&left, theme.status),
                    (&msg, theme.status.patch(theme.message)),
                ],
            );
        }
        None => {
            let left = clip(&left, room);
            put(buf, area.x, area.y, room as u16, &[(&left, theme.status)]);
        }
    }
    if help_w > 0 {
        put(
            buf,
            area.right() - help_w as u16,
            area.y,
            help_w as u16,
            &[(help, theme.status)],
        );
    }
}
