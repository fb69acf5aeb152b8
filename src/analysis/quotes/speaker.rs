//! Who a speaker is: pronouns resolved to the person they stand for, and
//! speaker and addressee phrases linked to entities.
//!
//! Entry point: [`resolve`]. A pronoun ("he", "she") refers to the most
//! recent person the text put forward before it, within a few paragraphs:
//! the named speaker of an earlier frame, or (when entities are known) the
//! first person named outside quotation marks in an earlier sentence, its
//! subject as a rule. A named phrase is linked to the entity whose mention it
//! holds (a person before an organisation; a description only through its
//! head noun), or else to an entity of the same name. This module must not
//! find frames or quotes; it only names the speakers of the frames it gets.

use super::Ctx;
use super::frames::{Frame, Layout, Source, SourceKind};
use super::lexicon::{PERSON_PRONOUN, PLURAL};
use crate::analysis::{Entity, EntityId, EntityKind, Span};
use rustc_hash::FxHashMap;

/// How far back (in paragraphs) a pronoun looks for the person it means.
const PRONOUN_REACH: usize = 3;

/// The speaker and addressee of one frame.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved<'a> {
    pub entity: Option<EntityId>,
    /// The speaker's name: the naming words, or for a pronoun the name of
    /// the person it stands for (the pronoun itself when unresolved).
    pub name: &'a str,
    pub addressee: Option<EntityId>,
}

/// Mentions of entities sorted by position, for overlap queries.
struct Mentions<'e> {
    list: Vec<(Span, EntityId)>,
    entities: &'e [Entity],
    /// Names, aliases and (when unique) surnames of people, in any case.
    by_name: FxHashMap<AnyCase<'e>, EntityId>,
}

/// A name compared and hashed as its lowercase form, without building that
/// form for an ASCII name (nearly all of them): the name map is built for
/// every entity of the text, and an allocated lowercase copy of each name
/// cost more than the rest of the map.
#[derive(Debug, Clone, Copy)]
struct AnyCase<'a>(&'a str);

impl PartialEq for AnyCase<'_> {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (self.0, other.0);
        if a.is_ascii() && b.is_ascii() {
            a.eq_ignore_ascii_case(b)
        } else {
            a.to_lowercase() == b.to_lowercase()
        }
    }
}

impl Eq for AnyCase<'_> {}

impl std::hash::Hash for AnyCase<'_> {
    /// The bytes of the lowercase form (for an ASCII name, its bytes
    /// lowercased one by one: the same bytes `to_lowercase` gives).
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        if self.0.is_ascii() {
            for b in self.0.bytes() {
                state.write_u8(b.to_ascii_lowercase());
            }
        } else {
            for b in self.0.to_lowercase().bytes() {
                state.write_u8(b);
            }
        }
        state.write_u8(0xff);
    }
}

/// Longest mention in bytes considered when looking backwards for an overlap.
const MAX_MENTION: usize = 200;

impl<'e> Mentions<'e> {
    fn new(entities: &'e [Entity], text_len: usize) -> Self {
        let list = in_text_order(entities, text_len);
        let mut by_name: FxHashMap<AnyCase<'e>, EntityId> = FxHashMap::default();
        let mut surnames: FxHashMap<AnyCase<'e>, Option<EntityId>> = FxHashMap::default();
        for e in entities.iter().filter(|e| speaker_kind(e.kind)) {
            for n in std::iter::once(&e.name).chain(&e.aliases) {
                by_name.entry(AnyCase(n)).or_insert(e.id);
            }
            if e.kind == EntityKind::Person
                && let Some(last) = e.name.split_whitespace().last()
            {
                surnames
                    .entry(AnyCase(last))
                    .and_modify(|v| {
                        if *v != Some(e.id) {
                            *v = None;
                        }
                    })
                    .or_insert(Some(e.id));
            }
        }
        for (k, v) in surnames {
            if let Some(id) = v {
                by_name.entry(k).or_insert(id);
            }
        }
        Mentions {
            list,
            entities,
            by_name,
        }
    }

