//! The word knowledge topics rely on: stop words, generic news words, how
//! common a word is in everyday English, lemma-like word forms, and the
//! names, nationality words and capitals that point at one country.
//!
//! The short lists are read once from `assets/topics/` (embedded at build
//! time) into `LazyLock` tables; the background frequency list, which is
//! long, is laid out as a hash table at build time (`build.rs`, with
//! `topics::background`). This module only answers questions about single
//! words; it knows nothing about a document.

use super::background;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

const STOP_WORDS: &str = include_str!("../../../assets/topics/stop_words.txt");
const GENERIC_WORDS: &str = include_str!("../../../assets/topics/generic_words.txt");
const PLACE_LINKS: &str = include_str!("../../../assets/topics/place_links.txt");

/// Zipf value given to words missing from the background list (rarer than
/// every listed word).
const UNLISTED_ZIPF: f32 = 2.5;

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Bits of [`word_class`]: a function word ("the", "of", "would").
pub const STOP_WORD: u8 = 1 << 0;
/// Bits of [`word_class`]: a word too vague to name a news topic
/// ("said", "officials").
pub const GENERIC_WORD: u8 = 1 << 1;

/// The stop and generic word lists in one table: one look-up answers both.
static WORD_CLASS: LazyLock<FxHashMap<&'static str, u8>> = LazyLock::new(|| {
    let mut map = FxHashMap::default();
    for (list, bit) in [(STOP_WORDS, STOP_WORD), (GENERIC_WORDS, GENERIC_WORD)] {
        for w in data_lines(list).flat_map(str::split_whitespace) {
            *map.entry(w).or_insert(0) |= bit;
        }
    }
    map
});

/// The background frequency list as laid out by `build.rs` (see
/// `topics::background`): the words in one text, each word's bounds in
/// it, its Zipf value times 100, and the hash table of word indices.
mod background_table {
    pub(super) static WORDS: &str =
        include_str!(concat!(env!("OUT_DIR"), "/topics_background_words.txt"));
    include!(concat!(env!("OUT_DIR"), "/topics_background.rs"));
}

/// Zipf frequency (log10 of occurrences per billion words) of a lowercase
/// word, times 100, when the background list has it.
fn zipf_cents(lower: &str) -> Option<u16> {
    use background_table::{SLOTS, WORD_BOUNDS, WORDS, ZIPF_CENTS};
    let mask = SLOTS.len() - 1;
    let mut i = background::first_slot(lower, SLOTS.len().trailing_zeros());
    // the table is at most two thirds full: an empty slot ends every search
    loop {
        let k = *SLOTS.get(i & mask)? as usize;
        let k = k.checked_sub(1)?;
        let (start, end) = (*WORD_BOUNDS.get(k)?, *WORD_BOUNDS.get(k + 1)?);
        if WORDS.get(start as usize..end as usize) == Some(lower) {
            return ZIPF_CENTS.get(k).copied();
        }
        i += 1;
    }
}

/// The lists a lowercase word is on, as [`STOP_WORD`] and
/// [`GENERIC_WORD`] bits (0 for most words).
pub fn word_class(lower: &str) -> u8 {
    WORD_CLASS.get(lower).copied().unwrap_or(0)
}

/// True for function words ("the", "of", "would").
pub fn is_stop_word(lower: &str) -> bool {
    word_class(lower) & STOP_WORD != 0
}

/// True for words too vague to name a news topic ("said", "officials", "issue").
pub fn is_generic(lower: &str) -> bool {
    word_class(lower) & GENERIC_WORD != 0
}

/// How common a lowercase word is in everyday English, as a Zipf value
/// (about 7.7 for "the", 3 for a rare word; unlisted words get 2.5).
pub fn zipf(lower: &str) -> f32 {
    zipf_cents(lower).map_or(UNLISTED_ZIPF, |z| f32::from(z) / 100.0)
}

/// True when the background list knows the word at all.
pub fn is_known_word(lower: &str) -> bool {
    zipf_cents(lower).is_some()
}

/// How much a word says about an article beyond everyday English: 0 for
/// the commonest words, about 4 for rare ones.
pub fn specificity(lower: &str) -> f32 {
    (6.5 - zipf(lower)).clamp(0.1, 4.0)
}

