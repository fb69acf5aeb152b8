//! The JSON writer under the export: serde_json's two layouts (pretty, with
//! a two-space indent and `": "` after keys, and compact), byte for byte,
//! without serde's generic machinery.
//!
//! Entry point: [`JsonOut`], which the export drives field by field. It
//! owns only the layout, string escaping and number formatting (the
//! digits in `digits`, the search for bytes to escape in `escape`); which
//! fields are written, in what order, is the export's business. Output is
//! gathered in a buffer and handed to the writer in large pieces.
//!
//! Why not serde: an export is mostly small objects (a span is
//! `{"start": .., "end": ..}`) and indentation, several times the size of
//! the article. Through serde every key, number and line break is a call
//! through the generic serializer and formatter; here a span is two line
//! breaks copied from a table, two fixed keys and two integers.

mod digits;
mod escape;

use digits::uint_at;
use escape::{find_escape, needs_escape};
use std::io::{self, Write};

/// serde_json's layouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// [`serde_json::to_writer_pretty`]: one value a line, indented by two spaces.
    Pretty,
    /// [`serde_json::to_writer`]: no white space at all.
    Compact,
}

/// Bytes gathered before they are handed to the writer.
const FLUSH_AT: usize = 1 << 16;

/// A line break after a comma, with room for the deepest indent written in
/// one piece: `",\n"` followed by spaces.
const BREAKS: &[u8] = b",\n                                                                ";

/// Indent levels [`BREAKS`] covers; deeper ones are written a level at a time.
const MAX_DEPTH: usize = (BREAKS.len() - 2) / 2;

/// A JSON value being written to `sink` in one [`Layout`].
///
/// The caller opens and closes arrays and objects and announces each
/// element ([`JsonOut::element`]) and key ([`JsonOut::key`]); the writer
/// tracks the depth and lays out commas, line breaks and indents.
///
/// ```
/// use gloss::export::json::{JsonOut, Layout};
/// let mut bytes = Vec::new();
/// let mut out = JsonOut::new(&mut bytes, Layout::Pretty);
/// out.begin_object();
/// out.key(true, "name");
/// out.string("Ana \"the mayor\"");
/// out.key(false, "span");
/// out.begin_object();
/// out.key(true, "start");
/// out.uint(3);
/// out.end_object(true);
/// out.end_object(true);
/// out.finish().unwrap();
/// let value = serde_json::json!({"name": "Ana \"the mayor\"", "span": {"start": 3}});
/// assert_eq!(bytes, serde_json::to_vec_pretty(&value).unwrap());
/// ```
pub struct JsonOut<W: Write> {
    /// Bytes not yet handed to the sink: `buf[..len]`. Its fixed size
    /// leaves [`ROOM`] bytes past [`FLUSH_AT`], so that every small piece
    /// (a line break, a key, a number) is copied in a fixed-size block
    /// without a capacity check of its own.
    buf: Box<[u8]>,
    len: usize,
    sink: W,
    layout: Layout,
    depth: usize,
    /// The first error the sink gave; nothing is written after it.
    failed: Option<io::Error>,
}

/// Bytes the buffer keeps free beyond [`FLUSH_AT`]: more than any piece
/// written between two checks (a line break with its indent and a key or a
/// number, copied as fixed-size blocks).
const ROOM: usize = 256;

/// The longest key [`JsonOut::key`] takes.
const MAX_KEY: usize = 32;

impl<W: Write> JsonOut<W> {
    /// A writer to `sink` in `layout`.
    pub fn new(sink: W, layout: Layout) -> Self {
        JsonOut {
            buf: vec![0; FLUSH_AT + ROOM].into_boxed_slice(),
            len: 0,
            sink,
            layout,
            depth: 0,
            failed: None,
        }
    }

    /// Hands everything written so far to the sink and returns the first
    /// error it gave, if any.
    pub fn finish(mut self) -> io::Result<()> {
        self.flush();
        match self.failed.take() {
            Some(err) => Err(err),
            None => self.sink.flush(),
        }
    }

    /// Hands the buffer to the sink (unless it failed before).
    #[cold]
    #[inline(never)]
    fn flush(&mut self) {
        if self.failed.is_none()
            && let Err(err) = self.sink.write_all(&self.buf[..self.len])
        {
            self.failed = Some(err);
        }
        self.len = 0;
    }

    /// Makes sure [`ROOM`] bytes are free.
    #[inline(always)]
    fn room(&mut self) {
        if self.len > FLUSH_AT {
            self.flush();
        }
    }

