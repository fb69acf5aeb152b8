//! The run-time tagger's memory of summed feature weights.
//!
//! Entry point: [`Rows`], a table from what a group of features was summed
//! for (a [`RowKey`]: the group and its small values, up to two spellings)
//! to the group's summed weights, one [`Row`] per group. A row holds its
//! per-tag sums as biased 32-bit lanes packed two to a `u64`, so adding
//! one row to a token's [`Total`] is five integer additions, and exactly
//! the integer sums. The table is open addressing with linear probing on
//! a 16-byte slot, built for the one job: most lookups hit.
//!
//! Knows nothing of what the features are: [`super::tagger`] decides what
//! to sum and when to forget.

use super::tags::N_TAGS;

/// `u64` words of a row: two 32-bit lanes each, one lane per tag.
const WORDS: usize = N_TAGS.div_ceil(2);

/// Added to every lane of a row, so that a lane is never negative and a
/// sum of lanes never carries into the next lane: a row's sums are far
/// below the bias (a group has a few dozen `i8` weights), and a total of
/// up to 127 rows stays below 2^32.
const BIAS: i64 = 1 << 24;

/// Summed `i8` weights per tag of one group of features, biased.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row([u64; WORDS]);

impl Row {
    /// The row of integer sums `sums` (each far inside ±2^24: a group
    /// sums a few dozen weights of at most 128).
    pub fn new(sums: &[i32; N_TAGS]) -> Row {
        let mut r = [0u64; WORDS];
        for (k, &s) in sums.iter().enumerate() {
            let lane = i64::from(s) + BIAS;
            debug_assert!((0..2 * BIAS).contains(&lane), "sum {s} past the bias");
            r[k / 2] |= (lane.clamp(0, 2 * BIAS - 1) as u64) << (32 * (k % 2));
        }
        Row(r)
    }
}

/// The sum of a few rows: a token's score per tag, before scaling.
#[derive(Debug, Clone, Copy)]
pub struct Total {
    lanes: [u64; WORDS],
    rows: i64,
}

impl Total {
    /// The total of the one row `row`.
    #[inline(always)]
    pub fn of(row: &Row) -> Total {
        Total {
            lanes: row.0,
            rows: 1,
        }
    }

    /// Adds `row` lane by lane.
    #[inline(always)]
    pub fn add(&mut self, row: &Row) {
        debug_assert!(self.rows < 127, "too many rows for the lanes");
        for (a, b) in self.lanes.iter_mut().zip(&row.0) {
            *a = a.wrapping_add(*b);
        }
        self.rows += 1;
    }

    /// The sums per tag.
    #[inline]
    pub fn sums(&self) -> [i32; N_TAGS] {
        let bias = self.rows * BIAS;
        std::array::from_fn(|k| {
            let lane = (self.lanes[k / 2] >> (32 * (k % 2))) & 0xffff_ffff;
            (lane as i64 - bias) as i32
        })
    }
}

/// What a group of features was summed for: the group and its small values
/// (`bits`) and up to two spellings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowKey {
    pub bits: u32,
    pub forms: u64,
}

impl RowKey {
    pub fn new(bits: u32, a: u32, b: u32) -> RowKey {
        RowKey {
            bits,
            forms: u64::from(a) << 32 | u64::from(b),
        }
    }

    /// A hash whose high bits depend on every bit of the key.
    #[inline(always)]
    fn hash(&self) -> u64 {
        (self.forms ^ u64::from(self.bits).wrapping_mul(0x9e37_79b9_7f4a_7c15))
            .wrapping_mul(0x517c_c1b7_2722_0a95)
    }
}

/// A slot of the table: a key and the index of its row (`EMPTY`: none).
#[derive(Debug, Clone, Copy)]
struct Slot {
    forms: u64,
    bits: u32,
    row: u32,
}

const EMPTY: u32 = u32::MAX;
const FREE: Slot = Slot {
    forms: 0,
    bits: 0,
    row: EMPTY,
};
const MIN_SLOTS: usize = 64;

/// Summed rows by key, at most half full (an unknown key, met once per
/// new group, stops after a probe or two).
#[derive(Debug, Clone)]
pub struct Rows {
    slots: Vec<Slot>,
    /// 64 minus the number of index bits.
    shift: u32,
    /// Number of slots in use.
    keyed: usize,
    rows: Vec<Row>,
}

impl Default for Rows {
    fn default() -> Self {
        Rows {
            slots: vec![FREE; MIN_SLOTS],
            shift: 64 - MIN_SLOTS.trailing_zeros(),
            keyed: 0,
            rows: Vec::new(),
        }
    }
}

impl Rows {
    /// Number of rows held.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Makes room for `n` more rows without growing.
    pub fn reserve(&mut self, n: usize) {
        let want = (self.keyed + n).saturating_mul(2).next_power_of_two();
        if want > self.slots.len() {
            self.resize(want);
        }
        self.rows.reserve(n);
    }

