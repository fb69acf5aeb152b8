//! Bytes to text: which encoding a file is in, and whether it is text at all.
//!
//! Entry point: [`decode`]. In order: a byte order mark decides (UTF-8,
//! UTF-16 LE/BE); UTF-16 without one is recognised by its NUL bytes, nearly
//! all in the odd positions (little-endian) or the even ones (big-endian);
//! other NUL bytes or a high share of control bytes mean a binary file,
//! refused; valid UTF-8 is taken as it is; otherwise text that is
//! mostly valid UTF-8 with a few broken bytes keeps its UTF-8 and shows the
//! broken bytes as U+FFFD, and the rest is read as Windows-1252 (the legacy
//! Western encoding of Word and old web pages) when every byte is defined
//! there. Anything else is shown with replacement characters and a warning.
//! An HTML page's declared charset is honoured by the caller through
//! [`decode_as`]. Nothing here changes line endings or looks at content.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// Text decoded from bytes, with what the reader should know about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    /// The encoding used, by its WHATWG name ("UTF-8", "windows-1252", ...).
    pub encoding: &'static str,
    pub warnings: Vec<String>,
}

/// Why bytes are not text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotText {
    /// NUL bytes or mostly control bytes: an image, an archive, a program.
    Binary,
}

/// How many leading bytes the binary test reads.
const SNIFF_LEN: usize = 64 * 1024;

/// Decodes `bytes`, or says they are not text.
///
/// ```
/// use gloss::load::decode::decode;
/// assert_eq!(decode("caf\u{e9}".as_bytes()).unwrap().text, "café");
/// // Windows-1252: 0xE9 is "é", 0x93/0x94 are curly quotes
/// let d = decode(b"\x93Caf\xe9\x94").unwrap();
/// assert_eq!((d.text.as_str(), d.encoding), ("“Café”", "windows-1252"));
/// assert!(decode(b"PK\x03\x04\x00\x00").is_err());
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded, NotText> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return Ok(decode_as(encoding, &bytes[bom_len..]));
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let d = decode_as(encoding, bytes);
        // NUL or control characters once decoded: binary after all.
        if !looks_binary(d.text.as_bytes()) {
            return Ok(d);
        }
    }
    if looks_binary(bytes) {
        return Err(NotText::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_string(),
            encoding: UTF_8.name(),
            warnings: Vec::new(),
        });
    }
    let (valid_multibyte, invalid) = utf8_census(bytes);
    if valid_multibyte > invalid {
        // UTF-8 with a few broken bytes (a cut or damaged file)
        return Ok(decode_as(UTF_8, bytes));
    }
    if fits_windows_1252(bytes) {
        let mut d = decode_as(WINDOWS_1252, bytes);
        d.warnings.push(
            "the file is not UTF-8; it was read as Windows-1252 (Western European). \
             If letters look wrong, convert it to UTF-8 (for example with iconv) and open it again"
                .to_string(),
        );
        return Ok(d);
    }
    Ok(decode_as(UTF_8, bytes))
}

/// Decodes `bytes` (without a byte order mark) as `encoding`; bytes that are
/// not valid there become U+FFFD, with a warning saying how many.
pub fn decode_as(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let mut warnings = Vec::new();
    let text = text.into_owned();
    if had_errors {
        let n = text.chars().filter(|c| *c == '\u{FFFD}').count();
        warnings.push(format!(
            "the file is not valid {}: {n} unreadable byte sequence{} shown as \u{FFFD}",
            encoding.name(),
            if n == 1 { " is" } else { "s are" }
        ));
    }
    Decoded {
        text,
        encoding: encoding.name(),
        warnings,
    }
}

/// NUL bytes, or more than one byte in ten a control byte other than
/// white space and ESC (escape sequences are text, shown safely later).
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|b| matches!(b, 0x01..=0x08 | 0x0E..=0x1A | 0x1C..=0x1F | 0x7F))
        .count();
    controls * 10 > head.len()
}

