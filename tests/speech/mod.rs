//! What the tests on written wire copy share: the quotes of an analysis as
//! (kind, speaker name, content) triples, easy to compare.

use gloss::analysis::{Analysis, QuoteKind};

/// (kind, speaker name, content) of every quote.
pub fn quotes(a: &Analysis) -> Vec<(QuoteKind, String, String)> {
    a.quotes
        .iter()
        .map(|q| {
            (
                q.kind,
                q.speaker_name.clone().unwrap_or_default(),
                q.content.of(&a.text).to_string(),
            )
        })
        .collect()
}
