//! Loading an article: bytes from a file or standard input become the text
//! that every span indexes.
//!
//! Entry points: [`load_path`], [`load_reader`] and [`normalize`]. Loading
//! drops a UTF-8 byte order mark and turns CRLF and lone CR into LF; it does
//! nothing else to the text.

use std::io::Read;
use std::path::{Path, PathBuf};

/// An article as loaded, ready to analyse.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// What to call it on screen: the file name, "(standard input)", ...
    pub name: String,
    /// The normalised text.
    pub text: String,
    /// Things the reader should know about the loading (replaced bytes, ...).
    pub warnings: Vec<String>,
}

/// Why an article could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: no such file; check the path and try again")]
    NotFound { path: PathBuf },
    #[error("{path}: is a directory; give the path of an article file inside it")]
    IsDirectory { path: PathBuf },
    #[error("{path}: permission denied; check that you may read it")]
    PermissionDenied { path: PathBuf },
    #[error("{path}: cannot read it: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{name}: the file is empty; there is no article to read")]
    Empty { name: String },
    #[error("{name}: looks like a binary file, not an article; give a text or HTML file")]
    Binary { name: String },
}

/// Reads the article at `path`.
pub fn load_path(path: &Path) -> Result<Article, LoadError> {
    if path.is_dir() {
        return Err(LoadError::IsDirectory {
            path: path.to_path_buf(),
        });
    }
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound {
            path: path.to_path_buf(),
        },
        std::io::ErrorKind::PermissionDenied => LoadError::PermissionDenied {
            path: path.to_path_buf(),
        },
        _ => LoadError::Io {
            path: path.to_path_buf(),
            source: e,
        },
    })?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    from_bytes(name, &bytes)
}

/// Reads an article from a reader (standard input).
pub fn load_reader(name: &str, mut reader: impl Read) -> Result<Article, LoadError> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).map_err(|e| LoadError::Io {
        path: PathBuf::from(name),
        source: e,
    })?;
    from_bytes(name.to_string(), &bytes)
}

/// Turns raw bytes into an article.
pub fn from_bytes(name: String, bytes: &[u8]) -> Result<Article, LoadError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(LoadError::Empty { name });
    }
    if bytes.contains(&0) {
        return Err(LoadError::Binary { name });
    }
    let mut warnings = Vec::new();
    let raw = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            warnings.push(
                "the file is not valid UTF-8; unreadable bytes are shown as \u{FFFD}".to_string(),
            );
            String::from_utf8_lossy(bytes).into_owned()
        }
    };
    Ok(Article {
        name,
        text: normalize(&raw),
        warnings,
    })
}

/// Drops a byte order mark and turns CRLF and lone CR into LF.
///
/// ```
/// assert_eq!(gloss::load::normalize("\u{FEFF}a\r\nb\rc"), "a\nb\nc");
/// ```
pub fn normalize(raw: &str) -> String {
    let s = raw.strip_prefix('\u{FEFF}').unwrap_or(raw);
    if !s.contains('\r') {
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

    #[test]
    fn empty_input_is_an_error() {
        assert!(matches!(
            from_bytes("x".into(), b"  \n"),
            Err(LoadError::Empty { .. })
        ));
    }

    #[test]
    fn binary_input_is_refused() {
        assert!(matches!(
            from_bytes("x".into(), b"ab\0cd"),
            Err(LoadError::Binary { .. })
        ));
    }

    #[test]
    fn line_endings_become_lf() {
        let a = from_bytes("x".into(), "\u{FEFF}One.\r\nTwo.\rThree.".as_bytes()).unwrap();
        assert_eq!(a.text, "One.\nTwo.\nThree.");
    }
}
