//! Whole screens of the reader drawn on ratatui's `TestBackend`, compared
//! with insta snapshots, and the styles of the cells that matter.

mod tui_fixture;

use gloss::tui::config::Config;
use gloss::tui::update::{Action, Dir, update};
use ratatui::style::{Color, Modifier};
use tui_fixture::{app, app_with, draw, sample_app, screen};

fn act(app: &mut gloss::tui::App, actions: &[Action]) {
    for a in actions {
        update(app, a.clone());
    }
}

#[test]
fn fixture_at_several_sizes() {
    for (w, h) in [(120, 40), (100, 30), (80, 24), (60, 20), (40, 12), (24, 6)] {
        let a = app(w, h);
        insta::assert_snapshot!(format!("fixture_{w}x{h}"), screen(&a, w, h));
    }
}

#[test]
fn fixture_too_small() {
    for (w, h) in [(20, 5), (1, 1)] {
        let a = app(w, h);
        insta::assert_snapshot!(format!("fixture_too_small_{w}x{h}"), screen(&a, w, h));
    }
}

#[test]
fn fixture_narrow_with_the_panel_stacked() {
    let mut a = app(80, 24);
    act(
        &mut a,
        &[Action::TogglePanel, Action::SwitchTab(Dir::Forward)],
    );
    insta::assert_snapshot!(screen(&a, 80, 24));
}

#[test]
fn fixture_quotes_tab_on_a_quote() {
    let mut a = app(120, 30);
    act(
        &mut a,
        &[const { Action::Step(gloss::tui::app::Target::Quote, Dir::Forward) }; 2],
    );
    insta::assert_snapshot!(screen(&a, 120, 30));
}

#[test]
fn fixture_topics_tab() {
    let mut a = app(120, 30);
    act(
        &mut a,
        &[
            Action::SwitchTab(Dir::Backward),
            Action::Activate,
            Action::Step(gloss::tui::app::Target::Topic, Dir::Forward),
        ],
    );
    insta::assert_snapshot!(screen(&a, 120, 30));
}

#[test]
fn help_overlay() {
    let mut a = app(100, 36);
    act(&mut a, &[Action::ToggleHelp]);
    insta::assert_snapshot!("help_100x36", screen(&a, 100, 36));
    let mut a = app(80, 24);
    act(&mut a, &[Action::ToggleHelp]);
    insta::assert_snapshot!("help_80x24", screen(&a, 80, 24));
}

#[test]
fn search_in_progress() {
    let mut a = app(120, 30);
    act(&mut a, &[Action::SearchStart]);
    for c in "r".chars() {
        update(&mut a, Action::SearchInput(c));
    }
    insta::assert_snapshot!("search_names_120x30", screen(&a, 120, 30));
    // Narrow: the names show in a box above the prompt.
    let mut a = app(80, 24);
    act(&mut a, &[Action::SearchStart, Action::SearchInput('r')]);
    insta::assert_snapshot!("search_names_80x24", screen(&a, 80, 24));
}

#[test]
fn text_search_results() {
    let mut a = app(100, 24);
    act(&mut a, &[Action::SearchStart]);
    for c in "flood".chars() {
        update(&mut a, Action::SearchInput(c));
    }
    act(
        &mut a,
        &[Action::SearchText, Action::StepSearch(Dir::Forward)],
    );
    insta::assert_snapshot!(screen(&a, 100, 24));
}

#[test]
fn sample_article_80x24() {
    let a = sample_app(80, 24);
    insta::assert_snapshot!(screen(&a, 80, 24));
}

#[test]
fn sample_article_120x40() {
    let a = sample_app(120, 40);
    insta::assert_snapshot!(screen(&a, 120, 40));
}

