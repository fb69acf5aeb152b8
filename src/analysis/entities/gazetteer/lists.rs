//! Reading the gazetteers' word lists (`assets/gazetteer/`) into tables.
//!
//! Entry point: [`build`]. The build script runs it once and writes its
//! [`Tables`] into the binary, so that no article pays for reading the
//! lists; the gazetteer module's tests run it again to check the written
//! tables. It decides what each word and phrase of the lists is (a country,
//! a given name, a title...) and which list wins when two disagree; it
//! looks at no article.

use super::format::{
    CITY, COUNTRY, GROUP, IS_COMMON, IS_GIVEN, IS_ORG_HEAD, IS_ORG_SUFFIX, IS_PHRASE_START,
    IS_PREFIX, IS_TITLE, IS_TITLE_START, NO_PHRASE, NO_RANK, ORG, REGION, key_of,
};
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// The text of each list file.
pub struct Sources<'a> {
    pub countries: &'a str,
    pub cities: &'a str,
    pub states: &'a str,
    pub regions: &'a str,
    pub place_aliases: &'a str,
    pub orgs: &'a str,
    pub org_words: &'a str,
    pub groups: &'a str,
    pub titles: &'a str,
    pub common_words: &'a str,
    pub given: &'a str,
    pub given_extra: &'a str,
    pub surnames: &'a str,
    pub surnames_extra: &'a str,
}

/// What the lists know of one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordEntry {
    /// The `IS_*` bits of [`super::format`].
    pub flags: u8,
    /// Surname frequency rank ([`NO_RANK`]: no surname).
    pub surname_rank: u32,
    /// Index of the one-word phrase in [`Tables::known`] ([`NO_PHRASE`]: none).
    pub phrase: u32,
}

/// What the lists know of a phrase of several words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseEntry {
    /// Index in [`Tables::known`] ([`NO_PHRASE`]: none).
    pub phrase: u32,
    pub title: bool,
    /// Some phrase or title starts with these words (or is them).
    pub prefix: bool,
}

/// A known phrase: its kind (a code of [`super::format`]), the name
/// readers expect, and whether it is written in capitals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    pub kind: u8,
    pub canonical: String,
    pub acronym: bool,
}

/// All the lists know, keyed by lowercase words joined by single spaces.
#[derive(Default)]
pub struct Tables {
    /// Every single word any list knows, in the order first met.
    pub words: Vec<(String, WordEntry)>,
    /// Phrases, titles and their word-prefixes of two words or more.
    pub phrases: Vec<(String, PhraseEntry)>,
    /// The known phrases the entries point into.
    pub known: Vec<Known>,
    /// The longest phrase or title, in words.
    pub max_phrase_words: usize,
    /// Some single-byte word is no letter or digit ("&").
    pub symbols: bool,
    word_index: HashMap<String, usize>,
    phrase_index: HashMap<String, usize>,
}

/// Lines of a list file without the `#` header and blank lines.
fn data_lines(file: &str) -> impl Iterator<Item = &str> {
    file.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// `text` with every character in lowercase, as [`key_of`] writes it.
fn lowercase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    super::format::push_lower(&mut out, text);
    out
}

fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && s.chars().all(|c| !c.is_lowercase())
}

/// Reads every list. Order matters: the first kind given to a phrase wins,
/// so countries and hand-written lists come before the long city list.
pub fn build(src: &Sources<'_>) -> Tables {
    let mut t = Tables {
        max_phrase_words: 1,
        ..Tables::default()
    };
    // The common words first: the other lists consult them.
    for line in data_lines(src.common_words) {
        for w in line.split_whitespace() {
            t.word_mut(&key_of(w)).flags |= IS_COMMON;
        }
    }
    for line in data_lines(src.place_aliases) {
        if let Some((alias, canon)) = line.split_once('\t') {
            t.add(alias, canon, COUNTRY);
        }
    }
    for line in data_lines(src.countries) {
        let mut cols = line.split('\t');
        let name = cols.next().unwrap_or_default();
        let alts = cols.next().unwrap_or_default();
        let demonyms = cols.next().unwrap_or_default();
        let capitals = cols.next().unwrap_or_default();
        t.add(name, name, COUNTRY);
        for a in alts.split('|').filter(|a| !a.is_empty()) {
            t.add(a, name, COUNTRY);
        }
        for d in demonyms
            .split(['|', ','])
            .map(str::trim)
            .filter(|d| !d.is_empty())
        {
            t.add_group(d);
        }
        for c in capitals.split('|').filter(|c| !c.is_empty()) {
            t.add(c, c, CITY);
        }
    }
    for line in data_lines(src.regions).chain(data_lines(src.states)) {
        t.add(line, line, REGION);
    }
    for line in data_lines(src.orgs) {
        let mut cols = line.split('\t');
        let name = cols.next().unwrap_or_default();
        t.add(name, name, ORG);
        for a in cols
            .next()
            .unwrap_or_default()
            .split('|')
            .filter(|a| !a.is_empty())
        {
            t.add(a, name, ORG);
        }
    }
    for line in data_lines(src.groups) {
        t.add_group(line);
    }
    for line in data_lines(src.cities) {
        let name = line.split('\t').next().unwrap_or_default();
        t.add(name, name, CITY);
        // "Saint Petersburg" is also written "St. Petersburg"
        if let Some(rest) = name.strip_prefix("Saint ") {
            t.add(&format!("St. {rest}"), name, CITY);
            t.add(&format!("St {rest}"), name, CITY);
        }
    }
    for line in data_lines(src.titles) {
        let k = key_of(line);
        t.max_phrase_words = t.max_phrase_words.max(k.split(' ').count());
        t.add_prefixes(&k);
        if let Some(first) = k.split(' ').next().filter(|w| !w.is_empty()) {
            t.word_mut(first).flags |= IS_TITLE_START;
        }
        if k.contains(' ') {
            t.phrase_mut(&k).title = true;
        } else {
            t.word_mut(&k).flags |= IS_TITLE;
        }
    }
    for line in data_lines(src.org_words) {
        match line.split_once('\t') {
            Some(("head", w)) => t.word_mut(&key_of(w)).flags |= IS_ORG_HEAD,
            Some(("suffix", w)) => t.word_mut(&key_of(w)).flags |= IS_ORG_SUFFIX,
            _ => {}
        }
    }
    let given = lowercase(src.given);
    let given_extra = lowercase(src.given_extra);
    for line in data_lines(&given).chain(data_lines(&given_extra)) {
        for w in line.split_whitespace() {
            if let Some(f) = t.new_name(w) {
                f.flags |= IS_GIVEN;
            }
        }
    }
    let surnames = lowercase(src.surnames);
    let surnames_extra = lowercase(src.surnames_extra);
    let mut rank = 0u32;
    for line in data_lines(&surnames_extra).chain(data_lines(&surnames)) {
        for w in line.split_whitespace() {
            if let Some(f) = t.new_name(w)
                && f.surname_rank == NO_RANK
            {
                f.surname_rank = rank;
            }
            rank += 1;
        }
    }
    t.symbols = t
        .words
        .iter()
        .any(|(k, _)| k.len() == 1 && !k.as_bytes()[0].is_ascii_alphanumeric());
    t
}

