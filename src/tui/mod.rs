//! The terminal reader, built as The Elm Architecture.
//!
//! - [`app::App`]: the model (article, wrapped rows, position, selection, search);
//!   [`analysed`]: the analysis as the reader files it, and its progress.
//! - [`update::Action`] and [`update::update`]: the only way the model changes.
//! - [`keys`]: keys and mouse to actions, a pure function of the mode.
//! - [`view`]: pure drawing, one module per pane.
//! - [`rows`], [`wrap`], [`marks`], [`search`], [`screen`], [`theme`],
//!   [`config`]: the pieces they share (the article as screen rows, line
//!   breaking, styles per paragraph, name and text search, pane geometry,
//!   styles, settings).
//!
//! Entry point: [`run`], the thin imperative shell: it sets up the terminal,
//! reads events, turns them into actions, updates and draws, and restores
//! the terminal on every way out (quit, error, panic, termination signal).
//! [`library`] is the list shown when several articles are opened,
//! [`place`] remembers where the reader left off in each article, and
//! [`background`] analyses the articles on other threads: the reader opens
//! at once on the text, shows the analysis's progress, and takes the
//! analysis through [`update::Action::AnalysisReady`] when it is done.
//!
//! ```
//! use gloss::tui::{App, OpenArticle, config::Config, update::{update, Action, Dir}};
//! let analysis = gloss::analysis::analyze("First paragraph.\nSecond paragraph.");
//! let article = OpenArticle::analysed("a.txt", analysis);
//! let mut app = App::new(article, Config::default(), 100, 30);
//! update(&mut app, Action::Paragraph(Dir::Forward));
//! assert_eq!(app.paragraph(), 1);
//! ```

pub mod analysed;
pub mod app;
pub mod background;
pub mod config;
pub mod keys;
pub mod library;
pub mod marks;
mod mouse;
mod navigate;
pub mod place;
pub mod rows;
pub mod screen;
pub mod search;
pub mod theme;
pub mod update;
pub mod view;
pub mod wrap;

pub use app::{App, OpenArticle};

use anyhow::Context;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use place::Places;
use ratatui::DefaultTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// How often the event loop looks for a termination signal (and the
/// analysis's progress) while idle; also the spinner's pace.
const SIGNAL_POLL: Duration = Duration::from_millis(100);

/// How long the first frame waits for the analysis: a news article is
/// analysed within it and opens whole; a book opens at once on its text.
const FIRST_FRAME_WAIT: Duration = Duration::from_millis(50);

/// The first frame waits for the analysis of texts up to this size only
/// (about 0.1 s of analysis); a larger one opens at once on its text.
const QUICK_ANALYSIS_BYTES: usize = 1 << 20;

