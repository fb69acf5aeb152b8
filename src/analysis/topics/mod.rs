//! Topics: the threads an article follows and the paragraphs of each.
//!
//! Entry point: [`find`]. A topic is a short label (a named thing such as
//! "Taiwan" or a key phrase such as "human rights"), the keywords and
//! entities that make it up, and the paragraphs that discuss it, ranked by
//! how central it is.
//!
//! The method is keyphrase statistics, in two stages:
//!
//! - [`terms`] counts words (by lemma-like key), names (entities, or runs
//!   of capitalised words split at titles) and repeated short phrases in
//!   one pass, with the paragraphs of each;
//! - [`threads`] groups names the text links (country, nationality word,
//!   capital, full name and surname), scores every candidate by how much
//!   rarer it is than in everyday English ([`lexicon`], a background
//!   frequency list) and how widely it spreads over the paragraphs, then
//!   folds related words into threads by shared words and paragraph
//!   co-occurrence.
//!
//! It never reads the network or the clock; time and memory are linear in
//! the text (capped tables, a bounded candidate pool). Stop words, generic
//! news words ("said", "officials"), numbers, money and dates never make a
//! topic.

mod background;
pub mod lexicon;
mod mentions;
mod spelling;
pub mod terms;
pub mod threads;

use super::{Document, Entity, Topic};

