//! Topic finding alone (issue 5, budgets of issue 7): `topics::find` on the
//! sample and on generated news-like text of 1 and 10 MB, with the document
//! segmented and the entities recognised beforehand, so only topics are
//! timed.
//!
//! Run with `cargo bench --bench topics`. The text is generated here from
//! the sample article and sentence templates written for this bench.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gloss::analysis::{Document, entities, topics};
use std::hint::black_box;

/// Sentence templates written for this benchmark.
const TEMPLATES: &[&str] = &[
    "The {N} council voted to raise water rates after the drought emptied the {C} reservoir.",
    "Residents of {C} protested the water rates, and the mayor promised a review of the budget.",
    "Negotiators from {C} met on tariffs on steel and the trade deficit with {C2}.",
    "The central bank in {C} kept interest rates unchanged as inflation eased for a {N}th month.",
    "Farmers near {C} said the harvest of wheat fell short again because of the heat.",
    "A bike lane on Harbor Street in {C} opened after {N} months of construction delays.",
];
const PLACES: &[&str] = &["Lisbon", "Nairobi", "Ottawa", "Hanoi", "Lima", "Warsaw"];

fn corpus(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 4096);
    let mut i = 0usize;
    while out.len() < bytes {
        if i.is_multiple_of(50) {
            out.push_str(gloss::SAMPLE_ARTICLE);
            out.push('\n');
        }
        for k in 0..3 {
            let s = TEMPLATES[(i + k) % TEMPLATES.len()]
                .replace("{C2}", PLACES[(i * 5 + k + 1) % PLACES.len()])
                .replace("{C}", PLACES[(i + k) % PLACES.len()])
                .replace("{N}", &((i * 7 + k) % 23 + 2).to_string());
            out.push_str(&s);
            out.push(' ');
        }
        out.push('\n');
        i += 1;
    }
    out
}

fn bench_topics(c: &mut Criterion) {
    let mut g = c.benchmark_group("topics");
    g.sample_size(10);
    let texts = [
        ("sample".to_string(), gloss::SAMPLE_ARTICLE.to_string()),
        ("1MB".to_string(), corpus(1 << 20)),
        ("10MB".to_string(), corpus(10 << 20)),
    ];
    for (name, text) in &texts {
        let doc = Document::new(text);
        let found = entities::recognize(&doc);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name.as_str(), |b| {
            b.iter(|| topics::find(black_box(&doc), black_box(&found)))
        });
    }
    g.finish();
}

criterion_group!(benches, bench_topics);
criterion_main!(benches);
