//! The plain-text report: what gloss prints when its output is not a terminal
//! (or with `--report`).
//!
//! Entry point: [`write_report`]. The report is plain text with no escape
//! sequences: the cast (people with role and mentions), then organisations,
//! places, groups, money, dates and quantities, the quotes grouped by speaker
//! and the topics.

use crate::analysis::{Analysis, Entity, EntityKind};
use std::io::{self, Write};

const QUOTE_WIDTH: usize = 100;

/// Writes the report of `analysis`, titled `name`, to `out`.
pub fn write_report(out: &mut impl Write, name: &str, analysis: &Analysis) -> io::Result<()> {
    writeln!(out, "{}", sanitize(name))?;
    writeln!(
        out,
        "{} paragraphs, {} sentences, {} entities, {} quotes, {} topics",
        analysis.paragraphs.len(),
        analysis.sentences.len(),
        analysis.entities.len(),
        analysis.quotes.len(),
        analysis.topics.len()
    )?;
    for kind in EntityKind::ALL {
        let mut list: Vec<&Entity> = analysis
            .entities
            .iter()
            .filter(|e| e.kind == kind)
            .collect();
        if list.is_empty() {
            continue;
        }
        list.sort_by(|a, b| {
            b.mentions
                .len()
                .cmp(&a.mentions.len())
                .then(a.id.cmp(&b.id))
        });
        writeln!(out, "\n{}", section_title(kind))?;
        for e in list {
            let mut line = format!("  {}", sanitize(&e.name));
            if let Some(role) = &e.role {
                line.push_str(&format!(", {}", sanitize(role)));
            }
            let n = e.mentions.len();
            line.push_str(&format!(" ({n} mention{})", if n == 1 { "" } else { "s" }));
            if !e.aliases.is_empty() {
                let aliases: Vec<String> = e.aliases.iter().map(|a| sanitize(a)).collect();
                line.push_str(&format!("; also {}", aliases.join(", ")));
            }
            writeln!(out, "{line}")?;
        }
    }
    write_quotes(out, analysis)?;
    if !analysis.topics.is_empty() {
        writeln!(out, "\nTopics")?;
        for t in &analysis.topics {
            let paras: Vec<String> = t.paragraphs.iter().map(|p| (p + 1).to_string()).collect();
            writeln!(
                out,
                "  {} ({}): paragraphs {}",
                sanitize(&t.label),
                t.keywords
                    .iter()
                    .map(|k| sanitize(k))
                    .collect::<Vec<_>>()
                    .join(", "),
                paras.join(", ")
            )?;
        }
    }
    Ok(())
}

fn write_quotes(out: &mut impl Write, analysis: &Analysis) -> io::Result<()> {
    if analysis.quotes.is_empty() {
        return Ok(());
    }
    writeln!(out, "\nWho said what")?;
    // Group by speaker, speakers in order of their first quote; unattributed last.
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    let mut unattributed = Vec::new();
    for (i, q) in analysis.quotes.iter().enumerate() {
        let who = q
            .speaker
            .and_then(|id| analysis.entities.get(id))
            .map(|e| e.name.clone())
            .or_else(|| q.speaker_name.clone());
        match who {
            Some(w) => match groups.iter_mut().find(|(n, _)| *n == w) {
                Some((_, v)) => v.push(i),
                None => groups.push((w, vec![i])),
            },
            None => unattributed.push(i),
        }
    }
    if !unattributed.is_empty() {
        groups.push(("(unattributed)".to_string(), unattributed));
    }
    for (who, idx) in groups {
        writeln!(out, "  {}", sanitize(&who))?;
        for i in idx {
            let q = &analysis.quotes[i];
            let words = shorten(&sanitize(q.content.of(&analysis.text)), QUOTE_WIDTH);
            let to = q
                .addressee
                .and_then(|id| analysis.entities.get(id))
                .map(|e| format!(" to {}", sanitize(&e.name)))
                .unwrap_or_default();
            let cue = q
                .cue
                .as_deref()
                .map(|c| format!(" [{}]", sanitize(c)))
                .unwrap_or_default();
            let kind = match q.kind {
                crate::analysis::QuoteKind::Direct => "direct",
                crate::analysis::QuoteKind::Partial => "partial",
                crate::analysis::QuoteKind::Unmarked => "unmarked",
                crate::analysis::QuoteKind::Indirect => "indirect",
            };
            writeln!(out, "    ¶{} {kind}{cue}{to}: “{words}”", q.paragraph + 1)?;
        }
    }
    Ok(())
}

fn section_title(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "People",
        EntityKind::Org => "Organisations",
        EntityKind::Place => "Places",
        EntityKind::Group => "Groups",
        EntityKind::Money => "Money",
        EntityKind::Date => "Dates",
        EntityKind::Quantity => "Quantities",
    }
}

/// Replaces control characters (escape sequences, bells, ...) with visible
/// symbols and folds white space, so the article's bytes never drive the terminal.
///
/// ```
/// assert_eq!(gloss::report::sanitize("a\u{1b}[2Jb\nc"), "a␛[2Jb c");
/// ```
pub fn sanitize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\t' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('?')),
            '\u{7f}' => out.push('␡'),
            c if ('\u{80}'..='\u{9f}').contains(&c) => out.push('�'),
            c => out.push(c),
        }
    }
    out
}

/// Shortens `s` to at most `max` characters, ending with "…" when cut.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}