    /// Appends `bytes`, which must fit in [`ROOM`].
    #[inline(always)]
    fn put(&mut self, bytes: &[u8]) {
        self.buf[self.len..self.len + bytes.len()].copy_from_slice(bytes);
        self.len += bytes.len();
    }

    /// Appends `bytes` of any length.
    fn put_long(&mut self, mut bytes: &[u8]) {
        while !bytes.is_empty() {
            let take = bytes.len().min(self.buf.len() - self.len);
            self.buf[self.len..self.len + take].copy_from_slice(&bytes[..take]);
            self.len += take;
            bytes = &bytes[take..];
            self.room();
        }
    }

    /// A line break (after a comma unless `first`) and the current indent.
    #[inline(always)]
    fn line_break(&mut self, first: bool) {
        if self.depth < MAX_FAST_DEPTH {
            self.len = line_break_at(&mut self.buf, self.len, self.depth, first);
            return;
        }
        self.deep_line_break(usize::from(first));
    }

    #[cold]
    fn deep_line_break(&mut self, from: usize) {
        self.put(&BREAKS[from..2 + 2 * MAX_DEPTH.min(self.depth)]);
        for _ in MAX_DEPTH..self.depth {
            self.room();
            self.put(b"  ");
        }
    }

    /// Opens an array.
    #[inline]
    pub fn begin_array(&mut self) {
        self.open(b'[');
    }

    /// Closes an array; `had_elements` says whether any were written.
    #[inline]
    pub fn end_array(&mut self, had_elements: bool) {
        self.close(b']', had_elements);
    }

    /// Opens an object.
    #[inline]
    pub fn begin_object(&mut self) {
        self.open(b'{');
    }

    /// Closes an object; `had_keys` says whether any were written.
    #[inline]
    pub fn end_object(&mut self, had_keys: bool) {
        self.close(b'}', had_keys);
    }

    #[inline(always)]
    fn open(&mut self, mark: u8) {
        self.room();
        self.depth += 1;
        self.put(&[mark]);
    }

    #[inline(always)]
    fn close(&mut self, mark: u8, had_values: bool) {
        self.room();
        self.depth -= 1;
        if had_values && self.layout == Layout::Pretty {
            self.line_break(true);
        }
        self.put(&[mark]);
    }

    /// Starts an array's element (`first` for its first one).
    #[inline(always)]
    pub fn element(&mut self, first: bool) {
        self.room();
        match self.layout {
            Layout::Pretty => self.line_break(first),
            Layout::Compact if !first => self.put(b","),
            Layout::Compact => {}
        }
    }

    /// Writes an object's key (`first` for its first one) and the colon
    /// after it. The key must need no escaping and be at most 32 bytes
    /// (the export's field names).
    #[inline(always)]
    pub fn key(&mut self, first: bool, key: &str) {
        debug_assert!(
            key.len() <= MAX_KEY && !key.bytes().any(needs_escape),
            "{key:?} is not a field name"
        );
        self.room();
        match self.layout {
            Layout::Pretty => self.line_break(first),
            Layout::Compact if !first => self.put(b","),
            Layout::Compact => {}
        }
        self.put(b"\"");
        self.put(key.as_bytes());
        self.put(b"\": ");
        // the compact layout has no space after the colon
        self.len -= usize::from(self.layout == Layout::Compact);
    }

    /// Writes `null`.
    #[inline]
    pub fn null(&mut self) {
        self.room();
        self.put(b"null");
    }

    /// Writes an unsigned integer.
    #[inline(always)]
    pub fn uint(&mut self, n: u64) {
        self.room();
        self.len = uint_at(&mut self.buf, self.len, n);
    }

    /// Writes `{"start": start, "end": end}` (a span, a range of indices)
    /// at once: the export's commonest value.
    #[inline]
    pub fn start_end(&mut self, start: u64, end: u64) {
        self.room();
        let depth = self.depth;
        // the free room as a slice of its own, so that its bounds stay in registers
        let buf: &mut [u8] = &mut self.buf[self.len..self.len + ROOM];
        let mut at = 0;
        buf[at] = b'{';
        at += 1;
        match self.layout {
            Layout::Pretty if depth < MAX_FAST_DEPTH => {
                at = line_break_at(buf, at, depth + 1, true);
                at = put_at(buf, at, b"\"start\": ");
                at = uint_at(buf, at, start);
                at = line_break_at(buf, at, depth + 1, false);
                at = put_at(buf, at, b"\"end\": ");
                at = uint_at(buf, at, end);
                at = line_break_at(buf, at, depth, true);
            }
            Layout::Pretty => {
                self.len += at;
                self.depth += 1;
                self.key(true, "start");
                self.uint(start);
                self.key(false, "end");
                self.uint(end);
                self.close(b'}', true);
                return;
            }
            Layout::Compact => {
                at = put_at(buf, at, b"\"start\":");
                at = uint_at(buf, at, start);
                at = put_at(buf, at, b",\"end\":");
                at = uint_at(buf, at, end);
            }
        }
        buf[at] = b'}';
        self.len += at + 1;
    }

