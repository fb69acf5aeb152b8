//! Threads: from counted terms to the article's topics.
//!
//! Entry point: [`threads`]. Three steps, each bounded:
//!
//! 1. Names that the text links become one candidate: a country with its
//!    nationality word and capital ("Russia", "Russian", "Moscow"), an
//!    entity's mentions (or, without entities, a surname with the one full
//!    name it ends), a minor person with the country their title names
//!    ("Russian President Vladimir Putin", mentioned at most half as often
//!    as the country), a body named after a person ("Biden
//!    administration"), names spelled alike. Named things are never folded
//!    by co-occurrence alone: two places mentioned together are still two
//!    threads.
//! 2. Every candidate (name group, word, repeated phrase) is scored:
//!    specificity (how much rarer than in everyday English; names count as
//!    specific, people less, repeated phrases get a bonus) times spread
//!    (paragraphs it appears in, plus a little for repeats).
//! 3. The best candidates are taken in order: a word or phrase joins an
//!    existing word thread when it shares a telling word with it ("aid"
//!    and "aid package"), is mostly used inside one of its phrases
//!    ("change" in "climate change"), or, for a single word, keeps it
//!    company in at least three paragraphs well above chance ("reservoir"
//!    beside "drought"); otherwise it starts a new thread, up to
//!    [`MAX_TOPICS`]. Only longer phrases of a thread's word add their
//!    paragraphs; words that join by company add their name only.
//!
//! Steps 1 and 2 are `candidates`; this module does step 3. Only a
//! bounded pool of candidates (`POOL`, 60) is built and reaches step 3,
//! and paragraph overlaps are sampled, so long texts stay linear.
//! Deterministic: ties are broken by term order.

mod candidates;

use super::terms::{TermId, TermTable};
use crate::analysis::{EntityId, Topic};
use candidates::{dedup_keywords, name_candidates, word_candidates};

/// Most topics reported.
pub const MAX_TOPICS: usize = 12;
/// Fewest topics wanted when the text has material for them.
const MIN_TOPICS: usize = 3;
/// Candidates considered for topics, best first.
const POOL: usize = 60;
/// Keywords listed per topic.
const MAX_KEYWORDS: usize = 8;
/// Paragraphs of a candidate sampled to measure its overlap with a thread.
const OVERLAP_SAMPLE: usize = 2048;
/// Paragraph co-occurrence, relative to chance, needed to fold a word into a thread.
const MIN_LIFT: f32 = 3.0;
/// The same for a word found with the thread in nearly all its paragraphs.
const MIN_LIFT_WHEN_ALWAYS: f32 = 1.5;
/// Shared paragraphs needed to fold a word into a thread by co-occurrence
/// (one shared paragraph is too often chance).
const MIN_COMPANY: f32 = 3.0;

/// A possible topic member: a name group, a word or a phrase.
#[derive(Debug, Clone)]
struct Candidate {
    label: String,
    /// Distinct spellings of its terms, most frequent first.
    keywords: Vec<String>,
    is_name: bool,
    /// Content words it is made of (a word: itself; a phrase: its parts).
    words: Vec<TermId>,
    /// Those of `words` specific enough to tie it to another word topic.
    telling: Vec<TermId>,
    count: u32,
    paragraphs: Vec<u32>,
    entities: Vec<EntityId>,
    score: f32,
}

/// A topic being built.
#[derive(Debug)]
struct Thread {
    members: Vec<usize>,
    /// Telling words of its members.
    words: Vec<TermId>,
    paragraphs: Vec<u32>,
    /// Paragraph membership as bits, for overlap tests.
    bits: Vec<u64>,
    is_name: bool,
}

impl Thread {
    fn new(c: usize, cand: &Candidate, n_paragraphs: usize) -> Self {
        let mut t = Thread {
            members: vec![c],
            words: cand.telling.clone(),
            paragraphs: Vec::new(),
            bits: vec![0; n_paragraphs.div_ceil(64)],
            is_name: cand.is_name,
        };
        t.add_paragraphs(&cand.paragraphs);
        t
    }

    fn add_paragraphs(&mut self, ps: &[u32]) {
        for &p in ps {
            if let Some(w) = self.bits.get_mut(p as usize / 64) {
                *w |= 1 << (p % 64);
            }
        }
        self.paragraphs = merge_sorted(&self.paragraphs, ps);
    }

    fn has(&self, p: u32) -> bool {
        self.bits
            .get(p as usize / 64)
            .is_some_and(|w| w & (1 << (p % 64)) != 0)
    }

    /// Paragraphs of `ps` this thread also has (sampled for long lists),
    /// scaled to the full list.
    fn overlap(&self, ps: &[u32]) -> f32 {
        if ps.is_empty() {
            return 0.0;
        }
        let step = ps.len().div_ceil(OVERLAP_SAMPLE).max(1);
        let mut seen = 0usize;
        let mut hits = 0usize;
        for &p in ps.iter().step_by(step) {
            seen += 1;
            hits += usize::from(self.has(p));
        }
        hits as f32 * ps.len() as f32 / seen as f32
    }
}

