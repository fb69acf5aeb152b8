//! Attribution frames: a speech verb (the cue) with its speaker, addressee
//! and the place where the reported words start.
//!
//! Entry point: [`find`]. It reads every sentence outside quotation marks
//! and turns each usable cue into a [`Frame`]: "Blinken said", "said
//! Blinken", "State Department spokesman Matthew Miller said in a
//! statement", "Wang told Blinken", "were informed by the State Department
//! that", "according to US officials", "..., adding that". A frame names its
//! speaker as the text does (a name, a description, a pronoun); resolving
//! pronouns and linking to entities belongs to [`super::speaker`], and
//! deciding which quotation a frame attributes belongs to [`super`].
//! Look-around is bounded, so the pass is linear in the number of tokens.

use super::Ctx;
use super::lexicon::*;
pub use super::phrases::{Source, SourceKind};
use super::phrases::{clause_subject, inverted, np_before, np_from};
use crate::analysis::Span;

/// How the frame is built around its cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Speaker before the cue ("Blinken said").
    Active,
    /// Speaker after the cue ("said Blinken").
    Inverted,
    /// "were informed by X that".
    Passive,
    /// "according to X".
    According,
    /// A participle borrowing the speaker of its clause ("..., adding that").
    Participle,
    /// "Obama: I'm optimistic": a speaker, a colon, the words.
    Colon,
    /// No speech verb: the subject of a sentence that holds a quotation
    /// ("Trump, once again, had “nothing to say.”"); `cue` is the word after it.
    Subject,
}

/// One cue with its speaker.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// The cue words ("said", "according to").
    pub cue: Span,
    /// Token index of the cue's first word.
    pub cue_tok: usize,
    pub class: WordClass,
    pub source: Source,
    pub addressee: Option<Source>,
    /// Token index where the reported clause starts, when the cue takes one.
    pub complement: Option<usize>,
    /// Leftmost and rightmost token of the frame's words.
    pub first: usize,
    pub last: usize,
    pub sentence: usize,
    pub layout: Layout,
    /// Part of the reported clause of an earlier frame ("Smith said he
    /// *believed* ..."): the words are the earlier speaker's.
    pub embedded: bool,
    /// For a transcript turn ("PENCE: ..." opening a paragraph), the token
    /// where the turn ends: the speaker's words run to the paragraph's end.
    pub turn_end: Option<usize>,
}

const MAX_ADVERBIAL: usize = 8;

