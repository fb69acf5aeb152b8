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

use super::word_set::{WordSet, joined};
use super::{Evidence, Mention};
use crate::analysis::segment::{Token, TokenKind};
use crate::analysis::{Document, EntityKind, Span};
use std::borrow::Cow;

const CURRENCY_SIGNS: &[&str] = &["$", "€", "£", "¥", "₹", "₩", "₽"];
/// Letters written before a dollar sign ("US$", "HK$").
const DOLLAR_PREFIXES: &[&str] = &["US", "A", "C", "HK", "NZ", "S", "NT", "R"];
const CURRENCY_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "CHF", "INR", "CAD", "AUD", "HKD", "RUB",
];
const CURRENCY_WORDS: &[&str] = &[
    "dollar", "dollars", "euro", "euros", "pound", "pounds", "sterling", "yen", "yuan", "renminbi",
    "rupee", "rupees", "rouble", "roubles", "ruble", "rubles", "franc", "francs", "peso", "pesos",
    "won", "riyal", "riyals", "dirham", "dirhams", "shekel", "shekels", "lira", "rand", "real",
    "reais", "krona", "kronor", "krone", "kroner", "zloty", "baht", "ringgit", "rupiah", "naira",
    "hryvnia", "hryvnias",
];
const MAGNITUDES: &[&str] = &[
    "thousand", "million", "billion", "trillion", "bn", "mn", "m", "tn", "k", "b", "mln", "bln",
];
const UNITS: &[&str] = &[
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "km",
    "kilometre",
    "kilometres",
    "kilometer",
    "kilometers",
    "mile",
    "miles",
    "metre",
    "metres",
    "meter",
    "meters",
    "cm",
    "mm",
    "foot",
    "feet",
    "inch",
    "inches",
    "yard",
    "yards",
    "acre",
    "acres",
    "hectare",
    "hectares",
    "kg",
    "kilogram",
    "kilograms",
    "gram",
    "grams",
    "tonne",
    "tonnes",
    "ton",
    "tons",
    "ounce",
    "ounces",
    "lb",
    "lbs",
    "litre",
    "litres",
    "liter",
    "liters",
    "gallon",
    "gallons",
    "barrel",
    "barrels",
    "percent",
    "per",
    "%",
    "degrees",
    "mph",
    "kph",
    "megawatts",
    "gigawatts",
    "mw",
    "gw",
    "people",
    "troops",
    "soldiers",
    "votes",
    "points",
    "times",
];
const HEDGES: &[&str] = &[
    "about",
    "around",
    "nearly",
    "almost",
    "roughly",
    "approximately",
    "some",
    "over",
    "under",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
/// Holidays that date an event ("during the Christmas week").
const HOLIDAYS: &[&str] = &[
    "Christmas",
    "Easter",
    "Thanksgiving",
    "Ramadan",
    "Hanukkah",
    "Diwali",
    "Passover",
    "Halloween",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Aug.",
    "Sept.",
    "Sep.",
    "Oct.",
    "Nov.",
    "Dec.",
];
/// Words before "May" or "March" that make it the month.
const BEFORE_MONTH: &[&str] = &[
    "in", "on", "since", "until", "till", "by", "from", "last", "next", "this", "early", "mid",
    "late", "of", "through", "during", "before", "after", "between", "to", "and", "or",
];
const RELATIVE_ANCHORS: &[&str] = &["this", "last", "next", "past", "coming", "previous"];
const PERIODS: &[&str] = &[
    "year",
    "month",
    "week",
    "weekend",
    "decade",
    "century",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "morning",
    "afternoon",
    "evening",
    "night",
    "quarter",
    "season",
    "years",
    "months",
    "weeks",
    "days",
];

struct Toks<'a, 't> {
    text: &'t str,
    toks: &'a [Token],
}

impl<'t> Toks<'_, 't> {
    fn s(&self, i: usize) -> &'t str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }
    /// The token in lowercase, borrowed when it already is (most tokens),
    /// never allocated for a short ASCII word.
    fn lower(&self, i: usize) -> Lower<'t> {
        Lower::of(self.s(i))
    }
    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }
    fn span(&self, a: usize, b_incl: usize) -> Span {
        Span::new(self.toks[a].span().start, self.toks[b_incl].span().end)
    }
    fn adjacent(&self, a: usize, b: usize) -> bool {
        match (self.toks.get(a), self.toks.get(b)) {
            (Some(x), Some(y)) => x.span().end == y.span().start,
            _ => false,
        }
    }
}

/// Longest ASCII word [`Lower`] keeps without allocating (longer than any word
/// the patterns compare with).
const INLINE: usize = 22;

/// A word in lowercase: borrowed, copied on the stack, or (long non-ASCII
/// words only) allocated.
enum Lower<'t> {
    Borrowed(&'t str),
    Inline([u8; INLINE], u8),
    Owned(String),
}

