//! Reported speech without quotation marks: indirect ("X said (that) ...",
//! "according to X, ...", "..., sources said") and unmarked ("...? he asked").
//!
//! Entry point: [`find`]. It reads the frames found by [`super::frames`] and
//! cuts the reported clause each one introduces or closes, within the
//! frame's sentence. A clause that is mostly a quotation is left to the
//! quotation. It must not pair marks or resolve speakers.

use super::frames::{Frame, Layout};
use super::lexicon::{BE, BETWEEN, CUE_ANY, CUE_QUOTE, PREPOSITION, STOP, TIME};
use super::phrases::dateline_end;
use super::{Ctx, Found};
use crate::analysis::{QuoteKind, Span};

/// Shortest reported clause, in tokens.
const MIN_TOKENS: usize = 4;
/// Fewest words before a closing frame ("..., sources said").
const MIN_CLOSING_WORDS: usize = 5;
/// Longest reported clause, in tokens (bounds the work per frame).
const MAX_TOKENS: usize = 160;
/// Longest tail allowed after a closing frame ("..., he said in a statement on Monday.").
const MAX_TAIL: usize = 8;
/// Longest phrase after a comma that ends a closing frame's tail (", a day
/// after the talks ended.").
const MAX_AFTER_TAIL: usize = 20;

/// Adds the indirect and unmarked speech of every frame to `found`.
pub fn find(cx: &Ctx<'_, '_>, frames: &[Frame], found: &mut Vec<Found>) {
    let mut embedded_until = 0; // frames before this token sit inside an earlier clause
    for (fi, f) in frames.iter().enumerate() {
        // "... and suggested that ...": a second verb of the first speaker
        // with a clause of its own, even after an embedded one
        let own_clause = matches!(cx.word(f.first), "and" | "but")
            && f.complement
                .is_some_and(|c| c > 0 && cx.word(c - 1).eq_ignore_ascii_case("that"));
        if (f.first < embedded_until && !own_clause) || f.embedded {
            // "Smith said he believed ...": "believed" is part of Smith's words
            continue;
        }
        let range = &cx.doc.sentence_tokens[f.sentence];
        let (lo, hi) = (range.start, range.end);
        let next_in_sentence = frames.get(fi + 1).filter(|n| n.sentence == f.sentence);
        if f.layout == Layout::Subject {
            continue;
        }
        let prev_in_sentence = fi
            .checked_sub(1)
            .map(|p| &frames[p])
            .filter(|p| p.sentence == f.sentence);
        let clause = if let Some(c) = f.complement {
            // "X said (that) ...": up to the end of the sentence or a closing frame
            let mut end = hi;
            if let Some(n) = next_in_sentence
                && n.first <= c + 1
                && !matches!(cx.word(n.first), "and" | "but")
            {
                // "said he believed ...": the next frame is embedded in this clause
                embedded_until = hi;
            } else if let Some(n) = next_in_sentence
                && n.first > c
                // "... larger than they had feared": a verb with no clause
                // of its own that never frames a quotation is part of this one
                && (n.complement.is_some() || n.class & CUE_QUOTE != 0)
            {
                // "..., and US officials have stated": the next frame's clause is its own
                end = n.first;
                while end > c
                    && [
                        ",", ";", "and", "but", "while", "as", "where", "when", "which", "who",
                    ]
                    .iter()
                    .any(|w| cx.word(end - 1).eq_ignore_ascii_case(w))
                {
                    end -= 1;
                }
            }
            // "While Smith said that ..., the rest": the clause ends at the comma;
            // ", and ..." or "; ..." starts another clause
            let subordinate = f.first > lo && cx.class(f.first - 1) & STOP != 0;
            // a comma that closes a quotation ("... hacked,'' both") counts too
            let comma = |k: usize| {
                cx.word(k) == ","
                    && (!cx.quoted(k) || (k + 2 < end && cx.quoted(k + 1) && !cx.quoted(k + 2)))
            };
            let after_comma = |k: usize| {
                let n = if cx.quoted(k) { k + 2 } else { k + 1 };
                n < end
                    && matches!(
                        cx.word(n),
                        "and"
                            | "but"
                            | "while"
                            | "whereas"
                            | "compared"
                            | "versus"
                            | "however"
                            | "although"
                            | "though"
                            | "up"
                            | "down"
                            | "according"
                    )
            };
            // "... and has since left": a second verb of the speaker's own
            let second_verb = |k: usize| {
                !cx.quoted(k)
                    && matches!(cx.word(k), "and" | "but")
                    && k + 1 < end
                    && cx.class(k + 1) & (BETWEEN | BE | CUE_ANY) != 0
            };
            if let Some(k) = (c..end).find(|&k| {
                // each test below wants ";", "," or "and"/"but": most words
                // fail on their first byte
                matches!(cx.first_byte(k), b';' | b',' | b'a' | b'b')
                    && ((cx.word(k) == ";" && !cx.quoted(k))
                        || (comma(k) && (subordinate || after_comma(k)))
                        || second_verb(k))
            }) {
                end = k;
            }
            if let Some(t) = f.turn_end {
                // a transcript turn: the paragraph's sentences are all the speaker's
                end = t;
            }
            let kind = if f.layout == Layout::Colon {
                QuoteKind::Unmarked
            } else {
                QuoteKind::Indirect
            };
            Some((c, end, kind))
        } else if f.layout == Layout::According {
            according_clause(cx, f, lo, hi)
        } else if matches!(f.layout, Layout::Active | Layout::Inverted) {
            let lo = prev_in_sentence.map_or(lo, |p| (p.last + 1).max(lo));
            closing_clause(cx, f, lo, hi)
        } else {
            None
        };
        let Some((start, end, kind)) = clause else {
            continue;
        };
        if let Some(content) = clause_span(cx, start, end) {
            found.push(Found {
                kind,
                content,
                frame: fi,
                // the clause mostly starts in the frame's sentence
                paragraph: cx.paragraph_of_token_near(start, f.sentence),
            });
        }
    }
}