    /// Writes a `usize` (an offset, an index).
    #[inline]
    pub fn index(&mut self, n: usize) {
        self.uint(n as u64);
    }

    /// Writes a float as serde_json does (shortest round-trip form, `null`
    /// when not finite).
    pub fn float(&mut self, x: f32) {
        // Rare in an export (a topic's score): serde_json's own formatting
        // keeps it byte for byte the same.
        match serde_json::to_vec(&x) {
            Ok(bytes) => self.put_long(&bytes),
            Err(_) => self.null(),
        }
    }

    /// Writes a string, quoted and escaped as serde_json does: `"` and `\`
    /// get a backslash, control characters their short escape (`\n`) or
    /// `\u00XX`; everything else, non-ASCII included, is copied as it is.
    pub fn string(&mut self, s: &str) {
        self.room();
        self.put(b"\"");
        let mut rest = s.as_bytes();
        while let Some(at) = find_escape(rest) {
            self.put_long(&rest[..at]);
            self.escape(rest[at]);
            rest = &rest[at + 1..];
        }
        self.put_long(rest);
        self.room();
        self.put(b"\"");
    }

    /// Writes a short string that needs no escape (a kind's name, as the
    /// export's fixed vocabulary gives it): the same bytes as
    /// [`JsonOut::string`], without looking for escapes.
    #[inline]
    pub fn plain_string(&mut self, s: &'static str) {
        debug_assert!(
            s.len() <= MAX_KEY && !s.bytes().any(needs_escape),
            "{s:?} is not a plain name"
        );
        self.room();
        self.put(b"\"");
        self.put(s.as_bytes());
        self.put(b"\"");
    }

    /// Writes the escape of one byte that [`needs_escape`].
    #[cold]
    fn escape(&mut self, b: u8) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        self.room();
        let short = match b {
            b'"' => b'"',
            b'\\' => b'\\',
            0x08 => b'b',
            0x0C => b'f',
            b'\n' => b'n',
            b'\r' => b'r',
            b'\t' => b't',
            _ => {
                let hex = [HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xF)]];
                self.put(b"\\u00");
                self.put(&hex);
                return;
            }
        };
        self.put(&[b'\\', short]);
    }
}

/// Indent levels below which a line break is one fixed-size copy.
const MAX_FAST_DEPTH: usize = 15;

/// Writes `bytes` into `buf` at `at`; returns where they end.
#[inline(always)]
fn put_at(buf: &mut [u8], at: usize, bytes: &[u8]) -> usize {
    buf[at..at + bytes.len()].copy_from_slice(bytes);
    at + bytes.len()
}

