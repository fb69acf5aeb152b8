//! What the tagger sees of a token: hashed features of the word, its
//! neighbours, its sentence and its document.
//!
//! Entry point: [`DocFacts::new`] reads a document's words once (word hashes,
//! shapes, affixes, whether a sentence is a headline in capitals, how each
//! word is cased elsewhere in the document), then [`DocFacts::features`]
//! writes the 64-bit feature keys of one token. No string is allocated per
//! feature: every key is a hash built incrementally from a template number
//! and the bytes it reads. The model stores weights under these keys only,
//! never the words.
//!
//! Must not score, decide or know any model: the same keys serve the trainer
//! and the run-time tagger, so a change here needs a retrained model (bump
//! [`FEATURE_VERSION`]).

use super::tags::Tag;
use crate::analysis::segment::Token;
use std::ops::Range;

/// Version of the feature templates; the model file records the one it was trained with.
pub const FEATURE_VERSION: u32 = 2;

const K: u64 = 0x517c_c1b7_2722_0a95;

/// One step of the incremental hash (FxHash's).
#[inline]
fn step(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(K)
}

/// Final mixing so that low bits (the table index) depend on every input bit.
#[inline]
fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// A map keyed by pre-hashed 64-bit keys.
pub type KeyMap<V> = rustc_hash::FxHashMap<u64, V>;

// Flags of a word.
const HAS_UPPER: u16 = 1;
const INIT_UPPER: u16 = 2;
const ALL_UPPER: u16 = 4;
const HAS_LOWER: u16 = 8;
const HAS_DIGIT: u16 = 16;
const HAS_LETTER: u16 = 32;

// How a word is cased elsewhere in its document (outside headlines).
const SEEN_LOWER: u8 = 1;
const SEEN_TITLE_MID: u8 = 2;

/// The character as the features read it: lowercased, and typographic
/// quotes, apostrophes and dashes folded to the ASCII ones the training
/// text uses ("China’s" reads as "China's").
#[inline]
fn lowercase(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        match fold_typography(c) {
            f if f.is_ascii() => f,
            _ => c.to_lowercase().next().unwrap_or(c),
        }
    }
}

/// Typographic punctuation as its ASCII counterpart.
#[inline]
fn fold_typography(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' => '-',
        '\u{2014}' | '\u{2015}' => '-',
        '\u{2026}' => '.',
        c => c,
    }
}

/// Hashes of the first and of the last one to four characters, lowercased
/// (a shorter word repeats its whole hash).
fn affixes(w: &str) -> ([u64; 4], [u64; 4]) {
    fn fill(it: impl Iterator<Item = char>) -> [u64; 4] {
        let mut out = [0u64; 4];
        let mut h = 0u64;
        let mut n = 0;
        for c in it.take(4) {
            h = step(h, u64::from(u32::from(lowercase(c))));
            out[n] = h;
            n += 1;
        }
        for x in &mut out[n..] {
            *x = h;
        }
        out
    }
    if w.is_ascii() {
        let b = w.as_bytes();
        (
            fill(b.iter().map(|&c| char::from(c))),
            fill(b.iter().rev().map(|&c| char::from(c))),
        )
    } else {
        (fill(w.chars()), fill(w.chars().rev()))
    }
}

/// What the tagger knows of one word, before context.
#[derive(Debug, Clone, Copy, Default)]
struct Word {
    lower: u64,
    shape: u32,
    flags: u16,
    chars: u16,
}

impl Word {
    /// Reads a word: its lowercased hash, shape and flags.
    fn read(w: &str) -> Word {
        if w.is_ascii() {
            Word::read_chars(w.bytes().map(char::from))
        } else {
            Word::read_chars(w.chars())
        }
    }