/// "According to X, ..." or "..., according to X."
fn according_clause(
    cx: &Ctx<'_, '_>,
    f: &Frame,
    lo: usize,
    hi: usize,
) -> Option<(usize, usize, QuoteKind)> {
    let after = f.source.last + 1;
    if f.cue_tok == lo || (f.cue_tok == lo + 1 && !cx.is_word(lo)) {
        return (after < hi && cx.word(after) == ",").then_some((
            after + 1,
            hi,
            QuoteKind::Indirect,
        ));
    }
    let comma = f.cue_tok - 1;
    (cx.word(comma) == ",").then_some((lo, comma, QuoteKind::Indirect))
}

/// "..., sources said." or "...? he asked.": the clause before a frame that
/// closes the sentence.
fn closing_clause(
    cx: &Ctx<'_, '_>,
    f: &Frame,
    lo: usize,
    hi: usize,
) -> Option<(usize, usize, QuoteKind)> {
    if f.first == lo && lo > 0 && cx.word(lo - 1) == "?" && !cx.quoted(lo - 1) {
        return question_before(cx, f, lo, hi);
    }
    if let Some(clause) = interrupted_clause(cx, f, lo, hi) {
        return Some(clause);
    }
    if f.first <= lo + MIN_TOKENS {
        return None;
    }
    let sep = f.first - 1;
    let kind = match cx.word(sep) {
        "," => QuoteKind::Indirect,
        "?" | "!" => QuoteKind::Unmarked,
        _ => return None,
    };
    // nothing but a short adverbial may follow the frame, and after a
    // comma a phrase with no verb of speech ("officials said Saturday, a
    // day after talks in Istanbul ended")
    let comma = (f.last + 1..hi).find(|&k| cx.word(k) == ",");
    let tail_end = comma.unwrap_or(hi);
    if tail_end - f.last > MAX_TAIL + 2 || (f.last + 1..hi).any(|k| cx.quoted(k)) {
        return None;
    }
    if let Some(c) = comma
        && (hi - c > MAX_AFTER_TAIL
            || c + 1 >= hi
            || matches!(cx.word(c + 1), "and" | "but" | "so" | "which" | "who")
            || (c + 1..hi).any(|k| cx.class(k) & CUE_ANY != 0 || cx.word(k) == ","))
    {
        return None;
    }
    // only an adverbial may follow: "in a statement", "on Tuesday"
    let tail = f.last + 1;
    if tail < hi && cx.word(tail) != "." && cx.class(tail) & (PREPOSITION | TIME) == 0 {
        return None;
    }
    // a quotation right before is attributed as a quotation; a dateline
    // ("LONDON (Reuters) -") is not the speaker's
    let lo = dateline_end(cx, lo, sep)
        .unwrap_or(lo)
        .max(sep.saturating_sub(MAX_TOKENS));
    if (lo..sep).any(|k| cx.quoted(k)) {
        return None;
    }
    let end = if kind == QuoteKind::Unmarked {
        sep + 1
    } else {
        sep
    };
    // "How many more storms must we sit through, she asked.": a question
    // written without its quotation marks or its question mark
    let kind =
        if kind == QuoteKind::Indirect && asks(cx.word(f.cue_tok)) && opens_question(cx.word(lo)) {
            QuoteKind::Unmarked
        } else {
            kind
        };
    if (lo..end).filter(|&k| cx.is_word(k)).count() < MIN_CLOSING_WORDS {
        return None;
    }
    Some((lo, end, kind))
}

