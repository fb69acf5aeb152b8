//! Quotation marks: which marks open and close which quotation.
//!
//! Entry point: [`pair`]. Double marks (“ ” " „ « ») are paired inside each
//! paragraph: by alternation when a paragraph holds an even number of them
//! (real copy often uses ” to open), and by the direction each mark's
//! surroundings suggest when the count is odd. A quotation left open at the
//! end of a paragraph runs to the paragraph's end when the next paragraph
//! opens with a mark (the news convention for quotes over several
//! paragraphs); otherwise the stray mark is dropped, so one odd mark never
//! costs the quotes of other paragraphs. Single marks (‘ ’ ') are paired only
//! outside double quotations and inside one paragraph, with apostrophes
//! ("China’s", "voters’ views") left alone. Every step is linear in the
//! number of tokens.
//!
//! This module only finds quoted spans; who said them is decided elsewhere.

use crate::analysis::segment::{Token, TokenKind};
use crate::analysis::{Document, Span};

/// A span of text between quotation marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quoted {
    /// Token index of the opening mark (its first token).
    pub open: usize,
    /// Token index of the closing mark (its last token); `None` when the
    /// quotation runs to the end of its paragraph and on into the next one.
    pub close: Option<usize>,
    /// The quoted words, without the marks.
    pub content: Span,
    /// Index of the paragraph.
    pub paragraph: usize,
    /// Marked with single marks (‘ ’), not double ones.
    pub single: bool,
}

impl Quoted {
    /// Token index of the last token of the quotation (the closing mark, or
    /// the paragraph's last token).
    pub fn last_token(&self, paragraph_end: usize) -> usize {
        self.close.unwrap_or(paragraph_end.saturating_sub(1))
    }
}

fn is_double(c: &str) -> bool {
    matches!(c, "\"" | "“" | "”" | "„" | "«" | "»" | "‟")
}

/// A quotation mark: its first and last token (two for `''` and ``` `` ```).
type Mark = (usize, usize);

/// True when token `i` is punctuation whose first byte can start a
/// quotation mark (`"`, `'`, `` ` ``, or the lead byte of “ ” „ ‟ ‘ ’ « »):
/// a cheap test that skips almost every token.
#[inline]
fn may_be_mark(doc: &Document<'_>, i: usize) -> bool {
    may_be_mark_token(doc.text.as_bytes(), doc.tokens[i])
}

/// [`may_be_mark`] for token `t` of a text with these `bytes`.
#[inline]
pub(super) fn may_be_mark_token(bytes: &[u8], t: Token) -> bool {
    t.kind == TokenKind::Punct
        && matches!(
            bytes.get(t.span().start),
            Some(b'"' | b'\'' | b'`' | 0xE2 | 0xC2)
        )
}

/// The double mark starting at token `i`, if any.
#[inline]
fn double_mark(doc: &Document<'_>, i: usize) -> Option<Mark> {
    if !may_be_mark(doc, i) {
        return None;
    }
    let t = doc.tokens[i];
    let c = t.text(doc.text);
    if is_double(c) {
        return Some((i, i));
    }
    // '' and `` as one double mark (typewriter style)
    if matches!(c, "'" | "`")
        && let Some(n) = doc.tokens.get(i + 1)
        && n.span().start == t.span().end
        && n.text(doc.text) == c
    {
        return Some((i, i + 1));
    }
    None
}

