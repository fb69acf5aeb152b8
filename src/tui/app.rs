//! The reader's state: [`App`], everything the screen shows and nothing else.
//!
//! `App` is the model of The Elm Architecture. It is changed only by
//! [`crate::tui::update::update`] and read by the views. It holds the article
//! and its analysis, the wrapped rows and marks computed from them, where the
//! reader is (top row, current paragraph), what is selected (panel tab and
//! row, the focused entity or topic, the current quote, mention or match),
//! the search, and the terminal size. No terminal, no I/O, no clock: tests
//! build one from a hand-made analysis and drive it with actions.
//!
//! The methods here are small reads and geometry helpers that `update` and
//! the views share (page height, what is visible, panel lists).

pub use super::analysed::{Analysed, Progress};
use super::config::Config;
use super::marks::Marks;
use super::rows::{RowContent, RowPos, WrappedRows};
use super::screen::{Panes, Screen};
use super::theme::Theme;
use crate::analysis::{Analysis, EntityId, EntityKind, Span};
use ratatui::layout::Rect;
use std::sync::Arc;

/// What the reader has of an article when it opens.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    /// The article, analysed.
    Analysed(Analysis),
    /// Only its text: the reader shows it at once, cut into paragraphs the
    /// way the analysis will cut them, and fills in names, quotes and topics
    /// when [`crate::tui::update::Action::AnalysisReady`] brings the analysis.
    Text(String),
}

/// An article to open in the reader.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenArticle {
    /// What to call it on screen (file name).
    pub name: String,
    /// The article, analysed or not yet.
    pub content: Content,
    /// Things the reader should know about how it was loaded.
    pub warnings: Vec<String>,
    /// The author line ("By Priya Raman"), when the source gives one.
    pub byline: Option<String>,
    /// The publication date as the source gives it.
    pub date: Option<String>,
}

impl OpenArticle {
    /// An analysed article called `name`.
    pub fn analysed(name: impl Into<String>, analysis: Analysis) -> Self {
        OpenArticle {
            name: name.into(),
            content: Content::Analysed(analysis),
            warnings: Vec::new(),
            byline: None,
            date: None,
        }
    }

    /// An article called `name` whose analysis will come later.
    pub fn text(name: impl Into<String>, text: String) -> Self {
        OpenArticle {
            content: Content::Text(text),
            ..OpenArticle::analysed(name, crate::tui::search::empty_analysis(""))
        }
    }
}

/// The tabs of the side panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    People,
    /// Places and organisations, plus groups, money, dates and quantities.
    Places,
    Quotes,
    Topics,
}

impl Tab {
    /// The tabs in screen order.
    pub const ALL: [Tab; 4] = [Tab::People, Tab::Places, Tab::Quotes, Tab::Topics];

    /// The tab's title.
    pub const fn title(self) -> &'static str {
        match self {
            Tab::People => "People",
            Tab::Places => "Places & orgs",
            Tab::Quotes => "Quotes",
            Tab::Topics => "Topics",
        }
    }

    /// Position in [`Tab::ALL`].
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The next tab (wrapping).
    pub const fn next(self) -> Tab {
        Tab::ALL[(self.index() + 1) % 4]
    }

    /// The previous tab (wrapping).
    pub const fn prev(self) -> Tab {
        Tab::ALL[(self.index() + 3) % 4]
    }

    /// Screen rows one item of the tab's list takes (quotes take two:
    /// who, then the words).
    pub const fn item_height(self) -> usize {
        match self {
            Tab::Quotes => 2,
            _ => 1,
        }
    }

    /// The tab that lists entities of `kind`.
    pub const fn of_kind(kind: EntityKind) -> Tab {
        match kind {
            EntityKind::Person => Tab::People,
            _ => Tab::Places,
        }
    }
}

/// What the reader has picked to follow through the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    None,
    /// An entity: all its mentions are emphasised.
    Entity(EntityId),
    /// A topic (index into the analysis's topics): its words are emphasised.
    Topic(usize),
}

