//! Tests of the rule-based name finder on sentences written for them.

use super::super::gazetteer::lexicon;
use super::*;
use crate::analysis::Document;

fn names(text: &str) -> Vec<(String, EntityKind)> {
    let doc = Document::new(text);
    let lex = lexicon();
    let ws = Words::new(&doc, lex);
    find(&ws, lex)
        .mentions
        .iter()
        .map(|m| (m.span.of(text).to_string(), m.kind))
        .collect()
}

fn has(v: &[(String, EntityKind)], s: &str, k: EntityKind) -> bool {
    v.iter().any(|(t, kk)| t == s && *kk == k)
}

#[test]
fn titles_are_cut_from_names() {
    let v = names("French Foreign Minister Claire Dubois met German Chancellor Otto Brandt.");
    assert!(has(&v, "Claire Dubois", EntityKind::Person), "{v:?}");
    assert!(has(&v, "Otto Brandt", EntityKind::Person), "{v:?}");
    assert!(has(&v, "French", EntityKind::Group), "{v:?}");
    assert!(!v.iter().any(|(t, _)| t.contains("Minister")), "{v:?}");
}

#[test]
fn sentence_starts_and_common_words_are_no_names() {
    let v = names(
        "After the vote, Lisbon said nothing. Later it rained. The Finance Ministry objected.",
    );
    assert!(has(&v, "Lisbon", EntityKind::Place), "{v:?}");
    assert!(has(&v, "Finance Ministry", EntityKind::Org), "{v:?}");
    assert!(
        !v.iter()
            .any(|(t, _)| t == "After" || t == "Later" || t == "The"),
        "{v:?}"
    );
}

#[test]
fn headlines_in_capitals_only_yield_known_names() {
    let v = names("FARMERS PROTEST NEW TAXES IN FRANCE\nFarmers met in Lyon on Monday.");
    assert!(has(&v, "FRANCE", EntityKind::Place), "{v:?}");
    assert!(
        !v.iter().any(|(t, _)| t == "FARMERS" || t == "PROTEST"),
        "{v:?}"
    );
}

#[test]
fn organisations_by_their_words_and_places_after_of() {
    let v = names(
        "Officials at the Bank of England and Acme Widgets Inc disagreed with the Ministry of Transport.",
    );
    assert!(has(&v, "Bank of England", EntityKind::Org), "{v:?}");
    assert!(has(&v, "Acme Widgets Inc", EntityKind::Org), "{v:?}");
    assert!(has(&v, "Ministry of Transport", EntityKind::Org), "{v:?}");
}

#[test]
fn administration_after_a_name_is_an_org() {
    let v = names("Critics say the Harper administration moved too slowly.");
    assert!(has(&v, "Harper administration", EntityKind::Org), "{v:?}");
}

#[test]
fn appositive_makes_a_person() {
    let v = names("He spoke with Ngozi Okafor, the deputy finance minister, on trade.");
    assert!(has(&v, "Ngozi Okafor", EntityKind::Person), "{v:?}");
}

#[test]
fn us_in_capitals_only() {
    let v = names("The US told us that the U.S. would not pay.");
    let places: Vec<&str> = v
        .iter()
        .filter(|(_, k)| *k == EntityKind::Place)
        .map(|(t, _)| t.as_str())
        .collect();
    assert_eq!(places, vec!["US", "U.S."]);
}
