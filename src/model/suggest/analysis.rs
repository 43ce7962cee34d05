//! One sentence read on its own: furniture, frames, hedges, the quotation it stands in. Every
//! sentence is read independently (in parallel); context comes after, in [`super::discourse`].

use super::frames::{Frame, Verb, dateline, frames, scan_phrases};
use super::furniture::{Layout, furniture};
use super::phrase::{Context, Head, Phrase, Whereabouts, classify};
use super::places::{Found, GAZETTEER};
use super::tokens::{Tok, Tokens};
use crate::model::SourceKind;

/// Where a sentence stands with respect to quotations.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QuoteState {
    /// A quotation opened before the sentence is still open where it starts.
    pub starts_inside: bool,
    /// The sentence opens with a quotation mark.
    pub opens_at_start: bool,
    /// A quotation is open where the sentence ends.
    pub ends_inside: bool,
    /// The sentence closes a quotation.
    pub closes: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// (rule, confidence, kind): not a claim, or a table row (data).
    pub furniture: Option<(&'static str, f32, SourceKind)>,
    pub frames: Vec<Frame>,
    /// The frame that governs the sentence.
    pub main: Option<usize>,
    /// Sources introduced without speaking ("ASIAPRESS asked a reporting partner in …").
    pub mentions: Vec<Phrase>,
    /// Byte range of a hedge outside quotations.
    pub hedge: Option<(usize, usize)>,
    pub quote: QuoteState,
    /// Byte range of each frame's cue and source phrase, in the order of `frames`.
    pub spans: Vec<(usize, usize)>,
    /// Where the sentence is set: the places it names outside quotations, when they all lie in
    /// one country (the first of them).
    pub setting: Option<Whereabouts>,
}

/// Present-tense verbs of an outlet describing itself.
const SELF_DESCRIPTION: &[&str] = &[
    "works",
    "relies",
    "depends",
    "is",
    "needs",
    "asks",
    "accepts",
    "receives",
    "operates",
    "publishes",
    "has",
    "uses",
    "protects",
    "contacts",
    "communicates",
    "maintains",
    "welcomes",
];

pub fn analyse(text: &str, quote: QuoteState, layout: Layout, ctx: &Context) -> Analysis {
    let t = Tokens::new(text, quote.starts_inside);
    let mut a = Analysis {
        furniture: None,
        frames: Vec::new(),
        main: None,
        mentions: Vec::new(),
        hedge: None,
        quote,
        spans: Vec::new(),
        setting: None,
    };
    if let Some((rule, confidence)) = furniture(text, &t, layout) {
        let kind = if rule == "table-row" {
            SourceKind::Document
        } else {
            SourceKind::NotAClaim
        };
        a.furniture = Some((rule, confidence, kind));
        return a;
    }
    let (body, _wire) = dateline(&t);
    let (mut fs, main) = frames(&t, body, ctx);
    let found = scan_phrases(&t, body);
    let anonymous = found.anonymity.is_some();
    for f in &mut fs {
        settle_place(&t, &mut f.source);
        // "…, speaking on condition of anonymity": the sentence's own source is anonymous.
        if anonymous && matches!(f.source.head, Head::Official | Head::Anonymous) {
            f.source.anonymous = true;
        }
    }
    // A statement nobody made ("did not respond to a request for comment") governs nothing.
    // It governs only from before the frame: "the ministry claimed …, but did not mention …"
    // keeps the ministry.
    let silent = found.non_statement.is_some_and(|(start, _)| {
        main.is_none_or(|m| t.toks[fs[m].cue.0].start >= start || fs[m].cue.0 >= t.len())
    });
    a.main = if silent { None } else { main };
    // "Polynya works without advertising", "Daily NK relies on a network of sources": the
    // publisher describing itself is page furniture.
    if let Some(f) = a.main.map(|m| &fs[m])
        && f.source.head == Head::Publisher
        && f.source.tokens.0 == body
        && SELF_DESCRIPTION.contains(&t.lower(f.cue.0))
        // "has a network of sources", not "has not been able to verify", "has learned".
        && !(matches!(t.lower(f.cue.0), "has" | "is")
            && !matches!(
                t.lower(f.cue.0 + 2),
                "declared" | "designated" | "labelled" | "labeled" | "listed" | "blocked" | "banned"
            )
            && (matches!(t.lower(f.cue.0 + 1), "not" | "been" | "also" | "yet" | "never")
                || t.has(f.cue.0 + 1, super::lexicon::class::VERB)
                || t.lower(f.cue.0 + 1).ends_with("ed")))
    {
        a.furniture = Some(("boilerplate", 0.7, SourceKind::NotAClaim));
        return a;
    }
    a.mentions = mentions(&t, &fs, ctx);
    if a.main.is_none()
        && let Some(subject) = super::frames::opening_subject(&t, body, ctx)
        && !subject.definite
        && !fs.iter().any(|f| f.source.tokens == subject.tokens)
    {
        a.mentions.push(subject);
    }
    // Kept for the whole article: a vector grown by pushing holds room for four frames, most
    // sentences have one.
    fs.shrink_to_fit();
    a.frames = fs;
    a.hedge = found.hedge.or_else(|| passive_hearsay(&t, body));
    if !a.frames.is_empty() {
        a.spans = a
            .frames
            .iter()
            .map(|f| {
                let (from, to) = (
                    f.cue.0.min(f.source.tokens.0),
                    f.cue.1.max(f.source.tokens.1),
                );
                (
                    t.toks.get(from).map_or(0, |k| k.start),
                    t.toks.get(to.saturating_sub(1)).map_or(0, |k| k.end),
                )
            })
            .collect();
        a.setting = setting(&t, body);
    }
    a
}

