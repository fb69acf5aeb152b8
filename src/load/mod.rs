//! Loading an article: bytes from a file or standard input become the text
//! that every span indexes.
//!
//! Entry points: [`load_path`], [`load_reader`] and [`from_bytes`]. Loading
//! decodes the bytes ([`decode`]: UTF-8 with or without BOM, UTF-16 with
//! or without BOM, Windows-1252; binary files refused), opens a saved web page as its
//! article ([`html`]), then [`normalize`]s line endings (CRLF and lone CR
//! become LF) and drops a byte order mark. It does nothing else to the
//! text: control characters stay (the screen and the report make them
//! harmless) so that offsets match what was read. It never writes anything.

pub mod decode;
pub mod html;

use encoding_rs::Encoding;
use std::io::Read;
use std::path::{Path, PathBuf};

/// What kind of document an article came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    Text,
    /// A web page; the text is the article found in it.
    Html,
}

/// An article as loaded, ready to analyse.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// What to call it on screen: the file name, "(standard input)", ...
    pub name: String,
    /// The normalised text (for a web page: its article, one paragraph a line).
    pub text: String,
    pub format: Format,
    /// The headline, when the source gives one apart from the text (web pages).
    pub title: Option<String>,
    /// The author line ("By Priya Raman"), when the source gives one.
    pub byline: Option<String>,
    /// The publication date as the source gives it.
    pub date: Option<String>,
    /// Things the reader should know about the loading (replaced bytes, a
    /// legacy encoding, ...), shown with the article.
    pub warnings: Vec<String>,
}

impl Article {
    /// A plain-text article from text already in memory (normalised here).
    ///
    /// ```
    /// let a = gloss::load::Article::from_text("note", "One.\r\nTwo.");
    /// assert_eq!(a.text, "One.\nTwo.");
    /// ```
    pub fn from_text(name: impl Into<String>, text: &str) -> Article {
        Article {
            name: name.into(),
            text: normalize(text),
            format: Format::Text,
            title: None,
            byline: None,
            date: None,
            warnings: Vec::new(),
        }
    }
}

/// Why an article could not be loaded. Every message names the file and
/// says what to do.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: no such file; check the path and try again")]
    NotFound { path: PathBuf },
    #[error("{path}: is a directory; give the path of an article file inside it")]
    IsDirectory { path: PathBuf },
    #[error("{path}: permission denied; check that you may read it (ls -l shows who may)")]
    PermissionDenied { path: PathBuf },
    #[error("{path}: cannot read it ({source}); check the file and try again")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{name}: is {size} bytes; gloss reads articles up to 4 GiB (split the file, e.g. with `split -C 1G`)"
    )]
    TooLarge { name: String, size: usize },
    #[error("{name}: is empty; there is no article to read (give a file with text in it)")]
    Empty { name: String },
    #[error(
        "{name}: looks like a binary file (an image, archive or program), not an article; give a text or HTML file"
    )]
    Binary { name: String },
    #[error(
        "{name}: no article text was found in this web page ({reason}); save the page's text as a .txt file and open that"
    )]
    NoArticle { name: String, reason: String },
}

/// Reads the article at `path`. Files ending in `.html`, `.htm` or `.xhtml`,
/// and files whose content starts like HTML, are read as web pages.
pub fn load_path(path: &Path) -> Result<Article, LoadError> {
    let io_error = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound {
            path: path.to_path_buf(),
        },
        std::io::ErrorKind::PermissionDenied => LoadError::PermissionDenied {
            path: path.to_path_buf(),
        },
        std::io::ErrorKind::IsADirectory => LoadError::IsDirectory {
            path: path.to_path_buf(),
        },
        _ => LoadError::Io {
            path: path.to_path_buf(),
            source: e,
        },
    };
    if std::fs::metadata(path).map_err(io_error)?.is_dir() {
        return Err(LoadError::IsDirectory {
            path: path.to_path_buf(),
        });
    }
    let bytes = std::fs::read(path).map_err(io_error)?;
    let is_html_name = path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["html", "htm", "xhtml"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    });
    // Errors name the path as given; the article goes by its file name.
    let mut article = from_vec(
        path.display().to_string(),
        bytes,
        is_html_name.then_some(Format::Html),
    )?;
    if let Some(file_name) = path.file_name() {
        article.name = file_name.to_string_lossy().into_owned();
    }
    Ok(article)
}

