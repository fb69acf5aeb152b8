//! The gazetteers: what gloss knows about names before it reads an article.
//!
//! Entry point: [`lexicon`], a [`Lexicon`] built once (on first use) from the
//! word lists in `assets/gazetteer/` (each file's header names its source and
//! licence). It answers questions about words and phrases: is this phrase a
//! country, a demonym, a city, a known organisation, a title? Is this word a
//! given name, a surname, a common English word? It does not look at any
//! article: deciding what a phrase is *in context* belongs to [`super::names`].

use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::sync::LazyLock;

const COUNTRIES: &str = include_str!("../../../assets/gazetteer/countries.tsv");
const CITIES: &str = include_str!("../../../assets/gazetteer/cities.tsv");
const STATES: &str = include_str!("../../../assets/gazetteer/states.txt");
const REGIONS: &str = include_str!("../../../assets/gazetteer/regions.txt");
const PLACE_ALIASES: &str = include_str!("../../../assets/gazetteer/place_aliases.tsv");
const ORGS: &str = include_str!("../../../assets/gazetteer/orgs.tsv");
const ORG_WORDS: &str = include_str!("../../../assets/gazetteer/org_words.txt");
const GROUPS: &str = include_str!("../../../assets/gazetteer/groups.txt");
const TITLES: &str = include_str!("../../../assets/gazetteer/titles.txt");
const COMMON_WORDS: &str = include_str!("../../../assets/gazetteer/common_words.txt");
const GIVEN: &str = include_str!("../../../assets/gazetteer/given_names.txt");
const GIVEN_EXTRA: &str = include_str!("../../../assets/gazetteer/given_names_extra.txt");
const SURNAMES: &str = include_str!("../../../assets/gazetteer/surnames.txt");
const SURNAMES_EXTRA: &str = include_str!("../../../assets/gazetteer/surnames_extra.txt");

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
    /// Index of the one-word phrase in [`Lexicon::known`] ([`NO_PHRASE`]: none).
    phrase: u32,
}

const IS_COMMON: u8 = 1;
const IS_GIVEN: u8 = 1 << 1;
const IS_TITLE: u8 = 1 << 2;
const IS_ORG_HEAD: u8 = 1 << 3;
const IS_ORG_SUFFIX: u8 = 1 << 4;
/// Some phrase or title starts with this word (or is it).
const IS_PREFIX: u8 = 1 << 5;
const NO_RANK: u32 = u32::MAX;
const NO_PHRASE: u32 = u32::MAX;

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
#[derive(Debug, Clone, Copy)]
struct PhraseFacts {
    /// Index in [`Lexicon::known`] ([`NO_PHRASE`]: none).
    phrase: u32,
    title: bool,
    /// Some phrase or title starts with these words (or is them).
    prefix: bool,
}

/// All word lists, looked up by lowercase words joined with single spaces.
pub struct Lexicon {
    /// Every single word any list knows, with all it knows of it.
    /// Its keys are borrowed from the lowercase names lists ([`NAMES`]) or
    /// owned (the few words of the other lists).
    words: FxHashMap<Cow<'static, str>, WordFacts>,
    /// Phrases, titles and their word-prefixes of two words or more
    /// ("south china", "south china sea"), for longest-match scans that stop
    /// as soon as no entry can follow.
    phrases: FxHashMap<Cow<'static, str>, PhraseFacts>,
    /// The known phrases the tables point into.
    known: Vec<KnownPhrase>,
    /// The longest phrase or title, in words.
    pub max_phrase_words: usize,
    /// Some single-byte word of the lists is no letter or digit ("&").
    symbols: bool,
}

/// The lexicon, built on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::build);
    &LEXICON
}

/// The given names and the surnames lists in lowercase, each once (their
/// words are the keys of [`Lexicon::words`], borrowed, not copied).
static NAMES: LazyLock<[String; 4]> =
    LazyLock::new(|| [GIVEN, GIVEN_EXTRA, SURNAMES_EXTRA, SURNAMES].map(lowercase));

/// `text` with every character in lowercase, as [`key_of`] writes it.
fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        out.extend(c.to_lowercase());
    }
    out
}

/// Lines of an asset file without the `#` header and blank lines.
fn data_lines(file: &str) -> impl Iterator<Item = &str> {
    file.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Appends `w` in lowercase to `out` (ASCII in place, without a copy).
pub fn push_lower(out: &mut String, w: &str) {
    if w.is_ascii() {
        let start = out.len();
        out.push_str(w);
        if let Some(added) = out.get_mut(start..) {
            added.make_ascii_lowercase();
        }
    } else {
        for c in w.chars() {
            out.extend(c.to_lowercase());
        }
    }
}

/// Lowercase words joined by single spaces: the key of every lookup.
pub fn key_of(phrase: &str) -> String {
    let mut k = String::with_capacity(phrase.len());
    for w in phrase.split_whitespace() {
        if !k.is_empty() {
            k.push(' ');
        }
        push_lower(&mut k, w);
    }
    k
}

fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && s.chars().all(|c| !c.is_lowercase())
}

