//! Every change to the reader: [`Action`]s and [`update`].
//!
//! `update` is the only function that changes an [`App`]. It is pure apart
//! from the app it is given: no terminal, no clock. After each action it
//! *settles* the app: wraps the paragraphs now on screen (so drawing never
//! wraps), keeps the top row in range and the panel's selected row visible.
//!
//! Moving through items (quotes, mentions, topic paragraphs, search matches)
//! shares one rule: when the current item is on screen, go to the one after
//! (or before) it; otherwise start from the top of the screen. Either way the
//! counter wraps around at the ends, with a message saying so.

use super::app::{App, Focus, Search, Tab, Target};
use super::screen::{PANEL_HEADER, Screen, panel_inner};
use super::search::{find_text, find_words, match_names};
use super::wrap::{RowContent, RowPos, WrappedRows};
use crate::analysis::{EntityId, Span};

/// A direction through the article or a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Forward,
    Backward,
}

/// Everything the reader can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
}

/// Rows the mouse wheel scrolls.
const WHEEL_ROWS: i64 = 3;

/// Applies `action` to `app`.
pub fn update(app: &mut App, action: Action) {
    if !matches!(action, Action::Resize { .. }) {
        app.message = None;
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
            app.top = RowPos::paragraph_start(app.paragraph).min(max);
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
        Action::Wheel { column, row, down } => app.wheel(column, row, down),
        Action::Click { column, row } => app.click(column, row),
        Action::Quit => app.quit = true,
        Action::QuitAll => app.quit_all = true,
    }
    app.settle();
}

fn signed(dir: Dir, n: i64) -> i64 {
    match dir {
        Dir::Forward => n,
        Dir::Backward => -n,
    }
}

fn add_clamped(i: usize, n: i64, len: usize) -> usize {
    let max = len.saturating_sub(1) as i64;
    (i as i64 + n).clamp(0, max) as usize
}

