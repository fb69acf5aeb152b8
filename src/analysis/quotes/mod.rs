//! Quotations and reported speech: what was said, by whom, to whom.
//!
//! Entry point: [`find`]. The work is done in passes, each linear in the
//! number of tokens:
//!
//! 1. [`marks`] pairs quotation marks into quoted spans.
//! 2. [`frames`] finds attribution frames outside the marks: a cue verb
//!    with the words naming its speaker and addressee ([`phrases`]).
//! 3. This module attaches each quoted span to a frame (the one right after
//!    it, right before it, in the same sentence, in the same paragraph), lets
//!    a quotation that runs into the next paragraph take that paragraph's
//!    frame, and lets an unattributed quote paragraph inherit the speaker of
//!    the quote paragraph before it. Quoted spans that no frame claims (scare
//!    quotes, titles) are not quotes.
//! 4. [`indirect`] turns frames with a reported clause into indirect (and
//!    unmarked) speech.
//! 5. [`speaker`] resolves pronouns and links speakers and addressees to
//!    entities.
//!
//! This module must not recognise entities; it reads the ones it is given
//! and works without any.

mod frames;
mod indirect;
pub mod lexicon;
mod marks;
mod phrases;
mod speaker;

use super::segment::TokenKind;
use super::{Document, Entity, Quote, QuoteKind, Span};
use frames::{Frame, Layout};
use lexicon::{ACCORDING, CUE_ANY, CUE_QUOTE, ClassId, LEXICON, MAX_COMBOS, WordClass};
use marks::Quoted;
use std::cell::Cell;

/// What the passes share: the document and per-token facts computed once.
pub(crate) struct Ctx<'a, 't> {
    pub doc: &'a Document<'t>,
    /// One byte per token: the index of its lexicon class set (0 for
    /// punctuation and unknown words) in the low bits, and [`QUOTED`].
    facts: Vec<u8>,
    /// The lexicon's class sets, by index.
    combos: [WordClass; MAX_COMBOS],
    /// Tokens whose classes hold a cue or "according", in order: the only
    /// places a frame can start from.
    pub cues: Vec<u32>,
    /// Quoted token ranges, merged and in order.
    quoted_ranges: Vec<std::ops::Range<usize>>,
    /// Tokens that may be quotation marks, in order (for [`marks::pair`]).
    mark_candidates: Vec<usize>,
    /// The answer to the last [`Ctx::sentence`] query: the passes go
    /// through the text in order, so the next query is mostly in the same
    /// sentence or the next one, found without a search over them all.
    last_sentence: Cell<usize>,
}

/// Bit of a token's fact byte set when it is a quotation mark or inside a
/// quotation.
const QUOTED: u8 = 0x80;

impl<'a, 't> Ctx<'a, 't> {
    /// The facts of `doc`'s tokens and its quotations, paired by
    /// [`marks::pair`] from the candidate marks found in the same pass.
    fn with_quotations(doc: &'a Document<'t>) -> (Self, Vec<Quoted>) {
        let mut cx = Ctx::new(doc);
        let quoted = marks::pair(doc, &cx.mark_candidates);
        cx.mark_quoted(&quoted);
        (cx, quoted)
    }

    /// The facts of `doc`'s tokens, nothing marked quoted yet.
    fn new(doc: &'a Document<'t>) -> Self {
        let n = doc.tokens.len();
        let lexicon = &*LEXICON;
        let mut combos = [0; MAX_COMBOS];
        for (id, c) in combos.iter_mut().enumerate() {
            *c = lexicon.combo(id as ClassId);
        }
        // whether a frame can start from each class set
        let mut starts_frame = [false; MAX_COMBOS];
        for (cue, &c) in starts_frame.iter_mut().zip(&combos) {
            *cue = c & (CUE_ANY | ACCORDING) != 0;
        }
        let bytes = doc.text.as_bytes();
        let mut cues = Vec::new();
        let mut mark_candidates = Vec::new();
        // punctuation and numbers keep class set 0
        let mut facts: Vec<u8> = vec![0; n];
        for ((i, t), fact) in doc.tokens.iter().enumerate().zip(facts.iter_mut()) {
            if t.kind != TokenKind::Word {
                if marks::may_be_mark_token(bytes, *t) {
                    mark_candidates.push(i);
                }
                continue;
            }
            let s = t.span();
            let id = lexicon.class_id_at(bytes, s.start, s.end) & !QUOTED;
            if starts_frame[id as usize] {
                cues.push(i as u32);
            }
            *fact = id;
        }
        Ctx {
            doc,
            facts,
            combos,
            cues,
            quoted_ranges: Vec::new(),
            mark_candidates,
            last_sentence: Cell::new(0),
        }
    }

