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
//! for its spelling ([`super::spelling`]: the facts asked about a word are
//! worked out once per distinct spelling, and so is its term and where its
//! surface is counted), one per phrase window (keyed by its words'
//! spellings), and the number of distinct terms and phrases is capped.
//! This module decides nothing about topics.

use super::lexicon::{self, ShortLower};
use super::mentions::MentionCursor;
use super::spelling::{
    self, Facts, SURFACE_NONE, SURFACE_UNRESOLVED, SpellingId, Spellings, TERM_UNKNOWN, UNCACHED,
    is_acronym, is_capitalised,
};
use crate::analysis::segment::TokenKind;
use crate::analysis::{Document, Entity, EntityId, EntityKind};
use rustc_hash::FxHashMap;

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
#[derive(Debug, Clone)]
pub struct Term {
    pub kind: TermKind,
    /// Lemma-like key: "misunderstanding", "south china sea", "US".
    pub key: String,
    /// Occurrences.
    pub count: u32,
    /// Paragraph indices, ascending, without repeats.
    pub paragraphs: Vec<u32>,
    /// Spellings seen, with how often.
    pub surfaces: Vec<(String, u32)>,
    /// For an entity: its canonical name ("Antony Blinken").
    pub name: Option<String>,
    /// Occurrences written lowercase / capitalised inside a sentence /
    /// capitalised at a sentence's start.
    pub lower: u32,
    pub cap_mid: u32,
    pub cap_initial: u32,
    /// True for stop words, generic words and other words that never make
    /// a topic; such terms are only kept to answer the look-up quickly.
    pub excluded: bool,
    /// For phrases: the word terms in reading order.
    pub parts: Vec<TermId>,
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

impl Term {
    fn new(kind: TermKind, key: String, excluded: bool) -> Self {
        Term {
            kind,
            key,
            count: 0,
            paragraphs: Vec::new(),
            surfaces: Vec::new(),
            name: None,
            lower: 0,
            cap_mid: 0,
            cap_initial: 0,
            excluded,
            parts: Vec::new(),
            role_place: None,
            titled: 0,
            verbal: 0,
            nominal: 0,
            modifier: 0,
        }
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
                        && lexicon::zipf(&self.key) < 3.5
                        && self.cap_initial > 0)
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
        if let Some(name) = &self.name {
            // a name recognised in capitals ("BRUSSELS -") reads better as
            // the text writes it elsewhere ("Brussels")
            if name.len() > 4 && is_acronym(name) {
                let plain = self
                    .surfaces
                    .iter()
                    .find(|(s, _)| s.eq_ignore_ascii_case(name) && !is_acronym(s));
                if let Some((s, _)) = plain {
                    return s;
                }
            }
            return name;
        }
        let mut best: Option<&(String, u32)> = None;
        for s in &self.surfaces {
            if best.is_none_or(|b| s.1 > b.1) {
                best = Some(s);
            }
        }
        best.map_or(self.key.as_str(), |b| b.0.as_str())
    }

    /// Its canonical name or commonest spelling, then its other spellings.
    pub fn spellings(&self) -> Vec<&str> {
        let mut out = vec![self.surface()];
        let mut rest: Vec<&(String, u32)> = self.surfaces.iter().collect();
        rest.sort_by_key(|s| std::cmp::Reverse(s.1));
        for (s, _) in rest {
            if !out.iter().any(|o| o.eq_ignore_ascii_case(s)) {
                out.push(s);
            }
        }
        out
    }

    fn add_surface(&mut self, surface: &str) {
        // "China- US" in a mangled text: the hyphen is no part of the name
        let surface = surface.trim_end_matches(['-', '–', '—']);
        if surface.is_empty() {
            return;
        }
        if let Some(s) = self.surfaces.iter_mut().find(|s| s.0 == surface) {
            s.1 += 1;
        } else if self.surfaces.len() < MAX_SURFACES {
            self.surfaces.push((surface.to_string(), 1));
        }
    }
}

/// The counts of a term kept while the text is read, apart from the rest
/// of it: small and together, so counting touches one record.
#[derive(Debug, Clone)]
struct Tally {
    count: u32,
    /// The last paragraph recorded (`u32::MAX` before the first).
    last_paragraph: u32,
    lower: u32,
    cap_mid: u32,
    cap_initial: u32,
    verbal: u32,
    nominal: u32,
    modifier: u32,
    paragraphs: Vec<u32>,
}

