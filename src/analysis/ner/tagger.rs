//! Greedy left-to-right tagging of a document, shared by the trainer and
//! the run-time tagger.
//!
//! Entry points: [`walk`] visits the tokens in order, keeps the label
//! history the features read (previous tags, the tag last given to the same
//! word in the document) and asks a chooser for each candidate token's tag;
//! [`Tagger`] is the walk with a fixed model, reusing the sums of groups of
//! features it has met before. Tokens that cannot be part of a name are
//! tagged `O` without scoring. Because the trainer learns through the same
//! walk and the same feature groups, training and run time see identical
//! features.

use super::features::{DocFacts, FormId, History, NO_FORM, Side, history_keys};
use super::model::{Model, Scorer};
use super::rows::{Row, RowKey, Rows, Total};
use super::tags::{N_TAGS, Tag};

/// The tag of one token with the margin by which it beat the runner-up.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Guess {
    pub tag: Tag,
    /// Score of the tag minus the best other allowed tag (infinite when not scored).
    pub margin: f32,
}

fn word_code(tag: Tag) -> u8 {
    match tag.label() {
        None => 1,
        Some(l) => 2 + Tag::Begin(l).index() as u8,
    }
}

/// A candidate token to tag, with the history its features read.
#[derive(Debug, Clone, Copy)]
pub struct Slot {
    /// Index of the token in the document.
    pub token: usize,
    /// Index of its sentence.
    pub sentence: usize,
    pub history: History,
}

/// Tags every token of `facts`, calling `choose` for each candidate;
/// `choose` must return a tag allowed after `slot.history.prev`.
pub fn walk(facts: &DocFacts<'_>, choose: impl FnMut(&Slot) -> Guess) -> Vec<Guess> {
    let mut out = Vec::new();
    walk_into(facts, &mut Vec::new(), &mut out, choose);
    out
}

/// [`walk`] over the loaded run of sentences of a longer document: `seen`
/// carries the tag last given to each word ([`DocFacts::word_key`]) from
/// one run to the next, and `out` (cleared first) gets one guess per
/// loaded token.
pub fn walk_into(
    facts: &DocFacts<'_>,
    seen: &mut Vec<u8>,
    out: &mut Vec<Guess>,
    mut choose: impl FnMut(&Slot) -> Guess,
) {
    let base = facts.tokens().start;
    if seen.len() < facts.word_count() {
        seen.resize(facts.word_count(), 0);
    }
    out.clear();
    out.resize(
        facts.tokens().len(),
        Guess {
            tag: Tag::Outside,
            margin: f32::INFINITY,
        },
    );
    for (si, r) in facts.sentences().iter().enumerate() {
        // the tag of the token `back` places before token `i` of the
        // sentence: `out` holds the tags given so far (outside for tokens
        // that are not candidates)
        let before = |out: &[Guess], i: usize, back: usize| match i.checked_sub(back) {
            Some(j) if j >= r.start => out[j - base].tag,
            _ => Tag::Outside,
        };
        for (k, &candidate) in facts.candidates_in(r).iter().enumerate() {
            if !candidate {
                continue;
            }
            let i = r.start + k;
            let key = facts.word_key(i);
            let g = choose(&Slot {
                token: i,
                sentence: si,
                history: History {
                    prev: before(out, i, 1),
                    prev2: before(out, i, 2),
                    same_word: seen[key],
                },
            });
            out[i - base] = g;
            seen[key] = word_code(g.tag);
        }
    }
}

/// The best tag allowed after `prev`, with its margin over the next best.
pub fn best_after(scores: &[f32; N_TAGS], prev: Tag) -> Guess {
    let allowed = Tag::allowed_after(prev);
    let mut best = (0, f32::NEG_INFINITY);
    let mut second = f32::NEG_INFINITY;
    for (i, &s) in scores.iter().enumerate() {
        if allowed & 1 << i == 0 {
            continue;
        }
        if s > best.1 {
            second = best.1;
            best = (i, s);
        } else if s > second {
            second = s;
        }
    }
    Guess {
        tag: Tag::from_index(best.0),
        margin: best.1 - second,
    }
}

/// [`best_after`] for the model's integer sums of weights: the same tag
/// and margin (a score is the sum times the model's positive scale, so
/// the sums order the tags as their scores do), found with integer
/// comparisons.
fn best_of_sums(model: &Model<'_>, sums: &[i32; N_TAGS], prev: Tag) -> Guess {
    let allowed = Tag::allowed_after(prev);
    let mut best = (0, i32::MIN);
    let mut second = i32::MIN;
    for (i, &s) in sums.iter().enumerate() {
        // a tag not allowed is never chosen, nor the runner-up
        let s = if allowed & 1 << i != 0 { s } else { i32::MIN };
        if s > best.1 {
            second = best.1;
            best = (i, s);
        } else if s > second {
            second = s;
        }
    }
    Guess {
        tag: Tag::from_index(best.0),
        margin: model.score(best.1) - model.score(second),
    }
}

