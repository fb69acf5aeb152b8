//! Command-line parsing in two steps: raw flags ([`Args`], by clap), then the
//! validated [`Config`] the rest of the binary uses.

use clap::Parser;
use std::io::IsTerminal;
use std::path::PathBuf;

/// gloss: read a news article in the terminal and see who is in it and who said what.
#[derive(Debug, Parser)]
#[command(name = "gloss", version, about, long_about = None, after_help = AFTER_HELP)]
pub struct Args {
    /// Article files to open (plain text). `-` reads standard input.
    /// With none, opens the bundled sample article.
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
  gloss --json article.txt | jq .   export the analysis
  curl -s URL | gloss -             read from a pipe";

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
    /// Builds the configuration from the flags and whether stdout is a terminal.
    pub fn from_args(args: Args, stdout_is_terminal: bool) -> anyhow::Result<Config> {
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
            sources.push(Source::Sample);
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

    /// Parses the process's arguments.
    pub fn from_env() -> anyhow::Result<Config> {
        Config::from_args(Args::parse(), std::io::stdout().is_terminal())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(argv: &[&str], tty: bool) -> anyhow::Result<Config> {
        Config::from_args(Args::try_parse_from(argv)?, tty)
    }

    #[test]
    fn no_file_opens_the_sample_in_the_reader() {
        let c = config(&["gloss"], true).unwrap();
        assert_eq!(c.sources, vec![Source::Sample]);
        assert_eq!(c.output, Output::Reader);
    }

    #[test]
    fn a_pipe_gets_the_report() {
        let c = config(&["gloss", "a.txt"], false).unwrap();
        assert_eq!(c.output, Output::Report);
    }

    #[test]
    fn dash_is_stdin_once() {
        let c = config(&["gloss", "--json", "-"], true).unwrap();
        assert_eq!(c.sources, vec![Source::Stdin]);
        assert_eq!(c.output, Output::Json);
        assert!(config(&["gloss", "-", "-"], true).is_err());
    }
}
