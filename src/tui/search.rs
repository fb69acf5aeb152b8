//! Finding things by what the reader types after `/`.
//!
//! Two searches, both pure: [`match_names`] finds entities by name or alias
//! (case-insensitive, word prefixes first, then substrings, then fuzzy
//! subsequences that start at a word), and [`find_text`] finds every
//! occurrence of the words in the article (ASCII case-insensitive). The
//! reader tries names first and falls back to the text.

use crate::analysis::{Analysis, EntityId, Span};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// Most text matches kept (enough for any reader; bounds memory on huge files).
pub const MAX_TEXT_MATCHES: usize = 1_000_000;

/// Entities whose name or an alias matches `query`, best first: the whole
/// name, then a word start ("blink" for Antony Blinken), then any
/// substring, then a word with a typo (one for 4 to 7 letters, two from 8).
///
/// ```
/// let a = gloss::analysis::Analysis {
///     entities: vec![gloss::analysis::Entity {
///         id: 0, kind: gloss::analysis::EntityKind::Person,
///         name: "Antony Blinken".into(), role: None, aliases: vec!["Blinken".into()],
///         mentions: vec![], ambiguous: vec![],
///     }],
///     ..gloss::tui::search::empty_analysis("")
/// };
/// assert_eq!(gloss::tui::search::match_names(&a, "blink"), [0]);
/// assert!(gloss::tui::search::match_names(&a, "xyz").is_empty());
/// ```
pub fn match_names(analysis: &Analysis, query: &str) -> Vec<EntityId> {
    let q: Vec<char> = query.trim().to_lowercase().chars().collect();
    if q.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(u32, usize, EntityId)> = analysis
        .entities
        .iter()
        .filter_map(|e| {
            let best = std::iter::once(&e.name)
                .chain(e.aliases.iter())
                .filter_map(|form| score(&form.to_lowercase(), &q))
                .max()?;
            Some((best, e.mentions.len(), e.id))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    scored.into_iter().map(|(_, _, id)| id).collect()
}

/// How well `form` (lowercase) matches the query (lowercase chars); None: not at all.
fn score(form: &str, q: &[char]) -> Option<u32> {
    let f: Vec<char> = form.chars().collect();
    if f == q {
        return Some(400);
    }
    let word_start = |i: usize| i == 0 || !f[i - 1].is_alphanumeric();
    let at = |i: usize| f.len() >= i + q.len() && f[i..i + q.len()] == *q;
    if (0..f.len()).any(|i| word_start(i) && at(i)) {
        return Some(if at(0) { 300 } else { 250 });
    }
    if (0..f.len()).any(at) {
        return Some(200);
    }
    // Fuzzy: a typo or two. The query is compared with each word of the
    // form and with the word's start of the same length.
    let typos = match q.len() {
        0..=3 => return None,
        4..=7 => 1,
        _ => 2,
    };
    form.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .filter_map(|w| {
            let w: Vec<char> = w.chars().collect();
            let whole = edit_distance(q, &w);
            let start = edit_distance(q, &w[..w.len().min(q.len())]);
            let d = whole.min(start);
            (d <= typos).then(|| 100 - 10 * d as u32)
        })
        .max()
}

/// Levenshtein distance between two short strings (as chars).
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Every occurrence of `query` in `text`, ASCII case-insensitive, in order,
/// at most [`MAX_TEXT_MATCHES`].
///
/// ```
/// let found = gloss::tui::search::find_text("Aid bill. The AID.", "aid");
/// assert_eq!(found.len(), 2);
/// assert_eq!(found[1].start, 14);
/// ```
pub fn find_text(text: &str, query: &str) -> Vec<Span> {
    let query = query.trim();
    if query.is_empty() {
        return Vec::new();
    }
    let Ok(ac) = searcher(&[query]) else {
        return Vec::new();
    };
    ac.find_iter(text)
        .take(MAX_TEXT_MATCHES)
        .map(|m| Span::new(m.start(), m.end()))
        .collect()
}

/// Occurrences of any of `words` as whole words inside `within`, in order.
pub fn find_words(text: &str, words: &[String], within: &[Span]) -> Vec<Span> {
    let words: Vec<&str> = words
        .iter()
        .map(|w| w.trim())
        .filter(|w| !w.is_empty())
        .collect();
    let Ok(ac) = searcher(&words) else {
        return Vec::new();
    };
    let is_word = |c: char| c.is_alphanumeric();
    let mut out = Vec::new();
    for w in within {
        let body = w.of(text);
        for m in ac.find_iter(body) {
            let before = body[..m.start()].chars().next_back();
            let after = body[m.end()..].chars().next();
            if before.is_some_and(is_word) || after.is_some_and(is_word) {
                continue;
            }
            out.push(Span::new(w.start + m.start(), w.start + m.end()));
        }
    }
    out
}

fn searcher(patterns: &[&str]) -> Result<AhoCorasick, aho_corasick::BuildError> {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns)
}

/// An analysis of `text` with nothing found in it (for examples and tests).
pub fn empty_analysis(text: &str) -> Analysis {
    Analysis {
        schema_version: crate::analysis::SCHEMA_VERSION,
        text: std::sync::Arc::new(text.to_string()),
        paragraphs: Vec::new(),
        sentences: Vec::new(),
        entities: Vec::new(),
        quotes: Vec::new(),
        topics: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Entity, EntityKind};

    fn person(id: usize, name: &str, aliases: &[&str], mentions: usize) -> Entity {
        Entity {
            id,
            kind: EntityKind::Person,
            name: name.into(),
            role: None,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions: vec![Span::new(0, 1); mentions],
            ambiguous: vec![],
        }
    }

    fn cast() -> Analysis {
        Analysis {
            entities: vec![
                person(0, "Wang Yi", &[], 3),
                person(1, "Antony Blinken", &["Blinken"], 9),
                person(2, "Wang Xiaohong", &[], 1),
                person(3, "Lena Swangard", &[], 5),
            ],
            ..empty_analysis("")
        }
    }

    #[test]
    fn word_prefixes_come_before_substrings() {
        // "wang" starts a word in both Wangs; inside "Swangard" it does not.
        assert_eq!(match_names(&cast(), "wang"), [0, 2, 3]);
        assert_eq!(match_names(&cast(), "WANG X"), [2]);
    }

    #[test]
    fn fuzzy_and_aliases() {
        assert_eq!(match_names(&cast(), "blink"), [1]);
        assert_eq!(match_names(&cast(), "blinkin"), [1], "one typo");
        assert_eq!(match_names(&cast(), "blnken"), [1], "a letter missing");
        assert!(match_names(&cast(), "qq").is_empty());
        assert!(
            match_names(&cast(), "bln").is_empty(),
            "short queries need no typo"
        );
    }

    #[test]
    fn whole_words_only() {
        let t = "Trade and trader; trade.";
        let found = find_words(t, &["trade".into()], &[Span::new(0, t.len())]);
        assert_eq!(found, [Span::new(0, 5), Span::new(18, 23)]);
    }
}
