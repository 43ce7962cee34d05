//! Attribution frames: a cue ("said", "told", "according to", "has learned", "data show") with
//! its source phrase before or after it, inverted after a quotation, and where in the sentence
//! the frame stands. The frame that governs the sentence is chosen here: one that closes it
//! ("…, the source said."), else one that opens its main clause ("The source said …",
//! "Following reports that …, Daily NK has learned …", "According to the source, …"). Frames
//! inside quotations, subordinate clauses or "that" clauses are background.

mod clause;
mod position;
mod subject;

pub use position::{dateline, lead_in, opening_subject};

use super::lexicon::{PhraseKind, class};
use super::tokens::{Tok, Tokens};
use crate::model::suggest::phrase::{Context, Head, Phrase};
use clause::{clause_frames, relayed_frames};
use position::{is_adjective_use, position};
use subject::{inverted_frame, phrase_after, subject_frame};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    /// said, added, explained, claimed …
    Say,
    /// told <hearer>
    Told,
    /// reported, wrote, published (outlets)
    Report,
    /// has learned, understands, could not verify (the publisher)
    Learn,
    /// believes, views, assesses (experts, institutions)
    Opinion,
    /// shows, found, states (documents and data)
    Document,
    /// according to …
    According,
    /// citing / quoting …: the source of the frame before it
    Citing,
    /// "was quoted as saying (by …)"
    Quoted,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    /// Closes the sentence: "…, the source said."
    Trailing,
    /// Opens the main clause: "The source said …".
    Initial,
    Medial,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    pub verb: Verb,
    /// Token range of the cue word(s).
    pub cue: (usize, usize),
    pub source: Phrase,
    /// "told <Daily NK>", "told <reporters>".
    pub hearer: Option<Box<Phrase>>,
    /// "quoted by <Interfax>", "carried by <KCNA>".
    pub conduit: Option<Box<Phrase>>,
    pub position: Position,
    /// "said in a statement", "at a briefing".
    pub statement: bool,
    /// "said in a report", "in its study".
    pub in_document: bool,
}

/// Every frame of the sentence (outside quotations), and the index of the governing one.
pub fn frames(t: &Tokens, body: usize, ctx: &Context) -> (Vec<Frame>, Option<usize>) {
    let mut out: Vec<Frame> = Vec::new();
    let mut v = body;
    while v < t.len() {
        if t.quoted(v) || !t.is_word(v) {
            v += 1;
            continue;
        }
        let w = t.lower(v);
        // "As (first) reported by NK News, …".
        let adverb = usize::from(matches!(
            t.lower(v + 1),
            "first" | "earlier" | "previously" | "originally"
        ));
        if (w == "according" && t.is(v + 1, "to"))
            || (w == "as" && t.matches(v + 1 + adverb, &["reported", "by"]))
        {
            let from = v + if w == "as" { 3 + adverb } else { 2 };
            if let Some(source) = phrase_after(t, from, ctx) {
                out.push(frame(t, Verb::According, (v, from), source, body));
            }
            v = from;
            continue;
        }
        if matches!(w, "citing" | "quoting") && v > body {
            if let Some(source) = phrase_after(t, v + 1, ctx) {
                out.push(frame(t, Verb::Citing, (v, v + 1), source, body));
            }
            v += 1;
            continue;
        }
        let bits = t.classes(v);
        // "the woman who answered": a verb inside a relative clause frames nothing.
        let relative = v > body && matches!(t.lower(v - 1), "who" | "which" | "that" | "whom");
        if bits & class::VERB == 0 || is_adjective_use(t, v) || relative {
            v += 1;
            continue;
        }
        if let Some(f) =
            subject_frame(t, v, bits, body, ctx).or_else(|| inverted_frame(t, v, bits, body, ctx))
        {
            out.push(f);
        }
        v += 1;
    }
    clause_frames(t, body, ctx, &mut out);
    relayed_frames(t, body, ctx, &mut out);
    let main = governing(&out);
    (out, main)
}

impl Frame {
    /// A frame that opens the sentence and governs it, with no hearer, conduit or statement.
    pub(super) fn opening(verb: Verb, cue: (usize, usize), source: Phrase) -> Self {
        Frame {
            verb,
            cue,
            source,
            hearer: None,
            conduit: None,
            position: Position::Initial,
            statement: false,
            in_document: false,
        }
    }
}

