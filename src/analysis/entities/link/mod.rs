//! Linking: which mentions name the same referent.
//!
//! Entry point: [`link`]. It gives every mention an entity, in one pass over
//! the mentions in text order plus a pass over the people's full names, with
//! hash indexes (no loop over mentions × entities):
//!
//! - people: a full name ("Antony Blinken") is an entity; a single word
//!   ("Blinken", "Xi") joins the person whose surname (last word) it is, or
//!   failing that whose first word it is ("Xi" of "Xi Jinping"). When two
//!   people share it ("Wang" of Wang Yi and Wang Xiaohong), the rule is: the
//!   one mentioned most often so far wins; on a tie, the one introduced
//!   first. A tie is reported in [`Entity::ambiguous`] with the other
//!   candidates.
//! - everything else by its canonical key: the gazetteer's canonical name
//!   ("US", "U.S.", "America" -> United States), or the words themselves.
//!   An acronym defined in the text ("the Foo Bar Council (FBC)") or equal
//!   to the initials of a name in the text joins that name.
//!
//! The entity's name is the fullest form in the text; the other forms are
//! its aliases. Entities are ordered by kind, then by first mention.

//!
//! The indexes read before the pass in text order (acronyms, companies,
//! one-word places, people's full names) are in [`indexes`]; turning the
//! groups into entities with their names and aliases is in [`naming`].

mod indexes;
mod naming;

use super::gazetteer::{PhraseKind, push_lower};
use super::{Evidence, Mention};
use crate::analysis::{Entity, EntityKind};
use indexes::{acronyms, companies, full_names, places_and_orgs};
use naming::into_entities;
use rustc_hash::FxHashMap;

/// The entities and, for each mention (by index), its entity id.
pub struct Linked {
    pub entities: Vec<Entity>,
    pub entity_of: Vec<usize>,
}

/// The groups of mentions found so far (a group becomes an entity) and
/// what each links by: its kind and its key (see [`other_key_into`]), looked up
/// without building a key per mention.
#[derive(Default)]
struct Groups {
    kinds: Vec<EntityKind>,
    /// Per kind (by its index in [`EntityKind`]), the group of each key.
    by_key: [FxHashMap<String, usize>; 7],
}

impl Groups {
    /// The group of `kind` and `key`, made when new.
    fn intern(&mut self, kind: EntityKind, key: &str) -> usize {
        let map = &mut self.by_key[kind as usize];
        if let Some(&g) = map.get(key) {
            return g;
        }
        self.kinds.push(kind);
        let g = self.kinds.len() - 1;
        map.insert(key.to_owned(), g);
        g
    }
}

/// Each mention's surface (its words as written) numbered, the same words
/// wherever they recur one number: what is decided once per surface is
/// kept in vectors indexed by it, not hashed again for every mention.
struct Surfaces {
    /// The number of each mention's surface.
    of: Vec<u32>,
    /// How many distinct surfaces there are.
    count: usize,
}

impl Surfaces {
    fn number(text: &str, mentions: &[Mention]) -> Surfaces {
        let mut numbers: FxHashMap<&str, u32> =
            FxHashMap::with_capacity_and_hasher(mentions.len() / 4, Default::default());
        let of = mentions
            .iter()
            .map(|m| {
                let next = numbers.len() as u32;
                *numbers.entry(m.span.of(text)).or_insert(next)
            })
            .collect();
        Surfaces {
            of,
            count: numbers.len(),
        }
    }

    /// A vector of `value` per surface.
    fn each<T: Clone>(&self, value: T) -> Vec<T> {
        vec![value; self.count]
    }
}

/// The name words of a mention as written ("Antony", "Blinken"): its
/// capitalised words without the marks around them.
fn name_words<'t>(text: &'t str, m: &Mention) -> impl Iterator<Item = &'t str> + Clone {
    m.span
        .of(text)
        .split(|c: char| c.is_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty() && w.chars().next().is_some_and(char::is_uppercase))
        // "Ferdinand Marcos Jr.": the generation is no part of the surname
        .filter(|w| !matches!(*w, "Jr" | "Sr" | "II" | "III" | "IV" | "JR" | "SR"))
}

