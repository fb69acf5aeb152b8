use gloss::analysis::{Document, entities, ner};
use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let mb = text.len() as f64 / 1e6;
    let t = Instant::now();
    let doc = Document::new(&text);
    let seg = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let tags = ner::tag(&doc);
    let tag = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let es = entities::recognize(&doc);
    let ent = t.elapsed().as_secs_f64();
    println!(
        "{mb:.1} MB: segment {seg:.3}s, ner {tag:.3}s ({} names), recognize (incl. ner) {ent:.3}s => entities w/o ner {:.1} MB/s; {} entities",
        tags.len(),
        mb / (ent - tag),
        es.len()
    );
}
