//! The words the quote finder reads: speech verbs, speaker nouns, pronouns
//! and the small function words around them.
//!
//! Everything is looked up in one table, built once ([`LEXICON`]) from the
//! word lists in `assets/` and the function words below. A word's entry is a
//! bit set of [`WordClass`] flags. This module knows words, not sentences: it
//! must not look at tokens around a word.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// Bit flags describing what a word can be in an attribution.
pub type WordClass = u32;

/// Frames a quotation in marks ("..., she said").
pub const CUE_QUOTE: WordClass = 1 << 0;
/// Takes a bare reported clause ("said the plan failed").
pub const CUE_BARE: WordClass = 1 << 1;
/// Takes a that-clause ("noted that ...").
pub const CUE_THAT: WordClass = 1 << 2;
/// Its first object is the addressee ("told Blinken").
pub const CUE_ADDRESSEE: WordClass = 1 << 3;
/// Frames a question ("..., he asked").
pub const CUE_QUESTION: WordClass = 1 << 4;
/// Takes a noun phrase as what was said ("praised the plan", "called for a ban").
pub const CUE_NOMINAL: WordClass = 1 << 19;
/// An attitude or intention rather than speech ("wants", "plans",
/// "refused"): reported only with a named subject (or he/she) in a main clause.
pub const ATTITUDE: WordClass = 1 << 20;
/// "according" (of "according to"), so the frame finder need not read
/// the text of every word to spot it.
pub const ACCORDING: WordClass = 1 << 21;
/// Any cue flag.
pub const CUE_ANY: WordClass =
    CUE_QUOTE | CUE_BARE | CUE_THAT | CUE_ADDRESSEE | CUE_QUESTION | CUE_NOMINAL;
/// A personal pronoun that can name a speaker ("he", "they").
pub const PRONOUN: WordClass = 1 << 5;
/// A pronoun for one person ("he", "she").
pub const PERSON_PRONOUN: WordClass = 1 << 6;
/// A relative pronoun whose antecedent is a person ("who").
pub const RELATIVE: WordClass = 1 << 7;
/// A noun that heads a speaker description ("official", "campaign").
pub const SOURCE_NOUN: WordClass = 1 << 8;
/// A word that may modify a speaker description ("senior", "former").
pub const MODIFIER: WordClass = 1 << 9;
/// A determiner ("the", "a").
pub const DETERMINER: WordClass = 1 << 10;
/// A title before a name ("President").
pub const TITLE: WordClass = 1 << 11;
/// An auxiliary or adverb allowed between a speaker and the cue ("has", "also").
pub const BETWEEN: WordClass = 1 << 12;
/// A preposition that opens an adverbial after a cue ("in a statement").
pub const PREPOSITION: WordClass = 1 << 13;
/// A day, month or other time word ("Tuesday", "yesterday").
pub const TIME: WordClass = 1 << 14;
/// A word that makes a cue an infinitive or a noun ("to say", "the report").
pub const NOT_BEFORE_CUE: WordClass = 1 << 15;
/// A form of "be" ("was informed by").
pub const BE: WordClass = 1 << 16;
/// A plural pronoun or noun ("they", "officials").
pub const PLURAL: WordClass = 1 << 17;
/// A function word that never names anyone, even capitalised ("And", "When").
pub const STOP: WordClass = 1 << 18;

const SPEECH_VERBS: &str = include_str!("../../../assets/speech_verbs.txt");
const SOURCE_NOUNS: &str = include_str!("../../../assets/source_nouns.txt");