/// Finds every attribution frame outside quotation marks, in text order.
pub fn find(cx: &Ctx<'_, '_>) -> Vec<Frame> {
    // at most one frame per cue word and one more per sentence: reserved
    // once, so the list is never copied as it grows (pages never written
    // are never touched)
    let mut frames: Vec<Frame> = Vec::with_capacity(cx.cues.len() + cx.doc.sentence_tokens.len());
    let mut turn_end = 0; // sentences before this token belong to a transcript turn
    let cues = &cx.cues;
    let mut next_cue = 0; // index in `cues` of the first cue not yet passed
    for (si, range) in cx.doc.sentence_tokens.iter().enumerate() {
        let sentence_first = frames.len();
        let lo = range.start;
        let hi = range.end;
        if lo < turn_end {
            // the speaker's own words: any verb here is part of them
            continue;
        }
        let mut i = lo;
        if let Some(mut f) = colon_frame(cx, lo, hi, si) {
            i = f.cue_tok + 1;
            let paragraph = &cx.doc.paragraphs[cx.doc.sentences[si].paragraph];
            let opens_paragraph = paragraph.sentences.start == si;
            if opens_paragraph && shouted(cx, f.source.first, f.source.last) {
                let end = cx.doc.sentence_tokens[paragraph.sentences.end - 1].end;
                f.turn_end = Some(end);
                turn_end = end;
            }
            frames.push(f);
        }
        loop {
            // most words are no cue: only the tokens whose classes hold
            // one (or "according") are looked at
            while next_cue < cues.len() && (cues[next_cue] as usize) < i {
                next_cue += 1;
            }
            let Some(&c) = cues.get(next_cue) else { break };
            i = c as usize;
            if i >= hi {
                break;
            }
            let class = cx.class(i);
            let maybe_according = class & ACCORDING != 0;
            if cx.quoted(i) {
                i += 1;
                continue;
            }
            let frame = if maybe_according
                && cx.word(i).eq_ignore_ascii_case("according")
                && i + 1 < hi
                && cx.word(i + 1).eq_ignore_ascii_case("to")
            {
                according(cx, i, lo, hi, si)
            } else if class & CUE_ANY != 0 && cx.starts_lower(i) {
                let earlier = frames[sentence_first..].last();
                cue_frame(cx, i, lo, hi, si, earlier)
            } else {
                None
            };
            // an attitude inside someone's reported words is part of them
            // ("Smith said she plans to ..."), not a frame of its own
            let frame = frame.filter(|f| {
                f.class & ATTITUDE == 0
                    || f.class & CUE_QUOTE != 0
                    || frames[sentence_first..]
                        .last()
                        .is_none_or(|e| e.complement.is_none_or(|c| c > f.first))
            });
            if let Some(mut f) = frame {
                i = f.cue_tok + 1;
                // only the frame just before can have its clause start here
                // ("urged patience and said ...": a verb of its own)
                let coordinated = matches!(cx.word(f.first), "and" | "but");
                f.embedded = !coordinated
                    && frames[sentence_first..].last().is_some_and(|e| {
                        e.complement
                            .is_some_and(|c| f.first >= c && f.first <= c + 2)
                    });
                frames.push(f);
            } else {
                i += 1;
            }
        }
        if frames.len() == sentence_first
            && cx.any_quoted(lo, hi)
            && let Some(f) = subject_frame(cx, lo, hi, si)
        {
            frames.push(f);
        }
    }
    frames
}

/// "Obama: I'm optimistic", "A: We were there.": a speaker named at the start
/// of a sentence, then a colon and the words.
fn colon_frame(cx: &Ctx<'_, '_>, lo: usize, hi: usize, si: usize) -> Option<Frame> {
    const MAX_NAME: usize = 6;
    let colon = (lo..hi.min(lo + MAX_NAME + 1)).find(|&k| cx.is_char(k, b':'))?;
    if colon == lo || colon + 2 >= hi || cx.quoted(colon) {
        return None;
    }
    // a name of one to three words, not a headline word ("Breaking:",
    // "The Latest:", "Remember:")
    let source = np_from(cx, lo, colon)?;
    let name_words = source.last + 1 - cx.token_at_or_after(source.name.start);
    if source.first != lo
        || source.last + 1 != colon
        || source.kind != SourceKind::Name
        || name_words > 3
        || cx.word(lo).eq_ignore_ascii_case("the")
        || (source.first..=source.last).any(|k| {
            let w = cx.word(k);
            w.ends_with("ing") || w.len() == 1 || cx.class(k) & (STOP | CUE_ANY) != 0
        })
    {
        return None;
    }
    Some(Frame {
        cue: cx.span(colon),
        cue_tok: colon,
        class: CUE_QUOTE,
        source,
        addressee: None,
        complement: (!cx.quoted(colon + 1)).then_some(colon + 1),
        first: lo,
        last: colon,
        sentence: si,
        layout: Layout::Colon,
        embedded: false,
        turn_end: None,
    })
}

/// True when tokens `first..=last` are a speaker label in capitals
/// ("PENCE", "JAKE TAPPER"), as transcripts print them.
fn shouted(cx: &Ctx<'_, '_>, first: usize, last: usize) -> bool {
    (first..=last).all(|k| {
        let w = cx.word(k);
        w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
    }) && (first..=last).any(|k| cx.word(k).chars().filter(|c| c.is_alphabetic()).count() >= 2)
}

