//! The mouse: the wheel scrolls the pane under the pointer; a click selects
//! a panel row or tab, or the name or quote under it in the text.
//!
//! Part of `update` (methods of [`App`] that only `update` calls).

use super::app::{App, Search, Tab, Target};
use super::rows::RowContent;
use super::screen::{PANEL_HEADER, Screen, panel_inner};
use super::update::add_clamped;
use crate::analysis::Span;

/// Rows the mouse wheel scrolls.
const WHEEL_ROWS: i64 = 3;

impl App {
    pub(super) fn wheel(&mut self, column: u16, row: u16, down: bool) {
        let Some(panes) = self.panes() else {
            return;
        };
        let at = ratatui::layout::Position::new(column, row);
        if panes.panel.is_some_and(|p| p.contains(at)) {
            let i = self.tab.index();
            let len = self.list_len(self.tab);
            self.list_offset[i] = add_clamped(
                self.list_offset[i],
                if down { WHEEL_ROWS } else { -WHEEL_ROWS },
                len,
            );
        } else if panes.article.contains(at) {
            self.scroll(if down { WHEEL_ROWS } else { -WHEEL_ROWS });
        }
    }

    pub(super) fn click(&mut self, column: u16, row: u16) {
        let screen = self.screen();
        let Screen::Reader(panes) = screen else {
            return;
        };
        let at = ratatui::layout::Position::new(column, row);
        if let Some(panel) = panes.panel
            && panel.contains(at)
        {
            let inner = panel_inner(panel, panes.side_by_side);
            if row == inner.y {
                if let Some(tab) = super::view::panel::tab_at(inner, column) {
                    self.tab = tab;
                }
                return;
            }
            if row < inner.y + PANEL_HEADER {
                return;
            }
            if let Search::Prompt { hits, cursor, .. } = &mut self.search {
                let i = (row - inner.y - PANEL_HEADER) as usize;
                if i < hits.len() {
                    *cursor = i;
                    self.submit_search(false);
                }
                return;
            }
            let i = self.list_offset[self.tab.index()]
                + (row - inner.y - PANEL_HEADER) as usize / self.tab.item_height();
            if i < self.list_len(self.tab) {
                self.list_cursor[self.tab.index()] = i;
                self.select_row(false);
            }
            return;
        }
        if panes.text.contains(at) {
            let rows = self.visible_rows();
            let Some(RowContent::Text {
                paragraph, span, ..
            }) = rows.get((row - panes.text.y) as usize).copied()
            else {
                return;
            };
            self.paragraph = paragraph;
            let Some(offset) = offset_at_column(&self.text, span, (column - panes.text.x) as usize)
            else {
                return;
            };
            self.click_offset(paragraph, offset);
        }
    }

    /// A click on the text at byte `offset`: selects the entity or quote there.
    pub(super) fn click_offset(&mut self, paragraph: usize, offset: usize) {
        use super::marks::MarkKind;
        let here = Span::new(offset, offset + 1);
        let mention = self
            .marks
            .in_row(paragraph, here)
            .find_map(|m| match m.kind {
                MarkKind::Mention { id, kind } if m.span.overlaps(&here) => Some((id, kind)),
                _ => None,
            });
        let quote = self
            .marks
            .in_row(paragraph, here)
            .find_map(|m| match m.kind {
                MarkKind::Quote { index, .. } if m.span.overlaps(&here) => Some(index),
                _ => None,
            });
        if let Some((id, kind)) = mention {
            self.focus_entity(id);
            let mentions = &self.analysis.entities[id].mentions;
            self.mention = mentions.iter().position(|m| m.overlaps(&here));
            self.last_step = Some(Target::Mention);
            let tab = Tab::of_kind(kind);
            if let Some(row) = self.entity_list(tab).iter().position(|&e| e == id) {
                self.tab_follow(tab, row);
            }
        } else if let Some(q) = quote
            && let Some(k) = self.quotes.iter().position(|&i| i == q)
        {
            self.quote = Some(k);
            self.last_step = Some(Target::Quote);
            self.tab_follow(Tab::Quotes, k);
        }
    }
}

/// The byte offset of the character drawn at `column` of a row showing `span`.
fn offset_at_column(text: &str, span: Span, column: usize) -> Option<usize> {
    let mut x = 0;
    for (i, c) in span.of(text).char_indices() {
        let w = super::wrap::char_width(c);
        if column < x + w {
            return Some(span.start + i);
        }
        x += w;
    }
    None
}
