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
    /// Lowercase names, aliases and (when unique) surnames of people.
    by_name: FxHashMap<String, EntityId>,
}

/// Longest mention in bytes considered when looking backwards for an overlap.
const MAX_MENTION: usize = 200;

impl<'e> Mentions<'e> {
    fn new(entities: &'e [Entity]) -> Self {
        let mut list: Vec<(Span, EntityId)> = entities
            .iter()
            .filter(|e| speaker_kind(e.kind))
            .flat_map(|e| e.mentions.iter().map(move |m| (*m, e.id)))
            .collect();
        // each entity's mentions are already in text order: a stable sort
        // merges those runs
        list.sort_by_key(|(s, id)| (s.start, s.end, *id));
        let mut by_name: FxHashMap<String, EntityId> = FxHashMap::default();
        let mut surnames: FxHashMap<String, Option<EntityId>> = FxHashMap::default();
        for e in entities.iter().filter(|e| speaker_kind(e.kind)) {
            for n in std::iter::once(&e.name).chain(&e.aliases) {
                by_name.entry(n.to_lowercase()).or_insert(e.id);
            }
            if e.kind == EntityKind::Person
                && let Some(last) = e.name.split_whitespace().last()
            {
                surnames
                    .entry(last.to_lowercase())
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
            let name = s.name.of(text).to_lowercase();
            return self.by_name.get(&name).copied();
        }
        None
    }
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
    let mentions = Mentions::new(entities);
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
