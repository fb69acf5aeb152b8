//! Tokens: words, numbers and punctuation, cut the way CoNLL-2003 and the
//! Penn Treebank cut news text, so that a tagger trained on CoNLL tokens sees
//! the same units in gloss.
//!
//! Entry point: [`tokenize`], one left-to-right pass, linear in the text
//! (the segmenter calls `tokenize_range` on each paragraph, which also
//! lists the tokens that may end a sentence, judged by their shape).
//! The conventions, each with the reason:
//!
//! - clitics are their own tokens: "Germany's" is "Germany" + "'s",
//!   "don't" is "do" + "n't", "I'm" is "I" + "'m" (names end before the
//!   clitic); "O'Brien" stays whole;
//! - abbreviations keep their dot: initialisms ("U.S.", "a.m."), initials
//!   ("K."), known short forms ("Mr.", "Inc.", "Jan.") and list numbers at
//!   the start of a line ("3."); whether such a dot also ends the sentence
//!   is decided by the sentence splitter (`segment::sentences`), which then detaches it;
//! - hyphenated words are one token ("Indo-Pacific", "1996-08-22"), and so is
//!   a word with a dangling hyphen ("face- to- face");
//! - numbers keep decimals, thousands separators, fractions and clock times
//!   ("3.2", "1,000", "5-1/2", "3:53.47"), a leading "+" or "." (".526");
//! - currency codes glued to "$" are one token ("C$", "US$"); a bare "$" is
//!   its own token;
//! - runs of one mark are one token ("--", "...", "***"); every other
//!   punctuation mark, quote marks included, is a token of its own.
//!
//! It must not look beyond the neighbouring characters: no sentence or
//! paragraph decisions are made here.

mod abbreviations;
mod words;

use abbreviations::is_abbreviation;
pub(crate) use abbreviations::{AbbreviationClass, abbreviation_class};
#[cfg(test)]
use abbreviations::{LONGEST_ABBREVIATION, known_abbreviation};

use super::{Token, TokenKind};
use crate::analysis::Span;
#[cfg(test)]
use words::scan_joined_word;
use words::{ASCII_CLASS, ASCII_LONE_MARK, ASCII_WORD, scan_plain_word, scan_word};

/// Splits text into tokens. Never fails; every non-space character is in
/// exactly one token, and tokens never contain white space.
///
/// ```
/// use gloss::analysis::segment::tokenize;
/// let text = "The U.S. didn't back Germany's $3.2 billion Indo-Pacific plan.";
/// let words: Vec<&str> = tokenize(text).iter().map(|t| t.text(text)).collect();
/// assert_eq!(
///     words,
///     ["The", "U.S.", "did", "n't", "back", "Germany", "'s", "$", "3.2", "billion",
///      "Indo-Pacific", "plan", "."]
/// );
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut marks = Vec::new();
    tokenize_range(text, 0, text.len(), &mut out, &mut marks);
    out
}

/// Appends the tokens of `text[from..to]` to `out`, as [`tokenize`] cuts
/// them in the whole text (the neighbouring characters are read in
/// `text`): `to` must be the text's end or a white space character, where
/// no token goes on. Appends to `marks` the indices, counted from the
/// first token appended, of the tokens that [`may_end_sentence`]: the
/// only ones the sentence splitter has to read.
pub(crate) fn tokenize_range(
    text: &str,
    from: usize,
    to: usize,
    out: &mut Vec<Token>,
    marks: &mut Vec<usize>,
) {
    // offsets that fit in 32 bits need no clamping, token by token
    if u32::try_from(text.len()).is_ok() {
        scan_range::<false>(text, from, to, out, marks);
    } else {
        scan_range::<true>(text, from, to, out, marks);
    }
}

