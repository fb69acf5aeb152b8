//! Unsigned integers in decimal, written into a buffer as serde_json writes
//! them (no sign, no leading zeros): the export's offsets and indices.
//!
//! Entry point: [`uint_at`]. Numbers below 10^8, nearly all of an export's,
//! are turned into eight digits padded with zeros by a few multiplications
//! on one 64-bit word (no table, no loop) and shifted into one fixed-size
//! store; larger ones go two digits at a time from a table.
//! Nothing here knows about JSON's layout.

/// Two decimal digits for each number below 100: "00", "01", ... "99".
static DIGIT_PAIRS: [u8; 200] = {
    let mut table = [0u8; 200];
    let mut n = 0;
    while n < 100 {
        table[2 * n] = b'0' + (n / 10) as u8;
        table[2 * n + 1] = b'0' + (n % 10) as u8;
        n += 1;
    }
    table
};

/// Writes `n` in decimal into `buf` at `at` (20 bytes must be free);
/// returns where it ends.
#[inline(always)]
pub(super) fn uint_at(buf: &mut [u8], at: usize, n: u64) -> usize {
    if n < 100_000_000 {
        let digits = eight_digits(n as u32);
        // the leading zeros are the low zero bytes (all but the last for
        // 0): shifted out, so that the number's own digits come first in
        // one fixed-size store
        let skip = (digits.trailing_zeros() & !7).min(56);
        let ascii = (digits + 0x3030_3030_3030_3030) >> skip;
        buf[at..at + 8].copy_from_slice(&ascii.to_le_bytes());
        return at + 8 - (skip / 8) as usize;
    }
    let digits = decimal_digits(n);
    let to = &mut buf[at..at + digits];
    let mut end = digits;
    let mut rest = n;
    while rest >= 100 {
        let pair = (rest % 100) as usize * 2;
        rest /= 100;
        end -= 2;
        to[end..end + 2].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
    }
    if rest >= 10 {
        let pair = rest as usize * 2;
        to[..2].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
    } else {
        to[0] = b'0' + rest as u8;
    }
    at + digits
}

/// The eight decimal digits of `n` (below 10^8), zeros first, one a byte
/// with the first digit in the low byte (so that they read in order in
/// memory once '0' is added), computed in SIMD-within-a-register steps:
/// the two halves of four digits side by side in 32-bit lanes, split into
/// pairs in 16-bit lanes, then into digits in bytes.
#[inline(always)]
fn eight_digits(n: u32) -> u64 {
    let n = u64::from(n);
    let halves = (n / 10_000) | ((n % 10_000) << 32);
    // x * 10486 >> 20 is x / 100 for every x below 10^4
    let hundreds = ((halves * 10_486) >> 20) & 0x0000_007F_0000_007F;
    let pairs = ((halves - 100 * hundreds) << 16) | hundreds;
    // x * 103 >> 10 is x / 10 for every x below 100
    let tens = ((pairs * 103) >> 10) & 0x000F_000F_000F_000F;
    ((pairs - 10 * tens) << 8) | tens
}

/// How many decimal digits `n` has (1 for 0).
#[inline(always)]
fn decimal_digits(n: u64) -> usize {
    const POWERS: [u64; 20] = {
        let mut powers = [1u64; 20];
        let mut i = 1;
        while i < 20 {
            powers[i] = powers[i - 1] * 10;
            i += 1;
        }
        powers
    };
    let n = n | 1;
    // floor(log10(2^bits)), then one less when n is below that power of ten
    let guess = (((u64::BITS - n.leading_zeros()) * 1233) >> 12) as usize;
    guess + 1 - usize::from(n < POWERS[guess])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(n: u64) -> String {
        let mut buf = [0u8; 32];
        let end = uint_at(&mut buf, 3, n);
        String::from_utf8_lossy(&buf[3..end]).into_owned()
    }

    #[test]
    fn every_number_below_200_000_and_around_each_power_of_ten_is_written_in_full() {
        for n in 0..200_000 {
            assert_eq!(written(n), n.to_string());
        }
        let mut p = 1u64;
        while let Some(next) = p.checked_mul(10) {
            for n in [p - 1, p, p + 1, 2 * p - 1, 5 * p + 3, next - 1] {
                assert_eq!(written(n), n.to_string());
            }
            p = next;
        }
        assert_eq!(written(u64::MAX), u64::MAX.to_string());
    }

    proptest::proptest! {
        #[test]
        fn eight_digit_numbers_are_written_as_std_writes_them(n in 0u64..100_000_000) {
            proptest::prop_assert_eq!(written(n), n.to_string());
        }
    }
}
