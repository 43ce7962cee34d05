//! Source noun phrases: "a Daily NK source in Yanggang Province", "two people familiar with the
//! matter", "Kremlin spokesperson Dmitry Peskov", "South Korea's Foreign Ministry". A phrase is
//! classified by its head and modifiers into what it names, how many, whether it refers back,
//! where the source is and who it is tied to.

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
    pub modifiers: Vec<String>,
    /// "one of them", "two of the officials": part of a group met before.
    pub part_of: bool,
    /// Every lowercase word of the phrase, for matching a later mention against it.
    pub words: Vec<String>,
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

const DEFINITE: &[&str] = &[
    "the", "this", "that", "these", "those", "our", "its", "their", "same",
];
const NEW: &[&str] = &[
    "a",
    "an",
    "one",
    "another",
    "some",
    "several",
    "multiple",
    "many",
    "numerous",
    "various",
    "separate",
    "additional",
    "different",
    "other",
    "few",
    "dozens",
    "independent",
];
const NUMBERS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "dozen",
    "dozens",
    "multiple",
    "several",
    "many",
    "numerous",
    "various",
    "both",
    "hundreds",
    "thousands",
];
const ORDINALS: &[(&str, u8)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
];
/// Words that end the pre-head part of a phrase and open its modifiers.
const CUTS: &[&str] = &[
    "in",
    "inside",
    "from",
    "of",
    "at",
    "near",
    "based",
    "living",
    "close",
    "familiar",
    "with",
    "who",
    "whose",
    "which",
    "speaking",
    "on",
    "within",
    "across",
    "along",
    "to",
    "for",
    "working",
    "stationed",
    "residing",
    "that",
    "by",
    "between",
    "among",
    "about",
    "over",
    "under",
    "obtained",
    "seen",
    "reviewed",
    "published",
    "released",
    "posted",
    "issued",
    "dated",
    "titled",
    "adopted",
    "signed",
    "taken",
    "leaked",
];
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "in",
    "on",
    "at",
    "but",
    "and",
    "however",
    "meanwhile",
    "according",
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "his",
    "her",
    "their",
    "its",
    "our",
    "one",
    "some",
    "many",
    "most",
    "other",
    "another",
    "such",
    "these",
    "those",
    "there",
    "when",
    "while",
    "after",
    "before",
    "since",
    "also",
    "still",
    "yet",
    "so",
    "as",
    "if",
    "for",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mr",
    "mrs",
    "ms",
    "dr",
    "north",
    "south",
    "east",
    "west",
    "western",
    "eastern",
    "state",
    "party",
    "workers",
    "korean",
    "russian",
    "chinese",
    "american",
    "ukrainian",
    "japanese",
    "communist",
    "supreme",
    "central",
    "people",
    "national",
];

fn pronoun(word: &str) -> Option<Pronoun> {
    Some(match word {
        "he" | "him" => Pronoun::He,
        "she" | "her" => Pronoun::She,
        "they" | "them" => Pronoun::They,
        "it" => Pronoun::It,
        "we" | "i" | "us" => Pronoun::We,
        _ => return None,
    })
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
    let first = t.lower(i);
    LEXICON.phrases(first).iter().find_map(|(rest, kind)| {
        if !matches!(kind, PhraseKind::Outlet(_) | PhraseKind::StateActor) {
            return None;
        }
        let all = rest
            .iter()
            .enumerate()
            .all(|(k, w)| t.lower(i + 1 + k) == w);
        // Acronyms and names are capitalised in text: "AP" and "US", never "ap" and "us".
        let cased = t.word(i).starts_with(|c: char| !c.is_lowercase());
        let acronym = t.word(i).len() <= 3 && first.len() <= 3;
        let exact = !acronym || t.word(i).chars().all(|c| !c.is_lowercase());
        (all && cased && exact).then_some((rest.len() + 1, *kind))
    })
}