/// Finds the article's topics, most central first (at most
/// [`threads::MAX_TOPICS`]).
///
/// ```
/// use gloss::analysis::{topics, Document};
/// let text = "Tariffs on steel rose again.\nSteel makers blamed the tariffs.\n\
///             The weather was mild.\nSteel prices fell after the tariffs.";
/// let doc = Document::new(text);
/// let found = topics::find(&doc, &[]);
/// assert!(found.iter().any(|t| t.label == "steel" && t.paragraphs == vec![0, 1, 3]));
/// ```
pub fn find(doc: &Document<'_>, entities: &[Entity]) -> Vec<Topic> {
    let table = terms::TermTable::collect(doc, entities);
    threads::threads(&table, doc.paragraphs.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topics_of(text: &str) -> Vec<Topic> {
        let doc = Document::new(text);
        find(&doc, &[])
    }

    fn topic_with<'a>(topics: &'a [Topic], word: &str) -> Option<&'a Topic> {
        topics.iter().find(|t| {
            t.label.eq_ignore_ascii_case(word)
                || t.keywords.iter().any(|k| k.eq_ignore_ascii_case(word))
        })
    }

    const TOWN: &str = "The council of Riverton voted on Tuesday to raise water rates by 12 percent, the mayor said.\n\
        Residents packed the hall to protest the water rates, which they said would hurt families.\n\
        Council members said the reservoir needs repairs after years of drought.\n\
        The drought has left the reservoir at its lowest level since 1998.\n\
        Engineers warned that another summer of drought could empty the reservoir.\n\
        Separately, the council approved a bike lane on Harbor Street.\n\
        Cyclists welcomed the bike lane, though shop owners on Harbor Street worried about parking.\n\
        Farmers east of the town said the drought had already cost them a harvest.\n\
        The new water rates take effect in March, officials said.";

    #[test]
    fn threads_of_a_town_story_with_their_paragraphs() {
        let topics = topics_of(TOWN);
        let water = topic_with(&topics, "water rates").expect("water rates");
        assert_eq!(water.label, "water rates");
        assert_eq!(water.paragraphs, vec![0, 1, 8]);
        let lane = topic_with(&topics, "bike lane").expect("bike lane");
        assert_eq!(lane.paragraphs, vec![5, 6]);
        let street = topic_with(&topics, "Harbor Street").expect("Harbor Street");
        assert_eq!(street.paragraphs, vec![5, 6]);
        // the reservoir keeps the drought company in three paragraphs: one
        // thread, named by the wider of the two
        let drought = topic_with(&topics, "drought").expect("drought");
        assert_eq!(drought.label, "drought");
        assert!(
            drought.keywords.iter().any(|k| k == "reservoir"),
            "{drought:?}"
        );
        assert_eq!(drought.paragraphs, vec![2, 3, 4, 7]);
        let with_reservoir = topics
            .iter()
            .filter(|t| t.keywords.iter().any(|k| k == "reservoir"))
            .count();
        assert_eq!(with_reservoir, 1, "{topics:?}");
    }

    #[test]
    fn topics_are_sorted_and_bounded() {
        let topics = topics_of(TOWN);
        assert!(
            (3..=threads::MAX_TOPICS).contains(&topics.len()),
            "{topics:?}"
        );
        assert!(topics.windows(2).all(|w| w[0].score >= w[1].score));
        assert!(topics.iter().all(|t| !t.paragraphs.is_empty()));
        assert!(
            topics
                .iter()
                .all(|t| t.paragraphs.windows(2).all(|w| w[0] < w[1]))
        );
    }

    #[test]
    fn stop_words_numbers_and_generic_words_are_never_labels() {
        let text = "The 2024 figures said that it was 40 percent, officials said.\n\
            Officials said the 2024 figures were about 40 percent of the issues.\n\
            It said the issues were there, and officials said so again in 2024.";
        for t in topics_of(text) {
            let l = t.label.to_lowercase();
            assert!(!lexicon::is_stop_word(&l), "{t:?}");
            assert!(!lexicon::is_generic(&l), "{t:?}");
            assert!(!l.chars().any(|c| c.is_ascii_digit()), "{t:?}");
            for k in &t.keywords {
                assert!(!k.chars().all(|c| c.is_ascii_digit()), "{t:?}");
                assert!(!lexicon::is_stop_word(&k.to_lowercase()), "{t:?}");
            }
        }
    }

    #[test]
    fn a_country_its_capital_nationality_and_leader_fold_together() {
        let text = "Russia massed troops near the border on Monday.\n\
            Moscow denied any plan to invade, and Russian diplomats called the reports false.\n\
            Russian President Vladimir Putin spoke with the French leader by phone.\n\
            Farmers in the valley worried about the harvest.\n\
            The harvest fell short for the second year.\n\
            Russia later moved more troops to the border.";
        let topics = topics_of(text);
        let russia = topic_with(&topics, "Russia").expect("Russia");
        assert_eq!(russia.label, "Russia");
        for k in ["Moscow", "Russian", "Vladimir Putin"] {
            assert!(russia.keywords.iter().any(|x| x == k), "{k} in {russia:?}");
        }
        assert_eq!(russia.paragraphs, vec![0, 1, 2, 5]);
        let harvest = topic_with(&topics, "harvest").expect("harvest");
        assert_eq!(harvest.paragraphs, vec![3, 4]);
    }

    #[test]
    fn lines_of_communication_are_communication_lines() {
        let text = "Both governments promised to keep lines of communication open.\n\
            The talks ended without a deal on tariffs.\n\
            Diplomats said the communication lines had helped in a crisis.\n\
            Tariffs on steel will rise next year.";
        let topics = topics_of(text);
        let lines = topic_with(&topics, "lines of communication").expect("lines of communication");
        assert_eq!(lines.paragraphs, vec![0, 2]);
        let tariffs = topic_with(&topics, "tariffs").expect("tariffs");
        assert_eq!(tariffs.paragraphs, vec![1, 3]);
    }

    #[test]
    fn verbs_speaker_tags_and_datelines_are_never_topics() {
        let text = "RIVERTON, Ohio — The flood fills them with dread, farmers said.\n\
            HOLT: Does the flood worry you?\n\
            MARSH: The flood fills them with fear, and the levee may fail.\n\
            HOLT: And the levee?\n\
            MARSH: The levee fills them with hope. The flood will pass.";
        let topics = topics_of(text);
        for t in &topics {
            for bad in ["fills", "fill", "RIVERTON", "HOLT", "MARSH"] {
                assert!(!t.label.eq_ignore_ascii_case(bad), "{bad} in {topics:?}");
                assert!(!t.keywords.iter().any(|k| k == bad), "{bad} in {topics:?}");
            }
        }
        // the nouns of the same sentences still make topics
        assert!(topic_with(&topics, "flood").is_some(), "{topics:?}");
        assert!(topic_with(&topics, "levee").is_some(), "{topics:?}");
    }

    #[test]
    fn a_place_recognised_in_a_capital_dateline_is_named_as_written() {
        let analysis = crate::analysis::analyze(
            "BRUSSELS — European leaders met in Brussels on Friday to discuss defense.\n\
             The leaders in Brussels agreed to spend more on defense.\n\
             Brussels will host the next meeting on defense.",
        );
        assert!(
            analysis.topics.iter().all(|t| t.label != "BRUSSELS"),
            "{:?}",
            analysis.topics
        );
    }

    #[test]
    fn an_empty_text_has_no_topics() {
        assert!(topics_of("").is_empty());
        assert!(topics_of("   \n\n").is_empty());
    }
}
