//! Every change to the reader: [`Action`]s and [`update`].
//!
//! `update` is the only function that changes an [`App`]. It is pure apart
//! from the app it is given: no terminal, no clock. After each action it
//! *settles* the app: wraps the paragraphs now on screen (so drawing never
//! wraps), keeps the top row in range and the panel's selected row visible.
//!
//! Moving through the article and stepping through items lives in
//! `navigate`, the mouse in `mouse`; both are methods of `App` that only
//! `update` calls.

use super::app::{Analysed, App, Focus, Search, Tab, Target};
use super::rows::{RowContent, RowPos};
use super::search::{find_text, find_words, match_names};
use crate::analysis::{EntityId, Span, Stage};

/// A direction through the article or a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Forward,
    Backward,
}

/// Everything the reader can ask for, and what the background analysis reports.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Scroll by rows (negative: up).
    ScrollRows(i64),
    /// Scroll a screenful.
    Page(Dir),
    /// Scroll half a screenful.
    HalfPage(Dir),
    /// Go to the start.
    Top,
    /// Go to the end.
    Bottom,
    /// Next or previous paragraph.
    Paragraph(Dir),
    /// Go to paragraph `n` (0-based), as when reopening where the reader left off.
    GoToParagraph(usize),
    /// Next or previous item of one kind.
    Step(Target, Dir),
    /// Next or previous item of what the panel's tab lists.
    StepTab(Dir),
    /// Next or previous search match (or mention of the entity found).
    StepSearch(Dir),
    /// Next or previous panel tab.
    SwitchTab(Dir),
    /// Move the panel's selected row.
    MoveSelection(i64),
    /// Jump to the selected panel row's first mention, quote or paragraph.
    Activate,
    /// Show or hide the side panel.
    TogglePanel,
    /// Open or close the help.
    ToggleHelp,
    /// Scroll the help by lines.
    ScrollHelp(i64),
    /// Close, cancel or clear, innermost first.
    Escape,
    /// Open the search prompt.
    SearchStart,
    /// Type a character into the prompt.
    SearchInput(char),
    /// Delete the last character of the prompt.
    SearchBackspace,
    /// Select the highlighted name, or search the text when none matches.
    SearchSubmit,
    /// Search the text even when names match.
    SearchText,
    /// The terminal was resized.
    Resize { width: u16, height: u16 },
    /// Mouse wheel at a cell (down: towards the end).
    Wheel { column: u16, row: u16, down: bool },
    /// Mouse click at a cell.
    Click { column: u16, row: u16 },
    /// Leave the article (back to the list when several are open).
    Quit,
    /// Leave gloss (Ctrl-c).
    QuitAll,
    /// Suspend gloss to the shell (Ctrl-z; `fg` comes back).
    Suspend,
    /// The background analysis began a stage.
    AnalysisProgress(Stage),
    /// Time passed while the analysis runs: how long it has run so far
    /// (turns the spinner, counts the seconds).
    Tick(std::time::Duration),
    /// The background analysis is done: names, quotes and topics appear,
    /// and its paragraphs replace the provisional ones.
    AnalysisReady(Box<Analysed>),
}

impl Action {
    /// True for the actions that need the analysis (stepping through
    /// quotes, mentions and topics, the panel's lists).
    pub fn needs_analysis(&self) -> bool {
        matches!(
            self,
            Action::Step(Target::Quote | Target::Mention | Target::Topic, _)
                | Action::StepTab(_)
                | Action::Activate
                | Action::MoveSelection(_)
        )
    }
}

/// What keys that need the analysis say while it runs.
pub const STILL_ANALYSING: &str =
    "still analysing: names, quotes and topics appear when it is done";

