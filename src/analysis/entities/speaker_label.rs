//! Speaker labels of transcripts: "PENCE:", "JAKE TAPPER:" in capitals at
//! the start of a paragraph (after an opening quotation mark, if any).
//!
//! Entry point: [`find`]. A label names a person: the one of the article
//! whose name or surname it is ("PENCE" is Mike Pence, linked as any
//! surname is), or else a person of its own, named in title case
//! ("Dana Holt" for "DANA HOLT"). A label that looks like no name (a role
//! such as "MODERATOR", a note such as "CLARIFICATION", a known place or
//! organisation) names nobody.
//!
//! It only reads paragraph openings; linking belongs to [`super::link`].

use super::gazetteer::Lexicon;
use super::{Evidence, Mention};
use crate::analysis::{Document, EntityKind, Span};
use rustc_hash::FxHashSet;
use std::borrow::Cow;

/// Opening quotation marks a transcript paragraph may start with.
const OPENERS: &[char] = &['"', '“', '‘', '\''];

/// Most words a label has ("JOHN F. KENNEDY").
const MAX_WORDS: usize = 4;

/// Most characters read before a label's colon.
const MAX_LABEL_CHARS: usize = 48;

/// Labels of transcripts that are roles or notes, not names (written for gloss).
const NOT_NAMES: &[&str] = &[
    "moderator",
    "host",
    "anchor",
    "announcer",
    "reporter",
    "interviewer",
    "question",
    "answer",
    "audience",
    "crowd",
    "unidentified",
    "male",
    "female",
    "voice",
    "crosstalk",
    "clarification",
    "correction",
    "update",
    "editor",
    "note",
    "source",
    "transcript",
    "video",
    "caption",
];

/// A label found at a paragraph's start: its span (without the colon) and
/// its words in lowercase.
struct Label {
    span: Span,
    words: Vec<String>,
}

/// Appends `w` in lowercase to `key` (ASCII, nearly every name, without
/// reading chars).
fn push_lower(key: &mut String, w: &str) {
    if w.is_ascii() {
        let start = key.len();
        key.push_str(w);
        key[start..].make_ascii_lowercase();
    } else {
        key.extend(w.chars().flat_map(char::to_lowercase));
    }
}

/// Person mentions for the speaker labels of `doc`; `mentions` are the
/// names found so far (a label links to the person they name).
pub(crate) fn find(doc: &Document<'_>, lex: &Lexicon, mentions: &[Mention]) -> Vec<Mention> {
    let labels: Vec<Label> = doc
        .paragraphs
        .iter()
        .filter_map(|p| label_at(doc.text, p.span))
        .collect();
    if labels.is_empty() {
        return Vec::new();
    }
    // what a label may name a person by: its words together, its last word
    let wanted: FxHashSet<String> = labels
        .iter()
        .flat_map(|l| {
            [
                l.words.join(" "),
                l.words.last().cloned().unwrap_or_default(),
            ]
        })
        .collect();
    // those that name a person of the article: a full name, a first or last
    // word (the people's names are read without allocating)
    // (a cheap first test: the byte lengths of what is wanted)
    let lengths: u64 = wanted.iter().fold(0, |mask, w| {
        mask | 1u64.checked_shl(w.len() as u32).unwrap_or(0)
    });
    let may_be_wanted = |s: &str| lengths & 1u64.checked_shl(s.len() as u32).unwrap_or(0) != 0;
    let mut named: FxHashSet<String> = FxHashSet::default();
    let mut key = String::new();
    // a name is read once however often the article repeats it
    let mut read: FxHashSet<&str> = FxHashSet::default();
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Person) {
        let surface = m.span.of(doc.text);
        if !read.insert(surface) {
            continue;
        }
        let mut words = surface.split_whitespace();
        let first = words.next();
        let last = words.next_back().or(first);
        for w in [first, last].into_iter().flatten() {
            if !may_be_wanted(w) {
                continue;
            }
            key.clear();
            push_lower(&mut key, w);
            if wanted.contains(&key) {
                named.insert(key.clone());
            }
        }
        if !may_be_wanted(surface) {
            continue;
        }
        key.clear();
        for (i, w) in surface.split_whitespace().enumerate() {
            if i > 0 {
                key.push(' ');
            }
            push_lower(&mut key, w);
        }
        if wanted.contains(&key) {
            named.insert(key.clone());
        }
    }
    labels
        .into_iter()
        .filter(|l| {
            let known = named.contains(&l.words.join(" "))
                || l.words.last().is_some_and(|w| named.contains(w));
            known || looks_like_a_name(lex, &l.words)
        })
        .map(|l| Mention {
            span: l.span,
            kind: EntityKind::Person,
            words: 0..0,
            canonical: Some(Cow::Owned(title_case(l.span.of(doc.text)))),
            known: None,
            evidence: Evidence::Known,
            opens: false,
        })
        .collect()
}

