//! Training and evaluating the name tagger on CoNLL-format data.
//!
//! Entry points: [`read_conll`] parses CoNLL text (one token a line, the
//! last column its IOB tag, `-DOCSTART-` between documents, blank lines
//! between sentences); [`train`] learns an averaged perceptron through the
//! same greedy [`walk`] the run-time tagger uses and returns the model bytes;
//! [`evaluate`] scores exact spans per label (the conlleval rule).
//!
//! Pure and deterministic: no I/O (the `gloss-train-ner` binary reads and
//! writes the files), documents shuffled by a fixed seed, weights stored
//! under feature hashes only, never words.

use super::NameLabel;
use super::features::{DocFacts, KeyMap};
use super::model::{self, Model, Scorer};
use super::tagger::{Guess, best_after, score, walk};
use super::tags::{N_TAGS, Tag, spans};
use std::ops::Range;

/// One document of CoNLL data: its words, gold tags and sentences.
#[derive(Debug, Clone, Default)]
pub struct ConllDoc {
    pub words: Vec<String>,
    pub tags: Vec<Tag>,
    pub sentences: Vec<Range<usize>>,
}

/// A line of CoNLL data that could not be read.
#[derive(Debug, thiserror::Error, PartialEq)]
#[error("line {line}: {problem} (expected `WORD ... TAG` with TAG like O, B-PER, I-LOC)")]
pub struct ConllError {
    pub line: usize,
    pub problem: String,
}

/// Parses CoNLL text into documents. Tags in IOB1 are normalised to IOB2.
pub fn read_conll(text: &str) -> Result<Vec<ConllDoc>, ConllError> {
    let mut docs = Vec::new();
    let mut doc = ConllDoc::default();
    let mut sent_start = 0;
    let close_sentence = |doc: &mut ConllDoc, start: &mut usize| {
        if doc.words.len() > *start {
            doc.sentences.push(*start..doc.words.len());
        }
        *start = doc.words.len();
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.starts_with("-DOCSTART-") {
            close_sentence(&mut doc, &mut sent_start);
            if !doc.words.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            sent_start = 0;
            continue;
        }
        if line.trim().is_empty() {
            close_sentence(&mut doc, &mut sent_start);
            continue;
        }
        let mut cols = line.split_whitespace();
        let word = cols.next().unwrap_or_default();
        let last = cols.next_back().ok_or_else(|| ConllError {
            line: n + 1,
            problem: "only one column".into(),
        })?;
        let tag = Tag::from_conll(last).ok_or_else(|| ConllError {
            line: n + 1,
            problem: format!("unknown tag {last:?}"),
        })?;
        let prev = if doc.words.len() > sent_start {
            doc.tags.last().copied().unwrap_or(Tag::Outside)
        } else {
            Tag::Outside
        };
        doc.words.push(word.to_string());
        doc.tags.push(tag.repaired_after(prev));
    }
    close_sentence(&mut doc, &mut sent_start);
    if !doc.words.is_empty() {
        docs.push(doc);
    }
    Ok(docs)
}

/// Settings of a training run.
#[derive(Debug, Clone, Copy)]
pub struct TrainConfig {
    pub epochs: usize,
    pub seed: u64,
    /// At most this many features are kept in the model (the strongest).
    pub max_features: usize,
    /// Number of training runs (different shuffles) whose weights are averaged.
    pub runs: usize,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: 15,
            seed: 0x61_05_5e_ed,
            max_features: 26_000,
            runs: 8,
        }
    }
}

/// An averaged perceptron over hashed features.
#[derive(Default)]
pub struct Perceptron {
    index: KeyMap<u32>,
    keys: Vec<u64>,
    weights: Vec<[f32; N_TAGS]>,
    /// Sum over updates of (update time x change), for averaging.
    stamped: Vec<[f64; N_TAGS]>,
    time: f64,
}

impl Scorer for Perceptron {
    fn add(&self, key: u64, scores: &mut [f32; N_TAGS]) {
        if let Some(&i) = self.index.get(&key) {
            for (s, w) in scores.iter_mut().zip(&self.weights[i as usize]) {
                *s += w;
            }
        }
    }
}