/// Classifies the phrase of tokens `a..b`.
pub fn classify(t: &Tokens, a: usize, b: usize, ctx: &Context) -> Option<Phrase> {
    let (mut a, b) = (a, b.min(t.len()));
    while a < b
        && (t.is(a, "and") || t.is(a, "but") || !t.is_word(a) && t.tok(a) != Some(Tok::Number))
    {
        a += 1;
    }
    if a >= b {
        return None;
    }
    let mut p = Phrase {
        tokens: (a, b),
        head: Head::Person,
        head_word: String::new(),
        plural: false,
        definite: false,
        new: false,
        ordinal: None,
        anonymous: false,
        place: None,
        name: None,
        expert_role: false,
        official_role: false,
        state_media: false,
        modifiers: Vec::new(),
        part_of: false,
        words: (a..b)
            .filter(|&k| t.is_word(k))
            .map(|k| t.lower(k).to_string())
            .collect(),
        written: written(t, a, b),
    };
    // "one of them", "two of the people familiar with the matter": a part of a group.
    if (NUMBERS.contains(&t.lower(a)) || t.is(a, "one") || t.tok(a) == Some(Tok::Number))
        && t.is(a + 1, "of")
    {
        let single = t.is(a, "one");
        let inner = if matches!(t.lower(a + 2), "them" | "those" | "these") && a + 3 >= b {
            let mut g = p.clone();
            g.head = Head::Pronoun(Pronoun::They);
            Some(g)
        } else {
            classify(t, a + 2, b, ctx)
        };
        let mut g = inner?;
        g.tokens = (a, b);
        g.plural = !single;
        g.part_of = true;
        g.definite = true;
        g.new = false;
        return Some(g);
    }
    if b - a == 1
        && let Some(pr) = pronoun(t.lower(a))
    {
        p.head = Head::Pronoun(pr);
        p.plural = pr == Pronoun::They || pr == Pronoun::We;
        return Some(p);
    }
    // The pre-head part ends at the first modifier word or comma.
    let cut = (a + 1..b)
        .find(|&i| {
            t.tok(i) == Some(Tok::Comma)
                || t.tok(i) == Some(Tok::OpenParen)
                || (CUTS.contains(&t.lower(i))
                    && !t.capitalised(i)
                    && t.tok(i - 1) != Some(Tok::Dash))
        })
        .unwrap_or(b);
    let first = t.lower(a);
    p.definite = DEFINITE.contains(&first);
    p.new = NEW.contains(&first);
    p.plural = NUMBERS.contains(&first) || t.tok(a) == Some(Tok::Number);
    let mut head_at: Option<usize> = None;
    let mut publisher_mod = false;
    let mut i = a;
    while i < cut {
        let w = t.lower(i);
        if let Some(&(_, n)) = ORDINALS.iter().find(|(o, _)| *o == w) {
            p.ordinal = Some(n);
        }
        if NUMBERS.contains(&w) {
            p.plural = true;
        }
        if LEXICON.is(w, class::HEDGE) || w == "unnamed" || w == "anonymous" || w == "unidentified"
        {
            p.anonymous |= w != "reportedly";
        }
        // Publisher, outlets and states first: they are names of several words.
        if is_publisher_at(t, i, ctx).is_some() {
            let n = is_publisher_at(t, i, ctx).unwrap_or(1);
            head_at = Some(i);
            publisher_mod = true;
            p.head = Head::Publisher;
            p.head_word = t.slice(i, i + n).to_string();
            i += n;
            continue;
        }
        if let Some((n, kind)) = name_at(t, i) {
            head_at = Some(i);
            match kind {
                PhraseKind::Outlet(o) => {
                    p.head = Head::Outlet(Some(o));
                    p.state_media = LEXICON.outlets[o].state_media;
                }
                _ => p.head = Head::State,
            }
            p.head_word = t.lower(i).to_string();
            // "Kremlin spokesperson", "KCNA reporter": the name modifies a head that follows.
            p.modifiers.push(t.lower(i).to_string());
            i += n;
            continue;
        }
        // Multi-word heads: "think tank", "white house", "news agency", "reporting partner".
        if let Some((n, bits)) = class_phrase_at(t, i) {
            head_at = Some(i);
            set_head(&mut p, bits, &t.slice(i, i + n).to_lowercase());
            i += n;
            continue;
        }
        let bits = LEXICON.classes(w);
        // A capitalised person word inside a name ("The Pacific Courier") is part of the name;
        // a capitalised institution word ("Korea Development Institute") is its head.
        let inside_name = t.capitalised(i)
            && bits & (class::INSTITUTION | class::EXPERT_INSTITUTION | class::DOCUMENT) == 0
            && i > a
            && is_name_word(t, i - 1);
        if bits & class::HEAD != 0 && !inside_name {
            head_at = Some(i);
            set_head(&mut p, bits, w);
        } else if t.is_word(i) && !DEFINITE.contains(&w) && !NEW.contains(&w) {
            p.modifiers.push(w.to_string());
        }
        i += 1;
    }
    // "a Pacific Courier reporter", "according to Korea Lens analysis": the publisher's own.
    if publisher_mod && matches!(p.head, Head::Media | Head::Document) {
        p.head = Head::Publisher;
    }
    // A name after the head or without one: "spokesperson Dmitry Peskov", "Kim Ji-hoon".
    let name_start = head_at.map_or(a, |h| h + 1);
    let name_words: Vec<usize> = (name_start..cut).filter(|&k| is_name_word(t, k)).collect();
    let named = !name_words.is_empty()
        && name_words.windows(2).all(|w| w[1] == w[0] + 1)
        && name_words.last() == Some(&(cut - 1))
        && !matches!(p.head, Head::Outlet(_) | Head::Publisher)
        && !(name_words.len() == 1
            && head_at.is_some()
            && !matches!(p.head, Head::Title | Head::Official))
        && GAZETTEER
            .longest(&lower_words(t, name_words[0], cut), ctx.edition)
            .is_none_or(|(n, _)| n < name_words.len());
    // "the local news site Ussuri Vestnik", "the Tokyo-based Asia Maritime Review": an outlet.
    let known_outlet = !name_words.is_empty() && {
        let k: String = name_words
            .iter()
            .map(|&w| super::places::key(t.lower(w)))
            .collect();
        ctx.outlets.contains(&k) || ctx.publisher.contains(&k)
    };
    let outlet_name = !name_words.is_empty()
        && name_words.last() == Some(&(cut - 1))
        && (p.head == Head::Media
            || LEXICON.is(t.lower(cut - 1), class::OUTLET_WORD)
            || known_outlet);
    if outlet_name && !matches!(p.head, Head::Outlet(_) | Head::Publisher | Head::Anonymous) {
        p.head = Head::Outlet(None);
        p.name = Some(t.slice(name_words[0], cut).to_string());
        p.head_word = t.lower(cut - 1).to_string();
    } else if named {
        let (s, e) = (name_words[0], cut);
        if matches!(p.head, Head::Title | Head::Official) {
            p.official_role = true;
        }
        if p.head == Head::Expert {
            p.expert_role = true;
        }
        p.name = Some(t.slice(s, e).to_string());
        p.head = Head::Person;
        p.plural = false;
    } else if head_at.is_none() {
        // Capitalised words that are not a known name: a person only if they look like one.
        let words: Vec<usize> = (a..cut).filter(|&k| is_name_word(t, k)).collect();
        let lead = usize::from(p.definite);
        if words.is_empty() || words.len() + lead != cut - a || words.len() > 5 {
            return None;
        }
        let k: String = words
            .iter()
            .map(|&w| super::places::key(t.lower(w)))
            .collect();
        if LEXICON.is(t.lower(cut - 1), class::OUTLET_WORD) || ctx.outlets.contains(&k) {
            p.head = Head::Outlet(None);
            p.head_word = t.lower(cut - 1).to_string();
            p.name = Some(t.slice(words[0], cut).to_string());
            modifiers_after(t, cut, b, &mut p, ctx);
            return Some(p);
        }
        if GAZETTEER
            .longest(&lower_words(t, a, cut), ctx.edition)
            .is_some_and(|(n, _)| n == cut - a)
        {
            p.head = Head::State;
            p.head_word = t.lower(a).to_string();
        } else {
            p.name = Some(t.slice(a, cut).to_string());
        }
    }
    if p.definite && p.head == Head::Person && p.name.is_none() {
        return None;
    }
    // "the Korea Development Institute", "Seoul National University": an expert body by name.
    if matches!(p.head, Head::Person)
        && p.name.as_deref().is_some_and(|n| {
            let l = n.to_lowercase();
            [
                "institute",
                "university",
                "center",
                "centre",
                "academy",
                "foundation",
            ]
            .iter()
            .any(|w| l.ends_with(w))
        })
    {
        p.head = Head::ExpertBody;
        p.name = None;
    }
    // "a media report", "local media": a report by the press is other media, not a document.
    if p.head == Head::Document
        && p.modifiers.iter().any(|m| {
            matches!(
                m.as_str(),
                "media" | "press" | "news" | "u.s.-based" | "state-run"
            )
        })
    {
        p.head = Head::Media;
    }
    modifiers_after(t, cut, b, &mut p, ctx);
    // "a Hyesan-based source", "the Vladivostok agent": a place before the head.
    if p.place.is_none() && matches!(p.head, Head::Anonymous | Head::Official) {
        if let Some(h) = head_at {
            for k in a..h {
                let w = t.lower(k);
                let base = w.strip_suffix("-based").unwrap_or(w);
                if (t.capitalised(k) || base != w)
                    && let Some(found) = GAZETTEER.lookup(base, ctx.edition)
                    && !matches!(found, Found::Country(_) if base == w)
                {
                    let written = t.word(k);
                    let written = written
                        .strip_suffix("-based")
                        .unwrap_or(written)
                        .to_string();
                    p.place = Some(Whereabouts::Found(found, written));
                    break;
                }
            }
        }
    }
    Some(p)
}

