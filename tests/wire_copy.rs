//! The analysis on wire-style copy beyond the sample: datelines, companies
//! named in full and then short, streets, appositive speakers, questions
//! without quotation marks and "told X" without "that". The sentences are
//! written for these tests.

use gloss::analysis::{Analysis, EntityKind, QuoteKind, analyze};

mod speech;
use speech::quotes;

fn kind_of(a: &Analysis, name: &str) -> Vec<EntityKind> {
    a.entities
        .iter()
        .filter(|e| e.name == name || e.aliases.iter().any(|x| x == name))
        .map(|e| e.kind)
        .collect()
}

#[test]
fn a_dateline_state_is_a_place_even_before_the_agency() {
    let a = analyze("HALLOWELL, Maine (AP) — The town council met on Monday night.");
    assert_eq!(kind_of(&a, "Maine"), [EntityKind::Place]);
    let a = analyze("FRESNO, Calif. — A packing plant closed on Friday.");
    assert_eq!(kind_of(&a, "Calif."), [EntityKind::Place]);
}

#[test]
fn a_known_company_opening_a_sentence_is_an_organisation() {
    let a = analyze("Intel said on Monday it would delay a factory.");
    assert_eq!(kind_of(&a, "Intel"), [EntityKind::Org]);
    let a = analyze("Samsung Electronics said its memory profit had doubled.");
    assert_eq!(kind_of(&a, "Samsung Electronics"), [EntityKind::Org]);
}

#[test]
fn a_company_named_in_full_then_short_is_one_organisation() {
    let a = analyze(
        "Corvane Robotics Inc. said on Tuesday it would hire 300 engineers.\n\
         Shares of Corvane rose 4 percent. Corvane makes warehouse robots.",
    );
    let corvane: Vec<_> = a
        .entities
        .iter()
        .filter(|e| {
            e.mentions
                .iter()
                .any(|m| m.of(&a.text).starts_with("Corvane"))
        })
        .collect();
    assert_eq!(corvane.len(), 1, "{corvane:?}");
    assert_eq!(corvane[0].kind, EntityKind::Org);
    assert_eq!(corvane[0].mentions.len(), 3);
}

#[test]
fn streets_and_rivers_are_places() {
    let a = analyze(
        "Shops on Dunmore Street closed early as the Tallow River rose, \
         residents said.",
    );
    assert_eq!(kind_of(&a, "Dunmore Street"), [EntityKind::Place]);
    assert_eq!(kind_of(&a, "Tallow River"), [EntityKind::Place]);
}

#[test]
fn a_one_word_town_is_not_also_a_person() {
    let a = analyze(
        "In Brackley, where the mill employs 900 people, the mood was grim.\n\
         \"Brackley has come back from worse,\" the mayor said.",
    );
    assert_eq!(kind_of(&a, "Brackley"), [EntityKind::Place]);
}

#[test]
fn the_name_after_a_description_speaks() {
    let a = analyze("The bank's chief economist, Priya Natarajan, said rates would stay high.");
    let q = quotes(&a);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "Priya Natarajan");
    // the description after the name still gives the name
    let a = analyze("Natarajan, the bank's chief economist, said rates would stay high.");
    assert_eq!(quotes(&a)[0].1, "Natarajan");
}

#[test]
fn a_question_without_its_marks_before_asked_is_unmarked_speech() {
    let a = analyze(
        "Tomas Varga has waited two years for a permit.\n\
         How long does a family have to wait for a roof, he asked.",
    );
    let q = quotes(&a);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Unmarked);
    assert_eq!(q[0].2, "How long does a family have to wait for a roof");
    assert_eq!(q[0].1, "Tomas Varga");
}

#[test]
fn told_someone_and_a_bare_clause_is_reported_speech() {
    let a = analyze("Governor Ruth Adeyemi told reporters the state would appeal the ruling.");
    let q = quotes(&a);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Indirect);
    assert_eq!(q[0].2, "the state would appeal the ruling");
    let a = analyze("Ruth Adeyemi told the board she would not resign.");
    assert_eq!(quotes(&a)[0].2, "she would not resign");
    // an object that is no clause
    let a = analyze("Ruth Adeyemi told the board the news on Friday.");
    assert!(quotes(&a).is_empty(), "{:?}", quotes(&a));
}