impl Perceptron {
    fn update(&mut self, feats: &[u64], gold: Tag, guess: Tag) {
        let (g, p) = (gold.index(), guess.index());
        for &f in feats {
            let i = *self.index.entry(f).or_insert_with(|| {
                self.keys.push(f);
                self.weights.push([0.0; N_TAGS]);
                self.stamped.push([0.0; N_TAGS]);
                (self.keys.len() - 1) as u32
            }) as usize;
            self.weights[i][g] += 1.0;
            self.weights[i][p] -= 1.0;
            self.stamped[i][g] += self.time;
            self.stamped[i][p] -= self.time;
        }
    }

    /// The averaged weights, in key order.
    pub fn averaged(&self) -> Vec<(u64, [f32; N_TAGS])> {
        let t = self.time.max(1.0);
        let mut out: Vec<(u64, [f32; N_TAGS])> = self
            .keys
            .iter()
            .enumerate()
            .map(|(i, &k)| {
                let mut w = [0f32; N_TAGS];
                for (j, x) in w.iter_mut().enumerate() {
                    *x = (f64::from(self.weights[i][j]) - self.stamped[i][j] / t) as f32;
                }
                (k, w)
            })
            .collect();
        out.sort_by_key(|(k, _)| *k);
        out
    }

    /// Number of distinct features that were ever updated.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True before any update.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

/// A small deterministic generator for shuffling (xorshift64*).
struct Shuffler(u64);

impl Shuffler {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Trains on `docs`; `after_epoch(epoch, perceptron)` can report progress.
/// Returns the learned perceptron (see [`Perceptron::averaged`] and [`model::write`]).
pub fn train(
    docs: &[ConllDoc],
    cfg: &TrainConfig,
    mut after_epoch: impl FnMut(usize, &Perceptron),
) -> Perceptron {
    let facts: Vec<DocFacts<'_>> = docs
        .iter()
        .map(|d| DocFacts::new(&d.words, &d.sentences))
        .collect();
    let mut p = Perceptron::default();
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut rng = Shuffler(cfg.seed | 1);
    let mut feats = Vec::with_capacity(64);
    for epoch in 0..cfg.epochs {
        rng.shuffle(&mut order);
        for &d in &order {
            let gold = &docs[d].tags;
            let facts = &facts[d];
            walk(facts, |s| {
                facts.features(s.token, s.sentence, &s.history, &mut feats);
                let prev = s.history.prev;
                let guess = best_after(&score(&p, &feats), prev);
                let want = gold[s.token].repaired_after(prev);
                p.time += 1.0;
                if guess.tag != want {
                    p.update(&feats, want, guess.tag);
                }
                guess
            });
        }
        after_epoch(epoch, &p);
    }
    p
}

/// Trains `cfg.runs` perceptrons, each on its own shuffle of the documents,
/// and returns their averaged weights in key order (averaging runs evens
/// out the luck of one order). `after_epoch(run, epoch, perceptron)` can
/// report progress.
pub fn train_runs(
    docs: &[ConllDoc],
    cfg: &TrainConfig,
    mut after_epoch: impl FnMut(usize, usize, &Perceptron),
) -> Vec<(u64, [f32; N_TAGS])> {
    let runs = cfg.runs.max(1);
    let mut sum: KeyMap<[f32; N_TAGS]> = KeyMap::default();
    for run in 0..runs {
        let run_cfg = TrainConfig {
            seed: cfg
                .seed
                .wrapping_add(0x9e37_79b9_7f4a_7c15u64.wrapping_mul(run as u64)),
            ..*cfg
        };
        let p = train(docs, &run_cfg, |epoch, p| after_epoch(run, epoch, p));
        for (k, w) in p.averaged() {
            let acc = sum.entry(k).or_insert([0.0; N_TAGS]);
            for (a, x) in acc.iter_mut().zip(w) {
                *a += x / runs as f32;
            }
        }
    }
    let mut out: Vec<(u64, [f32; N_TAGS])> = sum.into_iter().collect();
    out.sort_by_key(|(k, _)| *k);
    out
}

/// Trains and returns the model file bytes.
pub fn train_model(
    docs: &[ConllDoc],
    cfg: &TrainConfig,
    after_epoch: impl FnMut(usize, usize, &Perceptron),
) -> Vec<u8> {
    model::write(&train_runs(docs, cfg, after_epoch), cfg.max_features)
}

/// Exact-span counts for one label.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct SpanCounts {
    pub correct: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl SpanCounts {
    /// Precision, recall and F1.
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = if self.predicted > 0 {
            self.correct as f64 / self.predicted as f64
        } else {
            0.0
        };
        let r = if self.gold > 0 {
            self.correct as f64 / self.gold as f64
        } else {
            0.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }

    fn add(&mut self, o: &SpanCounts) {
        self.correct += o.correct;
        self.predicted += o.predicted;
        self.gold += o.gold;
    }
}

/// Scores of a tagger on gold data, per label and overall.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Evaluation {
    pub by_label: [SpanCounts; 4],
    pub tokens: usize,
}

impl Evaluation {
    /// Counts over all labels.
    pub fn overall(&self) -> SpanCounts {
        let mut all = SpanCounts::default();
        for c in &self.by_label {
            all.add(c);
        }
        all
    }

