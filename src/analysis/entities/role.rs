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
use super::gazetteer::{Lexicon, push_lower};
use super::link::Linked;
use super::names::{HONORIFICS, appositive_title};
use super::words::{OwnSpellings, Shape, Words};
use crate::analysis::ner::features::FormId;
use crate::analysis::{Document, EntityKind, Span};
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
    "shadow",
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
    "ministry",
    "department",
    "government",
    "military",
    "police",
    "campaign",
    "company",
    "state",
    "the",
    "of",
    "for",
];

/// Gives each person entity the first role the text gives one of its mentions.
///
/// `mentions` are the document's final mentions (sorted, not overlapping)
/// and `linked` their entities,
/// `titles` the spans of the titles [`names::find`] found, in text order.
/// The words around a person are read again, one sentence at a time, only
/// where an entity still has no role and a title ends right before the
/// person or an appositive with a title may follow its comma: the word
/// view of the whole document is never held at once. `words` is the view
/// the names were read with and `spellings` the numbers it was filled
/// with (one per token of `doc`): what it read of each spelling is not
/// read again.
pub fn assign<'t>(
    doc: &Document<'t>,
    lex: &Lexicon,
    words: Words<'t>,
    spellings: &[FormId],
    mentions: &[Mention],
    titles: &[Span],
    linked: &mut Linked,
) {
    let Linked {
        entities,
        entity_of,
    } = linked;
    let mut view = SentenceView::new(doc, words, spellings);
    let mut key = String::new();
    for (mi, m) in mentions.iter().enumerate() {
        if m.kind != EntityKind::Person {
            continue;
        }
        let Some(entity) = entity_of.get(mi).and_then(|&e| entities.get_mut(e)) else {
            continue;
        };
        if entity.role.is_some() || !may_have_role(doc, lex, titles, m.span, &mut key) {
            continue;
        }
        let Some(words) = view.load(doc, lex, mentions, titles, m.span) else {
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
            title_before_comma(
                ws,
                words.start,
                &view.title_ending_at,
                &view.mention_ending_at,
            )
        })
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

/// False when the words around `span` cannot give it a role: no title ends
/// right before it (only spaces or a possessive between) and no appositive
/// can follow it. Cheap, and never false where [`title_before`],
/// [`title_before_comma`] or [`appositive_title`] could find a role.
/// (`key`: a buffer for the words' keys.)
fn may_have_role(
    doc: &Document<'_>,
    lex: &Lexicon,
    titles: &[Span],
    span: Span,
    key: &mut String,
) -> bool {
    let text = doc.text;
    let before = titles.partition_point(|t| t.end <= span.start);
    let title_next_to_it = before.checked_sub(1).is_some_and(|i| {
        let gap = text.get(titles[i].end..span.start).unwrap_or("");
        // a word between them has a letter or digit that no possessive
        // ending or hyphen cut from the title explains
        let rest = gap.trim();
        let rest = ["'s", "’s", "'S", "’S", "-"]
            .iter()
            .find_map(|p| rest.strip_prefix(p))
            .unwrap_or(rest);
        !rest.chars().any(char::is_alphanumeric)
    });
    title_next_to_it || may_have_appositive(doc, lex, span, key)
}

/// Tokens after the comma that [`appositive_title`] may read a title's
/// first word from: an article, then up to ten words (a token is one word,
/// or two when a hyphen joins known names).
const APPOSITIVE_TOKENS: usize = 12;

/// False when no appositive can follow `span`: the token after it is no
/// comma, or no token of the few after the comma can start a title (in the
/// word view, after its possessive ending is cut; a hyphenated token may be
/// two words, so it may).
fn may_have_appositive(doc: &Document<'_>, lex: &Lexicon, span: Span, key: &mut String) -> bool {
    let text = doc.text;
    // a space after it: it ends a token, and the next token starts at the
    // next mark or letter (most names are ruled out here, without a search)
    let after = text.get(span.end..).unwrap_or("");
    let rest = after.trim_start();
    if rest.len() < after.len() && !rest.starts_with(',') {
        return false;
    }
    let next = doc.tokens.partition_point(|t| t.span().start < span.end);
    if doc.tokens.get(next).is_none_or(|t| t.text(text) != ",") {
        return false;
    }
    let after = doc.tokens.get(next + 1..).unwrap_or(&[]);
    after.iter().take(APPOSITIVE_TOKENS).any(|t| {
        let w = t.text(text);
        if w.contains('-') {
            return true;
        }
        let w = ["'s", "’s", "'S", "’S"]
            .iter()
            .find(|p| w.len() > p.len() + 1 && w.ends_with(*p))
            .map_or(w, |p| &w[..w.len() - p.len()]);
        key.clear();
        push_lower(key, w);
        lex.word(key).starts_title()
    })
}

/// The word view of one sentence, with its titles and the mentions in it
/// (as word ranges), read again when a person in it needs a role.
struct SentenceView<'t, 's> {
    words: Words<'t>,
    /// The numbers of the spellings of the words.
    spellings: Numbering<'t, 's>,
    /// The loaded sentence (index of `Document::sentence_tokens`).
    loaded: Option<usize>,
    title_ending_at: FxHashMap<usize, Range<usize>>,
    /// The loaded sentence's name mentions by the word they end before: (kind, words).
    mention_ending_at: FxHashMap<usize, (EntityKind, Range<usize>)>,
}

/// Where the spelling numbers of a sentence's tokens come from.
enum Numbering<'t, 's> {
    /// The numbers the view was filled with, one per token of the document.
    Given(&'s [FormId]),
    /// Numbered here, in a view of its own (the numbers given do not cover
    /// the document).
    Own(OwnSpellings<'t>),
}

impl<'t, 's> SentenceView<'t, 's> {
    fn new(doc: &Document<'t>, words: Words<'t>, spellings: &'s [FormId]) -> Self {
        let (words, spellings) = if spellings.len() == doc.tokens.len() {
            (words, Numbering::Given(spellings))
        } else {
            (Words::empty(doc.text), Numbering::Own(OwnSpellings::new()))
        };
        SentenceView {
            words,
            spellings,
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
        titles: &[Span],
        span: Span,
    ) -> Option<Range<usize>> {
        let token = doc.tokens.partition_point(|t| t.span().end <= span.start);
        let si = doc.sentence_tokens.partition_point(|r| r.end <= token);
        let tokens = doc.sentence_tokens.get(si)?;
        if self.loaded != Some(si) {
            self.loaded = Some(si);
            let forms = match &mut self.spellings {
                Numbering::Given(all) => all.get(tokens.start..).unwrap_or(&[]),
                Numbering::Own(own) => own.of(doc, si..si + 1),
            };
            self.words.fill(doc, lex, si..si + 1, forms);
            let start = doc.tokens.get(tokens.start).map_or(0, |t| t.span().start);
            let end = tokens
                .end
                .checked_sub(1)
                .and_then(|t| doc.tokens.get(t))
                .map_or(0, |t| t.span().end);
            self.title_ending_at.clear();
            let from = titles.partition_point(|t| t.start < start);
            for t in titles[from..].iter().take_while(|t| t.start < end) {
                if let Some(r) = self.words.covering(*t) {
                    self.title_ending_at.insert(r.end, r);
                }
            }
            self.mention_ending_at.clear();
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
/// "The Chancellor, Rachel Reeves,": a title that opens the sentence or
/// follows "the", "a" or a possessive ("Stanton's campaign manager, Lucia
/// Ortiz"), then a comma, then the name.
fn title_before_comma(
    ws: &Words<'_>,
    start: usize,
    title_ending_at: &FxHashMap<usize, Range<usize>>,
    mention_ending_at: &FxHashMap<usize, (EntityKind, Range<usize>)>,
) -> Option<Span> {
    let comma = start.checked_sub(1)?;
    if ws.key(comma) != "," || ws.words.get(comma)?.sentence != ws.words.get(start)?.sentence {
        return None;
    }
    let role = title_before(ws, comma, title_ending_at, mention_ending_at)?;
    let first = ws.covering(role)?.start;
    let opens = first == 0
        || ws.words[first - 1].sentence != ws.words[comma].sentence
        || matches!(
            ws.key(first - 1),
            "the" | "a" | "an" | "its" | "their" | "his" | "her" | "'s" | "’s"
        );
    opens.then_some(role)
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
    // words that qualify the title without being on the list ("climate
    // commissioner", "Summit president", "civil protection minister")
    let mut free_qualifiers = 0;
    // where the role ended before the first of them, if they must go
    let mut before_free: Option<usize> = None;
    // a role is a few words long; the bound keeps odd texts linear
    for _ in 0..12 {
        if left == 0 || ws.words[left - 1].sentence != sentence {
            break;
        }
        let p = left - 1;
        // "China’s foreign minister": a possessive clitic after a name;
        // a person's ("Stanton's campaign manager") opens the role
        if matches!(ws.key(p), "'s" | "’s")
            && let Some((kind, words)) = mention_ending_at.get(&p)
        {
            if *kind == EntityKind::Person {
                left = words.start;
                break;
            }
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
        // "foreign minister", "Indian Foreign Secretary"
        if matches!(w.shape, Shape::Lower | Shape::Capitalized)
            && QUALIFIERS.contains(&k)
            && !matches!(k, "the" | "of" | "for")
        {
            left = p;
            continue;
        }
        // a noun-like word of its own: no function word, verb form or
        // adverb ("said", "visited", "recently"), no number
        let noun_like = matches!(w.shape, Shape::Lower | Shape::Capitalized)
            && !w.facts.is_common()
            && !w.facts.is_given_name()
            && k.len() > 3
            && k.bytes().all(|b| b.is_ascii_lowercase())
            && !["ed", "ly", "ing", "'s"].iter().any(|e| k.ends_with(e));
        if noun_like && free_qualifiers < 2 {
            free_qualifiers += 1;
            before_free.get_or_insert(left);
            left = p;
            continue;
        }
        break;
    }
    // unlisted words count only where a phrase can start before them (the
    // sentence's start, a determiner, a comma): "Austin met President
    // Marcos" has no "met President" role
    if let Some(kept) = before_free
        && left > 0
        && ws.words[left - 1].sentence == sentence
        && !matches!(
            ws.key(left - 1),
            "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our" | "," | "'s" | "’s"
        )
    {
        left = kept;
    }
    Some(ws.span_of(left..title.end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_title_next_to_it_or_an_appositive_after_may_give_a_role() {
        let text = "Senator’s aide Jo Park and Minister Li Wen met Ana Ruiz, the envoy, and Bo Lin, a friend.";
        let doc = Document::new(text);
        let lex = super::super::gazetteer::lexicon();
        let at = |s: &str| {
            let a = text.find(s).expect("in text");
            Span::new(a, a + s.len())
        };
        let titles = [at("Senator"), at("aide"), at("Minister")];
        let may =
            |titles: &[Span], s: &str| may_have_role(&doc, lex, titles, at(s), &mut String::new());
        assert!(may(&titles, "Jo Park"));
        assert!(may(&titles, "Li Wen"));
        assert!(may(&titles, "Ana Ruiz"), "a comma and a title follow");
        assert!(!may(&titles, "Bo Lin"), "a comma, but no title after it");
        assert!(!may(&titles, "and"), "a word between");
        assert!(may(&titles[..1], "aide"), "a possessive between");
    }
}