/// [`tokenize_range`], with each token's offsets clamped to 32 bits when
/// `CLAMP` (a text past 4 GiB) or else taken as they are.
#[inline(always)]
fn scan_range<const CLAMP: bool>(
    text: &str,
    from: usize,
    to: usize,
    out: &mut Vec<Token>,
    marks: &mut Vec<usize>,
) {
    let token = |start: usize, end: usize, kind: TokenKind| {
        if CLAMP {
            Token::new(Span::new(start, end), kind)
        } else {
            Token::within_4gib(start, end, kind)
        }
    };
    let base = out.len();
    let mut i = from;
    let bytes = text.as_bytes();
    let end_of_range = to.min(bytes.len());
    while i < end_of_range {
        let b = bytes[i];
        if b == b' ' || b == b'\n' {
            i += 1;
            continue;
        }
        // The common case: a plain ASCII word that starts after a space or
        // a mark (after a word character it may be a clitic: "n't").
        if ASCII_CLASS[usize::from(b)] & ASCII_WORD != 0
            && (!matches!(b, b'n' | b'N') || !char_before(text, i).is_some_and(is_word_char))
            && let Some((end, kind, dotted)) = scan_plain_word(text, i)
        {
            // only an abbreviation's dot ends a plain word with a mark
            if dotted {
                marks.push(out.len() - base);
            }
            out.push(token(i, end, kind));
            i = end;
            // The commonest next token: one space, then another plain word
            // (after a space no clitic can start, so any word byte will do).
            while i + 1 < end_of_range
                && bytes[i] == b' '
                && ASCII_CLASS[usize::from(bytes[i + 1])] & ASCII_WORD != 0
                && let Some((end, kind, dotted)) = scan_plain_word(text, i + 1)
            {
                if dotted {
                    marks.push(out.len() - base);
                }
                out.push(token(i + 1, end, kind));
                i = end;
            }
            continue;
        }
        // A mark that is always a token of one byte ("," "(" '"' ...).
        if ASCII_CLASS[usize::from(b)] & ASCII_LONE_MARK != 0 {
            if b == b'"' {
                marks.push(out.len() - base);
            }
            out.push(token(i, i + 1, TokenKind::Punct));
            i += 1;
            continue;
        }
        // Curly double quotes (“ ”): always a token of their own, and they
        // may stand at a sentence's end.
        if b == 0xE2
            && bytes.get(i + 1) == Some(&0x80)
            && matches!(bytes.get(i + 2), Some(0x9C | 0x9D))
        {
            marks.push(out.len() - base);
            out.push(token(i, i + 3, TokenKind::Punct));
            i += 3;
            continue;
        }
        // A run of one ASCII mark ("." "?" "--" "..."): what the full scan
        // makes of it, unless a dot or a plus sign starts a number (".526",
        // "+1.66"); no clitic or word starts with these marks.
        if matches!(
            b,
            b'.' | b'-' | b'*' | b'=' | b'~' | b'#' | b'+' | b'!' | b'?'
        ) && !(matches!(b, b'.' | b'+') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
        {
            let mut end = i + 1;
            while bytes.get(end) == Some(&b) {
                end += 1;
            }
            let t = token(i, end, TokenKind::Punct);
            if may_end_sentence(bytes, t) {
                marks.push(out.len() - base);
            }
            out.push(t);
            i = end;
            continue;
        }
        let c = if b.is_ascii() {
            char::from(b)
        } else {
            let Some(c) = char_at(text, i) else { break };
            c
        };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let (end, kind) = scan_token(text, i, c);
        // Every branch consumes at least `c`; guard anyway so the loop always advances.
        let end = end.max(i + c.len_utf8());
        let t = token(i, end, kind);
        if may_end_sentence(bytes, t) {
            marks.push(out.len() - base);
        }
        out.push(t);
        i = end;
    }
}

/// True for a token that may be a sentence mark or a double quote mark,
/// told from its first and last bytes alone: a word or number ending in a
/// dot, a punctuation token starting with '.', '?', '!', '"' or a byte
/// outside ASCII. Most words, numbers, commas and brackets are not.
#[inline]
pub(crate) fn may_end_sentence(bytes: &[u8], t: Token) -> bool {
    match t.kind {
        TokenKind::Word | TokenKind::Number => {
            bytes.get(t.span().end.wrapping_sub(1)) == Some(&b'.')
        }
        TokenKind::Punct => bytes
            .get(t.span().start)
            .is_none_or(|&b| !b.is_ascii() || matches!(b, b'.' | b'?' | b'!' | b'"')),
    }
}

/// The character starting at byte `i`, if any.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text.get(i..).and_then(|s| s.chars().next()),
        None => None,
    }
}

