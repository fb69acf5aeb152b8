//! The reader's speed (issue 7): opening a large article on its text alone
//! (as `gloss` does before the background analysis is done) and drawing its
//! first frame, taking the analysis when it arrives, drawing a 200x60 frame
//! at its start, middle and end, handling keys (G included), and
//! re-wrapping after a resize.
//!
//! Run with `cargo bench --bench reader`. The article size comes from
//! `GLOSS_BENCH_READER_MB` (default 20; the budgets are for 100). The article and its analysis are
//! generated here from sentence templates written for this bench (the
//! analysis is built by hand, so this measures the reader, not the analysis).

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use gloss::analysis::{
    Analysis, Entity, EntityKind, Paragraph, Quote, QuoteKind, SCHEMA_VERSION, Span,
};
use gloss::tui::app::{Analysed, Target};
use gloss::tui::config::Config;
use gloss::tui::update::{Action, Dir, update};
use gloss::tui::{App, OpenArticle};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::hint::black_box;

/// Paragraph templates written for this benchmark.
const PARAGRAPHS: &[&str] = &[
    "Mayor Elena Ruiz met Finance Minister Tomás Herrera in Lisbon on Monday to discuss the flood fund, and both said the talks had gone well.",
    "\u{201c}We cannot wait for the next storm,\u{201d} Ruiz told reporters outside the Finance Ministry. \u{201c}The river does not read our budgets.\u{201d}",
    "Herrera said the ministry would publish a plan by March, while engineers from the Delta Works Institute warned that the money covers only a third of the sea walls.",
    "Officials in Porto Alegre and Lisbon will meet again in May; the city council expects the first contracts to be signed before the winter rains return.",
];

const NAMES: &[(&str, EntityKind)] = &[
    ("Elena Ruiz", EntityKind::Person),
    ("Ruiz", EntityKind::Person),
    ("Tomás Herrera", EntityKind::Person),
    ("Lisbon", EntityKind::Place),
    ("Porto Alegre", EntityKind::Place),
    ("Finance Ministry", EntityKind::Org),
    ("Delta Works Institute", EntityKind::Org),
    ("Monday", EntityKind::Date),
    ("March", EntityKind::Date),
];

fn article(bytes: usize) -> Analysis {
    let mut text = String::with_capacity(bytes + 1024);
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(PARAGRAPHS[i % PARAGRAPHS.len()]);
        text.push('\n');
        i += 1;
    }
    let mut paragraphs = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        if !line.is_empty() {
            paragraphs.push(Paragraph {
                span: Span::new(start, start + line.len()),
                sentences: 0..0,
            });
        }
        start += line.len() + 1;
    }
    let entities = NAMES
        .iter()
        .enumerate()
        .map(|(id, (name, kind))| Entity {
            id,
            kind: *kind,
            name: name.to_string(),
            role: None,
            aliases: vec![],
            mentions: text
                .match_indices(name)
                .map(|(s, m)| Span::new(s, s + m.len()))
                .collect(),
            ambiguous: vec![],
        })
        .collect();
    let opens: Vec<usize> = text.match_indices('\u{201c}').map(|(s, _)| s + 3).collect();
    let closes: Vec<usize> = text.match_indices('\u{201d}').map(|(s, _)| s).collect();
    let quotes = opens
        .iter()
        .zip(&closes)
        .map(|(&a, &b)| Quote {
            kind: QuoteKind::Direct,
            content: Span::new(a, b),
            speaker: Some(1),
            speaker_name: None,
            speaker_span: None,
            cue: None,
            cue_span: None,
            addressee: None,
            paragraph: 0,
        })
        .collect();
    Analysis {
        schema_version: SCHEMA_VERSION,
        text: std::sync::Arc::new(text),
        paragraphs,
        sentences: vec![],
        entities,
        quotes,
        topics: vec![],
    }
}

fn open(analysis: Analysis) -> App {
    let article = OpenArticle::analysed("bench.txt", analysis);
    App::new(article, Config::default(), 200, 60)
}

fn draw(app: &App, buf: &mut Buffer) {
    gloss::tui::view::draw(app, buf.area, buf);
}

