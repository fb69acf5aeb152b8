//! The gloss binary: parses arguments, loads the articles and hands them to
//! the reader, the report or the JSON export. Everything else is in the library.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod cli;

use anyhow::Context;
use cli::{Config, Output, Source};
use gloss::analysis::analyze;
use gloss::load::{self, Article};
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // A closed pipe (`gloss --json a.txt | head`) is not an error.
            if err
                .downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("gloss: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn load_source(source: &Source) -> anyhow::Result<Article> {
    Ok(match source {
        Source::Sample => Article::from_text(gloss::SAMPLE_NAME, gloss::SAMPLE_ARTICLE),
        Source::Stdin => load::load_reader("(standard input)", std::io::stdin().lock())?,
        Source::File(path) => load::load_path(path)?,
    })
}

fn run() -> anyhow::Result<()> {
    let config = Config::from_env()?;
    let articles = config
        .sources
        .iter()
        .map(load_source)
        .collect::<anyhow::Result<Vec<_>>>()?;
    let stdout = std::io::stdout();
    match config.output {
        Output::Json => {
            let mut out = std::io::BufWriter::new(stdout.lock());
            let several = articles.len() > 1;
            for a in &articles {
                let analysis = analyze(&a.text);
                if several {
                    serde_json::to_writer(&mut out, &analysis)
                } else {
                    serde_json::to_writer_pretty(&mut out, &analysis)
                }
                .context("writing the JSON export")?;
                writeln!(out)?;
            }
            out.flush()?;
        }
        Output::Report => {
            let mut out = std::io::BufWriter::new(stdout.lock());
            for (i, a) in articles.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                for w in &a.warnings {
                    eprintln!("gloss: {}: {w}", a.name);
                }
                gloss::report::write_report(&mut out, &a.name, &analyze(&a.text))?;
            }
            out.flush()?;
        }
        Output::Reader => {
            let open = articles
                .into_iter()
                .map(|a| gloss::tui::OpenArticle {
                    analysis: analyze(&a.text),
                    name: a.name,
                    warnings: a.warnings,
                })
                .collect();
            gloss::tui::run(open)?;
        }
    }
    Ok(())
}