/// The subject of a sentence with a quotation but no speech verb, when it
/// names someone and a verb follows it outside the marks.
fn subject_frame(cx: &Ctx<'_, '_>, lo: usize, hi: usize, si: usize) -> Option<Frame> {
    let open = (lo..hi).find(|&k| cx.quoted(k))?;
    let source = clause_subject(cx, lo, open)?;
    // "It was a ..." or "a Facebook post": no one speaking
    let person_like = match source.kind {
        SourceKind::Pronoun => cx.class(source.first) & (PERSON_PRONOUN | PLURAL) != 0,
        _ => !matches!(cx.word(source.first), "a" | "an" | "A" | "An"),
    };
    if !person_like {
        return None;
    }
    let verb = source.last + 1;
    if verb >= open || !cx.starts_lower(verb) || cx.class(verb) & STOP != 0 {
        return None;
    }
    Some(Frame {
        cue: cx.span(verb),
        cue_tok: verb,
        class: 0,
        source,
        addressee: None,
        complement: None,
        first: source.first,
        last: verb,
        sentence: si,
        layout: Layout::Subject,
        embedded: false,
        turn_end: None,
    })
}

fn according(cx: &Ctx<'_, '_>, i: usize, lo: usize, hi: usize, si: usize) -> Option<Frame> {
    let mut source = np_from(cx, i + 2, hi).or_else(|| long_source(cx, i, lo, hi))?;
    // "according to a statement from the foreign ministry": who issued it
    let from = source.last + 1;
    let document = [
        "statement",
        "statements",
        "report",
        "release",
        "letter",
        "post",
        "filing",
        "document",
        "documents",
        "memo",
        "transcript",
        "readout",
    ]
    .iter()
    .any(|d| cx.word(source.last).eq_ignore_ascii_case(d));
    if document
        && from + 1 < hi
        && ["from", "by", "of"]
            .iter()
            .any(|w| cx.word(from).eq_ignore_ascii_case(w))
        && let Some(issuer) = np_from(cx, from + 1, hi)
    {
        source = issuer;
    }
    Some(Frame {
        cue: Span::new(cx.span(i).start, cx.span(i + 1).end),
        cue_tok: i,
        class: CUE_THAT,
        source,
        addressee: None,
        complement: None,
        first: i,
        last: source.last,
        sentence: si,
        layout: Layout::According,
        embedded: false,
        turn_end: None,
    })
}

/// Longest source after a sentence-opening "according to", in tokens.
const MAX_LONG_SOURCE: usize = 30;

/// "According to early results of exit polls conducted for the networks,
/// ...": at a sentence's start, the whole phrase up to the comma names the
/// source, however long.
fn long_source(cx: &Ctx<'_, '_>, i: usize, lo: usize, hi: usize) -> Option<Source> {
    if i != lo || i + 2 >= hi {
        return None;
    }
    let first = i + 2;
    let comma = (first..hi.min(first + MAX_LONG_SOURCE))
        .take_while(|&k| !cx.quoted(k) && !matches!(cx.word(k), "." | ";" | ":"))
        .find(|&k| cx.is_char(k, b','))?;
    if comma <= first || hi - comma < 4 {
        return None;
    }
    let last = comma - 1;
    let span = Span::new(cx.span(first).start, cx.span(last).end);
    Some(Source {
        span,
        name: span,
        kind: SourceKind::Description,
        plural: false,
        first,
        last,
    })
}

