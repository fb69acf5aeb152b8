//! Greedy left-to-right tagging of a document, shared by the trainer and
//! the run-time tagger.
//!
//! Entry points: [`walk`] visits the tokens in order, keeps the label
//! history the features read (previous tags, the tag last given to the same
//! word in the document) and asks a chooser for each candidate token's tag;
//! [`Tagger`] is the walk with a fixed model, reusing the sums of groups of
//! features it has met before and the decisions it took before in the same
//! situation. Tokens that cannot be part of a name are tagged `O` without
//! scoring. Because the trainer learns through the same walk and the same
//! feature groups, training and run time see identical features.

use super::decisions::{Decisions, Situation, Spellings};
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
    // a tag not allowed is never chosen, nor the runner-up
    let sums: [i32; N_TAGS] = std::array::from_fn(|i| {
        if allowed & 1 << i != 0 {
            sums[i]
        } else {
            i32::MIN
        }
    });
    let top = sums.iter().copied().fold(i32::MIN, i32::max);
    // the first tag with the top sum wins; the runner-up is the best of
    // the others (the top again on a tie)
    let best = sums.iter().position(|&s| s == top).unwrap_or(0);
    let second = sums
        .iter()
        .enumerate()
        .map(|(i, &s)| if i == best { i32::MIN } else { s })
        .fold(i32::MIN, i32::max);
    Guess {
        tag: Tag::from_index(best),
        margin: model.score(top) - model.score(second),
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
    /// The tags chosen so far, by everything they depend on.
    decisions: Decisions,
}

/// Past this many remembered decisions the tagger forgets them all (a
/// table of about 4 MB at most).
const MAX_DECISIONS: usize = 1 << 16;

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
            decisions: Decisions::new(MAX_DECISIONS),
        }
    }

    /// Makes room for about `rows` sums (bounded by the limit), sparing the
    /// table's regrowth on a long document.
    pub fn reserve(&mut self, rows: usize) {
        self.rows.reserve(rows.min(self.max_rows));
    }

    /// Makes room for about `decisions` decisions (bounded by the limit).
    /// The table is zeroed memory, mapped only where written: room costs
    /// nothing until used, and spares the table's regrowth.
    pub fn reserve_decisions(&mut self, decisions: usize) {
        self.decisions.reserve(decisions);
    }

    /// Tags the loaded run of `facts` (one guess per loaded token into
    /// `out`), remembering what the next run of the same document reads.
    ///
    /// The same walk as [`walk_into`], written out for speed: the previous
    /// tags are carried along each sentence rather than read back.
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
            decisions,
        } = self;
        if by_form.len() < facts.form_count() {
            by_form.resize(facts.form_count(), NO_ROWS);
        }
        if seen.len() < facts.word_count() {
            seen.resize(facts.word_count(), 0);
        }
        let mut sums_of = Sums {
            model,
            rows,
            feats,
            by_form,
            at_edges,
        };
        let loaded = facts.tokens();
        out.clear();
        out.resize(
            loaded.len(),
            Guess {
                tag: Tag::Outside,
                margin: f32::INFINITY,
            },
        );
        let forms = facts.token_forms();
        for (si, r) in facts.sentences().iter().enumerate() {
            let (Some(words), Some(guesses)) = (
                forms.get(r.clone()),
                out.get_mut(r.start - loaded.start..r.end - loaded.start),
            ) else {
                continue;
            };
            let caps = facts.caps(si);
            let candidates = facts.candidates_in(r);
            // the tags of the two tokens before (outside for tokens that
            // are not candidates and before the sentence)
            let (mut prev, mut prev2) = (Tag::Outside, Tag::Outside);
            for (k, (&candidate, guess)) in candidates.iter().zip(guesses.iter_mut()).enumerate() {
                if !candidate {
                    (prev, prev2) = (Tag::Outside, prev);
                    continue;
                }
                let near = |d: usize, before: bool| {
                    let j = if before {
                        k.checked_sub(d)
                    } else {
                        Some(k + d)
                    };
                    j.and_then(|j| words.get(j)).copied().unwrap_or(NO_FORM)
                };
                let w = words[k];
                let (m2, m1, p1, p2) =
                    (near(2, true), near(1, true), near(1, false), near(2, false));
                let first = k == 0;
                let key = facts.word_key_of(w);
                let same_word = seen.get(key).copied().unwrap_or(0);
                let history = History {
                    prev,
                    prev2,
                    same_word,
                };
                // the same token in the same situation gets the same tag
                let spellings = Spellings {
                    word: w,
                    before: [m1, m2],
                    after: [p1, p2],
                };
                let situation = Situation::new(spellings, caps, first, prev, prev2, same_word);
                let g = match decisions.find(situation) {
                    Ok(g) => g,
                    Err(vacant) => {
                        sums_of.forget_if_full(*max_rows);
                        let g = sums_of.guess(
                            facts,
                            Context {
                                w,
                                m2,
                                m1,
                                p1,
                                p2,
                                caps,
                                first,
                                history,
                            },
                            histories,
                        );
                        decisions.insert(vacant, g);
                        g
                    }
                };
                *guess = g;
                if let Some(s) = seen.get_mut(key) {
                    *s = word_code(g.tag);
                }
                (prev, prev2) = (g.tag, prev);
            }
        }
    }
}

/// What a candidate token's features read: its spelling, its neighbours'
/// ([`NO_FORM`] past the sentence's edge), its sentence and its history.
#[derive(Clone, Copy)]
struct Context {
    w: FormId,
    m2: FormId,
    m1: FormId,
    p1: FormId,
    p2: FormId,
    caps: bool,
    first: bool,
    history: History,
}

