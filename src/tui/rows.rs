//! The article as screen rows: which paragraphs are wrapped, where the
//! reader is, what each screen row shows.
//!
//! Entry point: [`WrappedRows`], the cache of the rows of every block (a
//! paragraph, or a piece of a very long one) at the current text width.
//! Blocks are wrapped ([`crate::tui::wrap::wrap_paragraph`]) the first time
//! they come into view and kept until the width changes, so a book-length
//! file opens at once, `G` reaches its end at once, and a resize only
//! re-wraps what is shown. Positions ([`RowPos`]) are a block and a row in
//! it: nothing here counts the rows of the whole article.
//!
//! This module draws nothing and knows no styles.

use super::wrap::wrap_paragraph;
use crate::analysis::Span;
use rustc_hash::FxHashMap;

/// The longest piece of text wrapped at once. A longer paragraph (a whole
/// book without a blank line, a 100 MB line) is wrapped in blocks of about
/// this size, each starting on a new row, so that opening it, jumping to its
/// end or re-wrapping it after a resize only wraps the blocks on screen.
pub const BLOCK_BYTES: usize = 64 * 1024;

/// How far past [`BLOCK_BYTES`] a block may run to end at white space.
const BLOCK_SLACK: usize = 4 * 1024;

/// A place in the wrapped article: a block (a paragraph, or part of a very
/// long one) and a row inside it.
///
/// Row `rows.len()` of a paragraph's last block (but the article's last) is
/// the blank row that separates it from the next paragraph. Positions order
/// as the rows do on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct RowPos {
    pub block: usize,
    pub row: usize,
}

/// What one screen row of the article shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowContent {
    /// Text of paragraph `paragraph`, covering `span`.
    Text { paragraph: usize, span: Span },
    /// The blank row after paragraph `paragraph`.
    Gap { paragraph: usize },
}

/// Every paragraph's rows at one width, wrapped on demand and cached.
///
/// Positions are (block, row inside it), so nothing needs a row count of
/// the whole article: opening, jumping to the end or re-wrapping after a
/// resize only wraps the blocks on screen, whatever the article's size or
/// the length of its paragraphs. Only wrapped blocks take memory beyond
/// their span.
#[derive(Debug, Clone)]
pub struct WrappedRows {
    width: usize,
    paragraphs: Vec<Span>,
    /// What is wrapped at once, in text order: each paragraph, or pieces of
    /// one longer than [`BLOCK_BYTES`].
    blocks: Vec<Span>,
    /// The paragraph of each block; empty when every paragraph is one block.
    owner: Vec<usize>,
    /// The first block of each paragraph; empty when every paragraph is one block.
    first: Vec<usize>,
    rows: FxHashMap<usize, Box<[Span]>>,
}

impl WrappedRows {
    /// Rows of the given paragraphs of `text` at `width` columns; nothing
    /// is wrapped yet.
    pub fn new(text: &str, paragraphs: Vec<Span>, width: usize) -> Self {
        let mut rows = WrappedRows {
            width: width.max(2),
            paragraphs: Vec::new(),
            blocks: Vec::new(),
            owner: Vec::new(),
            first: Vec::new(),
            rows: FxHashMap::default(),
        };
        rows.set_paragraphs(text, paragraphs);
        rows
    }

    /// The paragraphs, and the blocks they are wrapped in: a paragraph
    /// longer than [`BLOCK_BYTES`] is cut at white space (or, without any
    /// near, at a character boundary) about every [`BLOCK_BYTES`].
    fn set_paragraphs(&mut self, text: &str, paragraphs: Vec<Span>) {
        self.rows.clear();
        self.owner = Vec::new();
        self.first = Vec::new();
        self.blocks = Vec::new();
        self.paragraphs = paragraphs;
        if self.paragraphs.iter().all(|p| p.len() <= BLOCK_BYTES) {
            return;
        }
        let mut blocks = Vec::with_capacity(self.paragraphs.len());
        let mut owner = Vec::with_capacity(self.paragraphs.len());
        let mut first = Vec::with_capacity(self.paragraphs.len());
        for (i, p) in self.paragraphs.iter().enumerate() {
            first.push(blocks.len());
            let mut start = p.start;
            while p.end - start > BLOCK_BYTES + BLOCK_SLACK {
                let at = start + BLOCK_BYTES;
                // An ASCII space byte is always a character boundary.
                let cut = text
                    .as_bytes()
                    .get(at..at + BLOCK_SLACK)
                    .and_then(|t| t.iter().position(u8::is_ascii_whitespace))
                    .map_or_else(|| ceil_boundary(text, at), |i| at + i);
                blocks.push(Span::new(start, cut));
                owner.push(i);
                start = cut;
            }
            blocks.push(Span::new(start, p.end));
            owner.push(i);
        }
        self.blocks = blocks;
        self.owner = owner;
        self.first = first;
    }