fn set_head(p: &mut Phrase, bits: u64, word: &str) {
    use class::*;
    // "a media report", "a news report": the press before a report makes it other media.
    let press_before = p.head == Head::Media && bits & DOCUMENT != 0 && bits & MEDIA != 0;
    if press_before {
        p.head_word = word.to_string();
        return;
    }
    p.head_word = word.to_string();
    p.plural |= bits & PLURAL != 0;
    p.head = if bits & LAWMAKER != 0 {
        Head::Lawmaker
    } else if bits & OFFICIAL != 0 {
        Head::Official
    } else if bits & TITLE != 0 {
        Head::Title
    } else if bits & ANON != 0 {
        Head::Anonymous
    } else if bits & EXPERT != 0 {
        Head::Expert
    } else if bits & EXPERT_INSTITUTION != 0 {
        Head::ExpertBody
    } else if bits & DOCUMENT != 0 && bits & MEDIA != 0 {
        // "report": a document unless a media word says otherwise (checked later).
        Head::Document
    } else if bits & INSTITUTION != 0 {
        Head::Institution
    } else if bits & MEDIA != 0 {
        Head::Media
    } else if bits & DOCUMENT != 0 {
        Head::Document
    } else {
        p.head
    };
    if p.head == Head::Institution && word == "authorities" {
        p.plural = false;
    }
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
    if !t.capitalised(i) && t.tok(i) != Some(Tok::Number) {
        return None;
    }
    let mut k = String::new();
    let mut best = None;
    for n in 0..5 {
        if !t.is_word(i + n) && t.tok(i + n) != Some(Tok::Number) {
            break;
        }
        k.push_str(&super::places::key(t.lower(i + n)));
        if ctx.publisher.contains(&k) {
            best = Some(n + 1);
        }
    }
    best
}

