//! What each distinct spelling of a document makes in the word view, read
//! once and remembered under the spelling's number.
//!
//! Entry points: [`Spellings`] (possessive cut, known pair split, shape,
//! lowercase key, gazetteer facts of a spelling, and what its words add
//! to the [`Tally`] that tells a headline) and [`OwnSpellings`] (spelling
//! numbers where no tagger has numbered the tokens). Knows nothing of
//! sentences or entities: [`super::Words`] places the words.

use super::super::gazetteer::{Lexicon, PhraseKind, WordFacts, key_of, push_lower};
use super::{Shape, Word};
use crate::analysis::Document;
use crate::analysis::Span;
use crate::analysis::ner::SpellingNumbers;
use crate::analysis::ner::features::FormId;
use std::ops::Range;

/// Strips a possessive ending ("’s", "'s") or a dangling hyphen ("China- US") from a word.
fn strip_possessive(w: &str) -> &str {
    for suffix in ["'s", "’s", "'S", "’S", "-"] {
        if w.len() > suffix.len() + 1
            && let Some(stem) = w.strip_suffix(suffix)
        {
            return stem;
        }
    }
    w
}

/// The shape of a word that is not a punctuation token.
fn shape_of(s: &str) -> Shape {
    if s.is_ascii() {
        return ascii_shape_of(s.as_bytes());
    }
    let Some(first) = s.chars().next() else {
        return Shape::Punct;
    };
    if first.is_ascii_digit() {
        return Shape::Number;
    }
    if first.is_lowercase() {
        return Shape::Lower;
    }
    if !first.is_uppercase() {
        return if first.is_alphanumeric() {
            Shape::Lower
        } else {
            Shape::Punct
        };
    }
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    if letters >= 2 && !s.chars().any(char::is_lowercase) {
        Shape::Upper
    } else {
        Shape::Capitalized
    }
}

/// [`shape_of`] for a word in ASCII (most words): the same answers, byte by byte.
#[inline]
fn ascii_shape_of(b: &[u8]) -> Shape {
    let Some(&first) = b.first() else {
        return Shape::Punct;
    };
    if first.is_ascii_digit() {
        return Shape::Number;
    }
    if first.is_ascii_lowercase() {
        return Shape::Lower;
    }
    if !first.is_ascii_uppercase() {
        return Shape::Punct;
    }
    let letters = b.iter().filter(|c| c.is_ascii_alphabetic()).count();
    if letters >= 2 && !b.iter().any(u8::is_ascii_lowercase) {
        Shape::Upper
    } else {
        Shape::Capitalized
    }
}

const OPENING_QUOTES: &[&str] = &["\"", "“", "‘", "«", "„", "(", "[", ":", "”", "-", "—", "–"];

/// What a token's spelling makes of it, read once per distinct spelling:
/// its words (one, or two for a known pair), and for a punctuation mark
/// whether it opens a stretch where capitals say nothing. The first word is
/// held here whole, as a [`Word`] placed relative to the token's start (a
/// token's word is a copy with its place filled in); the rare second one in
/// [`Spellings::seconds`].
#[derive(Debug, Clone, Copy)]
pub(super) struct Spelled {
    /// Its first (most often only) word, relative to the token's start.
    pub word: Word,
    /// Index of its second word in [`Spellings::seconds`], or [`NO_SECOND`].
    second: u32,
    /// What its words add to their sentence's [`Tally`], but for the
    /// common capitalised first word, counted only where it does not open.
    pub tally: Tally,
    /// The first word is a capitalised common word ("Will", "Was").
    pub common_capital: bool,
    /// How it was read: [`UNREAD_STATE`], [`AS_WORD`] or [`AS_PUNCT`].
    state: u8,
    /// A quotation mark, bracket, colon or dash.
    pub opener: bool,
}

const UNREAD_STATE: u8 = 0;
const AS_WORD: u8 = 1;
const AS_PUNCT: u8 = 2;

const NO_SECOND: u32 = u32::MAX;

/// Counts of a sentence's words that tell a headline ([`Tally::is_headline`]),
/// packed in 12-bit lanes (a sentence has at most a few thousand words), so
/// that a word adds its counts in one addition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Tally(pub u64);

const UPPER: u64 = 1;
const LETTERED: u64 = 1 << 12;
const LONG: u64 = 1 << 24;
const LONG_CAPITAL: u64 = 1 << 36;
/// A capitalised common word ("Will", "Was") that does not open a sentence.
pub(super) const COMMON: u64 = 1 << 48;
const LANE: u64 = (1 << 12) - 1;

impl Tally {
    /// What word `w` adds (but for [`COMMON`], which depends on where it stands).
    fn of(w: &Word) -> Tally {
        let lettered = matches!(w.shape, Shape::Upper | Shape::Capitalized | Shape::Lower);
        let long = matches!(w.shape, Shape::Capitalized | Shape::Lower) && w.span.len() >= 4;
        Tally(
            UPPER * u64::from(w.shape == Shape::Upper)
                + LETTERED * u64::from(lettered)
                + LONG * u64::from(long)
                + LONG_CAPITAL * u64::from(long && w.shape == Shape::Capitalized),
        )
    }