/// Writes the key of `text` to `out` (cleared first): its words in
/// lowercase without full stops, joined by single spaces.
fn plain_key_into(out: &mut String, text: &str) {
    out.clear();
    if text.is_ascii() && !text.contains(['.', '\n', '\t', '\r']) && !text.contains("  ") {
        push_lower(out, text);
        return;
    }
    for w in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in w.chars().filter(|c| *c != '.') {
            out.extend(c.to_lowercase());
        }
    }
}

/// Writes the initials of the capitalised words to `out` (cleared first):
/// "World Health Organization" -> "who".
fn initials_into(out: &mut String, text: &str) {
    out.clear();
    // "The Associated Press" is "AP"
    let text = text.strip_prefix("The ").unwrap_or(text);
    out.extend(
        text.split(|c: char| c.is_whitespace() || c == '-')
            .filter_map(|w| w.chars().next())
            .filter(|c| c.is_uppercase())
            .flat_map(char::to_lowercase),
    );
}

/// True when the word before byte `at` is "the".
fn after_the(text: &str, at: usize) -> bool {
    text.get(..at).is_some_and(|before| {
        before
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("the"))
    })
}

/// Links `mentions` (sorted by start, not overlapping) into entities.
pub fn link(text: &str, mentions: &[Mention]) -> Linked {
    let n = mentions.len();
    // provisional group per mention, then renumbered by kind and position
    let mut group_of: Vec<usize> = vec![usize::MAX; n];
    let mut groups = Groups::default();
    let mut ambiguous: Vec<(usize, Vec<usize>)> = Vec::new(); // (mention, other groups)
    // keys are written to these buffers, not allocated per mention
    let mut key = String::new();
    let mut key2 = String::new();

    let surfaces = Surfaces::number(text, mentions);
    let acronym_of = acronyms(text, mentions, &surfaces, &mut key, &mut key2);
    let company_of = companies(text, mentions, &mut groups, &mut key);
    let place_or_org = places_and_orgs(text, mentions, &surfaces, &mut key);
    let person_by_word = full_names(
        text,
        mentions,
        &surfaces,
        &mut groups,
        &mut group_of,
        &mut key,
        &mut key2,
    );

    // then everything in text order; the same words of the same kind link
    // the same way, so each distinct surface is keyed once
    let mut surface_group: FxHashMap<(EntityKind, u32), usize> = FxHashMap::default();
    // per surface: the company its word names, once looked up (see
    // [`companies`]), and what it is as a single name word of a person
    let mut company: Vec<Option<Option<usize>>> = surfaces.each(None);
    let mut person_word: Vec<Option<PersonWord<'_>>> = surfaces.each(None);
    // per group: its mentions so far, and its first mention
    let mut count: Vec<usize> = Vec::new();
    let mut first_seen: Vec<usize> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        // a region's name alone after its company's full name is the
        // company ("Southwest was studying"), unless it reads as the region
        // ("the Southwest")
        let region_word = m.known == Some(PhraseKind::Region);
        let sid = surfaces.of[i];
        if group_of[i] == usize::MAX
            && (!matches!(m.evidence, Evidence::Known | Evidence::Firm) || region_word)
            && let Some(g) = *company[sid as usize]
                .get_or_insert_with(|| company_of.get(m.span.of(text)).copied())
            && !(m.kind == EntityKind::Place && after_the(text, m.span.start))
        {
            group_of[i] = g;
        }
        if group_of[i] == usize::MAX {
            let g = match m.kind {
                EntityKind::Person => {
                    // a single name word (full names got their group above)
                    let word = person_word[sid as usize].get_or_insert_with(|| {
                        key.clear();
                        if let Some(w) = name_words(text, m).last() {
                            push_lower(&mut key, w);
                        }
                        PersonWord {
                            people: person_by_word.get(key.as_str()).map_or(&[], Vec::as_slice),
                            key: key.clone(),
                            place: place_or_org[sid as usize].as_ref(),
                        }
                    });
                    let weak = matches!(m.evidence, Evidence::Guess | Evidence::Tagger);
                    let place = word.place.filter(|_| weak);
                    match (best_person(word.people, &count, &first_seen), place) {
                        (None, Some((kind, name))) => groups.intern(*kind, name),
                        (None, None) => groups.intern(EntityKind::Person, &word.key),
                        (Some((best, tied)), _) => {
                            if !tied.is_empty() {
                                ambiguous.push((i, tied));
                            }
                            best
                        }
                    }
                }
                _ => {
                    let surface = m.span.of(text);
                    if let Some(&g) = surface_group.get(&(m.kind, sid)) {
                        group_of[i] = g;
                        count_mention(&mut count, &mut first_seen, g, i);
                        continue;
                    }
                    let acronym = if surface.contains(' ') {
                        None
                    } else {
                        plain_key_into(&mut key2, surface);
                        acronym_of
                            .get(key2.as_str())
                            .filter(|(kind, _)| *kind == m.kind || m.kind == EntityKind::Org)
                    };
                    let g = match acronym {
                        Some((kind, name)) => groups.intern(*kind, name),
                        None => {
                            other_key_into(&mut key, m, text);
                            groups.intern(m.kind, &key)
                        }
                    };
                    surface_group.insert((m.kind, sid), g);
                    g
                }
            };
            group_of[i] = g;
        }
        count_mention(&mut count, &mut first_seen, group_of[i], i);
    }

    into_entities(
        text,
        mentions,
        &surfaces,
        groups.kinds,
        &group_of,
        &count,
        &first_seen,
        ambiguous,
    )
}

