//! The reader's settings and the config file they come from.
//!
//! Entry point: [`Config::load`], which reads `gloss/config.toml` in the XDG
//! config directory (`~/.config/gloss/config.toml` on Linux) and applies
//! `NO_COLOR`. A missing file means the defaults; a file that cannot be read
//! or parsed is ignored with a warning the reader shows, never a crash.
//!
//! ```toml
//! # ~/.config/gloss/config.toml
//! measure = 80        # widest text column, in terminal columns
//! panel-width = 42    # width of the side panel
//! color = true        # false: modifiers only, as with NO_COLOR
//! ```

use serde::Deserialize;
use std::path::PathBuf;

/// Narrowest and widest accepted text measure.
pub const MEASURE_RANGE: std::ops::RangeInclusive<u16> = 20..=400;
/// Narrowest and widest accepted side panel.
pub const PANEL_RANGE: std::ops::RangeInclusive<u16> = 20..=120;

/// The reader's settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The widest the text column gets, in terminal columns.
    pub measure: u16,
    /// Width of the side panel beside the article.
    pub panel_width: u16,
    /// False: no colours, distinctions by modifiers only.
    pub color: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            measure: 80,
            panel_width: 42,
            color: true,
        }
    }
}

/// The config file as written; every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ConfigFile {
    measure: Option<u16>,
    panel_width: Option<u16>,
    color: Option<bool>,
}

impl Config {
    /// Where the config file lives: `$XDG_CONFIG_HOME/gloss/config.toml`.
    pub fn path() -> Option<PathBuf> {
        dirs::config_dir().map(|d| d.join("gloss").join("config.toml"))
    }

    /// Reads the config file (if any) and the environment. Returns the
    /// settings and warnings to show the reader.
    pub fn load() -> (Config, Vec<String>) {
        let mut warnings = Vec::new();
        let mut config = match Config::path() {
            Some(path) => match std::fs::read_to_string(&path) {
                Ok(text) => match Config::from_toml(&text) {
                    Ok((c, w)) => {
                        warnings.extend(w.into_iter().map(|w| format!("{}: {w}", path.display())));
                        c
                    }
                    Err(e) => {
                        warnings.push(format!(
                            "{}: {e}; using the default settings",
                            path.display()
                        ));
                        Config::default()
                    }
                },
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Config::default(),
                Err(e) => {
                    warnings.push(format!(
                        "{}: cannot read it ({e}); using the default settings",
                        path.display()
                    ));
                    Config::default()
                }
            },
            None => Config::default(),
        };
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            config.color = false;
        }
        (config, warnings)
    }

    /// Parses the text of a config file. Out-of-range values are brought
    /// into range, with a warning each.
    ///
    /// ```
    /// use gloss::tui::config::Config;
    /// let (c, warnings) = Config::from_toml("measure = 72\ncolor = false").unwrap();
    /// assert_eq!((c.measure, c.color), (72, false));
    /// assert!(warnings.is_empty());
    /// assert!(Config::from_toml("mesure = 72").is_err());
    /// ```
    pub fn from_toml(text: &str) -> Result<(Config, Vec<String>), String> {
        let file: ConfigFile = toml::from_str(text).map_err(|e| {
            let msg = e.message().to_string();
            match e.span() {
                Some(span) => {
                    let line = text[..span.start.min(text.len())].lines().count().max(1);
                    format!("line {line}: {msg}")
                }
                None => msg,
            }
        })?;
        let mut warnings = Vec::new();
        let mut config = Config::default();
        let mut clamp = |name: &str, v: u16, range: std::ops::RangeInclusive<u16>| {
            let c = v.clamp(*range.start(), *range.end());
            if c != v {
                warnings.push(format!(
                    "{name} = {v} is out of range {}..={}; using {c}",
                    range.start(),
                    range.end()
                ));
            }
            c
        };
        if let Some(m) = file.measure {
            config.measure = clamp("measure", m, MEASURE_RANGE);
        }
        if let Some(p) = file.panel_width {
            config.panel_width = clamp("panel-width", p, PANEL_RANGE);
        }
        if let Some(c) = file.color {
            config.color = c;
        }
        Ok((config, warnings))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_file_gives_defaults() {
        let (c, w) = Config::from_toml("").unwrap();
        assert_eq!(c, Config::default());
        assert!(w.is_empty());
    }

    #[test]
    fn out_of_range_values_are_clamped_with_a_warning() {
        let (c, w) = Config::from_toml("measure = 5\npanel-width = 500").unwrap();
        assert_eq!(c.measure, 20);
        assert_eq!(c.panel_width, 120);
        assert_eq!(w.len(), 2);
    }

    #[test]
    fn errors_name_the_line() {
        let err = Config::from_toml("measure = 80\ncolor = \"no\"").unwrap_err();
        assert!(err.starts_with("line 2"), "{err}");
    }
}