    /// Adds the spans of one document.
    pub fn add_doc(&mut self, gold: &[Tag], guessed: &[Tag]) {
        self.tokens += gold.len();
        let g = spans(gold);
        let p = spans(guessed);
        let slot = |l: NameLabel| NameLabel::ALL.iter().position(|x| *x == l).unwrap_or(0);
        for (_, l) in &g {
            self.by_label[slot(*l)].gold += 1;
        }
        for s in &p {
            self.by_label[slot(s.1)].predicted += 1;
            if g.contains(s) {
                self.by_label[slot(s.1)].correct += 1;
            }
        }
    }
}

/// Tags each document with `model` and scores exact spans against the gold.
pub fn evaluate(docs: &[ConllDoc], model: &Model<'_>) -> Evaluation {
    let mut e = Evaluation::default();
    for d in docs {
        let facts = DocFacts::new(&d.words, &d.sentences);
        let guessed: Vec<Tag> = super::tagger::tag_words(&facts, model)
            .iter()
            .map(|g: &Guess| g.tag)
            .collect();
        e.add_doc(&d.tags, &guessed);
    }
    e
}

/// Like [`evaluate`] with any scorer (such as a perceptron being trained).
pub fn evaluate_with<S: Scorer + ?Sized>(docs: &[ConllDoc], scorer: &S) -> Evaluation {
    let mut e = Evaluation::default();
    for d in docs {
        let facts = DocFacts::new(&d.words, &d.sentences);
        let guessed: Vec<Tag> = super::tagger::tag_words_with(&facts, scorer)
            .iter()
            .map(|g| g.tag)
            .collect();
        e.add_doc(&d.tags, &guessed);
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = "-DOCSTART- -X- O\n\nMaria NNP B-PER\nLopez NNP I-PER\nvisited VBD O\nLyon NNP I-LOC\n. . O\n\nShe PRP O\nleft VBD O\n";

    #[test]
    fn reads_documents_sentences_and_normalises_iob1() {
        let docs = read_conll(SMALL).expect("parses");
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].sentences, vec![0..5, 5..7]);
        assert_eq!(docs[0].tags[3], Tag::Begin(NameLabel::Loc));
        assert_eq!(docs[0].tags[1], Tag::Inside(NameLabel::Per));
    }

    #[test]
    fn bad_tag_names_its_line() {
        let e = read_conll("Word X-FOO\n").expect_err("bad tag");
        assert_eq!(e.line, 1);
    }

    #[test]
    fn learns_a_tiny_set() {
        let docs = read_conll(SMALL).expect("parses");
        let cfg = TrainConfig {
            epochs: 5,
            ..TrainConfig::default()
        };
        let p = train(&docs, &cfg, |_, _| {});
        assert!(!p.is_empty());
        let e = evaluate_with(&docs, &p);
        assert_eq!(e.overall().correct, 2, "{e:?}");
    }

    #[test]
    fn training_is_deterministic_and_the_model_round_trips() {
        let docs = read_conll(SMALL).expect("parses");
        let cfg = TrainConfig {
            epochs: 3,
            runs: 2,
            ..TrainConfig::default()
        };
        let a = train_model(&docs, &cfg, |_, _, _| {});
        let b = train_model(&docs, &cfg, |_, _, _| {});
        assert_eq!(a, b);
        let m = Model::from_bytes(&a).expect("model reads");
        assert_eq!(evaluate(&docs, &m).overall().correct, 2);
    }
}