/// "The count, he said, would take until Friday.": a frame between commas
/// inside the clause it reports; the whole sentence is the speaker's
/// (the frame's words with it: a quote is one span).
fn interrupted_clause(
    cx: &Ctx<'_, '_>,
    f: &Frame,
    lo: usize,
    hi: usize,
) -> Option<(usize, usize, QuoteKind)> {
    // "he said", "said Smith"; not "The program, called EB-5, allows"
    let said = ["said", "says"]
        .iter()
        .any(|w| cx.word(f.cue_tok).eq_ignore_ascii_case(w));
    if !(f.layout == Layout::Active || (f.layout == Layout::Inverted && said))
        || f.first <= lo
        || cx.word(f.first - 1) != ","
        || f.addressee.is_some()
    {
        return None;
    }
    // "the minister said on Tuesday,": a short adverbial before the comma
    let after = (f.last + 1..(f.last + 4).min(hi))
        .take_while(|&k| {
            !cx.quoted(k)
                && (cx.word(k) == "," || cx.class(k) & (PREPOSITION | TIME | BETWEEN) != 0)
        })
        .find(|&k| cx.word(k) == ",")?;
    let words = |r: std::ops::Range<usize>| r.filter(|&k| cx.is_word(k)).count();
    let before = words(lo..f.first - 1);
    let rest = words(after + 1..hi);
    // a subject before the frame, a verb phrase after it; no quotation,
    // and no other comma before the frame (", which, he said, ...")
    let plain = (lo..hi).all(|k| !cx.quoted(k))
        && (lo..f.first - 1).all(|k| cx.word(k) != ",")
        && (1..=6).contains(&before)
        && rest >= 3
        && before + rest >= MIN_CLOSING_WORDS;
    plain.then_some((lo, hi, QuoteKind::Indirect))
}

/// "Is Europe ready? Jaishankar asked at a forum.": a question without
/// quotation marks, its own sentence, then a sentence of the frame alone
/// (and a short adverbial): the question is the speaker's words.
fn question_before(
    cx: &Ctx<'_, '_>,
    f: &Frame,
    lo: usize,
    hi: usize,
) -> Option<(usize, usize, QuoteKind)> {
    let prev = f.sentence.checked_sub(1)?;
    let same_paragraph = cx.doc.sentences[prev].paragraph == cx.doc.sentences[f.sentence].paragraph;
    let start = cx.doc.sentence_tokens[prev].start;
    let tail_ok = hi - f.last <= MAX_TAIL + 2
        && (f.last + 1..hi).all(|k| !cx.quoted(k) && cx.word(k) != ",")
        && (f.last + 1 >= hi
            || cx.word(f.last + 1) == "."
            || cx.class(f.last + 1) & (PREPOSITION | TIME) != 0);
    let words = (start..lo).filter(|&k| cx.is_word(k)).count();
    (same_paragraph
        && asks(cx.word(f.cue_tok))
        && tail_ok
        && words >= MIN_CLOSING_WORDS
        && !(start..lo).any(|k| cx.quoted(k)))
    .then_some((start, lo, QuoteKind::Unmarked))
}

/// Cues that report a question.
fn asks(cue: &str) -> bool {
    ["asked", "asks", "wondered", "wonders"]
        .iter()
        .any(|c| cue.eq_ignore_ascii_case(c))
}

/// Words that open a direct question ("How", "Why", "Is", "Can").
fn opens_question(word: &str) -> bool {
    const OPENERS: &[&str] = &[
        "how", "what", "why", "who", "whom", "whose", "when", "where", "which", "is", "are", "was",
        "were", "do", "does", "did", "can", "could", "will", "would", "should", "shall", "has",
        "have", "had", "may", "might", "must",
    ];
    OPENERS.iter().any(|o| word.eq_ignore_ascii_case(o))
}

/// The text of tokens `start..end`, without final punctuation; `None` when
/// too short or mostly quoted.
fn clause_span(cx: &Ctx<'_, '_>, start: usize, end: usize) -> Option<Span> {
    let mut end = end.min(start + MAX_TOKENS);
    while end > start && matches!(cx.word(end - 1), "." | ";" | ":" | ",") {
        end -= 1;
    }
    if end <= start || end - start < MIN_TOKENS || cx.quoted(start) {
        return None;
    }
    let quoted: usize = (start..end)
        .filter(|&k| cx.quoted(k))
        .map(|k| cx.span(k).len())
        .sum();
    let span = Span::new(cx.span(start).start, cx.span(end - 1).end);
    (quoted * 2 <= span.len()).then_some(span)
}