impl<'t> Lower<'t> {
    fn of(s: &'t str) -> Lower<'t> {
        if !s.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
            return Lower::Borrowed(s);
        }
        if s.is_ascii() && s.len() <= INLINE {
            let mut buf = [0u8; INLINE];
            buf[..s.len()].copy_from_slice(s.as_bytes());
            buf[..s.len()].make_ascii_lowercase();
            return Lower::Inline(buf, s.len() as u8);
        }
        Lower::Owned(s.to_lowercase())
    }
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Lower::Borrowed(s) => s,
            // ASCII bytes copied from a str
            Lower::Inline(buf, n) => std::str::from_utf8(&buf[..usize::from(*n)]).unwrap_or(""),
            Lower::Owned(s) => s,
        }
    }
}

impl AsRef<str> for Lower<'_> {
    fn as_ref(&self) -> &str {
        self
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        **self == **other
    }
}

/// A number as written: "95", "3.2", "1,000", "5-10", or with a magnitude
/// glued on ("3.2bn", "5m"). Returns the glued magnitude if any.
fn number_token(s: &str) -> Option<&str> {
    let first = s.chars().next()?;
    if !first.is_ascii_digit() {
        return None;
    }
    let digits_end = s
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '–' | '/' | ':')))
        .unwrap_or(s.len());
    let rest = &s[digits_end..];
    if rest.is_empty() {
        return Some("");
    }
    let lower = rest.to_ascii_lowercase();
    MAGNITUDES
        .iter()
        .find(|m| **m == lower)
        .map(|_| rest)
        .or_else(|| {
            (lower == "s" || lower == "th" || lower == "st" || lower == "nd" || lower == "rd")
                .then_some(rest)
        })
}

fn is_number(t: &Toks<'_, '_>, i: usize) -> bool {
    number_token(t.s(i)).is_some()
}

fn is_magnitude(t: &Toks<'_, '_>, i: usize) -> bool {
    MAGNITUDES.contains(&t.lower(i).as_ref())
}

/// A number at `i` with an optional fraction ("5 1/2") and magnitude word;
/// returns the index of its last token.
fn number_phrase(t: &Toks<'_, '_>, i: usize, end: usize) -> Option<usize> {
    number_token(t.s(i))?;
    let mut j = i;
    // "5 1/2" (the fraction one token) or "5 1 / 2"
    if j + 1 < end && t.s(j + 1).contains('/') && number_token(t.s(j + 1)).is_some() {
        j += 1;
    } else if j + 3 < end + 1
        && t.kind(j + 1) == Some(TokenKind::Number)
        && t.s(j + 2) == "/"
        && t.kind(j + 3) == Some(TokenKind::Number)
        && j + 3 < end
    {
        j += 3;
    } else if j + 2 < end && t.s(j + 1) == "/" && t.kind(j + 2) == Some(TokenKind::Number) {
        j += 2;
    }
    if j + 1 < end && is_magnitude(t, j + 1) {
        j += 1;
    }
    Some(j)
}

/// Money starting at `i`: returns the last token index.
fn money_at(t: &Toks<'_, '_>, i: usize, end: usize) -> Option<(usize, usize)> {
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
        if last + 1 < end && CURRENCY_WORDS.contains(&t.lower(last + 1).as_ref()) {
            // "won" after a bare number is a verb far more often than Korean money
            if t.lower(last + 1) == "won" && !is_magnitude(t, last) {
                return None;
            }
            return Some((i, last + 1));
        }
    }
    None
}

