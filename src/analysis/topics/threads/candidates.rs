//! Candidates for threads: the names the text links, grouped and scored
//! as one, and the best words and repeated phrases, each scored by
//! specificity times spread (see [`super`] for the method).
//!
//! Entry points: [`name_candidates`] and [`word_candidates`], each at
//! most `POOL` long. This module builds no threads.

use super::{Candidate, POOL, merge_sorted};
use crate::analysis::EntityKind;
use crate::analysis::topics::lexicon::{self, ShortLower};
use crate::analysis::topics::terms::{Term, TermId, TermKind, TermTable};
use rustc_hash::FxHashMap;

/// A shared word must be at least this specific to fold two word threads.
const SHARED_WORD_SPECIFICITY: f32 = 1.5;
/// What a repeated phrase is worth beyond its words: words that keep
/// appearing together form a keyphrase ("human rights"), as in RAKE.
const PHRASE_BONUS: f32 = 1.0;
/// A phrase is worth at most this much specificity, however many rare
/// words it strings together.
const MAX_PHRASE_SPECIFICITY: f32 = 5.0;

/// Disjoint sets over term ids.
struct Groups {
    parent: Vec<u32>,
}

impl Groups {
    fn new(n: usize) -> Self {
        Groups {
            parent: (0..n as u32).collect(),
        }
    }
    fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let p = self.parent[x as usize];
            self.parent[x as usize] = self.parent[p as usize];
            x = p;
        }
        x
    }
    fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[rb as usize] = ra;
        }
    }
}

fn is_topic_entity(kind: EntityKind) -> bool {
    !matches!(
        kind,
        EntityKind::Money | EntityKind::Date | EntityKind::Quantity
    )
}

fn is_person(t: &Term) -> bool {
    match t.kind {
        TermKind::Entity(_, kind) => kind == EntityKind::Person,
        _ => t.titled > 0,
    }
}

/// A one-word name that is really a title or a vague word ("Rep.",
/// "Officials" opening a sentence).
fn is_vague_name(t: &Term) -> bool {
    let spelling = t.surface();
    if spelling.contains(' ') {
        return false;
    }
    let mut key = String::new();
    lexicon::lemma_into(spelling, &mut key);
    // a stop or generic word (word_class names no other list)
    lexicon::is_title_word(&key) || lexicon::word_class(&key) != 0
}

/// The key under which a name term is listed among places, if it is.
fn place_key(t: &Term) -> Option<String> {
    let mut buf = String::new();
    match t.kind {
        TermKind::Entity(_, EntityKind::Person) | TermKind::Phrase => None,
        TermKind::Entity(..) => t.surfaces().iter().find_map(|(s, _)| {
            if s.contains(' ') {
                buf = s.to_lowercase().replace('.', "");
            } else {
                lexicon::lemma_into(s, &mut buf);
            }
            lexicon::place_of(&buf).map(|_| buf.clone())
        }),
        TermKind::Name | TermKind::Word => {
            // most names are no place: lowercased on the stack to ask
            let is_place = match ShortLower::of(&t.key) {
                Some(lower) => lexicon::place_of(&lower).is_some(),
                None => lexicon::place_of(&t.key.to_lowercase()).is_some(),
            };
            is_place.then(|| t.key.to_lowercase())
        }
    }
}

/// The country a name term points at, if any.
fn place_id(t: &Term) -> Option<usize> {
    place_key(t)
        .and_then(|k| lexicon::place_of(&k))
        .map(|p| p.id)
}