    /// Marks the tokens of each quotation (its marks included) as quoted.
    fn mark_quoted(&mut self, quoted: &[Quoted]) {
        let (doc, n) = (self.doc, self.doc.tokens.len());
        let (facts, ranges) = (&mut self.facts, &mut self.quoted_ranges);
        for q in quoted {
            let end = match q.close {
                Some(c) => c + 1,
                None => paragraph_token_end(doc, q.paragraph),
            }
            .min(n);
            if q.open >= end {
                continue;
            }
            if let Some(slots) = facts.get_mut(q.open..end) {
                for f in slots {
                    *f |= QUOTED;
                }
            }
            match ranges.last_mut() {
                Some(r) if q.open <= r.end => r.end = r.end.max(end),
                _ => ranges.push(q.open..end),
            }
        }
    }

    /// The lexicon classes of token `i` (0 for punctuation and unknown words).
    #[inline]
    pub fn class(&self, i: usize) -> WordClass {
        self.combos[(self.facts[i] & !QUOTED) as usize]
    }

    /// True when some token of `lo..hi` is a quotation mark or inside a quotation.
    pub fn any_quoted(&self, lo: usize, hi: usize) -> bool {
        let r = &self.quoted_ranges;
        let k = r.partition_point(|x| x.end <= lo);
        r.get(k).is_some_and(|x| x.start < hi && lo < hi)
    }

    /// True when token `i` is a quotation mark or inside a quotation.
    #[inline]
    pub fn quoted(&self, i: usize) -> bool {
        self.facts[i] & QUOTED != 0
    }

    pub fn word(&self, i: usize) -> &'t str {
        self.doc.tokens[i].text(self.doc.text)
    }

    pub fn span(&self, i: usize) -> Span {
        self.doc.tokens[i].span()
    }

    /// The first byte of token `i` (0 for an empty token).
    #[inline]
    pub fn first_byte(&self, i: usize) -> u8 {
        let s = self.doc.tokens[i].span();
        match self.doc.text.as_bytes().get(s.start) {
            Some(&b) if s.start < s.end => b,
            _ => 0,
        }
    }

    /// True when token `i` is the one ASCII character `c` (",", ":").
    #[inline]
    pub fn is_char(&self, i: usize, c: u8) -> bool {
        let s = self.doc.tokens[i].span();
        s.end == s.start + 1 && self.doc.text.as_bytes().get(s.start) == Some(&c)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.doc.tokens[i].kind == TokenKind::Word
    }

    pub fn capitalised(&self, i: usize) -> bool {
        if !self.is_word(i) {
            return false;
        }
        match self.first_byte(i) {
            // an ASCII letter needs no decoding
            b if b.is_ascii() => b.is_ascii_uppercase(),
            _ => self.word(i).chars().next().is_some_and(char::is_uppercase),
        }
    }

    pub fn starts_lower(&self, i: usize) -> bool {
        self.word(i).chars().next().is_some_and(char::is_lowercase)
    }

    /// The last byte of token `i` (0 for an empty token).
    #[inline]
    fn last_byte(&self, i: usize) -> u8 {
        let end = self.doc.tokens[i].span().end;
        match end.checked_sub(1) {
            Some(at) => self.doc.text.as_bytes().get(at).copied().unwrap_or(0),
            None => 0,
        }
    }

    /// "Trump's", "Trump’s".
    pub fn possessive(&self, i: usize) -> bool {
        // every form below ends in "s" or "S": most words fail on that byte
        if !matches!(self.last_byte(i), b's' | b'S') {
            return false;
        }
        let w = self.word(i);
        if self.is_word(i) && w.len() > 3 && (w.ends_with("'s") || w.ends_with("’s")) {
            return true;
        }
        // the clitic as a token of its own, right after its word ("Japan" "'s")
        matches!(w, "'s" | "’s" | "'S" | "’S")
            && i > 0
            && self.is_word(i - 1)
            && self.span(i - 1).end == self.span(i).start
    }

    /// A lowercase adverb in -ly ("vehemently").
    pub fn ly_adverb(&self, i: usize) -> bool {
        if self.last_byte(i) != b'y' {
            return false;
        }
        let w = self.word(i);
        w.len() > 4
            && w.ends_with("ly")
            && self.starts_lower(i)
            && !matches!(
                w,
                "family" | "ally" | "rally" | "assembly" | "daily" | "supply"
            )
    }

    /// Index of the first token that starts at or after byte `pos`.
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        self.doc.tokens.partition_point(|t| t.span().start < pos)
    }

    /// The sentence token `i` belongs to: the last one asked about or the
    /// one after it when either holds `i`, else a binary search (the
    /// sentences' token ranges are in order and do not overlap, so the
    /// sentence holding `i` is the first that ends after it).
    pub fn sentence(&self, i: usize) -> usize {
        let s = &self.doc.sentence_tokens;
        let last = self.last_sentence.get();
        for k in [last, last + 1] {
            if s.get(k).is_some_and(|r| r.contains(&i)) {
                self.last_sentence.set(k);
                return k;
            }
        }
        let k = s
            .partition_point(|r| r.end <= i)
            .min(s.len().saturating_sub(1));
        self.last_sentence.set(k);
        k
    }

    pub fn paragraph_of_token(&self, i: usize) -> usize {
        self.doc.sentences[self.sentence(i)].paragraph
    }

    /// [`Ctx::paragraph_of_token`] for a token that mostly lies in sentence
    /// `s` (which is then read, not searched for).
    pub fn paragraph_of_token_near(&self, i: usize, s: usize) -> usize {
        match (self.doc.sentence_tokens.get(s), self.doc.sentences.get(s)) {
            (Some(r), Some(sentence)) if r.contains(&i) => sentence.paragraph,
            _ => self.paragraph_of_token(i),
        }
    }
}