#[test]
fn a_possessive_speaker_closes_the_sentence() {
    let a = analyze("The drone came down near the border, Poland's Defence Ministry said.");
    let q = quotes(&a);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, "The drone came down near the border");
    assert_eq!(q[0].1, "Defence Ministry");
    let a = analyze("The talks over the sale had collapsed on Friday, Okafor's lawyer said.");
    let q = quotes(&a);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "Okafor's lawyer");
}

#[test]
fn according_to_a_statement_names_who_issued_it() {
    let a = analyze(
        "The two envoys agreed to meet again in March, according to a statement \
         from the Kenyan foreign ministry.",
    );
    let q = quotes(&a);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "Kenyan foreign ministry");
}

#[test]
fn a_second_speech_verb_after_and_reports_its_own_clause() {
    let a = analyze(
        "Councillor Mara Voss urged patience and said the city would publish \
         the audit by June.",
    );
    let q = quotes(&a);
    let said: Vec<_> = q.iter().filter(|x| x.2.starts_with("the city")).collect();
    assert_eq!(said.len(), 1, "{q:?}");
    assert_eq!(said[0].2, "the city would publish the audit by June");
    assert_eq!(said[0].1, "Mara Voss");
}

#[test]
fn a_title_then_a_comma_then_the_name_gives_the_role() {
    let a = analyze("The finance minister, Odile Marchetti, said the deficit would shrink.");
    let e = a.entities.iter().find(|e| e.name == "Odile Marchetti");
    assert_eq!(
        e.and_then(|e| e.role.as_deref()),
        Some("finance minister"),
        "{:?}",
        a.entities
    );
    let a = analyze("The shadow chancellor, Dev Okonkwo, called the plan reckless.");
    let e = a.entities.iter().find(|e| e.name == "Dev Okonkwo");
    assert_eq!(e.and_then(|e| e.role.as_deref()), Some("shadow chancellor"));
}

#[test]
fn a_long_appositive_still_leaves_the_speaker() {
    let a = analyze(
        "Mrs Okafor, a head teacher in Hull whose school shut two classrooms \
         last winter, said she had heard such promises before.",
    );
    let q = quotes(&a);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "Okafor");
    assert_eq!(q[0].2, "she had heard such promises before");
}

#[test]
fn a_known_city_is_no_people() {
    let a = analyze("The prime minister visited a primary school in Leeds on Thursday.");
    assert_eq!(kind_of(&a, "Leeds"), [EntityKind::Place]);
}

#[test]
fn a_dateline_or_a_time_opening_is_not_the_speaker() {
    let a = analyze(
        "CARDIFF, March 3 (Wire) — In reply to the report, the board's \
         chair rallied staff, saying: \"We will fix this.\"",
    );
    let q = quotes(&a);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "board's chair");
    let a = analyze(
        "Hours later, Minister Ilse Brandt hit back, telling a radio host, \
         \"Nobody here is hiding anything.\"",
    );
    let q = quotes(&a);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "Ilse Brandt");
}

#[test]
fn particles_stay_inside_a_name_and_may_open_it() {
    let a = analyze(
        "Commission President Ingrid van der Berg arrived in Lisbon on Friday.\n\
         Hours later van der Berg said the accord was close.",
    );
    let people: Vec<_> = a
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .collect();
    assert_eq!(people.len(), 1, "{people:?}");
    assert_eq!(people[0].name, "Ingrid van der Berg");
    let spans: Vec<&str> = people[0].mentions.iter().map(|m| m.of(&a.text)).collect();
    assert_eq!(spans, ["Ingrid van der Berg", "van der Berg"]);
}