const FUNCTION_WORDS: &[(&str, WordClass)] = &[
    ("he", PRONOUN | PERSON_PRONOUN),
    ("she", PRONOUN | PERSON_PRONOUN),
    ("they", PRONOUN | PLURAL),
    ("we", PRONOUN | PLURAL),
    ("i", PRONOUN),
    ("it", PRONOUN),
    ("you", PRONOUN),
    ("who", RELATIVE),
    ("according", ACCORDING),
    ("the", DETERMINER),
    ("a", DETERMINER),
    ("an", DETERMINER),
    ("his", DETERMINER),
    ("her", DETERMINER),
    ("their", DETERMINER),
    ("its", DETERMINER),
    ("our", DETERMINER),
    ("this", DETERMINER),
    ("these", DETERMINER),
    ("those", DETERMINER),
    ("has", BETWEEN),
    ("have", BETWEEN),
    ("had", BETWEEN),
    ("also", BETWEEN),
    ("later", BETWEEN),
    ("then", BETWEEN),
    ("previously", BETWEEN),
    ("already", BETWEEN),
    ("once", BETWEEN),
    ("again", BETWEEN),
    ("would", BETWEEN),
    ("could", BETWEEN),
    ("did", BETWEEN),
    ("does", BETWEEN),
    ("do", BETWEEN),
    ("not", BETWEEN),
    ("never", BETWEEN),
    ("often", BETWEEN),
    ("even", BETWEEN),
    ("still", BETWEEN),
    ("recently", BETWEEN),
    ("reportedly", BETWEEN),
    ("privately", BETWEEN),
    ("publicly", BETWEEN),
    ("repeatedly", BETWEEN),
    ("in", PREPOSITION),
    ("on", PREPOSITION),
    ("at", PREPOSITION),
    ("during", PREPOSITION),
    ("after", PREPOSITION | STOP),
    ("before", PREPOSITION | STOP),
    ("from", PREPOSITION),
    ("via", PREPOSITION),
    ("through", PREPOSITION),
    ("while", PREPOSITION | STOP),
    ("last", PREPOSITION | TIME),
    ("earlier", PREPOSITION | TIME),
    ("just", PREPOSITION),
    ("of", PREPOSITION),
    ("about", PREPOSITION),
    ("with", PREPOSITION),
    ("for", PREPOSITION),
    ("by", PREPOSITION),
    ("into", PREPOSITION),
    ("over", PREPOSITION),
    ("under", PREPOSITION),
    ("against", PREPOSITION),
    ("without", PREPOSITION),
    ("up", PREPOSITION),
    ("out", PREPOSITION),
    ("monday", TIME),
    ("tuesday", TIME),
    ("wednesday", TIME),
    ("thursday", TIME),
    ("friday", TIME),
    ("saturday", TIME),
    ("sunday", TIME),
    ("yesterday", TIME),
    ("today", TIME),
    ("tonight", TIME),
    ("january", TIME),
    ("february", TIME),
    ("march", TIME),
    ("april", TIME),
    ("june", TIME),
    ("july", TIME),
    ("august", TIME),
    ("september", TIME),
    ("october", TIME),
    ("november", TIME),
    ("december", TIME),
    ("jan.", TIME),
    ("feb.", TIME),
    ("aug.", TIME),
    ("sept.", TIME),
    ("oct.", TIME),
    ("nov.", TIME),
    ("dec.", TIME),
    ("week", TIME),
    ("month", TIME),
    ("year", TIME),
    ("night", TIME),
    ("morning", TIME),
    ("afternoon", TIME),
    ("evening", TIME),
    ("and", STOP),
    ("but", STOP),
    ("or", STOP),
    ("so", STOP),
    ("when", STOP),
    ("as", STOP),
    ("if", STOP),
    ("because", STOP),
    ("though", STOP),
    ("although", STOP),
    ("since", STOP),
    ("yet", STOP),
    ("speaking", STOP),
    ("meanwhile", STOP),
    ("however", STOP),
    ("instead", STOP),
    ("now", STOP),
    ("here", STOP),
    ("there", STOP),
    ("what", STOP),
    ("why", STOP),
    ("how", STOP),
    ("where", STOP),
    ("which", STOP),
    ("that", STOP),
    ("asked", STOP),
    ("well", STOP),
    ("yes", STOP),
    ("no", STOP),
    ("related", STOP),
    ("indeed", STOP),
    ("unless", STOP),
    ("perhaps", STOP),
    ("maybe", STOP),
    ("thus", STOP),
    ("only", STOP),
    ("another", STOP),
    ("it", STOP),
    ("update", STOP),
    ("watch", STOP),
    ("read", STOP),
    ("to", NOT_BEFORE_CUE),
    ("is", BE),
    ("was", BE),
    ("were", BE),
    ("are", BE),
    ("been", BE),
    ("be", BE),
    ("being", BE),
];