    #[inline(always)]
    pub(super) fn add(&mut self, other: Tally) {
        self.0 = self.0.wrapping_add(other.0);
    }

    /// A sentence of these counts is written as a headline: most words in
    /// capitals, or (title case) nearly every long word capitalised.
    pub(super) fn is_headline(self) -> bool {
        let lane = |at: u64| (self.0 / at) & LANE;
        let (upper, lettered) = (lane(UPPER), lane(LETTERED));
        let (long, long_capital) = (lane(LONG), lane(LONG_CAPITAL));
        // capitalised common words inside ("Will", "Was"): a sentence full
        // of names and titles has these in lowercase
        let common_capital = lane(COMMON);
        let capitals = lettered >= 2 && upper * 10 >= lettered * 6;
        let title_case = long >= 4 && long_capital * 10 >= long * 9 && common_capital >= 2;
        capitals || title_case
    }
}

/// Every distinct spelling met so far with what it makes of its token
/// (possessive cut, pair split, shape, lowercase key, gazetteer facts):
/// words recur, so each is lowercased and looked up once, not per token.
pub(super) struct Spellings {
    /// By spelling number ([`FormId`]): what it makes, or [`UNREAD`].
    pub known: Vec<Spelled>,
    /// The second words of spellings read as two, relative to the token's start.
    seconds: Vec<Word>,
    /// How many words have been read (bounds what is remembered).
    parts: usize,
    /// The lowercase keys of the words, one after the other.
    pub keys: String,
    /// The last spelling read apart (not remembered under its number).
    apart: Spelled,
}

/// The place of [`Spellings::apart`].
const APART: usize = usize::MAX;

/// A spelling not read yet.
const UNREAD: Spelled = Spelled {
    word: Word {
        span: Span { start: 0, end: 0 },
        shape: Shape::Punct,
        sentence: 0,
        opens: false,
        in_caps_line: false,
        token: 0,
        key: (0, 0),
        facts: WordFacts::UNKNOWN,
    },
    second: NO_SECOND,
    tally: Tally(0),
    common_capital: false,
    state: UNREAD_STATE,
    opener: false,
};

/// Past this many remembered words the spellings are all forgotten (at the
/// start of a fill), so a long document of ever new words holds a bounded
/// table.
const MAX_PARTS: usize = 1 << 17;

impl Spellings {
    pub(super) fn new() -> Self {
        Spellings {
            known: Vec::new(),
            seconds: Vec::new(),
            parts: 0,
            keys: String::new(),
            apart: UNREAD,
        }
    }

    pub(super) fn forget_if_full(&mut self) {
        if self.parts >= MAX_PARTS {
            self.known.fill(UNREAD);
            self.seconds.clear();
            self.parts = 0;
            self.keys.clear();
        }
    }

    /// Where what the token at `span` of `text`, of spelling number
    /// `form`, makes (read as punctuation or not) is held, for
    /// [`Spellings::at`]: read now if not met before. An index, not a
    /// reference, so that the hot path copies nothing.
    #[inline]
    pub(super) fn place_of(
        &mut self,
        text: &str,
        span: Span,
        punct: bool,
        form: Option<FormId>,
        lex: &Lexicon,
    ) -> usize {
        let state = if punct { AS_PUNCT } else { AS_WORD };
        match form.map(|f| (f as usize, self.known.get(f as usize))) {
            Some((f, Some(s))) if s.state == state => f,
            // the same spelling read otherwise (not met in practice): read
            // apart, the table remembers the first reading only
            Some((_, Some(s))) if s.state != UNREAD_STATE => {
                self.apart = self.add(span.of(text), punct, lex);
                APART
            }
            Some((f, _)) => {
                let s = self.add(span.of(text), punct, lex);
                remember(&mut self.known, f, s);
                f
            }
            // no number (not met in practice): read apart
            None => {
                self.apart = self.add(span.of(text), punct, lex);
                APART
            }
        }
    }

    /// What the spelling held at `place` ([`Spellings::place_of`]) makes.
    #[inline(always)]
    pub(super) fn at(&self, place: usize) -> &Spelled {
        self.known.get(place).unwrap_or(&self.apart)
    }

    /// The second word of `s`, if it makes two.
    #[inline]
    pub(super) fn second_of(&self, s: &Spelled) -> Option<&Word> {
        if s.second == NO_SECOND {
            return None;
        }
        self.seconds.get(s.second as usize)
    }

