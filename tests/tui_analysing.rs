//! The reader while its analysis runs in the background: the text shows at
//! once in provisional paragraphs with the progress in the status line and
//! the panel, keys that need the analysis say so, and
//! `Action::AnalysisReady` brings names, quotes and topics without losing
//! the reader's place.

mod tui_fixture;

use gloss::analysis::{Analysis, Paragraph, Span, Stage};
use gloss::tui::app::{Analysed, Target};
use gloss::tui::config::Config;
use gloss::tui::rows::RowContent;
use gloss::tui::update::{Action, Dir, STILL_ANALYSING, update};
use gloss::tui::{App, OpenArticle};
use tui_fixture::{TEXT, analysis, screen};

/// The fixture opened on its text alone, as a large file opens.
fn unanalysed(width: u16, height: u16) -> App {
    text_only("fixture.txt", TEXT, width, height)
}

/// `text` opened alone as file `name`, its analysis still to come.
fn text_only(name: &str, text: &str, width: u16, height: u16) -> App {
    App::new(
        OpenArticle::text(name, text.to_string()),
        Config::default(),
        width,
        height,
    )
}

fn ready(analysis: Analysis) -> Action {
    Action::AnalysisReady(Box::new(Analysed::new(analysis)))
}

#[test]
fn the_text_shows_at_once_with_the_progress() {
    let mut app = unanalysed(120, 30);
    assert!(app.progress().is_some());
    assert_eq!(app.paragraph_count(), 7, "the analysis's paragraph rule");
    update(&mut app, Action::AnalysisProgress(Stage::Entities));
    update(
        &mut app,
        Action::Tick(std::time::Duration::from_millis(2500)),
    );
    insta::assert_snapshot!(screen(&app, 120, 30));
}

#[test]
fn keys_that_need_the_analysis_say_it_is_running() {
    let mut app = unanalysed(120, 30);
    for action in [
        Action::Step(Target::Quote, Dir::Forward),
        Action::Step(Target::Mention, Dir::Forward),
        Action::Step(Target::Topic, Dir::Backward),
        Action::StepTab(Dir::Forward),
        Action::Activate,
        Action::MoveSelection(1),
    ] {
        update(&mut app, action.clone());
        assert_eq!(app.message(), Some(STILL_ANALYSING), "{action:?}");
        assert_eq!(app.current_quote(), None);
    }
    // Moving through the text and searching it work meanwhile.
    update(&mut app, Action::Paragraph(Dir::Forward));
    assert_eq!(app.paragraph(), 1);
    assert_eq!(app.message(), None);
    update(&mut app, Action::SearchStart);
    for c in "flood".chars() {
        update(&mut app, Action::SearchInput(c));
    }
    update(&mut app, Action::SearchSubmit);
    assert!(matches!(
        app.search(),
        gloss::tui::app::Search::Text { matches, .. } if matches.len() == 3
    ));
}

#[test]
fn the_analysis_arrives_and_the_panel_fills() {
    let mut app = unanalysed(120, 30);
    update(&mut app, Action::Paragraph(Dir::Forward));
    update(&mut app, Action::AnalysisProgress(Stage::Topics));
    update(&mut app, ready(analysis()));
    assert!(app.progress().is_none());
    assert_eq!(app.paragraph(), 1, "the current paragraph is kept");
    insta::assert_snapshot!(screen(&app, 120, 30));
    update(&mut app, Action::Step(Target::Quote, Dir::Forward));
    assert_eq!(app.current_quote(), Some(0));
}

