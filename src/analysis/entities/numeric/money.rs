//! Sums of money: a currency sign or code and a number with its magnitude
//! ("$95 billion", "$ 95 billion", "€3.2bn", "US$5m"), or a number and a
//! currency word ("20 million pounds"), with the normalised name that
//! links the same sum written twice.

use super::scan::{Toks, is_magnitude, is_number, number_phrase};
use crate::analysis::entities::word_set::WordSet;

pub(super) const CURRENCY_SIGNS: &[&str] = &["$", "€", "£", "¥", "₹", "₩", "₽"];
/// Letters written before a dollar sign ("US$", "HK$").
pub(super) const DOLLAR_PREFIXES: &[&str] = &["US", "A", "C", "HK", "NZ", "S", "NT", "R"];
pub(super) const CURRENCY_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "CHF", "INR", "CAD", "AUD", "HKD", "RUB",
];
const CURRENCY_WORDS: &[&str] = &[
    "dollar", "dollars", "euro", "euros", "pound", "pounds", "sterling", "yen", "yuan", "renminbi",
    "rupee", "rupees", "rouble", "roubles", "ruble", "rubles", "franc", "francs", "peso", "pesos",
    "won", "riyal", "riyals", "dirham", "dirhams", "shekel", "shekels", "lira", "rand", "real",
    "reais", "krona", "kronor", "krone", "kroner", "zloty", "baht", "ringgit", "rupiah", "naira",
    "hryvnia", "hryvnias",
];

/// A currency word after a number ("pounds"), in lowercase.
fn is_currency_word(s: &str) -> bool {
    static SET: WordSet = WordSet::new(CURRENCY_WORDS);
    SET.contains(s)
}

/// Money starting at `i`: returns the last token index.
pub(super) fn money_at(t: &Toks<'_, '_>, i: usize, end: usize) -> Option<(usize, usize)> {
    let s = t.s(i);
    // only digits, signs and codes start money
    let b = s.as_bytes().first().copied().unwrap_or(b' ');
    if !(b.is_ascii_digit() || b.is_ascii_uppercase() || b == b'$' || b >= 0x80) {
        return None;
    }
    // a word in capitals starts money only as a dollar prefix ("US" before
    // "$"), a code ("USD") or with its sign glued on ("HK$")
    if b.is_ascii_uppercase() && s.len() > 3 && !s.ends_with('$') {
        return None;
    }
    // "US$ 5", "$ 95 billion"
    let mut sign = i;
    if DOLLAR_PREFIXES.contains(&s) && t.s(i + 1) == "$" && t.adjacent(i, i + 1) {
        sign = i + 1;
    }
    let glued = t
        .s(sign)
        .strip_suffix('$')
        .is_some_and(|p| DOLLAR_PREFIXES.contains(&p));
    let signed =
        CURRENCY_SIGNS.contains(&t.s(sign)) || CURRENCY_CODES.contains(&t.s(sign)) || glued;
    if signed && sign + 1 < end {
        let last = number_phrase(t, sign + 1, end)?;
        return Some((i, last));
    }
    // "20 million pounds"
    if is_number(t, i) {
        let last = number_phrase(t, i, end)?;
        if last + 1 < end && is_currency_word(&t.lower(last + 1)) {
            // "won" after a bare number is a verb far more often than Korean money
            if t.lower(last + 1) == "won" && !is_magnitude(t, last) {
                return None;
            }
            return Some((i, last + 1));
        }
    }
    None
}

pub(super) fn money_name(t: &Toks<'_, '_>, a: usize, b: usize) -> String {
    let mut out = String::new();
    for i in a..=b {
        let after_sign =
            i > a && (CURRENCY_SIGNS.contains(&t.s(i - 1)) || t.s(i - 1).ends_with('$'));
        if i > a && !t.adjacent(i - 1, i) && !after_sign {
            out.push(' ');
        }
        out.push_str(t.s(i));
    }
    out
}
