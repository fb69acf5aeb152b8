//! Abbreviations the tokenizer keeps whole with their dot ("Mr.", "Inc.",
//! "Jan.") and how each behaves at a sentence's end: the list, written for
//! gloss, and the test of a word before a dot. Initialisms ("U.S.") and
//! initials are told by their shape in the tokenizer, not here.

/// How an abbreviation behaves at the end of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AbbreviationClass {
    /// Comes before a name or number ("Mr.", "Sen.", "No."): never ends a sentence.
    Title,
    /// Can end a sentence ("Inc.", "Jan.", "Calif.", "etc.").
    Other,
}

/// The class of a known abbreviation, given without its dot. Case matters:
/// "Gov." is an abbreviation, "gov." is not.
pub(crate) fn abbreviation_class(word: &str) -> Option<AbbreviationClass> {
    if word.len() > LONGEST_ABBREVIATION {
        return None;
    }
    if word.len() > 1 && word.bytes().all(|b| b.is_ascii_uppercase()) {
        // headlines in capitals: "ST. LOUIS", "GOV. SMITH"
        let mut title = word[..1].to_string();
        title.push_str(&word[1..].to_ascii_lowercase());
        return known_abbreviation(&title);
    }
    known_abbreviation(word)
}

/// Bytes in the longest word [`known_abbreviation`] knows ("Messrs", "approx").
pub(super) const LONGEST_ABBREVIATION: usize = 6;

pub(super) fn known_abbreviation(word: &str) -> Option<AbbreviationClass> {
    use AbbreviationClass::*;
    Some(match word {
        "Mr" | "Mrs" | "Ms" | "Messrs" | "Mme" | "Mlle" | "Dr" | "Prof" | "Sen" | "Sens"
        | "Rep" | "Reps" | "Gov" | "Govs" | "Gen" | "Gens" | "Lt" | "Col" | "Maj" | "Capt"
        | "Sgt" | "Cpl" | "Pvt" | "Cmdr" | "Adm" | "Rev" | "Hon" | "Pres" | "Supt" | "Atty"
        | "Insp" | "Det" | "Fr" | "Sr" | "Jr" | "St" | "Ste" | "Mt" | "Ft" | "No" | "Nos"
        | "Nr" | "vs" | "Vs" | "v" | "cf" | "Fig" | "fig" | "Vol" | "vol" | "pp" | "ca" => Title,
        "Inc" | "Corp" | "Co" | "Cos" | "Ltd" | "Bros" | "Plc" | "Pty" | "Dept" | "Univ"
        | "Assn" | "Ave" | "Blvd" | "Rd" | "Jan" | "Feb" | "Mar" | "Apr" | "Jun" | "Jul"
        | "Aug" | "Sep" | "Sept" | "Oct" | "Nov" | "Dec" | "Mon" | "Tue" | "Tues" | "Wed"
        | "Thu" | "Thur" | "Thurs" | "Fri" | "Sat" | "Sun" | "Ala" | "Ariz" | "Ark" | "Calif"
        | "Colo" | "Conn" | "Del" | "Fla" | "Ga" | "Ill" | "Ind" | "Kan" | "Kans" | "Ky" | "La"
        | "Md" | "Mass" | "Mich" | "Minn" | "Miss" | "Mo" | "Mont" | "Neb" | "Nev" | "Okla"
        | "Ore" | "Pa" | "Penn" | "Tenn" | "Tex" | "Va" | "Vt" | "Wash" | "Wis" | "Wyo" | "etc"
        | "approx" | "est" | "e.g" | "i.e" | "al" | "ed" | "eds" | "pct" | "yr" | "yrs" | "mln"
        | "bln" | "km" | "ft" | "lb" | "lbs" | "oz" => Other,
        _ => return None,
    })
}

/// True when `word` followed by a dot (ending at byte `after`) is a known abbreviation.
pub(super) fn is_abbreviation(text: &str, word: &str, after: usize) -> bool {
    match abbreviation_class(word) {
        // "No. 2", "Nos. 3 and 4": only before a number
        Some(_)
            if ["No", "Nos", "Nr"]
                .iter()
                .any(|a| a.eq_ignore_ascii_case(word)) =>
        {
            text.get(after..)
                .and_then(|s| s.trim_start().chars().next())
                .is_some_and(|c| c.is_ascii_digit())
        }
        Some(_) => true,
        None => false,
    }
}