/// Runs the reader on the given articles until the user quits. One article
/// opens directly; several open a list to pick from and return to.
///
/// The reading place of each article is restored from, and saved to, the
/// XDG state directory. SIGTERM, SIGHUP, SIGINT and SIGQUIT end the reader
/// with the terminal restored (and an error naming the signal).
pub fn run(articles: Vec<OpenArticle>) -> anyhow::Result<()> {
    anyhow::ensure!(!articles.is_empty(), "there is no article to open");
    let (config, mut warnings) = config::Config::load();
    let mut places = place::default_path().map(|path| {
        let (places, warning) = Places::load(&path);
        warnings.extend(warning);
        places
    });
    let signal = register_signals();
    let mut terminal = ratatui::try_init()
        .context("cannot set up the terminal; use --report to print the report instead")?;
    let restore = RestoreOnDrop;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
        previous(info);
    }));
    crossterm::execute!(std::io::stdout(), EnableMouseCapture)
        .context("cannot turn on the mouse")?;
    let size = terminal.size().context("cannot read the terminal size")?;
    let mut save_errors = Vec::new();
    let single = articles.len() == 1;
    let apps: Vec<App> = articles
        .into_iter()
        .map(|a| App::new(a, config.clone(), size.width, size.height))
        .collect();
    let mut analyses = background::Analyses::start(apps.iter().map(text_to_analyse).collect());
    let to_analyse: usize = apps
        .iter()
        .filter(|a| a.progress.is_some())
        .map(|a| a.text().len())
        .sum();
    if to_analyse <= QUICK_ANALYSIS_BYTES {
        // A news article is analysed in a few milliseconds: show it whole.
        analyses.wait(FIRST_FRAME_WAIT);
    }
    let outcome = if single {
        let mut app = apps.into_iter().next().context("no article")?;
        for a in analyses.take(0) {
            update::update(&mut app, a);
        }
        let key = place::article_key(&app.text);
        restore_place(&mut app, places.as_ref(), &key);
        if let Some(w) = warnings.first()
            && app.message().is_none()
        {
            app.set_message(w.clone());
        }
        let outcome = read_article(&mut terminal, &mut app, &signal, &mut analyses, 0);
        save_place(&app, places.as_mut(), &key, &mut save_errors);
        outcome
    } else {
        let mut lib = library::Library::from_apps(apps, &config, size.width, size.height);
        let keys: Vec<String> = lib
            .entries
            .iter()
            .map(|e| place::article_key(&e.app.text))
            .collect();
        for (i, (entry, key)) in lib.entries.iter_mut().zip(&keys).enumerate() {
            for a in analyses.take(i) {
                update::update(&mut entry.app, a);
            }
            restore_place(&mut entry.app, places.as_ref(), key);
        }
        read_library(&mut terminal, &mut lib, &signal, &mut analyses, |app, i| {
            save_place(app, places.as_mut(), &keys[i], &mut save_errors)
        })
    };
    drop(restore);
    for e in save_errors {
        eprintln!("gloss: {e}");
    }
    match outcome? {
        Outcome::Quit => Ok(()),
        Outcome::Signal(name) => anyhow::bail!("stopped by {name}; the terminal was restored"),
    }
}

/// `app`'s text, shared with its analysis, or None when it is analysed
/// already.
fn text_to_analyse(app: &App) -> Option<Arc<String>> {
    app.progress.is_some().then(|| app.shared_text())
}