    /// Mentions overlapping `span`, in text order.
    fn overlapping(&self, span: Span) -> impl Iterator<Item = (Span, EntityId)> + '_ {
        let from = self
            .list
            .partition_point(|(s, _)| s.start + MAX_MENTION < span.start);
        self.list[from..]
            .iter()
            .take_while(move |(s, _)| s.start < span.end)
            .filter(move |(s, _)| s.overlaps(&span))
            .copied()
    }

    fn kind(&self, id: EntityId) -> Option<EntityKind> {
        self.entities.get(id).map(|e| e.kind)
    }

    /// The entity a speaker or addressee phrase names.
    fn link(&self, text: &str, s: &Source) -> Option<EntityId> {
        if matches!(s.kind, SourceKind::Pronoun | SourceKind::Affiliation) {
            return None;
        }
        // a description is linked only through its head ("the Trump campaign"
        // is not Trump)
        let target = match s.kind {
            SourceKind::Name => s.name,
            _ => Span::new(s.name.end.saturating_sub(1), s.name.end),
        };
        let mut best: Option<(u8, usize, EntityId)> = None;
        for (m, id) in self.overlapping(target) {
            let rank = match self.kind(id) {
                Some(EntityKind::Person) => 3,
                Some(EntityKind::Org) => 2,
                _ => 1,
            };
            if best.is_none_or(|(r, st, _)| (rank, m.start) > (r, st)) {
                best = Some((rank, m.start, id));
            }
        }
        if let Some((_, _, id)) = best {
            return Some(id);
        }
        if s.kind == SourceKind::Name {
            return self.by_name.get(&AnyCase(s.name.of(text))).copied();
        }
        None
    }
}

/// Bytes of text per bucket of [`in_text_order`]'s counting sort: a few
/// mentions at most start in so short a stretch.
const BUCKET_SHIFT: u32 = 6;

/// The mentions of speaker-like entities, sorted by (start, end, entity).
///
/// A counting sort on the start's 64-byte bucket, then an insertion sort
/// that moves each mention only within its bucket: linear in the mentions
/// and the text, where a comparison sort of them all was the dearest step
/// of speaker resolution. (Equal keys are equal mentions, so any order
/// among them is the same list.)
fn in_text_order(entities: &[Entity], text_len: usize) -> Vec<(Span, EntityId)> {
    let speakers = || entities.iter().filter(|e| speaker_kind(e.kind));
    let bucket = |s: &Span| s.start.min(text_len) >> BUCKET_SHIFT;
    // starts[b]: how many mentions fall in buckets before b
    let mut starts = vec![0u32; (text_len >> BUCKET_SHIFT) + 2];
    let mut n = 0;
    for e in speakers() {
        for m in &e.mentions {
            starts[bucket(m) + 1] += 1;
            n += 1;
        }
    }
    let mut sum = 0;
    for c in &mut starts {
        sum += *c;
        *c = sum;
    }
    let mut list = vec![(Span::new(0, 0), 0); n];
    for e in speakers() {
        for m in &e.mentions {
            let slot = &mut starts[bucket(m)];
            list[*slot as usize] = (*m, e.id);
            *slot += 1;
        }
    }
    let key = |&(s, id): &(Span, EntityId)| (s.start, s.end, id);
    for i in 1..list.len() {
        let mut j = i;
        while j > 0 && key(&list[j - 1]) > key(&list[j]) {
            list.swap(j - 1, j);
            j -= 1;
        }
    }
    list
}

fn speaker_kind(k: EntityKind) -> bool {
    matches!(k, EntityKind::Person | EntityKind::Org | EntityKind::Place)
}

/// Someone a later pronoun can stand for.
#[derive(Debug, Clone)]
struct Antecedent<'a> {
    entity: Option<EntityId>,
    name: &'a str,
    paragraph: usize,
}

