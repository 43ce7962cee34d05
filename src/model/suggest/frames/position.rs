//! Where a frame stands in its sentence: the wire dateline and list markers before the body,
//! where main clauses start, and whether a frame opens the main clause or closes the sentence.

use super::subject::is_time_word;
use super::{Frame, Position, Verb};
use crate::model::suggest::lexicon::class;
use crate::model::suggest::phrase::{Context, Head, Phrase, classify};
use crate::model::suggest::tokens::{Tok, Tokens, is_month};

/// Sentence adverbs of several words.
pub(super) const OPENER_PHRASES: &[&[&str]] = &[
    &["in", "fact"],
    &["in", "addition"],
    &["as", "a", "result"],
    &["of", "course"],
    &["at", "the", "same", "time"],
    &["on", "the", "other", "hand"],
    &["in", "other", "words"],
    &["that", "is", "to", "say"],
];

/// The token index where the body starts, after a wire dateline ("SEOUL, Oct. 4 (Yonhap) --",
/// "WASHINGTON (Reuters) —", "VLADIVOSTOK —"), and the wire's name if it gives one.
pub fn dateline(t: &Tokens) -> (usize, Option<String>) {
    let n = t.len().min(14);
    let all_caps = |i: usize| {
        t.is_word(i) && t.word(i).len() >= 2 && t.word(i).chars().all(|c| !c.is_lowercase())
    };
    // "Seoul (Sirocco) –": a title-case city is a dateline only with the wire's name and a dash.
    if !all_caps(0) {
        if t.capitalised(0)
            && let Some(open) = (1..4.min(t.len())).find(|&i| t.tok(i) == Some(Tok::OpenParen))
            && let Some(close) =
                (open + 1..(open + 5).min(t.len())).find(|&i| t.tok(i) == Some(Tok::CloseParen))
            && t.tok(close + 1) == Some(Tok::Dash)
            && (0..open).all(|i| t.capitalised(i) || t.tok(i) == Some(Tok::Comma))
        {
            return (close + 2, Some(t.slice(open + 1, close).to_string()));
        }
        return (0, None);
    }
    let mut wire = None;
    for i in 1..n {
        match t.tok(i) {
            Some(Tok::Dash) => {
                // "--" is two dashes.
                let end = if t.tok(i + 1) == Some(Tok::Dash) {
                    i + 2
                } else {
                    i + 1
                };
                return (end, wire);
            }
            Some(Tok::OpenParen) => {
                let close = (i + 1..n).find(|&k| t.tok(k) == Some(Tok::CloseParen));
                if let Some(c) = close {
                    wire = Some(t.slice(i + 1, c).to_string());
                }
            }
            Some(Tok::Stop) => return (0, None),
            _ => {}
        }
    }
    (0, None)
}

/// Where the sentence proper starts after a list marker ("2.", "•", "-"), a label ("Passports:",
/// "Details:") or a broadcast cue ("[Soundbite]").
pub fn lead_in(t: &Tokens, body: usize) -> usize {
    let mut k = body;
    if matches!(t.tok(k), Some(Tok::OpenParen))
        && t.word(k) == "["
        && let Some(c) = (k + 1..t.len().min(k + 6)).find(|&j| t.tok(j) == Some(Tok::CloseParen))
    {
        k = c + 1;
    }
    if t.tok(k) == Some(Tok::Number) && t.word(k + 1) == "."
        || matches!(t.word(k), "•" | "-" | "–" | "▪" | "·" | "*")
    {
        k += if t.tok(k) == Some(Tok::Number) { 2 } else { 1 };
    }
    // "Passports: OPK found …", "Details: …" — one or two capitalised words and a colon.
    for n in [1, 2] {
        if t.word(k + n) == ":"
            && (k..k + n).all(|j| t.capitalised(j))
            && !t.quoted(k + n + 1)
            && t.tok(k + n + 1) != Some(Tok::OpenQuote)
        {
            return k + n + 1;
        }
    }
    k
}

/// The subject that opens the sentence, if it names a person or group: "Researchers at the
/// James Martin Center … were more cautious" introduces the "they" of the next sentence.
pub fn opening_subject(t: &Tokens, body: usize, ctx: &Context) -> Option<Phrase> {
    let s = *clause_starts(t, body).first()?;
    let end = (s..t.len())
        .find(|&k| {
            t.quoted(k)
                || matches!(t.tok(k), Some(Tok::Comma | Tok::Stop | Tok::OpenQuote))
                || (k > s && is_verbish(t, k))
        })
        .unwrap_or(t.len());
    let p = classify(t, s, end, ctx)?;
    matches!(p.head, Head::Expert | Head::Anonymous | Head::Person).then_some(p)
}

