//! The gazetteers: what gloss knows about names before it reads an article.
//!
//! Entry point: [`lexicon`], a [`Lexicon`] over tables read from the word
//! lists in `assets/gazetteer/` (each file's header names its source and
//! licence) by the build script ([`lists`] reads them, `build.rs` writes the
//! tables into the binary, [`format`] is what both sides agree on): at run
//! time the keys are only put in hash maps, once, on first use. It answers questions about words and
//! phrases: is this phrase a country, a demonym, a city, a known
//! organisation, a title? Is this word a given name, a surname, a common
//! English word? It does not look at any article: deciding what a phrase
//! is *in context* belongs to [`super::names`].

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

mod format;
#[cfg(test)]
mod lists;

use format::{
    IS_COMMON, IS_GIVEN, IS_ORG_HEAD, IS_ORG_SUFFIX, IS_PHRASE_START, IS_PREFIX, IS_TITLE,
    IS_TITLE_START, NO_PHRASE, NO_RANK,
};
pub use format::{key_of, push_lower};

/// The tables `build.rs` wrote: for words and for phrases of several
/// words, the keys' ends in [`tables::KEYS`] (in entry order) and the facts
/// of each entry; the known phrases the facts point into.
mod tables {
    use super::{KnownPhrase, PhraseFacts, PhraseKind, WordFacts};

    /// Every key, words first, then phrases.
    pub static KEYS: &str = include_str!(concat!(env!("OUT_DIR"), "/gazetteer_keys.txt"));

    /// No rank, no phrase.
    const N: u32 = u32::MAX;

    const fn w(flags: u8, surname_rank: u32, phrase: u32) -> WordFacts {
        WordFacts {
            flags,
            surname_rank,
            phrase,
        }
    }

    const fn p(phrase: u32, title: bool, prefix: bool) -> PhraseFacts {
        PhraseFacts {
            phrase,
            title,
            prefix,
        }
    }

    const fn k(kind: u8, canonical: &'static str, acronym: bool) -> KnownPhrase {
        KnownPhrase {
            kind: PhraseKind::of_code(kind),
            canonical,
            acronym,
        }
    }

    include!(concat!(env!("OUT_DIR"), "/gazetteer_tables.rs"));
}

/// What a known phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhraseKind {
    /// A country (or a short form of one).
    Country,
    /// A region, sea, state, province or continent.
    Region,
    /// A city.
    City,
    /// A nationality, people or bloc ("Chinese", "Western").
    Group,
    /// A known organisation.
    Org,
}

impl PhraseKind {
    /// The kind of a code of [`format`] (read when the tables are
    /// compiled: an unknown code stops the build).
    const fn of_code(code: u8) -> PhraseKind {
        match code {
            format::COUNTRY => PhraseKind::Country,
            format::REGION => PhraseKind::Region,
            format::CITY => PhraseKind::City,
            format::GROUP => PhraseKind::Group,
            format::ORG => PhraseKind::Org,
            _ => panic!("no phrase kind has this code"),
        }
    }
}

/// A known phrase and the canonical name of what it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KnownPhrase {
    pub kind: PhraseKind,
    /// The name readers expect ("United States" for "US").
    pub canonical: &'static str,
    /// Written in capitals ("US", "WHO"): matches only in capitals.
    pub acronym: bool,
}

/// What the word lists know of one word, found with one lookup: the word
/// view ([`super::words`]) asks once per word and keeps the answer, so the
/// rules never hash a word twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordFacts {
    flags: u8,
    /// Surname frequency rank ([`NO_RANK`]: no surname).
    surname_rank: u32,
    /// Index of the one-word phrase in the known phrases ([`NO_PHRASE`]: none).
    phrase: u32,
}

impl WordFacts {
    /// A word the lists do not know.
    pub const UNKNOWN: WordFacts = WordFacts {
        flags: 0,
        surname_rank: NO_RANK,
        phrase: NO_PHRASE,
    };

    fn has(self, flag: u8) -> bool {
        self.flags & flag != 0
    }

    /// A common English word, no name by itself.
    pub fn is_common(self) -> bool {
        self.has(IS_COMMON)
    }

    /// A known given name.
    pub fn is_given_name(self) -> bool {
        self.has(IS_GIVEN)
    }

    /// A one-word title or role word ("president").
    pub fn is_title(self) -> bool {
        self.has(IS_TITLE)
    }

    /// A word that heads an organisation's name ("department").
    pub fn is_org_head(self) -> bool {
        self.has(IS_ORG_HEAD)
    }

    /// A company suffix ("inc").
    pub fn is_org_suffix(self) -> bool {
        self.has(IS_ORG_SUFFIX)
    }

