//! The word view of a document that entity recognition reads.
//!
//! Entry points: [`Words::empty`], then [`Words::fill`] for each run of
//! sentences. It turns [`Document::tokens`] into [`Word`]s shaped for name
//! finding: possessives are cut off ("China’s" is the word
//! "China"), two known names joined by a hyphen are two words ("US-China"),
//! and every word knows its shape (capitalised, in capitals, lowercase), its
//! lowercase key, and whether it opens a sentence (or a quotation), where a
//! capital says nothing. Sentences written all in capitals or in title case
//! (headlines) are marked so that capitals there are not read as names.
//!
//! Each distinct spelling is read once per view ([`spelling`]: cut, split,
//! shaped, lowercased and looked up in the gazetteers) and remembered from run to
//! run under its number: words recur, so most tokens cost one array
//! lookup. The numbers come with the tokens ([`Words::fill`]): the
//! tagger's ([`crate::analysis::ner::DocTagger::spellings`]), so each
//! token is hashed once per document, or [`OwnSpellings`] where there is
//! no tagger.
//!
//! It only describes words; it decides nothing about entities.

mod spelling;

use super::gazetteer::{Lexicon, WordFacts};
use crate::analysis::Document;
use crate::analysis::Span;
use crate::analysis::ner::features::FormId;
use crate::analysis::segment::TokenKind;
pub use spelling::OwnSpellings;
use spelling::{COMMON, Spellings, Tally};
use std::ops::Range;

/// How a word is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Starts with a lowercase letter.
    Lower,
    /// Starts with a capital, has lowercase letters ("Blinken", "TikTok").
    Capitalized,
    /// Letters all capitals, at least two ("US", "NATO"); a lone capital
    /// letter is `Capitalized`.
    Upper,
    /// Digits first ("95", "1996-08-30", "3.2bn").
    Number,
    /// A punctuation mark or symbol.
    Punct,
}

/// One word of the text.
#[derive(Debug, Clone, Copy)]
pub struct Word {
    /// Where the word is (a possessive ending is not part of it).
    pub span: Span,
    pub shape: Shape,
    /// Index of the sentence in [`Words::sentences`].
    pub sentence: u32,
    /// First word of a sentence, of a quotation, or after a colon: a capital
    /// here says nothing.
    pub opens: bool,
    /// Inside a sentence written in capitals (a headline).
    pub in_caps_line: bool,
    /// Index of the token in [`Document::tokens`] it comes from.
    pub token: usize,
    /// Where the lowercase key is in [`Words::keys`] (start, length).
    key: (u32, u32),
    /// What the gazetteers know of the word's key.
    pub facts: WordFacts,
}

impl Word {
    /// Capitalised or in capitals.
    pub fn is_capital(&self) -> bool {
        matches!(self.shape, Shape::Capitalized | Shape::Upper)
    }
}

/// The words of a document with their lowercase keys.
pub struct Words<'t> {
    pub text: &'t str,
    pub words: Vec<Word>,
    /// For each sentence, the range of its words.
    pub sentences: Vec<Range<usize>>,
    /// What each spelling met makes of its token, with the lowercase keys.
    spellings: Spellings,
    /// A buffer for building phrase keys, reused from lookup to lookup.
    pub scratch: std::cell::Cell<String>,
}

