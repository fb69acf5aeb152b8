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

use abbreviations::is_abbreviation;
pub(crate) use abbreviations::{AbbreviationClass, abbreviation_class};
#[cfg(test)]
use abbreviations::{LONGEST_ABBREVIATION, known_abbreviation};

use super::{Token, TokenKind};
use crate::analysis::Span;

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

/// What the part of a word scanned so far looks like; kept up to date as the
/// scan goes so that no check re-reads the word (the scan stays linear).
#[derive(Debug, Clone, Copy)]
struct WordShape {
    chars: usize,
    /// Starts with a digit and has only digits and number punctuation.
    numeric: bool,
    /// Single letters joined by dots: "U", "U.S", "a.m".
    initialism: bool,
    has_dot: bool,
    /// Only ASCII digits.
    digits: bool,
    /// Only ASCII capitals.
    capitals: bool,
    last: Option<char>,
}

impl WordShape {
    fn new() -> Self {
        WordShape {
            chars: 0,
            numeric: true,
            initialism: true,
            has_dot: false,
            digits: true,
            capitals: true,
            last: None,
        }
    }

    /// Adds one word character.
    #[inline]
    fn push_char(&mut self, c: char) {
        if self.chars == 0 {
            self.numeric = c.is_ascii_digit();
        } else {
            self.numeric &= c.is_ascii_digit();
        }
        self.digits &= c.is_ascii_digit();
        self.capitals &= c.is_ascii_uppercase();
        self.last = Some(c);
        self.chars += 1;
    }

    /// Adds `n` ASCII word characters at once: `all` holds the
    /// [`ASCII_DIGIT`] and [`ASCII_UPPER`] bits every one of them has.
    #[inline]
    fn push_ascii_run(&mut self, n: usize, all: u8, last: char) {
        let digits = all & ASCII_DIGIT != 0;
        // `numeric` starts true, so and-ing also covers the first character
        self.numeric &= digits;
        self.digits &= digits;
        self.capitals &= all & ASCII_UPPER != 0;
        self.last = Some(last);
        self.chars += n;
    }

    /// Closes a run of `n` word characters: an initialism's parts are single letters.
    fn end_run(&mut self, n: usize) {
        self.initialism &= n == 1 && self.last.is_some_and(char::is_alphabetic);
    }

    /// Adds a joining mark ('.', '-', ...).
    fn push_mark(&mut self, c: char) {
        self.chars += 1;
        self.numeric &= matches!(c, '.' | ',' | ':' | '/' | '-');
        self.initialism &= c == '.';
        self.has_dot |= c == '.';
        self.digits = false;
        self.capitals = false;
        self.last = Some(c);
    }
}

/// [`ASCII_CLASS`] bit: a word character (letter, digit, `_`).
const ASCII_WORD: u8 = 1;
/// [`ASCII_CLASS`] bit: a digit.
const ASCII_DIGIT: u8 = 2;
/// [`ASCII_CLASS`] bit: a capital letter.
const ASCII_UPPER: u8 = 4;

/// [`ASCII_CLASS`] bit: a byte that [`scan_token`] always makes a token
/// of its own, wherever it is: no letter, digit, `_` or white space, no
/// apostrophe (a clitic may start there), no mark whose runs are one token
/// ([`is_run_mark`]) and no '.' or '+' (they may start a number).
const ASCII_LONE_MARK: u8 = 8;

/// The class bits of each ASCII byte (0 for other bytes).
static ASCII_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        let white = matches!(c, 0x09..=0x0D | b' ');
        let joins_or_runs = matches!(
            c,
            b'\'' | b'.' | b'+' | b'-' | b'*' | b'=' | b'~' | b'#' | b'!' | b'?'
        );
        if !(c.is_ascii_alphanumeric() || c == b'_' || white || joins_or_runs) {
            table[b] |= ASCII_LONE_MARK;
        }
        if c.is_ascii_alphanumeric() || c == b'_' {
            table[b] |= ASCII_WORD;
        }
        if c.is_ascii_digit() {
            table[b] |= ASCII_DIGIT;
        }
        if c.is_ascii_uppercase() {
            table[b] |= ASCII_UPPER;
        }
        b += 1;
    }
    table
};

fn scan_word(text: &str, start: usize) -> (usize, TokenKind) {
    match scan_plain_word(text, start) {
        Some((end, kind, _)) => (end, kind),
        None => scan_joined_word(text, start),
    }
}

