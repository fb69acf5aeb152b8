//! Segmentation: paragraphs, sentences and tokens, as byte spans.
//!
//! Entry point: [`segment`], which builds a [`Document`]. Paragraphs are
//! separated by single newlines (one paragraph a line, as in the sample) or,
//! in hard-wrapped text, by blank lines. Tokens are words (letters, digits,
//! inner apostrophes, hyphens and dots of abbreviations), numbers and single
//! punctuation marks.

use super::{Document, Paragraph, Sentence, Span};

/// The broad class of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or dots ("U.S.", "Indo-Pacific").
    Word,
    /// Digits, possibly with inner separators ("5", "3.2", "1,000").
    Number,
    /// A single punctuation or symbol character.
    Punct,
}

/// A token of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.of(text)
    }
}

/// Segments `text` into paragraphs, sentences and tokens.
pub fn segment(text: &str) -> Document<'_> {
    let para_spans = paragraph_spans(text);
    let tokens = tokenize(text);
    let mut paragraphs = Vec::with_capacity(para_spans.len());
    let mut sentences = Vec::new();
    let mut sentence_tokens = Vec::new();
    let mut tok_i = 0;
    for (pi, p) in para_spans.iter().enumerate() {
        let first_sentence = sentences.len();
        // tokens of this paragraph
        while tok_i < tokens.len() && tokens[tok_i].span.start < p.start {
            tok_i += 1;
        }
        let ptok_start = tok_i;
        while tok_i < tokens.len() && tokens[tok_i].span.end <= p.end {
            tok_i += 1;
        }
        for (s, r) in sentence_spans(text, &tokens[ptok_start..tok_i]) {
            sentences.push(Sentence {
                span: s,
                paragraph: pi,
            });
            sentence_tokens.push(ptok_start + r.start..ptok_start + r.end);
        }
        paragraphs.push(Paragraph {
            span: *p,
            sentences: first_sentence..sentences.len(),
        });
    }
    Document {
        text,
        paragraphs,
        sentences,
        tokens,
        sentence_tokens,
    }
}

/// Paragraph spans, trimmed of surrounding white space; empty paragraphs are dropped.
///
/// When the text has blank lines between blocks and lines inside those blocks
/// (hard-wrapped), a paragraph is a block; otherwise every line is one.
pub fn paragraph_spans(text: &str) -> Vec<Span> {
    let lines: Vec<Span> = line_spans(text);
    let non_blank = |s: &Span| !s.of(text).trim().is_empty();
    // Hard-wrapped: blank lines separate blocks, and most lines that are
    // followed by another line of the same block stop mid-sentence.
    let mut has_blank = false;
    let mut inner = 0usize;
    let mut inner_open = 0usize;
    for (i, l) in lines.iter().enumerate() {
        if !non_blank(l) {
            has_blank = true;
            continue;
        }
        if lines.get(i + 1).is_some_and(non_blank) {
            inner += 1;
            let last = l.of(text).trim_end().chars().last();
            if !matches!(last, Some('.' | '!' | '?' | '"' | '”' | ':' | ')')) {
                inner_open += 1;
            }
        }
    }
    let wrapped = has_blank && inner > 0 && inner_open * 2 >= inner;
    let mut out = Vec::new();
    if wrapped {
        let mut cur: Option<Span> = None;
        for l in &lines {
            if non_blank(l) {
                cur = Some(match cur {
                    Some(c) => Span::new(c.start, l.end),
                    None => *l,
                });
            } else if let Some(c) = cur.take() {
                out.push(trim_span(text, c));
            }
        }
        if let Some(c) = cur {
            out.push(trim_span(text, c));
        }
    } else {
        out.extend(
            lines
                .iter()
                .filter(|l| non_blank(l))
                .map(|l| trim_span(text, *l)),
        );
    }
    out
}

fn line_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            out.push(Span::new(start, i));
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push(Span::new(start, text.len()));
    }
    out
}

/// Shrinks a span to exclude leading and trailing white space.
pub fn trim_span(text: &str, s: Span) -> Span {
    let t = s.of(text);
    let lead = t.len() - t.trim_start().len();
    let trail = t.len() - t.trim_end().len();
    if lead + trail >= t.len() {
        return Span::new(s.start, s.start);
    }
    Span::new(s.start + lead, s.end - trail)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Splits text into tokens. Never fails; covers every non-space character.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if is_word_char(c) {
            let mut end = i + c.len_utf8();
            let mut all_digits = c.is_ascii_digit();
            while let Some(&(j, d)) = it.peek() {
                if is_word_char(d) {
                    all_digits &= d.is_ascii_digit();
                    end = j + d.len_utf8();
                    it.next();
                    continue;
                }
                // inner joiner: apostrophe, hyphen, dot, comma (in numbers)
                let joiner = matches!(d, '\'' | '’' | '-' | '.' | ',');
                if !joiner {
                    break;
                }
                let next = text[j + d.len_utf8()..].chars().next();
                let joins = match (d, next) {
                    ('.' | ',', Some(n)) if all_digits => n.is_ascii_digit(),
                    ('.', Some(n)) => n.is_alphabetic() && is_abbrev_like(&text[i..end]),
                    ('-', Some(n)) => is_word_char(n),
                    ('\'' | '’', Some(n)) => n.is_alphabetic(),
                    _ => false,
                };
                if !joins {
                    // a trailing dot of an abbreviation like "U.S." stays in the word
                    if d == '.' && text[i..end].contains('.') && !all_digits {
                        end = j + 1;
                        it.next();
                    }
                    break;
                }
                it.next();
                end = j + d.len_utf8();
            }
            let kind = if text[i..end]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit())
                && text[i..end]
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
            {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            out.push(Token {
                span: Span::new(i, end),
                kind,
            });
        } else {
            out.push(Token {
                span: Span::new(i, i + c.len_utf8()),
                kind: TokenKind::Punct,
            });
        }
    }
    out
}

