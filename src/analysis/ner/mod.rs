//! The statistical name tagger: per-token BIO labels PER/ORG/LOC/MISC.
//!
//! Entry point: [`tag`]. It only proposes typed name spans; deciding what
//! is an entity, linking and roles belong to [`super::entities`].
//!
//! # How it works
//!
//! A greedy left-to-right averaged perceptron ([`tagger`]) over hashed
//! features ([`features`]): the word, its shape, prefixes and suffixes, its
//! neighbours at -2..+2, bigrams, the previous two tags, the position in
//! the sentence, whether the sentence is a headline in capitals, how the
//! same word is cased elsewhere in the document and which tag the document
//! last gave it. Only tokens that can be part of a name (a capital, or a
//! short gap between capitalised words) are scored; the rest are `O`.
//! Each distinct spelling is read once per document, and the weights of
//! each group of features (the word itself, a neighbour with the word, the
//! word with the previous tag...) are summed once per distinct group and
//! reused: names and their neighbours recur. A token met again in the
//! same situation (its spelling, its neighbours', the tags before it) gets
//! the tag decided there before (module `decisions`) without any sum.
//!
//! The model ([`model`]) is `assets/ner/model.bin`, embedded in the binary
//! and read in place on first use: a table of feature hashes and `i8`
//! weights, no words. Dev F1 (CoNLL++, exact spans) 89.3; see
//! `assets/ner/README.md` for the figures per label and the speed.
//!
//! # Training
//!
//! The model is trained from CoNLL-2003 English with the CoNLL++
//! corrections, offline and deterministically ([`train`]):
//!
//! ```text
//! cargo run --release --bin gloss-train-ner -- \
//!     --train /work/shared/data/conllpp/train.txt --out assets/ner/model.bin
//! cargo run --release --bin gloss-train-ner -- \
//!     --eval /work/shared/data/conllpp/dev.txt --runtime
//! ```
//!
//! `assets/ner/README.md` records the source, licence and figures.

mod decisions;
pub mod features;
pub mod model;
mod rows;
mod spelling;
pub mod tagger;
pub mod tags;
pub mod train;
mod word;

use super::Document;
use std::ops::Range;
use std::sync::LazyLock;

pub(crate) use spelling::SpellingNumbers;
pub use tagger::Guess;
pub use tags::Tag;

/// A label of the CoNLL scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameLabel {
    Per,
    Org,
    Loc,
    Misc,
}

/// A name proposed by the tagger: a range of token indices into `Document::tokens`.
#[derive(Debug, Clone, PartialEq)]
pub struct TaggedName {
    pub tokens: Range<usize>,
    pub label: NameLabel,
    /// The tagger's confidence margin (higher is surer).
    pub score: f32,
}

/// The bundled model file.
pub const MODEL_BYTES: &[u8] = include_bytes!("../../../assets/ner/model.bin");

/// The bundled model, read on first use. `None` only if the embedded file
/// is damaged or was trained with other features (then nothing is tagged).
static MODEL: LazyLock<Option<model::Model<'static>>> =
    LazyLock::new(|| model::Model::from_bytes(MODEL_BYTES).ok());

/// A tagger of the bundled model at the start of a document (its sums of
/// the previous-tags features made once, not per document).
static FRESH_TAGGER: LazyLock<Option<tagger::Tagger<'static>>> =
    LazyLock::new(|| MODEL.as_ref().map(tagger::Tagger::new));

/// The bundled model, or why it cannot be used.
pub fn bundled_model() -> Result<model::Model<'static>, model::ModelError> {
    model::Model::from_bytes(MODEL_BYTES)
}

/// Per-token tags of the document with their margins, one per token.
pub fn tag_tokens(doc: &Document<'_>) -> Vec<Guess> {
    let Some(model) = MODEL.as_ref() else {
        return vec![
            Guess {
                tag: Tag::Outside,
                margin: 0.0,
            };
            doc.tokens.len()
        ];
    };
    let facts = features::DocFacts::new(doc, &doc.sentence_tokens);
    tagger::tag_words(&facts, model)
}

