//! What the tagger sees of a token: hashed features of the word, its
//! neighbours, its sentence and its document.
//!
//! Entry point: [`DocFacts::new`] reads a document's words (each distinct
//! spelling once, [`super::word`]: hash, shape, case; whether a sentence is
//! a headline in capitals; how each word is cased elsewhere in the
//! document), then [`DocFacts::features`] writes the 64-bit feature keys of
//! one token, group by group. No string is allocated per feature: every key
//! is a hash built from a template number and the values it reads. The
//! model stores weights under these keys only, never the words.
//!
//! Must not score, decide or know any model: the same keys serve the trainer
//! and the run-time tagger, so a change here needs a retrained model (bump
//! [`FEATURE_VERSION`]).

use super::spelling::SpellingTable;
use super::tags::Tag;
use super::word::{
    ALL_UPPER, BRIEF_CAPS_WORD, BRIEF_DIGIT, BRIEF_LOWER, BRIEF_UPPER, Brief, HAS_UPPER,
    INIT_UPPER, Word, affixes, finish, step,
};
use crate::analysis::segment::Token;
use std::ops::Range;

/// Version of the feature templates; the model file records the one it was trained with.
pub const FEATURE_VERSION: u32 = 2;

/// A map keyed by pre-hashed 64-bit keys.
pub type KeyMap<V> = rustc_hash::FxHashMap<u64, V>;

/// A document's words, however they are stored.
pub trait Words {
    /// Number of words.
    fn count(&self) -> usize;
    /// The `i`-th word.
    fn word(&self, i: usize) -> &str;
    /// The bytes of the `i`-th word.
    #[inline]
    fn bytes(&self, i: usize) -> &[u8] {
        self.word(i).as_bytes()
    }
}

impl<S: AsRef<str>> Words for [S] {
    fn count(&self) -> usize {
        self.len()
    }
    fn word(&self, i: usize) -> &str {
        self[i].as_ref()
    }
}

impl<S: AsRef<str>> Words for Vec<S> {
    fn count(&self) -> usize {
        self.len()
    }
    fn word(&self, i: usize) -> &str {
        self[i].as_ref()
    }
}

/// gloss's tokens, read from the text they index.
pub struct TokenWords<'t> {
    pub text: &'t str,
    pub tokens: &'t [Token],
}

impl Words for TokenWords<'_> {
    fn count(&self) -> usize {
        self.tokens.len()
    }
    fn word(&self, i: usize) -> &str {
        self.tokens[i].text(self.text)
    }
}

impl Words for crate::analysis::Document<'_> {
    fn count(&self) -> usize {
        self.tokens.len()
    }
    fn word(&self, i: usize) -> &str {
        self.tokens[i].text(self.text)
    }
    #[inline]
    fn bytes(&self, i: usize) -> &[u8] {
        let span = self.tokens[i].span();
        self.text
            .as_bytes()
            .get(span.start..span.end)
            .unwrap_or(&[])
    }
}

/// A distinct spelling of a word in one document ("Paris", "paris" and
/// "PARIS" are three), numbered in the order first met.
pub type FormId = u32;

/// No word: before the start or past the end of the sentence.
pub const NO_FORM: FormId = FormId::MAX;

/// A spelling read once for the whole document.
#[derive(Debug, Clone, Copy)]
struct Form<'w> {
    text: &'w str,
    word: Word,
    /// Number of the lowercased word (shared by "Paris" and "PARIS").
    lower: u32,
}

/// Which side of the token scored a neighbour stands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Before,
    After,
}

/// The words of one document with what the features need to know about them.
///
/// Each distinct spelling is read once ([`Word::read`]) and numbered
/// ([`FormId`]); tokens are held as those numbers (4 bytes a token). What
/// depends on the whole document (how each word is cased elsewhere) is
/// read once by [`DocFacts::for_document`]; the per-token facts (headline,
/// candidate) are held for a run of sentences at a time ([`DocFacts::load`]).
///
/// The features of a token come in groups, each a function of a few
/// spellings and small values only ([`DocFacts::word_keys`],
/// [`DocFacts::near_keys`], ...): the run-time tagger sums each group's
/// weights once per distinct argument and reuses the sum.
pub struct DocFacts<'w> {
    /// The loaded run of sentences, as token ranges of the document.
    sentences: &'w [Range<usize>],
    /// The loaded tokens, as indices of the document.
    loaded: Range<usize>,
    /// Every token's spelling.
    tokens: Vec<FormId>,
    /// Per loaded sentence: the sentence is written in capitals (a headline).
    caps: Vec<bool>,
    /// Per loaded token: whether it can be part of a name at all.
    candidate: Vec<bool>,
    /// Every spelling met so far, by number.
    forms: Vec<Form<'w>>,
    /// The same, as the per-token passes read them.
    briefs: Vec<Brief>,
    form_ids: SpellingTable<'w, FormId>,
    /// Number of each lowercased word, by its hash.
    lower_ids: KeyMap<u32>,
    /// Per lowercased word: how it is cased in the document outside headlines.
    casing: Vec<u8>,
}

