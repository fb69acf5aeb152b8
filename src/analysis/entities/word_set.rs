//! Small fixed lists of words (up to 128), built at compile time and
//! indexed by length and first letter, so that most words are ruled out
//! in a few instructions: the month names, weekdays, hedges and currency
//! codes, units and currency words of [`super::numeric`]. Only lookups:
//! no list of its own.

/// A list of up to 128 words, indexed by length and first letter so that
/// most words are ruled out in a few instructions.
pub struct WordSet {
    words: &'static [&'static str],
    /// For each length (below 16) and first letter, the bits of the list's
    /// words with them.
    index: [[u128; 26]; 16],
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        assert!(words.len() <= 128, "a word set holds up to 128 words");
        let mut index = [[0u128; 26]; 16];
        let mut i = 0;
        while i < words.len() {
            let w = words[i].as_bytes();
            assert!(
                w.len() < 16 && w[0].is_ascii_alphabetic(),
                "a word set holds words of letters, shorter than 16 bytes"
            );
            let letter = (w[0].to_ascii_lowercase() - b'a') as usize;
            index[w.len()][letter] |= 1 << i;
            i += 1;
        }
        WordSet { words, index }
    }

    /// The list's words that may be `s`: same length and first letter (in
    /// any case).
    #[inline]
    fn candidates(&self, s: &str) -> impl Iterator<Item = &'static str> {
        let b = s.as_bytes();
        let mut bits = match b.first() {
            Some(c) if b.len() < 16 && c.is_ascii_alphabetic() => {
                self.index[b.len()][usize::from(c.to_ascii_lowercase() - b'a')]
            }
            _ => 0,
        };
        let words = self.words;
        std::iter::from_fn(move || {
            if bits == 0 {
                return None;
            }
            let i = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            words.get(i).copied()
        })
    }

    /// True when `s` is one of the words, in any case.
    #[inline]
    pub fn contains_ignore_case(&self, s: &str) -> bool {
        self.candidates(s).any(|w| w.eq_ignore_ascii_case(s))
    }

    /// True when `s` is one of the words as written.
    #[inline]
    pub fn contains(&self, s: &str) -> bool {
        self.candidates(s).any(|w| w == s)
    }
}

/// The lists `N` words long in one, for a [`WordSet`] made of several.
pub const fn joined<const N: usize>(lists: &[&[&'static str]]) -> [&'static str; N] {
    let mut out = [""; N];
    let (mut n, mut l) = (0, 0);
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            out[n] = lists[l][i];
            n += 1;
            i += 1;
        }
        l += 1;
    }
    assert!(n == N, "the lists hold N words in all");
    out
}