pub(super) fn frame(
    t: &Tokens,
    verb: Verb,
    cue: (usize, usize),
    source: Phrase,
    body: usize,
) -> Frame {
    let mut f = Frame {
        verb,
        cue,
        source,
        hearer: None,
        conduit: None,
        position: Position::Medial,
        statement: false,
        in_document: false,
    };
    f.position = position(t, &f, body);
    f
}

pub(super) fn verb_kind(bits: u64, head: Head, word: &str) -> Option<Verb> {
    use class::*;
    // Institutions "published" and "wrote" as they "said"; they "carried out" and "ran" things.
    let published = matches!(
        word,
        "published" | "publishes" | "wrote" | "writes" | "broadcast"
    );
    const PUBLISHED: u64 = 1 << 40;
    let bits = if published { bits | PUBLISHED } else { bits };
    let v = match head {
        Head::Publisher if bits & (LEARN | REPORT | SAY | OPINION) != 0 => Verb::Learn,
        // "The broadcaster has learned": only the publisher says so of itself.
        Head::Media if matches!(word, "learned" | "learnt") => Verb::Learn,
        Head::Document if bits & DOC_VERB != 0 => Verb::Document,
        Head::Outlet(_) | Head::Media if bits & (REPORT | DOC_VERB) != 0 => Verb::Report,
        Head::Expert | Head::ExpertBody | Head::Institution | Head::State | Head::Title
            if bits & OPINION != 0 && bits & SAY == 0 =>
        {
            Verb::Opinion
        }
        Head::Institution | Head::State | Head::Title | Head::Official | Head::ExpertBody
            if bits & REPORT != 0 && bits & SAY == 0 && bits & PUBLISHED != 0 =>
        {
            Verb::Say
        }
        _ if bits & TOLD != 0 && bits & SAY != 0 => Verb::Told,
        _ if bits & (SAY | SAY_BASE) != 0 => Verb::Say,
        Head::Expert | Head::ExpertBody if bits & OPINION != 0 => Verb::Opinion,
        // "It also found", "they reported": what the pronoun stands for decides later.
        Head::Pronoun(_) if bits & (REPORT | DOC_VERB | OPINION) != 0 => Verb::Say,
        _ => return None,
    };
    Some(v)
}

/// Reads what follows a frame's verb: the hearer of "told", "in a statement", "in its report",
/// "quoted by <outlet>", "carried by <KCNA>".
pub(super) fn complete(t: &Tokens, f: &mut Frame, v: usize, ctx: &Context) {
    if f.verb == Verb::Told {
        f.hearer = phrase_after(t, v + 1, ctx).map(Box::new);
    }
    let limit = (v + 12).min(t.len());
    // Conduits are named: only a capitalised word after "in", "with", "by" starts one.
    let named_after =
        |k: usize| t.capitalised(k + 1) || (t.is(k + 1, "the") && t.capitalised(k + 2));
    for k in v + 1..limit {
        if t.quoted(k) {
            break;
        }
        let w = t.lower(k);
        if matches!(w, "in" | "at" | "during") {
            let window = k + 1..(k + 5).min(t.len());
            if window.clone().any(|j| t.has(j, class::STATEMENT)) {
                f.statement = true;
            }
            // "said in its report", "wrote on Monday in a paper" — not "said the rate in the
            // annex was …", where the document is part of what was said.
            let hearer = f.hearer.as_ref().map_or((0, 0), |h| h.tokens);
            let right_after = (v + 1..k).all(|j| {
                (hearer.0 <= j && j < hearer.1)
                    || t.tok(j) == Some(Tok::Number)
                    || t.tok(j) == Some(Tok::Comma)
                    || subject::is_time_word(t, j)
                    || matches!(t.lower(j), "on" | "also" | "week" | "month" | "year")
            });
            if right_after
                && window
                    .take(3)
                    .any(|j| t.has(j, class::DOCUMENT) && !t.has(j, class::STATEMENT))
            {
                f.in_document = true;
            }
        } else if !matches!(w, "with" | "by" | "carried") {
            continue;
        }
        // "was quoted as saying in the Kommersant’s report", "in an interview with RFA".
        if matches!(t.lower(k), "in" | "with") && k + 1 < limit && named_after(k) {
            let from = if t.is(k + 1, "the") { k + 2 } else { k + 1 };
            if let Some(p) = crate::model::suggest::phrase::outlet_at(t, from, ctx)
                && matches!(p.head, Head::Outlet(_))
                && (t.toks[p.tokens.1.saturating_sub(1)].possessive
                    || t.is(k, "with")
                    || t.is(k.saturating_sub(1), "interview"))
            {
                f.conduit = Some(Box::new(p));
            }
        }
        if (t.is(k, "by") && named_after(k)) || (t.is(k, "carried") && t.is(k + 1, "by")) {
            let from = if t.is(k, "carried") && t.is(k + 1, "by") {
                k + 2
            } else {
                k + 1
            };
            if let Some(p) = crate::model::suggest::phrase::outlet_at(t, from, ctx) {
                f.conduit = Some(Box::new(p));
            }
        }
    }
    // "in a statement carried by KCNA" before the verb: "X, in a statement carried by KCNA, said".
    let (a, b) = f.source.tokens;
    for k in a..b {
        if matches!(t.lower(k), "carried" | "quoted" | "cited")
            && t.is(k + 1, "by")
            && let Some(p) = phrase_after(t, k + 2, ctx)
            && matches!(p.head, Head::Outlet(_) | Head::Media)
        {
            f.statement |= t.is(k, "carried");
            f.conduit = Some(Box::new(p));
        }
    }
}

