use super::dates::{is_relative_start, month, weekday};
use super::quantities::is_hedge;
use super::scan::{INLINE, Lower};
use super::*;
use crate::analysis::ner::SpellingNumbers;

#[test]
fn starts_read_once_per_spelling_are_those_read_per_token() {
    let text = "About 40 people met on Monday; about $5 million (US$2m) went \
                to the EUR fund. Earlier this year, 12% voted. About 40 came.";
    let doc = Document::new(text);
    let mut numbers = SpellingNumbers::new();
    let forms: Vec<u32> = doc
        .tokens
        .iter()
        .map(|t| numbers.number(t.text(text).as_bytes()))
        .collect();
    let count = forms.iter().max().map_or(0, |&m| m as usize + 1);
    let per_token = starts(&doc, &[], 0);
    assert_eq!(starts(&doc, &forms, count), per_token);
    let words: Vec<&str> = per_token
        .iter()
        .map(|&i| doc.tokens[i as usize].text(text))
        .collect();
    assert!(words.contains(&"Monday") && words.contains(&"Earlier"));
    assert!(!words.contains(&"people") && !words.contains(&"fund"));
}

fn found(text: &str) -> Vec<(String, EntityKind, String)> {
    let doc = Document::new(text);
    find(&doc, &starts(&doc, &[], 0))
        .into_iter()
        .map(|m| {
            (
                m.span.of(text).to_string(),
                m.kind,
                m.canonical.unwrap_or_default().into_owned(),
            )
        })
        .collect()
}

fn has(v: &[(String, EntityKind, String)], s: &str, k: EntityKind) -> bool {
    v.iter().any(|(t, kk, _)| t == s && *kk == k)
}

#[test]
fn lowercase_words_without_allocating() {
    assert!(matches!(Lower::of("percent"), Lower::Borrowed("percent")));
    let l = Lower::of("Billion");
    assert!(matches!(l, Lower::Inline(..)));
    assert_eq!(&*l, "billion");
    assert_eq!(&*Lower::of("ÉTÉ"), "été");
    let long = "A".repeat(INLINE + 1);
    assert_eq!(&*Lower::of(&long), "a".repeat(INLINE + 1));
}

#[test]
fn word_lists_in_any_case() {
    assert!(is_relative_start("Earlier") && is_relative_start("YESTERDAY"));
    assert!(is_relative_start("previous") && !is_relative_start("previously"));
    assert!(is_hedge("About") && is_hedge("approximately") && !is_hedge("abou"));
    assert!(!is_hedge("") && !is_hedge("some\0") && !is_hedge("é"));
    assert!(month("Sept.") && month("May") && !month("MAY") && !month("Mayo"));
    assert!(weekday("Wednesday") && !weekday("wednesday"));
    assert_eq!(single_spaced("5  1/2\ndays"), "5 1/2 days");
    assert_eq!(single_spaced("last week"), "last week");
    assert_eq!(single_spaced(" x\u{a0}y "), "x y");
}

#[test]
fn money_in_broken_and_plain_forms() {
    let v = found("The bill gives the$ 40 billion and $8 million, plus €3.2bn and US$5m.");
    assert!(
        v.iter()
            .any(|(t, k, c)| t == "$ 40 billion" && *k == EntityKind::Money && c == "$40 billion"),
        "{v:?}"
    );
    assert!(has(&v, "$8 million", EntityKind::Money), "{v:?}");
    assert!(has(&v, "€3.2bn", EntityKind::Money), "{v:?}");
    assert!(has(&v, "US$5m", EntityKind::Money), "{v:?}");
}

#[test]
fn money_with_currency_words_and_ranges() {
    let v = found("It cost 20 million pounds, between $5 million to $10 million in all.");
    assert!(has(&v, "20 million pounds", EntityKind::Money), "{v:?}");
    assert!(
        has(&v, "$5 million to $10 million", EntityKind::Money),
        "{v:?}"
    );
}

#[test]
fn won_after_a_bare_number_is_a_verb() {
    let v = found("The team that 3 won the cup.");
    assert!(!v.iter().any(|(_, k, _)| *k == EntityKind::Money), "{v:?}");
}

#[test]
fn dates_weekdays_months_and_relative() {
    let v =
        found("She left on Tuesday and will return in May, on March 3, 2025, earlier this year.");
    assert!(has(&v, "Tuesday", EntityKind::Date), "{v:?}");
    assert!(has(&v, "May", EntityKind::Date), "{v:?}");
    assert!(has(&v, "March 3, 2025", EntityKind::Date), "{v:?}");
    assert!(has(&v, "earlier this year", EntityKind::Date), "{v:?}");
}

#[test]
fn may_the_verb_is_no_date() {
    let v = found("May I ask? They may go. Theresa May spoke.");
    assert!(v.is_empty(), "{v:?}");
}

#[test]
fn quantities_with_fractions_and_hedges() {
    let v = found("The trip lasted about 5 1/2 days and prices rose 4 percent.");
    assert!(has(&v, "about 5 1/2 days", EntityKind::Quantity), "{v:?}");
    assert!(has(&v, "4 percent", EntityKind::Quantity), "{v:?}");
}
