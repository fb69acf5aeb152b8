//! The terminal reader (The Elm Architecture: `App`, `Action`, `update`, `view`).
//!
//! Entry point: [`run`].

use crate::analysis::Analysis;

/// An article opened in the reader.
pub struct OpenArticle {
    pub name: String,
    pub analysis: Analysis,
    pub warnings: Vec<String>,
}

/// Runs the reader on the given articles until the user quits.
/// Until the reader exists, prints the report instead.
pub fn run(articles: Vec<OpenArticle>) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for a in &articles {
        crate::report::write_report(&mut out, &a.name, &a.analysis)?;
    }
    Ok(())
}
