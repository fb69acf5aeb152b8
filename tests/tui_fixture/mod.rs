//! A hand-made article and analysis for the reader's tests: the text is
//! written for these tests, and the entities, quotes and topics are set by
//! hand, so the snapshots do not change when the analysis improves.
//!
//! Included by the `tui_*` test crates with `mod tui_fixture;`.

#![allow(dead_code)]

use gloss::analysis::{
    Analysis, Entity, EntityKind, Paragraph, Quote, QuoteKind, SCHEMA_VERSION, Span, Topic,
};
use gloss::tui::config::Config;
use gloss::tui::{App, OpenArticle};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// The fixture's text: seven paragraphs, one a line.
pub const TEXT: &str = "Mayor Elena Ruiz of Porto Alegre met Finance Minister Tomás Herrera in Lisbon on Monday to discuss a $2 billion flood defence fund for the coast.
“We cannot wait for the next storm,” Ruiz told Herrera. “The river does not read our budgets.”
Herrera said the ministry would publish a plan by March, according to officials at the Finance Ministry.
Engineers from the Delta Works Institute warned that the fund covers only a third of the sea walls the city needs, and that the work would take years.
Ruiz, who has led Porto Alegre since 2021, said the flood fund was “a first step, not a last one” for the region.
Brazilian and Portuguese officials will meet again in Porto Alegre in May.
Readers in 東京 sent photos of the flood 🌊 and one odd note: \u{1b}]0;pwned\u{7} ok.";

/// The byte span of the `nth` (0-based) occurrence of `needle` in [`TEXT`].
pub fn at(needle: &str, nth: usize) -> Span {
    let start = TEXT
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} is not in the fixture"))
        .0;
    Span::new(start, start + needle.len())
}

fn entity(
    id: usize,
    kind: EntityKind,
    name: &str,
    role: Option<&str>,
    aliases: &[&str],
    mentions: Vec<Span>,
) -> Entity {
    Entity {
        id,
        kind,
        name: name.into(),
        role: role.map(String::from),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        mentions,
        ambiguous: vec![],
    }
}

fn quote(kind: QuoteKind, words: Span, speaker: usize, cue: &str, to: Option<usize>) -> Quote {
    let paragraph = TEXT[..words.start].matches('\n').count();
    Quote {
        kind,
        content: words,
        speaker: Some(speaker),
        speaker_name: None,
        speaker_span: None,
        cue: Some(cue.into()),
        cue_span: None,
        addressee: to,
        paragraph,
    }
}

/// The fixture's analysis.
pub fn analysis() -> Analysis {
    use EntityKind::*;
    let mut paragraphs = Vec::new();
    let mut start = 0;
    for line in TEXT.split('\n') {
        paragraphs.push(Paragraph {
            span: Span::new(start, start + line.len()),
            sentences: 0..0,
        });
        start += line.len() + 1;
    }
    let entities = vec![
        entity(
            0,
            Person,
            "Elena Ruiz",
            Some("Mayor of Porto Alegre"),
            &["Ruiz"],
            vec![at("Elena Ruiz", 0), at("Ruiz", 1), at("Ruiz", 2)],
        ),
        entity(
            1,
            Person,
            "Tomás Herrera",
            Some("Finance Minister"),
            &["Herrera"],
            vec![at("Tomás Herrera", 0), at("Herrera", 1), at("Herrera", 2)],
        ),
        entity(
            2,
            Place,
            "Porto Alegre",
            None,
            &[],
            vec![
                at("Porto Alegre", 0),
                at("Porto Alegre", 1),
                at("Porto Alegre", 2),
            ],
        ),
        entity(3, Place, "Lisbon", None, &[], vec![at("Lisbon", 0)]),
        entity(
            4,
            Org,
            "Finance Ministry",
            None,
            &[],
            vec![at("Finance Ministry", 0)],
        ),
        entity(
            5,
            Org,
            "Delta Works Institute",
            None,
            &[],
            vec![at("Delta Works Institute", 0)],
        ),
        entity(6, Money, "$2 billion", None, &[], vec![at("$2 billion", 0)]),
        entity(7, Date, "Monday", None, &[], vec![at("Monday", 0)]),
        entity(8, Date, "March", None, &[], vec![at("March", 0)]),
        entity(9, Group, "Brazilian", None, &[], vec![at("Brazilian", 0)]),
        entity(
            10,
            Group,
            "Portuguese",
            None,
            &[],
            vec![at("Portuguese", 0)],
        ),
        entity(11, Place, "東京", None, &[], vec![at("東京", 0)]),
    ];
    let quotes = vec![
        quote(
            QuoteKind::Direct,
            at("We cannot wait for the next storm,", 0),
            0,
            "told",
            Some(1),
        ),
        quote(
            QuoteKind::Direct,
            at("The river does not read our budgets.", 0),
            0,
            "told",
            Some(1),
        ),
        quote(
            QuoteKind::Indirect,
            at("the ministry would publish a plan by March", 0),
            1,
            "said",
            None,
        ),
        quote(
            QuoteKind::Partial,
            at("a first step, not a last one", 0),
            0,
            "said",
            None,
        ),
    ];
    let topics = vec![
        Topic {
            label: "flood defence fund".into(),
            keywords: vec!["flood".into(), "fund".into(), "sea walls".into()],
            entities: vec![6],
            paragraphs: vec![0, 3, 4],
            score: 0.9,
        },
        Topic {
            label: "Porto Alegre".into(),
            keywords: vec!["city".into()],
            entities: vec![2],
            paragraphs: vec![0, 4, 5],
            score: 0.6,
        },
        Topic {
            label: "budget".into(),
            keywords: vec!["budgets".into(), "plan".into()],
            entities: vec![],
            paragraphs: vec![1, 2],
            score: 0.3,
        },
    ];
    Analysis {
        schema_version: SCHEMA_VERSION,
        text: std::sync::Arc::new(TEXT.to_string()),
        paragraphs,
        sentences: vec![],
        entities,
        quotes,
        topics,
    }
}

/// The reader opened on the fixture at `width` x `height`.
pub fn app(width: u16, height: u16) -> App {
    app_with(Config::default(), width, height)
}

/// The reader opened on the fixture with `config`.
pub fn app_with(config: Config, width: u16, height: u16) -> App {
    let article = OpenArticle::analysed("fixture.txt", analysis());
    App::new(article, config, width, height)
}

/// The reader opened on the bundled sample article, analysed for real.
pub fn sample_app(width: u16, height: u16) -> App {
    let article = OpenArticle::analysed(
        gloss::SAMPLE_NAME,
        gloss::analysis::analyze(&gloss::load::normalize(gloss::SAMPLE_ARTICLE)),
    );
    App::new(article, Config::default(), width, height)
}

/// Draws `app` on a test terminal of its size and returns the buffer.
pub fn draw(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|f| gloss::tui::view::view(app, f))
        .expect("draw");
    terminal.backend().buffer().clone()
}

/// The screen as text, one line per row, wide characters counted once.
pub fn screen_text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        let mut skip = 0;
        for x in area.left()..area.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let s = buf[(x, y)].symbol();
            line.push_str(s);
            skip = unicode_width::UnicodeWidthStr::width(s).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Draws `app` and returns the screen as text.
pub fn screen(app: &App, width: u16, height: u16) -> String {
    screen_text(&draw(app, width, height))
}
