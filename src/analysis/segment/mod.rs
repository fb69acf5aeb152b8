//! Segmentation: paragraphs, sentences and tokens, as byte spans.
//!
//! Entry point: [`segment`], which builds a [`Document`]. Each part lives in
//! its own module: [`paragraphs`] (one paragraph a line, or hard-wrapped
//! blocks), [`tokens`] (CoNLL-style tokens) and `sentences` (boundaries
//! inside a paragraph). Nothing here knows about entities or quotes.

pub mod paragraphs;
mod sentences;
pub mod tokens;

pub use paragraphs::{paragraph_spans, trim_span};
pub use tokens::tokenize;

use super::{Document, Paragraph, Sentence, Span};

/// The broad class of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or an abbreviation's
    /// dots ("U.S.", "Indo-Pacific", "O'Brien"), or a clitic ("'s", "n't").
    Word,
    /// Digits with number punctuation ("5", "3.2", "1,000", "5-1/2", "1996-08-30", "3.").
    Number,
    /// Punctuation or a symbol: one character, or a run of one mark ("--", "...").
    Punct,
}

/// A token of the text: 9 bytes (offsets stored as `u32`; the analysis
/// reads texts up to 4 GiB, and the loader refuses larger files). Packed,
/// without padding: a text has a token per five bytes or so, and every
/// stage reads them all, so the list's size is memory touched and paged in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(C, packed)]
pub struct Token {
    start: u32,
    end: u32,
    pub kind: TokenKind,
}

impl Token {
    /// A token covering `span`. Offsets past 4 GiB are clamped.
    pub fn new(span: Span, kind: TokenKind) -> Self {
        let clamp = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        Token {
            start: clamp(span.start),
            end: clamp(span.end),
            kind,
        }
    }

    /// A token covering `start..end`, offsets the caller knows to be
    /// below 4 GiB (the tokenizer checks the text's length once).
    #[inline(always)]
    fn within_4gib(start: usize, end: usize, kind: TokenKind) -> Self {
        debug_assert!(u32::try_from(end).is_ok() && start <= end);
        Token {
            start: start as u32,
            end: end as u32,
            kind,
        }
    }

    /// The byte span the token covers.
    #[inline]
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span().of(text)
    }
}

/// Segments `text` into paragraphs, sentences and tokens.
///
/// The tokens are those of [`tokenize`], except that an abbreviation's dot
/// that also ends a sentence becomes a token of its own ("U.S" + "."), as in
/// CoNLL-2003.
///
/// ```
/// let text = "Mr. Lee flew to the U.S. The talks began.\nA second paragraph.";
/// let doc = gloss::analysis::segment::segment(text);
/// let sentences: Vec<&str> = doc.sentences.iter().map(|s| s.span.of(text)).collect();
/// assert_eq!(sentences, ["Mr. Lee flew to the U.S.", "The talks began.", "A second paragraph."]);
/// assert_eq!(doc.paragraphs.len(), 2);
/// ```
pub fn segment(text: &str) -> Document<'_> {
    let para_spans = paragraph_spans(text);
    // about one token per five bytes of news copy: reserved once, so that
    // the list is not copied as it grows
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut paragraphs = Vec::with_capacity(para_spans.len());
    // and a sentence per 100 to 150 bytes: reserved with room to spare
    let mut sentences = Vec::with_capacity(text.len() / 80 + 1);
    let mut sentence_tokens = Vec::with_capacity(text.len() / 80 + 1);
    // Indices (into `tokens` as tokenized) of abbreviations whose dot also
    // ends a sentence; they are split in place at the end.
    let mut splits: Vec<usize> = Vec::new();
    let mut ends = Vec::new();
    let mut marks = Vec::new();
    for (pi, p) in para_spans.iter().enumerate() {
        // Paragraphs cover all non-space text and end before white space,
        // so tokenizing them one by one gives the tokens of the whole
        // text; the sentence splitter then reads a paragraph's tokens
        // while they are fresh.
        let first = tokens.len();
        marks.clear();
        tokens::tokenize_range(text, p.start, p.end, &mut tokens, &mut marks);
        let first_sentence = sentences.len();
        let mut from = first;
        sentences::sentence_ends(text, &tokens[first..], &marks, &mut ends);
        for end in &ends {
            let to = first + end.end;
            let shift = splits.len();
            if let Some(k) = end.split_dot
                && tokens[first + k].span().len() > 1
            {
                splits.push(first + k);
            }
            // a "sentence" longer than any real one (a transcript or a list
            // with no full stop) is cut into pieces, at a mark where one is
            // near, so that the work per sentence stays bounded
            while to.saturating_sub(from) > MAX_SENTENCE_TOKENS {
                let limit = from + MAX_SENTENCE_TOKENS;
                let cut = (limit - CUT_REACH..limit)
                    .rev()
                    .find(|&k| tokens[k].kind == TokenKind::Punct)
                    .map_or(limit, |k| k + 1);
                if let (Some(a), Some(b)) = (tokens.get(from), tokens.get(cut - 1)) {
                    sentences.push(Sentence {
                        span: Span::new(a.span().start, b.span().end),
                        paragraph: pi,
                    });
                    sentence_tokens.push(from + shift..cut + shift);
                }
                from = cut;
            }
            if from < to
                && let (Some(a), Some(b)) = (tokens.get(from), tokens.get(to - 1))
            {
                sentences.push(Sentence {
                    span: Span::new(a.span().start, b.span().end),
                    paragraph: pi,
                });
                sentence_tokens.push(from + shift..to + splits.len());
            }
            from = to;
        }
        paragraphs.push(Paragraph {
            span: *p,
            sentences: first_sentence..sentences.len(),
        });
    }
    split_dots(&mut tokens, &splits);
    Document {
        text,
        paragraphs,
        sentences,
        tokens,
        sentence_tokens,
    }
}

