//! Tests of the term table on sentences written for them.

use super::*;
use crate::analysis::Document;

fn table(text: &str) -> (TermTable<'_>, Document<'_>) {
    let doc = Document::new(text);
    (TermTable::collect(&doc, &[]), doc)
}

/// The key of a word or name, or its words' keys for a phrase.
fn key_of(t: &TermTable, term: &Term) -> String {
    match term.kind {
        TermKind::Phrase => {
            let words: Vec<&str> = term
                .parts()
                .iter()
                .map(|&p| t.terms[p as usize].key.as_str())
                .collect();
            words.join(" ")
        }
        _ => term.key.clone(),
    }
}

fn find<'a, 't>(t: &'a TermTable<'t>, key: &str) -> Option<&'a Term<'t>> {
    t.terms.iter().find(|x| key_of(t, x) == key)
}

fn paragraphs_of(t: &TermTable, key: &str) -> Vec<u32> {
    let id = t.terms.iter().position(|x| key_of(t, x) == key);
    id.map_or_else(Vec::new, |i| t.paragraphs(i as TermId).to_vec())
}

#[test]
fn words_are_counted_by_lemma_with_paragraphs() {
    let (t, _) = table("The tariffs rose.\nA tariff fell again.\nNothing here.\nTariffs!");
    let term = find(&t, "tariff").expect("tariff");
    assert_eq!(term.count, 3);
    assert_eq!(paragraphs_of(&t, "tariff"), vec![0, 1, 3]);
}

#[test]
fn stop_and_generic_words_are_not_terms() {
    let (t, _) = table("Officials said the issue was about 40 things.");
    for key in ["official", "said", "the", "issue", "40", "thing"] {
        assert!(find(&t, key).is_none_or(|x| x.count == 0), "{key}");
    }
}

#[test]
fn titles_split_names_and_link_roles_to_places() {
    let (t, _) = table("Talks began after Russian President Vladimir Putin arrived in Berlin.");
    let putin = find(&t, "vladimir putin").expect("putin");
    assert_eq!(putin.role_place, lexicon::place_of("russia").map(|p| p.id));
    assert!(find(&t, "berlin").is_some_and(Term::is_name));
    assert!(find(&t, "russian").is_some_and(Term::is_name));
}

#[test]
fn of_phrases_fold_into_compounds() {
    let (t, _) =
        table("Both kept the lines of communication open.\nThe communication lines stayed open.");
    let p = find(&t, "communication line").expect("phrase");
    assert_eq!(p.count, 2);
    assert_eq!(paragraphs_of(&t, "communication line"), vec![0, 1]);
}

fn counted(t: &TermTable, key: &str) -> u32 {
    find(t, key).map_or(0, |x| x.count)
}

#[test]
fn transcript_speaker_tags_are_not_terms() {
    let (t, _) = table(
        "HOLT: Let me ask you about the pipeline budget.\n\
         \"MARSH: The pipeline budget will pass, and NATO agrees.\n\
         (CROSSTALK.)\n\
         HOLT: Thank you, Governor.",
    );
    for key in ["HOLT", "MARSH", "CROSSTALK"] {
        assert_eq!(counted(&t, key), 0, "{key}");
    }
    assert_eq!(counted(&t, "pipeline"), 2);
    // capitals inside the prose are still names
    assert_eq!(counted(&t, "NATO"), 1);
}

#[test]
fn datelines_are_not_terms_but_acronyms_opening_a_paragraph_are() {
    let (t, _) = table(
        "RIVERTON, Ohio, May 3 (AP) — The council voted to raise water rates.\n\
         WASHINGTON — Senators debated the water rates.\n\
         NATO leaders met in Riverton on Friday.\n\
         NATO, the alliance, said little.",
    );
    assert_eq!(counted(&t, "RIVERTON"), 0);
    assert_eq!(counted(&t, "WASHINGTON"), 0);
    assert_eq!(counted(&t, "AP"), 0);
    assert_eq!(counted(&t, "riverton"), 1);
    assert_eq!(counted(&t, "NATO"), 2);
}

#[test]
fn words_used_as_verbs_with_an_object_are_verbs() {
    let (t, _) = table(
        "The verdict fills them with anger.\nThe drought fills them with fear.\n\
         They tax them heavily.\nThe tax on fuel rose.\nA tax cut failed.\n\
         Prices grew and the leaders met.",
    );
    assert!(find(&t, "fill").is_some_and(Term::is_verb));
    assert!(find(&t, "tax").is_some_and(|x| !x.is_verb()));
    assert!(find(&t, "drought").is_some_and(|x| !x.is_verb()));
    assert_eq!(counted(&t, "grew"), 0);
    let (t, _) = table("The plan does not work, and the law doesn't help.\nThe budget does.");
    assert_eq!(counted(&t, "doe"), 0);
    assert_eq!(counted(&t, "met"), 0);
}

#[test]
fn words_with_an_adjective_ending_that_modify_are_adjectives() {
    let (t, _) = table(
        "The presidential debate drew a huge crowd.\nThe crowd was enormous.\n\
         Her presidential campaign said the turnout was enormous.\n\
         The narrative shifted.\nVoters rejected the narrative.\nA narrative of decline spread.",
    );
    assert!(find(&t, "presidential").is_some_and(Term::is_adjective));
    assert!(find(&t, "enormous").is_some_and(Term::is_adjective));
    // a noun with the same ending, mostly heading its phrase, stays a noun
    assert!(find(&t, "narrative").is_some_and(|x| !x.is_adjective()));
    assert!(find(&t, "crowd").is_some_and(|x| !x.is_adjective()));
}

#[test]
fn acronyms_are_names_apart_from_pronouns() {
    let (t, _) = table("The US told us that U.S. aid would come.");
    let us = find(&t, "US").expect("US");
    assert_eq!(us.count, 2);
    assert!(us.is_name());
}