/// Writes a line break (after a comma unless `first`) and the indent of
/// `depth` (at most [`MAX_FAST_DEPTH`]: a break of 2 + 2 * 15 bytes fits the
/// copy) into `buf` at `at`, as one copy of 32 bytes of which only the
/// break counts; returns where the break ends.
#[inline(always)]
fn line_break_at(buf: &mut [u8], at: usize, depth: usize, first: bool) -> usize {
    debug_assert!(depth <= MAX_FAST_DEPTH);
    let from = usize::from(first);
    buf[at..at + 32].copy_from_slice(&BREAKS[from..from + 32]);
    at + 2 + 2 * depth - from
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(layout: Layout, write: impl FnOnce(&mut JsonOut<&mut Vec<u8>>)) -> String {
        let mut bytes = Vec::new();
        let mut out = JsonOut::new(&mut bytes, layout);
        write(&mut out);
        out.finish().unwrap();
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn strings_are_escaped_as_serde_json_does() {
        let mut every_ascii: String = (0u8..128).map(char::from).collect();
        every_ascii.push_str("é中\u{2028}\u{feff}😀");
        let cases = [
            "",
            "plain",
            "\"quoted\" and \\back\\slashed\\",
            "tab\there\nline\r\n\u{8}\u{c}\u{0}\u{1f}\u{7f}",
            "exactly8",
            "fifteen bytes!\n",
            "a long run of words with no escapes in it at all, past eight bytes\"",
            &every_ascii,
        ];
        for s in cases {
            let ours = written(Layout::Compact, |o| o.string(s));
            assert_eq!(ours, serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn a_string_longer_than_a_chunk_is_written_whole() {
        let s = "ab\"c\n".repeat(FLUSH_AT / 2) + "€";
        let ours = written(Layout::Pretty, |o| o.string(&s));
        assert_eq!(ours, serde_json::to_string(&s).unwrap());
    }

    #[test]
    fn numbers_are_written_as_serde_json_does() {
        for n in [
            0,
            1,
            9,
            10,
            99,
            100,
            101,
            999,
            1000,
            65_535,
            4_294_967_296,
            u64::MAX,
        ] {
            assert_eq!(written(Layout::Compact, |o| o.uint(n)), n.to_string());
        }
        for x in [0.0f32, 1.5, 0.1, 3.0e-7, 1.0e20, f32::NAN, f32::INFINITY] {
            let ours = written(Layout::Compact, |o| o.float(x));
            assert_eq!(ours, serde_json::to_string(&x).unwrap(), "{x}");
        }
    }

    #[test]
    fn empty_and_nested_values_are_laid_out_as_serde_json_does() {
        for layout in [Layout::Pretty, Layout::Compact] {
            let ours = written(layout, |o| {
                o.begin_object();
                o.key(true, "a");
                o.begin_array();
                o.end_array(false);
                o.key(false, "b");
                o.begin_object();
                o.end_object(false);
                o.key(false, "c");
                o.begin_array();
                o.element(true);
                o.uint(1);
                o.element(false);
                o.null();
                o.end_array(true);
                o.end_object(true);
            });
            let value = serde_json::json!({"a": [], "b": {}, "c": [1, null]});
            let theirs = match layout {
                Layout::Pretty => serde_json::to_string_pretty(&value),
                Layout::Compact => serde_json::to_string(&value),
            };
            assert_eq!(ours, theirs.unwrap());
        }
    }

    #[derive(serde::Serialize)]
    struct StartEnd {
        start: u64,
        end: u64,
    }

    /// `{"start": 0, "end": u64::MAX}` inside this many arrays.
    struct Nested(usize);

    impl serde::Serialize for Nested {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            match self.0 {
                0 => StartEnd {
                    start: 0,
                    end: u64::MAX,
                }
                .serialize(s),
                depth => [Nested(depth - 1)].serialize(s),
            }
        }
    }

    #[test]
    fn start_and_end_objects_are_laid_out_as_serde_json_does_at_any_depth() {
        for layout in [Layout::Pretty, Layout::Compact] {
            for depth in [0, 1, MAX_FAST_DEPTH - 1, MAX_FAST_DEPTH, MAX_DEPTH + 2] {
                let ours = written(layout, |o| {
                    for _ in 0..depth {
                        o.begin_array();
                        o.element(true);
                    }
                    o.start_end(0, u64::MAX);
                    for _ in 0..depth {
                        o.end_array(true);
                    }
                });
                let value = Nested(depth);
                let theirs = match layout {
                    Layout::Pretty => serde_json::to_string_pretty(&value),
                    Layout::Compact => serde_json::to_string(&value),
                };
                let theirs = theirs.unwrap();
                assert_eq!(ours, theirs, "{layout:?} at {depth}");
            }
        }
    }

    #[test]
    fn deeper_than_the_break_table_is_still_indented() {
        let depth = MAX_DEPTH + 3;
        let ours = written(Layout::Pretty, |o| {
            for level in 0..depth {
                o.begin_array();
                o.element(true);
                if level + 1 == depth {
                    o.uint(7);
                }
            }
            for _ in 0..depth {
                o.end_array(true);
            }
        });
        let mut value = serde_json::json!(7);
        for _ in 0..depth {
            value = serde_json::json!([value]);
        }
        assert_eq!(ours, serde_json::to_string_pretty(&value).unwrap());
    }

    #[test]
    fn the_first_error_of_the_sink_is_returned() {
        struct Closed;
        impl Write for Closed {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::ErrorKind::BrokenPipe.into())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let mut out = JsonOut::new(Closed, Layout::Compact);
        out.string(&"x".repeat(3 * FLUSH_AT));
        let err = out.finish().unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::BrokenPipe);
    }
}
