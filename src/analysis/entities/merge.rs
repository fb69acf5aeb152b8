//! Merging the statistical tagger's names with the rules' mentions.
//!
//! Entry point: [`tagger`]. The rules know places, groups, titles and
//! organisations from gazetteers and context; the tagger
//! ([`crate::analysis::ner`]) knows names the gazetteers have never seen and
//! reads headlines in capitals. So:
//!
//! - titles at the start of a tagged name are cut off ("President Xi");
//! - a tagged name that overlaps no mention is added;
//! - firm rule mentions (a person after a title or before an appositive,
//!   "the X administration") stand against the tagger;
//! - on the same words, the tagger's kind wins (a club named after its city:
//!   "Leeds beat Chelsea"), and when both agree the gazetteer's canonical
//!   name is kept ("US" links to "United States");
//! - otherwise the tagger's span replaces the rules' mentions it overlaps
//!   (it reads "Hong Kong Open" and "Iraqi Kurds" as one name; measured on
//!   CoNLL dev, trusting its spans beat trusting the gazetteers').
//!
//! With the tagger's stub (no names), the rules work alone.

use super::gazetteer::PhraseKind;
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
/// `tagged` are in text order and do not overlap, as the tagger gives them.
///
/// `scores` says the text reports games ("beat Syria 2-1"), where a
/// country the tagger calls an organisation is a team.
/// `titles` are the word ranges of the titles the rules found: a tagged
/// name running into one ends before it ("U.S. Defense" of "U.S. Defense
/// Secretary").
pub fn tagger(
    ws: &Words<'_>,
    mentions: &mut Vec<Mention>,
    tagged: &[TaggedName],
    titles: &[Range<usize>],
    scores: bool,
) {
    if tagged.is_empty() {
        return;
    }
    // The tagged names come in text order, without overlaps: the words,
    // titles and mentions each is compared with are found by cursors that
    // only move forward (each the first of its list not before the name).
    let mut first_word = 0;
    let mut first_title = 0;
    let mut first_mention = 0;
    // the words of a token range: from the first word of its first token
    // (words are in token order)
    // each token is one word or two: the first word of token t is no
    // earlier than t less the first token; the cursor jumps there when
    // the word before it is still before the name, and walks the rest
    let base = ws.words.first().map_or(0, |w| w.token);
    let mut word_range = |tokens: &Range<usize>| -> Option<Range<usize>> {
        let skip = tokens.start.saturating_sub(base);
        if skip > first_word
            && ws
                .words
                .get(skip - 1)
                .is_some_and(|w| w.token < tokens.start)
        {
            first_word = skip;
        }
        while first_word < ws.words.len() && ws.words[first_word].token < tokens.start {
            first_word += 1;
        }
        let start = first_word;
        if ws.words.get(start)?.token != tokens.start {
            return None;
        }
        let mut end = start;
        while end < ws.words.len() && ws.words[end].token < tokens.end {
            end += 1;
        }
        (start < end).then_some(start..end)
    };
    mentions.sort_by_key(|m| m.span.start);
    let mut added: Vec<Mention> = Vec::new();
    let mut drop = vec![false; mentions.len()];
    let mut over: Vec<usize> = Vec::new();
    for t in tagged {
        let Some(mut r) = word_range(&t.tokens) else {
            continue;
        };
        // cut leading titles and punctuation
        while r.start < r.end {
            let w = &ws.words[r.start];
            if w.shape == Shape::Punct || w.facts.is_title() || (w.opens && w.facts.is_common()) {
                r.start += 1;
            } else {
                break;
            }
        }
        // a title the rules found: cut from the front, or the end of the name
        while titles.get(first_title).is_some_and(|t| t.start < r.start) {
            first_title += 1;
        }
        let mut next_title = first_title;
        while let Some(t) = titles.get(next_title)
            && t.start == r.start
            && t.end <= r.end
        {
            r.start = t.end;
            next_title += 1;
        }
        // ... unless a connector joins it to the name ("Court of Justice")
        if let Some(t) = titles.get(next_title)
            && t.start < r.end
            && !(t.start > r.start && matches!(ws.key(t.start - 1), "of" | "for" | "the"))
        {
            r.end = t.start;
        }
        while r.end > r.start && ws.words[r.end - 1].shape == Shape::Punct {
            r.end -= 1;
        }
        // "Court of Justice of the | European Union": a name cut after its
        // "of" takes the known name that follows, else drops the connector
        if r.end > r.start && matches!(ws.key(r.end - 1), "of" | "for" | "the") {
            let at = mentions.partition_point(|m| m.words.start < r.end);
            match mentions.get(at) {
                Some(m)
                    if m.words.start == r.end
                        && matches!(m.kind, EntityKind::Org | EntityKind::Place) =>
                {
                    r.end = m.words.end;
                }
                _ => {
                    while r.end > r.start && matches!(ws.key(r.end - 1), "of" | "for" | "the") {
                        r.end -= 1;
                    }
                }
            }
        }
        if r.is_empty() {
            continue;
        }
        let span = ws.span_of(r.clone());
        let kind = super::retype::tagged_kind(ws, r.clone(), kind_of(t.label));
        // mentions overlapping the span (sorted by start)
        while mentions
            .get(first_mention)
            .is_some_and(|m| m.span.end <= span.start)
        {
            first_mention += 1;
        }
        over.clear();
        let mut j = first_mention;
        while j < mentions.len() && mentions[j].span.start < span.end {
            if mentions[j].span.overlaps(&span) {
                over.push(j);
            }
            j += 1;
        }
        // a person named after a title or with an appositive, "the X
        // administration": the rules' reading stands
        if over.iter().any(|&j| mentions[j].evidence == Evidence::Firm) {
            continue;
        }
        // the gazetteers know a longer name around it ("Southeast Asian"),
        // or it joins known names the text wrote as one word ("US-China")
        let inside_known = over.iter().any(|&j| {
            let m = &mentions[j];
            m.evidence == Evidence::Known && m.span.contains(&span) && m.span != span
        });
        let joined_known = over.len() >= 2
            && over
                .iter()
                .all(|&j| mentions[j].evidence == Evidence::Known)
            && over.windows(2).all(|w| {
                let gap = ws
                    .text
                    .get(mentions[w[0]].span.end..mentions[w[1]].span.start)
                    .unwrap_or("x");
                let joined = mentions[w[0]].span.end == mentions[w[1]].span.start;
                joined || matches!(gap.trim(), "-" | "–" | "—" | "and" | "&" | "," | "or")
            });
        // a company name the rules closed with its suffix, all in capitals
        // ("Tessa Co.", "Dow Chemical Co", "Jones & Co"): the tagger's piece
        // of it is no name of its own; a chunk joined over "of", "and" or a
        // hyphenated word ("Ohio-based") is left to the tagger
        let inside_company = over.iter().any(|&j| {
            let m = &mentions[j];
            m.kind == EntityKind::Org
                && m.span.contains(&span)
                && m.span != span
                && m.words.end > m.words.start
                && ws.facts(m.words.end - 1).is_org_suffix()
                && ws.words[m.words.clone()].iter().all(|w| {
                    let s = w.span.of(ws.text);
                    (w.is_capital() && !s.contains('-')) || s == "&"
                })
        });
        if inside_known || joined_known || inside_company {
            continue;
        }
        if let [j] = over[..] {
            let m = &mut mentions[j];
            // the gazetteers know better than the tagger's MISC what a
            // country, region or people is ("Indo-Pacific" is a place), and
            // a multi-word region is no organisation ("South China Sea");
            // but a place may be a team ("MINNESOTA 5 BOSTON 3") and a city
            // a person ("Paris" of "Paris Hilton")
            let known_kind = m.evidence == Evidence::Known
                && match (m.known, t.label) {
                    (Some(PhraseKind::Group), _) => true,
                    (
                        Some(PhraseKind::Country | PhraseKind::Region | PhraseKind::City),
                        NameLabel::Misc,
                    ) => true,
                    // a country alone is rarely a person ("Kenya’s minister");
                    // "Jordan" of "Michael Jordan" is settled by the full name
                    (Some(PhraseKind::Country), NameLabel::Per) => true,
                    // outside sports pages a country is no organisation
                    // ("the Philippines would not give up")
                    (Some(PhraseKind::Country), NameLabel::Org) => !scores,
                    // a known organisation is no place ("wrote on Telegram")
                    (Some(PhraseKind::Org), NameLabel::Loc) => true,
                    // nor a state, a region or a known company ("Maine
                    // (AP)", "Samsung said"); a person of that name comes
                    // with a given name, which makes a longer span
                    (Some(PhraseKind::Region | PhraseKind::Org), NameLabel::Per) => true,
                    (Some(PhraseKind::Region), NameLabel::Org) => {
                        m.words.len() > 1 && !ws.words[m.words.start].in_caps_line
                    }
                    _ => false,
                };
            if m.span == span && known_kind {
                continue;
            }
            if m.span == span {
                // same words: the tagger's kind (a club named after its
                // city), the gazetteer's canonical name when they agree
                if m.kind != kind {
                    m.kind = kind;
                    m.canonical = None;
                    m.evidence = Evidence::Tagger;
                }
                continue;
            }
        }
        for &j in &over {
            drop[j] = true;
        }
        added.push(Mention {
            span,
            kind,
            words: r,
            canonical: None,
            known: None,
            evidence: Evidence::Tagger,
            opens: false,
        });
    }
    let mut i = 0;
    mentions.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
    mentions.extend(added);
    mentions.sort_by_key(|m| m.span.start);
}