#[test]
fn a_role_keeps_its_capitalised_and_institutional_qualifiers() {
    let role_of = |text: &str, name: &str| {
        let a = analyze(text);
        a.entities
            .iter()
            .find(|e| e.name == name)
            .and_then(|e| e.role.clone())
    };
    assert_eq!(
        role_of(
            "Kenyan Foreign Secretary Amina Odhiambo flew to Oslo.",
            "Amina Odhiambo"
        )
        .as_deref(),
        Some("Kenyan Foreign Secretary")
    );
    assert_eq!(
        role_of(
            "Chile's foreign ministry spokesperson Tomas Vidal urged calm.",
            "Tomas Vidal"
        )
        .as_deref(),
        Some("Chile's foreign ministry spokesperson")
    );
}

#[test]
fn a_given_name_before_a_country_makes_a_surname() {
    let a = analyze("The airline's chief executive Bob Jordan apologized on Monday.");
    assert_eq!(kind_of(&a, "Bob Jordan"), [EntityKind::Person]);
    assert!(
        kind_of(&a, "Jordan")
            .iter()
            .all(|k| *k == EntityKind::Person)
    );
    // the country alone stays a place
    let a = analyze("Officials in Jordan said the border was open.");
    assert_eq!(kind_of(&a, "Jordan"), [EntityKind::Place]);
}

#[test]
fn a_known_company_goes_by_its_first_word_unless_that_is_a_country() {
    let a = analyze(
        "Southwest Airlines said it would refund every ticket.\n\n\
         Southwest was studying the idea. Storms hit the Southwest on Friday.",
    );
    let airline: Vec<_> = a
        .entities
        .iter()
        .filter(|e| e.name == "Southwest Airlines")
        .collect();
    assert_eq!(airline.len(), 1);
    assert_eq!(airline[0].kind, EntityKind::Org);
    assert_eq!(airline[0].mentions.len(), 2, "{:?}", a.entities);
    // "the Southwest" is the region
    assert!(kind_of(&a, "Southwest").contains(&EntityKind::Place));
    let a = analyze("Air France cut flights. France said nothing.");
    assert_eq!(kind_of(&a, "France"), [EntityKind::Place]);
}

#[test]
fn holidays_are_dates() {
    let a = analyze("Thousands of flights were cancelled during the Christmas week.");
    assert_eq!(kind_of(&a, "Christmas"), [EntityKind::Date]);
    let a = analyze("The ferry to Christmas Island sails on Tuesdays.");
    assert_eq!(kind_of(&a, "Christmas Island"), [EntityKind::Place]);
}

#[test]
fn an_inner_word_of_an_organisation_vouches_for_no_name_opening_a_sentence() {
    let a = analyze(
        "Greg Lyle, president of the Pacific Timber Association, was angry.\n\n\
         Timber companies were less pleased.",
    );
    assert!(kind_of(&a, "Timber").is_empty(), "{:?}", a.entities);
    assert_eq!(kind_of(&a, "Pacific Timber Association"), [EntityKind::Org]);
}

#[test]
fn the_agency_after_a_dateline_is_no_acronym_of_the_city() {
    let a = analyze(
        "NEW DELHI (AP) — Officials met in New Delhi on Friday.\n\n\
         The World Health Organization (WHO) sent a team.",
    );
    let delhi = a
        .entities
        .iter()
        .find(|e| e.name.eq_ignore_ascii_case("New Delhi"));
    let delhi = delhi.expect("New Delhi");
    assert!(!delhi.aliases.iter().any(|x| x == "AP"), "{:?}", delhi);
    assert_eq!(kind_of(&a, "AP"), [EntityKind::Org]);
    // a bracketed acronym that fits its name still joins it
    let who: Vec<_> = a
        .entities
        .iter()
        .filter(|e| e.name == "World Health Organization")
        .collect();
    assert_eq!(who.len(), 1);
    assert!(who[0].aliases.iter().any(|x| x == "WHO"), "{:?}", who[0]);
}