/// What the reader steps through with the next/previous keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Quote,
    Topic,
    Mention,
    Match,
}

/// The search, from `/` to the last match.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Search {
    /// No search.
    #[default]
    Off,
    /// The prompt is open; `hits` are the entities whose names match.
    Prompt {
        query: String,
        hits: Vec<EntityId>,
        cursor: usize,
    },
    /// A text search: every match, and the one the reader is on.
    Text {
        query: String,
        matches: Vec<Span>,
        current: Option<usize>,
    },
}

/// What keys mean right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Reading,
    Help,
    Prompt,
}

/// The reader's whole state.
pub struct App {
    pub(crate) name: String,
    /// The article's text, shared with its analysis while that runs.
    pub(crate) text: Arc<String>,
    /// The analysis, its text moved to `text` (while it runs: provisional
    /// paragraphs and nothing found).
    pub(crate) analysis: Analysis,
    pub(crate) config: Config,
    pub(crate) theme: Theme,
    pub(crate) rows: WrappedRows,
    pub(crate) marks: Marks,
    /// People, most mentioned first.
    pub(crate) people: Vec<EntityId>,
    /// Everything else, by kind, then most mentioned first.
    pub(crate) places: Vec<EntityId>,
    /// Quote indices in text order.
    pub(crate) quotes: Vec<usize>,
    /// Some while the analysis is still running (the text is then in
    /// provisional paragraphs, with nothing marked).
    pub(crate) progress: Option<Progress>,
    /// "By Priya Raman · 2024-05-02", when the source gives them.
    pub(crate) byline: Option<String>,
    pub(crate) size: (u16, u16),
    pub(crate) top: RowPos,
    /// The byte offset at the top of the screen when a resize began, kept
    /// through the resizes that follow it (none after other actions).
    pub(crate) resize_anchor: Option<usize>,
    pub(crate) paragraph: usize,
    pub(crate) tab: Tab,
    pub(crate) list_cursor: [usize; 4],
    pub(crate) list_offset: [usize; 4],
    /// The reader's choice to show the panel; None: automatic.
    pub(crate) panel: Option<bool>,
    pub(crate) focus: Focus,
    /// Position in `quotes` of the current quote.
    pub(crate) quote: Option<usize>,
    /// Index of the current mention among the focused entity's mentions.
    pub(crate) mention: Option<usize>,
    /// Index of the current paragraph among the focused topic's paragraphs.
    pub(crate) topic_paragraph: Option<usize>,
    /// Where the focused topic's words are, in text order.
    pub(crate) topic_words: Vec<Span>,
    pub(crate) search: Search,
    pub(crate) help: Option<usize>,
    pub(crate) message: Option<String>,
    pub(crate) last_step: Option<Target>,
    pub(crate) quit: bool,
    /// Ctrl-c: leave gloss, not just this article.
    pub(crate) quit_all: bool,
    /// True when the article was opened from a list (q goes back to it).
    pub in_library: bool,
    /// Ctrl-z: the shell should suspend gloss (and clear this).
    pub(crate) suspend: bool,
}

impl App {
    /// Takes an analysis and the lists filed from it (the reader's text
    /// becomes the analysis's); returns the text and analysis they replace.
    /// The rows are the caller's business.
    pub(crate) fn take_analysed(&mut self, analysed: Analysed) -> (Arc<String>, Analysis) {
        let Analysed {
            analysis,
            marks,
            people,
            places,
            quotes,
        } = analysed;
        self.marks = marks;
        self.people = people;
        self.places = places;
        self.quotes = quotes;
        let old_text = std::mem::replace(&mut self.text, Arc::clone(&analysis.text));
        let old_analysis = std::mem::replace(&mut self.analysis, analysis);
        (old_text, old_analysis)
    }

