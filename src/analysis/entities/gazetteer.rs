//! The gazetteers: what gloss knows about names before it reads an article.
//!
//! Entry point: [`lexicon`], a [`Lexicon`] built once (on first use) from the
//! word lists in `assets/gazetteer/` (each file's header names its source and
//! licence). It answers questions about words and phrases: is this phrase a
//! country, a demonym, a city, a known organisation, a title? Is this word a
//! given name, a surname, a common English word? It does not look at any
//! article: deciding what a phrase is *in context* belongs to [`super::names`].

use rustc_hash::{FxHashMap, FxHashSet};
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
const COMMON: &str = include_str!("../../../assets/gazetteer/common_words.txt");
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownPhrase {
    pub kind: PhraseKind,
    /// The name readers expect ("United States" for "US").
    pub canonical: String,
    /// Written in capitals ("US", "WHO"): matches only in capitals.
    pub acronym: bool,
}

/// All word lists, looked up by lowercase words joined with single spaces.
pub struct Lexicon {
    phrases: FxHashMap<String, KnownPhrase>,
    titles: FxHashSet<String>,
    /// Every word-prefix of a phrase or title ("south", "south china"), for
    /// longest-match scans that stop as soon as no entry can follow.
    prefixes: FxHashSet<String>,
    /// A bit filter over first words of phrases and titles: a word not
    /// in it starts none, and most words are ruled out without hashing.
    first_words: Vec<u64>,
    /// The longest phrase or title, in words.
    pub max_phrase_words: usize,
    org_heads: FxHashSet<String>,
    org_suffixes: FxHashSet<String>,
    common: FxHashSet<String>,
    given: FxHashSet<String>,
    /// Surname -> frequency rank (0 = most frequent).
    surnames: FxHashMap<String, u32>,
}

/// The lexicon, built on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::build);
    &LEXICON
}

