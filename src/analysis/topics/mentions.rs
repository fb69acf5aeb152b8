//! Entity mentions as the term counter reads them: token ranges in text
//! order, walked with a cursor that only moves forward.
//!
//! Entry point: [`MentionCursor::new`]. Sorting the mentions is linear
//! (a radix sort by start); no look-up table is built. This module knows
//! nothing about terms or topics.

use crate::analysis::segment::Token;
use crate::analysis::{Document, Entity, EntityId, Span};

/// Entity mentions as token ranges, in text order, read with a cursor that
/// only moves forward (no look-up table: linear in the mentions).
pub struct MentionCursor {
    /// (first token, token after the mention, entity id), by first token.
    list: Vec<(usize, usize, EntityId)>,
    pos: usize,
    /// First token of `list[pos]` (`usize::MAX` past the end): most
    /// tokens start no mention, and one comparison says so.
    next: usize,
}

/// Every mention with its entity, ordered by start, end and entity id.
pub fn mentions_in_order(entities: &[Entity]) -> Vec<(Span, EntityId)> {
    let n = entities.iter().map(|e| e.mentions.len()).sum();
    let mut spans: Vec<(Span, EntityId)> = Vec::with_capacity(n);
    spans.extend(
        entities
            .iter()
            .flat_map(|e| e.mentions.iter().map(move |m| (*m, e.id))),
    );
    let max_start = spans.iter().map(|(s, _)| s.start).max().unwrap_or(0);
    let (Ok(max_start), Ok(_)) = (u32::try_from(max_start), u32::try_from(n)) else {
        spans.sort_unstable();
        return spans;
    };
    // a long text names hundreds of thousands of mentions: sorted by start
    // in linear time (a radix sort of start and index packed in one
    // integer), then each run of equal starts by end and entity id
    let mut keys: Vec<u64> = (0..n as u64)
        .map(|i| (spans[i as usize].0.start as u64) << 32 | i)
        .collect();
    radix_sort_high(&mut keys, 32 - max_start.leading_zeros());
    let mut out: Vec<(Span, EntityId)> = keys.iter().map(|&k| spans[k as u32 as usize]).collect();
    let mut i = 0;
    while i < out.len() {
        let start = out[i].0.start;
        let run = out[i..].iter().take_while(|m| m.0.start == start).count();
        if run > 1 {
            out[i..i + run].sort_unstable();
        }
        i += run;
    }
    out
}

/// Sorts `keys` by their high 32 bits, of which only the low `bits` may
/// be set (a stable least-significant-digit radix sort).
fn radix_sort_high(keys: &mut Vec<u64>, bits: u32) {
    const DIGIT: u32 = 11;
    const BUCKETS: usize = 1 << DIGIT;
    let mut tmp = vec![0u64; keys.len()];
    let mut shift = 32;
    while shift < 32 + bits {
        let mut offsets = [0usize; BUCKETS];
        for &k in keys.iter() {
            offsets[(k >> shift) as usize & (BUCKETS - 1)] += 1;
        }
        let mut sum = 0;
        for o in offsets.iter_mut() {
            let c = *o;
            *o = sum;
            sum += c;
        }
        for &k in keys.iter() {
            let d = (k >> shift) as usize & (BUCKETS - 1);
            tmp[offsets[d]] = k;
            offsets[d] += 1;
        }
        std::mem::swap(keys, &mut tmp);
        shift += DIGIT;
    }
}

/// The first token from `from` on that starts at or after byte `pos`
/// (`tokens.len()` when none does): a galloping search, so that walking
/// the mentions in order costs about the log of the gaps between them.
fn first_at_or_after(tokens: &[Token], from: usize, pos: usize) -> usize {
    let before = |t: &Token| t.span().start < pos;
    let mut lo = from;
    let mut step = 1;
    // tokens[lo - 1] (when lo > from) starts before pos; find an end past it
    while let Some(t) = tokens.get(lo + step - 1) {
        if !before(t) {
            let hi = lo + step - 1;
            return lo + tokens[lo..hi].partition_point(before);
        }
        lo += step;
        step *= 2;
    }
    lo.min(tokens.len())
        + tokens
            .get(lo..)
            .map_or(0, |rest| rest.partition_point(before))
}