/// Proposes typed name spans for every sentence of the document.
pub fn tag(doc: &Document<'_>) -> Vec<TaggedName> {
    let mut names = Vec::new();
    let mut tagger = DocTagger::new(doc);
    tagger.tag(0..doc.sentence_tokens.len(), &mut names);
    names
}

/// The bundled model tagging one document a run of sentences at a time,
/// in text order: what it holds per token lives for one run only.
///
/// It numbers every token's spelling once for the whole document
/// ([`DocTagger::spellings`]): the entities' word view reads the same
/// numbers rather than looking every token up again.
pub struct DocTagger<'d> {
    doc: &'d Document<'d>,
    facts: features::DocFacts<'d>,
    /// `None` when the bundled model cannot be used (nothing is tagged).
    tagger: Option<tagger::Tagger<'static>>,
    guesses: Vec<Guess>,
}

/// Room reserved up front in the tagger's and the document's tables: enough
/// for an article, small enough that a long document's tables grow only as
/// far as its distinct words need (a table reserved for every token would
/// be touched all over and stay resident).
const INITIAL_ROOM: usize = 1 << 13;

impl<'d> DocTagger<'d> {
    /// Reads what the tagger needs of the whole document.
    pub fn new(doc: &'d Document<'d>) -> Self {
        let tagger = FRESH_TAGGER.as_ref().map(|fresh| {
            let mut tagger = fresh.clone();
            // About one new sum in four tokens on news articles; a table
            // sized up front is touched all over (hashing scatters), so
            // only a small one is reserved and the rest grows with use
            tagger.reserve((doc.tokens.len() / 4).min(INITIAL_ROOM));
            // about one decision to remember in ten tokens of news
            tagger.reserve_decisions(doc.tokens.len() / 10);
            tagger
        });
        DocTagger {
            doc,
            facts: features::DocFacts::for_document(doc, &doc.sentence_tokens),
            tagger,
            guesses: Vec::new(),
        }
    }

    /// The number of every token's spelling ([`features::FormId`]), one per
    /// token of the document: the same bytes, the same number, numbered in
    /// the order first met.
    pub fn spellings(&self) -> &[features::FormId] {
        self.facts.token_forms()
    }

    /// How many distinct spellings the document has: every number of
    /// [`DocTagger::spellings`] is below.
    pub fn spelling_count(&self) -> usize {
        self.facts.form_count()
    }

    /// Appends to `out` the names in `sentences` (indices of
    /// `Document::sentence_tokens`, following the previous call's).
    pub fn tag(&mut self, sentences: Range<usize>, out: &mut Vec<TaggedName>) {
        let (facts, Some(tagger)) = (&mut self.facts, &mut self.tagger) else {
            return;
        };
        let Some(ranges) = self.doc.sentence_tokens.get(sentences) else {
            return;
        };
        let (Some(first), Some(last)) = (ranges.first(), ranges.last()) else {
            return;
        };
        facts.load(ranges, first.start..last.end);
        tagger.tag(facts, &mut self.guesses);
        let base = first.start;
        out.extend(names_of(&self.guesses).into_iter().map(|mut n| {
            n.tokens = n.tokens.start + base..n.tokens.end + base;
            n
        }));
    }
}

/// The names spelt by per-token guesses; a name's score is its least sure token's margin.
pub fn names_of(guesses: &[Guess]) -> Vec<TaggedName> {
    let mut out = Vec::new();
    // the name being read: where it starts, its label and its least margin
    let mut open: Option<(usize, NameLabel, f32)> = None;
    for (i, g) in guesses.iter().enumerate() {
        // most tokens: outside, with no name open
        if open.is_none() && g.tag == Tag::Outside {
            continue;
        }
        if let (Tag::Inside(l), Some((_, o, margin))) = (g.tag, &mut open)
            && l == *o
        {
            *margin = margin.min(g.margin);
            continue;
        }
        if let Some((start, label, score)) = open.take() {
            out.push(TaggedName {
                tokens: start..i,
                label,
                score,
            });
        }
        if let Some(l) = g.tag.label() {
            open = Some((i, l, f32::INFINITY.min(g.margin)));
        }
    }
    if let Some((start, label, score)) = open {
        out.push(TaggedName {
            tokens: start..guesses.len(),
            label,
            score,
        });
    }
    out
}

#[cfg(test)]
mod tests;
