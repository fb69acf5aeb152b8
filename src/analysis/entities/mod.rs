//! Entity recognition and linking: who and what the article names.
//!
//! Entry point: [`recognize`]. The stages, each in its own module:
//!
//! 1. [`words`]: the word view (possessives cut, capitals that say nothing
//!    marked, headlines in capitals marked).
//! 2. [`names`]: name mentions by rules over runs of capitalised words and
//!    the gazetteers of [`gazetteer`] (countries, demonyms, cities, regions,
//!    organisations, titles, given names, surnames); [`party_tag`]: no
//!    name inside a lawmaker's party-and-state tag ("(R-Texas)").
//! 3. [`merge`]: the statistical tagger's proposals ([`crate::analysis::ner`])
//!    fill what the rules left open and replace their guesses; the known
//!    names and context rules win on conflict.
//! 4. [`speaker_label`]: transcript labels ("PENCE:") name people.
//! 5. [`numeric`]: money, dates and quantities by patterns.
//! 6. [`link`]: one entity per referent, with its canonical name, aliases,
//!    and ambiguous mentions; [`role`]: the role of each person.
//!
//! Everything is linear in the text: hash lookups per word, no loops over
//! mentions × entities. The gazetteers are read at build time (`build.rs`)
//! and put in hash maps once, on first use.

mod gazetteer;
mod link;
mod merge;
mod names;
mod numeric;
mod party_tag;
mod retype;
mod role;
mod speaker_label;
mod word_set;
mod words;

use super::{Document, Entity, EntityKind, Span};
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::ops::Range;

/// How sure the recogniser is of a mention's kind, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Evidence {
    /// A capitalised word nothing else explains.
    Guess,
    /// Proposed by the statistical tagger.
    Tagger,
    /// Typed by context: a given name, an org word.
    Context,
    /// Typed by a firm rule that the tagger does not overturn: a title
    /// before a person's name, an appositive after it, "the X administration".
    Firm,
    /// A gazetteer entry or a money/date/quantity pattern.
    Known,
}

/// A mention before linking.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mention {
    pub span: Span,
    pub kind: EntityKind,
    /// The words it covers in the word view of its run of sentences (empty
    /// for money, dates, quantities, and once the run is done).
    pub words: Range<usize>,
    /// The name it links by, when known ("United States" for "US", "$95 billion").
    pub canonical: Option<Cow<'static, str>>,
    /// What the gazetteers call it, when they know it.
    pub known: Option<gazetteer::PhraseKind>,
    pub evidence: Evidence,
    /// Its first word opens a sentence or a quotation (a capital there says nothing).
    pub opens: bool,
}

