//! The JSON export's writer: serde_json's pretty layout (two-space indent,
//! `": "` after keys), byte for byte, written with fewer and larger writes.
//!
//! Entry point: [`to_writer_pretty`]. The export of a long article is
//! mostly small objects (a span is `{"start": .., "end": ..}`) deep inside
//! arrays, so serde_json's pretty printer spends much of its time writing
//! the indent two bytes at a time; [`PrettyJson`] writes each line break
//! and its indent in one piece. What is written is decided by the types'
//! `Serialize` impls; this module only lays it out.

use serde::Serialize;
use serde_json::ser::{Formatter, Serializer};
use std::io::{self, Write};

/// Writes `value` as pretty JSON, exactly as [`serde_json::to_writer_pretty`] does.
///
/// ```
/// let value = serde_json::json!({"spans": [{"start": 0, "end": 4}], "empty": []});
/// let mut ours = Vec::new();
/// gloss::export::to_writer_pretty(&mut ours, &value).unwrap();
/// assert_eq!(ours, serde_json::to_vec_pretty(&value).unwrap());
/// ```
pub fn to_writer_pretty<W: Write, T: Serialize + ?Sized>(
    writer: W,
    value: &T,
) -> serde_json::Result<()> {
    let mut ser = Serializer::with_formatter(writer, PrettyJson::default());
    value.serialize(&mut ser)
}

/// A line break with room for the deepest indent written in one piece:
/// `",\n"` followed by spaces.
const BREAKS: &[u8] = b",\n                                                                ";

/// Indent levels [`BREAKS`] covers; deeper ones are written a level at a time.
const MAX_DEPTH: usize = (BREAKS.len() - 2) / 2;

/// serde_json's `PrettyFormatter` with a two-space indent, writing each
/// line break and its indent at once.
#[derive(Debug, Default)]
pub struct PrettyJson {
    depth: usize,
    has_value: bool,
}

impl PrettyJson {
    /// A line break (after a comma unless `first`) and the current indent.
    #[inline]
    fn line_break<W: ?Sized + Write>(&self, writer: &mut W, first: bool) -> io::Result<()> {
        let from = usize::from(first);
        if self.depth <= MAX_DEPTH {
            return writer.write_all(&BREAKS[from..2 + 2 * self.depth]);
        }
        writer.write_all(&BREAKS[from..2 + 2 * MAX_DEPTH])?;
        for _ in MAX_DEPTH..self.depth {
            writer.write_all(b"  ")?;
        }
        Ok(())
    }

    /// Closes an array or object with `close`, on its own line when it holds anything.
    #[inline]
    fn end<W: ?Sized + Write>(&mut self, writer: &mut W, close: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.line_break(writer, true)?;
        }
        writer.write_all(close)
    }
}

impl Formatter for PrettyJson {
    #[inline]
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(b"[")
    }

    #[inline]
    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.end(writer, b"]")
    }

    #[inline]
    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.line_break(writer, first)
    }

    #[inline]
    fn end_array_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    #[inline]
    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(b"{")
    }

    #[inline]
    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.end(writer, b"}")
    }

    #[inline]
    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.line_break(writer, first)
    }

    #[inline]
    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    #[inline]
    fn end_object_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_as_serde_json(value: &impl Serialize) {
        let mut ours = Vec::new();
        to_writer_pretty(&mut ours, value).unwrap();
        let theirs = serde_json::to_vec_pretty(value).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&ours),
            String::from_utf8_lossy(&theirs)
        );
    }

    #[test]
    fn the_sample_analysis_is_laid_out_as_serde_json_does() {
        same_as_serde_json(&crate::analysis::analyze(crate::SAMPLE_ARTICLE));
    }

    #[test]
    fn empty_nested_and_very_deep_values_are_laid_out_as_serde_json_does() {
        same_as_serde_json(&serde_json::json!({}));
        same_as_serde_json(&serde_json::json!([]));
        same_as_serde_json(&serde_json::json!({"a": [], "b": {}, "c": [[], [{}], 1, "x\n\"y\""]}));
        let mut deep = serde_json::json!(["bottom", {"k": [1, 2]}, []]);
        for level in 0..(MAX_DEPTH + 5) {
            deep = if level % 2 == 0 {
                serde_json::json!([deep, level])
            } else {
                serde_json::json!({"level": level, "inner": deep, "after": null})
            };
        }
        same_as_serde_json(&deep);
    }
}
