//! Properties of the whole analysis on random text, and gloss's fuzz stand-in.
//!
//! Random text (any Unicode, control characters, every kind of quote mark,
//! long runs without spaces, many newlines, news-like words) goes through
//! `gloss::analysis::analyze`: it must not panic, and every span it returns
//! (paragraphs, sentences, tokens, entity mentions, quote content, speaker
//! and cue spans) must lie inside the text on char boundaries; mentions of
//! one entity must not overlap; every index must point at something.
//!
//! `cargo test` runs a modest number of cases. For a long fuzzing run:
//! `PROPTEST_CASES=100000 cargo test --release --test properties`.

use gloss::analysis::{Analysis, Document, Span, analyze};
use proptest::prelude::*;

/// Cases per property: `PROPTEST_CASES` when set, else a few, to keep `cargo test` fast.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(48);
    ProptestConfig {
        cases,
        // shrinking a long input takes long; a few hundred steps find a small one
        max_shrink_iters: 512,
        ..ProptestConfig::default()
    }
}

const WORDS: &[&str] = &[
    "President",
    "Xi",
    "Jinping",
    "Antony",
    "Blinken",
    "said",
    "told",
    "asked",
    "the",
    "U.S.",
    "US",
    "Mr.",
    "Sen.",
    "Gov.",
    "J.",
    "K.",
    "Rowling",
    "Jan.",
    "a.m.",
    "No.",
    "3.5",
    "$",
    "95",
    "billion",
    "€3.2bn",
    "Germany's",
    "don't",
    "Indo-Pacific",
    "face-",
    "...",
    "--",
    "(WHO)",
    "World",
    "Health",
    "Organization",
    "Chinese",
    "Wang",
    "Yi",
    "Beijing’s",
    "on",
    "Friday",
    "May",
    "according",
    "to",
    "he",
    "she",
    "they",
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "«",
    "»",
    "„",
    ",",
    ".",
    "?",
    "!",
    ":",
    ";",
];

/// One piece of random text.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(WORDS).prop_map(|w| format!("{w} ")),
        2 => any::<char>().prop_map(String::from),
        1 => prop::sample::select(&[
            '"', '“', '”', '„', '‟', '‘', '’', '‚', '‛', '\'', '«', '»', '‹', '›', '「', '」',
            '『', '』', '〝', '〞', '＂', '`', '´',
        ][..])
        .prop_map(String::from),
        1 => prop_oneof![
            (0u32..0x20).prop_map(|c| char::from_u32(c).unwrap_or('\0')),
            (0x7Fu32..0xA0).prop_map(|c| char::from_u32(c).unwrap_or('\0')),
            Just('\u{1b}'),
            Just('\u{200d}'),
            Just('\u{feff}'),
            Just('\u{301}'),
        ]
        .prop_map(String::from),
        1 => prop_oneof![Just("\n"), Just("\n\n"), Just("\r\n"), Just("\r"), Just("\n\n\n\n")]
            .prop_map(String::from),
        1 => (prop::sample::select(&['a', 'Z', '.', '-', '"', '’', '1', ',', '\'', 'é', '中'][..]), 1usize..300)
            .prop_map(|(c, n)| c.to_string().repeat(n)),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..160).prop_map(|p| p.concat())
}

/// Checks that `span` lies inside `text` on char boundaries.
fn check_span(text: &str, span: Span, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} outside a text of {} bytes",
        text.len()
    );
    prop_assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} not on char boundaries"
    );
    Ok(())
}