impl Default for Tally {
    fn default() -> Self {
        Tally {
            count: 0,
            last_paragraph: u32::MAX,
            lower: 0,
            cap_mid: 0,
            cap_initial: 0,
            verbal: 0,
            nominal: 0,
            modifier: 0,
            paragraphs: Vec::new(),
        }
    }
}

/// Every term of an article.
#[derive(Debug, Default)]
pub struct TermTable {
    pub terms: Vec<Term>,
    tallies: Vec<Tally>,
    index: FxHashMap<String, TermId>,
    phrases: FxHashMap<[TermId; 3], TermId>,
    /// Term of each entity, by entity id.
    entity_terms: FxHashMap<EntityId, TermId>,
    /// Surfaces counted through a remembered spelling: the term and its
    /// slot among the term's surfaces, and the count, added to the term
    /// once the text is read.
    surface_slots: Vec<(TermId, u8)>,
    surface_counts: Vec<u32>,
}

/// One position in a sentence as the phrase finder sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Slot {
    /// A lowercase content word: its term, token index and spelling.
    Word(TermId, usize, SpellingId),
    /// The word "of".
    Of(usize),
    /// Anything that ends a phrase.
    Break,
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

fn is_dash(punct: &str) -> bool {
    punct.starts_with(['-', '–', '—', '―'])
}

/// The tokens that open a paragraph without being part of its prose: a
/// transcript speaker tag ("WALLACE:"), a dateline ("FLINT, Mich. —",
/// "WASHINGTON (AP) —"), or a stage direction or section head written in
/// capitals alone ("(CROSSTALK.)", "FULL TEXT."). Returns the first token
/// after them (`first_word` when there are none).
fn paragraph_label_end(
    doc: &Document<'_>,
    range: std::ops::Range<usize>,
    first_word: usize,
) -> usize {
    let tokens = &doc.tokens;
    let text = doc.text;
    let caps = |i: usize| tokens[i].kind == TokenKind::Word && is_acronym(tokens[i].text(text));
    let mut run = first_word;
    while run < range.end && caps(run) {
        run += 1;
    }
    if run == first_word {
        return first_word;
    }
    // capitals and punctuation alone
    if run - first_word <= 3
        && tokens[run..range.end]
            .iter()
            .all(|t| t.kind == TokenKind::Punct)
    {
        return range.end;
    }
    let next = tokens[run.min(range.end - 1)];
    if run >= range.end || next.kind != TokenKind::Punct {
        return first_word;
    }
    let p = next.text(text);
    if p == ":" || is_dash(p) {
        return run + 1;
    }
    if p == "," || p == "(" {
        // a dateline goes on with state, date and agency up to a dash,
        // all capitalised or numbers
        let window = run + 1..(run + 12).min(range.end);
        for (j, t) in tokens[window.clone()].iter().enumerate() {
            let j = window.start + j;
            let w = t.text(text);
            match t.kind {
                TokenKind::Punct if is_dash(w) => return j + 1,
                TokenKind::Word if !is_capitalised(w) => return first_word,
                _ => {}
            }
        }
    }
    first_word
}

