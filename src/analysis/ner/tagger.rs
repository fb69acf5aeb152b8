//! Greedy left-to-right tagging of a document, shared by the trainer and
//! the run-time tagger.
//!
//! Entry points: [`walk`] visits the tokens in order, keeps the label
//! history the features read (previous tags, the tag last given to the same
//! word in the document) and asks a chooser for each candidate token's tag;
//! [`tag_words`] is the walk with a fixed model. Tokens that cannot be part
//! of a name are tagged `O` without scoring. Because the trainer learns
//! through the same walk, training and run time see identical features.

use super::features::{DocFacts, History, KeyMap};
use super::model::Scorer;
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

/// Tags every token of `facts`, calling `choose(token, features, prev)` for
/// each candidate; `choose` must return a tag allowed after `prev`.
pub fn walk<S: AsRef<str>>(
    facts: &DocFacts<'_, S>,
    mut choose: impl FnMut(usize, &[u64], Tag) -> Guess,
) -> Vec<Guess> {
    let mut out = vec![
        Guess {
            tag: Tag::Outside,
            margin: f32::INFINITY,
        };
        facts.len()
    ];
    let mut seen: KeyMap<u8> = KeyMap::default();
    let mut feats = Vec::with_capacity(64);
    for (si, r) in facts.sentences().iter().enumerate() {
        let mut prev = Tag::Outside;
        let mut prev2 = Tag::Outside;
        for i in r.clone() {
            let tag = if facts.is_candidate(i) {
                let key = facts.word_key(i);
                let h = History {
                    prev,
                    prev2,
                    same_word: seen.get(&key).copied().unwrap_or(0),
                };
                facts.features(i, si, &h, &mut feats);
                let g = choose(i, &feats, prev);
                out[i] = g;
                seen.insert(key, word_code(g.tag));
                g.tag
            } else {
                Tag::Outside
            };
            prev2 = prev;
            prev = tag;
        }
    }
    out
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
pub fn tag_words<W: AsRef<str>, S: Scorer + ?Sized>(
    facts: &DocFacts<'_, W>,
    model: &S,
) -> Vec<Guess> {
    walk(facts, |_, feats, prev| {
        best_after(&score(model, feats), prev)
    })
}
