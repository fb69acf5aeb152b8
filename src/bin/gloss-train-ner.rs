//! Trains gloss's name tagger from CoNLL files, or evaluates a trained model.
//!
//! ```text
//! gloss-train-ner --train train.txt [--dev dev.txt] [--out assets/ner/model.bin]
//!                 [--epochs N] [--max-features N] [--seed N]
//! gloss-train-ner --eval dev.txt [--model assets/ner/model.bin]
//! ```
//!
//! Training is offline and deterministic (fixed seed). Evaluation prints
//! exact-span precision, recall and F1 per label (the conlleval rule) and the
//! tagging speed. Only reads and writes files; the work is in
//! `gloss::analysis::ner::train`.

#![deny(clippy::unwrap_used, clippy::expect_used)]

use anyhow::{Context, bail};
use clap::Parser;
use gloss::analysis::ner::features::{DocFacts, TokenWords};
use gloss::analysis::ner::model::Model;
use gloss::analysis::ner::tagger::tag_words;
use gloss::analysis::ner::train::{self, ConllDoc, Evaluation, TrainConfig};
use gloss::analysis::ner::{NameLabel, Tag, model, names_of};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Train or evaluate gloss's statistical name tagger on CoNLL data.
#[derive(Parser)]
#[command(version)]
struct Args {
    /// CoNLL file to train on.
    #[arg(long, conflicts_with = "eval")]
    train: Option<PathBuf>,
    /// CoNLL file to report dev scores on after each epoch while training.
    #[arg(long, requires = "train")]
    dev: Option<PathBuf>,
    /// Where to write the trained model.
    #[arg(long, default_value = "assets/ner/model.bin")]
    out: PathBuf,
    /// Number of passes over the training data.
    #[arg(long, default_value_t = TrainConfig::default().epochs)]
    epochs: usize,
    /// Most features kept in the model (the strongest).
    #[arg(long, default_value_t = TrainConfig::default().max_features)]
    max_features: usize,
    /// Training runs on different shuffles, weights averaged.
    #[arg(long, default_value_t = TrainConfig::default().runs)]
    runs: usize,
    /// Seed of the document shuffle.
    #[arg(long, default_value_t = TrainConfig::default().seed)]
    seed: u64,
    /// CoNLL file to evaluate a trained model on.
    #[arg(long)]
    eval: Option<PathBuf>,
    /// Plain-text article to time the run-time tagger on (copies of it as
    /// separate documents, 4 MB in all): segmentation and tagging with the
    /// bundled model, separately.
    #[arg(long)]
    speed_text: Option<PathBuf>,
    /// With --eval: write `word gold guess` lines (CoNLL style) to this file.
    #[arg(long, requires = "eval")]
    dump: Option<PathBuf>,
    /// With --eval: also score the run-time path: each document written out
    /// as plain text (one sentence a line, as the CoNLL scorer does), then
    /// segmented by gloss and tagged; names must match CoNLL tokens exactly.
    #[arg(long, requires = "eval")]
    runtime: bool,
    /// The model to evaluate.
    #[arg(long, default_value = "assets/ner/model.bin")]
    model: PathBuf,
}

fn read_docs(path: &Path) -> anyhow::Result<Vec<ConllDoc>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read CoNLL file {}: check the path", path.display()))?;
    train::read_conll(&text).with_context(|| format!("in {}", path.display()))
}

fn print_evaluation(e: &Evaluation) {
    println!(
        "{:<6} {:>7} {:>7} {:>7} {:>6} {:>6}",
        "label", "P", "R", "F1", "gold", "pred"
    );
    let row = |name: &str, c: &train::SpanCounts| {
        let (p, r, f) = c.prf();
        println!(
            "{:<6} {:>7.2} {:>7.2} {:>7.2} {:>6} {:>6}",
            name,
            100.0 * p,
            100.0 * r,
            100.0 * f,
            c.gold,
            c.predicted
        );
    };
    for (l, c) in NameLabel::ALL.iter().zip(&e.by_label) {
        row(l.as_str(), c);
    }
    row("all", &e.overall());
}

fn conll(t: Tag) -> String {
    match t {
        Tag::Outside => "O".into(),
        Tag::Begin(l) => format!("B-{}", l.as_str()),
        Tag::Inside(l) => format!("I-{}", l.as_str()),
    }
}