/// Applies `action` to `app`.
pub fn update(app: &mut App, action: Action) {
    if !matches!(
        action,
        Action::Resize { .. } | Action::AnalysisProgress(_) | Action::Tick(_)
    ) {
        app.message = None;
    }
    if !matches!(
        action,
        Action::Resize { .. } | Action::TogglePanel | Action::AnalysisProgress(_) | Action::Tick(_)
    ) {
        app.resize_anchor = None;
    }
    if app.progress.is_some()
        && action.needs_analysis()
        && !(matches!(action, Action::MoveSelection(_))
            && matches!(app.search, Search::Prompt { .. }))
    {
        app.message = Some(STILL_ANALYSING.into());
        app.settle();
        return;
    }
    match action {
        Action::ScrollRows(n) => app.scroll(n),
        Action::Page(dir) => {
            let n = app.page_height().saturating_sub(2).max(1) as i64;
            app.scroll(signed(dir, n));
        }
        Action::HalfPage(dir) => {
            let n = (app.page_height() / 2).max(1) as i64;
            app.scroll(signed(dir, n));
        }
        Action::Top => {
            app.top = RowPos::default();
            app.paragraph = 0;
        }
        Action::Bottom => {
            app.top = app.max_top();
            app.paragraph = app.paragraph_count().saturating_sub(1);
        }
        Action::Paragraph(dir) => app.move_paragraph(dir),
        Action::GoToParagraph(p) => {
            app.paragraph = p.min(app.paragraph_count().saturating_sub(1));
            let max = app.max_top();
            app.top = app.rows.paragraph_start(app.paragraph).min(max);
        }
        Action::Step(target, dir) => app.step(target, dir),
        Action::StepTab(dir) => app.step_tab(dir),
        Action::StepSearch(dir) => match (&app.search, app.focus) {
            (Search::Text { .. }, _) => app.step(Target::Match, dir),
            (_, Focus::Entity(_)) => app.step(Target::Mention, dir),
            (_, Focus::Topic(_)) => app.step(Target::Topic, dir),
            _ => app.message = Some("no search yet: press / to search".into()),
        },
        Action::SwitchTab(dir) => {
            app.tab = match dir {
                Dir::Forward => app.tab.next(),
                Dir::Backward => app.tab.prev(),
            };
        }
        Action::MoveSelection(n) => {
            if let Search::Prompt { hits, cursor, .. } = &mut app.search {
                *cursor = add_clamped(*cursor, n, hits.len());
            } else {
                let tab = app.tab;
                let len = app.list_len(tab);
                app.list_cursor[tab.index()] = add_clamped(app.list_cursor[tab.index()], n, len);
                app.select_row(false);
                app.reveal_selection();
            }
        }
        Action::Activate => {
            app.select_row(true);
            app.reveal_selection();
        }
        Action::TogglePanel => {
            let shown = app.panes().is_some_and(|p| p.panel.is_some());
            app.panel = Some(!shown);
            app.rewrap();
        }
        Action::ToggleHelp => {
            app.help = if app.help.is_some() { None } else { Some(0) };
        }
        Action::ScrollHelp(n) => {
            if let Some(h) = app.help {
                app.help = Some(add_clamped(h, n, super::keys::KEYS.len()));
            }
        }
        Action::Escape => app.escape(),
        Action::SearchStart => {
            app.search = Search::Prompt {
                query: String::new(),
                hits: Vec::new(),
                cursor: 0,
            };
        }
        Action::SearchInput(c) => {
            if let Search::Prompt {
                query,
                hits,
                cursor,
            } = &mut app.search
                && !c.is_control()
            {
                query.push(c);
                *hits = match_names(&app.analysis, query);
                *cursor = 0;
            }
        }
        Action::SearchBackspace => {
            if let Search::Prompt {
                query,
                hits,
                cursor,
            } = &mut app.search
            {
                if query.pop().is_none() {
                    app.search = Search::Off;
                } else {
                    *hits = match_names(&app.analysis, query);
                    *cursor = 0;
                }
            }
        }
        Action::SearchSubmit => app.submit_search(false),
        Action::SearchText => app.submit_search(true),
        Action::Resize { width, height } => {
            app.size = (width, height);
            app.rewrap();
        }
        // The mouse scrolls the help while it is open; a click closes it.
        Action::Wheel { down, .. } if app.help.is_some() => {
            let h = app.help.unwrap_or(0);
            app.help = Some(add_clamped(
                h,
                if down { 3 } else { -3 },
                super::keys::KEYS.len(),
            ));
        }
        Action::Click { .. } if app.help.is_some() => app.help = None,
        Action::Wheel { column, row, down } => app.wheel(column, row, down),
        Action::Click { column, row } => app.click(column, row),
        Action::Quit => app.quit = true,
        Action::QuitAll => app.quit_all = true,
        Action::Suspend => app.suspend = true,
        Action::AnalysisProgress(stage) => {
            if let Some(p) = &mut app.progress {
                p.stage = Some(stage);
            }
        }
        Action::Tick(elapsed) => {
            if let Some(p) = &mut app.progress {
                p.tick = p.tick.wrapping_add(1);
                p.seconds = elapsed.as_secs();
            }
        }
        Action::AnalysisReady(analysed) => app.analysis_ready(*analysed),
    }
    app.settle();
}

/// Frees what the reader no longer needs on another thread when it is
/// large: giving a 100 MB text back to the system takes tens of
/// milliseconds, longer than a frame may.
fn free_elsewhere<T: Send + 'static>(garbage: T, large: bool) {
    if large {
        let freed = std::thread::Builder::new()
            .name("gloss-free".into())
            .spawn(move || drop(garbage));
        // Without a thread, `freed` holds it and it is freed here.
        drop(freed);
    }
}

fn signed(dir: Dir, n: i64) -> i64 {
    match dir {
        Dir::Forward => n,
        Dir::Backward => -n,
    }
}