/// The most tokens a sentence may have; a longer one is cut into pieces.
const MAX_SENTENCE_TOKENS: usize = 1024;

/// How far back from the limit a cut looks for a mark to fall after.
const CUT_REACH: usize = 64;

/// Splits the final dot off the tokens at `splits` (ascending indices), in
/// place: from the last split back, the tokens after each one move right in
/// one block, by one place per split up to it.
fn split_dots(tokens: &mut Vec<Token>, splits: &[usize]) {
    if splits.is_empty() {
        return;
    }
    let filler = Token::new(Span::new(0, 0), TokenKind::Punct);
    tokens.resize(tokens.len() + splits.len(), filler);
    // tokens[k + 1..end] (as tokenized) are the ones between this split and the next
    let mut end = tokens.len() - splits.len();
    for (before, &k) in splits.iter().enumerate().rev() {
        let shift = before + 1;
        tokens.copy_within(k + 1..end, k + 1 + shift);
        let t = tokens[k];
        let dot = t.span().end - 1;
        tokens[k + shift] = Token::new(Span::new(dot, t.span().end), TokenKind::Punct);
        tokens[k + shift - 1] = Token::new(Span::new(t.span().start, dot), t.kind);
        end = k;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        let d = segment(text);
        d.sentences.iter().map(|s| s.span.of(text)).collect()
    }

    #[test]
    fn a_sentence_longer_than_any_real_one_is_cut_after_a_mark() {
        // 3,000 words and a comma every 10 words, no full stop
        let text: String = (0..3000)
            .map(|i| if i % 10 == 9 { "word," } else { "word" })
            .collect::<Vec<_>>()
            .join(" ");
        let d = segment(&text);
        assert!(d.sentences.len() >= 3, "{}", d.sentences.len());
        for (s, r) in d.sentences.iter().zip(&d.sentence_tokens) {
            assert!(r.len() <= MAX_SENTENCE_TOKENS, "{r:?}");
            // every piece but the last ends after a comma
            if r.end < d.tokens.len() {
                assert!(s.span.of(&text).ends_with(','), "{:?}", s.span);
            }
        }
        // the pieces cover every token once, in order
        assert_eq!(d.sentence_tokens.first().map(|r| r.start), Some(0));
        assert!(d.sentence_tokens.windows(2).all(|w| w[0].end == w[1].start));
        assert_eq!(
            d.sentence_tokens.last().map(|r| r.end),
            Some(d.tokens.len())
        );
        // a real sentence is left whole
        assert_eq!(
            sents("One short sentence. Another."),
            ["One short sentence.", "Another."]
        );
    }

    #[test]
    fn one_paragraph_per_line() {
        let t = "First line here.\nSecond line.\n\nThird.";
        assert_eq!(segment(t).paragraphs.len(), 3);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let t = "Mr. Smith met Sen. Jones in the U.S. capital. They talked.";
        assert_eq!(
            sents(t),
            vec![
                "Mr. Smith met Sen. Jones in the U.S. capital.",
                "They talked."
            ]
        );
    }

    #[test]
    fn quote_after_full_stop_stays() {
        let t = "\"We will win.\" She left.";
        assert_eq!(sents(t), vec!["\"We will win.\"", "She left."]);
    }

    #[test]
    fn titles_initials_and_times_do_not_end_sentences() {
        let t =
            "Gov. Ana Ruiz met J. K. Rowling at 9 a.m. on Jan. 5 in room No. 4. Sen. Kim was late.";
        assert_eq!(
            sents(t),
            [
                "Gov. Ana Ruiz met J. K. Rowling at 9 a.m. on Jan. 5 in room No. 4.",
                "Sen. Kim was late."
            ]
        );
    }

    #[test]
    fn decimals_and_ellipses() {
        let t = "Growth was 3.5 percent... maybe less. Prices rose... The bank said so.";
        assert_eq!(
            sents(t),
            [
                "Growth was 3.5 percent... maybe less.",
                "Prices rose...",
                "The bank said so."
            ]
        );
    }

    #[test]
    fn an_abbreviation_ends_a_sentence_before_a_sentence_starter() {
        let t = "Talks resumed in the U.S. The envoy left the U.S. Embassy at noon.";
        let d = segment(t);
        assert_eq!(
            sents(t),
            [
                "Talks resumed in the U.S.",
                "The envoy left the U.S. Embassy at noon."
            ]
        );
        // the shared dot becomes its own token, as in CoNLL-2003
        let first: Vec<&str> = d.tokens[d.sentence_tokens[0].clone()]
            .iter()
            .map(|x| x.text(t))
            .collect();
        assert_eq!(first, ["Talks", "resumed", "in", "the", "U.S", "."]);
        let second: Vec<&str> = d.tokens[d.sentence_tokens[1].clone()]
            .iter()
            .map(|x| x.text(t))
            .collect();
        assert!(second.contains(&"U.S."), "{second:?}");
    }

    #[test]
    fn an_abbreviation_at_the_paragraph_end_gives_up_its_dot() {
        let t = "Shares of Acme Inc.
The firm (based in the U.S.)";
        let d = segment(t);
        let words: Vec<&str> = d.tokens.iter().map(|x| x.text(t)).collect();
        assert_eq!(
            words,
            [
                "Shares", "of", "Acme", "Inc", ".", "The", "firm", "(", "based", "in", "the",
                "U.S.", ")"
            ]
        );
    }

    #[test]
    fn quotes_after_the_stop_stay_and_speech_tags_attach() {
        let t = "\"We will not back down.\" The minister left. \"Why now?\" Lee asked. \"Stop!\" she cried.";
        assert_eq!(
            sents(t),
            [
                "\"We will not back down.\"",
                "The minister left.",
                "\"Why now?\" Lee asked.",
                "\"Stop!\" she cried."
            ]
        );
        let t = "He said it ended. “It is over.” Then he left.";
        assert_eq!(
            sents(t),
            ["He said it ended.", "“It is over.”", "Then he left."]
        );
    }

    #[test]
    fn one_glyph_for_opening_and_closing_quotes() {
        let t = "” We agree on trade”, Ruiz said. ” The rest is hard.”";
        assert_eq!(
            sents(t),
            ["” We agree on trade”, Ruiz said.", "” The rest is hard.”"]
        );
    }

    #[test]
    fn an_opening_quote_after_a_stop_starts_the_next_sentence() {
        let t = "The vote failed. \"We lost,\" she said.";
        assert_eq!(sents(t), ["The vote failed.", "\"We lost,\" she said."]);
    }

    #[test]
    fn sentences_index_their_tokens() {
        let t = "One two. Three four!\nFive.";
        let d = segment(t);
        assert_eq!(d.sentences.len(), 3);
        for (s, r) in d.sentences.iter().zip(&d.sentence_tokens) {
            assert_eq!(d.tokens[r.start].span().start, s.span.start);
            assert_eq!(d.tokens[r.end - 1].span().end, s.span.end);
        }
        assert_eq!(d.sentences[2].paragraph, 1);
    }
}
