//! Words and numbers: where one that starts at a given byte ends, and
//! whether it is a number. The common case (a run of ASCII letters and
//! digits ended by a space or a mark that cannot join it) is decided from
//! eight bytes at a time ([`scan_plain_word`]); inner marks ("U.S.",
//! "Indo-Pacific", "1,000") and characters outside ASCII take the full
//! scan ([`scan_joined_word`]). Also the class table of ASCII bytes the
//! tokenizer's main loop reads. Clitics, runs of marks and every other
//! token are the tokenizer's.

use super::{char_at, clitic_len, is_abbreviation, is_apostrophe, is_word_char, starts_line};
use crate::analysis::segment::TokenKind;

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
pub(super) const ASCII_WORD: u8 = 1;
/// [`ASCII_CLASS`] bit: a digit.
pub(super) const ASCII_DIGIT: u8 = 2;
/// [`ASCII_CLASS`] bit: a capital letter.
pub(super) const ASCII_UPPER: u8 = 4;

/// [`ASCII_CLASS`] bit: a byte that `scan_token` (the tokenizer's) always makes a token
/// of its own, wherever it is: no letter, digit, `_` or white space, no
/// apostrophe (a clitic may start there), no mark whose runs are one token
/// (`is_run_mark`) and no '.' or '+' (they may start a number).
pub(super) const ASCII_LONE_MARK: u8 = 8;

/// The class bits of each ASCII byte (0 for other bytes).
pub(super) static ASCII_CLASS: [u8; 256] = {
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

pub(super) fn scan_word(text: &str, start: usize) -> (usize, TokenKind) {
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
pub(super) fn scan_plain_word(text: &str, start: usize) -> Option<(usize, TokenKind, bool)> {
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
pub(super) fn scan_joined_word(text: &str, start: usize) -> (usize, TokenKind) {
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
