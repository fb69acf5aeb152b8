//! Sums of money, dates and quantities, found by patterns over tokens.
//!
//! Entry point: [`find`]. Money: a currency sign or code and a number with
//! its magnitude ("$95 billion", also written `$ 95 billion`; "€3.2bn",
//! "US$5m"), a number and a currency word ("20 million pounds"), and ranges
//! of either ("$5 million to $10 million"). Dates: weekdays, months (the
//! word "May" or "March" only where a date is meant: "in May", "May 3"),
//! days with months and years, years after a preposition, ISO dates, and
//! relative dates ("earlier this year", "recent months"). Quantities: a
//! number with a unit or a percentage, with a hedge before it ("about 5 1/2
//! days").
//!
//! Each mention carries a normalised name ("$95 billion") so that the same
//! sum written twice becomes one entity. Nothing here looks at names.

//!
//! The patterns are in their modules: [`money`], [`dates`], [`quantities`],
//! over the shared token scanner of [`scan`]. This module decides which
//! tokens may start one and reads each sentence once.

mod dates;
mod money;
mod quantities;
mod scan;

use super::word_set::{WordSet, joined};
use super::{Evidence, Mention};
use crate::analysis::segment::{Token, TokenKind};
use crate::analysis::{Document, EntityKind};
use dates::{HOLIDAYS, MONTHS, RELATIVE_STARTS, WEEKDAYS, date_at};
use money::{CURRENCY_CODES, CURRENCY_SIGNS, DOLLAR_PREFIXES, money_at, money_name};
use quantities::{HEDGES, quantity_at};
use scan::Toks;
use std::borrow::Cow;

/// True when the token `s`, whose first byte is `b`, may start money, a
/// date or a quantity: a digit, a currency sign, a word of the lists (in
/// any case), a dollar prefix or currency code in capitals ("US", "USD",
/// "HK$"). Rules out most tokens before the patterns read them; never false
/// where [`money_at`], [`date_at`] or [`quantity_at`] could match.
fn may_start(s: &str, b: u8) -> bool {
    /// Lowercase words that start dates or quantities.
    static LOWER: [&str; RELATIVE_STARTS.len() + HEDGES.len()] = joined(&[RELATIVE_STARTS, HEDGES]);
    static LOWER_SET: WordSet = WordSet::new(&LOWER);
    /// Capitalised words that start dates or quantities.
    static CAPITAL: [&str;
        RELATIVE_STARTS.len() + HEDGES.len() + WEEKDAYS.len() + MONTHS.len() + HOLIDAYS.len()] =
        joined(&[RELATIVE_STARTS, HEDGES, WEEKDAYS, MONTHS, HOLIDAYS]);
    static CAPITAL_SET: WordSet = WordSet::new(&CAPITAL);
    /// Words in capitals that start money.
    static MONEY: [&str; DOLLAR_PREFIXES.len() + CURRENCY_CODES.len()] =
        joined(&[DOLLAR_PREFIXES, CURRENCY_CODES]);
    static MONEY_SET: WordSet = WordSet::new(&MONEY);
    match b {
        b'a'..=b'z' => LOWER_SET.contains_ignore_case(s),
        b'A'..=b'Z' => {
            s.ends_with('$') || MONEY_SET.contains(s) || CAPITAL_SET.contains_ignore_case(s)
        }
        b'0'..=b'9' | b'$' => true,
        // outside ASCII, only a currency sign starts anything ("€", not "“")
        0x80.. => CURRENCY_SIGNS.contains(&s),
        _ => false,
    }
}

/// Finds money, dates and quantities in every sentence of `doc`.
///
/// `starts` lists, in order, the tokens that may start one ([`starts`]);
/// the others are never read.
pub fn find(doc: &Document<'_>, starts: &[u32]) -> Vec<Mention> {
    let t = Toks {
        text: doc.text,
        toks: &doc.tokens,
    };
    let mut out = Vec::new();
    let mut next = starts.iter().map(|&i| i as usize).peekable();
    for range in &doc.sentence_tokens {
        let end = range.end.min(doc.tokens.len());
        let mut i = range.start;
        loop {
            // most tokens start nothing here: skip to the next that may
            while next.next_if(|&k| k < i).is_some() {}
            match next.peek() {
                Some(&k) if k < end => i = k,
                _ => break,
            }
            if let Some((a, mut b)) = money_at(&t, i, end) {
                // ranges: "$5 million to $10 million", "$5 million-$10 million"
                if b + 2 < end
                    && matches!(t.s(b + 1), "to" | "-" | "–")
                    && let Some((_, b2)) = money_at(&t, b + 2, end)
                {
                    b = b2;
                }
                out.push(numeric(
                    &t,
                    a,
                    b,
                    EntityKind::Money,
                    Some(money_name(&t, a, b)),
                ));
                i = b + 1;
                continue;
            }
            if t.kind(i) != Some(TokenKind::Punct) {
                if let Some(b) = date_at(&t, i, end) {
                    out.push(numeric(&t, i, b, EntityKind::Date, None));
                    i = b + 1;
                    continue;
                }
                if let Some(b) = quantity_at(&t, i, end) {
                    out.push(numeric(&t, i, b, EntityKind::Quantity, None));
                    i = b + 1;
                    continue;
                }
            }
            i += 1;
        }
    }
    out
}

/// The tokens of `doc` that may start money, a date or a quantity, in
/// order. `forms` numbers each token's spelling (the tagger's numbers,
/// all below `count`): each spelling is read once. Without one number per
/// token, every token is read.
pub fn starts(doc: &Document<'_>, forms: &[u32], count: usize) -> Vec<u32> {
    let reads = |t: &Token| {
        let s = t.text(doc.text);
        may_start(s, s.as_bytes().first().copied().unwrap_or(b' '))
    };
    let numbered = forms.len() == doc.tokens.len();
    // per spelling: 0 not read yet, 1 starts nothing, 2 may start
    let mut known = vec![0u8; if numbered { count } else { 0 }];
    let mut out = Vec::new();
    for (i, t) in doc.tokens.iter().enumerate() {
        let may = match forms.get(i).and_then(|&f| known.get_mut(f as usize)) {
            Some(k) if numbered => {
                if *k == 0 {
                    *k = 1 + u8::from(reads(t));
                }
                *k == 2
            }
            _ => reads(t),
        };
        if may {
            out.push(i as u32);
        }
    }
    out
}

/// The words of `s` joined by single spaces.
pub(crate) fn single_spaced(s: &str) -> String {
    // plain: ASCII, no space first, last or twice, no other whitespace
    // (one pass; the empty string takes the general way, to the same end)
    let mut after_space = true;
    let plain = s.bytes().all(|c| {
        let ok = c < 0x80 && !(c.is_ascii_whitespace() && (c != b' ' || after_space));
        after_space = c == b' ';
        ok
    }) && !after_space;
    if plain {
        return s.to_string();
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn numeric(
    t: &Toks<'_, '_>,
    a: usize,
    b: usize,
    kind: EntityKind,
    name: Option<String>,
) -> Mention {
    let span = t.span(a, b);
    let canonical = name.unwrap_or_else(|| single_spaced(span.of(t.text)));
    Mention {
        span,
        kind,
        words: 0..0,
        canonical: Some(Cow::Owned(canonical)),
        known: None,
        evidence: Evidence::Known,
        opens: false,
    }
}

#[cfg(test)]
mod tests;
