//! gloss: a terminal reader for news articles that shows who is in a story
//! and who said what.
//!
//! The library is the whole program but argument parsing:
//!
//! - [`analysis`]: the pure core. Text in, an [`analysis::Analysis`] out:
//!   paragraphs, sentences, entities, quotes and topics.
//! - [`load`]: reading an article from a file or standard input into the
//!   text every offset indexes.
//! - [`report`]: the plain-text report printed when not in a terminal.
//! - [`export`]: the JSON export (`--json`), serde_json's layout written fast.
//! - [`tui`]: the terminal reader.
//!
//! ```
//! let analysis = gloss::analysis::analyze(
//!     "Maria Lopez, the mayor of Springfield, said on Monday that the budget was sound.",
//! );
//! assert_eq!(analysis.text.len(), 80);
//! println!("{}", serde_json::to_string(&analysis).unwrap());
//! ```

pub mod analysis;
pub mod export;
pub mod load;
pub mod report;
pub mod tui;

/// The sample article bundled with gloss, opened when no file is given.
pub const SAMPLE_ARTICLE: &str = include_str!("../seeds/000_ba66651861ff847c.txt");

/// The name shown for the bundled sample article.
pub const SAMPLE_NAME: &str = "000_ba66651861ff847c.txt (sample)";