fn paragraph_token_end(doc: &Document<'_>, p: usize) -> usize {
    let s = &doc.paragraphs[p].sentences;
    if s.is_empty() {
        0
    } else {
        doc.sentence_tokens[s.end - 1].end
    }
}

fn paragraph_token_start(doc: &Document<'_>, p: usize) -> usize {
    let s = &doc.paragraphs[p].sentences;
    if s.is_empty() {
        0
    } else {
        doc.sentence_tokens[s.start].start
    }
}

/// A quote found, before its speaker is resolved.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub kind: QuoteKind,
    pub content: Span,
    /// The frame that attributes it.
    pub frame: usize,
    pub paragraph: usize,
}

/// Finds every quote and piece of reported speech, in text order.
pub fn find(doc: &Document<'_>, entities: &[Entity]) -> Vec<Quote> {
    if doc.tokens.is_empty() {
        return Vec::new();
    }
    let (cx, quoted) = Ctx::with_quotations(doc);
    let frames = frames::find(&cx);
    let mut found = attach(&cx, &quoted, &frames);
    found.reserve(frames.len());
    indirect::find(&cx, &frames, &mut found);
    let people = speaker::resolve(&cx, &frames, entities);
    // in text order, one quote per content (the first found): sorted and
    // deduplicated before the quotes, with their strings, are built
    found.sort_by_key(|f| (f.content.start, f.content.end));
    found.dedup_by(|b, a| a.content == b.content);
    found
        .into_iter()
        .map(|f| {
            let fr = &frames[f.frame];
            let who = &people[f.frame];
            let has_cue = fr.layout != Layout::Subject;
            Quote {
                kind: f.kind,
                content: f.content,
                speaker: who.entity,
                speaker_name: Some(who.name.to_string()),
                speaker_span: Some(fr.source.span),
                cue: has_cue.then(|| fr.cue.of(doc.text).to_string()),
                cue_span: has_cue.then_some(fr.cue),
                addressee: who.addressee,
                paragraph: f.paragraph,
            }
        })
        .collect()
}

/// How far (in tokens) a frame may stand from the quotation it attributes.
const NEAR: usize = 3;
const WINDOW: usize = 14;
const MAX_CANDIDATES: usize = 8;

