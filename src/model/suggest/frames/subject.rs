//! Frames read from a verb of saying and the source phrase before it ("the source said",
//! "Kim, a trader in Dandong, said") or after it ("“…,” said a source"), and the noun-phrase
//! walks both need.

use super::position::{position_subject, tail_only};
use super::{Frame, Position, Verb, complete, frame, verb_kind};
use crate::model::suggest::lexicon::class;
use crate::model::suggest::phrase::{Context, Head, Phrase, classify};
use crate::model::suggest::tokens::{Tok, Tokens, is_weekday};

/// "<source> [has] said …", "<source>, <appositive>, said …".
pub(super) fn subject_frame(
    t: &Tokens,
    v: usize,
    bits: u64,
    body: usize,
    ctx: &Context,
) -> Option<Frame> {
    let mut end = v;
    let mut passive = false;
    let adverb = |k: usize| {
        let w = t.lower(k);
        t.has(k, class::BETWEEN)
            || w == "n't"
            || (w.len() > 4 && w.ends_with("ly") && !t.capitalised(k))
    };
    while end > body && adverb(end - 1) {
        // "was told", "are also said to": a form of "be" before the verb makes it passive.
        passive |= matches!(
            t.lower(end - 1),
            "was" | "were" | "been" | "be" | "being" | "is" | "are"
        );
        end -= 1;
    }
    // "is said to", "were thought to": a hedge, not a frame.
    if passive && t.is(v + 1, "to") {
        return None;
    }
    // Base forms only after an auxiliary or "to" ("is yet to confirm", "did not deny"), or
    // after a plural subject ("prosecutors allege"), checked once the subject is read.
    let bare_base = bits & class::SAY_BASE != 0 && bits & class::SAY == 0 && end == v;
    let plural_before = v > body
        && (t.has(v - 1, class::PLURAL)
            || t.has(v - 1, class::HEAD) && t.lower(v - 1).ends_with('s'));
    if bare_base && !plural_before {
        return None;
    }
    // "was told", "were informed": the subject is the hearer.
    if passive && !t.matches(v + 1, &["as", "saying"]) && !t.is(v + 1, "by") {
        return None;
    }
    end = skip_time_back(t, body, end);
    if end <= body || t.quoted(end - 1) {
        return None;
    }
    let (start, stop) = if t.tok(end - 1) == Some(Tok::Comma) {
        // An apposition: "Kim, a trader in Dandong, said".
        // A quoted title may stand in the apposition: "The report, titled “…”, said".
        // Back over "Name, 44, who worked …," to the name: a segment that is only an age or
        // opens with "who", "a", "the" belongs to the apposition.
        let mut commas: Vec<usize> = (body..end - 1)
            .rev()
            .take(48)
            .filter(|&k| t.tok(k) == Some(Tok::Comma) && !t.quoted(k))
            .take(4)
            .collect();
        // A relative clause runs to the comma before the verb, commas and all: "The report,
        // which draws on imagery, port records and photographs, said".
        if let Some(r) = commas
            .iter()
            .rposition(|&c| matches!(t.lower(c + 1), "who" | "which" | "whose"))
        {
            commas.drain(..r);
        }
        let valid = |c: usize| {
            let s = np_start(t, body, c);
            s < c && t.tok(s) != Some(Tok::Number) && !matches!(t.lower(s), "who" | "which")
        };
        // "a trade official stationed in Dandong, across the river from Sinuiju, who …": a
        // comma that a preposition, a relative or a number follows continues the phrase.
        let continues = |c: usize| {
            t.tok(c + 1) == Some(Tok::Number)
                || matches!(
                    t.lower(c + 1),
                    "who"
                        | "whose"
                        | "which"
                        | "across"
                        | "from"
                        | "near"
                        | "in"
                        | "at"
                        | "on"
                        | "because"
                        | "since"
                        | "where"
                        | "based"
                        | "living"
                        | "stationed"
                        | "along"
                        | "outside"
                        | "inside"
                )
        };
        let open = commas
            .iter()
            .copied()
            .find(|&c| !continues(c) && valid(c))
            .or_else(|| commas.iter().copied().find(|&c| valid(c)))?;
        if (open + 1..end - 1).all(|k| t.quoted(k)) {
            return None;
        }
        let s = np_start(t, body, open);
        // "Speaking to RFA, a resident of …, said": an introductory phrase, then the subject.
        let intro =
            t.has(s, class::INTRO) || (t.has(s, class::OPENER) && t.has(s + 1, class::INTRO));
        if intro && !t.has(s, class::HEAD) {
            (open + 1, end - 1)
        } else {
            (s, end - 1)
        }
    } else {
        (np_start(t, body, end), end)
    };
    if start >= stop {
        return None;
    }
    // Cheap test first: a source phrase has a head noun, a name or a pronoun.
    let plausible = (start..stop).any(|k| {
        t.capitalised(k)
            || t.has(k, class::HEAD)
            || matches!(
                t.lower(k),
                "he" | "she" | "they" | "it" | "we" | "i" | "them" | "those"
            )
    });
    if !plausible {
        return None;
    }
    let source = classify(t, start, stop, ctx)?;
    // "was quoted by Interfax as saying", "was cited as saying": relayed, whoever the speaker.
    let relayed = passive && matches!(t.lower(v), "quoted" | "cited");
    let mut verb = if relayed {
        Verb::Quoted
    } else {
        verb_kind(bits, source.head, t.lower(v))?
    };
    if passive {
        verb = Verb::Quoted;
    }
    // "Rosvesti has learned from a source in the administration that …": the source speaks.
    let (verb, source) = if verb == Verb::Learn
        && t.is(v + 1, "from")
        && let Some(from) = phrase_after(t, v + 2, ctx)
        && matches!(
            from.head,
            Head::Anonymous | Head::Official | Head::Title | Head::Person | Head::Institution
        ) {
        (Verb::Say, from)
    } else {
        (verb, source)
    };
    let mut f = frame(t, verb, (v, v + 1), source, body);
    f.position = position_subject(t, start, v, body);
    complete(t, &mut f, v, ctx);
    Some(f)
}

