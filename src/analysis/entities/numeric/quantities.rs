//! Quantities: a number with a unit or a percentage, with a hedge before
//! it ("about 5 1/2 days", "4 percent", "40 degrees Celsius").

use super::scan::{Toks, is_number, number_phrase};
use crate::analysis::entities::word_set::WordSet;

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
pub(super) const HEDGES: &[&str] = &[
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

/// A unit after a number ("days", "percent", "%"), in lowercase.
fn is_unit(s: &str) -> bool {
    static SET: WordSet = WordSet::new(UNITS);
    s == "%" || SET.contains(s)
}

/// A hedge before a quantity ("about"), in any case.
pub(super) fn is_hedge(s: &str) -> bool {
    static SET: WordSet = WordSet::new(HEDGES);
    SET.contains_ignore_case(s)
}

/// A quantity starting at `i` (a hedge, a number and a unit).
pub(super) fn quantity_at(t: &Toks<'_, '_>, i: usize, end: usize) -> Option<usize> {
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
    if last + 1 < end && is_unit(&unit) {
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