/// Sums the weights of `feats` into per-tag scores.
pub fn score<S: Scorer + ?Sized>(model: &S, feats: &[u64]) -> [f32; N_TAGS] {
    let mut scores = [0f32; N_TAGS];
    model.add_all(feats, &mut scores);
    scores
}

/// Tags a document with a fixed model.
pub fn tag_words(facts: &DocFacts<'_>, model: &Model<'_>) -> Vec<Guess> {
    let mut out = Vec::new();
    Tagger::new(model).tag(facts, &mut out);
    out
}

// Groups of features read with two spellings or the tags, the low bits of
// a row key's first part.
const NEAR_BEFORE: u32 = 1;
const NEAR_AFTER: u32 = 2;
const TAGS: u32 = 5;

// Groups read with one spelling and whether the sentence is a headline
// (and for the word itself, whether it opens the sentence): where a
// spelling's rows are in [`Tagger::by_form`].
const WORD_AT: usize = 0; // + caps * 2 + first
const FAR_BEFORE_AT: usize = 4; // + caps
const FAR_AFTER_AT: usize = 6; // + caps

/// Rows of one spelling by their place (see `WORD_AT`...): none yet.
const NO_ROWS: [u32; 8] = [u32::MAX; 8];

/// Past this many remembered sums the tagger forgets them all, so a long
/// document of ever new words holds a bounded table (about 12 MB).
const MAX_ROWS: usize = 1 << 18;

/// A fixed model tagging a document one run of sentences at a time.
///
/// A token's features come in groups that each read a few spellings and
/// small values only ([`DocFacts::features`]); the weights of each group
/// are summed once per distinct argument and reused ([`Rows`]), since
/// words and their neighbours recur in a document. The sums are exact
/// integers, so this gives the same tags as summing every feature anew.
#[derive(Clone)]
pub struct Tagger<'m> {
    model: &'m Model<'m>,
    rows: Rows,
    /// Past this many remembered sums, they are all forgotten.
    max_rows: usize,
    /// Summed weights of the two-previous-tags features, by `prev * N_TAGS + prev2`.
    histories: Vec<Row>,
    /// Per spelling, where the rows of its groups of one spelling are in
    /// `rows` (found without hashing).
    by_form: Vec<[u32; 8]>,
    /// The same for no word (past a sentence's edge): the far groups only.
    at_edges: [u32; 8],
    seen: Vec<u8>,
    feats: Vec<u64>,
}

impl<'m> Tagger<'m> {
    /// A tagger at the start of a document.
    pub fn new(model: &'m Model<'m>) -> Self {
        Self::with_row_limit(model, MAX_ROWS)
    }

    /// A tagger that remembers at most `max_rows` sums at a time.
    pub fn with_row_limit(model: &'m Model<'m>, max_rows: usize) -> Self {
        let mut feats = Vec::with_capacity(64);
        let histories = (0..N_TAGS * N_TAGS)
            .map(|k| {
                feats.clear();
                history_keys(
                    Tag::from_index(k / N_TAGS),
                    Tag::from_index(k % N_TAGS),
                    &mut feats,
                );
                Row::new(&model.sum(&feats))
            })
            .collect();
        Tagger {
            model,
            rows: Rows::default(),
            max_rows,
            histories,
            by_form: Vec::new(),
            at_edges: NO_ROWS,
            seen: Vec::new(),
            feats,
        }
    }

    /// Makes room for about `rows` sums (bounded by the limit), sparing the
    /// table's regrowth on a long document.
    pub fn reserve(&mut self, rows: usize) {
        self.rows.reserve(rows.min(self.max_rows));
    }

