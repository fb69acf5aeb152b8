//! Tests of the tokenizer: CoNLL conventions on sentences written for
//! gloss, odd text, and the fast paths against the full scan.

use super::*;

fn toks(text: &str) -> Vec<&str> {
    tokenize(text).iter().map(|t| t.text(text)).collect()
}

#[test]
fn possessives_and_contractions_split_like_conll() {
    assert_eq!(
        toks("Germany's plan isn't Brazil’s, and I'm sure we'll see O'Brien's."),
        [
            "Germany", "'s", "plan", "is", "n't", "Brazil", "’s", ",", "and", "I", "'m", "sure",
            "we", "'ll", "see", "O'Brien", "'s", "."
        ]
    );
    assert_eq!(
        toks("PANAMA'S coach can't"),
        ["PANAMA", "'S", "coach", "ca", "n't"]
    );
    assert_eq!(toks("the players' union"), ["the", "players", "'", "union"]);
}

#[test]
fn abbreviations_keep_their_dot() {
    assert_eq!(
        toks("Mr. Lee of Acme Inc. met U.N. staff at 9 a.m. on Jan. 5."),
        [
            "Mr.", "Lee", "of", "Acme", "Inc.", "met", "U.N.", "staff", "at", "9", "a.m.", "on",
            "Jan.", "5", "."
        ]
    );
    assert_eq!(toks("J. K. Rowling"), ["J.", "K.", "Rowling"]);
    // "No." is an abbreviation only before a number
    assert_eq!(toks("No. 3 said no."), ["No.", "3", "said", "no", "."]);
    assert_eq!(toks("He said No. Then"), ["He", "said", "No", ".", "Then"]);
}

#[test]
fn numbers_stay_whole() {
    assert_eq!(
        toks("1,250.75 and 3.2 and 5-1/2 in 3:53.47 or .526 (+1.66)"),
        [
            "1,250.75", "and", "3.2", "and", "5-1/2", "in", "3:53.47", "or", ".526", "(", "+1.66",
            ")"
        ]
    );
    let t = "It cost $95 billion, or C$ 4 and US$5.";
    assert_eq!(
        toks(t),
        [
            "It", "cost", "$", "95", "billion", ",", "or", "C$", "4", "and", "US$", "5", "."
        ]
    );
    assert_eq!(tokenize("1,250.75")[0].kind, TokenKind::Number);
    assert_eq!(tokenize("1996-08-30")[0].kind, TokenKind::Number);
}

#[test]
fn a_year_at_a_sentence_end_keeps_its_dot_apart() {
    assert_eq!(
        toks("It began in 1996. Then"),
        ["It", "began", "in", "1996", ".", "Then"]
    );
}

#[test]
fn list_numbers_at_line_start_keep_their_dot() {
    assert_eq!(
        toks("Results:\n1. Ana Silva (Brazil) 3:58.1\n2. Mia Berg"),
        [
            "Results", ":", "1.", "Ana", "Silva", "(", "Brazil", ")", "3:58.1", "2.", "Mia", "Berg"
        ]
    );
}

#[test]
fn hyphens_and_runs_of_marks() {
    assert_eq!(
        toks("the Indo-Pacific military-industrial face- to- face talks -- or not..."),
        [
            "the",
            "Indo-Pacific",
            "military-industrial",
            "face-",
            "to-",
            "face",
            "talks",
            "--",
            "or",
            "not",
            "..."
        ]
    );
    assert_eq!(toks("S&P rose; A & B"), ["S&P", "rose", ";", "A", "&", "B"]);
}

#[test]
fn quote_marks_are_tokens() {
    assert_eq!(
        toks("\"We won,\" he said. «Oui» 'no' “yes”"),
        [
            "\"", "We", "won", ",", "\"", "he", "said", ".", "«", "Oui", "»", "'", "no", "'", "“",
            "yes", "”"
        ]
    );
}

#[test]
fn dashes_and_curly_quotes_glued_to_words_are_their_own_tokens() {
    assert_eq!(
        toks("peace—for now… “Naïve”, said Zoë‘s aide"),
        [
            "peace", "—", "for", "now", "…", "“", "Naïve", "”", ",", "said", "Zoë", "‘", "s",
            "aide"
        ]
    );
}

#[test]
fn odd_text_is_covered_without_gaps() {
    let t = "a\u{301}b \u{1F600}\u{200D}x 'n' ''s n't ' - ... \u{0}";
    let tokens = tokenize(t);
    let covered: usize = tokens.iter().map(|t| t.span().len()).sum();
    let non_space: usize = t
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(char::len_utf8)
        .sum();
    assert_eq!(covered, non_space);
    assert!(
        tokens
            .windows(2)
            .all(|w| w[0].span().end <= w[1].span().start)
    );
}

#[test]
fn no_known_abbreviation_is_longer_than_the_longest() {
    for word in ["Messrs", "approx", "Calif", "Thurs", "MESSRS"] {
        assert!(abbreviation_class(word).is_some(), "{word}");
    }
    // every word the list knows, taken from its source
    let source = include_str!("abbreviations.rs");
    let list = &source[source.find("fn known_abbreviation").unwrap()..];
    let list = &list[..list.find("_ => return None").unwrap()];
    let words: Vec<&str> = list.split('"').skip(1).step_by(2).collect();
    assert!(words.len() > 100, "{}", words.len());
    for word in words {
        assert!(word.len() <= LONGEST_ABBREVIATION, "{word}");
        assert!(known_abbreviation(word).is_some(), "{word}");
    }
}

