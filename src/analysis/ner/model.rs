//! The trained weights, in a compact form read in place from the embedded bytes.
//!
//! Entry point: [`Model::from_bytes`]. The file is a header and a flat
//! open-addressing table of 16-byte slots: a 32-bit fingerprint of the
//! feature key, then one quantised `i8` weight per tag. A slot's home is the
//! key's low bits; a lookup probes forward until the fingerprint or an empty
//! slot. Nothing is rebuilt at load: checking the header is all the work.
//!
//! [`write`] builds the same bytes from full-precision weights (used by the
//! trainer). This module knows nothing of what the keys mean.

use super::features::FEATURE_VERSION;
use super::tags::N_TAGS;

const MAGIC: &[u8; 8] = b"GLOSSNER";
const HEADER: usize = 32;
const SLOT: usize = 16;

/// Anything that can add a feature's weights to the tag scores.
pub trait Scorer {
    /// Adds the weights stored under `key` (none if unknown) to `scores`.
    fn add(&self, key: u64, scores: &mut [f32; N_TAGS]);

    /// Adds the weights of every key in `keys`.
    fn add_all(&self, keys: &[u64], scores: &mut [f32; N_TAGS]) {
        for &k in keys {
            self.add(k, scores);
        }
    }
}

/// Why model bytes could not be read.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ModelError {
    #[error("not a gloss name-tagger model (bad magic or too short)")]
    NotAModel,
    #[error(
        "model trained with feature version {found}, this build needs {FEATURE_VERSION}: retrain it with gloss-train-ner"
    )]
    FeatureVersion { found: u32 },
    #[error("model table is damaged (size {0} bytes does not match its header)")]
    Damaged(usize),
}

/// A trained model, borrowing its table from the bytes it was read from.
#[derive(Debug, Clone, Copy)]
pub struct Model<'b> {
    table: &'b [u8],
    mask: usize,
    scale: f32,
}

#[inline(always)]
fn u32_at(b: &[u8], at: usize) -> u32 {
    let mut a = [0u8; 4];
    a.copy_from_slice(&b[at..at + 4]);
    u32::from_le_bytes(a)
}

#[inline]
fn fingerprint(key: u64) -> u32 {
    ((key >> 32) as u32).max(1)
}

impl<'b> Model<'b> {
    /// Reads a model from its file bytes without copying the table.
    pub fn from_bytes(bytes: &'b [u8]) -> Result<Model<'b>, ModelError> {
        if bytes.len() < HEADER || &bytes[..8] != MAGIC {
            return Err(ModelError::NotAModel);
        }
        let version = u32_at(bytes, 8);
        if version != FEATURE_VERSION {
            return Err(ModelError::FeatureVersion { found: version });
        }
        let slots = u32_at(bytes, 12) as usize;
        let scale = f32::from_bits(u32_at(bytes, 16));
        let table = &bytes[HEADER..];
        if !slots.is_power_of_two()
            || table.len() != slots * SLOT
            || u32_at(bytes, 20) as usize != N_TAGS
        {
            return Err(ModelError::Damaged(bytes.len()));
        }
        Ok(Model {
            table,
            mask: slots - 1,
            scale,
        })
    }

    /// Number of features stored.
    pub fn features(&self) -> usize {
        (0..=self.mask)
            .filter(|&i| u32_at(self.table, i * SLOT) != 0)
            .count()
    }
}

impl Model<'_> {
    /// Adds the quantised weights stored under `key` to `acc`.
    #[inline]
    fn add_quantised(&self, key: u64, acc: &mut [i32; N_TAGS]) {
        let fp = fingerprint(key);
        let mut i = key as usize & self.mask;
        loop {
            let slot = &self.table[i * SLOT..i * SLOT + SLOT];
            let f = u32_at(slot, 0);
            if f == 0 {
                return;
            }
            if f == fp {
                for (a, &w) in acc.iter_mut().zip(&slot[4..4 + N_TAGS]) {
                    *a += i32::from(w as i8);
                }
                return;
            }
            i = (i + 1) & self.mask;
        }
    }
}

impl Scorer for Model<'_> {
    fn add(&self, key: u64, scores: &mut [f32; N_TAGS]) {
        self.add_all(std::slice::from_ref(&key), scores);
    }

    fn add_all(&self, keys: &[u64], scores: &mut [f32; N_TAGS]) {
        for (s, a) in scores.iter_mut().zip(self.scores(&self.sum(keys))) {
            *s += a;
        }
    }
}

