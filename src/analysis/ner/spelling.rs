//! The distinct spellings of a document, each read once.
//!
//! Entry points: [`SpellingTable`], a map from a word's exact bytes
//! ([`Spelling`]: "Paris", "paris" and "PARIS" are three) to what a reader
//! made of it (the tagger's number for it), and [`SpellingNumbers`], which
//! numbers spellings in the order first met. Words recur, so the tagger
//! looks every token up here once and reads only the spellings it has not
//! met; other readers of the document (the entities' word view) take its
//! numbers rather than hashing the tokens again. The table is built for that one job: a
//! hit costs a hash of the word's first and last bytes and one or two
//! probes, with no call to compare memory for words of up to 16 bytes.
//!
//! Knows nothing of what the words mean.

/// A word's exact bytes, with its length and its first and last bytes (up
/// to eight each, read once) that hash and compare it. For words of up to
/// 16 bytes (nearly all) those say everything; longer ones are compared
/// whole when they meet.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Spelling<'w> {
    text: &'w [u8],
    head: u64,
    tail: u64,
}

impl<'w> Spelling<'w> {
    #[inline(always)]
    pub(crate) fn new(text: &'w [u8]) -> Self {
        let b = text;
        let n = b.len();
        let (head, tail) = if n >= 8 {
            (u64_at(b, 0), u64_at(b, n - 8))
        } else if n >= 4 {
            (u64::from(u32_at(b, 0)), u64::from(u32_at(b, n - 4)))
        } else if let (Some(&first), Some(&last)) = (b.first(), b.last()) {
            let mid = b.get(1).copied().unwrap_or(0);
            (
                u64::from(first) | u64::from(mid) << 8 | u64::from(last) << 16,
                0,
            )
        } else {
            (0, 0)
        };
        Spelling { text, head, tail }
    }

    /// The same bytes.
    #[inline(always)]
    fn same(&self, other: &Self) -> bool {
        let n = self.text.len();
        n == other.text.len()
            && self.head == other.head
            && self.tail == other.tail
            && (n <= 16 || self.text == other.text)
    }

    /// A hash whose high bits depend on every byte read.
    #[inline(always)]
    fn hash(&self) -> u64 {
        let n = self.text.len() as u64;
        ((self.head ^ n << 58).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ self.tail)
            .wrapping_mul(0x517c_c1b7_2722_0a95)
    }
}

#[inline(always)]
fn u64_at(b: &[u8], at: usize) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(a)
}

#[inline(always)]
fn u32_at(b: &[u8], at: usize) -> u32 {
    let mut a = [0u8; 4];
    a.copy_from_slice(&b[at..at + 4]);
    u32::from_le_bytes(a)
}

/// Where a spelling not held would go ([`SpellingTable::find`]).
pub(crate) struct Vacant<'w> {
    at: usize,
    s: Spelling<'w>,
}

/// Spellings with a value each: open addressing with linear probing, at
/// most three quarters full (a hit takes one probe or two; fuller would
/// cost more probes, emptier more memory on a long document).
pub(crate) struct SpellingTable<'w, V> {
    slots: Vec<Option<(Spelling<'w>, V)>>,
    /// 64 minus the number of index bits.
    shift: u32,
    len: usize,
}

const MIN_SLOTS: usize = 16;

impl<'w, V: Copy> SpellingTable<'w, V> {
    /// A table with room for about `n` spellings before it grows.
    pub(crate) fn with_capacity(n: usize) -> Self {
        let slots = (n.saturating_mul(4) / 3 + 1)
            .next_power_of_two()
            .max(MIN_SLOTS);
        SpellingTable {
            slots: vec![None; slots],
            shift: 64 - slots.trailing_zeros(),
            len: 0,
        }
    }

    /// Number of spellings held.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The value of the spelling `text` (a word's bytes), made by `make`
    /// and remembered when first met.
    #[inline(always)]
    pub(crate) fn get_or_insert_with(&mut self, text: &'w [u8], make: impl FnOnce() -> V) -> V {
        match self.find(text) {
            Ok(v) => v,
            Err(vacant) => {
                let v = make();
                self.insert(vacant, v);
                v
            }
        }
    }