#[test]
fn a_lone_mark_is_the_token_the_full_scan_makes_of_it() {
    let mut lone = 0;
    for b in 0u8..128 {
        if ASCII_CLASS[usize::from(b)] & ASCII_LONE_MARK == 0 {
            continue;
        }
        lone += 1;
        let c = char::from(b);
        for (before, after) in [
            ("", ""),
            ("word", "word"),
            (" ", "7"),
            ("1", "1"),
            ("n", "t"),
        ] {
            let text = format!("{before}{c}{c}{after}");
            let at = before.len();
            assert!(!c.is_whitespace(), "{b:#x}");
            assert_eq!(
                scan_token(&text, at, c),
                (at + 1, TokenKind::Punct),
                "{text:?}"
            );
        }
    }
    // "," "(" ")" "\"" ";" ":" "/" "$" "&" "%" among them
    assert!(lone > 20, "{lone}");
    // and the curly double quotes, which the tokenizer cuts without a scan
    for c in ['“', '”'] {
        for (before, after) in [("", ""), ("word", "word"), (" ", "7"), ("n", "t")] {
            let text = format!("{before}{c}{c}{after}");
            let at = before.len();
            assert_eq!(
                scan_token(&text, at, c),
                (at + c.len_utf8(), TokenKind::Punct),
                "{text:?}"
            );
            let t = tokenize(&text).into_iter().find(|t| t.span().start == at);
            assert_eq!(t.map(|t| t.span().end), Some(at + c.len_utf8()), "{text:?}");
        }
    }
}

#[test]
fn a_run_of_one_ascii_mark_is_the_token_the_full_scan_makes_of_it() {
    let mut checked = 0;
    for c in ['.', '-', '*', '=', '~', '#', '+', '!', '?'] {
        for (before, run, after) in [
            ("", 1, ""),
            ("word", 1, " word"),
            ("word", 3, "word"),
            (" ", 1, "7"),
            (" ", 2, "5"),
            ("1", 1, "1"),
            ("n", 1, "t"),
            ("(", 1, ".5)"),
        ] {
            let text = format!("{before}{}{after}", c.to_string().repeat(run));
            let at = before.len();
            // (in "1.1" the dot is inside a number: no token starts there)
            if let Some(t) = tokenize(&text).into_iter().find(|t| t.span().start == at) {
                assert_eq!((t.span().end, t.kind), scan_token(&text, at, c), "{text:?}");
                checked += 1;
            }
        }
    }
    assert!(checked > 60, "{checked}");
}

#[test]
fn paragraphs_tokenized_one_by_one_give_the_whole_texts_tokens_and_marks() {
    let text = "Mr. Lee said: \"We won.\" Really?\n\n  The U.S. team (based in N.Y.) left…\n“Why?” she asked, and didn't wait! Go -- now.";
    let whole = tokenize(text);
    let mut by_paragraph = Vec::new();
    let mut marks = Vec::new();
    for p in super::super::paragraph_spans(text) {
        let first = by_paragraph.len();
        let mut found = Vec::new();
        tokenize_range(text, p.start, p.end, &mut by_paragraph, &mut found);
        marks.extend(found.iter().map(|k| first + k));
    }
    assert_eq!(by_paragraph, whole);
    let expected: Vec<usize> = (0..whole.len())
        .filter(|&k| may_end_sentence(text.as_bytes(), whole[k]))
        .collect();
    assert_eq!(marks, expected);
    let ends: Vec<&str> = expected.iter().map(|&k| whole[k].text(text)).collect();
    assert_eq!(
        ends,
        [
            "Mr.", "\"", ".", "\"", "?", "U.S.", "N.Y.", "…", "“", "?", "”", "!", "."
        ]
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1024))]

    /// The fast path decides a word exactly as the full scan would.
    #[test]
    fn plain_words_end_where_the_full_scan_ends_them(
        pieces in proptest::collection::vec(
            proptest::sample::select(&[
                "a", "Z", "x", "n", "0", "7", "_", ".", ",", ":", "/", "'", "’", "-", "&", "$",
                " ", "\n", "\t", "é", "中", "—", "Inc", "No", "Mr", "ST", "U", "e.g", "1996",
                "abcdefgh", "ABCDEFGHIJ", "123456789", "s", "t", "'s", "n't", "’s", "n’t", "”", "…",
            ][..]),
            0..24,
        ),
    ) {
        let text = pieces.concat();
        for (i, c) in text.char_indices() {
            if !is_word_char(c) {
                continue;
            }
            if let Some((end, kind, dotted)) = scan_plain_word(&text, i) {
                proptest::prop_assert_eq!((end, kind), scan_joined_word(&text, i), "{:?} at {}", text, i);
                proptest::prop_assert_eq!(dotted, text[..end].ends_with('.'));
            }
        }
    }
}
