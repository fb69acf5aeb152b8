//! Spellings: what the term counter needs to know about each distinct
//! spelling of a word in one document, worked out once per spelling.
//!
//! Entry point: [`Spellings::look_up`]. A word's facts (capitalised, a
//! title word, a determiner, an adjective's ending, ...) depend on its
//! text alone, never on where it stands, so a long text, which repeats its
//! words, pays one hash look-up per word instead of a string comparison
//! per question asked about it. Each remembered spelling also keeps the
//! term it counts for and where its surface is counted; [`super::terms`]
//! fills both in on first use. This module creates no terms and decides
//! nothing about topics.

use super::lexicon::{self, ShortLower};
use super::terms::TermId;
use rustc_hash::FxHashMap;

/// Index of a remembered spelling.
pub type SpellingId = u32;

/// A spelling not remembered (the table is full): its facts are worked
/// out at each use.
pub const UNCACHED: SpellingId = SpellingId::MAX;

/// Most distinct spellings remembered; later new ones are not.
const MAX_SPELLINGS: usize = 1_000_000;

/// A spelling's term, before its first count asks for it.
pub const TERM_UNKNOWN: TermId = TermId::MAX - 1;
/// A spelling's surface before its first sampled count.
pub const SURFACE_UNRESOLVED: u32 = u32::MAX;
/// A surface that is not counted (empty, or its term's list is full).
pub const SURFACE_NONE: u32 = u32::MAX - 1;

/// Facts of a spelling, as bits.
pub type Facts = u16;
/// Starts with a capital letter.
pub const CAPITALISED: Facts = 1 << 0;
/// The word "of".
pub const OF: Facts = 1 << 1;
/// A word after which a lowercase word is a verb ("to", "will", "they").
pub const VERB_MARKER: Facts = 1 << 2;
/// An object pronoun ("them", "him"): the word before it is a verb.
pub const OBJECT_PRONOUN: Facts = 1 << 3;
/// A determiner ("the", "his"): the word after it is a noun.
pub const DETERMINER: Facts = 1 << 4;
/// A copula or degree word ("was", "very") before a predicative adjective.
pub const COPULA: Facts = 1 << 5;
/// Lowercase, at most 10 bytes and not a stop word (whether the token is
/// a word at all is the reader's question).
pub const SHORT_CONTENT: Facts = 1 << 6;
/// Ends like an adjective ("-ous", "-ial", "-ive").
pub const ADJECTIVE_ENDING: Facts = 1 << 7;
/// Capitals only ("US", "NATO", "U.S.").
pub const ACRONYM: Facts = 1 << 8;
/// A stop word in any case ("The", "In").
pub const STOP: Facts = 1 << 9;
/// A generic news word in any case ("Officials").
pub const GENERIC: Facts = 1 << 10;
/// A title word that starts a title ("President").
pub const STARTS_TITLE: Facts = 1 << 11;
/// A word that keeps a title going ("of", "State", "Defense").
pub const CONTINUES_TITLE: Facts = 1 << 12;

/// One remembered spelling.
#[derive(Debug, Clone, Copy)]
pub struct Spelling {
    /// Its term ([`TERM_UNKNOWN`] until first counted).
    pub term: TermId,
    /// Where its surface is counted ([`SURFACE_UNRESOLVED`] until the
    /// first sampled count).
    pub surface: u32,
    pub facts: Facts,
}

/// The spellings of one document.
#[derive(Default)]
pub struct Spellings {
    /// Spellings of up to 16 bytes, held in the key itself (no pointer to
    /// follow, the common case); longer ones owned.
    short: ShortSpellings,
    long: FxHashMap<Box<str>, SpellingId>,
    pub list: Vec<Spelling>,
}