/// The frame that governs the sentence: the last closing one (a "citing …" tail belongs to the
/// frame before it), else the first that opens the main clause.
fn governing(frames: &[Frame]) -> Option<usize> {
    let trailing = frames
        .iter()
        .enumerate()
        .rev()
        .find(|(_, f)| f.position == Position::Trailing && f.verb != Verb::Citing)
        .map(|(i, _)| i);
    let initial = frames
        .iter()
        .position(|f| f.position == Position::Initial && f.verb != Verb::Citing);
    // "The NIS told lawmakers …, according to Rep. Park": the lawmaker relays the briefing.
    if let (Some(tr), Some(init)) = (trailing, initial) {
        let relay = &frames[tr].source;
        let briefed = frames[init].verb == Verb::Told
            && frames[init]
                .hearer
                .as_ref()
                .is_some_and(|h| h.head == Head::Lawmaker);
        let lawmaker = relay.head == Head::Lawmaker
            || (matches!(relay.head, Head::Person | Head::Title) && relay.official_role);
        if briefed && lawmaker && matches!(frames[tr].verb, Verb::According | Verb::Say) {
            return Some(init);
        }
    }
    // "The first hull took a year, and we saw no such hall before": with nothing else framing
    // the sentence, the writer's own finding in a later clause.
    trailing.or(initial).or_else(|| {
        frames.iter().position(|f| {
            f.verb == Verb::Learn
                && matches!(
                    f.source.head,
                    Head::Publisher | Head::Pronoun(crate::model::suggest::phrase::Pronoun::We)
                )
        })
    })
}

/// Where a sentence's hedge, anonymity and non-statement phrases are (outside quotations):
/// byte spans of the first of each, found in one pass.
#[derive(Debug, Default, Clone, Copy)]
pub struct Phrases {
    pub hedge: Option<(usize, usize)>,
    pub anonymity: Option<(usize, usize)>,
    pub non_statement: Option<(usize, usize)>,
}

pub fn scan_phrases(t: &Tokens, from: usize) -> Phrases {
    let mut out = Phrases::default();
    for i in from..t.len() {
        if t.quoted(i) || !t.is_word(i) {
            continue;
        }
        if out.hedge.is_none() && t.has(i, class::HEDGE) {
            out.hedge = Some(t.span(i, i + 1));
        }
        for (rest, k) in t.phrases(i) {
            let slot = match k {
                PhraseKind::Hedge => &mut out.hedge,
                PhraseKind::Anonymity => &mut out.anonymity,
                PhraseKind::NonStatement => &mut out.non_statement,
                _ => continue,
            };
            if slot.is_none()
                && rest
                    .iter()
                    .enumerate()
                    .all(|(j, r)| t.lower(i + 1 + j) == r)
            {
                *slot = Some(t.span(i, i + 1 + rest.len()));
            }
        }
    }
    out
}
