//! Who said what in sentences whose speaker and speech verb are apart: a
//! clause between them ("X, who ..., said"), a description ending in a
//! name before the name itself, and "they" for a group named just before.
//! The sentences are written for these tests.

use gloss::analysis::{QuoteKind, analyze};

mod speech;
use speech::quotes;

#[test]
fn a_relative_clause_between_speaker_and_verb_is_stepped_over() {
    let a = analyze(
        "Harbour Minister Ines Duarte, who toured the docks on Monday, said the port \
         would reopen within a week.",
    );
    assert_eq!(
        quotes(&a),
        [(
            QuoteKind::Indirect,
            "Ines Duarte".to_string(),
            "the port would reopen within a week".to_string()
        )]
    );
}

#[test]
fn a_participle_clause_between_speaker_and_verb_is_stepped_over() {
    let a = analyze(
        "Mayor Tom Keller opened the new bridge on Friday.\n\n\
         Keller, asked whether the tolls would rise, said: \"Not while I am mayor.\"",
    );
    let q = quotes(&a);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Direct);
    assert_eq!(q[0].1, "Tom Keller");
    assert_eq!(q[0].2, "Not while I am mayor.");
}

#[test]
fn without_a_clause_opener_the_words_between_commas_are_no_speaker() {
    // "the old rival" is no clause: the appositive rule still applies,
    // and a capitalised word between commas is not stepped over
    let a = analyze("Ruth Amsel, the old rival, said the deal was fair.");
    assert_eq!(quotes(&a)[0].1, "Ruth Amsel");
    let a = analyze("In Denton, Texas, officials said the water was safe.");
    assert_eq!(quotes(&a)[0].1, "officials");
}

#[test]
fn the_name_after_a_description_of_an_institution_speaks() {
    let a = analyze(
        "The head of Norway's central bank, Marit Olsen, warned that prices \
         were still rising too fast.",
    );
    assert_eq!(
        quotes(&a),
        [(
            QuoteKind::Indirect,
            "Marit Olsen".to_string(),
            "prices were still rising too fast".to_string()
        )]
    );
}

#[test]
fn they_after_a_group_in_the_same_sentence_is_that_group() {
    let a = analyze(
        "Analysts at Harwick Securities said they expected a rate cut in March, but \
         they cautioned that oil prices could change the outlook.",
    );
    let q = quotes(&a);
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].2, "oil prices could change the outlook");
    assert_eq!(q[0].1, q[1].1, "{q:?}");
    assert_ne!(q[1].1, "they");
}

#[test]
fn a_second_verb_after_and_keeps_the_first_speaker_and_the_partial_quote_its_verb() {
    let a = analyze(
        "Fisheries minister Lena Okoro said stocks were \"close to collapse\" and urged \
         boats to stay in port.",
    );
    let q = quotes(&a);
    let partial = q
        .iter()
        .find(|x| x.0 == QuoteKind::Partial)
        .expect("the partial quote");
    assert_eq!(partial.1, "Lena Okoro", "{q:?}");
    let cue = a
        .quotes
        .iter()
        .find(|x| x.kind == QuoteKind::Partial)
        .and_then(|x| x.cue.clone());
    assert_eq!(cue.as_deref(), Some("said"));
    assert!(q.iter().all(|x| x.1 == "Lena Okoro"), "{q:?}");
}

#[test]
fn said_this_week_that_starts_the_clause_after_that() {
    let a = analyze(
        "Prime Minister Ana Brandt said this week that the country would leave the pact \
         by June and suggested that it would rejoin the customs union.",
    );
    let q = quotes(&a);
    assert_eq!(
        q,
        [
            (
                QuoteKind::Indirect,
                "Ana Brandt".to_string(),
                "the country would leave the pact by June".to_string()
            ),
            (
                QuoteKind::Indirect,
                "Ana Brandt".to_string(),
                "it would rejoin the customs union".to_string()
            ),
        ]
    );
}

#[test]
fn states_as_a_noun_is_no_speech_verb() {
    let a = analyze(
        "The commissioner said the bloc would pay more only if China and the Gulf states \
         also contributed to the fund.",
    );
    let q = quotes(&a);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(
        q[0].2,
        "the bloc would pay more only if China and the Gulf states also contributed to the fund"
    );
    // with "that" it still reports
    let a = analyze("In its filing, the ministry states that the dam was never inspected.");
    assert_eq!(quotes(&a).len(), 1);
}

#[test]
fn told_someone_named_in_an_appositive_then_that_reports_with_its_quotation() {
    let a = analyze(
        "Foreign Minister Rosa Vidal told her Chilean counterpart, Tomas Herrera, that Peru \
         wanted \"more trade and fewer tariffs.\" Herrera replied that Chile had never raised \
         a tariff.",
    );
    let q = quotes(&a);
    let partial = q.iter().find(|x| x.0 == QuoteKind::Partial);
    assert_eq!(partial.map(|x| x.1.as_str()), Some("Rosa Vidal"), "{q:?}");
    assert!(
        q.iter()
            .any(|x| x.1 == "Tomas Herrera" && x.2 == "Chile had never raised a tariff"),
        "{q:?}"
    );
}

#[test]
fn a_question_in_its_own_sentence_before_asked_is_unmarked_speech() {
    let a = analyze(
        "Minister Rosa Vidal spoke on Friday.\n\nWho will pay for the new bridge? Vidal asked \
         at a forum in Lima on Thursday.",
    );
    assert_eq!(
        quotes(&a),
        [(
            QuoteKind::Unmarked,
            "Rosa Vidal".to_string(),
            "Who will pay for the new bridge?".to_string()
        )]
    );
    // a question the next sentence answers is nobody's words
    let a = analyze("Who will pay for the new bridge? That question divided the council.");
    assert!(quotes(&a).is_empty());
}

