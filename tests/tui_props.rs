//! Property tests: random terminal sizes and key sequences through `update`
//! and `view` never panic, keep the reader's positions valid, and never draw
//! a text row wider than the text column.

mod tui_fixture;

use gloss::tui::app::Target;
use gloss::tui::rows::RowContent;
use gloss::tui::update::{Action, Dir, update};
use gloss::tui::wrap::text_width;
use proptest::prelude::*;

fn dir() -> impl Strategy<Value = Dir> {
    prop_oneof![Just(Dir::Forward), Just(Dir::Backward)]
}

fn target() -> impl Strategy<Value = Target> {
    prop_oneof![
        Just(Target::Quote),
        Just(Target::Topic),
        Just(Target::Mention),
        Just(Target::Match)
    ]
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        (-5i64..5).prop_map(Action::ScrollRows),
        dir().prop_map(Action::Page),
        dir().prop_map(Action::HalfPage),
        Just(Action::Top),
        Just(Action::Bottom),
        dir().prop_map(Action::Paragraph),
        (0usize..10).prop_map(Action::GoToParagraph),
        (target(), dir()).prop_map(|(t, d)| Action::Step(t, d)),
        dir().prop_map(Action::StepTab),
        dir().prop_map(Action::StepSearch),
        dir().prop_map(Action::SwitchTab),
        (-3i64..3).prop_map(Action::MoveSelection),
        Just(Action::Activate),
        Just(Action::TogglePanel),
        Just(Action::ToggleHelp),
        (-3i64..3).prop_map(Action::ScrollHelp),
        Just(Action::Escape),
        Just(Action::SearchStart),
        prop_oneof![Just('r'), Just('a'), Just(' '), Just('東'), Just('\u{1b}')]
            .prop_map(Action::SearchInput),
        Just(Action::SearchBackspace),
        Just(Action::SearchSubmit),
        Just(Action::SearchText),
        (1u16..130, 1u16..50).prop_map(|(width, height)| Action::Resize { width, height }),
        (0u16..130, 0u16..50, any::<bool>()).prop_map(|(column, row, down)| Action::Wheel {
            column,
            row,
            down
        }),
        (0u16..130, 0u16..50).prop_map(|(column, row)| Action::Click { column, row }),
        Just(Action::Tick),
        Just(Action::AnalysisProgress(gloss::analysis::Stage::Quotes)),
        Just(Action::AnalysisReady(Box::new(
            gloss::tui::app::Analysed::new(tui_fixture::analysis())
        ))),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn random_sizes_and_keys_never_break_the_reader(
        w in 1u16..140,
        h in 1u16..50,
        actions in proptest::collection::vec(action(), 0..24),
        unanalysed in proptest::bool::ANY,
    ) {
        // Opened analysed, or on its text alone (the analysis may then
        // arrive at any point among the keys).
        let mut app = if unanalysed {
            gloss::tui::App::new(
                gloss::tui::OpenArticle::text("fixture.txt", tui_fixture::TEXT.to_string()),
                gloss::tui::config::Config::default(),
                w,
                h,
            )
        } else {
            tui_fixture::app(w, h)
        };
        let (mut w, mut h) = (w, h);
        for a in actions {
            if let Action::Resize { width, height } = a {
                (w, h) = (width, height);
            }
            update(&mut app, a);
            let area = ratatui::layout::Rect::new(0, 0, w, h);
            let mut buf = ratatui::buffer::Buffer::empty(area);
            gloss::tui::view::draw(&app, area, &mut buf);
            prop_assert!(app.paragraph() < app.paragraph_count());
            if let Some(panes) = app.panes() {
                let text = &app.text();
                for row in app.visible_rows() {
                    if let RowContent::Text { span, .. } = row {
                        prop_assert!(text_width(span.of(text)) <= panes.text.width as usize);
                    }
                }
                prop_assert!(app.visible_rows().len() <= panes.text.height as usize);
            }
        }
    }
}