    /// The value of the spelling `text`, or where it would go: the caller
    /// makes the value and gives it to [`SpellingTable::insert`] (what a
    /// closure for the rare miss would capture is not set up per lookup).
    #[inline(always)]
    pub(crate) fn find(&self, text: &'w [u8]) -> Result<V, Vacant<'w>> {
        let s = Spelling::new(text);
        let mask = self.slots.len() - 1;
        let mut i = (s.hash() >> self.shift) as usize;
        loop {
            match &self.slots[i & mask] {
                Some((k, v)) if k.same(&s) => return Ok(*v),
                Some(_) => i += 1,
                None => return Err(Vacant { at: i & mask, s }),
            }
        }
    }

    /// Remembers the value of the spelling [`SpellingTable::find`] did not
    /// find (no other spelling inserted in between).
    #[inline]
    pub(crate) fn insert(&mut self, vacant: Vacant<'w>, v: V) {
        self.insert_new(vacant.at, vacant.s, v);
    }

    /// Puts a spelling not held yet in the free slot `i` (found for the
    /// table as it is), growing the table first when it would pass three
    /// quarters full.
    #[cold]
    #[inline(never)]
    fn insert_new(&mut self, i: usize, s: Spelling<'w>, v: V) {
        self.len += 1;
        if self.len * 4 > self.slots.len() * 3 {
            self.grow();
            self.put(s, v);
        } else {
            self.slots[i] = Some((s, v));
        }
    }

    fn grow(&mut self) {
        let room = self.slots.len() * 2;
        let old = std::mem::replace(&mut self.slots, vec![None; room]);
        self.shift -= 1;
        for (s, v) in old.into_iter().flatten() {
            self.put(s, v);
        }
    }

    /// Puts a spelling not held yet in its first free slot.
    fn put(&mut self, s: Spelling<'w>, v: V) {
        let mask = self.slots.len() - 1;
        let mut i = (s.hash() >> self.shift) as usize & mask;
        while self.slots[i].is_some() {
            i = (i + 1) & mask;
        }
        self.slots[i] = Some((s, v));
    }
}

/// Numbers spellings in the order first met, as the tagger numbers a
/// document's tokens ([`super::DocTagger::spellings`]), for a reader with
/// no tagger at hand.
pub(crate) struct SpellingNumbers<'w> {
    numbers: SpellingTable<'w, u32>,
    count: u32,
}

impl<'w> SpellingNumbers<'w> {
    pub(crate) fn new() -> Self {
        SpellingNumbers {
            numbers: SpellingTable::with_capacity(0),
            count: 0,
        }
    }

    /// The number of the spelling `text` (a word's bytes).
    #[inline]
    pub(crate) fn number(&mut self, text: &'w [u8]) -> u32 {
        let count = &mut self.count;
        self.numbers.get_or_insert_with(text, || {
            *count += 1;
            *count - 1
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_spelling_keeps_its_first_value() {
        let mut t = SpellingTable::with_capacity(0);
        let long = "counterinsurgencies";
        let words = [
            "Paris",
            "PARIS",
            "paris",
            "a",
            "an",
            "",
            long,
            "counterinsurgentcies",
            "naïve",
        ];
        for (n, w) in words.iter().enumerate() {
            assert_eq!(t.get_or_insert_with(w.as_bytes(), || n), n, "{w}");
        }
        // enough new words to make the table grow several times
        let many: Vec<String> = (0..1000).map(|n| format!("w{n}")).collect();
        for (n, w) in many.iter().enumerate() {
            assert_eq!(t.get_or_insert_with(w.as_bytes(), || 100 + n), 100 + n);
        }
        assert_eq!(t.len(), words.len() + many.len());
        for (n, w) in words.iter().enumerate() {
            assert_eq!(t.get_or_insert_with(w.as_bytes(), || usize::MAX), n, "{w}");
        }
        let again = String::from(long);
        assert_eq!(t.get_or_insert_with(again.as_bytes(), || usize::MAX), 6);
    }

    #[test]
    fn spellings_are_numbered_in_the_order_first_met() {
        let mut n = SpellingNumbers::new();
        let got: Vec<u32> = ["Paris", "paris", "Paris", "Rome", "paris"]
            .iter()
            .map(|w| n.number(w.as_bytes()))
            .collect();
        assert_eq!(got, [0, 1, 0, 2, 1]);
    }
}
