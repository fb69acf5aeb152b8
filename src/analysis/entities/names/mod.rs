//! Name mentions: people, organisations, places and groups, found by rules.
//!
//! Entry point: [`find`]. It reads each sentence's runs of capitalised words
//! ("chunks": "US Secretary of State Antony Blinken") and cuts them into
//! known phrases from the gazetteers ("US": a place), titles ("Secretary of
//! State": no entity, but the role of the name after it) and the rest, which
//! it types by context: a title before it or an appositive after it, a given
//! name first, a surname, an organisation word ("Ministry", "Inc"). A
//! capital that says nothing (the first word of a sentence or a quotation, a
//! headline in capitals) does not start a name unless a gazetteer knows it.
//!
//! Cutting a chunk is in [`chunks`], typing a name run in [`typing`].
//!
//! It also returns the titles it found, for [`super::role`]. Linking
//! mentions into entities belongs to [`super::link`]; the statistical
//! tagger's proposals are merged in [`super::merge`].

use super::gazetteer::{KnownPhrase, Lexicon, PhraseKind};
use super::words::{Shape, Words};
use super::{Evidence, Mention};
use crate::analysis::EntityKind;
use std::borrow::Cow;
use std::ops::Range;

/// Particles of people's and places' names ("van der Westhuizen", "De
/// Wilde"), by their key: "de", "del", "della", "di", "van", "von", "der",
/// "den", "la", "le", "du", "da", "dos", "das", "al", "bin", "ibn", "el",
/// "ter", "ten". Byte patterns: a decision on the length and each byte,
/// not a comparison per word of the list (this runs for most short words).
#[inline]
fn is_particle_key(k: &str) -> bool {
    matches!(
        k.as_bytes(),
        [b'd', b'e' | b'i' | b'u' | b'a']
            | [b'l', b'a' | b'e']
            | [b'a' | b'e', b'l']
            | [b'd', b'e', b'l' | b'r' | b'n']
            | [b'd', b'o' | b'a', b's']
            | [b'v', b'a' | b'o', b'n']
            | [b'b', b'i', b'n']
            | [b'i', b'b', b'n']
            | [b't', b'e', b'r' | b'n']
            | [b'd', b'e', b'l', b'l', b'a']
    )
}

/// Words that are never names by themselves when capitalised
/// mid-sentence, by their key: "the", "a", "an", "and", "or", "but", "of",
/// "for", "i".
fn is_closed_class(k: &str) -> bool {
    matches!(
        k.as_bytes(),
        b"the" | b"a" | b"an" | b"and" | b"or" | b"but" | b"of" | b"for" | b"i"
    )
}

/// Abbreviated titles whose full stop stays inside a chunk ("Mr. Smith").
const DOTTED: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "st", "prof", "rev", "adm",
    "maj", "capt", "sgt", "cmdr", "mt", "jr", "sr",
];

/// Honorifics: they mark a person but are no role.
pub const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mister", "madam", "sir", "dame", "lord", "lady", "dr",
];

/// What the rules found: name mentions and titles (as word ranges).
pub struct Found {
    pub mentions: Vec<Mention>,
    pub titles: Vec<Range<usize>>,
    /// The segments of the chunk being read, kept for the next chunk.
    segments: Vec<Segment<'static>>,
}

/// Finds name mentions and titles in every sentence.
pub fn find(ws: &Words<'_>, lex: &'static Lexicon) -> Found {
    // room at once for about as many mentions and titles as a run of
    // political copy holds (spares most regrowth)
    let mut found = Found {
        mentions: Vec::with_capacity(ws.len() / 12),
        titles: Vec::with_capacity(ws.len() / 64),
        segments: Vec::new(),
    };
    for range in &ws.sentences {
        scan_sentence(ws, lex, range.clone(), &mut found);
    }
    found
}

/// True for a word that may join the capitalised words of one name: "of",
/// "for", "and", "&", "the" after "of" ("Bank of the South"), and particles
/// in lowercase ("Ludwig van Beethoven").
#[inline]
fn is_connector(ws: &Words<'_>, i: usize) -> bool {
    let w = &ws.words[i];
    // connectors and particles are short ASCII words (no other word
    // lowercases to one): longer words and words in capitals are ruled out
    // before their key is read (this runs for most words of a chunk)
    if w.span.len() > 5 || w.shape == Shape::Upper {
        return false;
    }
    let k = ws.key(i);
    match k.as_bytes() {
        b"of" | b"for" | b"and" | b"&" => true,
        // "the" joins only after "of": "Bank of the South"
        b"the" => i > 0 && ws.key(i - 1) == "of",
        _ => w.shape == Shape::Lower && is_particle_key(k),
    }
}