/// The label at the start of `paragraph`, if it opens with one.
fn label_at(text: &str, paragraph: Span) -> Option<Label> {
    let para = paragraph.of(text);
    let body = para.trim_start_matches(|c: char| c.is_whitespace() || OPENERS.contains(&c));
    let start = paragraph.start + (para.len() - body.len());
    // only capitals, spaces and marks up to the colon: a paragraph of prose
    // is read no further than its first lowercase letter
    let colon = body
        .char_indices()
        .take(MAX_LABEL_CHARS)
        .find(|&(_, c)| !(c.is_uppercase() || matches!(c, ' ' | '\'' | '’' | '-' | '.')))
        .filter(|&(_, c)| c == ':')?
        .0;
    let label = &body[..colon];
    // the colon ends the label and is followed by a space (not "10:30"),
    // then by words, not by a figure ("DUE: 11/1/96" of a data sheet)
    let turn = &body[colon + 1..];
    if !turn.starts_with(char::is_whitespace)
        || !turn
            .trim_start()
            .starts_with(|c: char| c.is_alphabetic() || OPENERS.contains(&c))
    {
        return None;
    }
    let words: Vec<&str> = label.split(' ').collect();
    if words.len() > MAX_WORDS || !words.iter().all(|w| is_word_in_capitals(w)) {
        return None;
    }
    // at least one word of two letters or more: "Q:" and "A:" are no names
    if !words
        .iter()
        .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
    {
        return None;
    }
    Some(Label {
        span: Span::new(start, start + label.len()),
        words: words.iter().map(|w| w.to_lowercase()).collect(),
    })
}

/// "PENCE", "O'BRIEN", "SMITH-JONES", "F.": capitals with inner marks.
fn is_word_in_capitals(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
        && w.chars()
            .all(|c| c.is_uppercase() || matches!(c, '\'' | '’' | '-' | '.'))
}

/// An unknown label is a name when it starts with a given name or is a
/// known surname, and is no role, note, place or organisation.
fn looks_like_a_name(lex: &Lexicon, words: &[String]) -> bool {
    let phrase = words.join(" ");
    if words
        .iter()
        .any(|w| NOT_NAMES.contains(&w.as_str()) || lex.is_common(w))
        || lex.is_title(&phrase)
        || lex.phrase(&phrase).is_some()
    {
        return false;
    }
    let first = words.first().map_or("", String::as_str);
    let last = words.last().map_or("", String::as_str);
    (words.len() >= 2 && lex.is_given_name(first)) || lex.surname_rank(last).is_some()
}

/// "JAKE TAPPER" -> "Jake Tapper", "O'BRIEN" -> "O'Brien".
fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut after_letter = false;
    for c in s.chars() {
        if after_letter {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
        after_letter = c.is_alphabetic();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(text: &str) -> Option<String> {
        let span = Span::new(0, text.len());
        label_at(text, span).map(|l| l.span.of(text).to_string())
    }

    #[test]
    fn labels_open_paragraphs_in_capitals() {
        assert_eq!(label("PENCE: Well, thank you.").as_deref(), Some("PENCE"));
        assert_eq!(
            label("\"JAKE TAPPER: What did he say?").as_deref(),
            Some("JAKE TAPPER")
        );
        assert_eq!(label("O'BRIEN: Yes.").as_deref(), Some("O'BRIEN"));
    }

    #[test]
    fn other_colons_are_no_labels() {
        for text in [
            "Pence: the debate will go ahead.",
            "The plan: cut taxes.",
            "Q: What next?",
            "AT 10:30 the vote began.",
            "DUE: 11/1/99 at par.",
            "CALL: 4.5 percent",
            "NATO AND THE EU AND THE UN AGREED: no.",
        ] {
            assert_eq!(label(text), None, "{text}");
        }
    }

    #[test]
    fn title_case_of_labels() {
        assert_eq!(title_case("JAKE TAPPER"), "Jake Tapper");
        assert_eq!(title_case("O'BRIEN"), "O'Brien");
        assert_eq!(title_case("SMITH-JONES"), "Smith-Jones");
    }
}