fn money_name(t: &Toks<'_, '_>, a: usize, b: usize) -> String {
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

fn weekday(s: &str) -> bool {
    static SET: WordSet = WordSet::new(WEEKDAYS);
    SET.contains(s)
}

fn holiday(s: &str) -> bool {
    static SET: WordSet = WordSet::new(HOLIDAYS);
    SET.contains(s)
}

fn month(s: &str) -> bool {
    static SET: WordSet = WordSet::new(MONTHS);
    SET.contains(s)
}

fn day_number(s: &str) -> bool {
    let d = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    d.len() <= 2 && d.parse::<u32>().is_ok_and(|n| (1..=31).contains(&n))
}

fn year_number(s: &str) -> bool {
    s.len() == 4 && s.parse::<u32>().is_ok_and(|n| (1800..=2199).contains(&n))
}

fn iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && s.chars()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

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

/// A word that can start a relative date ("Earlier", "this"), in any case.
fn is_relative_start(s: &str) -> bool {
    static SET: WordSet = WordSet::new(RELATIVE_STARTS);
    SET.contains_ignore_case(s)
}

/// A hedge before a quantity ("about"), in any case.
fn is_hedge(s: &str) -> bool {
    static SET: WordSet = WordSet::new(HEDGES);
    SET.contains_ignore_case(s)
}

/// A date starting at `i`: returns the last token index.
/// Lowercase words that can start a relative date ("earlier this year").
const RELATIVE_STARTS: &[&str] = &[
    "earlier",
    "later",
    "early",
    "late",
    "this",
    "last",
    "next",
    "past",
    "coming",
    "previous",
    "recent",
    "yesterday",
    "today",
    "tomorrow",
];

fn date_at(t: &Toks<'_, '_>, i: usize, end: usize) -> Option<usize> {
    let s = t.s(i);
    let b = s.as_bytes().first().copied().unwrap_or(b' ');
    let relative = is_relative_start(s);
    if !(b.is_ascii_digit() || b.is_ascii_uppercase() || relative) {
        return None;
    }
    // weekdays and months start with a capital, the rest with a digit
    if b.is_ascii_uppercase() && (weekday(s) || holiday(s)) {
        return Some(i);
    }
    if b.is_ascii_digit() && iso_date(s) {
        return Some(i);
    }
    if b.is_ascii_uppercase() && month(s) {
        let word_month = matches!(s, "May" | "March");
        let prev = if i > 0 {
            t.lower(i - 1)
        } else {
            Lower::Borrowed("")
        };
        let next_num = i + 1 < end && (day_number(t.s(i + 1)) || year_number(t.s(i + 1)));
        if word_month && !next_num && !BEFORE_MONTH.contains(&prev.as_ref()) {
            return None;
        }
        let mut j = i;
        if j + 1 < end && day_number(t.s(j + 1)) {
            j += 1;
            if j + 2 < end && t.s(j + 1) == "," && year_number(t.s(j + 2)) {
                j += 2;
            } else if j + 1 < end && year_number(t.s(j + 1)) {
                j += 1;
            }
        } else if j + 1 < end && year_number(t.s(j + 1)) {
            j += 1;
        }
        return Some(j);
    }
    // "3 May 2024"
    if b.is_ascii_digit() && day_number(s) && i + 1 < end && month(t.s(i + 1)) {
        let mut j = i + 1;
        if j + 1 < end && year_number(t.s(j + 1)) {
            j += 1;
        }
        return Some(j);
    }
    // "in 2024"
    if b.is_ascii_digit()
        && year_number(s)
        && i > 0
        && BEFORE_MONTH.contains(&t.lower(i - 1).as_ref())
    {
        return Some(i);
    }
    // "earlier this year", "last week", "recent months": each starts with
    // one of the relative words
    if !relative {
        return None;
    }
    let l = t.lower(i);
    let mut j = i;
    if matches!(l.as_ref(), "earlier" | "later" | "early" | "late")
        && RELATIVE_ANCHORS.contains(&t.lower(i + 1).as_ref())
    {
        j += 1;
    }
    if RELATIVE_ANCHORS.contains(&t.lower(j).as_ref()) && j + 1 < end {
        let p = t.lower(j + 1);
        if PERIODS.contains(&p.as_ref()) && !p.ends_with('s') {
            return Some(j + 1);
        }
        if weekday(t.s(j + 1)) || month(t.s(j + 1)) {
            return Some(j + 1);
        }
    }
    if l == "recent"
        && i + 1 < end
        && matches!(
            t.lower(i + 1).as_ref(),
            "months" | "years" | "weeks" | "days" | "decades"
        )
    {
        return Some(i + 1);
    }
    if matches!(l.as_ref(), "yesterday" | "today" | "tomorrow") {
        return Some(i);
    }
    None
}

/// A quantity starting at `i` (a hedge, a number and a unit).
fn quantity_at(t: &Toks<'_, '_>, i: usize, end: usize) -> Option<usize> {
    let mut j = i;
    let s = t.s(i);
    if is_hedge(s) {
        j += 1;
    } else if !s.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    if !is_number(t, j) {
        return None;
    }
    let last = number_phrase(t, j, end)?;
    let unit = t.lower(last + 1);
    if last + 1 < end && UNITS.contains(&unit.as_ref()) {
        if unit == "per" {
            // "per cent"
            return (t.lower(last + 2) == "cent").then_some(last + 2);
        }
        // "40 degrees Celsius": the scale belongs to the quantity
        if unit == "degrees"
            && last + 2 < end
            && matches!(t.s(last + 2), "Celsius" | "Fahrenheit" | "C" | "F")
        {
            return Some(last + 2);
        }
        return Some(last + 1);
    }
    None
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
mod tests {
    use super::*;
    use crate::analysis::ner::SpellingNumbers;

    #[test]
    fn starts_read_once_per_spelling_are_those_read_per_token() {
        let text = "About 40 people met on Monday; about $5 million (US$2m) went \
                    to the EUR fund. Earlier this year, 12% voted. About 40 came.";
        let doc = Document::new(text);
        let mut numbers = SpellingNumbers::new();
        let forms: Vec<u32> = doc
            .tokens
            .iter()
            .map(|t| numbers.number(t.text(text).as_bytes()))
            .collect();
        let count = forms.iter().max().map_or(0, |&m| m as usize + 1);
        let per_token = starts(&doc, &[], 0);
        assert_eq!(starts(&doc, &forms, count), per_token);
        let words: Vec<&str> = per_token
            .iter()
            .map(|&i| doc.tokens[i as usize].text(text))
            .collect();
        assert!(words.contains(&"Monday") && words.contains(&"Earlier"));
        assert!(!words.contains(&"people") && !words.contains(&"fund"));
    }

    fn found(text: &str) -> Vec<(String, EntityKind, String)> {
        let doc = Document::new(text);
        find(&doc, &starts(&doc, &[], 0))
            .into_iter()
            .map(|m| {
                (
                    m.span.of(text).to_string(),
                    m.kind,
                    m.canonical.unwrap_or_default().into_owned(),
                )
            })
            .collect()
    }

    fn has(v: &[(String, EntityKind, String)], s: &str, k: EntityKind) -> bool {
        v.iter().any(|(t, kk, _)| t == s && *kk == k)
    }

    #[test]
    fn lowercase_words_without_allocating() {
        assert!(matches!(Lower::of("percent"), Lower::Borrowed("percent")));
        let l = Lower::of("Billion");
        assert!(matches!(l, Lower::Inline(..)));
        assert_eq!(&*l, "billion");
        assert_eq!(&*Lower::of("ÉTÉ"), "été");
        let long = "A".repeat(INLINE + 1);
        assert_eq!(&*Lower::of(&long), "a".repeat(INLINE + 1));
    }

    #[test]
    fn word_lists_in_any_case() {
        assert!(is_relative_start("Earlier") && is_relative_start("YESTERDAY"));
        assert!(is_relative_start("previous") && !is_relative_start("previously"));
        assert!(is_hedge("About") && is_hedge("approximately") && !is_hedge("abou"));
        assert!(!is_hedge("") && !is_hedge("some\0") && !is_hedge("é"));
        assert!(month("Sept.") && month("May") && !month("MAY") && !month("Mayo"));
        assert!(weekday("Wednesday") && !weekday("wednesday"));
        assert_eq!(single_spaced("5  1/2\ndays"), "5 1/2 days");
        assert_eq!(single_spaced("last week"), "last week");
        assert_eq!(single_spaced(" x\u{a0}y "), "x y");
    }

    #[test]
    fn money_in_broken_and_plain_forms() {
        let v = found("The bill gives the$ 40 billion and $8 million, plus €3.2bn and US$5m.");
        assert!(
            v.iter().any(|(t, k, c)| t == "$ 40 billion"
                && *k == EntityKind::Money
                && c == "$40 billion"),
            "{v:?}"
        );
        assert!(has(&v, "$8 million", EntityKind::Money), "{v:?}");
        assert!(has(&v, "€3.2bn", EntityKind::Money), "{v:?}");
        assert!(has(&v, "US$5m", EntityKind::Money), "{v:?}");
    }

    #[test]
    fn money_with_currency_words_and_ranges() {
        let v = found("It cost 20 million pounds, between $5 million to $10 million in all.");
        assert!(has(&v, "20 million pounds", EntityKind::Money), "{v:?}");
        assert!(
            has(&v, "$5 million to $10 million", EntityKind::Money),
            "{v:?}"
        );
    }

    #[test]
    fn won_after_a_bare_number_is_a_verb() {
        let v = found("The team that 3 won the cup.");
        assert!(!v.iter().any(|(_, k, _)| *k == EntityKind::Money), "{v:?}");
    }

    #[test]
    fn dates_weekdays_months_and_relative() {
        let v = found(
            "She left on Tuesday and will return in May, on March 3, 2025, earlier this year.",
        );
        assert!(has(&v, "Tuesday", EntityKind::Date), "{v:?}");
        assert!(has(&v, "May", EntityKind::Date), "{v:?}");
        assert!(has(&v, "March 3, 2025", EntityKind::Date), "{v:?}");
        assert!(has(&v, "earlier this year", EntityKind::Date), "{v:?}");
    }

    #[test]
    fn may_the_verb_is_no_date() {
        let v = found("May I ask? They may go. Theresa May spoke.");
        assert!(v.is_empty(), "{v:?}");
    }

    #[test]
    fn quantities_with_fractions_and_hedges() {
        let v = found("The trip lasted about 5 1/2 days and prices rose 4 percent.");
        assert!(has(&v, "about 5 1/2 days", EntityKind::Quantity), "{v:?}");
        assert!(has(&v, "4 percent", EntityKind::Quantity), "{v:?}");
    }
}