/// The word table: every word the quote finder knows, lowercase, with its classes.
///
/// A word's classes are stored as a small number, the index of its set of
/// classes among the few distinct sets the lists hold ([`Lexicon::combo`]),
/// so a document's per-token facts take one byte each.
pub struct Lexicon {
    /// Open addressing, linear probing: keys ([`packed`]; `(0, 0)` marks a
    /// free slot, no word packs to it) and the class set index of each.
    /// A fixed number of slots, so that a probe (masked to it) needs no
    /// bounds check.
    keys: Box<[Key; SLOTS]>,
    ids: Box<[ClassId; SLOTS]>,
    /// The distinct class sets; index 0 is the empty set.
    combos: Vec<WordClass>,
}

/// Index of a set of classes in [`Lexicon::combo`]; 0 for none.
pub type ClassId = u8;

/// Most distinct class sets the table can hold: class set indices leave
/// the top bit of a byte free (for "quoted", see `super::Ctx`).
pub const MAX_COMBOS: usize = 128;

/// Longest word the table can hold, in bytes.
const MAX_WORD: usize = 16;

/// Slots of the word table: a power of two, at least four per word listed
/// (a quarter full at most, so probes stay short; a test checks it).
const SLOTS: usize = 1 << 13;

/// A word's lowercase ASCII bytes packed into two integers (zero-padded,
/// so no two words of at most [`MAX_WORD`] bytes share a key).
type Key = (u64, u64);

/// The [`Key`] of a word of at most [`MAX_WORD`] bytes.
fn packed(bytes: &[u8]) -> Option<Key> {
    if bytes.len() > MAX_WORD {
        return None;
    }
    let mut buf = [0u8; MAX_WORD];
    buf[..bytes.len()].copy_from_slice(bytes);
    let (lo, hi) = buf.split_at(8);
    Some((
        lowercase8(u64::from_le_bytes(lo.try_into().ok()?)),
        lowercase8(u64::from_le_bytes(hi.try_into().ok()?)),
    ))
}

/// Where a key's probe starts in the table.
#[inline]
fn slot_of(key: Key) -> usize {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let h = (key.0 ^ key.1.rotate_left(29)).wrapping_mul(K);
    (h >> 40) as usize % SLOTS
}

/// Lowercases the ASCII capitals among the 8 bytes of `x` at once (bytes
/// from 0x80 up, parts of non-ASCII characters, are left alone).
#[inline]
fn lowercase8(x: u64) -> u64 {
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    const A: u64 = u64::from_ne_bytes([b'A'; 8]);
    const Z1: u64 = u64::from_ne_bytes([b'Z' + 1; 8]);
    // with each byte's high bit set first, no subtraction borrows across bytes
    let at_least_a = (x | HIGH) - A;
    let past_z = (x | HIGH) - Z1;
    let upper = at_least_a & !past_z & !x & HIGH;
    x | (upper >> 2)
}

/// For a word of `n` bytes (`n` at most [`MAX_WORD`]), the masks that keep
/// its bytes of the two 8-byte words read from its start.
const LENGTH_MASKS: [(u64, u64); MAX_WORD + 1] = {
    let mut m = [(0u64, 0u64); MAX_WORD + 1];
    let mut n = 1;
    while n <= MAX_WORD {
        m[n] = if n < 8 {
            ((1u64 << (8 * n)) - 1, 0)
        } else if n < 16 {
            (u64::MAX, (1u64 << (8 * (n - 8))) - 1)
        } else {
            (u64::MAX, u64::MAX)
        };
        n += 1;
    }
    m
};

/// The table, parsed from the embedded word lists on first use.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::build);