    /// Opens `article` for a terminal of `width` x `height`.
    pub fn new(article: OpenArticle, config: Config, width: u16, height: u16) -> App {
        let (analysed, progress) = match article.content {
            Content::Analysed(a) => (Analysed::new(a), None),
            Content::Text(t) => (
                Analysed::provisional(Arc::new(t)),
                Some(Progress::default()),
            ),
        };
        let text = Arc::clone(&analysed.analysis.text);
        let spans: Vec<Span> = analysed
            .analysis
            .paragraphs
            .iter()
            .map(|p| p.span)
            .collect();
        let byline = [article.byline, article.date]
            .into_iter()
            .flatten()
            .map(|s| crate::report::sanitize(s.trim()))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>();
        let byline = (!byline.is_empty()).then(|| byline.join(" · "));
        let theme = Theme::new(config.color);
        let mut app = App {
            name: crate::report::sanitize(&article.name),
            rows: WrappedRows::new(&text, spans, config.measure as usize),
            // filled from `analysed` below, as a finished analysis is
            analysis: Analysis {
                text: Arc::clone(&text),
                ..crate::tui::search::empty_analysis("")
            },
            text,
            marks: Marks::default(),
            people: Vec::new(),
            places: Vec::new(),
            quotes: Vec::new(),
            progress,
            byline,
            size: (width, height),
            top: RowPos::default(),
            resize_anchor: None,
            paragraph: 0,
            tab: Tab::People,
            list_cursor: [0; 4],
            list_offset: [0; 4],
            panel: None,
            focus: Focus::None,
            quote: None,
            mention: None,
            topic_paragraph: None,
            topic_words: Vec::new(),
            search: Search::Off,
            help: None,
            message: article.warnings.first().cloned(),
            last_step: None,
            quit: false,
            quit_all: false,
            in_library: false,
            suspend: false,
            config,
            theme,
        };
        app.take_analysed(analysed);
        if let Some(p) = app.panes() {
            app.rows.set_width(p.text.width as usize);
        }
        app.settle();
        app
    }

    /// The file name shown in the status line.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The article's text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The article's text, to share with its analysis.
    pub fn shared_text(&self) -> Arc<String> {
        Arc::clone(&self.text)
    }

    /// The article's analysis, without its text (that is [`App::text`]);
    /// while the analysis runs: the provisional paragraphs, nothing found.
    pub fn analysis(&self) -> &Analysis {
        &self.analysis
    }

    /// How far the analysis has got, while it runs; None once it is done.
    pub fn progress(&self) -> Option<Progress> {
        self.progress
    }

    /// The author line and date, when the source gives them.
    pub fn byline(&self) -> Option<&str> {
        self.byline.as_deref()
    }

    /// True once Ctrl-z asked the shell to suspend gloss; clears the request.
    pub fn take_suspend(&mut self) -> bool {
        std::mem::take(&mut self.suspend)
    }

    /// The theme in use.
    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// True once the reader asked to leave the article.
    pub fn should_quit(&self) -> bool {
        self.quit || self.quit_all
    }

    /// True once the reader asked to leave gloss altogether (Ctrl-c).
    pub fn should_quit_all(&self) -> bool {
        self.quit_all
    }

    /// Sets the message shown in the status line until the next key.
    pub fn set_message(&mut self, message: impl Into<String>) {
        self.message = Some(message.into());
    }

    /// The current paragraph (0-based), marked in the gutter.
    pub fn paragraph(&self) -> usize {
        self.paragraph
    }

    /// The first row on screen.
    pub fn top(&self) -> RowPos {
        self.top
    }

    /// The panel tab shown.
    pub fn tab(&self) -> Tab {
        self.tab
    }

    /// The selected row of the current tab's list.
    pub fn list_cursor(&self) -> usize {
        self.list_cursor[self.tab.index()]
    }

    /// What the reader follows.
    pub fn focus(&self) -> Focus {
        self.focus
    }

    /// The current quote (index into the analysis's quotes).
    pub fn current_quote(&self) -> Option<usize> {
        self.quote.and_then(|k| self.quotes.get(k).copied())
    }

    /// The current mention of the focused entity.
    pub fn current_mention(&self) -> Option<Span> {
        let Focus::Entity(id) = self.focus else {
            return None;
        };
        self.analysis
            .entities
            .get(id)?
            .mentions
            .get(self.mention?)
            .copied()
    }