/// The cells showing `needle` on screen (first occurrence on one row).
fn cells_of(buf: &ratatui::buffer::Buffer, needle: &str) -> Vec<(u16, u16)> {
    let area = buf.area;
    for y in area.top()..area.bottom() {
        let row: Vec<(u16, &str)> = (area.left()..area.right())
            .map(|x| (x, buf[(x, y)].symbol()))
            .collect();
        let line: String = row.iter().map(|(_, s)| *s).collect();
        if let Some(byte) = line.find(needle) {
            let start = line[..byte].chars().count();
            let n = needle.chars().count();
            return row[start..start + n].iter().map(|(x, _)| (*x, y)).collect();
        }
    }
    panic!("{needle:?} is not on screen");
}

#[test]
fn entity_cells_carry_their_kind_style() {
    let a = app(120, 40);
    let buf = draw(&a, 120, 40);
    for (x, y) in cells_of(&buf, "Elena Ruiz") {
        let cell = &buf[(x, y)];
        assert_eq!(cell.fg, Color::Cyan, "person colour at {x},{y}");
        assert!(cell.modifier.contains(Modifier::BOLD));
    }
    for (x, y) in cells_of(&buf, "Lisbon") {
        assert_eq!(buf[(x, y)].fg, Color::Green);
    }
    for (x, y) in cells_of(&buf, "Delta Works") {
        assert_eq!(buf[(x, y)].fg, Color::Magenta);
    }
    // Quotes are italic, and plain words are plain.
    for (x, y) in cells_of(&buf, "We cannot wait") {
        assert!(buf[(x, y)].modifier.contains(Modifier::ITALIC));
    }
    for (x, y) in cells_of(&buf, "Engineers") {
        assert_eq!(buf[(x, y)].fg, Color::Reset);
        assert!(buf[(x, y)].modifier.is_empty());
    }
}

#[test]
fn the_selected_entity_is_emphasised_everywhere() {
    let mut a = app(120, 40);
    act(&mut a, &[Action::MoveSelection(1)]); // Tomás Herrera
    let buf = draw(&a, 120, 40);
    let text = a.panes().expect("panes").text;
    let mut emphasised = 0;
    for y in text.top()..text.bottom() {
        for x in text.left()..text.right() {
            if buf[(x, y)].modifier.contains(Modifier::REVERSED) {
                emphasised += 1;
            }
        }
    }
    // "Tomás Herrera" + "Herrera" + "Herrera": 13 + 7 + 7 cells.
    assert_eq!(emphasised, 27);
}

#[test]
fn no_color_draws_distinctions_with_modifiers_only() {
    let config = Config {
        color: false,
        ..Config::default()
    };
    let mut a = app_with(config, 120, 40);
    act(
        &mut a,
        &[Action::Step(gloss::tui::app::Target::Quote, Dir::Forward)],
    );
    let buf = draw(&a, 120, 40);
    for cell in buf.content() {
        assert_eq!(cell.fg, Color::Reset);
        assert_eq!(cell.bg, Color::Reset);
    }
    let person = buf[cells_of(&buf, "Elena Ruiz")[0]].modifier;
    let place = buf[cells_of(&buf, "Lisbon")[0]].modifier;
    let org = buf[cells_of(&buf, "Delta Works")[0]].modifier;
    assert!(!person.is_empty() && !place.is_empty() && !org.is_empty());
    assert!(person != place && place != org && person != org);
    assert!(
        buf[cells_of(&buf, "The river")[0]]
            .modifier
            .contains(Modifier::ITALIC)
    );
}

#[test]
fn control_characters_show_as_symbols() {
    let a = app(120, 40);
    let text = screen(&a, 120, 40);
    assert!(text.contains("␛]0;pwned␇"), "{text}");
    let buf = draw(&a, 120, 40);
    for cell in buf.content() {
        assert!(!cell.symbol().contains('\u{1b}'));
    }
}

#[test]
fn wide_characters_never_overflow_the_text_column() {
    for w in 24..70u16 {
        let a = app(w, 30);
        let buf = draw(&a, w, 30);
        let Some(panes) = a.panes() else { continue };
        let text = panes.text;
        // Nothing is drawn right of the text column in the article pane.
        for y in text.top()..text.bottom() {
            for x in text.right()..panes.article.right() {
                assert_eq!(buf[(x, y)].symbol(), " ", "overflow at {x},{y} width {w}");
            }
        }
    }
}
