//! Attribution frames: a cue ("said", "told", "according to", "has learned", "data show") with
//! its source phrase before or after it, inverted after a quotation, and where in the sentence
//! the frame stands. The frame that governs the sentence is chosen here: one that closes it
//! ("…, the source said."), else one that opens its main clause ("The source said …",
//! "Following reports that …, Daily NK has learned …", "According to the source, …"). Frames
//! inside quotations, subordinate clauses or "that" clauses are background.

use super::lexicon::{LEXICON, PhraseKind, class};
use super::phrase::{Context, Head, Phrase, classify};
use super::tokens::{Tok, Tokens};

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
    pub hearer: Option<Phrase>,
    /// "quoted by <Interfax>", "carried by <KCNA>".
    pub conduit: Option<Phrase>,
    pub position: Position,
    /// "said in a statement", "at a briefing".
    pub statement: bool,
    /// "said in a report", "in its study".
    pub in_document: bool,
}

/// Auxiliaries and adverbs that sit between a source and its verb.
const BETWEEN: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "been",
    "also",
    "further",
    "later",
    "then",
    "reportedly",
    "earlier",
    "previously",
    "recently",
    "first",
    "repeatedly",
    "allegedly",
    "apparently",
    "once",
    "again",
    "not",
    "did",
    "does",
    "do",
    "will",
    "would",
    "could",
    "can",
    "cannot",
    "may",
    "might",
    "should",
    "must",
    "independently",
    "already",
    "yet",
    "still",
    "now",
    "only",
    "even",
    "often",
    "frequently",
    "publicly",
    "privately",
    "separately",
    "similarly",
    "likewise",
    "too",
    "to",
    "continue",
    "continues",
    "continued",
    "outright",
    "flatly",
    "hurriedly",
    "quickly",
    "immediately",
    "officially",
    "unofficially",
    "openly",
    "directly",
    "personally",
    "all",
    "both",
    "himself",
    "herself",
    "themselves",
    "itself",
    "however",
    "therefore",
    "thus",
    "meanwhile",
    "never",
    "always",
    "just",
    "n't",
    "went",
    "has not",
    "be",
    "being",
    "able",
    "unable",
    "yet",
    "newly",
    "jointly",
    "formally",
    "declined",
    "refused",
    "would",
];
/// Sentence adverbs that may open a sentence before its subject.
const OPENERS: &[&str] = &[
    "however",
    "meanwhile",
    "moreover",
    "relatedly",
    "additionally",
    "furthermore",
    "still",
    "instead",
    "separately",
    "similarly",
    "indeed",
    "also",
    "but",
    "and",
    "yet",
    "so",
    "thus",
    "accordingly",
    "previously",
    "earlier",
    "later",
    "now",
    "today",
    "yesterday",
    "recently",
];
/// Sentence adverbs of several words.
const OPENER_PHRASES: &[&[&str]] = &[
    &["in", "fact"],
    &["in", "addition"],
    &["as", "a", "result"],
    &["of", "course"],
    &["at", "the", "same", "time"],
    &["on", "the", "other", "hand"],
    &["in", "other", "words"],
    &["that", "is", "to", "say"],
];
/// Words that open an introductory clause, after which the main clause starts at a comma.
const INTROS: &[&str] = &[
    "following",
    "after",
    "amid",
    "although",
    "though",
    "while",
    "as",
    "when",
    "since",
    "because",
    "despite",
    "if",
    "citing",
    "quoting",
    "speaking",
    "given",
    "in",
    "on",
    "during",
    "over",
    "for",
    "at",
    "by",
    "with",
    "unlike",
    "like",
    "before",
    "until",
    "once",
    "asked",
    "responding",
    "referring",
    "commenting",
    "talking",
    "writing",
    "according",
    "to",
    "last",
    "earlier",
    "under",
];
/// Participles that carry on a closing frame: "…,” the source said, adding that …".
const CARRY_ON: &[&str] = &[
    "adding",
    "noting",
    "saying",
    "citing",
    "quoting",
    "explaining",
    "claiming",
    "stressing",
    "warning",
    "insisting",
    "according",
    "calling",
    "describing",
    "urging",
    "arguing",
    "referring",
    "suggesting",
    "who",
    "which",
    "speaking",
    "using",
    "before",
    "after",
    "requesting",
    "asking",
    "declining",
    "voicing",
];
const STATEMENT: &[&str] = &[
    "statement",
    "statements",
    "briefing",
    "release",
    "conference",
    "announcement",
    "interview",
    "speech",
    "address",
    "notice",
    "post",
    "message",
    "letter",
    "communique",
];

