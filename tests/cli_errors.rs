//! The binary's errors: each names the path, says what to do, exits with
//! status 1, and never panics; good files given alongside still come out.

use std::path::PathBuf;
use std::process::{Command, Output};

fn gloss(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(args)
        .output()
        .expect("the gloss binary runs")
}

/// A fresh directory for this test's files.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gloss-cli-errors-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn assert_clean_failure(o: &Output, path: &str, what: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(1), "stderr: {err}");
    assert!(err.contains(path), "the message names {path}: {err}");
    assert!(err.contains(what), "the message says {what}: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_missing_file() {
    let dir = scratch("missing");
    let path = dir.join("no-such-article.txt");
    let p = path.to_str().unwrap();
    for args in [vec![p], vec!["--json", p], vec!["--report", p]] {
        let o = gloss(&args);
        assert_clean_failure(&o, p, "no such file; check the path");
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn a_directory() {
    let dir = scratch("directory");
    let p = dir.to_str().unwrap();
    assert_clean_failure(&gloss(&["--json", p]), p, "is a directory");
}

#[test]
fn an_empty_file_and_a_blank_one() {
    let dir = scratch("empty");
    for (name, bytes) in [("empty.txt", &b""[..]), ("blank.txt", &b"\n \r\n\t\n"[..])] {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let p = path.to_str().unwrap();
        assert_clean_failure(&gloss(&["--json", p]), p, "is empty");
    }
}

#[test]
fn a_binary_file() {
    let dir = scratch("binary");
    let path = dir.join("photo.jpg");
    let mut bytes = vec![
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0x00,
    ];
    bytes.extend((0..2000u32).map(|i| (i * 7 % 256) as u8));
    std::fs::write(&path, bytes).unwrap();
    let p = path.to_str().unwrap();
    assert_clean_failure(&gloss(&["--report", p]), p, "binary file");
}

#[test]
fn an_unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("unreadable");
    let path = dir.join("locked.txt");
    std::fs::write(&path, "The council met on Monday.").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        // running as root: permissions do not stop reading, nothing to test
        return;
    }
    let p = path.to_str().unwrap();
    assert_clean_failure(&gloss(&["--json", p]), p, "permission denied");
}

#[test]
fn a_bad_file_among_good_ones_fails_alone() {
    let dir = scratch("mixed");
    let good = dir.join("good.txt");
    std::fs::write(
        &good,
        "Mayor Ana Ruiz of Lisbon opened the new bridge on Sunday.",
    )
    .unwrap();
    let missing = dir.join("missing.txt");
    let (g, m) = (good.to_str().unwrap(), missing.to_str().unwrap());
    let o = gloss(&["--json", g, m, g]);
    assert_clean_failure(&o, m, "no such file");
    let stdout = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    for l in lines {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        assert_eq!(v["source"], "good.txt");
    }
}

#[test]
fn a_bad_flag_shows_usage() {
    let o = gloss(&["--no-such-flag"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("Usage"), "{}", stderr(&o));
    let o = gloss(&["-", "-"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("only once"));
}
