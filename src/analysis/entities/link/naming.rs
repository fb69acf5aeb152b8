//! Turning the groups of mentions into entities: numbered by kind, then
//! by first mention, each named by the fullest form of its name in the
//! text, with the other forms as aliases.

use super::{Linked, Mention, Surfaces};
use crate::analysis::{AmbiguousMention, Entity, EntityKind};
use rustc_hash::FxHashSet;
use std::borrow::Cow;

/// The entities of the groups: numbered by kind, then by first mention,
/// each with its mentions, name, aliases and ambiguous mentions.
#[allow(clippy::too_many_arguments)]
pub(super) fn into_entities(
    text: &str,
    mentions: &[Mention],
    surfaces: &Surfaces,
    kinds: Vec<EntityKind>,
    group_of: &[usize],
    count: &[usize],
    first_seen: &[usize],
    ambiguous: Vec<(usize, Vec<usize>)>,
) -> Linked {
    // renumber: by kind, then by first mention
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
    let mut forms: Vec<Vec<Form<'_>>> = vec![Vec::new(); entities.len()];
    // the (entity, surface) pairs met: the first entity of each surface,
    // and the rare others
    let mut first_entity: Vec<usize> = surfaces.each(usize::MAX);
    let mut other_entities: FxHashSet<(usize, u32)> = FxHashSet::default();
    for (i, m) in mentions.iter().enumerate() {
        let e = entity_of[i];
        entities[e].mentions.push(m.span);
        let raw = m.span.of(text);
        let sid = surfaces.of[i];
        let first = &mut first_entity[sid as usize];
        let new = if *first == usize::MAX {
            *first = e;
            true
        } else {
            *first != e && other_entities.insert((e, sid))
        };
        if new {
            // a person's name in capitals (a transcript's "JAKE TAPPER")
            // goes by its canonical spelling
            let shown = match &m.canonical {
                Some(c) if m.kind == EntityKind::Person && !raw.chars().any(char::is_lowercase) => {
                    c.to_string()
                }
                _ => normalize_space(raw),
            };
            forms[e].push((shown, m.canonical.as_ref()));
        }
    }
    for (mi, others) in ambiguous {
        let e = entity_of[mi];
        entities[e].ambiguous.push(AmbiguousMention {
            span: mentions[mi].span,
            candidates: others.iter().map(|g| id_of[*g]).collect(),
        });
    }
    for (e, forms) in entities.iter_mut().zip(forms) {
        name_entity(e, &forms);
    }
    Linked {
        entities,
        entity_of,
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

fn normalize_space(s: &str) -> String {
    super::super::numeric::single_spaced(s)
}
