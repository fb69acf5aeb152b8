//! Tests of the whole quote finder on sentences written for them.

use super::*;
use crate::analysis::Document;

/// (kind, content, speaker name, cue) of every quote of `text`, without entities.
fn quotes(text: &str) -> Vec<(QuoteKind, String, String, String)> {
    let doc = Document::new(text);
    find(&doc, &[])
        .into_iter()
        .map(|q| {
            (
                q.kind,
                q.content.of(text).to_string(),
                q.speaker_name.unwrap_or_default(),
                q.cue.unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn speaker_after_the_quote() {
    let q = quotes("“The bridge will open in May,” Mayor Ana Ruiz said on Monday.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Direct);
    assert_eq!(q[0].1, "The bridge will open in May,");
    assert_eq!(q[0].2, "Ana Ruiz");
    assert_eq!(q[0].3, "said");
}

#[test]
#[ignore]
fn debug_frames() {
    let text = std::fs::read_to_string(std::env::var("GLOSS_DEBUG_FILE").unwrap_or_default())
        .unwrap_or_default();
    let doc = Document::new(&text);
    let quoted = marks::pair(&doc);
    let cx = Ctx::new(&doc, &quoted);
    for q in &quoted {
        eprintln!(
            "Q p{} {:?} {:?}",
            q.paragraph,
            q.close.is_some(),
            q.content.of(&text)
        );
    }
    for f in frames::find(&cx) {
        eprintln!(
            "F s{} {:?} {:?} src={:?} name={:?} addr={:?} compl={:?}",
            f.sentence,
            f.layout,
            f.cue.of(&text),
            f.source.span.of(&text),
            f.source.name.of(&text),
            f.addressee.map(|a| a.span.of(&text)),
            f.complement.map(|c| cx.word(c))
        );
    }
}