fn lower_words<'t>(t: &'t Tokens, a: usize, b: usize) -> Vec<&'t str> {
    (a..b).map(|k| t.lower(k)).collect()
}

/// A capitalised word that can be part of a person's name.
pub fn is_name_word(t: &Tokens, i: usize) -> bool {
    t.capitalised(i)
        && !NOT_NAMES.contains(&t.lower(i))
        && LEXICON.classes(t.lower(i)) & (class::HEAD | class::VERB) == 0
        && !t
            .word(i)
            .chars()
            .all(|c| c.is_uppercase() || !c.is_alphabetic())
}

/// Reads what follows the pre-head part: a place ("in Yanggang Province", "based in Dandong"),
/// an affiliation ("close to the Kremlin"), anonymity ("who asked not to be named") and a role
/// after a name ("Kim Ji-hoon, a researcher at …").
fn modifiers_after(t: &Tokens, cut: usize, b: usize, p: &mut Phrase, ctx: &Context) {
    let mut i = cut;
    // Without a role noun, the institution a person belongs to says expert (an institute, a
    // university) or official (a ministry, a council).
    let mut institution_role: Option<bool> = None;
    while i < b {
        let w = t.lower(i);
        if let Some((rest, kind)) = LEXICON.phrases(w).iter().find(|(rest, _)| {
            rest.iter()
                .enumerate()
                .all(|(k, r)| t.lower(i + 1 + k) == r)
        }) {
            match kind {
                PhraseKind::Anonymity => p.anonymous = true,
                PhraseKind::Affiliation => {
                    // "close to the Kremlin": who, not where; skip the affiliation's object.
                    i += rest.len() + 1;
                    while i < b && t.tok(i) != Some(Tok::Comma) && !CUTS.contains(&t.lower(i)) {
                        i += 1;
                    }
                    continue;
                }
                _ => {}
            }
        }
        // "Photos published by the Rodong Sinmun": a document another outlet put out is that
        // outlet's report.
        if p.head == Head::Document
            && matches!(
                w,
                "published" | "released" | "carried" | "aired" | "broadcast" | "shown" | "run"
            )
            && t.is(i + 1, "by")
        {
            let from = if t.is(i + 2, "the") { i + 3 } else { i + 2 };
            if let Some((_, PhraseKind::Outlet(o))) = name_at(t, from) {
                p.head = Head::Outlet(Some(o));
                p.state_media = LEXICON.outlets[o].state_media;
            }
        }
        // "the unit's spokesperson, Colonel Yuri Ignat, told …": the name in apposition.
        if t.tok(i) == Some(Tok::Comma)
            && matches!(p.head, Head::Title | Head::Official)
            && p.name.is_none()
        {
            let end = (i + 1..b)
                .find(|&k| t.tok(k) == Some(Tok::Comma))
                .unwrap_or(b);
            let names = (i + 1..end).filter(|&k| is_name_word(t, k)).count();
            let titles = (i + 1..end)
                .filter(|&k| LEXICON.is(t.lower(k), class::TITLE))
                .count();
            if names >= 2 && names + titles == end - i - 1 {
                p.name = Some(t.slice(i + 1, end).to_string());
                p.official_role = true;
                p.head = Head::Person;
                i = end;
                continue;
            }
        }
        if matches!(
            w,
            "in" | "inside" | "from" | "near" | "at" | "of" | "within" | "across"
        ) && p.place.is_none()
        {
            if let Some(place) = place_after(t, i + 1, b, ctx) {
                p.place = Some(place);
            }
        }
        // A role after a name: ", a researcher at …", ", the ministry's spokesperson"; the
        // first role word decides ("the director of the college" is no expert).
        if p.head == Head::Person && !p.expert_role && !p.official_role {
            let bits = LEXICON.classes(w);
            if bits & class::EXPERT != 0 {
                p.expert_role = true;
            } else if bits & (class::TITLE | class::OFFICIAL | class::LAWMAKER) != 0 {
                p.official_role = true;
            } else if bits & class::EXPERT_INSTITUTION != 0 {
                institution_role = institution_role.or(Some(true));
            } else if bits & class::INSTITUTION != 0 {
                institution_role = institution_role.or(Some(false));
            }
        }
        i += 1;
    }
    if p.head == Head::Person && !p.expert_role && !p.official_role {
        match institution_role {
            Some(true) => p.expert_role = true,
            Some(false) => p.official_role = true,
            None => {}
        }
    }
}

