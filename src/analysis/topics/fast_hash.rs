//! A small, fast hash for the short keys topics look up once per word
//! (the FxHash mixing step), and a stack-held lowercase form of short
//! words. Nothing here knows about text beyond bytes.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A small, fast hash for short keys (the FxHash mixing step).
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl FxHasher {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::K);
    }
}

impl Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_u128(&mut self, i: u128) {
        self.add(i as u64);
        self.add((i >> 64) as u64);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }
}

/// Hash maps keyed by short strings or ids.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Hash sets of short strings.
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// The lowercase form of a short ASCII word, held on the stack; `None` for
/// longer or non-ASCII words (which are in none of the short word lists).
///
/// ```
/// # use gloss::analysis::topics::fast_hash::ShortLower;
/// assert_eq!(ShortLower::of("President").as_deref(), Some("president"));
/// assert!(ShortLower::of("Zürich").is_none());
/// ```
pub struct ShortLower {
    buf: [u8; 24],
    len: usize,
}

impl ShortLower {
    pub fn of(word: &str) -> Option<Self> {
        let b = word.as_bytes();
        if b.len() > 24 || !word.is_ascii() {
            return None;
        }
        let mut buf = [0u8; 24];
        for (d, s) in buf.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        Some(ShortLower { buf, len: b.len() })
    }
}

impl std::ops::Deref for ShortLower {
    type Target = str;
    fn deref(&self) -> &str {
        // only ASCII bytes were copied
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}