/// Name candidates: linked names grouped into one.
pub(super) fn name_candidates(table: &TermTable) -> Vec<Candidate> {
    let terms = &table.terms;
    let is_candidate_name = |t: &Term| {
        t.count > 0
            && !t.excluded
            && t.is_name()
            && !is_vague_name(t)
            && match t.kind {
                TermKind::Entity(_, kind) => is_topic_entity(kind),
                _ => true,
            }
    };
    let names: Vec<TermId> = (0..terms.len() as TermId)
        .filter(|&i| is_candidate_name(&terms[i as usize]))
        .collect();
    let mut groups = Groups::new(terms.len());
    // a country with its short names, nationality words and capital
    let mut place_terms: FxHashMap<usize, TermId> = FxHashMap::default();
    for &i in &names {
        if let Some(p) = place_id(&terms[i as usize]) {
            match place_terms.get(&p) {
                Some(&first) => groups.union(first, i),
                None => {
                    place_terms.insert(p, i);
                }
            }
        }
    }
    // a single word that ends exactly one multi-word name ("Blinken")
    let mut last_words: FxHashMap<&str, Option<TermId>> = FxHashMap::default();
    for &i in &names {
        let t = &terms[i as usize];
        if t.kind == TermKind::Name
            && let Some((_, last)) = t.key.rsplit_once(' ')
        {
            last_words
                .entry(last)
                .and_modify(|e| *e = None)
                .or_insert(Some(i));
        }
    }
    for &i in &names {
        let t = &terms[i as usize];
        if t.kind == TermKind::Word
            && let Some(Some(full)) = last_words.get(t.key.as_str())
        {
            groups.union(*full, i);
        }
    }
    // names written alike are one (two entities both called "Trump")
    let mut by_spelling: FxHashMap<String, TermId> = FxHashMap::default();
    for &i in &names {
        let spelling = terms[i as usize].surface().to_lowercase();
        match by_spelling.get(&spelling) {
            Some(&first) => groups.union(first, i),
            None => {
                by_spelling.insert(spelling, i);
            }
        }
    }
    // a body named after a person joins the person ("Biden
    // administration", "Trump campaign")
    let mut surnames: FxHashMap<String, TermId> = FxHashMap::default();
    for &i in &names {
        let t = &terms[i as usize];
        if is_person(t) {
            let full = t.surface().to_lowercase();
            let last = full.rsplit(' ').next().unwrap_or("").to_string();
            surnames.entry(last).or_insert(i);
        }
    }
    for &i in &names {
        let t = &terms[i as usize];
        if is_person(t) {
            continue;
        }
        let full = t.surface().to_lowercase();
        if let Some((first, _)) = full.split_once(' ')
            && let Some(&person) = surnames.get(first)
        {
            groups.union(person, i);
        }
    }
    // group sizes, then people into the country of their title when they
    // are mentioned less than it
    let mut counts: FxHashMap<u32, u32> = FxHashMap::default();
    for &i in &names {
        *counts.entry(groups.find(i)).or_default() += terms[i as usize].count;
    }
    for &i in &names {
        let t = &terms[i as usize];
        let Some(p) = t.role_place else { continue };
        let Some(&place) = place_terms.get(&p) else {
            continue;
        };
        let (rp, rt) = (groups.find(place), groups.find(i));
        let (cp, ct) = (
            counts.get(&rp).copied().unwrap_or(0),
            counts.get(&rt).copied().unwrap_or(0),
        );
        if rp != rt && 2 * ct <= cp {
            let moved = counts.get(&rt).copied().unwrap_or(0);
            groups.union(rp, rt);
            *counts.entry(rp).or_default() += moved;
        }
    }
    let mut by_group: FxHashMap<u32, Vec<TermId>> = FxHashMap::default();
    for &i in &names {
        by_group.entry(groups.find(i)).or_default().push(i);
    }
    // a first estimate of each group's worth (its widest member's spread)
    // picks the groups worth merging paragraph lists for
    let estimates: Vec<(f32, u32)> = by_group
        .iter()
        .map(|(&root, members)| {
            let count: u32 = members.iter().map(|&m| terms[m as usize].count).sum();
            let widest = members
                .iter()
                .map(|&m| terms[m as usize].n_paragraphs())
                .max()
                .unwrap_or(0);
            (3.0 * spread(count, widest), root)
        })
        .collect();
    best_k(estimates, POOL)
        .into_iter()
        .filter_map(|(_, root)| by_group.remove(&root))
        .map(|members| group_candidate(table, &members))
        .collect()
}

fn group_candidate(table: &TermTable, members: &[TermId]) -> Candidate {
    let mut ordered: Vec<(TermId, &Term)> = members
        .iter()
        .map(|&i| (i, &table.terms[i as usize]))
        .collect();
    // places and things before people, a country's name before its
    // nationality word and capital (its thread keeps its name), then most
    // mentioned first
    let rank = |t: &Term| {
        let named = matches!(
            place_key(t).and_then(|k| lexicon::place_word(&k)),
            None | Some(lexicon::PlaceWord::Name)
        );
        (is_person(t), !named)
    };
    ordered.sort_by(|(_, a), (_, b)| {
        rank(a)
            .cmp(&rank(b))
            .then(b.count.cmp(&a.count))
            .then(b.key.len().cmp(&a.key.len()))
    });
    let mut paragraphs: Vec<u32> = Vec::new();
    let mut entities = Vec::new();
    let mut count = 0;
    for &(i, t) in &ordered {
        paragraphs = merge_sorted(&paragraphs, table.paragraphs(i));
        count += t.count;
        if let TermKind::Entity(id, _) = t.kind {
            entities.push(id);
        }
    }
    entities.sort_unstable();
    let keywords = dedup_keywords(
        ordered
            .iter()
            .flat_map(|(_, t)| t.spellings())
            .map(str::to_string),
    );
    let label = ordered
        .first()
        .map_or_else(String::new, |(_, t)| t.surface().to_string());
    let has_place = ordered.iter().any(|(_, t)| place_id(t).is_some());
    let person = !has_place && ordered.iter().any(|(_, t)| is_person(t));
    let spread = spread(count, paragraphs.len());
    // people are listed with the entities; as topics they count less than
    // the places, bodies and things the article is about
    let specificity = if person { 1.0 } else { 3.0 };
    Candidate {
        label,
        keywords,
        is_name: true,
        words: Vec::new(),
        telling: Vec::new(),
        count,
        paragraphs,
        entities,
        score: specificity * spread,
    }
}