/// UTF-16 without a byte order mark, told by where the NUL bytes are: in
/// text mostly in the Latin script, most code units have a NUL high byte,
/// so at least 70% of the pairs in the first bytes have a NUL on the same
/// side and almost none on the other. A binary file's NULs have no such
/// pattern.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut even, mut odd) = (0, 0);
    for pair in head.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let mostly = |n: usize| n * 10 >= pairs * 7;
    let hardly = |n: usize| n * 50 <= pairs;
    if mostly(odd) && hardly(even) {
        Some(UTF_16LE)
    } else if mostly(even) && hardly(odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Counts valid multi-byte UTF-8 sequences and invalid bytes.
fn utf8_census(bytes: &[u8]) -> (usize, usize) {
    let (mut valid, mut invalid) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    (valid, invalid)
}

/// True when no byte is one Windows-1252 leaves undefined.
fn fits_windows_1252(bytes: &[u8]) -> bool {
    !bytes
        .iter()
        .any(|b| matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, little: bool) -> Vec<u8> {
        let mut out = if little {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for u in text.encode_utf16() {
            let b = if little {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            };
            out.extend_from_slice(&b);
        }
        out
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode("Zoë Kravitz said “yes”.".as_bytes()).unwrap();
        assert_eq!(plain.text, "Zoë Kravitz said “yes”.");
        assert!(plain.warnings.is_empty());
        let with_bom = decode("\u{FEFF}Zoë said.".as_bytes()).unwrap();
        assert_eq!(with_bom.text, "Zoë said.");
    }

    #[test]
    fn utf16_both_byte_orders() {
        let text = "Der Bürgermeister sagte: „Nein.“";
        for little in [true, false] {
            let d = decode(&utf16(text, little)).unwrap();
            assert_eq!(d.text, text);
            assert!(d.encoding.starts_with("UTF-16"));
            assert!(d.warnings.is_empty());
        }
    }

    fn utf16_bare(text: &str, little: bool) -> Vec<u8> {
        utf16(text, little)[2..].to_vec()
    }

    #[test]
    fn utf16_without_bom_both_byte_orders() {
        let text = "The mayor of Zürich said: “We will rebuild the bridge.”\nIt opens in May.";
        let d = decode(&utf16_bare(text, true)).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, "UTF-16LE"));
        let d = decode(&utf16_bare(text, false)).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, "UTF-16BE"));
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn binary_with_nul_bytes_is_not_taken_for_utf16() {
        // An executable's header: NULs on both sides.
        let elf = b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x3e\x00";
        assert_eq!(decode(elf), Err(NotText::Binary));
        // The UTF-16 pattern, but the characters are control codes.
        let controls: Vec<u8> = (1u8..=40).flat_map(|b| [b % 8 + 1, 0]).collect();
        assert_eq!(decode(&controls), Err(NotText::Binary));
        // UTF-32: three NULs a character.
        let utf32: Vec<u8> = "Plain words"
            .chars()
            .flat_map(|c| (c as u32).to_le_bytes())
            .collect();
        assert_eq!(decode(&utf32), Err(NotText::Binary));
    }

    #[test]
    fn windows_1252_when_not_utf8() {
        let d = decode(b"The caf\xe9 owner said \x93no\x94 \x96 twice.").unwrap();
        assert_eq!(d.text, "The café owner said “no” – twice.");
        assert_eq!(d.encoding, "windows-1252");
        assert_eq!(d.warnings.len(), 1);
    }

    #[test]
    fn damaged_utf8_keeps_utf8_and_warns() {
        let mut bytes = "Müller and Göring met in Zürich; “fine”, he said."
            .as_bytes()
            .to_vec();
        bytes.push(0xFF);
        let d = decode(&bytes).unwrap();
        assert!(d.text.starts_with("Müller and Göring"));
        assert!(d.text.ends_with('\u{FFFD}'));
        assert!(
            d.warnings[0].contains("1 unreadable byte sequence is"),
            "{:?}",
            d.warnings
        );
    }

    #[test]
    fn nothing_fits_gives_replacement_characters_and_a_warning() {
        // 0x81 and 0x9D are undefined in Windows-1252 and invalid in UTF-8
        let d = decode(b"Report \x81\x9d from the field").unwrap();
        assert!(d.text.contains('\u{FFFD}'));
        assert!(!d.warnings.is_empty());
    }

    #[test]
    fn binary_is_refused_but_escape_sequences_are_text() {
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\x00\x00"), Err(NotText::Binary));
        assert_eq!(decode(&[1, 2, 3, 4, 5, 6, b'a']), Err(NotText::Binary));
        let d = decode(b"Title \x1b]0;pwned\x07 and \x1b[2J text").unwrap();
        assert!(d.text.contains('\u{1b}'));
    }
}
