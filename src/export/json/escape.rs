//! Which bytes of a JSON string need an escape, found fast: strings in an
//! export are mostly plain (the article's text is one string of megabytes,
//! with a line break per paragraph).
//!
//! Entry points: [`needs_escape`] (one byte) and [`find_escape`] (the first
//! such byte), which checks 32 bytes at a time with plain comparisons that
//! the compiler turns into vector instructions, then finds the byte in its
//! block eight bytes at a time. Writing the escapes is the writer's
//! business.

/// True for the bytes JSON strings must escape: `"`, `\` and control
/// characters below 0x20 (serde_json leaves 0x7F as it is).
#[inline(always)]
pub(super) fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// Bytes [`find_escape`] checks in one step.
const BLOCK: usize = 32;

/// The index of the first byte in `bytes` that [`needs_escape`].
#[inline]
pub(super) fn find_escape(bytes: &[u8]) -> Option<usize> {
    let mut blocks = bytes.chunks_exact(BLOCK);
    let mut at = 0;
    for block in &mut blocks {
        if let Ok(block) = <&[u8; BLOCK]>::try_from(block)
            && block_needs_escape(block)
        {
            return first_in_block(block).map(|i| at + i);
        }
        at += BLOCK;
    }
    // the rest (most of a short string), padded with plain bytes to a block
    let rest = blocks.remainder();
    let mut block = [b' '; BLOCK];
    block[..rest.len()].copy_from_slice(rest);
    if block_needs_escape(&block) {
        return first_in_block(&block).map(|i| at + i);
    }
    None
}

/// The index of the first byte of `block` that [`needs_escape`], eight
/// bytes at a time (no byte-by-byte search with a branch per byte).
#[inline]
fn first_in_block(block: &[u8; BLOCK]) -> Option<usize> {
    for (k, chunk) in block.chunks_exact(8).enumerate() {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let hits = escape_bits(u64::from_le_bytes(word));
        if hits != 0 {
            return Some(8 * k + (hits.trailing_zeros() / 8) as usize);
        }
    }
    None
}

/// The high bit of each byte of `x` that [`needs_escape`]. Exact in every
/// byte: no sum or difference carries into the next one.
#[inline(always)]
fn escape_bits(x: u64) -> u64 {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // the high bit of each byte that is zero
    let zero = |y: u64| !(((y & !HIGH) + !HIGH) | y) & HIGH;
    // below 0x20: with the high bit set first, less than 0xA0
    let control = !((x | HIGH) - LOW * 0x20) & !x & HIGH;
    control | zero(x ^ (LOW * u64::from(b'"'))) | zero(x ^ (LOW * u64::from(b'\\')))
}

/// True when a byte of `block` [`needs_escape`]. No early exit and no
/// short-circuit: the loop becomes a few vector compares.
#[inline(always)]
fn block_needs_escape(block: &[u8; BLOCK]) -> bool {
    let mut hits = 0u8;
    for &b in block {
        hits |= u8::from(b < 0x20) | u8::from(b == b'"') | u8::from(b == b'\\');
    }
    hits != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_in_every_place_of_a_word_is_told_right() {
        for b in 0..=255u8 {
            for place in 0..8 {
                let mut word = [b'a'; 8];
                word[place] = b;
                let expected = if needs_escape(b) {
                    0x80 << (8 * place)
                } else {
                    0
                };
                assert_eq!(
                    escape_bits(u64::from_le_bytes(word)),
                    expected,
                    "{b:#x} at {place}"
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn the_first_byte_to_escape_is_found_wherever_it_is(
            len in 0usize..100,
            marks in proptest::collection::vec((0usize..100, proptest::sample::select(&[b'"', b'\\', 0u8, 0x1F, b'\n'][..])), 0..3),
        ) {
            let mut bytes = vec![b'a'; len];
            for (i, b) in marks {
                if i < len {
                    bytes[i] = b;
                }
            }
            let expected = bytes.iter().position(|&b| needs_escape(b));
            proptest::prop_assert_eq!(find_escape(&bytes), expected);
        }
    }
}
