//! Roles: the title or description the text gives a person.
//!
//! Entry point: [`assign`]. A role is either the title before a name with
//! what qualifies it ("US Secretary of State Antony Blinken", "State
//! Department spokesman Matthew Miller", "China’s foreign minister Wang
//! Yi") or an appositive after it ("Wang Xiaohong, the minister of public
//! safety,"). The first mention of a person that has one gives the role.
//! Honorifics ("Mr.", "Dr.") are no roles. A role is never part of a name:
//! [`super::names`] already cut titles out of names.

use super::Mention;
use super::gazetteer::Lexicon;
use super::names::{HONORIFICS, appositive_title};
use super::words::{Shape, Words};
use crate::analysis::{Entity, EntityKind};
use rustc_hash::FxHashMap;
use std::ops::Range;

/// Lowercase words that may qualify a title ("former", "deputy").
const QUALIFIERS: &[&str] = &[
    "former",
    "deputy",
    "acting",
    "then",
    "vice",
    "senior",
    "top",
    "chief",
    "foreign",
    "interim",
    "outgoing",
    "incoming",
    "assistant",
    "associate",
    "executive",
    "general",
    "national",
    "regional",
    "local",
    "party",
    "defence",
    "defense",
    "finance",
    "trade",
    "interior",
    "health",
    "justice",
    "security",
    "press",
    "state",
    "the",
    "of",
    "for",
];

/// Gives each person entity the first role the text gives one of its mentions.
pub fn assign(
    ws: &Words<'_>,
    lex: &Lexicon,
    mentions: &[Mention],
    titles: &[Range<usize>],
    entity_of: &[usize],
    entities: &mut [Entity],
) {
    let title_ending_at: FxHashMap<usize, &Range<usize>> =
        titles.iter().map(|t| (t.end, t)).collect();
    let mention_ending_at: FxHashMap<usize, &Mention> = mentions
        .iter()
        .filter(|m| !m.words.is_empty())
        .map(|m| (m.words.end, m))
        .collect();
    for (mi, m) in mentions.iter().enumerate() {
        if m.kind != EntityKind::Person || m.words.is_empty() {
            continue;
        }
        let Some(entity) = entity_of.get(mi).and_then(|&e| entities.get_mut(e)) else {
            continue;
        };
        if entity.role.is_some() {
            continue;
        }
        let role =
            title_before(ws, m.words.start, &title_ending_at, &mention_ending_at).or_else(|| {
                let sentence_end = ws
                    .sentences
                    .get(ws.words[m.words.start].sentence)
                    .map_or(ws.len(), |r| r.end);
                appositive_title(ws, lex, m.words.end, sentence_end).map(|r| ws.span_of(r))
            });
        if let Some(span) = role {
            let text = span
                .of(ws.text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if !text.is_empty() {
                entity.role = Some(text);
            }
        }
    }
}

/// The title (with its qualifiers) that ends right before word `start`.
fn title_before(
    ws: &Words<'_>,
    start: usize,
    title_ending_at: &FxHashMap<usize, &Range<usize>>,
    mention_ending_at: &FxHashMap<usize, &Mention>,
) -> Option<crate::analysis::Span> {
    let title = title_ending_at.get(&start)?;
    let sentence = ws.words.get(start)?.sentence;
    let title_key: Vec<&str> = (title.start..title.end).map(|i| ws.key(i)).collect();
    if title_key.len() == 1 && HONORIFICS.contains(&title_key[0]) {
        return None;
    }
    let mut left = title.start;
    // a role is a few words long; the bound keeps odd texts linear
    for _ in 0..12 {
        if left == 0 || ws.words[left - 1].sentence != sentence {
            break;
        }
        let p = left - 1;
        // "China’s foreign minister": a possessive clitic after a name
        if matches!(ws.key(p), "'s" | "’s") && mention_ending_at.contains_key(&p) {
            left = p;
            continue;
        }
        if let Some(t) = title_ending_at.get(&left) {
            left = t.start;
            continue;
        }
        if let Some(m) = mention_ending_at.get(&left) {
            if matches!(
                m.kind,
                EntityKind::Place | EntityKind::Group | EntityKind::Org
            ) {
                left = m.words.start;
                continue;
            }
            break;
        }
        let w = &ws.words[p];
        let k = ws.key(p);
        if w.shape == Shape::Lower && QUALIFIERS.contains(&k) && !matches!(k, "the" | "of" | "for")
        {
            left = p;
            continue;
        }
        break;
    }
    Some(ws.span_of(left..title.end))
}
