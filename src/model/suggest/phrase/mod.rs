//! Source noun phrases: "a Daily NK source in Yanggang Province", "two people familiar with the
//! matter", "Kremlin spokesperson Dmitry Peskov", "South Korea's Foreign Ministry". A phrase is
//! classified by its head and modifiers into what it names, how many, whether it refers back,
//! where the source is and who it is tied to.

mod modifiers;
mod read;
use modifiers::{modifiers_after, pseudonym};
use read::read;

use super::lexicon::{LEXICON, PhraseKind, class};
use super::places::{Found, GAZETTEER};
use super::tokens::{Tok, Tokens};

/// What a source phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Head {
    /// A source, resident, trader, reporting partner …
    Anonymous,
    /// An official, officer, diplomat (unnamed).
    Official,
    /// An office-holder by title: spokesperson, minister, envoy, president.
    Title,
    /// Lawmakers, legislators.
    Lawmaker,
    /// A ministry, the authorities, the Kremlin, a court, a UN panel.
    Institution,
    /// A country or capital speaking as a state ("Seoul said").
    State,
    /// An institute, a university, a think tank.
    ExpertBody,
    /// Analysts, experts, researchers.
    Expert,
    Document,
    /// Media in general ("a media report", "local media", "the reporter").
    Media,
    /// A named outlet (index into the lexicon's outlets, or none for one known by its shape).
    Outlet(Option<usize>),
    /// The outlet that publishes the article.
    Publisher,
    /// A named person without a head noun ("Peskov", "Kim Ji-hoon, a trader").
    Person,
    Pronoun(Pronoun),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    He,
    She,
    They,
    It,
    We,
}

/// Where a phrase says its source is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Whereabouts {
    /// A place the gazetteer knows (or knows as ambiguous), as written.
    Found(Found, String),
    /// A capitalised place the gazetteer does not know ("Northampton").
    Unknown(String),
    /// "the country", "the same province": resolved from the article.
    Contextual(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    /// Token range in the sentence.
    pub tokens: (usize, usize),
    pub head: Head,
    /// Lowercase head noun ("source", "reporting partner", "spokesperson").
    pub head_word: String,
    pub plural: bool,
    /// Determined and generic ("the source", "the official"): refers back.
    pub definite: bool,
    /// Introduced as new ("a source", "another source", "a second source").
    pub new: bool,
    /// "the first source", "a second source".
    pub ordinal: Option<u8>,
    pub anonymous: bool,
    pub place: Option<Whereabouts>,
    /// A person's name as written.
    pub name: Option<String>,
    /// A title before or a role after a name says expert / official.
    pub expert_role: bool,
    pub official_role: bool,
    /// State media ("KCNA", "TASS"): other media whose relayed statements count as official.
    pub state_media: bool,
    /// Lowercase content words before the head ("un", "kremlin", "vladivostok").
    pub modifiers: String,
    /// "one of them", "two of the officials": part of a group met before.
    pub part_of: bool,
    /// "close to the Kremlin", "familiar with the matter": tied to someone, not placed.
    pub affiliated: bool,
    /// The places the phrase names are where the source came from, not where it is ("a
    /// defector from Hyesan", "a woman … who left North Korea in 2023").
    pub origin_only: bool,
    /// Every lowercase word of the phrase, space-separated, for matching a later mention
    /// against it.
    pub words: String,
    /// The phrase as written, without determiners or trailing clauses: "source inside North
    /// Korea", "China’s Ministry of Commerce".
    pub written: String,
}

/// What the classifier needs to know about the article.
pub struct Context<'a> {
    /// Look-up keys of the publisher's names.
    pub publisher: &'a [String],
    /// Look-up keys of other names the article uses as outlets ("told Hangang", "(Hangang)").
    pub outlets: &'a [String],
    pub edition: u32,
}

const ORDINALS: &[(&str, u8)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
];

/// People who have left the place they come from: their place of origin does not locate them.
fn left_home(head_word: &str) -> bool {
    matches!(
        head_word.trim_end_matches('s'),
        "defector"
            | "refugee"
            | "escapee"
            | "exile"
            | "deportee"
            | "returnee"
            | "prisoner"
            | "captive"
            | "pow"
            | "deserter"
    )
}

fn pronoun(word: &str) -> Option<Pronoun> {
    Some(match word {
        "he" | "him" => Pronoun::He,
        "she" | "her" => Pronoun::She,
        "they" | "them" => Pronoun::They,
        "it" => Pronoun::It,
        // "In my view", "in our assessment": the writer.
        "we" | "i" | "us" | "my" | "our" | "me" => Pronoun::We,
        _ => return None,
    })
}

fn push_word(out: &mut String, w: &str) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(w);
}

fn words_of(t: &Tokens, a: usize, b: usize) -> String {
    let mut out = String::with_capacity(8 * (b - a));
    for k in (a..b).filter(|&k| t.is_word(k)) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(t.lower(k));
    }
    out
}