    /// Puts `paragraphs` of `text` in place of the current ones (when the
    /// analysis replaces provisional paragraphs); the wrapped rows are kept
    /// when the paragraphs are the same. Returns the list not kept, for the
    /// caller to free.
    pub fn replace_paragraphs(&mut self, text: &str, paragraphs: Vec<Span>) -> Vec<Span> {
        if paragraphs == self.paragraphs {
            return paragraphs;
        }
        let old = std::mem::take(&mut self.paragraphs);
        self.set_paragraphs(text, paragraphs);
        old
    }

    /// The text width rows are wrapped at.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Number of paragraphs.
    pub fn paragraph_count(&self) -> usize {
        self.paragraphs.len()
    }

    /// Number of blocks.
    fn block_count(&self) -> usize {
        if self.owner.is_empty() {
            self.paragraphs.len()
        } else {
            self.blocks.len()
        }
    }

    /// The byte span of block `b`.
    fn block_span(&self, b: usize) -> Option<Span> {
        if self.owner.is_empty() {
            self.paragraphs.get(b).copied()
        } else {
            self.blocks.get(b).copied()
        }
    }

    /// The paragraph block `b` belongs to.
    pub fn paragraph_of_block(&self, b: usize) -> usize {
        self.owner.get(b).copied().unwrap_or(b)
    }

    /// The first row of paragraph `p`.
    pub fn paragraph_start(&self, p: usize) -> RowPos {
        RowPos {
            block: self.first.get(p).copied().unwrap_or(p),
            row: 0,
        }
    }

    /// True when `pos` is the first row of its paragraph.
    pub fn starts_paragraph(&self, pos: RowPos) -> bool {
        pos == self.paragraph_start(self.paragraph_of_block(pos.block))
    }

    /// The byte span of paragraph `p`.
    pub fn paragraph_span(&self, p: usize) -> Option<Span> {
        self.paragraphs.get(p).copied()
    }

    /// Changes the width; forgets every wrapped block when it differs.
    /// Returns true when the width changed.
    pub fn set_width(&mut self, width: usize) -> bool {
        let width = width.max(2);
        if width == self.width {
            return false;
        }
        self.width = width;
        self.rows.clear();
        true
    }

    /// Wraps block `b` if it is not yet, and returns its rows.
    pub fn ensure(&mut self, text: &str, b: usize) -> &[Span] {
        let Some(span) = self.block_span(b) else {
            return &[];
        };
        let width = self.width;
        self.rows
            .entry(b)
            .or_insert_with(|| wrap_paragraph(text, span, width).into_boxed_slice())
    }

    /// The rows of block `b` if it has been wrapped.
    pub fn rows(&self, b: usize) -> Option<&[Span]> {
        self.rows.get(&b).map(|r| &r[..])
    }

    /// True when a blank row follows block `b` (it ends a paragraph that is
    /// not the last).
    fn gap_after(&self, b: usize) -> bool {
        b + 1 < self.block_count() && self.paragraph_of_block(b + 1) != self.paragraph_of_block(b)
    }

    /// Screen rows block `b` takes, a separating blank row included.
    pub fn height(&mut self, text: &str, b: usize) -> usize {
        let gap = usize::from(self.gap_after(b));
        self.ensure(text, b).len() + gap
    }

    /// The last row of the article.
    pub fn last(&mut self, text: &str) -> RowPos {
        let Some(b) = self.block_count().checked_sub(1) else {
            return RowPos::default();
        };
        let h = self.height(text, b);
        RowPos {
            block: b,
            row: h.saturating_sub(1),
        }
    }

    /// The position `n` rows after `pos`, stopping at the last row.
    pub fn advance(&mut self, text: &str, pos: RowPos, n: usize) -> RowPos {
        let mut pos = self.clamp(text, pos);
        let mut left = n;
        while left > 0 {
            let h = self.height(text, pos.block);
            let room = h.saturating_sub(1) - pos.row.min(h.saturating_sub(1));
            if left <= room {
                pos.row += left;
                return pos;
            }
            if pos.block + 1 >= self.block_count() {
                pos.row = h.saturating_sub(1);
                return pos;
            }
            left -= room + 1;
            pos = RowPos {
                block: pos.block + 1,
                row: 0,
            };
        }
        pos
    }

