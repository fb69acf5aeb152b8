//! Greedy left-to-right tagging of a document, shared by the trainer and
//! the run-time tagger.
//!
//! Entry points: [`walk`] visits the tokens in order, keeps the label
//! history the features read (previous tags, the tag last given to the same
//! word in the document) and asks a chooser for each candidate token's tag;
//! [`tag_words`] is the walk with a fixed model. Tokens that cannot be part
//! of a name are tagged `O` without scoring. Because the trainer learns
//! through the same walk, training and run time see identical features.

use super::features::{DocFacts, History, KeyMap, Words};
use super::model::{Model, Scorer};
use super::tags::{N_TAGS, Tag};

/// The tag of one token with the margin by which it beat the runner-up.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Guess {
    pub tag: Tag,
    /// Score of the tag minus the best other allowed tag (infinite when not scored).
    pub margin: f32,
}

fn word_code(tag: Tag) -> u8 {
    match tag.label() {
        None => 1,
        Some(l) => 2 + Tag::Begin(l).index() as u8,
    }
}

/// A candidate token to tag, with the history its features read.
#[derive(Debug, Clone, Copy)]
pub struct Slot {
    /// Index of the token in the document.
    pub token: usize,
    /// Index of its sentence.
    pub sentence: usize,
    pub history: History,
}

/// Tags every token of `facts`, calling `choose` for each candidate;
/// `choose` must return a tag allowed after `slot.history.prev`.
pub fn walk<S: Words + ?Sized>(
    facts: &DocFacts<'_, S>,
    choose: impl FnMut(&Slot) -> Guess,
) -> Vec<Guess> {
    let mut out = Vec::new();
    walk_into(facts, &mut KeyMap::default(), &mut out, choose);
    out
}

/// [`walk`] over the loaded run of sentences of a longer document: `seen`
/// carries the tag last given to each word from one run to the next, and
/// `out` (cleared first) gets one guess per loaded token.
pub fn walk_into<S: Words + ?Sized>(
    facts: &DocFacts<'_, S>,
    seen: &mut KeyMap<u8>,
    out: &mut Vec<Guess>,
    mut choose: impl FnMut(&Slot) -> Guess,
) {
    let base = facts.tokens().start;
    out.clear();
    out.resize(
        facts.tokens().len(),
        Guess {
            tag: Tag::Outside,
            margin: f32::INFINITY,
        },
    );
    for (si, r) in facts.sentences().iter().enumerate() {
        let mut prev = Tag::Outside;
        let mut prev2 = Tag::Outside;
        for i in r.clone() {
            let tag = if facts.is_candidate(i) {
                let key = facts.word_key(i);
                let g = choose(&Slot {
                    token: i,
                    sentence: si,
                    history: History {
                        prev,
                        prev2,
                        same_word: seen.get(&key).copied().unwrap_or(0),
                    },
                });
                out[i - base] = g;
                seen.insert(key, word_code(g.tag));
                g.tag
            } else {
                Tag::Outside
            };
            prev2 = prev;
            prev = tag;
        }
    }
}

/// The best tag allowed after `prev`, with its margin over the next best.
pub fn best_after(scores: &[f32; N_TAGS], prev: Tag) -> Guess {
    let mut best = (Tag::Outside, f32::NEG_INFINITY);
    let mut second = f32::NEG_INFINITY;
    for (i, &s) in scores.iter().enumerate() {
        let t = Tag::from_index(i);
        if !t.may_follow(prev) {
            continue;
        }
        if s > best.1 {
            second = best.1;
            best = (t, s);
        } else if s > second {
            second = s;
        }
    }
    Guess {
        tag: best.0,
        margin: best.1 - second,
    }
}

/// Sums the weights of `feats` into per-tag scores.
pub fn score<S: Scorer + ?Sized>(model: &S, feats: &[u64]) -> [f32; N_TAGS] {
    let mut scores = [0f32; N_TAGS];
    model.add_all(feats, &mut scores);
    scores
}

/// Tags a document with a fixed model.
pub fn tag_words<W: Words + ?Sized>(facts: &DocFacts<'_, W>, model: &Model<'_>) -> Vec<Guess> {
    let mut out = Vec::new();
    Tagger::new(model).tag(facts, &mut out);
    out
}

/// A fixed model tagging a document one run of sentences at a time.
///
/// The weights of a token's word-only features are summed once per distinct
/// word and sentence casing, then reused: names recur in a document. The
/// sums are exact integers, so this gives the same tags as summing anew.
pub struct Tagger<'m> {
    model: &'m Model<'m>,
    word_sums: KeyMap<[i32; N_TAGS]>,
    seen: KeyMap<u8>,
    feats: Vec<u64>,
}

impl<'m> Tagger<'m> {
    /// A tagger at the start of a document.
    pub fn new(model: &'m Model<'m>) -> Self {
        Tagger {
            model,
            word_sums: KeyMap::default(),
            seen: KeyMap::default(),
            feats: Vec::with_capacity(64),
        }
    }

    /// Tags the loaded run of `facts` (one guess per loaded token into
    /// `out`), remembering what the next run of the same document reads.
    pub fn tag<W: Words + ?Sized>(&mut self, facts: &DocFacts<'_, W>, out: &mut Vec<Guess>) {
        let Tagger {
            model,
            word_sums,
            seen,
            feats,
        } = self;
        walk_into(facts, seen, out, |s| {
            let key = facts.word_features_key(s.token, s.sentence);
            let mut sums = *word_sums.entry(key).or_insert_with(|| {
                feats.clear();
                facts.word_features(s.token, s.sentence, feats);
                model.sum(feats)
            });
            feats.clear();
            facts.context_features(s.token, s.sentence, &s.history, feats);
            for (a, b) in sums.iter_mut().zip(model.sum(feats)) {
                *a += b;
            }
            best_after(&model.scores(&sums), s.history.prev)
        });
    }
}

/// Tags a document with any scorer, summing every feature anew (the trainer's way).
pub fn tag_words_with<W: Words + ?Sized, S: Scorer + ?Sized>(
    facts: &DocFacts<'_, W>,
    scorer: &S,
) -> Vec<Guess> {
    let mut feats = Vec::with_capacity(64);
    walk(facts, |s| {
        facts.features(s.token, s.sentence, &s.history, &mut feats);
        best_after(&score(scorer, &feats), s.history.prev)
    })
}