/// A CoNLL document as a writer would type it, one sentence a line, with
/// each word's byte span (the CoNLL scorer's rules).
fn detokenize(doc: &ConllDoc) -> (String, Vec<(usize, usize)>) {
    const NO_SPACE_BEFORE: &[&str] = &[
        ".", ",", ":", ";", "!", "?", "%", ")", "]", "}", "'s", "'S", "n't", "'re", "'ll", "'ve",
        "'d", "'m", "'",
    ];
    const NO_SPACE_AFTER: &[&str] = &["(", "[", "{", "$"];
    let mut text = String::new();
    let mut spans = Vec::with_capacity(doc.words.len());
    for r in &doc.sentences {
        let mut open_quote = false;
        let mut prev: Option<&str> = None;
        for w in &doc.words[r.clone()] {
            let w = w.as_str();
            let mut space = prev.is_some();
            if NO_SPACE_BEFORE.contains(&w) || (w == "\"" && open_quote) {
                space = false;
            }
            if let Some(p) = prev
                && (NO_SPACE_AFTER.contains(&p) || (p == "\"" && open_quote && w != "\""))
            {
                space = false;
            }
            if w == "\"" {
                open_quote = !open_quote;
            }
            if space {
                text.push(' ');
            }
            spans.push((text.len(), text.len() + w.len()));
            text.push_str(w);
            prev = Some(w);
        }
        text.push('\n');
    }
    (text, spans)
}

/// Scores the run-time path: plain text, gloss segmentation, tagging.
fn evaluate_runtime(docs: &[ConllDoc], model: &Model<'_>) -> Evaluation {
    let mut e = Evaluation::default();
    for d in docs {
        let (text, spans) = detokenize(d);
        let doc = gloss::analysis::Document::new(&text);
        let words = TokenWords {
            text: &text,
            tokens: &doc.tokens,
        };
        let facts = DocFacts::new(&words, &doc.sentence_tokens);
        let guesses = tag_words(&facts, model);
        let starts: std::collections::HashMap<usize, usize> =
            spans.iter().enumerate().map(|(i, s)| (s.0, i)).collect();
        let ends: std::collections::HashMap<usize, usize> =
            spans.iter().enumerate().map(|(i, s)| (s.1, i)).collect();
        // Names on CoNLL tokens; a name not on token boundaries is wrong.
        let mut guessed = vec![Tag::Outside; d.words.len()];
        let mut misaligned = 0;
        for n in names_of(&guesses) {
            let a = doc.tokens[n.tokens.start].span().start;
            let b = doc.tokens[n.tokens.end - 1].span().end;
            match (starts.get(&a), ends.get(&b)) {
                (Some(&i), Some(&j))
                    if i <= j && guessed[i..=j].iter().all(|t| *t == Tag::Outside) =>
                {
                    guessed[i] = Tag::Begin(n.label);
                    for t in &mut guessed[i + 1..=j] {
                        *t = Tag::Inside(n.label);
                    }
                }
                _ => misaligned += 1,
            }
        }
        e.add_doc(&d.tags, &guessed);
        e.by_label[0].predicted += misaligned;
    }
    e
}

fn evaluate(
    path: &Path,
    model_path: &Path,
    dump: Option<&Path>,
    runtime: bool,
) -> anyhow::Result<()> {
    let docs = read_docs(path)?;
    let bytes = std::fs::read(model_path).with_context(|| {
        format!(
            "cannot read model {}: train one with --train first",
            model_path.display()
        )
    })?;
    let model =
        Model::from_bytes(&bytes).with_context(|| format!("in model {}", model_path.display()))?;
    println!(
        "model: {} ({} bytes, {} features)",
        model_path.display(),
        bytes.len(),
        model.features()
    );
    let e = train::evaluate(&docs, &model);
    if runtime {
        let r = evaluate_runtime(&docs, &model);
        println!("run-time path (gloss segmentation of the plain text):");
        print_evaluation(&r);
        println!("trainer path (CoNLL tokens and sentences):");
    }
    if let Some(out) = dump {
        let mut lines = String::new();
        for d in &docs {
            let facts = DocFacts::new(&d.words, &d.sentences);
            let guessed = tag_words(&facts, &model);
            for r in &d.sentences {
                for i in r.clone() {
                    lines += &format!(
                        "{} {} {}\n",
                        d.words[i],
                        conll(d.tags[i]),
                        conll(guessed[i].tag)
                    );
                }
                lines.push('\n');
            }
        }
        std::fs::write(out, lines).with_context(|| format!("cannot write {}", out.display()))?;
    }
    print_evaluation(&e);
    // Speed: features and tagging (not tokenisation), several rounds.
    let bytes_of_text: usize = docs
        .iter()
        .flat_map(|d| d.words.iter())
        .map(|w| w.len() + 1)
        .sum();
    let rounds = 20;
    let start = Instant::now();
    let cpu_start = cpu_ns();
    let mut names = 0usize;
    for _ in 0..rounds {
        for d in &docs {
            let facts = DocFacts::new(&d.words, &d.sentences);
            names += tag_words(&facts, &model)
                .iter()
                .filter(|g| g.tag.label().is_some())
                .count();
        }
    }
    let wall = start.elapsed().as_secs_f64();
    // On a shared machine, CPU time of this thread is the fairer clock.
    let (secs, clock) = match (cpu_start, cpu_ns()) {
        (Some(a), Some(b)) if b > a => ((b - a) as f64 / 1e9, "CPU"),
        _ => (wall.max(1e-9), "wall"),
    };
    println!(
        "speed: {:.0} tokens/s, {:.1} MB/s of text ({} tokens x {rounds} in {:.3} s {clock} time; {names} name tokens)",
        (e.tokens * rounds) as f64 / secs,
        (bytes_of_text * rounds) as f64 / secs / 1e6,
        e.tokens,
        secs
    );
    Ok(())
}

