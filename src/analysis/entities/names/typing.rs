//! Typing one run of capitalised words: person, organisation, place or
//! group, by its words and its context (a title before it, an appositive
//! after it, an organisation word, a place's head word, a preposition of
//! place). Finding the runs belongs to [`super`].

use super::*;

/// Prepositions after which an unknown single name is a place ("in Arbil").
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "near", "outside", "into", "across", "towards", "toward",
];

/// Last words that make a name a place ("Market Street", "Dover Strait").
const PLACE_HEADS: &[&str] = &[
    "street",
    "st.",
    "avenue",
    "ave.",
    "road",
    "boulevard",
    "blvd.",
    "lane",
    "highway",
    "square",
    "bridge",
    "river",
    "lake",
    "bay",
    "strait",
    "peninsula",
    "island",
    "islands",
    "valley",
    "canyon",
    "mountains",
    "desert",
    "harbor",
    "harbour",
    "canal",
    "county",
    "province",
    "airport",
    "plaza",
    "shoal",
    "reef",
    "atoll",
    "gulf",
    "sea",
    "ocean",
    "mountain",
    "glacier",
    "stadium",
    "arena",
];

/// Lowercase words after a name that make it an organisation ("the Biden
/// administration").
const ORG_AFTER_NAME: &[&str] = &["administration"];
/// True for a word written with an inner capital ("TikTok", "YouTube").
fn is_camel(s: &str) -> bool {
    if s.is_ascii() {
        let rest = s.as_bytes().get(1..).unwrap_or(&[]);
        return rest.iter().any(u8::is_ascii_lowercase) && rest.iter().any(u8::is_ascii_uppercase);
    }
    let mut chars = s.chars();
    chars.next();
    let rest = chars.as_str();
    rest.chars().any(char::is_lowercase) && rest.chars().any(char::is_uppercase)
}

/// Most words of an appositive before its title.
const MAX_WORDS_BEFORE_TITLE: usize = 6;

/// A title follows the name as an appositive: "Wang Xiaohong, the minister of ...".
pub fn appositive_title(
    ws: &Words<'_>,
    lex: &Lexicon,
    after: usize,
    end: usize,
) -> Option<Range<usize>> {
    if after >= end || ws.text_of(after) != "," {
        return None;
    }
    let mut i = after + 1;
    if i < end
        && matches!(
            ws.key(i),
            "the" | "a" | "an" | "his" | "her" | "its" | "their"
        )
    {
        i += 1;
    }
    let start = i;
    let mut has_title = false;
    let mut j = i;
    while j < end && j < start + 10 {
        let w = &ws.words[j];
        // "Kenya's climate envoy": a possessive clitic stays inside
        let clitic = matches!(ws.key(j), "'s" | "’s");
        if (w.shape == Shape::Punct || w.shape == Shape::Number) && !clitic {
            break;
        }
        // "Kenya's climate envoy and chair of ...": the first title
        // described is the role
        if has_title && ws.key(j) == "and" {
            return Some(start..j);
        }
        // "Ortiz, told reporters ...": a verb, no appositive
        if matches!(
            ws.key(j),
            "who"
                | "which"
                | "that"
                | "said"
                | "says"
                | "and"
                | "told"
                | "tells"
                | "added"
                | "asked"
                | "wrote"
                | "warned"
                | "noted"
        ) {
            return None;
        }
        // the title heads a short noun phrase ("the state's top election
        // official"), not the end of a clause
        if !has_title && j < start + MAX_WORDS_BEFORE_TITLE && title_at(ws, lex, j, end).is_some() {
            has_title = true;
        }
        j += 1;
    }
    let closes = j >= end || matches!(ws.text_of(j), "," | "." | ";" | ")" | "”" | "\"");
    (has_title && closes && j > start).then_some(start..j)
}

