//! The JSON export (`gloss --json`): an article's analysis with where it
//! came from, laid out exactly as serde_json lays out its `Serialize` form.
//!
//! Entry points: [`ArticleExport`] (what one article's export holds) and
//! [`write_article`] / [`write_analysis`]. The types derive `Serialize`, and
//! that form is the contract; this module writes the same bytes field by
//! field through [`json::JsonOut`], several times faster than serde's
//! generic path (an export is many times the size of the text, mostly
//! spans). Every struct is taken apart with an exhaustive pattern, so a
//! field added to the analysis does not compile until it is written here;
//! the tests compare both layouts with serde_json's on varied analyses.
//!
//! Nothing here decides what the analysis contains or reads a file.

pub mod json;

use crate::analysis::{
    AmbiguousMention, Analysis, Entity, Paragraph, Quote, QuoteKind, Sentence, Span, Topic,
};
use json::{JsonOut, Layout};
use serde::Serialize;
use std::io::{self, Write};

/// One article's export: the analysis with where it came from. Its
/// `Serialize` form is what [`write_article`] writes.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct ArticleExport<'a> {
    /// The file name, "(standard input)" or the sample's name.
    pub source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub warnings: &'a [String],
    #[serde(flatten)]
    pub analysis: &'a Analysis,
}

/// Writes `export` as JSON in `layout`: the same bytes as
/// `serde_json::to_writer_pretty` (or `to_writer`) of it.
///
/// ```
/// use gloss::export::{ArticleExport, json::Layout, write_article};
/// let analysis = gloss::analysis::analyze("Kenji Sato said the plan was \"sound\".");
/// let export = ArticleExport {
///     source: "story.txt",
///     title: Some("Plan"),
///     byline: None,
///     date: None,
///     warnings: &[],
///     analysis: &analysis,
/// };
/// let mut bytes = Vec::new();
/// write_article(&mut bytes, &export, Layout::Pretty).unwrap();
/// assert_eq!(bytes, serde_json::to_vec_pretty(&export).unwrap());
/// ```
pub fn write_article<W: Write>(sink: W, export: &ArticleExport, layout: Layout) -> io::Result<()> {
    let ArticleExport {
        source,
        title,
        byline,
        date,
        warnings,
        analysis,
    } = *export;
    let mut out = JsonOut::new(sink, layout);
    out.begin_object();
    out.key(true, "source");
    out.string(source);
    for (key, value) in [("title", title), ("byline", byline), ("date", date)] {
        if let Some(value) = value {
            out.key(false, key);
            out.string(value);
        }
    }
    if !warnings.is_empty() {
        out.key(false, "warnings");
        strings(&mut out, warnings);
    }
    analysis_fields(&mut out, analysis, false);
    out.end_object(true);
    out.finish()
}

/// Writes `analysis` alone as JSON in `layout`: the same bytes as
/// `serde_json::to_writer_pretty` (or `to_writer`) of it.
///
/// ```
/// use gloss::export::{json::Layout, write_analysis};
/// let analysis = gloss::analysis::analyze("Kenji Sato said so.");
/// let mut bytes = Vec::new();
/// write_analysis(&mut bytes, &analysis, Layout::Compact).unwrap();
/// assert_eq!(bytes, serde_json::to_vec(&analysis).unwrap());
/// ```
pub fn write_analysis<W: Write>(sink: W, analysis: &Analysis, layout: Layout) -> io::Result<()> {
    let mut out = JsonOut::new(sink, layout);
    out.begin_object();
    analysis_fields(&mut out, analysis, true);
    out.end_object(true);
    out.finish()
}