/// What a person's single name word ("Blinken") may link to, the same
/// wherever the word recurs.
#[derive(Clone)]
struct PersonWord<'a> {
    /// The people whose full name starts or ends with it (and whether it
    /// is their last word).
    people: &'a [(usize, bool)],
    /// The word in lowercase.
    key: String,
    /// The place or organisation of the same spelling, if any.
    place: Option<&'a (EntityKind, String)>,
}

/// The person a single name word joins among `cands` (the people whose
/// last word it is, or failing that, all): the most mentioned so far, on
/// a tie the first introduced (the last of equals in `cands` order when
/// neither is mentioned yet); with the other candidates mentioned as often
/// (the tie reported). One pass over the candidates finds the best of
/// both pools and how many share its count; the others are listed only
/// when some do.
fn best_person(
    cands: &[(usize, bool)],
    count: &[usize],
    first_seen: &[usize],
) -> Option<(usize, Vec<usize>)> {
    let count_of = |g: usize| count.get(g).copied().unwrap_or(0);
    let score = |g: usize| {
        (
            count_of(g),
            std::cmp::Reverse(first_seen.get(g).copied().unwrap_or(usize::MAX)),
        )
    };
    let mut last_words = Best::default();
    let mut all = Best::default();
    for &(g, last) in cands {
        let s = score(g);
        all.offer(g, s);
        if last {
            last_words.offer(g, s);
        }
    }
    let any_last = last_words.best.is_some();
    let pool = if any_last { last_words } else { all };
    let (best, (best_count, _)) = pool.best?;
    let tied = if pool.same_count > 1 {
        cands
            .iter()
            .filter(|c| c.1 || !any_last)
            .map(|c| c.0)
            .filter(|&g| g != best && count_of(g) == best_count)
            .collect()
    } else {
        Vec::new()
    };
    Some((best, tied))
}

/// The best candidate met so far by (count, earliest first mention), the
/// last of equals winning (as [`Iterator::max_by_key`]), and how many met
/// share its count.
#[derive(Default, Clone, Copy)]
struct Best {
    best: Option<(usize, (usize, std::cmp::Reverse<usize>))>,
    same_count: usize,
}

impl Best {
    fn offer(&mut self, g: usize, s: (usize, std::cmp::Reverse<usize>)) {
        match self.best {
            Some((_, b)) if s.0 < b.0 => {}
            Some((_, b)) if s.0 == b.0 => {
                self.same_count += 1;
                if s >= b {
                    self.best = Some((g, s));
                }
            }
            _ => {
                self.best = Some((g, s));
                self.same_count = 1;
            }
        }
    }
}

/// Counts mention `i` for group `g` (the group's first mention if it is).
fn count_mention(count: &mut Vec<usize>, first_seen: &mut Vec<usize>, g: usize, i: usize) {
    if count.len() <= g {
        count.resize(g + 1, 0);
        first_seen.resize(g + 1, usize::MAX);
    }
    count[g] += 1;
    if first_seen[g] == usize::MAX {
        first_seen[g] = i;
    }
}

/// Writes what a mention other than a single name word links by to
/// `out`: the key of its canonical name, or of its words.
fn other_key_into(out: &mut String, m: &Mention, text: &str) {
    match &m.canonical {
        Some(c) => plain_key_into(out, c),
        None => plain_key_into(out, m.span.of(text)),
    }
}
