//! A term: one word, name or phrase of an article, with its counts, its
//! spellings and what its uses say about it (a name, a verb, an
//! adjective). [`super`] fills terms in; this module only answers
//! questions about one.

use super::{MAX_SURFACES, NO_TERM, TermId};
use crate::analysis::topics::lexicon;
use crate::analysis::topics::spelling::is_acronym;
use crate::analysis::{EntityId, EntityKind};

/// What a term is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    /// A single word, lowercase in the text or a capitalised word that
    /// later proves to be a name (see [`Term::is_name`]).
    Word,
    /// Several capitalised words ("South China Sea") or an acronym ("NATO").
    Name,
    /// A recognised entity (all its mentions).
    Entity(EntityId, EntityKind),
    /// Two or three content words in a row.
    Phrase,
}

/// A word, name or phrase of the article with where it occurs.
///
/// Its spellings and canonical name borrow the article (`'t`); its
/// paragraphs are kept by the table (`TermTable::paragraphs`), all
/// terms' lists in one store, so that a term costs no allocation beyond
/// its key.
#[derive(Debug, Clone)]
pub struct Term<'t> {
    pub kind: TermKind,
    /// Lemma-like key of a word or name: "misunderstanding", "south china
    /// sea", "US". Empty for a phrase: its words are its [`Self::parts`],
    /// and it is named by its spellings alone.
    pub key: String,
    /// Occurrences.
    pub count: u32,
    /// Where its paragraph list is in the table's paragraph store (start,
    /// length).
    pub(super) paragraphs: (u32, u32),
    /// Spellings seen, with how often (the first `n_surfaces`).
    pub(super) surfaces: [(&'t str, u32); MAX_SURFACES],
    pub(super) n_surfaces: u8,
    /// For an entity: its canonical name ("Antony Blinken").
    pub name: Option<&'t str>,
    /// Occurrences written lowercase / capitalised inside a sentence /
    /// capitalised at a sentence's start.
    pub lower: u32,
    pub cap_mid: u32,
    pub cap_initial: u32,
    /// True for stop words, generic words and other words that never make
    /// a topic; such terms are only kept to answer the look-up quickly.
    pub excluded: bool,
    /// For phrases: the word terms in reading order (the first `n_parts`).
    pub(super) parts: [TermId; 3],
    pub(super) n_parts: u8,
    /// A country named just before a title that precedes this name
    /// ("Russian President Vladimir Putin" -> Russia).
    pub role_place: Option<usize>,
    /// Occurrences right after a title ("President Biden"): a person.
    pub titled: u32,
    /// Lowercase occurrences followed by an object pronoun ("fills them"):
    /// used as a verb.
    pub verbal: u32,
    /// Lowercase occurrences after a determiner ("the fills"): used as a noun.
    pub nominal: u32,
    /// Lowercase occurrences of a word with an adjective's ending, before
    /// another content word ("presidential debate") or after a copula or
    /// degree word ("was enormous"): used as an adjective.
    pub modifier: u32,
}

impl<'t> Term<'t> {
    pub(super) fn new(kind: TermKind, key: String, excluded: bool) -> Self {
        Term {
            kind,
            key,
            count: 0,
            paragraphs: (0, 0),
            surfaces: [("", 0); MAX_SURFACES],
            n_surfaces: 0,
            name: None,
            lower: 0,
            cap_mid: 0,
            cap_initial: 0,
            excluded,
            parts: [NO_TERM; 3],
            n_parts: 0,
            role_place: None,
            titled: 0,
            verbal: 0,
            nominal: 0,
            modifier: 0,
        }
    }

    /// Spellings seen, with how often, in the order first seen.
    pub fn surfaces(&self) -> &[(&'t str, u32)] {
        &self.surfaces[..usize::from(self.n_surfaces)]
    }

    /// For phrases: the word terms in reading order.
    pub fn parts(&self) -> &[TermId] {
        &self.parts[..usize::from(self.n_parts)]
    }

    /// Paragraphs it occurs in, as a count.
    pub fn n_paragraphs(&self) -> usize {
        self.paragraphs.1 as usize
    }

    /// True when the term names something: an entity, a multi-word name,
    /// or a word mostly written capitalised inside sentences.
    pub fn is_name(&self) -> bool {
        match self.kind {
            TermKind::Name | TermKind::Entity(..) => true,
            TermKind::Phrase => false,
            TermKind::Word => {
                let capitalised = self.cap_mid + self.cap_initial;
                (capitalised > self.lower && lexicon::place_of(&self.key).is_some())
                    || self.cap_mid > self.lower
                    || (self.cap_mid == 0
                        && self.lower == 0
                        && self.cap_initial > 0
                        && lexicon::zipf(&self.key) < 3.5)
            }
        }
    }

    /// True when the word is mostly seen as a verb: more often before an
    /// object pronoun ("fills them") than after a determiner, in at least
    /// half its lowercase uses.
    pub fn is_verb(&self) -> bool {
        self.verbal > self.nominal && 2 * self.verbal >= self.lower
    }

    /// True when the word is mostly seen as an adjective ("enormous",
    /// "presidential"): it has an adjective's ending and modifies or
    /// describes something in at least half its lowercase uses.
    pub fn is_adjective(&self) -> bool {
        self.modifier > 0 && 2 * self.modifier >= self.lower
    }

    /// The spelling used most often (first seen on a tie).
    pub fn surface(&self) -> &str {
        if let Some(name) = self.name {
            // a name recognised in capitals ("BRUSSELS -") reads better as
            // the text writes it elsewhere ("Brussels")
            if name.len() > 4 && is_acronym(name) {
                let plain = self
                    .surfaces()
                    .iter()
                    .find(|(s, _)| s.eq_ignore_ascii_case(name) && !is_acronym(s));
                if let Some((s, _)) = plain {
                    return s;
                }
            }
            return name;
        }
        let mut best: Option<&(&str, u32)> = None;
        for s in self.surfaces() {
            if best.is_none_or(|b| s.1 > b.1) {
                best = Some(s);
            }
        }
        best.map_or(self.key.as_str(), |b| b.0)
    }

    /// Its canonical name or commonest spelling, then its other spellings.
    pub fn spellings(&self) -> Vec<&str> {
        let mut out = vec![self.surface()];
        let mut rest: Vec<&(&str, u32)> = self.surfaces().iter().collect();
        rest.sort_by_key(|s| std::cmp::Reverse(s.1));
        for (s, _) in rest {
            if !out.iter().any(|o| o.eq_ignore_ascii_case(s)) {
                out.push(s);
            }
        }
        out
    }

    /// Where `surface` is among its spellings, added (with no count yet)
    /// when there is room; `None` when there is none.
    pub(super) fn surface_index(&mut self, surface: &'t str) -> Option<usize> {
        let n = usize::from(self.n_surfaces);
        match self.surfaces[..n].iter().position(|s| s.0 == surface) {
            Some(k) => Some(k),
            None if n < MAX_SURFACES => {
                self.surfaces[n] = (surface, 0);
                self.n_surfaces += 1;
                Some(n)
            }
            None => None,
        }
    }

    pub(super) fn add_surface(&mut self, surface: &'t str) {
        // "China- US" in a mangled text: the hyphen is no part of the name
        let surface = surface.trim_end_matches(['-', '–', '—']);
        if surface.is_empty() {
            return;
        }
        if let Some(k) = self.surface_index(surface) {
            self.surfaces[k].1 += 1;
        }
    }
}