// Template numbers: each feature key starts from one.
mod t {
    pub const BIAS: u64 = 1;
    pub const W0: u64 = 2;
    pub const W0_SHAPE: u64 = 3;
    pub const WM1: u64 = 4;
    pub const WP1: u64 = 5;
    pub const WM2: u64 = 6;
    pub const WP2: u64 = 7;
    pub const S0: u64 = 8;
    pub const SM1: u64 = 9;
    pub const SP1: u64 = 10;
    pub const SM1_S0: u64 = 11;
    pub const S0_SP1: u64 = 12;
    pub const WM1_W0: u64 = 13;
    pub const W0_WP1: u64 = 14;
    pub const PREFIX: u64 = 15; // + 0..4
    pub const SUFFIX: u64 = 20; // + 0..4
    pub const Y1: u64 = 30;
    pub const Y1_Y2: u64 = 31;
    pub const Y1_W0: u64 = 32;
    pub const Y1_S0: u64 = 33;
    pub const FIRST_S0: u64 = 34;
    pub const FIRST_W0: u64 = 35;
    pub const CAPS: u64 = 36;
    pub const CAPS_W0: u64 = 37;
    pub const CASING: u64 = 38;
    pub const HISTORY: u64 = 39;
    pub const HISTORY_W0SHAPE: u64 = 40;
    pub const SM2: u64 = 41;
    pub const SP2: u64 = 42;
    pub const CAPS_WM1: u64 = 43;
    pub const CAPS_WP1: u64 = 44;
    pub const LEN: u64 = 45;
}

const BOUNDARY: u64 = 0xb0b0_b0b0;

/// The label history of the document so far, as the features read it.
#[derive(Debug, Clone, Copy)]
pub struct History {
    /// Tag of the previous token in the sentence (`Outside` at the start).
    pub prev: Tag,
    /// Tag two tokens back.
    pub prev2: Tag,
    /// The last tag given earlier in the document to the same word, as a
    /// small code (0: never seen as a candidate).
    pub same_word: u8,
}

impl<'w> DocFacts<'w> {
    /// Reads a document given as words and sentence ranges over them, with
    /// every token loaded.
    pub fn new<W: Words + ?Sized>(text: &'w W, sentences: &'w [Range<usize>]) -> Self {
        let mut facts = Self::for_document(text, sentences);
        facts.load(sentences, 0..text.count());
        facts
    }

    /// Reads what the features need of the whole document (how each word is
    /// cased outside headlines), with no token loaded yet.
    pub fn for_document<W: Words + ?Sized>(text: &'w W, sentences: &'w [Range<usize>]) -> Self {
        const ROOM: usize = 1 << 13;
        let mut facts = DocFacts {
            sentences: &[],
            loaded: 0..0,
            tokens: Vec::with_capacity(text.count()),
            caps: Vec::new(),
            candidate: Vec::new(),
            // A news article has about one new spelling in four tokens; the
            // maps start small on long documents (a map sized for every
            // token would be touched all over by hashing and stay resident)
            forms: Vec::with_capacity((text.count() / 4).min(ROOM)),
            briefs: Vec::with_capacity((text.count() / 4).min(ROOM)),
            form_ids: SpellingTable::with_capacity((text.count() / 4).min(ROOM)),
            lower_ids: KeyMap::with_capacity_and_hasher(
                (text.count() / 4).min(ROOM),
                Default::default(),
            ),
            casing: Vec::new(),
        };
        let DocFacts {
            tokens,
            form_ids,
            forms,
            briefs,
            lower_ids,
            casing,
            ..
        } = &mut facts;
        // one-byte spellings (punctuation, "a", "I": about a token in five)
        // by their byte, without hashing
        let mut one_byte = [NO_FORM; 256];
        tokens.extend((0..text.count()).map(|i| {
            let bytes = text.bytes(i);
            if let &[b] = bytes {
                let f = &mut one_byte[usize::from(b)];
                if *f == NO_FORM {
                    *f = add_form(forms, briefs, lower_ids, casing, text.word(i));
                }
                return *f;
            }
            match form_ids.find(bytes) {
                Ok(f) => f,
                Err(vacant) => {
                    let f = add_form(forms, briefs, lower_ids, casing, text.word(i));
                    form_ids.insert(vacant, f);
                    f
                }
            }
        }));
        for r in sentences {
            let Some(ws) = facts.tokens.get(r.clone()) else {
                continue;
            };
            if facts.is_caps_line(ws) {
                continue;
            }
            // Every word is recorded, not just the candidates: only the
            // candidates' entries are ever read.
            let (briefs, casing) = (&facts.briefs, &mut facts.casing);
            for (k, &f) in ws.iter().enumerate() {
                let Some(b) = briefs.get(f as usize) else {
                    continue;
                };
                let flag = if k > 0 { b.seen_mid } else { b.seen_first };
                if flag != 0
                    && let Some(c) = casing.get_mut(b.lower as usize)
                {
                    *c |= flag;
                }
            }
        }
        facts
    }

