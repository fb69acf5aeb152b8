//! Tests of the tagger on sentences written for them, through the run-time path.

use super::*;
use crate::analysis::Document;
use tags::N_TAGS;

fn names(text: &str) -> Vec<(String, NameLabel)> {
    let doc = Document::new(text);
    tag(&doc)
        .into_iter()
        .map(|n| {
            let start = doc.tokens[n.tokens.start].span().start;
            let end = doc.tokens[n.tokens.end - 1].span().end;
            (text[start..end].to_string(), n.label)
        })
        .collect()
}

#[test]
fn bundled_model_loads() {
    let m = bundled_model().expect("bundled model reads");
    assert!(m.features() > 10_000, "{} features", m.features());
}

#[test]
fn finds_person_place_and_organisation() {
    let got = names(
        "Harriet Okonkwo, the finance minister, told reporters in Lisbon that the \
         International Monetary Fund would lend more.",
    );
    println!("{got:?}");
    assert!(got.contains(&("Harriet Okonkwo".into(), NameLabel::Per)));
    assert!(got.contains(&("Lisbon".into(), NameLabel::Loc)));
    assert!(got.contains(&("International Monetary Fund".into(), NameLabel::Org)));
}

#[test]
fn headline_in_capitals_still_finds_the_place() {
    let got = names(
        "FLOODS DRIVE THOUSANDS FROM THEIR HOMES IN BANGLADESH\n\
         Heavy rain flooded villages across Bangladesh on Sunday, officials said.",
    );
    let headline_place = got
        .iter()
        .filter(|(n, l)| n == "BANGLADESH" && *l == NameLabel::Loc)
        .count();
    assert_eq!(headline_place, 1, "{got:?}");
    assert!(
        !got.iter().any(|(n, _)| n == "FLOODS" || n == "THOUSANDS"),
        "{got:?}"
    );
}

