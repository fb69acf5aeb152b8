//! The role gloss gives a person: a title before the name, a description
//! before its comma, an appositive after it; and what is no role (a verb
//! phrase after the comma). The sentences are written for these tests.

use gloss::analysis::analyze;

fn role_of(text: &str, name: &str) -> Option<String> {
    let a = analyze(text);
    a.entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no {name} in {:?}", a.entities))
        .role
        .clone()
}

#[test]
fn a_verb_phrase_after_the_comma_is_no_role() {
    // "candidate" is a title, but it ends a clause that "told" opens
    let role = role_of(
        "The mayor's aide, Rosa Tillman, told reporters the late count would favour \
         her candidate.",
        "Rosa Tillman",
    );
    assert_eq!(role.as_deref(), Some("aide"));
    let role = role_of(
        "Rosa Tillman, added that the count would favour her candidate.",
        "Rosa Tillman",
    );
    assert_eq!(role, None);
}

#[test]
fn a_person_s_possessive_opens_the_role_before_a_comma() {
    let role = role_of(
        "Dana Whitlock leads the race. Whitlock's campaign manager, Evan Roth, said the \
         rural votes were still out.",
        "Evan Roth",
    );
    assert_eq!(role.as_deref(), Some("Whitlock's campaign manager"));
}

#[test]
fn local_office_titles_are_roles() {
    assert_eq!(
        role_of(
            "Councilwoman Ada Ferris voted against the budget.",
            "Ada Ferris"
        )
        .as_deref(),
        Some("Councilwoman")
    );
    assert_eq!(
        role_of("County Sheriff Walt Brody closed the road.", "Walt Brody").as_deref(),
        Some("County Sheriff")
    );
}
