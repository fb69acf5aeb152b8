//! Reading a document into the term table: one pass over its sentences.
//!
//! Entry point: [`TermTable::collect`]. Each sentence's tokens are looked
//! up as spellings first (`topics::spelling`); then every token
//! becomes a slot (a content word, "of", or a break), entity mentions and
//! runs of capitalised words are counted as names, and the slots give the
//! phrases (`phrases`). Speaker tags and datelines that open a paragraph,
//! and the case of title-case headlines, are read for what they are
//! (`labels`). This module only counts; [`super`] keeps the counts.

use super::super::lexicon;
use super::super::mentions::MentionCursor;
use super::super::spelling::{self, Facts, SpellingId, Spellings, TERM_UNKNOWN, UNCACHED};
use super::labels::{is_title_case, paragraph_label_end};
use super::phrases::{PhraseSpellings, Slot};
use super::{
    Case, MAX_TERMS, NO_TERM, Term, TermId, TermKind, TermTable, place_in_words, strip_possessive,
};
use crate::analysis::segment::TokenKind;
use crate::analysis::{Document, Entity, EntityId, EntityKind};

/// What one reading of a document keeps between its sentences.
#[derive(Default)]
struct Reader {
    buf: String,
    spellings: Spellings,
    /// The spelling and facts of each token of the sentence being read.
    sentence: Vec<(SpellingId, Facts)>,
    slots: Vec<Slot>,
    segments: Vec<std::ops::Range<usize>>,
    phrases: PhraseSpellings,
}

impl Reader {
    /// Looks up the spellings of the tokens of one sentence.
    #[inline]
    fn spell(&mut self, doc: &Document<'_>, range: std::ops::Range<usize>) {
        self.sentence.clear();
        let spellings = &mut self.spellings;
        // one reservation for the sentence, no capacity test per token
        self.sentence.extend(doc.tokens[range].iter().map(|t| {
            // no word list holds a punctuation mark or a number, and
            // neither has a fact the reader asks of a neighbour
            if t.kind != TokenKind::Word {
                (UNCACHED, 0)
            } else {
                let span = t.span();
                spellings.look_up(doc.text, span.start, span.end)
            }
        }));
    }
}

