//! Topics: the threads an article follows and the paragraphs of each.
//!
//! Entry point: [`find`].

use super::{Document, Entity, Topic};

/// Finds the article's topics, most central first.
pub fn find(doc: &Document<'_>, entities: &[Entity]) -> Vec<Topic> {
    let _ = (doc, entities);
    Vec::new()
}
