//! Sentence boundaries inside one paragraph, decided on its tokens.
//!
//! Entry point: [`sentence_ends`]. A sentence ends at "?", "!" or a full
//! stop, together with the closing quote marks and brackets glued after it
//! (`"We will win."` is one sentence), unless the next word is lowercase or
//! the quote is followed by its speech tag (`"Why?" Lee asked.`). A dot that
//! belongs to an abbreviation ends the sentence only when a typical sentence
//! starter follows ("in the U.S. The talks ...") or the paragraph ends;
//! titles ("Mr.", "Sen.", "No.") and list numbers never end one. An ellipsis
//! ends a sentence only before a capital.
//!
//! It never looks past the paragraph: paragraph ends always end sentences.

use super::tokens::{AbbreviationClass, abbreviation_class, may_end_sentence};
use super::{Token, TokenKind};

/// Where a sentence ends, relative to the paragraph's tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SentenceEnd {
    /// One past the sentence's last token.
    pub end: usize,
    /// A token whose final dot is both an abbreviation's and the sentence's
    /// full stop ("U.S." at the end); the dot becomes a token of its own.
    pub split_dot: Option<usize>,
}

/// What a token means to the sentence splitter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// ".", "?", "!", "?!", "!!!".
    Terminal,
    /// "...", "..", "…".
    Ellipsis,
    /// A word or list number ending in an abbreviation's dot.
    Abbreviation(AbbreviationClass),
    Other,
}

fn mark(tok: &str, kind: TokenKind) -> Mark {
    match tok {
        "." | "?" | "!" | "??" | "!!" | "!!!" | "???" => return Mark::Terminal,
        ".." | "..." | "...." | "…" => return Mark::Ellipsis,
        _ => {}
    }
    if tok.len() > 1 && tok.ends_with('.') {
        let word = &tok[..tok.len() - 1];
        return match kind {
            // "3." at the start of a line: a list number
            TokenKind::Number => Mark::Abbreviation(AbbreviationClass::Title),
            TokenKind::Word => {
                Mark::Abbreviation(abbreviation_class(word).unwrap_or(AbbreviationClass::Other))
            }
            TokenKind::Punct => Mark::Other,
        };
    }
    Mark::Other
}

/// Closing quote marks and brackets that stay with the sentence before them.
fn is_closer(tok: &str) -> bool {
    matches!(tok, "\"" | "”" | "’" | "'" | "»" | "›" | ")" | "]" | "}")
}

fn is_double_quote(tok: &str) -> bool {
    matches!(tok, "\"" | "“" | "”" | "„" | "«" | "»")
}

fn is_opener(tok: &str) -> bool {
    matches!(tok, "\"" | "“" | "‘" | "'" | "«" | "‹" | "(" | "[" | "„")
}

/// Words that often start a sentence and rarely follow an abbreviation
/// inside one. Written for gloss.
fn is_sentence_starter(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "In"
            | "On"
            | "At"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Here"
            | "His"
            | "Her"
            | "Its"
            | "Their"
            | "Our"
            | "My"
            | "After"
            | "Before"
            | "When"
            | "While"
            | "As"
            | "If"
            | "For"
            | "Some"
            | "Many"
            | "Most"
            | "Other"
            | "Others"
            | "All"
            | "Both"
            | "Each"
            | "Officials"
            | "Meanwhile"
            | "However"
            | "Still"
            | "Yet"
            | "Earlier"
            | "Later"
            | "Also"
            | "Then"
            | "What"
            | "Who"
            | "Why"
            | "How"
            | "Where"
            | "Now"
            | "Since"
            | "Although"
            | "Though"
            | "Despite"
            | "Under"
            | "With"
            | "Without"
            | "During"
            | "Last"
            | "Next"
            | "Such"
            | "Nor"
            | "Not"
            | "No"
            | "Asked"
            | "According"
            | "Instead"
            | "Indeed"
            | "Yes"
    )
}

/// Speech verbs that tag a quote ("Lee asked"); written for gloss.
fn is_speech_verb(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "asked"
            | "asks"
            | "told"
            | "added"
            | "adds"
            | "replied"
            | "wrote"
            | "writes"
            | "shouted"
            | "yelled"
            | "insisted"
            | "explained"
            | "continued"
            | "cried"
            | "exclaimed"
            | "wondered"
            | "recalled"
            | "warned"
            | "declared"
            | "answered"
    )
}