/// Attaches quoted spans to frames; returns the attributed ones.
fn attach(cx: &Ctx<'_, '_>, quoted: &[Quoted], frames: &[Frame]) -> Vec<Found> {
    let doc = cx.doc;
    let mut frame_of: Vec<Option<usize>> = Vec::with_capacity(quoted.len());
    let mut last_in_paragraph: Option<(usize, usize)> = None; // (paragraph, frame)
    for q in quoted {
        let earlier = last_in_paragraph
            .filter(|&(p, _)| p == q.paragraph)
            .map(|(_, f)| f);
        let f = own_frame(cx, q, frames, earlier);
        if let Some(f) = f {
            last_in_paragraph = Some((q.paragraph, f));
        }
        frame_of.push(f);
    }
    // a quotation running into the next paragraph takes that paragraph's frame
    for qi in (0..quoted.len()).rev() {
        if frame_of[qi].is_none()
            && quoted[qi].close.is_none()
            && let Some(next) = quoted.get(qi + 1)
            && next.paragraph == quoted[qi].paragraph + 1
        {
            frame_of[qi] = frame_of[qi + 1];
        }
    }
    // a quote paragraph without attribution inherits from the quote before it
    let mut last: Option<(usize, usize)> = None; // (paragraph, frame)
    for (qi, q) in quoted.iter().enumerate() {
        if frame_of[qi].is_none()
            && !q.single
            && q.open == paragraph_token_start(doc, q.paragraph)
            && let Some((p, f)) = last
            && q.paragraph <= p + 1
            && sentence_like(cx, q)
        {
            frame_of[qi] = Some(f);
        }
        if let Some(f) = frame_of[qi]
            && sentence_like(cx, q)
        {
            last = Some((q.paragraph, f));
        }
    }
    quoted
        .iter()
        .zip(frame_of)
        .filter_map(|(q, f)| {
            let frame = f?;
            let content = super::segment::trim_span(doc.text, q.content);
            if content.is_empty() {
                return None;
            }
            let kind = if sentence_like(cx, q) {
                QuoteKind::Direct
            } else {
                QuoteKind::Partial
            };
            let ends_sentence = content.of(doc.text).ends_with(['.', '!', '?', ',', '…']);
            if title_like(cx, q) && (kind == QuoteKind::Partial || !ends_sentence) {
                return None;
            }
            Some(Found {
                kind,
                content,
                frame,
                paragraph: q.paragraph,
            })
        })
        .collect()
}

/// A quotation that reads as a sentence or more: it starts with a capital
/// and stands where a sentence starts (a paragraph or sentence start, after
/// a colon, a comma, "that" or a cue).
fn sentence_like(cx: &Ctx<'_, '_>, q: &Quoted) -> bool {
    let text = cx.doc.text;
    let first = q.content.of(text).trim_start().chars().next();
    if !first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
        return false;
    }
    let o = q.open;
    let s = cx.sentence(o);
    if cx.doc.sentence_tokens[s].start == o {
        return true;
    }
    let prev = o - 1;
    matches!(cx.word(prev), ":" | "," | "—" | "–" | "-" | "." | "?" | "!")
        || cx.word(prev).eq_ignore_ascii_case("that")
        || cx.class(prev) & CUE_ANY != 0
        || cx.quoted(prev)
}

/// A fragment of one word, or of capitalised words only ("Saturday Night
/// Live", "The Art of the Deal"): a title or a name, not someone's words.
fn title_like(cx: &Ctx<'_, '_>, q: &Quoted) -> bool {
    let end = q.close.unwrap_or(q.open + 1);
    let mut words = 0;
    let mut lower = 0;
    for k in q.open + 1..end {
        if !cx.is_word(k) {
            continue;
        }
        words += 1;
        let w = cx.word(k);
        if !cx.capitalised(k)
            && !matches!(
                w,
                "of" | "the" | "a" | "an" | "and" | "in" | "on" | "for" | "to" | "with"
            )
        {
            lower += 1;
        }
        if lower > 0 && words > 1 {
            return false;
        }
    }
    words <= 1 || lower == 0
}

/// True for a frame that can attribute a quotation: a speech verb, "according
/// to", or a sentence's subject.
fn frames_quotes(f: &Frame) -> bool {
    f.class & CUE_QUOTE != 0 || matches!(f.layout, Layout::According | Layout::Subject)
}

