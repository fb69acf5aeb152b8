//! The gloss binary: parses arguments, loads the articles and hands them to
//! the reader, the report or the JSON export. Everything else is in the library.
//!
//! Several articles are loaded and analysed in parallel, one worker per core
//! ([`in_order`]), and printed in the order given. The reader gets the
//! articles loaded but not analysed: it analyses them in the background. A file that cannot be read
//! is reported on standard error (naming it and saying what to do) while the
//! others go on; the exit status is then 1. A closed output pipe ends gloss
//! quietly.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod cli;

use anyhow::Context;
use cli::{Config, Output, STDIN_NAME, Source};
use gloss::analysis::{Analysis, analyze_owned};
use gloss::export::json::Layout;
use gloss::export::{ArticleExport, write_article};
use gloss::load::{self, Article};
use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
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

fn run() -> anyhow::Result<ExitCode> {
    let config = Config::from_env()?;
    let several = config.sources.len() > 1;
    let mut failed = false;
    match config.output {
        Output::Json | Output::Report => {
            let json = config.output == Output::Json;
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let mut first = true;
            in_order(
                &config.sources,
                |source| {
                    let mut article = load_source(source)?;
                    let analysis = analyze_owned(std::mem::take(&mut article.text));
                    // Several articles are rendered here, in parallel, one
                    // short line each; a single one is streamed by the
                    // printer, so its export (often many times the size of
                    // the text) is never held in memory.
                    let done = if several {
                        let mut bytes = Vec::new();
                        render(&mut bytes, json, &article, &analysis, false)?;
                        Done::Rendered(bytes)
                    } else {
                        Done::Analysed(Box::new(analysis))
                    };
                    Ok((article, done))
                },
                |result| {
                    match result {
                        Ok((article, done)) => {
                            print_warnings(&article);
                            if !json && !first {
                                writeln!(out)?;
                            }
                            first = false;
                            match done {
                                Done::Rendered(bytes) => out.write_all(&bytes)?,
                                Done::Analysed(analysis) => {
                                    render(&mut out, json, &article, &analysis, true)?;
                                    // The only article: gloss exits once it is
                                    // written, and the system takes the memory
                                    // back at once; freeing its many small
                                    // parts one by one first is wasted time.
                                    std::mem::forget(analysis);
                                }
                            }
                        }
                        Err(err) => {
                            out.flush()?;
                            eprintln!("gloss: {err:#}");
                            failed = true;
                        }
                    }
                    Ok(())
                },
            )?;
            out.flush()?;
        }
        Output::Reader => {
            // Loaded only: the reader opens on the text at once and
            // analyses in the background.
            let mut open = Vec::new();
            in_order(&config.sources, load_source, |result| {
                match result {
                    Ok(article) => {
                        let name = display_name(&article);
                        open.push(gloss::tui::OpenArticle {
                            warnings: article.warnings,
                            byline: article.byline,
                            date: article.date,
                            ..gloss::tui::OpenArticle::text(name, article.text)
                        });
                    }
                    Err(err) => {
                        eprintln!("gloss: {err:#}");
                        failed = true;
                    }
                }
                Ok(())
            })?;
            if open.is_empty() {
                return Ok(ExitCode::FAILURE);
            }
            gloss::tui::run(open)?;
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn load_source(source: &Source) -> anyhow::Result<Article> {
    Ok(match source {
        Source::Sample => Article::from_text(gloss::SAMPLE_NAME, gloss::SAMPLE_ARTICLE),
        Source::Stdin => load::load_reader(STDIN_NAME, std::io::stdin().lock())?,
        Source::File(path) => load::load_path(path)?,
    })
}

/// The article's name on screen and in the report: a web page's title with
/// its file name, else the file name.
fn display_name(article: &Article) -> String {
    match &article.title {
        Some(title) => format!("{title} ({})", article.name),
        None => article.name.clone(),
    }
}

fn print_warnings(article: &Article) {
    for w in &article.warnings {
        eprintln!("gloss: {}: warning: {w}", article.name);
    }
}

/// An article analysed by a worker, ready for the printer.
enum Done {
    /// Its report or JSON line, rendered by the worker.
    Rendered(Vec<u8>),
    /// Its analysis, for the printer to render straight to the output.
    Analysed(Box<Analysis>),
}

/// Writes the report, or the JSON export (`pretty` for a single article),
/// of one article to `out`.
fn render(
    out: &mut impl Write,
    json: bool,
    article: &Article,
    analysis: &Analysis,
    pretty: bool,
) -> anyhow::Result<()> {
    if json {
        write_json(out, article, analysis, pretty)
    } else {
        Ok(gloss::report::write_report(
            out,
            &display_name(article),
            analysis,
        )?)
    }
}

fn write_json(
    out: &mut impl Write,
    article: &Article,
    analysis: &Analysis,
    pretty: bool,
) -> anyhow::Result<()> {
    let export = ArticleExport {
        source: &article.name,
        title: article.title.as_deref(),
        byline: article.byline.as_deref(),
        date: article.date.as_deref(),
        warnings: &article.warnings,
        analysis,
    };
    let layout = if pretty {
        Layout::Pretty
    } else {
        Layout::Compact
    };
    // An `io::Error` as it is, so that a closed pipe is recognised in `main`.
    write_article(&mut *out, &export, layout).context("writing the JSON export")?;
    out.write_all(b"\n")?;
    Ok(())
}

/// Runs `work` on every source, on up to one thread per core, and hands the
/// results to `emit` in the order of `sources` as soon as each is ready.
/// Stops early (and returns the error) when `emit` fails, e.g. on a closed pipe.
fn in_order<T: Send>(
    sources: &[Source],
    work: impl Fn(&Source) -> anyhow::Result<T> + Sync,
    mut emit: impl FnMut(anyhow::Result<T>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(sources.len());
    if threads <= 1 {
        for s in sources {
            emit(work(s))?;
        }
        return Ok(());
    }
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel(threads);
        for _ in 0..threads {
            let (tx, next, work) = (tx.clone(), &next, &work);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(source) = sources.get(i) else { break };
                    if tx.send((i, work(source))).is_err() {
                        break; // the printer stopped
                    }
                }
            });
        }
        drop(tx);
        let mut waiting = BTreeMap::new();
        let mut due = 0;
        for (i, result) in rx {
            waiting.insert(i, result);
            while let Some(result) = waiting.remove(&due) {
                emit(result)?;
                due += 1;
            }
        }
        Ok(())
    })
}
