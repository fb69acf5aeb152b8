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

use super::gazetteer::{PhraseKind, push_lower};
use super::{Evidence, Mention};
use crate::analysis::{AmbiguousMention, Entity, EntityKind};
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;

/// The entities and, for each mention (by index), its entity id.
pub struct Linked {
    pub entities: Vec<Entity>,
    pub entity_of: Vec<usize>,
}

/// The groups of mentions found so far (a group becomes an entity) and
/// what each links by: its kind and its key (see [`other_key`]), looked up
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

    // acronyms defined in the text, and initials of multi-word names (the
    // first name with given initials keeps them: each surface is read once)
    let mut acronym_of: FxHashMap<String, (EntityKind, String)> = FxHashMap::default();
    let mut initials_read: FxHashSet<&str> = FxHashSet::default();
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
                other_key_into(&mut key, m, text);
                plain_key_into(&mut key2, next.span.of(text));
                acronym_of.insert(key2.clone(), (m.kind, key.clone()));
            }
        }
        if !initials_read.insert(surface) {
            continue;
        }
        initials_into(&mut key2, surface);
        if key2.chars().count() >= 2 && !acronym_of.contains_key(key2.as_str()) {
            other_key_into(&mut key, m, text);
            acronym_of.insert(key2.clone(), (m.kind, key.clone()));
        }
    }
    drop(initials_read);

    // companies closed by their suffix ("Veltrix Semiconductor Inc."): a
    // later "Veltrix" alone is the company, whatever the tagger thought
    let lex = super::gazetteer::lexicon();
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
                push_lower(&mut key, first);
                let facts = lex.word(&key);
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
                push_lower(&mut key, last);
                lex.word(&key).is_org_suffix()
            })
        {
            other_key_into(&mut key, m, text);
            let g = groups.intern(EntityKind::Org, &key);
            company_of.entry(first).or_insert(g);
        }
    }

    // places and organisations named in one word: a lone guess that a
    // word of the same spelling is a person ("In Chandler, ..."; "Chandler
    // has come back") joins them
    let mut place_or_org: FxHashMap<&str, (EntityKind, String)> = FxHashMap::default();
    for m in mentions {
        let surface = m.span.of(text);
        if matches!(m.kind, EntityKind::Place | EntityKind::Org) && !surface.contains(' ') {
            place_or_org.entry(surface).or_insert_with(|| {
                other_key_into(&mut key, m, text);
                (m.kind, key.clone())
            });
        }
    }

    // people: full names first; the same words give the same group, so
    // each distinct full name is read once
    let mut person_by_word: FxHashMap<String, Vec<(usize, bool)>> = FxHashMap::default(); // word -> (group, is_last_word)
    let mut full_name_group: FxHashMap<&str, usize> = FxHashMap::default();
    let mut words: Vec<&str> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if m.kind != EntityKind::Person {
            continue;
        }
        let surface = m.span.of(text);
        if let Some(&g) = full_name_group.get(surface) {
            group_of[i] = g;
            continue;
        }
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
                push_lower(&mut key, w);
                if wi == 0 {
                    first_end = key.len();
                } else if wi + 1 == n {
                    key2.clear();
                    key2.push_str(&key[start..]);
                }
            }
            let g = groups.intern(EntityKind::Person, &key);
            group_of[i] = g;
            full_name_group.insert(surface, g);
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
    drop(full_name_group);

    // then everything in text order; the same words of the same kind link
    // the same way, so each distinct surface is keyed once
    let mut surface_group: FxHashMap<(EntityKind, &str), usize> = FxHashMap::default();
    // per group: its mentions so far, and its first mention
    let mut count: Vec<usize> = Vec::new();
    let mut first_seen: Vec<usize> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        // a region's name alone after its company's full name is the
        // company ("Southwest was studying"), unless it reads as the region
        // ("the Southwest")
        let region_word = m.known == Some(PhraseKind::Region);
        if group_of[i] == usize::MAX
            && (!matches!(m.evidence, Evidence::Known | Evidence::Firm) || region_word)
            && let Some(&g) = company_of.get(m.span.of(text))
            && !(m.kind == EntityKind::Place && after_the(text, m.span.start))
        {
            group_of[i] = g;
        }
        if group_of[i] == usize::MAX {
            let g = match m.kind {
                EntityKind::Person => {
                    // a single name word (full names got their group above)
                    key.clear();
                    if let Some(w) = name_words(text, m).last() {
                        push_lower(&mut key, w);
                    }
                    let cands: &[(usize, bool)] =
                        person_by_word.get(key.as_str()).map_or(&[], Vec::as_slice);
                    // the people whose last word it is, or failing that, all
                    let any_last = cands.iter().any(|c| c.1);
                    let pool = cands.iter().filter(|c| c.1 || !any_last).map(|c| c.0);
                    let score = |g: &usize| {
                        (
                            count.get(*g).copied().unwrap_or(0),
                            std::cmp::Reverse(first_seen.get(*g).copied().unwrap_or(usize::MAX)),
                        )
                    };
                    let weak = matches!(m.evidence, Evidence::Guess | Evidence::Tagger);
                    let place = place_or_org.get(m.span.of(text)).filter(|_| weak);
                    match (pool.clone().max_by_key(score), place) {
                        (None, Some((kind, name))) => groups.intern(*kind, name),
                        (None, None) => groups.intern(EntityKind::Person, &key),
                        (Some(best), _) => {
                            let best_count = count.get(best).copied().unwrap_or(0);
                            let tied: Vec<usize> = pool
                                .filter(|g| {
                                    *g != best && count.get(*g).copied().unwrap_or(0) == best_count
                                })
                                .collect();
                            if !tied.is_empty() {
                                ambiguous.push((i, tied));
                            }
                            best
                        }
                    }
                }
                _ => {
                    let surface = m.span.of(text);
                    if let Some(&g) = surface_group.get(&(m.kind, surface)) {
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
                    surface_group.insert((m.kind, surface), g);
                    g
                }
            };
            group_of[i] = g;
        }
        count_mention(&mut count, &mut first_seen, group_of[i], i);
    }

    // renumber: by kind, then by first mention
    let kinds = groups.kinds;
    let mut order: Vec<usize> = (0..kinds.len()).collect();
    order.sort_by_key(|&g| (kinds[g], first_seen.get(g).copied().unwrap_or(usize::MAX)));
    let mut id_of = vec![0usize; kinds.len()];
    for (id, &g) in order.iter().enumerate() {
        id_of[g] = id;
    }
    let mut entities: Vec<Entity> = order
        .iter()
        .enumerate()
        .map(|(id, &g)| Entity {
            id,
            kind: kinds[g],
            name: String::new(),
            role: None,
            aliases: Vec::new(),
            mentions: Vec::with_capacity(count.get(g).copied().unwrap_or(0)),
            ambiguous: Vec::new(),
        })
        .collect();
    let entity_of: Vec<usize> = group_of.iter().map(|&g| id_of[g]).collect();
    // the distinct forms of each entity, in order of first use, with the
    // canonical name of its mention
    let mut surfaces: Vec<Vec<Form<'_>>> = vec![Vec::new(); entities.len()];
    let mut seen: FxHashSet<(usize, &str)> = FxHashSet::default();
    for (i, m) in mentions.iter().enumerate() {
        let e = entity_of[i];
        entities[e].mentions.push(m.span);
        let raw = m.span.of(text);
        if seen.insert((e, raw)) {
            // a person's name in capitals (a transcript's "JAKE TAPPER")
            // goes by its canonical spelling
            let shown = match &m.canonical {
                Some(c) if m.kind == EntityKind::Person && !raw.chars().any(char::is_lowercase) => {
                    c.to_string()
                }
                _ => normalize_space(raw),
            };
            surfaces[e].push((shown, m.canonical.as_ref()));
        }
    }
    for (mi, others) in ambiguous {
        let e = entity_of[mi];
        entities[e].ambiguous.push(AmbiguousMention {
            span: mentions[mi].span,
            candidates: others.iter().map(|g| id_of[*g]).collect(),
        });
    }
    for (e, forms) in entities.iter_mut().zip(surfaces) {
        name_entity(e, &forms);
    }
    Linked {
        entities,
        entity_of,
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

fn normalize_space(s: &str) -> String {
    super::numeric::single_spaced(s)
}

/// Writes what a mention other than a single name word links by to
/// `out`: the key of its canonical name, or of its words.
fn other_key_into(out: &mut String, m: &Mention, text: &str) {
    match &m.canonical {
        Some(c) => plain_key_into(out, c),
        None => plain_key_into(out, m.span.of(text)),
    }
}

/// A form of an entity's name as shown, with the canonical name of the
/// mention it was first read in.
type Form<'m> = (String, Option<&'m Cow<'static, str>>);

/// Sets the canonical name (the fullest form in the text) and the aliases.
fn name_entity(e: &mut Entity, forms: &[Form<'_>]) {
    let numeric = matches!(
        e.kind,
        EntityKind::Money | EntityKind::Date | EntityKind::Quantity
    );
    if numeric {
        // the normalised form ("$95 billion" for "$ 95 billion")
        e.name = forms
            .first()
            .and_then(|f| f.1.map(|c| c.to_string()).or_else(|| Some(f.0.clone())))
            .unwrap_or_default();
    } else {
        let fullness = |s: &str| (s.split_whitespace().count(), s.chars().count());
        let mut best: Option<&str> = None;
        for (s, _) in forms {
            if best.is_none_or(|b| fullness(s) > fullness(b)) {
                best = Some(s);
            }
        }
        e.name = best.unwrap_or_default().to_string();
    }
    let mut aliases: Vec<String> = Vec::new();
    if numeric {
        // "$ 95 billion" is no other name of "$95 billion"
        e.aliases = aliases;
        return;
    }
    for (s, _) in forms {
        if *s != e.name && !aliases.contains(s) {
            aliases.push(s.clone());
        }
    }
    e.aliases = aliases;
}