/// Finds every quotation of the document, in text order. `candidates`
/// are the indices, in order, of the tokens that [`may_be_mark`] (found by
/// the caller in a pass over the tokens it makes anyway).
pub fn pair(doc: &Document<'_>, candidates: &[usize]) -> Vec<Quoted> {
    let mut out = Vec::new();
    let ranges: Vec<std::ops::Range<usize>> = doc
        .paragraphs
        .iter()
        .map(|p| {
            let s = &p.sentences;
            if s.is_empty() {
                0..0
            } else {
                doc.sentence_tokens[s.start].start..doc.sentence_tokens[s.end - 1].end
            }
        })
        .collect();
    let mut marks: Vec<Mark> = Vec::new();
    let mut next = 0; // the first candidate not yet passed
    for (pi, range) in ranges.iter().enumerate() {
        marks.clear();
        // the tokens of this paragraph that may be marks, read for both
        // the double and the single marks
        while candidates.get(next).is_some_and(|&i| i < range.start) {
            next += 1;
        }
        let from = next;
        while candidates.get(next).is_some_and(|&i| i < range.end) {
            next += 1;
        }
        let candidates = &candidates[from..next];
        let mut free = range.start; // tokens before this belong to a mark found
        for &i in candidates {
            if i < free {
                continue;
            }
            if let Some(m) = double_mark(doc, i)
                && m.1 < range.end
            {
                marks.push(m);
                free = m.1 + 1;
            }
        }
        let first_quote = out.len();
        let next_opens = ranges.get(pi + 1).is_some_and(|r| {
            !r.is_empty() && double_mark(doc, r.start).is_some_and(|m| can_open(doc, m))
        });
        let pairs = if marks.len().is_multiple_of(2) {
            marks
                .chunks(2)
                .map(|c| (c[0], Some(c[1])))
                .collect::<Vec<_>>()
        } else {
            pair_by_direction(doc, &marks)
        };
        for (o, c) in pairs {
            let content_end = match c {
                Some(c) => doc.tokens[c.0].span().start,
                None if next_opens => doc.paragraphs[pi].span.end,
                None => continue,
            };
            let content = Span::new(doc.tokens[o.1].span().end, content_end);
            if content.is_empty() {
                continue;
            }
            out.push(Quoted {
                open: o.0,
                close: c.map(|c| c.1),
                content,
                paragraph: pi,
                single: false,
            });
        }
        if !candidates.is_empty() {
            singles(doc, range.clone(), candidates, pi, first_quote, &mut out);
        }
    }
    out.sort_by_key(|q| q.open);
    out
}

/// Pairs an odd number of marks by the direction each one's surroundings
/// suggest; the last opener may stay open (`None`).
fn pair_by_direction(doc: &Document<'_>, marks: &[Mark]) -> Vec<(Mark, Option<Mark>)> {
    let mut out = Vec::new();
    let mut open: Option<Mark> = None;
    for &m in marks {
        let c = doc.tokens[m.0].text(doc.text);
        let typographic_open = matches!(c, "“" | "„" | "«" | "`");
        let opens = typographic_open || can_open(doc, m);
        let closes = !typographic_open && can_close(doc, m);
        match open {
            Some(o) if closes => {
                out.push((o, Some(m)));
                open = None;
            }
            _ if opens => open = Some(m),
            _ => {}
        }
    }
    if let Some(o) = open {
        out.push((o, None));
    }
    out
}

fn char_before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