/// Finds every entity the document names, each with all its mentions.
///
/// ```
/// use gloss::analysis::{Document, EntityKind, entities::recognize};
/// let doc = Document::new("Finance Minister Ana Costa visited Brazil. Costa spoke on Monday.");
/// let entities = recognize(&doc);
/// let costa = entities.iter().find(|e| e.kind == EntityKind::Person).unwrap();
/// assert_eq!(costa.name, "Ana Costa");
/// assert_eq!(costa.role.as_deref(), Some("Finance Minister"));
/// assert_eq!(costa.mentions.len(), 2);
/// ```
pub fn recognize(doc: &Document<'_>) -> Vec<Entity> {
    let lex = gazetteer::lexicon();
    let text = doc.text;
    let mut ws = words::Words::empty(text);
    let mut tagger = super::ner::DocTagger::new(doc);
    ws.reserve_spellings(tagger.spelling_count());
    let mut tagged = Vec::new();
    let mut mentions: Vec<Mention> = Vec::new();
    // words capitalised where a capital means a name
    let mut capitals: FxHashSet<&str> = FxHashSet::default();
    // the spellings (the tagger's numbers) of whole tokens put in `capitals`
    let mut capital_forms = vec![false; tagger.spelling_count()];
    // the titles' spans, for the roles
    let mut titles: Vec<Span> = Vec::new();
    let mut inner_org_words: Vec<usize> = Vec::new();
    let scores = reports_scores(text);
    for run in runs(doc) {
        let first_token = doc.sentence_tokens.get(run.start).map_or(0, |r| r.start);
        let spellings = tagger.spellings().get(first_token..).unwrap_or(&[]);
        ws.fill(doc, lex, run.clone(), spellings);
        let names::Found {
            mentions: mut found,
            titles: run_titles,
            ..
        } = names::find(&ws, lex);
        titles.extend(run_titles.iter().map(|t| ws.span_of(t.clone())));
        tagged.clear();
        tagger.tag(run, &mut tagged);
        merge::tagger(&ws, &mut found, &tagged, &run_titles, scores);
        // words after the first of an organisation's or a place's name
        // ("Timber" of "Pacific Timber Association", "Negotiators" of
        // "African Group of Negotiators") are capitalised for the name's
        // sake: they vouch for no name of their own
        inner_org_words.clear();
        for m in &found {
            if m.kind != EntityKind::Person && m.words.len() >= 2 {
                inner_org_words.extend(m.words.start + 1..m.words.end);
            }
        }
        inner_org_words.sort_unstable();
        // the first inner word not before the word read (both in order)
        let mut inner = inner_org_words.iter().copied().peekable();
        let forms = tagger.spellings();
        for (i, w) in ws.words.iter().enumerate() {
            if w.is_capital() && !w.opens && !w.in_caps_line && {
                while inner.next_if(|&k| k < i).is_some() {}
                inner.peek() != Some(&i)
            } {
                // a whole token's spelling goes in once (the same bytes)
                let whole = doc.tokens.get(w.token).is_some_and(|t| t.span() == w.span);
                let put = match forms
                    .get(w.token)
                    .and_then(|&f| capital_forms.get_mut(f as usize))
                {
                    Some(put) if whole => !std::mem::replace(put, true),
                    _ => true,
                };
                if put {
                    capitals.insert(ws.text_of(i));
                }
            }
        }
        mentions.extend(found.into_iter().map(|mut m| {
            m.opens = ws.words.get(m.words.start).is_some_and(|w| w.opens);
            m.words = 0..0;
            m
        }));
    }
    drop(capital_forms);
    let starts = numeric::starts(doc, tagger.spellings(), tagger.spelling_count());
    mentions.retain(|m| !party_tag::inside_party_tag(text, m.span));
    reconcile(text, &mut mentions, &capitals);
    drop(capitals);
    let labels = speaker_label::find(doc, lex, &mentions);
    mentions.extend(labels);
    mentions.extend(numeric::find(doc, &starts));
    drop(starts);
    let mentions = resolve_overlaps(mentions);
    let mut linked = link::link(text, &mentions);
    titles.sort_by_key(|t| t.start);
    // the roles read some sentences again, with the view and the spelling
    // numbers the names were read with
    role::assign(
        doc,
        lex,
        ws,
        tagger.spellings(),
        &mentions,
        &titles,
        &mut linked,
    );
    linked.entities
}

/// Tokens per run of sentences read at once: large enough that the
/// per-run work is nothing, small enough that its buffers stay in cache.
const RUN_TOKENS: usize = 4096;

/// The document's sentences in runs of about [`RUN_TOKENS`] tokens (a
/// longer sentence is a run of its own).
fn runs<'d>(doc: &'d Document<'_>) -> impl Iterator<Item = Range<usize>> + 'd {
    let n = doc.sentence_tokens.len();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= n {
            return None;
        }
        let first_token = doc.sentence_tokens[start].start;
        let mut end = start + 1;
        while end < n && doc.sentence_tokens[end].end.saturating_sub(first_token) <= RUN_TOKENS {
            end += 1;
        }
        let run = start..end;
        start = end;
        Some(run)
    })
}

/// True when the text reports games: two or more scores such as "2-1" or
/// "6-3" (a digit or two, a hyphen, a digit or two, not part of a longer
/// number or a date).
fn reports_scores(text: &str) -> bool {
    let b = text.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    // the edge of a number: no digit, hyphen or decimal point goes on
    let open = |i: Option<usize>| {
        i.is_none_or(|i| {
            !digit(i) && b[i] != b'-' && !(b[i] == b'.' && (i > 0 && digit(i - 1) && digit(i + 1)))
        })
    };
    let mut found = 0;
    for (i, _) in text.match_indices('-') {
        let left = (1..=3).take_while(|&k| k <= i && digit(i - k)).count();
        let right = (1..=3).take_while(|&k| digit(i + k)).count();
        if (1..=2).contains(&left)
            && (1..=2).contains(&right)
            && open((i - left).checked_sub(1))
            && open(Some(i + right + 1).filter(|&j| j < b.len()))
        {
            found += 1;
            if found >= 2 {
                return true;
            }
        }
    }
    false
}