pub(crate) fn add_clamped(i: usize, n: i64, len: usize) -> usize {
    let max = len.saturating_sub(1) as i64;
    (i as i64 + n).clamp(0, max) as usize
}

impl App {
    /// Takes the finished analysis in place of the provisional one, keeping
    /// the reader's place by byte offset: the same words stay at the top of
    /// the screen and the same paragraph stays current.
    pub(crate) fn analysis_ready(&mut self, analysed: Analysed) {
        let top_offset = match self.rows.content(self.top) {
            Some(RowContent::Text { span, .. }) => Some(span.start),
            _ => None,
        };
        // A blank row between paragraphs: where the paragraph above ends.
        let gap_above = match self.rows.content(self.top) {
            Some(RowContent::Gap { paragraph }) => {
                self.rows.paragraph_span(paragraph).map(|s| s.end)
            }
            _ => None,
        };
        let current = self.rows.paragraph_span(self.paragraph).map(|s| s.start);
        let spans = analysed
            .analysis
            .paragraphs
            .iter()
            .map(|p| p.span)
            .collect();
        let unused_spans = self.rows.replace_paragraphs(&analysed.analysis.text, spans);
        // The analysis shares the reader's text (one copy in memory).
        let (old_text, old_analysis) = self.take_analysed(analysed);
        let large = old_text.len() > 4 << 20;
        free_elsewhere((old_text, old_analysis, unused_spans), large);
        self.progress = None;
        let text = &self.text;
        self.top = match (top_offset, gap_above) {
            (Some(offset), _) => self.rows.pos_of_offset(text, offset),
            (None, Some(end)) => {
                let last_row = self.rows.pos_of_offset(text, end.saturating_sub(1));
                self.rows.advance(text, last_row, 1)
            }
            (None, None) => RowPos::default(),
        };
        if let Some(start) = current {
            self.paragraph = self.rows.paragraph_of_offset(start);
        }
        let max = self.max_top();
        self.top = self.top.min(max);
        self.follow_view();
    }

    /// Wraps what is on screen and keeps positions in range.
    pub(crate) fn settle(&mut self) {
        let h = self.page_height();
        let max = self.max_top();
        if self.top > max {
            self.top = max;
        }
        let text = &self.text;
        self.rows.advance(text, self.top, h);
        self.paragraph = self
            .paragraph
            .min(self.rows.paragraph_count().saturating_sub(1));
        for tab in Tab::ALL {
            let len = self.list_len(tab);
            let i = tab.index();
            self.list_cursor[i] = self.list_cursor[i].min(len.saturating_sub(1));
            self.list_offset[i] = self.list_offset[i].min(len.saturating_sub(1));
        }
        if let Some(help) = self.help {
            self.help = Some(help.min(super::keys::KEYS.len().saturating_sub(1)));
        }
    }

    /// Re-wraps at the width the current layout gives the text, keeping
    /// the words at the top of the screen there (by byte offset) and the
    /// current paragraph on screen.
    pub(super) fn rewrap(&mut self) {
        let Some(panes) = self.panes() else {
            return;
        };
        // Successive resizes keep the first one's words, not a row start
        // that drifts a little earlier each time.
        let top_offset = self.resize_anchor.or(match self.rows.content(self.top) {
            Some(RowContent::Text { span, .. }) => Some(span.start),
            _ => None,
        });
        self.resize_anchor = top_offset;
        let text = &self.text;
        if self.rows.set_width(panes.text.width as usize) {
            self.top = match top_offset {
                Some(offset) => self.rows.pos_of_offset(text, offset),
                // The blank row after a paragraph stays that row.
                None => {
                    let row = self.rows.ensure(text, self.top.block).len();
                    let block = self.top.block;
                    self.rows.clamp(text, RowPos { block, row })
                }
            };
        }
        if !self.paragraph_visible(self.paragraph) {
            self.top = self.rows.paragraph_start(self.paragraph);
        }
        let max = self.max_top();
        self.top = self.top.min(max);
    }

    /// The top row that shows the article's last row at the bottom.
    pub(crate) fn max_top(&mut self) -> RowPos {
        let h = self.page_height();
        let text = &self.text;
        let last = self.rows.last(text);
        self.rows.retreat(text, last, h.saturating_sub(1))
    }

    /// Puts the panel on `tab` with row `row` selected.
    pub(super) fn tab_follow(&mut self, tab: Tab, row: usize) {
        self.tab = tab;
        self.list_cursor[tab.index()] = row;
        self.reveal_selection();
    }

    pub(super) fn focus_entity(&mut self, id: EntityId) {
        self.focus = Focus::Entity(id);
        self.mention = None;
        self.topic_paragraph = None;
        self.topic_words.clear();
    }

