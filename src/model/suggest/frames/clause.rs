//! Frames read from a clause rather than one verb: relayed speech ("RFA cited two residents as
//! saying"), a speaker's tag before a quotation, the publisher or a reporter as actor, "In my
//! view", "Following reports that …" and a document opening the sentence.

use super::position::{clause_starts, is_verbish, lead_in, opens_main_clause};
use super::subject::np_start;
use super::{Frame, Position, Verb, frame};
use crate::model::suggest::lexicon::class;
use crate::model::suggest::phrase::{Context, Head, classify};
use crate::model::suggest::tokens::{Tok, Tokens};

/// "RFA cited two residents as saying …", "lawmakers quoted the NIS as saying …": the source is
/// the one quoted; an outlet doing the quoting is the conduit. And the broadcast shape
/// "Prof. Kim Ji-ho (Korea University) : “…”", where a colon stands for the verb.
pub(super) fn relayed_frames(t: &Tokens, body: usize, ctx: &Context, out: &mut Vec<Frame>) {
    for v in body..t.len() {
        if t.quoted(v) || !matches!(t.lower(v), "quoted" | "cited" | "quoting" | "citing") {
            continue;
        }
        // "The NIS was quoted by Kang as saying": the subject speaks, the one quoting relays.
        if t.is(v + 1, "by") {
            continue;
        }
        let Some(as_at) = (v + 1..(v + 12).min(t.len())).find(|&k| t.matches(k, &["as", "saying"]))
        else {
            continue;
        };
        let Some(mut source) = classify(t, v + 1, as_at, ctx) else {
            continue;
        };
        if matches!(source.head, Head::Pronoun(_)) {
            continue;
        }
        source.tokens = (v + 1, as_at);
        let subject = out
            .iter()
            .find(|f| f.cue.0 == v)
            .map(|f| f.source.clone())
            .or_else(|| {
                let s = np_start(t, body, v);
                (s < v).then(|| classify(t, s, v, ctx)).flatten()
            });
        out.retain(|f| f.cue.0 != v);
        let mut f = frame(t, Verb::Say, (v, as_at + 2), source, body);
        f.position = if subject
            .as_ref()
            .is_some_and(|s| opens_main_clause(t, s.tokens.0, body))
            || opens_main_clause(t, v, body)
        {
            Position::Initial
        } else {
            Position::Medial
        };
        if let Some(s) = subject.filter(|s| matches!(s.head, Head::Outlet(_) | Head::Media)) {
            f.conduit = Some(Box::new(s));
        }
        out.push(f);
    }
    // "Name (Institution) : “…”" — a speaker's tag before a quotation.
    // "Quote: “…”" labels a quotation of the voice before; "Quote from the Air Force: “…”"
    // names it.
    let mut start = lead_in(t, body);
    if t.is(start, "quote") || t.is(start, "quotes") {
        if !t.is(start + 1, "from") {
            return;
        }
        start += 2;
    }
    if let Some(colon) =
        (start..t.len().min(start + 22)).find(|&k| t.word(k) == ":" && !t.quoted(k))
        && t.tok(colon + 1) == Some(Tok::OpenQuote)
        && colon > start
        && let Some(source) = classify(t, start, colon, ctx)
        && matches!(
            source.head,
            Head::Person | Head::Title | Head::Official | Head::Expert | Head::Anonymous
        )
    {
        let mut f = frame(t, Verb::Say, (colon, colon + 1), source, body);
        f.position = Position::Initial;
        out.push(f);
    }
}

