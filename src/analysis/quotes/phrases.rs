//! The words that name a speaker: noun phrases read around a cue.
//!
//! Entry points: [`np_before`] (the phrase right before a cue: "Blinken",
//! "US officials", "he", "Miller, the spokesman,", "Smith, who"),
//! [`np_from`] (a phrase starting at a token: "said the spokesman",
//! "according to the ministry"), [`inverted`] and [`clause_subject`]. Each
//! looks at a bounded number of tokens. This module reads phrases only; what
//! a frame is and which quote it attributes belong to [`super::frames`] and
//! [`super`].

use super::Ctx;
use super::lexicon::*;
use crate::analysis::Span;

const MAX_SKIP: usize = 3;
const MAX_NP: usize = 8;
const MAX_APPOSITIVE: usize = 20;

/// How the text names a speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// A proper name, possibly with a title or description before it.
    Name,
    /// A description without a name ("a senior official", "US officials").
    Description,
    /// A pronoun ("he", "they").
    Pronoun,
    /// A description tied to a name by a preposition ("a spokesman for Mr
    /// Starmer", "analysts at ING"): someone of theirs speaks, not they.
    Affiliation,
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

/// True for a token that can end or be part of a noun phrase naming a speaker.
pub(super) fn np_word(cx: &Ctx<'_, '_>, k: usize) -> bool {
    if cx.possessive(k) {
        return true;
    }
    if !cx.is_word(k) {
        return false;
    }
    let c = cx.class(k);
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
        if cx.class(k) & BETWEEN != 0 || cx.ly_adverb(k) {
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
        && cx.class(j - 2) & (BETWEEN | STOP) != 0
        && !cx.quoted(j - 3)
    {
        j -= 3;
    }
    if j == lo || cx.quoted(j - 1) {
        return None;
    }
    let h = j - 1;
    let c = cx.class(h);
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
                cx.class(x) & (CUE_ANY | BE | BETWEEN | PRONOUN | STOP) == 0 || cx.capitalised(x)
            })
            && let Some(s) = np_ending(cx, k - 1, lo)
        {
            // "The company's chief executive, Arun Mehta, said": a
            // description, then the name: the name speaks
            let name_apposed = (!cx.capitalised(k - 1) || headed_description(cx, k, lo))
                && h - k - 1 <= 4
                && (k + 1..h).all(|x| cx.capitalised(x) && cx.is_word(x));
            if name_apposed && let Some(name) = np_ending(cx, h - 1, k + 1) {
                return Some(name);
            }
            return Some(s);
        }
        // "Buttigieg, who testified later, said", "Lagarde, asked whether
        // ..., said": a clause between commas interrupts its subject and
        // verb; the phrase before it speaks
        if let Some(k) = comma
            && k > lo
            && interrupting_clause(cx, k + 1)
            && let Some(s) = np_ending(cx, k - 1, lo).filter(|s| s.kind != SourceKind::Pronoun)
        {
            return Some(s);
        }
        return None;
    }
    np_ending(cx, h, lo)
        .map(|s| affiliation(cx, s, lo).unwrap_or(s))
        .or_else(|| quantity(cx, h, lo))
}

/// "A spokesman for Mr Starmer", "analysts at ING": the description of
/// someone before a preposition and the phrase `s` after it.
fn affiliation(cx: &Ctx<'_, '_>, s: Source, lo: usize) -> Option<Source> {
    if s.kind == SourceKind::Pronoun || s.first < lo + 2 {
        return None;
    }
    let prep = s.first - 1;
    let head = prep - 1;
    if !["for", "at", "from", "with", "of"].contains(&cx.word(prep))
        || cx.quoted(head)
        || cx.class(head) & SOURCE_NOUN == 0
        || (cx.capitalised(head) && (head != lo || cx.class(head) & TITLE != 0))
    {
        return None;
    }
    let d = np_ending(cx, head, lo).filter(|d| d.kind == SourceKind::Description)?;
    // named without its article ("spokesman for Mr Starmer")
    let named = (d.first..=head)
        .find(|&k| {
            !["a", "an", "the"]
                .iter()
                .any(|a| cx.word(k).eq_ignore_ascii_case(a))
        })
        .unwrap_or(d.first);
    Some(Source {
        span: Span::new(d.span.start, s.span.end),
        name: Span::new(cx.span(named).start, s.span.end),
        kind: SourceKind::Affiliation,
        plural: d.plural,
        first: d.first,
        last: s.last,
    })
}

