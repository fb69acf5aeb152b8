//! Wrapping the article into screen rows, lazily, one paragraph at a time.
//!
//! Entry point: [`WrappedRows`], the cache of every paragraph's rows at the
//! current text width. A row is a byte [`Span`] of the article; how it looks
//! is decided later by the article view. Paragraphs are wrapped the first
//! time they come into view and kept until the width changes, so a
//! book-length file opens at once and a resize only re-wraps what is shown.
//!
//! Line breaking is textwrap's first-fit algorithm over our own fragments
//! (words with byte offsets and display widths), so every row maps back to
//! the exact bytes it shows. Words wider than the measure are cut between
//! characters, never inside a wide character or before a combining mark.
//!
//! This module decides *where* rows break; it draws nothing and knows no
//! styles. [`display_char`] is the one place that decides what a character
//! of the article looks like on screen (control characters become visible
//! symbols), and widths are measured on that.

use crate::analysis::Span;
use rustc_hash::FxHashMap;
use textwrap::core::Fragment;
use unicode_width::UnicodeWidthChar;

/// What a character of the article shows as: white space becomes a space and
/// control characters become visible symbols, so the article's bytes never
/// drive the terminal.
///
/// ```
/// use gloss::tui::wrap::display_char;
/// assert_eq!(display_char('\u{1b}'), '␛');
/// assert_eq!(display_char('\t'), ' ');
/// assert_eq!(display_char('é'), 'é');
/// ```
pub fn display_char(c: char) -> char {
    match c {
        c if c.is_whitespace() => ' ',
        c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('?'),
        '\u{7f}' => '␡',
        '\u{80}'..='\u{9f}' => '\u{FFFD}',
        // Bidirectional overrides and isolates could reorder what follows
        // them on screen; show them as a replacement character.
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => '\u{FFFD}',
        c => c,
    }
}

/// Display width of one character of the article, as [`display_char`] shows it.
pub fn char_width(c: char) -> usize {
    display_char(c).width().unwrap_or(0)
}

/// Display width of a piece of the article.
///
/// ```
/// assert_eq!(gloss::tui::wrap::text_width("日本 ok"), 7);
/// ```
pub fn text_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// A word (or a piece of a word too long for a row) with where it is and how wide.
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    width: usize,
    /// Width of the white space after it (0 at the end or inside a cut word).
    space: usize,
}

impl Fragment for Word {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        self.space as f64
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Wraps the text of `span` into rows at most `width` columns wide.
///
/// Returns at least one row (an empty one for an empty paragraph). Rows
/// cover words and the white space between them, never trailing space.
///
/// ```
/// use gloss::analysis::Span;
/// let text = "one two three four";
/// let rows = gloss::tui::wrap::wrap_paragraph(text, Span::new(0, text.len()), 9);
/// let shown: Vec<&str> = rows.iter().map(|r| r.of(text)).collect();
/// assert_eq!(shown, ["one two", "three", "four"]);
/// ```
pub fn wrap_paragraph(text: &str, span: Span, width: usize) -> Vec<Span> {
    let width = width.max(2);
    let words = words(text, span, width);
    if words.is_empty() {
        return vec![Span::new(span.start, span.start)];
    }
    textwrap::wrap_algorithms::wrap_first_fit(&words, &[width as f64])
        .into_iter()
        .filter_map(|line| Some(Span::new(line.first()?.start, line.last()?.end)))
        .collect()
}

/// Splits `span` into words, cutting any word wider than `width`.
fn words(text: &str, span: Span, width: usize) -> Vec<Word> {
    let body = span.of(text);
    let mut out: Vec<Word> = Vec::with_capacity(body.len() / 6 + 1);
    let mut cur: Option<Word> = None;
    for (i, c) in body.char_indices() {
        let at = span.start + i;
        if c.is_whitespace() {
            if let Some(w) = cur.take() {
                out.push(w);
            }
            if let Some(last) = out.last_mut() {
                last.space += 1;
            }
            continue;
        }
        let cw = char_width(c);
        let w = cur.get_or_insert(Word {
            start: at,
            end: at,
            width: 0,
            space: 0,
        });
        // Cut before this character when it would not fit; a zero-width
        // character (combining mark, joiner) always stays with the one before.
        if cw > 0 && w.width + cw > width && w.end > w.start {
            let done = *w;
            out.push(done);
            *w = Word {
                start: at,
                end: at,
                width: 0,
                space: 0,
            };
        }
        w.end = at + c.len_utf8();
        w.width += cw;
    }
    if let Some(w) = cur.take() {
        out.push(w);
    }
    out
}

/// A place in the wrapped article: a paragraph and a row inside it.
///
/// Row `rows.len()` of a paragraph (all but the last) is the blank row that
/// separates it from the next one. Positions order as the rows do on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct RowPos {
    pub paragraph: usize,
    pub row: usize,
}

