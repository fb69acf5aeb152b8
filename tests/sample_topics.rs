//! The sample article's topics, read from the binary's JSON export.

mod common;

fn sample_topics() -> Vec<serde_json::Value> {
    common::sample_export()["topics"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// The label and keywords of a topic, lowercase, as one string.
fn words_of(topic: &serde_json::Value) -> String {
    let mut s = topic["label"].as_str().unwrap_or("").to_lowercase();
    for k in topic["keywords"].as_array().into_iter().flatten() {
        s.push_str(" | ");
        s.push_str(&k.as_str().unwrap_or("").to_lowercase());
    }
    s
}

fn paragraphs_of(topic: &serde_json::Value) -> Vec<u64> {
    topic["paragraphs"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(serde_json::Value::as_u64)
        .collect()
}

#[test]
fn sample_has_between_three_and_twelve_topics_each_with_paragraphs() {
    let topics = sample_topics();
    assert!((3..=12).contains(&topics.len()), "{topics:#?}");
    for t in &topics {
        let ps = paragraphs_of(t);
        assert!(!ps.is_empty(), "{t}");
        assert!(ps.windows(2).all(|w| w[0] < w[1]), "{t}");
        assert!(ps.iter().all(|&p| p < 20), "{t}");
    }
    let scores: Vec<f64> = topics.iter().filter_map(|t| t["score"].as_f64()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn sample_threads_are_found_where_the_article_discusses_them() {
    let topics = sample_topics();
    let find = |word: &str| {
        topics
            .iter()
            .find(|t| words_of(t).contains(word))
            .unwrap_or_else(|| panic!("no topic with {word:?} in {topics:#?}"))
    };
    // Taiwan: paragraphs 9, 16, 17 and 18 (1-based) name it
    for p in [8, 15, 16, 17] {
        assert!(paragraphs_of(find("taiwan")).contains(&p), "Taiwan in {p}");
    }
    assert!(paragraphs_of(find("tiktok")).contains(&15));
    assert!(paragraphs_of(find("south china sea")).contains(&16));
    // Russia with Moscow and Putin, one thread
    let russia = words_of(find("russia"));
    assert!(
        russia.contains("moscow") && russia.contains("putin"),
        "{russia}"
    );
    assert!(paragraphs_of(find("aid")).contains(&15));
    assert!(paragraphs_of(find("communication")).contains(&3));
}

#[test]
fn sample_labels_are_never_generic_words() {
    for t in sample_topics() {
        let label = t["label"].as_str().unwrap_or("").to_lowercase();
        for generic in [
            "said",
            "issues",
            "officials",
            "the",
            "us officials",
            "concerns",
        ] {
            assert_ne!(label, generic);
        }
        assert!(!label.chars().any(|c| c.is_ascii_digit()), "{label}");
    }
}
