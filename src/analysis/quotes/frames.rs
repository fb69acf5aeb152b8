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
use crate::analysis::Span;

/// How the text names a speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// A proper name, possibly with a title or description before it.
    Name,
    /// A description without a name ("a senior official", "US officials").
    Description,
    /// A pronoun ("he", "they").
    Pronoun,
}

/// The words that name a speaker (or an addressee) at one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    /// The whole naming phrase ("State Department spokesman Matthew Miller").
    pub span: Span,
    /// The words that name it, without titles or determiners ("Matthew Miller").
    pub name: Span,
    pub kind: SourceKind,
    /// A plural description or pronoun ("officials", "they").
    pub plural: bool,
    /// Token indices of the phrase (first, last).
    pub first: usize,
    pub last: usize,
}

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
}

const MAX_SKIP: usize = 3;
const MAX_NP: usize = 8;
const MAX_ADVERBIAL: usize = 8;
const MAX_APPOSITIVE: usize = 12;

/// Finds every attribution frame outside quotation marks, in text order.
pub fn find(cx: &Ctx<'_, '_>) -> Vec<Frame> {
    let mut frames: Vec<Frame> = Vec::new();
    for (si, range) in cx.doc.sentence_tokens.iter().enumerate() {
        let sentence_first = frames.len();
        let lo = range.start;
        let hi = range.end;
        let mut i = lo;
        if let Some(f) = colon_frame(cx, lo, hi, si) {
            i = f.cue_tok + 1;
            frames.push(f);
        }
        while i < hi {
            if cx.quoted(i) || !cx.is_word(i) {
                i += 1;
                continue;
            }
            let frame = if cx.word(i).eq_ignore_ascii_case("according")
                && i + 1 < hi
                && cx.word(i + 1).eq_ignore_ascii_case("to")
            {
                according(cx, i, lo, hi, si)
            } else if cx.classes[i] & CUE_ANY != 0 && cx.starts_lower(i) {
                let earlier = frames[sentence_first..].last();
                cue_frame(cx, i, lo, hi, si, earlier)
            } else {
                None
            };
            if let Some(mut f) = frame {
                i = f.cue_tok + 1;
                // only the frame just before can have its clause start here
                f.embedded = frames[sentence_first..].last().is_some_and(|e| {
                    e.complement
                        .is_some_and(|c| f.first >= c && f.first <= c + 2)
                });
                frames.push(f);
            } else {
                i += 1;
            }
        }
        if frames.len() == sentence_first
            && (lo..hi).any(|k| cx.quoted(k))
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
    let colon = (lo..hi.min(lo + MAX_NAME + 1)).find(|&k| cx.word(k) == ":")?;
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
            w.ends_with("ing") || w.len() == 1 || cx.classes[k] & (STOP | CUE_ANY) != 0
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
    })
}

/// The subject of a sentence with a quotation but no speech verb, when it
/// names someone and a verb follows it outside the marks.
fn subject_frame(cx: &Ctx<'_, '_>, lo: usize, hi: usize, si: usize) -> Option<Frame> {
    let open = (lo..hi).find(|&k| cx.quoted(k))?;
    let source = clause_subject(cx, lo, open)?;
    // "It was a ..." or "a Facebook post": no one speaking
    let person_like = match source.kind {
        SourceKind::Pronoun => cx.classes[source.first] & (PERSON_PRONOUN | PLURAL) != 0,
        _ => !matches!(cx.word(source.first), "a" | "an" | "A" | "An"),
    };
    if !person_like {
        return None;
    }
    let verb = source.last + 1;
    if verb >= open || !cx.starts_lower(verb) || cx.classes[verb] & STOP != 0 {
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
    })
}

