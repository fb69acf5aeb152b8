//! The sample article's quotes and speakers, checked through the binary's
//! JSON export (`gloss --json`).
//!
//! Speakers are compared by name: the speaker entity's name when the quote
//! is linked to one, else `speaker_name`; a surname alone ("Blinken") counts
//! for the full name.

use serde_json::Value;
mod common;

use common::sample_export as export;

/// (kind, content, speaker name, addressee name) of every quote.
fn quotes(json: &Value) -> Vec<(String, String, String, String)> {
    let text = json["text"].as_str().expect("text").as_bytes();
    let name_of = |id: &Value| -> Option<String> {
        let id = id.as_u64()?;
        json["entities"]
            .as_array()?
            .iter()
            .find(|e| e["id"].as_u64() == Some(id))
            .and_then(|e| e["name"].as_str())
            .map(str::to_string)
    };
    json["quotes"]
        .as_array()
        .expect("quotes")
        .iter()
        .map(|q| {
            let s = q["start"].as_u64().expect("start") as usize;
            let e = q["end"].as_u64().expect("end") as usize;
            let content = String::from_utf8_lossy(&text[s..e]).trim().to_string();
            let speaker = name_of(&q["speaker"])
                .or_else(|| q["speaker_name"].as_str().map(str::to_string))
                .unwrap_or_default();
            let addressee = name_of(&q["addressee"]).unwrap_or_default();
            (
                q["kind"].as_str().unwrap_or("").to_string(),
                content,
                speaker,
                addressee,
            )
        })
        .collect()
}

fn same_person(got: &str, want: &str) -> bool {
    !got.is_empty() && (got == want || want.ends_with(&format!(" {got}")))
}

#[test]
fn the_sample_quotes_have_their_speakers() {
    let json = export();
    let found = quotes(&json);
    let expected = [
        (
            "direct",
            "We are committed to maintaining",
            "Antony Blinken",
        ),
        (
            "partial",
            "any misunderstandings, any misconceptions",
            "Antony Blinken",
        ),
        ("direct", "Total, the China- US marriage", "Wang Yi"),
        (
            "direct",
            "The relationship is still experiencing",
            "Wang Yi",
        ),
        (
            "unmarked",
            "If China and the United States continue",
            "Wang Yi",
        ),
        (
            "direct",
            "China’s genuine development privileges",
            "Wang Yi",
        ),
        ("direct", "China’s problems are continuous.", "Wang Yi"),
        ("indirect", "even on contentious issues", "Antony Blinken"),
        (
            "indirect",
            "negotiations would continue to be difficult",
            "Antony Blinken",
        ),
        (
            "direct",
            "I look forward to these discussions",
            "Antony Blinken",
        ),
        (
            "direct",
            "I have no doubt you will do the same",
            "Antony Blinken",
        ),
        (
            "direct",
            "There is no substitute in our judgement",
            "Antony Blinken",
        ),
        (
            "partial",
            "in-depth, substantive, and constructive",
            "State Department",
        ),
        (
            "partial",
            "emphasized that the US will continue",
            "Matthew Miller",
        ),
        (
            "indirect",
            "Moscow has been able to evade",
            "Biden administration",
        ),
        (
            "indirect",
            "he would travel to China in May",
            "Vladimir Putin",
        ),
        ("indirect", "China’s relations with Russia", "US officials"),
    ];
    for (kind, start, speaker) in expected {
        let q = found
            .iter()
            .find(|q| q.1.starts_with(start))
            .unwrap_or_else(|| panic!("no quote starting {start:?} in {found:#?}"));
        assert_eq!(q.0, kind, "kind of {start:?}");
        assert!(
            same_person(&q.2, speaker),
            "speaker of {start:?}: {:?}, want {speaker:?}",
            q.2
        );
    }
}

#[test]
fn the_sample_quotes_come_in_text_order() {
    let json = export();
    let starts: Vec<u64> = json["quotes"]
        .as_array()
        .expect("quotes")
        .iter()
        .map(|q| q["start"].as_u64().expect("start"))
        .collect();
    assert!(starts.len() >= 17, "{starts:?}");
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "{starts:?}");
}

#[test]
fn the_sample_addressees_when_entities_are_known() {
    let json = export();
    let has_people = json["entities"]
        .as_array()
        .is_some_and(|e| e.iter().any(|e| e["kind"] == "person"));
    if !has_people {
        return; // addressees are entity ids: nothing to check without entities
    }
    let found = quotes(&json);
    let to = |start: &str| {
        found
            .iter()
            .find(|q| q.1.starts_with(start))
            .map(|q| q.3.clone())
            .unwrap_or_default()
    };
    assert!(same_person(
        &to("Total, the China- US marriage"),
        "Antony Blinken"
    ));
    assert!(same_person(
        &to("I look forward to these discussions"),
        "Wang Yi"
    ));
    assert!(same_person(
        &to("I have no doubt you will do the same"),
        "Wang Yi"
    ));
}