impl<'t> TermTable<'t> {
    /// Counts every term of the document in one pass.
    pub fn collect(doc: &Document<'t>, entities: &'t [Entity]) -> Self {
        let mut table = TermTable::with_room(doc.tokens.len());
        let text = doc.text;
        let tokens = &doc.tokens;
        // entity mentions by first token: (end token, entity id)
        let mut mentions = MentionCursor::new(doc, entities);
        let mut rd = Reader::default();
        for (si, range) in doc.sentence_tokens.iter().enumerate() {
            let paragraph = doc.sentences.get(si).map_or(0, |s| s.paragraph) as u32;
            rd.slots.clear();
            rd.spell(doc, range.clone());
            let start = range.start;
            let facts = |rd: &Reader, j: usize| rd.sentence.get(j - start).map_or(0, |s| s.1);
            let mut i = range.start;
            // first word position: after opening quotes and brackets
            let mut first_word = range.start;
            while first_word < range.end && tokens[first_word].kind == TokenKind::Punct {
                first_word += 1;
            }
            let headline = is_title_case(doc, range.clone(), &rd.sentence);
            let opens_paragraph = si == 0
                || doc
                    .sentences
                    .get(si - 1)
                    .is_none_or(|s| s.paragraph as u32 != paragraph);
            let label_end = if opens_paragraph {
                paragraph_label_end(doc, range.clone(), first_word, &rd.sentence)
            } else {
                first_word
            };
            while i < range.end {
                if let Some((end, id)) = mentions.at(i) {
                    let end = end.min(range.end);
                    table.entity_occurrence(doc, entities, id, i, end, paragraph);
                    rd.slots.push(Slot::Break);
                    i = end.max(i + 1);
                    continue;
                }
                if i < label_end {
                    // a speaker tag or dateline: no topic term (an entity
                    // recognised there still counts, above)
                    rd.slots.push(Slot::Break);
                    i += 1;
                    continue;
                }
                let tok = tokens[i];
                if tok.kind != TokenKind::Word {
                    rd.slots.push(Slot::Break);
                    i += 1;
                    continue;
                }
                // the word's text, sliced only when its spelling does not settle it
                let word = || tok.text(text);
                let (spelling, f) = rd.sentence[i - start];
                if f & spelling::CAPITALISED == 0 {
                    if f & spelling::OF != 0 {
                        rd.slots.push(Slot::Of(i));
                        i += 1;
                        continue;
                    }
                    let prev = if i > range.start {
                        facts(&rd, i - 1)
                    } else {
                        0
                    };
                    let next = if i + 1 < range.end {
                        facts(&rd, i + 1)
                    } else {
                        0
                    };
                    let known = rd.spellings.list.get(spelling as usize).map(|s| s.term);
                    let id = if prev & spelling::VERB_MARKER != 0 || known == Some(NO_TERM) {
                        NO_TERM
                    } else {
                        table.word_occurrence(&word, (spelling, f), &mut rd, paragraph, Case::Lower)
                    };
                    if id != NO_TERM {
                        let tally = &mut table.tallies[id as usize];
                        if next & spelling::OBJECT_PRONOUN != 0 {
                            tally.verbal += 1;
                        }
                        if prev & spelling::DETERMINER != 0 {
                            tally.nominal += 1;
                        }
                        if f & spelling::ADJECTIVE_ENDING != 0 {
                            let before_content_word = next & spelling::SHORT_CONTENT != 0
                                && tokens[i + 1].kind == TokenKind::Word;
                            let described = prev & spelling::COPULA != 0;
                            if before_content_word || described {
                                tally.modifier += 1;
                            }
                        }
                    }
                    rd.slots.push(Slot::word(id, i, spelling));
                    i += 1;
                    continue;
                }
                if headline {
                    // every word of a title-case headline is capitalised:
                    // its case says nothing about names
                    let id = table.word_occurrence(
                        &word,
                        (spelling, f),
                        &mut rd,
                        paragraph,
                        Case::CapInitial,
                    );
                    rd.slots.push(Slot::word(id, i, spelling));
                    i += 1;
                    continue;
                }
                // a run of capitalised words (and "of" inside titles), up
                // to a capitalised stop word ("Scrambling For Votes")
                let mut end = i + 1;
                while end < range.end {
                    if mentions.starts_at(end) || tokens[end].kind != TokenKind::Word {
                        break;
                    }
                    let fe = facts(&rd, end);
                    let joins = if fe & spelling::CAPITALISED != 0 {
                        fe & spelling::ACRONYM != 0 || fe & spelling::STOP == 0
                    } else {
                        fe & spelling::OF != 0
                            && facts(&rd, end - 1) & spelling::STARTS_TITLE != 0
                            && end + 1 < range.end
                            && facts(&rd, end + 1) & spelling::CAPITALISED != 0
                    };
                    if !joins {
                        break;
                    }
                    end += 1;
                }
                table.capitalised_run(doc, i..end, start, i == first_word, &mut rd, paragraph);
                rd.slots.push(Slot::Break);
                i = end;
            }
            let slots = std::mem::take(&mut rd.slots);
            table.phrases_of(doc, &slots, paragraph, &mut rd.phrases);
            rd.slots = slots;
        }
        table.settle();
        table
    }

    /// Counts one word spelled as remembered spelling `spelling` (or
    /// `UNCACHED`) with facts `facts`; returns its term, or `NO_TERM` when
    /// it can never be part of a topic.
    fn word_occurrence(
        &mut self,
        word: &impl Fn() -> &'t str,
        (spelling, facts): (SpellingId, Facts),
        rd: &mut Reader,
        paragraph: u32,
        case: Case,
    ) -> TermId {
        // the spelling decides the term: worked out once per spelling
        let remembered = rd.spellings.list.get_mut(spelling as usize);
        let id = match remembered.as_ref().map(|s| s.term) {
            Some(TERM_UNKNOWN) | None => {
                let id = self.word_term(word(), facts, &mut rd.buf, case != Case::Lower);
                if let Some(s) = rd.spellings.list.get_mut(spelling as usize) {
                    s.term = id;
                }
                id
            }
            Some(id) => id,
        };
        if id == NO_TERM {
            return NO_TERM;
        }
        let tally = &mut self.tallies[id as usize];
        match case {
            Case::Lower => tally.lower += 1,
            Case::CapMid => tally.cap_mid += 1,
            Case::CapInitial => tally.cap_initial += 1,
        }
        if self.count(id, paragraph) {
            match rd.spellings.list.get_mut(spelling as usize) {
                Some(s) => self.count_surface(id, &mut s.surface, || strip_possessive(word())),
                None => self.terms[id as usize].add_surface(strip_possessive(word())),
            }
        }
        id
    }