/// The filter bit of a word: its length and first and last bytes.
fn filter_bit(word: &str) -> usize {
    let b = word.as_bytes();
    let at = |i: usize| u64::from(b.get(i).copied().unwrap_or(0));
    let n = b.len();
    let mix =
        (n as u64) | at(0) << 8 | at(1) << 16 | at(n.saturating_sub(1)) << 24 | at(n / 2) << 32;
    (mix.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize % FILTER_BITS
}

const FILTER_BITS: usize = 1 << 16;

/// Lines of an asset file without the `#` header and blank lines.
fn data_lines(file: &str) -> impl Iterator<Item = &str> {
    file.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Lowercase words joined by single spaces: the key of every lookup.
pub fn key_of(phrase: &str) -> String {
    let mut k = String::with_capacity(phrase.len());
    for w in phrase.split_whitespace() {
        if !k.is_empty() {
            k.push(' ');
        }
        for c in w.chars() {
            k.extend(c.to_lowercase());
        }
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
            phrases: FxHashMap::default(),
            titles: FxHashSet::default(),
            prefixes: FxHashSet::default(),
            first_words: vec![0; FILTER_BITS / 64],
            max_phrase_words: 1,
            org_heads: FxHashSet::default(),
            org_suffixes: FxHashSet::default(),
            common: FxHashSet::default(),
            given: FxHashSet::default(),
            surnames: FxHashMap::default(),
        };
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
            lex.titles.insert(k);
        }
        for line in data_lines(ORG_WORDS) {
            match line.split_once('\t') {
                Some(("head", w)) => {
                    lex.org_heads.insert(key_of(w));
                }
                Some(("suffix", w)) => {
                    lex.org_suffixes.insert(key_of(w));
                }
                _ => {}
            }
        }
        for line in data_lines(COMMON) {
            lex.common.extend(line.split_whitespace().map(key_of));
        }
        for line in data_lines(GIVEN).chain(data_lines(GIVEN_EXTRA)) {
            for w in line.split_whitespace() {
                let k = key_of(w);
                if !lex.common.contains(&k) {
                    lex.given.insert(k);
                }
            }
        }
        let mut rank = 0u32;
        for line in data_lines(SURNAMES_EXTRA).chain(data_lines(SURNAMES)) {
            for w in line.split_whitespace() {
                let k = key_of(w);
                if !lex.common.contains(&k) {
                    lex.surnames.entry(k).or_insert(rank);
                }
                rank += 1;
            }
        }
        lex
    }

    /// A group and its plural ("Serb", "Serbs"; "Chinese" stays).
    fn add_group(&mut self, name: &str) {
        self.add(name, name, PhraseKind::Group);
        let unchanged = ["ese", "sh", "ch", "ic", "s"];
        let plural_ok = !unchanged.iter().any(|e| name.ends_with(e));
        if plural_ok && !name.contains(' ') {
            self.add(&format!("{name}s"), name, PhraseKind::Group);
        }
    }

    fn add(&mut self, phrase: &str, canonical: &str, kind: PhraseKind) {
        let k = key_of(phrase);
        if k.is_empty() {
            return;
        }
        // A place that is also a common word ("Of", "Bath") is no name.
        if !k.contains(' ')
            && kind != PhraseKind::Country
            && !is_acronym(phrase)
            && COMMON_LOOKUP.contains(&k)
        {
            return;
        }
        self.max_phrase_words = self.max_phrase_words.max(k.split(' ').count());
        self.add_prefixes(&k);
        // A dotted abbreviation at a sentence end loses its last dot to the
        // sentence ("in the U.S." -> "U.S" + "."): know it without that dot too.
        if let Some(undotted) = k.strip_suffix('.').filter(|u| u.contains('.')) {
            let undotted = undotted.to_string();
            self.add_prefixes(&undotted);
            self.phrases.entry(undotted).or_insert_with(|| KnownPhrase {
                kind,
                canonical: canonical.to_string(),
                acronym: is_acronym(phrase),
            });
        }
        self.phrases.entry(k).or_insert_with(|| KnownPhrase {
            kind,
            canonical: canonical.to_string(),
            acronym: is_acronym(phrase),
        });
    }

    fn add_prefixes(&mut self, key: &str) {
        let first = key.split(' ').next().unwrap_or(key);
        let bit = filter_bit(first);
        self.first_words[bit / 64] |= 1 << (bit % 64);
        for (i, _) in key.match_indices(' ') {
            self.prefixes.insert(key[..i].to_string());
        }
        self.prefixes.insert(key.to_string());
    }

    /// True when some phrase or title starts with the words of `key`.
    pub fn is_prefix(&self, key: &str) -> bool {
        self.prefixes.contains(key)
    }

    /// False when no phrase or title starts with the single word `word`
    /// (true means "maybe": ask [`Lexicon::is_prefix`]).
    pub fn may_start(&self, word: &str) -> bool {
        let bit = filter_bit(word);
        self.first_words[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// The known phrase for `key` (see [`key_of`]).
    pub fn phrase(&self, key: &str) -> Option<&KnownPhrase> {
        self.phrases.get(key)
    }

    /// True when `key` is a title or role word ("president", "secretary of state").
    pub fn is_title(&self, key: &str) -> bool {
        self.titles.contains(key)
    }

    /// True for words that head an organisation's name ("department").
    pub fn is_org_head(&self, key: &str) -> bool {
        self.org_heads.contains(key)
    }

    /// True for company suffixes ("inc", "ltd").
    pub fn is_org_suffix(&self, key: &str) -> bool {
        self.org_suffixes.contains(key)
    }

    /// True for common English words that are no names by themselves.
    pub fn is_common(&self, key: &str) -> bool {
        self.common.contains(key)
    }

    /// True for known given names.
    pub fn is_given_name(&self, key: &str) -> bool {
        self.given.contains(key)
    }

    /// The frequency rank of a known surname (0 = most frequent).
    pub fn surname_rank(&self, key: &str) -> Option<u32> {
        self.surnames.get(key).copied()
    }
}

/// The common words alone, so that [`Lexicon::add`] can consult them while
/// the lexicon is being built.
static COMMON_LOOKUP: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    data_lines(COMMON)
        .flat_map(|l| l.split_whitespace().map(key_of).collect::<Vec<_>>())
        .collect()
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_aliases_and_demonyms() {
        let lex = lexicon();
        let us = lex
            .phrase("us")
            .map(|p| (p.kind, p.canonical.as_str(), p.acronym));
        assert_eq!(us, Some((PhraseKind::Country, "United States", true)));
        assert_eq!(
            lex.phrase("america").map(|p| p.canonical.as_str()),
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
        assert!(lex.is_org_head("department"));
        assert!(lex.is_org_suffix("inc"));
    }
}
