//! Keys and mouse to [`Action`]s: a pure function of the mode and the event.
//!
//! Entry points: [`key_action`] and [`mouse_action`]. [`KEYS`] is the one
//! list of key bindings the help overlay shows and the README repeats (a
//! test checks the README lists each of them), so the help can never
//! disagree with the handlers about which keys exist.

use super::app::{Mode, Target};
use super::update::{Action, Dir};
use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// One line of the help: the keys and what they do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyHelp {
    /// A heading line when `what` is empty.
    pub keys: &'static str,
    pub what: &'static str,
}

const fn k(keys: &'static str, what: &'static str) -> KeyHelp {
    KeyHelp { keys, what }
}

/// Every key of the reader, in the order the help lists them.
pub const KEYS: &[KeyHelp] = &[
    k("Moving", ""),
    k("j k  ↓ ↑", "scroll a line"),
    k("Space b  PgDn PgUp", "scroll a page"),
    k("Ctrl-d Ctrl-u", "scroll half a page"),
    k("g G  Home End", "go to the start / end"),
    k("} {", "next / previous paragraph"),
    k("' \"", "next / previous quote"),
    k("m M", "next / previous mention of the selected name"),
    k("t T", "next / previous paragraph of the selected topic"),
    k("] [", "next / previous of what the panel's tab lists"),
    k("Panel", ""),
    k("Tab S-Tab  l h  → ←", "next / previous tab"),
    k("J K", "select the next / previous row"),
    k("Enter", "jump to the selected row"),
    k("p", "show / hide the panel"),
    k("Search", ""),
    k("/", "search a name (aliases, typos), else the text"),
    k(
        "↓ ↑  Ctrl-n Ctrl-p",
        "in the prompt: choose among the names",
    ),
    k(
        "Enter",
        "in the prompt: select the name, or search the text",
    ),
    k("Ctrl-t", "in the prompt: search the text, not names"),
    k("n N", "next / previous match (or mention)"),
    k("Esc", "cancel the search, then clear the selection"),
    k("Other", ""),
    k("mouse wheel", "scroll the pane under the pointer"),
    k(
        "click",
        "select a panel row, or a name or quote in the text",
    ),
    k("?", "open / close this help"),
    k("q", "quit (with several articles: back to the list)"),
    k("Ctrl-c", "quit"),
    k("Ctrl-z", "suspend to the shell (fg comes back)"),
];