/// The fields of an [`Analysis`], inside an object already open (`first`
/// when none were written before them).
fn analysis_fields<W: Write>(out: &mut JsonOut<W>, analysis: &Analysis, first: bool) {
    let Analysis {
        schema_version,
        text,
        paragraphs,
        sentences,
        entities,
        quotes,
        topics,
    } = analysis;
    out.key(first, "schema_version");
    out.uint(u64::from(*schema_version));
    out.key(false, "text");
    out.string(text);
    out.key(false, "paragraphs");
    array(out, paragraphs, paragraph);
    out.key(false, "sentences");
    array(out, sentences, sentence);
    out.key(false, "entities");
    array(out, entities, entity);
    out.key(false, "quotes");
    array(out, quotes, quote);
    out.key(false, "topics");
    array(out, topics, topic);
}

/// An array of `items`, each written by `write`.
#[inline]
fn array<W: Write, T>(out: &mut JsonOut<W>, items: &[T], write: impl Fn(&mut JsonOut<W>, &T)) {
    out.begin_array();
    for (i, item) in items.iter().enumerate() {
        out.element(i == 0);
        write(out, item);
    }
    out.end_array(!items.is_empty());
}

fn strings<W: Write>(out: &mut JsonOut<W>, items: &[String]) {
    array(out, items, |out, s| out.string(s));
}

fn indices<W: Write>(out: &mut JsonOut<W>, items: &[usize]) {
    array(out, items, |out, &n| out.index(n));
}

/// A `start`/`end` pair (a [`Span`], a range of sentences) as an object.
#[inline]
fn range<W: Write>(out: &mut JsonOut<W>, start: usize, end: usize) {
    out.start_end(start as u64, end as u64);
}

/// The fields of a flattened span: `start` and `end` among the keys of an
/// object already open.
#[inline]
fn range_fields<W: Write>(out: &mut JsonOut<W>, start: usize, end: usize) {
    out.key(false, "start");
    out.index(start);
    out.key(false, "end");
    out.index(end);
}

#[inline]
fn span<W: Write>(out: &mut JsonOut<W>, &Span { start, end }: &Span) {
    range(out, start, end);
}

fn optional<W: Write, T>(
    out: &mut JsonOut<W>,
    value: Option<T>,
    write: impl Fn(&mut JsonOut<W>, T),
) {
    match value {
        Some(value) => write(out, value),
        None => out.null(),
    }
}

fn paragraph<W: Write>(out: &mut JsonOut<W>, p: &Paragraph) {
    let Paragraph { span: s, sentences } = p;
    out.begin_object();
    out.key(true, "span");
    span(out, s);
    out.key(false, "sentences");
    range(out, sentences.start, sentences.end);
    out.end_object(true);
}

fn sentence<W: Write>(out: &mut JsonOut<W>, s: &Sentence) {
    let Sentence {
        span: at,
        paragraph,
    } = s;
    out.begin_object();
    out.key(true, "span");
    span(out, at);
    out.key(false, "paragraph");
    out.index(*paragraph);
    out.end_object(true);
}

fn entity<W: Write>(out: &mut JsonOut<W>, e: &Entity) {
    let Entity {
        id,
        kind,
        name,
        role,
        aliases,
        mentions,
        ambiguous,
    } = e;
    out.begin_object();
    out.key(true, "id");
    out.index(*id);
    out.key(false, "kind");
    out.plain_string(kind.as_str());
    out.key(false, "name");
    out.string(name);
    out.key(false, "role");
    optional(out, role.as_deref(), JsonOut::string);
    out.key(false, "aliases");
    strings(out, aliases);
    out.key(false, "mentions");
    array(out, mentions, span);
    if !ambiguous.is_empty() {
        out.key(false, "ambiguous");
        array(out, ambiguous, ambiguous_mention);
    }
    out.end_object(true);
}

fn ambiguous_mention<W: Write>(out: &mut JsonOut<W>, m: &AmbiguousMention) {
    let AmbiguousMention {
        span: at,
        candidates,
    } = m;
    out.begin_object();
    out.key(true, "span");
    span(out, at);
    out.key(false, "candidates");
    indices(out, candidates);
    out.end_object(true);
}

/// The lowercase name of a quote's kind in the export.
fn quote_kind(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Unmarked => "unmarked",
        QuoteKind::Indirect => "indirect",
    }
}

