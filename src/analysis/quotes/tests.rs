//! Tests of the whole quote finder on news-style sentences written for them.

use super::*;
use crate::analysis::{Document, Entity, EntityKind};

/// (kind, content, speaker name, cue) of every quote of `text`.
fn quotes_with(text: &str, entities: &[Entity]) -> Vec<(QuoteKind, String, String, String)> {
    let doc = Document::new(text);
    find(&doc, entities)
        .into_iter()
        .map(|q| {
            (
                q.kind,
                q.content.of(text).to_string(),
                q.speaker_name.unwrap_or_default(),
                q.cue.unwrap_or_default(),
            )
        })
        .collect()
}

fn quotes(text: &str) -> Vec<(QuoteKind, String, String, String)> {
    quotes_with(text, &[])
}

/// (content, speaker name) pairs.
fn said(text: &str) -> Vec<(String, String)> {
    quotes(text).into_iter().map(|q| (q.1, q.2)).collect()
}

fn pair(content: &str, speaker: &str) -> (String, String) {
    (content.to_string(), speaker.to_string())
}

/// An entity of `kind` whose mentions are every occurrence of `forms` in `text`.
fn entity(id: usize, kind: EntityKind, name: &str, text: &str, forms: &[&str]) -> Entity {
    let mut mentions: Vec<Span> = Vec::new();
    for f in forms {
        let mut from = 0;
        while let Some(i) = text[from..].find(f) {
            let s = from + i;
            let e = s + f.len();
            if !mentions.iter().any(|m| m.overlaps(&Span::new(s, e))) {
                mentions.push(Span::new(s, e));
            }
            from = e;
        }
    }
    mentions.sort();
    Entity {
        id,
        kind,
        name: name.to_string(),
        role: None,
        aliases: forms
            .iter()
            .filter(|f| **f != name)
            .map(|f| f.to_string())
            .collect(),
        mentions,
        ambiguous: Vec::new(),
    }
}

