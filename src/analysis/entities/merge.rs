//! Merging the statistical tagger's names with the rules' mentions.
//!
//! Entry point: [`tagger`]. The rules know places, groups, titles and
//! organisations from gazetteers and context; the tagger
//! ([`crate::analysis::ner`]) knows names the gazetteers have never seen and
//! reads headlines in capitals. So:
//!
//! - a tagged name that overlaps no mention is added;
//! - a tagged name that overlaps only guesses replaces them;
//! - where it overlaps a mention the gazetteers or context rules found, the
//!   rules win, with one exception: a city the tagger calls an organisation
//!   is one (a club or a firm named after its city: "Leeds beat Chelsea");
//! - titles at the start of a tagged name are cut off ("President Xi").
//!
//! With the tagger's stub (no names), the rules work alone.

use super::gazetteer::{Lexicon, PhraseKind};
use super::words::{Shape, Words};
use super::{Evidence, Mention};
use crate::analysis::EntityKind;
use crate::analysis::ner::{NameLabel, TaggedName};
use std::ops::Range;

fn kind_of(label: NameLabel) -> EntityKind {
    match label {
        NameLabel::Per => EntityKind::Person,
        NameLabel::Org => EntityKind::Org,
        NameLabel::Loc => EntityKind::Place,
        NameLabel::Misc => EntityKind::Group,
    }
}

/// Merges `tagged` into `mentions` (any order in, sorted by start out).
pub fn tagger(ws: &Words<'_>, lex: &Lexicon, mentions: &mut Vec<Mention>, tagged: &[TaggedName]) {
    if tagged.is_empty() {
        return;
    }
    // the first word of each token
    let mut first_word = vec![usize::MAX; ws.words.last().map_or(0, |w| w.token + 1)];
    for (i, w) in ws.words.iter().enumerate().rev() {
        if let Some(slot) = first_word.get_mut(w.token) {
            *slot = i;
        }
    }
    let word_range = |tokens: &Range<usize>| -> Option<Range<usize>> {
        let start = *first_word.get(tokens.start)?;
        let mut end = start;
        while end < ws.words.len() && ws.words[end].token < tokens.end {
            end += 1;
        }
        (start < end && start != usize::MAX).then_some(start..end)
    };
    mentions.sort_by_key(|m| m.span.start);
    let mut added: Vec<Mention> = Vec::new();
    let mut drop = vec![false; mentions.len()];
    for t in tagged {
        let Some(mut r) = word_range(&t.tokens) else {
            continue;
        };
        // cut leading titles and punctuation
        while r.start < r.end {
            let k = ws.key(r.start);
            let w = &ws.words[r.start];
            if w.shape == Shape::Punct || lex.is_title(k) || (w.opens && lex.is_common(k)) {
                r.start += 1;
            } else {
                break;
            }
        }
        while r.end > r.start && ws.words[r.end - 1].shape == Shape::Punct {
            r.end -= 1;
        }
        if r.is_empty() {
            continue;
        }
        let span = ws.span_of(r.clone());
        let kind = kind_of(t.label);
        // mentions overlapping the span (sorted by start)
        let from = mentions.partition_point(|m| m.span.end <= span.start);
        let mut over: Vec<usize> = Vec::new();
        let mut j = from;
        while j < mentions.len() && mentions[j].span.start < span.end {
            if mentions[j].span.overlaps(&span) {
                over.push(j);
            }
            j += 1;
        }
        if over
            .iter()
            .all(|&j| mentions[j].evidence == Evidence::Guess)
        {
            for &j in &over {
                drop[j] = true;
            }
            added.push(Mention {
                span,
                kind,
                words: r,
                canonical: None,
                evidence: Evidence::Tagger,
            });
            continue;
        }
        if let [j] = over[..] {
            let m = &mut mentions[j];
            let city = m
                .canonical
                .as_deref()
                .and_then(|c| lex.phrase(&super::gazetteer::key_of(c)));
            let is_city = city.is_some_and(|p| p.kind == PhraseKind::City);
            if m.span == span && kind == EntityKind::Org && is_city && m.kind == EntityKind::Place {
                m.kind = EntityKind::Org;
                m.canonical = None;
            }
        }
    }
    let mut i = 0;
    mentions.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
    mentions.extend(added);
    mentions.sort_by_key(|m| m.span.start);
}