fn quote<W: Write>(out: &mut JsonOut<W>, q: &Quote) {
    let Quote {
        kind,
        content,
        speaker,
        speaker_name,
        speaker_span,
        cue,
        cue_span,
        addressee,
        paragraph,
    } = q;
    out.begin_object();
    out.key(true, "kind");
    out.plain_string(quote_kind(*kind));
    // flattened: the content's span is the quote's own start and end
    range_fields(out, content.start, content.end);
    out.key(false, "speaker");
    optional(out, *speaker, JsonOut::index);
    out.key(false, "speaker_name");
    optional(out, speaker_name.as_deref(), JsonOut::string);
    out.key(false, "speaker_span");
    optional(out, speaker_span.as_ref(), span);
    out.key(false, "cue");
    optional(out, cue.as_deref(), JsonOut::string);
    out.key(false, "cue_span");
    optional(out, cue_span.as_ref(), span);
    out.key(false, "addressee");
    optional(out, *addressee, JsonOut::index);
    out.key(false, "paragraph");
    out.index(*paragraph);
    out.end_object(true);
}

fn topic<W: Write>(out: &mut JsonOut<W>, t: &Topic) {
    let Topic {
        label,
        keywords,
        entities,
        paragraphs,
        score,
    } = t;
    out.begin_object();
    out.key(true, "label");
    out.string(label);
    out.key(false, "keywords");
    strings(out, keywords);
    out.key(false, "entities");
    indices(out, entities);
    out.key(false, "paragraphs");
    indices(out, paragraphs);
    out.key(false, "score");
    out.float(*score);
    out.end_object(true);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_as_serde_json(export: &ArticleExport) {
        for layout in [Layout::Pretty, Layout::Compact] {
            let mut ours = Vec::new();
            write_article(&mut ours, export, layout).unwrap();
            let theirs = match layout {
                Layout::Pretty => serde_json::to_vec_pretty(export),
                Layout::Compact => serde_json::to_vec(export),
            };
            assert_eq!(
                String::from_utf8_lossy(&ours),
                String::from_utf8_lossy(&theirs.unwrap()),
                "{layout:?}"
            );
            let mut ours = Vec::new();
            write_analysis(&mut ours, export.analysis, layout).unwrap();
            let theirs = match layout {
                Layout::Pretty => serde_json::to_vec_pretty(export.analysis),
                Layout::Compact => serde_json::to_vec(export.analysis),
            };
            assert_eq!(
                String::from_utf8_lossy(&ours),
                String::from_utf8_lossy(&theirs.unwrap()),
                "{layout:?}"
            );
        }
    }

    fn bare(analysis: &Analysis) -> ArticleExport<'_> {
        ArticleExport {
            source: "story.txt",
            title: None,
            byline: None,
            date: None,
            warnings: &[],
            analysis,
        }
    }

    #[test]
    fn the_sample_is_written_as_serde_json_writes_it() {
        let analysis = crate::analysis::analyze(crate::SAMPLE_ARTICLE);
        assert!(analysis.entities.iter().any(|e| e.role.is_some()));
        assert!(analysis.quotes.iter().any(|q| q.speaker.is_none()));
        same_as_serde_json(&bare(&analysis));
    }

    #[test]
    fn an_empty_analysis_and_every_optional_header_are_written_as_serde_json_writes_them() {
        let analysis = crate::analysis::analyze("");
        assert!(analysis.paragraphs.is_empty());
        same_as_serde_json(&bare(&analysis));
        let warnings = [
            "no title found".to_string(),
            "odd \"bytes\"\u{1}".to_string(),
        ];
        same_as_serde_json(&ArticleExport {
            source: "C:\\news\\story \"one\".html",
            title: Some("Floods: the \\ \t response"),
            byline: Some("By Ana Ruiz"),
            date: Some("2026-11-29"),
            warnings: &warnings,
            analysis: &analysis,
        });
        same_as_serde_json(&ArticleExport {
            byline: Some(""),
            ..bare(&analysis)
        });
    }
}