/// How a reading session ended.
enum Outcome {
    Quit,
    Signal(&'static str),
}

/// Moves `app` to where the reader left off, if remembered.
fn restore_place(app: &mut App, places: Option<&Places>, key: &str) {
    let Some(p) = places.and_then(|p| p.get(key)) else {
        return;
    };
    if p == 0 || p >= app.paragraph_count() {
        return;
    }
    update::update(app, update::Action::GoToParagraph(p));
    app.set_message(format!(
        "back at ¶ {}/{} where you left off · g: start",
        p + 1,
        app.paragraph_count()
    ));
}

fn save_place(app: &App, places: Option<&mut Places>, key: &str, errors: &mut Vec<String>) {
    if let Some(places) = places
        && let Err(e) = places.save(key, app.paragraph())
    {
        errors.push(e);
    }
}

/// The reader's loop: draw, wait for events (or a signal), update. Reports
/// of article `index`'s analysis are taken before each frame.
fn read_article(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    signal: &AtomicUsize,
    analyses: &mut background::Analyses,
    index: usize,
) -> anyhow::Result<Outcome> {
    loop {
        for a in analyses.take(index) {
            update::update(app, a);
        }
        if app.take_suspend() {
            suspend(terminal)?;
            let size = terminal.size().context("cannot read the terminal size")?;
            update::update(
                app,
                update::Action::Resize {
                    width: size.width,
                    height: size.height,
                },
            );
        }
        terminal
            .draw(|frame| view::view(app, frame))
            .context("cannot draw on the terminal")?;
        if app.should_quit() {
            return Ok(Outcome::Quit);
        }
        if let Some(name) = caught(signal) {
            return Ok(Outcome::Signal(name));
        }
        if !event::poll(SIGNAL_POLL).context("cannot read keys from the terminal")? {
            if app.progress().is_some() {
                update::update(app, update::Action::Tick);
            }
            continue;
        }
        // Every event already waiting, then one frame.
        loop {
            let ev = event::read().context("cannot read keys from the terminal")?;
            if let Some(action) = action_for(app, ev) {
                update::update(app, action);
            }
            if app.should_quit() || app.suspend || !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
}

/// The list's loop; `saved(app, i)` is called when article `i` is left.
fn read_library(
    terminal: &mut DefaultTerminal,
    lib: &mut library::Library,
    signal: &AtomicUsize,
    analyses: &mut background::Analyses,
    mut saved: impl FnMut(&App, usize),
) -> anyhow::Result<Outcome> {
    loop {
        for (i, entry) in lib.entries.iter_mut().enumerate() {
            for a in analyses.take(i) {
                update::update(&mut entry.app, a);
            }
        }
        if let Some(i) = lib.open.take() {
            let size = terminal.size()?;
            let app = &mut lib.entries[i].app;
            app.quit = false;
            update::update(
                app,
                update::Action::Resize {
                    width: size.width,
                    height: size.height,
                },
            );
            let outcome = read_article(terminal, app, signal, analyses, i);
            saved(app, i);
            if app.should_quit_all() || !matches!(outcome, Ok(Outcome::Quit)) {
                return outcome;
            }
            continue;
        }
        if std::mem::take(&mut lib.suspend) {
            suspend(terminal)?;
            let size = terminal.size()?;
            lib.update(library::LibraryAction::Resize {
                width: size.width,
                height: size.height,
            });
        }
        terminal
            .draw(|frame| {
                let area = frame.area();
                lib.draw(area, frame.buffer_mut());
            })
            .context("cannot draw on the terminal")?;
        if lib.quit {
            return Ok(Outcome::Quit);
        }
        if let Some(name) = caught(signal) {
            return Ok(Outcome::Signal(name));
        }
        if !event::poll(SIGNAL_POLL).context("cannot read keys from the terminal")? {
            continue;
        }
        let action = match event::read().context("cannot read keys from the terminal")? {
            Event::Key(k) => library::library_key(k),
            Event::Resize(width, height) => Some(library::LibraryAction::Resize { width, height }),
            Event::Mouse(m) if matches!(m.kind, event::MouseEventKind::Down(_)) => {
                Some(library::LibraryAction::Click(m.row))
            }
            _ => None,
        };
        if let Some(a) = action {
            lib.update(a);
        }
    }
}

/// Ctrl-z: gives the terminal back to the shell and stops gloss (SIGTSTP);
/// when the shell continues it (`fg`, SIGCONT), takes the terminal again.
/// The caller redraws everything.
fn suspend(terminal: &mut DefaultTerminal) -> anyhow::Result<()> {
    #[cfg(unix)]
    {
        let _ = crossterm::execute!(
            std::io::stdout(),
            DisableMouseCapture,
            crossterm::cursor::Show
        );
        ratatui::restore();
        signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)
            .context("cannot suspend gloss")?;
        // Stopped here until SIGCONT.
        crossterm::terminal::enable_raw_mode().context("cannot set up the terminal again")?;
        crossterm::execute!(
            std::io::stdout(),
            crossterm::terminal::EnterAlternateScreen,
            crossterm::terminal::Clear(crossterm::terminal::ClearType::All),
            EnableMouseCapture
        )
        .context("cannot set up the terminal again")?;
        // Both buffers blank, so the next frame is drawn whole (without
        // `Terminal::clear`, which asks the terminal where the cursor is).
        terminal.swap_buffers();
        terminal.swap_buffers();
    }
    #[cfg(not(unix))]
    let _ = terminal;
    Ok(())
}

/// Records termination signals in a flag the loops check.
fn register_signals() -> Arc<AtomicUsize> {
    let flag = Arc::new(AtomicUsize::new(0));
    #[cfg(unix)]
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGQUIT,
    ] {
        // If a handler cannot be installed, the default action stays.
        let _ = signal_hook::flag::register_usize(sig, flag.clone(), sig as usize);
    }
    flag
}

/// The name of the termination signal received, if any.
fn caught(flag: &AtomicUsize) -> Option<&'static str> {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
        match flag.load(Ordering::Relaxed) as i32 {
            0 => None,
            SIGTERM => Some("SIGTERM"),
            SIGHUP => Some("SIGHUP"),
            SIGINT => Some("SIGINT"),
            SIGQUIT => Some("SIGQUIT"),
            _ => Some("a signal"),
        }
    }
    #[cfg(not(unix))]
    {
        (flag.load(Ordering::Relaxed) != 0).then_some("a signal")
    }
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
