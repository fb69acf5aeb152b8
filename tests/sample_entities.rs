//! The sample article's cast, from the binary's JSON export.

use serde_json::Value;
mod common;

use common::sample_export as export;

fn entity<'a>(v: &'a Value, name: &str) -> &'a Value {
    v["entities"]
        .as_array()
        .and_then(|es| es.iter().find(|e| e["name"] == name))
        .unwrap_or_else(|| panic!("no entity named {name}"))
}

#[test]
fn the_cast_with_roles_and_mention_counts() {
    let v = export();
    let cast = [
        ("Antony Blinken", "US Secretary of State", 12),
        ("Xi Jinping", "Chinese President", 2),
        ("Wang Yi", "Taiwanese prime minister", 6),
        ("Wang Xiaohong", "minister of public safety", 1),
        ("Joe Biden", "US President", 2),
        ("Matthew Miller", "State Department spokesman", 1),
        ("Vladimir Putin", "Russian President", 1),
    ];
    for (name, role, count) in cast {
        let e = entity(&v, name);
        assert_eq!(e["kind"], "person", "{name}");
        assert_eq!(e["role"], role, "{name}");
        assert_eq!(
            e["mentions"].as_array().map(Vec::len),
            Some(count),
            "{name}"
        );
    }
    let people = v["entities"]
        .as_array()
        .map(|es| es.iter().filter(|e| e["kind"] == "person").count());
    assert_eq!(people, Some(7));
}

#[test]
fn places_groups_orgs_and_money() {
    let v = export();
    let us = entity(&v, "United States");
    assert_eq!(us["kind"], "place");
    assert_eq!(us["mentions"].as_array().map(Vec::len), Some(13));
    assert_eq!(
        entity(&v, "China")["mentions"].as_array().map(Vec::len),
        Some(19)
    );
    assert_eq!(entity(&v, "Southeast Asian")["kind"], "group");
    assert_eq!(entity(&v, "State Department")["kind"], "org");
    assert_eq!(entity(&v, "Indo-Pacific")["kind"], "place");
    let money = entity(&v, "$95 billion");
    let text = v["text"].as_str().unwrap_or_default();
    let m = &money["mentions"][0];
    let (s, e) = (
        m["start"].as_u64().unwrap_or(0) as usize,
        m["end"].as_u64().unwrap_or(0) as usize,
    );
    assert_eq!(&text[s..e], "$ 95 billion");
    assert_eq!(entity(&v, "May")["kind"], "date");
}

#[test]
fn the_shared_surname_is_reported_where_no_rule_decides() {
    let v = export();
    let wang = entity(&v, "Wang Yi");
    let ambiguous = wang["ambiguous"].as_array().map(Vec::len).unwrap_or(0);
    assert!(ambiguous >= 1, "{wang}");
    let xiaohong = entity(&v, "Wang Xiaohong");
    assert_eq!(wang["ambiguous"][0]["candidates"][0], xiaohong["id"]);
}