impl Lexicon {
    fn build() -> Lexicon {
        let mut lex = Lexicon {
            words: FxHashMap::with_capacity_and_hasher(32 * 1024, Default::default()),
            phrases: FxHashMap::with_capacity_and_hasher(4 * 1024, Default::default()),
            known: Vec::with_capacity(8 * 1024),
            max_phrase_words: 1,
            symbols: false,
        };
        // The common words first: the other lists consult them.
        for line in data_lines(COMMON_WORDS) {
            for w in line.split_whitespace() {
                lex.word_mut(&key_of(w)).flags |= IS_COMMON;
            }
        }
        // Order matters: the first kind given to a phrase wins, so countries
        // and hand-written lists come before the long city list.
        for line in data_lines(PLACE_ALIASES) {
            if let Some((alias, canon)) = line.split_once('\t') {
                lex.add(alias, canon, PhraseKind::Country);
            }
        }
        for line in data_lines(COUNTRIES) {
            let mut cols = line.split('\t');
            let name = cols.next().unwrap_or_default();
            let alts = cols.next().unwrap_or_default();
            let demonyms = cols.next().unwrap_or_default();
            let capitals = cols.next().unwrap_or_default();
            lex.add(name, name, PhraseKind::Country);
            for a in alts.split('|').filter(|a| !a.is_empty()) {
                lex.add(a, name, PhraseKind::Country);
            }
            for d in demonyms
                .split(['|', ','])
                .map(str::trim)
                .filter(|d| !d.is_empty())
            {
                lex.add_group(d);
            }
            for c in capitals.split('|').filter(|c| !c.is_empty()) {
                lex.add(c, c, PhraseKind::City);
            }
        }
        for line in data_lines(REGIONS).chain(data_lines(STATES)) {
            lex.add(line, line, PhraseKind::Region);
        }
        for line in data_lines(ORGS) {
            let mut cols = line.split('\t');
            let name = cols.next().unwrap_or_default();
            lex.add(name, name, PhraseKind::Org);
            for a in cols
                .next()
                .unwrap_or_default()
                .split('|')
                .filter(|a| !a.is_empty())
            {
                lex.add(a, name, PhraseKind::Org);
            }
        }
        for line in data_lines(GROUPS) {
            lex.add_group(line);
        }
        for line in data_lines(CITIES) {
            let name = line.split('\t').next().unwrap_or_default();
            lex.add(name, name, PhraseKind::City);
            // "Saint Petersburg" is also written "St. Petersburg"
            if let Some(rest) = name.strip_prefix("Saint ") {
                lex.add(&format!("St. {rest}"), name, PhraseKind::City);
                lex.add(&format!("St {rest}"), name, PhraseKind::City);
            }
        }
        for line in data_lines(TITLES) {
            let k = key_of(line);
            lex.max_phrase_words = lex.max_phrase_words.max(k.split(' ').count());
            lex.add_prefixes(&k);
            if k.contains(' ') {
                lex.phrase_mut(&k).title = true;
            } else {
                lex.word_mut(&k).flags |= IS_TITLE;
            }
        }
        for line in data_lines(ORG_WORDS) {
            match line.split_once('\t') {
                Some(("head", w)) => lex.add_word_flag(w, IS_ORG_HEAD),
                Some(("suffix", w)) => lex.add_word_flag(w, IS_ORG_SUFFIX),
                _ => {}
            }
        }
        let [given, given_extra, surnames_extra, surnames] = &*NAMES;
        for line in data_lines(given).chain(data_lines(given_extra)) {
            for w in line.split_whitespace() {
                if let Some(f) = lex.new_name(w) {
                    f.flags |= IS_GIVEN;
                }
            }
        }
        let mut rank = 0u32;
        for line in data_lines(surnames_extra).chain(data_lines(surnames)) {
            for w in line.split_whitespace() {
                if let Some(f) = lex.new_name(w)
                    && f.surname_rank == NO_RANK
                {
                    f.surname_rank = rank;
                }
                rank += 1;
            }
        }
        lex.symbols = lex
            .words
            .keys()
            .any(|k| k.len() == 1 && !k.as_bytes()[0].is_ascii_alphanumeric());
        lex
    }

    /// The facts of a single-word key, added when new.
    fn word_mut(&mut self, key: &str) -> &mut WordFacts {
        if !self.words.contains_key(key) {
            self.words
                .insert(Cow::Owned(key.to_string()), WordFacts::UNKNOWN);
        }
        self.words
            .get_mut(key)
            .expect("the key was inserted just above")
    }