impl MentionCursor {
    pub fn new(doc: &Document<'_>, entities: &[Entity]) -> Self {
        let spans = mentions_in_order(entities);
        let tokens = &doc.tokens;
        let mut list = Vec::with_capacity(spans.len());
        let mut t = 0;
        for (span, id) in spans {
            t = first_at_or_after(tokens, t, span.start);
            if t >= tokens.len() {
                break;
            }
            if tokens[t].span().start != span.start {
                continue;
            }
            let mut end = t;
            while end < tokens.len() && tokens[end].span().start < span.end {
                end += 1;
            }
            if end > t && list.last().is_none_or(|&(s, _, _)| s != t) {
                list.push((t, end, id));
            }
        }
        let next = list.first().map_or(usize::MAX, |m| m.0);
        MentionCursor { list, pos: 0, next }
    }

    /// The mention starting at token `tok` (calls come in text order).
    #[inline]
    pub fn at(&mut self, tok: usize) -> Option<(usize, EntityId)> {
        if tok < self.next {
            return None;
        }
        while self.list.get(self.pos).is_some_and(|m| m.0 < tok) {
            self.pos += 1;
        }
        self.next = self.list.get(self.pos).map_or(usize::MAX, |m| m.0);
        self.list
            .get(self.pos)
            .filter(|m| m.0 == tok)
            .map(|&(_, end, id)| (end, id))
    }

    /// True when a mention starts at token `tok`, at or after the cursor.
    #[inline]
    pub fn starts_at(&self, tok: usize) -> bool {
        self.list[self.pos.min(self.list.len())..]
            .iter()
            .take_while(|m| m.0 <= tok)
            .any(|m| m.0 == tok)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::EntityKind;

    #[test]
    fn mentions_are_ordered_by_start_end_and_entity() {
        // a pseudo-random spread of mentions, some sharing starts
        let mut x: u64 = 7;
        let mut next = |m: u64| {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (x >> 33) % m
        };
        let entities: Vec<Entity> = (0..40)
            .map(|id| Entity {
                id,
                kind: EntityKind::Person,
                name: format!("Person {id}"),
                role: None,
                aliases: Vec::new(),
                mentions: (0..50)
                    .map(|_| {
                        let start = next(20_000) as usize;
                        Span::new(start, start + 1 + next(3) as usize)
                    })
                    .collect(),
                ambiguous: Vec::new(),
            })
            .collect();
        let mut expected: Vec<(Span, EntityId)> = entities
            .iter()
            .flat_map(|e| e.mentions.iter().map(move |m| (*m, e.id)))
            .collect();
        expected.sort_unstable();
        assert_eq!(mentions_in_order(&entities), expected);
    }

    #[test]
    fn the_galloping_search_finds_the_first_token_at_or_after_a_byte() {
        let text = "The mayor of Riverton said the vote on water rates would wait.";
        let doc = Document::new(text);
        let tokens = &doc.tokens;
        for from in 0..tokens.len() {
            for pos in 0..=text.len() + 1 {
                let expected = (from..tokens.len())
                    .find(|&t| tokens[t].span().start >= pos)
                    .unwrap_or(tokens.len());
                assert_eq!(
                    first_at_or_after(tokens, from, pos),
                    expected,
                    "{from} {pos}"
                );
            }
        }
    }

    #[test]
    fn the_cursor_names_each_mention_by_its_tokens() {
        let text = "Mayor Ann Lee of Riverton met Riverton officials.";
        let doc = Document::new(text);
        let entity = |id, kind, mentions: Vec<Span>| Entity {
            id,
            kind,
            name: String::new(),
            role: None,
            aliases: Vec::new(),
            mentions,
            ambiguous: Vec::new(),
        };
        let entities = vec![
            // "Ann Lee", and a span that starts inside a word (skipped)
            entity(
                0,
                EntityKind::Person,
                vec![Span::new(6, 13), Span::new(7, 9)],
            ),
            // both "Riverton"s
            entity(
                1,
                EntityKind::Place,
                vec![Span::new(17, 25), Span::new(30, 38)],
            ),
        ];
        let mut cursor = MentionCursor::new(&doc, &entities);
        let found: Vec<(usize, usize, EntityId)> = (0..doc.tokens.len())
            .filter_map(|t| cursor.at(t).map(|(end, id)| (t, end, id)))
            .collect();
        assert_eq!(found, vec![(1, 3, 0), (4, 5, 1), (6, 7, 1)]);
    }
}
