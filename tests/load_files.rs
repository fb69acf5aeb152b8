//! Loading articles from files on disk: encodings, web pages by extension
//! and by content, names, and errors that name the path.

use gloss::load::{Format, LoadError, load_path};
use std::path::PathBuf;

fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gloss-load-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

const STORY: &str = "The harbour board of Lindhaven met on Tuesday.\n\"We will build the quay,\" said its chair, Eva Lind.\n";

#[test]
fn utf8_with_bom_and_crlf() {
    let path = scratch("bom").join("story.txt");
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend(STORY.replace('\n', "\r\n").bytes());
    std::fs::write(&path, bytes).unwrap();
    let a = load_path(&path).unwrap();
    assert_eq!(a.text, STORY);
    assert_eq!(a.name, "story.txt");
    assert_eq!(a.format, Format::Text);
    assert!(a.warnings.is_empty());
}

#[test]
fn utf16_big_endian_with_bom() {
    let path = scratch("utf16be").join("story.txt");
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(STORY.encode_utf16().flat_map(u16::to_be_bytes));
    std::fs::write(&path, bytes).unwrap();
    assert_eq!(load_path(&path).unwrap().text, STORY);
}

#[test]
fn utf16_without_bom_in_both_byte_orders() {
    let dir = scratch("utf16nobom");
    let le = dir.join("le.txt");
    std::fs::write(
        &le,
        STORY
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect::<Vec<u8>>(),
    )
    .unwrap();
    let be = dir.join("be.txt");
    std::fs::write(
        &be,
        STORY
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect::<Vec<u8>>(),
    )
    .unwrap();
    for path in [le, be] {
        let a = load_path(&path).unwrap();
        assert_eq!(a.text, STORY, "{}", path.display());
        assert!(a.warnings.is_empty());
    }
}

#[test]
fn a_binary_file_with_nul_bytes_is_still_refused() {
    let path = scratch("binary").join("photo.txt");
    let mut bytes = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x01\x00".to_vec();
    bytes.extend((0..2000u32).map(|i| (i * 7 % 256) as u8));
    std::fs::write(&path, bytes).unwrap();
    assert!(matches!(load_path(&path), Err(LoadError::Binary { .. })));
}

#[test]
fn an_htm_file_is_a_web_page_even_without_a_doctype() {
    let path = scratch("htm").join("quay.htm");
    let body = "<div id=\"menu\"><a href=\"/\">Front page</a> | <a href=\"/local\">Local</a></div>\
        <div class=\"story\"><p>The harbour board of Lindhaven met on Tuesday and approved the \
        long-delayed plan for a new quay, after a debate that lasted most of the afternoon.</p>\
        <p>\"We will build the quay,\" said its chair, Eva Lind, adding that work would start \
        in the autumn if the money from the region arrived on time.</p></div>";
    std::fs::write(&path, body).unwrap();
    let a = load_path(&path).unwrap();
    assert_eq!(a.format, Format::Html);
    assert_eq!(a.name, "quay.htm");
    let lines: Vec<&str> = a.text.lines().collect();
    assert_eq!(lines.len(), 2, "{}", a.text);
    assert!(lines[1].starts_with("\"We will build the quay,\" said its chair"));
    assert!(!a.text.contains("Front page"));
}

#[test]
fn text_about_tags_stays_text() {
    let path = scratch("tags").join("notes.txt");
    let text = "<b> marks bold text, the teacher said.\nThe class nodded.\n";
    std::fs::write(&path, text).unwrap();
    let a = load_path(&path).unwrap();
    assert_eq!(a.format, Format::Text);
    assert_eq!(a.text, text);
}

#[test]
fn errors_name_the_path_as_given() {
    let dir = scratch("errors");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let e = load_path(&empty).unwrap_err();
    assert!(matches!(e, LoadError::Empty { .. }));
    assert!(
        e.to_string().starts_with(&empty.display().to_string()),
        "{e}"
    );

    let binary = dir.join("data.bin");
    std::fs::write(&binary, [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    let e = load_path(&binary).unwrap_err();
    assert!(matches!(e, LoadError::Binary { .. }));
    assert!(
        e.to_string().starts_with(&binary.display().to_string()),
        "{e}"
    );

    let inside_a_file = empty.join("story.txt");
    let e = load_path(&inside_a_file).unwrap_err();
    assert!(
        e.to_string().contains(&inside_a_file.display().to_string()),
        "{e}"
    );
}

#[test]
fn a_page_without_article_text_is_an_error() {
    let path = scratch("noarticle").join("empty.html");
    std::fs::write(
        &path,
        "<!doctype html><html><head><script>x()</script></head><body></body></html>",
    )
    .unwrap();
    let e = load_path(&path).unwrap_err();
    assert!(
        matches!(e, LoadError::NoArticle { .. } | LoadError::Empty { .. }),
        "{e:?}"
    );
    assert!(e.to_string().contains("empty.html"));
}
