//! Party-and-state tags after a lawmaker's name: "(R-Texas)", "(D-Calif.)",
//! "Rep. Ann Lee, D-N.Y., said".
//!
//! Entry point: [`inside_party_tag`]. A tag is a party letter (R, D or I), a
//! hyphen and a US state (a full name, an AP-style abbreviation or a
//! two-letter postal code), opened by a bracket or by a comma after the name.
//! It names no entity: a mention read inside one ("R-IN", "D-Calif", "Y.")
//! is dropped. The tag neither types nor changes the name before it.
//!
//! It reads only a few bytes around each mention; it decides nothing else.

use crate::analysis::Span;
use rustc_hash::FxHashSet;
use std::sync::LazyLock;

const DESIGNATORS: &str = include_str!("../../../assets/gazetteer/us_state_designators.txt");

/// State names and abbreviations, without full stops ("Calif", "New York").
static STATES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    DESIGNATORS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// How far back from a mention the start of its tag may be ("R-" plus the
/// longest abbreviation with its stops).
const MAX_LOOKBACK: usize = 16;

/// How long the state of a bracketed tag may be ("North Carolina").
const MAX_STATE: usize = 24;

/// True when `span` lies inside a party-and-state tag of `text`.
pub(crate) fn inside_party_tag(text: &str, span: Span) -> bool {
    let b = text.as_bytes();
    if span.end > b.len() || span.start >= span.end {
        return false;
    }
    // the start of the tag: the first byte after a bracket or a space
    let lo = span.start.saturating_sub(MAX_LOOKBACK);
    let mut s = span.start;
    while s > lo && !matches!(b[s - 1], b'(' | b' ' | b'\n' | b'\t' | b'\r') {
        s -= 1;
    }
    if s == 0 || s + 2 >= b.len() || !matches!(b[s], b'R' | b'D' | b'I') || b[s + 1] != b'-' {
        return false;
    }
    let bracketed = b[s - 1] == b'(';
    let after_comma = b[s - 1] == b' ' && s >= 2 && b[s - 2] == b',';
    if !bracketed && !after_comma {
        return false;
    }
    let state_start = s + 2;
    let state_end = if bracketed {
        // up to the closing bracket, a few words at most
        let limit = (state_start + MAX_STATE).min(b.len());
        match b[state_start..limit].iter().position(|&c| c == b')') {
            Some(p) => state_start + p,
            None => return false,
        }
    } else {
        let rest = &b[state_start..];
        state_start
            + rest
                .iter()
                .position(|c| matches!(c, b',' | b';' | b' ' | b'\n' | b'\t' | b'\r'))
                .unwrap_or(rest.len())
    };
    if span.end > state_end {
        return false;
    }
    text.get(state_start..state_end).is_some_and(is_state)
}

/// A US state as a tag writes it: "Texas", "Calif.", "N.Y.", "IN".
fn is_state(written: &str) -> bool {
    let bare: String = written.chars().filter(|c| *c != '.').collect();
    let postal = bare.len() == 2 && bare.bytes().all(|c| c.is_ascii_uppercase());
    postal || STATES.contains(bare.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the first occurrence of `word` in `text` is inside a tag.
    fn tagged(text: &str, word: &str) -> bool {
        let start = text.find(word).expect("the word is in the text");
        inside_party_tag(text, Span::new(start, start + word.len()))
    }

    #[test]
    fn bracketed_tags_with_any_state_form() {
        let text = "Sen. Ray Olsen (R-Texas) and Rep. Ada Moss (D-Calif.) met Rep. Li Park (R-IN) and Rep. Jo Kerr (D-N.Y.) and Rep. Al Day (D-New York).";
        for w in [
            "R-Texas",
            "Texas",
            "D-Calif",
            "R-IN",
            "Y.",
            "N.Y",
            "D-New York",
        ] {
            assert!(tagged(text, w), "{w}");
        }
        for w in ["Ray Olsen", "Ada Moss", "Li Park", "Olsen"] {
            assert!(!tagged(text, w), "{w}");
        }
    }

    #[test]
    fn tags_after_a_comma() {
        let text = "Rep. Dana Vick, R-Wis., voted no, as did Rep. Ben Ash, D-Va.";
        assert!(tagged(text, "R-Wis"));
        assert!(tagged(text, "D-Va"));
        assert!(!tagged(text, "Dana Vick"));
    }

    #[test]
    fn other_hyphenated_capitals_are_no_tags() {
        // no state after the hyphen, no bracket or comma before it, or a
        // letter that is no party
        let text = "On D-Day the I-95 was shut. (R-Rated) films, said Rep. Max Lund R-Texas, and (X-Texas) too.";
        for w in ["D-Day", "I-95", "R-Rated", "X-Texas"] {
            assert!(!tagged(text, w), "{w}");
        }
        let start = text.find("R-Texas").unwrap_or(0);
        assert!(!inside_party_tag(text, Span::new(start, start + 7)));
    }
}