/// Document-level decisions: a word that is part of a person's full name is
/// that person elsewhere too; a capitalised first word of a sentence that
/// nothing else explains is dropped unless the text capitalises it elsewhere
/// (`capitals`: the words written with a capital where it means a name);
/// a guess takes the kind the same words got from stronger evidence.
fn reconcile(text: &str, mentions: &mut Vec<Mention>, capitals: &FxHashSet<&str>) {
    // Only guesses and single tagged words are reconsidered: index just what
    // they need (most mentions are neither).
    let mut guesses: FxHashSet<&str> = FxHashSet::default();
    let mut singles: FxHashSet<&str> = FxHashSet::default();
    for m in mentions.iter() {
        let s = m.span.of(text);
        if m.evidence == Evidence::Guess {
            guesses.insert(s);
        }
        if reconsidered_single(m, s) {
            singles.insert(s);
        }
    }
    if guesses.is_empty() && singles.is_empty() {
        return;
    }
    let mut person_word: FxHashSet<&str> = FxHashSet::default();
    let mut strong_kind: FxHashMap<&str, (EntityKind, Evidence)> = FxHashMap::default();
    for m in mentions.iter() {
        if m.evidence < Evidence::Tagger {
            continue;
        }
        let s = m.span.of(text);
        if m.kind == EntityKind::Person && !singles.is_empty() && has_space(s) {
            for w in s.split_whitespace() {
                if singles.contains(w) {
                    person_word.insert(w);
                }
            }
        }
        if !guesses.is_empty() && guesses.contains(s) {
            let e = strong_kind.entry(s).or_insert((m.kind, m.evidence));
            if m.evidence > e.1 {
                *e = (m.kind, m.evidence);
            }
        }
    }
    mentions.retain_mut(|m| {
        let s = m.span.of(text);
        let single = !has_space(s);
        if single
            && is_weak_single(m)
            && s.len() > 2
            && !person_word.is_empty()
            && person_word.contains(s)
        {
            m.kind = EntityKind::Person;
            m.evidence = Evidence::Context;
            return true;
        }
        if m.evidence == Evidence::Guess {
            if let Some((kind, _)) = strong_kind.get(s) {
                m.kind = *kind;
                return true;
            }
            if m.opens && single && !capitals.contains(s) {
                return false;
            }
        }
        true
    });
}

/// A single word whose kind a full name elsewhere may change: a guess, a
/// tagged word, or a country or city that is also a surname ("Jordan" once
/// "Michael Jordan" is in the text).
fn reconsidered_single(m: &Mention, surface: &str) -> bool {
    is_weak_single(m) && !has_space(surface)
}

/// The evidence part of [`reconsidered_single`]: a guess, a tagged word,
/// a country or a city.
fn is_weak_single(m: &Mention) -> bool {
    m.evidence < Evidence::Context
        || matches!(
            m.known,
            Some(gazetteer::PhraseKind::Country | gazetteer::PhraseKind::City)
        )
}

/// True when `s` has a space (a byte test: mentions are short).
fn has_space(s: &str) -> bool {
    s.as_bytes().contains(&b' ')
}

/// Sorts mentions by position; of two that overlap, keeps the longer (then
/// the better evidenced). In place: a long document's mentions are not
/// held twice.
fn resolve_overlaps(mut mentions: Vec<Mention>) -> Vec<Mention> {
    mentions.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    mentions.retain(|m| !m.span.is_empty());
    let mut kept = 0;
    for i in 0..mentions.len() {
        if kept > 0 && mentions[kept - 1].span.overlaps(&mentions[i].span) {
            let (m, last) = (&mentions[i], &mentions[kept - 1]);
            if (m.span.len(), m.evidence) > (last.span.len(), last.evidence) {
                mentions.swap(kept - 1, i);
            }
            continue;
        }
        mentions.swap(kept, i);
        kept += 1;
    }
    mentions.truncate(kept);
    mentions
}

#[cfg(test)]
mod tests;
