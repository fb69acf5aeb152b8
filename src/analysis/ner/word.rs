//! One word as the tagger reads it, and the hash its feature keys are built with.
//!
//! Entry point: [`Word::read`]: the word's lowercased hash, shape and case
//! flags in one pass; [`affixes`] hashes its first and last characters;
//! [`Brief`] packs what the per-token passes over a document read of it.
//! Typographic quotes, apostrophes and dashes read as their ASCII
//! counterparts, as in the training text. Knows nothing of sentences,
//! documents or models.

const K: u64 = 0x517c_c1b7_2722_0a95;

/// One step of the incremental hash (FxHash's).
#[inline]
pub(super) fn step(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(K)
}

/// Final mixing so that low bits (the table index) depend on every input bit.
#[inline]
pub(super) fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

// Flags of a word.
pub(super) const HAS_UPPER: u16 = 1;
pub(super) const INIT_UPPER: u16 = 2;
pub(super) const ALL_UPPER: u16 = 4;
pub(super) const HAS_LOWER: u16 = 8;
pub(super) const HAS_DIGIT: u16 = 16;
pub(super) const HAS_LETTER: u16 = 32;

/// The character as the features read it: lowercased, and typographic
/// quotes, apostrophes and dashes folded to the ASCII ones the training
/// text uses ("China’s" reads as "China's").
#[inline]
fn lowercase(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        match fold_typography(c) {
            f if f.is_ascii() => f,
            _ => c.to_lowercase().next().unwrap_or(c),
        }
    }
}

/// Typographic punctuation as its ASCII counterpart.
#[inline]
fn fold_typography(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' => '-',
        '\u{2014}' | '\u{2015}' => '-',
        '\u{2026}' => '.',
        c => c,
    }
}

/// Hashes of the first and of the last one to four characters, lowercased
/// (a shorter word repeats its whole hash).
pub(super) fn affixes(w: &str) -> ([u64; 4], [u64; 4]) {
    fn fill(it: impl Iterator<Item = char>) -> [u64; 4] {
        let mut out = [0u64; 4];
        let mut h = 0u64;
        let mut n = 0;
        for c in it.take(4) {
            h = step(h, u64::from(u32::from(lowercase(c))));
            out[n] = h;
            n += 1;
        }
        for x in &mut out[n..] {
            *x = h;
        }
        out
    }
    if w.is_ascii() {
        let b = w.as_bytes();
        (
            fill(b.iter().map(|&c| char::from(c))),
            fill(b.iter().rev().map(|&c| char::from(c))),
        )
    } else {
        (fill(w.chars()), fill(w.chars().rev()))
    }
}

/// What the tagger knows of one word, before context.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Word {
    /// Hash of the word lowercased.
    pub lower: u64,
    /// Hash of its shape ("Xxxx", "dd.d").
    pub shape: u32,
    pub flags: u16,
    /// Length in characters.
    pub chars: u16,
}

impl Word {
    /// Reads a word: its lowercased hash, shape and flags.
    pub(super) fn read(w: &str) -> Word {
        if w.is_ascii() {
            Word::read_ascii(w.as_bytes())
        } else {
            Word::read_chars(w.chars())
        }
    }

    /// [`Word::read_chars`] for an ASCII word, byte by byte (most words).
    #[inline]
    fn read_ascii(b: &[u8]) -> Word {
        let mut h = 0u64;
        let mut shape = 0u64;
        let mut last_class = 0u8;
        let mut flags = 0u16;
        for (n, &c) in b.iter().enumerate() {
            h = step(h, u64::from(c.to_ascii_lowercase()));
            let class = match c {
                b'A'..=b'Z' => {
                    flags |= HAS_UPPER | HAS_LETTER;
                    if n == 0 {
                        flags |= INIT_UPPER;
                    }
                    b'X'
                }
                b'a'..=b'z' => {
                    flags |= HAS_LOWER | HAS_LETTER;
                    b'x'
                }
                b'0'..=b'9' => {
                    flags |= HAS_DIGIT;
                    b'd'
                }
                c => c,
            };
            if class != last_class {
                shape = step(shape, u64::from(class));
                last_class = class;
            }
        }
        if flags & (HAS_LETTER | HAS_LOWER) == HAS_LETTER {
            flags |= ALL_UPPER;
        }
        Word {
            lower: h,
            shape: (shape >> 32) as u32,
            flags,
            chars: b.len().min(usize::from(u16::MAX)) as u16,
        }
    }