#[test]
fn speaker_after_the_quote() {
    let q = quotes("“The bridge will open in May,” Mayor Ana Ruiz said on Monday.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Direct);
    assert_eq!(q[0].1, "The bridge will open in May,");
    assert_eq!(q[0].2, "Ana Ruiz");
    assert_eq!(q[0].3, "said");
}

#[test]
fn speaker_before_the_quote() {
    assert_eq!(
        said("Mayor Ana Ruiz said: “We will rebuild the bridge.”"),
        vec![pair("We will rebuild the bridge.", "Ana Ruiz")]
    );
    assert_eq!(
        said("The harbour master told reporters, “No ship leaves tonight.”"),
        vec![pair("No ship leaves tonight.", "harbour master")]
    );
}

#[test]
fn speaker_after_the_cue() {
    assert_eq!(
        said("“The vote is final,” said Tom Berg, the council clerk."),
        vec![pair("The vote is final,", "Tom Berg")]
    );
}

#[test]
fn speaker_inside_the_quote() {
    let q = said("“We tried,” she said, “but the river won.”");
    assert_eq!(
        q,
        vec![pair("We tried,", "she"), pair("but the river won.", "she")]
    );
    let q = said("“We are ready,” the coach said. “Nobody is leaving this club.”");
    assert_eq!(q.len(), 2, "{q:?}");
    assert!(q.iter().all(|(_, s)| s == "coach"), "{q:?}");
}

#[test]
fn titles_and_descriptions_name_the_speaker() {
    assert_eq!(
        said("“The talks went well,” State Department spokesman Lena Ortiz said in a statement."),
        vec![pair("The talks went well,", "Lena Ortiz")]
    );
    assert_eq!(
        said("“Nothing was decided,” a senior official said."),
        vec![pair("Nothing was decided,", "a senior official")]
    );
    assert_eq!(
        said("Farm officials have said that the harvest will be late this year."),
        vec![pair("the harvest will be late this year", "Farm officials")]
    );
}

#[test]
fn every_mark_style() {
    let styles = [
        "\"The dam is safe,\" the engineer said.",
        "“The dam is safe,” the engineer said.",
        "«The dam is safe,» the engineer said.",
        "„The dam is safe,“ the engineer said.",
        "''The dam is safe,'' the engineer said.",
        "” The dam is safe”, the engineer said.",
    ];
    for t in styles {
        let q = said(t);
        assert_eq!(q.len(), 1, "{t}: {q:?}");
        assert_eq!(
            q[0].0.trim().trim_end_matches(','),
            "The dam is safe",
            "{t}"
        );
        assert_eq!(q[0].1, "engineer", "{t}");
    }
    // single marks outside double ones: a quoted fragment
    let q = said("The union leader said the offer was ‘an insult to every nurse’ and walked out.");
    assert!(
        q.iter()
            .any(|(c, s)| c == "an insult to every nurse" && s == "union leader"),
        "{q:?}"
    );
}

#[test]
fn marks_glued_to_words() {
    let q = said("Ruiz told Berg,” I expect clear talks,” adding that” I trust you.”");
    assert_eq!(
        q,
        vec![
            pair("I expect clear talks,", "Ruiz"),
            pair("I trust you.", "Ruiz")
        ]
    );
}

#[test]
fn apostrophes_and_scare_quotes_are_not_quotes() {
    assert!(said("Chile’s voters went to the polls in the mayor’s district.").is_empty());
    assert!(said("The so-called “reform” plan stalled in committee again.").is_empty());
    assert!(said("She starred in “The Long Road Home” last year.").is_empty());
}

#[test]
fn pronouns_across_sentences_and_paragraphs() {
    let t = "Ana Ruiz said the bridge was safe.\nLater she added: “We will rebuild it anyway.”";
    let q = said(t);
    assert_eq!(
        q.last(),
        Some(&pair("We will rebuild it anyway.", "Ana Ruiz"))
    );
    // the latest speaker wins
    let t = "“The budget is sound,” Ana Ruiz said.\n“It is not,” Tom Berg said.\n“We will see,” he said.";
    let q = said(t);
    assert_eq!(q.last(), Some(&pair("We will see,", "Tom Berg")), "{q:?}");
    // a pronoun with nobody before it stays a pronoun
    assert_eq!(
        said("“We will see,” he said."),
        vec![pair("We will see,", "he")]
    );
}

#[test]
fn pronouns_resolve_to_people_the_entities_name() {
    let t =
        "Ana Ruiz met Tom Berg on Monday.\nRuiz arrived first. “The budget is sound,” she said.";
    let ents = [
        entity(0, EntityKind::Person, "Ana Ruiz", t, &["Ana Ruiz", "Ruiz"]),
        entity(1, EntityKind::Person, "Tom Berg", t, &["Tom Berg"]),
    ];
    let doc = Document::new(t);
    let q = find(&doc, &ents);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].speaker, Some(0));
    assert_eq!(q[0].speaker_span.map(|s| s.of(t)), Some("she"));
}

#[test]
fn unattributed_quote_paragraph_inherits_its_speaker() {
    let t = "“The first phase is done,” Ruiz said.\n“The second phase starts in May.”\nThe council will vote on Friday.";
    assert_eq!(
        said(t),
        vec![
            pair("The first phase is done,", "Ruiz"),
            pair("The second phase starts in May.", "Ruiz")
        ]
    );
}

#[test]
fn quote_over_two_paragraphs_takes_the_next_paragraph_speaker() {
    let t = "“The first phase is done.\n“The second phase starts in May,” Ruiz said.";
    assert_eq!(
        said(t),
        vec![
            pair("The first phase is done.", "Ruiz"),
            pair("The second phase starts in May,", "Ruiz")
        ]
    );
}

#[test]
fn odd_mark_counts_keep_the_other_quotes() {
    let t = "A stray “mark opens here and never closes.\n“The port is open,” the harbour master said.\nShe left “early.";
    let q = said(t);
    assert!(
        q.contains(&pair("The port is open,", "harbour master")),
        "{q:?}"
    );
}

#[test]
fn addressees_from_told_and_said_to() {
    let t = "Ruiz told Berg that the budget was sound.\n“It is not,” Berg said to Ruiz.";
    let ents = [
        entity(0, EntityKind::Person, "Ana Ruiz", t, &["Ruiz"]),
        entity(1, EntityKind::Person, "Tom Berg", t, &["Berg"]),
    ];
    let doc = Document::new(t);
    let q = find(&doc, &ents);
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!((q[0].speaker, q[0].addressee), (Some(0), Some(1)));
    assert_eq!(q[0].content.of(t), "the budget was sound");
    assert_eq!((q[1].speaker, q[1].addressee), (Some(1), Some(0)));
}