/// True when the phrase before the comma at `comma` is a description headed
/// by a lowercase noun and ending in a name: "The head of Germany's
/// Bundesbank", "the chief executive of Veltrix".
fn headed_description(cx: &Ctx<'_, '_>, comma: usize, lo: usize) -> bool {
    const MAX_BACK: usize = 8;
    let stop = comma.saturating_sub(MAX_BACK).max(lo);
    let mut saw_of = false;
    for k in (stop..comma).rev() {
        if cx.quoted(k) || cx.word(k) == "," {
            return false;
        }
        let w = cx.word(k);
        if ["of", "at", "for"].contains(&w) {
            saw_of = true;
        } else if saw_of
            && !cx.capitalised(k)
            && cx.class(k) & (SOURCE_NOUN | TITLE) != 0
            && cx.class(k) & PLURAL == 0
        {
            return true;
        }
    }
    false
}

/// True when token `k` opens a clause that can stand between a subject and
/// its verb: a relative ("who testified", "whose"), a participle ("asked
/// whether", "speaking from Kyiv", "pressed on the point") or "when asked".
fn interrupting_clause(cx: &Ctx<'_, '_>, k: usize) -> bool {
    if cx.quoted(k) || !cx.is_word(k) || cx.capitalised(k) {
        return false;
    }
    let w = cx.word(k);
    if ["who", "whose", "when", "while", "after"]
        .iter()
        .any(|x| w.eq_ignore_ascii_case(x))
    {
        // "when asked", "after a pause": a clause or a short phrase
        return true;
    }
    // a participle: "asked", "pressed", "speaking", "standing"
    (w.ends_with("ed") || w.ends_with("ing")) && w.len() > 4
}

/// Longest quantity phrase, in tokens ("about 4 in 10 Republican voters in
/// each state").
const MAX_QUANTITY: usize = 12;

/// A share of people named by a number, ending at token `h`: "47 percent",
/// "Six in 10", "Nearly half", "52 percent of registered voters",
/// "majorities in all five states" (how polls report what people say).
pub(super) fn quantity(cx: &Ctx<'_, '_>, h: usize, lo: usize) -> Option<Source> {
    let head_ok = |k: usize| {
        !cx.quoted(k)
            && (cx.doc.tokens[k].kind == crate::analysis::segment::TokenKind::Number
                || (cx.is_word(k)
                    && cx.class(k)
                        & (CUE_ANY
                            | BE
                            | BETWEEN
                            | STOP
                            | PRONOUN
                            | RELATIVE
                            | PREPOSITION
                            | DETERMINER
                            | TIME)
                        == 0))
    };
    // "five states say": a noun that can also be a verb, after a number
    let counted_noun = h > lo && cx.class(h) & CUE_ANY != 0 && quantity_word(cx, h - 1);
    if !head_ok(h) && !counted_noun {
        return None;
    }
    let stop = h.saturating_sub(MAX_QUANTITY).max(lo);
    let mut anchor = None;
    let mut k = h;
    loop {
        if quantity_word(cx, k) {
            anchor = Some(k);
        }
        if k == stop {
            break;
        }
        let p = k - 1;
        let w = cx.word(p);
        let inner = head_ok(p) || w.eq_ignore_ascii_case("of") || w.eq_ignore_ascii_case("in");
        if !inner {
            break;
        }
        k = p;
    }
    let mut first = anchor?;
    // "about", "nearly", "more than", "at least", "a" (majority)
    for _ in 0..2 {
        if first > lo + 1
            && cx.word(first - 1).eq_ignore_ascii_case("least")
            && cx.word(first - 2).eq_ignore_ascii_case("at")
        {
            first -= 2;
        } else if first > lo
            && !cx.quoted(first - 1)
            && QUANTITY_MODIFIERS
                .iter()
                .any(|m| cx.word(first - 1).eq_ignore_ascii_case(m))
        {
            first -= 1;
        }
    }
    // the phrase starts a clause ("..., 47 percent said"), not the object of
    // a verb ("costs $20 million experts") or of a preposition
    let opens_clause = first == lo
        || matches!(cx.word(first - 1), "," | ";" | ":" | "—" | "–" | "(")
        || cx.class(first - 1) & (STOP | TIME) != 0;
    if !opens_clause {
        return None;
    }
    // names come only after "of" or "in" ("of Democrats", not "A QUARTER Let's")
    let mut joined = false;
    for k in first..=h {
        let w = cx.word(k);
        if w.eq_ignore_ascii_case("of") || w.eq_ignore_ascii_case("in") {
            joined = true;
        } else if !joined && cx.capitalised(k) && !quantity_word(cx, k) && k != first {
            return None;
        }
    }
    Some(Source {
        span: Span::new(cx.span(first).start, cx.span(h).end),
        name: Span::new(cx.span(first).start, cx.span(h).end),
        kind: SourceKind::Description,
        plural: true,
        first,
        last: h,
    })
}

