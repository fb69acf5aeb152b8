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
//! Time and memory are linear in the text: one hash look-up per word, one
//! per phrase window, and the number of distinct terms and phrases is
//! capped. This module decides nothing about topics.

use super::lexicon::{self, ShortLower};
use crate::analysis::segment::TokenKind;
use crate::analysis::{Document, Entity, EntityId, EntityKind, Span};
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
/// of it: small and together, so counting stays in the cache.
#[derive(Debug, Clone, Copy)]
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
}

/// One position in a sentence as the phrase finder sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Slot {
    /// A lowercase content word: its term and token index.
    Word(TermId, usize),
    /// The word "of".
    Of(usize),
    /// Anything that ends a phrase.
    Break,
}

const NO_TERM: TermId = TermId::MAX;

/// Words after which a lowercase word is a verb, not a topic ("to
/// avoid"), as written inside a sentence: the reference [`VERB_MARKERS`]
/// (which the reading uses) is tested against.
#[cfg(test)]
fn is_verb_marker(lower: &str) -> bool {
    matches!(
        lower,
        "to" | "will"
            | "would"
            | "could"
            | "should"
            | "can"
            | "may"
            | "might"
            | "must"
            | "did"
            | "does"
            | "do"
            | "not"
            | "n't"
            | "they"
            | "we"
            | "i"
            | "you"
            | "he"
            | "she"
            | "it"
            | "who"
    )
}

/// The verb markers of [`is_verb_marker`], packed as [`packed_short`] packs them.
const VERB_MARKERS: [u64; 22] = [
    pack("to"),
    pack("will"),
    pack("would"),
    pack("could"),
    pack("should"),
    pack("can"),
    pack("may"),
    pack("might"),
    pack("must"),
    pack("did"),
    pack("does"),
    pack("do"),
    pack("not"),
    pack("n't"),
    pack("they"),
    pack("we"),
    pack("i"),
    pack("you"),
    pack("he"),
    pack("she"),
    pack("it"),
    pack("who"),
];

/// The bytes of a word of at most 7 bytes in one integer, its length in
/// the top byte (so no two words share one).
const fn pack(word: &str) -> u64 {
    let b = word.as_bytes();
    let mut x = (b.len() as u64) << 56;
    let mut k = 0;
    while k < b.len() && k < 7 {
        x |= (b[k] as u64) << (8 * k);
        k += 1;
    }
    x
}

/// [`pack`] of the word at bytes `start..end` of `text` (at most 7 bytes),
/// read as one 8-byte load where the text goes on far enough.
#[inline]
fn packed_short(text: &[u8], start: usize, end: usize) -> Option<u64> {
    let n = end.checked_sub(start).filter(|&n| n <= 7)?;
    let bytes = match text.get(start..start + 8).map(<[u8; 8]>::try_from) {
        Some(Ok(b)) => u64::from_le_bytes(b),
        _ => {
            let mut buf = [0u8; 8];
            buf[..n].copy_from_slice(text.get(start..end)?);
            u64::from_le_bytes(buf)
        }
    };
    let mask = (1u64 << (8 * n)) - 1;
    Some(bytes & mask | (n as u64) << 56)
}

/// True when token `t` is a verb marker ([`is_verb_marker`]), compared as
/// one integer.
#[inline]
fn token_is_verb_marker(text: &str, t: crate::analysis::segment::Token) -> bool {
    let s = t.span();
    packed_short(text.as_bytes(), s.start, s.end).is_some_and(|k| VERB_MARKERS.contains(&k))
}

/// Words that, right after a lowercase word, show it is a verb with its
/// object ("fills them", "told him"): a noun is never followed by them.
fn is_object_pronoun(word: &str) -> bool {
    matches!(
        word,
        "them" | "him" | "me" | "himself" | "herself" | "themselves" | "myself" | "itself"
    )
}

/// Words before a lowercase word that show it is a noun ("the trade").
fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our" | "my" | "your" | "this"
    )
}

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

