//! The run-time tagger's memory of whole decisions.
//!
//! Entry point: [`Decisions`], a table from everything a token's features
//! read (a [`Situation`]: its spelling, its neighbours' spellings, its
//! sentence's kind and the tags before it) to the tag chosen there. News
//! copy repeats itself (names in the same phrases, datelines, bylines), so
//! a token seen before in the same situation is tagged without summing
//! anything. The tag is a function of the situation alone, so this gives
//! the same tags as deciding anew. Open addressing with linear probing,
//! at most half full, forgotten as a whole past a limit.
//!
//! Knows nothing of features or models: [`super::tagger`] says what a
//! situation is and decides the tags.

use super::tagger::Guess;
use super::tags::Tag;

/// Everything a token's tag depends on, packed: its spelling and its
/// neighbours' (two before and after), whether its sentence is a headline,
/// whether it opens the sentence, the two previous tags and the tag the
/// document last gave the same word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Situation([u64; 3]);

/// Set in every situation's last word: a free slot has it clear.
const HELD: u64 = 1 << 63;

/// The spellings a situation reads: the token's, then two before and after.
#[derive(Debug, Clone, Copy)]
pub struct Spellings {
    pub word: u32,
    pub before: [u32; 2],
    pub after: [u32; 2],
}

impl Situation {
    /// The situation of a token: `same_word` is the tagger's small code
    /// (below 16) of the tag last given to the same word.
    #[inline(always)]
    pub fn new(
        forms: Spellings,
        caps: bool,
        first: bool,
        prev: Tag,
        prev2: Tag,
        same_word: u8,
    ) -> Situation {
        let small = u64::from(caps)
            | u64::from(first) << 1
            | (prev.index() as u64) << 2
            | (prev2.index() as u64) << 6
            | u64::from(same_word) << 10;
        Situation([
            u64::from(forms.word) | u64::from(forms.before[0]) << 32,
            u64::from(forms.before[1]) | u64::from(forms.after[0]) << 32,
            u64::from(forms.after[1]) | small << 32 | HELD,
        ])
    }

    /// A hash whose high bits depend on every bit of the situation.
    #[inline(always)]
    fn hash(&self) -> u64 {
        const K: u64 = 0x9e37_79b9_7f4a_7c15;
        let [a, b, c] = self.0;
        ((a.wrapping_mul(K) ^ b).wrapping_mul(K) ^ c).wrapping_mul(0x517c_c1b7_2722_0a95)
    }
}

/// A slot: a situation (`HELD` clear: free), then its decision packed
/// ([`pack`]). All zeros is a free slot, so a new table is zeroed memory
/// that the system maps only where it is written.
type Slot = [u64; 4];

const FREE: Slot = [0; 4];

/// A decision as the last word of a slot: the tag's index, then the
/// margin's bits.
fn pack(g: Guess) -> u64 {
    (g.tag.index() as u64) << 32 | u64::from(g.margin.to_bits())
}

fn unpack(w: u64) -> Guess {
    Guess {
        tag: Tag::from_index((w >> 32) as usize % super::tags::N_TAGS),
        margin: f32::from_bits(w as u32),
    }
}

fn is_held(s: &Slot) -> bool {
    s[2] & HELD != 0
}

const MIN_SLOTS: usize = 64;

/// Decisions by situation.
#[derive(Debug, Clone)]
pub struct Decisions {
    slots: Vec<Slot>,
    /// 64 minus the number of index bits.
    shift: u32,
    held: usize,
    /// Past this many decisions, they are all forgotten.
    max: usize,
}

/// Where a situation not held would go ([`Decisions::find`]).
#[derive(Debug, Clone, Copy)]
pub struct Vacant {
    at: usize,
    situation: Situation,
}

impl Decisions {
    /// An empty table that holds at most `max` decisions at a time.
    pub fn new(max: usize) -> Decisions {
        Decisions {
            slots: vec![FREE; MIN_SLOTS],
            shift: 64 - MIN_SLOTS.trailing_zeros(),
            held: 0,
            max,
        }
    }