impl App {
    /// Wraps what is on screen and keeps positions in range.
    pub(crate) fn settle(&mut self) {
        let h = self.page_height();
        let max = self.max_top();
        if self.top > max {
            self.top = max;
        }
        let text = &self.analysis.text;
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
    /// the current paragraph on screen.
    fn rewrap(&mut self) {
        let Some(panes) = self.panes() else {
            return;
        };
        let text = &self.analysis.text;
        let old_rows = self.rows.rows(self.top.paragraph).map_or(1, |r| r.len());
        if self.rows.set_width(panes.text.width as usize) {
            let new_rows = self.rows.ensure(text, self.top.paragraph).len();
            let row = if self.top.row >= old_rows {
                new_rows
            } else {
                self.top.row * new_rows / old_rows.max(1)
            };
            self.top = self.rows.clamp(
                text,
                RowPos {
                    paragraph: self.top.paragraph,
                    row,
                },
            );
        }
        if !self.paragraph_visible(self.paragraph) {
            self.top = RowPos::paragraph_start(self.paragraph);
        }
        let max = self.max_top();
        self.top = self.top.min(max);
    }

    /// The top row that shows the article's last row at the bottom.
    pub(crate) fn max_top(&mut self) -> RowPos {
        let h = self.page_height();
        let text = &self.analysis.text;
        let last = self.rows.last(text);
        self.rows.retreat(text, last, h.saturating_sub(1))
    }

    /// The last row on screen.
    fn bottom(&mut self) -> RowPos {
        let h = self.page_height();
        let text = &self.analysis.text;
        self.rows.advance(text, self.top, h.saturating_sub(1))
    }

    /// True when some text row of paragraph `p` is on screen.
    fn paragraph_visible(&mut self, p: usize) -> bool {
        let first_text = match self.rows.content(self.top) {
            Some(RowContent::Gap { paragraph }) => paragraph + 1,
            _ => self.top.paragraph,
        };
        let bottom = self.bottom();
        first_text <= p && p <= bottom.paragraph
    }

    /// Scrolls by `n` rows; the current paragraph follows when it leaves the screen.
    fn scroll(&mut self, n: i64) {
        let text = &self.analysis.text;
        let top = if n >= 0 {
            self.rows.advance(text, self.top, n as usize)
        } else {
            self.rows.retreat(text, self.top, n.unsigned_abs() as usize)
        };
        let max = self.max_top();
        self.top = top.min(max);
        self.follow_view();
    }

    /// Moves the current paragraph onto the screen if it left it.
    fn follow_view(&mut self) {
        if self.paragraph_visible(self.paragraph) {
            return;
        }
        let first_text = match self.rows.content(self.top) {
            Some(RowContent::Gap { paragraph }) => paragraph + 1,
            _ => self.top.paragraph,
        };
        if self.paragraph < first_text {
            // Prefer the first paragraph that starts on screen.
            let start_on_screen = if self.top.row == 0 {
                self.top.paragraph
            } else {
                self.top.paragraph + 1
            };
            self.paragraph = if self.paragraph_visible(start_on_screen) {
                start_on_screen
            } else {
                first_text
            };
        } else {
            self.paragraph = self.bottom().paragraph;
        }
        self.paragraph = self
            .paragraph
            .min(self.rows.paragraph_count().saturating_sub(1));
    }

    fn move_paragraph(&mut self, dir: Dir) {
        let n = self.paragraph_count();
        if n == 0 {
            return;
        }
        let p = match dir {
            Dir::Forward => (self.paragraph + 1).min(n - 1),
            Dir::Backward => {
                if self.top > RowPos::paragraph_start(self.paragraph) {
                    // The current paragraph starts above the screen: show its start first.
                    self.paragraph
                } else {
                    self.paragraph.saturating_sub(1)
                }
            }
        };
        self.paragraph = p;
        let max = self.max_top();
        self.top = RowPos::paragraph_start(p).min(max);
    }

    /// Brings byte `offset` on screen (about a third down when it was not)
    /// and makes its paragraph current.
    fn show_offset(&mut self, offset: usize) {
        let text = &self.analysis.text;
        let pos = self.rows.pos_of_offset(text, offset);
        self.paragraph = pos.paragraph;
        let h = self.page_height();
        let near_bottom = self
            .rows
            .advance(text, self.top, h.saturating_sub(2).max(1));
        if !(self.top <= pos && pos < near_bottom) || pos == self.top && h < 3 {
            let text = &self.analysis.text;
            self.top = self.rows.retreat(text, pos, h / 3);
        }
        let max = self.max_top();
        self.top = self.top.min(max);
    }

    /// Steps to the next or previous item of `target`.
    fn step(&mut self, target: Target, dir: Dir) {
        let wrap_note = |what: &str, dir: Dir| match dir {
            Dir::Forward => format!("passed the last {what}; back to the first"),
            Dir::Backward => format!("passed the first {what}; on to the last"),
        };
        let height = self.page_height();
        let (what, offset, wrapped) = match target {
            Target::Quote => {
                let (all, order) = (&self.analysis.quotes, &self.quotes);
                let mut view = View::new(&mut self.rows, &self.analysis.text, self.top, height);
                let Some((k, wrapped)) = view.next_item(order.len(), self.quote, dir, |i| {
                    all[order[i]].content.start
                }) else {
                    self.message = Some("no quotes found in this article".into());
                    return;
                };
                self.quote = Some(k);
                let offset = all[order[k]].content.start;
                self.tab_follow(Tab::Quotes, k);
                ("quote", offset, wrapped)
            }
            Target::Mention => {
                let Focus::Entity(id) = self.focus else {
                    self.message =
                        Some("no one selected: pick a name in the panel (J/K) or with /".into());
                    return;
                };
                let Some(entity) = self.analysis.entities.get(id) else {
                    return;
                };
                let mentions = &entity.mentions;
                let mut view = View::new(&mut self.rows, &self.analysis.text, self.top, height);
                let Some((j, wrapped)) =
                    view.next_item(mentions.len(), self.mention, dir, |i| mentions[i].start)
                else {
                    self.message = Some("no mentions of it in the text".into());
                    return;
                };
                self.mention = Some(j);
                ("mention", mentions[j].start, wrapped)
            }
            Target::Topic => {
                if !matches!(self.focus, Focus::Topic(_)) {
                    let t = self.list_cursor[Tab::Topics.index()];
                    if t >= self.analysis.topics.len() {
                        self.message = Some("no topics found in this article".into());
                        return;
                    }
                    self.focus_topic(t);
                }
                let Focus::Topic(t) = self.focus else {
                    return;
                };
                let paragraphs = &self.analysis.paragraphs;
                let mut list = self.analysis.topics[t].paragraphs.as_slice();
                // Only paragraphs that exist (a topic from a stale analysis).
                while list.last().is_some_and(|&p| p >= paragraphs.len()) {
                    list = &list[..list.len() - 1];
                }
                let mut view = View::new(&mut self.rows, &self.analysis.text, self.top, height);
                let Some((j, wrapped)) =
                    view.next_item(list.len(), self.topic_paragraph, dir, |i| {
                        paragraphs[list[i]].span.start
                    })
                else {
                    self.message = Some("this topic has no paragraphs".into());
                    return;
                };
                self.topic_paragraph = Some(j);
                let p = list[j];
                self.paragraph = p;
                let max = self.max_top();
                self.top = RowPos::paragraph_start(p).min(max);
                self.last_step = Some(target);
                if wrapped {
                    self.message = Some(wrap_note("paragraph of the topic", dir));
                }
                return;
            }
            Target::Match => {
                let Search::Text {
                    matches, current, ..
                } = &mut self.search
                else {
                    self.message = Some("no text search: press / to search".into());
                    return;
                };
                let mut view = View::new(&mut self.rows, &self.analysis.text, self.top, height);
                let found = view.next_item(matches.len(), *current, dir, |i| matches[i].start);
                let Some((i, wrapped)) = found else {
                    return;
                };
                *current = Some(i);
                ("match", matches[i].start, wrapped)
            }
        };
        self.show_offset(offset);
        self.last_step = Some(target);
        if wrapped {
            self.message = Some(wrap_note(what, dir));
        }
    }

    /// `]` / `[`: steps through what the current tab lists.
    fn step_tab(&mut self, dir: Dir) {
        match self.tab {
            Tab::People | Tab::Places => {
                let list = self.entity_list(self.tab);
                if let Some(&id) = list.get(self.list_cursor[self.tab.index()])
                    && self.focus != Focus::Entity(id)
                {
                    self.focus_entity(id);
                }
                self.step(Target::Mention, dir);
            }
            Tab::Quotes => self.step(Target::Quote, dir),
            Tab::Topics => {
                let t = self.list_cursor[Tab::Topics.index()];
                if t < self.analysis.topics.len() && self.focus != Focus::Topic(t) {
                    self.focus_topic(t);
                }
                self.step(Target::Topic, dir);
            }
        }
    }

    /// Puts the panel on `tab` with row `row` selected.
    fn tab_follow(&mut self, tab: Tab, row: usize) {
        self.tab = tab;
        self.list_cursor[tab.index()] = row;
        self.reveal_selection();
    }

    fn focus_entity(&mut self, id: EntityId) {
        self.focus = Focus::Entity(id);
        self.mention = None;
        self.topic_paragraph = None;
        self.topic_words.clear();
    }

    fn focus_topic(&mut self, t: usize) {
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
        let mut spans = find_words(&self.analysis.text, &words, &within);
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
    fn select_row(&mut self, jump: bool) {
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
                        self.top = RowPos::paragraph_start(self.paragraph).min(max);
                    }
                }
            }
        }
    }

    /// Scrolls the panel's list so its selected row is visible.
    fn reveal_selection(&mut self) {
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

    fn escape(&mut self) {
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

    fn submit_search(&mut self, text_only: bool) {
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
        let matches = find_text(&self.analysis.text, &query);
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

    fn wheel(&mut self, column: u16, row: u16, down: bool) {
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

    fn click(&mut self, column: u16, row: u16) {
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
            let Some(offset) =
                offset_at_column(&self.analysis.text, span, (column - panes.text.x) as usize)
            else {
                return;
            };
            self.click_offset(paragraph, offset);
        }
    }

    /// A click on the text at byte `offset`: selects the entity or quote there.
    fn click_offset(&mut self, paragraph: usize, offset: usize) {
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

/// The screen as the stepping keys see it: which rows are shown.
struct View<'a> {
    rows: &'a mut WrappedRows,
    text: &'a str,
    top: RowPos,
    height: usize,
}

impl<'a> View<'a> {
    fn new(rows: &'a mut WrappedRows, text: &'a str, top: RowPos, height: usize) -> Self {
        View {
            rows,
            text,
            top,
            height,
        }
    }

    /// Byte offset where the screen's first row starts.
    fn start(&self) -> usize {
        match self.rows.content(self.top) {
            Some(RowContent::Text { span, .. }) => span.start,
            Some(RowContent::Gap { paragraph }) => self
                .rows
                .paragraph_span(paragraph + 1)
                .map_or(0, |s| s.start),
            None => 0,
        }
    }

    /// True when byte `offset` is on screen.
    fn shows(&mut self, offset: usize) -> bool {
        let pos = self.rows.pos_of_offset(self.text, offset);
        let bottom = self
            .rows
            .advance(self.text, self.top, self.height.saturating_sub(1));
        self.top <= pos && pos <= bottom
    }

    /// The item to step to among `len` items starting at `starts(i)` (in
    /// text order), from `current`: the one after (before) it when it is on
    /// screen, else the first from the top of the screen (the last before
    /// it). Returns the index and whether the step wrapped around.
    fn next_item(
        &mut self,
        len: usize,
        current: Option<usize>,
        dir: Dir,
        starts: impl Fn(usize) -> usize,
    ) -> Option<(usize, bool)> {
        if len == 0 {
            return None;
        }
        let on_screen = current.filter(|&i| i < len && self.shows(starts(i)));
        let view = self.start();
        // The first item starting at or after the top of the screen.
        let (mut lo, mut hi) = (0, len);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if starts(mid) < view {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let first_on_screen = lo;
        Some(match (dir, on_screen) {
            (Dir::Forward, Some(i)) if i + 1 < len => (i + 1, false),
            (Dir::Forward, Some(_)) => (0, true),
            (Dir::Backward, Some(i)) if i > 0 => (i - 1, false),
            (Dir::Backward, Some(_)) => (len - 1, true),
            (Dir::Forward, None) if first_on_screen < len => (first_on_screen, false),
            (Dir::Forward, None) => (0, true),
            (Dir::Backward, None) if first_on_screen > 0 => (first_on_screen - 1, false),
            (Dir::Backward, None) => (len - 1, true),
        })
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