    #[inline]
    fn read_chars(chars: impl Iterator<Item = char>) -> Word {
        let mut h = 0u64;
        let mut shape = 0u64;
        let mut last_class = 0u32;
        let mut n = 0usize;
        let mut flags = 0u16;
        let mut all_upper = true;
        for c in chars {
            let c = fold_typography(c);
            h = step(h, u64::from(u32::from(lowercase(c))));
            n += 1;
            let class = if c.is_uppercase() {
                flags |= HAS_UPPER | HAS_LETTER;
                if n == 1 {
                    flags |= INIT_UPPER;
                }
                u32::from('X')
            } else if c.is_alphabetic() {
                flags |= HAS_LOWER | HAS_LETTER;
                all_upper = false;
                u32::from('x')
            } else if c.is_numeric() {
                flags |= HAS_DIGIT;
                u32::from('d')
            } else {
                u32::from(c)
            };
            if class != last_class {
                shape = step(shape, u64::from(class));
                last_class = class;
            }
        }
        if all_upper && flags & HAS_LETTER != 0 {
            flags |= ALL_UPPER;
        }
        Word {
            lower: h,
            shape: (shape >> 32) as u32,
            flags,
            chars: n.min(usize::from(u16::MAX)) as u16,
        }
    }

    fn is(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }
}

/// A document's words, however they are stored.
pub trait Words {
    /// Number of words.
    fn count(&self) -> usize;
    /// The `i`-th word.
    fn word(&self, i: usize) -> &str;
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
}

/// The words of one document with what the features need to know about them.
///
/// What depends on the whole document (how each word is cased elsewhere) is
/// read once by [`DocFacts::for_document`]; the per-token facts are held for
/// a run of sentences at a time ([`DocFacts::load`]), so a long document
/// needs memory for one run, not for all its tokens.
pub struct DocFacts<'w, W: Words + ?Sized> {
    text: &'w W,
    /// The loaded run of sentences, as token ranges of the document.
    sentences: &'w [Range<usize>],
    /// The first token of `words`.
    base: usize,
    /// The loaded tokens' words, from token `base` on.
    words: Vec<Word>,
    /// Per loaded sentence: the sentence is written in capitals (a headline).
    caps: Vec<bool>,
    /// Per loaded token: whether it can be part of a name at all.
    candidate: Vec<bool>,
    /// Per lowercased word: how it is cased in the document outside headlines.
    casing: KeyMap<u8>,
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

impl<'w, W: Words + ?Sized> DocFacts<'w, W> {
    /// Reads a document given as words and sentence ranges over them, with
    /// every token loaded.
    pub fn new(text: &'w W, sentences: &'w [Range<usize>]) -> Self {
        let mut facts = Self::for_document(text, sentences);
        facts.load(sentences, 0..text.count());
        facts
    }

    /// Reads what the features need of the whole document (how each word is
    /// cased outside headlines), with no token loaded yet.
    pub fn for_document(text: &'w W, sentences: &'w [Range<usize>]) -> Self {
        let mut casing: KeyMap<u8> = KeyMap::default();
        let mut ws: Vec<Word> = Vec::new();
        for r in sentences {
            ws.clear();
            ws.extend(r.clone().map(|i| Word::read(text.word(i))));
            if is_caps_line(&ws) {
                continue;
            }
            // Every word is recorded, not just the candidates: only the
            // candidates' entries are ever read.
            for (k, w) in ws.iter().enumerate() {
                let flag = if !w.is(HAS_LETTER) {
                    continue;
                } else if !w.is(HAS_UPPER) {
                    SEEN_LOWER
                } else if k > 0 && w.is(INIT_UPPER) && !w.is(ALL_UPPER) {
                    SEEN_TITLE_MID
                } else {
                    continue;
                };
                *casing.entry(w.lower).or_insert(0) |= flag;
            }
        }
        DocFacts {
            text,
            sentences: &[],
            base: 0,
            words: Vec::new(),
            caps: Vec::new(),
            candidate: Vec::new(),
            casing,
        }
    }