    /// Makes room for about `n` decisions (bounded by the limit), sparing
    /// the table's regrowth on a long document.
    pub fn reserve(&mut self, n: usize) {
        let want = n.min(self.max).saturating_mul(2).next_power_of_two();
        if want > self.slots.len() {
            self.resize(want);
        }
    }

    fn resize(&mut self, room: usize) {
        let old = std::mem::replace(&mut self.slots, vec![FREE; room]);
        self.shift = 64 - room.trailing_zeros();
        for s in old.into_iter().filter(is_held) {
            self.put(s);
        }
    }

    /// The decision taken in `situation`, or where it would go.
    #[inline(always)]
    pub fn find(&self, situation: Situation) -> Result<Guess, Vacant> {
        let mask = self.slots.len() - 1;
        let mut i = (situation.hash() >> self.shift) as usize & mask;
        loop {
            let s = &self.slots[i];
            if s[..3] == situation.0 {
                return Ok(unpack(s[3]));
            }
            if !is_held(s) {
                return Err(Vacant { at: i, situation });
            }
            i = (i + 1) & mask;
        }
    }

    /// Remembers the decision of the situation [`Decisions::find`] did not
    /// find (nothing inserted in between), forgetting every decision first
    /// when the table is full.
    #[inline(never)]
    pub fn insert(&mut self, vacant: Vacant, guess: Guess) {
        let [a, b, c] = vacant.situation.0;
        let slot = [a, b, c, pack(guess)];
        if self.held >= self.max {
            self.slots.fill(FREE);
            self.held = 0;
            self.put(slot);
        } else if (self.held + 1) * 2 > self.slots.len() {
            self.resize(self.slots.len() * 2);
            self.put(slot);
        } else {
            self.slots[vacant.at] = slot;
        }
        self.held += 1;
    }

    /// Puts a slot whose situation is not held yet in its first free place.
    fn put(&mut self, s: Slot) {
        let mask = self.slots.len() - 1;
        let mut i = (Situation([s[0], s[1], s[2]]).hash() >> self.shift) as usize & mask;
        while is_held(&self.slots[i]) {
            i = (i + 1) & mask;
        }
        self.slots[i] = s;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::ner::NameLabel;

    fn situation(n: u32, prev: Tag) -> Situation {
        let forms = Spellings {
            word: n,
            before: [n / 3, u32::MAX],
            after: [n % 5, n / 7],
        };
        Situation::new(
            forms,
            n.is_multiple_of(2),
            n.is_multiple_of(3),
            prev,
            Tag::Outside,
            (n % 10) as u8,
        )
    }

    fn guess(n: u32) -> Guess {
        Guess {
            tag: Tag::from_index(n as usize % 9),
            margin: n as f32,
        }
    }

    #[test]
    fn decisions_are_found_again_by_their_situation() {
        let mut d = Decisions::new(1 << 20);
        let per = Tag::Begin(NameLabel::Per);
        for n in 0..3000u32 {
            let vacant = d.find(situation(n, per)).expect_err("new situation");
            d.insert(vacant, guess(n));
        }
        for n in 0..3000u32 {
            assert_eq!(d.find(situation(n, per)).ok(), Some(guess(n)));
            // another previous tag is another situation
            assert!(d.find(situation(n, Tag::Outside)).is_err());
        }
    }

    #[test]
    fn a_full_table_forgets_and_goes_on() {
        let mut d = Decisions::new(10);
        for n in 0..25u32 {
            if let Err(vacant) = d.find(situation(n, Tag::Outside)) {
                d.insert(vacant, guess(n));
            }
        }
        assert_eq!(d.find(situation(24, Tag::Outside)).ok(), Some(guess(24)));
        assert!(d.find(situation(0, Tag::Outside)).is_err());
    }
}