impl Spellings {
    /// The spelling of the word at bytes `start..end` of `text` and its
    /// facts, remembered on first sight ([`UNCACHED`] once the table is
    /// full). A short word is read as one 16-byte load where the text goes
    /// on far enough.
    #[inline]
    pub fn look_up(&mut self, text: &str, start: usize, end: usize) -> (SpellingId, Facts) {
        let bytes = text.as_bytes();
        let n = end.saturating_sub(start);
        if n > 16 {
            let word = text.get(start..end).unwrap_or("");
            if let Some(&id) = self.long.get(word) {
                return (id, self.list[id as usize].facts);
            }
            let Some(id) = self.next_id() else {
                return (UNCACHED, facts_of(word));
            };
            self.long.insert(word.into(), id);
            return (id, self.push(word));
        }
        let key = match bytes.get(start..start + 16).map(<[u8; 16]>::try_from) {
            Some(Ok(w)) => u128::from_le_bytes(w) & LOW_BYTES[n],
            _ => {
                let mut k = [0u8; 16];
                if let Some(w) = bytes.get(start..end) {
                    k[..n].copy_from_slice(w);
                }
                u128::from_le_bytes(k)
            }
        };
        let slot = match self.short.find(key) {
            Ok(hit) => return hit,
            Err(slot) => slot,
        };
        let word = text.get(start..end).unwrap_or("");
        let Some(id) = self.next_id() else {
            return (UNCACHED, facts_of(word));
        };
        let facts = self.push(word);
        self.short.insert_at(slot, key, id, facts);
        (id, facts)
    }

    fn next_id(&self) -> Option<SpellingId> {
        (self.list.len() < MAX_SPELLINGS).then_some(self.list.len() as SpellingId)
    }

    fn push(&mut self, word: &str) -> Facts {
        let facts = facts_of(word);
        self.list.push(Spelling {
            term: TERM_UNKNOWN,
            surface: SURFACE_UNRESOLVED,
            facts,
        });
        facts
    }
}

/// `LOW_BYTES[n]` keeps the low `n` bytes of a 16-byte load (one look-up
/// instead of a 128-bit shift per word).
const LOW_BYTES: [u128; 17] = {
    let mut m = [0u128; 17];
    let mut n = 1;
    while n < 17 {
        m[n] = m[n - 1] << 8 | 0xff;
        n += 1;
    }
    m
};

/// Spellings of up to 16 bytes (their bytes as one little-endian
/// integer) with their ids and facts: open addressing with linear
/// probing, at most half full, so that a hit costs one hash and
/// a probe or two and answers without reading [`Spellings::list`].
struct ShortSpellings {
    slots: Vec<ShortSlot>,
    /// 64 minus the number of index bits.
    shift: u32,
    len: usize,
}

/// One slot of [`ShortSpellings`]; empty when `id` is [`UNCACHED`].
#[derive(Clone, Copy)]
struct ShortSlot {
    lo: u64,
    hi: u64,
    id: SpellingId,
    facts: Facts,
}

const EMPTY_SLOT: ShortSlot = ShortSlot {
    lo: 0,
    hi: 0,
    id: UNCACHED,
    facts: 0,
};

/// Slots of a new [`ShortSpellings`].
const MIN_SHORT_SLOTS: usize = 1024;

impl Default for ShortSpellings {
    fn default() -> Self {
        ShortSpellings {
            slots: vec![EMPTY_SLOT; MIN_SHORT_SLOTS],
            shift: 64 - MIN_SHORT_SLOTS.trailing_zeros(),
            len: 0,
        }
    }
}

