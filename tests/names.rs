//! Which names gloss finds and what it makes of them, on sentences written
//! for these tests: names joined by "of", titles inside names.

use gloss::analysis::{EntityKind, analyze};

fn entities(text: &str) -> Vec<(String, EntityKind)> {
    analyze(text)
        .entities
        .into_iter()
        .map(|e| (e.name, e.kind))
        .collect()
}

#[test]
fn a_title_word_joined_by_of_stays_inside_the_name() {
    let e = entities("The Court of Justice ruled against the airline on Tuesday.");
    assert!(
        e.contains(&("Court of Justice".to_string(), EntityKind::Org)),
        "{e:?}"
    );
    assert!(!e.iter().any(|(n, _)| n == "Court of"), "{e:?}");
}

#[test]
fn a_name_cut_after_of_takes_the_known_name_that_follows() {
    let e = entities(
        "The Court of Justice of the European Union upheld the fine against the \
         search company.",
    );
    assert!(
        e.contains(&(
            "Court of Justice of the European Union".to_string(),
            EntityKind::Org
        )),
        "{e:?}"
    );
}

#[test]
fn a_name_after_an_outlet_noun_is_an_organisation() {
    let e = entities("The striker is close to a deal, according to Portuguese newspaper Ribeiro.");
    assert!(
        e.contains(&("Ribeiro".to_string(), EntityKind::Org)),
        "{e:?}"
    );
}

#[test]
fn a_place_and_a_compass_adjective_name_a_company_not_a_person() {
    let e = entities("Dover Atlantic's board backed the offer.");
    assert!(
        e.contains(&("Dover Atlantic".to_string(), EntityKind::Org)),
        "{e:?}"
    );
    // a given name keeps the person
    let e = entities("Maria Central's lawyer filed the papers.");
    assert!(
        !e.contains(&("Maria Central".to_string(), EntityKind::Org)),
        "{e:?}"
    );
}

#[test]
fn a_known_organisation_stays_one_where_the_tagger_sees_a_place() {
    let e = entities(
        "The regional governor wrote on Telegram that two people were hurt. \
         A Kremlin spokesman declined to comment.",
    );
    for name in ["Telegram", "Kremlin"] {
        assert!(
            e.contains(&(name.to_string(), EntityKind::Org)),
            "{name}: {e:?}"
        );
    }
}
