//! Moving through the article: scrolling, paragraphs, and stepping through
//! quotes, mentions, topic paragraphs and search matches.
//!
//! Part of `update` (these are methods of [`App`] that only `update` calls).
//! Stepping shares one rule: when the current item is on screen, go to the
//! one after (or before) it; otherwise start from the top of the screen.
//! Either way the counter wraps around at the ends, with a message saying so.

use super::app::{App, Focus, Search, Tab, Target};
use super::rows::{RowContent, RowPos, WrappedRows};
use super::update::Dir;

impl App {
    /// The last row on screen.
    pub(super) fn bottom(&mut self) -> RowPos {
        let h = self.page_height();
        let text = &self.text;
        self.rows.advance(text, self.top, h.saturating_sub(1))
    }

    /// True when some text row of paragraph `p` is on screen.
    pub(super) fn paragraph_visible(&mut self, p: usize) -> bool {
        let first_text = self.first_text_paragraph();
        let bottom = self.bottom();
        first_text <= p && p <= self.rows.paragraph_of_block(bottom.block)
    }

    /// The paragraph of the first text row on screen.
    fn first_text_paragraph(&self) -> usize {
        match self.rows.content(self.top) {
            Some(RowContent::Gap { paragraph }) => paragraph + 1,
            _ => self.rows.paragraph_of_block(self.top.block),
        }
    }

    /// Scrolls by `n` rows; the current paragraph follows when it leaves the screen.
    pub(super) fn scroll(&mut self, n: i64) {
        let text = &self.text;
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
    pub(super) fn follow_view(&mut self) {
        if self.paragraph_visible(self.paragraph) {
            return;
        }
        let first_text = self.first_text_paragraph();
        if self.paragraph < first_text {
            // Prefer the first paragraph that starts on screen.
            let top_paragraph = self.rows.paragraph_of_block(self.top.block);
            let start_on_screen = if self.rows.starts_paragraph(self.top) {
                top_paragraph
            } else {
                top_paragraph + 1
            };
            self.paragraph = if self.paragraph_visible(start_on_screen) {
                start_on_screen
            } else {
                first_text
            };
        } else {
            let bottom = self.bottom();
            self.paragraph = self.rows.paragraph_of_block(bottom.block);
        }
        self.paragraph = self
            .paragraph
            .min(self.rows.paragraph_count().saturating_sub(1));
    }

    pub(super) fn move_paragraph(&mut self, dir: Dir) {
        let n = self.paragraph_count();
        if n == 0 {
            return;
        }
        let p = match dir {
            Dir::Forward => (self.paragraph + 1).min(n - 1),
            Dir::Backward => {
                if self.top > self.rows.paragraph_start(self.paragraph) {
                    // The current paragraph starts above the screen: show its start first.
                    self.paragraph
                } else {
                    self.paragraph.saturating_sub(1)
                }
            }
        };
        self.paragraph = p;
        let max = self.max_top();
        self.top = self.rows.paragraph_start(p).min(max);
    }

    /// Brings byte `offset` on screen (about a third down when it was not)
    /// and makes its paragraph current.
    pub(super) fn show_offset(&mut self, offset: usize) {
        let text = &self.text;
        let pos = self.rows.pos_of_offset(text, offset);
        self.paragraph = self.rows.paragraph_of_block(pos.block);
        let h = self.page_height();
        let near_bottom = self
            .rows
            .advance(text, self.top, h.saturating_sub(2).max(1));
        if !(self.top <= pos && pos < near_bottom) || pos == self.top && h < 3 {
            let text = &self.text;
            self.top = self.rows.retreat(text, pos, h / 3);
        }
        let max = self.max_top();
        self.top = self.top.min(max);
    }

    /// Steps to the next or previous item of `target`.
    pub(super) fn step(&mut self, target: Target, dir: Dir) {
        let wrap_note = |what: &str, dir: Dir| match dir {
            Dir::Forward => format!("passed the last {what}; back to the first"),
            Dir::Backward => format!("passed the first {what}; on to the last"),
        };
        let height = self.page_height();
        let (what, offset, wrapped) = match target {
            Target::Quote => {
                let (all, order) = (&self.analysis.quotes, &self.quotes);
                let mut view = View::new(&mut self.rows, &self.text, self.top, height);
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
                let mut view = View::new(&mut self.rows, &self.text, self.top, height);
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
                let mut view = View::new(&mut self.rows, &self.text, self.top, height);
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
                self.top = self.rows.paragraph_start(p).min(max);
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
                let mut view = View::new(&mut self.rows, &self.text, self.top, height);
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
    pub(super) fn step_tab(&mut self, dir: Dir) {
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
