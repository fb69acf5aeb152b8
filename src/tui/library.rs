//! The list of articles opened together (`gloss a.txt b.html c.txt`): pick
//! one, read it, and come back with `q`.
//!
//! Entry points: [`Library`] (the model: one reader [`App`] per article, and
//! the selected row), [`LibraryAction`], [`Library::update`],
//! [`library_key`] and [`Library::draw`]. Same architecture as the reader:
//! a pure key mapping, a pure update, a pure view.

use super::app::App;
use super::config::Config;
use super::view::{clip, put};
use super::wrap::text_width;
use super::{OpenArticle, theme::Theme};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// One article of the list.
pub struct Entry {
    /// The reader for it, kept while the list is open (so its place is kept too).
    pub app: App,
    /// Its first paragraph, as a title.
    pub title: String,
}

/// The list of articles.
pub struct Library {
    pub entries: Vec<Entry>,
    pub cursor: usize,
    offset: usize,
    size: (u16, u16),
    theme: Theme,
    /// The article being read, if any.
    pub open: Option<usize>,
    pub quit: bool,
    /// Ctrl-z: the shell should suspend gloss (and clear this).
    pub suspend: bool,
}

/// What the reader can do in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LibraryAction {
    Move(i64),
    Top,
    Bottom,
    Open,
    /// Click on a screen row.
    Click(u16),
    Resize {
        width: u16,
        height: u16,
    },
    Quit,
    /// Ctrl-z.
    Suspend,
}

/// Rows each entry takes: the title, then the source and counts.
const ENTRY_ROWS: u16 = 2;
/// Rows above the list: a heading and a blank row.
const HEADER_ROWS: u16 = 2;

/// The action for `key` in the list.
pub fn library_key(key: KeyEvent) -> Option<LibraryAction> {
    use LibraryAction as L;
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('c') if ctrl => Some(L::Quit),
        KeyCode::Char('z') if ctrl => Some(L::Suspend),
        KeyCode::Char('j') | KeyCode::Down => Some(L::Move(1)),
        KeyCode::Char('k') | KeyCode::Up => Some(L::Move(-1)),
        KeyCode::Char('g') | KeyCode::Home => Some(L::Top),
        KeyCode::Char('G') | KeyCode::End => Some(L::Bottom),
        KeyCode::Enter | KeyCode::Char('l') | KeyCode::Right => Some(L::Open),
        KeyCode::Char('q') | KeyCode::Esc => Some(L::Quit),
        _ => None,
    }
}

impl Library {
    /// A list of `articles` for a `width` x `height` terminal.
    pub fn new(articles: Vec<OpenArticle>, config: &Config, width: u16, height: u16) -> Library {
        let apps = articles
            .into_iter()
            .map(|a| App::new(a, config.clone(), width, height))
            .collect();
        Library::from_apps(apps, config, width, height)
    }

    /// A list of articles already opened in readers.
    pub fn from_apps(apps: Vec<App>, config: &Config, width: u16, height: u16) -> Library {
        let entries = apps
            .into_iter()
            .map(|mut app| {
                app.in_library = true;
                let text = &app.text;
                let title = app
                    .rows
                    .paragraph_span(0)
                    .map(|p| p.of(text).chars().take(200).collect())
                    .unwrap_or_default();
                Entry { app, title }
            })
            .collect();
        Library {
            entries,
            cursor: 0,
            offset: 0,
            size: (width, height),
            theme: Theme::new(config.color),
            open: None,
            quit: false,
            suspend: false,
        }
    }

    fn visible_entries(&self) -> usize {
        (self.size.1.saturating_sub(HEADER_ROWS + 1) / ENTRY_ROWS).max(1) as usize
    }

    /// Applies `action` to the list.
    pub fn update(&mut self, action: LibraryAction) {
        let n = self.entries.len();
        match action {
            LibraryAction::Move(d) => {
                self.cursor =
                    (self.cursor as i64 + d).clamp(0, n.saturating_sub(1) as i64) as usize;
            }
            LibraryAction::Top => self.cursor = 0,
            LibraryAction::Bottom => self.cursor = n.saturating_sub(1),
            LibraryAction::Open => {
                if self.cursor < n {
                    self.open = Some(self.cursor);
                }
            }
            LibraryAction::Click(row) => {
                if let Some(r) = row.checked_sub(HEADER_ROWS) {
                    let i = self.offset + (r / ENTRY_ROWS) as usize;
                    if i < n {
                        self.cursor = i;
                        self.open = Some(i);
                    }
                }
            }
            LibraryAction::Resize { width, height } => self.size = (width, height),
            LibraryAction::Quit => self.quit = true,
            LibraryAction::Suspend => self.suspend = true,
        }
        let h = self.visible_entries();
        if self.cursor < self.offset {
            self.offset = self.cursor;
        } else if self.cursor >= self.offset + h {
            self.offset = self.cursor + 1 - h;
        }
    }