/// "“…,” said a source inside North Korea." — the verb before its source, after a comma or
/// quotation.
pub(super) fn inverted_frame(
    t: &Tokens,
    v: usize,
    bits: u64,
    body: usize,
    ctx: &Context,
) -> Option<Frame> {
    if bits & class::SAY == 0 || bits & class::TOLD != 0 && t.is(v, "told") || v == body {
        return None;
    }
    if !matches!(t.tok(v - 1), Some(Tok::Comma | Tok::CloseQuote)) {
        return None;
    }
    let source = phrase_after(t, v + 1, ctx)?;
    if matches!(source.head, Head::Document) && bits & class::DOC_VERB == 0 {
        return None;
    }
    let end = source.tokens.1;
    // "…, said the workers had …": a phrase followed by its own verb is no inverted source.
    let closes = end >= t.len()
        || matches!(t.tok(end), Some(Tok::Comma | Tok::Stop | Tok::CloseQuote))
        || is_time_word(t, end)
        || matches!(
            t.lower(end),
            "on" | "in" | "at" | "last" | "when" | "before" | "after" | "who"
        );
    if !closes {
        return None;
    }
    let mut f = frame(t, Verb::Say, (v, v + 1), source, body);
    f.position = if tail_only(t, end) {
        Position::Trailing
    } else {
        Position::Medial
    };
    complete(t, &mut f, end.saturating_sub(1), ctx);
    Some(f)
}