/// Writes the lemma-like key of a word into `out`: lowercase, possessive
/// and plural endings removed, dots of abbreviations dropped ("U.S." ->
/// "us"; "countries" -> "country"; "Russia's" -> "russia").
///
/// ```
/// # use gloss::analysis::topics::lexicon::lemma_into;
/// let mut s = String::new();
/// lemma_into("Misunderstandings", &mut s);
/// assert_eq!(s, "misunderstanding");
/// lemma_into("China’s", &mut s);
/// assert_eq!(s, "china");
/// ```
pub fn lemma_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
        if out.contains('.') {
            out.retain(|c| c != '.');
        }
    } else {
        lowercase_into(word, out);
    }
    for suffix in ["'s", "'"] {
        if out.len() > suffix.len() + 1 && out.ends_with(suffix) {
            out.truncate(out.len() - suffix.len());
            break;
        }
    }
    singularize(out);
}

fn lowercase_into(word: &str, out: &mut String) {
    for c in word.chars() {
        match c {
            '.' => {}
            '’' => out.push('\''),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// Words ending in "s" that are not plurals.
fn is_plural_exception(w: &str) -> bool {
    matches!(
        w,
        "news"
            | "series"
            | "species"
            | "politics"
            | "economics"
            | "physics"
            | "means"
            | "always"
            | "perhaps"
            | "whereas"
            | "various"
            | "famous"
            | "serious"
            | "previous"
            | "obvious"
            | "numerous"
            | "this"
            | "thus"
            | "has"
            | "was"
            | "is"
            | "its"
            | "us"
            | "yes"
            | "less"
            | "unless"
            | "across"
            | "analysis"
            | "crisis"
            | "basis"
            | "thesis"
            | "status"
            | "census"
            | "bonus"
            | "virus"
            | "campus"
            | "focus"
            | "consensus"
            | "congress"
            | "progress"
            | "business"
            | "process"
            | "access"
            | "success"
            | "address"
            | "chaos"
            | "bias"
            | "gas"
            | "arms"
            | "texas"
            | "kansas"
            | "arkansas"
            | "paris"
    )
}

fn singularize(w: &mut String) {
    let n = w.len();
    if n < 4 || !w.ends_with('s') || is_plural_exception(w) {
        return;
    }
    if w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") {
        return;
    }
    if w.ends_with("ies") && n > 4 {
        w.truncate(n - 3);
        w.push('y');
        return;
    }
    for es in ["sses", "xes", "ches", "shes", "zes"] {
        if w.ends_with(es) {
            w.truncate(n - 2);
            return;
        }
    }
    w.truncate(n - 1);
}

/// One country or bloc with the words that point at it.
#[derive(Debug)]
pub struct PlaceLink {
    /// Its index in the list, to key a thread by.
    pub id: usize,
    /// The name to show ("Russia").
    pub name: &'static str,
}

/// How a word points at a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceWord {
    /// Its name or a short name ("Russia", "US").
    Name,
    /// A nationality word ("Russian").
    Nationality,
    /// Its capital ("Moscow").
    Capital,
}

/// Lowercase lemma of every linked word (name, short name, nationality
/// word, capital) -> index into the list of places, and how it points.
type PlaceTable = (Vec<PlaceLink>, FxHashMap<String, (usize, PlaceWord)>);

static PLACE_WORDS: LazyLock<PlaceTable> = LazyLock::new(|| {
    let mut places = Vec::new();
    let mut words = FxHashMap::default();
    let mut buf = String::new();
    for line in data_lines(PLACE_LINKS) {
        let mut fields = line.split('|').map(str::trim);
        let Some(name) = fields.next().filter(|n| !n.is_empty()) else {
            continue;
        };
        let id = places.len();
        places.push(PlaceLink { id, name });
        let how = [
            PlaceWord::Name,
            PlaceWord::Name,
            PlaceWord::Nationality,
            PlaceWord::Capital,
        ];
        let words_of = std::iter::once(name)
            .chain(fields)
            .zip(how)
            .flat_map(|(f, how)| f.split(',').map(move |w| (w, how)));
        for (w, how) in words_of {
            let w = w.trim();
            if w.is_empty() {
                continue;
            }
            // multi-word names keep their plural ("United States")
            if w.contains(' ') {
                buf = w.to_lowercase().replace('.', "");
            } else {
                lemma_into(w, &mut buf);
            }
            words.entry(buf.clone()).or_insert((id, how));
        }
    }
    (places, words)
});

/// The country or bloc a lemma-like key names, if any ("moscow", "russian",
/// "us" -> Russia, Russia, United States).
pub fn place_of(key: &str) -> Option<&'static PlaceLink> {
    let (places, words) = &*PLACE_WORDS;
    words.get(key).map(|&(i, _)| &places[i])
}