    #[inline]
    fn read_chars(chars: impl Iterator<Item = char>) -> Word {
        let mut h = 0u64;
        let mut shape = 0u64;
        let mut last_class = 0u32;
        let mut n = 0usize;
        let mut flags = 0u16;
        let mut all_upper = true;
        for c in chars {
            let c = fold_typography(c);
            h = step(h, u64::from(u32::from(lowercase(c))));
            n += 1;
            let class = if c.is_uppercase() {
                flags |= HAS_UPPER | HAS_LETTER;
                if n == 1 {
                    flags |= INIT_UPPER;
                }
                u32::from('X')
            } else if c.is_alphabetic() {
                flags |= HAS_LOWER | HAS_LETTER;
                all_upper = false;
                u32::from('x')
            } else if c.is_numeric() {
                flags |= HAS_DIGIT;
                u32::from('d')
            } else {
                u32::from(c)
            };
            if class != last_class {
                shape = step(shape, u64::from(class));
                last_class = class;
            }
        }
        if all_upper && flags & HAS_LETTER != 0 {
            flags |= ALL_UPPER;
        }
        Word {
            lower: h,
            shape: (shape >> 32) as u32,
            flags,
            chars: n.min(usize::from(u16::MAX)) as u16,
        }
    }

    pub(super) fn is(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }
}

// How a word is cased elsewhere in its document (outside headlines).
const SEEN_LOWER: u8 = 1;
const SEEN_TITLE_MID: u8 = 2;

/// What the per-token passes read of a spelling, packed small (they read
/// it for every token; the tagger's whole record of it is five times the size).
#[derive(Debug, Clone, Copy)]
pub(super) struct Brief {
    /// The number of the lowercased word (the tagger's, shared by "Paris" and "PARIS").
    pub lower: u32,
    /// `BRIEF_*` flags.
    flags: u8,
    /// What the word tells of its casing in the document, outside
    /// headlines: as a sentence's first word, and elsewhere.
    pub seen_first: u8,
    pub seen_mid: u8,
}

// Flags of a [`Brief`].
pub(super) const BRIEF_UPPER: u8 = 1;
pub(super) const BRIEF_LOWER: u8 = 2;
pub(super) const BRIEF_DIGIT: u8 = 4;
/// In capitals, two or more characters ("UN", "NATO").
pub(super) const BRIEF_CAPS_WORD: u8 = 8;

impl Brief {
    pub(super) fn of(word: &Word, lower: u32) -> Brief {
        let flag = |w: u16, b: u8| if word.is(w) { b } else { 0 };
        let seen = |first: bool| {
            if !word.is(HAS_LETTER) {
                0
            } else if !word.is(HAS_UPPER) {
                SEEN_LOWER
            } else if !first && word.is(INIT_UPPER) && !word.is(ALL_UPPER) {
                SEEN_TITLE_MID
            } else {
                0
            }
        };
        Brief {
            lower,
            flags: flag(HAS_UPPER, BRIEF_UPPER)
                | flag(HAS_LOWER, BRIEF_LOWER)
                | flag(HAS_DIGIT, BRIEF_DIGIT)
                | if word.is(ALL_UPPER) && word.chars >= 2 {
                    BRIEF_CAPS_WORD
                } else {
                    0
                },
            seen_first: seen(true),
            seen_mid: seen(false),
        }
    }

    pub(super) fn is(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

#[cfg(test)]
mod word_tests {
    use super::*;

    #[test]
    fn ascii_words_read_as_chars_do() {
        for w in [
            "Nairobi", "NATO", "iPhone", "3.2bn", "U.S.", "--", "O'Neill", "x", "", "A1-b",
        ] {
            let fast = Word::read_ascii(w.as_bytes());
            let slow = Word::read_chars(w.chars());
            assert_eq!(
                (fast.lower, fast.shape, fast.flags, fast.chars),
                (slow.lower, slow.shape, slow.flags, slow.chars),
                "{w}"
            );
        }
    }
}
