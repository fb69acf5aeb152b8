//! End-to-end: the gloss binary in a pseudo-terminal. Keys go in, the screen
//! is read back through a vt100 parser, and each run must leave the
//! alternate screen and mouse capture, write no escape sequence from the
//! article, and exit with status 0.
//!
//! Every wait polls the screen with a timeout; nothing sleeps a fixed time.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(20);

/// A gloss process in a pseudo-terminal.
struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    _master: Box<dyn MasterPty + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    _dir: TempDir,
}

/// A scratch directory removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("gloss-pty-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A short article written for these tests.
const ARTICLE: &str =
    "Mayor Elena Ruiz of Porto Alegre met Finance Minister Tomás Herrera in Lisbon on Monday.
\u{201C}We cannot wait for the next storm,\u{201D} Ruiz told Herrera.
Herrera said the ministry would publish a plan by March.
Engineers warned that the fund covers only a third of the sea walls the city needs.
";

impl Session {
    /// Runs `gloss` on a file holding `article` (or the shell `command`, with
    /// `{gloss}` and `{file}` replaced) in a `cols` x `rows` terminal.
    fn start(
        tag: &str,
        article: &str,
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
        shell: Option<&str>,
    ) -> Session {
        let dir = TempDir::new(tag);
        // Several articles are separated by a form feed in `article`.
        let mut files = Vec::new();
        for (i, text) in article.split('\u{c}').enumerate() {
            let name = if i == 0 {
                "article.txt".to_string()
            } else {
                format!("article{}.txt", i + 1)
            };
            let path = dir.0.join(name);
            std::fs::write(&path, text).expect("write article");
            files.push(path);
        }
        let file = files[0].clone();
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let gloss = env!("CARGO_BIN_EXE_gloss");
        let mut cmd = match shell {
            Some(script) => {
                let mut c = CommandBuilder::new("sh");
                c.arg("-c");
                c.arg(
                    script
                        .replace("{gloss}", gloss)
                        .replace("{file}", &file.display().to_string()),
                );
                c
            }
            None => {
                let mut c = CommandBuilder::new(gloss);
                for f in &files {
                    c.arg(f);
                }
                c
            }
        };
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_CONFIG_HOME", dir.0.join("config"));
        cmd.env("XDG_STATE_HOME", dir.0.join("state"));
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.cwd(&dir.0);
        let child = pty.slave.spawn_command(cmd).expect("spawn gloss");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = pty.master.take_writer().expect("pty writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(rows).expect("rows"),
            std::num::NonZeroU16::new(cols).expect("cols"),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (p, r) = (parser.clone(), raw.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().expect("parser").process(&buf[..n]);
                r.lock().expect("raw").extend_from_slice(&buf[..n]);
            }
        });
        Session {
            child,
            writer,
            _master: pty.master,
            parser,
            raw,
            _dir: dir,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    /// Waits until the screen shows `text`.
    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!("timed out waiting for {text:?}; screen:\n{}", self.screen());
    }

    /// Waits until the screen no longer shows `text`.
    fn wait_gone(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if !self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!(
            "timed out waiting for {text:?} to go; screen:\n{}",
            self.screen()
        );
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("send keys");
        self.writer.flush().expect("flush keys");
    }

    /// Waits for the process to end and returns whether it succeeded.
    fn wait_exit(&mut self) -> bool {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                // Let the reader thread drain what is left.
                let mut last = 0;
                let drained = Instant::now();
                while drained.elapsed() < Duration::from_secs(2) {
                    let n = self.raw.lock().expect("raw").len();
                    if n == last && n > 0 && drained.elapsed() > Duration::from_millis(100) {
                        break;
                    }
                    last = n;
                    std::thread::sleep(Duration::from_millis(20));
                }
                return status.success();
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = self.child.kill();
        panic!("gloss did not exit; screen:\n{}", self.screen());
    }

    fn raw(&self) -> Vec<u8> {
        self.raw.lock().expect("raw").clone()
    }

    /// The terminal is back to normal: main screen, mouse capture off.
    fn assert_restored(&self) {
        let raw = self.raw();
        let has = |s: &str| raw.windows(s.len()).any(|w| w == s.as_bytes());
        assert!(has("\x1b[?1049h"), "entered the alternate screen");
        assert!(has("\x1b[?1049l"), "left the alternate screen");
        assert!(has("\x1b[?1000l"), "turned mouse capture off");
        assert!(
            !self
                .parser
                .lock()
                .expect("parser")
                .screen()
                .alternate_screen()
        );
    }
}