    /// Forgets every row, keeping the room.
    pub fn clear(&mut self) {
        self.slots.fill(FREE);
        self.keyed = 0;
        self.rows.clear();
    }

    /// Keeps a row outside the table (the caller remembers where it is),
    /// returning where: [`Rows::row`] reads it back.
    pub fn push(&mut self, row: Row) -> u32 {
        self.rows.push(row);
        (self.rows.len() - 1) as u32
    }

    /// The row kept at `at` by [`Rows::push`], if not forgotten since.
    #[inline(always)]
    pub fn row(&self, at: u32) -> Option<&Row> {
        self.rows.get(at as usize)
    }

    /// The row of `key`, summed by `make` when first met.
    #[inline(always)]
    pub fn get_or_insert_with(&mut self, key: RowKey, make: impl FnOnce() -> Row) -> &Row {
        let mask = self.slots.len() - 1;
        let mut i = (key.hash() >> self.shift) as usize & mask;
        loop {
            let s = self.slots[i];
            if s.row == EMPTY {
                break;
            }
            if s.forms == key.forms && s.bits == key.bits {
                return &self.rows[s.row as usize];
            }
            i = (i + 1) & mask;
        }
        let row = make();
        self.insert_new(i, key, row)
    }

    /// Puts a key not held yet in the free slot `i` (found for the table as
    /// it is), growing the table first when it would pass half full.
    #[cold]
    #[inline(never)]
    fn insert_new(&mut self, i: usize, key: RowKey, row: Row) -> &Row {
        let n = self.rows.len() as u32;
        self.rows.push(row);
        let slot = Slot {
            forms: key.forms,
            bits: key.bits,
            row: n,
        };
        self.keyed += 1;
        if self.keyed * 2 > self.slots.len() {
            self.resize(self.slots.len() * 2);
            self.put(slot);
        } else {
            self.slots[i] = slot;
        }
        &self.rows[n as usize]
    }

    fn resize(&mut self, room: usize) {
        let old = std::mem::replace(&mut self.slots, vec![FREE; room]);
        self.shift = 64 - room.trailing_zeros();
        for s in old.into_iter().filter(|s| s.row != EMPTY) {
            self.put(s);
        }
    }

    /// Puts a slot whose key is not held yet in its first free place.
    fn put(&mut self, s: Slot) {
        let mask = self.slots.len() - 1;
        let key = RowKey {
            bits: s.bits,
            forms: s.forms,
        };
        let mut i = (key.hash() >> self.shift) as usize & mask;
        while self.slots[i].row != EMPTY {
            i = (i + 1) & mask;
        }
        self.slots[i] = s;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(x: i32) -> Row {
        let mut s = [0i32; N_TAGS];
        s[0] = x;
        s[N_TAGS - 1] = -x;
        Row::new(&s)
    }

    fn first_and_last(t: &Total) -> (i32, i32) {
        let s = t.sums();
        (s[0], s[N_TAGS - 1])
    }

    #[test]
    fn totals_are_the_integer_sums() {
        let mut t = Total::of(&row(-3000));
        t.add(&row(2540));
        t.add(&row(-2540));
        t.add(&row(7));
        assert_eq!(first_and_last(&t), (-2993, 2993));
        let mut sums = [0i32; N_TAGS];
        for (k, s) in sums.iter_mut().enumerate() {
            *s = k as i32 * 300 - 1300;
        }
        let mut t = Total::of(&Row::new(&sums));
        t.add(&Row::new(&sums));
        assert_eq!(t.sums(), sums.map(|s| 2 * s));
    }

    #[test]
    fn rows_are_found_again_by_their_keys() {
        let mut rows = Rows::default();
        for n in 0..2000u32 {
            let key = RowKey::new(n % 7, n, n / 3);
            let got = *rows.get_or_insert_with(key, || row(n as i32));
            assert_eq!(got, row(n as i32));
        }
        assert_eq!(rows.len(), 2000);
        for n in 0..2000u32 {
            let key = RowKey::new(n % 7, n, n / 3);
            let got = *rows.get_or_insert_with(key, || row(0));
            assert_eq!(first_and_last(&Total::of(&got)), (n as i32, -(n as i32)));
        }
        // the same forms in another group are another row
        assert_eq!(
            *rows.get_or_insert_with(RowKey::new(99, 5, 1), || row(0)),
            row(0)
        );
        let kept = rows.push(row(42));
        assert_eq!(rows.row(kept), Some(&row(42)));
        rows.clear();
        assert_eq!(rows.len(), 0);
        assert_eq!(rows.row(kept), None);
        let mut sum = Total::of(&row(3));
        sum.add(rows.get_or_insert_with(RowKey::new(0, 1, 2), || row(-5)));
        assert_eq!(first_and_last(&sum), (-2, 2));
    }
}