/// An article of `n` paragraphs of a few sentences each (written here).
fn long_text(n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "Council session {i} opened late. The mayor asked about the budget for the \
                 harbour, and the treasurer answered that the figures would come by Friday."
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The byte offset of the first text row on screen.
fn top_offset(app: &App) -> usize {
    app.visible_rows()
        .iter()
        .find_map(|r| match r {
            RowContent::Text { span, .. } => Some(span.start),
            RowContent::Gap { .. } => None,
        })
        .expect("a text row on screen")
}

#[test]
fn the_place_survives_the_switch_to_the_analysed_paragraphs() {
    let text = long_text(40);
    let mut app = text_only("long.txt", &text, 80, 24);
    update(&mut app, Action::GoToParagraph(21));
    update(&mut app, Action::ScrollRows(1));
    let before = top_offset(&app);
    let current = app.analysis().paragraphs[app.paragraph()].span;
    // An analysis whose paragraphs differ from the provisional ones: every
    // two lines make one paragraph.
    let lines: Vec<Span> = app.analysis().paragraphs.iter().map(|p| p.span).collect();
    let paragraphs = lines
        .chunks(2)
        .map(|pair| Paragraph {
            span: Span::new(pair[0].start, pair[pair.len() - 1].end),
            sentences: 0..0,
        })
        .collect();
    let analysis = Analysis {
        paragraphs,
        ..gloss::tui::search::empty_analysis(&text)
    };
    update(&mut app, ready(analysis));
    assert_eq!(app.paragraph_count(), 20);
    let after = app.analysis().paragraphs[app.paragraph()].span;
    assert!(
        after.contains(&current),
        "current paragraph {current:?} now in {after:?}"
    );
    // The same words head the screen (the rows of a merged paragraph start
    // where its lines did, as each line wraps the same way).
    assert_eq!(top_offset(&app), before);
    assert_eq!(app.text(), text);
}

#[test]
fn the_same_paragraphs_keep_the_exact_position() {
    let text = long_text(40);
    let mut app = text_only("long.txt", &text, 80, 24);
    update(&mut app, Action::GoToParagraph(30));
    update(&mut app, Action::ScrollRows(-3));
    let (top, paragraph) = (app.top(), app.paragraph());
    update(&mut app, ready(gloss::analysis::analyze(&text)));
    assert_eq!((app.top(), app.paragraph()), (top, paragraph));
    update(&mut app, Action::Bottom);
    assert_eq!(app.paragraph(), 39);
}

#[test]
fn a_web_page_shows_its_byline_and_date_in_the_status_line() {
    let article = OpenArticle {
        byline: Some("By Priya Raman".into()),
        date: Some("2024-05-02".into()),
        ..OpenArticle::analysed("quay.html", analysis())
    };
    let app = App::new(article, Config::default(), 120, 30);
    assert_eq!(app.byline(), Some("By Priya Raman · 2024-05-02"));
    let shown = screen(&app, 120, 30);
    let status = shown.lines().last().expect("a status line");
    assert!(
        status.contains("quay.html · By Priya Raman · 2024-05-02 · ¶ 1/7"),
        "{status}"
    );
}

#[test]
fn one_very_long_paragraph_opens_and_ends_like_any_other() {
    let sentence = "The harbour board met again on Tuesday to vote on the new quay. ";
    let text = format!("{}The end.", sentence.repeat(6000));
    let mut app = text_only("long.txt", &text, 120, 30);
    assert_eq!(app.paragraph_count(), 1);
    update(&mut app, Action::Bottom);
    let rows = app.visible_rows();
    let Some(RowContent::Text { span, paragraph }) = rows.last() else {
        panic!("no text at the end: {rows:?}");
    };
    assert_eq!(*paragraph, 0);
    assert!(span.of(&text).ends_with("The end."));
    update(&mut app, Action::Top);
    assert_eq!(top_offset(&app), 0);
    // Stepping back from the end crosses the blocks the paragraph is cut in.
    update(&mut app, Action::Bottom);
    for _ in 0..40 {
        update(&mut app, Action::Page(Dir::Backward));
    }
    assert_eq!(app.paragraph(), 0);
    assert!(top_offset(&app) < text.len());
}

#[test]
fn a_resize_keeps_the_words_at_the_top_of_the_screen() {
    let text = long_text(100);
    let mut app = App::new(
        OpenArticle::analysed("long.txt", gloss::analysis::analyze(&text)),
        Config::default(),
        120,
        30,
    );
    update(&mut app, Action::GoToParagraph(20));
    update(&mut app, Action::ScrollRows(1));
    let before = top_offset(&app);
    for (width, height) in [(50, 30), (34, 12), (200, 60)] {
        update(&mut app, Action::Resize { width, height });
        let rows = app.visible_rows();
        let Some(RowContent::Text { span, .. }) = rows.first() else {
            panic!("no text row at the top: {rows:?}");
        };
        assert!(
            span.start <= before && before < span.end,
            "{width}x{height}: {span:?} should hold byte {before}"
        );
    }
}