impl<'t> Words<'t> {
    /// Builds the word view of the whole of `doc`.
    #[cfg(test)]
    pub fn new(doc: &Document<'t>, lex: &Lexicon) -> Words<'t> {
        let mut ws = Words::empty(doc.text);
        let all = 0..doc.sentence_tokens.len();
        let mut own = OwnSpellings::new();
        ws.fill(doc, lex, all.clone(), own.of(doc, all));
        ws
    }

    /// A view of no words yet, for [`Words::fill`].
    pub fn empty(text: &'t str) -> Words<'t> {
        Words {
            text,
            words: Vec::new(),
            sentences: Vec::new(),
            spellings: Spellings::new(),
            scratch: std::cell::Cell::new(String::new()),
        }
    }

    /// Makes room at once for what `n` spelling numbers read as (spares
    /// the regrowth when the count is known).
    pub fn reserve_spellings(&mut self, n: usize) {
        let known = &mut self.spellings.known;
        known.reserve_exact(n.saturating_sub(known.len()));
    }

    /// Replaces the view with the words of `sentences` (indices of
    /// [`Document::sentence_tokens`]), reusing the buffers and what was
    /// read of each spelling before.
    ///
    /// `forms` numbers the spelling of each token from the first token of
    /// `sentences` on (the same bytes, the same number); a view must be
    /// filled with the numbers of one numbering only, since it remembers
    /// what each number reads as.
    pub fn fill(
        &mut self,
        doc: &Document<'t>,
        lex: &Lexicon,
        sentences: Range<usize>,
        forms: &[FormId],
    ) {
        let text = doc.text;
        self.text = text;
        let Words {
            words,
            sentences: word_sentences,
            spellings,
            ..
        } = self;
        words.clear();
        word_sentences.clear();
        spellings.forget_if_full();
        let ranges = doc.sentence_tokens.get(sentences).unwrap_or(&[]);
        let base = ranges.first().map_or(0, |r| r.start);
        let within = |r: &Range<usize>, n: usize| r.start.min(n)..r.end.min(n);
        for (si, range) in ranges.iter().enumerate() {
            let si = si as u32;
            let first_word = words.len();
            let mut opens = true;
            let mut tally = Tally(0);
            let tokens = &doc.tokens[within(range, doc.tokens.len())];
            let numbers = forms
                .get(within(&(range.start - base..range.end - base), forms.len()))
                .unwrap_or(&[]);
            words.reserve(tokens.len());
            for (k, tok) in tokens.iter().enumerate() {
                let ti = range.start + k;
                let punct = tok.kind == TokenKind::Punct;
                let span = tok.span();
                let place = spellings.place_of(text, span, punct, numbers.get(k).copied(), lex);
                let spelled = spellings.at(place);
                // the spelling's word, put in its place
                let at = span.start;
                let placed = |w: &Word, opens: bool| Word {
                    span: Span::new(at + w.span.start, at + w.span.end),
                    sentence: si,
                    opens,
                    token: ti,
                    ..*w
                };
                let first_opens = opens && !punct;
                words.push(placed(&spelled.word, first_opens));
                tally.add(spelled.tally);
                tally.add(Tally(
                    COMMON * u64::from(spelled.common_capital && !first_opens),
                ));
                if let Some(second) = spellings.second_of(spelled) {
                    words.push(placed(second, false));
                }
                // a quotation mark or colon opens a new stretch where the
                // capital of the next word says nothing
                opens = punct && (opens || spelled.opener);
            }
            let range = first_word..words.len();
            // the lanes of the tally hold up to 4095 words
            let headline = if range.len() < 4096 {
                tally.is_headline()
            } else {
                is_headline(&words[range.clone()])
            };
            if headline {
                for w in &mut words[range.clone()] {
                    w.in_caps_line = true;
                }
            }
            word_sentences.push(range);
        }
    }

    /// The lowercase key of word `i`.
    pub fn key(&self, i: usize) -> &str {
        self.words
            .get(i)
            .and_then(|w| {
                let start = w.key.0 as usize;
                self.spellings.keys.get(start..start + w.key.1 as usize)
            })
            .unwrap_or("")
    }

    /// What the gazetteers know of word `i`.
    pub fn facts(&self, i: usize) -> WordFacts {
        self.words.get(i).map_or(WordFacts::UNKNOWN, |w| w.facts)
    }

    /// The text of word `i` as written.
    pub fn text_of(&self, i: usize) -> &'t str {
        self.words.get(i).map_or("", |w| w.span.of(self.text))
    }

    /// The byte span from the start of word `a` to the end of word `b - 1`.
    pub fn span_of(&self, r: Range<usize>) -> Span {
        match (
            self.words.get(r.start),
            r.end.checked_sub(1).and_then(|e| self.words.get(e)),
        ) {
            (Some(a), Some(b)) if r.start < r.end => Span::new(a.span.start, b.span.end),
            _ => Span::new(0, 0),
        }
    }

    /// The words that `span` covers exactly, from the first word starting
    /// where it starts to the word ending where it ends.
    pub fn covering(&self, span: Span) -> Option<Range<usize>> {
        let a = self.words.partition_point(|w| w.span.start < span.start);
        if self.words.get(a)?.span.start != span.start {
            return None;
        }
        let b = a + self.words[a..].partition_point(|w| w.span.end < span.end);
        (self.words.get(b)?.span.end == span.end).then_some(a..b + 1)
    }

    /// Number of words.
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        self.words.len()
    }
}