/// Resolves the speaker and addressee of every frame.
pub fn resolve<'a>(
    cx: &Ctx<'_, 'a>,
    frames: &[Frame],
    entities: &'a [Entity],
) -> Vec<Resolved<'a>> {
    let text = cx.doc.text;
    let mentions = Mentions::new(entities, text.len());
    let subjects = sentence_subjects(cx, &mentions);
    let mut out = Vec::with_capacity(frames.len());
    let mut last: Option<Antecedent> = None;
    // the last plural speaker named ("Analysts at the bank said ..."), with
    // its sentence: "..., but they cautioned" in that sentence or the next
    // one of its paragraph means them
    let mut last_plural: Option<(usize, Resolved<'a>)> = None;
    let mut si = 0;
    for f in frames {
        let at = f.source.span.start;
        // people put forward before this frame
        while si < subjects.len() && subjects[si].0 < at {
            let (_, id, paragraph) = subjects[si];
            last = Some(Antecedent {
                entity: Some(id),
                name: &entities[id].name,
                paragraph,
            });
            si += 1;
        }
        let paragraph = cx.paragraph_of_token_near(f.source.first, f.sentence);
        let s = &f.source;
        let addressee = f.addressee.and_then(|a| mentions.link(text, &a));
        let resolved = match s.kind {
            SourceKind::Pronoun
                if cx.word(s.first).eq_ignore_ascii_case("they")
                    && let Some((sentence, r)) = &last_plural
                    && (f.sentence == *sentence
                        || (f.sentence == sentence + 1
                            && cx.doc.sentences[f.sentence].paragraph
                                == cx.doc.sentences[*sentence].paragraph)) =>
            {
                Resolved {
                    addressee,
                    ..r.clone()
                }
            }
            SourceKind::Pronoun => {
                let person = cx.class(s.first) & PERSON_PRONOUN != 0;
                match &last {
                    Some(a) if person && paragraph <= a.paragraph + PRONOUN_REACH => Resolved {
                        entity: a.entity,
                        name: a.name,
                        addressee,
                    },
                    _ => Resolved {
                        entity: None,
                        name: s.name.of(text),
                        addressee,
                    },
                }
            }
            _ => {
                let entity = mentions.link(text, s);
                // the entity's canonical name ("Antony Blinken" for "Blinken")
                let name: &'a str = match entity.and_then(|id| entities.get(id)) {
                    Some(e) => &e.name,
                    None => s.name.of(text),
                };
                let is_person = match entity.and_then(|id| mentions.kind(id)) {
                    Some(k) => k == EntityKind::Person,
                    // people's names take no article ("the United States" is not a person)
                    None => {
                        !s.plural
                            && !cx.word(s.first).eq_ignore_ascii_case("the")
                            && (s.kind == SourceKind::Name || f.layout != Layout::According)
                    }
                };
                if is_person && f.layout != Layout::Participle {
                    last = Some(Antecedent {
                        entity,
                        name,
                        paragraph,
                    });
                }
                let r = Resolved {
                    entity,
                    name,
                    addressee,
                };
                // a group or an organisation is "they" ("Analysts at the
                // bank said", "The union said ... but they")
                let of_group = s.first >= 2
                    && ["at", "of", "from"].contains(&cx.word(s.first - 1))
                    && cx.class(s.first - 2) & PLURAL != 0;
                if s.plural
                    || of_group
                    || entity.and_then(|id| mentions.kind(id)) == Some(EntityKind::Org)
                {
                    last_plural = Some((f.sentence, r.clone()));
                }
                r
            }
        };
        if s.kind == SourceKind::Pronoun
            && let Some(a) = &mut last
        {
            a.paragraph = paragraph;
        }
        out.push(resolved);
    }
    out
}

/// For each sentence, the first person mentioned outside quotation marks:
/// (byte position, entity, paragraph), in text order. Mentions and tokens
/// are both in text order, so one cursor walks the tokens.
fn sentence_subjects(cx: &Ctx<'_, '_>, mentions: &Mentions<'_>) -> Vec<(usize, EntityId, usize)> {
    let tokens = &cx.doc.tokens;
    let mut out = Vec::new();
    let mut last_sentence = usize::MAX;
    let sentences = &cx.doc.sentence_tokens;
    let mut t = 0;
    // the sentence of token `t`, as `Ctx::sentence` finds it: `t` only
    // grows, so a cursor walks the sentences once
    let mut s = 0;
    for &(m, id) in &mentions.list {
        if mentions.kind(id) != Some(EntityKind::Person) {
            continue;
        }
        t = first_token_ending_after(tokens, t, m.start);
        if cx.quoted(t) {
            continue;
        }
        while s + 1 < sentences.len() && sentences[s].end <= t {
            s += 1;
        }
        if s != last_sentence {
            out.push((m.start, id, cx.doc.sentences[s].paragraph));
            last_sentence = s;
        }
    }
    out
}

