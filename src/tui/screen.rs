//! Where each pane goes for a terminal size: pure geometry, no state.
//!
//! Entry point: [`Screen::layout`]. Three layouts, chosen by size (as atuin
//! does): wide (at least [`SIDE_BY_SIDE_WIDTH`] columns), the panel sits
//! beside the article; narrow, the panel is hidden until toggled and then
//! stacks under the article; below [`MIN_WIDTH`] x [`MIN_HEIGHT`], a "terminal
//! too small" message. `update` uses the same geometry as `view` for page
//! sizes and mouse hits, so they never disagree.

use ratatui::layout::Rect;

/// Below this many columns the panel no longer fits beside the article.
pub const SIDE_BY_SIDE_WIDTH: u16 = 100;
/// The narrowest usable terminal.
pub const MIN_WIDTH: u16 = 24;
/// The lowest usable terminal.
pub const MIN_HEIGHT: u16 = 6;
/// Columns left of the text: the current-paragraph mark and a space.
pub const GUTTER: u16 = 2;
/// Rows of the panel above its list: the tabs and a summary line.
pub const PANEL_HEADER: u16 = 2;

/// The panes of the reader for one terminal size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Too small to read in.
    TooSmall { area: Rect },
    /// The reader.
    Reader(Panes),
}

/// Where the reader's panes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    /// The whole article pane.
    pub article: Rect,
    /// The text column inside it (right of the gutter).
    pub text: Rect,
    /// The side panel, when shown (beside or under the article).
    pub panel: Option<Rect>,
    /// The status line.
    pub status: Rect,
    /// True when the panel sits beside the article.
    pub side_by_side: bool,
}

impl Panes {
    /// The panel's list rows (under its tabs and summary line).
    pub fn panel_list(&self) -> Option<Rect> {
        let p = self.panel?;
        let inner = panel_inner(p, self.side_by_side);
        let h = inner.height.saturating_sub(PANEL_HEADER);
        Some(Rect::new(inner.x, inner.y + PANEL_HEADER, inner.width, h))
    }
}

/// The panel without its border (a left rule beside, a top rule under).
pub fn panel_inner(panel: Rect, side_by_side: bool) -> Rect {
    if side_by_side {
        Rect::new(
            panel.x + 1,
            panel.y,
            panel.width.saturating_sub(1),
            panel.height,
        )
    } else {
        Rect::new(
            panel.x,
            panel.y + 1,
            panel.width,
            panel.height.saturating_sub(1),
        )
    }
}

impl Screen {
    /// The layout of `area` with the given measure and panel width;
    /// `panel` says whether the reader wants the panel (None: automatic,
    /// shown only when it fits beside the article).
    pub fn layout(area: Rect, measure: u16, panel_width: u16, panel: Option<bool>) -> Screen {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return Screen::TooSmall { area };
        }
        let status = Rect::new(area.x, area.bottom() - 1, area.width, 1);
        let body = Rect::new(area.x, area.y, area.width, area.height - 1);
        let wide = area.width >= SIDE_BY_SIDE_WIDTH;
        let show = panel.unwrap_or(wide);
        let (article, panel_rect) = if !show {
            (body, None)
        } else if wide {
            let pw = panel_width.min(area.width / 2);
            (
                Rect::new(body.x, body.y, body.width - pw, body.height),
                Some(Rect::new(body.right() - pw, body.y, pw, body.height)),
            )
        } else {
            // Stacked: the panel takes the lower ~40% of the body.
            let ph = (body.height * 2 / 5)
                .max(PANEL_HEADER + 2)
                .min(body.height / 2);
            (
                Rect::new(body.x, body.y, body.width, body.height - ph),
                Some(Rect::new(body.x, body.bottom() - ph, body.width, ph)),
            )
        };
        let avail = article.width.saturating_sub(GUTTER + 1);
        let text_w = avail.min(measure.max(1));
        let slack = avail - text_w;
        let text = Rect::new(
            article.x + GUTTER + slack / 2,
            article.y,
            text_w,
            article.height,
        );
        Screen::Reader(Panes {
            article,
            text,
            panel: panel_rect,
            status,
            side_by_side: wide,
        })
    }

    /// The panes, unless the terminal is too small.
    pub fn panes(&self) -> Option<&Panes> {
        match self {
            Screen::Reader(p) => Some(p),
            Screen::TooSmall { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_terminals_put_the_panel_beside() {
        let s = Screen::layout(Rect::new(0, 0, 120, 40), 80, 42, None);
        let p = s.panes().unwrap();
        assert_eq!(p.panel, Some(Rect::new(78, 0, 42, 39)));
        assert_eq!(p.text.width, 75);
        assert_eq!(p.status, Rect::new(0, 39, 120, 1));
    }

    #[test]
    fn narrow_terminals_hide_then_stack_the_panel() {
        let area = Rect::new(0, 0, 80, 24);
        let hidden = Screen::layout(area, 80, 42, None);
        assert_eq!(hidden.panes().unwrap().panel, None);
        let shown = Screen::layout(area, 80, 42, Some(true));
        let p = shown.panes().unwrap();
        let panel = p.panel.unwrap();
        assert_eq!(panel.width, 80);
        assert_eq!(p.article.bottom(), panel.y);
    }

    #[test]
    fn tiny_terminals_are_too_small() {
        for (w, h) in [(1, 1), (23, 40), (200, 5), (0, 0)] {
            let s = Screen::layout(Rect::new(0, 0, w, h), 80, 42, None);
            assert!(s.panes().is_none(), "{w}x{h}");
        }
    }

    #[test]
    fn text_is_centred_at_the_measure() {
        let s = Screen::layout(Rect::new(0, 0, 200, 60), 80, 42, Some(false));
        let t = s.panes().unwrap().text;
        assert_eq!(t.width, 80);
        assert_eq!(t.x, 2 + (200 - 3 - 80) / 2);
    }
}