impl RowPos {
    /// The first row of paragraph `paragraph`.
    pub const fn paragraph_start(paragraph: usize) -> Self {
        RowPos { paragraph, row: 0 }
    }
}

/// What one screen row of the article shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowContent {
    /// Text of paragraph `paragraph`, row `row` of it, covering `span`.
    Text {
        paragraph: usize,
        row: usize,
        span: Span,
    },
    /// The blank row after paragraph `paragraph`.
    Gap { paragraph: usize },
}

/// Every paragraph's rows at one width, wrapped on demand and cached.
///
/// Positions are (paragraph, row inside it), so nothing needs a row count
/// of the whole article: opening, jumping to the end or re-wrapping after
/// a resize only wraps the paragraphs on screen, whatever the article's
/// size. Only wrapped paragraphs take memory beyond their span.
#[derive(Debug, Clone)]
pub struct WrappedRows {
    width: usize,
    paragraphs: Vec<Span>,
    rows: FxHashMap<usize, Box<[Span]>>,
}

impl WrappedRows {
    /// Rows of the given paragraphs at `width` columns; nothing is wrapped yet.
    pub fn new(paragraphs: Vec<Span>, width: usize) -> Self {
        WrappedRows {
            width: width.max(2),
            paragraphs,
            rows: FxHashMap::default(),
        }
    }

    /// Puts `paragraphs` in place of the current ones (when the analysis
    /// replaces provisional paragraphs); the wrapped rows are kept when the
    /// paragraphs are the same. Returns the list not kept, for the caller
    /// to free.
    pub fn replace_paragraphs(&mut self, paragraphs: Vec<Span>) -> Vec<Span> {
        if paragraphs == self.paragraphs {
            return paragraphs;
        }
        self.rows.clear();
        std::mem::replace(&mut self.paragraphs, paragraphs)
    }

    /// The text width rows are wrapped at.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Number of paragraphs.
    pub fn paragraph_count(&self) -> usize {
        self.paragraphs.len()
    }

    /// The byte span of paragraph `p`.
    pub fn paragraph_span(&self, p: usize) -> Option<Span> {
        self.paragraphs.get(p).copied()
    }

    /// Changes the width; forgets every wrapped paragraph when it differs.
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

    /// Wraps paragraph `p` if it is not yet, and returns its rows.
    pub fn ensure(&mut self, text: &str, p: usize) -> &[Span] {
        let Some(span) = self.paragraphs.get(p).copied() else {
            return &[];
        };
        let width = self.width;
        self.rows
            .entry(p)
            .or_insert_with(|| wrap_paragraph(text, span, width).into_boxed_slice())
    }

    /// The rows of paragraph `p` if it has been wrapped.
    pub fn rows(&self, p: usize) -> Option<&[Span]> {
        self.rows.get(&p).map(|r| &r[..])
    }

    /// Screen rows paragraph `p` takes, its separating blank row included.
    pub fn height(&mut self, text: &str, p: usize) -> usize {
        let gap = usize::from(p + 1 < self.paragraphs.len());
        self.ensure(text, p).len() + gap
    }

    /// The last row of the article.
    pub fn last(&mut self, text: &str) -> RowPos {
        let Some(p) = self.paragraphs.len().checked_sub(1) else {
            return RowPos::default();
        };
        let h = self.height(text, p);
        RowPos {
            paragraph: p,
            row: h.saturating_sub(1),
        }
    }

    /// The position `n` rows after `pos`, stopping at the last row.
    pub fn advance(&mut self, text: &str, pos: RowPos, n: usize) -> RowPos {
        let mut pos = self.clamp(text, pos);
        let mut left = n;
        while left > 0 {
            let h = self.height(text, pos.paragraph);
            let room = h.saturating_sub(1) - pos.row.min(h.saturating_sub(1));
            if left <= room {
                pos.row += left;
                return pos;
            }
            if pos.paragraph + 1 >= self.paragraphs.len() {
                pos.row = h.saturating_sub(1);
                return pos;
            }
            left -= room + 1;
            pos = RowPos::paragraph_start(pos.paragraph + 1);
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
            if pos.paragraph == 0 {
                return RowPos::default();
            }
            left -= pos.row + 1;
            let p = pos.paragraph - 1;
            pos = RowPos {
                paragraph: p,
                row: self.height(text, p).saturating_sub(1),
            };
        }
        pos
    }

    /// The nearest valid position to `pos`.
    pub fn clamp(&mut self, text: &str, pos: RowPos) -> RowPos {
        if self.paragraphs.is_empty() {
            return RowPos::default();
        }
        if pos.paragraph >= self.paragraphs.len() {
            return self.last(text);
        }
        let h = self.height(text, pos.paragraph);
        RowPos {
            paragraph: pos.paragraph,
            row: pos.row.min(h.saturating_sub(1)),
        }
    }

