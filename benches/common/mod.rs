//! Inputs the benchmarks generate (nothing large is committed): a
//! news-like corpus of any size, built from sentence templates written for
//! the benchmarks and the sample article, and the pathological inputs of
//! issue 7. Shared by `benches/analysis.rs` and `benches/stages.rs`; not a
//! benchmark itself.

#![allow(dead_code)] // each bench uses part of it

/// Sentence templates written for this benchmark (not taken from any corpus).
const TEMPLATES: &[&str] = &[
    "{P} met {P2} in {C} on {D}, and the two discussed trade and security.",
    "\u{201c}We will not accept any delay in the talks,\u{201d} {P} said in a statement on {D}.",
    "The {O} said it had set aside ${N} million for flood relief in {C}.",
    "{P2} told reporters that the ministry would publish its findings in {M}.",
    "According to {P}, the {O} expects growth of {N} percent this year.",
    "Officials in {C} warned that prices could rise again before {M}.",
    "\u{201c}This is a hard winter for families,\u{201d} said {P2}, the mayor of {C}.",
    "The report, released on {D}, found that {N},000 homes lacked power.",
];
const PEOPLE: &[&str] = &[
    "Maria Lopez",
    "Kenji Sato",
    "Amara Okafor",
    "Lars Nilsson",
    "Priya Raman",
    "Tomasz Nowak",
];
const PLACES: &[&str] = &[
    "Lisbon", "Nairobi", "Ottawa", "Hanoi", "Lima", "Warsaw", "Brazil",
];
const ORGS: &[&str] = &[
    "Ministry of Finance",
    "World Bank",
    "Red Cross",
    "Central Bank",
    "Port Authority",
];
const DAYS: &[&str] = &["Monday", "Tuesday", "Thursday", "Friday"];
const MONTHS: &[&str] = &["March", "June", "October", "December"];

/// News-like text of about `bytes` bytes: template paragraphs with the sample
/// article interleaved every so often.
pub fn news_corpus(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 4096);
    let mut i = 0usize;
    while out.len() < bytes {
        if i.is_multiple_of(40) {
            out.push_str(gloss::SAMPLE_ARTICLE);
            out.push('\n');
        }
        for k in 0..4 {
            let t = TEMPLATES[(i + k) % TEMPLATES.len()];
            let s = t
                .replace("{P2}", PEOPLE[(i * 7 + k + 3) % PEOPLE.len()])
                .replace("{P}", PEOPLE[(i + k) % PEOPLE.len()])
                .replace("{C}", PLACES[(i * 3 + k) % PLACES.len()])
                .replace("{O}", ORGS[(i + 2 * k) % ORGS.len()])
                .replace("{D}", DAYS[(i + k) % DAYS.len()])
                .replace("{M}", MONTHS[(i + k) % MONTHS.len()])
                .replace("{N}", &((i * 13 + k) % 97 + 2).to_string());
            out.push_str(&s);
            out.push(' ');
        }
        out.push('\n');
        i += 1;
    }
    out
}

/// Inputs that have tripped text tools: each about `bytes` long.
pub fn pathological(bytes: usize) -> Vec<(&'static str, String)> {
    let rep = |unit: &str| unit.repeat(bytes / unit.len().max(1));
    vec![
        ("no_newline", news_corpus(bytes).replace('\n', " ")),
        ("no_space", rep("abcdefghij")),
        ("quote_marks", rep("\u{201c}a\" ")),
        ("capitalised_words", rep("Alpha Bravo Charlie Delta ")),
        ("one_word_paragraphs", rep("word\n")),
    ]
}