fn check_analysis(text: &str, a: &Analysis) -> Result<(), TestCaseError> {
    prop_assert_eq!(a.text.as_str(), text);
    let mut last_end = 0;
    for p in &a.paragraphs {
        check_span(text, p.span, "paragraph")?;
        prop_assert!(!p.span.is_empty(), "empty paragraph");
        prop_assert!(
            p.span.start >= last_end,
            "paragraphs overlap or go backwards"
        );
        last_end = p.span.end;
        prop_assert!(p.sentences.start <= p.sentences.end && p.sentences.end <= a.sentences.len());
    }
    for s in &a.sentences {
        check_span(text, s.span, "sentence")?;
        let p = a.paragraphs.get(s.paragraph);
        prop_assert!(
            p.is_some_and(|p| p.span.contains(&s.span)),
            "sentence outside its paragraph"
        );
    }
    for e in &a.entities {
        let mut mentions = e.mentions.clone();
        mentions.sort();
        for m in &mentions {
            check_span(text, *m, "mention")?;
            prop_assert!(!m.is_empty(), "empty mention of {}", e.name);
        }
        for w in mentions.windows(2) {
            prop_assert!(
                !w[0].overlaps(&w[1]),
                "mentions of {} overlap: {:?}",
                e.name,
                w
            );
        }
        for amb in &e.ambiguous {
            check_span(text, amb.span, "ambiguous mention")?;
            prop_assert!(amb.candidates.iter().all(|c| *c < a.entities.len()));
        }
    }
    for q in &a.quotes {
        check_span(text, q.content, "quote")?;
        if let Some(s) = q.speaker_span {
            check_span(text, s, "speaker")?;
        }
        if let Some(s) = q.cue_span {
            check_span(text, s, "cue")?;
        }
        prop_assert!(q.speaker.is_none_or(|id| id < a.entities.len()));
        prop_assert!(q.addressee.is_none_or(|id| id < a.entities.len()));
        prop_assert!(a.paragraphs.is_empty() || q.paragraph < a.paragraphs.len());
    }
    for t in &a.topics {
        prop_assert!(t.paragraphs.iter().all(|p| *p < a.paragraphs.len()));
        prop_assert!(t.entities.iter().all(|e| *e < a.entities.len()));
    }
    Ok(())
}

fn check_document(text: &str) -> Result<(), TestCaseError> {
    let doc = Document::new(text);
    let mut covered = 0;
    let mut last_end = 0;
    for t in &doc.tokens {
        check_span(text, t.span(), "token")?;
        prop_assert!(!t.span().is_empty(), "empty token");
        prop_assert!(t.span().start >= last_end, "tokens overlap");
        prop_assert!(
            !t.text(text).chars().any(char::is_whitespace),
            "white space inside token {:?}",
            t.text(text)
        );
        last_end = t.span().end;
        covered += t.span().len();
    }
    let non_space: usize = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(char::len_utf8)
        .sum();
    prop_assert_eq!(
        covered,
        non_space,
        "tokens must cover every non-space character"
    );
    prop_assert_eq!(doc.sentence_tokens.len(), doc.sentences.len());
    for (s, r) in doc.sentences.iter().zip(&doc.sentence_tokens) {
        prop_assert!(r.start < r.end && r.end <= doc.tokens.len());
        prop_assert_eq!(doc.tokens[r.start].span().start, s.span.start);
        prop_assert_eq!(doc.tokens[r.end - 1].span().end, s.span.end);
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn random_text_gives_sound_spans(text in text()) {
        check_document(&text)?;
        check_analysis(&text, &analyze(&text))?;
    }

    #[test]
    fn any_unicode_string_gives_sound_spans(text in any::<String>()) {
        check_document(&text)?;
        check_analysis(&text, &analyze(&text))?;
    }
}

#[test]
fn hand_picked_odd_inputs() {
    let long_word = "x".repeat(20_000);
    let quotes = "\"".repeat(5_000);
    let newlines = "\n".repeat(5_000);
    let dots = "U.S.".repeat(3_000);
    for text in [
        "",
        " ",
        "\n",
        ".",
        "\u{feff}",
        "\u{1b}[2J\u{1b}]0;title\u{7}",
        "’s n't 's",
        "”",
        "U.S.",
        "Mr.",
        "3.",
        long_word.as_str(),
        quotes.as_str(),
        newlines.as_str(),
        dots.as_str(),
    ] {
        let a = analyze(text);
        check_document(text).unwrap();
        check_analysis(text, &a).unwrap();
    }
}
