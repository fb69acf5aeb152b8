//! The reader driven through `update`, without a terminal: key sequences
//! and what they change (helix-style: assert on state, not pixels).

mod tui_fixture;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use gloss::tui::App;
use gloss::tui::app::{Focus, Search, Tab};
use gloss::tui::keys::key_action;
use gloss::tui::rows::RowContent;
use gloss::tui::update::{Action, Dir, update};
use tui_fixture::{app, at};

/// Presses keys given as a string; `<Enter>`, `<Esc>`, `<Tab>` and
/// `<C-x>` name special keys.
fn press(app: &mut App, keys: &str) {
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        let (key, used) = if c == '<'
            && let Some(end) = rest.find('>')
        {
            let name = &rest[1..end];
            let key = match name {
                "Enter" => KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
                "Esc" => KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
                "Tab" => KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE),
                "BS" => KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE),
                "Down" => KeyEvent::new(KeyCode::Down, KeyModifiers::NONE),
                n if n.starts_with("C-") => KeyEvent::new(
                    KeyCode::Char(n.chars().nth(2).expect("ctrl key")),
                    KeyModifiers::CONTROL,
                ),
                n => panic!("unknown key <{n}>"),
            };
            (key, end + 1)
        } else {
            (
                KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
                c.len_utf8(),
            )
        };
        if let Some(action) = key_action(app.mode(), key) {
            update(app, action);
        }
        rest = &rest[used..];
    }
}

/// The paragraphs with at least one text row on screen.
fn shown_paragraphs(app: &App) -> Vec<usize> {
    let mut v: Vec<usize> = app
        .visible_rows()
        .iter()
        .filter_map(|r| match r {
            RowContent::Text { paragraph, .. } => Some(*paragraph),
            RowContent::Gap { .. } => None,
        })
        .collect();
    v.dedup();
    v
}

#[test]
fn braces_move_by_paragraph() {
    let mut a = app(60, 12);
    press(&mut a, "}}");
    assert_eq!(a.paragraph(), 2);
    assert_eq!(a.top().block, 2);
    assert_eq!(a.top().row, 0);
    press(&mut a, "{");
    assert_eq!(a.paragraph(), 1);
    press(&mut a, "{{{");
    assert_eq!(a.paragraph(), 0);
    press(&mut a, "G");
    assert_eq!(a.paragraph(), 6);
    press(&mut a, "g");
    assert_eq!((a.paragraph(), a.top().block), (0, 0));
}

#[test]
fn scrolling_drags_the_current_paragraph_along() {
    let mut a = app(60, 8);
    press(&mut a, "jjjjjjjj");
    assert!(a.top().block >= 1);
    assert!(shown_paragraphs(&a).contains(&a.paragraph()));
    press(&mut a, "<C-d><C-d>");
    assert!(shown_paragraphs(&a).contains(&a.paragraph()));
    // Paging back to the start makes the first paragraph current again.
    press(&mut a, "bbbbbbbb");
    assert_eq!(a.top().block, 0);
    assert!(shown_paragraphs(&a).contains(&a.paragraph()));
}

#[test]
fn quote_keys_step_through_quotes_with_a_counter() {
    let mut a = app(120, 40);
    press(&mut a, "'");
    assert_eq!(a.current_quote(), Some(0));
    assert_eq!(a.paragraph(), 1);
    assert!(a.counters().contains(&"quote 1/4".to_string()));
    press(&mut a, "''");
    assert_eq!(a.current_quote(), Some(2));
    assert_eq!(a.paragraph(), 2);
    press(&mut a, "\"");
    assert_eq!(a.current_quote(), Some(1));
    // The panel follows the quote.
    assert_eq!(a.tab(), Tab::Quotes);
    assert_eq!(a.list_cursor(), 1);
    press(&mut a, "'''");
    assert_eq!(a.current_quote(), Some(0), "wraps around after the last");
    assert!(a.message().is_some_and(|m| m.contains("first")));
}

#[test]
fn name_search_selects_the_entity_and_n_steps_its_mentions() {
    let mut a = app(120, 40);
    press(&mut a, "/herr");
    let Search::Prompt { hits, .. } = a.search() else {
        panic!("prompt should be open");
    };
    assert_eq!(hits, &[1]);
    press(&mut a, "<Enter>");
    assert_eq!(a.focus(), Focus::Entity(1));
    assert_eq!(a.current_mention(), Some(at("Tomás Herrera", 0)));
    assert_eq!(a.tab(), Tab::People);
    press(&mut a, "n");
    assert_eq!(a.current_mention(), Some(at("Herrera", 1)));
    assert_eq!(a.paragraph(), 1);
    press(&mut a, "n");
    assert_eq!(a.paragraph(), 2);
    assert!(a.counters()[0].starts_with("Tomás Herrera 3/3"));
    press(&mut a, "N");
    assert_eq!(a.current_mention(), Some(at("Herrera", 1)));
    press(&mut a, "<Esc>");
    assert_eq!(a.focus(), Focus::None);
}

