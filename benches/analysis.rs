//! Analysis throughput (issue 7): everything `gloss --json` does with a
//! text in memory (the analysis, then the pretty JSON export written to a
//! sink), on the sample article, on a generated news-like corpus at several
//! sizes (to show that the time grows linearly with the size), and on
//! pathological inputs of the same size as normal text.
//!
//! Run with `cargo bench --bench analysis`. Sizes of the generated corpus come
//! from `GLOSS_BENCH_MB` (comma-separated megabytes, default `1,10`;
//! `GLOSS_BENCH_MB=1,10,100` for the three sizes, about two minutes
//! more); the pathological inputs are `GLOSS_BENCH_PATHO_MB` megabytes
//! (default 5). The figure per input is throughput in bytes of text per
//! second, JSON included. `cargo bench --bench stages` splits the same work
//! into its stages. Nothing large is committed: every input is generated
//! (`common`) from the sample and from sentence templates written for it.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gloss::analysis::{Analysis, analyze};
use gloss::export::json::Layout;
use gloss::export::{ArticleExport, write_article};
use std::hint::black_box;

mod common;

use common::{news_corpus, pathological};

fn megabytes(var: &str, default: &str) -> Vec<usize> {
    std::env::var(var)
        .unwrap_or_else(|_| default.to_string())
        .split(',')
        .filter_map(|s| s.trim().parse::<usize>().ok())
        .collect()
}

/// What `gloss --json FILE` does once the file is read: the analysis, then
/// the export of one article in the pretty layout (to a sink).
fn analyze_and_export(text: &str) -> Analysis {
    let analysis = analyze(text);
    let export = ArticleExport {
        source: "bench.txt",
        title: None,
        byline: None,
        date: None,
        warnings: &[],
        analysis: &analysis,
    };
    // a sink cannot fail
    let _ = write_article(std::io::sink(), &export, Layout::Pretty);
    analysis
}

fn bench_sample(c: &mut Criterion) {
    let text = gloss::SAMPLE_ARTICLE;
    let mut g = c.benchmark_group("sample");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("analyze_json", |b| {
        b.iter(|| analyze_and_export(black_box(text)))
    });
    g.finish();
}

fn bench_corpus(c: &mut Criterion) {
    let mut g = c.benchmark_group("corpus");
    g.sample_size(10);
    for mb in megabytes("GLOSS_BENCH_MB", "1,10") {
        let text = news_corpus(mb << 20);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("{mb}MB_json"), |b| {
            b.iter(|| analyze_and_export(black_box(&text)))
        });
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
            b.iter(|| analyze_and_export(black_box(&normal)))
        });
        for (name, text) in pathological(mb << 20) {
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_function(format!("{name}_{mb}MB"), |b| {
                b.iter(|| analyze_and_export(black_box(&text)))
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench_sample, bench_corpus, bench_pathological);
criterion_main!(benches);