    /// Some known phrase or title starts with this word.
    pub fn is_prefix(self) -> bool {
        self.has(IS_PREFIX)
    }

    /// Some known phrase starts with this word (or is it): "south" of
    /// "south china sea".
    pub fn starts_phrase(self) -> bool {
        self.has(IS_PHRASE_START)
    }

    /// Some title starts with this word (or is it): "secretary" of
    /// "secretary of state".
    pub fn starts_title(self) -> bool {
        self.has(IS_TITLE_START)
    }

    /// The frequency rank of a known surname (0 = most frequent).
    pub fn surname_rank(self) -> Option<u32> {
        (self.surname_rank != NO_RANK).then_some(self.surname_rank)
    }

    /// The known one-word phrase.
    pub fn phrase(self, lex: &Lexicon) -> Option<&KnownPhrase> {
        lex.known.get(self.phrase as usize)
    }
}

/// What the lists know of a phrase of several words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PhraseFacts {
    /// Index in the known phrases ([`NO_PHRASE`]: none).
    phrase: u32,
    title: bool,
    /// Some phrase or title starts with these words (or is them).
    prefix: bool,
}

/// All word lists, looked up by lowercase words joined with single spaces.
pub struct Lexicon {
    /// Every single word any list knows, with all it knows of it.
    words: FxHashMap<&'static str, WordFacts>,
    /// Phrases, titles and their word-prefixes of two words or more
    /// ("south china", "south china sea"), for longest-match scans that stop
    /// as soon as no entry can follow.
    phrases: FxHashMap<&'static str, PhraseFacts>,
    /// The known phrases the facts point into.
    known: &'static [KnownPhrase],
    /// The longest phrase or title, in words.
    pub max_phrase_words: usize,
    /// Some single-byte word of the lists is no letter or digit ("&").
    symbols: bool,
}

/// The lexicon, its maps filled on first use from the tables in the binary
/// (nothing is read or parsed: one insert per key).
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);
    &LEXICON
}

/// The keys whose ends in [`tables::KEYS`] are `ends`, from `start` on.
fn keys(start: usize, ends: &'static [u32]) -> impl Iterator<Item = &'static str> {
    let mut from = start;
    ends.iter().map(move |&end| {
        let key = tables::KEYS.get(from..end as usize).unwrap_or("");
        from = end as usize;
        key
    })
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut words =
            FxHashMap::with_capacity_and_hasher(tables::WORD_FACTS.len(), Default::default());
        words.extend(keys(0, &tables::WORD_KEY_ENDS).zip(tables::WORD_FACTS.iter().copied()));
        let phrases_start = tables::WORD_KEY_ENDS.last().map_or(0, |&e| e as usize);
        let mut phrases =
            FxHashMap::with_capacity_and_hasher(tables::PHRASE_FACTS.len(), Default::default());
        phrases.extend(
            keys(phrases_start, &tables::PHRASE_KEY_ENDS).zip(tables::PHRASE_FACTS.iter().copied()),
        );
        Lexicon {
            words,
            phrases,
            known: &tables::KNOWN,
            max_phrase_words: tables::MAX_PHRASE_WORDS,
            symbols: tables::SYMBOLS,
        }
    }
}

impl Lexicon {
    /// True when some one-byte word of the lists is no letter or digit:
    /// otherwise such a word needs no lookup.
    pub fn knows_symbols(&self) -> bool {
        self.symbols
    }

    /// All the lists know of the single word `key` (see [`key_of`]).
    pub fn word(&self, key: &str) -> WordFacts {
        self.words.get(key).copied().unwrap_or(WordFacts::UNKNOWN)
    }

    /// What the lists know of the phrase of several words `key`.
    fn phrase_facts(&self, key: &str) -> Option<PhraseFacts> {
        self.phrases.get(key).copied()
    }

    /// True when some phrase or title starts with the words of `key`.
    pub fn is_prefix(&self, key: &str) -> bool {
        if key.contains(' ') {
            self.phrase_facts(key).is_some_and(|p| p.prefix)
        } else {
            self.word(key).is_prefix()
        }
    }

    /// The known phrase for `key` (see [`key_of`]).
    pub fn phrase(&self, key: &str) -> Option<&KnownPhrase> {
        let index = if key.contains(' ') {
            self.phrase_facts(key).map_or(NO_PHRASE, |p| p.phrase)
        } else {
            self.word(key).phrase
        };
        self.known.get(index as usize)
    }

    /// True when `key` is a title or role word ("president", "secretary of state").
    pub fn is_title(&self, key: &str) -> bool {
        if key.contains(' ') {
            self.phrase_facts(key).is_some_and(|p| p.title)
        } else {
            self.word(key).is_title()
        }
    }

