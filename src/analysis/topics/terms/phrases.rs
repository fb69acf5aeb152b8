//! Phrases: two or three adjacent content words of a sentence, and "B of
//! A" counted as "A B" ("lines of communication" = "communication lines").
//!
//! Entry point: `TermTable::phrases_of`, given the slots the reader made
//! of one sentence. A phrase seen before is found by its words' spellings
//! in one look-up. This module only counts; [`super`] keeps the counts.

use super::super::spelling::{SURFACE_UNRESOLVED, SpellingId, UNCACHED};
use super::{MAX_PHRASES, NO_TERM, TermId, TermTable};
use crate::analysis::Document;
use rustc_hash::FxHashMap;

/// One position in a sentence as the phrase finder sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Slot {
    /// A lowercase content word: its term, token index and spelling.
    Word(TermId, usize, SpellingId),
    /// The word "of".
    Of(usize),
    /// Anything that ends a phrase.
    Break,
}

impl Slot {
    /// The slot of a word read as term `id` (a break when it was refused).
    pub(super) fn word(id: TermId, token: usize, spelling: SpellingId) -> Self {
        if id == NO_TERM {
            Slot::Break
        } else {
            Slot::Word(id, token, spelling)
        }
    }
}

/// Phrases counted by the spellings of their words: the phrase's term
/// (`NO_TERM` when it was refused) and where its surface is counted.
pub(super) type PhraseSpellings = FxHashMap<[SpellingId; 3], (TermId, u32)>;

/// Third key word of a two-word phrase in [`PhraseSpellings`].
const TWO_WORDS: SpellingId = SpellingId::MAX - 1;
/// Third key word of a "B of A" phrase in [`PhraseSpellings`].
const OF_PHRASE: SpellingId = SpellingId::MAX - 2;
/// Most phrases remembered by spelling; later new ones are counted by
/// their terms alone.
const MAX_PHRASE_SPELLINGS: usize = 2 * MAX_PHRASES;

impl<'t> TermTable<'t> {
    /// Phrases of two or three adjacent content words, and "B of A".
    pub(super) fn phrases_of(
        &mut self,
        doc: &Document<'t>,
        slots: &[Slot],
        paragraph: u32,
        spelled: &mut PhraseSpellings,
    ) {
        let text = doc.text;
        let span_text = |a: usize, b: usize| {
            let s = doc.tokens[a].span().start;
            let e = doc.tokens[b].span().end;
            &text[s..e]
        };
        // true when token `b` follows token `a` after one space: then the
        // spellings of a phrase's words give its surface
        let spaced = |a: usize, b: usize| {
            let end = doc.tokens[a].span().end;
            doc.tokens[b].span().start == end + 1 && text.as_bytes().get(end) == Some(&b' ')
        };
        for (k, slot) in slots.iter().enumerate() {
            let Slot::Word(first, first_tok, first_spelling) = *slot else {
                continue;
            };
            let mut key = [NO_TERM; 3];
            let mut spelling = [first_spelling, TWO_WORDS, TWO_WORDS];
            let mut by_spelling = first_spelling != UNCACHED;
            key[0] = first;
            let mut prev_tok = first_tok;
            for n in 1..3 {
                let Some(&Slot::Word(next, tok, next_spelling)) = slots.get(k + n) else {
                    break;
                };
                key[n] = next;
                spelling[n] = next_spelling;
                by_spelling &= next_spelling != UNCACHED && spaced(prev_tok, tok);
                prev_tok = tok;
                let surface = span_text(first_tok, tok);
                self.phrase_occurrence(
                    key,
                    by_spelling.then_some(spelling),
                    spelled,
                    paragraph,
                    surface,
                );
            }
            // "lines of communication" counts as "communication lines"
            if let (Some(&Slot::Of(of)), Some(&Slot::Word(b, b_tok, b_spelling))) =
                (slots.get(k + 1), slots.get(k + 2))
            {
                let by_spelling = first_spelling != UNCACHED
                    && b_spelling != UNCACHED
                    && spaced(first_tok, of)
                    && spaced(of, b_tok);
                let spelling = [first_spelling, b_spelling, OF_PHRASE];
                let surface = span_text(first_tok, b_tok);
                self.phrase_occurrence(
                    [b, first, NO_TERM],
                    by_spelling.then_some(spelling),
                    spelled,
                    paragraph,
                    surface,
                );
            }
        }
    }

    /// Counts one phrase with terms `key`; `spelling` (when given) keys
    /// the phrase and its surface by its words' spellings, so that a
    /// phrase seen before costs one look-up.
    fn phrase_occurrence(
        &mut self,
        key: [TermId; 3],
        spelling: Option<[SpellingId; 3]>,
        spelled: &mut PhraseSpellings,
        paragraph: u32,
        surface: &'t str,
    ) {
        if let Some(sk) = spelling
            && let Some(entry) = spelled.get_mut(&sk)
        {
            let id = entry.0;
            if id != NO_TERM && self.count(id, paragraph) {
                self.count_surface(id, &mut entry.1, || surface);
            }
            return;
        }
        let id = self.phrase_term(key);
        let mut slot = SURFACE_UNRESOLVED;
        if id != NO_TERM && self.count(id, paragraph) {
            if spelling.is_some() {
                self.count_surface(id, &mut slot, || surface);
            } else {
                self.terms[id as usize].add_surface(surface);
            }
        }
        if let Some(sk) = spelling
            && spelled.len() < MAX_PHRASE_SPELLINGS
        {
            spelled.insert(sk, (id, slot));
        }
    }
}