fn bench(c: &mut Criterion) {
    let mb: usize = std::env::var("GLOSS_BENCH_READER_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let analysis = article(mb << 20);
    let paragraphs = analysis.paragraphs.len();
    let mut g = c.benchmark_group(format!("reader_{mb}MB"));
    g.sample_size(10);
    let mut buf = Buffer::empty(Rect::new(0, 0, 200, 60));
    // What `gloss FILE` does before its first frame, once the file is read:
    // provisional paragraphs, the article's key, the frame.
    g.bench_function("open_text_and_first_frame", |b| {
        b.iter_batched(
            || String::clone(&analysis.text),
            |text| {
                let app = App::new(
                    OpenArticle::text("bench.txt", text),
                    Config::default(),
                    200,
                    60,
                );
                black_box(gloss::tui::place::article_key(app.text()));
                buf.reset();
                draw(&app, &mut buf);
                app
            },
            BatchSize::PerIteration,
        )
    });
    // The analysis arriving while the reader is in the middle of the text.
    let analysed = Analysed::new(analysis.clone());
    g.bench_function("analysis_ready_and_frame", |b| {
        b.iter_batched(
            || {
                let mut app = App::new(
                    OpenArticle::text("bench.txt", String::clone(&analysis.text)),
                    Config::default(),
                    200,
                    60,
                );
                update(&mut app, Action::GoToParagraph(paragraphs / 2));
                (app, Box::new(analysed.clone()))
            },
            |(mut app, ready)| {
                update(&mut app, Action::AnalysisReady(ready));
                buf.reset();
                draw(&app, &mut buf);
                app
            },
            BatchSize::PerIteration,
        )
    });
    drop(analysed);
    g.bench_function("open", |b| b.iter(|| black_box(open(analysis.clone()))));
    g.sample_size(50);
    let mut app = open(analysis);
    for (place, paragraph) in [
        ("start", 0),
        ("middle", paragraphs / 2),
        ("end", paragraphs - 1),
    ] {
        update(&mut app, Action::GoToParagraph(paragraph));
        g.bench_function(format!("draw_200x60_{place}"), |b| {
            b.iter(|| {
                buf.reset();
                draw(&app, &mut buf);
            })
        });
        // Focus a person so their mentions are emphasised and `m` steps.
        update(&mut app, Action::MoveSelection(0));
        update(&mut app, Action::Activate);
        update(&mut app, Action::GoToParagraph(paragraph));
        for (name, keys) in [
            ("j_k", [Action::ScrollRows(1), Action::ScrollRows(-1)]),
            (
                "page",
                [Action::Page(Dir::Forward), Action::Page(Dir::Backward)],
            ),
            (
                "paragraph",
                [
                    Action::Paragraph(Dir::Forward),
                    Action::Paragraph(Dir::Backward),
                ],
            ),
            ("end_start_G_g", [Action::Bottom, Action::Top]),
            (
                "mention",
                [
                    Action::Step(Target::Mention, Dir::Forward),
                    Action::Step(Target::Mention, Dir::Backward),
                ],
            ),
            (
                "quote",
                [
                    Action::Step(Target::Quote, Dir::Forward),
                    Action::Step(Target::Quote, Dir::Backward),
                ],
            ),
        ] {
            g.bench_function(format!("key_and_frame_{name}_{place}"), |b| {
                b.iter(|| {
                    for k in &keys {
                        update(&mut app, k.clone());
                        buf.reset();
                        draw(&app, &mut buf);
                    }
                })
            });
        }
    }
    update(&mut app, Action::GoToParagraph(paragraphs / 2));
    g.bench_function("resize_rewrap", |b| {
        let mut wide = false;
        b.iter(|| {
            wide = !wide;
            // 70 columns narrow the text column below the measure: a real re-wrap.
            let width = if wide { 200 } else { 70 };
            update(&mut app, Action::Resize { width, height: 60 });
            buf.reset();
            draw(&app, &mut buf);
        })
    });
    g.finish();

    // A 5 MB line with no spaces: one paragraph, one endless word.
    let mut g = c.benchmark_group("reader_long_line_5MB");
    g.sample_size(10);
    let text = "abcdefghij\u{65e5}\u{672c}".repeat((5 << 20) / 16);
    let long = Analysis {
        paragraphs: vec![Paragraph {
            span: Span::new(0, text.len()),
            sentences: 0..0,
        }],
        text: std::sync::Arc::new(text),
        ..article(0)
    };
    g.bench_function("open_and_first_frame", |b| {
        b.iter(|| {
            let app = open(long.clone());
            buf.reset();
            draw(&app, &mut buf);
        })
    });
    let mut app = open(long);
    g.bench_function("key_end_home_and_frames", |b| {
        b.iter(|| {
            for k in [Action::Bottom, Action::Top] {
                update(&mut app, k);
                buf.reset();
                draw(&app, &mut buf);
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
