//! Page furniture: headlines, sub-headings, bylines, captions, credits, "Read in Korean",
//! contact and donation lines, author bios, navigation, tables. About a fifth of a real report's
//! lines; none of them is a claim.

use super::tokens::{Tok, Tokens};
use aho_corasick::AhoCorasick;
use regex::{Regex, RegexSet, RegexSetBuilder};
use rustc_hash::FxHashSet;
use serde::Deserialize;
use std::sync::LazyLock;

/// Where a sentence stands in its paragraph and article.
#[derive(Debug, Clone, Copy, Default)]
pub struct Layout {
    /// The paragraph has no other sentence.
    pub alone: bool,
    /// The next sentence of the paragraph is a credit ("(Yonhap)", "Photo: Polynya").
    pub credit_follows: bool,
    /// Earlier sentences of the paragraph were an author bio.
    pub after_bio: bool,
    /// The sentence is among the article's last ones, where author bios and credits stand.
    pub tail: bool,
}

const FURNITURE_RON: &str = include_str!("../../../assets/lexicon/furniture.ron");

/// The furniture shapes (`assets/lexicon/furniture.ron`).
#[derive(Deserialize)]
struct Shapes {
    starts: Vec<(String, String)>,
    whole: Vec<(String, String)>,
    long: Vec<(String, String)>,
    long_keywords: Vec<String>,
    starters: Vec<String>,
}

struct Compiled {
    set: RegexSet,
    ids: Vec<String>,
}

struct Furniture {
    starts: Compiled,
    whole: Compiled,
    long: Compiled,
    long_keywords: AhoCorasick,
    starters: FxHashSet<String>,
}

fn compile(list: Vec<(String, String)>) -> Compiled {
    // The shapes are a constant of the build, covered by tests: failing to compile one is a
    // build defect, not a user error.
    // ASCII word boundaries: Unicode `\b` forces the slow NFA on any non-ASCII text.
    let set = RegexSetBuilder::new(list.iter().map(|(_, p)| p.replace(r"\b", r"(?-u:\b)")))
        .size_limit(64 << 20)
        .dfa_size_limit(64 << 20)
        .build()
        .expect("furniture patterns compile");
    Compiled {
        set,
        ids: list.into_iter().map(|(id, _)| id).collect(),
    }
}

static SHAPES: LazyLock<Furniture> = LazyLock::new(|| {
    let shapes: Shapes = ron::from_str(FURNITURE_RON).expect("bundled furniture shapes are valid");
    Furniture {
        starts: compile(shapes.starts),
        whole: compile(shapes.whole),
        long: compile(shapes.long),
        long_keywords: AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&shapes.long_keywords)
            .expect("furniture keywords build"),
        starters: shapes.starters.into_iter().collect(),
    }
});
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\s+\d{4}")
        .expect("date pattern compiles")
});
/// Words of an appeal to readers: donations, subscriptions, newsletters.
const APPEALS: &[&str] = &[
    "donat",
    "patron",
    "subscri",
    "newsletter",
    "inbox",
    "support us",
    "support our",
    "your support",
    "our readers",
    "our journalism",
    "independent journalism",
    "become a member",
    "sign up",
    "your gift",
    "a gift",
];

// One pass over the sentence for any of the words, instead of one search per word.
static APPEAL_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(APPEALS)
        .expect("appeal words build")
});
/// Parts of the words a caption in running text carries: photo, image, picture, access,
/// content, screenshot.
static PHOTO_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::new(["hoto", "mage", "ictur", "ccess", "ontent", "creensho"])
        .expect("photo words build")
});

static TABLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\|.*\|$|^[^.!?]*\s\|\s[^.!?]*$|\t").expect("table pattern compiles")
});