/// Words that may stand before a quantity ("about half", "more than 4 in 10").
const QUANTITY_MODIFIERS: &[&str] = &[
    "about", "nearly", "almost", "around", "roughly", "only", "just", "some", "over", "under",
    "than", "more", "fewer", "less", "a", "the", "all", "still",
];

/// A number or a word for a share of people: "47", "Sixty-six", "half",
/// "two-thirds", "majorities", "percent". A year ("2016") is not one.
fn quantity_word(cx: &Ctx<'_, '_>, k: usize) -> bool {
    let w = cx.word(k);
    if cx.doc.tokens[k].kind == crate::analysis::segment::TokenKind::Number {
        let year = w.len() == 4 && (w.starts_with("19") || w.starts_with("20"));
        return !year;
    }
    let first = w.split('-').next().unwrap_or(w);
    QUANTITY_WORDS.iter().any(|q| first.eq_ignore_ascii_case(q))
}

const QUANTITY_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "hundreds",
    "thousands",
    "half",
    "thirds",
    "quarters",
    "majority",
    "majorities",
    "plurality",
    "percent",
    "dozens",
];

pub(super) fn pronoun(cx: &Ctx<'_, '_>, k: usize) -> Source {
    Source {
        span: cx.span(k),
        name: cx.span(k),
        kind: SourceKind::Pronoun,
        plural: cx.class(k) & PLURAL != 0,
        first: k,
        last: k,
    }
}

/// A noun phrase whose head is token `h`, extended to the left no further than `lo`.
pub(super) fn np_ending(cx: &Ctx<'_, '_>, h: usize, lo: usize) -> Option<Source> {
    let c = cx.class(h);
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
    // "Department of Justice": a title word closing a name joined by "of"
    let head_is_name = cx.capitalised(h)
        && (cx.class(h) & (TITLE | SOURCE_NOUN) == 0 || name_joint_before(cx, h, lo).is_some());
    let head_is_noun = cx.class(h) & SOURCE_NOUN != 0 || cx.capitalised(h);
    if !head_is_noun {
        return determined_noun(cx, h, lo);
    }
    let mut s = h;
    // the name: capitalised words that are not titles
    if head_is_name {
        let mut words = 1;
        loop {
            // "Department of State Health Services", "Court of Justice of
            // the European Union": a name's "of" or "for" joins two names
            if words < MAX_NAME_WORDS
                && let Some(k) = name_joint_before(cx, s, lo)
            {
                words += s - k;
                s = k;
                continue;
            }
            let name_word = s > lo
                && words < 4
                && !cx.quoted(s - 1)
                && cx.capitalised(s - 1)
                && cx.class(s - 1)
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
                && !cx.possessive(s - 1);
            if !name_word {
                break;
            }
            s -= 1;
            words += 1;
        }
    }
    let name_start = s;
    // titles, descriptions and determiners before it
    while s > lo && h - s < MAX_NP && !cx.quoted(s - 1) && np_word(cx, s - 1) {
        s -= 1;
        if cx.class(s) & DETERMINER != 0 {
            break;
        }
    }
    // "the fire chief", "Texas health officials", ", health officials
    // said": up to two plain nouns before a known head, after a
    // determiner, a name or the phrase's start
    if !head_is_name && cx.class(s) & DETERMINER == 0 {
        s = plain_nouns_before(cx, s, lo).unwrap_or(s);
        while s > lo && h - s < MAX_NP && !cx.quoted(s - 1) && np_word(cx, s - 1) {
            s -= 1;
            if cx.class(s) & DETERMINER != 0 {
                break;
            }
        }
    }
    // ", grid operator Red Electrica said": plain nouns describing a name,
    // at the phrase's start
    if head_is_name
        && s == name_start
        && let Some(k) = plain_nouns_before(cx, s, lo)
        && (k == lo || !cx.capitalised(k - 1))
    {
        s = k;
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
        plural: cx.class(h) & PLURAL != 0 && !head_is_name,
        first: s,
        last: h,
    })
}