#[inline]
fn is_particle(ws: &Words<'_>, i: usize) -> bool {
    // particles are short ASCII words (see [`is_connector`])
    ws.words
        .get(i)
        .is_some_and(|w| (2..=5).contains(&w.span.len()))
        && is_particle_key(ws.key(i))
}

/// A capital letter with its full stop after it: "J." of "J. K. Rowling".
#[inline]
fn is_initial(ws: &Words<'_>, i: usize) -> bool {
    let w = &ws.words[i];
    // an initial is a capital letter, with its full stop or alone
    if !w.is_capital() || w.span.len() > 4 {
        return false;
    }
    let k = ws.key(i);
    // "K." is one token; "K" "." two, in older token conventions
    let dotted =
        k.len() == 2 && k.ends_with('.') && k.chars().next().is_some_and(char::is_alphabetic);
    let split = one_char(k)
        && ws.text_of(i + 1) == "."
        && ws
            .words
            .get(i + 1)
            .is_some_and(|d| d.span.start == w.span.end);
    dotted || split
}

/// True when `s` is one character.
fn one_char(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.len_utf8() == s.len())
}

/// True when word `i` starts lowercase particles in a row (at most three)
/// that end right before a capitalised word: "von der Leyen", "de la Cruz".
#[inline]
fn particles_before_name(ws: &Words<'_>, i: usize, end: usize) -> bool {
    // particles are two to four lowercase letters: most words are ruled out
    // by their shape and length before the list is read
    if ws.words.get(i).is_none_or(|w| w.shape != Shape::Lower) {
        return false;
    }
    let lower_particle = |k: usize| {
        ws.words[k].shape == Shape::Lower
            && (2..=4).contains(&ws.words[k].span.len())
            && is_particle(ws, k)
    };
    let mut j = i;
    while j < end && j - i < 3 && lower_particle(j) {
        j += 1;
    }
    j > i && j < end && ws.words[j].shape == Shape::Capitalized
}

/// True when word `i` may be part of a capitalised chunk that started before it.
fn continues_chunk(ws: &Words<'_>, i: usize, end: usize) -> bool {
    let w = &ws.words[i];
    if w.is_capital() {
        return true;
    }
    let next_capital = i + 1 < end && ws.words[i + 1].is_capital();
    if next_capital && is_connector(ws, i) {
        return true;
    }
    // "Ursula von der Leyen": particles in a row before the surname (the
    // length and the key rule out most words before a call)
    if w.shape == Shape::Lower
        && (2..=4).contains(&w.span.len())
        && is_particle(ws, i)
        && particles_before_name(ws, i, end)
    {
        return true;
    }
    // a full stop after an initial or an abbreviated title ("J. K.", "Mr.")
    if next_capital && i > 0 && w.shape == Shape::Punct && ws.text_of(i) == "." {
        let prev = ws.key(i - 1);
        let initial = one_char(prev) && ws.words[i - 1].is_capital();
        return initial || DOTTED.contains(&prev);
    }
    false
}

/// The longest known phrase starting at word `i` and ending before `end`.
#[inline]
fn phrase_at<'l>(
    ws: &Words<'_>,
    lex: &'l Lexicon,
    i: usize,
    end: usize,
    caps_line: bool,
) -> Option<(usize, &'l KnownPhrase)> {
    // most words start no phrase: ruled out here, without a call
    match ws.words.get(i) {
        Some(w) if w.facts.starts_phrase() => longest_phrase(ws, lex, i, end, caps_line),
        _ => None,
    }
}

/// [`phrase_at`] for a word that starts some phrase.
fn longest_phrase<'l>(
    ws: &Words<'_>,
    lex: &'l Lexicon,
    i: usize,
    end: usize,
    caps_line: bool,
) -> Option<(usize, &'l KnownPhrase)> {
    let first = ws.facts(i);
    // the key of words i..j, built only once a second word joins
    let mut key = ws.scratch.take();
    key.clear();
    let mut best = None;
    for j in i..end.min(i + lex.max_phrase_words) {
        let w = &ws.words[j];
        if w.shape == Shape::Punct && ws.text_of(j) != "." {
            break;
        }
        let may_join = caps_line || w.is_capital() || (j > i && is_connector(ws, j));
        if !may_join {
            break;
        }
        let found = if j == i {
            first.phrase(lex)
        } else {
            if j == i + 1 {
                key.push_str(ws.key(i));
            }
            if ws.words[j - 1].span.end < w.span.start {
                key.push(' ');
            }
            key.push_str(ws.key(j));
            if !lex.is_prefix(&key) {
                // "U.S." is one word, "U. S." is not; try without the dot too
                break;
            }
            lex.phrase(&key)
        };
        if let Some(p) = found {
            let case_ok = if p.acronym {
                let written = ws.span_of(i..j + 1).of(ws.text);
                let lower = written.chars().any(char::is_lowercase);
                let common = caps_line
                    && if j == i {
                        first.is_common()
                    } else {
                        lex.is_common(&key)
                    };
                !(lower || common)
            } else {
                true
            };
            if case_ok && ws.words[j].is_capital() {
                best = Some((j + 1 - i, p));
            }
        }
    }
    ws.scratch.set(key);
    best
}

