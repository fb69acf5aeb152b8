//! The indexes linking reads before its pass in text order: acronyms
//! and initials, companies by their first word, places and organisations
//! named in one word, people by the words of their full names. Each is
//! built in one pass over the mentions; linking itself is in [`super`].

use super::super::gazetteer::{PhraseKind, push_lower};
use super::{Groups, Mention, Surfaces, initials_into, name_words, other_key_into, plain_key_into};
use crate::analysis::EntityKind;
use rustc_hash::{FxHashMap, FxHashSet};

/// Acronyms defined in the text ("the Foo Bar Council (FBC)") and the
/// initials of multi-word names of places and organisations, each with
/// the kind and key of the name it stands for. (`key`, `key2`: buffers.)
pub(super) fn acronyms(
    text: &str,
    mentions: &[Mention],
    surfaces: &Surfaces,
    key: &mut String,
    key2: &mut String,
) -> FxHashMap<String, (EntityKind, String)> {
    // acronyms defined in the text, and initials of multi-word names (the
    // first name with given initials keeps them: each surface is read once)
    let mut acronym_of: FxHashMap<String, (EntityKind, String)> = FxHashMap::default();
    let mut initials_read = surfaces.each(false);
    for (i, m) in mentions.iter().enumerate() {
        if !matches!(m.kind, EntityKind::Org | EntityKind::Place) {
            continue;
        }
        let surface = m.span.of(text);
        if !surface.contains(' ') {
            continue;
        }
        // "... (WHO)": the next mention is the acronym in brackets
        if let Some(next) = mentions.get(i + 1) {
            let between = text.get(m.span.end..next.span.start).unwrap_or("");
            let after = text.get(next.span.end..).unwrap_or("");
            // ... but "NEW DELHI (AP)" is a dateline: the letters must agree
            let first_letter = |s: &str| {
                s.chars()
                    .find(|c| c.is_alphanumeric())
                    .map(|c| c.to_ascii_uppercase())
            };
            if between.trim() == "("
                && after.trim_start().starts_with(')')
                && first_letter(surface) == first_letter(next.span.of(text))
            {
                other_key_into(key, m, text);
                plain_key_into(key2, next.span.of(text));
                acronym_of.insert(key2.clone(), (m.kind, key.clone()));
            }
        }
        if std::mem::replace(&mut initials_read[surfaces.of[i] as usize], true) {
            continue;
        }
        initials_into(key2, surface);
        if key2.chars().count() >= 2 && !acronym_of.contains_key(key2.as_str()) {
            other_key_into(key, m, text);
            acronym_of.insert(key2.clone(), (m.kind, key.clone()));
        }
    }

    acronym_of
}

/// Companies closed by their suffix ("Veltrix Semiconductor Inc.") or
/// known to the lists, by their first word, each with its group.
pub(super) fn companies<'t>(
    text: &'t str,
    mentions: &[Mention],
    groups: &mut Groups,
    key: &mut String,
) -> FxHashMap<&'t str, usize> {
    // companies closed by their suffix ("Veltrix Semiconductor Inc."): a
    // later "Veltrix" alone is the company, whatever the tagger thought
    let lex = super::super::gazetteer::lexicon();
    let mut company_of: FxHashMap<&str, usize> = FxHashMap::default();
    // the same words with the same canonical name decide the same way
    let mut company_read: FxHashSet<(&str, Option<&str>)> = FxHashSet::default();
    for m in mentions {
        if m.kind != EntityKind::Org {
            continue;
        }
        let surface = m.span.of(text);
        if !company_read.insert((surface, m.canonical.as_deref())) {
            continue;
        }
        let mut words = surface.split_whitespace();
        let (Some(first), Some(last)) = (words.next(), words.next_back()) else {
            continue;
        };
        let plain_first = first.chars().next().is_some_and(char::is_uppercase)
            && first
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '&')
            && {
                key.clear();
                push_lower(key, first);
                let facts = lex.word(key);
                // a region's name may open a company's ("Southwest
                // Airlines"), a country's or a people's may not ("Air
                // France", "American Airlines")
                !facts.is_common()
                    && !facts.is_org_head()
                    && facts
                        .phrase(lex)
                        .is_none_or(|p| p.kind == PhraseKind::Region)
            };
        // a company the lists know ("Deutsche Bank") goes by its first word too
        let known_company = m.known == Some(PhraseKind::Org);
        if plain_first
            && (known_company || {
                key.clear();
                push_lower(key, last);
                lex.word(key).is_org_suffix()
            })
        {
            other_key_into(key, m, text);
            let g = groups.intern(EntityKind::Org, key);
            company_of.entry(first).or_insert(g);
        }
    }

    company_of
}

/// Places and organisations named in one word, with their kind and key.
pub(super) fn places_and_orgs(
    text: &str,
    mentions: &[Mention],
    surfaces: &Surfaces,
    key: &mut String,
) -> Vec<Option<(EntityKind, String)>> {
    // places and organisations named in one word: a lone guess that a
    // word of the same spelling is a person ("In Chandler, ..."; "Chandler
    // has come back") joins them
    let mut place_or_org = surfaces.each(None);
    for (m, &sid) in mentions.iter().zip(&surfaces.of) {
        if matches!(m.kind, EntityKind::Place | EntityKind::Org) && !m.span.of(text).contains(' ') {
            place_or_org[sid as usize].get_or_insert_with(|| {
                other_key_into(key, m, text);
                (m.kind, key.clone())
            });
        }
    }

    place_or_org
}

/// People by the first and last words of their full names: each full
/// name gets its group (in `group_of` for its mentions); the word maps to
/// the groups (and whether it is their last word).
pub(super) fn full_names(
    text: &str,
    mentions: &[Mention],
    surfaces: &Surfaces,
    groups: &mut Groups,
    group_of: &mut [usize],
    key: &mut String,
    key2: &mut String,
) -> FxHashMap<String, Vec<(usize, bool)>> {
    // people: full names first; the same words give the same group, so
    // each distinct full name is read once
    let mut person_by_word: FxHashMap<String, Vec<(usize, bool)>> = FxHashMap::default(); // word -> (group, is_last_word)
    // per surface: the group of its full name, once read (a single word
    // has none)
    let mut full_name_group: Vec<Option<Option<usize>>> = surfaces.each(None);
    let mut words: Vec<&str> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if m.kind != EntityKind::Person {
            continue;
        }
        let read = &mut full_name_group[surfaces.of[i] as usize];
        if let Some(known) = *read {
            if let Some(g) = known {
                group_of[i] = g;
            }
            continue;
        }
        *read = Some(None);
        words.clear();
        words.extend(name_words(text, m));
        let n = words.len();
        if n >= 2 {
            // the name in lowercase; its first and last words are its ends
            key.clear();
            let mut first_end = 0;
            for (wi, w) in words.iter().enumerate() {
                if wi > 0 {
                    key.push(' ');
                }
                let start = key.len();
                push_lower(key, w);
                if wi == 0 {
                    first_end = key.len();
                } else if wi + 1 == n {
                    key2.clear();
                    key2.push_str(&key[start..]);
                }
            }
            let g = groups.intern(EntityKind::Person, key);
            group_of[i] = g;
            full_name_group[surfaces.of[i] as usize] = Some(Some(g));
            for (word, is_last) in [(&key[..first_end], false), (key2.as_str(), true)] {
                let list = match person_by_word.get_mut(word) {
                    Some(list) => list,
                    None => person_by_word.entry(word.to_owned()).or_default(),
                };
                if !list.iter().any(|(x, _)| *x == g) {
                    list.push((g, is_last));
                }
            }
        }
    }

    person_by_word
}
