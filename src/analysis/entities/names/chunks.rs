//! Cutting one chunk of capitalised words ("US Secretary of State Antony
//! Blinken") into known phrases, titles and name runs, and the name runs
//! into mentions (typed by [`super::typing`]). Finding the chunks belongs
//! to [`super`].

use super::*;

/// A segment of a chunk.
pub(super) enum Segment<'l> {
    Known(Range<usize>, &'l KnownPhrase),
    Title(Range<usize>),
    Name(Range<usize>),
}

/// [`analyze_chunk`] for a chunk of one capitalised word that starts no
/// known phrase and no title (most chunks): the same decisions, without
/// cutting it into segments. (No particles can follow the word inside the
/// chunk, and it is no mark.)
#[inline]
pub(super) fn analyze_single(
    ws: &Words<'_>,
    lex: &'static Lexicon,
    k: usize,
    sentence_end: usize,
    found: &mut Found,
) {
    let w = &ws.words[k];
    let common = (w.opens && w.facts.is_common()) || is_closed_class(ws.key(k));
    // a leading common word or connector is dropped, and then nothing is
    // left; a connector alone (a particle too) is no name
    if is_connector(ws, k) || (common && !is_initial(ws, k)) {
        return;
    }
    let mut prev_title = found
        .titles
        .last()
        .is_some_and(|t| k > 0 && t.end == k && ws.words[k - 1].sentence == ws.words[k].sentence);
    split_at_and(ws, k..k + 1, |part| {
        if let Some(m) = type_name(ws, lex, part, prev_title, sentence_end) {
            found.mentions.push(m);
        }
        prev_title = false;
    });
}