    /// Loads the tokens of a run of `sentences`; `tokens` covers them
    /// (tokens outside every sentence are never candidates). The buffers of
    /// the previous run are reused.
    pub fn load(&mut self, sentences: &'w [Range<usize>], tokens: Range<usize>) {
        self.sentences = sentences;
        self.loaded = tokens.start..tokens.end.min(self.tokens.len());
        let base = self.loaded.start;
        self.caps.clear();
        self.candidate.clear();
        self.candidate.resize(self.loaded.len(), false);
        for r in sentences {
            let ws = &self.tokens[r.clone()];
            self.caps.push(self.is_caps_line(ws));
            mark_candidates(
                ws,
                &self.briefs,
                &mut self.candidate[r.start - base..r.end - base],
            );
        }
    }

    /// The loaded tokens, as indices of the document.
    pub fn tokens(&self) -> Range<usize> {
        self.loaded.clone()
    }

    /// The loaded sentences, as token ranges of the document.
    pub fn sentences(&self) -> &[Range<usize>] {
        self.sentences
    }

    /// Whether loaded sentence `si` is written in capitals (a headline).
    pub fn caps(&self, si: usize) -> bool {
        self.caps[si]
    }

    /// Whether each token of the loaded `tokens` can be part of a name.
    pub fn candidates_in(&self, tokens: &Range<usize>) -> &[bool] {
        let base = self.loaded.start;
        &self.candidate[tokens.start - base..tokens.end - base]
    }

    /// The number under which the document remembers the tag of token
    /// `i`'s word (the same for every casing of it), below [`DocFacts::word_count`].
    pub fn word_key(&self, i: usize) -> usize {
        self.briefs[self.form(i) as usize].lower as usize
    }

    /// [`DocFacts::word_key`] of a token of spelling `f`.
    #[inline]
    pub fn word_key_of(&self, f: FormId) -> usize {
        self.briefs
            .get(f as usize)
            .map_or(usize::MAX, |f| f.lower as usize)
    }

    /// How many lowercased words the document has shown so far.
    pub fn word_count(&self) -> usize {
        self.casing.len()
    }

    /// How many distinct spellings the document has: every [`FormId`] of
    /// its tokens is below.
    pub fn form_count(&self) -> usize {
        self.forms.len()
    }

    /// The spelling of every token of the document, by token index.
    pub fn token_forms(&self) -> &[FormId] {
        &self.tokens
    }

    /// The spelling of token `i`.
    pub fn form(&self, i: usize) -> FormId {
        self.tokens[i]
    }

    /// The spelling of the token `d` places from loaded token `i`, or
    /// [`NO_FORM`] outside the sentence `r`.
    pub fn form_near(&self, i: usize, d: isize, r: &Range<usize>) -> FormId {
        match i.checked_add_signed(d) {
            Some(j) if r.contains(&j) => self.form(j),
            _ => NO_FORM,
        }
    }