/// Why `text` is furniture, with how sure that is; or nothing if it may be a claim. A table row
/// with figures is data: `("table-row", …)`, which the caller reads as a document.
pub fn furniture(text: &str, t: &Tokens, layout: Layout) -> Option<(&'static str, f32)> {
    let trimmed = text.trim();
    // Furniture is short, and its shapes show in its first words: long sentences are only
    // checked from their start (the patterns' cost grows with the text they read).
    let short = trimmed.len() <= SHORT;
    // Whole-line shapes: a line that shows it in its shape tries the short ones, a sentence
    // with one of a few words the long ones. Ordinary sentences skip both.
    if short {
        let shaped = shaped(trimmed);
        let long = SHAPES.long_keywords.is_match(trimmed);
        let sets = [(&SHAPES.whole, shaped), (&SHAPES.long, long)];
        for (set, wanted) in sets {
            if !wanted {
                continue;
            }
            for i in set.set.matches(trimmed).iter() {
                match set.ids[i].as_str() {
                    // "(Kestrel Report could not independently confirm this.)" is a claim in
                    // brackets.
                    "credit" if trimmed.ends_with(".)") => {}
                    // "Lee is a researcher at …" in the body introduces an expert; at the end
                    // of the page it is the author's bio.
                    "bio-late" if !layout.tail => {}
                    "bio-late" => return Some(("bio", 0.85)),
                    "appeal-late" if !layout.tail => {}
                    "appeal-late" => return Some(("boilerplate", 0.8)),
                    // "… is seen in September." — unless it says who says so.
                    "caption" if !looks_like_caption(trimmed) => {}
                    id => return Some((id, 0.9)),
                }
            }
        }
    }
    if may_start_furniture(trimmed)
        && let Some(i) = SHAPES
            .starts
            .set
            .matches(prefix(trimmed, OPENING))
            .iter()
            .next()
        && !(SHAPES.starts.ids[i].as_str() == "byline" && by_a_time(trimmed))
    {
        return Some((SHAPES.starts.ids[i].as_str(), 0.9));
    }
    if memchr::memchr2(b'|', b'\t', trimmed.as_bytes()).is_some() && TABLE.is_match(trimmed) {
        if !trimmed.chars().any(|c| c.is_ascii_digit()) || trimmed.contains("---") {
            return Some(("table-header", 0.85));
        }
        // "Commentary | November 24, 2025 | Whitcombe Center": a slug with a date, not data.
        if DATE.is_match(trimmed) && trimmed.split_whitespace().count() <= 16 {
            return Some(("slug", 0.85));
        }
        return Some(("table-row", 0.6));
    }
    if layout.after_bio
        && (trimmed.starts_with("He ")
            || trimmed.starts_with("She ")
            || trimmed.starts_with("Follow"))
    {
        return Some(("bio", 0.7));
    }
    let words = t.toks.iter().filter(|k| k.tok == Tok::Word).count();
    // "Your support keeps us independent.", "Support HS or become our patron!": an appeal to
    // the reader, in the second person or the outlet's "we".
    if words <= 30 && short {
        let addressed = (0..t.len())
            .any(|i| matches!(t.lower(i), "you" | "your" | "we" | "us" | "our" | "please"));
        if addressed && APPEAL_WORDS.is_match(trimmed) && looks_like_caption(trimmed) {
            return Some(("boilerplate", 0.8));
        }
    }
    let ends_open = ends_without_stop(trimmed);
    // "“Disciplined lads from the army”": a quotation standing as a sub-heading.
    let quoted_start = trimmed.starts_with(['“', '"']) && !(ends_open && words <= 12);
    // "Key findings:", "To the Government of the Democratic People’s Republic of Korea:".
    let short_label = trimmed.ends_with(':')
        && (words <= 6
            || words <= 14 && (trimmed.starts_with("To ") || trimmed.starts_with("For ")));
    if layout.alone
        && (ends_open || short_label)
        && words <= 25
        && !quoted_start
        && (!is_list_item(trimmed) || title_case(trimmed))
    {
        return Some(("heading", 0.8));
    }
    if (layout.alone || words >= 4) && words <= 20 && is_shouting(trimmed) {
        return Some(("heading", 0.8));
    }
    if layout.credit_follows && words <= 40 && looks_like_caption(trimmed) {
        return Some(("caption", 0.8));
    }
    // "… in this file photo taken in May 2019. (Hangang)", "… in an undated photo.": a caption.
    if words <= 45
        && short
        && PHOTO_WORDS.is_match(trimmed)
        && PHOTO_IN_TEXT.is_match(trimmed)
        && looks_like_caption(trimmed)
    {
        return Some(("caption", 0.85));
    }
    // "The new container yard on June 9. (Planet Labs, annotated by Korea Lens)": a credit line
    // kept with its caption.
    // The splitter keeps a bare credit on a caption only ("… this year. (Yonhap)"): a sentence
    // carrying one is a caption, even one that repeats the lead's "said".
    if trimmed.ends_with(')')
        && let Some(open) = trimmed.rfind(". (")
        && (CREDIT_WORDS.is_match(&trimmed[open..]) && looks_like_caption(&trimmed[..open])
            || bare_credit(&trimmed[open + 3..trimmed.len() - 1]))
    {
        return Some(("caption", 0.75));
    }
    None
}