fn according(cx: &Ctx<'_, '_>, i: usize, lo: usize, hi: usize, si: usize) -> Option<Frame> {
    let _ = lo;
    let source = np_from(cx, i + 2, hi)?;
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
    let class = cx.classes[i];
    let prev = (i > lo).then(|| i - 1).filter(|&p| !cx.quoted(p));
    let prev_class = prev.map_or(0, |p| cx.classes[p]);
    // "to say", "the report", "a claim": not a speech act here
    if prev_class & (NOT_BEFORE_CUE | DETERMINER) != 0 || prev.is_some_and(|p| cx.possessive(p)) {
        return None;
    }
    let next = (i + 1 < hi).then_some(i + 1);
    let participle = cx.word(i).ends_with("ing");
    let mut layout = Layout::Active;
    let mut after = i + 1;
    let source = if prev_class & BE != 0 {
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
    let first = source.first.min(i);
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
    })
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
    // "said repeatedly that", "said Thursday he would"
    while at < hi && !cx.quoted(at) && (cx.classes[at] & (BETWEEN | TIME) != 0 || cx.ly_adverb(at))
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
        && (class & (CUE_THAT | CUE_BARE) == 0 || cx.classes[at] & (PREPOSITION | STOP | BE) == 0)
    {
        // "praised the plan", "called for a ban", "called on Congress to act"
        let start = if is(&["for", "on"]) { at + 1 } else { at };
        let ok = start < hi
            && !cx.quoted(start)
            && cx.is_word(start)
            && cx.classes[start] & (PREPOSITION | STOP | BE | CUE_ANY) == 0;
        return (ok && hi - start >= 3).then_some(start);
    }
    if class & (CUE_THAT | CUE_BARE) == 0 {
        return None;
    }
    let c = cx.classes[at];
    if c & (PREPOSITION | TIME) != 0 || w == "," {
        // "said in a statement on Tuesday that ..."
        // "said in politics it takes time": or the clause's pronoun subject
        let end = (at + MAX_ADVERBIAL).min(hi);
        let mut pronoun_at = None;
        for k in at + 1..end {
            if cx.quoted(k) || matches!(cx.word(k), "." | ";" | ":") || cx.classes[k] & CUE_ANY != 0
            {
                break;
            }
            if cx.word(k).eq_ignore_ascii_case("that") {
                return (k + 1 < hi).then_some(k + 1);
            }
            if pronoun_at.is_none() && cx.classes[k] & PRONOUN != 0 && class & CUE_BARE != 0 {
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
        // "told a crowd in Ohio that ...": the clause needs its "that"
        let end = (at + MAX_ADVERBIAL).min(hi);
        return (at..end)
            .take_while(|&k| !cx.quoted(k) && !matches!(cx.word(k), "." | ";" | ":" | ","))
            .find(|&k| cx.word(k).eq_ignore_ascii_case("that"))
            .filter(|&k| k + 1 < hi)
            .map(|k| k + 1);
    }
    // a clause needs a few words
    (hi - at >= 4).then_some(at)
}

/// True for a token that can end or be part of a noun phrase naming a speaker.
fn np_word(cx: &Ctx<'_, '_>, k: usize) -> bool {
    if cx.possessive(k) {
        return true;
    }
    if !cx.is_word(k) {
        return false;
    }
    let c = cx.classes[k];
    if c & (TIME | STOP) != 0 {
        return false;
    }
    if cx.capitalised(k) {
        // "State Department", "The Post"; not "Later," or "In"
        return c & (SOURCE_NOUN | TITLE) != 0
            || c & (PREPOSITION | BE | BETWEEN | PRONOUN | RELATIVE | NOT_BEFORE_CUE) == 0;
    }
    c & (PREPOSITION | BE | BETWEEN | CUE_ANY) == 0
        && c & (SOURCE_NOUN | MODIFIER | TITLE | DETERMINER) != 0
}

/// The speaker phrase that ends right before cue `i` ("Blinken", "US
/// officials", "he", "Miller, the spokesman,", "Smith, who").
pub fn np_before(cx: &Ctx<'_, '_>, i: usize, lo: usize) -> Option<Source> {
    let mut j = i;
    let mut skipped = 0;
    while j > lo && skipped < MAX_SKIP && !cx.quoted(j - 1) {
        let k = j - 1;
        if cx.classes[k] & BETWEEN != 0 || cx.ly_adverb(k) {
            j = k;
            skipped += 1;
        } else {
            break;
        }
    }
    // "Proponents, however, say": step over a one-word parenthetical
    if j >= lo + 4
        && cx.word(j - 1) == ","
        && cx.word(j - 3) == ","
        && cx.classes[j - 2] & (BETWEEN | STOP) != 0
        && !cx.quoted(j - 3)
    {
        j -= 3;
    }
    if j == lo || cx.quoted(j - 1) {
        return None;
    }
    let h = j - 1;
    let c = cx.classes[h];
    if matches!(cx.word(h), "and" | "but") {
        // "she laughed and admitted": the subject of the first verb
        return clause_subject(cx, lo, h);
    }
    if c & PRONOUN != 0 {
        return Some(pronoun(cx, h));
    }
    if c & RELATIVE != 0 {
        // "Smith, who said": the phrase before the comma, through "who"
        return (h > lo + 1 && cx.word(h - 1) == ",")
            .then(|| np_ending(cx, h - 2, lo))
            .flatten()
            .map(|s| Source {
                span: Span::new(s.span.start, cx.span(h).end),
                last: h,
                ..s
            });
    }
    if cx.word(h) == "," && h > lo {
        // "Miller, the spokesman, said": the phrase before the appositive
        let stop = h.saturating_sub(MAX_APPOSITIVE).max(lo);
        let comma = (stop..h - 1)
            .rev()
            .take_while(|&k| !cx.quoted(k))
            .find(|&k| cx.word(k) == ",");
        if let Some(k) = comma
            && k > lo
            && (k + 1..h).all(|x| {
                cx.classes[x] & (CUE_ANY | BE | BETWEEN | PRONOUN | STOP) == 0 || cx.capitalised(x)
            })
            && let Some(s) = np_ending(cx, k - 1, lo)
        {
            return Some(s);
        }
        return None;
    }
    np_ending(cx, h, lo)
}

fn pronoun(cx: &Ctx<'_, '_>, k: usize) -> Source {
    Source {
        span: cx.span(k),
        name: cx.span(k),
        kind: SourceKind::Pronoun,
        plural: cx.classes[k] & PLURAL != 0,
        first: k,
        last: k,
    }
}

/// A noun phrase whose head is token `h`, extended to the left no further than `lo`.
fn np_ending(cx: &Ctx<'_, '_>, h: usize, lo: usize) -> Option<Source> {
    let c = cx.classes[h];
    if c == 0 && cx.starts_lower(h) && !cx.quoted(h) {
        return determined_noun(cx, h, lo);
    }
    if cx.quoted(h)
        || !np_word(cx, h)
        || c & DETERMINER != 0
        || (c & (MODIFIER | SOURCE_NOUN) == MODIFIER && !cx.capitalised(h))
    {
        return None;
    }
    let head_is_name = cx.capitalised(h) && cx.classes[h] & (TITLE | SOURCE_NOUN) == 0;
    let head_is_noun = cx.classes[h] & SOURCE_NOUN != 0 || cx.capitalised(h);
    if !head_is_noun {
        return determined_noun(cx, h, lo);
    }
    let mut s = h;
    // the name: capitalised words that are not titles
    if head_is_name {
        while s > lo
            && h - s < 4
            && !cx.quoted(s - 1)
            && cx.capitalised(s - 1)
            && cx.classes[s - 1]
                & (TITLE
                    | DETERMINER
                    | SOURCE_NOUN
                    | TIME
                    | STOP
                    | PREPOSITION
                    | BE
                    | BETWEEN
                    | PRONOUN)
                == 0
            && !cx.possessive(s - 1)
        {
            s -= 1;
        }
    }
    let name_start = s;
    // titles, descriptions and determiners before it
    while s > lo && h - s < MAX_NP && !cx.quoted(s - 1) && np_word(cx, s - 1) {
        s -= 1;
        if cx.classes[s] & DETERMINER != 0 {
            break;
        }
    }
    let kind = if head_is_name {
        SourceKind::Name
    } else {
        SourceKind::Description
    };
    if head_is_name && s + 1 == name_start && matches!(cx.word(s), "a" | "an" | "A" | "An") {
        return None;
    }
    let name_first = if head_is_name {
        name_start
    } else {
        // a description names itself, without a leading "the"
        (s..=h)
            .find(|&k| !cx.word(k).eq_ignore_ascii_case("the"))
            .unwrap_or(s)
    };
    Some(Source {
        span: Span::new(cx.span(s).start, cx.span(h).end),
        name: Span::new(cx.span(name_first).start, cx.span(h).end),
        kind,
        plural: cx.classes[h] & PLURAL != 0 && !head_is_name,
        first: s,
        last: h,
    })
}

/// "the crowd", "one employee", "Trump's lawyer": a common noun that a
/// determiner or possessive introduces, with at most two words between.
fn determined_noun(cx: &Ctx<'_, '_>, h: usize, lo: usize) -> Option<Source> {
    let c = cx.classes[h];
    if !cx.is_word(h)
        || cx.capitalised(h)
        || c != 0
        || cx.ly_adverb(h)
        || cx.word(h).ends_with("ing")
        || cx.word(h).ends_with("ed")
    {
        return None;
    }
    let stop = h.saturating_sub(3).max(lo);
    let det = (stop..h).rev().take_while(|&k| !cx.quoted(k)).find(|&k| {
        cx.classes[k] & DETERMINER != 0
            || cx.possessive(k)
            || cx.word(k).eq_ignore_ascii_case("one")
    })?;
    // only plain words between the determiner and the head
    if (det + 1..h).any(|k| {
        !cx.is_word(k) || cx.classes[k] & (CUE_ANY | BE | BETWEEN | STOP | PREPOSITION) != 0
    }) {
        return None;
    }
    let name_first = if cx.word(det).eq_ignore_ascii_case("the") {
        det + 1
    } else {
        det
    };
    Some(Source {
        span: Span::new(cx.span(det).start, cx.span(h).end),
        name: Span::new(cx.span(name_first).start, cx.span(h).end),
        kind: SourceKind::Description,
        plural: cx.word(h).ends_with('s'),
        first: det,
        last: h,
    })
}

/// A noun phrase starting at token `j` ("the State Department", "Blinken",
/// "US officials"), ending before `hi`.
pub fn np_from(cx: &Ctx<'_, '_>, j: usize, hi: usize) -> Option<Source> {
    if j >= hi || cx.quoted(j) {
        return None;
    }
    if cx.classes[j] & PRONOUN != 0 {
        return Some(pronoun(cx, j));
    }
    let mut k = j;
    let mut adjectives = 0;
    while k < hi && k - j < MAX_NP && !cx.quoted(k) {
        if np_word(cx, k) {
            k += 1;
        } else if adjectives < 2
            && k > j
            && cx.classes[j] & DETERMINER != 0
            && cx.starts_lower(k)
            && cx.classes[k] == 0
            && !cx.ly_adverb(k)
        {
            // "the younger Mr. Trump", "a senior White House official"
            adjectives += 1;
            k += 1;
        } else {
            break;
        }
    }
    // the head is the last capitalised word or speaker noun of the run
    let h = (j..k)
        .rev()
        .find(|&x| cx.capitalised(x) && !cx.possessive(x) || cx.classes[x] & SOURCE_NOUN != 0)?;
    np_ending(cx, h, j)
}

/// "..., said Blinken": the speaker right after the cue, when nothing
/// before the cue names one.
fn inverted(cx: &Ctx<'_, '_>, i: usize, lo: usize, hi: usize) -> Option<Source> {
    let prev_ok = i == lo || cx.quoted(i - 1) || matches!(cx.word(i - 1), "," | "?" | "!" | "—");
    if !prev_ok {
        return None;
    }
    let s = np_from(cx, i + 1, hi)?;
    // "said he." but not "say it would ..."
    if s.kind == SourceKind::Pronoun
        && (cx.classes[s.first] & PERSON_PRONOUN == 0
            || (s.last + 1 < hi && !matches!(cx.word(s.last + 1), "," | "." | ";")))
    {
        return None;
    }
    Some(s)
}

/// The subject of the clause a participle belongs to: the first noun phrase
/// of the sentence, after an opening adverbial ("Later, Blinken ...").
fn clause_subject(cx: &Ctx<'_, '_>, lo: usize, i: usize) -> Option<Source> {
    const MAX_OPENING: usize = 15;
    let mut start = lo;
    let w = cx.word(lo);
    let opening = cx.classes[lo] & (PREPOSITION | TIME | STOP | BETWEEN) != 0
        || cx.ly_adverb(lo)
        || w.ends_with("ing")
        || w.ends_with("ly")
        || !cx.is_word(lo);
    if opening {
        let comma = (lo..i.min(lo + MAX_OPENING)).find(|&k| cx.word(k) == ",")?;
        start = comma + 1;
    }
    if start >= i {
        return None;
    }
    if cx.classes[start] & PRONOUN != 0 {
        return Some(pronoun(cx, start));
    }
    let mut k = start;
    while k < i && k - start < MAX_NP && !cx.quoted(k) && np_word(cx, k) {
        k += 1;
    }
    // the subject ends where the verb starts (a lowercase word) or at a
    // parenthetical comma ("Mr. Sanders, after ... saying")
    if k == start || k >= i || !(cx.starts_lower(k) || cx.word(k) == ",") {
        return None;
    }
    np_ending(cx, k - 1, start).filter(|s| s.first == start)
}