/// Whether the space-separated `words` hold `word`.
pub fn has_word(words: &str, word: &str) -> bool {
    words.split(' ').any(|w| w == word)
}

/// How a phrase reads as a name: from its first content word to a comma, a relative clause or
/// an anonymity clause.
fn written(t: &Tokens, a: usize, b: usize) -> String {
    let mut s = a;
    while s < b
        && matches!(
            t.lower(s),
            "a" | "an" | "the" | "one" | "another" | "this" | "that" | "our"
        )
    {
        s += 1;
    }
    let e = (s..b)
        .find(|&k| {
            matches!(t.tok(k), Some(Tok::Comma | Tok::OpenQuote | Tok::Stop))
                || matches!(t.lower(k), "who" | "which" | "whose" | "speaking" | "that")
        })
        .unwrap_or(b);
    let text = t.slice(s, e);
    match text.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// A known outlet, or a state actor, starting at token `i`: (tokens used, what it is).
pub fn name_at(t: &Tokens, i: usize) -> Option<(usize, PhraseKind)> {
    // Names are capitalised in text; acronyms entirely: "AP" and "US", never "ap" and "us".
    let written = t.word(i);
    if !written.starts_with(|c: char| !c.is_lowercase()) {
        return None;
    }
    let first = t.lower(i);
    let acronym = written.len() <= 3 && first.len() <= 3;
    if acronym && written.chars().any(char::is_lowercase) {
        return None;
    }
    t.phrases(i).iter().find_map(|(rest, kind)| {
        if !matches!(kind, PhraseKind::Outlet(_) | PhraseKind::StateActor) {
            return None;
        }
        let all = rest
            .iter()
            .enumerate()
            .all(|(k, w)| t.lower(i + 1 + k) == w);
        all.then_some((rest.len() + 1, *kind))
    })
}

/// An outlet named at token `i` (known, or named in the article as one): the phrase for it.
/// Cheap where none is, which is almost everywhere.
pub fn outlet_at(t: &Tokens, i: usize, ctx: &Context) -> Option<Phrase> {
    let i = if t.is(i, "the") { i + 1 } else { i };
    if !t.capitalised(i) {
        return None;
    }
    let known = matches!(name_at(t, i), Some((_, PhraseKind::Outlet(_))));
    let mut k = String::new();
    let mut named = false;
    for n in 0..4 {
        if !t.capitalised(i + n) {
            break;
        }
        super::places::push_key(&mut k, t.lower(i + n));
        if ctx.outlets.contains(&k) || ctx.publisher.contains(&k) {
            named = true;
        }
    }
    if !(known || named) {
        return None;
    }
    let end = (i..t.len())
        .take_while(|&j| t.capitalised(j) || t.tok(j) == Some(Tok::Number))
        .last()?
        + 1;
    classify(t, i, end, ctx)
        .filter(|p| matches!(p.head, Head::Outlet(_) | Head::Publisher | Head::Media))
}

/// Classifies the phrase of tokens `a..b`.
pub fn classify(t: &Tokens, a: usize, b: usize, ctx: &Context) -> Option<Phrase> {
    // The words are read only for a phrase that is one: most candidates are not.
    let mut p = read(t, a, b, ctx)?;
    if p.words.is_empty() {
        let (a, b) = p.tokens;
        p.words = words_of(t, a, b);
        p.written = written(t, a, b);
    }
    Some(p)
}

/// A multi-word class entry at `i`: (words, classes).
fn class_phrase_at(t: &Tokens, i: usize) -> Option<(usize, u64)> {
    LEXICON
        .phrases(t.lower(i))
        .iter()
        .find_map(|(rest, kind)| match kind {
            PhraseKind::Class(bits) if !rest.is_empty() => rest
                .iter()
                .enumerate()
                .all(|(k, w)| t.lower(i + 1 + k) == w)
                .then_some((rest.len() + 1, *bits)),
            _ => None,
        })
}

/// The publisher's name at `i`, as a number of tokens.
pub fn is_publisher_at(t: &Tokens, i: usize, ctx: &Context) -> Option<usize> {
    if ctx.publisher.is_empty() || !t.capitalised(i) && t.tok(i) != Some(Tok::Number) {
        return None;
    }
    super::places::with_key_buffer(|k| {
        let mut best = None;
        for n in 0..5 {
            if !t.is_word(i + n) && t.tok(i + n) != Some(Tok::Number) {
                break;
            }
            super::places::push_key(k, t.lower(i + n));
            if !ctx.publisher.iter().any(|p| p.starts_with(k.as_str())) {
                break;
            }
            if ctx.publisher.iter().any(|p| p == k) {
                best = Some(n + 1);
            }
        }
        best
    })
}

/// A capitalised word that can be part of a person's name.
pub fn is_name_word(t: &Tokens, i: usize) -> bool {
    t.capitalised(i)
        && !t.has(i, class::NOT_NAME)
        && t.classes(i) & (class::HEAD | class::VERB) == 0
        && !t
            .word(i)
            .chars()
            .all(|c| c.is_uppercase() || !c.is_alphabetic())
}