/// A credit line, on its own or after a caption: "(Yonhap)", "Photo: Polynya", "Ivan Kopylov /
/// TASS", "REUTERS/Kim Hong-ji".
pub fn is_credit(text: &str) -> bool {
    let t = text.trim();
    if t.ends_with(".)") {
        return false;
    }
    let credit_in = |set: &Compiled| {
        set.set
            .matches(t)
            .iter()
            .any(|i| set.ids[i].as_str() == "credit")
    };
    let few_words = t.split_whitespace().count() <= 6;
    credit_in(&SHAPES.whole)
        || credit_in(&SHAPES.long)
        || few_words
            && SHAPES
                .starts
                .set
                .matches(t)
                .iter()
                .any(|i| matches!(SHAPES.starts.ids[i].as_str(), "credit" | "caption"))
}

static CREDIT_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:photo|image|courtesy|annotated|via|handout|provided|/)")
        .expect("credit pattern compiles")
});

static PHOTO_IN_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:in (?:this|a|an) (?:undated |recent |file |handout |pool )*(?:photo|photograph|image|picture|file photo|handout photo|screenshot)|(?:photo|photograph|picture)s? (?:provided|released|distributed|taken|courtesy|by)|image (?:provided|released|distributed|courtesy)|file photo|photographed|pictured|(?:this|the) (?:image|photo|photograph)(?:'s|’s)? (?:content|is as provided|was distributed|cannot be|shows)|content of (?:this|the) (?:image|photo)|not given access)\b")
        .expect("caption pattern compiles")
});

/// Compiles the furniture patterns now rather than on the first sentence.
pub(super) fn warm_up() {
    LazyLock::force(&SHAPES);
    for pattern in [&DATE, &TABLE, &CREDIT_WORDS, &PHOTO_IN_TEXT] {
        LazyLock::force(pattern);
    }
    LazyLock::force(&APPEAL_WORDS);
    LazyLock::force(&PHOTO_WORDS);
}

/// Whether `s` opens like furniture: with a mark, a digit, or one of the starters.
fn may_start_furniture(s: &str) -> bool {
    let first = s.chars().next().unwrap_or(' ');
    if !first.is_alphabetic() {
        return true;
    }
    let word_end = s.find(|c: char| !c.is_alphabetic()).unwrap_or(s.len());
    SHAPES.starters.contains(&s[..word_end])
}

/// Whether a line shows furniture in its shape: it does not end like a sentence, opens with a
/// mark or a digit, carries a slash, bar, arrow, colon or ©, or is a few words long.
fn shaped(s: &str) -> bool {
    let ends_like_sentence = s.ends_with(['.', '!', '?', '”', '"', '’']);
    let opens_with_mark = s.starts_with(|c: char| !c.is_alphabetic());
    let marks = memchr::memchr3(b'/', b'|', b'>', s.as_bytes()).is_some()
        || memchr::memchr(b':', s.as_bytes()).is_some()
        || s.contains(['©', '»']);
    !ends_like_sentence || opens_with_mark || marks || s.split_ascii_whitespace().count() <= 8
}

/// Sentences longer than this (bytes) are checked from their start only.
const SHORT: usize = 320;
/// How much of a sentence the opening patterns read.
const OPENING: usize = 120;