fn starts_lowercase(tok: &str) -> bool {
    tok.chars().next().is_some_and(char::is_lowercase)
}

fn starts_uppercase(tok: &str) -> bool {
    tok.chars().next().is_some_and(char::is_uppercase)
}

/// True when `tokens[j..]` opens with capitalised words and then a speech
/// verb: the tag of a quote that just closed ("Lee asked", "Maria Lopez said").
fn speech_tag_follows(text: &str, tokens: &[Token], j: usize) -> bool {
    for t in tokens.iter().skip(j).take(4) {
        let w = t.text(text);
        if is_speech_verb(w) {
            return true;
        }
        if !(t.kind == TokenKind::Word && starts_uppercase(w)) {
            return false;
        }
    }
    false
}

/// The sentences of one paragraph's tokens, in order, written to `out`
/// (cleared first); the last one ends at `tokens.len()`. `marks` are the
/// indices, in order, of the tokens that [`may_end_sentence`] (as the
/// tokenizer found them): no other token can end a sentence or be a double
/// quote mark, so only these are read. Linear in the number of tokens.
pub(crate) fn sentence_ends(
    text: &str,
    tokens: &[Token],
    marks: &[usize],
    out: &mut Vec<SentenceEnd>,
) {
    out.clear();
    let n = tokens.len();
    let mut i = 0;
    // Double quote marks seen so far: an odd count means a quotation is open,
    // which tells a closing mark from an opening one written with the same
    // glyph ('” We agree,” he said.').
    let mut open_quotes = 0usize;
    let mut next_mark = 0; // index in `marks` of the first mark not yet passed
    loop {
        while marks.get(next_mark).is_some_and(|&k| k < i) {
            next_mark += 1;
        }
        match marks.get(next_mark) {
            Some(&k) if k < n => i = k,
            _ => break,
        }
        debug_assert!(may_end_sentence(text.as_bytes(), tokens[i]));
        let first = tokens[i].text(text);
        let m = mark(first, tokens[i].kind);
        if m == Mark::Other {
            open_quotes += usize::from(is_double_quote(first));
            i += 1;
            continue;
        }
        // Absorb further terminal marks and the closing marks glued after them.
        let mut j = i + 1;
        let mut quote_closed = false;
        let mut bracket_closed = false;
        while let Some(t) = tokens.get(j) {
            let s = t.text(text);
            let glued = t.span().start == tokens[j - 1].span().end;
            if matches!(mark(s, t.kind), Mark::Terminal | Mark::Ellipsis) && glued {
                j += 1;
            } else if is_closer(s)
                && (glued || j + 1 == n || s == ")" || (is_double_quote(s) && open_quotes % 2 == 1))
            {
                let bracket = matches!(s, ")" | "]" | "}");
                open_quotes += usize::from(is_double_quote(s));
                quote_closed |= !bracket;
                bracket_closed |= bracket;
                j += 1;
            } else {
                break;
            }
        }
        let next = tokens.get(j).map(|t| t.text(text));
        let capital_next = next.is_some_and(|w| {
            starts_uppercase(w)
                || (is_opener(w)
                    && tokens
                        .get(j + 1)
                        .is_some_and(|t| starts_uppercase(t.text(text))))
        });
        let (ends, split_dot) = match m {
            Mark::Terminal => {
                let continues = next
                    .is_some_and(|w| starts_lowercase(w) || matches!(w, "," | ";" | ":"))
                    || (quote_closed && speech_tag_follows(text, tokens, j));
                (!continues, None)
            }
            Mark::Ellipsis => (next.is_none() || capital_next, None),
            Mark::Abbreviation(AbbreviationClass::Title) => (next.is_none(), None),
            Mark::Abbreviation(AbbreviationClass::Other) => {
                let starter = next.is_some_and(|w| {
                    is_sentence_starter(w)
                        || (is_opener(w)
                            && tokens
                                .get(j + 1)
                                .is_some_and(|t| starts_uppercase(t.text(text))))
                });
                let ends = next.is_none() || starter;
                // "(U.S.)": the dot is the abbreviation's; the sentence has none of its own
                (ends, (ends && !bracket_closed).then_some(i))
            }
            Mark::Other => (false, None),
        };
        if ends {
            out.push(SentenceEnd { end: j, split_dot });
        }
        i = j;
    }
    if out.last().is_none_or(|e| e.end < n) && n > 0 {
        out.push(SentenceEnd {
            end: n,
            split_dot: None,
        });
    }
}