    /// Writes the feature keys of token `i` of sentence `si` into `out`
    /// (cleared first): every group, as the run-time tagger sums them.
    pub fn features(&self, i: usize, si: usize, h: &History, out: &mut Vec<u64>) {
        out.clear();
        let r = &self.sentences[si];
        let caps = self.caps[si];
        let w = self.form(i);
        self.word_keys(w, caps, i == r.start, out);
        self.far_keys(self.form_near(i, -2, r), Side::Before, caps, out);
        self.near_keys(w, self.form_near(i, -1, r), Side::Before, caps, out);
        self.near_keys(w, self.form_near(i, 1, r), Side::After, caps, out);
        self.far_keys(self.form_near(i, 2, r), Side::After, caps, out);
        self.tag_keys(w, caps, h.prev, h.same_word, out);
        history_keys(h.prev, h.prev2, out);
    }

    fn lower(&self, f: FormId) -> u64 {
        self.forms
            .get(f as usize)
            .map_or(BOUNDARY, |f| f.word.lower)
    }

    /// The shape of a word as the features read it: in a headline in
    /// capitals every shape is "X", so the shape says nothing there.
    fn shape(&self, f: FormId, caps: bool) -> u64 {
        match self.forms.get(f as usize) {
            None => BOUNDARY,
            Some(_) if caps => 0xcafe,
            Some(f) => u64::from(f.word.shape),
        }
    }

    /// Appends the keys of the features of the word `w` itself (its
    /// spelling, affixes, how it is cased elsewhere), given whether its
    /// sentence is in capitals and whether it opens the sentence.
    pub fn word_keys(&self, w: FormId, caps: bool, first: bool, out: &mut Vec<u64>) {
        let Some(form) = self.forms.get(w as usize) else {
            return;
        };
        let lower = form.word.lower;
        let s0 = self.shape(w, caps);
        let (prefix, suffix) = affixes(form.text);
        out.push(f1(t::BIAS, 0));
        out.push(f1(t::W0, lower));
        out.push(f2(t::W0_SHAPE, lower, s0));
        out.push(f1(t::S0, s0));
        for k in 0..4 {
            out.push(f1(t::PREFIX + k as u64, prefix[k]));
            out.push(f1(t::SUFFIX + k as u64, suffix[k]));
        }
        out.push(f1(t::LEN, u64::from(form.word.chars.min(12))));
        if caps {
            out.push(f1(t::CAPS, 1));
            out.push(f1(t::CAPS_W0, lower));
        }
        if first {
            out.push(f1(t::FIRST_S0, s0));
            out.push(f1(t::FIRST_W0, lower));
        }
        // How the same word is cased elsewhere, told apart by whether its
        // case here says anything (sentence start, headline) or not.
        let casing = self.casing[form.lower as usize];
        let position = if caps {
            2
        } else if first {
            1
        } else {
            0
        };
        let case_here = u64::from(form.word.flags & (INIT_UPPER | ALL_UPPER | HAS_UPPER));
        out.push(f2(
            t::CASING,
            u64::from(casing) | (position << 4),
            case_here,
        ));
    }

    /// Appends the keys of the features of the word `n` right before or
    /// after the word `w`: the neighbour alone and the pair.
    pub fn near_keys(&self, w: FormId, n: FormId, side: Side, caps: bool, out: &mut Vec<u64>) {
        let (lw, ln) = (self.lower(w), self.lower(n));
        let (sw, sn) = (self.shape(w, caps), self.shape(n, caps));
        match side {
            Side::Before => {
                out.push(f1(t::WM1, ln));
                out.push(f1(t::SM1, sn));
                out.push(f2(t::SM1_S0, sn, sw));
                out.push(f2(t::WM1_W0, ln, lw));
                if caps {
                    out.push(f1(t::CAPS_WM1, ln));
                }
            }
            Side::After => {
                out.push(f1(t::WP1, ln));
                out.push(f1(t::SP1, sn));
                out.push(f2(t::S0_SP1, sw, sn));
                out.push(f2(t::W0_WP1, lw, ln));
                if caps {
                    out.push(f1(t::CAPS_WP1, ln));
                }
            }
        }
    }

    /// Appends the keys of the features of the word `n` two places before
    /// or after the token.
    pub fn far_keys(&self, n: FormId, side: Side, caps: bool, out: &mut Vec<u64>) {
        let (l, s) = (self.lower(n), self.shape(n, caps));
        let (tl, ts) = match side {
            Side::Before => (t::WM2, t::SM2),
            Side::After => (t::WP2, t::SP2),
        };
        out.push(f1(tl, l));
        out.push(f1(ts, s));
    }