/// CPU time of this thread in nanoseconds, where Linux tells it.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn time_cpu<T>(f: impl FnOnce() -> T) -> (T, f64) {
    let wall = Instant::now();
    let start = cpu_ns();
    let out = f();
    let secs = match (start, cpu_ns()) {
        (Some(a), Some(b)) if b > a => (b - a) as f64 / 1e9,
        _ => wall.elapsed().as_secs_f64(),
    };
    (out, secs.max(1e-9))
}

fn speed_on_text(path: &Path) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read {}: check the path", path.display()))?;
    if text.trim().is_empty() {
        bail!("{} is empty: give an article", path.display());
    }
    // First use: the embedded model is read (lazily) and its pages touched.
    let first = gloss::analysis::Document::new(&text);
    let wall = Instant::now();
    let load = gloss::analysis::ner::bundled_model().map(|m| m.features());
    let load_time = wall.elapsed();
    let first_names = gloss::analysis::ner::tag(&first).len();
    let first_time = wall.elapsed();
    println!(
        "model read in {:.3} ms ({load:?} features); first article tagged in {:.3} ms ({first_names} names), with the model read",
        load_time.as_secs_f64() * 1e3,
        first_time.as_secs_f64() * 1e3
    );
    // The article again and again, each copy a document of its own (so
    // nothing learned about one copy's words helps the next).
    let copies = (4 << 20) / text.len() + 1;
    let mb = (text.len() * copies) as f64 / 1e6;
    let (docs, seg) = time_cpu(|| {
        (0..copies)
            .map(|_| gloss::analysis::Document::new(&text))
            .collect::<Vec<_>>()
    });
    let (names, tag) = time_cpu(|| {
        docs.iter()
            .map(|d| gloss::analysis::ner::tag(d).len())
            .sum::<usize>()
    });
    let tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();
    println!(
        "{mb:.1} MB ({copies} copies), {tokens} tokens, {names} names: segmentation {:.1} MB/s, tagging {:.1} MB/s ({:.0} tokens/s)",
        mb / seg,
        mb / tag,
        tokens as f64 / tag
    );
    Ok(())
}

fn run() -> anyhow::Result<()> {
    let args = Args::parse();
    if let Some(path) = &args.speed_text {
        return speed_on_text(path);
    }
    if let Some(path) = &args.eval {
        return evaluate(path, &args.model, args.dump.as_deref(), args.runtime);
    }
    let Some(train_path) = &args.train else {
        bail!("nothing to do: give --train FILE to train or --eval FILE to evaluate");
    };
    let docs = read_docs(train_path)?;
    let dev = match &args.dev {
        Some(p) => Some(read_docs(p)?),
        None => None,
    };
    let cfg = TrainConfig {
        epochs: args.epochs,
        seed: args.seed,
        max_features: args.max_features,
        runs: args.runs,
    };
    let tokens: usize = docs.iter().map(|d| d.words.len()).sum();
    eprintln!(
        "training on {} documents, {tokens} tokens, {} epochs",
        docs.len(),
        cfg.epochs
    );
    let start = Instant::now();
    let weights = train::train_runs(&docs, &cfg, |run, epoch, p| {
        let mut line = format!(
            "run {}, epoch {:>2}: {} features, {:.1} s",
            run + 1,
            epoch + 1,
            p.len(),
            start.elapsed().as_secs_f64()
        );
        if let Some(dev) = &dev {
            let bytes = model::write(&p.averaged(), cfg.max_features);
            if let Ok(m) = Model::from_bytes(&bytes) {
                let (_, _, f) = train::evaluate(dev, &m).overall().prf();
                line += &format!(", dev F1 {:.2}", 100.0 * f);
            }
        }
        eprintln!("{line}");
    });
    let bytes = model::write(&weights, cfg.max_features);
    eprintln!(
        "trained in {:.1} s; model {} bytes",
        start.elapsed().as_secs_f64(),
        bytes.len()
    );
    if let Some(parent) = args.out.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    std::fs::write(&args.out, &bytes)
        .with_context(|| format!("cannot write model {}", args.out.display()))?;
    eprintln!("wrote {}", args.out.display());
    if let Some(dev) = &dev {
        let m = Model::from_bytes(&bytes)?;
        print_evaluation(&train::evaluate(dev, &m));
    }
    Ok(())
}

fn main() -> std::process::ExitCode {
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gloss-train-ner: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
