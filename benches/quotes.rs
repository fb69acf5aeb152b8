//! Quote finding alone (issue 7): throughput of `quotes::find` on
//! news-like text full of quotations, and on inputs that break naive
//! quotation pairing. The document is segmented and its entities recognised
//! once, outside the timed loop.
//!
//! Run with `cargo bench --bench quotes`; `GLOSS_BENCH_MB` sets the size in
//! megabytes (default 4). Every input is generated here from sentence
//! templates written for this bench.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gloss::analysis::{Document, entities, quotes};
use std::hint::black_box;

/// Sentence templates written for this benchmark, one layout of attribution each.
const TEMPLATES: &[&str] = &[
    "\u{201c}The {T} will reopen before {M},\u{201d} {P} said on {D}.",
    "{P} told {Q} that the {T} budget was sound.",
    "\u{201c}We are not done yet,\u{201d} said {P}, the head of the {T} board. \u{201c}Nobody is leaving.\u{201d}",
    "According to {P}, the {T} project will cost more than planned.",
    "Repairs to the {T} could take until {M}, officials said.",
    "{P} called the delay \u{201c}a failure of planning\u{201d} and promised a review.",
    "Will the {T} open before winter? she asked.",
    "The council met on {D} and approved the {T} plan without debate.",
    "{Q} said she believed the {T} would be finished soon, adding that \u{201c}the worst is behind us.\u{201d}",
];
const PEOPLE: &[&str] = &[
    "Ana Ruiz",
    "Tom Berg",
    "Mayor Ines Costa",
    "Chief Engineer Kofi Mensah",
];
const THINGS: &[&str] = &["bridge", "harbour", "rail line", "water plant"];
const DAYS: &[&str] = &["Monday", "Wednesday", "Friday"];
const MONTHS: &[&str] = &["April", "July", "November"];

fn corpus(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 1024);
    let mut i = 0usize;
    while out.len() < bytes {
        for k in 0..3 {
            let t = TEMPLATES[(i + k) % TEMPLATES.len()]
                .replace("{P}", PEOPLE[(i + k) % PEOPLE.len()])
                .replace("{Q}", PEOPLE[(i * 3 + k + 1) % PEOPLE.len()])
                .replace("{T}", THINGS[(i * 5 + k) % THINGS.len()])
                .replace("{D}", DAYS[(i + k) % DAYS.len()])
                .replace("{M}", MONTHS[(i * 7 + k) % MONTHS.len()]);
            out.push_str(&t);
            out.push(' ');
        }
        out.push('\n');
        i += 1;
    }
    out
}

fn inputs(bytes: usize) -> Vec<(&'static str, String)> {
    let rep = |unit: &str| unit.repeat(bytes / unit.len());
    vec![
        ("news", corpus(bytes)),
        ("no_newline", corpus(bytes).replace('\n', " ")),
        ("quote_marks", rep("\u{201c}a\" ")),
        ("odd_marks_one_paragraph", rep("\u{201d} said ")),
        ("said_without_end", rep("he said that ")),
        ("capitalised_words", rep("Alpha Bravo Charlie said ")),
        ("one_word_paragraphs", rep("said\n")),
    ]
}

fn bench_quotes(c: &mut Criterion) {
    let mb: usize = std::env::var("GLOSS_BENCH_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(4);
    let mut g = c.benchmark_group("quotes");
    g.sample_size(10);
    for (name, text) in inputs(mb << 20) {
        let doc = Document::new(&text);
        let ents = entities::recognize(&doc);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("{name}_{mb}MB"), |b| {
            b.iter(|| quotes::find(black_box(&doc), black_box(&ents)))
        });
    }
    g.finish();
}

criterion_group!(benches, bench_quotes);
criterion_main!(benches);