    /// The position `n` rows before `pos`, stopping at the first row.
    pub fn retreat(&mut self, text: &str, pos: RowPos, n: usize) -> RowPos {
        let mut pos = self.clamp(text, pos);
        let mut left = n;
        while left > 0 {
            if left <= pos.row {
                pos.row -= left;
                return pos;
            }
            if pos.block == 0 {
                return RowPos::default();
            }
            left -= pos.row + 1;
            let b = pos.block - 1;
            pos = RowPos {
                block: b,
                row: self.height(text, b).saturating_sub(1),
            };
        }
        pos
    }

    /// The nearest valid position to `pos`.
    pub fn clamp(&mut self, text: &str, pos: RowPos) -> RowPos {
        if self.block_count() == 0 {
            return RowPos::default();
        }
        if pos.block >= self.block_count() {
            return self.last(text);
        }
        let h = self.height(text, pos.block);
        RowPos {
            block: pos.block,
            row: pos.row.min(h.saturating_sub(1)),
        }
    }

    /// The row that shows byte `offset` of the text (the paragraph's first
    /// row when the offset lies between paragraphs).
    pub fn pos_of_offset(&mut self, text: &str, offset: usize) -> RowPos {
        let n = self.block_count();
        let b = if self.owner.is_empty() {
            self.paragraphs.partition_point(|s| s.end <= offset)
        } else {
            self.blocks.partition_point(|s| s.end <= offset)
        }
        .min(n.saturating_sub(1));
        let rows = self.ensure(text, b);
        let row = rows
            .partition_point(|r| r.end <= offset)
            .min(rows.len().saturating_sub(1));
        RowPos { block: b, row }
    }

    /// The paragraph holding byte `offset` (or the next one after it).
    pub fn paragraph_of_offset(&self, offset: usize) -> usize {
        self.paragraphs
            .partition_point(|s| s.end <= offset)
            .min(self.paragraphs.len().saturating_sub(1))
    }

    /// What the screen row at `pos` shows, if that block is wrapped.
    pub fn content(&self, pos: RowPos) -> Option<RowContent> {
        let rows = self.rows(pos.block)?;
        let paragraph = self.paragraph_of_block(pos.block);
        match rows.get(pos.row) {
            Some(span) => Some(RowContent::Text {
                paragraph,
                span: *span,
            }),
            None if pos.row == rows.len() && self.gap_after(pos.block) => {
                Some(RowContent::Gap { paragraph })
            }
            None => None,
        }
    }

    /// The position after `pos` among already wrapped rows, without wrapping.
    pub fn next_wrapped(&self, pos: RowPos) -> Option<RowPos> {
        let rows = self.rows(pos.block)?;
        let gap = usize::from(self.gap_after(pos.block));
        if pos.row + 1 < rows.len() + gap {
            Some(RowPos {
                block: pos.block,
                row: pos.row + 1,
            })
        } else if pos.block + 1 < self.block_count() {
            Some(RowPos {
                block: pos.block + 1,
                row: 0,
            })
        } else {
            None
        }
    }

    /// Up to `n` screen rows from `top`, as far as they are wrapped.
    pub fn visible(&self, top: RowPos, n: usize) -> Vec<RowContent> {
        let mut out = Vec::with_capacity(n);
        let mut pos = Some(top);
        while let Some(p) = pos {
            if out.len() >= n {
                break;
            }
            match self.content(p) {
                Some(c) => out.push(c),
                None => break,
            }
            pos = self.next_wrapped(p);
        }
        out
    }
}