/// The action for `key` in `mode`, if the key means anything there.
///
/// ```
/// use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
/// use gloss::tui::{app::Mode, keys::key_action, update::{Action, Dir}};
/// let key = KeyEvent::new(KeyCode::Char('}'), KeyModifiers::NONE);
/// assert_eq!(key_action(Mode::Reading, key), Some(Action::Paragraph(Dir::Forward)));
/// ```
pub fn key_action(mode: Mode, key: KeyEvent) -> Option<Action> {
    use Action as A;
    use Dir::{Backward as B, Forward as F};
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && key.code == KeyCode::Char('c') {
        return Some(A::QuitAll);
    }
    if ctrl && key.code == KeyCode::Char('z') {
        return Some(A::Suspend);
    }
    match mode {
        Mode::Help => match key.code {
            KeyCode::Esc | KeyCode::Char('?') | KeyCode::Char('q') => Some(A::ToggleHelp),
            KeyCode::Char('j') | KeyCode::Down => Some(A::ScrollHelp(1)),
            KeyCode::Char('k') | KeyCode::Up => Some(A::ScrollHelp(-1)),
            KeyCode::Char(' ') | KeyCode::PageDown => Some(A::ScrollHelp(10)),
            KeyCode::Char('b') | KeyCode::PageUp => Some(A::ScrollHelp(-10)),
            _ => None,
        },
        Mode::Prompt => match key.code {
            KeyCode::Esc => Some(A::Escape),
            KeyCode::Enter => Some(A::SearchSubmit),
            KeyCode::Backspace => Some(A::SearchBackspace),
            KeyCode::Down | KeyCode::Tab => Some(A::MoveSelection(1)),
            KeyCode::Up | KeyCode::BackTab => Some(A::MoveSelection(-1)),
            KeyCode::Char('n') if ctrl => Some(A::MoveSelection(1)),
            KeyCode::Char('p') if ctrl => Some(A::MoveSelection(-1)),
            KeyCode::Char('t') if ctrl => Some(A::SearchText),
            KeyCode::Char(c) if !ctrl && !key.modifiers.contains(KeyModifiers::ALT) => {
                Some(A::SearchInput(c))
            }
            _ => None,
        },
        Mode::Reading => {
            if ctrl {
                return match key.code {
                    KeyCode::Char('d') => Some(A::HalfPage(F)),
                    KeyCode::Char('u') => Some(A::HalfPage(B)),
                    KeyCode::Char('f') => Some(A::Page(F)),
                    KeyCode::Char('b') => Some(A::Page(B)),
                    KeyCode::Char('n') => Some(A::MoveSelection(1)),
                    KeyCode::Char('p') => Some(A::MoveSelection(-1)),
                    _ => None,
                };
            }
            match key.code {
                KeyCode::Char('j') | KeyCode::Down => Some(A::ScrollRows(1)),
                KeyCode::Char('k') | KeyCode::Up => Some(A::ScrollRows(-1)),
                KeyCode::Char(' ') | KeyCode::PageDown => Some(A::Page(F)),
                KeyCode::Char('b') | KeyCode::PageUp => Some(A::Page(B)),
                KeyCode::Char('g') | KeyCode::Home => Some(A::Top),
                KeyCode::Char('G') | KeyCode::End => Some(A::Bottom),
                KeyCode::Char('}') => Some(A::Paragraph(F)),
                KeyCode::Char('{') => Some(A::Paragraph(B)),
                KeyCode::Char('\'') => Some(A::Step(Target::Quote, F)),
                KeyCode::Char('"') => Some(A::Step(Target::Quote, B)),
                KeyCode::Char('m') => Some(A::Step(Target::Mention, F)),
                KeyCode::Char('M') => Some(A::Step(Target::Mention, B)),
                KeyCode::Char('t') => Some(A::Step(Target::Topic, F)),
                KeyCode::Char('T') => Some(A::Step(Target::Topic, B)),
                KeyCode::Char(']') => Some(A::StepTab(F)),
                KeyCode::Char('[') => Some(A::StepTab(B)),
                KeyCode::Tab | KeyCode::Char('l') | KeyCode::Right => Some(A::SwitchTab(F)),
                KeyCode::BackTab | KeyCode::Char('h') | KeyCode::Left => Some(A::SwitchTab(B)),
                KeyCode::Char('J') => Some(A::MoveSelection(1)),
                KeyCode::Char('K') => Some(A::MoveSelection(-1)),
                KeyCode::Enter => Some(A::Activate),
                KeyCode::Char('p') => Some(A::TogglePanel),
                KeyCode::Char('/') => Some(A::SearchStart),
                KeyCode::Char('n') => Some(A::StepSearch(F)),
                KeyCode::Char('N') => Some(A::StepSearch(B)),
                KeyCode::Esc => Some(A::Escape),
                KeyCode::Char('?') => Some(A::ToggleHelp),
                KeyCode::Char('q') => Some(A::Quit),
                _ => None,
            }
        }
    }
}

/// The action for a mouse event: the wheel scrolls, a left click selects.
pub fn mouse_action(event: MouseEvent) -> Option<Action> {
    let (column, row) = (event.column, event.row);
    match event.kind {
        MouseEventKind::ScrollDown => Some(Action::Wheel {
            column,
            row,
            down: true,
        }),
        MouseEventKind::ScrollUp => Some(Action::Wheel {
            column,
            row,
            down: false,
        }),
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(c, m)
    }

    #[test]
    fn ctrl_c_quits_everywhere() {
        for mode in [Mode::Reading, Mode::Help, Mode::Prompt] {
            let k = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
            assert_eq!(key_action(mode, k), Some(Action::QuitAll));
        }
    }

    #[test]
    fn letters_type_into_the_prompt() {
        let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(key_action(Mode::Prompt, q), Some(Action::SearchInput('q')));
        assert_eq!(key_action(Mode::Reading, q), Some(Action::Quit));
    }

    #[test]
    fn shifted_letters_arrive_as_capitals() {
        let g = key(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(key_action(Mode::Reading, g), Some(Action::Bottom));
    }
}