/// The token index where the body starts, after a wire dateline ("SEOUL, Oct. 4 (Yonhap) --",
/// "WASHINGTON (Reuters) —", "VLADIVOSTOK —"), and the wire's name if it gives one.
pub fn dateline(t: &Tokens) -> (usize, Option<String>) {
    let n = t.len().min(14);
    let all_caps = |i: usize| {
        t.is_word(i) && t.word(i).len() >= 2 && t.word(i).chars().all(|c| !c.is_lowercase())
    };
    if !all_caps(0) {
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
        if t.matches(v, &["according", "to"]) || t.matches(v, &["as", "reported", "by"]) {
            let from = v + if w == "as" { 3 } else { 2 };
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
        let bits = LEXICON.classes(w);
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

/// "RFA cited two residents as saying …", "lawmakers quoted the NIS as saying …": the source is
/// the one quoted; an outlet doing the quoting is the conduit. And the broadcast shape
/// "Prof. Kim Ji-ho (Korea University) : “…”", where a colon stands for the verb.
fn relayed_frames(t: &Tokens, body: usize, ctx: &Context, out: &mut Vec<Frame>) {
    for v in body..t.len() {
        if t.quoted(v) || !matches!(t.lower(v), "quoted" | "cited" | "quoting" | "citing") {
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
            f.conduit = Some(s);
        }
        out.push(f);
    }
    // "Name (Institution) : “…”" — a speaker's tag before a quotation.
    let start = lead_in(t, body);
    if let Some(colon) =
        (start..t.len().min(start + 22)).find(|&k| t.word(k) == ":" && !t.quoted(k))
        && t.tok(colon + 1) == Some(Tok::OpenQuote)
        && colon > start
        && let Some(source) = classify(t, start, colon, ctx)
        && matches!(
            source.head,
            Head::Person | Head::Title | Head::Official | Head::Expert
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
fn clause_frames(t: &Tokens, body: usize, ctx: &Context, out: &mut Vec<Frame>) {
    let starts = clause_starts(t, body);
    for &s in &starts {
        if out.iter().any(|f| f.source.tokens.0 == s) {
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
            && (BETWEEN.contains(&t.lower(end)) || t.lower(end).ends_with("ly"))
            && !is_verbish(t, end)
        {
            end += 1;
        }
        let citing_after =
            t.tok(end) == Some(Tok::Comma) && matches!(t.lower(end + 1), "citing" | "quoting");
        let verb = match source.head {
            Head::Publisher | Head::Pronoun(super::phrase::Pronoun::We)
                if end < t.len() && is_verbish(t, end) =>
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
            _ => continue,
        };
        out.push(Frame {
            verb,
            cue: (end.min(t.len().saturating_sub(1)), (end + 1).min(t.len())),
            source,
            hearer: None,
            conduit: None,
            position: Position::Initial,
            statement: false,
            in_document: false,
        });
    }
    // "In my view, …", "In our assessment, …": the writer's own judgement.
    if (t.matches(k0_of(&starts, body), &["in", "my"])
        || t.matches(k0_of(&starts, body), &["in", "our"]))
        && matches!(
            t.lower(k0_of(&starts, body) + 2),
            "view" | "assessment" | "judgment" | "judgement" | "estimation" | "opinion" | "reading"
        )
        && !out.iter().any(|f| f.position != Position::Medial)
    {
        let k = k0_of(&starts, body);
        if let Some(source) = classify(t, k + 1, k + 2, ctx) {
            out.push(Frame {
                verb: Verb::Learn,
                cue: (k, k + 3),
                source,
                hearer: None,
                conduit: None,
                position: Position::Initial,
                statement: false,
                in_document: false,
            });
        }
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
                out.push(Frame {
                    verb: Verb::Report,
                    cue: (k0, r + 1),
                    source,
                    hearer: None,
                    conduit: None,
                    position: Position::Initial,
                    statement: false,
                    in_document: false,
                });
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
            out.push(Frame {
                verb: Verb::Document,
                cue: (k, k + 1),
                source,
                hearer: None,
                conduit: None,
                position: Position::Initial,
                statement: false,
                in_document: false,
            });
        }
    }
}

fn k0_of(starts: &[usize], body: usize) -> usize {
    starts.first().copied().unwrap_or(body)
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
fn clause_starts(t: &Tokens, body: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut k = lead_in(t, body);
    while k < t.len()
        && (OPENERS.contains(&t.lower(k)) || matches!(t.tok(k), Some(Tok::Comma | Tok::Dash)))
    {
        k += 1;
    }
    out.push(k);
    if INTROS.contains(&t.lower(k))
        && let Some(c) = (k..t.len()).find(|&j| t.tok(j) == Some(Tok::Comma) && !t.quoted(j))
    {
        out.push(c + 1);
    }
    out
}

/// A finite verb or auxiliary: where a subject ends.
fn is_verbish(t: &Tokens, k: usize) -> bool {
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
    ) || (LEXICON.is(w, class::VERB) && !t.capitalised(k))
        || (w.ends_with("ed") && w.len() > 4 && !t.capitalised(k))
        || (w.ends_with('s')
            && !t.capitalised(k)
            && k > 0
            && t.capitalised(k - 1)
            && LEXICON.classes(w) & class::HEAD == 0)
}

/// "the reported transfer", "the said agreement": a verb form used as an adjective.
fn is_adjective_use(t: &Tokens, v: usize) -> bool {
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

fn frame(t: &Tokens, verb: Verb, cue: (usize, usize), source: Phrase, body: usize) -> Frame {
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

fn verb_kind(bits: u64, head: Head, word: &str) -> Option<Verb> {
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

/// "<source> [has] said …", "<source>, <appositive>, said …".
fn subject_frame(t: &Tokens, v: usize, bits: u64, body: usize, ctx: &Context) -> Option<Frame> {
    let mut end = v;
    let mut passive = false;
    let adverb = |k: usize| {
        let w = t.lower(k);
        BETWEEN.contains(&w)
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
    // Base forms only after an auxiliary or "to": "is yet to confirm", "did not deny".
    if bits & class::SAY_BASE != 0 && bits & class::SAY == 0 && end == v {
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
        let commas: Vec<usize> = (body..end - 1)
            .rev()
            .take(40)
            .filter(|&k| t.tok(k) == Some(Tok::Comma) && !t.quoted(k))
            .take(3)
            .collect();
        let open = *commas.iter().find(|&&c| {
            let s = np_start(t, body, c);
            s < c && t.tok(s) != Some(Tok::Number) && !matches!(t.lower(s), "who" | "which")
        })?;
        if (open + 1..end - 1).all(|k| t.quoted(k)) {
            return None;
        }
        (np_start(t, body, open), end - 1)
    } else {
        (np_start(t, body, end), end)
    };
    if start >= stop {
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
    let mut f = frame(t, verb, (v, v + 1), source, body);
    f.position = position_subject(t, start, v, body);
    complete(t, &mut f, v, ctx);
    Some(f)
}

/// "“…,” said a source inside North Korea." — the verb before its source, after a comma or
/// quotation.
fn inverted_frame(t: &Tokens, v: usize, bits: u64, body: usize, ctx: &Context) -> Option<Frame> {
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
fn phrase_after(t: &Tokens, from: usize, ctx: &Context) -> Option<Phrase> {
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
                    && (LEXICON.is(w, class::SAY | class::TOLD | class::REPORT)
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
                !(matches!(t.lower(end + 1), "who" | "which" | "a" | "an" | "the")
                    && end > from
                    && (end - from) < 6)
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
fn np_start(t: &Tokens, floor: usize, end: usize) -> usize {
    let mut s = end;
    while s > floor && end - s < 24 {
        let k = s - 1;
        let w = t.lower(k);
        if t.quoted(k) {
            break;
        }
        if t.tok(k) == Some(Tok::CloseParen) {
            match (floor..k).rev().find(|&j| t.tok(j) == Some(Tok::OpenParen)) {
                Some(open) if k - open <= 6 => {
                    s = open;
                    continue;
                }
                _ => break,
            }
        }
        // A relative clause belongs to the head noun before it.
        if matches!(w, "who" | "whose")
            && k > floor
            && LEXICON.is(t.lower(k - 1), class::HEAD | class::OUTLET_WORD)
            || (matches!(w, "who" | "whose") && k > floor && t.capitalised(k - 1))
        {
            s = k;
            continue;
        }
        let ok = match t.tok(k) {
            Some(Tok::Word) => {
                let relative_inside = (k + 1..end).any(|j| matches!(t.lower(j), "who" | "whose"))
                    || (k.saturating_sub(12)..k).any(|j| matches!(t.lower(j), "who" | "whose"));
                let bits = LEXICON.classes(w);
                let verb = bits & class::VERB != 0 && bits & class::HEAD == 0 && !t.capitalised(k);
                let between = (k.saturating_sub(8)..k).any(|j| t.is(j, "between"));
                // "workers interviewed for this brief", "an order obtained by Polynya".
                let participle =
                    verb && matches!(
                        t.lower(k + 1),
                        "by" | "for" | "in" | "at" | "from" | "on" | "with"
                    ) && k > floor
                        && (LEXICON.is(t.lower(k - 1), class::HEAD) || t.capitalised(k - 1));
                (!(bits & class::SUBORDINATOR != 0 && w != "as")
                    && !(verb && !relative_inside && !participle)
                    && !matches!(w, "and" | "or" | "but"))
                    || (w == "and" && (joins_names(t, k) || between))
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
        let in_relative = (k.saturating_sub(12)..k).any(|j| matches!(t.lower(j), "who" | "whose"));
        if matches!(w, "the" | "a" | "an" | "this" | "these" | "those") && !in_relative {
            let before = k.checked_sub(1).map(|b| t.lower(b)).unwrap_or("");
            const TIES: &[&str] = &[
                "in", "inside", "of", "from", "at", "near", "to", "with", "by", "for", "on",
                "about", "between", "among", "under", "over", "and", "within", "across",
            ];
            if !TIES.contains(&before) {
                break;
            }
        }
    }
    // A relative clause cannot open the phrase.
    while s < end && matches!(t.lower(s), "who" | "whose") {
        s += 1;
    }
    s
}

/// "Kyiv and Seoul", "defense officials and analysts": "and" inside a subject.
fn joins_names(t: &Tokens, k: usize) -> bool {
    let side = |i: usize| {
        t.capitalised(i) || t.tok(i) == Some(Tok::Number) || LEXICON.is(t.lower(i), class::HEAD)
    };
    k > 0 && side(k - 1) && side(k + 1)
}

fn is_time_word(t: &Tokens, i: usize) -> bool {
    matches!(
        t.lower(i),
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "yesterday"
            | "today"
            | "recently"
            | "earlier"
            | "last"
            | "this"
            | "late"
            | "early"
    ) || (t.is(i, "on") && is_time_word(t, i + 1))
}

/// Skips a time expression that ends at `end`: "on Oct. 21", "on Monday", "last week".
fn skip_time_back(t: &Tokens, floor: usize, end: usize) -> usize {
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

/// Everything after `from` is the tail of a closing frame: a hearer, a date, "in a statement",
/// a relative clause or a carried-on participle.
fn tail_only(t: &Tokens, from: usize) -> bool {
    let mut words = 0;
    for k in from..t.len() {
        match t.tok(k) {
            Some(Tok::Comma) if CARRY_ON.contains(&t.lower(k + 1)) => return true,
            Some(Tok::Stop) if k + 1 == t.len() || t.quoted(k + 1) => return true,
            Some(Tok::Word) if t.is(k, "that") && !t.is(k.saturating_sub(1), "so") => return false,
            Some(Tok::Word) => {
                if LEXICON.is(t.lower(k), class::SAY) && !t.capitalised(k) {
                    return false;
                }
                words += 1;
            }
            _ => {}
        }
    }
    words <= 14
}

fn position_subject(t: &Tokens, start: usize, v: usize, body: usize) -> Position {
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

fn position(t: &Tokens, f: &Frame, body: usize) -> Position {
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

/// Token `start` opens the main clause: the sentence's first words (after sentence adverbs), or
/// the first words after an introductory clause and its comma.
fn opens_main_clause(t: &Tokens, start: usize, body: usize) -> bool {
    let mut k = body;
    while k < start && t.tok(k) != Some(Tok::OpenQuote) {
        if let Some(p) = OPENER_PHRASES.iter().find(|p| t.matches(k, p)) {
            k += p.len();
        } else if t.tok(k) != Some(Tok::Word) || OPENERS.contains(&t.lower(k)) {
            k += 1;
        } else {
            break;
        }
    }
    if k == start {
        return true;
    }
    // A short time phrase without a comma: "On Oct. 28 the Rodong Sinmun ran …".
    let timeish = |j: usize| {
        t.tok(j) == Some(Tok::Number)
            || is_time_word(t, j)
            || matches!(
                t.lower(j),
                "the"
                    | "week"
                    | "month"
                    | "year"
                    | "weekend"
                    | "morning"
                    | "evening"
                    | "night"
                    | "jan"
                    | "feb"
                    | "mar"
                    | "apr"
                    | "may"
                    | "jun"
                    | "jul"
                    | "aug"
                    | "sep"
                    | "sept"
                    | "oct"
                    | "nov"
                    | "dec"
                    | "january"
                    | "february"
                    | "march"
                    | "april"
                    | "june"
                    | "july"
                    | "august"
                    | "september"
                    | "october"
                    | "november"
                    | "december"
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
    let intro = INTROS.contains(&t.lower(k));
    let comma_before = start > 0 && t.tok(start - 1) == Some(Tok::Comma);
    let clause = (k..start - 1).all(|j| !t.quoted(j) || t.tok(j) == Some(Tok::CloseQuote));
    intro && comma_before && clause
}

/// Reads what follows a frame's verb: the hearer of "told", "in a statement", "in its report",
/// "quoted by <outlet>", "carried by <KCNA>".
fn complete(t: &Tokens, f: &mut Frame, v: usize, ctx: &Context) {
    if f.verb == Verb::Told {
        f.hearer = phrase_after(t, v + 1, ctx);
    }
    let limit = (v + 12).min(t.len());
    for k in v + 1..limit {
        if t.quoted(k) {
            break;
        }
        if t.is(k, "in") || t.is(k, "at") || t.is(k, "during") {
            let window: Vec<&str> = (k + 1..(k + 5).min(t.len())).map(|j| t.lower(j)).collect();
            if window.iter().any(|w| STATEMENT.contains(w)) {
                f.statement = true;
            }
            if window
                .iter()
                .take(3)
                .any(|w| LEXICON.is(w, class::DOCUMENT) && !STATEMENT.contains(w))
            {
                f.in_document = true;
            }
        }
        // "was quoted as saying in the Kommersant’s report", "in an interview with RFA".
        if matches!(t.lower(k), "in" | "with") && k + 1 < limit {
            let from = if t.is(k + 1, "the") { k + 2 } else { k + 1 };
            if let Some(p) = phrase_after(t, from, ctx)
                && matches!(p.head, Head::Outlet(_))
                && (t.toks[p.tokens.1.saturating_sub(1)].possessive
                    || t.is(k, "with")
                    || t.is(k.saturating_sub(1), "interview"))
            {
                f.conduit = Some(p);
            }
        }
        if matches!(t.lower(k), "by" | "carried") {
            let from = if t.is(k, "carried") && t.is(k + 1, "by") {
                k + 2
            } else {
                k + 1
            };
            if let Some(p) = phrase_after(t, from, ctx)
                && matches!(p.head, Head::Outlet(_) | Head::Media)
            {
                f.conduit = Some(p);
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
            f.conduit = Some(p);
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
    trailing.or_else(|| {
        frames
            .iter()
            .position(|f| f.position == Position::Initial && f.verb != Verb::Citing)
    })
}

/// Phrases of the sentence that name a lexicon kind: used for hedges, non-statements and
/// anonymity anywhere outside quotations. Returns the byte span of the first match.
pub fn find_phrase(t: &Tokens, from: usize, kind: PhraseKind) -> Option<(usize, usize)> {
    for i in from..t.len() {
        if t.quoted(i) || !t.is_word(i) {
            continue;
        }
        for (rest, k) in LEXICON.phrases(t.lower(i)) {
            if *k == kind
                && rest
                    .iter()
                    .enumerate()
                    .all(|(j, w)| t.lower(i + 1 + j) == w)
            {
                return Some(t.span(i, i + 1 + rest.len()));
            }
        }
    }
    None
}