pub(super) fn dedup_keywords(words: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in words {
        if !out.iter().any(|o| o.eq_ignore_ascii_case(&w)) {
            out.push(w);
        }
    }
    out
}

fn is_gerund(key: &str) -> bool {
    key.len() > 5 && key.ends_with("ing")
}

/// How telling a lowercase word is, judged by its rarest spelling in the
/// text ("rights" is rarer than "right").
fn word_specificity(t: &Term) -> f32 {
    let key = t.key.as_str();
    let mut s = lexicon::specificity(key);
    for (surface, _) in t.surfaces() {
        if surface.len() != key.len() || *surface != key {
            let of_surface = match ShortLower::of(surface) {
                Some(lower) => lexicon::specificity(&lower),
                None => lexicon::specificity(&surface.to_lowercase()),
            };
            s = s.max(of_surface);
        }
    }
    s
}

/// What a word or phrase term is worth as a candidate, its specificity,
/// or `None` when it cannot be one.
fn word_term_value(terms: &[Term], i: usize) -> Option<f32> {
    let t = &terms[i];
    if t.count == 0 || t.excluded {
        return None;
    }
    match t.kind {
        // a gerund alone ("strengthening") is mostly a verb, not a topic
        TermKind::Word
            if t.lower > 0
                && !is_gerund(&t.key)
                && !t.is_verb()
                && !t.is_adjective()
                && !t.is_name() =>
        {
            Some(word_specificity(t))
        }
        TermKind::Phrase if t.count >= 2 => {
            let parts_are_words = t.parts().iter().all(|&p| {
                let pt = &terms[p as usize];
                pt.kind == TermKind::Word && !pt.is_name()
            });
            // "growing aggression": a participle is no part of a label
            let opens_with_participle = t
                .parts()
                .first()
                .is_some_and(|&p| is_gerund(&terms[p as usize].key));
            if !parts_are_words || opens_with_participle {
                return None;
            }
            let s: f32 = t
                .parts()
                .iter()
                .map(|&p| word_specificity(&terms[p as usize]))
                .sum();
            Some((s + PHRASE_BONUS).min(MAX_PHRASE_SPECIFICITY))
        }
        _ => None,
    }
}

fn spread(count: u32, paragraphs: usize) -> f32 {
    let d = paragraphs as f32;
    d + 0.25 * (count as f32 - d)
}

/// Keeps the `k` best (score, id) pairs, best first; ties go to the
/// earlier id.
fn best_k(mut scored: Vec<(f32, u32)>, k: usize) -> Vec<(f32, u32)> {
    let order = |a: &(f32, u32), b: &(f32, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
    if scored.len() > k {
        scored.select_nth_unstable_by(k, order);
        scored.truncate(k);
    }
    scored.sort_unstable_by(order);
    scored
}

/// The best word and phrase candidates.
pub(super) fn word_candidates(table: &TermTable) -> Vec<Candidate> {
    let terms = &table.terms;
    let scored: Vec<(f32, u32)> = (0..terms.len())
        .filter_map(|i| {
            let specificity = word_term_value(terms, i)?;
            let t = &terms[i];
            Some((specificity * spread(t.count, t.n_paragraphs()), i as u32))
        })
        .collect();
    let mut out = Vec::new();
    for (score, i) in best_k(scored, POOL) {
        let t = &terms[i as usize];
        // a word is its own content word, a phrase has its parts
        let words = match t.kind {
            TermKind::Phrase => t.parts().to_vec(),
            _ => vec![i],
        };
        let label = t.surface().to_lowercase();
        let telling = words
            .iter()
            .copied()
            .filter(|&w| word_specificity(&terms[w as usize]) >= SHARED_WORD_SPECIFICITY)
            .collect();
        out.push(Candidate {
            keywords: vec![label.clone()],
            label,
            is_name: false,
            words,
            telling,
            count: t.count,
            paragraphs: table.paragraphs(i).to_vec(),
            entities: Vec::new(),
            score,
        });
    }
    out
}