    /// Reads a spelling met for the first time into its words.
    #[cold]
    #[inline(never)]
    fn add(&mut self, raw: &str, punct: bool, lex: &Lexicon) -> Spelled {
        let Spellings {
            seconds,
            parts,
            keys,
            ..
        } = self;
        let kind = |s: &str| if punct { Shape::Punct } else { shape_of(s) };
        if punct {
            *parts += 1;
            return Spelled {
                word: part_of(keys, lex, raw, 0..raw.len(), Shape::Punct),
                second: NO_SECOND,
                tally: Tally(0),
                common_capital: false,
                state: AS_PUNCT,
                opener: OPENING_QUOTES.contains(&raw),
            };
        }
        let w = strip_possessive(raw);
        // "US-China": two known names joined by a hyphen
        let (word, second) = if let Some((a, b)) = split_known_pair(w, lex) {
            let first = part_of(keys, lex, a, 0..a.len(), kind(a));
            seconds.push(part_of(keys, lex, b, w.len() - b.len()..w.len(), kind(b)));
            *parts += 2;
            (first, (seconds.len() - 1) as u32)
        } else {
            *parts += 1;
            (part_of(keys, lex, w, 0..w.len(), kind(w)), NO_SECOND)
        };
        let mut tally = Tally::of(&word);
        if let Some(w) = seconds.get(second as usize) {
            tally.add(Tally::of(w));
            // a second word never opens: a common capital counts
            if w.shape == Shape::Capitalized && w.facts.is_common() {
                tally.add(Tally(COMMON));
            }
        }
        Spelled {
            common_capital: word.shape == Shape::Capitalized && word.facts.is_common(),
            word,
            second,
            tally,
            state: AS_WORD,
            opener: false,
        }
    }
}

/// Remembers what spelling number `form` makes.
#[cold]
#[inline(never)]
fn remember(known: &mut Vec<Spelled>, form: usize, s: Spelled) {
    if known.len() <= form {
        known.resize(form + 1, UNREAD);
    }
    known[form] = s;
}

/// Spelling numbers for a view filled where no tagger has numbered the
/// tokens (the roles read single sentences again once it is gone): each
/// token looked up here, in the tagger's way.
pub struct OwnSpellings<'t> {
    numbers: SpellingNumbers<'t>,
    forms: Vec<FormId>,
}

impl<'t> OwnSpellings<'t> {
    pub fn new() -> Self {
        OwnSpellings {
            numbers: SpellingNumbers::new(),
            forms: Vec::new(),
        }
    }

    /// The numbers of the tokens of `sentences` (indices of
    /// [`Document::sentence_tokens`]) from the first one's first token on,
    /// as [`Words::fill`] takes them.
    pub fn of(&mut self, doc: &Document<'t>, sentences: Range<usize>) -> &[FormId] {
        self.forms.clear();
        let ranges = doc.sentence_tokens.get(sentences).unwrap_or(&[]);
        if let (Some(first), Some(last)) = (ranges.first(), ranges.last()) {
            let bytes = doc.text.as_bytes();
            let tokens = doc.tokens.get(first.start..last.end).unwrap_or(&[]);
            self.forms.extend(tokens.iter().map(|t| {
                let span = t.span();
                self.numbers
                    .number(bytes.get(span.start..span.end).unwrap_or(&[]))
            }));
        }
        &self.forms
    }
}

/// The word `s` (at `at` in its token) with its key and facts, placed
/// relative to the token's start.
fn part_of(keys: &mut String, lex: &Lexicon, s: &str, at: Range<usize>, shape: Shape) -> Word {
    let start = keys.len();
    push_lower(keys, s);
    let key = keys.get(start..).unwrap_or("");
    // punctuation the lists cannot know is not looked up
    let unknowable = shape == Shape::Punct
        && key.len() == 1
        && !key.as_bytes()[0].is_ascii_alphanumeric()
        && !lex.knows_symbols();
    let facts = if unknowable {
        WordFacts::UNKNOWN
    } else {
        lex.word(key)
    };
    Word {
        span: Span::new(at.start, at.end),
        shape,
        sentence: 0,
        opens: false,
        in_caps_line: false,
        token: 0,
        key: (start as u32, key.len() as u32),
        facts,
    }
}

/// "US-China" -> ("US", "China") when both halves are known names and the
/// whole is not ("Indo-Pacific" stays one word).
fn split_known_pair<'a>(w: &'a str, lex: &Lexicon) -> Option<(&'a str, &'a str)> {
    // both halves must be known names written with a capital
    if !w.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let (a, b) = w.split_once('-')?;
    if a.is_empty() || b.is_empty() || b.contains('-') {
        return None;
    }
    // both halves must be known names written with a capital
    let capital = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
    if !(capital(a) && capital(b)) {
        return None;
    }
    if lex.phrase(&key_of(w)).is_some() {
        return None;
    }
    let known = |s: &str| {
        s.chars().next().is_some_and(char::is_uppercase) && lex.phrase(&key_of(s)).is_some()
    };
    // "Arab-Israeli", "German-Israeli": two peoples make one adjective
    let group = |s: &str| {
        lex.phrase(&key_of(s))
            .is_some_and(|p| p.kind == PhraseKind::Group)
    };
    if group(a) && group(b) {
        return None;
    }
    (known(a) && known(b)).then_some((a, b))
}