impl Lexicon {
    fn build() -> Lexicon {
        let mut words: FxHashMap<Key, WordClass> = FxHashMap::default();
        let mut order: Vec<Key> = Vec::new();
        let mut add = |w: &'static str, c: WordClass| {
            // a word too long for the table could never be looked up
            let Some(key) = packed(w.as_bytes()) else {
                debug_assert!(false, "word list entry longer than {MAX_WORD} bytes: {w}");
                return;
            };
            let entry = words.entry(key).or_insert_with(|| {
                order.push(key);
                0
            });
            *entry |= c;
        };
        for (word, flags) in entries(SPEECH_VERBS) {
            let mut c = 0;
            for f in flags.split_whitespace() {
                c |= match f {
                    "q" => CUE_QUOTE,
                    "b" => CUE_BARE,
                    "t" => CUE_THAT,
                    "a" => CUE_ADDRESSEE,
                    "k" => CUE_QUESTION,
                    "n" => CUE_NOMINAL,
                    "w" => ATTITUDE,
                    _ => 0,
                };
            }
            add(word, c);
        }
        for (word, flags) in entries(SOURCE_NOUNS) {
            let c = match flags.trim() {
                "noun" => SOURCE_NOUN,
                "modifier" => MODIFIER,
                "title" => TITLE,
                _ => 0,
            };
            add(word, c);
            if c == SOURCE_NOUN && word.ends_with('s') && !word.ends_with("ss") {
                add(word, PLURAL);
            }
        }
        for &(w, c) in FUNCTION_WORDS {
            add(w, c);
        }
        debug_assert!(order.len() * 4 <= SLOTS, "{} words", order.len());
        let mut keys = Box::new([(0u64, 0u64); SLOTS]);
        let mut ids = Box::new([0 as ClassId; SLOTS]);
        let mut combos: Vec<WordClass> = vec![0];
        // one slot stays free at least, so that every probe ends
        for key in order.into_iter().take(SLOTS - 1) {
            let c = words.get(&key).copied().unwrap_or(0);
            if c == 0 {
                continue;
            }
            let id = match combos.iter().position(|&x| x == c) {
                Some(id) => id,
                None if combos.len() < MAX_COMBOS => {
                    combos.push(c);
                    combos.len() - 1
                }
                None => {
                    debug_assert!(false, "more than {MAX_COMBOS} class sets");
                    continue;
                }
            };
            let mut s = slot_of(key);
            while keys[s] != (0, 0) {
                s = (s + 1) % SLOTS;
            }
            keys[s] = key;
            ids[s] = id as ClassId;
        }
        Lexicon { keys, ids, combos }
    }

    /// The classes of `word` (any case); 0 for an unknown word.
    ///
    /// ```
    /// use gloss::analysis::quotes::lexicon::{LEXICON, CUE_QUOTE};
    /// assert!(LEXICON.classes("Said") & CUE_QUOTE != 0);
    /// assert_eq!(LEXICON.classes("table"), 0);
    /// ```
    pub fn classes(&self, word: &str) -> WordClass {
        self.classes_of_bytes(word.as_bytes())
    }

    /// [`Lexicon::classes`] of a word given as bytes (the table holds ASCII
    /// words: a non-ASCII word simply misses).
    #[inline]
    pub fn classes_of_bytes(&self, bytes: &[u8]) -> WordClass {
        if bytes.is_empty() {
            return 0;
        }
        packed(bytes).map_or(0, |k| self.combo(self.find(k)))
    }

    /// The class set with index `id` (0, the empty set, for an unknown id).
    #[inline]
    pub fn combo(&self, id: ClassId) -> WordClass {
        self.combos.get(id as usize).copied().unwrap_or(0)
    }

    /// The class set index of a key; 0 when the table lacks it.
    #[inline]
    fn find(&self, key: Key) -> ClassId {
        let mut s = slot_of(key);
        loop {
            let k = self.keys[s];
            if k == key {
                return self.ids[s];
            }
            if k == (0, 0) {
                return 0;
            }
            s = (s + 1) % SLOTS;
        }
    }

    /// The classes of the word at bytes `start..end` of `text`: the same as
    /// [`Lexicon::classes_of_bytes`].
    #[inline]
    pub fn classes_at(&self, text: &[u8], start: usize, end: usize) -> WordClass {
        self.combo(self.class_id_at(text, start, end))
    }

    /// The class set index of the word at bytes `start..end` of `text`,
    /// reading the word as two 8-byte loads, masked to its length, where
    /// the text goes on far enough.
    #[inline]
    pub fn class_id_at(&self, text: &[u8], start: usize, end: usize) -> ClassId {
        // (a probe for an unknown word mostly meets a free slot at once: a
        // test of its first bytes before hashing would cost about as much)
        let n = end.wrapping_sub(start);
        // also rejects empty words and words longer than the table's
        let Some(&(lo_mask, hi_mask)) = LENGTH_MASKS.get(n).filter(|_| n > 0) else {
            return 0;
        };
        let key = match text.get(start..start + 16) {
            Some(w) => {
                let (lo, hi) = w.split_at(8);
                let (Ok(lo), Ok(hi)) = (lo.try_into(), hi.try_into()) else {
                    return 0;
                };
                (
                    lowercase8(u64::from_le_bytes(lo) & lo_mask),
                    lowercase8(u64::from_le_bytes(hi) & hi_mask),
                )
            }
            // near the end of the text
            None => match text.get(start..end).and_then(packed) {
                Some(k) => k,
                None => return 0,
            },
        };
        self.find(key)
    }
}