    /// True for common English words that are no names by themselves.
    pub fn is_common(&self, key: &str) -> bool {
        self.word(key).is_common()
    }

    /// True for known given names.
    pub fn is_given_name(&self, key: &str) -> bool {
        self.word(key).is_given_name()
    }

    /// The frequency rank of a known surname (0 = most frequent).
    pub fn surname_rank(&self, key: &str) -> Option<u32> {
        self.word(key).surname_rank()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lists as the build script reads them.
    fn sources() -> lists::Sources<'static> {
        macro_rules! list {
            ($file:literal) => {
                include_str!(concat!("../../../assets/gazetteer/", $file))
            };
        }
        lists::Sources {
            countries: list!("countries.tsv"),
            cities: list!("cities.tsv"),
            states: list!("states.txt"),
            regions: list!("regions.txt"),
            place_aliases: list!("place_aliases.tsv"),
            orgs: list!("orgs.tsv"),
            org_words: list!("org_words.txt"),
            groups: list!("groups.txt"),
            titles: list!("titles.txt"),
            common_words: list!("common_words.txt"),
            given: list!("given_names.txt"),
            given_extra: list!("given_names_extra.txt"),
            surnames: list!("surnames.txt"),
            surnames_extra: list!("surnames_extra.txt"),
        }
    }

    #[test]
    fn the_tables_in_the_binary_answer_as_the_lists_read_now() {
        let read = lists::build(&sources());
        let lex = lexicon();
        assert_eq!(lex.max_phrase_words, read.max_phrase_words);
        assert_eq!(lex.knows_symbols(), read.symbols);
        assert_eq!(lex.known.len(), read.known.len());
        for (p, k) in lex.known.iter().zip(&read.known) {
            let read = (PhraseKind::of_code(k.kind), k.canonical.as_str(), k.acronym);
            assert_eq!((p.kind, p.canonical, p.acronym), read);
        }
        let known = |i: u32| lex.known.get(i as usize).copied();
        for (key, entry) in &read.words {
            let facts = lex.word(key);
            assert_eq!(
                (facts.flags, facts.surname_rank, facts.phrase),
                (entry.flags, entry.surname_rank, entry.phrase),
                "{key}"
            );
            assert_eq!(lex.phrase(key).copied(), known(entry.phrase), "{key}");
        }
        for (key, entry) in &read.phrases {
            assert_eq!(
                lex.phrase_facts(key).map(|p| (p.phrase, p.title, p.prefix)),
                Some((entry.phrase, entry.title, entry.prefix)),
                "{key}"
            );
            assert_eq!(lex.phrase(key).copied(), known(entry.phrase), "{key}");
        }
        for unknown in [
            "",
            "zzyzx",
            "south china lake",
            "a b c d e f g h i j k l m n o p q r",
        ] {
            assert_eq!(lex.word(unknown), WordFacts::UNKNOWN);
            assert!(lex.phrase_facts(unknown).is_none());
        }
    }

    #[test]
    fn countries_aliases_and_demonyms() {
        let lex = lexicon();
        let us = lex.phrase("us").map(|p| (p.kind, p.canonical, p.acronym));
        assert_eq!(us, Some((PhraseKind::Country, "United States", true)));
        assert_eq!(
            lex.phrase("america").map(|p| p.canonical),
            Some("United States")
        );
        assert_eq!(
            lex.phrase("chinese").map(|p| p.kind),
            Some(PhraseKind::Group)
        );
        assert_eq!(
            lex.phrase("south china sea").map(|p| p.kind),
            Some(PhraseKind::Region)
        );
        assert_eq!(
            lex.phrase("beijing").map(|p| p.kind),
            Some(PhraseKind::City)
        );
        assert_eq!(lex.phrase("who").map(|p| p.kind), Some(PhraseKind::Org));
    }

    #[test]
    fn names_titles_and_common_words() {
        let lex = lexicon();
        assert!(lex.is_title("secretary of state"));
        assert!(lex.is_title("spokesman"));
        assert!(lex.is_given_name("matthew"));
        assert!(!lex.is_given_name("may"), "a month is no given name here");
        assert!(lex.surname_rank("miller").is_some());
        assert!(lex.is_common("the"));
        assert!(lex.word("department").is_org_head());
        assert!(lex.word("inc").is_org_suffix());
        assert!(lex.word("south").is_prefix() && lex.is_prefix("south china"));
        assert!(!lex.is_prefix("south china lake district"));
        let china = lex.word("china");
        assert_eq!(china.phrase(lex).map(|p| p.kind), Some(PhraseKind::Country));
        assert_eq!(lex.word("zzyzx"), WordFacts::UNKNOWN);
    }
}