/// The longest title starting at word `i` (any case) and ending before `end`.
#[inline]
fn title_at(ws: &Words<'_>, lex: &Lexicon, i: usize, end: usize) -> Option<usize> {
    // most words start no title: ruled out here, without a call
    match ws.words.get(i) {
        Some(w) if i < end && w.facts.starts_title() => longest_title(ws, lex, i, end),
        _ => None,
    }
}

/// [`title_at`] for a word that starts some title.
fn longest_title(ws: &Words<'_>, lex: &Lexicon, i: usize, end: usize) -> Option<usize> {
    let first = ws.facts(i);
    if matches!(ws.words[i].shape, Shape::Punct | Shape::Number) {
        return None;
    }
    let mut best = first.is_title().then_some(1);
    let last = end.min(i + lex.max_phrase_words);
    if i + 1 >= last || matches!(ws.words[i + 1].shape, Shape::Punct | Shape::Number) {
        return best;
    }
    let mut key = ws.scratch.take();
    key.clear();
    key.push_str(ws.key(i));
    for j in i + 1..last {
        if matches!(ws.words[j].shape, Shape::Punct | Shape::Number) {
            break;
        }
        key.push(' ');
        key.push_str(ws.key(j));
        if !lex.is_prefix(&key) {
            break;
        }
        if lex.is_title(&key) {
            best = Some(j + 1 - i);
        }
    }
    ws.scratch.set(key);
    best
}

fn scan_sentence(ws: &Words<'_>, lex: &'static Lexicon, range: Range<usize>, found: &mut Found) {
    let mut i = range.start;
    while i < range.end {
        let w = &ws.words[i];
        if w.in_caps_line {
            // a headline: only names the gazetteers know
            if let Some((len, p)) = phrase_at(ws, lex, i, range.end, true) {
                found.mentions.push(known_mention(ws, i..i + len, p));
                i += len;
            } else {
                i += 1;
            }
            continue;
        }
        match w.shape {
            // "von der Leyen said": a surname's particles open the chunk
            // (particles are two to four letters: the length rules out
            // most lowercase words before their key is read, the key most
            // of the rest before a call)
            Shape::Lower
                if i + 1 < range.end
                    && (2..=4).contains(&w.span.len())
                    && is_particle(ws, i)
                    && particles_before_name(ws, i, range.end) =>
            {
                let mut j = i + 1;
                while j < range.end && continues_chunk(ws, j, range.end) {
                    j += 1;
                }
                analyze_chunk(ws, lex, i..j, range.end, found);
                i = j;
            }
            Shape::Lower => {
                if let Some(len) = title_at(ws, lex, i, range.end) {
                    found.titles.push(i..i + len);
                    i += len;
                } else {
                    i += 1;
                }
            }
            Shape::Capitalized | Shape::Upper => {
                let mut j = i + 1;
                while j < range.end && continues_chunk(ws, j, range.end) {
                    j += 1;
                }
                if j == i + 1 && !w.facts.starts_phrase() && !w.facts.starts_title() {
                    analyze_single(ws, lex, i, range.end, found);
                } else {
                    analyze_chunk(ws, lex, i..j, range.end, found);
                }
                i = j;
            }
            _ => i += 1,
        }
    }
}

fn known_mention(ws: &Words<'_>, r: Range<usize>, p: &'static KnownPhrase) -> Mention {
    let kind = match p.kind {
        PhraseKind::Country | PhraseKind::Region | PhraseKind::City => EntityKind::Place,
        PhraseKind::Group => EntityKind::Group,
        PhraseKind::Org => EntityKind::Org,
    };
    Mention {
        span: ws.span_of(r.clone()),
        kind,
        words: r,
        canonical: Some(Cow::Borrowed(p.canonical)),
        known: Some(p.kind),
        evidence: Evidence::Known,
        opens: false,
    }
}

/// Trims connectors and stray punctuation from both ends of a word range.
fn trim(ws: &Words<'_>, mut r: Range<usize>) -> Range<usize> {
    let loose = |i: usize| is_connector(ws, i) || ws.words[i].shape == Shape::Punct;
    while r.start < r.end && loose(r.start) && !particles_before_name(ws, r.start, r.end) {
        r.start += 1;
    }
    while r.end > r.start && loose(r.end - 1) {
        // keep the dot of a final initial? never: "John F." is not a name end
        r.end -= 1;
    }
    r
}

mod chunks;
mod typing;
use chunks::{Segment, analyze_chunk, analyze_single};
pub use typing::appositive_title;
use typing::type_name;

#[cfg(test)]
mod tests;
