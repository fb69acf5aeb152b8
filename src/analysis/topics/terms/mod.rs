//! Terms: the words, names and short phrases an article uses, counted in
//! one pass over its sentences, each with the paragraphs it occurs in.
//!
//! Entry point: [`TermTable::collect`]. Each sentence becomes a row of
//! slots (a content word, a name, "of", or a break at a stop word, number,
//! punctuation, money or date); names come from the recognised entities or,
//! where none cover a word, from runs of capitalised words split at titles
//! ("US Secretary of State Antony Blinken" -> "US", "Antony Blinken").
//! Phrases are two or three adjacent content words, and "B of A" counts as
//! "A B" ("lines of communication" = "communication lines").
//!
//! Time and memory are linear in the text: one hash look-up per token
//! for its spelling (`topics::spelling`: the facts asked about a word are
//! worked out once per distinct spelling, and so is its term and where its
//! surface is counted), one per phrase window (keyed by its words'
//! spellings), and the number of distinct terms and phrases is capped.
//! This module keeps the table and its counts; `term` is one term,
//! `reading` reads the text into the table (with `phrases` and `labels`).
//! It decides nothing about topics.

mod labels;
mod phrases;
mod reading;
mod term;

pub use term::{Term, TermKind};

use super::lexicon;
use super::spelling::{self, Facts, SURFACE_NONE, SURFACE_UNRESOLVED, is_capitalised};
use crate::analysis::EntityId;
use rustc_hash::{FxBuildHasher, FxHashMap};
use std::collections::hash_map::Entry;
use std::hash::BuildHasher;

/// Index of a term in [`TermTable::terms`].
pub type TermId = u32;

/// Most distinct words and names kept; later new ones are skipped.
const MAX_TERMS: usize = 1_000_000;
/// Most distinct phrases kept; later new ones are skipped.
const MAX_PHRASES: usize = 200_000;
/// Distinct spellings remembered per term (for its label).
const MAX_SURFACES: usize = 4;
/// Occurrences whose spelling is counted (the rest only add to the count).
const SURFACE_SAMPLE: u32 = 64;

/// The counts of a term kept while the text is read, apart from the rest
/// of it: small and together, so counting touches one record.
#[derive(Debug, Clone)]
struct Tally {
    count: u32,
    /// The last paragraph recorded (`u32::MAX` before the first).
    last_paragraph: u32,
    /// Paragraphs recorded.
    paragraphs: u32,
    lower: u32,
    cap_mid: u32,
    cap_initial: u32,
    verbal: u32,
    nominal: u32,
    modifier: u32,
}

impl Default for Tally {
    fn default() -> Self {
        Tally {
            count: 0,
            last_paragraph: u32::MAX,
            paragraphs: 0,
            lower: 0,
            cap_mid: 0,
            cap_initial: 0,
            verbal: 0,
            nominal: 0,
            modifier: 0,
        }
    }
}

/// Every term of an article.
#[derive(Debug, Default)]
pub struct TermTable<'t> {
    pub terms: Vec<Term<'t>>,
    tallies: Vec<Tally>,
    /// Each term's first occurrence in each of its paragraphs, in text
    /// order, while the text is read: (term, paragraph).
    paragraph_events: Vec<(TermId, u32)>,
    /// Every term's paragraphs, ascending, one term after another.
    paragraph_store: Vec<u32>,
    /// Words and names by the hash of their key (the key itself is kept
    /// by the term alone); a key whose hash an earlier key has is in
    /// `index_collisions`.
    index: FxHashMap<u64, TermId>,
    index_collisions: FxHashMap<String, TermId>,
    phrases: FxHashMap<[TermId; 3], TermId>,
    /// Term of each entity, by entity id.
    entity_terms: FxHashMap<EntityId, TermId>,
    /// Surfaces counted through a remembered spelling: the term and its
    /// slot among the term's surfaces, and the count, added to the term
    /// once the text is read.
    surface_slots: Vec<(TermId, u8)>,
    surface_counts: Vec<u32>,
}

const NO_TERM: TermId = TermId::MAX;

/// Irregular past forms that are never nouns ("grew", "met"): like the
/// "-ed" forms, they never make a topic.
fn is_irregular_past(lower: &str) -> bool {
    matches!(
        lower,
        "met"
            | "grew"
            | "began"
            | "became"
            | "ran"
            | "wrote"
            | "sought"
            | "fought"
            | "taught"
            | "caught"
            | "brought"
            | "bought"
            | "sold"
            | "stood"
            | "understood"
            | "spent"
            | "built"
            | "meant"
            | "dealt"
            | "fled"
            | "paid"
            | "struck"
            | "swore"
            | "drew"
            | "threw"
            | "shook"
            | "forgot"
            | "hid"
            | "sank"
            | "froze"
            | "stole"
            | "woke"
            | "arose"
            | "withdrew"
            | "overcame"
            | "undertook"
            | "forbade"
    )
}