    /// Tags the loaded run of `facts` (one guess per loaded token into
    /// `out`), remembering what the next run of the same document reads.
    pub fn tag(&mut self, facts: &DocFacts<'_>, out: &mut Vec<Guess>) {
        let Tagger {
            model,
            rows,
            max_rows,
            histories,
            by_form,
            at_edges,
            seen,
            feats,
        } = self;
        if by_form.len() < facts.form_count() {
            by_form.resize(facts.form_count(), NO_ROWS);
        }
        let mut sums_of = Sums {
            model,
            rows,
            max_rows: *max_rows,
            feats,
            by_form,
            at_edges,
        };
        walk_into(facts, seen, out, |s| {
            let (i, h) = (s.token, &s.history);
            let r = &facts.sentences()[s.sentence];
            let caps = facts.caps(s.sentence);
            let first = i == r.start;
            let w = facts.form(i);
            let (m2, m1) = (facts.form_near(i, -2, r), facts.form_near(i, -1, r));
            let (p1, p2) = (facts.form_near(i, 1, r), facts.form_near(i, 2, r));
            let bits = u32::from(caps) << 3 | u32::from(first) << 4;
            let mut sums = Total::of(&histories[h.prev.index() * N_TAGS + h.prev2.index()]);
            let word_at = WORD_AT + usize::from(caps) * 2 + usize::from(first);
            sums_of.add_of_form(&mut sums, w, word_at, &|o| {
                facts.word_keys(w, caps, first, o)
            });
            sums_of.add(&mut sums, RowKey::new(NEAR_BEFORE | bits, w, m1), &|o| {
                facts.near_keys(w, m1, Side::Before, caps, o)
            });
            sums_of.add(&mut sums, RowKey::new(NEAR_AFTER | bits, w, p1), &|o| {
                facts.near_keys(w, p1, Side::After, caps, o)
            });
            let far_before_at = FAR_BEFORE_AT + usize::from(caps);
            sums_of.add_of_form(&mut sums, m2, far_before_at, &|o| {
                facts.far_keys(m2, Side::Before, caps, o)
            });
            let far_after_at = FAR_AFTER_AT + usize::from(caps);
            sums_of.add_of_form(&mut sums, p2, far_after_at, &|o| {
                facts.far_keys(p2, Side::After, caps, o)
            });
            let tag_bits = (h.prev.index() as u32) << 8 | u32::from(h.same_word) << 16;
            sums_of.add(&mut sums, RowKey::new(TAGS | bits | tag_bits, w, 0), &|o| {
                facts.tag_keys(w, caps, h.prev, h.same_word, o)
            });
            best_of_sums(model, &sums.sums(), h.prev)
        });
    }
}

/// The remembered sums of a tagger, summing a group when first met.
struct Sums<'a, 'm> {
    model: &'m Model<'m>,
    rows: &'a mut Rows,
    max_rows: usize,
    feats: &'a mut Vec<u64>,
    by_form: &'a mut Vec<[u32; 8]>,
    at_edges: &'a mut [u32; 8],
}

impl Sums<'_, '_> {
    /// Forgets every sum past the limit.
    #[inline(always)]
    fn forget_if_full(&mut self) {
        if self.rows.len() >= self.max_rows {
            self.rows.clear();
            self.by_form.fill(NO_ROWS);
            *self.at_edges = NO_ROWS;
        }
    }

    /// The weights of the features `keys` writes, summed.
    fn sum(&mut self, keys: &dyn Fn(&mut Vec<u64>)) -> Row {
        self.feats.clear();
        keys(self.feats);
        Row::new(&self.model.sum(self.feats))
    }

    /// Adds to `sums` the row of `key`, summing the features `keys`
    /// writes when the row is new.
    #[inline(always)]
    fn add(&mut self, sums: &mut Total, key: RowKey, keys: &dyn Fn(&mut Vec<u64>)) {
        self.forget_if_full();
        let Sums {
            model, rows, feats, ..
        } = self;
        sums.add(rows.get_or_insert_with(key, || {
            feats.clear();
            keys(feats);
            Row::new(&model.sum(feats))
        }));
    }

    /// Adds to `sums` the row at place `at` of the spelling `form` (see
    /// `WORD_AT`...), summing the features `keys` writes when it is new.
    #[inline(always)]
    fn add_of_form(
        &mut self,
        sums: &mut Total,
        form: FormId,
        at: usize,
        keys: &dyn Fn(&mut Vec<u64>),
    ) {
        self.forget_if_full();
        let place = if form == NO_FORM {
            self.at_edges.get(at)
        } else {
            self.by_form.get(form as usize).and_then(|p| p.get(at))
        };
        if let Some(row) = place.and_then(|&p| self.rows.row(p)) {
            sums.add(row);
            return;
        }
        let row = self.sum(keys);
        sums.add(&row);
        let p = self.rows.push(row);
        let place = if form == NO_FORM {
            self.at_edges.get_mut(at)
        } else {
            self.by_form
                .get_mut(form as usize)
                .and_then(|p| p.get_mut(at))
        };
        if let Some(place) = place {
            *place = p;
        }
    }
}

/// Tags a document with any scorer, summing every feature anew (the trainer's way).
pub fn tag_words_with<S: Scorer + ?Sized>(facts: &DocFacts<'_>, scorer: &S) -> Vec<Guess> {
    let mut feats = Vec::with_capacity(64);
    walk(facts, |s| {
        facts.features(s.token, s.sentence, &s.history, &mut feats);
        best_after(&score(scorer, &feats), s.history.prev)
    })
}
