//! The analysis as the reader files it, and how far it has got while it
//! runs.
//!
//! Entry points: [`Analysed::new`] (the marks of each paragraph and the
//! panel's lists, built once, on the analysing thread for a large article),
//! [`Analysed::provisional`] (the text alone, in the paragraphs the
//! analysis will find, shown while it runs) and [`Progress`] (what the
//! status line says meanwhile). Pure: no terminal, no threads, no clock.

use super::marks::Marks;
use crate::analysis::segment::paragraph_spans;
use crate::analysis::{Analysis, EntityId, EntityKind, Paragraph, Stage};
use std::sync::Arc;

/// An analysis with what the reader files from it once (the marks of each
/// paragraph, the panel's lists). Built where the analysis is made, so a
/// large article's filing happens off the screen's thread too.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysed {
    pub(crate) analysis: Analysis,
    pub(crate) marks: Marks,
    /// People, most mentioned first.
    pub(crate) people: Vec<EntityId>,
    /// Everything else, by kind, then most mentioned first.
    pub(crate) places: Vec<EntityId>,
    /// Quote indices in text order.
    pub(crate) quotes: Vec<usize>,
}

impl Analysed {
    /// Files `analysis` for the reader.
    pub fn new(analysis: Analysis) -> Analysed {
        let mut people: Vec<EntityId> = Vec::new();
        let mut places: Vec<EntityId> = Vec::new();
        for e in &analysis.entities {
            if e.kind == EntityKind::Person {
                people.push(e.id);
            } else {
                places.push(e.id);
            }
        }
        let count = |id: &EntityId| analysis.entities.get(*id).map_or(0, |e| e.mentions.len());
        // Places first (the tab's name), then organisations, groups, amounts.
        let kind = |id: &EntityId| {
            analysis.entities.get(*id).map(|e| match e.kind {
                EntityKind::Place => 0,
                EntityKind::Org => 1,
                k => 2 + k as usize,
            })
        };
        people.sort_by(|a, b| count(b).cmp(&count(a)).then(a.cmp(b)));
        places.sort_by(|a, b| {
            kind(a)
                .cmp(&kind(b))
                .then(count(b).cmp(&count(a)))
                .then(a.cmp(b))
        });
        let mut quotes: Vec<usize> = (0..analysis.quotes.len()).collect();
        quotes.sort_by_key(|&i| (analysis.quotes[i].content.start, i));
        let marks = Marks::new(&analysis);
        Analysed {
            analysis,
            marks,
            people,
            places,
            quotes,
        }
    }

    /// The text alone, in provisional paragraphs: those the analysis's
    /// segmentation will find ([`paragraph_spans`], one pass over the lines),
    /// with nothing found in them yet.
    pub fn provisional(text: Arc<String>) -> Analysed {
        let paragraphs = paragraph_spans(&text)
            .into_iter()
            .map(|span| Paragraph {
                span,
                sentences: 0..0,
            })
            .collect();
        Analysed {
            analysis: Analysis {
                paragraphs,
                text,
                ..crate::tui::search::empty_analysis("")
            },
            marks: Marks::default(),
            people: Vec::new(),
            places: Vec::new(),
            quotes: Vec::new(),
        }
    }

    /// The analysis.
    pub fn analysis(&self) -> &Analysis {
        &self.analysis
    }
}

/// How far the background analysis has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// The stage running, once the first has begun.
    pub stage: Option<Stage>,
    /// Frames of the spinner shown so far (one per tick while it runs).
    pub tick: usize,
    /// Whole seconds it has run, as of the last tick.
    pub seconds: u64,
}

impl Progress {
    /// The spinner's frames.
    const SPINNER: [char; 4] = ['◐', '◓', '◑', '◒'];

    /// What the status line says: "analysing: names 10% · 12 s ◓" (the
    /// seconds once there is at least one).
    ///
    /// ```
    /// use gloss::analysis::Stage;
    /// let mut p = gloss::tui::app::Progress { stage: Some(Stage::Entities), tick: 1, seconds: 0 };
    /// assert_eq!(p.label(), "analysing: names 10% ◓");
    /// p.seconds = 12;
    /// assert_eq!(p.label(), "analysing: names 10% · 12 s ◓");
    /// ```
    pub fn label(&self) -> String {
        let spin = Self::SPINNER[self.tick % Self::SPINNER.len()];
        let stage = match self.stage {
            None => "starting".to_string(),
            Some(s) => format!("{} {:.0}%", s.as_str(), s.done_before() * 100.0),
        };
        match self.seconds {
            0 => format!("analysing: {stage} {spin}"),
            n => format!("analysing: {stage} · {n} s {spin}"),
        }
    }
}
