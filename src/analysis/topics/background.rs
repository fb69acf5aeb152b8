//! The background frequency list (`assets/topics/background_frequency.txt`)
//! as a hash table laid out at build time.
//!
//! `build.rs` includes this file to read the list ([`entries`]) and lay
//! out its table ([`slots`]) into `OUT_DIR`; `topics::lexicon` includes
//! that table and finds a word with the same [`first_slot`], so the table
//! written is the table read and no run of gloss parses the list (some
//! 41,000 words: milliseconds at every start). This module knows nothing
//! about documents and holds no data itself.

/// The entries of the list, in its order: each word with its Zipf value
/// times 100. A line is a value followed by the words that have it; blank
/// lines, comment lines (`#`) and lines without a number are skipped, and
/// a word listed twice keeps its first value.
#[cfg_attr(not(test), allow(dead_code))] // build.rs's half
pub fn entries(list: &str) -> Vec<(&str, u32)> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for line in list
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let mut parts = line.split_whitespace();
        let Some(zipf) = parts.next().and_then(|z| z.parse::<u32>().ok()) else {
            continue;
        };
        for word in parts {
            if seen.insert(word) {
                out.push((word, zipf));
            }
        }
    }
    out
}

/// The slot where the search for `word` starts in a table of `2^bits`
/// slots.
#[inline]
pub fn first_slot(word: &str, bits: u32) -> usize {
    // eight bytes at a time (as FxHash does), then a multiply so that the
    // high bits mix all of them
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let bytes = word.as_bytes();
    let mut h = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut b = [0u8; 8];
        b.copy_from_slice(chunk);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut b = [0u8; 8];
        b[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(K);
    }
    ((h ^ h >> 29).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits)) as usize
}

/// An open-addressing table (linear probing) of `words`, at most two
/// thirds full: each slot holds the index of its word plus one, or 0 when
/// empty. Its length is a power of two.
#[cfg_attr(not(test), allow(dead_code))] // build.rs's half
pub fn slots(words: &[&str]) -> Vec<u32> {
    let bits = (words.len() * 3 / 2 + 1)
        .next_power_of_two()
        .max(2)
        .trailing_zeros();
    let mask = (1usize << bits) - 1;
    let mut table = vec![0u32; 1 << bits];
    for (k, word) in words.iter().enumerate() {
        let mut i = first_slot(word, bits);
        while table[i & mask] != 0 {
            i += 1;
        }
        table[i & mask] = k as u32 + 1;
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_found_by_probing_from_its_first_slot() {
        let words = ["drought", "reservoir", "tariff", "a", "counterintelligence"];
        let table = slots(&words);
        assert!(table.len().is_power_of_two() && table.len() >= words.len() * 3 / 2);
        let bits = table.len().trailing_zeros();
        for (k, w) in words.iter().enumerate() {
            let mut i = first_slot(w, bits);
            while table[i % table.len()] != k as u32 + 1 {
                assert_ne!(table[i % table.len()], 0, "{w} not found");
                i += 1;
            }
        }
    }

    #[test]
    fn the_list_keeps_the_first_value_of_a_word() {
        let list = "# comment\n\n700 the of\nnot a number\n650 of trade\n";
        assert_eq!(
            entries(list),
            vec![("the", 700), ("of", 700), ("trade", 650)]
        );
    }
}
