//! The pure core of gloss: text in, an [`Analysis`] out.
//!
//! [`analyze`] runs the stages in order, each in its own module:
//!
//! 1. [`segment`]: paragraphs, sentences and tokens (byte spans).
//! 2. [`entities`]: people, organisations, places, groups, money, dates and
//!    quantities, each one [`Entity`] with all its mentions, aliases and role.
//! 3. [`quotes`]: direct, partial, unmarked and indirect speech with speaker,
//!    cue and addressee.
//! 4. [`topics`]: the article's threads and the paragraphs that discuss them.
//!
//! This module owns the shared vocabulary ([`Span`], [`Entity`], [`Quote`],
//! ...). Nothing here touches a terminal, a file or the clock: the same text
//! always gives the same analysis. Every span is a byte range into the text
//! as given, on `char` boundaries.

pub mod entities;
pub mod ner;
pub mod quotes;
pub mod segment;
pub mod topics;

use serde::Serialize;
use std::sync::Arc;

/// The version of the JSON export's shape; bump it when a field changes meaning.
pub const SCHEMA_VERSION: u32 = 1;

/// A byte range `start..end` into the analysed text, always on `char` boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (byte offsets).
    ///
    /// ```
    /// let s = gloss::analysis::Span::new(3, 7);
    /// assert_eq!(s.len(), 4);
    /// ```
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Number of bytes covered.
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers nothing.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The covered text. Returns "" if the span does not fit `text`.
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub const fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// What kind of thing an entity is, as a reader of news would draw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A named human being.
    Person,
    /// Companies, agencies, parties, ministries, administrations.
    Org,
    /// Countries, cities, regions, seas; a capital used for its government.
    Place,
    /// Nationalities and blocs used as adjectives ("Chinese", "Western").
    Group,
    /// Sums of money ("$95 billion").
    Money,
    /// Dates and times ("Friday", "May", "earlier this year").
    Date,
    /// Other measured amounts ("about 5 1/2 days").
    Quantity,
}

impl EntityKind {
    /// All kinds, in the order the report and the panel list them.
    pub const ALL: [EntityKind; 7] = [
        EntityKind::Person,
        EntityKind::Org,
        EntityKind::Place,
        EntityKind::Group,
        EntityKind::Money,
        EntityKind::Date,
        EntityKind::Quantity,
    ];

    /// The lowercase name used in the JSON export.
    pub const fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Org => "org",
            EntityKind::Place => "place",
            EntityKind::Group => "group",
            EntityKind::Money => "money",
            EntityKind::Date => "date",
            EntityKind::Quantity => "quantity",
        }
    }
}

/// Index of an entity in [`Analysis::entities`] (equal to its `id`).
pub type EntityId = usize;

/// One referent named in the text, with every mention of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    pub id: EntityId,
    pub kind: EntityKind,
    /// Canonical name: the fullest form in the text ("Antony Blinken").
    pub name: String,
    /// Title or description the text gives ("US Secretary of State"), never part of the name.
    pub role: Option<String>,
    /// Other forms used for it in the text ("Blinken"), without the canonical name.
    pub aliases: Vec<String>,
    /// Every mention, in text order, as byte spans.
    pub mentions: Vec<Span>,
    /// Spans of mentions that could also refer to another entity (a shared
    /// surname no rule could settle), with the other candidates.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ambiguous: Vec<AmbiguousMention>,
}

/// A mention assigned to one entity although the text alone does not settle it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AmbiguousMention {
    pub span: Span,
    /// The other entities it could refer to.
    pub candidates: Vec<EntityId>,
}

/// A paragraph of the article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paragraph {
    pub span: Span,
    /// Indices into [`Analysis::sentences`]: `sentences.start..sentences.end`.
    pub sentences: std::ops::Range<usize>,
}

/// A sentence, with the paragraph it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
}

/// How a piece of speech is given in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Words in quotation marks, a sentence or more.
    Direct,
    /// A quoted fragment inside the writer's own sentence.
    Partial,
    /// Speech without quotation marks but attributed as speech ("..., he asked").
    Unmarked,
    /// Reported speech: "X said (that) ...", "according to X".
    Indirect,
}

/// A quotation or piece of reported speech.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    pub kind: QuoteKind,
    /// The quoted or reported words, without quotation marks.
    #[serde(flatten)]
    pub content: Span,
    /// The speaker, resolved to an entity.
    pub speaker: Option<EntityId>,
    /// The words that name the speaker ("US officials", "Blinken").
    pub speaker_name: Option<String>,
    /// Where the speaker is named at this quote ("he", "Blinken").
    pub speaker_span: Option<Span>,
    /// The speech verb ("said", "told").
    pub cue: Option<String>,
    pub cue_span: Option<Span>,
    /// Whom it was said to.
    pub addressee: Option<EntityId>,
    /// Index of the paragraph where the quote starts.
    pub paragraph: usize,
}

