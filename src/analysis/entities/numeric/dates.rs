//! Dates: weekdays, holidays, months (the word "May" or "March" only where
//! a date is meant: "in May", "May 3"), days with months and years, years
//! after a preposition, ISO dates, and relative dates ("earlier this year",
//! "recent months").

use super::scan::{Lower, Toks};
use crate::analysis::entities::word_set::WordSet;

pub(super) const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
/// Holidays that date an event ("during the Christmas week").
pub(super) const HOLIDAYS: &[&str] = &[
    "Christmas",
    "Easter",
    "Thanksgiving",
    "Ramadan",
    "Hanukkah",
    "Diwali",
    "Passover",
    "Halloween",
];
pub(super) const MONTHS: &[&str] = &[
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

/// Lowercase words that can start a relative date ("earlier this year").
pub(super) const RELATIVE_STARTS: &[&str] = &[
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

pub(super) fn weekday(s: &str) -> bool {
    static SET: WordSet = WordSet::new(WEEKDAYS);
    SET.contains(s)
}

fn holiday(s: &str) -> bool {
    static SET: WordSet = WordSet::new(HOLIDAYS);
    SET.contains(s)
}

pub(super) fn month(s: &str) -> bool {
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
/// A word that can start a relative date ("Earlier", "this"), in any case.
pub(super) fn is_relative_start(s: &str) -> bool {
    static SET: WordSet = WordSet::new(RELATIVE_STARTS);
    SET.contains_ignore_case(s)
}

/// A word before "May" or "March" that makes it the month, in lowercase.
fn before_month(s: &str) -> bool {
    static SET: WordSet = WordSet::new(BEFORE_MONTH);
    SET.contains(s)
}

/// "this", "last", "next" of a relative date, in lowercase.
fn relative_anchor(s: &str) -> bool {
    static SET: WordSet = WordSet::new(RELATIVE_ANCHORS);
    SET.contains(s)
}

/// A period of a relative date ("year", "week"), in lowercase.
fn period(s: &str) -> bool {
    static SET: WordSet = WordSet::new(PERIODS);
    SET.contains(s)
}

/// A date starting at `i`: returns the last token index.
pub(super) fn date_at(t: &Toks<'_, '_>, i: usize, end: usize) -> Option<usize> {
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
        if word_month && !next_num && !before_month(&prev) {
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
    if b.is_ascii_digit() && year_number(s) && i > 0 && before_month(&t.lower(i - 1)) {
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
        && relative_anchor(&t.lower(i + 1))
    {
        j += 1;
    }
    if relative_anchor(&t.lower(j)) && j + 1 < end {
        let p = t.lower(j + 1);
        if period(&p) && !p.ends_with('s') {
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