    /// Names in a run of capitalised words, split at titles.
    fn capitalised_run(
        &mut self,
        doc: &Document<'t>,
        run: std::ops::Range<usize>,
        sentence_start: usize,
        at_start: bool,
        rd: &mut Reader,
        paragraph: u32,
    ) {
        let text = doc.text;
        let word = |i: usize| doc.tokens[i].text(text);
        let start = run.start;
        let mut segments = std::mem::take(&mut rd.segments);
        segments.clear();
        // the facts of token `i` of the run
        let facts = |rd: &Reader, i: usize| rd.sentence[i - sentence_start].1;
        // segments between titles; a title starts at a title word and runs
        // through title continuations
        let mut place_before_title: Option<usize> = None;
        let mut role_place: Option<usize> = None;
        let mut seg_start = run.start;
        let mut i = run.start;
        while i < run.end {
            if facts(rd, i) & spelling::STARTS_TITLE != 0 {
                if seg_start < i {
                    segments.push(seg_start..i);
                }
                // the place named just before the title
                if let Some(prev) = segments.last()
                    && prev.end == i
                {
                    lexicon::lemma_into(word(prev.end - 1), &mut rd.buf);
                    place_before_title = lexicon::place_of(&rd.buf).map(|p| p.id);
                }
                let mut j = i + 1;
                while j < run.end && facts(rd, j) & spelling::CONTINUES_TITLE != 0 {
                    j += 1;
                }
                i = j;
                seg_start = j;
                role_place = place_before_title.take();
                continue;
            }
            i += 1;
        }
        let last_after_title = seg_start > run.start && seg_start < run.end;
        if seg_start < run.end {
            segments.push(seg_start..run.end);
        }
        let n_segments = segments.len();
        for (k, seg) in segments.iter().enumerate() {
            let mut s = seg.start;
            // leading stop words ("The", "In"), and a generic word that
            // opens the sentence ("Officials", "Friday")
            while s < seg.end {
                let f = facts(rd, s);
                if f & spelling::ACRONYM != 0 {
                    break;
                }
                let opens = at_start && s == start;
                let vague = f & spelling::STOP != 0 || (opens && f & spelling::GENERIC != 0);
                if vague {
                    s += 1;
                } else {
                    break;
                }
            }
            if s >= seg.end {
                continue;
            }
            let id = if seg.end - s == 1 {
                let case = if s == run.start && at_start {
                    Case::CapInitial
                } else {
                    Case::CapMid
                };
                let spelling = rd.sentence[s - sentence_start];
                self.word_occurrence(&|| word(s), spelling, rd, paragraph, case)
            } else {
                let buf = &mut rd.buf;
                buf.clear();
                for t in s..seg.end {
                    if t > s {
                        buf.push(' ');
                    }
                    let w = if t + 1 == seg.end {
                        strip_possessive(word(t))
                    } else {
                        word(t)
                    };
                    buf.extend(w.chars().filter(|c| *c != '.').flat_map(char::to_lowercase));
                }
                let id = self.intern(buf, TermKind::Name);
                if id != NO_TERM {
                    let first = doc.tokens[s].span().start;
                    let last = doc.tokens[seg.end - 1].span();
                    let surface = strip_possessive(&text[first..last.end]);
                    self.occur(id, paragraph, surface);
                }
                id
            };
            if id != NO_TERM && last_after_title && k + 1 == n_segments {
                let term = &mut self.terms[id as usize];
                term.titled += 1;
                if let Some(p) = role_place {
                    term.role_place.get_or_insert(p);
                }
            }
        }
        rd.segments = segments;
    }

    fn entity_occurrence(
        &mut self,
        doc: &Document<'t>,
        entities: &'t [Entity],
        id: EntityId,
        start: usize,
        end: usize,
        paragraph: u32,
    ) {
        let Some(entity) = entities.get(id) else {
            return;
        };
        if matches!(
            entity.kind,
            EntityKind::Money | EntityKind::Date | EntityKind::Quantity
        ) {
            return;
        }
        let term = match self.entity_terms.get(&id) {
            Some(&t) => t,
            None => {
                if self.terms.len() >= MAX_TERMS {
                    return;
                }
                let t = self.terms.len() as TermId;
                let mut term = Term::new(
                    TermKind::Entity(id, entity.kind),
                    entity.name.to_lowercase(),
                    false,
                );
                term.name = Some(&entity.name);
                term.role_place = entity
                    .role
                    .as_deref()
                    .and_then(place_in_words)
                    .map(|p| p.id);
                self.push_term(term);
                self.entity_terms.insert(id, t);
                t
            }
        };
        let first = doc.tokens[start].span().start;
        let last = doc.tokens[end.saturating_sub(1).max(start)].span().end;
        let surface = strip_possessive(&doc.text[first..last]);
        self.occur(term, paragraph, surface);
    }
}