/// Frames read from a clause's subject rather than its verb: the publisher or its reporter as
/// actor ("a Pacific Courier correspondent counted …", "Korea Lens could not determine …"), an
/// outlet with a "citing" apposition ("Vedomosti, citing …, put …"), and a document opening the
/// sentence ("In a ruling published in September, …", "Under the agreement, …").
pub(super) fn clause_frames(t: &Tokens, body: usize, ctx: &Context, out: &mut Vec<Frame>) {
    let starts = clause_starts(t, body);
    let citing = (body..t.len()).any(|k| matches!(t.lower(k), "citing" | "quoting"));
    for &s in &starts {
        if t.quoted(s) || out.iter().any(|f| f.source.tokens.0 == s) {
            continue;
        }
        // Cheap test before reading the subject: the publisher, "we", a reporter, an outlet.
        let media_near = (s..(s + 5).min(t.len())).any(|k| {
            t.has(k, class::MEDIA | class::OUTLET_WORD)
                || crate::model::suggest::phrase::name_at(t, k).is_some()
        });
        let document_near = (s..(s + 4).min(t.len())).any(|k| t.has(k, class::DOCUMENT));
        let worth = citing
            || media_near
            || document_near
            || matches!(t.lower(s), "we" | "i")
            || (matches!(t.lower(s), "this" | "our") && t.has(s + 1, class::PUBLICATION))
            || (s..(s + 3).min(t.len()))
                .any(|k| crate::model::suggest::phrase::is_publisher_at(t, k, ctx).is_some());
        if !worth {
            continue;
        }
        let pronoun = matches!(t.lower(s), "we" | "i");
        let mut end = if pronoun {
            s + 1
        } else {
            (s..t.len())
                .find(|&k| {
                    t.quoted(k)
                        || matches!(t.tok(k), Some(Tok::Comma | Tok::Stop | Tok::OpenQuote))
                        || (k > s && is_verbish(t, k))
                })
                .unwrap_or(t.len())
        };
        let Some(source) = classify(t, s, end, ctx) else {
            continue;
        };
        // "We first noted", "SISC continues to assess": adverbs before the verb.
        while end < t.len()
            && (t.has(end, class::BETWEEN) || t.lower(end).ends_with("ly"))
            && !is_verbish(t, end)
        {
            end += 1;
        }
        let citing_after =
            t.tok(end) == Some(Tok::Comma) && matches!(t.lower(end + 1), "citing" | "quoting");
        let verb = match source.head {
            Head::Publisher | Head::Pronoun(crate::model::suggest::phrase::Pronoun::We)
                if end < t.len() && is_verbish(t, end) =>
            {
                Verb::Learn
            }
            // "We judge", "I recommend": whatever the writer does next is the writer's.
            Head::Pronoun(crate::model::suggest::phrase::Pronoun::We)
                if pronoun && t.is_word(end) && !t.capitalised(end) =>
            {
                Verb::Learn
            }
            // "A reporter from Kommersant called the number …": another outlet as actor.
            Head::Media
                if end < t.len()
                    && is_verbish(t, end)
                    && ["reporter", "correspondent", "journalist"]
                        .iter()
                        .any(|w| source.head_word.starts_with(w)) =>
            {
                Verb::Report
            }
            Head::Outlet(_) | Head::Media if citing_after => Verb::Report,
            // "The draft order, titled …, runs to 14 pages", "An annex to the contract budgets
            // …": a document as the subject is what the sentence rests on.
            Head::Document if record_like(&source.head_word) && (end < t.len()) => Verb::Document,
            _ => continue,
        };
        out.push(Frame::opening(
            verb,
            (end.min(t.len().saturating_sub(1)), (end + 1).min(t.len())),
            source,
        ));
    }
    // "In my view, …", "By our calculation, …": the writer's own judgement.
    let k = k0_of(&starts, body);
    if matches!(t.lower(k), "in" | "by" | "on" | "from")
        && matches!(t.lower(k + 1), "my" | "our")
        && matches!(
            t.lower(k + 2),
            "view"
                | "assessment"
                | "judgment"
                | "judgement"
                | "estimation"
                | "opinion"
                | "reading"
                | "calculation"
                | "calculations"
                | "estimate"
                | "estimates"
                | "count"
                | "reckoning"
                | "analysis"
                | "tally"
                | "reporting"
                | "review"
        )
        && !out.iter().any(|f| f.position != Position::Medial)
        && let Some(source) = classify(t, k + 1, k + 2, ctx)
    {
        out.push(Frame::opening(Verb::Learn, (k, k + 3), source));
    }
    // "• End the mobilization …", "2. Renew the mandate …": a listed recommendation is the
    // publisher's own.
    if lead_in(t, body) > body
        && t.has(k, class::IMPERATIVE)
        && t.capitalised(k)
        && !t.quoted(k)
        && out.is_empty()
        && let Some(mut source) =
            classify(t, k, k + 1, ctx).or_else(|| classify(t, body, body + 1, ctx))
    {
        source.head = Head::Publisher;
        out.push(Frame::opening(Verb::Learn, (k, k + 1), source));
    }
    // "It was also learned Friday that …", "…, it was learned on Tuesday.": the Korean and
    // Japanese press's impersonal own reporting, opening or closing the sentence.
    let learned_at = |m: usize| {
        t.is(m, "it")
            && !t.quoted(m)
            && matches!(t.lower(m + 1), "was" | "has" | "had")
            && (m + 2..(m + 5).min(t.len())).any(|j| matches!(t.lower(j), "learned" | "learnt"))
    };
    let learned = std::iter::once(k)
        .chain((body + 1..t.len()).filter(|&j| t.tok(j - 1) == Some(Tok::Comma)))
        .find(|&m| learned_at(m));
    if let Some(m) = learned
        && !out.iter().any(|f| f.position != Position::Medial)
        && let Some(mut source) = classify(t, m, m + 1, ctx)
    {
        source.head = Head::Publisher;
        out.push(Frame::opening(Verb::Learn, (m, m + 3), source));
    }
    // "Following reports that the envoy resigned, …": with nothing else said, the reports.
    let k0 = starts.first().copied().unwrap_or(body);
    if matches!(t.lower(k0), "following" | "after" | "amid" | "despite")
        && !out.iter().any(|f| f.position != Position::Medial)
    {
        let mut r = k0 + 1;
        while matches!(
            t.lower(r),
            "recent" | "earlier" | "media" | "press" | "news" | "local" | "foreign"
        ) {
            r += 1;
        }
        if matches!(t.lower(r), "reports" | "report" | "reporting") {
            let end = (r..t.len())
                .find(|&j| t.is(j, "that") || t.tok(j) == Some(Tok::Comma))
                .unwrap_or(t.len());
            if let Some(mut source) = classify(t, r, end, ctx) {
                source.head = Head::Media;
                out.push(Frame::opening(Verb::Report, (k0, r + 1), source));
            }
        }
    }
    // "In a ruling published in September, …", "Under the agreement, …".
    let k = starts.first().copied().unwrap_or(body);
    if (t.is(k, "in") || t.is(k, "under")) && t.capitalised(k) {
        let comma = (k..t.len().min(k + 14)).find(|&j| t.tok(j) == Some(Tok::Comma));
        if let Some(c) = comma
            && let Some(source) = classify(t, k + 1, c, ctx)
            && source.head == Head::Document
            && !out.iter().any(|f| f.position != Position::Medial)
        {
            out.push(Frame::opening(Verb::Document, (k, k + 1), source));
        }
    }
}

pub(super) fn k0_of(starts: &[usize], body: usize) -> usize {
    starts.first().copied().unwrap_or(body)
}

/// Documents that record things (orders, contracts, ads, registers), as opposed to reports,
/// plans and agreements, which a sentence may be about without resting on them.
fn record_like(head_word: &str) -> bool {
    !matches!(
        head_word,
        "report"
            | "reports"
            | "agreement"
            | "agreements"
            | "plan"
            | "proposal"
            | "evidence"
            | "intelligence"
            | "assessment"
            | "analysis"
            | "brief"
            | "briefing"
            | "paper"
            | "text"
            | "material"
            | "materials"
            | "estimate"
            | "estimates"
            | "findings"
            | "testimony"
            | "testimonies"
            | "record"
            | "study"
            | "studies"
            | "survey"
            | "poll"
    )
}