#[test]
fn keys_move_the_reader_and_q_quits_cleanly() {
    let mut s = Session::start("keys", ARTICLE, 100, 30, &[], None);
    s.wait_for("¶ 1/4");
    s.send("}");
    s.wait_for("¶ 2/4");
    s.send("?");
    s.wait_for("Keys");
    s.send("\x1b");
    s.wait_gone("Keys");
    s.send("/storm\r");
    s.wait_for("/storm 1/1");
    s.send("q");
    assert!(s.wait_exit(), "exit status 0");
    s.assert_restored();
}

#[test]
fn ctrl_c_quits_cleanly() {
    let mut s = Session::start("ctrlc", ARTICLE, 80, 24, &[], None);
    s.wait_for("¶ 1/4");
    s.send("/storm");
    s.wait_for("/storm");
    s.send("\x03");
    assert!(s.wait_exit());
    s.assert_restored();
}

#[test]
fn escape_sequences_in_the_article_never_reach_the_terminal() {
    let evil = "A title change \u{1b}]0;pwned\u{7} and a clear \u{1b}[2J and a bell \u{7} here.\nSecond line.\n";
    let mut s = Session::start("escapes", evil, 80, 24, &[], None);
    s.wait_for("␛]0;pwned␇");
    let raw = s.raw();
    let has = |needle: &[u8]| raw.windows(needle.len()).any(|w| w == needle);
    assert!(!has(b"\x1b]0;"), "no title change written");
    assert!(!has(b"pwned\x07"), "no bell after the title");
    s.send("q");
    assert!(s.wait_exit());
    s.assert_restored();
}

/// SGR parameters that set a colour (not the resets 39 and 49).
fn colour_params(raw: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(raw);
    let mut found = Vec::new();
    for part in text.split("\x1b[").skip(1) {
        let end = part.find(|c: char| !(c.is_ascii_digit() || c == ';'));
        let Some(end) = end else { continue };
        if !part[end..].starts_with('m') {
            continue;
        }
        for p in part[..end].split(';') {
            if let Ok(n) = p.parse::<u32>()
                && matches!(n, 30..=38 | 40..=48 | 90..=97 | 100..=107)
            {
                found.push(part[..end].to_string());
            }
        }
    }
    found
}

#[test]
fn no_color_writes_no_colour() {
    let mut s = Session::start("nocolor", ARTICLE, 100, 30, &[("NO_COLOR", "1")], None);
    s.wait_for("¶ 1/4");
    s.send("/storm\r");
    s.wait_for("/storm 1/1");
    s.send("q");
    assert!(s.wait_exit());
    assert_eq!(colour_params(&s.raw()), Vec::<String>::new());
    s.assert_restored();
}

#[test]
fn colours_are_written_without_no_color() {
    // The check above can fail: with colours on, the same screen has some.
    let mut s = Session::start("color", ARTICLE, 100, 30, &[], None);
    s.wait_for("¶ 1/4");
    s.send("/storm\r");
    s.wait_for("/storm 1/1");
    s.send("q");
    assert!(s.wait_exit());
    assert!(!colour_params(&s.raw()).is_empty());
}

#[test]
fn a_tiny_terminal_says_so_and_still_quits() {
    let mut s = Session::start("tiny", ARTICLE, 20, 5, &[], None);
    s.wait_for("too small");
    s.send("q");
    assert!(s.wait_exit());
    s.assert_restored();
    let mut s = Session::start("tiny5", ARTICLE, 5, 5, &[], None);
    s.wait_for("small");
    s.send("q");
    assert!(s.wait_exit());
    s.assert_restored();
}

#[test]
fn an_article_from_a_pipe_still_takes_keys_from_the_terminal() {
    let mut s = Session::start(
        "stdin",
        ARTICLE,
        100,
        30,
        &[],
        Some("cat {file} | {gloss} -"),
    );
    s.wait_for("standard input");
    s.send("}}");
    s.wait_for("¶ 3/4");
    s.send("q");
    assert!(s.wait_exit());
    s.assert_restored();
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut s = Session::start("sigterm", ARTICLE, 80, 24, &[], None);
    s.wait_for("¶ 1/4");
    let pid = s.child.process_id().expect("pid");
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("run kill");
    assert!(killed.success());
    assert!(!s.wait_exit(), "a signal ends gloss with a failure status");
    s.assert_restored();
}