    /// The search state.
    pub fn search(&self) -> &Search {
        &self.search
    }

    /// The message shown in the status line, if any.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// True while the help overlay is open.
    pub fn help_open(&self) -> bool {
        self.help.is_some()
    }

    /// What keys mean now.
    pub fn mode(&self) -> Mode {
        if self.help.is_some() {
            Mode::Help
        } else if matches!(self.search, Search::Prompt { .. }) {
            Mode::Prompt
        } else {
            Mode::Reading
        }
    }

    /// The panes for the current size.
    pub fn screen(&self) -> Screen {
        Screen::layout(
            Rect::new(0, 0, self.size.0, self.size.1),
            self.config.measure,
            self.config.panel_width,
            self.panel,
        )
    }

    /// The panes, unless the terminal is too small.
    pub fn panes(&self) -> Option<Panes> {
        self.screen().panes().copied()
    }

    /// Rows of text on screen.
    pub fn page_height(&self) -> usize {
        self.panes().map_or(1, |p| p.text.height.max(1) as usize)
    }

    /// The entities listed in `tab` (empty for the quote and topic tabs).
    pub fn entity_list(&self, tab: Tab) -> &[EntityId] {
        match tab {
            Tab::People => &self.people,
            Tab::Places => &self.places,
            _ => &[],
        }
    }

    /// Number of rows in `tab`'s list.
    pub fn list_len(&self, tab: Tab) -> usize {
        match tab {
            Tab::People => self.people.len(),
            Tab::Places => self.places.len(),
            Tab::Quotes => self.quotes.len(),
            Tab::Topics => self.analysis.topics.len(),
        }
    }

    /// The rows on screen, from the top (only wrapped paragraphs; `update`
    /// wraps everything visible before a frame is drawn).
    pub fn visible_rows(&self) -> Vec<RowContent> {
        self.rows.visible(self.top, self.page_height())
    }

    /// The paragraphs' count.
    pub fn paragraph_count(&self) -> usize {
        self.rows.paragraph_count()
    }

    /// Counters for the status line: "quote 3/12", "Blinken 2/7", ...,
    /// the most recently used first.
    pub fn counters(&self) -> Vec<String> {
        let mut out: Vec<(Target, String)> = Vec::new();
        if let Some(k) = self.quote {
            out.push((
                Target::Quote,
                format!("quote {}/{}", k + 1, self.quotes.len()),
            ));
        }
        match self.focus {
            Focus::Entity(id) => {
                if let Some(e) = self.analysis.entities.get(id) {
                    let name = crate::report::shorten(&crate::report::sanitize(&e.name), 24);
                    let n = e.mentions.len();
                    let s = match self.mention {
                        Some(j) => format!("{name} {}/{n}", j + 1),
                        None => format!("{name} ({n})"),
                    };
                    out.push((Target::Mention, s));
                }
            }
            Focus::Topic(t) => {
                if let Some(topic) = self.analysis.topics.get(t) {
                    let label = crate::report::shorten(&crate::report::sanitize(&topic.label), 24);
                    let n = topic.paragraphs.len();
                    let s = match self.topic_paragraph {
                        Some(j) => format!("{label} ¶ {}/{n}", j + 1),
                        None => format!("{label} ({n} ¶)"),
                    };
                    out.push((Target::Topic, s));
                }
            }
            Focus::None => {}
        }
        if let Search::Text {
            query,
            matches,
            current,
        } = &self.search
        {
            let q = crate::report::shorten(&crate::report::sanitize(query), 20);
            let s = match current {
                Some(i) => format!("/{q} {}/{}", i + 1, matches.len()),
                None => format!("/{q} ({})", matches.len()),
            };
            out.push((Target::Match, s));
        }
        if let Some(last) = self.last_step {
            out.sort_by_key(|(t, _)| *t != last);
        }
        out.into_iter().map(|(_, s)| s).collect()
    }
}