/// Reads an article from a reader (standard input); the format is sniffed.
pub fn load_reader(name: &str, mut reader: impl Read) -> Result<Article, LoadError> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).map_err(|e| LoadError::Io {
        path: PathBuf::from(name),
        source: e,
    })?;
    from_vec(name.to_string(), bytes, None)
}

/// [`from_bytes`] for bytes it may keep: plain UTF-8 text, the common case,
/// becomes the article's text in place, without a copy (a 100 MB file
/// needs 100 MB, not 300).
fn from_vec(name: String, bytes: Vec<u8>, format: Option<Format>) -> Result<Article, LoadError> {
    check_size(&name, bytes.len())?;
    let may_be_plain = format != Some(Format::Html)
        && !bytes.is_empty()
        && Encoding::for_bom(&bytes).is_none_or(|(e, _)| e == encoding_rs::UTF_8)
        && !decode::looks_binary(&bytes);
    if !may_be_plain {
        return from_bytes(name, &bytes, format);
    }
    // the text is validated as UTF-8 once, here, and kept
    let text = match String::from_utf8(bytes) {
        Ok(text) if !html::looks_like_html(&text) => normalize_owned(text),
        Ok(page) => return from_bytes(name, page.as_bytes(), format),
        Err(e) => return from_bytes(name, e.as_bytes(), format),
    };
    if text.trim().is_empty() {
        return Err(LoadError::Empty { name });
    }
    Ok(Article {
        text,
        ..Article::from_text(name, "")
    })
}

/// The largest text the analysis indexes: its tokens keep `u32` offsets.
pub const MAX_BYTES: usize = u32::MAX as usize;

fn check_size(name: &str, size: usize) -> Result<(), LoadError> {
    if size > MAX_BYTES {
        return Err(LoadError::TooLarge {
            name: name.to_string(),
            size,
        });
    }
    Ok(())
}

/// Turns raw bytes into an article. `format` forces the format; `None`
/// sniffs it from the content.
///
/// ```
/// use gloss::load::{from_bytes, Format};
/// let a = from_bytes("note.txt".into(), b"\xef\xbb\xbfOne.\r\nTwo.", None).unwrap();
/// assert_eq!((a.text.as_str(), a.format), ("One.\nTwo.", Format::Text));
/// ```
pub fn from_bytes(
    name: String,
    bytes: &[u8],
    format: Option<Format>,
) -> Result<Article, LoadError> {
    check_size(&name, bytes.len())?;
    if bytes.is_empty() {
        return Err(LoadError::Empty { name });
    }
    let decoded = decode::decode(bytes).map_err(|_| LoadError::Binary { name: name.clone() })?;
    let is_html = match format {
        Some(f) => f == Format::Html,
        None => html::looks_like_html(&decoded.text),
    };
    let mut article = if is_html {
        // A page that is not UTF-8 usually says what it is instead.
        let decoded = match html::declared_charset(bytes)
            .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()))
        {
            Some(enc) if !decoded.warnings.is_empty() && decoded.encoding != enc.name() => {
                let skip = encoding_rs::Encoding::for_bom(bytes).map_or(0, |(_, n)| n);
                decode::decode_as(enc, &bytes[skip..])
            }
            _ => decoded,
        };
        let page = html::extract(&decoded.text).map_err(|e| LoadError::NoArticle {
            name: name.clone(),
            reason: e.0,
        })?;
        Article {
            name,
            text: normalize(&page.text),
            format: Format::Html,
            title: page.title,
            byline: page.byline,
            date: page.date,
            warnings: decoded.warnings,
        }
    } else {
        Article {
            warnings: decoded.warnings,
            ..Article::from_text(name, &decoded.text)
        }
    };
    if article.text.trim().is_empty() {
        return Err(LoadError::Empty {
            name: std::mem::take(&mut article.name),
        });
    }
    Ok(article)
}

/// [`normalize`] on a string it may keep: no copy when there is no CR.
fn normalize_owned(mut text: String) -> String {
    if text.starts_with('\u{FEFF}') {
        text.drain(..'\u{FEFF}'.len_utf8());
    }
    // a byte search (memchr), not a char search: the whole text is read
    if text.as_bytes().contains(&b'\r') {
        normalize(&text)
    } else {
        text
    }
}