/// Most words in a name joined by "of" ("Court of Justice of the European
/// Union").
const MAX_NAME_WORDS: usize = 8;

/// The capitalised word before an "of", "for" or "of the" that ends right
/// before name word `s` ("Department" before "of State").
fn name_joint_before(cx: &Ctx<'_, '_>, s: usize, lo: usize) -> Option<usize> {
    let mut k = s;
    if k > lo && cx.word(k - 1) == "the" {
        k -= 1;
    }
    if k < lo + 2 || !matches!(cx.word(k - 1), "of" | "for") || (k < s && cx.word(k - 1) != "of") {
        return None;
    }
    let before = k - 2;
    (!cx.quoted(before)
        && cx.capitalised(before)
        && !cx.possessive(before)
        && cx.class(before)
            & (TITLE | DETERMINER | TIME | STOP | PREPOSITION | BE | BETWEEN | PRONOUN)
            == 0)
        .then_some(before)
}

/// Where a noun phrase starts when one or two plain lowercase words end
/// right before token `s`: at their determiner ("*the* fire" before
/// "chief"), at themselves after a phrase word or a boundary ("health"
/// in "Texas health officials", ", health officials").
fn plain_nouns_before(cx: &Ctx<'_, '_>, s: usize, lo: usize) -> Option<usize> {
    let plain = |k: usize| {
        cx.is_word(k)
            && !cx.quoted(k)
            && cx.class(k) == 0
            && cx.starts_lower(k)
            && !cx.ly_adverb(k)
            && !cx.word(k).ends_with("ing")
            && !cx.word(k).ends_with("ed")
    };
    let mut k = s;
    while k > lo && s - k < 2 && plain(k - 1) {
        k -= 1;
    }
    if k == s {
        return None;
    }
    if k == lo || cx.quoted(k - 1) || cx.word(k - 1) == "," {
        return Some(k);
    }
    if cx.class(k - 1) & DETERMINER != 0 {
        return Some(k - 1);
    }
    (cx.capitalised(k - 1) && np_word(cx, k - 1)).then_some(k)
}

/// "the crowd", "one employee", "Trump's lawyer": a common noun that a
/// determiner or possessive introduces, with at most two words between.
pub(super) fn determined_noun(cx: &Ctx<'_, '_>, h: usize, lo: usize) -> Option<Source> {
    let c = cx.class(h);
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
        cx.class(k) & DETERMINER != 0 || cx.possessive(k) || cx.word(k).eq_ignore_ascii_case("one")
    })?;
    // only plain words between the determiner and the head
    if (det + 1..h)
        .any(|k| !cx.is_word(k) || cx.class(k) & (CUE_ANY | BE | BETWEEN | STOP | PREPOSITION) != 0)
    {
        return None;
    }
    // "Smith's lawyer": the owner's word before a possessive clitic
    let det = if det > lo && cx.word(det).starts_with(['\'', '’']) {
        // "the health board's chair": the owner's phrase, back to its determiner
        let mut d = det - 1;
        for _ in 0..3 {
            if d == lo || cx.quoted(d - 1) || !cx.is_word(d - 1) {
                break;
            }
            let c = cx.class(d - 1);
            if c & DETERMINER != 0 {
                d -= 1;
                break;
            }
            if !np_word(cx, d - 1) || cx.possessive(d - 1) {
                break;
            }
            d -= 1;
        }
        if cx.class(d) & DETERMINER != 0 {
            d
        } else {
            det - 1
        }
    } else {
        det
    };
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
    if cx.class(j) & PRONOUN != 0 {
        return Some(pronoun(cx, j));
    }
    let mut k = j;
    let mut adjectives = 0;
    while k < hi && k - j < MAX_NP && !cx.quoted(k) {
        if np_word(cx, k) {
            k += 1;
        } else if adjectives < 2
            && k > j
            && cx.class(j) & DETERMINER != 0
            && cx.starts_lower(k)
            && cx.class(k) == 0
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
        .find(|&x| cx.capitalised(x) && !cx.possessive(x) || cx.class(x) & SOURCE_NOUN != 0)?;
    np_ending(cx, h, j)
}