/// The places a sentence names outside quotations, if all lie in one country: the first.
fn setting(t: &Tokens, body: usize) -> Option<Whereabouts> {
    let mut first: Option<(Found, String)> = None;
    let mut country: Option<String> = None;
    let mut i = body;
    while i < t.len() {
        if t.quoted(i) || !t.capitalised(i) {
            i += 1;
            continue;
        }
        match GAZETTEER.longest_with(t.word_run(i, t.len()), super::places::EDITION) {
            Some((n, found)) => {
                let c = GAZETTEER.country(&found)?.to_string();
                if country.as_ref().is_some_and(|k| *k != c) {
                    return None;
                }
                country = Some(c);
                if first.is_none() && matches!(found, Found::Place(_)) {
                    first = Some((found, t.slice(i, i + n).to_string()));
                }
                i += n;
            }
            None => i += 1,
        }
    }
    first.map(|(f, w)| Whereabouts::Found(f, w))
}

/// "is (also, widely, still) said / believed / thought to": hearsay in the passive.
fn passive_hearsay(t: &Tokens, body: usize) -> Option<(usize, usize)> {
    for i in body..t.len() {
        if t.quoted(i) || !matches!(t.lower(i), "is" | "are" | "was" | "were" | "been") {
            continue;
        }
        let mut k = i + 1;
        while k < t.len() && k < i + 4 && t.lower(k).ends_with("ly")
            || matches!(t.lower(k), "also" | "still" | "now" | "long")
        {
            k += 1;
        }
        let verb = matches!(
            t.lower(k),
            "said"
                | "believed"
                | "thought"
                | "reported"
                | "understood"
                | "alleged"
                | "rumored"
                | "rumoured"
                | "presumed"
                | "suspected"
                | "known"
                | "claimed"
        );
        if verb && t.is(k + 1, "to") {
            return Some(t.span(i, k + 2));
        }
    }
    None
}

