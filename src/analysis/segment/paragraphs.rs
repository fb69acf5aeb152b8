//! Paragraphs: where the article's blocks of text start and end.
//!
//! Entry point: [`paragraph_spans`]. Articles come in two shapes: one
//! paragraph a line (the sample, most web copy, with or without blank lines
//! between) and hard-wrapped text, where blank lines separate paragraphs and
//! single newlines only wrap lines inside them. The shape is decided once
//! per text, by looking at how lines end. Only line structure is read here.

use crate::analysis::Span;

/// One line of the text, as the paragraph finder sees it.
#[derive(Debug, Clone, Copy)]
struct Line {
    span: Span,
    /// Width in characters, without trailing white space.
    width: usize,
    /// Leading spaces and tabs, in bytes.
    indent: usize,
    blank: bool,
    /// Its first visible character is lowercase (it continues a sentence).
    lower_start: bool,
    /// Ends like a sentence or a quotation ('.', '?', '"', ':' ...).
    closed: bool,
}

fn read_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let (end, ascii) = line_end(text.as_bytes(), start);
        lines.push(read_line(text, Span::new(start, end), ascii));
        start = end + 1;
    }
    lines
}

/// Each byte's low bit set.
const LOW_BITS: u64 = 0x0101_0101_0101_0101;
/// Each byte's high bit set.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// Where the line starting at byte `start` ends (its '\n' or the end of
/// the text), and whether it is all ASCII: one pass, eight bytes at a time.
fn line_end(bytes: &[u8], start: usize) -> (usize, bool) {
    let mut at = start;
    // the high bits of every byte read so far
    let mut high = 0u64;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        let newlines = x ^ (LOW_BITS * u64::from(b'\n'));
        // the lowest bit set marks the first zero byte, the first newline
        let zero = newlines.wrapping_sub(LOW_BITS) & !newlines & HIGH_BITS;
        if zero != 0 {
            let k = zero.trailing_zeros() / 8;
            let before = (1u64 << (8 * k)).wrapping_sub(1);
            high |= x & before;
            return (at + k as usize, high & HIGH_BITS == 0);
        }
        high |= x;
        at += 8;
    }
    while let Some(&b) = bytes.get(at) {
        if b == b'\n' {
            break;
        }
        high |= u64::from(b);
        at += 1;
    }
    (at, high & HIGH_BITS == 0)
}

/// The line at `span`; `ascii` when all its bytes are ASCII (its width is
/// then its length).
fn read_line(text: &str, span: Span, ascii: bool) -> Line {
    let body = span.of(text).trim_end();
    let visible = body.trim_start();
    Line {
        span,
        width: if ascii {
            body.len()
        } else {
            body.chars().count()
        },
        indent: body.len() - body.trim_start_matches([' ', '\t']).len(),
        blank: visible.is_empty(),
        lower_start: visible.chars().next().is_some_and(char::is_lowercase),
        closed: matches!(
            body.chars().next_back(),
            Some('.' | '!' | '?' | '"' | '”' | '’' | '\'' | ':' | ')' | '…')
        ),
    }
}

/// Paragraph spans, trimmed of surrounding white space; empty paragraphs are dropped.
///
/// One paragraph a line, unless the text is hard-wrapped: most lines that
/// run on into the next line stop mid-sentence and fill the wrap width.
/// Then a paragraph runs until a blank line, an indented line, or a line
/// that ends a sentence well short of the wrap width.
///
/// ```
/// use gloss::analysis::segment::paragraph_spans;
/// let one_a_line = "The council met on Monday.\nIt approved the budget.";
/// assert_eq!(paragraph_spans(one_a_line).len(), 2);
/// let wrapped = "The council met on Monday to debate the budget, which\n\
///                had been delayed twice since the spring.\n\n\
///                It approved the plan after a long session that ran\n\
///                well past midnight.";
/// assert_eq!(paragraph_spans(wrapped).len(), 2);
/// ```
pub fn paragraph_spans(text: &str) -> Vec<Span> {
    let lines = read_lines(text);
    let mut out = Vec::new();
    let Some(width) = wrap_width(&lines) else {
        out.extend(
            lines
                .iter()
                .filter(|l| !l.blank)
                .map(|l| trim_span(text, l.span)),
        );
        return out;
    };
    let short = width * 3 / 5;
    let mut cur: Option<Span> = None;
    let mut prev: Option<&Line> = None;
    for l in &lines {
        if l.blank {
            if let Some(c) = cur.take() {
                out.push(trim_span(text, c));
            }
            prev = None;
            continue;
        }
        let starts_new = prev.is_some_and(|p| {
            (p.closed && p.width < short) || (l.indent >= 2 && l.indent > p.indent)
        });
        if starts_new && let Some(c) = cur.take() {
            out.push(trim_span(text, c));
        }
        cur = Some(match cur {
            Some(c) => Span::new(c.start, l.span.end),
            None => l.span,
        });
        prev = Some(l);
    }
    if let Some(c) = cur {
        out.push(trim_span(text, c));
    }
    out
}