#[test]
fn the_reading_place_is_remembered() {
    let state = TempDir::new("place-state");
    let state_dir = state.0.display().to_string();
    let env = [("XDG_STATE_HOME", state_dir.as_str())];
    let mut s = Session::start("place1", ARTICLE, 100, 30, &env, None);
    s.wait_for("¶ 1/4");
    s.send("}}");
    s.wait_for("¶ 3/4");
    s.send("q");
    assert!(s.wait_exit());
    let mut s = Session::start("place2", ARTICLE, 100, 30, &env, None);
    s.wait_for("where you left off");
    s.wait_for("¶ 3/4");
    s.send("q");
    assert!(s.wait_exit());
}

#[test]
fn several_files_open_a_list_to_pick_from_and_return_to() {
    let two = format!("{ARTICLE}\u{c}A second story about the harbour.\nIt has two paragraphs.\n");
    let mut s = Session::start("list", &two, 100, 30, &[], None);
    s.wait_for("2 articles");
    s.wait_for("A second story");
    s.send("j\r");
    s.wait_for("¶ 1/2");
    s.send("q");
    s.wait_for("2 articles");
    s.send("k\r");
    s.wait_for("¶ 1/4");
    s.send("\x03");
    assert!(s.wait_exit());
    s.assert_restored();
}

/// A large article (about `mb` MB) from sentences written for these tests,
/// one numbered paragraph a line.
fn large_article(mb: usize) -> String {
    const LINES: &[&str] = &[
        "The harbour board of Lindhaven met again on Tuesday to discuss the new quay and its cost.",
        "\u{201C}We will not raise the fees this year,\u{201D} said its chair, Eva Lind, after the vote.",
        "Engineers from the port authority warned that the sea wall needs repairs before the winter.",
    ];
    let mut text = String::with_capacity(mb << 20);
    let mut i = 0;
    while text.len() < mb << 20 {
        text.push_str(&format!("{i}. {}\n", LINES[i % LINES.len()]));
        i += 1;
    }
    text
}

#[test]
fn a_large_article_opens_at_once_and_q_quits_while_it_is_analysed() {
    let article = large_article(6);
    let paragraphs = article.lines().count();
    let mut s = Session::start("large", &article, 100, 30, &[], None);
    s.wait_for("0. The harbour board of Lindhaven");
    s.wait_for("analysing:");
    s.wait_for(&format!("¶ 1/{paragraphs}"));
    s.send("'");
    s.wait_for("still analysing");
    s.send("G");
    s.wait_for(&format!("¶ {paragraphs}/{paragraphs}"));
    assert!(
        s.screen().contains("analysing:"),
        "still running:\n{}",
        s.screen()
    );
    s.send("q");
    assert!(s.wait_exit(), "exit status 0");
    s.assert_restored();
}

#[cfg(unix)]
#[test]
fn ctrl_z_gives_the_terminal_back_and_sigcont_brings_the_reader_back() {
    let mut s = Session::start("suspend", ARTICLE, 80, 24, &[], None);
    s.wait_for("¶ 1/4");
    let pid = s.child.process_id().expect("pid");
    let seen = s.raw().len();
    s.send("\x1a");
    // The terminal is restored before gloss stops. (Under this test's
    // pseudo-terminal gloss leads an orphaned process group, where the
    // kernel ignores SIGTSTP, so it may also go on at once.)
    let after = |s: &Session, needle: &str| {
        let raw = s.raw();
        raw[seen.min(raw.len())..]
            .windows(needle.len())
            .position(|w| w == needle.as_bytes())
    };
    let start = Instant::now();
    while after(&s, "\x1b[?1049l").is_none() {
        assert!(
            start.elapsed() < TIMEOUT,
            "the alternate screen was not left"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(after(&s, "\x1b[?1000l").is_some(), "mouse capture off");
    let resumed = std::process::Command::new("kill")
        .args(["-CONT", &pid.to_string()])
        .status()
        .expect("run kill");
    assert!(resumed.success());
    let start = Instant::now();
    while !s.parser.lock().expect("parser").screen().alternate_screen() {
        assert!(
            start.elapsed() < TIMEOUT,
            "gloss did not take the screen back"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    s.wait_for("¶ 1/4");
    s.send("}");
    s.wait_for("¶ 2/4");
    s.send("q");
    assert!(s.wait_exit());
    s.assert_restored();
}