impl ShortSpellings {
    /// The id and facts of `key`, or the empty slot where it would go:
    /// one probe answers both (the table is never empty nor full).
    #[inline(always)]
    fn find(&self, key: u128) -> Result<(SpellingId, Facts), usize> {
        let (lo, hi) = (key as u64, (key >> 64) as u64);
        let mask = self.slots.len() - 1;
        let mut i =
            ((lo ^ hi.rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize;
        loop {
            let at = i & mask;
            let Some(s) = self.slots.get(at) else {
                return Err(at);
            };
            if s.id == UNCACHED {
                return Err(at);
            }
            if s.lo == lo && s.hi == hi {
                return Ok((s.id, s.facts));
            }
            i += 1;
        }
    }

    /// Puts `key` in the empty slot `slot` found for it, growing the
    /// table when it would pass half full (then a miss, as every new
    /// spelling is, probes two or three slots, not eight).
    #[cold]
    fn insert_at(&mut self, slot: usize, key: u128, id: SpellingId, facts: Facts) {
        self.len += 1;
        if self.len * 2 > self.slots.len() {
            let room = self.slots.len() * 2;
            let old = std::mem::replace(&mut self.slots, vec![EMPTY_SLOT; room]);
            self.shift -= 1;
            for s in old.into_iter().filter(|s| s.id != UNCACHED) {
                if let Err(at) = self.find(u128::from(s.hi) << 64 | u128::from(s.lo)) {
                    self.slots[at] = s;
                }
            }
            if let Err(at) = self.find(key) {
                self.put(at, key, id, facts);
            }
        } else {
            self.put(slot, key, id, facts);
        }
    }

    fn put(&mut self, slot: usize, key: u128, id: SpellingId, facts: Facts) {
        if let Some(s) = self.slots.get_mut(slot) {
            *s = ShortSlot {
                lo: key as u64,
                hi: (key >> 64) as u64,
                id,
                facts,
            };
        }
    }
}

/// Every fact of a spelling.
pub fn facts_of(word: &str) -> Facts {
    let capitalised = is_capitalised(word);
    // the exact-case lists hold lowercase words only
    let mut f = if capitalised {
        CAPITALISED
    } else {
        lowercase_word_facts(word)
    };
    if has_adjective_ending(word) {
        f |= ADJECTIVE_ENDING;
    }
    if is_acronym(word) {
        f |= ACRONYM;
    }
    let lower = ShortLower::of(word);
    let lower = lower.as_deref();
    let class = lower.map_or(0, lexicon::word_class);
    if class & lexicon::STOP_WORD != 0 {
        f |= STOP;
    }
    if class & lexicon::GENERIC_WORD != 0 {
        f |= GENERIC;
    }
    if let Some(l) = lower {
        let title = lexicon::is_title_word(l);
        if title && !matches!(l, "state" | "of" | "general") {
            f |= STARTS_TITLE;
        }
        if title || continues_title(l) {
            f |= CONTINUES_TITLE;
        }
    }
    if word.len() <= 10 && !capitalised {
        // the stop list asked of the word as written: the lowercase
        // look-up above answers it when the word is lowercase already
        let stop = if lower == Some(word) {
            class & lexicon::STOP_WORD != 0
        } else {
            lexicon::is_stop_word(word)
        };
        if !stop {
            f |= SHORT_CONTENT;
        }
    }
    f
}

#[inline]
pub fn is_capitalised(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.chars().next().is_some_and(char::is_uppercase),
    }
}

/// "US", "NATO", "U.S.": two or more letters, all capitals.
pub fn is_acronym(word: &str) -> bool {
    if word.is_ascii() {
        // one pass, left at the first byte that is no capital, dot or digit
        let mut capitals = 0;
        for &c in word.as_bytes() {
            if c.is_ascii_uppercase() {
                capitals += 1;
            } else if c != b'.' && !c.is_ascii_digit() {
                return false;
            }
        }
        return capitals >= 2;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && word
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c.is_ascii_digit())
}

/// The facts that only a word written in lowercase has, each from a list
/// of exact spellings: "of" ([`OF`]); words after which a lowercase word
/// is a verb, not a topic ("to avoid"), as written inside a sentence
/// ([`VERB_MARKER`]); words that, right after a lowercase word, show it is
/// a verb with its object ("fills them", "told him": a noun is never
/// followed by them, [`OBJECT_PRONOUN`]); words before a lowercase word
/// that show it is a noun ("the trade", [`DETERMINER`]); words before a
/// predicative adjective ("was enormous", "very similar", [`COPULA`]).
fn lowercase_word_facts(word: &str) -> Facts {
    match word {
        "of" => OF,
        "to" | "will" | "would" | "could" | "should" | "can" | "may" | "might" | "must" | "did"
        | "does" | "do" | "not" | "n't" | "they" | "we" | "i" | "you" | "he" | "she" | "it"
        | "who" => VERB_MARKER,
        "them" | "him" | "me" | "himself" | "herself" | "themselves" | "myself" | "itself" => {
            OBJECT_PRONOUN
        }
        "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our" | "my" | "your" | "this" => {
            DETERMINER
        }
        "is" | "was" | "are" | "were" | "be" | "been" | "being" | "very" | "so" | "too"
        | "most" | "seems" | "seemed" | "remains" | "remained" => COPULA,
        _ => 0,
    }
}

/// Endings of adjectives ("enormous", "eligible", "presidential",
/// "aggressive", "political"); nouns with them are rarer, and are kept when
/// they head their phrase (see [`super::terms::Term::is_adjective`]).
fn has_adjective_ending(lower: &str) -> bool {
    // every ending below ends in one of these letters
    lower.len() > 5
        && matches!(lower.as_bytes().last(), Some(b's' | b'e' | b'l' | b'c'))
        && [
            "ous", "ible", "able", "ful", "less", "ive", "ical", "istic", "ial", "onal", "ntal",
            "ural", "eral",
        ]
        .iter()
        .any(|e| lower.ends_with(e))
}

/// Words that keep a title going after its first word, beyond the title
/// words themselves ("Secretary of State", "Minister of Foreign Affairs").
fn continues_title(lower: &str) -> bool {
    matches!(
        lower,
        "of" | "state"
            | "defense"
            | "defence"
            | "affairs"
            | "homeland"
            | "security"
            | "treasury"
            | "commerce"
            | "health"
            | "energy"
            | "education"
            | "interior"
            | "labor"
            | "agriculture"
            | "finance"
            | "staff"
            | "the"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_follow_the_word_lists() {
        let f = facts_of("President");
        assert_ne!(f & CAPITALISED, 0);
        assert_ne!(f & STARTS_TITLE, 0);
        assert_ne!(f & CONTINUES_TITLE, 0);
        assert_eq!(f & ACRONYM, 0);
        assert_eq!(facts_of("State") & STARTS_TITLE, 0);
        assert_ne!(facts_of("State") & CONTINUES_TITLE, 0);
        assert_ne!(facts_of("NATO") & ACRONYM, 0);
        assert_ne!(facts_of("U.S.") & ACRONYM, 0);
        assert_ne!(facts_of("The") & STOP, 0);
        assert_ne!(facts_of("Officials") & GENERIC, 0);
        assert_ne!(facts_of("n't") & VERB_MARKER, 0);
        assert_eq!(facts_of("To") & VERB_MARKER, 0);
        assert_ne!(facts_of("themselves") & OBJECT_PRONOUN, 0);
        assert_ne!(facts_of("the") & DETERMINER, 0);
        assert_ne!(facts_of("remained") & COPULA, 0);
        assert_ne!(facts_of("presidential") & ADJECTIVE_ENDING, 0);
        assert_ne!(facts_of("debate") & SHORT_CONTENT, 0);
        assert_eq!(facts_of("the") & SHORT_CONTENT, 0);
        assert_eq!(facts_of("negotiations") & SHORT_CONTENT, 0);
        assert_eq!(facts_of("of"), OF | CONTINUES_TITLE | STOP);
        // a mark is short and no stop word: the reader checks it is a word
        assert_eq!(facts_of("—"), SHORT_CONTENT);
    }

    #[test]
    fn a_spelling_is_remembered_once_with_its_facts() {
        let mut s = Spellings::default();
        let text =
            "Senate senate Senate counterintelligence-related counterintelligence-related Senate";
        let mut at = Vec::new();
        let mut start = 0;
        for w in text.split(' ') {
            at.push(s.look_up(text, start, start + w.len()));
            start += w.len() + 1;
        }
        let (a, fa) = at[0];
        assert_eq!(at[2], (a, fa));
        assert_eq!(at[5], (a, fa), "the last word, read without a 16-byte load");
        assert_ne!(at[1].0, a);
        assert_eq!(at[3], at[4]);
        assert_ne!(fa & CAPITALISED, 0);
        assert_eq!(s.list.len(), 3);
        assert_eq!(s.list[a as usize].term, TERM_UNKNOWN);
    }

    #[test]
    fn thousands_of_spellings_keep_their_ids_as_the_table_grows() {
        let text: String = (0..5000).map(|i| format!("w{i} ")).collect();
        let mut s = Spellings::default();
        let mut ids = Vec::new();
        for pass in 0..2 {
            let mut start = 0;
            for (i, w) in text.split_whitespace().enumerate() {
                let (id, _) = s.look_up(&text, start, start + w.len());
                if pass == 0 {
                    ids.push(id);
                } else {
                    assert_eq!(id, ids[i], "{w}");
                }
                start += w.len() + 1;
            }
        }
        assert_eq!(s.list.len(), 5000);
    }
}