    /// Appends the keys of the features that join the word `w` with the
    /// previous tag and the tag last given to the same word.
    pub fn tag_keys(&self, w: FormId, caps: bool, prev: Tag, same_word: u8, out: &mut Vec<u64>) {
        let (l, s0) = (self.lower(w), self.shape(w, caps));
        let y1 = prev.index() as u64;
        out.push(f2(t::Y1_W0, y1, l));
        out.push(f2(t::Y1_S0, y1, s0));
        out.push(f1(t::HISTORY, u64::from(same_word)));
        out.push(f2(t::HISTORY_W0SHAPE, u64::from(same_word), s0));
    }

    /// A sentence written in capitals (a headline): no lowercase letter, and a
    /// word of two or more capitals.
    fn is_caps_line(&self, ws: &[FormId]) -> bool {
        let brief = |f: &FormId| &self.briefs[*f as usize];
        // most sentences have a lowercase letter early on: looked at first
        ws.iter().all(|f| !brief(f).is(BRIEF_LOWER))
            && ws.iter().any(|f| brief(f).is(BRIEF_CAPS_WORD))
    }
}

/// Reads and numbers a spelling met for the first time.
#[cold]
#[inline(never)]
fn add_form<'w>(
    forms: &mut Vec<Form<'w>>,
    briefs: &mut Vec<Brief>,
    lower_ids: &mut KeyMap<u32>,
    casing: &mut Vec<u8>,
    s: &'w str,
) -> FormId {
    let word = Word::read(s);
    let next = casing.len() as u32;
    let lower = *lower_ids.entry(word.lower).or_insert(next);
    if lower == next {
        casing.push(0);
    }
    briefs.push(Brief::of(&word, lower));
    forms.push(Form {
        text: s,
        word,
        lower,
    });
    (forms.len() - 1) as FormId
}

/// Appends the keys of the features of the two previous tags.
pub fn history_keys(prev: Tag, prev2: Tag, out: &mut Vec<u64>) {
    let (y1, y2) = (prev.index() as u64, prev2.index() as u64);
    out.push(f1(t::Y1, y1));
    out.push(f2(t::Y1_Y2, y1, y2));
}

#[inline]
fn f1(tpl: u64, a: u64) -> u64 {
    finish(step(step(0, tpl), a))
}

#[inline]
fn f2(tpl: u64, a: u64, b: u64) -> u64 {
    finish(step(step(step(0, tpl), a), b))
}

/// Marks the tokens of one sentence that can be part of a name: words with
/// a capital, numbers right after one ("Windows 95"), and short runs of
/// other tokens between two capitalised ones ("Bank of England").
fn mark_candidates(ws: &[FormId], briefs: &[Brief], out: &mut [bool]) {
    const GAP: usize = 2;
    let mut last_upper: Option<usize> = None;
    for (k, &f) in ws.iter().enumerate() {
        let w = &briefs[f as usize];
        if w.is(BRIEF_UPPER) {
            out[k] = true;
            if let Some(l) = last_upper
                && k - l - 1 <= GAP
            {
                for o in &mut out[l + 1..k] {
                    *o = true;
                }
            }
            last_upper = Some(k);
        } else if w.is(BRIEF_DIGIT) && last_upper == k.checked_sub(1) && k > 0 {
            out[k] = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_are_told_apart_and_cases_share_a_word() {
        let words = [
            "Paris",
            "PARIS",
            "paris",
            "Paris",
            "a",
            "an",
            "ab",
            "counterinsurgencies",
            "counterinsurgentcies",
            "counterinsurgencies",
            "",
            "naïve",
        ];
        let sentences = [Range {
            start: 0,
            end: words.len(),
        }];
        let facts = DocFacts::new(&words[..], &sentences);
        let form = |i: usize| facts.form(i);
        // The same spelling is one form; others are not.
        assert_eq!(form(0), form(3));
        assert_eq!(form(7), form(9));
        for (i, j) in [(0, 1), (0, 2), (4, 5), (5, 6), (7, 8), (4, 10)] {
            assert_ne!(form(i), form(j), "{} / {}", words[i], words[j]);
        }
        // Every casing of a word is remembered as one word.
        assert_eq!(facts.word_key(0), facts.word_key(1));
        assert_eq!(facts.word_key(0), facts.word_key(2));
        assert_ne!(facts.word_key(7), facts.word_key(8));
        assert!(facts.word_key(11) < facts.word_count());
    }
}