/// A sentence written as a headline: most words in capitals, or (title
/// case) nearly every long word capitalised.
fn is_headline(words: &[Word]) -> bool {
    let (mut upper, mut lettered, mut long, mut long_capital) = (0, 0, 0, 0);
    // capitalised common words inside ("Will", "Was"): a sentence full of
    // names and titles has these in lowercase
    let mut common_capital = 0;
    for w in words {
        if w.shape == Shape::Capitalized && !w.opens {
            common_capital += usize::from(w.facts.is_common());
        }
        match w.shape {
            Shape::Upper => {
                upper += 1;
                lettered += 1;
            }
            Shape::Capitalized | Shape::Lower => lettered += 1,
            _ => {}
        }
        if matches!(w.shape, Shape::Capitalized | Shape::Lower) && w.span.len() >= 4 {
            long += 1;
            long_capital += usize::from(w.shape == Shape::Capitalized);
        }
    }
    let capitals = lettered >= 2 && upper * 10 >= lettered * 6;
    let title_case = long >= 4 && long_capital * 10 >= long * 9 && common_capital >= 2;
    capitals || title_case
}

#[cfg(test)]
mod tests {
    use super::super::gazetteer::lexicon;
    use super::*;

    fn view(text: &str) -> Vec<(String, Shape, bool)> {
        let doc = Document::new(text);
        let w = Words::new(&doc, lexicon());
        (0..w.len())
            .map(|i| (w.text_of(i).to_string(), w.words[i].shape, w.words[i].opens))
            .collect()
    }

    #[test]
    fn possessives_are_cut_and_pairs_split() {
        let v = view("China’s aid and Germany's plan shaped US-China talks in the Indo-Pacific.");
        let texts: Vec<&str> = v.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(&texts[..6], &["China", "’s", "aid", "and", "Germany", "'s"]);
        let shapes: Vec<Shape> = v.iter().map(|x| x.1).collect();
        assert_eq!(shapes[1], Shape::Punct, "a clitic breaks a name");
        assert!(texts.contains(&"US") && texts.contains(&"China"));
        assert!(texts.contains(&"Indo-Pacific"));
    }

    #[test]
    fn shapes_and_openers() {
        let v = view("The NATO chief said: “Allies will pay.”");
        assert_eq!(v[0], ("The".to_string(), Shape::Capitalized, true));
        assert_eq!(v[1].1, Shape::Upper);
        assert!(!v[1].2);
        let allies = v.iter().find(|x| x.0 == "Allies").map(|x| x.2);
        assert_eq!(
            allies,
            Some(true),
            "a capital after an opening quote says nothing"
        );
    }

    #[test]
    fn covering_finds_the_words_of_a_span() {
        let text = "Envoys of US-China talks met Ana Costa’s aides.";
        let doc = Document::new(text);
        let w = Words::new(&doc, lexicon());
        let at = |s: &str| {
            let a = text.find(s).expect("in text");
            Span::new(a, a + s.len())
        };
        let china = w.covering(at("China")).expect("a word");
        assert_eq!(w.text_of(china.start), "China");
        assert_eq!(china.len(), 1);
        let costa = w.covering(at("Ana Costa")).expect("two words");
        assert_eq!(costa.len(), 2);
        assert_eq!(w.text_of(costa.end - 1), "Costa");
        assert_eq!(w.covering(at("na Co")), None);
        assert_eq!(w.covering(at("Envoys of US")).map(|r| r.len()), Some(3));
        assert_eq!(w.covering(at("US-Ch")), None);
    }

