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
use super::names::{self, HONORIFICS, appositive_title};
use super::words::{Shape, Words};
use crate::analysis::{Document, Entity, EntityKind, Span};
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
///
/// `mentions` are the document's final mentions (sorted, not overlapping).
/// The words around a person are read again, one sentence at a time, only
/// where an entity still has no role: the word view of the whole document
/// is never held at once.
pub fn assign(
    doc: &Document<'_>,
    lex: &Lexicon,
    mentions: &[Mention],
    entity_of: &[usize],
    entities: &mut [Entity],
) {
    let mut view = SentenceView::new(doc);
    for (mi, m) in mentions.iter().enumerate() {
        if m.kind != EntityKind::Person {
            continue;
        }
        let Some(entity) = entity_of.get(mi).and_then(|&e| entities.get_mut(e)) else {
            continue;
        };
        if entity.role.is_some() {
            continue;
        }
        let Some(words) = view.load(doc, lex, mentions, m.span) else {
            continue;
        };
        let ws = &view.words;
        let role = title_before(
            ws,
            words.start,
            &view.title_ending_at,
            &view.mention_ending_at,
        )
        .or_else(|| {
            let sentence_end = ws.len();
            appositive_title(ws, lex, words.end, sentence_end).map(|r| ws.span_of(r))
        });
        if let Some(span) = role {
            let text = span
                .of(doc.text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if !text.is_empty() {
                entity.role = Some(text);
            }
        }
    }
}

/// The word view of one sentence, with its titles and the mentions in it
/// (as word ranges), read again when a person in it needs a role.
struct SentenceView<'t> {
    words: Words<'t>,
    /// The loaded sentence (index of `Document::sentence_tokens`).
    loaded: Option<usize>,
    title_ending_at: FxHashMap<usize, Range<usize>>,
    /// The loaded sentence's name mentions by the word they end before: (kind, words).
    mention_ending_at: FxHashMap<usize, (EntityKind, Range<usize>)>,
}

impl<'t> SentenceView<'t> {
    fn new(doc: &Document<'t>) -> Self {
        SentenceView {
            words: Words::empty(doc.text),
            loaded: None,
            title_ending_at: FxHashMap::default(),
            mention_ending_at: FxHashMap::default(),
        }
    }

    /// Loads the sentence around `span` (unless loaded) and returns the
    /// words `span` covers in it.
    fn load(
        &mut self,
        doc: &Document<'t>,
        lex: &Lexicon,
        mentions: &[Mention],
        span: Span,
    ) -> Option<Range<usize>> {
        let token = doc.tokens.partition_point(|t| t.span.end <= span.start);
        let si = doc.sentence_tokens.partition_point(|r| r.end <= token);
        let tokens = doc.sentence_tokens.get(si)?;
        if self.loaded != Some(si) {
            self.loaded = Some(si);
            self.words.fill(doc, lex, si..si + 1);
            self.title_ending_at.clear();
            self.title_ending_at.extend(
                names::find(&self.words, lex)
                    .titles
                    .into_iter()
                    .map(|t| (t.end, t)),
            );
            self.mention_ending_at.clear();
            let start = doc.tokens.get(tokens.start).map_or(0, |t| t.span.start);
            let end = tokens
                .end
                .checked_sub(1)
                .and_then(|t| doc.tokens.get(t))
                .map_or(0, |t| t.span.end);
            let from = mentions.partition_point(|m| m.span.start < start);
            for m in mentions[from..].iter().take_while(|m| m.span.start < end) {
                if matches!(
                    m.kind,
                    EntityKind::Money | EntityKind::Date | EntityKind::Quantity
                ) {
                    continue;
                }
                if let Some(r) = self.words.covering(m.span) {
                    self.mention_ending_at.insert(r.end, (m.kind, r));
                }
            }
        }
        self.words.covering(span)
    }
}
/// The title (with its qualifiers) that ends right before word `start`.
fn title_before(
    ws: &Words<'_>,
    start: usize,
    title_ending_at: &FxHashMap<usize, Range<usize>>,
    mention_ending_at: &FxHashMap<usize, (EntityKind, Range<usize>)>,
) -> Option<Span> {
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
        if let Some((kind, words)) = mention_ending_at.get(&left) {
            if matches!(
                kind,
                EntityKind::Place | EntityKind::Group | EntityKind::Org
            ) {
                left = words.start;
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