/// How a lemma-like key points at its place, if it does.
pub fn place_word(key: &str) -> Option<PlaceWord> {
    PLACE_WORDS.1.get(key).map(|&(_, how)| how)
}

/// Capitalised words that introduce or make up a title, not a name
/// ("President", "Secretary", "Minister").
pub fn is_title_word(lower: &str) -> bool {
    matches!(
        lower,
        "president"
            | "vice"
            | "secretary"
            | "minister"
            | "prime"
            | "foreign"
            | "deputy"
            | "chief"
            | "senator"
            | "sen"
            | "rep"
            | "representative"
            | "gov"
            | "governor"
            | "mayor"
            | "chairman"
            | "chairwoman"
            | "chair"
            | "director"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "ambassador"
            | "general"
            | "gen"
            | "admiral"
            | "colonel"
            | "king"
            | "queen"
            | "prince"
            | "princess"
            | "pope"
            | "chancellor"
            | "speaker"
            | "leader"
            | "judge"
            | "justice"
            | "attorney"
            | "candidate"
            | "nominee"
            | "ceo"
            | "founder"
            | "professor"
            | "prof"
            | "dr"
            | "mr"
            | "mrs"
            | "ms"
            | "sir"
            | "lady"
            | "lord"
            | "state"
            | "of"
    )
}

/// The lowercase form of a short ASCII word, held on the stack; `None` for
/// longer or non-ASCII words (which are in none of the short word lists).
///
/// ```
/// # use gloss::analysis::topics::lexicon::ShortLower;
/// assert_eq!(ShortLower::of("President").as_deref(), Some("president"));
/// assert!(ShortLower::of("Zürich").is_none());
/// ```
pub struct ShortLower {
    buf: [u8; 24],
    len: usize,
}

impl ShortLower {
    pub fn of(word: &str) -> Option<Self> {
        let b = word.as_bytes();
        if b.len() > 24 || !word.is_ascii() {
            return None;
        }
        let mut buf = [0u8; 24];
        for (d, s) in buf.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        Some(ShortLower { buf, len: b.len() })
    }
}

impl std::ops::Deref for ShortLower {
    type Target = str;
    fn deref(&self) -> &str {
        // only ASCII bytes were copied
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lemma(w: &str) -> String {
        let mut s = String::new();
        lemma_into(w, &mut s);
        s
    }

    #[test]
    fn lemmas_drop_plurals_and_possessives() {
        assert_eq!(lemma("countries"), "country");
        assert_eq!(lemma("lines"), "line");
        assert_eq!(lemma("U.S."), "us");
        assert_eq!(lemma("Russia's"), "russia");
        assert_eq!(lemma("news"), "news");
        assert_eq!(lemma("crisis"), "crisis");
        assert_eq!(lemma("churches"), "church");
    }

    #[test]
    fn background_orders_common_before_rare() {
        assert!(zipf("the") > zipf("trade"));
        assert!(zipf("trade") > zipf("opioid"));
        assert_eq!(zipf("qzxv"), UNLISTED_ZIPF);
        assert!(specificity("the") < specificity("aggression"));
    }

    #[test]
    fn places_link_nationalities_and_capitals() {
        assert_eq!(place_of("moscow").map(|p| p.name), Some("Russia"));
        assert_eq!(place_of("russian").map(|p| p.name), Some("Russia"));
        assert_eq!(place_of("us").map(|p| p.name), Some("United States"));
        assert!(place_of("table").is_none());
        assert_eq!(place_word("ukrainian"), Some(PlaceWord::Nationality));
        assert_eq!(place_word("united states"), Some(PlaceWord::Name));
    }

    #[test]
    fn the_built_table_answers_as_the_list_reads() {
        let list = include_str!("../../../assets/topics/background_frequency.txt");
        let entries = background::entries(list);
        assert!(entries.len() > 30_000);
        for &(word, cents) in &entries {
            assert_eq!(zipf(word), cents as f32 / 100.0, "{word}");
        }
        assert!(!is_known_word("qzxv"));
        assert!(!is_known_word(""));
    }

    #[test]
    fn word_lists_load() {
        assert!(is_stop_word("the"));
        assert!(is_generic("said"));
        assert!(is_generic("official"));
        assert!(!is_generic("aid"));
    }
}
