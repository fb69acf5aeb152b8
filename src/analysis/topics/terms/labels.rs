//! The tokens of a sentence that are no prose: the speaker tag or
//! dateline that opens a paragraph ("WALLACE:", "FLINT, Mich. —"), and
//! headlines written in title case, whose capitals say nothing about names.
//!
//! Entry points: [`paragraph_label_end`], [`is_title_case`]. This module
//! only reads tokens; it counts nothing.

use super::super::spelling::{ACRONYM, CAPITALISED, Facts, SpellingId, is_capitalised};
use crate::analysis::Document;
use crate::analysis::segment::TokenKind;

fn is_dash(punct: &str) -> bool {
    punct.starts_with(['-', '–', '—', '―'])
}

/// The tokens that open a paragraph without being part of its prose: a
/// transcript speaker tag ("WALLACE:"), a dateline ("FLINT, Mich. —",
/// "WASHINGTON (AP) —"), or a stage direction or section head written in
/// capitals alone ("(CROSSTALK.)", "FULL TEXT."). Returns the first token
/// after them (`first_word` when there are none). `spelled` holds the
/// spelling and facts of each token of the sentence.
pub(super) fn paragraph_label_end(
    doc: &Document<'_>,
    range: std::ops::Range<usize>,
    first_word: usize,
    spelled: &[(SpellingId, Facts)],
) -> usize {
    let tokens = &doc.tokens;
    let text = doc.text;
    let caps = |i: usize| {
        tokens[i].kind == TokenKind::Word
            && spelled
                .get(i - range.start)
                .is_some_and(|&(_, f)| f & ACRONYM != 0)
    };
    let mut run = first_word;
    while run < range.end && caps(run) {
        run += 1;
    }
    if run == first_word {
        return first_word;
    }
    // capitals and punctuation alone
    if run - first_word <= 3
        && tokens[run..range.end]
            .iter()
            .all(|t| t.kind == TokenKind::Punct)
    {
        return range.end;
    }
    let next = tokens[run.min(range.end - 1)];
    if run >= range.end || next.kind != TokenKind::Punct {
        return first_word;
    }
    let p = next.text(text);
    if p == ":" || is_dash(p) {
        return run + 1;
    }
    if p == "," || p == "(" {
        // a dateline goes on with state, date and agency up to a dash,
        // all capitalised or numbers
        let window = run + 1..(run + 12).min(range.end);
        for (j, t) in tokens[window.clone()].iter().enumerate() {
            let j = window.start + j;
            let w = t.text(text);
            match t.kind {
                TokenKind::Punct if is_dash(w) => return j + 1,
                TokenKind::Word if !is_capitalised(w) => return first_word,
                _ => {}
            }
        }
    }
    first_word
}

/// A headline written in title case: four or more words of four letters
/// or more, nearly all capitalised. `spelled` holds the spelling and facts
/// of each token of the sentence (whether it is capitalised is one bit).
#[inline]
pub(super) fn is_title_case(
    doc: &Document<'_>,
    range: std::ops::Range<usize>,
    spelled: &[(SpellingId, Facts)],
) -> bool {
    let mut long = 0usize;
    let mut capitalised = 0usize;
    let tokens = &doc.tokens[range];
    for (k, (t, &(_, facts))) in tokens.iter().zip(spelled).enumerate() {
        if t.kind == TokenKind::Word && t.span().len() >= 4 {
            long += 1;
            capitalised += usize::from(facts & CAPITALISED != 0);
            // settled once even all the words left capitalised could not
            // reach four in five (capitalised >= 4 * lowercase)
            let left = tokens.len() - k - 1;
            if capitalised + left < 4 * (long - capitalised) {
                return false;
            }
        }
    }
    long >= 4 && capitalised * 10 >= long * 8
}