/// The frame of a quotation found in its own paragraph, if any.
fn own_frame(
    cx: &Ctx<'_, '_>,
    q: &Quoted,
    frames: &[Frame],
    earlier: Option<usize>,
) -> Option<usize> {
    let doc = cx.doc;
    let p_end = paragraph_token_end(doc, q.paragraph);
    let p_start = paragraph_token_start(doc, q.paragraph);
    let last = q.last_token(p_end);
    let after = partition(frames, last + 1);
    // 1. right after: ", he said", ", said Blinken", "” Smith asked."
    if q.close.is_some() {
        let window_end = (last + 1 + WINDOW).min(p_end);
        for (fi, f) in frames.iter().enumerate().skip(after).take(MAX_CANDIDATES) {
            if f.cue_tok >= window_end || (last + 1..f.first).any(|k| cx.quoted(k)) {
                break;
            }
            if frames_quotes(f)
                && f.first > last
                && f.first <= last + NEAR
                && !matches!(f.layout, Layout::Participle | Layout::Subject)
                // "... “extremely difficult” and urged": a verb of the same
                // speaker, not the one the quotation is the object of
                && !matches!(cx.word(f.first), "and" | "but")
            {
                // across a sentence end only a frame that ends its own
                // sentence ("“Why now?” Smith asked.")
                let same_sentence = cx.sentence(last) == f.sentence;
                let closes_sentence = f.complement.is_none()
                    && f.addressee.is_none()
                    && (f.last + 1 >= cx.doc.sentence_tokens[f.sentence].end
                        || matches!(cx.word(f.last + 1), "." | "!" | "?"));
                // a frame with a clause of its own ("” Barrot replied that
                // ...") reports that clause, not the quotation before it
                if (same_sentence && f.complement.is_none()) || closes_sentence {
                    return Some(fi);
                }
            }
        }
    }
    // 2. right before: "Blinken said: “", "told Wang,” ", "adding that “"
    let before = partition(frames, q.open);
    if before > 0 {
        let f = &frames[before - 1];
        let gap_ok = f.last < q.open
            && (f.last + 1..q.open).all(|k| {
                matches!(cx.word(k), ":" | "," | "—" | "–")
                    || cx.word(k).eq_ignore_ascii_case("that")
            })
            && q.open - f.last <= NEAR + 1;
        if gap_ok && f.cue_tok >= p_start && f.layout != Layout::Subject && frames_quotes(f) {
            return Some(before - 1);
        }
    }
    // 3. in the same sentence(s)
    let (s_first, s_last) = (cx.sentence(q.open), cx.sentence(last));
    // (embedded, not holding the quotation, distance, frame)
    let mut best: Option<(bool, bool, usize, usize)> = None;
    let lo = before.saturating_sub(MAX_CANDIDATES);
    for (fi, f) in frames
        .iter()
        .enumerate()
        .skip(lo)
        .take(2 * MAX_CANDIDATES + (after - before).min(MAX_CANDIDATES))
    {
        if f.sentence < s_first || f.sentence > s_last || !frames_quotes(f) {
            continue;
        }
        if f.cue_tok > q.open && f.cue_tok < last {
            continue;
        }
        let d = if f.cue_tok < q.open {
            q.open - f.cue_tok
        } else {
            f.cue_tok - last
        };
        // a frame inside another's reported clause comes last; a frame
        // whose reported clause holds the quotation ("said conditions were
        // “extremely difficult” and urged ...") comes first
        let holds = f.cue_tok < q.open
            && f.complement.is_some_and(|c| c <= q.open)
            && frames.get(fi + 1).is_none_or(|n| n.cue_tok > q.open)
            && !(f.cue_tok..q.open).any(|k| cx.quoted(k));
        let key = (f.embedded, !holds, d);
        if best.is_none_or(|b| key < (b.0, b.1, b.2)) {
            best = Some((f.embedded, !holds, d, fi));
        }
    }
    if let Some((_, _, _, fi)) = best {
        return Some(fi);
    }
    // 4. a quote sentence takes the frame of the paragraph's previous
    // quote, or else the nearest frame of its paragraph
    if !sentence_like(cx, q) {
        return None;
    }
    if earlier.is_some() {
        return earlier;
    }
    let prev = (before > 0).then(|| before - 1).filter(|&fi| {
        frames[fi].cue_tok >= p_start
            && frames[fi].layout != Layout::Subject
            && frames_quotes(&frames[fi])
    });
    let next = (after < frames.len()
        && frames[after].cue_tok < p_end
        && frames[after].layout != Layout::Subject
        && frames_quotes(&frames[after]))
    .then_some(after);
    match (prev, next) {
        (Some(a), Some(b)) => {
            if q.open - frames[a].last <= frames[b].first.saturating_sub(last) {
                Some(a)
            } else {
                Some(b)
            }
        }
        (a, b) => a.or(b),
    }
}

/// Index of the first frame whose cue is at or after token `tok`.
fn partition(frames: &[Frame], tok: usize) -> usize {
    frames.partition_point(|f| f.cue_tok < tok)
}

#[cfg(test)]
mod tests;