/// The first `max` bytes of `s`, cut at a character boundary.
fn prefix(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// A line that ends without a stop, a closing quotation after a stop counting as one: headlines
/// end in a word or a quoted word ("… North Korean “trainees”").
fn ends_without_stop(s: &str) -> bool {
    let mut rev = s.chars().rev();
    match rev.next() {
        Some('”' | '"' | '’' | '»') => !rev
            .next()
            .is_some_and(|c| matches!(c, '.' | '!' | '?' | '…' | ',')),
        Some(c) => !matches!(c, '.' | '!' | '?' | '…' | ':' | ';' | ')'),
        None => false,
    }
}

fn is_list_item(s: &str) -> bool {
    s.starts_with(['•', '-', '*', '–', '▪', '◦'])
        || s.split_once(['.', ')'])
            .is_some_and(|(n, _)| n.len() <= 2 && n.chars().all(|c| c.is_ascii_digit()))
}

/// "By October 19, a hull …", "By then, …": a time, not a byline.
fn by_a_time(s: &str) -> bool {
    if !s.starts_with("By ") {
        return false;
    }
    let next = s
        .split_whitespace()
        .nth(1)
        .unwrap_or("")
        .trim_end_matches([',', '.']);
    const TIMES: &[&str] = &[
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "the",
        "then",
        "now",
        "early",
        "late",
        "mid",
        "last",
        "this",
        "contrast",
        "comparison",
        "law",
        "mid-2024",
    ];
    TIMES.contains(&next) || next.starts_with(|c: char| c.is_ascii_digit() || c.is_lowercase())
}

/// Most words capitalised: a title ("2. NK Workers in Vladivostok").
fn title_case(s: &str) -> bool {
    let words: Vec<&str> = s
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let caps = words
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    words.len() >= 2 && caps * 3 >= words.len() * 2
}

/// An all-capitals line: a section heading ("WORKERS IN LIMBO").
fn is_shouting(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase())
}

/// "Yonhap", "Kestrel Report": a credit of a few capitalised words.
fn bare_credit(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
}

/// A sentence before a credit is a caption unless it reads like an attributed claim.
fn looks_like_caption(s: &str) -> bool {
    let lower = s.to_lowercase();
    ![" said", " says", " told", "according to", " reported"]
        .iter()
        .any(|w| lower.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str, alone: bool) -> Option<&'static str> {
        let t = Tokens::new(text, false);
        furniture(
            text,
            &t,
            Layout {
                alone,
                ..Layout::default()
            },
        )
        .map(|(id, _)| id)
    }

    #[test]
    fn furniture_in_its_many_shapes() {
        assert_eq!(kind("(Yonhap)", true), Some("credit"));
        assert_eq!(kind("/ Image: Kestrel Report", false), Some("credit"));
        assert_eq!(kind("Ivan Petrov / TASS", true), Some("credit"));
        assert_eq!(
            kind("In this undated photo, a view of Hyesan.", false),
            Some("caption")
        );
        assert_eq!(
            kind("By Yoon Seo-jin | Kestrel Report", true),
            Some("byline")
        );
        assert_eq!(kind("Read in Korean", true), Some("read-in"));
        assert_eq!(
            kind("※ Kestrel contacts its reporting partners by phone.", true),
            Some("boilerplate")
        );
        assert_eq!(kind("WORKERS IN LIMBO", true), Some("heading"));
        assert_eq!(kind("ALL REPORTS >>>", true), Some("nav"));
        assert_eq!(
            kind("SEOUL, Nov. 14 (Meridian Wire)", true),
            Some("dateline")
        );
        assert_eq!(
            kind(
                "Jane Kim is one of Kestrel Report's full-time journalists.",
                true
            ),
            Some("bio")
        );
        assert_eq!(
            kind("| Won | Hyesan | Sinuiju |", true),
            Some("table-header")
        );
        // Claims stay claims.
        assert_eq!(
            kind("A source in Hyesan said rice prices rose.", true),
            None
        );
        assert_eq!(
            kind(
                "(Kestrel Report could not independently confirm this.)",
                true
            ),
            None
        );
        assert_eq!(kind("• Rice prices rose by a third", true), None);
    }
}