    /// Everything the view says of word `i`, to compare two views.
    fn word_read(w: &Words<'_>, i: usize) -> (Span, Shape, bool, bool, usize, WordFacts, String) {
        let x = &w.words[i];
        (
            x.span,
            x.shape,
            x.opens,
            x.in_caps_line,
            x.token,
            x.facts,
            w.key(i).to_string(),
        )
    }

    #[test]
    fn a_view_filled_run_by_run_reads_as_a_fresh_one() {
        let text = "Ana Costa’s aides met US-China envoys. “Costa will stay,” she said: \
                    Costa's plan. RIVALS CLASH IN GENEVA\nThe envoys of US-China talks left.";
        let doc = Document::new(text);
        let lex = lexicon();
        let whole = Words::new(&doc, lex);
        let mut runs = Words::empty(text);
        let mut own = OwnSpellings::new();
        let mut at = 0;
        for si in 0..doc.sentence_tokens.len() {
            runs.fill(&doc, lex, si..si + 1, own.of(&doc, si..si + 1));
            for i in 0..runs.len() {
                assert_eq!(
                    word_read(&runs, i),
                    word_read(&whole, at + i),
                    "sentence {si}"
                );
            }
            at += runs.len();
        }
        assert_eq!(at, whole.len());
        assert!(doc.sentence_tokens.len() >= 4, "{:?}", doc.sentence_tokens);
    }

    #[test]
    fn the_taggers_spelling_numbers_read_as_the_views_own() {
        let text = "Ana Costa’s aides met US-China envoys. “Costa will stay,” she said.\n\
                    COSTA'S PLAN FAILS IN GENEVA\nThe envoys of US-China talks left Costa's office.";
        let doc = Document::new(text);
        let lex = lexicon();
        let all = 0..doc.sentence_tokens.len();
        let own = Words::new(&doc, lex);
        let tagger = crate::analysis::ner::DocTagger::new(&doc);
        let numbers = tagger.spellings();
        assert_eq!(numbers.len(), doc.tokens.len());
        let mut tagged = Words::empty(text);
        tagged.fill(&doc, lex, all.clone(), numbers);
        // no numbers at all: every token read apart
        let mut apart = Words::empty(text);
        apart.fill(&doc, lex, all, &[]);
        let read = |w: &Words<'_>| -> Vec<_> { (0..w.len()).map(|i| word_read(w, i)).collect() };
        let whole = read(&own);
        assert!(whole.iter().any(|w| w.6 == "costa" && w.3), "{whole:?}");
        assert_eq!(read(&tagged), whole);
        assert_eq!(read(&apart), whole);
    }

    #[test]
    fn headlines_in_title_case_are_marked() {
        let text = "Senator Says Budget Talks Will Resume After Holiday Break\nThe senator said talks would resume.";
        let doc = Document::new(text);
        let w = Words::new(&doc, lexicon());
        assert!(w.words[0].in_caps_line);
        assert!(!w.words.last().is_some_and(|x| x.in_caps_line));
    }

    #[test]
    fn the_tally_of_a_sentence_tells_headlines_as_its_words_do() {
        let text = "Senator Says Budget Talks Will Resume After Holiday Break\n\
                    RIVALS CLASH OVER TRADE IN GENEVA\n\
                    The senator said talks would resume.\n\
                    Will Costa-Silva And The EU-China Board Was Meeting Today\n\
                    “Will Ana Costa Resign?” Was The Question Asked Today";
        let doc = Document::new(text);
        let w = Words::new(&doc, lexicon());
        let mut marked = 0;
        for r in &w.sentences {
            let slow = is_headline(&w.words[r.clone()]);
            assert_eq!(
                w.words[r.start].in_caps_line,
                slow,
                "{}",
                w.text_of(r.start)
            );
            marked += usize::from(slow);
        }
        assert!(marked >= 2 && marked < w.sentences.len(), "{marked}");
    }

    #[test]
    fn headlines_in_capitals_are_marked() {
        let text = "RIVALS CLASH OVER TRADE IN GENEVA\nThe talks in Geneva went on.";
        let doc = Document::new(text);
        let w = Words::new(&doc, lexicon());
        assert!(w.words[0].in_caps_line);
        assert!(!w.words.last().is_some_and(|x| x.in_caps_line));
    }
}