/// A thread of the article: what it is about and where.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Topic {
    pub label: String,
    pub keywords: Vec<String>,
    /// Entities that make up the topic.
    pub entities: Vec<EntityId>,
    /// Paragraph indices where the topic is discussed, ascending.
    pub paragraphs: Vec<usize>,
    /// How central it is, higher first; topics are sorted by it.
    pub score: f32,
}

/// Everything gloss knows about one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    pub schema_version: u32,
    /// The exact text all spans index, shared (not copied) with whoever
    /// handed it in through [`analyze_shared_with_progress`].
    pub text: Arc<String>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub topics: Vec<Topic>,
}

/// The text cut into paragraphs, sentences and tokens: what every later stage reads.
#[derive(Debug, Clone)]
pub struct Document<'t> {
    pub text: &'t str,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    /// Every token in text order.
    pub tokens: Vec<segment::Token>,
    /// For each sentence, the range of its tokens in `tokens`.
    pub sentence_tokens: Vec<std::ops::Range<usize>>,
}

impl<'t> Document<'t> {
    /// Segments `text` into paragraphs, sentences and tokens.
    pub fn new(text: &'t str) -> Self {
        segment::segment(text)
    }
}

/// Analyses an article.
///
/// ```
/// let a = gloss::analysis::analyze("Maria Lopez, the mayor, said on Monday that the budget was fine.");
/// assert_eq!(a.paragraphs.len(), 1);
/// ```
pub fn analyze(text: &str) -> Analysis {
    analyze_owned(text.to_string())
}

/// Analyses an article whose text the caller gives away: the same as
/// [`analyze`] without copying the text into the [`Analysis`] (a 100 MB
/// article then needs its text in memory once, not twice).
///
/// ```
/// let a = gloss::analysis::analyze_owned("Kenji Sato said so.".to_string());
/// assert_eq!(a, gloss::analysis::analyze("Kenji Sato said so."));
/// ```
pub fn analyze_owned(text: String) -> Analysis {
    analyze_with_progress(text, |_| {})
}

/// A stage of the analysis, in the order they run; [`analyze_with_progress`]
/// announces each as it begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// Cutting the text into paragraphs, sentences and tokens.
    Segmenting,
    /// Finding the people, organisations, places, groups, sums and dates.
    Entities,
    /// Finding the quotes and who said them.
    Quotes,
    /// Finding the topics.
    Topics,
}

impl Stage {
    /// Every stage, in the order they run.
    pub const ALL: [Stage; 4] = [
        Stage::Segmenting,
        Stage::Entities,
        Stage::Quotes,
        Stage::Topics,
    ];

    /// The share of the whole analysis done when this stage begins (measured
    /// CPU time per stage on news-like text), for a progress indicator.
    pub const fn done_before(self) -> f32 {
        match self {
            Stage::Segmenting => 0.0,
            Stage::Entities => 0.1,
            Stage::Quotes => 0.77,
            Stage::Topics => 0.91,
        }
    }

    /// What the stage does, for a status line.
    pub const fn as_str(self) -> &'static str {
        match self {
            Stage::Segmenting => "segmenting",
            Stage::Entities => "names",
            Stage::Quotes => "quotes",
            Stage::Topics => "topics",
        }
    }
}

/// [`analyze_owned`], calling `on_stage` as each [`Stage`] begins: for a
/// reader that analyses a large text on a background thread and shows how far
/// it has got. The result is the same as [`analyze_owned`]'s.
///
/// ```
/// let mut seen = Vec::new();
/// let a = gloss::analysis::analyze_with_progress("Kenji Sato said so.".to_string(), |s| seen.push(s));
/// assert_eq!(seen, gloss::analysis::Stage::ALL);
/// assert_eq!(a, gloss::analysis::analyze("Kenji Sato said so."));
/// ```
pub fn analyze_with_progress(text: String, on_stage: impl FnMut(Stage)) -> Analysis {
    analyze_shared_with_progress(Arc::new(text), on_stage)
}

/// [`analyze_with_progress`] on a text the caller keeps using while the
/// analysis runs (a reader showing it): the [`Analysis`] shares the text
/// instead of copying it, so a 100 MB article is in memory once.
///
/// ```
/// use std::sync::Arc;
/// let text = Arc::new("Kenji Sato said so.".to_string());
/// let a = gloss::analysis::analyze_shared_with_progress(Arc::clone(&text), |_| {});
/// assert!(Arc::ptr_eq(&a.text, &text));
/// ```
pub fn analyze_shared_with_progress(
    text: Arc<String>,
    mut on_stage: impl FnMut(Stage),
) -> Analysis {
    on_stage(Stage::Segmenting);
    let doc = Document::new(&text);
    on_stage(Stage::Entities);
    let entities = entities::recognize(&doc);
    on_stage(Stage::Quotes);
    let quotes = quotes::find(&doc, &entities);
    on_stage(Stage::Topics);
    let topics = topics::find(&doc, &entities);
    let (paragraphs, sentences) = (doc.paragraphs, doc.sentences);
    Analysis {
        schema_version: SCHEMA_VERSION,
        text,
        paragraphs,
        sentences,
        entities,
        quotes,
        topics,
    }
}