/// A group of features summed as one row (see [`DocFacts::features`]).
#[derive(Clone, Copy)]
enum Group {
    Word,
    NearBefore,
    NearAfter,
    FarBefore,
    FarAfter,
    Tags,
}

impl Group {
    /// Writes the keys of the group's features for the token of `c`.
    fn keys(self, facts: &DocFacts<'_>, c: &Context, out: &mut Vec<u64>) {
        let h = &c.history;
        match self {
            Group::Word => facts.word_keys(c.w, c.caps, c.first, out),
            Group::NearBefore => facts.near_keys(c.w, c.m1, Side::Before, c.caps, out),
            Group::NearAfter => facts.near_keys(c.w, c.p1, Side::After, c.caps, out),
            Group::FarBefore => facts.far_keys(c.m2, Side::Before, c.caps, out),
            Group::FarAfter => facts.far_keys(c.p2, Side::After, c.caps, out),
            Group::Tags => facts.tag_keys(c.w, c.caps, h.prev, h.same_word, out),
        }
    }
}

/// Most rows a token can add (one per group).
const ROWS_PER_TOKEN: usize = 6;

/// The remembered sums of a tagger, summing a group when first met.
struct Sums<'a, 'm> {
    model: &'m Model<'m>,
    rows: &'a mut Rows,
    feats: &'a mut Vec<u64>,
    by_form: &'a mut Vec<[u32; 8]>,
    at_edges: &'a mut [u32; 8],
}

impl Sums<'_, '_> {
    /// Forgets every sum when one more token could pass `max_rows`
    /// (forgetting changes no sum, only what is summed again).
    #[inline(always)]
    fn forget_if_full(&mut self, max_rows: usize) {
        if self.rows.len() + ROWS_PER_TOKEN > max_rows {
            self.rows.clear();
            self.by_form.fill(NO_ROWS);
            *self.at_edges = NO_ROWS;
        }
    }

    /// The best tag of the token of `c`, from the summed rows of its groups.
    #[inline(always)]
    fn guess(&mut self, facts: &DocFacts<'_>, c: Context, histories: &[Row]) -> Guess {
        let h = c.history;
        let Some(history) = histories.get(h.prev.index() * N_TAGS + h.prev2.index()) else {
            return best_of_sums(self.model, &[0; N_TAGS], h.prev);
        };
        let mut sums = Total::of(history);
        let caps = usize::from(c.caps);
        let bits = (caps as u32) << 3 | u32::from(c.first) << 4;
        let word_at = WORD_AT + caps * 2 + usize::from(c.first);
        self.add_of_form(&mut sums, c.w, word_at, Group::Word, facts, &c);
        let key = RowKey::new(NEAR_BEFORE | bits, c.w, c.m1);
        self.add(&mut sums, key, Group::NearBefore, facts, &c);
        let key = RowKey::new(NEAR_AFTER | bits, c.w, c.p1);
        self.add(&mut sums, key, Group::NearAfter, facts, &c);
        let far_before_at = FAR_BEFORE_AT + caps;
        self.add_of_form(&mut sums, c.m2, far_before_at, Group::FarBefore, facts, &c);
        let far_after_at = FAR_AFTER_AT + caps;
        self.add_of_form(&mut sums, c.p2, far_after_at, Group::FarAfter, facts, &c);
        let tag_bits = (h.prev.index() as u32) << 8 | u32::from(h.same_word) << 16;
        let key = RowKey::new(TAGS | bits | tag_bits, c.w, 0);
        self.add(&mut sums, key, Group::Tags, facts, &c);
        best_of_sums(self.model, &sums.sums(), h.prev)
    }

    /// The weights of the features of `group`, summed.
    #[cold]
    #[inline(never)]
    fn sum(&mut self, group: Group, facts: &DocFacts<'_>, c: &Context) -> Row {
        self.feats.clear();
        group.keys(facts, c, self.feats);
        Row::new(&self.model.sum(self.feats))
    }

    /// Adds to `sums` the row of `key`, summing the features of `group`
    /// when the row is new.
    #[inline(always)]
    fn add(
        &mut self,
        sums: &mut Total,
        key: RowKey,
        group: Group,
        facts: &DocFacts<'_>,
        c: &Context,
    ) {
        let Sums {
            model, rows, feats, ..
        } = self;
        sums.add(rows.get_or_insert_with(key, || {
            feats.clear();
            group.keys(facts, c, feats);
            Row::new(&model.sum(feats))
        }));
    }

    /// Adds to `sums` the row at place `at` of the spelling `form` (see
    /// `WORD_AT`...), summing the features of `group` when it is new.
    #[inline(always)]
    fn add_of_form(
        &mut self,
        sums: &mut Total,
        form: FormId,
        at: usize,
        group: Group,
        facts: &DocFacts<'_>,
        c: &Context,
    ) {
        let place = if form == NO_FORM {
            self.at_edges.get(at)
        } else {
            self.by_form.get(form as usize).and_then(|p| p.get(at))
        };
        if let Some(row) = place.and_then(|&p| self.rows.row(p)) {
            sums.add(row);
            return;
        }
        self.add_new_of_form(sums, form, at, group, facts, c);
    }

    /// [`Sums::add_of_form`] for a row not summed yet.
    #[cold]
    #[inline(never)]
    fn add_new_of_form(
        &mut self,
        sums: &mut Total,
        form: FormId,
        at: usize,
        group: Group,
        facts: &DocFacts<'_>,
        c: &Context,
    ) {
        let row = self.sum(group, facts, c);
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