/// The width hard-wrapped text is wrapped at, or `None` when the text is
/// one paragraph a line.
fn wrap_width(lines: &[Line]) -> Option<usize> {
    let mut widths: Vec<usize> = lines.iter().filter(|l| !l.blank).map(|l| l.width).collect();
    if widths.len() < 2 {
        return None;
    }
    // a high percentile, so one overlong line (a URL) does not set the width
    let at = (widths.len() - 1) * 9 / 10;
    let width = *widths.select_nth_unstable(at).1;
    let has_blank = lines.iter().any(|l| l.blank);
    // Lines that run on into the next non-blank line: in wrapped text most
    // of them stop mid-sentence, nearly fill the width, and the next line
    // often goes on in lowercase (a table's rows do not).
    let (mut inner, mut open, mut full, mut lower) = (0usize, 0usize, 0usize, 0usize);
    for pair in lines.windows(2) {
        let (l, next) = (&pair[0], &pair[1]);
        if l.blank || next.blank {
            continue;
        }
        inner += 1;
        if !l.closed {
            open += 1;
            full += usize::from(l.width * 5 >= width * 3);
            lower += usize::from(next.lower_start);
        }
    }
    let enough = if has_blank { inner >= 1 } else { inner >= 3 };
    let wrapped =
        enough && open * 2 >= inner && full * 4 >= open * 3 && lower * 3 >= open && width >= 20;
    wrapped.then_some(width)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<&str> {
        paragraph_spans(text).iter().map(|s| s.of(text)).collect()
    }

    proptest::proptest! {
        #[test]
        fn a_line_ends_at_its_newline_and_knows_whether_it_is_ascii(
            pieces in proptest::collection::vec(
                proptest::sample::select(&["a", "bc", " ", "\n", "é", "—", "12345678", "\t"][..]),
                0..40,
            ),
            start_at in 0usize..40,
        ) {
            let text = pieces.concat();
            let starts: Vec<usize> = (0..text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            if let Some(&start) = starts.get(start_at % starts.len().max(1)) {
                let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
                proptest::prop_assert_eq!(
                    line_end(text.as_bytes(), start),
                    (end, text[start..end].is_ascii())
                );
            }
        }
    }

    const WRAPPED: &str = "\
The city council voted on Tuesday to delay the new transit plan
for at least a year, after residents packed the hall to object to
the cost of the tunnel under the river.

The mayor, who had backed the plan since her election, said she
would ask the state for more money.
";

    #[test]
    fn blank_line_separated_wrapped_text_gives_blocks() {
        let p = paras(WRAPPED);
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(p[0].starts_with("The city council") && p[0].ends_with("river."));
        assert!(p[0].contains("plan\nfor"));
        assert_eq!(paras(&WRAPPED.replace('\n', "\r\n")).len(), 2);
    }

    #[test]
    fn one_paragraph_a_line_with_or_without_blank_lines() {
        let t = "The council met on Tuesday.\nThe mayor spoke first.\nResidents objected.";
        assert_eq!(paras(t).len(), 3);
        let t = "The council met on Tuesday.\n\nThe mayor spoke first.\n\n\nResidents objected.\n";
        assert_eq!(
            paras(t),
            [
                "The council met on Tuesday.",
                "The mayor spoke first.",
                "Residents objected."
            ]
        );
    }

    #[test]
    fn wrapped_text_without_blank_lines_breaks_at_indents_and_short_lines() {
        let t = "\
    The city council voted on Tuesday to delay the new transit
plan for at least a year, after residents packed the hall to
object to the cost.
    The mayor, who had backed the plan since her election, said
she would ask the state for more money before the next vote
in the spring.
The vote was close.
Council members said they would meet again in March to set
a new schedule for the project and its budget.";
        let p = paras(t);
        assert_eq!(p.len(), 4, "{p:?}");
        assert!(p[1].starts_with("The mayor") && p[1].ends_with("spring."));
        assert_eq!(p[2], "The vote was close.");
    }

    #[test]
    fn a_table_of_short_lines_is_not_wrapped_text() {
        let t = "Results on Sunday\n1. Ana Silva (Brazil) 3:58.1\n2. Mia Berg (Norway) 3:59.4\n\
                 3. Eva Kral (Austria) 4:01.0\n4. Li Na (China) 4:02.2\n\nNext race in May";
        assert_eq!(paras(t).len(), 6);
    }

    #[test]
    fn only_white_space_gives_no_paragraph() {
        assert!(paras(" \n\t\n  ").is_empty());
        assert!(paras("").is_empty());
    }
}
