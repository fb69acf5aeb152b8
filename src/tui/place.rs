//! Where the reader left off in each article, kept between runs.
//!
//! Entry point: [`Places`]. One small JSON file in the XDG state directory
//! (`~/.local/state/gloss/places.json` on Linux) maps a hash of each
//! article's text to the paragraph the reader was on. It is written
//! atomically (a temporary file renamed over the old one) and re-read just
//! before writing, so two readers open at once do not lose each other's
//! places. A file that cannot be parsed is moved aside with a warning and
//! gloss starts afresh; it never fails because of this file, and it never
//! writes to the article.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Most articles remembered; the least recently read are forgotten first.
pub const MAX_ARTICLES: usize = 2000;

/// The key of an article: a 64-bit hash of its text, and its length.
///
/// The hash reads the text eight bytes at a time (FxHash's mixing step), so
/// a 100 MB article is keyed in a few tens of milliseconds before its first
/// frame. It is written out here, not taken from a crate, because the keys
/// are stored and must not change with a dependency's version.
///
/// ```
/// let a = gloss::tui::place::article_key("Some text.");
/// assert_eq!(a, gloss::tui::place::article_key("Some text."));
/// assert_ne!(a, gloss::tui::place::article_key("Some text!"));
/// ```
pub fn article_key(text: &str) -> String {
    const SEED: u64 = 0xcbf2_9ce4_8422_2325;
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mix = |h: u64, w: u64| (h.rotate_left(5) ^ w).wrapping_mul(K);
    let mut chunks = text.as_bytes().chunks_exact(8);
    let mut h = SEED;
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = mix(h, u64::from_le_bytes(w));
    }
    for &b in chunks.remainder() {
        h = mix(h, u64::from(b));
    }
    format!("{h:016x}-{}", text.len())
}

/// Where the places file lives.
pub fn default_path() -> Option<PathBuf> {
    dirs::state_dir()
        .or_else(dirs::data_local_dir)
        .map(|d| d.join("gloss").join("places.json"))
}

/// One remembered article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Place {
    paragraph: usize,
    /// When it was last read (seconds since 1970), to forget the oldest.
    read_at: u64,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct PlacesFile {
    articles: BTreeMap<String, Place>,
}

/// The remembered places.
#[derive(Debug)]
pub struct Places {
    path: PathBuf,
    file: PlacesFile,
}

impl Places {
    /// Reads the places file at `path`. A missing file is an empty one; an
    /// unreadable or corrupt one gives a warning (and is moved aside when corrupt).
    pub fn load(path: &Path) -> (Places, Option<String>) {
        let (file, warning) = read(path);
        (
            Places {
                path: path.to_path_buf(),
                file,
            },
            warning,
        )
    }

    /// The paragraph the reader was on in the article with `key`.
    pub fn get(&self, key: &str) -> Option<usize> {
        self.file.articles.get(key).map(|p| p.paragraph)
    }

    /// Remembers `paragraph` for `key` and writes the file (merged with
    /// what other readers wrote meanwhile).
    pub fn save(&mut self, key: &str, paragraph: usize) -> Result<(), String> {
        let (fresh, _) = read(&self.path);
        self.file = fresh;
        let read_at = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        self.file
            .articles
            .insert(key.to_string(), Place { paragraph, read_at });
        if self.file.articles.len() > MAX_ARTICLES {
            let mut by_age: Vec<(u64, String)> = self
                .file
                .articles
                .iter()
                .map(|(k, p)| (p.read_at, k.clone()))
                .collect();
            by_age.sort();
            let extra = self.file.articles.len() - MAX_ARTICLES;
            for (_, k) in by_age.into_iter().take(extra) {
                self.file.articles.remove(&k);
            }
        }
        write_atomically(&self.path, &self.file).map_err(|e| {
            format!(
                "cannot save the reading place in {}: {e}",
                self.path.display()
            )
        })
    }
}

fn read(path: &Path) -> (PlacesFile, Option<String>) {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (PlacesFile::default(), None),
        Err(e) => {
            return (
                PlacesFile::default(),
                Some(format!(
                    "cannot read {}: {e}; reading places not restored",
                    path.display()
                )),
            );
        }
    };
    match serde_json::from_str(&text) {
        Ok(f) => (f, None),
        Err(e) => {
            let aside = path.with_extension("json.corrupt");
            let moved = std::fs::rename(path, &aside).is_ok();
            let what = if moved {
                format!("moved aside to {}", aside.display())
            } else {
                "left as it is".to_string()
            };
            (
                PlacesFile::default(),
                Some(format!(
                    "{} is corrupt ({e}); {what}; starting afresh",
                    path.display()
                )),
            )
        }
    }
}

fn write_atomically(path: &Path, file: &PlacesFile) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension(format!("json.tmp-{}", std::process::id()));
    let json = serde_json::to_vec_pretty(file).map_err(std::io::Error::other)?;
    let result = (|| {
        use std::io::Write;
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(&json)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(tag: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("gloss-place-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir.join("state").join("places.json")
    }

    #[test]
    fn places_survive_a_reload() {
        let path = scratch("reload");
        let (mut p, w) = Places::load(&path);
        assert!(w.is_none());
        p.save("abc-3", 7).unwrap();
        let (p2, w) = Places::load(&path);
        assert!(w.is_none());
        assert_eq!(p2.get("abc-3"), Some(7));
        assert_eq!(p2.get("other"), None);
        let _ = std::fs::remove_dir_all(path.parent().unwrap().parent().unwrap());
    }

    #[test]
    fn a_corrupt_file_is_moved_aside_with_a_warning() {
        let path = scratch("corrupt");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, "{ not json").unwrap();
        let (mut p, w) = Places::load(&path);
        assert!(w.unwrap().contains("corrupt"));
        assert!(path.with_extension("json.corrupt").exists());
        assert_eq!(p.get("x"), None);
        p.save("x", 1).unwrap();
        assert_eq!(Places::load(&path).0.get("x"), Some(1));
        let _ = std::fs::remove_dir_all(path.parent().unwrap().parent().unwrap());
    }

    #[test]
    fn two_readers_keep_each_others_places() {
        let path = scratch("two");
        let (mut a, _) = Places::load(&path);
        let (mut b, _) = Places::load(&path);
        a.save("a", 1).unwrap();
        b.save("b", 2).unwrap();
        let (p, _) = Places::load(&path);
        assert_eq!((p.get("a"), p.get("b")), (Some(1), Some(2)));
        let _ = std::fs::remove_dir_all(path.parent().unwrap().parent().unwrap());
    }
}