#[test]
fn a_surname_before_jr_still_names_the_person() {
    let a = analyze(
        "President Ferdinand Marcos Jr. met the envoy on Tuesday.\n\n\
         Marcos told the envoy that the islands would stay open.",
    );
    let people: Vec<_> = a
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .collect();
    assert_eq!(people.len(), 1, "{people:?}");
    assert_eq!(people[0].mentions.len(), 2);
}

#[test]
fn shoals_and_reefs_are_places() {
    let a = analyze("Coast guard ships fired water cannons near Second Thomas Shoal on Monday.");
    assert_eq!(kind_of(&a, "Second Thomas Shoal"), [EntityKind::Place]);
}

#[test]
fn a_country_is_a_place_unless_the_text_reports_games() {
    let a = analyze(
        "Marcos told the envoy that the Philippines would not give up an inch of its \
         waters.\n\nThe Philippines and Vietnam signed a coast guard pact on Monday.",
    );
    assert_eq!(kind_of(&a, "Philippines"), [EntityKind::Place]);
}

fn role_of(a: &Analysis, name: &str) -> Option<String> {
    a.entities
        .iter()
        .find(|e| e.name == name)
        .and_then(|e| e.role.clone())
}

#[test]
fn a_role_keeps_the_nouns_that_qualify_its_title() {
    let a = analyze("European Union climate commissioner Wopke Hoekstra said the bloc would pay.");
    assert_eq!(
        role_of(&a, "Wopke Hoekstra").as_deref(),
        Some("European Union climate commissioner")
    );
    let a = analyze("Civil protection minister Nora Castell said the roads were closed.");
    assert_eq!(
        role_of(&a, "Nora Castell").as_deref(),
        Some("Civil protection minister")
    );
    // a verb before the title is no part of it
    let a = analyze("The crowd cheered as president Joe Biden arrived.");
    assert_eq!(role_of(&a, "Joe Biden").as_deref(), Some("president"));
    let a = analyze("Defense Secretary Lloyd Austin met President Ferdinand Marcos Jr. in Manila.");
    assert_eq!(
        role_of(&a, "Ferdinand Marcos Jr.").as_deref(),
        Some("President")
    );
}

#[test]
fn a_department_in_a_title_is_no_organisation() {
    let a = analyze("U.S. Defense Secretary Lloyd Austin arrived in Manila on Tuesday.");
    assert_eq!(
        role_of(&a, "Lloyd Austin").as_deref(),
        Some("U.S. Defense Secretary")
    );
    assert!(kind_of(&a, "Defense").is_empty(), "{:?}", a.entities);
    let a = analyze("India's External Affairs Minister Subrahmanyam Jaishankar spoke on Friday.");
    assert_eq!(
        role_of(&a, "Subrahmanyam Jaishankar").as_deref(),
        Some("India's External Affairs Minister")
    );
    assert!(
        kind_of(&a, "External Affairs").is_empty(),
        "{:?}",
        a.entities
    );
}

#[test]
fn an_appositive_role_stops_before_a_second_one_joined_by_and() {
    let a = analyze(
        "Ali Mohamed, Kenya's climate envoy and chair of the regional group, called the offer \
         a joke.",
    );
    assert_eq!(
        role_of(&a, "Ali Mohamed").as_deref(),
        Some("Kenya's climate envoy")
    );
}

#[test]
fn a_temperature_keeps_its_scale_and_an_agency_its_acronym() {
    let a = analyze("Temperatures stayed above 40 degrees Celsius for 10 days.");
    assert_eq!(kind_of(&a, "40 degrees Celsius"), [EntityKind::Quantity]);
    assert!(kind_of(&a, "Celsius").is_empty(), "{:?}", a.entities);
    let a =
        analyze("She told The Associated Press that the talks had failed. AP later confirmed it.");
    let ap: Vec<_> = a
        .entities
        .iter()
        .filter(|e| e.mentions.iter().any(|m| m.of(&a.text) == "AP"))
        .collect();
    assert_eq!(ap.len(), 1);
    assert_eq!(ap[0].mentions.len(), 2, "{:?}", a.entities);
}