/// "U", "U.S", "a.m": single letters separated by dots.
fn is_abbrev_like(s: &str) -> bool {
    s.split('.').all(|p| p.chars().count() == 1)
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "st",
    "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "rev", "hon", "pres", "gens",
    "reps", "sens", "adm", "maj", "cmdr", "supt", "dept", "univ", "approx", "fig", "vol", "ave",
    "blvd",
];

/// Sentence spans within one paragraph's tokens, with token index ranges
/// relative to `tokens`.
fn sentence_spans(text: &str, tokens: &[Token]) -> Vec<(Span, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut start = 0;
    let n = tokens.len();
    let mut i = 0;
    while i < n {
        let t = tokens[i].text(text);
        let mut boundary = false;
        if t == "?" || t == "!" {
            boundary = true;
        } else if t == "." || (t.ends_with('.') && tokens[i].kind == TokenKind::Word) {
            boundary = t == "." && !is_abbreviation_before(text, tokens, i);
            if t != "." {
                // a word ending in a dot ("U.S."): ends a sentence only if a capitalised
                // word follows that is not a name continuing the abbreviation
                boundary = false;
            }
        }
        if boundary {
            // absorb following closing punctuation (dots of "...", quotes, brackets)
            let mut j = i + 1;
            while j < n {
                let u = tokens[j].text(text);
                if matches!(
                    u,
                    "." | "!" | "?" | "\"" | "”" | "’" | "'" | ")" | "]" | "»"
                ) {
                    j += 1;
                } else {
                    break;
                }
            }
            // "..." followed by a lowercase word does not end the sentence
            let next_lower = tokens
                .get(j)
                .and_then(|t| t.text(text).chars().next())
                .is_some_and(|c| c.is_lowercase());
            if !next_lower {
                out.push((
                    Span::new(tokens[start].span.start, tokens[j - 1].span.end),
                    start..j,
                ));
                start = j;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    if start < n {
        out.push((
            Span::new(tokens[start].span.start, tokens[n - 1].span.end),
            start..n,
        ));
    }
    out
}

fn is_abbreviation_before(text: &str, tokens: &[Token], dot: usize) -> bool {
    if dot == 0 {
        return false;
    }
    let prev = tokens[dot - 1];
    if prev.span.end != tokens[dot].span.start {
        return false;
    }
    let w = prev.text(text);
    // single capital letter initial ("J. K. Rowling")
    if w.chars().count() == 1 && w.chars().all(|c| c.is_uppercase()) {
        return true;
    }
    ABBREVIATIONS.contains(&w.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        let d = segment(text);
        d.sentences.iter().map(|s| s.span.of(text)).collect()
    }

    #[test]
    fn one_paragraph_per_line() {
        let t = "First line here.\nSecond line.\n\nThird.";
        assert_eq!(segment(t).paragraphs.len(), 3);
    }

    #[test]
    fn hard_wrapped_blocks() {
        let t = "A wrapped paragraph\nthat goes on here.\n\nAnother one\nalso wrapped.\n";
        let d = segment(t);
        assert_eq!(d.paragraphs.len(), 2);
        assert_eq!(d.paragraphs[1].span.of(t), "Another one\nalso wrapped.");
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let t = "Mr. Smith met Sen. Jones in the U.S. capital. They talked.";
        assert_eq!(
            sents(t),
            vec![
                "Mr. Smith met Sen. Jones in the U.S. capital.",
                "They talked."
            ]
        );
    }

    #[test]
    fn quote_after_full_stop_stays() {
        let t = "\"We will win.\" She left.";
        assert_eq!(sents(t), vec!["\"We will win.\"", "She left."]);
    }

    #[test]
    fn tokens_keep_abbreviations_and_numbers() {
        let t = "The U.S. paid $3.2 billion to O'Brien's Indo-Pacific fund.";
        let toks: Vec<&str> = tokenize(t).iter().map(|x| x.text(t)).collect();
        assert!(toks.contains(&"U.S."), "{toks:?}");
        assert!(toks.contains(&"3.2"), "{toks:?}");
        assert!(toks.contains(&"Indo-Pacific"), "{toks:?}");
        assert!(toks.contains(&"O'Brien's"), "{toks:?}");
    }
}