/// The common cases of [`scan_word`], decided from the bytes around an ASCII
/// run of letters and digits: the run ends at a space or a mark that cannot
/// join it (a comma not between digits, a full stop after a word that is no
/// abbreviation). `None` sends the word to [`scan_joined_word`]: an inner
/// mark, a character outside ASCII, an initial, a number before a dot.
/// With the word's end and kind comes whether it ends in a dot (an
/// abbreviation's).
#[inline(always)]
fn scan_plain_word(text: &str, start: usize) -> Option<(usize, TokenKind, bool)> {
    let bytes = text.as_bytes();
    let end = ascii_word_run(bytes, start);
    if end == start {
        return None;
    }
    // most words start with a letter: only a run starting with a digit is
    // read again, to see whether it is all digits
    let all_digits =
        bytes[start].is_ascii_digit() && bytes[start + 1..end].iter().all(u8::is_ascii_digit);
    let kind = if all_digits {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    match bytes.get(end) {
        None => Some((end, kind, false)),
        Some(&b) if b.is_ascii() && !may_join_word(b) => Some((end, kind, false)),
        // these join digits only ("1,000", "5:30", "1/2")
        Some(b',' | b':' | b'/') => {
            (!bytes.get(end + 1).is_some_and(u8::is_ascii_digit)).then_some((end, kind, false))
        }
        Some(b'.') if kind == TokenKind::Word && end - start > 1 => {
            // A word of two letters or more: not an initial or an initialism.
            let after = end + 1;
            match bytes.get(after) {
                // "end.Next": the dot is no part of the word
                Some(&n) if ASCII_CLASS[usize::from(n)] & ASCII_WORD != 0 => {
                    Some((end, kind, false))
                }
                Some(&n) if !n.is_ascii() => None,
                // a word and a full stop, unless the word is an abbreviation
                _ if is_abbreviation(text, &text[start..end], after) => Some((after, kind, true)),
                _ => Some((end, kind, false)),
            }
        }
        Some(&b) if b == b'\'' || !b.is_ascii() => {
            ends_before_mark(text, end).then_some((end, kind, false))
        }
        _ => None,
    }
}

/// True when a run of ASCII word characters ending at byte `end` (before
/// an apostrophe or a character outside ASCII) is a whole word, as
/// [`scan_joined_word`] decides: the character is no word character and no
/// apostrophe ("word”", "word—"), or it is an apostrophe that starts a
/// clitic other than "n't" ("Trump’s", "Trump's"). `false` leaves the word
/// to the full scan.
#[inline(never)]
fn ends_before_mark(text: &str, end: usize) -> bool {
    let Some(c) = char_at(text, end) else {
        return false;
    };
    if !is_apostrophe(c) {
        return !is_word_char(c);
    }
    let bytes = text.as_bytes();
    // "don't": the word gives its "n" to the clitic (left to the full scan)
    let n_t = end > 0
        && matches!(bytes[end - 1], b'n' | b'N')
        && matches!(bytes.get(end + c.len_utf8()), Some(b't' | b'T'));
    !n_t && clitic_len(text, end).is_some()
}

/// The end of the run of ASCII letters, digits and `_` from `start`.
/// Reads eight bytes at a time as one `u64`, so that the run's end costs
/// one unpredictable branch or none.
#[inline(always)]
fn ascii_word_run(bytes: &[u8], start: usize) -> usize {
    let mut end = start;
    while let Some(chunk) = bytes.get(end..end + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        // the high bits of the bytes that are no word characters
        let stops = !ascii_word_bytes(u64::from_le_bytes(word)) & HIGH_BITS;
        if stops != 0 {
            return end + (stops.trailing_zeros() / 8) as usize;
        }
        end += 8;
    }
    while bytes
        .get(end)
        .is_some_and(|&b| ASCII_CLASS[usize::from(b)] & ASCII_WORD != 0)
    {
        end += 1;
    }
    end
}

/// Each byte's low bits set.
const LOW_BITS: u64 = 0x0101_0101_0101_0101;
/// Each byte's high bit set.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The eight bytes of `w` that are ASCII word characters (letters, digits,
/// `_`), each marked by its high bit.
#[inline(always)]
fn ascii_word_bytes(w: u64) -> u64 {
    let ascii = !w & HIGH_BITS;
    // Below 0x80 in every byte, so that no sum carries into the next byte.
    let low = w & !HIGH_BITS;
    // High bit set where lo <= byte <= hi.
    let within = |x: u64, lo: u8, hi: u8| {
        x.wrapping_add(LOW_BITS * u64::from(0x80 - lo))
            & !x.wrapping_add(LOW_BITS * u64::from(0x7F - hi))
            & HIGH_BITS
    };
    let digits = within(low, b'0', b'9');
    // capitals folded onto lowercase letters
    let letters = within(low | (LOW_BITS * 0x20), b'a', b'z');
    let underscores = within(low, b'_', b'_');
    (digits | letters | underscores) & ascii
}

/// True for the ASCII marks that may continue a word ("U.S.", "1,000",
/// "Indo-Pacific", "O'Brien", "S&P", "5:30", "1/2", "C$").
#[inline]
fn may_join_word(b: u8) -> bool {
    matches!(b, b'\'' | b'-' | b'.' | b',' | b':' | b'/' | b'&' | b'$')
}

/// [`scan_word`] for words with inner marks or characters outside ASCII.
#[inline(never)]
fn scan_joined_word(text: &str, start: usize) -> (usize, TokenKind) {
    let mut end = start;
    let mut shape = WordShape::new();
    let bytes = text.as_bytes();
    loop {
        let mut run = 0;
        loop {
            // a run of ASCII word characters, read a byte at a time
            let from = end;
            let mut all = ASCII_DIGIT | ASCII_UPPER;
            while let Some(&b) = bytes.get(end) {
                let class = ASCII_CLASS[usize::from(b)];
                if class & ASCII_WORD == 0 {
                    break;
                }
                all &= class;
                end += 1;
            }
            if end > from {
                shape.push_ascii_run(end - from, all, char::from(bytes[end - 1]));
                run += end - from;
            }
            // then a word character outside ASCII, if one follows
            match bytes.get(end) {
                Some(&b) if !b.is_ascii() => match char_at(text, end) {
                    Some(c) if is_word_char(c) => {
                        shape.push_char(c);
                        run += 1;
                        end += c.len_utf8();
                    }
                    _ => break,
                },
                _ => break,
            }
        }
        if run > 0 {
            shape.end_run(run);
        }
        // Only these marks can join a word; anything else ends it.
        match bytes.get(end) {
            None => break,
            Some(&b) if b.is_ascii() && !may_join_word(b) => break,
            _ => {}
        }
        let Some(d) = char_at(text, end) else { break };
        let after = end + d.len_utf8();
        let next = char_at(text, after);
        let last = shape.last;
        let last_digit = last.is_some_and(|c| c.is_ascii_digit());
        let next_digit = next.is_some_and(|n| n.is_ascii_digit());
        match d {
            '\'' | '’' => {
                if next.is_some_and(|n| n == 't' || n == 'T')
                    && matches!(last, Some('n' | 'N'))
                    && shape.chars > 1
                    && clitic_len(text, end - 1).is_some()
                {
                    // "don't" -> "do" + "n't"
                    end -= 1;
                    break;
                }
                if clitic_len(text, end).is_some() {
                    break;
                }
                if next.is_some_and(char::is_alphabetic) {
                    shape.push_mark(d);
                    end = after;
                    continue;
                }
                break;
            }
            '-' => {
                if next.is_some_and(is_word_char) {
                    shape.push_mark(d);
                    end = after;
                    continue;
                }
                if next.is_none_or(char::is_whitespace) {
                    // "face- to- face", "27- 28": a dangling hyphen stays on its word
                    shape.push_mark(d);
                    end = after;
                }
                break;
            }
            '.' => {
                if shape.numeric && last_digit && next_digit {
                    shape.push_mark(d);
                    end = after;
                    continue;
                }
                let single_letter_follows = next.is_some_and(char::is_alphabetic)
                    && !char_at(text, after + next.map_or(0, char::len_utf8))
                        .is_some_and(is_word_char);
                if shape.initialism && single_letter_follows {
                    shape.push_mark(d);
                    end = after;
                    continue;
                }
                if shape.initialism
                    && shape.has_dot
                    && next == Some('-')
                    && char_at(text, after + 1).is_some_and(is_word_char)
                {
                    // "U.S.-led"
                    shape.push_mark(d);
                    shape.push_mark('-');
                    end = after + 1;
                    continue;
                }
                let spaced = next.is_none_or(|n| !is_word_char(n));
                if !spaced {
                    break;
                }
                let single_capital = shape.chars == 1 && last.is_some_and(char::is_uppercase);
                let tok = &text[start..end];
                if (shape.initialism && (shape.has_dot || single_capital))
                    || is_abbreviation(text, tok, after)
                    || (shape.chars <= 3
                        && shape.digits
                        && next.is_some_and(|n| n == ' ' || n == '\t')
                        && starts_line(text, start))
                {
                    end = after;
                }
                break;
            }
            ',' => {
                if shape.numeric && last_digit && next_digit {
                    shape.push_mark(d);
                    end = after;
                    continue;
                }
                break;
            }
            ':' | '/' => {
                if last_digit && next_digit {
                    shape.push_mark(d);
                    end = after;
                    continue;
                }
                break;
            }
            '&' => {
                if last.is_some_and(char::is_uppercase) && next.is_some_and(char::is_uppercase) {
                    shape.push_mark(d);
                    end = after;
                    continue;
                }
                break;
            }
            '$' => {
                // "C$", "US$", "HK$": a currency code glued to the dollar sign
                if shape.chars <= 3 && shape.capitals && !next.is_some_and(char::is_alphabetic) {
                    end = after;
                }
                break;
            }
            _ => break,
        }
    }
    let kind = if shape.numeric {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    (end, kind)
}

#[cfg(test)]
mod tests;