/// Endings of adjectives ("enormous", "eligible", "presidential",
/// "aggressive", "political"); nouns with them are rarer, and are kept when
/// they head their phrase (see [`Term::is_adjective`]).
fn has_adjective_ending(lower: &str) -> bool {
    // every ending below ends in one of these letters
    lower.len() > 5
        && matches!(lower.as_bytes().last(), Some(b's' | b'e' | b'l' | b'c'))
        && [
            "ous", "ible", "able", "ful", "less", "ive", "ical", "istic", "ial", "onal", "ntal",
            "ural", "eral",
        ]
        .iter()
        .any(|e| lower.ends_with(e))
}

/// Words before a predicative adjective ("was enormous", "very similar").
fn is_copula_or_degree(word: &str) -> bool {
    matches!(
        word,
        "is" | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "being"
            | "very"
            | "so"
            | "too"
            | "most"
            | "seems"
            | "seemed"
            | "remains"
            | "remained"
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

/// Title words that keep a title going after its first word
/// ("Secretary of State", "Minister of Foreign Affairs").
fn continues_title(lower: &str) -> bool {
    lexicon::is_title_word(lower)
        || matches!(
            lower,
            "of" | "state"
                | "defense"
                | "defence"
                | "affairs"
                | "homeland"
                | "security"
                | "treasury"
                | "commerce"
                | "health"
                | "energy"
                | "education"
                | "interior"
                | "labor"
                | "agriculture"
                | "finance"
                | "staff"
                | "the"
        )
}

/// A title word that starts a title ("President", not "State").
fn starts_title(lower: &str) -> bool {
    lexicon::is_title_word(lower) && !matches!(lower, "state" | "of" | "general")
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

#[inline]
fn is_capitalised(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.chars().next().is_some_and(char::is_uppercase),
    }
}

/// "US", "NATO", "U.S.": two or more letters, all capitals.
fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && word
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c.is_ascii_digit())
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

impl TermTable {
    /// Counts every term of the document in one pass.
    pub fn collect(doc: &Document<'_>, entities: &[Entity]) -> Self {
        let mut table = TermTable::default();
        let text = doc.text;
        let tokens = &doc.tokens;
        // entity mentions by first token: (end token, entity id)
        let mut mentions = MentionCursor::new(doc, entities);
        let mut scratch = Scratch::default();
        let mut slots: Vec<Slot> = Vec::new();
        for (si, range) in doc.sentence_tokens.iter().enumerate() {
            let paragraph = doc.sentences.get(si).map_or(0, |s| s.paragraph) as u32;
            slots.clear();
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
                    slots.push(Slot::Break);
                    i = end.max(i + 1);
                    continue;
                }
                if i < label_end {
                    // a speaker tag or dateline: no topic term (an entity
                    // recognised there still counts, above)
                    slots.push(Slot::Break);
                    i += 1;
                    continue;
                }
                let tok = tokens[i];
                if tok.kind != TokenKind::Word {
                    slots.push(Slot::Break);
                    i += 1;
                    continue;
                }
                let word = tok.text(text);
                if !is_capitalised(word) {
                    if word == "of" {
                        slots.push(Slot::Of(i));
                    } else {
                        let after_verb_marker =
                            i > range.start && token_is_verb_marker(text, tokens[i - 1]);
                        let id = if after_verb_marker {
                            NO_TERM
                        } else {
                            table.word_occurrence(word, &mut scratch, paragraph, Case::Lower)
                        };
                        if id != NO_TERM {
                            let short_word = |j: usize| {
                                (j < range.end && tokens[j].span().len() <= 10)
                                    .then(|| tokens[j].text(text))
                            };
                            let tally = &mut table.tallies[id as usize];
                            if short_word(i + 1).is_some_and(is_object_pronoun) {
                                tally.verbal += 1;
                            }
                            if i > range.start && short_word(i - 1).is_some_and(is_determiner) {
                                tally.nominal += 1;
                            }
                            if has_adjective_ending(word) {
                                let before_content_word = i + 1 < range.end
                                    && tokens[i + 1].kind == TokenKind::Word
                                    && short_word(i + 1).is_some_and(|w| {
                                        !is_capitalised(w) && !lexicon::is_stop_word(w)
                                    });
                                let described = i > range.start
                                    && short_word(i - 1).is_some_and(is_copula_or_degree);
                                if before_content_word || described {
                                    tally.modifier += 1;
                                }
                            }
                        }
                        slots.push(if id == NO_TERM {
                            Slot::Break
                        } else {
                            Slot::Word(id, i)
                        });
                    }
                    i += 1;
                    continue;
                }
                if headline {
                    // every word of a title-case headline is capitalised:
                    // its case says nothing about names
                    let id = table.word_occurrence(word, &mut scratch, paragraph, Case::CapInitial);
                    slots.push(if id == NO_TERM {
                        Slot::Break
                    } else {
                        Slot::Word(id, i)
                    });
                    i += 1;
                    continue;
                }
                // a run of capitalised words (and "of" inside titles), up
                // to a capitalised stop word ("Scrambling For Votes")
                let mut end = i + 1;
                while end < range.end {
                    let t = tokens[end];
                    if mentions.starts_at(end) || t.kind != TokenKind::Word {
                        break;
                    }
                    let w = t.text(text);
                    let joins = if is_capitalised(w) {
                        is_acronym(w)
                            || !ShortLower::of(w).is_some_and(|l| lexicon::is_stop_word(&l))
                    } else {
                        w == "of"
                            && ShortLower::of(tokens[end - 1].text(text))
                                .is_some_and(|l| starts_title(&l))
                            && end + 1 < range.end
                            && is_capitalised(tokens[end + 1].text(text))
                    };
                    if !joins {
                        break;
                    }
                    end += 1;
                }
                table.capitalised_run(doc, i..end, i == first_word, &mut scratch, paragraph);
                slots.push(Slot::Break);
                i = end;
            }
            table.phrases_of(doc, &slots, paragraph);
        }
        table.settle();
        table
    }

    fn push_term(&mut self, term: Term) {
        self.terms.push(term);
        self.tallies.push(Tally::default());
    }

    /// Counts one occurrence of term `id` in `paragraph`.
    fn occur(&mut self, id: TermId, paragraph: u32, surface: &str) {
        self.occur_with(id, paragraph, || surface);
    }

    /// [`Self::occur`] with the spelling worked out only when it is counted.
    #[inline]
    fn occur_with<'s>(&mut self, id: TermId, paragraph: u32, surface: impl FnOnce() -> &'s str) {
        let tally = &mut self.tallies[id as usize];
        tally.count += 1;
        let new_paragraph = tally.last_paragraph != paragraph;
        tally.last_paragraph = paragraph;
        // the spellings of the first occurrences are enough to name it
        let sample = tally.count <= SURFACE_SAMPLE;
        if new_paragraph || sample {
            let term = &mut self.terms[id as usize];
            if new_paragraph {
                term.paragraphs.push(paragraph);
            }
            if sample {
                term.add_surface(surface());
            }
        }
    }

    /// Moves the tallies into the terms once the text is read.
    fn settle(&mut self) {
        for (term, tally) in self.terms.iter_mut().zip(self.tallies.drain(..)) {
            term.count = tally.count;
            term.lower = tally.lower;
            term.cap_mid = tally.cap_mid;
            term.cap_initial = tally.cap_initial;
            term.verbal = tally.verbal;
            term.nominal = tally.nominal;
            term.modifier = tally.modifier;
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

    /// Counts one word; returns its term, or `NO_TERM` when it can never be
    /// part of a topic.
    fn word_occurrence<'t>(
        &mut self,
        word: &'t str,
        scratch: &mut Scratch<'t>,
        paragraph: u32,
        case: Case,
    ) -> TermId {
        // the spelling decides the term: look it up once per spelling
        let id = match scratch.spelling(word) {
            Some(id) => id,
            None => {
                let id = self.word_term(word, &mut scratch.buf, case != Case::Lower);
                scratch.remember(word, id);
                id
            }
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
        self.occur_with(id, paragraph, || strip_possessive(word));
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
    fn capitalised_run<'t>(
        &mut self,
        doc: &Document<'t>,
        run: std::ops::Range<usize>,
        at_start: bool,
        scratch: &mut Scratch<'t>,
        paragraph: u32,
    ) {
        let text = doc.text;
        let word = |i: usize| doc.tokens[i].text(text);
        let lower = |i: usize| ShortLower::of(word(i));
        // segments between titles; a title starts at a title word and runs
        // through title continuations
        let mut segments: Vec<std::ops::Range<usize>> = Vec::new();
        let mut place_before_title: Option<usize> = None;
        let mut role_place: Option<usize> = None;
        let mut seg_start = run.start;
        let mut i = run.start;
        while i < run.end {
            if lower(i).is_some_and(|l| starts_title(&l)) {
                if seg_start < i {
                    segments.push(seg_start..i);
                }
                // the place named just before the title
                if let Some(prev) = segments.last()
                    && prev.end == i
                {
                    lexicon::lemma_into(word(prev.end - 1), &mut scratch.buf);
                    place_before_title = lexicon::place_of(&scratch.buf).map(|p| p.id);
                }
                let mut j = i + 1;
                while j < run.end && lower(j).is_some_and(|l| continues_title(&l)) {
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
        for (k, seg) in segments.into_iter().enumerate() {
            let mut s = seg.start;
            // leading stop words ("The", "In"), and a generic word that
            // opens the sentence ("Officials", "Friday")
            while s < seg.end && !is_acronym(word(s)) {
                let opens = at_start && s == run.start;
                let vague = lower(s).is_some_and(|l| {
                    lexicon::is_stop_word(&l) || (opens && lexicon::is_generic(&l))
                });
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
                self.word_occurrence(word(s), scratch, paragraph, case)
            } else {
                let buf = &mut scratch.buf;
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
    fn phrases_of(&mut self, doc: &Document<'_>, slots: &[Slot], paragraph: u32) {
        let text = doc.text;
        let span_text = |a: usize, b: usize| {
            let s = doc.tokens[a].span().start;
            let e = doc.tokens[b].span().end;
            &text[s..e]
        };
        for (k, slot) in slots.iter().enumerate() {
            let Slot::Word(first, first_tok) = *slot else {
                continue;
            };
            let mut key = [NO_TERM; 3];
            key[0] = first;
            for n in 1..3 {
                let Some(&Slot::Word(next, tok)) = slots.get(k + n) else {
                    break;
                };
                key[n] = next;
                self.phrase_occurrence(key, paragraph, span_text(first_tok, tok));
            }
            // "lines of communication" counts as "communication lines"
            if let (Some(Slot::Of(_)), Some(&Slot::Word(b, b_tok))) =
                (slots.get(k + 1), slots.get(k + 2))
            {
                self.phrase_occurrence([b, first, NO_TERM], paragraph, span_text(first_tok, b_tok));
            }
        }
    }

    fn phrase_occurrence(&mut self, key: [TermId; 3], paragraph: u32, surface: &str) {
        let id = match self.phrases.get(&key) {
            Some(&id) => id,
            None => {
                if self.phrases.len() >= MAX_PHRASES || self.terms.len() >= MAX_TERMS {
                    return;
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
        };
        self.occur(id, paragraph, surface);
    }
}

/// Buffers reused across the words of a document.
#[derive(Default)]
struct Scratch<'t> {
    buf: String,
    /// The term of each spelling seen (`NO_TERM` for words that never
    /// make a topic): spellings of up to 16 bytes held in the key itself
    /// (no pointer to follow, the common case), longer ones owned.
    short_spellings: FxHashMap<u128, TermId>,
    long_spellings: FxHashMap<Box<str>, TermId>,
    _text: std::marker::PhantomData<&'t str>,
}

impl Scratch<'_> {
    fn short_key(word: &str) -> Option<u128> {
        let b = word.as_bytes();
        (b.len() <= 16).then(|| {
            let mut k = [0u8; 16];
            k[..b.len()].copy_from_slice(b);
            u128::from_le_bytes(k)
        })
    }

    fn spelling(&self, word: &str) -> Option<TermId> {
        match Self::short_key(word) {
            Some(k) => self.short_spellings.get(&k).copied(),
            None => self.long_spellings.get(word).copied(),
        }
    }

    fn remember(&mut self, word: &str, id: TermId) {
        if self.short_spellings.len() + self.long_spellings.len() >= MAX_TERMS {
            return;
        }
        match Self::short_key(word) {
            Some(k) => {
                self.short_spellings.insert(k, id);
            }
            None => {
                self.long_spellings.insert(word.into(), id);
            }
        }
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

/// Entity mentions as token ranges, in text order, read with a cursor that
/// only moves forward (no look-up table: linear in the mentions).
struct MentionCursor {
    /// (first token, token after the mention, entity id), by first token.
    list: Vec<(usize, usize, EntityId)>,
    pos: usize,
    /// First token of `list[pos]` (`usize::MAX` past the end): most
    /// tokens start no mention, and one comparison says so.
    next: usize,
}

/// Every mention with its entity, ordered by start, end and entity id.
fn mentions_in_order(entities: &[Entity]) -> Vec<(Span, EntityId)> {
    let n = entities.iter().map(|e| e.mentions.len()).sum();
    let mut spans: Vec<(Span, EntityId)> = Vec::with_capacity(n);
    spans.extend(
        entities
            .iter()
            .flat_map(|e| e.mentions.iter().map(move |m| (*m, e.id))),
    );
    let max_start = spans.iter().map(|(s, _)| s.start).max().unwrap_or(0);
    let (Ok(max_start), Ok(_)) = (u32::try_from(max_start), u32::try_from(n)) else {
        spans.sort_unstable();
        return spans;
    };
    // a long text names hundreds of thousands of mentions: sorted by start
    // in linear time (a radix sort of start and index packed in one
    // integer), then each run of equal starts by end and entity id
    let mut keys: Vec<u64> = (0..n as u64)
        .map(|i| (spans[i as usize].0.start as u64) << 32 | i)
        .collect();
    radix_sort_high(&mut keys, 32 - max_start.leading_zeros());
    let mut out: Vec<(Span, EntityId)> = keys.iter().map(|&k| spans[k as u32 as usize]).collect();
    let mut i = 0;
    while i < out.len() {
        let start = out[i].0.start;
        let run = out[i..].iter().take_while(|m| m.0.start == start).count();
        if run > 1 {
            out[i..i + run].sort_unstable();
        }
        i += run;
    }
    out
}

/// Sorts `keys` by their high 32 bits, of which only the low `bits` may
/// be set (a stable least-significant-digit radix sort).
fn radix_sort_high(keys: &mut Vec<u64>, bits: u32) {
    const DIGIT: u32 = 11;
    const BUCKETS: usize = 1 << DIGIT;
    let mut tmp = vec![0u64; keys.len()];
    let mut shift = 32;
    while shift < 32 + bits {
        let mut offsets = [0usize; BUCKETS];
        for &k in keys.iter() {
            offsets[(k >> shift) as usize & (BUCKETS - 1)] += 1;
        }
        let mut sum = 0;
        for o in offsets.iter_mut() {
            let c = *o;
            *o = sum;
            sum += c;
        }
        for &k in keys.iter() {
            let d = (k >> shift) as usize & (BUCKETS - 1);
            tmp[offsets[d]] = k;
            offsets[d] += 1;
        }
        std::mem::swap(keys, &mut tmp);
        shift += DIGIT;
    }
}

impl MentionCursor {
    fn new(doc: &Document<'_>, entities: &[Entity]) -> Self {
        let spans = mentions_in_order(entities);
        let tokens = &doc.tokens;
        let mut list = Vec::with_capacity(spans.len());
        let mut t = 0;
        for (span, id) in spans {
            while t < tokens.len() && tokens[t].span().start < span.start {
                t += 1;
            }
            if t >= tokens.len() {
                break;
            }
            if tokens[t].span().start != span.start {
                continue;
            }
            let mut end = t;
            while end < tokens.len() && tokens[end].span().start < span.end {
                end += 1;
            }
            if end > t && list.last().is_none_or(|&(s, _, _)| s != t) {
                list.push((t, end, id));
            }
        }
        let next = list.first().map_or(usize::MAX, |m| m.0);
        MentionCursor { list, pos: 0, next }
    }

    /// The mention starting at token `tok` (calls come in text order).
    fn at(&mut self, tok: usize) -> Option<(usize, EntityId)> {
        if tok < self.next {
            return None;
        }
        while self.list.get(self.pos).is_some_and(|m| m.0 < tok) {
            self.pos += 1;
        }
        self.next = self.list.get(self.pos).map_or(usize::MAX, |m| m.0);
        self.list
            .get(self.pos)
            .filter(|m| m.0 == tok)
            .map(|&(_, end, id)| (end, id))
    }

    /// True when a mention starts at token `tok`, at or after the cursor.
    fn starts_at(&self, tok: usize) -> bool {
        self.list[self.pos.min(self.list.len())..]
            .iter()
            .take_while(|m| m.0 <= tok)
            .any(|m| m.0 == tok)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verb_markers_compared_as_integers_are_the_listed_words() {
        let text = "to tow t n't I i it wHo who should shoulder will, do";
        let doc = Document::new(text);
        for t in &doc.tokens {
            let w = t.text(text);
            assert_eq!(token_is_verb_marker(text, *t), is_verb_marker(w), "{w}");
        }
        assert_eq!(VERB_MARKERS.len(), 22);
        assert!(VERB_MARKERS.iter().all(|&k| k >> 56 <= 6));
        // the last word, too short for an 8-byte load
        let end = text.len();
        assert!(token_is_verb_marker(
            text,
            crate::analysis::segment::Token::new(Span::new(end - 2, end), TokenKind::Word)
        ));
    }

    fn table(text: &str) -> (TermTable, Document<'_>) {
        let doc = Document::new(text);
        (TermTable::collect(&doc, &[]), doc)
    }

    fn find<'a>(t: &'a TermTable, key: &str) -> Option<&'a Term> {
        t.terms.iter().find(|x| x.key == key)
    }

    #[test]
    fn mentions_are_ordered_by_start_end_and_entity() {
        // a pseudo-random spread of mentions, some sharing starts
        let mut x: u64 = 7;
        let mut next = |m: u64| {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (x >> 33) % m
        };
        let entities: Vec<Entity> = (0..40)
            .map(|id| Entity {
                id,
                kind: EntityKind::Person,
                name: format!("Person {id}"),
                role: None,
                aliases: Vec::new(),
                mentions: (0..50)
                    .map(|_| {
                        let start = next(20_000) as usize;
                        Span::new(start, start + 1 + next(3) as usize)
                    })
                    .collect(),
                ambiguous: Vec::new(),
            })
            .collect();
        let mut expected: Vec<(Span, EntityId)> = entities
            .iter()
            .flat_map(|e| e.mentions.iter().map(move |m| (*m, e.id)))
            .collect();
        expected.sort_unstable();
        assert_eq!(mentions_in_order(&entities), expected);
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
