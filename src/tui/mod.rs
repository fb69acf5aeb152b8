//! The terminal reader, built as The Elm Architecture.
//!
//! - [`app::App`]: the model (article, wrapped rows, position, selection, search).
//! - [`update::Action`] and [`update::update`]: the only way the model changes.
//! - [`keys`]: keys and mouse to actions, a pure function of the mode.
//! - [`view`]: pure drawing, one module per pane.
//! - [`wrap`], [`marks`], [`search`], [`screen`], [`theme`], [`config`]:
//!   the pieces they share (row wrapping, styles per paragraph, name and
//!   text search, pane geometry, styles, settings).
//!
//! Entry point: [`run`], the thin imperative shell: it sets up the terminal,
//! reads events, turns them into actions, updates and draws, and restores
//! the terminal on every way out (quit, error, panic).
//!
//! ```
//! use gloss::tui::{App, OpenArticle, config::Config, update::{update, Action, Dir}};
//! let analysis = gloss::analysis::analyze("First paragraph.\nSecond paragraph.");
//! let article = OpenArticle { name: "a.txt".into(), analysis, warnings: vec![] };
//! let mut app = App::new(article, Config::default(), 100, 30);
//! update(&mut app, Action::Paragraph(Dir::Forward));
//! assert_eq!(app.paragraph(), 1);
//! ```

pub mod app;
pub mod config;
pub mod keys;
pub mod marks;
pub mod screen;
pub mod search;
pub mod theme;
pub mod update;
pub mod view;
pub mod wrap;

pub use app::{App, OpenArticle};

use anyhow::Context;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use std::time::Duration;

/// Runs the reader on the given articles until the user quits.
/// With several articles, the first is opened.
pub fn run(articles: Vec<OpenArticle>) -> anyhow::Result<()> {
    let (config, config_warnings) = config::Config::load();
    let article = articles
        .into_iter()
        .next()
        .context("there is no article to open")?;
    let mut terminal = ratatui::try_init()
        .context("cannot set up the terminal; use --report to print the report instead")?;
    let _restore = RestoreOnDrop;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
        previous(info);
    }));
    crossterm::execute!(std::io::stdout(), EnableMouseCapture)
        .context("cannot turn on the mouse")?;
    let size = terminal.size().context("cannot read the terminal size")?;
    let mut app = App::new(article, config, size.width, size.height);
    if app.message.is_none() {
        app.message = config_warnings.into_iter().next();
    }
    loop {
        terminal
            .draw(|frame| view::view(&app, frame))
            .context("cannot draw on the terminal")?;
        if app.should_quit() {
            break;
        }
        // One event, then all that are already waiting, then one frame.
        let mut next = Some(event::read().context("cannot read keys from the terminal")?);
        while let Some(ev) = next {
            if let Some(action) = action_for(&app, ev) {
                update::update(&mut app, action);
            }
            if app.should_quit() {
                break;
            }
            next = if event::poll(Duration::ZERO)? {
                Some(event::read()?)
            } else {
                None
            };
        }
    }
    Ok(())
}

/// The action for a terminal event.
fn action_for(app: &App, ev: Event) -> Option<update::Action> {
    match ev {
        Event::Key(key) => keys::key_action(app.mode(), key),
        Event::Mouse(m) => keys::mouse_action(m),
        Event::Resize(width, height) => Some(update::Action::Resize { width, height }),
        _ => None,
    }
}

/// Turns mouse capture off and restores the terminal when dropped (on
/// return, on error and while unwinding from a panic).
struct RestoreOnDrop;

impl Drop for RestoreOnDrop {
    fn drop(&mut self) {
        let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
        ratatui::restore();
    }
}