#[cfg(test)]
mod tests {
    use super::super::{gazetteer::lexicon, names};
    use super::*;
    use crate::analysis::Document;

    /// Rules, then the given tagged names (as token ranges of words).
    fn merged(text: &str, tagged: &[(&str, NameLabel)]) -> Vec<(String, EntityKind)> {
        let doc = Document::new(text);
        let lex = lexicon();
        let ws = Words::new(&doc, lex);
        let mut mentions = names::find(&ws, lex).mentions;
        let tags: Vec<TaggedName> = tagged
            .iter()
            .filter_map(|(phrase, label)| {
                let start = text.find(phrase)?;
                let end = start + phrase.len();
                let a = doc.tokens.iter().position(|t| t.span().start == start)?;
                let b = doc.tokens.iter().position(|t| t.span().end == end)?;
                Some(TaggedName {
                    tokens: a..b + 1,
                    label: *label,
                    score: 1.0,
                })
            })
            .collect();
        assert_eq!(
            tags.len(),
            tagged.len(),
            "test phrases must be on token boundaries"
        );
        tagger(&ws, &mut mentions, &tags, &[], false);
        mentions
            .iter()
            .map(|m| (m.span.of(text).to_string(), m.kind))
            .collect()
    }

    #[test]
    fn tagger_fills_gaps_and_longer_names_win() {
        let v = merged(
            "Zorvex shares rose before the Hong Kong Open began.",
            &[
                ("Zorvex", NameLabel::Org),
                ("Hong Kong Open", NameLabel::Misc),
            ],
        );
        assert!(v.contains(&("Zorvex".into(), EntityKind::Org)), "{v:?}");
        assert!(
            v.contains(&("Hong Kong Open".into(), EntityKind::Group)),
            "{v:?}"
        );
        assert!(
            !v.contains(&("Hong Kong".into(), EntityKind::Place)),
            "{v:?}"
        );
    }