#[test]
fn indirect_forms() {
    let cases = [
        (
            "Ruiz said the budget was sound.",
            "the budget was sound",
            "Ruiz",
        ),
        (
            "Ruiz noted that the budget was sound.",
            "the budget was sound",
            "Ruiz",
        ),
        (
            "According to the ministry, the dam will hold until spring.",
            "the dam will hold until spring",
            "ministry",
        ),
        (
            "The dam will hold until spring, according to the ministry.",
            "The dam will hold until spring",
            "ministry",
        ),
        (
            "The dam will hold until spring, officials said on Tuesday.",
            "The dam will hold until spring",
            "officials",
        ),
        (
            "The farmers were informed by the ministry that the dam would hold.",
            "the dam would hold",
            "ministry",
        ),
        (
            "Berg announced on Friday that he would retire in June.",
            "he would retire in June",
            "Berg",
        ),
        (
            "The mayor spoke briefly, saying that the roads would reopen soon.",
            "the roads would reopen soon",
            "mayor",
        ),
    ];
    for (t, content, speaker) in cases {
        let q = quotes(t);
        assert_eq!(q.len(), 1, "{t}: {q:?}");
        assert_eq!(q[0].0, QuoteKind::Indirect, "{t}");
        assert_eq!(q[0].1, content, "{t}");
        assert!(q[0].2.ends_with(speaker), "{t}: {:?}", q[0].2);
    }
}

#[test]
fn a_verb_inside_reported_speech_is_not_another_speaker() {
    let q = said("Ruiz said she believed the plan would work.");
    assert_eq!(q, vec![pair("she believed the plan would work", "Ruiz")]);
}