    pub(super) fn focus_topic(&mut self, t: usize) {
        let Some(topic) = self.analysis.topics.get(t) else {
            return;
        };
        self.focus = Focus::Topic(t);
        self.mention = None;
        self.topic_paragraph = None;
        let within: Vec<Span> = topic
            .paragraphs
            .iter()
            .filter_map(|&p| self.rows.paragraph_span(p))
            .collect();
        let mut words: Vec<String> = topic.keywords.clone();
        words.push(topic.label.clone());
        let mut spans = find_words(&self.text, &words, &within);
        for id in &topic.entities {
            if let Some(e) = self.analysis.entities.get(*id) {
                spans.extend(
                    e.mentions
                        .iter()
                        .filter(|m| within.iter().any(|w| w.contains(m))),
                );
            }
        }
        spans.sort();
        spans.dedup_by(|b, a| b.start < a.end);
        self.topic_words = spans;
    }

    /// Acts on the selected panel row: selects it, and with `jump` goes to it.
    pub(super) fn select_row(&mut self, jump: bool) {
        let tab = self.tab;
        let row = self.list_cursor[tab.index()];
        match tab {
            Tab::People | Tab::Places => {
                let Some(&id) = self.entity_list(tab).get(row) else {
                    return;
                };
                if self.focus != Focus::Entity(id) {
                    self.focus_entity(id);
                }
                if jump {
                    let first = self.analysis.entities[id].mentions.first().copied();
                    if let Some(m) = first {
                        self.mention = Some(0);
                        self.show_offset(m.start);
                        self.last_step = Some(Target::Mention);
                    } else {
                        self.message = Some("no mentions of it in the text".into());
                    }
                }
            }
            Tab::Quotes => {
                let Some(&q) = self.quotes.get(row) else {
                    return;
                };
                self.quote = Some(row);
                self.last_step = Some(Target::Quote);
                if jump {
                    self.show_offset(self.analysis.quotes[q].content.start);
                }
            }
            Tab::Topics => {
                if row >= self.analysis.topics.len() {
                    return;
                }
                if self.focus != Focus::Topic(row) {
                    self.focus_topic(row);
                }
                self.last_step = Some(Target::Topic);
                if jump {
                    let first = self.analysis.topics[row].paragraphs.first().copied();
                    if let Some(p) = first {
                        self.topic_paragraph = Some(0);
                        self.paragraph = p.min(self.paragraph_count().saturating_sub(1));
                        let max = self.max_top();
                        self.top = self.rows.paragraph_start(self.paragraph).min(max);
                    }
                }
            }
        }
    }

    /// Scrolls the panel's list so its selected row is visible.
    pub(super) fn reveal_selection(&mut self) {
        let Some(list) = self.panes().and_then(|p| p.panel_list()) else {
            return;
        };
        let h = (list.height as usize / self.tab.item_height()).max(1);
        let i = self.tab.index();
        let cur = self.list_cursor[i];
        if cur < self.list_offset[i] {
            self.list_offset[i] = cur;
        } else if cur >= self.list_offset[i] + h {
            self.list_offset[i] = cur + 1 - h;
        }
    }

    pub(super) fn escape(&mut self) {
        if self.help.is_some() {
            self.help = None;
        } else if !matches!(self.search, Search::Off) {
            self.search = Search::Off;
            if self.last_step == Some(Target::Match) {
                self.last_step = None;
            }
        } else if self.focus != Focus::None || self.quote.is_some() {
            self.focus = Focus::None;
            self.mention = None;
            self.topic_paragraph = None;
            self.topic_words.clear();
            self.quote = None;
            self.last_step = None;
        }
    }

    pub(super) fn submit_search(&mut self, text_only: bool) {
        let Search::Prompt {
            query,
            hits,
            cursor,
        } = std::mem::take(&mut self.search)
        else {
            return;
        };
        if query.trim().is_empty() {
            return;
        }
        if !text_only && let Some(&id) = hits.get(cursor) {
            self.focus_entity(id);
            let kind = self.analysis.entities[id].kind;
            let tab = Tab::of_kind(kind);
            if let Some(row) = self.entity_list(tab).iter().position(|&e| e == id) {
                self.tab_follow(tab, row);
            }
            if let Some(first) = self.analysis.entities[id].mentions.first().copied() {
                self.mention = Some(0);
                self.show_offset(first.start);
            }
            self.last_step = Some(Target::Mention);
            return;
        }
        let matches = find_text(&self.text, &query);
        if matches.is_empty() {
            self.message = Some(format!(
                "no name or text matches “{}”",
                crate::report::shorten(&crate::report::sanitize(&query), 30)
            ));
            return;
        }
        self.search = Search::Text {
            query,
            matches,
            current: None,
        };
        self.step(Target::Match, Dir::Forward);
    }
}
