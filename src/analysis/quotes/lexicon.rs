//! The words the quote finder reads: speech verbs, speaker nouns, pronouns
//! and the small function words around them.
//!
//! Everything is looked up in one table, built once ([`LEXICON`]) from the
//! word lists in `assets/` and the function words below. A word's entry is a
//! bit set of [`WordClass`] flags. This module knows words, not sentences: it
//! must not look at tokens around a word.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
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
pub struct Lexicon {
    words: HashMap<&'static [u8], WordClass, BuildHasherDefault<Fnv>>,
}

/// The table, parsed from the embedded word lists on first use.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::build);

impl Lexicon {
    fn build() -> Lexicon {
        let mut words: HashMap<&'static [u8], WordClass, BuildHasherDefault<Fnv>> =
            HashMap::default();
        let mut add = |w: &'static str, c: WordClass| *words.entry(w.as_bytes()).or_insert(0) |= c;
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
        Lexicon { words }
    }

    /// The classes of `word` (any case); 0 for an unknown word.
    ///
    /// ```
    /// use gloss::analysis::quotes::lexicon::{LEXICON, CUE_QUOTE};
    /// assert!(LEXICON.classes("Said") & CUE_QUOTE != 0);
    /// assert_eq!(LEXICON.classes("table"), 0);
    /// ```
    pub fn classes(&self, word: &str) -> WordClass {
        let bytes = word.as_bytes();
        if bytes.len() > 24 {
            return 0;
        }
        let mut buf = [0u8; 24];
        for (d, s) in buf.iter_mut().zip(bytes) {
            *d = s.to_ascii_lowercase();
        }
        // the table holds ASCII words: a non-ASCII word simply misses
        self.words.get(&buf[..bytes.len()]).copied().unwrap_or(0)
    }
}

/// Non-comment lines of a word list, split into the word and the rest.
fn entries(list: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split_once(' ').unwrap_or((l, "")))
}

/// FNV-1a: a fast hash for short words (the table is fixed, so no flooding risk).
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
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
    }
}