impl Tables {
    /// The entry of a single-word key, added when new.
    fn word_mut(&mut self, key: &str) -> &mut WordEntry {
        let i = match self.word_index.get(key) {
            Some(&i) => i,
            None => {
                let entry = WordEntry {
                    flags: 0,
                    surname_rank: NO_RANK,
                    phrase: NO_PHRASE,
                };
                self.words.push((key.to_string(), entry));
                self.word_index
                    .insert(key.to_string(), self.words.len() - 1);
                self.words.len() - 1
            }
        };
        &mut self.words[i].1
    }

    /// The entry of a key of several words, added when new.
    fn phrase_mut(&mut self, key: &str) -> &mut PhraseEntry {
        let i = match self.phrase_index.get(key) {
            Some(&i) => i,
            None => {
                let entry = PhraseEntry {
                    phrase: NO_PHRASE,
                    title: false,
                    prefix: false,
                };
                self.phrases.push((key.to_string(), entry));
                self.phrase_index
                    .insert(key.to_string(), self.phrases.len() - 1);
                self.phrases.len() - 1
            }
        };
        &mut self.phrases[i].1
    }

    /// The entry of a given name or surname's key, unless it is a common word.
    fn new_name(&mut self, key: &str) -> Option<&mut WordEntry> {
        let i = match self.word_index.entry(key.to_string()) {
            Entry::Occupied(known) => *known.get(),
            Entry::Vacant(new) => {
                let entry = WordEntry {
                    flags: 0,
                    surname_rank: NO_RANK,
                    phrase: NO_PHRASE,
                };
                self.words.push((key.to_string(), entry));
                *new.insert(self.words.len() - 1)
            }
        };
        let facts = &mut self.words[i].1;
        (facts.flags & IS_COMMON == 0).then_some(facts)
    }

    fn is_common(&self, key: &str) -> bool {
        self.word_index
            .get(key)
            .is_some_and(|&i| self.words[i].1.flags & IS_COMMON != 0)
    }

    /// A group and its plural ("Serb", "Serbs"; "Chinese" stays).
    fn add_group(&mut self, name: &str) {
        self.add(name, name, GROUP);
        let unchanged = ["ese", "sh", "ch", "ic", "s"];
        let plural_ok = !unchanged.iter().any(|e| name.ends_with(e));
        if plural_ok && !name.contains(' ') {
            self.add(&format!("{name}s"), name, GROUP);
        }
    }

    fn add(&mut self, phrase: &str, canonical: &str, kind: u8) {
        let k = key_of(phrase);
        if k.is_empty() {
            return;
        }
        let acronym = is_acronym(phrase);
        // A place that is also a common word ("Of", "Bath") is no name.
        if !k.contains(' ') && kind != COUNTRY && !acronym && self.is_common(&k) {
            return;
        }
        self.max_phrase_words = self.max_phrase_words.max(k.split(' ').count());
        self.add_prefixes(&k);
        let known = Known {
            kind,
            canonical: canonical.to_string(),
            acronym,
        };
        // A dotted abbreviation at a sentence end loses its last dot to the
        // sentence ("in the U.S." -> "U.S" + "."): know it without that dot too.
        if let Some(undotted) = k.strip_suffix('.').filter(|u| u.contains('.')) {
            self.add_prefixes(undotted);
            self.set_phrase(undotted, known.clone());
        }
        self.set_phrase(&k, known);
    }

    /// Points `key` at `known` unless it names something already.
    fn set_phrase(&mut self, key: &str, known: Known) {
        if let Some(first) = key.split(' ').next().filter(|w| !w.is_empty()) {
            self.word_mut(first).flags |= IS_PHRASE_START;
        }
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
}