/// Non-comment lines of a word list, split into the word and the rest.
fn entries(list: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split_once(' ').unwrap_or((l, "")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_nouns_and_function_words_are_classed() {
        let l = &*LEXICON;
        assert!(l.classes("told") & CUE_ADDRESSEE != 0);
        assert!(l.classes("asked") & CUE_QUESTION != 0);
        assert!(l.classes("noted") & CUE_THAT != 0);
        assert!(l.classes("officials") & SOURCE_NOUN != 0);
        assert!(l.classes("officials") & PLURAL != 0);
        assert!(l.classes("He") & PERSON_PRONOUN != 0);
        assert!(l.classes("President") & TITLE != 0);
        assert_eq!(l.classes("Beijing"), 0);
        assert_eq!(l.classes("misunderstandings-and-missteps-and-more"), 0);
        assert_eq!(l.classes(""), 0);
    }

    #[test]
    fn every_listed_word_keeps_all_its_classes() {
        let l = &*LEXICON;
        assert!(l.combos.len() <= MAX_COMBOS);
        for &(w, c) in FUNCTION_WORDS {
            assert_eq!(l.classes(w) & c, c, "{w}");
        }
        // "asked" is both a question cue and a stop word
        assert!(l.classes("asked") & STOP != 0);
        assert_eq!(l.classes("table"), 0);
    }

    #[test]
    fn the_table_is_a_quarter_full_at_most() {
        let used = LEXICON.keys.iter().filter(|k| **k != (0, 0)).count();
        assert!(used > 500 && used * 4 <= SLOTS, "{used} of {SLOTS} slots");
    }

    #[test]
    fn a_word_read_in_place_has_the_classes_of_the_word_alone() {
        let l = &*LEXICON;
        let text = "SAID Told officials. he Ägypten saidx said";
        let mut start = 0;
        for w in text.split(' ') {
            let end = start + w.len();
            let alone = l.classes(w.trim_end_matches('.'));
            let in_place = l.classes_at(
                text.as_bytes(),
                start,
                start + w.trim_end_matches('.').len(),
            );
            assert_eq!(alone, in_place, "{w}");
            start = end + 1;
        }
        assert!(l.classes_at(text.as_bytes(), 0, 4) & CUE_QUOTE != 0);
        let x = text.find("saidx").unwrap_or(0);
        assert_eq!(l.classes_at(text.as_bytes(), x, x + 5), 0);
        assert!(l.classes_at(text.as_bytes(), x, x + 4) & CUE_QUOTE != 0);
        assert_eq!(l.classes_at(text.as_bytes(), 30, 99), 0); // out of range
    }
}