/// Where a phrase that starts at `from` ends: at a comma, a stop, a quotation, "that", a verb
/// of saying or a time expression.
pub(super) fn phrase_after(t: &Tokens, from: usize, ctx: &Context) -> Option<Phrase> {
    let mut end = from;
    while end < t.len() && end - from < 16 {
        let w = t.lower(end);
        // A relative clause runs to the next comma or stop: "a source who asked not to be named".
        if end > from && matches!(w, "who" | "whose") {
            while end < t.len()
                && !matches!(t.tok(end), Some(Tok::Comma | Tok::Stop))
                && !t.quoted(end)
            {
                end += 1;
            }
            break;
        }
        let stop = match t.tok(end) {
            Some(Tok::Word | Tok::Number | Tok::Dash) => {
                (end > from
                    && (t.has(end, class::SAY | class::TOLD | class::REPORT)
                        && !t.has(end, class::HEAD)
                        && !t.capitalised(end)))
                    || (end > from
                        && matches!(
                            w,
                            "had"
                                | "has"
                                | "have"
                                | "was"
                                | "were"
                                | "is"
                                | "are"
                                | "would"
                                | "will"
                        ))
                    || w == "that"
                    || (end > from && is_time_word(t, end) && !t.capitalised(end - 1))
                    || t.quoted(end)
            }
            // "…, the source, who asked not to be named." keeps its relative clause, "said Han,
            // a researcher at …" its apposition.
            Some(Tok::Comma) => {
                // An apposition is a noun phrase: "According to the source, the workers are
                // paid" goes on with a clause instead, and a pronoun takes none.
                let clause_follows = (end + 2..(end + 10).min(t.len()))
                    .take_while(|&k| !matches!(t.tok(k), Some(Tok::Comma | Tok::Stop)))
                    .any(|k| {
                        super::position::is_verbish(t, k) && !t.has(k, class::HEAD)
                            || t.has(k, class::BETWEEN)
                                && matches!(
                                    t.lower(k),
                                    "is" | "are" | "was" | "were" | "has" | "have" | "had"
                                )
                    });
                let pronoun = end == from + 1
                    && matches!(
                        t.lower(from),
                        "him" | "her" | "them" | "he" | "she" | "they" | "it"
                    );
                !(matches!(t.lower(end + 1), "who" | "which" | "a" | "an" | "the")
                    && end > from
                    && (end - from) < 6
                    && !pronoun
                    && !(t.is(end + 1, "the") && clause_follows))
            }
            _ => true,
        };
        if stop {
            break;
        }
        end += 1;
    }
    classify(t, from, end, ctx)
}