/// A headline written in title case: four or more words of four letters
/// or more, nearly all capitalised.
fn is_title_case(doc: &Document<'_>, range: std::ops::Range<usize>) -> bool {
    let mut long = 0usize;
    let mut capitalised = 0usize;
    let bytes = doc.text.as_bytes();
    let tokens = &doc.tokens[range];
    for (k, t) in tokens.iter().enumerate() {
        if t.kind == TokenKind::Word && t.span().len() >= 4 {
            long += 1;
            // the first letter, read without slicing the text in the common (ASCII) case
            let capital = match bytes.get(t.span().start) {
                Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                _ => is_capitalised(t.text(doc.text)),
            };
            capitalised += usize::from(capital);
            // settled once even all the words left capitalised could not
            // reach four in five (capitalised >= 4 * lowercase)
            let left = tokens.len() - k - 1;
            if capitalised + left < 4 * (long - capitalised) {
                return false;
            }
        }
    }
    long >= 4 && capitalised * 10 >= long * 8
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

/// Phrases counted by the spellings of their words: the phrase's term
/// (`NO_TERM` when it was refused) and where its surface is counted.
type PhraseSpellings = FxHashMap<[SpellingId; 3], (TermId, u32)>;

/// Third key word of a two-word phrase in [`PhraseSpellings`].
const TWO_WORDS: SpellingId = SpellingId::MAX - 1;
/// Third key word of a "B of A" phrase in [`PhraseSpellings`].
const OF_PHRASE: SpellingId = SpellingId::MAX - 2;
/// Most phrases remembered by spelling; later new ones are counted by
/// their terms alone.
const MAX_PHRASE_SPELLINGS: usize = 2 * MAX_PHRASES;

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
    fn spell(&mut self, doc: &Document<'_>, range: std::ops::Range<usize>) {
        self.sentence.clear();
        for t in &doc.tokens[range] {
            // no word list holds a punctuation mark
            let s = if t.kind == TokenKind::Punct {
                (UNCACHED, 0)
            } else {
                let span = t.span();
                self.spellings.look_up(doc.text, span.start, span.end)
            };
            self.sentence.push(s);
        }
    }
}