/// Drops a byte order mark and turns CRLF and lone CR into LF.
///
/// ```
/// assert_eq!(gloss::load::normalize("\u{FEFF}a\r\nb\rc"), "a\nb\nc");
/// ```
pub fn normalize(raw: &str) -> String {
    let s = raw.strip_prefix('\u{FEFF}').unwrap_or(raw);
    if !s.as_bytes().contains(&b'\r') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(bytes: &[u8]) -> Result<Article, LoadError> {
        from_bytes("x".into(), bytes, None)
    }

    #[test]
    fn texts_past_four_gib_are_refused_with_advice() {
        assert!(check_size("a.txt", MAX_BYTES).is_ok());
        let err = check_size("a.txt", MAX_BYTES + 1).unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("a.txt: is 4294967296 bytes"), "{msg}");
        assert!(msg.contains("split"), "{msg}");
    }

    #[test]
    fn empty_and_blank_input_are_errors() {
        assert!(matches!(load(b""), Err(LoadError::Empty { .. })));
        assert!(matches!(load(b"  \n\t\r\n"), Err(LoadError::Empty { .. })));
        assert!(matches!(
            load(b"\xef\xbb\xbf"),
            Err(LoadError::Empty { .. })
        ));
    }

    #[test]
    fn the_in_place_path_agrees_with_the_copying_one() {
        for bytes in [
            &b"\xef\xbb\xbfOne.\r\nTwo.\rThree."[..],
            b"Plain text.\n",
            b"caf\xe9",
            b"  \n",
            b"<!doctype html><html><body><p>Hi</p></body></html>",
            b"a\0b",
        ] {
            let copied = from_bytes("x".into(), bytes, None);
            let kept = from_vec("x".into(), bytes.to_vec(), None);
            match (copied, kept) {
                (Ok(a), Ok(b)) => assert_eq!(a, b),
                (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
                (a, b) => panic!("{a:?} vs {b:?}"),
            }
        }
    }

    #[test]
    fn binary_input_is_refused() {
        assert!(matches!(load(b"ab\0cd"), Err(LoadError::Binary { .. })));
    }

    #[test]
    fn line_endings_become_lf() {
        let a = load("\u{FEFF}One.\r\nTwo.\rThree.".as_bytes()).unwrap();
        assert_eq!(a.text, "One.\nTwo.\nThree.");
        assert_eq!(a.format, Format::Text);
    }

    #[test]
    fn a_web_page_is_sniffed_without_an_extension() {
        let page = "<!doctype html><html><head><title>Vote delayed</title></head><body>\
            <nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article>\
            <p>The regional assembly in Kessel postponed its budget vote on Monday after two \
            parties walked out over the cost of the new hospital wing.</p>\
            <p>Speaker Ines Moreau said the vote would be held next week instead, once the \
            finance committee had reviewed the figures again.</p></article></body></html>";
        let a = load(page.as_bytes()).unwrap();
        assert_eq!(a.format, Format::Html);
        assert_eq!(a.text.lines().count(), 2, "{}", a.text);
        assert!(a.text.starts_with("The regional assembly in Kessel"));
        assert!(!a.text.contains("Home"));
    }

    #[test]
    fn a_legacy_web_page_uses_its_declared_charset() {
        let mut page =
            b"<html><head><meta charset=\"windows-1252\"><title>x</title></head><body><article><p>"
                .to_vec();
        page.extend_from_slice(
            b"The caf\xe9 on Rue Lamarck reopened on Tuesday after a fire in March, its owner \
              said, and the neighbours celebrated with a street party that ran late.</p><p>\
              \x93We missed it,\x94 said one regular, who had come every morning for years.</p>",
        );
        page.extend_from_slice(b"</article></body></html>");
        let a = load(&page).unwrap();
        assert!(a.text.contains("The café on Rue Lamarck"), "{}", a.text);
        assert!(a.text.contains("“We missed it,”"), "{}", a.text);
    }

    #[test]
    fn files_report_their_path() {
        let dir = std::env::temp_dir();
        let e = load_path(&dir).unwrap_err();
        assert!(matches!(e, LoadError::IsDirectory { .. }));
        assert!(e.to_string().contains(&dir.display().to_string()));
        let missing = dir.join("gloss-no-such-article-7f3a.txt");
        let e = load_path(&missing).unwrap_err();
        assert!(matches!(e, LoadError::NotFound { .. }));
        assert!(e.to_string().contains("gloss-no-such-article-7f3a.txt"));
    }
}
