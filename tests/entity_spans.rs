//! Property: every mention is inside the text, on char boundaries, and the
//! mentions of one entity never overlap.

use gloss::analysis::{Document, entities::recognize};
use proptest::prelude::*;

/// Words that exercise names, titles, money, dates, quotes and odd characters.
const PIECES: &[&str] = &[
    "President",
    "Anna",
    "Kowalski",
    "Kowalski’s",
    "US",
    "U.S.",
    "the",
    "said",
    "Beijing’s",
    "$",
    "95",
    "billion",
    "€3.2bn",
    "in",
    "May",
    "Friday",
    "“",
    "”",
    "\"",
    ",",
    ".",
    "\n",
    "Ministry",
    "of",
    "Health",
    "(WHO)",
    "World",
    "Health",
    "Organization",
    "Chinese",
    "Wang",
    "Yi",
    "about",
    "5",
    "1/2",
    "days",
    "ÉCOLE",
    "Zoë",
    "Łódź",
    "日本",
    "—",
    "-",
    "'s",
    "SOUTH",
    "CHINA",
    "SEA",
    "State",
    "Department",
    "spokesman",
    "administration",
];

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec((0..PIECES.len(), prop::bool::ANY), 0..60).prop_map(|v| {
        let mut s = String::new();
        for (i, space) in v {
            s.push_str(PIECES[i]);
            if space {
                s.push(' ');
            }
        }
        s
    })
}

proptest! {
    #[test]
    fn mentions_are_well_formed(text in article()) {
        let doc = Document::new(&text);
        let entities = recognize(&doc);
        for (i, e) in entities.iter().enumerate() {
            prop_assert_eq!(e.id, i);
            for m in &e.mentions {
                prop_assert!(m.start < m.end && m.end <= text.len());
                prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            }
            for w in e.mentions.windows(2) {
                prop_assert!(w[0].end <= w[1].start, "overlap in {:?}", e);
            }
        }
    }
}