fn char_after(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

/// A mark that stands where a quotation can start: after a space, the start
/// of the text or an opening bracket or dash, and before a word.
fn can_open(doc: &Document<'_>, m: Mark) -> bool {
    let before = char_before(doc.text, doc.tokens[m.0].span().start);
    let after = char_after(doc.text, doc.tokens[m.1].span().end);
    let open_before = before.is_none_or(|c| c.is_whitespace() || "([{—–-:".contains(c));
    open_before && after.is_some_and(|c| !matches!(c, ',' | '.' | ';' | ')'))
}

/// A mark that stands where a quotation can end: right after a word or punctuation.
fn can_close(doc: &Document<'_>, m: Mark) -> bool {
    char_before(doc.text, doc.tokens[m.0].span().start).is_some_and(|c| !c.is_whitespace())
        || char_after(doc.text, doc.tokens[m.1].span().end)
            .is_none_or(|c| c.is_whitespace() || ",.;:)".contains(c))
}

/// Adds the single-mark quotations of one paragraph that lie outside its
/// double quotations (`out[first..]`); `candidates` are its tokens that may
/// be marks.
fn singles(
    doc: &Document<'_>,
    range: std::ops::Range<usize>,
    candidates: &[usize],
    paragraph: usize,
    first: usize,
    out: &mut Vec<Quoted>,
) {
    const MAX_TOKENS: usize = 60;
    let text = doc.text;
    // double quotations of this paragraph, in order; walked with one cursor
    let doubles: Vec<(usize, usize)> = out[first..]
        .iter()
        .map(|q| (q.open, q.close.unwrap_or(range.end)))
        .collect();
    let mut cursor = 0;
    let mut open: Option<usize> = None;
    for &i in candidates {
        let t = doc.tokens[i];
        let c = t.text(text);
        if !matches!(c, "‘" | "’" | "'") {
            continue;
        }
        // one half of a typewriter double mark ('')
        let twin = |j: Option<usize>| {
            j.and_then(|j| doc.tokens.get(j)).is_some_and(|n| {
                n.text(text) == "'"
                    && (n.span().end == t.span().start || n.span().start == t.span().end)
            })
        };
        if c == "'" && (twin(i.checked_sub(1)) || twin(Some(i + 1))) {
            continue;
        }
        while cursor < doubles.len() && doubles[cursor].1 < i {
            cursor += 1;
        }
        if doubles.get(cursor).is_some_and(|&(o, _)| o <= i) {
            // inside a double quotation: nested, part of the outer quote
            open = None;
            continue;
        }
        if let Some(o) = open
            && i - o > MAX_TOKENS
        {
            open = None;
        }
        let before = char_before(text, t.span().start);
        let after = char_after(text, t.span().end);
        let opener = c != "’"
            && before.is_none_or(|b| b.is_whitespace() || "([—–-:".contains(b))
            && after.is_some_and(char::is_alphabetic);
        let closer = c != "‘"
            && before.is_some_and(|b| !b.is_whitespace())
            && after.is_none_or(|a| !a.is_alphanumeric());
        match open {
            Some(o) if closer => {
                // "voters’ views": a plural possessive, not a closing mark
                let possessive = before == Some('s')
                    && after == Some(' ')
                    && char_after(text, t.span().end + 1).is_some_and(char::is_lowercase);
                if possessive {
                    continue;
                }
                let content = Span::new(doc.tokens[o].span().end, t.span().start);
                if !content.is_empty() {
                    out.push(Quoted {
                        open: o,
                        close: Some(i),
                        content,
                        paragraph,
                        single: true,
                    });
                }
                open = None;
            }
            _ if opener => open = Some(i),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`pair`] with every token that may be a mark as a candidate.
    pub(in crate::analysis::quotes) fn pair_all(doc: &Document<'_>) -> Vec<Quoted> {
        let candidates: Vec<usize> = (0..doc.tokens.len())
            .filter(|&i| may_be_mark(doc, i))
            .collect();
        pair(doc, &candidates)
    }

    fn quoted(text: &str) -> Vec<&str> {
        let doc = Document::new(text);
        pair_all(&doc).iter().map(|q| q.content.of(text)).collect()
    }

    #[test]
    fn curly_straight_and_guillemet_pairs() {
        assert_eq!(quoted("She said “we will go” today."), vec!["we will go"]);
        assert_eq!(quoted("She said \"we will go\" today."), vec!["we will go"]);
        assert_eq!(quoted("Il a dit « non » hier."), vec![" non "]);
        assert_eq!(quoted("Er sagte „ja“ dazu."), vec!["ja"]);
    }

    #[test]
    fn closing_marks_used_to_open_pair_by_alternation() {
        let t = "” The port will reopen”, the mayor said. ” It is safe now.”";
        assert_eq!(quoted(t), vec![" The port will reopen", " It is safe now."]);
        let t = "The mayor told Ruiz,” I expect clear talks,” adding that” I trust you.”";
        assert_eq!(quoted(t), vec![" I expect clear talks,", " I trust you."]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(quoted("Chile’s voters’ views on the mayor’s plan.").is_empty());
        assert_eq!(
            quoted("The union called it ‘a bad deal’ on Monday, and the city’s reply came later."),
            vec!["a bad deal"]
        );
    }

    #[test]
    fn nested_single_quotes_stay_inside() {
        let t = "“He told me ‘wait here’ and left,” she said.";
        assert_eq!(quoted(t), vec!["He told me ‘wait here’ and left,"]);
    }

    #[test]
    fn quote_over_two_paragraphs() {
        let t = "“The first part of the plan is done.\n“The second part starts in May,” she said.";
        assert_eq!(
            quoted(t),
            vec![
                "The first part of the plan is done.",
                "The second part starts in May,"
            ]
        );
    }

    #[test]
    fn odd_marks_keep_other_quotes() {
        let t = "A stray “mark here and “a real quote” there.\nThen “another one,” she said.";
        let q = quoted(t);
        assert!(q.contains(&"a real quote"), "{q:?}");
        assert!(q.contains(&"another one,"), "{q:?}");
        // an unclosed quotation with no continuation is dropped
        assert!(quoted("He said “never mind.\nNext paragraph.").is_empty());
    }

    #[test]
    fn typewriter_double_apostrophes() {
        let t = "''We are ready,'' the coach said, and ''nobody's leaving.''";
        assert_eq!(quoted(t), vec!["We are ready,", "nobody's leaving."]);
    }

    #[test]
    fn many_marks_are_linear_and_safe() {
        let t = "\" ".repeat(10_001);
        let doc = Document::new(&t);
        assert!(pair_all(&doc).len() <= 5_001);
    }
}
