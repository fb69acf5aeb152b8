//! The binary's inputs and outputs: standard input (a pipe or `-`), several
//! files as JSON lines in order, the report when standard output is a pipe,
//! web pages and legacy encodings, and a closed pipe.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const STORY: &str = "Mayor Ana Ruiz of Lisbon opened the new bridge on Sunday.\n\
\"It joins two halves of the city,\" Ruiz said.\n";

fn gloss_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the gloss binary runs");
    let mut pipe = child.stdin.take().unwrap();
    pipe.write_all(stdin).unwrap();
    drop(pipe);
    child.wait_with_output().unwrap()
}

fn gloss(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the gloss binary runs")
}

fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gloss-cli-io-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).expect("one JSON object")
}

#[test]
fn a_pipe_on_stdin_is_read_without_a_file() {
    let v = json(&gloss_with_stdin(&["--json"], STORY.as_bytes()));
    assert_eq!(v["source"], "(standard input)");
    assert_eq!(v["text"], STORY);
}

#[test]
fn dash_reads_stdin_and_crlf_becomes_lf() {
    let v = json(&gloss_with_stdin(
        &["--json", "-"],
        STORY.replace('\n', "\r\n").as_bytes(),
    ));
    assert_eq!(v["text"], STORY);
}

#[test]
fn an_empty_pipe_is_an_error() {
    let o = gloss_with_stdin(&["--json"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("(standard input): is empty"));
}

#[test]
fn nothing_on_stdin_and_no_file_gives_the_sample() {
    let o = gloss(&[]);
    assert!(o.status.success());
    let report = String::from_utf8(o.stdout).unwrap();
    assert!(
        report.starts_with("000_ba66651861ff847c.txt (sample)"),
        "{report}"
    );
}

#[test]
fn several_files_give_json_lines_in_order() {
    let dir = scratch("several");
    let mut paths = Vec::new();
    for i in 0..6 {
        let path = dir.join(format!("story{i}.txt"));
        let text = format!("Story {i}. {}", STORY.repeat(i * 5 + 1));
        std::fs::write(&path, text).unwrap();
        paths.push(path.to_str().unwrap().to_string());
    }
    let args: Vec<&str> = std::iter::once("--json")
        .chain(paths.iter().map(String::as_str))
        .collect();
    let o = gloss(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stdout = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 6);
    for (i, line) in lines.iter().enumerate() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["source"], format!("story{i}.txt"));
        assert!(
            v["text"]
                .as_str()
                .unwrap()
                .starts_with(&format!("Story {i}."))
        );
        assert!(v["entities"].is_array() && v["sentences"].is_array());
    }
}

#[test]
fn the_report_goes_to_a_pipe_without_escape_sequences() {
    let dir = scratch("report");
    let path = dir.join("story.txt");
    std::fs::write(
        &path,
        format!("{STORY}A line with \u{1b}]0;title\u{7} and \u{1b}[2J inside.\n"),
    )
    .unwrap();
    let o = gloss(&[path.to_str().unwrap()]);
    assert!(o.status.success());
    let report = String::from_utf8(o.stdout).unwrap();
    assert!(report.starts_with("story.txt\n"), "{report}");
    assert!(report.contains("Ana Ruiz"), "{report}");
    assert!(
        !report.contains('\u{1b}') && !report.contains('\u{7}'),
        "{report:?}"
    );
}

#[test]
fn a_web_page_opens_as_its_article() {
    let dir = scratch("html");
    let path = dir.join("bridge.html");
    let page = format!(
        "<!doctype html><html><head><title>Bridge opens</title>\
         <meta name=\"author\" content=\"Lena Fischer\">\
         <script>var ads = 1;</script></head><body>\
         <nav><a href=\"/\">Home</a><a href=\"/sport\">Sport</a></nav>\
         <article><h1>Bridge opens</h1><p>{}</p><p>{}</p></article>\
         <footer>All rights reserved.</footer></body></html>",
        "Mayor Ana Ruiz of Lisbon opened the new bridge on Sunday, two years late and well \
         over budget, in front of a crowd of several thousand residents.",
        "\"It joins two halves of the city,\" Ruiz said, before walking across it with \
         the engineers who built it."
    );
    std::fs::write(&path, page).unwrap();
    let v = json(&gloss(&["--json", path.to_str().unwrap()]));
    assert_eq!(v["source"], "bridge.html");
    assert_eq!(v["title"], "Bridge opens");
    assert_eq!(v["byline"], "Lena Fischer");
    let text = v["text"].as_str().unwrap();
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(text.starts_with("Mayor Ana Ruiz"));
    assert!(!text.contains("ads") && !text.contains("Sport") && !text.contains("rights"));
}

#[test]
fn legacy_encodings_are_read_and_flagged() {
    let dir = scratch("encodings");
    let path = dir.join("cp1252.txt");
    std::fs::write(&path, b"The caf\xe9 owner said \x93no\x94.\n").unwrap();
    let o = gloss(&["--json", path.to_str().unwrap()]);
    let v = json(&o);
    assert_eq!(v["text"], "The café owner said “no”.\n");
    assert!(v["warnings"][0].as_str().unwrap().contains("Windows-1252"));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cp1252.txt: warning"));

    let path = dir.join("utf16.txt");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(
        "Zoë said “yes”.\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    std::fs::write(&path, bytes).unwrap();
    let v = json(&gloss(&["--json", path.to_str().unwrap()]));
    assert_eq!(v["text"], "Zoë said “yes”.\n");
    assert!(v.get("warnings").is_none());
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = scratch("pipe");
    let path = dir.join("long.txt");
    std::fs::write(&path, STORY.repeat(100)).unwrap();
    let p = path.to_str().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(["--json", p, p, p])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}