#[test]
fn search_is_alias_aware_and_fuzzy() {
    let mut a = app(120, 40);
    press(&mut a, "/ruiz");
    let Search::Prompt { hits, .. } = a.search() else {
        panic!("prompt should be open");
    };
    assert_eq!(hits, &[0]);
    press(&mut a, "<Esc>/alegr");
    let Search::Prompt { hits, .. } = a.search() else {
        panic!("prompt should be open");
    };
    assert_eq!(hits, &[2], "a word start inside the name");
    press(&mut a, "<Esc>/lisbn");
    let Search::Prompt { hits, .. } = a.search() else {
        panic!("prompt should be open");
    };
    assert_eq!(hits, &[3], "a typo");
    press(&mut a, "<Enter>");
    assert_eq!(a.tab(), Tab::Places);
    assert_eq!(a.focus(), Focus::Entity(3));
}

#[test]
fn unmatched_names_fall_back_to_text_search() {
    let mut a = app(120, 40);
    press(&mut a, "/the city<Enter>");
    let Search::Text {
        matches, current, ..
    } = a.search()
    else {
        panic!("a text search should be on: {:?}", a.search());
    };
    assert_eq!(matches.len(), 1);
    assert_eq!(*current, Some(0));
    assert_eq!(a.paragraph(), 3);
    press(&mut a, "<Esc>/fund<C-t>");
    let Search::Text { matches, .. } = a.search() else {
        panic!("Ctrl-t searches the text");
    };
    assert_eq!(matches.len(), 3);
    press(&mut a, "nnn");
    assert!(a.message().is_some_and(|m| m.contains("last match")));
    press(&mut a, "/zzz<Enter>");
    assert!(a.message().is_some_and(|m| m.contains("no name or text")));
}

#[test]
fn prompt_editing_and_cancel() {
    let mut a = app(120, 40);
    press(&mut a, "/xy<BS><BS>");
    assert!(matches!(a.search(), Search::Prompt { query, .. } if query.is_empty()));
    press(&mut a, "<BS>");
    assert_eq!(
        a.search(),
        &Search::Off,
        "backspace on empty closes the prompt"
    );
    press(&mut a, "/q<Esc>");
    assert_eq!(a.search(), &Search::Off);
    assert!(!a.should_quit(), "q typed in the prompt does not quit");
}

#[test]
fn tabs_and_enter_on_panel_rows() {
    let mut a = app(120, 40);
    press(&mut a, "J<Enter>");
    // People sorted by mentions then order: Ruiz, Herrera.
    assert_eq!(a.focus(), Focus::Entity(1));
    press(&mut a, "l");
    assert_eq!(a.tab(), Tab::Places);
    press(&mut a, "<Enter>");
    // Places & orgs by kind then mentions: Porto Alegre first.
    assert_eq!(a.focus(), Focus::Entity(2));
    press(&mut a, "]");
    assert_eq!(a.current_mention(), Some(at("Porto Alegre", 1)));
    assert_eq!(a.paragraph(), 4);
    press(&mut a, "hhh");
    assert_eq!(a.tab(), Tab::Quotes);
    press(&mut a, "JJJ<Enter>");
    assert_eq!(a.current_quote(), Some(3));
    assert_eq!(a.paragraph(), 4);
}

#[test]
fn topics_tab_steps_through_its_paragraphs() {
    let mut a = app(120, 40);
    press(&mut a, "<Tab><Tab><Tab>");
    assert_eq!(a.tab(), Tab::Topics);
    press(&mut a, "<Enter>");
    assert_eq!(a.focus(), Focus::Topic(0));
    assert_eq!(a.paragraph(), 0);
    press(&mut a, "t");
    assert_eq!(a.paragraph(), 3);
    press(&mut a, "]");
    assert_eq!(a.paragraph(), 4);
    assert!(a.counters()[0].contains("¶ 3/3"), "{:?}", a.counters());
    press(&mut a, "T");
    assert_eq!(a.paragraph(), 3);
}

#[test]
fn mention_keys_need_a_selection() {
    let mut a = app(120, 40);
    press(&mut a, "m");
    assert!(a.message().is_some_and(|m| m.contains("no one selected")));
    press(&mut a, "n");
    assert!(a.message().is_some_and(|m| m.contains("press /")));
}