    /// The facts of a key of several words, added when new.
    fn phrase_mut(&mut self, key: &str) -> &mut PhraseFacts {
        if !self.phrases.contains_key(key) {
            let facts = PhraseFacts {
                phrase: NO_PHRASE,
                title: false,
                prefix: false,
            };
            self.phrases.insert(Cow::Owned(key.to_string()), facts);
        }
        self.phrases
            .get_mut(key)
            .expect("the key was inserted just above")
    }

    /// Flags a word of the organisation words list.
    fn add_word_flag(&mut self, w: &str, flag: u8) {
        self.word_mut(&key_of(w)).flags |= flag;
    }

    /// The facts of a given name or surname's key (a word of [`NAMES`]),
    /// unless it is a common word.
    fn new_name(&mut self, key: &'static str) -> Option<&mut WordFacts> {
        match self.words.entry(Cow::Borrowed(key)) {
            Entry::Occupied(known) => {
                let facts = known.into_mut();
                (!facts.is_common()).then_some(facts)
            }
            Entry::Vacant(new) => Some(new.insert(WordFacts::UNKNOWN)),
        }
    }

    /// A group and its plural ("Serb", "Serbs"; "Chinese" stays).
    fn add_group(&mut self, name: &'static str) {
        self.add(name, name, PhraseKind::Group);
        let unchanged = ["ese", "sh", "ch", "ic", "s"];
        let plural_ok = !unchanged.iter().any(|e| name.ends_with(e));
        if plural_ok && !name.contains(' ') {
            self.add(&format!("{name}s"), name, PhraseKind::Group);
        }
    }

    fn add(&mut self, phrase: &str, canonical: &'static str, kind: PhraseKind) {
        let k = key_of(phrase);
        if k.is_empty() {
            return;
        }
        let acronym = is_acronym(phrase);
        // A place that is also a common word ("Of", "Bath") is no name.
        if !k.contains(' ') && kind != PhraseKind::Country && !acronym && self.is_common(&k) {
            return;
        }
        self.max_phrase_words = self.max_phrase_words.max(k.split(' ').count());
        self.add_prefixes(&k);
        let known = KnownPhrase {
            kind,
            canonical,
            acronym,
        };
        // A dotted abbreviation at a sentence end loses its last dot to the
        // sentence ("in the U.S." -> "U.S" + "."): know it without that dot too.
        if let Some(undotted) = k.strip_suffix('.').filter(|u| u.contains('.')) {
            self.add_prefixes(undotted);
            self.set_phrase(undotted, known);
        }
        self.set_phrase(&k, known);
    }

    /// Points `key` at `known` unless it names something already.
    fn set_phrase(&mut self, key: &str, known: KnownPhrase) {
        let next = self.known.len() as u32;
        let slot = if key.contains(' ') {
            &mut self.phrase_mut(key).phrase
        } else {
            &mut self.word_mut(key).phrase
        };
        if *slot == NO_PHRASE {
            *slot = next;
            self.known.push(known);
        }
    }

    fn add_prefixes(&mut self, key: &str) {
        for (i, _) in key.match_indices(' ') {
            let prefix = &key[..i];
            if prefix.contains(' ') {
                self.phrase_mut(prefix).prefix = true;
            } else {
                self.word_mut(prefix).flags |= IS_PREFIX;
            }
        }
        if key.contains(' ') {
            self.phrase_mut(key).prefix = true;
        } else {
            self.word_mut(key).flags |= IS_PREFIX;
        }
    }

    /// True when some one-byte word of the lists is no letter or digit:
    /// otherwise such a word needs no lookup.
    pub fn knows_symbols(&self) -> bool {
        self.symbols
    }

    /// All the lists know of the single word `key` (see [`key_of`]).
    pub fn word(&self, key: &str) -> WordFacts {
        self.words.get(key).copied().unwrap_or(WordFacts::UNKNOWN)
    }

    /// True when some phrase or title starts with the words of `key`.
    pub fn is_prefix(&self, key: &str) -> bool {
        if key.contains(' ') {
            self.phrases.get(key).is_some_and(|p| p.prefix)
        } else {
            self.word(key).is_prefix()
        }
    }

    /// The known phrase for `key` (see [`key_of`]).
    pub fn phrase(&self, key: &str) -> Option<&KnownPhrase> {
        let index = if key.contains(' ') {
            self.phrases.get(key).map_or(NO_PHRASE, |p| p.phrase)
        } else {
            self.word(key).phrase
        };
        self.known.get(index as usize)
    }

    /// True when `key` is a title or role word ("president", "secretary of state").
    pub fn is_title(&self, key: &str) -> bool {
        if key.contains(' ') {
            self.phrases.get(key).is_some_and(|p| p.title)
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