/// The first token from `t` on that ends after byte `pos` (or the last
/// token): a galloping search, so walking all mentions reads few tokens.
fn first_token_ending_after(
    tokens: &[crate::analysis::segment::Token],
    t: usize,
    pos: usize,
) -> usize {
    let last = tokens.len().saturating_sub(1);
    if t >= last || tokens[t].span().end > pos {
        return t.min(last);
    }
    // tokens[lo] ends at or before pos; find hi with tokens[hi] ending after it
    let mut lo = t;
    let mut step = 1;
    let hi = loop {
        let probe = lo + step;
        if probe >= last {
            break last;
        }
        if tokens[probe].span().end > pos {
            break probe;
        }
        lo = probe;
        step *= 2;
    };
    lo + 1 + tokens[lo + 1..hi].partition_point(|x| x.span().end <= pos)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Document;

    #[test]
    fn mentions_come_in_the_order_a_sort_gives() {
        let text = "Ana Ruiz met Tom Berg in Lima. Ruiz said Berg and the Lima council agreed, \
                    and Tom Berg told Ana Ruiz the council of Lima would vote.";
        let analysis = crate::analysis::analyze(text);
        assert!(analysis.entities.len() >= 3);
        let mut expected: Vec<(Span, EntityId)> = analysis
            .entities
            .iter()
            .filter(|e| speaker_kind(e.kind))
            .flat_map(|e| e.mentions.iter().map(move |m| (*m, e.id)))
            .collect();
        expected.sort_by_key(|(s, id)| (s.start, s.end, *id));
        assert!(expected.len() >= 6);
        assert_eq!(in_text_order(&analysis.entities, text.len()), expected);
        // mentions one byte apart share a bucket and are still ordered
        let mut close = analysis.entities.clone();
        for e in &mut close {
            e.kind = EntityKind::Person;
            e.mentions = vec![Span::new(9 - e.id, 10), Span::new(200 + e.id, 201 + e.id)];
        }
        let got = in_text_order(&close, 300);
        assert!(
            got.windows(2)
                .all(|w| (w[0].0.start, w[0].0.end) <= (w[1].0.start, w[1].0.end))
        );
        assert_eq!(got.len(), 2 * close.len());
    }

    #[test]
    fn a_name_is_found_in_any_case_as_its_lowercase_form_is() {
        let mut names = FxHashMap::default();
        names.insert(AnyCase("Ana Ruiz"), 1);
        names.insert(AnyCase("Ålesund"), 2);
        names.insert(AnyCase("Kim"), 3);
        assert_eq!(names.get(&AnyCase("ANA RUIZ")), Some(&1));
        assert_eq!(names.get(&AnyCase("ÅLESUND")), Some(&2));
        // the Kelvin sign lowercases to an ASCII "k"
        assert_eq!(names.get(&AnyCase("\u{212A}IM")), Some(&3));
        assert_eq!(names.get(&AnyCase("Ana Ruiz ")), None);
    }

    #[test]
    fn galloping_finds_the_same_token_as_a_walk() {
        let text = "Ana Ruiz said the bridge would open, and Tom Berg agreed on Monday.";
        let doc = Document::new(text);
        let tokens = &doc.tokens;
        for from in 0..tokens.len() {
            for pos in 0..=text.len() + 2 {
                let mut walk = from;
                while walk + 1 < tokens.len() && tokens[walk].span().end <= pos {
                    walk += 1;
                }
                assert_eq!(
                    first_token_ending_after(tokens, from, pos),
                    walk,
                    "{from} {pos}"
                );
            }
        }
    }
}