    #[test]
    fn club_named_after_its_city_and_known_regions_keep_their_kind() {
        let v = merged(
            "Leeds beat the visitors in the Indo-Pacific cup.",
            &[("Leeds", NameLabel::Org), ("Indo-Pacific", NameLabel::Misc)],
        );
        assert!(v.contains(&("Leeds".into(), EntityKind::Org)), "{v:?}");
        assert!(
            v.contains(&("Indo-Pacific".into(), EntityKind::Place)),
            "{v:?}"
        );
    }

    #[test]
    fn firm_rules_and_known_pairs_stand() {
        let v = merged(
            "Defence Minister Ola Berg praised US-China talks with Southeast Asian envoys.",
            &[
                ("Minister Ola", NameLabel::Org),
                ("US-China", NameLabel::Misc),
                ("Southeast", NameLabel::Loc),
            ],
        );
        assert!(
            v.contains(&("Ola Berg".into(), EntityKind::Person)),
            "{v:?}"
        );
        assert!(v.contains(&("US".into(), EntityKind::Place)), "{v:?}");
        assert!(v.contains(&("China".into(), EntityKind::Place)), "{v:?}");
        assert!(
            v.contains(&("Southeast Asian".into(), EntityKind::Group)),
            "{v:?}"
        );
    }
}