    /// Draws the list into `buf`.
    pub fn draw(&self, area: Rect, buf: &mut Buffer) {
        let t = &self.theme;
        if area.width < 10 || area.height < 4 {
            buf.set_stringn(
                area.x,
                area.y,
                "too small",
                area.width as usize,
                Style::new(),
            );
            return;
        }
        let w = area.width as usize;
        let head = format!(
            " {} articles · j/k: choose · Enter: read · q: quit",
            self.entries.len()
        );
        put(
            buf,
            area.x,
            area.y,
            area.width,
            &[(&clip(&head, w), t.title)],
        );
        let list_h = area.height.saturating_sub(HEADER_ROWS + 1);
        for (i, e) in self
            .entries
            .iter()
            .enumerate()
            .skip(self.offset)
            .take((list_h / ENTRY_ROWS) as usize)
        {
            let y = area.y + HEADER_ROWS + ((i - self.offset) as u16) * ENTRY_ROWS;
            let base = if i == self.cursor {
                t.selected_row
            } else {
                Style::new()
            };
            buf.set_style(Rect::new(area.x, y, area.width, ENTRY_ROWS), base);
            let title = clip(&format!(" {}", e.title), w);
            put(buf, area.x, y, area.width, &[(&title, t.title.patch(base))]);
            let plural = |n: usize, one: &str, many: &str| {
                format!("{n} {}", if n == 1 { one } else { many })
            };
            let found = match e.app.progress() {
                Some(p) => p.label(),
                None => format!(
                    "{} · {}",
                    plural(e.app.people.len(), "person", "people"),
                    plural(e.app.quotes.len(), "quote", "quotes"),
                ),
            };
            let line = format!(
                "   {} · {found} · {}",
                e.app.name(),
                plural(e.app.paragraph_count(), "paragraph", "paragraphs"),
            );
            let line = clip(&line, w);
            put(
                buf,
                area.x,
                y + 1,
                area.width,
                &[(&line, t.dim.patch(base))],
            );
        }
        let status = Rect::new(area.x, area.bottom() - 1, area.width, 1);
        buf.set_style(status, t.status);
        let hint = format!(" {}/{} ", self.cursor + 1, self.entries.len());
        let x = area.right().saturating_sub(text_width(&hint) as u16);
        put(
            buf,
            x,
            status.y,
            text_width(&hint) as u16,
            &[(&hint, t.status)],
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(name: &str, text: &str) -> OpenArticle {
        OpenArticle::analysed(name, crate::analysis::analyze(text))
    }

    #[test]
    fn choose_open_and_quit() {
        let mut lib = Library::new(
            vec![
                article("a.txt", "First story.\nMore."),
                article("b.txt", "Second story."),
            ],
            &Config::default(),
            80,
            24,
        );
        let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        lib.update(library_key(key('j')).unwrap());
        assert_eq!(lib.cursor, 1);
        lib.update(LibraryAction::Open);
        assert_eq!(lib.open, Some(1));
        lib.update(LibraryAction::Click(HEADER_ROWS));
        assert_eq!(lib.open, Some(0));
        lib.update(library_key(key('q')).unwrap());
        assert!(lib.quit);
        let mut buf = Buffer::empty(Rect::new(0, 0, 80, 24));
        lib.draw(buf.area, &mut buf);
        let row: String = (0..80).map(|x| buf[(x, HEADER_ROWS)].symbol()).collect();
        assert!(row.contains("First story."), "{row}");
    }

    #[test]
    fn entries_say_they_are_analysing_until_the_analysis_comes() {
        let text = "Mayor Ana Lima said on Monday that the bridge would open.";
        let mut lib = Library::new(
            vec![OpenArticle::text("a.txt", text.into())],
            &Config::default(),
            80,
            24,
        );
        let line = |lib: &Library| {
            let mut buf = Buffer::empty(Rect::new(0, 0, 80, 24));
            lib.draw(buf.area, &mut buf);
            (0..80)
                .map(|x| buf[(x, HEADER_ROWS + 1)].symbol())
                .collect::<String>()
        };
        assert!(line(&lib).contains("analysing: starting"), "{}", line(&lib));
        let ready = crate::tui::app::Analysed::new(crate::analysis::analyze(text));
        crate::tui::update::update(
            &mut lib.entries[0].app,
            crate::tui::update::Action::AnalysisReady(Box::new(ready)),
        );
        assert!(
            line(&lib).contains("a.txt · 1 person · 1 quote"),
            "{}",
            line(&lib)
        );
    }
}