fn cue_frame(
    cx: &Ctx<'_, '_>,
    i: usize,
    lo: usize,
    hi: usize,
    si: usize,
    earlier: Option<&Frame>,
) -> Option<Frame> {
    let class = cx.class(i);
    let prev = (i > lo).then(|| i - 1).filter(|&p| !cx.quoted(p));
    let prev_class = prev.map_or(0, |p| cx.class(p));
    // "to say", "the report", "a claim": not a speech act here
    if prev_class & (NOT_BEFORE_CUE | DETERMINER) != 0 || prev.is_some_and(|p| cx.possessive(p)) {
        return None;
    }
    let next = (i + 1 < hi).then_some(i + 1);
    // "Gulf states also contributed", "insurance claims rose": a noun, unless
    // "that", a colon or a quotation follows
    if ["state", "states", "claim", "claims"].contains(&cx.word(i))
        && !next.is_some_and(|n| {
            cx.quoted(n) || cx.word(n) == ":" || cx.word(n).eq_ignore_ascii_case("that")
        })
    {
        return None;
    }
    let participle = cx.word(i).ends_with("ing");
    let mut layout = Layout::Active;
    let mut after = i + 1;
    // "said ... and urged": the second verb shares the first one's speaker
    let shared = earlier.filter(|e| {
        i > lo + 1
            && matches!(cx.word(i - 1), "and" | "but")
            && e.sentence == si
            && !e.embedded
            && e.cue_tok + 1 < i
            && matches!(
                e.layout,
                Layout::Active | Layout::Inverted | Layout::Passive
            )
    });
    let source = if let Some(e) = shared.filter(|_| !participle && prev_class & BE == 0) {
        e.source
    } else if prev_class & BE != 0 {
        // "were informed by X", else a passive without agent ("was asked")
        let by = next.filter(|&n| cx.word(n).eq_ignore_ascii_case("by"))?;
        let s = np_from(cx, by + 1, hi)?;
        layout = Layout::Passive;
        after = s.last + 1;
        s
    } else if let Some(s) = (!participle).then(|| np_before(cx, i, lo)).flatten() {
        s
    } else if let Some(s) = (!participle).then(|| inverted(cx, i, lo, hi)).flatten() {
        layout = Layout::Inverted;
        after = s.last + 1;
        s
    } else if participle {
        layout = Layout::Participle;
        match earlier {
            Some(e) => e.source,
            None => clause_subject(cx, lo, i)?,
        }
    } else {
        return None;
    };
    // "on a conference call", "a phone call": a singular common noun before
    // a bare verb form, with no clause after it, makes the pair one noun,
    // not a subject and its verb ("people across the country say Smith ..."
    // is a subject further back)
    let ends_phrase = next.is_none_or(|n| {
        (!cx.is_word(n) && !cx.quoted(n) && cx.word(n) != ":") || cx.class(n) & PREPOSITION != 0
    });
    // "Spain's electricity demand hit a record": a phrase no preposition
    // governs is the sentence's subject, and "demand" is its noun
    let simple_phrase = (source.first..source.last).all(|k| cx.class(k) & PREPOSITION == 0);
    let subject_phrase = simple_phrase
        && (source.first == lo
            || source.first > lo
                && !cx.is_word(source.first - 1)
                && !cx.quoted(source.first - 1)
                && cx.word(source.first - 1) != ",");
    if layout == Layout::Active
        && (ends_phrase || subject_phrase)
        && shared.is_none()
        && source.kind == SourceKind::Description
        && source.last + 1 == i
        && cx.class(i - 1) == 0
        && cx.starts_lower(i - 1)
        && !cx.word(i - 1).ends_with('s')
        && !["him", "her", "them", "us", "me", "it", "you"].contains(&cx.word(i - 1))
        && bare_form(cx.word(i))
    {
        return None;
    }
    // "wants", "refused": someone's attitude counts as reported only when a
    // main clause says whose it is ("Smith wants to ...", not "if you want")
    if class & ATTITUDE != 0 && class & CUE_QUOTE == 0 && !attitude_holder(cx, &source, layout, lo)
    {
        return None;
    }
    // the addressee: "told Blinken", "said to Blinken"
    let mut addressee = None;
    if layout != Layout::Passive && after < hi && !cx.quoted(after) {
        if class & CUE_ADDRESSEE != 0 {
            if is_object_pronoun(cx.word(after)) {
                after += 1;
            } else if let Some(a) = np_from(cx, after, hi).filter(|a| a.kind != SourceKind::Pronoun)
            {
                addressee = Some(a);
                after = a.last + 1;
            }
        } else if cx.word(after).eq_ignore_ascii_case("to")
            && let Some(a) = np_from(cx, after + 1, hi).filter(|a| a.kind != SourceKind::Pronoun)
        {
            addressee = Some(a);
            after = a.last + 1;
        }
    }
    if layout == Layout::Participle && addressee.is_none() {
        addressee = earlier.and_then(|e| e.addressee);
    }
    // right after a quotation ("“...,” she said and left") or inverted
    // ("said Smith of the plan"), the quotation is the reported speech
    let after_quote = (first_of(&source, i).saturating_sub(2)..first_of(&source, i))
        .any(|k| k >= lo && cx.quoted(k));
    // "a group called Citizens for Trump": naming, not speech
    let naming = cx.word(i).starts_with("call") && source.kind == SourceKind::Description;
    let complement = if layout == Layout::Inverted {
        None
    } else if naming && class & (CUE_THAT | CUE_BARE) == 0 {
        complement(cx, class & !CUE_NOMINAL, after, hi)
    } else if after_quote {
        complement(cx, class, after, hi)
            .filter(|&c| c > 0 && cx.word(c - 1).eq_ignore_ascii_case("that"))
    } else {
        complement(cx, class, after, hi)
    };
    // "urged restraint and said ...": the second verb's frame starts at
    // its "and", not at the shared subject
    let coordinated = i > lo + 1 && source.last + 1 < i && matches!(cx.word(i - 1), "and" | "but");
    let first = if coordinated {
        i - 1
    } else {
        source.first.min(i)
    };
    let last = complement
        .map(|c| c.saturating_sub(1))
        .unwrap_or(i)
        .max(addressee.map_or(i, |a| a.last))
        .max(if layout == Layout::Inverted {
            source.last
        } else {
            i
        });
    Some(Frame {
        cue: cx.span(i),
        cue_tok: i,
        class,
        source,
        addressee,
        complement,
        first: if layout == Layout::Participle {
            i
        } else {
            first
        },
        last,
        sentence: si,
        layout,
        embedded: false,
        turn_end: None,
    })
}