#[test]
fn sentence_initial_capital_is_not_a_name() {
    let got = names(
        "Officials said the bridge would reopen next week. Residents were relieved. \
         Several shops stayed closed.",
    );
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn same_text_same_tags() {
    let text = "Talks between Nadia Petrov of Gazprom and Chinese officials in Beijing \
                ended on Friday, the Kremlin said.";
    let doc = Document::new(text);
    assert_eq!(tag_tokens(&doc), tag_tokens(&doc));
    assert_eq!(tag(&doc), tag(&Document::new(text)));
    assert!(!tag(&doc).is_empty());
}

/// The trainer tags CoNLL words directly; gloss tags its own tokens. On a
/// text whose tokens are those words, both must agree.
#[test]
fn run_time_path_matches_trainer_path() {
    let sentences: [&[&str]; 2] = [
        &[
            "Senator", "Ruth", "Adeyemi", "flew", "to", "Nairobi", "on", "Monday", ".",
        ],
        &[
            "The", "Kenyan", "Red", "Cross", "welcomed", "her", "visit", ".",
        ],
    ];
    let words: Vec<&str> = sentences.iter().flat_map(|s| s.iter().copied()).collect();
    let ranges = vec![0..9, 9..17];
    let trainer = tagger::tag_words(
        &features::DocFacts::new(&words, &ranges),
        &bundled_model().expect("model"),
    );

    let text = sentences
        .iter()
        .map(|s| s.join(" "))
        .collect::<Vec<_>>()
        .join("\n");
    let doc = Document::new(&text);
    let doc_words: Vec<&str> = doc.tokens.iter().map(|t| t.text(&text)).collect();
    assert_eq!(doc_words, words);
    assert_eq!(doc.sentence_tokens, ranges);
    assert_eq!(tag_tokens(&doc), trainer);
    let labels: Vec<NameLabel> = names_of(&trainer).iter().map(|n| n.label).collect();
    assert!(labels.contains(&NameLabel::Per), "{labels:?}");
    assert!(labels.contains(&NameLabel::Loc), "{labels:?}");
}

#[test]
fn typographic_quotes_read_like_straight_ones() {
    let curly = "“We will not wait,” said Tomas Lindqvist, Sweden’s envoy to the United Nations.";
    let straight =
        "\"We will not wait,\" said Tomas Lindqvist, Sweden's envoy to the United Nations.";
    let labels = |t: &str| -> Vec<(usize, NameLabel)> {
        let doc = Document::new(t);
        tag(&doc)
            .into_iter()
            .map(|n| (n.tokens.start, n.label))
            .collect()
    };
    let got = labels(curly);
    assert_eq!(got, labels(straight));
    // Not only the same names: the same features, so the same margins.
    let (c, s) = (Document::new(curly), Document::new(straight));
    assert_eq!(c.tokens.len(), s.tokens.len());
    assert_eq!(tag_tokens(&c), tag_tokens(&s));
    assert!(got.iter().any(|(_, l)| *l == NameLabel::Per), "{got:?}");
}

#[test]
fn odd_inputs_tag_without_panicking() {
    for text in [
        "",
        "   \n\n ",
        ".",
        "A",
        "ÉTÉ À PARIS",
        &"Zq".repeat(5000),
        "U.S. U.S. U.S.",
    ] {
        let doc = Document::new(text);
        let guesses = tag_tokens(&doc);
        assert_eq!(guesses.len(), doc.tokens.len(), "{text:?}");
        for n in tag(&doc) {
            assert!(n.tokens.start < n.tokens.end && n.tokens.end <= doc.tokens.len());
        }
    }
}

#[test]
fn tagging_in_runs_equals_tagging_at_once() {
    let mut text = String::new();
    for i in 0..40 {
        text.push_str(&format!(
            "Mayor Ilse Brandt of Hamburg met {i} delegates from Toyota. BRANDT WINS VOTE\n"
        ));
    }
    let doc = Document::new(&text);
    let whole = tag(&doc);
    let mut runs = Vec::new();
    let mut tagger = DocTagger::new(&doc);
    let n = doc.sentence_tokens.len();
    for start in (0..n).step_by(7) {
        tagger.tag(start..(start + 7).min(n), &mut runs);
    }
    assert!(whole.len() >= 80, "{} names", whole.len());
    assert_eq!(runs, whole);
}

/// The run-time tagger sums groups of features once and reuses the sums;
/// that must give exactly what summing every feature anew gives, also when
/// it forgets its sums, on headlines, sentence starts and long words.
#[test]
fn reused_sums_equal_fresh_sums() {
    let text = "PRIME MINISTER VISITS NAIROBI\n\
                Prime Minister Keir Anand visited Nairobi on Tuesday. Anand met \
                the Kenyan Red Cross and the Intergovernmental Authority on Development. \
                In Nairobi, Anand said the counterinsurgencies had ended; anand-watchers \
                disagreed. Counterinsurgencies rarely end, said Mwangi Otieno of the \
                Nairobi Institute.";
    let doc = Document::new(text);
    let model = bundled_model().expect("model");
    let facts = features::DocFacts::new(&doc, &doc.sentence_tokens);
    let fresh = tagger::tag_words_with(&facts, &model);
    assert_eq!(tagger::tag_words(&facts, &model), fresh);
    let mut forgetful = Vec::new();
    tagger::Tagger::with_row_limit(&model, 3).tag(&facts, &mut forgetful);
    assert_eq!(forgetful, fresh);
    let labels: Vec<NameLabel> = names_of(&fresh).iter().map(|n| n.label).collect();
    assert!(labels.contains(&NameLabel::Per), "{labels:?}");
    assert!(labels.contains(&NameLabel::Org), "{labels:?}");
}

/// `names_of` reads names as `tags::spans` does (the conlleval rule), with
/// each name's least margin: every sequence of four tags.
#[test]
fn names_of_spells_the_conlleval_spans() {
    for n in 0..N_TAGS.pow(4) {
        let guesses: Vec<Guess> = (0..4)
            .map(|k| Guess {
                tag: Tag::from_index(n / N_TAGS.pow(k) % N_TAGS),
                margin: (n % 7 + k as usize) as f32,
            })
            .collect();
        let tags: Vec<Tag> = guesses.iter().map(|g| g.tag).collect();
        let names = names_of(&guesses);
        let spans = tags::spans(&tags);
        assert_eq!(names.len(), spans.len(), "{tags:?}");
        for (name, (r, label)) in names.iter().zip(spans) {
            assert_eq!((&name.tokens, name.label), (&r, label), "{tags:?}");
            let least = guesses[r]
                .iter()
                .map(|g| g.margin)
                .fold(f32::INFINITY, f32::min);
            assert_eq!(name.score, least, "{tags:?}");
        }
    }
}
