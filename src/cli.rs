//! Command-line parsing in two steps: raw flags ([`Args`], by clap), then the
//! validated [`Config`] the rest of the binary uses.
//!
//! What the terminal looks like (is standard output a terminal, is there
//! data on standard input) is passed in, never read here, so every decision
//! is a pure function tested without a terminal.

use clap::Parser;
use std::io::IsTerminal;
use std::path::PathBuf;

/// gloss: read a news article in the terminal and see who is in it and who said what.
#[derive(Debug, Parser)]
#[command(name = "gloss", version, about, long_about = None, after_help = AFTER_HELP)]
pub struct Args {
    /// Articles to open: plain text (UTF-8, UTF-16 or Windows-1252) or saved
    /// web pages (.html). `-` reads standard input. With none, reads a pipe
    /// on standard input, or else opens the bundled sample article.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Print the whole analysis as JSON (one object per line with several files).
    #[arg(long, conflicts_with = "report")]
    pub json: bool,

    /// Print the plain-text report even when writing to a terminal.
    #[arg(long)]
    pub report: bool,
}

const AFTER_HELP: &str = "\
Outside a terminal (a pipe or a file), gloss prints the report.
Examples:
  gloss article.txt                 read an article
  gloss page.html                   read the article in a saved web page
  gloss a.txt b.html c.txt          pick from several articles
  gloss --json article.txt | jq .   export the analysis
  curl -s URL | gloss               read from a pipe (also: gloss -)";

/// What standard input holds, as far as gloss is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StdinKind {
    /// A terminal: the user's keyboard, not an article.
    Terminal,
    /// A pipe or a redirected file: an article to read when no file is given.
    Data,
    /// Nothing to read (`/dev/null`, closed): not an article either.
    Nothing,
}

impl StdinKind {
    /// Looks at the process's standard input.
    pub fn detect() -> StdinKind {
        if std::io::stdin().is_terminal() {
            return StdinKind::Terminal;
        }
        // A pipe or a regular file carries data; /dev/null (a character
        // device, as when run from a script or a service) does not.
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            match std::fs::metadata("/dev/stdin") {
                Ok(m) if m.file_type().is_fifo() || m.is_file() || m.file_type().is_socket() => {
                    StdinKind::Data
                }
                _ => StdinKind::Nothing,
            }
        }
        #[cfg(not(unix))]
        {
            StdinKind::Data
        }
    }
}

/// Where an article comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// The sample article bundled with gloss.
    Sample,
    /// Standard input.
    Stdin,
    /// A file.
    File(PathBuf),
}

/// The name standard input goes by in messages.
pub const STDIN_NAME: &str = "(standard input)";

/// What to produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    Reader,
    Report,
    Json,
}

/// The validated configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub sources: Vec<Source>,
    pub output: Output,
}

impl Config {
    /// Builds the configuration from the flags, whether standard output is
    /// a terminal, and what standard input holds.
    pub fn from_args(
        args: Args,
        stdout_is_terminal: bool,
        stdin: StdinKind,
    ) -> anyhow::Result<Config> {
        let mut sources: Vec<Source> = args
            .files
            .into_iter()
            .map(|p| {
                if p.as_os_str() == "-" {
                    Source::Stdin
                } else {
                    Source::File(p)
                }
            })
            .collect();
        if sources.iter().filter(|s| **s == Source::Stdin).count() > 1 {
            anyhow::bail!("standard input (`-`) can be read only once; give it at most once");
        }
        if sources.is_empty() {
            sources.push(match stdin {
                StdinKind::Data => Source::Stdin,
                StdinKind::Terminal | StdinKind::Nothing => Source::Sample,
            });
        }
        let output = if args.json {
            Output::Json
        } else if args.report || !stdout_is_terminal {
            Output::Report
        } else {
            Output::Reader
        };
        Ok(Config { sources, output })
    }

    /// Parses the process's arguments (exits with usage help on a bad flag).
    pub fn from_env() -> anyhow::Result<Config> {
        Config::from_args(
            Args::parse(),
            std::io::stdout().is_terminal(),
            StdinKind::detect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(argv: &[&str], tty: bool, stdin: StdinKind) -> anyhow::Result<Config> {
        Config::from_args(Args::try_parse_from(argv)?, tty, stdin)
    }

    #[test]
    fn no_file_opens_the_sample_in_the_reader() {
        let c = config(&["gloss"], true, StdinKind::Terminal).unwrap();
        assert_eq!(c.sources, vec![Source::Sample]);
        assert_eq!(c.output, Output::Reader);
        let c = config(&["gloss"], true, StdinKind::Nothing).unwrap();
        assert_eq!(c.sources, vec![Source::Sample]);
    }

    #[test]
    fn a_pipe_on_stdin_is_read_when_no_file_is_given() {
        let c = config(&["gloss"], true, StdinKind::Data).unwrap();
        assert_eq!(c.sources, vec![Source::Stdin]);
        assert_eq!(c.output, Output::Reader);
        // a file given wins over the pipe
        let c = config(&["gloss", "a.txt"], true, StdinKind::Data).unwrap();
        assert_eq!(c.sources, vec![Source::File("a.txt".into())]);
    }

    #[test]
    fn a_pipe_on_stdout_gets_the_report() {
        let c = config(&["gloss", "a.txt"], false, StdinKind::Terminal).unwrap();
        assert_eq!(c.output, Output::Report);
        let c = config(&["gloss", "--report", "a.txt"], true, StdinKind::Terminal).unwrap();
        assert_eq!(c.output, Output::Report);
    }

    #[test]
    fn dash_is_stdin_once_and_mixes_with_files() {
        let c = config(&["gloss", "--json", "-"], true, StdinKind::Terminal).unwrap();
        assert_eq!(c.sources, vec![Source::Stdin]);
        assert_eq!(c.output, Output::Json);
        let c = config(&["gloss", "a.txt", "-", "b.html"], true, StdinKind::Data).unwrap();
        assert_eq!(c.sources.len(), 3);
        assert_eq!(c.sources[1], Source::Stdin);
        assert!(config(&["gloss", "-", "-"], true, StdinKind::Data).is_err());
    }

    #[test]
    fn json_and_report_conflict() {
        assert!(
            config(
                &["gloss", "--json", "--report", "a.txt"],
                true,
                StdinKind::Terminal
            )
            .is_err()
        );
    }
}
