//! The statistical name tagger: per-token BIO labels PER/ORG/LOC/MISC.
//!
//! Entry point: [`tag`]. It only proposes typed name spans; deciding what
//! is an entity, linking and roles belong to [`super::entities`].

use super::Document;
use std::ops::Range;

/// A label of the CoNLL scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameLabel {
    Per,
    Org,
    Loc,
    Misc,
}

/// A name proposed by the tagger: a range of token indices into `Document::tokens`.
#[derive(Debug, Clone, PartialEq)]
pub struct TaggedName {
    pub tokens: Range<usize>,
    pub label: NameLabel,
    /// The tagger's confidence margin (higher is surer).
    pub score: f32,
}

/// Proposes typed name spans for every sentence of the document.
pub fn tag(doc: &Document<'_>) -> Vec<TaggedName> {
    let _ = doc;
    Vec::new()
}
