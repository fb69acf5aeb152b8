//! Saved web pages: the article inside the page.
//!
//! Entry points: [`looks_like_html`] (by content, for standard input and
//! files without an extension) and [`extract`]. The main text, title, byline
//! and date are found by `dom_smoothie`, a port of Mozilla's readability.js
//! (Firefox's reader view); scripts, navigation, comments and other
//! boilerplate are dropped there. This module only turns its result into
//! gloss's shape: one paragraph a line, white space inside a paragraph
//! collapsed. It must not strip tags by hand.

use dom_smoothie::{Config, Readability, TextMode};

/// The article found in a web page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PageArticle {
    /// The article's text, one paragraph a line.
    pub text: String,
    pub title: Option<String>,
    pub byline: Option<String>,
    /// The published date as the page gives it (often ISO 8601).
    pub date: Option<String>,
}

/// Why no article came out of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoArticle(pub String);

/// True when `text` starts like an HTML document: a doctype, an `<html>`,
/// `<head>` or `<body>` tag, or a comment, after optional white space.
///
/// ```
/// use gloss::load::html::looks_like_html;
/// assert!(looks_like_html("  <!DOCTYPE html><html><body><p>Hi</p></body></html>"));
/// assert!(!looks_like_html("<3 this story. The mayor said no."));
/// ```
pub fn looks_like_html(text: &str) -> bool {
    let head = text.trim_start();
    let head = &head[..floor_char_boundary(head, 1024)];
    let lower = head.to_ascii_lowercase();
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<?xml",
        "<!--",
        "<meta",
        "<article",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
        && (lower.contains("<html")
            || lower.contains("<body")
            || lower.contains("<head")
            || lower.contains("<p")
            || lower.contains("<article"))
}

fn floor_char_boundary(s: &str, at: usize) -> usize {
    if at >= s.len() {
        return s.len();
    }
    (0..=at).rev().find(|i| s.is_char_boundary(*i)).unwrap_or(0)
}

/// The charset a page declares in its first bytes (`<meta charset="...">`
/// or `content="text/html; charset=..."`), if any.
///
/// ```
/// use gloss::load::html::declared_charset;
/// assert_eq!(declared_charset(b"<meta charset=\"ISO-8859-1\">"), Some("ISO-8859-1".to_string()));
/// ```
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let rest = &head[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| matches!(b, b'"' | b'\'' | b';' | b'>' | b' ' | b'/'))
        .unwrap_or(rest.len());
    let label = std::str::from_utf8(&rest[..end]).ok()?.trim();
    (!label.is_empty()).then(|| label.to_string())
}

/// Finds the article in the page `html`.
pub fn extract(html: &str) -> Result<PageArticle, NoArticle> {
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let mut readability =
        Readability::new(html, None, Some(config)).map_err(|e| NoArticle(e.to_string()))?;
    let article = readability.parse().map_err(|e| NoArticle(e.to_string()))?;
    let text = one_paragraph_a_line(&article.text_content);
    if text.is_empty() {
        return Err(NoArticle("the page has no readable text".to_string()));
    }
    let clean = |s: Option<String>| s.map(|s| collapse_spaces(&s)).filter(|s| !s.is_empty());
    Ok(PageArticle {
        text,
        title: clean(Some(article.title)),
        byline: clean(article.byline),
        date: clean(article.published_time),
    })
}

/// Paragraphs (separated by blank lines, or by newlines) become one line
/// each, with white space inside them collapsed to single spaces.
fn one_paragraph_a_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for block in text.split('\n') {
        let line = collapse_spaces(block);
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&line);
    }
    out
}

fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Harbour deal signed | The Coastal Gazette</title>
<meta property="og:title" content="Harbour deal signed after months of talks">
<meta name="author" content="Priya Raman">
<meta property="article:published_time" content="2026-03-14T09:30:00Z">
<script>window.tracker = function () { document.title = "pwned"; };</script>
<style>body { color: red }</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/login">Sign in</a></li></ul></nav>
<header><div class="site-banner">The Coastal Gazette: subscribe today</div></header>
<main><article>
<h1>Harbour deal signed after months of talks</h1>
<p class="byline">By Priya Raman</p>
<p>The port authority of Lindhaven signed a deal on Friday with Nordic Freight AB
to expand the container terminal, ending months of talks over the cost of
dredging the outer harbour.</p>
<p>Mayor Tomas Berg said the agreement would create about 400 jobs and bring
larger ships to the town by 2028. "This is the best day for the harbour in a
generation," he told reporters at the quay.</p>
<p>Environmental groups said they would study the plan. Critics have warned
that dredging could harm the seagrass beds south of the pier, and the council
will hold a public hearing in April before work begins.</p>
</article></main>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Storm closes bridge</a></li>
<li><a href="/b">Ferry fares rise</a></li></ul></aside>
<footer><p>Copyright The Coastal Gazette. All rights reserved.</p></footer>
<script>console.log("tracking");</script>
</body></html>"#;

    #[test]
    fn a_saved_page_opens_as_its_article() {
        assert!(looks_like_html(PAGE));
        let a = extract(PAGE).unwrap();
        let lines: Vec<&str> = a.text.lines().collect();
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("The port authority of Lindhaven signed")
                    && l.ends_with("dredging the outer harbour.")),
            "{lines:#?}"
        );
        // paragraphs kept, one a line, wrapped source lines joined
        assert!(
            lines.iter().any(|l| l.starts_with("Mayor Tomas Berg said")
                && l.contains("in a generation,\" he told"))
        );
        // scripts, styles, navigation and footer dropped
        for junk in [
            "tracker",
            "color: red",
            "Sign in",
            "Most read",
            "All rights reserved",
            "tracking",
        ] {
            assert!(!a.text.contains(junk), "{junk} leaked into {}", a.text);
        }
        assert!(
            a.title
                .as_deref()
                .is_some_and(|t| t.contains("Harbour deal signed"))
        );
        assert_eq!(a.byline.as_deref(), Some("Priya Raman"));
        assert_eq!(a.date.as_deref(), Some("2026-03-14T09:30:00Z"));
    }

    #[test]
    fn sniffing_and_charset() {
        assert!(looks_like_html("\n<html><body><p>x</p></body></html>"));
        assert!(!looks_like_html("The <b> tag is bold, said the teacher."));
        assert_eq!(
            declared_charset(
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
            ),
            Some("windows-1252".to_string())
        );
        assert_eq!(declared_charset(b"<p>no declaration</p>"), None);
    }
}
