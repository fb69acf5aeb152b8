//! The shared scanner of the numeric patterns: tokens read by index, words
//! in lowercase without allocating, numbers as written ("95", "3.2bn",
//! "5 1/2 million"). No pattern of its own: money, dates and quantities
//! are in their modules.

use crate::analysis::Span;
use crate::analysis::entities::word_set::WordSet;
use crate::analysis::segment::{Token, TokenKind};

pub(super) const MAGNITUDES: &[&str] = &[
    "thousand", "million", "billion", "trillion", "bn", "mn", "m", "tn", "k", "b", "mln", "bln",
];

pub(super) struct Toks<'a, 't> {
    pub(super) text: &'t str,
    pub(super) toks: &'a [Token],
}

impl<'t> Toks<'_, 't> {
    pub(super) fn s(&self, i: usize) -> &'t str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }
    /// The token in lowercase, borrowed when it already is (most tokens),
    /// never allocated for a short ASCII word.
    pub(super) fn lower(&self, i: usize) -> Lower<'t> {
        Lower::of(self.s(i))
    }
    pub(super) fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }
    pub(super) fn span(&self, a: usize, b_incl: usize) -> Span {
        Span::new(self.toks[a].span().start, self.toks[b_incl].span().end)
    }
    pub(super) fn adjacent(&self, a: usize, b: usize) -> bool {
        match (self.toks.get(a), self.toks.get(b)) {
            (Some(x), Some(y)) => x.span().end == y.span().start,
            _ => false,
        }
    }
}

/// Longest ASCII word [`Lower`] keeps without allocating (longer than any word
/// the patterns compare with).
pub(super) const INLINE: usize = 22;

/// A word in lowercase: borrowed, copied on the stack, or (long non-ASCII
/// words only) allocated.
pub(super) enum Lower<'t> {
    Borrowed(&'t str),
    Inline([u8; INLINE], u8),
    Owned(String),
}

impl<'t> Lower<'t> {
    pub(super) fn of(s: &'t str) -> Lower<'t> {
        if !s.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
            return Lower::Borrowed(s);
        }
        if s.is_ascii() && s.len() <= INLINE {
            let mut buf = [0u8; INLINE];
            buf[..s.len()].copy_from_slice(s.as_bytes());
            buf[..s.len()].make_ascii_lowercase();
            return Lower::Inline(buf, s.len() as u8);
        }
        Lower::Owned(s.to_lowercase())
    }
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Lower::Borrowed(s) => s,
            // ASCII bytes copied from a str
            Lower::Inline(buf, n) => std::str::from_utf8(&buf[..usize::from(*n)]).unwrap_or(""),
            Lower::Owned(s) => s,
        }
    }
}

impl AsRef<str> for Lower<'_> {
    fn as_ref(&self) -> &str {
        self
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        **self == **other
    }
}

/// A number as written: "95", "3.2", "1,000", "5-10", or with a magnitude
/// glued on ("3.2bn", "5m"). Returns the glued magnitude if any.
pub(super) fn number_token(s: &str) -> Option<&str> {
    let first = s.chars().next()?;
    if !first.is_ascii_digit() {
        return None;
    }
    let digits_end = s
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '–' | '/' | ':')))
        .unwrap_or(s.len());
    let rest = &s[digits_end..];
    if rest.is_empty() {
        return Some("");
    }
    let ordinal = ["s", "th", "st", "nd", "rd"]
        .iter()
        .any(|o| o.eq_ignore_ascii_case(rest));
    (magnitude_set().contains_ignore_case(rest) || ordinal).then_some(rest)
}

/// The magnitude words, in lowercase.
fn magnitude_set() -> &'static WordSet {
    static SET: WordSet = WordSet::new(MAGNITUDES);
    &SET
}

pub(super) fn is_number(t: &Toks<'_, '_>, i: usize) -> bool {
    number_token(t.s(i)).is_some()
}

pub(super) fn is_magnitude(t: &Toks<'_, '_>, i: usize) -> bool {
    magnitude_set().contains(&t.lower(i))
}

/// A number at `i` with an optional fraction ("5 1/2") and magnitude word;
/// returns the index of its last token.
pub(super) fn number_phrase(t: &Toks<'_, '_>, i: usize, end: usize) -> Option<usize> {
    number_token(t.s(i))?;
    let mut j = i;
    // "5 1/2" (the fraction one token) or "5 1 / 2"
    if j + 1 < end && t.s(j + 1).contains('/') && number_token(t.s(j + 1)).is_some() {
        j += 1;
    } else if j + 3 < end + 1
        && t.kind(j + 1) == Some(TokenKind::Number)
        && t.s(j + 2) == "/"
        && t.kind(j + 3) == Some(TokenKind::Number)
        && j + 3 < end
    {
        j += 3;
    } else if j + 2 < end && t.s(j + 1) == "/" && t.kind(j + 2) == Some(TokenKind::Number) {
        j += 2;
    }
    if j + 1 < end && is_magnitude(t, j + 1) {
        j += 1;
    }
    Some(j)
}