/// Where main clauses may start: the sentence's first words (after sentence adverbs) and the
/// word after an introductory clause's comma.
pub(super) fn clause_starts(t: &Tokens, body: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut k = lead_in(t, body);
    while k < t.len()
        && (t.has(k, class::OPENER) || matches!(t.tok(k), Some(Tok::Comma | Tok::Dash)))
    {
        k += 1;
    }
    if let Some(after) = time_intro_end(t, k) {
        out.push(after);
        return out;
    }
    out.push(k);
    if t.has(k, class::INTRO)
        && let Some(c) = (k..t.len()).find(|&j| t.tok(j) == Some(Tok::Comma) && !t.quoted(j))
    {
        out.push(c + 1);
    }
    out
}

/// Irregular past forms, which the "-ed" test misses: "Lednik sent questions".
const IRREGULAR_PAST: &[&str] = &[
    "sent",
    "saw",
    "made",
    "took",
    "gave",
    "got",
    "went",
    "came",
    "kept",
    "left",
    "met",
    "paid",
    "ran",
    "held",
    "brought",
    "bought",
    "sold",
    "spoke",
    "began",
    "knew",
    "heard",
    "lost",
    "won",
    "built",
    "led",
    "spent",
    "caught",
    "chose",
    "drew",
    "drove",
    "fell",
    "felt",
    "fought",
    "flew",
    "hid",
    "meant",
    "rose",
    "sat",
    "shot",
    "stood",
    "struck",
    "taught",
    "threw",
    "understood",
    "wore",
    "sought",
    "became",
];

/// A finite verb or auxiliary: where a subject ends.
pub(super) fn is_verbish(t: &Tokens, k: usize) -> bool {
    let w = t.lower(k);
    matches!(
        w,
        "has"
            | "have"
            | "had"
            | "is"
            | "are"
            | "was"
            | "were"
            | "will"
            | "would"
            | "could"
            | "can"
            | "cannot"
            | "did"
            | "does"
            | "do"
            | "may"
            | "might"
            | "should"
            | "must"
    ) || (t.has(k, class::VERB) && !t.capitalised(k))
        || IRREGULAR_PAST.contains(&w)
        || (w.ends_with("ed") && w.len() > 4 && !t.capitalised(k))
        || (w.ends_with('s')
            && !t.capitalised(k)
            && k > 0
            && t.capitalised(k - 1)
            && t.classes(k) & class::HEAD == 0)
}

/// "the reported transfer", "the said agreement": a verb form used as an adjective.
pub(super) fn is_adjective_use(t: &Tokens, v: usize) -> bool {
    let before = v.checked_sub(1).map(|b| t.lower(b)).unwrap_or("");
    (matches!(before, "the" | "a" | "an" | "its" | "their") && t.is_word(v + 1))
        // "member states", "the United States": a noun.
        || (t.is(v, "states") && (before == "member" || v > 0 && t.capitalised(v - 1)))
        // "added two firms to its list", "noted a rise": a verb with an object, not a saying.
        || (matches!(t.lower(v), "added" | "adds" | "noted" | "notes")
            && (matches!(t.lower(v + 1), "the" | "a" | "an" | "two" | "three" | "its" | "their" | "new" | "more")
                || t.tok(v + 1) == Some(Tok::Number)))
        // "carried out", "ran out of": phrasal verbs, not reporting.
        || (matches!(t.lower(v), "carried" | "ran" | "run" | "carries") && matches!(t.lower(v + 1), "out" | "on" | "off" | "over"))
        // "continued to send", "went on to": an aspect, not a saying.
        || (matches!(t.lower(v), "continued" | "continues" | "continue" | "went") && matches!(t.lower(v + 1), "to" | "on"))
}

/// Everything after `from` is the tail of a closing frame: a hearer, a date, "in a statement",
/// a relative clause or a carried-on participle.
pub(super) fn tail_only(t: &Tokens, from: usize) -> bool {
    let mut words = 0;
    // A closing frame's tail is a few words; looking further than this would make a sentence
    // of many frames (a run-on text with no sentence ends) cost the square of its length.
    let end = t.len().min(from + TAIL_REACH);
    crate::model::work::step(end.saturating_sub(from));
    for k in from..end {
        match t.tok(k) {
            Some(Tok::Comma) if t.has(k + 1, class::CARRY_ON) => return true,
            // "…, imagery shows, in the first confirmed call there by …", "…, in what would
            // be …": a closing frame followed by a circumstance.
            Some(Tok::Comma)
                if matches!(
                    t.lower(k + 1),
                    "in" | "amid" | "despite" | "marking" | "underscoring" | "highlighting"
                ) && !(k + 2..end).any(|j| t.is(j, "that")) =>
            {
                return true;
            }
            Some(Tok::Stop) if k + 1 == t.len() || t.quoted(k + 1) => return true,
            Some(Tok::Word) if t.is(k, "that") && !t.is(k.saturating_sub(1), "so") => return false,
            Some(Tok::Word) => {
                if t.has(k, class::SAY) && !t.capitalised(k) {
                    return false;
                }
                words += 1;
            }
            _ => {}
        }
    }
    end == t.len() && words <= 14
}

