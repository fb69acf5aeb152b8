//! The analysis on background threads, so that the reader opens at once.
//!
//! Entry point: [`Analyses::start`], given each opened article's text (or
//! nothing for one already analysed). Up to one thread per core analyses
//! the texts in order, reports each stage as it begins and files the
//! result for the reader ([`Analysed::new`]), all off the screen's thread.
//! What they report comes back as [`Action`]s for `update`
//! ([`Action::AnalysisProgress`], [`Action::AnalysisReady`]), taken per
//! article with [`Analyses::take`].
//!
//! Nothing here touches the terminal or the reader's state. The threads are
//! never joined: quitting while one runs simply leaves it behind (the
//! process ends with the reader).

use super::app::Analysed;
use super::update::Action;
use crate::analysis::analyze_shared_with_progress;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The analyses running for the opened articles.
pub struct Analyses {
    reports: Receiver<(usize, Action)>,
    /// Reports received, per article, not yet taken.
    waiting: Vec<Vec<Action>>,
    /// Analyses not finished yet.
    running: usize,
    started: Instant,
}

impl Analyses {
    /// Starts analysing `texts[i]` for article `i` (None: nothing to do);
    /// each is copied on the analysing thread.
    pub fn start(texts: Vec<Option<Arc<String>>>) -> Analyses {
        let (tx, reports) = channel();
        let waiting = vec![Vec::new(); texts.len()];
        let todo: Vec<(usize, Arc<String>)> = texts
            .into_iter()
            .enumerate()
            .filter_map(|(i, t)| Some((i, t?)))
            .collect();
        let running = todo.len();
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(todo.len());
        // Taken from the front, so the first article is analysed first.
        let queue: Queue = Arc::new(Mutex::new(todo.into_iter().rev().collect()));
        let mut spawned = 0;
        for _ in 0..threads {
            let (queue, tx) = (queue.clone(), tx.clone());
            let thread = std::thread::Builder::new()
                .name("gloss-analysis".into())
                .spawn(move || work(&queue, &tx));
            spawned += usize::from(thread.is_ok());
        }
        if spawned == 0 && running > 0 {
            // No thread to be had: analyse here, before the first frame,
            // rather than show "analysing" for ever.
            work(&queue, &tx);
        }
        Analyses {
            reports,
            waiting,
            running,
            started: Instant::now(),
        }
    }

    /// How long since the analyses started.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    /// True while some analysis has not finished.
    pub fn running(&self) -> bool {
        self.running > 0
    }

    /// Waits up to `timeout` for every analysis to finish (a short article
    /// then opens fully analysed on the first frame).
    pub fn wait(&mut self, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        while self.running() {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.reports.recv_timeout(left) {
                Ok(report) => self.file(report),
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => break,
            }
        }
    }

    /// What has been reported for article `i` since the last call, in order.
    pub fn take(&mut self, i: usize) -> Vec<Action> {
        while let Ok(report) = self.reports.try_recv() {
            self.file(report);
        }
        self.waiting
            .get_mut(i)
            .map(std::mem::take)
            .unwrap_or_default()
    }

    fn file(&mut self, (i, action): (usize, Action)) {
        if matches!(action, Action::AnalysisReady(_)) {
            self.running = self.running.saturating_sub(1);
        }
        if let Some(w) = self.waiting.get_mut(i) {
            w.push(action);
        }
    }
}

/// The texts left to analyse, last to be taken first.
type Queue = Arc<Mutex<Vec<(usize, Arc<String>)>>>;

/// Analyses the texts in `queue` until it is empty, reporting on `tx`.
fn work(queue: &Queue, tx: &Sender<(usize, Action)>) {
    loop {
        let next = queue.lock().ok().and_then(|mut q| q.pop());
        let Some((i, shared)) = next else { break };
        // The analysis shares the reader's text: one copy in memory.
        let analysis = analyze_shared_with_progress(shared, |stage| {
            let _ = tx.send((i, Action::AnalysisProgress(stage)));
        });
        let analysed = Analysed::new(analysis);
        if tx
            .send((i, Action::AnalysisReady(Box::new(analysed))))
            .is_err()
        {
            break; // the reader has gone
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_come_back_per_article_and_end_with_the_analysis() {
        let text = |t: &str| Some(Arc::new(t.to_string()));
        let mut a = Analyses::start(vec![
            text("Mayor Ana Lima said on Monday that the bridge would open."),
            None,
            text("Second story."),
        ]);
        assert!(a.running());
        a.wait(Duration::from_secs(30));
        assert!(!a.running());
        let first = a.take(0);
        assert!(matches!(first.first(), Some(Action::AnalysisProgress(_))));
        let Some(Action::AnalysisReady(done)) = first.last() else {
            panic!("no analysis: {first:?}");
        };
        assert!(done.analysis().text.starts_with("Mayor Ana Lima"));
        assert!(a.take(1).is_empty());
        assert!(matches!(a.take(2).last(), Some(Action::AnalysisReady(_))));
        assert!(a.take(2).is_empty(), "taken once");
    }
}