/// The character ending at byte `i`, if any.
#[inline]
fn char_before(text: &str, i: usize) -> Option<char> {
    match i.checked_sub(1).and_then(|p| text.as_bytes().get(p)) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text.get(..i).and_then(|s| s.chars().next_back()),
        None => None,
    }
}

/// Letters, digits, `_` and combining marks: what words are made of.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    // General Punctuation (dashes, curly quotes, "…"): common in news and
    // none of it letters or digits; answered without the Unicode tables.
    if ('\u{2010}'..='\u{205E}').contains(&c) {
        return false;
    }
    c.is_alphanumeric() || c == '_' || is_combining(c)
}

fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05BD}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0900}'..='\u{0903}'
        | '\u{093A}'..='\u{094F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200C}'..='\u{200D}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}')
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Marks whose runs form one token ("--", "...", "***", "====").
fn is_run_mark(c: char) -> bool {
    matches!(
        c,
        '.' | '-' | '*' | '=' | '~' | '#' | '+' | '!' | '?' | '—' | '–'
    )
}

fn scan_token(text: &str, i: usize, c: char) -> (usize, TokenKind) {
    let after_word = char_before(text, i).is_some_and(is_word_char);
    if after_word && let Some(len) = clitic_len(text, i) {
        return (i + len, TokenKind::Word);
    }
    if is_word_char(c) {
        return scan_word(text, i);
    }
    // ".526", "+1.66": a sign or a leading dot glued to digits, not to a word.
    if (c == '.' || c == '+')
        && !after_word
        && char_at(text, i + 1).is_some_and(|d| d.is_ascii_digit())
        && !char_before(text, i).is_some_and(|p| p == '.' || p == '+')
    {
        let (end, kind) = scan_word(text, i + 1);
        if kind == TokenKind::Number {
            return (end, TokenKind::Number);
        }
    }
    let mut end = i + c.len_utf8();
    if is_run_mark(c) {
        while char_at(text, end) == Some(c) {
            end += c.len_utf8();
        }
    }
    (end, TokenKind::Punct)
}

/// Length in bytes of a clitic starting at `i` ("'s", "'re", "n't", ...),
/// when one starts there and is followed by a non-word character.
fn clitic_len(text: &str, i: usize) -> Option<usize> {
    // every clitic starts with 'n', 'N' or an apostrophe ('\'' or '’')
    let &b = text.as_bytes().get(i)?;
    if b.is_ascii() && !matches!(b, b'n' | b'N' | b'\'') {
        return None;
    }
    let rest = text.get(i..)?;
    let mut chars = rest.char_indices();
    let (_, first) = chars.next()?;
    let body_start = if first == 'n' || first == 'N' {
        // "n't"
        let (_, apo) = chars.next()?;
        let (tj, t) = chars.next()?;
        if !is_apostrophe(apo) || !(t == 't' || t == 'T') {
            return None;
        }
        let end = tj + 1;
        return (!char_at(rest, end).is_some_and(is_word_char)).then_some(end);
    } else if is_apostrophe(first) {
        first.len_utf8()
    } else {
        return None;
    };
    // clitic bodies are at most two letters: look no further than three
    let body_len = rest[body_start..]
        .bytes()
        .take(3)
        .take_while(u8::is_ascii_alphabetic)
        .count();
    let body = &rest[body_start..body_start + body_len];
    let end = body_start + body_len;
    if char_at(rest, end).is_some_and(is_word_char) {
        return None;
    }
    matches!(
        body,
        "s" | "S" | "m" | "M" | "d" | "D" | "re" | "RE" | "ll" | "LL" | "ve" | "VE"
    )
    .then_some(end)
}

/// True when the token starts a line: only spaces or tabs between it and the
/// previous newline (or the start of the text).
fn starts_line(text: &str, start: usize) -> bool {
    text[..start]
        .bytes()
        .rev()
        .find(|b| *b != b' ' && *b != b'\t')
        .is_none_or(|b| b == b'\n')
}

#[cfg(test)]
mod tests;