#[test]
fn a_question_then_its_asker_is_unmarked_speech() {
    let q = quotes("Will the bridge open before winter? the reporter asked.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Unmarked);
    assert_eq!(q[0].1, "Will the bridge open before winter?");
    assert_eq!(q[0].2, "reporter");
}

#[test]
fn partial_quote_in_the_writers_sentence() {
    let q = quotes("Ruiz called the delay “a failure of planning” on Monday.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Partial);
    assert_eq!(q[0].1, "a failure of planning");
    assert_eq!(q[0].2, "Ruiz");
}

#[test]
fn quotes_come_in_text_order_and_never_overlap_the_same_span() {
    let t = "“One,” Ruiz said. Berg said the count was wrong. “Two,” Ruiz said.";
    let doc = Document::new(t);
    let q = find(&doc, &[]);
    assert!(
        q.windows(2)
            .all(|w| w[0].content.start < w[1].content.start),
        "{q:?}"
    );
}

#[test]
fn empty_and_markless_text() {
    assert!(quotes("").is_empty());
    assert!(quotes("\n\n").is_empty());
    assert!(quotes("The river rose overnight and the roads closed.").is_empty());
}

#[test]
fn a_noun_phrase_cue_reports_its_object_up_to_a_second_verb() {
    let q = quotes("The union criticized the pay offer as unfair and has called a strike.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Indirect);
    assert_eq!(q[0].1, "the pay offer as unfair");
    assert_eq!(q[0].2, "union");
}

#[test]
fn shares_of_people_in_polls_are_speakers() {
    let cases = [
        (
            "In the survey, 47 percent said the bridge should be rebuilt.",
            "47 percent",
        ),
        (
            "Sixty-one percent of likely voters say the tunnel is too costly.",
            "voters",
        ),
        (
            "About 4 in 10 say the harbour plan goes too far.",
            "About 4 in 10",
        ),
        (
            "Nearly half said they would ride the new tram line.",
            "Nearly half",
        ),
        (
            "At least half of residents in each district say the rents are too high.",
            "At least half of residents in each district",
        ),
    ];
    for (t, speaker) in cases {
        let q = quotes(t);
        assert_eq!(q.len(), 1, "{t}: {q:?}");
        assert_eq!(q[0].0, QuoteKind::Indirect, "{t}");
        assert!(q[0].2.ends_with(speaker), "{t}: {:?}", q[0].2);
    }
}

#[test]
fn numbers_that_are_not_shares_of_people_name_no_one() {
    // an ordinal, a sum and a year are not people
    for t in [
        "For the third time the council said the vote was delayed.",
        "The repairs cost $20 million, engineers said on Monday.",
        "In 2019 the council said the vote was delayed.",
    ] {
        let q = quotes(t);
        assert!(
            q.iter().all(|q| !q.2.contains("third")
                && !q.2.contains("million")
                && !q.2.contains("2019")),
            "{t}: {q:?}"
        );
    }
}

#[test]
fn hopes_and_suggestions_report_their_clause() {
    let q = said("The mayor suggested the bridge would reopen in May.");
    assert_eq!(q, vec![pair("the bridge would reopen in May", "mayor")]);
    let q = said("Ruiz hopes to finish the harbour wall before winter.");
    assert_eq!(
        q,
        vec![pair("to finish the harbour wall before winter", "Ruiz")]
    );
}

#[test]
fn an_attitude_needs_a_named_holder_in_a_main_clause() {
    // generic "you", a conditional and a relative clause report no one
    assert!(quotes("If you hope to find parking downtown, arrive early.").is_empty());
    assert!(quotes("Residents who hope to stay in the district face rising rents.").is_empty());
    // inside someone's reported words, the attitude is part of them
    let q = said("Berg said the council hopes to open the bridge in May.");
    assert_eq!(
        q,
        vec![pair("the council hopes to open the bridge in May", "Berg")]
    );
}

#[test]
fn a_clause_ends_before_a_comparison() {
    let q = said("Tenants said rents were too high, while landlords disagreed.");
    assert_eq!(q, vec![pair("rents were too high", "Tenants")]);
}

#[test]
fn transcript_labels_in_capitals_speak_the_whole_paragraph() {
    let t = "The mayor spoke with Ana Ruiz on the radio.\n\n\
             RUIZ: Will the bridge open in May? Many listeners asked me.\n\n\
             MAYOR BERG: I think it will. We said so in March, and the engineers agree.";
    let q = quotes(t);
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(
        q[0].1,
        "Will the bridge open in May? Many listeners asked me"
    );
    assert_eq!(q[0].2, "RUIZ");
    assert_eq!(
        q[1].1,
        "I think it will. We said so in March, and the engineers agree"
    );
    assert!(q[1].2.ends_with("BERG"), "{q:?}");
    // a headline label in ordinary case keeps to its sentence
    let q = quotes("Ruiz: The bridge will open in May. Critics doubt it.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "The bridge will open in May");
}

#[test]
fn a_long_source_after_an_opening_according_to() {
    let q = said(
        "According to early figures from a survey of commuters taken by the city council, most riders want a later last train.",
    );
    assert_eq!(
        q,
        vec![pair(
            "most riders want a later last train",
            "early figures from a survey of commuters taken by the city council"
        )]
    );
    // mid-sentence, no phrase up to a comma is taken as the source
    assert!(
        quotes("The plan went ahead according to what the council had agreed, and work began.")
            .is_empty()
    );
}

#[test]
fn a_paragraph_read_near_a_sentence_is_the_paragraph_searched_for() {
    let text = "The mayor spoke first. She said the bridge would open.\n\nCritics disagreed. \
                They said the cost had doubled, and the council said nothing.";
    let doc = Document::new(text);
    let (cx, _) = Ctx::with_quotations(&doc);
    assert!(doc.paragraphs.len() >= 2);
    for i in 0..doc.tokens.len() {
        for s in 0..doc.sentences.len() + 1 {
            assert_eq!(
                cx.paragraph_of_token_near(i, s),
                cx.paragraph_of_token(i),
                "token {i}, sentence {s}"
            );
        }
    }
}

#[test]
fn word_shapes_are_read_from_bytes_and_characters_alike() {
    let text = "Émile Zola’s über-fan, Smith's aide and the family quietly said yes.";
    let doc = Document::new(text);
    let (cx, _) = Ctx::with_quotations(&doc);
    let at = |w: &str| (0..doc.tokens.len()).find(|&i| cx.word(i) == w);
    let shape = |w: &str| at(w).map(|i| (cx.capitalised(i), cx.possessive(i), cx.ly_adverb(i)));
    assert_eq!(shape("Émile"), Some((true, false, false)));
    assert_eq!(shape("über-fan"), Some((false, false, false)));
    assert_eq!(shape("Smith").map(|s| s.0), Some(true));
    assert_eq!(shape("family"), Some((false, false, false)));
    assert_eq!(shape("quietly"), Some((false, false, true)));
    assert_eq!(shape(","), Some((false, false, false)));
    // the clitic may be a token of its own or part of its word
    for owner in [at("Zola’s").or(at("’s")), at("Smith's").or(at("'s"))] {
        assert!(owner.is_some_and(|i| cx.possessive(i)));
    }
}