impl Model<'_> {
    /// The quantised weights of `keys`, summed in integers (exact, so the
    /// order of features cannot matter). Touches every key's home slot
    /// first so that the memory loads run side by side instead of one
    /// probe waiting for the last.
    pub fn sum(&self, keys: &[u64]) -> [i32; N_TAGS] {
        const BATCH: usize = 16;
        let mut acc = [0i32; N_TAGS];
        for chunk in keys.chunks(BATCH) {
            let mut touched = 0u32;
            for &k in chunk {
                let i = k as usize & self.mask;
                touched = touched.wrapping_add(u32::from(self.table[i * SLOT]));
            }
            std::hint::black_box(touched);
            for &k in chunk {
                self.add_quantised(k, &mut acc);
            }
        }
        acc
    }

    /// Scores from summed quantised weights.
    pub fn scores(&self, sums: &[i32; N_TAGS]) -> [f32; N_TAGS] {
        sums.map(|a| self.score(a))
    }

    /// The score of one sum of quantised weights.
    #[inline]
    pub fn score(&self, sum: i32) -> f32 {
        sum as f32 * self.scale
    }
}

/// Builds model bytes from `(key, weights)` pairs, keeping at most
/// `max_features` of the largest and quantising to `i8`.
///
/// The table has the smallest power-of-two size that keeps it at most
/// full (half full: a lookup of an unknown feature, the common case, then stops after a probe or two). Deterministic: ties are broken by key.
pub fn write(weights: &[(u64, [f32; N_TAGS])], max_features: usize) -> Vec<u8> {
    let mut kept: Vec<&(u64, [f32; N_TAGS])> = weights
        .iter()
        .filter(|(_, w)| w.iter().any(|x| *x != 0.0))
        .collect();
    let strength = |w: &[f32; N_TAGS]| w.iter().fold(0f32, |m, x| m.max(x.abs()));
    kept.sort_by(|a, b| {
        strength(&b.1)
            .total_cmp(&strength(&a.1))
            .then(a.0.cmp(&b.0))
    });
    kept.truncate(max_features);
    // Quantise against a high percentile rather than the maximum, so that
    // the many small weights keep their resolution; the few larger ones clip.
    let mut mags: Vec<f32> = kept
        .iter()
        .flat_map(|(_, w)| w.iter().map(|x| x.abs()))
        .collect();
    mags.sort_by(f32::total_cmp);
    let top = mags
        .get(mags.len().saturating_sub(1 + mags.len() / 2000))
        .copied()
        .unwrap_or(1.0)
        .max(1e-6);
    let scale = top / 127.0;
    let mut slots = 1usize;
    while slots < kept.len() * 2 {
        slots *= 2;
    }
    slots = slots.max(2);
    let mask = slots - 1;
    let mut out = vec![0u8; HEADER + slots * SLOT];
    out[..8].copy_from_slice(MAGIC);
    out[8..12].copy_from_slice(&FEATURE_VERSION.to_le_bytes());
    out[12..16].copy_from_slice(&(slots as u32).to_le_bytes());
    out[16..20].copy_from_slice(&scale.to_bits().to_le_bytes());
    out[20..24].copy_from_slice(&(N_TAGS as u32).to_le_bytes());
    // Insert in key order so the layout does not depend on weight order.
    kept.sort_by_key(|(k, _)| *k);
    let table = &mut out[HEADER..];
    for (key, w) in kept {
        let fp = fingerprint(*key);
        let mut i = *key as usize & mask;
        loop {
            let f = u32_at(table, i * SLOT);
            if f == 0 {
                break;
            }
            if f == fp {
                // Two keys alike in home and fingerprint: keep the first.
                i = usize::MAX;
                break;
            }
            i = (i + 1) & mask;
        }
        if i == usize::MAX {
            continue;
        }
        let slot = &mut table[i * SLOT..i * SLOT + SLOT];
        slot[..4].copy_from_slice(&fp.to_le_bytes());
        for (b, x) in slot[4..4 + N_TAGS].iter_mut().zip(w) {
            *b = (x / scale).round().clamp(-127.0, 127.0) as i8 as u8;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_weights_read_back() {
        let mut w = [0f32; N_TAGS];
        w[2] = 1.5;
        w[0] = -0.5;
        let bytes = write(&[(42, w), (7 << 40, [0.25; N_TAGS])], 10);
        let m = Model::from_bytes(&bytes).expect("model reads");
        assert_eq!(m.features(), 2);
        let mut s = [0f32; N_TAGS];
        m.add(42, &mut s);
        assert!((s[2] - 1.5).abs() < 0.05, "{s:?}");
        assert!((s[0] + 0.5).abs() < 0.05, "{s:?}");
        let mut none = [0f32; N_TAGS];
        m.add(43, &mut none);
        assert_eq!(none, [0f32; N_TAGS]);
    }

    #[test]
    fn rejects_other_bytes() {
        assert_eq!(
            Model::from_bytes(b"hello").err(),
            Some(ModelError::NotAModel)
        );
    }
}