/// "..., said Blinken": the speaker right after the cue, when nothing
/// before the cue names one.
pub(super) fn inverted(cx: &Ctx<'_, '_>, i: usize, lo: usize, hi: usize) -> Option<Source> {
    let prev_ok = i == lo || cx.quoted(i - 1) || matches!(cx.word(i - 1), "," | "?" | "!" | "—");
    // "..., told reporters": the phrase after "told" is who heard it
    let tell = ["told", "tells", "tell"]
        .iter()
        .any(|t| cx.word(i).eq_ignore_ascii_case(t));
    if !prev_ok || tell {
        return None;
    }
    let s = np_from(cx, i + 1, hi)?;
    // "said he." but not "say it would ..."
    if s.kind == SourceKind::Pronoun
        && (cx.class(s.first) & PERSON_PRONOUN == 0
            || (s.last + 1 < hi && !matches!(cx.word(s.last + 1), "," | "." | ";")))
    {
        return None;
    }
    Some(s)
}

/// The token after a dateline that opens the sentence at `lo` ("WASHINGTON,
/// Dec. 8 (UPI) —", "LONDON —"): a dash within a few tokens, with only a
/// place in capitals, a date and an agency before it.
pub(super) fn dateline_end(cx: &Ctx<'_, '_>, lo: usize, hi: usize) -> Option<usize> {
    const MAX_DATELINE: usize = 12;
    if !cx.is_word(lo) || cx.word(lo).len() < 3 || cx.word(lo).chars().any(char::is_lowercase) {
        return None;
    }
    let dash = (lo + 1..(lo + MAX_DATELINE).min(hi))
        .take_while(|&k| !cx.quoted(k))
        .find(|&k| matches!(cx.word(k), "—" | "--" | "–" | "-"))?;
    Some(dash + 1)
}

/// The subject of the clause a participle belongs to: the first noun phrase
/// of the sentence, after an opening adverbial ("Later, Blinken ...").
pub(super) fn clause_subject(cx: &Ctx<'_, '_>, lo: usize, i: usize) -> Option<Source> {
    const MAX_OPENING: usize = 15;
    // a dateline ("WASHINGTON, Dec. 8 (UPI) —") is nobody
    let lo = dateline_end(cx, lo, i).unwrap_or(lo);
    if lo >= i {
        return None;
    }
    let mut start = lo;
    let w = cx.word(lo);
    // "Hours later, ...", "Two days earlier, ..."
    let time_opening = (lo + 1..(lo + 4).min(i)).any(|k| {
        cx.word(k + 1) == ","
            && ["later", "earlier", "ago"]
                .iter()
                .any(|t| cx.word(k).eq_ignore_ascii_case(t))
    });
    let opening = cx.class(lo) & (PREPOSITION | TIME | STOP | BETWEEN) != 0
        || cx.ly_adverb(lo)
        || w.ends_with("ing")
        || w.ends_with("ly")
        || time_opening
        || !cx.is_word(lo);
    if opening {
        let comma = (lo..i.min(lo + MAX_OPENING)).find(|&k| cx.word(k) == ",")?;
        start = comma + 1;
    }
    if start >= i {
        return None;
    }
    if cx.class(start) & PRONOUN != 0 {
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