/// Lowercase words whose ending marks them as adverbs or past forms
/// ("strongly", "criticized"): never topics.
fn is_adverb_or_past(lower: &str) -> bool {
    let n = lower.len();
    if n > 5 && lower.ends_with("ly") {
        return lexicon::is_known_word(&lower[..n - 2]);
    }
    (n > 4 && lower.ends_with("ed") && !lower.ends_with("eed")) || is_irregular_past(lower)
}

/// Most terms a table makes room for before it is filled.
const MAX_RESERVED_TERMS: usize = 1 << 15;

impl<'t> TermTable<'t> {
    /// An empty table with room for the terms of a text of `tokens`
    /// tokens (news copy has a new term every 20 tokens or so), so that
    /// it seldom grows while the text is read.
    fn with_room(tokens: usize) -> Self {
        let terms = (tokens / 16).min(MAX_RESERVED_TERMS);
        TermTable {
            terms: Vec::with_capacity(terms),
            tallies: Vec::with_capacity(terms),
            index: FxHashMap::with_capacity_and_hasher(terms / 2, FxBuildHasher),
            phrases: FxHashMap::with_capacity_and_hasher(terms / 2, FxBuildHasher),
            ..TermTable::default()
        }
    }

    /// The paragraphs of term `id`, ascending, without repeats (once the
    /// text is read).
    pub fn paragraphs(&self, id: TermId) -> &[u32] {
        let (start, len) = self.terms[id as usize].paragraphs;
        self.paragraph_store
            .get(start as usize..(start + len) as usize)
            .unwrap_or(&[])
    }

    fn push_term(&mut self, term: Term<'t>) {
        self.terms.push(term);
        self.tallies.push(Tally::default());
    }

    /// Counts one occurrence of term `id` in `paragraph`; true when its
    /// spelling is to be counted too (the first occurrences are enough to
    /// name it).
    #[inline]
    fn count(&mut self, id: TermId, paragraph: u32) -> bool {
        let tally = &mut self.tallies[id as usize];
        tally.count += 1;
        if tally.last_paragraph != paragraph {
            tally.last_paragraph = paragraph;
            tally.paragraphs += 1;
            self.paragraph_events.push((id, paragraph));
        }
        tally.count <= SURFACE_SAMPLE
    }

    /// Counts one occurrence of term `id` in `paragraph`, spelled `surface`.
    fn occur(&mut self, id: TermId, paragraph: u32, surface: &'t str) {
        if self.count(id, paragraph) {
            self.terms[id as usize].add_surface(surface);
        }
    }

    /// Counts a surface of term `id` through `slot`, a remembered
    /// spelling's place in [`Self::surface_counts`], found on first use.
    #[inline]
    fn count_surface(&mut self, id: TermId, slot: &mut u32, surface: impl FnOnce() -> &'t str) {
        if *slot == SURFACE_UNRESOLVED {
            *slot = self.surface_slot(id, surface());
        }
        if let Some(c) = self.surface_counts.get_mut(*slot as usize) {
            *c += 1;
        }
    }

    /// Where a surface of term `id` is counted: its slot among the term's
    /// surfaces, added as [`Term::add_surface`] adds it, or
    /// `SURFACE_NONE` when it would not be counted.
    fn surface_slot(&mut self, id: TermId, surface: &'t str) -> u32 {
        let surface = surface.trim_end_matches(['-', '–', '—']);
        if surface.is_empty() {
            return SURFACE_NONE;
        }
        let Some(slot) = self.terms[id as usize].surface_index(surface) else {
            return SURFACE_NONE;
        };
        self.surface_slots.push((id, slot as u8));
        self.surface_counts.push(0);
        (self.surface_counts.len() - 1) as u32
    }

    /// Moves the tallies into the terms once the text is read, and each
    /// term's paragraphs into its place in the paragraph store.
    fn settle(&mut self) {
        for (&(id, slot), &c) in self.surface_slots.iter().zip(&self.surface_counts) {
            if let Some(s) = self.terms[id as usize].surfaces.get_mut(slot as usize) {
                s.1 += c;
            }
        }
        self.surface_slots = Vec::new();
        self.surface_counts = Vec::new();
        // a counting sort of the (term, paragraph) events by term: each
        // term's paragraphs stay in text order, that is ascending
        let mut next = Vec::with_capacity(self.terms.len());
        let mut start = 0u32;
        for (term, tally) in self.terms.iter_mut().zip(&self.tallies) {
            term.count = tally.count;
            term.lower = tally.lower;
            term.cap_mid = tally.cap_mid;
            term.cap_initial = tally.cap_initial;
            term.verbal = tally.verbal;
            term.nominal = tally.nominal;
            term.modifier = tally.modifier;
            term.paragraphs = (start, tally.paragraphs);
            next.push(start);
            start += tally.paragraphs;
        }
        self.tallies = Vec::new();
        let mut store = vec![0u32; start as usize];
        for &(id, paragraph) in &self.paragraph_events {
            if let Some(at) = next.get_mut(id as usize) {
                if let Some(p) = store.get_mut(*at as usize) {
                    *p = paragraph;
                }
                *at += 1;
            }
        }
        self.paragraph_events = Vec::new();
        self.paragraph_store = store;
    }