#[test]
fn resize_keeps_the_current_paragraph_in_view() {
    let mut a = app(120, 40);
    press(&mut a, "}}}}");
    assert_eq!(a.paragraph(), 4);
    for (w, h) in [(40, 10), (30, 7), (200, 60), (24, 6), (80, 24)] {
        update(
            &mut a,
            Action::Resize {
                width: w,
                height: h,
            },
        );
        assert_eq!(a.paragraph(), 4, "at {w}x{h}");
        assert!(shown_paragraphs(&a).contains(&4), "at {w}x{h}");
    }
    // Too small and back: nothing lost.
    update(
        &mut a,
        Action::Resize {
            width: 5,
            height: 5,
        },
    );
    update(
        &mut a,
        Action::Resize {
            width: 60,
            height: 20,
        },
    );
    assert_eq!(a.paragraph(), 4);
    assert!(shown_paragraphs(&a).contains(&4));
}

#[test]
fn the_panel_toggles_and_stacks_in_narrow_terminals() {
    let mut a = app(80, 24);
    assert!(a.panes().unwrap().panel.is_none());
    press(&mut a, "p");
    let panes = a.panes().unwrap();
    assert!(panes.panel.is_some());
    assert!(!panes.side_by_side);
    press(&mut a, "p");
    assert!(a.panes().unwrap().panel.is_none());
}

#[test]
fn mouse_click_selects_a_panel_row_and_a_name_in_the_text() {
    let mut a = app(120, 40);
    let list = a.panes().unwrap().panel_list().unwrap();
    update(
        &mut a,
        Action::Click {
            column: list.x + 3,
            row: list.y + 1,
        },
    );
    assert_eq!(a.focus(), Focus::Entity(1));
    // Click on "Lisbon", wherever the wrap put it.
    let text = a.panes().unwrap().text;
    let lisbon = at("Lisbon", 0);
    let (y, span) = a
        .visible_rows()
        .iter()
        .enumerate()
        .find_map(|(y, r)| match r {
            RowContent::Text { span, .. } if span.contains(&lisbon) => Some((y, *span)),
            _ => None,
        })
        .expect("Lisbon is on screen");
    let col = gloss::tui::wrap::text_width(&tui_fixture::TEXT[span.start..lisbon.start]) as u16;
    update(
        &mut a,
        Action::Click {
            column: text.x + col + 1,
            row: text.y + y as u16,
        },
    );
    assert_eq!(a.focus(), Focus::Entity(3));
    assert_eq!(a.tab(), Tab::Places);
}

#[test]
fn mouse_wheel_scrolls_the_pane_under_the_pointer() {
    let mut a = app(100, 12);
    let text = a.panes().unwrap().text;
    update(
        &mut a,
        Action::Wheel {
            column: text.x,
            row: text.y,
            down: true,
        },
    );
    assert_eq!(a.top().row + a.top().block, 3);
    update(
        &mut a,
        Action::Wheel {
            column: text.x,
            row: text.y,
            down: false,
        },
    );
    assert_eq!(a.top(), Default::default());
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut a = app(80, 24);
    press(&mut a, "?");
    assert!(a.help_open());
    press(&mut a, "jjj}");
    assert_eq!(a.paragraph(), 0, "keys go to the help while it is open");
    press(&mut a, "<Esc>");
    assert!(!a.help_open());
    press(&mut a, "??");
    assert!(!a.help_open());
    // With the help open, the mouse does not reach the panes beneath.
    press(&mut a, "?");
    update(
        &mut a,
        Action::Wheel {
            column: 5,
            row: 5,
            down: true,
        },
    );
    assert_eq!(a.top(), Default::default());
    update(&mut a, Action::Click { column: 5, row: 5 });
    assert!(!a.help_open(), "a click closes the help");
    press(&mut a, "q");
    assert!(a.should_quit());
}

#[test]
fn the_readme_lists_every_key() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let keys = readme
        .split("## Keys")
        .nth(1)
        .expect("the README has a Keys section");
    for k in gloss::tui::keys::KEYS.iter().filter(|k| !k.what.is_empty()) {
        assert!(
            keys.contains(&format!("`{}`", k.keys)),
            "README's Keys section lacks `{}`",
            k.keys
        );
    }
}

#[test]
fn page_keys_move_by_a_screenful() {
    let mut a = app(60, 10);
    press(&mut a, " ");
    let after_one = a.top();
    assert!(after_one > Default::default());
    press(&mut a, "b");
    assert_eq!(a.top(), Default::default());
    update(&mut a, Action::Page(Dir::Forward));
    assert_eq!(a.top(), after_one);
}