/// Walks back from `end` over the words of a noun phrase, across a relative clause ("a trader
/// in Hunchun who has arranged transport … told") and a parenthesis ("Radio Free Asia (RFA)").
pub(super) fn np_start(t: &Tokens, floor: usize, end: usize) -> usize {
    // Where "who"/"whose" and "between" stand near the phrase, found once (there are rarely
    // more than one or two).
    let lo = floor.saturating_sub(12);
    let mut whos = [usize::MAX; 4];
    let mut n_who = 0;
    let mut between_at = usize::MAX;
    for j in lo.max(end.saturating_sub(36))..end {
        match t.lower(j) {
            "who" | "whose" if n_who < whos.len() => {
                whos[n_who] = j;
                n_who += 1;
            }
            // "the battalion that published the footage": "that" as a relative pronoun.
            "that"
                if n_who < whos.len()
                    && j > 0
                    && t.has(j - 1, class::HEAD)
                    && t.has(j + 1, class::VERB) =>
            {
                whos[n_who] = j;
                n_who += 1;
            }
            "between" => between_at = j,
            _ => {}
        }
    }
    let who_in = |a: usize, b: usize| whos[..n_who].iter().any(|&j| a <= j && j < b);
    let mut s = end;
    while s > floor && end - s < 24 {
        let k = s - 1;
        let w = t.lower(k);
        if t.quoted(k) {
            break;
        }
        if t.tok(k) == Some(Tok::CloseParen) {
            match (floor..k).rev().find(|&j| t.tok(j) == Some(Tok::OpenParen)) {
                Some(open) if k - open <= 12 => {
                    s = open;
                    continue;
                }
                _ => break,
            }
        }
        // A relative clause belongs to the head noun before it.
        let relative_that = w == "that" && whos[..n_who].contains(&k);
        if (matches!(w, "who" | "whose") || relative_that)
            && k > floor
            && t.has(k - 1, class::HEAD | class::OUTLET_WORD)
            || (matches!(w, "who" | "whose") && k > floor && t.capitalised(k - 1))
        {
            s = k;
            continue;
        }
        let ok = match t.tok(k) {
            Some(Tok::Word) => {
                let relative_inside = who_in(k + 1, end) || who_in(k.saturating_sub(12), k);
                let bits = t.classes(k);
                let verb = bits & class::VERB != 0 && bits & class::HEAD == 0 && !t.capitalised(k);
                let between = between_at < k && between_at + 8 >= k;
                // "workers interviewed for this brief", "an order obtained by Polynya".
                let participle = verb
                    && matches!(
                        t.lower(k + 1),
                        "by" | "for" | "in" | "at" | "from" | "on" | "with"
                    )
                    && k > floor
                    && (t.has(k - 1, class::HEAD) || t.capitalised(k - 1) || t.is(k - 1, "and"));
                // "the workers we interviewed": a relative clause without "who".
                // "those interviewed said": the participle names the group.
                let reduced = verb
                    && k > floor
                    && matches!(t.lower(k - 1), "we" | "they" | "i" | "he" | "she" | "those");
                // "taken by Planet Labs and reviewed by Sextant": two participles.
                let and_participle = w == "and" && t.has(k + 1, class::VERB) && t.is(k + 2, "by");
                let subordinator = bits & class::SUBORDINATOR != 0 && w != "as";
                // A verb ends the phrase, unless it is part of it.
                let verb_inside = relative_inside || participle || reduced;
                (!subordinator && (!verb || verb_inside) && !matches!(w, "and" | "or" | "but"))
                    || (w == "and" && (joins_names(t, k) || between || and_participle))
                    || (relative_inside && !matches!(w, "and" | "or" | "but" | "that"))
            }
            Some(Tok::Number) | Some(Tok::Dash) => true,
            _ => false,
        };
        if !ok {
            break;
        }
        s = k;
        // A determiner opens the phrase, unless a preposition ties it to more of the phrase
        // ("a source in the Labor Ministry"): "a pattern the panel described" starts at "the".
        // Inside a relative clause ("… who supervises a construction site in Khabarovsk said"),
        // a determiner belongs to the clause, and the walk goes on to its head.
        let in_relative = who_in(k.saturating_sub(12), k);
        if matches!(w, "the" | "a" | "an" | "this" | "these" | "those")
            && !in_relative
            && !(k > 0 && t.has(k - 1, class::TIE))
        {
            break;
        }
    }
    // A relative clause cannot open the phrase.
    while s < end && matches!(t.lower(s), "who" | "whose") {
        s += 1;
    }
    s
}

/// "Kyiv and Seoul", "defense officials and analysts": "and" inside a subject.
pub(super) fn joins_names(t: &Tokens, k: usize) -> bool {
    let side =
        |i: usize| t.capitalised(i) || t.tok(i) == Some(Tok::Number) || t.has(i, class::HEAD);
    k > 0 && side(k - 1) && side(k + 1)
}

pub(super) fn is_time_word(t: &Tokens, i: usize) -> bool {
    is_weekday(t.lower(i))
        || matches!(
            t.lower(i),
            "yesterday" | "today" | "recently" | "earlier" | "last" | "this" | "late" | "early"
        )
        || (t.is(i, "on") && is_time_word(t, i + 1))
}

/// Skips a time expression that ends at `end`: "on Oct. 21", "on Monday", "last week".
pub(super) fn skip_time_back(t: &Tokens, floor: usize, end: usize) -> usize {
    let mut k = end;
    if k > floor && (t.tok(k - 1) == Some(Tok::Number) || is_time_word(t, k - 1)) {
        let mut j = k - 1;
        while j > floor && j + 4 > k && !t.is(j, "on") && !t.is(j, "last") && !t.is(j, "earlier") {
            j -= 1;
        }
        if t.is(j, "on") || t.is(j, "last") || t.is(j, "earlier") {
            k = j;
        }
    }
    k
}