    /// The row that shows byte `offset` of the text (the paragraph's first
    /// row when the offset lies between paragraphs).
    pub fn pos_of_offset(&mut self, text: &str, offset: usize) -> RowPos {
        let p = self
            .paragraphs
            .partition_point(|s| s.end <= offset)
            .min(self.paragraphs.len().saturating_sub(1));
        let rows = self.ensure(text, p);
        let row = rows
            .partition_point(|r| r.end <= offset)
            .min(rows.len().saturating_sub(1));
        RowPos { paragraph: p, row }
    }

    /// The paragraph holding byte `offset` (or the next one after it).
    pub fn paragraph_of_offset(&self, offset: usize) -> usize {
        self.paragraphs
            .partition_point(|s| s.end <= offset)
            .min(self.paragraphs.len().saturating_sub(1))
    }

    /// What the screen row at `pos` shows, if that paragraph is wrapped.
    pub fn content(&self, pos: RowPos) -> Option<RowContent> {
        let rows = self.rows(pos.paragraph)?;
        match rows.get(pos.row) {
            Some(span) => Some(RowContent::Text {
                paragraph: pos.paragraph,
                row: pos.row,
                span: *span,
            }),
            None if pos.row == rows.len() && pos.paragraph + 1 < self.paragraphs.len() => {
                Some(RowContent::Gap {
                    paragraph: pos.paragraph,
                })
            }
            None => None,
        }
    }

    /// The position after `pos` among already wrapped rows, without wrapping.
    pub fn next_wrapped(&self, pos: RowPos) -> Option<RowPos> {
        let rows = self.rows(pos.paragraph)?;
        let gap = usize::from(pos.paragraph + 1 < self.paragraphs.len());
        if pos.row + 1 < rows.len() + gap {
            Some(RowPos {
                paragraph: pos.paragraph,
                row: pos.row + 1,
            })
        } else if pos.paragraph + 1 < self.paragraphs.len() {
            Some(RowPos::paragraph_start(pos.paragraph + 1))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn wrap(text: &str, width: usize) -> Vec<&str> {
        wrap_paragraph(text, Span::new(0, text.len()), width)
            .iter()
            .map(|r| r.of(text))
            .collect()
    }

    #[test]
    fn rows_never_exceed_the_width() {
        let text =
            "Le président 習近平 a dit: « 👍🏽 » — e\u{301}e\u{301} et 日本語日本語日本語 voilà.";
        for width in 2..30 {
            for row in wrap(text, width) {
                assert!(text_width(row) <= width, "{row:?} at {width}");
            }
        }
    }

    #[test]
    fn long_words_are_cut() {
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("日本語日本", 4), ["日本", "語日", "本"]);
    }

    #[test]
    fn combining_marks_stay_with_their_letter() {
        let rows = wrap("e\u{301}e\u{301}e\u{301}", 2);
        assert_eq!(rows, ["e\u{301}e\u{301}", "e\u{301}"]);
    }

    #[test]
    fn control_characters_have_a_visible_width() {
        assert_eq!(text_width("a\u{1b}[2Jb"), 6);
    }

    #[test]
    fn moving_through_paragraphs() {
        let text = "one two three\nfour five";
        let paras = vec![Span::new(0, 13), Span::new(14, 23)];
        let mut w = WrappedRows::new(paras, 8);
        // paragraph 0: "one two", "three", gap; paragraph 1: "four", "five"
        assert_eq!(w.height(text, 0), 3);
        let end = w.advance(text, RowPos::default(), 100);
        assert_eq!(
            end,
            RowPos {
                paragraph: 1,
                row: 1
            }
        );
        assert_eq!(
            w.advance(text, RowPos::default(), 3),
            RowPos::paragraph_start(1)
        );
        assert_eq!(
            w.retreat(text, end, 2),
            RowPos {
                paragraph: 0,
                row: 2
            }
        );
        assert_eq!(w.retreat(text, end, 99), RowPos::default());
        assert_eq!(
            w.pos_of_offset(text, 8),
            RowPos {
                paragraph: 0,
                row: 1
            }
        );
        assert_eq!(
            w.pos_of_offset(text, 19),
            RowPos {
                paragraph: 1,
                row: 1
            }
        );
        let shown = w.visible(RowPos::default(), 10);
        assert_eq!(shown.len(), 5);
        assert_eq!(shown[2], RowContent::Gap { paragraph: 0 });
    }

    #[test]
    fn an_empty_article_has_one_place() {
        let mut w = WrappedRows::new(Vec::new(), 10);
        assert_eq!(w.advance("", RowPos::default(), 5), RowPos::default());
        assert_eq!(w.retreat("", RowPos::default(), 5), RowPos::default());
        assert!(w.visible(RowPos::default(), 5).is_empty());
    }
}