impl TermTable {
    /// Counts every term of the document in one pass.
    pub fn collect(doc: &Document<'_>, entities: &[Entity]) -> Self {
        let mut table = TermTable::default();
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
            let headline = is_title_case(doc, range.clone());
            let opens_paragraph = si == 0
                || doc
                    .sentences
                    .get(si - 1)
                    .is_none_or(|s| s.paragraph as u32 != paragraph);
            let label_end = if opens_paragraph {
                paragraph_label_end(doc, range.clone(), first_word)
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
                let word = tok.text(text);
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
                        table.word_occurrence(word, spelling, &mut rd, paragraph, Case::Lower)
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
                    rd.slots.push(if id == NO_TERM {
                        Slot::Break
                    } else {
                        Slot::Word(id, i, spelling)
                    });
                    i += 1;
                    continue;
                }
                if headline {
                    // every word of a title-case headline is capitalised:
                    // its case says nothing about names
                    let id =
                        table.word_occurrence(word, spelling, &mut rd, paragraph, Case::CapInitial);
                    rd.slots.push(if id == NO_TERM {
                        Slot::Break
                    } else {
                        Slot::Word(id, i, spelling)
                    });
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

    fn push_term(&mut self, term: Term) {
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
            tally.paragraphs.push(paragraph);
        }
        tally.count <= SURFACE_SAMPLE
    }

    /// Counts one occurrence of term `id` in `paragraph`, spelled `surface`.
    fn occur(&mut self, id: TermId, paragraph: u32, surface: &str) {
        if self.count(id, paragraph) {
            self.terms[id as usize].add_surface(surface);
        }
    }

    /// Counts a surface of term `id` through `slot`, a remembered
    /// spelling's place in [`Self::surface_counts`], found on first use.
    #[inline]
    fn count_surface<'s>(&mut self, id: TermId, slot: &mut u32, surface: impl FnOnce() -> &'s str) {
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
    fn surface_slot(&mut self, id: TermId, surface: &str) -> u32 {
        let surfaces = &mut self.terms[id as usize].surfaces;
        let surface = surface.trim_end_matches(['-', '–', '—']);
        if surface.is_empty() {
            return SURFACE_NONE;
        }
        let slot = match surfaces.iter().position(|s| s.0 == surface) {
            Some(k) => k,
            None if surfaces.len() < MAX_SURFACES => {
                surfaces.push((surface.to_string(), 0));
                surfaces.len() - 1
            }
            None => return SURFACE_NONE,
        };
        self.surface_slots.push((id, slot as u8));
        self.surface_counts.push(0);
        (self.surface_counts.len() - 1) as u32
    }

    /// Moves the tallies into the terms once the text is read.
    fn settle(&mut self) {
        for (&(id, slot), &c) in self.surface_slots.iter().zip(&self.surface_counts) {
            if let Some(s) = self.terms[id as usize].surfaces.get_mut(slot as usize) {
                s.1 += c;
            }
        }
        self.surface_slots = Vec::new();
        self.surface_counts = Vec::new();
        for (term, tally) in self.terms.iter_mut().zip(self.tallies.drain(..)) {
            term.count = tally.count;
            term.lower = tally.lower;
            term.cap_mid = tally.cap_mid;
            term.cap_initial = tally.cap_initial;
            term.verbal = tally.verbal;
            term.nominal = tally.nominal;
            term.modifier = tally.modifier;
            term.paragraphs = tally.paragraphs;
        }
    }

    fn intern(&mut self, key: &str, kind: TermKind) -> TermId {
        if let Some(&id) = self.index.get(key) {
            return id;
        }
        if self.terms.len() >= MAX_TERMS {
            return NO_TERM;
        }
        let excluded = kind == TermKind::Word && word_never_topic(key);
        let id = self.terms.len() as TermId;
        self.push_term(Term::new(kind, key.to_string(), excluded));
        self.index.insert(key.to_string(), id);
        id
    }

    /// Counts one word spelled as remembered spelling `spelling` (or
    /// `UNCACHED`); returns its term, or `NO_TERM` when it can never be
    /// part of a topic.
    fn word_occurrence(
        &mut self,
        word: &str,
        spelling: SpellingId,
        rd: &mut Reader,
        paragraph: u32,
        case: Case,
    ) -> TermId {
        // the spelling decides the term: worked out once per spelling
        let remembered = rd.spellings.list.get_mut(spelling as usize);
        let id = match remembered.as_ref().map(|s| s.term) {
            Some(TERM_UNKNOWN) | None => {
                let id = self.word_term(word, &mut rd.buf, case != Case::Lower);
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
                Some(s) => self.count_surface(id, &mut s.surface, || strip_possessive(word)),
                None => self.terms[id as usize].add_surface(strip_possessive(word)),
            }
        }
        id
    }

    /// The term of a spelling, or `NO_TERM` when it can never be part of a
    /// topic.
    fn word_term(&mut self, word: &str, buf: &mut String, capitalised: bool) -> TermId {
        if !capitalised && is_adverb_or_past(word) {
            return NO_TERM;
        }
        let kind = if capitalised && is_acronym(word) {
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
            let vague = ShortLower::of(word)
                .is_some_and(|l| lexicon::is_stop_word(&l) || lexicon::is_generic(&l));
            if vague {
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

    /// Names in a run of capitalised words, split at titles.
    fn capitalised_run(
        &mut self,
        doc: &Document<'_>,
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
                let spelling = rd.sentence[s - sentence_start].0;
                self.word_occurrence(word(s), spelling, rd, paragraph, case)
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
        doc: &Document<'_>,
        entities: &[Entity],
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
                term.name = Some(entity.name.clone());
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

    /// Phrases of two or three adjacent content words, and "B of A".
    fn phrases_of(
        &mut self,
        doc: &Document<'_>,
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
        surface: &str,
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
        let parts: Vec<TermId> = key.iter().copied().filter(|&t| t != NO_TERM).collect();
        let words: Vec<&str> = parts
            .iter()
            .map(|&p| self.terms[p as usize].key.as_str())
            .collect();
        let mut term = Term::new(TermKind::Phrase, words.join(" "), false);
        term.parts = parts;
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
    key.chars().count() < 3
        || lexicon::is_stop_word(key)
        || lexicon::is_generic(key)
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
mod tests {
    use super::*;

    fn table(text: &str) -> (TermTable, Document<'_>) {
        let doc = Document::new(text);
        (TermTable::collect(&doc, &[]), doc)
    }

    fn find<'a>(t: &'a TermTable, key: &str) -> Option<&'a Term> {
        t.terms.iter().find(|x| x.key == key)
    }

    #[test]
    fn words_are_counted_by_lemma_with_paragraphs() {
        let (t, _) = table("The tariffs rose.\nA tariff fell again.\nNothing here.\nTariffs!");
        let term = find(&t, "tariff").expect("tariff");
        assert_eq!(term.count, 3);
        assert_eq!(term.paragraphs, vec![0, 1, 3]);
    }

    #[test]
    fn stop_and_generic_words_are_not_terms() {
        let (t, _) = table("Officials said the issue was about 40 things.");
        for key in ["official", "said", "the", "issue", "40", "thing"] {
            assert!(find(&t, key).is_none_or(|x| x.count == 0), "{key}");
        }
    }

    #[test]
    fn titles_split_names_and_link_roles_to_places() {
        let (t, _) = table("Talks began after Russian President Vladimir Putin arrived in Berlin.");
        let putin = find(&t, "vladimir putin").expect("putin");
        assert_eq!(putin.role_place, lexicon::place_of("russia").map(|p| p.id));
        assert!(find(&t, "berlin").is_some_and(Term::is_name));
        assert!(find(&t, "russian").is_some_and(Term::is_name));
    }

    #[test]
    fn of_phrases_fold_into_compounds() {
        let (t, _) = table(
            "Both kept the lines of communication open.\nThe communication lines stayed open.",
        );
        let p = find(&t, "communication line").expect("phrase");
        assert_eq!(p.count, 2);
        assert_eq!(p.paragraphs, vec![0, 1]);
    }

    fn counted(t: &TermTable, key: &str) -> u32 {
        find(t, key).map_or(0, |x| x.count)
    }

    #[test]
    fn transcript_speaker_tags_are_not_terms() {
        let (t, _) = table(
            "HOLT: Let me ask you about the pipeline budget.\n\
             \"MARSH: The pipeline budget will pass, and NATO agrees.\n\
             (CROSSTALK.)\n\
             HOLT: Thank you, Governor.",
        );
        for key in ["HOLT", "MARSH", "CROSSTALK"] {
            assert_eq!(counted(&t, key), 0, "{key}");
        }
        assert_eq!(counted(&t, "pipeline"), 2);
        // capitals inside the prose are still names
        assert_eq!(counted(&t, "NATO"), 1);
    }

    #[test]
    fn datelines_are_not_terms_but_acronyms_opening_a_paragraph_are() {
        let (t, _) = table(
            "RIVERTON, Ohio, May 3 (AP) — The council voted to raise water rates.\n\
             WASHINGTON — Senators debated the water rates.\n\
             NATO leaders met in Riverton on Friday.\n\
             NATO, the alliance, said little.",
        );
        assert_eq!(counted(&t, "RIVERTON"), 0);
        assert_eq!(counted(&t, "WASHINGTON"), 0);
        assert_eq!(counted(&t, "AP"), 0);
        assert_eq!(counted(&t, "riverton"), 1);
        assert_eq!(counted(&t, "NATO"), 2);
    }

    #[test]
    fn words_used_as_verbs_with_an_object_are_verbs() {
        let (t, _) = table(
            "The verdict fills them with anger.\nThe drought fills them with fear.\n\
             They tax them heavily.\nThe tax on fuel rose.\nA tax cut failed.\n\
             Prices grew and the leaders met.",
        );
        assert!(find(&t, "fill").is_some_and(Term::is_verb));
        assert!(find(&t, "tax").is_some_and(|x| !x.is_verb()));
        assert!(find(&t, "drought").is_some_and(|x| !x.is_verb()));
        assert_eq!(counted(&t, "grew"), 0);
        let (t, _) = table("The plan does not work, and the law doesn't help.\nThe budget does.");
        assert_eq!(counted(&t, "doe"), 0);
        assert_eq!(counted(&t, "met"), 0);
    }

    #[test]
    fn words_with_an_adjective_ending_that_modify_are_adjectives() {
        let (t, _) = table(
            "The presidential debate drew a huge crowd.\nThe crowd was enormous.\n\
             Her presidential campaign said the turnout was enormous.\n\
             The narrative shifted.\nVoters rejected the narrative.\nA narrative of decline spread.",
        );
        assert!(find(&t, "presidential").is_some_and(Term::is_adjective));
        assert!(find(&t, "enormous").is_some_and(Term::is_adjective));
        // a noun with the same ending, mostly heading its phrase, stays a noun
        assert!(find(&t, "narrative").is_some_and(|x| !x.is_adjective()));
        assert!(find(&t, "crowd").is_some_and(|x| !x.is_adjective()));
    }

    #[test]
    fn acronyms_are_names_apart_from_pronouns() {
        let (t, _) = table("The US told us that U.S. aid would come.");
        let us = find(&t, "US").expect("US");
        assert_eq!(us.count, 2);
        assert!(us.is_name());
    }
}