/// Sources named as objects of the publisher's own reporting: "ASIAPRESS also asked a reporting
/// partner from North Pyongan Province about …", "remarks by Ambassador …".
fn mentions(t: &Tokens, frames: &[Frame], ctx: &Context) -> Vec<Phrase> {
    let mut out = Vec::new();
    for f in frames {
        if f.verb == Verb::Learn && f.source.head == Head::Publisher {
            let mut k = f.cue.1;
            while matches!(t.lower(k), "also" | "with" | "to" | "further") {
                k += 1;
            }
            let end = (k..t.len())
                .find(|&j| {
                    matches!(t.tok(j), Some(Tok::Comma | Tok::Stop))
                        || t.is(j, "about")
                        || t.is(j, "that")
                        || t.quoted(j)
                })
                .unwrap_or(t.len());
            if let Some(mut p) = classify(t, k, end, ctx)
                && matches!(
                    p.head,
                    Head::Anonymous | Head::Official | Head::Person | Head::Title
                )
            {
                settle_place(t, &mut p);
                out.push(p);
            }
        }
    }
    for i in 1..t.len() {
        if t.is(i, "by")
            && matches!(
                t.lower(i - 1),
                "remarks" | "comments" | "statement" | "statements" | "claims"
            )
        {
            let end = (i + 1..t.len())
                .find(|&j| matches!(t.tok(j), Some(Tok::Comma | Tok::Stop)))
                .unwrap_or(t.len());
            if let Some(p) = classify(t, i + 1, end, ctx)
                && matches!(p.head, Head::Person | Head::Title)
            {
                out.push(p);
            }
        }
    }
    out
}

/// A name used on both sides of a border ("Goseong", "Cheorwon") is read in the sentence's
/// context ("North Korea’s Kosong County", "the South Korean town of Goseong"); without one it
/// stays ambiguous, never silently the North.
fn settle_place(t: &Tokens, p: &mut Phrase) {
    let Some(Whereabouts::Found(Found::Ambiguous(countries), written)) = &p.place else {
        return;
    };
    let text = t.text;
    let cue = |names: &[&str]| names.iter().any(|n| text.contains(n));
    let north = cue(&["North Korea", "the North", "DPRK", "N. Korea"]);
    let south = cue(&["South Korea", "the South", "S. Korea", "ROK"]);
    let side = match (north, south) {
        (true, false) => "KP",
        (false, true) => "KR",
        _ => return,
    };
    if countries.iter().any(|c| c == side)
        && let Some(found) = GAZETTEER.lookup_in(written, side)
    {
        p.place = Some(Whereabouts::Found(found, written.clone()));
    }
}

/// The quotation state of every sentence, in reading order. A quotation left open at the end of
/// a paragraph continues when the next paragraph opens with a quotation mark (the typographic
/// convention for quotations over several paragraphs).
pub fn quote_states(
    text: &str,
    sentences: &[crate::model::Span],
    paragraph: &[usize],
) -> Vec<QuoteState> {
    let mut out = Vec::with_capacity(sentences.len());
    let mut open = false;
    for (i, s) in sentences.iter().enumerate() {
        let body = &text[s.range()];
        let opens_at_start = matches!(quotation_start(body).chars().next(), Some('“' | '"' | '«'));
        if i > 0 && paragraph[i] != paragraph[i - 1] && !opens_at_start {
            open = false;
        }
        let starts_inside = open && !(i > 0 && paragraph[i] != paragraph[i - 1]);
        let mut closes = false;
        let bytes = body.as_bytes();
        // Quotation marks are `"` or start with 0xE2 (“ ”) or 0xC2 (« »): jump between them.
        for k in memchr::memchr3_iter(b'"', 0xE2, 0xC2, bytes) {
            match &bytes[k..] {
                [0xE2, 0x80, 0x9C, ..] | [0xC2, 0xAB, ..] => open = true,
                [0xE2, 0x80, 0x9D, ..] | [0xC2, 0xBB, ..] => {
                    closes |= open;
                    open = false;
                }
                [b'"', ..] => {
                    let prev = body[..k].chars().next_back();
                    let opening = prev.is_none_or(|p| p.is_whitespace() || "([{—–-".contains(p));
                    if opening && !open {
                        open = true;
                    } else {
                        closes |= open;
                        open = false;
                    }
                }
                _ => {}
            }
        }
        out.push(QuoteState {
            starts_inside,
            opens_at_start,
            ends_inside: open,
            closes,
        });
    }
    out
}

/// Where a sentence's words start after a quotation label: "Quote: “…”", "Quote from the Air
/// Force: “…”" (a short label before a colon) open with the quotation.
fn quotation_start(body: &str) -> &str {
    let body = body.trim_start();
    if body.starts_with("Quote")
        && let Some(colon) = body[..body.len().min(60)].find(':')
    {
        return body[colon + 1..].trim_start();
    }
    body
}
