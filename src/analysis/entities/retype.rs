//! Second thoughts on a name the tagger calls a person or a place, from the
//! words around it and in it: "Spanish newspaper Marca" names a
//! publication, "Norfolk Southern" (a place and a compass adjective, no
//! given name) a company. Only the tagger's names are read here; the
//! rules' firm readings (a title before the name, an appositive) are never
//! changed.

use super::EntityKind;
use super::words::Words;
use std::ops::Range;

/// Lowercase nouns that, right before a name, say it is an organisation or
/// an outlet ("the broadcaster BBC", "Spanish club Sevilla").
const OUTLET_NOUNS: &[&str] = &[
    "newspaper",
    "daily",
    "tabloid",
    "magazine",
    "weekly",
    "broadcaster",
    "network",
    "channel",
    "website",
    "outlet",
    "agency",
    "company",
    "firm",
    "carrier",
    "airline",
    "lender",
    "insurer",
    "retailer",
    "club",
    "side",
    "team",
    "group",
    "party",
    "startup",
    "bank",
];

/// Adjectives that end companies' names and no person's ("Norfolk
/// Southern", "Canadian Pacific", "General Electric" does not need it).
const COMPANY_ENDINGS: &[&str] = &[
    "southern",
    "northern",
    "western",
    "eastern",
    "pacific",
    "atlantic",
    "continental",
    "national",
    "international",
    "global",
    "united",
    "central",
];

/// The kind of a tagged name over words `r`, given the tagger's `kind`.
pub fn tagged_kind(ws: &Words<'_>, r: Range<usize>, kind: EntityKind) -> EntityKind {
    if !matches!(kind, EntityKind::Person | EntityKind::Place) || r.is_empty() {
        return kind;
    }
    let after_outlet_noun = r.start > 0
        && ws.words[r.start - 1].sentence == ws.words[r.start].sentence
        && OUTLET_NOUNS.contains(&ws.key(r.start - 1));
    let company_ending = kind == EntityKind::Person
        && r.len() >= 2
        && COMPANY_ENDINGS.contains(&ws.key(r.end - 1))
        && !ws.words[r.start].facts.is_given_name();
    if after_outlet_noun || company_ending {
        EntityKind::Org
    } else {
        kind
    }
}
