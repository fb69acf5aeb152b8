//! The JSON export writes the same bytes as serde_json on the export's
//! `Serialize` form, in both layouts (pretty for one article, compact for a
//! line each when several are given): on analyses built at random field by
//! field (control characters, quotes, backslashes, non-ASCII, empty and
//! missing parts, large offsets, odd scores) and on analyses of random text.
//!
//! `PROPTEST_CASES=10000 cargo test --release --test json_export` for a long run.

use gloss::analysis::{
    AmbiguousMention, Analysis, Entity, EntityKind, Paragraph, Quote, QuoteKind, Sentence, Span,
    Topic, analyze,
};
use gloss::export::json::Layout;
use gloss::export::{ArticleExport, write_analysis, write_article};
use proptest::prelude::*;
use std::sync::Arc;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64);
    ProptestConfig {
        cases,
        max_shrink_iters: 512,
        ..ProptestConfig::default()
    }
}

/// Strings with what JSON must escape, and what it must not touch.
fn string() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => "[a-zA-Z ]{0,12}",
        1 => any::<char>().prop_map(String::from),
        1 => (0u32..0x20).prop_map(|c| char::from_u32(c).unwrap_or('\0').to_string()),
        1 => prop::sample::select(&["\"", "\\", "\u{7f}", "é", "中", "😀", "\u{2028}", "“", "\r\n"][..])
            .prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..6).prop_map(|p| p.concat())
}

fn offset() -> impl Strategy<Value = usize> {
    prop_oneof![
        3 => 0usize..10_000,
        1 => any::<u32>().prop_map(|n| n as usize),
        1 => Just(99_999_999usize),
        1 => Just(100_000_000usize),
        1 => any::<usize>(),
    ]
}

fn span() -> impl Strategy<Value = Span> {
    (offset(), offset()).prop_map(|(start, end)| Span::new(start, end))
}

fn kind() -> impl Strategy<Value = EntityKind> {
    prop::sample::select(&EntityKind::ALL[..])
}

fn entity() -> impl Strategy<Value = Entity> {
    (
        offset(),
        kind(),
        string(),
        prop::option::of(string()),
        prop::collection::vec(string(), 0..3),
        prop::collection::vec(span(), 0..4),
        prop::collection::vec(
            (span(), prop::collection::vec(offset(), 0..3))
                .prop_map(|(span, candidates)| AmbiguousMention { span, candidates }),
            0..2,
        ),
    )
        .prop_map(
            |(id, kind, name, role, aliases, mentions, ambiguous)| Entity {
                id,
                kind,
                name,
                role,
                aliases,
                mentions,
                ambiguous,
            },
        )
}

fn quote() -> impl Strategy<Value = Quote> {
    (
        prop::sample::select(
            &[
                QuoteKind::Direct,
                QuoteKind::Partial,
                QuoteKind::Unmarked,
                QuoteKind::Indirect,
            ][..],
        ),
        span(),
        prop::option::of(offset()),
        prop::option::of(string()),
        prop::option::of(span()),
        prop::option::of(string()),
        prop::option::of(span()),
        prop::option::of(offset()),
        offset(),
    )
        .prop_map(
            |(
                kind,
                content,
                speaker,
                speaker_name,
                speaker_span,
                cue,
                cue_span,
                addressee,
                paragraph,
            )| Quote {
                kind,
                content,
                speaker,
                speaker_name,
                speaker_span,
                cue,
                cue_span,
                addressee,
                paragraph,
            },
        )
}

fn topic() -> impl Strategy<Value = Topic> {
    let score = prop_oneof![
        3 => any::<f32>(),
        1 => prop::sample::select(&[0.0f32, -0.0, 1.0, 0.1, f32::NAN, f32::INFINITY, f32::MIN_POSITIVE][..]),
    ];
    (
        string(),
        prop::collection::vec(string(), 0..3),
        prop::collection::vec(offset(), 0..3),
        prop::collection::vec(offset(), 0..4),
        score,
    )
        .prop_map(|(label, keywords, entities, paragraphs, score)| Topic {
            label,
            keywords,
            entities,
            paragraphs,
            score,
        })
}

fn analysis() -> impl Strategy<Value = Analysis> {
    (
        any::<u32>(),
        string(),
        prop::collection::vec(
            (span(), offset(), offset()).prop_map(|(span, a, b)| Paragraph {
                span,
                sentences: a..b,
            }),
            0..3,
        ),
        prop::collection::vec(
            (span(), offset()).prop_map(|(span, paragraph)| Sentence { span, paragraph }),
            0..3,
        ),
        prop::collection::vec(entity(), 0..3),
        prop::collection::vec(quote(), 0..3),
        prop::collection::vec(topic(), 0..3),
    )
        .prop_map(
            |(schema_version, text, paragraphs, sentences, entities, quotes, topics)| Analysis {
                schema_version,
                text: Arc::new(text),
                paragraphs,
                sentences,
                entities,
                quotes,
                topics,
            },
        )
}

/// Checks both entry points in both layouts against serde_json.
fn check(export: &ArticleExport) -> Result<(), TestCaseError> {
    for layout in [Layout::Pretty, Layout::Compact] {
        let serde = |value: &dyn erased::Value| match layout {
            Layout::Pretty => value.pretty(),
            Layout::Compact => value.compact(),
        };
        let mut ours = Vec::new();
        write_article(&mut ours, export, layout).unwrap();
        prop_assert_eq!(
            String::from_utf8(ours).unwrap(),
            serde(export),
            "{:?}",
            layout
        );
        let mut ours = Vec::new();
        write_analysis(&mut ours, export.analysis, layout).unwrap();
        prop_assert_eq!(
            String::from_utf8(ours).unwrap(),
            serde(export.analysis),
            "{:?}",
            layout
        );
    }
    Ok(())
}

/// serde_json's output for either kind of value, behind one trait object.
mod erased {
    pub trait Value {
        fn pretty(&self) -> String;
        fn compact(&self) -> String;
    }
    impl<T: serde::Serialize> Value for T {
        fn pretty(&self) -> String {
            serde_json::to_string_pretty(self).unwrap()
        }
        fn compact(&self) -> String {
            serde_json::to_string(self).unwrap()
        }
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn random_analyses_are_written_as_serde_json_writes_them(
        analysis in analysis(),
        source in string(),
        title in prop::option::of(string()),
        byline in prop::option::of(string()),
        date in prop::option::of(string()),
        warnings in prop::collection::vec(string(), 0..2),
    ) {
        check(&ArticleExport {
            source: &source,
            title: title.as_deref(),
            byline: byline.as_deref(),
            date: date.as_deref(),
            warnings: &warnings,
            analysis: &analysis,
        })?;
    }

    #[test]
    fn analyses_of_random_text_are_written_as_serde_json_writes_them(
        words in prop::collection::vec(
            prop_oneof![
                4 => prop::sample::select(&[
                    "Maria", "Lopez", "said", "\"We", "will", "win.\"", "the", "mayor",
                    "told", "Reuters", "on", "Monday", "$5", "billion", "U.S.", "“No”",
                    "Kenji", "Sato,", "asked", "\\", "\t", "\n", "\n\n", "é", "中国",
                ][..]).prop_map(String::from),
                1 => any::<char>().prop_map(String::from),
            ],
            0..80,
        ),
    ) {
        let text = words.join(" ");
        let analysis = analyze(&text);
        check(&ArticleExport {
            source: "story.txt",
            title: None,
            byline: None,
            date: None,
            warnings: &[],
            analysis: &analysis,
        })?;
    }
}
