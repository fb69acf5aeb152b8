//! What is marked in each paragraph: entity mentions and quotes, found once.
//!
//! Entry point: [`Marks::new`], built once when an article opens. It clips
//! every mention and quote to the paragraphs it touches and files them by
//! paragraph, so drawing a row only looks at its own paragraph's marks. The
//! marks do not depend on the width, so a resize keeps them.
//!
//! Also here: [`spans_in`], the lookup of a row's part of any sorted list of
//! spans (the selected entity's mentions, search matches, topic words).

use crate::analysis::{Analysis, EntityId, EntityKind, QuoteKind, Span};

/// What a mark is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    /// A mention of entity `id`.
    Mention { id: EntityId, kind: EntityKind },
    /// The words of quote `index`.
    Quote { index: usize, kind: QuoteKind },
}

/// A marked piece of one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub span: Span,
    pub kind: MarkKind,
}

/// Every paragraph's marks: quotes first, then mentions, each in text order.
#[derive(Debug, Clone, Default)]
pub struct Marks {
    marks: Vec<Mark>,
    /// For paragraph `p`, its marks are `marks[by_paragraph[p]..by_paragraph[p + 1]]`.
    by_paragraph: Vec<usize>,
}

impl Marks {
    /// Files the analysis's mentions and quotes by paragraph.
    pub fn new(analysis: &Analysis) -> Self {
        let paragraphs: Vec<Span> = analysis.paragraphs.iter().map(|p| p.span).collect();
        let mut per: Vec<Vec<Mark>> = vec![Vec::new(); paragraphs.len()];
        let mut file = |span: Span, kind: MarkKind| {
            let first = paragraphs.partition_point(|p| p.end <= span.start);
            for (p, ps) in paragraphs.iter().enumerate().skip(first) {
                if ps.start >= span.end {
                    break;
                }
                let clipped = Span::new(span.start.max(ps.start), span.end.min(ps.end));
                if !clipped.is_empty() {
                    per[p].push(Mark {
                        span: clipped,
                        kind,
                    });
                }
            }
        };
        for (index, q) in analysis.quotes.iter().enumerate() {
            file(
                q.content,
                MarkKind::Quote {
                    index,
                    kind: q.kind,
                },
            );
        }
        for e in &analysis.entities {
            for m in &e.mentions {
                file(
                    *m,
                    MarkKind::Mention {
                        id: e.id,
                        kind: e.kind,
                    },
                );
            }
        }
        let mut marks = Vec::new();
        let mut by_paragraph = Vec::with_capacity(per.len() + 1);
        for mut list in per {
            by_paragraph.push(marks.len());
            // Quotes under mentions so a mention inside a quote shows both.
            list.sort_by_key(|m| (matches!(m.kind, MarkKind::Mention { .. }), m.span.start));
            marks.extend(list);
        }
        by_paragraph.push(marks.len());
        Marks {
            marks,
            by_paragraph,
        }
    }

    /// The marks of paragraph `p`.
    pub fn of_paragraph(&self, p: usize) -> &[Mark] {
        match (self.by_paragraph.get(p), self.by_paragraph.get(p + 1)) {
            (Some(&a), Some(&b)) => &self.marks[a..b],
            _ => &[],
        }
    }
}

/// The spans of a sorted, non-overlapping list that touch `row`.
///
/// ```
/// use gloss::analysis::Span;
/// let all = [Span::new(0, 3), Span::new(5, 8), Span::new(10, 12)];
/// assert_eq!(gloss::tui::marks::spans_in(&all, Span::new(6, 11)), &all[1..3]);
/// ```
pub fn spans_in(sorted: &[Span], row: Span) -> &[Span] {
    let a = sorted.partition_point(|s| s.end <= row.start);
    let b = a + sorted[a..].partition_point(|s| s.start < row.end);
    &sorted[a..b]
}
