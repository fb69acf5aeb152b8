//! The reader's styles: one [`Theme`] says how every kind of thing looks.
//!
//! Two themes: [`Theme::colored`] (the 16 ANSI colours, so the terminal's own
//! palette decides the exact shades, plus modifiers) and [`Theme::mono`] for
//! `NO_COLOR` or `color = false`, where every distinction is carried by
//! modifiers alone (bold, underline, italic, reverse, dim) and no style sets a
//! colour, so no colour escape is ever written.

use crate::analysis::{EntityKind, QuoteKind};
use ratatui::style::{Color, Modifier, Style};

/// How each kind of thing in the reader looks.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// True for the colour theme.
    pub color: bool,
    entity: [Style; 7],
    /// Direct, partial and unmarked speech.
    pub quote: Style,
    /// Reported speech (only marked when current).
    pub indirect: Style,
    /// The quote the reader stepped to or selected.
    pub current_quote: Style,
    /// Every mention of the selected entity.
    pub focus: Style,
    /// The mention the reader stepped to.
    pub current_mention: Style,
    /// Text search matches.
    pub search: Style,
    /// The text search match the reader is on.
    pub current_match: Style,
    /// Words of the selected topic.
    pub topic: Style,
    /// The gutter mark of the current paragraph.
    pub gutter: Style,
    /// The status line.
    pub status: Style,
    /// The selected row of the panel.
    pub selected_row: Style,
    /// The active tab.
    pub active_tab: Style,
    /// Secondary text: roles, counts, hints.
    pub dim: Style,
    /// Titles and key names in the help.
    pub title: Style,
    /// Warnings and messages in the status line.
    pub message: Style,
}

impl Theme {
    /// The theme for `color` (false: modifiers only).
    pub fn new(color: bool) -> Self {
        if color {
            Theme::colored()
        } else {
            Theme::mono()
        }
    }

    /// Colours from the terminal's ANSI palette, plus modifiers.
    pub fn colored() -> Self {
        let fg = |c| Style::new().fg(c);
        Theme {
            color: true,
            entity: [
                fg(Color::Cyan).add_modifier(Modifier::BOLD),
                fg(Color::Magenta),
                fg(Color::Green),
                fg(Color::Blue),
                fg(Color::Yellow),
                fg(Color::LightRed),
                fg(Color::Yellow),
            ],
            quote: Style::new().add_modifier(Modifier::ITALIC),
            indirect: Style::new(),
            current_quote: Style::new()
                .bg(Color::DarkGray)
                .add_modifier(Modifier::ITALIC),
            focus: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            current_mention: Style::new()
                .add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
            search: Style::new().fg(Color::Black).bg(Color::Yellow),
            current_match: Style::new()
                .fg(Color::Black)
                .bg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            topic: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            gutter: fg(Color::Cyan),
            status: Style::new().add_modifier(Modifier::REVERSED),
            selected_row: Style::new().add_modifier(Modifier::REVERSED),
            active_tab: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            dim: Style::new().add_modifier(Modifier::DIM),
            title: Style::new().add_modifier(Modifier::BOLD),
            message: fg(Color::Yellow).add_modifier(Modifier::BOLD),
        }
    }

    /// Modifiers only: what `NO_COLOR` gets.
    pub fn mono() -> Self {
        let m = |m| Style::new().add_modifier(m);
        Theme {
            color: false,
            entity: [
                m(Modifier::BOLD),
                m(Modifier::BOLD | Modifier::UNDERLINED),
                m(Modifier::UNDERLINED),
                m(Modifier::UNDERLINED | Modifier::DIM),
                m(Modifier::DIM),
                m(Modifier::DIM),
                m(Modifier::DIM),
            ],
            quote: m(Modifier::ITALIC),
            indirect: Style::new(),
            current_quote: m(Modifier::ITALIC | Modifier::UNDERLINED),
            focus: m(Modifier::REVERSED),
            current_mention: m(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
            search: m(Modifier::REVERSED),
            current_match: m(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
            topic: m(Modifier::UNDERLINED | Modifier::BOLD),
            gutter: Style::new(),
            status: m(Modifier::REVERSED),
            selected_row: m(Modifier::REVERSED),
            active_tab: m(Modifier::REVERSED | Modifier::BOLD),
            dim: m(Modifier::DIM),
            title: m(Modifier::BOLD),
            message: m(Modifier::BOLD),
        }
    }

    /// How mentions of an entity of `kind` look.
    pub fn entity(&self, kind: EntityKind) -> Style {
        self.entity[kind as usize]
    }

    /// How the words of a quote of `kind` look.
    pub fn quote(&self, kind: QuoteKind) -> Style {
        match kind {
            QuoteKind::Indirect => self.indirect,
            _ => self.quote,
        }
    }

    /// Every style of the theme (to check what it may write).
    pub fn all_styles(&self) -> Vec<Style> {
        let mut v = self.entity.to_vec();
        v.extend([
            self.quote,
            self.indirect,
            self.current_quote,
            self.focus,
            self.current_mention,
            self.search,
            self.current_match,
            self.topic,
            self.gutter,
            self.status,
            self.selected_row,
            self.active_tab,
            self.dim,
            self.title,
            self.message,
        ]);
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mono_sets_no_colour() {
        for s in Theme::mono().all_styles() {
            assert_eq!(s.fg, None);
            assert_eq!(s.bg, None);
        }
    }

    #[test]
    fn mono_tells_the_main_kinds_apart() {
        let t = Theme::mono();
        let kinds = [
            EntityKind::Person,
            EntityKind::Org,
            EntityKind::Place,
            EntityKind::Group,
            EntityKind::Money,
        ];
        for (i, a) in kinds.iter().enumerate() {
            assert!(!t.entity(*a).add_modifier.is_empty());
            for b in &kinds[i + 1..] {
                assert_ne!(t.entity(*a), t.entity(*b), "{a:?} and {b:?}");
            }
            assert_ne!(t.entity(*a), t.quote(QuoteKind::Direct));
        }
    }
}