#[test]
fn a_description_ending_in_chief_before_a_name_lets_the_name_speak() {
    let a = analyze(
        "\u{201c}The rules apply to everyone,\u{201d} the bloc's trade chief, Hanna Lind, \
         told reporters in Geneva.",
    );
    assert_eq!(
        quotes(&a),
        [(
            QuoteKind::Direct,
            "Hanna Lind".to_string(),
            "The rules apply to everyone,".to_string()
        )]
    );
    let a = analyze("\u{201c}We are ready,\u{201d} the fire chief said.");
    assert_eq!(quotes(&a)[0].1, "fire chief");
}

#[test]
fn the_words_after_told_are_who_heard_them_never_the_speaker() {
    // no speaker before "told": better none than the audience
    let a = analyze("\u{201c}Nothing has changed,\u{201d} told reporters in Lisbon.");
    assert!(
        quotes(&a).iter().all(|q| q.1 != "reporters"),
        "{:?}",
        quotes(&a)
    );
}

#[test]
fn a_noun_pair_like_conference_call_is_no_speaker_and_verb() {
    // "a conference call" must not become the antecedent of "He"
    let a = analyze(
        "\u{201c}The deal is done,\u{201d} chief executive Owen Pratt told investors on a \
         conference call. He said the two plants would stay open.",
    );
    let q = quotes(&a);
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].1, "Owen Pratt");
    assert_eq!(q[1].2, "the two plants would stay open");
    // with a clause after it, a bare verb still has its subject
    let a = analyze("Farmers across the region say the rain came too late.");
    assert_eq!(quotes(&a).len(), 1, "{:?}", quotes(&a));
}

#[test]
fn a_name_joined_by_of_speaks_as_a_whole_after_its_words() {
    let a = analyze(
        "Three wells were closed after the flood, the Oregon Department of Water \
         Resources said.",
    );
    let q = quotes(&a);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "Oregon Department of Water Resources");
    assert_eq!(q[0].2, "Three wells were closed after the flood");
    let a = analyze("The Ministry of Transport said the bridge would reopen in May.");
    assert_eq!(quotes(&a)[0].1, "Ministry of Transport");
}

#[test]
fn plain_nouns_before_a_known_head_belong_to_the_speaker() {
    let a = analyze("The road will stay closed until Friday, Idaho transport officials said.");
    let q = quotes(&a);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "Idaho transport officials");
    let a = analyze("\u{201c}Stay indoors,\u{201d} the county fire chief said.");
    assert_eq!(quotes(&a)[0].1, "county fire chief");
}

#[test]
fn a_dateline_is_not_part_of_the_words_a_closing_frame_reports() {
    let a = analyze(
        "MADRID (Reuters) - Valdera Rail will cut 400 jobs at its two northern plants, \
         the company said on Monday.",
    );
    let q = quotes(&a);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(
        q[0].2,
        "Valdera Rail will cut 400 jobs at its two northern plants"
    );
}

#[test]
fn a_frame_between_commas_reports_the_clause_around_it() {
    let a = analyze("The new line, she said on Monday, would open before the winter.");
    let q = quotes(&a);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Indirect);
    assert_eq!(
        q[0].2,
        "The new line, she said on Monday, would open before the winter"
    );
    // a naming participle between commas reports nothing
    let a = analyze("The scheme, called FastPass, lets commuters skip the queue.");
    assert!(quotes(&a).is_empty(), "{:?}", quotes(&a));
}

#[test]
fn a_possessive_subject_and_a_bare_verb_form_are_one_noun() {
    // "demand" is the noun of "water demand", not a verb of speech
    let a = analyze("Portugal's water demand hit a record on Monday as the heat spread north.");
    assert!(quotes(&a).is_empty(), "{:?}", quotes(&a));
}

#[test]
fn plain_nouns_describing_a_name_belong_to_the_speaker() {
    let a = analyze("Power use hit a record on Monday afternoon, grid operator Volta Norte said.");
    let q = quotes(&a);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, "Power use hit a record on Monday afternoon");
}

#[test]
fn a_closing_frame_may_end_in_a_phrase_after_a_comma() {
    let a = analyze(
        "Drones struck two power plants in the east overnight, officials said on \
         Saturday, a day after the talks in Geneva ended.",
    );
    let q = quotes(&a);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "officials");
    assert_eq!(
        q[0].2,
        "Drones struck two power plants in the east overnight"
    );
}

#[test]
fn a_verb_without_a_clause_of_its_own_does_not_cut_the_reported_clause() {
    let a = analyze("Analysts said the drop in orders was larger than they had feared.");
    let q = quotes(&a);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, "the drop in orders was larger than they had feared");
}

#[test]
fn someone_for_a_named_person_speaks_not_the_person() {
    let a = analyze(
        "Mayor Lena Brandt did not attend. A spokesman for Ms Brandt said: \"The mayor \
         was ill.\"",
    );
    let q = quotes(&a);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "spokesman for Ms Brandt");
    let a = analyze("Analysts at Nordbank said the cut came too late.");
    assert_eq!(quotes(&a)[0].1, "Analysts at Nordbank");
    // a title at the start keeps the name it belongs to
    let a = analyze("Secretary of State Ana Ruiz said the talks would go on.");
    assert_eq!(quotes(&a)[0].1, "Ana Ruiz");
}