fn merge_sorted(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// The article's topics, most central first.
pub fn threads(table: &TermTable, n_paragraphs: usize) -> Vec<Topic> {
    let mut pool = name_candidates(table);
    pool.extend(word_candidates(table));
    pool.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.paragraphs.first().cmp(&b.paragraphs.first()))
            .then_with(|| a.label.cmp(&b.label))
    });
    pool.truncate(POOL);
    let n = n_paragraphs.max(1);
    let mut threads: Vec<Thread> = Vec::new();
    let mut placed = vec![false; pool.len()];
    for min_count in [2, 1] {
        for (c, cand) in pool.iter().enumerate() {
            if placed[c] || cand.count < min_count {
                continue;
            }
            if let Some((t, how)) = fold_target(&threads, &pool, cand, n) {
                threads[t].members.push(c);
                threads[t].words.extend_from_slice(&cand.telling);
                // a longer phrase of the thread's word ("aid package" to
                // "aid") adds its paragraphs; a word that only keeps the
                // thread company, or a part of its phrase ("lines" of
                // "lines of communication"), adds its name only
                if how == Fold::SharedWord && cand.words.len() > 1 {
                    threads[t].add_paragraphs(&cand.paragraphs);
                }
                placed[c] = true;
            } else if threads.len() < MAX_TOPICS
                && (min_count == 2 || cand.is_name || threads.len() < MIN_TOPICS)
            {
                threads.push(Thread::new(c, cand, n));
                placed[c] = true;
            }
        }
        if threads.len() >= MIN_TOPICS {
            break;
        }
    }
    let mut topics: Vec<Topic> = threads.iter().map(|t| topic_of(t, &pool)).collect();
    let top = topics.iter().map(|t| t.score).fold(0.0f32, f32::max);
    if top > 0.0 {
        for t in &mut topics {
            t.score /= top;
        }
    }
    topics.sort_by(|a, b| b.score.total_cmp(&a.score));
    topics
}

/// Why a candidate joins a thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fold {
    /// It shares a telling word with the thread ("aid", "aid package").
    SharedWord,
    /// It keeps company with the thread in the same paragraphs.
    Company,
}

/// The thread a word or phrase candidate belongs to, if any, and why.
fn fold_target(
    threads: &[Thread],
    pool: &[Candidate],
    cand: &Candidate,
    n: usize,
) -> Option<(usize, Fold)> {
    if cand.is_name {
        return None;
    }
    // a word mostly used inside a phrase of the thread ("change" in
    // "climate change")
    if let [word] = cand.words[..] {
        for (i, t) in threads.iter().enumerate() {
            let inside =
                t.members.iter().map(|&m| &pool[m]).any(|m| {
                    m.words.len() > 1 && m.words.contains(&word) && 2 * m.count >= cand.count
                });
            if inside {
                return Some((i, Fold::SharedWord));
            }
        }
    }
    // a shared telling word ("aid" in "aid package")
    for (i, t) in threads.iter().enumerate() {
        let shares = cand.telling.iter().any(|w| t.words.contains(w));
        if shares && !t.is_name {
            return Some((i, Fold::SharedWord));
        }
    }
    // paragraph company far above chance, with another word thread (a
    // word beside a name only says what the text says of that name); a
    // word used once proves no company; a repeated phrase is a keyphrase
    // of its own and keeps its own thread
    if cand.count < 2 || cand.words.len() > 1 {
        return None;
    }
    let d = cand.paragraphs.len() as f32;
    let mut best: Option<(usize, f32)> = None;
    for (i, t) in threads.iter().enumerate() {
        if t.is_name {
            continue;
        }
        let both = t.overlap(&cand.paragraphs);
        if both < MIN_COMPANY || both < 0.5 * d {
            continue;
        }
        let lift = both * n as f32 / (d * t.paragraphs.len().max(1) as f32);
        // far above chance, or almost always there and above chance (in a
        // short text a wide thread cannot be far above chance)
        let keeps_company = lift >= MIN_LIFT || (both >= 0.8 * d && lift >= MIN_LIFT_WHEN_ALWAYS);
        if keeps_company && best.is_none_or(|(_, l)| lift > l) {
            best = Some((i, lift));
        }
    }
    best.map(|(i, _)| (i, Fold::Company))
}

fn topic_of(thread: &Thread, pool: &[Candidate]) -> Topic {
    let head = &pool[thread.members[0]];
    let mut label = head.label.clone();
    // a word topic takes the name of a phrase of it used at least half as often
    if !head.is_name {
        for &m in &thread.members[1..] {
            let c = &pool[m];
            if !c.is_name
                && c.words.len() > head.words.len()
                && head.words.iter().all(|w| c.words.contains(w))
                && 2 * c.count >= head.count
            {
                label = c.label.clone();
                break;
            }
        }
    }
    let mut keywords = Vec::new();
    let mut entities = Vec::new();
    let mut score = 0.0;
    for (k, &m) in thread.members.iter().enumerate() {
        let c = &pool[m];
        keywords.extend(c.keywords.iter().cloned());
        entities.extend_from_slice(&c.entities);
        score += if k == 0 { c.score } else { 0.5 * c.score };
    }
    let mut keywords = dedup_keywords(keywords.into_iter());
    keywords.truncate(MAX_KEYWORDS);
    entities.sort_unstable();
    entities.dedup();
    Topic {
        label,
        keywords,
        entities,
        paragraphs: thread.paragraphs.iter().map(|&p| p as usize).collect(),
        score,
    }
}
