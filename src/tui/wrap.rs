//! Breaking a piece of the article into screen rows, and what its
//! characters look like on screen.
//!
//! Entry point: [`wrap_paragraph`]. A row is a byte [`Span`] of the
//! article; how it looks is decided later by the article view. Which
//! paragraphs are wrapped, and when, is [`crate::tui::rows`]'s business.
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
}