/// True when `source` can hold an attitude reported by the text: named (or
/// he/she), before its verb, and not the subject of a conditional or
/// relative clause.
fn attitude_holder(cx: &Ctx<'_, '_>, source: &Source, layout: Layout, lo: usize) -> bool {
    if layout != Layout::Active {
        return false;
    }
    if source.kind == SourceKind::Pronoun && cx.class(source.first) & PERSON_PRONOUN == 0 {
        return false;
    }
    let before = source.first.checked_sub(1).filter(|&b| b >= lo);
    !before.is_some_and(|b| {
        ["if", "who", "when", "whether", "unless", "which", "that"]
            .iter()
            .any(|w| cx.word(b).eq_ignore_ascii_case(w))
    })
}

/// True for a verb's bare form ("call", "say"), which a singular subject
/// never takes: not "calls", "called", "calling" or an irregular past.
fn bare_form(w: &str) -> bool {
    const PAST: [&str; 10] = [
        "said", "told", "wrote", "thought", "found", "shown", "felt", "knew", "spoke", "swore",
    ];
    !w.ends_with('s') && !w.ends_with("ed") && !w.ends_with("ing") && !PAST.contains(&w)
}

/// The first token of a frame's words.
fn first_of(source: &Source, cue: usize) -> usize {
    source.first.min(cue)
}

fn is_object_pronoun(w: &str) -> bool {
    ["him", "her", "them", "me", "us", "reporters", "journalists"]
        .iter()
        .any(|p| w.eq_ignore_ascii_case(p))
}