    /// The word or name term of `key`, made on first sight; `NO_TERM`
    /// once the table is full.
    fn intern(&mut self, key: &str, kind: TermKind) -> TermId {
        let hash = FxBuildHasher.hash_one(key);
        let id = match self.index.get(&hash) {
            None => None,
            Some(&id) if self.terms[id as usize].key == key => Some(id),
            Some(_) => self.index_collisions.get(key).copied(),
        };
        if let Some(id) = id {
            return id;
        }
        if self.terms.len() >= MAX_TERMS {
            return NO_TERM;
        }
        let excluded = kind == TermKind::Word && word_never_topic(key);
        let id = self.terms.len() as TermId;
        self.push_term(Term::new(kind, key.to_string(), excluded));
        match self.index.entry(hash) {
            Entry::Vacant(e) => {
                e.insert(id);
            }
            Entry::Occupied(_) => {
                self.index_collisions.insert(key.to_string(), id);
            }
        }
        id
    }

    /// The term of a spelling with facts `facts`, or `NO_TERM` when it can
    /// never be part of a topic.
    fn word_term(
        &mut self,
        word: &str,
        facts: Facts,
        buf: &mut String,
        capitalised: bool,
    ) -> TermId {
        if !capitalised && is_adverb_or_past(word) {
            return NO_TERM;
        }
        let kind = if capitalised && facts & spelling::ACRONYM != 0 {
            buf.clear();
            buf.extend(word.chars().filter(|c| *c != '.'));
            if buf.ends_with("'S") || buf.ends_with("’S") {
                let n = buf.len() - buf.chars().last().map_or(0, char::len_utf8) - 1;
                buf.truncate(n);
            }
            TermKind::Name
        } else {
            // a stop word whose ending looks plural ("does" of "doesn't")
            // is a stop word, not the lemma its ending suggests ("doe")
            if facts & (spelling::STOP | spelling::GENERIC) != 0 {
                return NO_TERM;
            }
            lexicon::lemma_into(word, buf);
            TermKind::Word
        };
        let id = self.intern(buf, kind);
        if id == NO_TERM || self.terms[id as usize].excluded {
            return NO_TERM;
        }
        id
    }

    /// The term of the phrase of `key`, made on first sight; `NO_TERM`
    /// once the table is full (a refusal that never changes).
    fn phrase_term(&mut self, key: [TermId; 3]) -> TermId {
        if let Some(&id) = self.phrases.get(&key) {
            return id;
        }
        if self.phrases.len() >= MAX_PHRASES || self.terms.len() >= MAX_TERMS {
            return NO_TERM;
        }
        let id = self.terms.len() as TermId;
        let mut term = Term::new(TermKind::Phrase, String::new(), false);
        for &part in key.iter().filter(|&&t| t != NO_TERM) {
            term.parts[usize::from(term.n_parts)] = part;
            term.n_parts += 1;
        }
        self.push_term(term);
        self.phrases.insert(key, id);
        id
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    Lower,
    CapMid,
    CapInitial,
}

/// Words that never make a topic whatever their case; titles ("leader",
/// "nominee") describe people, they are not threads.
fn word_never_topic(key: &str) -> bool {
    // word_class != 0: a stop word or a generic word, in one look-up
    key.chars().count() < 3
        || lexicon::word_class(key) != 0
        || lexicon::is_title_word(key)
        || !key.chars().next().is_some_and(char::is_alphabetic)
}

fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(w) = word.strip_suffix(suffix)
            && !w.is_empty()
        {
            return w;
        }
    }
    word
}

/// The first country named by a word of `words` ("the Russian president").
///
/// Only the role's first word counts, after "the" and "former": "Russian
/// President" names Russia, "president of the African American caucus"
/// does not name the United States.
fn place_in_words(words: &str) -> Option<&'static lexicon::PlaceLink> {
    let mut buf = String::new();
    let first = words
        .split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .find(|w| !matches!(w.to_lowercase().as_str(), "the" | "former" | "then"))?;
    if !is_capitalised(first) {
        return None;
    }
    lexicon::lemma_into(first, &mut buf);
    lexicon::place_of(&buf)
}

#[cfg(test)]
mod tests;
