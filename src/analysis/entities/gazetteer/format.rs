//! What the build script and the lookups agree on: how keys are written
//! (lowercase words joined by single spaces), what the bits of a word's
//! facts mean, the codes of phrase kinds.
//!
//! Shared by the build script (`build.rs`, which reads the word lists with
//! `lists.rs` and writes the tables into the binary) and by the gazetteer
//! module (which looks words up in them). Only constants and functions of
//! strings: no tables, no lists.

/// A common English word, no name by itself.
pub const IS_COMMON: u8 = 1;
/// A known given name.
pub const IS_GIVEN: u8 = 1 << 1;
/// A one-word title or role word.
pub const IS_TITLE: u8 = 1 << 2;
/// A word that heads an organisation's name.
pub const IS_ORG_HEAD: u8 = 1 << 3;
/// A company suffix.
pub const IS_ORG_SUFFIX: u8 = 1 << 4;
/// Some phrase or title starts with this word (or is it).
pub const IS_PREFIX: u8 = 1 << 5;
/// Some title starts with this word (or is it).
pub const IS_TITLE_START: u8 = 1 << 6;
/// Some known phrase starts with this word (or is it).
pub const IS_PHRASE_START: u8 = 1 << 7;
/// No surname rank.
pub const NO_RANK: u32 = u32::MAX;
/// No known phrase.
pub const NO_PHRASE: u32 = u32::MAX;

/// The codes of the kinds of known phrases, in the order of `PhraseKind`.
pub const COUNTRY: u8 = 0;
pub const REGION: u8 = 1;
pub const CITY: u8 = 2;
pub const GROUP: u8 = 3;
pub const ORG: u8 = 4;

/// Appends `w` in lowercase to `out` (ASCII in place, without a copy).
pub fn push_lower(out: &mut String, w: &str) {
    if w.is_ascii() {
        let start = out.len();
        out.push_str(w);
        if let Some(added) = out.get_mut(start..) {
            added.make_ascii_lowercase();
        }
    } else {
        for c in w.chars() {
            out.extend(c.to_lowercase());
        }
    }
}

/// Lowercase words joined by single spaces: the key of every lookup.
pub fn key_of(phrase: &str) -> String {
    let mut k = String::with_capacity(phrase.len());
    for w in phrase.split_whitespace() {
        if !k.is_empty() {
            k.push(' ');
        }
        push_lower(&mut k, w);
    }
    k
}