/// Types one name run by its words and context; `None` when it is no name.
pub(super) fn type_name(
    ws: &Words<'_>,
    lex: &Lexicon,
    r: Range<usize>,
    after_title: bool,
    sentence_end: usize,
) -> Option<Mention> {
    let is_name_word = |i: usize| !is_connector(ws, i) && ws.words[i].shape != Shape::Punct;
    // one name word (most runs): nothing to trim, and it is the name
    let one_word = r.len() == 1 && is_name_word(r.start);
    let r = if one_word { r } else { trim(ws, r) };
    if r.is_empty() {
        return None;
    }
    // the name words (no connectors, no marks), read in a few passes
    let names = || r.clone().filter(|&i| one_word || is_name_word(i));
    // the first pass: how many, the first and last, their shapes
    let (mut n, mut first, mut last) = (0, None, 0);
    let (mut all_capitalized, mut all_upper) = (true, true);
    for i in names() {
        n += 1;
        first.get_or_insert(i);
        last = i;
        all_capitalized &= ws.words[i].shape == Shape::Capitalized;
        all_upper &= ws.words[i].shape == Shape::Upper;
    }
    let first = first?;
    let key = |i: usize| ws.key(i);
    let facts = |i: usize| ws.facts(i);
    let mention = |kind, evidence, words: Range<usize>| Mention {
        span: ws.span_of(words.clone()),
        kind,
        words,
        canonical: None,
        known: None,
        evidence,
        opens: false,
    };
    // "Ursula von der Leyen", "von der Leyen": particles inside or before a
    // surname make a person's name the tagger would cut
    let particle_name =
        all_capitalized && (r.start..r.end).any(|i| particles_before_name(ws, i, r.end));
    if particle_name {
        return Some(mention(EntityKind::Person, Evidence::Firm, r));
    }
    // "the Biden administration"
    if r.end < sentence_end && ORG_AFTER_NAME.contains(&key(r.end)) && n <= 2 {
        return Some(mention(EntityKind::Org, Evidence::Firm, r.start..r.end + 1));
    }
    // "Market Street", "Piscataqua River": the last word says it is a place
    if n >= 2 && PLACE_HEADS.contains(&key(last)) && ws.words[last].shape == Shape::Capitalized {
        return Some(mention(EntityKind::Place, Evidence::Firm, r));
    }
    let org_word =
        facts(last).is_org_suffix() || (n >= 2 && names().any(|i| facts(i).is_org_head()));
    if org_word {
        return Some(mention(EntityKind::Org, Evidence::Context, r));
    }
    if n == 1 && facts(first).is_org_head() {
        // "Department", "Government" alone are no names
        return None;
    }
    if after_title {
        return Some(mention(EntityKind::Person, Evidence::Firm, r));
    }
    // (the plain capitalised word first: most name words are one, and it
    // is read without a call)
    let looks_like_name = names().all(|i| {
        (ws.words[i].shape == Shape::Capitalized
            && !facts(i).is_common()
            && !key(i).is_empty()
            && !one_char(key(i)))
            || is_initial(ws, i)
            || is_particle(ws, i)
    });
    if n >= 2 && looks_like_name {
        let given = facts(first).is_given_name();
        let surname = n <= 4
            && (facts(last).surname_rank().is_some() || facts(first).surname_rank().is_some());
        if given || surname {
            return Some(mention(EntityKind::Person, Evidence::Context, r));
        }
    }
    if looks_like_name && appositive_title(ws, lex, r.end, sentence_end).is_some() {
        return Some(mention(EntityKind::Person, Evidence::Firm, r));
    }
    let text = ws.span_of(r.clone()).of(ws.text);
    // single letters and runs of short codes in capitals ("W L PCT") are no names
    if names().all(|i| one_char(key(i)) || is_initial(ws, i)) {
        return None;
    }
    if n >= 2 && all_upper {
        return None;
    }
    if n == 1 {
        let w = &ws.words[first];
        // "Arab-Israeli": peoples joined by hyphens
        let peoples = text.contains('-')
            && text.split('-').all(|p| {
                lex.phrase(&crate::analysis::entities::gazetteer::key_of(p))
                    .is_some_and(|k| k.kind == PhraseKind::Group)
            });
        if peoples {
            return Some(Mention {
                known: Some(PhraseKind::Group),
                ..mention(EntityKind::Group, Evidence::Known, r)
            });
        }
        if w.shape == Shape::Upper || is_camel(text) {
            return Some(mention(EntityKind::Org, Evidence::Guess, r));
        }
        if facts(first).is_common() {
            return None;
        }
        // "in Arbil": after a preposition of place
        let before = r.start.checked_sub(1).map(key).unwrap_or("");
        if PLACE_PREPOSITIONS.contains(&before) {
            return Some(mention(EntityKind::Place, Evidence::Guess, r));
        }
        return Some(mention(EntityKind::Person, Evidence::Guess, r));
    }
    let kind = if looks_like_name {
        EntityKind::Person
    } else {
        EntityKind::Org
    };
    Some(mention(kind, Evidence::Guess, r))
}