/// The place named at `i` ("Yanggang Province", "China’s Liaoning Province", "the country").
fn place_after(t: &Tokens, i: usize, b: usize, ctx: &Context) -> Option<Whereabouts> {
    let mut k = i;
    let mut contextual = None;
    if t.is(k, "the") {
        let next = t.lower(k + 1);
        if matches!(
            next,
            "country" | "same" | "region" | "area" | "city" | "province" | "county" | "border"
        ) {
            contextual = Some(t.slice(k, (k + 3).min(b)).to_string());
        }
        k += 1;
    }
    let mut best: Option<Whereabouts> = None;
    let end = (k + 7).min(b);
    let mut j = k;
    while j < end {
        if t.tok(j) == Some(Tok::Comma) || t.lower(j) == "who" {
            break;
        }
        let words = lower_words(t, j, end);
        if (t.capitalised(j) || j == k && t.is(j, "the"))
            && let Some((n, found)) = GAZETTEER.longest(&words, ctx.edition)
        {
            let written = t.slice(j, j + n).to_string();
            let specific = matches!(found, Found::Place(_) | Found::Ambiguous(_));
            let better = match &best {
                None => true,
                Some(Whereabouts::Found(Found::Country(_), _)) => specific,
                _ => false,
            };
            if better {
                best = Some(Whereabouts::Found(found, written));
            }
            // "China’s Liaoning Province": a country's possessive, then the place itself.
            if t.toks[j + n - 1].possessive {
                j += n;
                continue;
            }
            if specific {
                break;
            }
            j += n;
            continue;
        }
        j += 1;
    }
    if best.is_some() {
        return best;
    }
    if let Some(c) = contextual {
        return Some(Whereabouts::Contextual(c));
    }
    // Capitalised words the gazetteer does not know: a place only if nothing else explains
    // them (an institution is an affiliation: "in the Labor Ministry").
    let caps: Vec<usize> = (k..end).take_while(|&j| t.capitalised(j)).collect();
    if !caps.is_empty()
        && caps
            .iter()
            .all(|&j| LEXICON.classes(t.lower(j)) & class::HEAD == 0)
    {
        return Some(Whereabouts::Unknown(
            t.slice(caps[0], caps[caps.len() - 1] + 1).to_string(),
        ));
    }
    None
}