/// The character boundary of `text` at or after `at`.
fn ceil_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::wrap::text_width;

    #[test]
    fn moving_through_paragraphs() {
        let text = "one two three\nfour five";
        let paras = vec![Span::new(0, 13), Span::new(14, 23)];
        let mut w = WrappedRows::new(text, paras, 8);
        // paragraph 0: "one two", "three", gap; paragraph 1: "four", "five"
        assert_eq!(w.height(text, 0), 3);
        let end = w.advance(text, RowPos::default(), 100);
        assert_eq!(end, RowPos { block: 1, row: 1 });
        assert_eq!(
            w.advance(text, RowPos::default(), 3),
            RowPos { block: 1, row: 0 }
        );
        assert_eq!(w.retreat(text, end, 2), RowPos { block: 0, row: 2 });
        assert_eq!(w.retreat(text, end, 99), RowPos::default());
        assert_eq!(w.pos_of_offset(text, 8), RowPos { block: 0, row: 1 });
        assert_eq!(w.pos_of_offset(text, 19), RowPos { block: 1, row: 1 });
        let shown = w.visible(RowPos::default(), 10);
        assert_eq!(shown.len(), 5);
        assert_eq!(shown[2], RowContent::Gap { paragraph: 0 });
    }

    #[test]
    fn an_empty_article_has_one_place() {
        let mut w = WrappedRows::new("", Vec::new(), 10);
        assert_eq!(w.advance("", RowPos::default(), 5), RowPos::default());
        assert_eq!(w.retreat("", RowPos::default(), 5), RowPos::default());
        assert!(w.visible(RowPos::default(), 5).is_empty());
    }

    /// Every row from the start to the end, by `advance`.
    fn all_rows(w: &mut WrappedRows, text: &str) -> Vec<RowContent> {
        let last = w.last(text);
        let mut pos = RowPos::default();
        let mut out = Vec::new();
        loop {
            w.ensure(text, pos.block);
            out.push(w.content(pos).expect("wrapped"));
            if pos == last {
                return out;
            }
            pos = w.advance(text, pos, 1);
        }
    }

    #[test]
    fn a_very_long_paragraph_is_wrapped_in_blocks_without_losing_a_word() {
        let words = "The harbour board met again on Tuesday to vote on the quay. ".repeat(4000);
        let text = format!("{words}\nA short paragraph after it.");
        let long = Span::new(0, words.trim_end().len());
        let short = Span::new(words.len(), text.len());
        let mut w = WrappedRows::new(&text, vec![long, short], 70);
        assert!(w.block_count() > 3, "{} blocks", w.block_count());
        let rows = all_rows(&mut w, &text);
        let mut shown = String::new();
        let mut gaps = 0;
        for r in &rows {
            match r {
                RowContent::Text { span, paragraph } => {
                    assert!(text_width(span.of(&text)) <= 70);
                    if *paragraph == 0 {
                        shown.push_str(span.of(&text));
                        shown.push(' ');
                    }
                }
                RowContent::Gap { paragraph } => {
                    assert_eq!(*paragraph, 0);
                    gaps += 1;
                }
            }
        }
        assert_eq!(gaps, 1, "one blank row, between the paragraphs only");
        assert_eq!(
            shown.split_whitespace().collect::<Vec<_>>(),
            words.split_whitespace().collect::<Vec<_>>()
        );
        // The second paragraph starts after the first's last block.
        assert_eq!(w.paragraph_start(1).block, w.block_count() - 1);
        assert!(w.starts_paragraph(w.paragraph_start(1)));
        // The end is reached without wrapping the blocks before it.
        let mut fresh = WrappedRows::new(&text, vec![long, short], 70);
        let end = fresh.last(&text);
        assert_eq!(fresh.rows.len(), 1);
        let back = fresh.retreat(&text, end, 30);
        assert_eq!(fresh.paragraph_of_block(back.block), 0);
        assert!(fresh.rows.len() <= 3);
        // An offset deep inside finds its row.
        let offset = words.len() * 2 / 3;
        let pos = fresh.pos_of_offset(&text, offset);
        let Some(RowContent::Text { span, .. }) = fresh.content(pos) else {
            panic!("no row at {pos:?}");
        };
        assert!(
            span.start <= offset && offset <= span.end + 1,
            "{span:?} {offset}"
        );
    }

    #[test]
    fn a_long_line_without_spaces_is_cut_between_characters() {
        let text = "abcdefghij日本".repeat(20_000);
        let mut w = WrappedRows::new(&text, vec![Span::new(0, text.len())], 33);
        assert!(w.block_count() > 3);
        let rows = all_rows(&mut w, &text);
        let mut total = 0;
        let mut prev_end = 0;
        for r in rows {
            let RowContent::Text { span, .. } = r else {
                panic!("no blank rows inside a paragraph");
            };
            assert_eq!(span.start, prev_end, "rows follow each other");
            assert!(text_width(span.of(&text)) <= 33);
            total += span.len();
            prev_end = span.end;
        }
        assert_eq!(total, text.len());
    }
}
