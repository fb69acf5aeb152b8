//! Paragraphs: where the article's blocks of text start and end.
//!
//! Entry point: [`paragraph_spans`]. Articles come in two shapes: one
//! paragraph a line (the sample, most web copy, with or without blank lines
//! between) and hard-wrapped text, where blank lines separate paragraphs and
//! single newlines only wrap lines inside them. The shape is decided once
//! per text, by looking at how lines end. Only line structure is read here.

use crate::analysis::Span;

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
