//! The tagger's per-token labels (BIO over PER/ORG/LOC/MISC) and the spans
//! they spell.
//!
//! Owns the encoding of a tag as a small integer (the model's weight rows are
//! indexed by it), which tag may follow which, and the conlleval rule that
//! turns a tag sequence into typed spans. Knows nothing of features or text.

use super::NameLabel;
use std::ops::Range;

/// Number of tags: `O` plus `B-` and `I-` for each of the four labels.
pub const N_TAGS: usize = 9;

/// A per-token tag: outside a name, or beginning / inside a name of a label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    Outside,
    Begin(NameLabel),
    Inside(NameLabel),
}

impl NameLabel {
    /// The four labels in model order.
    pub const ALL: [NameLabel; 4] = [
        NameLabel::Per,
        NameLabel::Org,
        NameLabel::Loc,
        NameLabel::Misc,
    ];

    /// The CoNLL name of the label ("PER").
    pub const fn as_str(self) -> &'static str {
        match self {
            NameLabel::Per => "PER",
            NameLabel::Org => "ORG",
            NameLabel::Loc => "LOC",
            NameLabel::Misc => "MISC",
        }
    }

    const fn index(self) -> usize {
        match self {
            NameLabel::Per => 0,
            NameLabel::Org => 1,
            NameLabel::Loc => 2,
            NameLabel::Misc => 3,
        }
    }

    /// Parses a CoNLL label name ("PER", "ORG", "LOC", "MISC").
    pub fn from_conll(s: &str) -> Option<NameLabel> {
        NameLabel::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

impl Tag {
    /// Every tag, in index order.
    pub const ALL: [Tag; N_TAGS] = [
        Tag::Outside,
        Tag::Begin(NameLabel::Per),
        Tag::Inside(NameLabel::Per),
        Tag::Begin(NameLabel::Org),
        Tag::Inside(NameLabel::Org),
        Tag::Begin(NameLabel::Loc),
        Tag::Inside(NameLabel::Loc),
        Tag::Begin(NameLabel::Misc),
        Tag::Inside(NameLabel::Misc),
    ];

    /// The tag's row in the model's weights.
    pub const fn index(self) -> usize {
        match self {
            Tag::Outside => 0,
            Tag::Begin(l) => 1 + 2 * l.index(),
            Tag::Inside(l) => 2 + 2 * l.index(),
        }
    }

    /// The tag with index `i` (`i < N_TAGS`).
    pub const fn from_index(i: usize) -> Tag {
        Tag::ALL[i % N_TAGS]
    }

    /// The label of the name the tag is part of, if any.
    pub const fn label(self) -> Option<NameLabel> {
        match self {
            Tag::Outside => None,
            Tag::Begin(l) | Tag::Inside(l) => Some(l),
        }
    }

    /// Whether this tag may follow `prev` (an `I-X` continues a name of label X).
    pub fn may_follow(self, prev: Tag) -> bool {
        match self {
            Tag::Inside(l) => prev.label() == Some(l),
            _ => true,
        }
    }

    /// The tags that may follow `prev`, as a bit set of tag indices.
    #[inline]
    pub const fn allowed_after(prev: Tag) -> u16 {
        // O and every B-: bits 0, 1, 3, 5, 7.
        let starts = 0b1010_1011;
        match prev.label() {
            None => starts,
            Some(l) => starts | 1 << Tag::Inside(l).index(),
        }
    }

    /// The tag made valid after `prev`: an `I-X` that cannot continue becomes `B-X`.
    pub fn repaired_after(self, prev: Tag) -> Tag {
        match self {
            Tag::Inside(l) if !self.may_follow(prev) => Tag::Begin(l),
            t => t,
        }
    }

    /// Parses a CoNLL tag ("O", "B-PER", "I-LOC"); IOB1 and IOB2 both read.
    pub fn from_conll(s: &str) -> Option<Tag> {
        if s == "O" {
            return Some(Tag::Outside);
        }
        let (kind, label) = s.split_once('-')?;
        let label = NameLabel::from_conll(label)?;
        match kind {
            "B" => Some(Tag::Begin(label)),
            "I" => Some(Tag::Inside(label)),
            _ => None,
        }
    }
}

/// The typed spans a tag sequence spells, by the conlleval rule: a name
/// starts at `B-X`, or at `I-X` after anything but a name of label X.
pub fn spans(tags: &[Tag]) -> Vec<(Range<usize>, NameLabel)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, NameLabel)> = None;
    for (i, t) in tags.iter().enumerate() {
        let continues = matches!((t, open), (Tag::Inside(l), Some((_, o))) if *l == o);
        if continues {
            continue;
        }
        if let Some((s, l)) = open.take() {
            out.push((s..i, l));
        }
        if let Some(l) = t.label() {
            open = Some((i, l));
        }
    }
    if let Some((s, l)) = open {
        out.push((s..tags.len(), l));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_round_trips() {
        for (i, t) in Tag::ALL.iter().enumerate() {
            assert_eq!(t.index(), i);
            assert_eq!(Tag::from_index(i), *t);
        }
    }

    #[test]
    fn spans_follow_conlleval() {
        let t = |s: &str| Tag::from_conll(s).expect("valid tag");
        let tags = [
            t("B-PER"),
            t("I-PER"),
            t("O"),
            t("I-LOC"),
            t("B-LOC"),
            t("I-ORG"),
        ];
        assert_eq!(
            spans(&tags),
            vec![
                (0..2, NameLabel::Per),
                (3..4, NameLabel::Loc),
                (4..5, NameLabel::Loc),
                (5..6, NameLabel::Org),
            ]
        );
    }

    #[test]
    fn allowed_after_agrees_with_may_follow() {
        for prev in Tag::ALL {
            for (i, t) in Tag::ALL.iter().enumerate() {
                let allowed = Tag::allowed_after(prev) & 1 << i != 0;
                assert_eq!(allowed, t.may_follow(prev), "{t:?} after {prev:?}");
            }
        }
    }

    #[test]
    fn inside_needs_same_label_before() {
        let per = Tag::Inside(NameLabel::Per);
        assert!(per.may_follow(Tag::Begin(NameLabel::Per)));
        assert!(!per.may_follow(Tag::Outside));
        assert_eq!(per.repaired_after(Tag::Outside), Tag::Begin(NameLabel::Per));
    }
}
