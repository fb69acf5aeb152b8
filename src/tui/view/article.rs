//! The article pane: the visible rows of text, styled, with the gutter.
//!
//! Entry point: [`render`]. Each row's style comes from layers, bottom to
//! top: quotes and mentions (from [`crate::tui::marks::Marks`], filed per
//! paragraph when the article opened), then the current quote, the focused
//! entity's mentions, the topic's words, the search matches and the current
//! one. Only the rows on screen are looked at.

use super::super::app::{App, Focus, Search};
use super::super::marks::{MarkKind, spans_in};
use super::super::rows::RowContent;
use super::super::screen::Panes;
use super::super::wrap::display_char;
use crate::analysis::Span;
use ratatui::buffer::Buffer;
use ratatui::style::Style;

/// The mark in the gutter beside the current paragraph.
pub const GUTTER_MARK: &str = "▌";

/// Draws the visible rows of the article.
pub fn render(app: &App, panes: &Panes, buf: &mut Buffer) {
    let text = panes.text;
    for (i, content) in app.visible_rows().into_iter().enumerate() {
        let y = text.y + i as u16;
        if y >= text.bottom() {
            break;
        }
        if let RowContent::Text {
            paragraph, span, ..
        } = content
        {
            if paragraph == app.paragraph() {
                buf.set_stringn(text.x - 2, y, GUTTER_MARK, 1, app.theme().gutter);
            }
            draw_row(app, paragraph, span, text.x, y, text.width, buf);
        }
    }
}

/// The styled pieces of one row: byte spans and their styles, left to right.
pub fn row_pieces(app: &App, paragraph: usize, row: Span) -> Vec<(Span, Style)> {
    let theme = app.theme();
    let mut layers: Vec<(Span, Style)> = Vec::new();
    let current_quote = app.current_quote();
    for m in app.marks.in_row(paragraph, row) {
        let style = match m.kind {
            MarkKind::Mention { kind, .. } => theme.entity(kind),
            MarkKind::Quote { index, .. } if Some(index) == current_quote => theme.current_quote,
            MarkKind::Quote { kind, .. } => theme.quote(kind),
        };
        layers.push((m.span, style));
    }
    match app.focus() {
        Focus::Entity(id) => {
            if let Some(e) = app.analysis().entities.get(id) {
                for m in spans_in(&e.mentions, row) {
                    layers.push((*m, theme.focus));
                }
                if let Some(cur) = app.current_mention()
                    && cur.overlaps(&row)
                {
                    layers.push((cur, theme.current_mention));
                }
            }
        }
        Focus::Topic(_) => {
            for w in spans_in(&app.topic_words, row) {
                layers.push((*w, theme.topic));
            }
        }
        Focus::None => {}
    }
    if let Search::Text {
        matches, current, ..
    } = app.search()
    {
        for m in spans_in(matches, row) {
            layers.push((*m, theme.search));
        }
        if let Some(cur) = current.and_then(|i| matches.get(i))
            && cur.overlaps(&row)
        {
            layers.push((*cur, theme.current_match));
        }
    }
    let mut cuts: Vec<usize> = vec![row.start, row.end];
    for (s, _) in &layers {
        cuts.push(s.start.clamp(row.start, row.end));
        cuts.push(s.end.clamp(row.start, row.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let piece = Span::new(w[0], w[1]);
            let style = layers
                .iter()
                .filter(|(s, _)| s.contains(&piece))
                .fold(Style::new(), |acc, (_, st)| acc.patch(*st));
            (piece, style)
        })
        .collect()
}

fn draw_row(app: &App, paragraph: usize, row: Span, x: u16, y: u16, width: u16, buf: &mut Buffer) {
    let text = &app.text();
    let end = x + width;
    let mut at = x;
    let mut shown = String::new();
    for (piece, style) in row_pieces(app, paragraph, row) {
        if at >= end {
            break;
        }
        let raw = piece.of(text);
        if raw.bytes().all(|b| (b' '..=b'~').contains(&b)) {
            // Printable ASCII (most text): one cell per byte, no grapheme
            // segmentation (ratatui's set_stringn spends most of a frame there).
            let area = *buf.area();
            for b in raw.bytes() {
                if at >= end || !area.contains(ratatui::layout::Position::new(at, y)) {
                    break;
                }
                buf[(at, y)].set_char(char::from(b)).set_style(style);
                at += 1;
            }
            continue;
        }
        shown.clear();
        shown.extend(raw.chars().map(display_char));
        let (nx, _) = buf.set_stringn(at, y, &shown, (end - at) as usize, style);
        at = nx;
    }
}