    /// Loads the tokens of a run of `sentences`; `tokens` covers them
    /// (tokens outside every sentence are never candidates). The buffers of
    /// the previous run are reused.
    pub fn load(&mut self, sentences: &'w [Range<usize>], tokens: Range<usize>) {
        self.sentences = sentences;
        self.base = tokens.start;
        self.words.clear();
        self.words
            .extend(tokens.clone().map(|i| Word::read(self.text.word(i))));
        self.caps.clear();
        self.candidate.clear();
        self.candidate.resize(self.words.len(), false);
        for r in sentences {
            let local = r.start - self.base..r.end - self.base;
            let ws = &self.words[local.clone()];
            self.caps.push(is_caps_line(ws));
            mark_candidates(ws, &mut self.candidate[local]);
        }
    }

    /// The loaded tokens, as indices of the document.
    pub fn tokens(&self) -> Range<usize> {
        self.base..self.base + self.words.len()
    }

    /// The loaded sentences, as token ranges of the document.
    pub fn sentences(&self) -> &[Range<usize>] {
        self.sentences
    }

    /// Whether token `i` can be part of a name; others are always outside.
    pub fn is_candidate(&self, i: usize) -> bool {
        self.candidate[i - self.base]
    }

    /// The key under which the document remembers the tag of token `i`'s word.
    pub fn word_key(&self, i: usize) -> u64 {
        self.word_at(i).lower
    }

    /// The loaded word of token `i`.
    fn word_at(&self, i: usize) -> &Word {
        &self.words[i - self.base]
    }

    /// Writes the feature keys of token `i` of sentence `si` into `out` (cleared first).
    pub fn features(&self, i: usize, si: usize, h: &History, out: &mut Vec<u64>) {
        out.clear();
        self.word_features(i, si, out);
        self.context_features(i, si, h, out);
    }

    /// The shape of a word as the features read it: in a headline in
    /// capitals every shape is "X", so the shape says nothing there.
    fn shape_in(&self, w: Option<&Word>, caps: bool) -> u64 {
        w.map_or(BOUNDARY, |w| if caps { 0xcafe } else { u64::from(w.shape) })
    }

    /// A key for everything [`DocFacts::word_features`] reads: two tokens
    /// with the same key have the same word features.
    pub fn word_features_key(&self, i: usize, si: usize) -> u64 {
        let caps = self.caps[si];
        let w = self.word_at(i);
        finish(step(
            step(step(0, w.lower), self.shape_in(Some(w), caps)),
            u64::from(caps),
        ))
    }

    /// Appends the keys of the features of token `i` that depend on its
    /// word (and whether its sentence is in capitals) only.
    pub fn word_features(&self, i: usize, si: usize, out: &mut Vec<u64>) {
        let caps = self.caps[si];
        let w = self.word_at(i);
        let s0 = self.shape_in(Some(w), caps);
        let (prefix, suffix) = affixes(self.text.word(i));
        out.push(f1(t::BIAS, 0));
        out.push(f1(t::W0, w.lower));
        out.push(f2(t::W0_SHAPE, w.lower, s0));
        out.push(f1(t::S0, s0));
        for k in 0..4 {
            out.push(f1(t::PREFIX + k as u64, prefix[k]));
            out.push(f1(t::SUFFIX + k as u64, suffix[k]));
        }
        out.push(f1(t::LEN, u64::from(w.chars.min(12))));
        if caps {
            out.push(f1(t::CAPS, 1));
            out.push(f1(t::CAPS_W0, w.lower));
        }
    }

