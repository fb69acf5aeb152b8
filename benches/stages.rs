//! Per-stage cost of the analysis (issue 7): segmenting, entities, quotes,
//! topics and the JSON export (compact, and pretty as `gloss --json` writes
//! one article), timed separately on each file given.
//!
//! `cargo bench --bench stages -- FILE...` prints, per file, the CPU time
//! of each stage on this thread (from `/proc/thread-self/schedstat` on
//! Linux, read just after yielding so that it is exact rather than rounded
//! to the scheduler's tick, and not inflated by a busy machine; wall time
//! elsewhere), two throughputs: the analysis alone (segment to topics) and
//! everything `gloss --json` does once the file is read (the analysis and
//! the pretty export), and the peak resident memory after each stage
//! (counted afresh for each file, from when its text is read).
//! `--generated=1,10,100` measures generated news-like text of those sizes
//! in megabytes instead (the corpus of `cargo bench --bench analysis`): the
//! same figures at each size show whether the time grows linearly. A
//! measuring tool, not part of gloss.

mod common;

use gloss::analysis::{Analysis, Document, SCHEMA_VERSION, entities, quotes, topics};
use gloss::export::json::Layout;
use std::time::{Duration, Instant};

/// CPU time this thread has used so far, or `None` where the kernel does not say.
fn thread_cpu() -> Option<Duration> {
    // The kernel brings a running thread's count up to date only at a
    // scheduler tick (every 4 ms here) or when the thread gives up the
    // CPU: yielding first makes the reading exact to the microsecond
    // instead of to the tick.
    std::thread::yield_now();
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns = stat.split_whitespace().next()?.parse::<u64>().ok()?;
    Some(Duration::from_nanos(ns))
}

/// This process' peak resident memory so far in megabytes (Linux), else 0.
fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
            line.split_whitespace().nth(1)?.parse::<f64>().ok()
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Starts measuring this process' peak resident memory afresh from what it
/// holds now (Linux: `/proc/self/clear_refs`), so that each file's peaks
/// are its own; elsewhere the peak stays the process' so far.
fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// A clock: thread CPU time where available, else wall time since start.
struct Clock {
    start: Instant,
    cpu: bool,
}

impl Clock {
    fn new() -> Self {
        Clock {
            start: Instant::now(),
            cpu: thread_cpu().is_some(),
        }
    }
    fn now(&self) -> Duration {
        match self.cpu.then(thread_cpu).flatten() {
            Some(d) => d,
            None => self.start.elapsed(),
        }
    }
}

fn main() -> anyhow::Result<()> {
    let clock = Clock::new();
    // `cargo bench` passes `--bench`; everything not starting with `--` is a file.
    for arg in std::env::args().skip(1) {
        if let Some(sizes) = arg.strip_prefix("--generated=") {
            for mb in sizes
                .split(',')
                .filter_map(|s| s.trim().parse::<usize>().ok())
            {
                let text = common::news_corpus(mb << 20);
                measure(&clock, &format!("generated {mb} MB"), text)?;
            }
        } else if !arg.starts_with("--") {
            measure(&clock, &arg, std::fs::read_to_string(&arg)?)?;
        }
    }
    Ok(())
}

/// Runs every stage on `text` and prints what each cost.
fn measure(clock: &Clock, name: &str, text: String) -> anyhow::Result<()> {
    let what = if clock.cpu { "CPU" } else { "wall" };
    let text = std::sync::Arc::new(text);
    let mb = text.len() as f64 / (1 << 20) as f64;
    reset_peak_rss();
    let mut stages = Vec::new();
    let mut lap = clock.now();
    let mut mark = |name: &'static str, stages: &mut Vec<(&str, Duration, f64)>| {
        let now = clock.now();
        stages.push((name, now - lap, peak_rss_mb()));
        lap = now;
    };
    let doc = Document::new(&text);
    mark("segment", &mut stages);
    let ents = entities::recognize(&doc);
    mark("entities", &mut stages);
    let qs = quotes::find(&doc, &ents);
    mark("quotes", &mut stages);
    let tops = topics::find(&doc, &ents);
    mark("topics", &mut stages);
    // what `analyze` does after the stages: the document's paragraphs
    // and sentences move into the analysis, its tokens are dropped
    let Document {
        paragraphs,
        sentences,
        tokens,
        sentence_tokens,
        ..
    } = doc;
    drop((tokens, sentence_tokens));
    let analysis = Analysis {
        schema_version: SCHEMA_VERSION,
        text: std::sync::Arc::clone(&text),
        paragraphs,
        sentences,
        entities: ents,
        quotes: qs,
        topics: tops,
    };
    mark("assemble", &mut stages);
    gloss::export::write_analysis(std::io::sink(), &analysis, Layout::Compact)?;
    mark("json", &mut stages);
    // what `gloss --json FILE` writes for one article (several times the text)
    gloss::export::write_analysis(std::io::sink(), &analysis, Layout::Pretty)?;
    mark("pretty", &mut stages);
    let total: Duration = stages.iter().map(|(_, d, _)| *d).sum();
    let analysis_time: Duration = stages[..4].iter().map(|(_, d, _)| *d).sum();
    print!("{name}: {mb:.1} MB, {what} {:.3} s", total.as_secs_f64());
    for (name, d, _) in &stages {
        print!(", {name} {:.3}", d.as_secs_f64());
    }
    print!("; peak MB after");
    for (name, _, peak) in &stages {
        print!(" {name} {peak:.0}");
    }
    let peak = stages.iter().map(|(_, _, peak)| *peak).fold(0.0, f64::max);
    // the analysis, the assembly of its result and the pretty export: what
    // `gloss --json FILE` does once the file is read
    let cost = |stage: &str| {
        stages
            .iter()
            .find(|(name, _, _)| *name == stage)
            .map_or(Duration::ZERO, |(_, d, _)| *d)
    };
    let with_json = analysis_time + cost("assemble") + cost("pretty");
    println!(
        "; analysis alone (no JSON) {:.1} MB/s, with pretty JSON (as --json) {:.1} MB/s; peak {:.1}x the file",
        mb / analysis_time.as_secs_f64().max(1e-9),
        mb / with_json.as_secs_f64().max(1e-9),
        peak / mb.max(1e-9)
    );
    Ok(())
}