/// Cuts one chunk of capitalised words into known phrases, titles and names.
pub(super) fn analyze_chunk(
    ws: &Words<'_>,
    lex: &'static Lexicon,
    chunk: Range<usize>,
    sentence_end: usize,
    found: &mut Found,
) {
    let (mut s, e) = (chunk.start, chunk.end);
    // Leading common words ("The", "When", "After") are no names, unless a
    // gazetteer or the title list knows the phrase they start.
    while s < e {
        let w = &ws.words[s];
        let key = ws.key(s);
        let common = (w.opens && w.facts.is_common()) || is_closed_class(key);
        let droppable = (common && !is_initial(ws, s))
            || (is_connector(ws, s)
                && !(is_particle(ws, s) && w.is_capital())
                && !particles_before_name(ws, s, e))
            || w.shape == Shape::Punct;
        if droppable
            && phrase_at(ws, lex, s, e, false).is_none()
            && title_at(ws, lex, s, e).is_none()
        {
            s += 1;
        } else {
            break;
        }
    }
    let mut segments = std::mem::take(&mut found.segments);
    segments.clear();
    let mut run: Option<usize> = None;
    let mut k = s;
    while k < e {
        // inside a person's name, a word that is also a city or a title is
        // the surname: "Mark Cairns", "John Major"
        let run_is_person = run.is_some_and(|r| {
            k > r && {
                let prev = ws.facts(k - 1);
                prev.is_given_name() || prev.surname_rank().is_some() && k - r == 1
            }
        });
        let next_is_name = k + 1 >= e || !ws.words[k + 1].is_capital();
        if run_is_person && next_is_name && ws.words[k].shape == Shape::Capitalized {
            // after a given name, a country or region too: "Bob Jordan"
            let after_given = ws.facts(k - 1).is_given_name();
            let single_city = phrase_at(ws, lex, k, e, false).is_some_and(|(len, p)| {
                len == 1
                    && (p.kind == PhraseKind::City
                        || (after_given
                            && matches!(p.kind, PhraseKind::Country | PhraseKind::Region)))
            });
            let single_title = title_at(ws, lex, k, e) == Some(1);
            if single_city || single_title {
                k += 1;
                continue;
            }
        }
        let phrase = phrase_at(ws, lex, k, e, false).filter(|&(len, p)| {
            // a city that is also a given name, before a name: "Vladimir Putin"
            let given_first = len == 1
                && p.kind == PhraseKind::City
                && ws.facts(k).is_given_name()
                && k + 1 < e
                && ws.words[k + 1].shape == Shape::Capitalized
                && phrase_at(ws, lex, k + 1, e, false).is_none()
                && title_at(ws, lex, k + 1, e).is_none();
            !given_first
        });
        if let Some((len, p)) = phrase {
            // "Bank of England": a place after "<org word> of" belongs to the org
            let after_org_of = run.is_some()
                && k >= 2
                && matches!(ws.key(k - 1), "of" | "for")
                && ws.facts(k - 2).is_org_head();
            if after_org_of {
                k += len;
                continue;
            }
            close_run(&mut run, k, &mut segments);
            segments.push(Segment::Known(k..k + len, p));
            k += len;
            continue;
        }
        if let Some(len) = title_at(ws, lex, k, e) {
            // a capitalised title word inside an organisation's name
            // ("General Motors") is part of the name
            let org_follows = (k + len..e.min(k + len + 6))
                .take_while(|&x| ws.words[x].is_capital())
                .any(|x| ws.facts(x).is_org_head() || ws.facts(x).is_org_suffix());
            if !org_follows {
                close_run(&mut run, k, &mut segments);
                segments.push(Segment::Title(k..k + len));
                k += len;
                continue;
            }
        }
        if run.is_none()
            && ((is_connector(ws, k) && !particles_before_name(ws, k, e))
                || ws.words[k].shape == Shape::Punct)
        {
            k += 1;
            continue;
        }
        run.get_or_insert(k);
        k += 1;
    }
    close_run(&mut run, e, &mut segments);

    let mut prev_title = found
        .titles
        .last()
        .is_some_and(|t| s > 0 && t.end == s && ws.words[s - 1].sentence == ws.words[s].sentence);
    let is_place = |p: &KnownPhrase| p.kind != PhraseKind::Group && p.kind != PhraseKind::Org;
    let mut segs = segments.drain(..).peekable();
    while let Some(seg) = segs.next() {
        match seg {
            Segment::Known(r, p) => {
                // a place fused with an unknown name is an organisation:
                // "Air France", "Taiwan Semiconductor"
                if let Some(Segment::Name(n)) = segs.peek()
                    && is_place(p)
                    && n.start == r.end
                    && !starts_person(ws, n.clone())
                {
                    let words = r.start..trim(ws, n.clone()).end;
                    let mut m = fused_org(ws, words.clone());
                    // "Gulf of Maine Research Institute": the org word settles it
                    if words.end > words.start && ws.facts(words.end - 1).is_org_head() {
                        m.evidence = Evidence::Firm;
                    }
                    found.mentions.push(m);
                    segs.next();
                    prev_title = false;
                    continue;
                }
                // a known company and more of its name: "Samsung
                // Electronics", "Toyota Motor"
                if let Some(Segment::Name(n)) = segs.peek()
                    && p.kind == PhraseKind::Org
                    && n.start == r.end
                    && !starts_person(ws, n.clone())
                {
                    let words = r.start..trim(ws, n.clone()).end;
                    found.mentions.push(Mention {
                        evidence: Evidence::Firm,
                        ..fused_org(ws, words)
                    });
                    segs.next();
                    prev_title = false;
                    continue;
                }
                found.mentions.push(known_mention(ws, r, p));
                prev_title = false;
            }
            Segment::Title(r) => {
                found.titles.push(r);
                prev_title = true;
            }
            Segment::Name(r) => {
                // "Dynamo Moscow": an unknown name fused with a place
                if let Some(Segment::Known(k, p)) = segs.peek() {
                    let single = r.len() == 1 && ws.words[r.start].shape == Shape::Capitalized;
                    if is_place(p)
                        && k.start == r.end
                        && single
                        && !prev_title
                        && !starts_person(ws, r.clone())
                        && !ws.facts(r.start).is_common()
                        && k.end == e
                    {
                        found.mentions.push(fused_org(ws, r.start..k.end));
                        segs.next();
                        continue;
                    }
                }
                split_at_and(ws, r, |part| {
                    if let Some(m) = type_name(ws, lex, part, prev_title, sentence_end) {
                        found.mentions.push(m);
                    }
                    prev_title = false;
                });
            }
        }
    }
    drop(segs);
    found.segments = segments;
}

/// True when a name run starts like a person's name (a given name).
fn starts_person(ws: &Words<'_>, r: Range<usize>) -> bool {
    let r = trim(ws, r);
    r.start < r.end && ws.facts(r.start).is_given_name()
}

fn fused_org(ws: &Words<'_>, words: Range<usize>) -> Mention {
    Mention {
        span: ws.span_of(words.clone()),
        kind: EntityKind::Org,
        words,
        canonical: None,
        known: None,
        evidence: Evidence::Context,
        opens: false,
    }
}

fn close_run(run: &mut Option<usize>, end: usize, segments: &mut Vec<Segment<'_>>) {
    if let Some(start) = run.take() {
        segments.push(Segment::Name(start..end));
    }
}

/// Splits "Blinken and Xi" in two; keeps "Securities and Exchange Commission".
fn split_at_and(ws: &Words<'_>, r: Range<usize>, mut part: impl FnMut(Range<usize>)) {
    let org = r
        .clone()
        .any(|i| ws.facts(i).is_org_head() || ws.facts(i).is_org_suffix());
    if org {
        part(r);
        return;
    }
    let mut start = r.start;
    for i in r.clone() {
        if ws.key(i) == "and" || ws.key(i) == "&" {
            part(start..i);
            start = i + 1;
        }
    }
    part(start..r.end);
}