    /// Appends the keys of the features of token `i` that read its
    /// neighbours, its position, its document and the tags so far.
    pub fn context_features(&self, i: usize, si: usize, h: &History, out: &mut Vec<u64>) {
        let r = &self.sentences[si];
        let caps = self.caps[si];
        let w = self.word_at(i);
        let at = |d: isize| -> Option<&Word> {
            let j = i as isize + d;
            if j < r.start as isize || j >= r.end as isize {
                None
            } else {
                Some(self.word_at(j as usize))
            }
        };
        let lower = |o: Option<&Word>| o.map_or(BOUNDARY, |w| w.lower);
        let shape = |o: Option<&Word>| self.shape_in(o, caps);
        let (m2, m1, p1, p2) = (at(-2), at(-1), at(1), at(2));
        let s0 = shape(Some(w));
        out.push(f1(t::WM1, lower(m1)));
        out.push(f1(t::WP1, lower(p1)));
        out.push(f1(t::WM2, lower(m2)));
        out.push(f1(t::WP2, lower(p2)));
        out.push(f1(t::SM1, shape(m1)));
        out.push(f1(t::SP1, shape(p1)));
        out.push(f1(t::SM2, shape(m2)));
        out.push(f1(t::SP2, shape(p2)));
        out.push(f2(t::SM1_S0, shape(m1), s0));
        out.push(f2(t::S0_SP1, s0, shape(p1)));
        out.push(f2(t::WM1_W0, lower(m1), w.lower));
        out.push(f2(t::W0_WP1, w.lower, lower(p1)));
        let y1 = h.prev.index() as u64;
        let y2 = h.prev2.index() as u64;
        out.push(f1(t::Y1, y1));
        out.push(f2(t::Y1_Y2, y1, y2));
        out.push(f2(t::Y1_W0, y1, w.lower));
        out.push(f2(t::Y1_S0, y1, s0));
        if i == r.start {
            out.push(f1(t::FIRST_S0, s0));
            out.push(f1(t::FIRST_W0, w.lower));
        }
        if caps {
            out.push(f1(t::CAPS_WM1, lower(m1)));
            out.push(f1(t::CAPS_WP1, lower(p1)));
        }
        // How the same word is cased elsewhere, told apart by whether its
        // case here says anything (sentence start, headline) or not.
        let casing = self.casing.get(&w.lower).copied().unwrap_or(0);
        let position = if caps {
            2
        } else if i == r.start {
            1
        } else {
            0
        };
        let case_here = u64::from(w.flags & (INIT_UPPER | ALL_UPPER | HAS_UPPER));
        out.push(f2(
            t::CASING,
            u64::from(casing) | (position << 4),
            case_here,
        ));
        out.push(f1(t::HISTORY, u64::from(h.same_word)));
        out.push(f2(t::HISTORY_W0SHAPE, u64::from(h.same_word), s0));
    }
}

#[inline]
fn f1(tpl: u64, a: u64) -> u64 {
    finish(step(step(0, tpl), a))
}

#[inline]
fn f2(tpl: u64, a: u64, b: u64) -> u64 {
    finish(step(step(step(0, tpl), a), b))
}

/// A sentence written in capitals (a headline): no lowercase letter, and a
/// word of two or more capitals.
fn is_caps_line(ws: &[Word]) -> bool {
    let no_lower = ws.iter().all(|w| !w.is(HAS_LOWER));
    let long_caps = ws.iter().any(|w| w.is(ALL_UPPER) && w.chars >= 2);
    no_lower && long_caps
}

/// Marks the tokens of one sentence that can be part of a name: words with
/// a capital, numbers right after one ("Windows 95"), and short runs of
/// other tokens between two capitalised ones ("Bank of England").
fn mark_candidates(ws: &[Word], out: &mut [bool]) {
    const GAP: usize = 2;
    let mut last_upper: Option<usize> = None;
    for (k, w) in ws.iter().enumerate() {
        if w.is(HAS_UPPER) {
            out[k] = true;
            if let Some(l) = last_upper
                && k - l - 1 <= GAP
            {
                for o in &mut out[l + 1..k] {
                    *o = true;
                }
            }
            last_upper = Some(k);
        } else if w.is(HAS_DIGIT) && last_upper == k.checked_sub(1) && k > 0 {
            out[k] = true;
        }
    }
}
