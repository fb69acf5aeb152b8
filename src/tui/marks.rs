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

/// Every paragraph's marks, filed in two lists (quotes, mentions), each in
/// text order, so a row finds its marks by binary search even in a
/// paragraph with thousands of them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Marks {
    quotes: Filed,
    mentions: Filed,
}

/// Marks grouped by paragraph: paragraph `p` has
/// `marks[by_paragraph[p]..by_paragraph[p + 1]]`.
#[derive(Debug, Clone, Default, PartialEq)]
struct Filed {
    marks: Vec<Mark>,
    by_paragraph: Vec<usize>,
}

impl Filed {
    fn new(paragraphs: &[Span], all: impl Iterator<Item = Mark>) -> Filed {
        let mut per: Vec<Vec<Mark>> = vec![Vec::new(); paragraphs.len()];
        for mark in all {
            let span = mark.span;
            let first = paragraphs.partition_point(|p| p.end <= span.start);
            for (p, ps) in paragraphs.iter().enumerate().skip(first) {
                if ps.start >= span.end {
                    break;
                }
                let clipped = Span::new(span.start.max(ps.start), span.end.min(ps.end));
                if !clipped.is_empty() {
                    per[p].push(Mark {
                        span: clipped,
                        kind: mark.kind,
                    });
                }
            }
        }
        let mut marks = Vec::new();
        let mut by_paragraph = Vec::with_capacity(per.len() + 1);
        for mut list in per {
            by_paragraph.push(marks.len());
            list.sort_by_key(|m| (m.span.start, m.span.end));
            marks.extend(list);
        }
        by_paragraph.push(marks.len());
        Filed {
            marks,
            by_paragraph,
        }
    }

    fn of_paragraph(&self, p: usize) -> &[Mark] {
        match (self.by_paragraph.get(p), self.by_paragraph.get(p + 1)) {
            (Some(&a), Some(&b)) => &self.marks[a..b],
            _ => &[],
        }
    }

    /// The marks of paragraph `p` that touch `row`.
    fn in_row(&self, p: usize, row: Span) -> &[Mark] {
        let all = self.of_paragraph(p);
        // Marks of one list do not nest, so their ends are in order too.
        let a = all.partition_point(|m| m.span.end <= row.start);
        let b = a + all[a..].partition_point(|m| m.span.start < row.end);
        &all[a..b]
    }
}

impl Marks {
    /// Files the analysis's mentions and quotes by paragraph.
    pub fn new(analysis: &Analysis) -> Self {
        let paragraphs: Vec<Span> = analysis.paragraphs.iter().map(|p| p.span).collect();
        let quotes = analysis.quotes.iter().enumerate().map(|(index, q)| Mark {
            span: q.content,
            kind: MarkKind::Quote {
                index,
                kind: q.kind,
            },
        });
        let mentions = analysis.entities.iter().flat_map(|e| {
            e.mentions.iter().map(|m| Mark {
                span: *m,
                kind: MarkKind::Mention {
                    id: e.id,
                    kind: e.kind,
                },
            })
        });
        Marks {
            quotes: Filed::new(&paragraphs, quotes),
            mentions: Filed::new(&paragraphs, mentions),
        }
    }

    /// The marks of paragraph `p`: its quotes, then its mentions.
    pub fn of_paragraph(&self, p: usize) -> impl Iterator<Item = &Mark> {
        self.quotes
            .of_paragraph(p)
            .iter()
            .chain(self.mentions.of_paragraph(p))
    }

    /// The marks of paragraph `p` that touch `row`: quotes, then mentions
    /// (so a mention inside a quote shows both).
    pub fn in_row(&self, p: usize, row: Span) -> impl Iterator<Item = &Mark> {
        self.quotes
            .in_row(p, row)
            .iter()
            .chain(self.mentions.in_row(p, row))
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