pub(super) fn position_subject(t: &Tokens, start: usize, v: usize, body: usize) -> Position {
    let before_is_break =
        start > body && matches!(t.tok(start - 1), Some(Tok::Comma | Tok::CloseQuote));
    if before_is_break && tail_only(t, v + 1) {
        return Position::Trailing;
    }
    if opens_main_clause(t, start, body) {
        return Position::Initial;
    }
    Position::Medial
}

pub(super) fn position(t: &Tokens, f: &Frame, body: usize) -> Position {
    let (c, end) = (f.cue.0, f.source.tokens.1);
    match f.verb {
        Verb::According | Verb::Citing => {
            if c > body && t.tok(c - 1) == Some(Tok::Comma) && tail_only(t, end) {
                Position::Trailing
            } else if opens_main_clause(t, c, body) {
                Position::Initial
            } else {
                Position::Medial
            }
        }
        _ => Position::Medial,
    }
}

/// How far after a verb a closing frame's tail may run, in tokens.
const TAIL_REACH: usize = 200;
/// How far into a sentence its opening words and introductory clause may run, in tokens.
const OPENER_REACH: usize = 60;

/// Token `start` opens the main clause: the sentence's first words (after sentence adverbs), or
/// the first words after an introductory clause and its comma.
pub(super) fn opens_main_clause(t: &Tokens, start: usize, body: usize) -> bool {
    let mut k = lead_in(t, body).min(start);
    // Openers and introductory clauses are short: a frame further in than this does not open
    // the sentence, and is not looked at from the start again (which, for every frame of a
    // run-on text, would cost the square of its length).
    if start - k > OPENER_REACH {
        return false;
    }
    crate::model::work::step(start - k);
    while k < start && t.tok(k) != Some(Tok::OpenQuote) {
        if let Some(p) = OPENER_PHRASES.iter().find(|p| t.matches(k, p)) {
            k += p.len();
        } else if t.tok(k) != Some(Tok::Word) || t.has(k, class::OPENER) {
            k += 1;
        } else {
            break;
        }
    }
    if k == start || time_intro_end(t, k) == Some(start) {
        return true;
    }
    // A short time phrase without a comma: "On Oct. 28 the Rodong Sinmun ran …".
    let timeish = |j: usize| {
        t.tok(j) == Some(Tok::Number)
            || is_time_word(t, j)
            || is_month(t.lower(j))
            || matches!(
                t.lower(j),
                "the" | "week" | "month" | "year" | "weekend" | "morning" | "evening" | "night"
            )
    };
    if matches!(t.lower(k), "on" | "in" | "last" | "earlier" | "this")
        && start > k + 1
        && start - k <= 5
        && (k + 1..start).all(timeish)
        && !t.is(start - 1, "the")
        || (matches!(t.lower(k), "last" | "earlier" | "this") && start == k + 2)
    {
        return true;
    }
    // An introductory clause: it opens with an intro word and runs to the comma before `start`.
    let intro = t.has(k, class::INTRO);
    let comma_before = start > 0 && t.tok(start - 1) == Some(Tok::Comma);
    let clause = (k..start - 1).all(|j| !t.quoted(j) || t.tok(j) == Some(Tok::CloseQuote));
    intro && comma_before && clause
}

/// "That same month,", "A week later,", "Two days earlier,": a short time phrase and its comma
/// before the main clause; the token after the comma.
pub(super) fn time_intro_end(t: &Tokens, k: usize) -> Option<usize> {
    let comma = (k + 1..(k + 6).min(t.len())).find(|&j| t.tok(j) == Some(Tok::Comma))?;
    let time_noun = (k..comma).any(|j| {
        matches!(
            t.lower(j),
            "month"
                | "week"
                | "day"
                | "year"
                | "morning"
                | "evening"
                | "night"
                | "later"
                | "earlier"
                | "ago"
                | "afterwards"
                | "weekend"
        )
    });
    let all_time = (k..comma).all(|j| {
        is_time_word(t, j)
            || t.tok(j) == Some(Tok::Number)
            || t.has(j, class::NUMBER_WORD)
            || matches!(
                t.lower(j),
                "that"
                    | "the"
                    | "same"
                    | "a"
                    | "one"
                    | "month"
                    | "week"
                    | "day"
                    | "year"
                    | "morning"
                    | "evening"
                    | "night"
                    | "later"
                    | "earlier"
                    | "ago"
                    | "next"
                    | "following"
                    | "previous"
                    | "weeks"
                    | "days"
                    | "months"
                    | "years"
                    | "afterwards"
                    | "weekend"
                    | "hours"
            )
    });
    (time_noun && all_time).then_some(comma + 1)
}