/// Where the reported clause after a cue starts: after "that", after a short
/// adverbial ("in a statement that"), or right away for verbs that take a bare clause.
fn complement(cx: &Ctx<'_, '_>, class: WordClass, at: usize, hi: usize) -> Option<usize> {
    let mut at = at;
    // "said repeatedly that", "said Thursday he would", "said this week that"
    let this_time = |k: usize| {
        k + 1 < hi
            && (cx.word(k).eq_ignore_ascii_case("this") || cx.word(k).eq_ignore_ascii_case("next"))
            && cx.class(k + 1) & TIME != 0
    };
    while at < hi
        && !cx.quoted(at)
        && (cx.class(at) & (BETWEEN | TIME) != 0 || cx.ly_adverb(at) || this_time(at))
    {
        at += 1;
    }
    if at >= hi || cx.quoted(at) {
        return None;
    }
    let w = cx.word(at);
    if w.eq_ignore_ascii_case("that") {
        return (at + 1 < hi).then_some(at + 1);
    }
    let is = |words: &[&str]| words.iter().any(|x| w.eq_ignore_ascii_case(x));
    if class & CUE_QUESTION != 0
        && is(&[
            "if", "whether", "why", "how", "what", "which", "who", "when", "where",
        ])
    {
        // "asked whether the plan would pass"
        return (hi - at >= 3).then_some(at);
    }
    if class & CUE_NOMINAL != 0
        && (class & (CUE_THAT | CUE_BARE) == 0 || cx.class(at) & (PREPOSITION | STOP | BE) == 0)
    {
        // "praised the plan", "called for a ban", "called on Congress to act"
        let start = if is(&["for", "on"]) { at + 1 } else { at };
        let ok = start < hi
            && !cx.quoted(start)
            && cx.is_word(start)
            && cx.class(start) & (PREPOSITION | STOP | BE | CUE_ANY) == 0;
        return (ok && hi - start >= 3).then_some(start);
    }
    if class & (CUE_THAT | CUE_BARE) == 0 {
        return None;
    }
    let c = cx.class(at);
    if c & (PREPOSITION | TIME) != 0 || w == "," {
        // "said in a statement on Tuesday that ..."
        // "said in politics it takes time": or the clause's pronoun subject
        let end = (at + MAX_ADVERBIAL).min(hi);
        let mut pronoun_at = None;
        for k in at + 1..end {
            if cx.quoted(k) || matches!(cx.word(k), "." | ";" | ":") || cx.class(k) & CUE_ANY != 0 {
                break;
            }
            if cx.word(k).eq_ignore_ascii_case("that") {
                return (k + 1 < hi).then_some(k + 1);
            }
            if pronoun_at.is_none() && cx.class(k) & PRONOUN != 0 && class & CUE_BARE != 0 {
                pronoun_at = Some(k);
            }
        }
        return pronoun_at.filter(|&k| hi - k >= 4);
    }
    if class & CUE_BARE == 0
        || !cx.is_word(at)
        || c & (NOT_BEFORE_CUE | BE | CUE_ANY | PREPOSITION) != 0
        || is(&[
            "and", "or", "but", "as", "than", "so", "nothing", "yes", "no",
        ])
    {
        return None;
    }
    if class & CUE_ADDRESSEE != 0 {
        // "told the council she was tired", "told reporters the state
        // would ...": a bare clause with a subject pronoun, or a short
        // subject and its auxiliary
        let subject_pronoun = ["he", "she", "they", "we", "i", "it"]
            .iter()
            .any(|p| w.eq_ignore_ascii_case(p));
        let aux = |k: usize| {
            [
                "would", "will", "could", "can", "should", "might", "may", "must", "had", "has",
                "have", "was", "were", "is", "are",
            ]
            .iter()
            .any(|a| cx.word(k).eq_ignore_ascii_case(a))
        };
        let short_subject = cx.class(at) & DETERMINER != 0
            && (at + 1..(at + 4).min(hi)).any(|k| !cx.quoted(k) && aux(k))
            && (at + 1..(at + 4).min(hi)).all(|k| cx.is_word(k) && !cx.quoted(k));
        if (subject_pronoun || short_subject) && hi - at >= 4 {
            return Some(at);
        }
        // "told a crowd in Ohio that ...", "told his counterpart, Jean
        // Barrot, that": the clause needs its "that"
        let end = (at + MAX_ADVERBIAL).min(hi);
        return (at..end)
            .take_while(|&k| !cx.quoted(k) && !matches!(cx.word(k), "." | ";" | ":"))
            .find(|&k| cx.word(k).eq_ignore_ascii_case("that"))
            .filter(|&k| k + 1 < hi)
            .map(|k| k + 1);
    }
    // a clause needs a few words
    (hi - at >= 4).then_some(at)
}
