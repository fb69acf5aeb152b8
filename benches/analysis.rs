//! Analysis throughput (issue 7): the sample article, a generated news-like
//! corpus at several sizes, and pathological inputs of the same size.
//!
//! Run with `cargo bench --bench analysis`. Sizes of the generated corpus come
//! from `GLOSS_BENCH_MB` (comma-separated megabytes, default `1,10`); the
//! pathological inputs are `GLOSS_BENCH_PATHO_MB` megabytes (default 5).
//! Nothing large is committed: every input is generated here from the sample
//! and from sentence templates written for this bench.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gloss::analysis::analyze;
use std::hint::black_box;

/// Sentence templates written for this benchmark (not taken from any corpus).
const TEMPLATES: &[&str] = &[
    "{P} met {P2} in {C} on {D}, and the two discussed trade and security.",
    "\u{201c}We will not accept any delay in the talks,\u{201d} {P} said in a statement on {D}.",
    "The {O} said it had set aside ${N} million for flood relief in {C}.",
    "{P2} told reporters that the ministry would publish its findings in {M}.",
    "According to {P}, the {O} expects growth of {N} percent this year.",
    "Officials in {C} warned that prices could rise again before {M}.",
    "\u{201c}This is a hard winter for families,\u{201d} said {P2}, the mayor of {C}.",
    "The report, released on {D}, found that {N},000 homes lacked power.",
];
const PEOPLE: &[&str] = &[
    "Maria Lopez",
    "Kenji Sato",
    "Amara Okafor",
    "Lars Nilsson",
    "Priya Raman",
    "Tomasz Nowak",
];
const PLACES: &[&str] = &[
    "Lisbon", "Nairobi", "Ottawa", "Hanoi", "Lima", "Warsaw", "Brazil",
];
const ORGS: &[&str] = &[
    "Ministry of Finance",
    "World Bank",
    "Red Cross",
    "Central Bank",
    "Port Authority",
];
const DAYS: &[&str] = &["Monday", "Tuesday", "Thursday", "Friday"];
const MONTHS: &[&str] = &["March", "June", "October", "December"];

/// News-like text of about `bytes` bytes: template paragraphs with the sample
/// article interleaved every so often.
pub fn news_corpus(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 4096);
    let mut i = 0usize;
    while out.len() < bytes {
        if i.is_multiple_of(40) {
            out.push_str(gloss::SAMPLE_ARTICLE);
            out.push('\n');
        }
        for k in 0..4 {
            let t = TEMPLATES[(i + k) % TEMPLATES.len()];
            let s = t
                .replace("{P2}", PEOPLE[(i * 7 + k + 3) % PEOPLE.len()])
                .replace("{P}", PEOPLE[(i + k) % PEOPLE.len()])
                .replace("{C}", PLACES[(i * 3 + k) % PLACES.len()])
                .replace("{O}", ORGS[(i + 2 * k) % ORGS.len()])
                .replace("{D}", DAYS[(i + k) % DAYS.len()])
                .replace("{M}", MONTHS[(i + k) % MONTHS.len()])
                .replace("{N}", &((i * 13 + k) % 97 + 2).to_string());
            out.push_str(&s);
            out.push(' ');
        }
        out.push('\n');
        i += 1;
    }
    out
}

/// Inputs that have tripped text tools: each about `bytes` long.
pub fn pathological(bytes: usize) -> Vec<(&'static str, String)> {
    let rep = |unit: &str| unit.repeat(bytes / unit.len().max(1));
    vec![
        ("no_newline", news_corpus(bytes).replace('\n', " ")),
        ("no_space", rep("abcdefghij")),
        ("quote_marks", rep("\u{201c}a\" ")),
        ("capitalised_words", rep("Alpha Bravo Charlie Delta ")),
        ("one_word_paragraphs", rep("word\n")),
    ]
}

fn megabytes(var: &str, default: &str) -> Vec<usize> {
    std::env::var(var)
        .unwrap_or_else(|_| default.to_string())
        .split(',')
        .filter_map(|s| s.trim().parse::<usize>().ok())
        .collect()
}

fn bench_sample(c: &mut Criterion) {
    let text = gloss::SAMPLE_ARTICLE;
    let mut g = c.benchmark_group("sample");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("analyze", |b| b.iter(|| analyze(black_box(text))));
    g.finish();
}

fn bench_corpus(c: &mut Criterion) {
    let mut g = c.benchmark_group("corpus");
    g.sample_size(10);
    for mb in megabytes("GLOSS_BENCH_MB", "1,10") {
        let text = news_corpus(mb << 20);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("{mb}MB"), |b| b.iter(|| analyze(black_box(&text))));
    }
    g.finish();
}

fn bench_pathological(c: &mut Criterion) {
    let mut g = c.benchmark_group("pathological");
    g.sample_size(10);
    for mb in megabytes("GLOSS_BENCH_PATHO_MB", "5") {
        let normal = news_corpus(mb << 20);
        g.throughput(Throughput::Bytes(normal.len() as u64));
        g.bench_function(format!("normal_{mb}MB"), |b| {
            b.iter(|| analyze(black_box(&normal)))
        });
        for (name, text) in pathological(mb << 20) {
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_function(format!("{name}_{mb}MB"), |b| {
                b.iter(|| analyze(black_box(&text)))
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench_sample, bench_corpus, bench_pathological);
criterion_main!(benches);
