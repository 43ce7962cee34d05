//! Page furniture: headlines, sub-headings, bylines, captions, credits, "Read in Korean",
//! contact and donation lines, author bios, navigation, tables. About a fifth of a real report's
//! lines; none of them is a claim.

use super::tokens::{Tok, Tokens};
use regex::{Regex, RegexSet, RegexSetBuilder};
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
}

/// Lines whose opening words make them furniture, whatever follows. Every pattern is anchored at
/// the start and reads at most [`OPENING`] bytes.
const STARTS: &[(&str, &str)] = &[
    ("byline", r"^\(?(?:By|BY)\s+\S"),
    (
        "byline",
        r"^\(?(?:Written by|Reporting by|Additional reporting by|Edited by|Editing by|Edit by|Translated by|Translation by|Compiled by|Written in English by|Text by|Interview by)\s+\S",
    ),
    (
        "caption",
        r"^(?:Photo|Photos|PHOTO|Image|Picture|Caption|Credit|Photo credit|File photo|FILE PHOTO|File Photo|Graphic|Video|Map|Pictured|Source)\s*[:：]",
    ),
    (
        "caption",
        r"^(?:In this|This)\s+(?:undated\s+|file\s+|handout\s+|pool\s+|recent\s+|satellite\s+)*(?:photo|image|picture|photograph|file photo|screenshot|screen grab|video grab|handout photo|satellite image)\b",
    ),
    (
        "caption",
        r"^(?:The|This)\s+(?:photo|image|picture|map|chart|graphic|screenshot|video)\s+(?:shows|show|depicts|was taken|is from|taken)\b",
    ),
    (
        "credit",
        r"^/?\s*(?:Image|Photo|Photos|Credit|Source|Graphic)\s*[:：]",
    ),
    (
        "credit",
        r"^\(?(?:Photo|Image)\s+(?:courtesy|provided|by)\b",
    ),
    (
        "read-in",
        r"^(?:Read|Available)\s+(?:this\s+(?:article|story)\s+|a version\s+(?:of this\s+\w+\s+)?)?in\s+(?:Korean|English|Chinese|Japanese|Russian|Ukrainian)\b",
    ),
    (
        "boilerplate",
        r"^(?:Please\s+(?:direct|send|address|contact|support|consider|donate|subscribe|share|note)|For\s+(?:comments|questions|inquiries|more|media|press|reprints|licensing|subscriptions)|Contact\s+us|Send\s+(?:tips|us|comments|questions|feedback|your|news)|You are listening|Stay (?:with us|tuned|informed)|Coming up|Get our|This material|Note\s*:|Questions or comments|Copyright|©|All rights reserved|Subscribe|Follow\b|Related\s*:|Tags\s*:|Topics\s*:|Keywords\s*:|Read\s+(?:more|also|next|the full)|See\s+also|Share\b|Sign up|Support\s+(?:us|our|independent|The)|Donate|Become a (?:member|subscriber|patron)|Join us|Join our|Listen\b|Watch\b|Click here|To suggest a correction|Skip to|Next page|Previous page|More from|Recommended|RECOMMENDED|Also read|Latest|Editor[’']s note|Editor[’']s notes|Editors[’'] note|Views expressed|All major cards|Unlimited access|Enjoying|A Message from|Dear readers|Originally published|This (?:article|story|report) (?:was|is|first|originally)|Reprinted|Source link|Advertisement|ADVERTISEMENT)(?:\b|\W|$)",
    ),
    ("boilerplate", r"^[※◆◇■□▶►▷●○▲△◎★☆]"),
    (
        "boilerplate",
        r#"^(?:\(END\)|\((?:LEAD|\d+(?:st|nd|rd|th) LD|News Focus|URGENT|Yonhap Interview|ATTN:?[^)]*)\)|\[(?:Anchor Lead|Anchor|Pkg|Soundbite|Sound bite|Reporter|Closing)[^\]]*\][^“"]*$|Anchor\s*:|Report\s*:|Reporter\s*:)"#,
    ),
    (
        "timestamp",
        r"^(?:Published|Updated|Posted|Written|Last updated|Modified|Date|date)\s*[:：]?\s*(?:\d|[A-Z][a-z]{2,8}\.?\s+\d)",
    ),
    ("timestamp", r"^\d{4}[.-]\d{1,2}[.-]\d{1,2}\b"),
    ("timestamp", r"^\d+\s+min(?:ute)?s?\s+read\b"),
    (
        "boilerplate",
        r"^(?:Our Standards|Purchase Licensing|Republished by|Reprinted by|A message from|This (?:investigation|piece|interview|analysis) was (?:originally|first)|Translated from|Contribute|See the original|Authors?\s*:|Full (?:article|story|text) in|<|Home\s*>|THIS IS A)(?:\b|\W|$)",
    ),
    (
        "caption",
        r"^(?:\((?:REFERENCE PHOTO|FILE PHOTO|PHOTO|Photo)\)|(?:Figure|Fig\.|Table|Chart|Graph|Map)\s+\d+\s*[.:]|Map of\b)",
    ),
];

/// Lines that are furniture as a whole: credits, agency lines, slugs, counters.
const WHOLE: &[(&str, &str)] = &[
    ("credit", r"^\([^()]{1,80}\)(?:\s*\([^()]{1,60}\))*$"),
    (
        "credit",
        r"^(?:[A-Z][\p{L}.'’-]+\s+){0,3}[A-Z][\p{L}.'’-]+\s*/\s*(?:[A-Z][\p{L}.'’-]*\s*){1,4}$",
    ),
    (
        "credit",
        r"^(?:[A-Z][\p{L}.'’-]*\s*)*(?:REUTERS|AFP|AP|Yonhap|YONHAP|TASS|EPA|Getty Images|Xinhua|KCNA|kremlin\.ru)(?:/[\p{L} .'’-]+)*\.?$",
    ),
    (
        "credit",
        r"^[\p{L} .'’-]+(?:/[\p{L} .'’-]+)*/(?:File Photo|FILE PHOTO|Handout|Pool|POOL|File)\.?$",
    ),
    ("credit", r"^[\p{L} .'’-]+ via [\p{L} .'’/-]+$"),
    (
        "dateline",
        r"^[A-Z][A-Z .’'-]+,?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]+)?\s*(?:\([^)]*\))?\s*[—–-]*$",
    ),
    ("counter", r"^\d+\s+(?:of|/)\s+\d+$"),
    (
        "bio",
        r"^[A-Z][\p{L}’'-]+(?:[\s-][A-Z][\p{L}’'-]+){0,3}\s+(?:is|was|has been)\s+(?:a|an|the|one of)\b.{0,120}\b(?:reporter|reporters|correspondent|journalist|journalists|editor|writer|contributor|columnist|analyst at|fellow at|researcher at|producer|photographer|intern)\b",
    ),
    ("nav", r"(?:>>+|»)\s*$"),
    (
        "nav",
        r"^[^.!?]{1,40}\s>\s[^.!?]{1,40}(?:\s>\s[^.!?]{1,40})*$",
    ),
    ("credit", r"^.{0,80}(?:©|\(c\)\s*\d{4})"),
    (
        "credit",
        r"\[[^\]]*(?:Screenshot|screenshot|Photo|photo|Image|image)[^\]]*\]\s*$",
    ),
    (
        "byline",
        r"^[A-Z][\p{L}’'-]+(?:\s+[A-Z][\p{L}’'-]+){1,3}\s+reports(?:\s+from\s+[A-Z][\p{L}’'-]+)?\.?$",
    ),
    (
        "byline",
        r"^[A-Z][\p{L}’'-]+(?:[ -][A-Z][\p{L}’'-]+){1,2},\s+(?:[A-Z][\p{L}&.’'-]*\s*){1,4}(?:,\s+[A-Z][\p{L}.’'-]+)?\.?$",
    ),
    (
        "byline",
        r"(?:contributed to this (?:report|story|article)|(?:was|were) (?:written|compiled|edited|translated) by [A-Z])",
    ),
    ("credit", r"^\[[^\]a-z]{3,60}\]$"),
    (
        "caption",
        r"(?i)^(?:its|the) content (?:is|was) as (?:supplied|provided)",
    ),
    (
        "nav",
        r"^[·•]\s.{3,140}\((?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{4}[./-]\d{1,2}[./-]\d{1,2})\)$",
    ),
    ("heading", r"^-\s.{2,80}\s-$"),
    (
        "timestamp",
        r"\b\d{1,2}:\d{2}\b.{0,40}\b(?:19|20)\d{2}\b\W*$|^.{0,60}\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+\d{1,2}\s+[A-Z][a-z]+\s+(?:19|20)\d{2},\s+\d{1,2}:\d{2}\s*$",
    ),
];

struct Compiled {
    set: RegexSet,
    ids: Vec<&'static str>,
}

fn compile(list: &[(&'static str, &'static str)]) -> Compiled {
    // Patterns are constants of this file, covered by tests: failing to compile one is a build
    // defect.
    // ASCII word boundaries: Unicode `\b` forces the slow NFA on any non-ASCII text.
    let set = RegexSetBuilder::new(list.iter().map(|(_, p)| p.replace(r"\b", r"(?-u:\b)")))
        .size_limit(64 << 20)
        .dfa_size_limit(64 << 20)
        .build()
        .expect("furniture patterns compile");
    Compiled {
        set,
        ids: list.iter().map(|(id, _)| *id).collect(),
    }
}

static STARTS_SET: LazyLock<Compiled> = LazyLock::new(|| compile(STARTS));
static WHOLE_SET: LazyLock<Compiled> = LazyLock::new(|| compile(WHOLE));
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
    // Whole-line shapes are credits, datelines, bylines and the like: short, or carrying one
    // of a few words. Ordinary sentences skip the patterns.
    let whole_candidate = short
        && (trimmed.len() <= 90
            || [
                " is ",
                " was ",
                "contributed",
                " by ",
                "content",
                "·",
                "•",
                ">",
                "»",
                "©",
            ]
            .iter()
            .any(|w| trimmed.contains(w)));
    if whole_candidate && let Some(i) = WHOLE_SET.set.matches(trimmed).iter().next() {
        let id = WHOLE_SET.ids[i];
        // "(Kestrel Report could not independently confirm this.)" is a claim in brackets.
        if !(id == "credit" && trimmed.ends_with(".)")) {
            return Some((id, 0.9));
        }
    }
    if may_start_furniture(trimmed)
        && let Some(i) = STARTS_SET
            .set
            .matches(prefix(trimmed, OPENING))
            .iter()
            .next()
        && !(STARTS_SET.ids[i] == "byline" && by_a_time(trimmed))
    {
        return Some((STARTS_SET.ids[i], 0.9));
    }
    if memchr::memchr2(b'|', b'\t', trimmed.as_bytes()).is_some() && TABLE.is_match(trimmed) {
        if !trimmed.chars().any(|c| c.is_ascii_digit()) || trimmed.contains("---") {
            return Some(("table-header", 0.85));
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
    let ends_open = ends_without_stop(trimmed);
    let quoted_start = trimmed.starts_with(['“', '"']);
    let short_label = trimmed.ends_with(':') && words <= 6;
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
    let photo_words = ["hoto", "mage", "ictur", "ccess", "ontent", "creensho"]
        .iter()
        .any(|w| trimmed.contains(w));
    if words <= 45
        && short
        && photo_words
        && PHOTO_IN_TEXT.is_match(trimmed)
        && looks_like_caption(trimmed)
    {
        return Some(("caption", 0.85));
    }
    // "The new container yard on June 9. (Planet Labs, annotated by Korea Lens)": a credit line
    // kept with its caption.
    if trimmed.ends_with(')')
        && let Some(open) = trimmed.rfind(". (")
        && CREDIT_WORDS.is_match(&trimmed[open..])
        && looks_like_caption(&trimmed[..open])
    {
        return Some(("caption", 0.75));
    }
    None
}

/// A credit line, on its own or after a caption: "(Yonhap)", "Photo: Polynya", "Ivan Kopylov /
/// TASS", "REUTERS/Kim Hong-ji".
pub fn is_credit(text: &str) -> bool {
    let t = text.trim();
    let whole = WHOLE_SET.set.matches(t);
    let starts = STARTS_SET.set.matches(t);
    whole
        .iter()
        .any(|i| WHOLE_SET.ids[i] == "credit" && !t.ends_with(".)"))
        || starts.iter().any(|i| {
            matches!(STARTS_SET.ids[i], "credit" | "caption") && t.split_whitespace().count() <= 6
        })
}

static CREDIT_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:photo|image|courtesy|annotated|via|handout|provided|/)")
        .expect("credit pattern compiles")
});

static PHOTO_IN_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:in (?:this|a|an) (?:undated |recent |file |handout |pool )*(?:photo|photograph|image|picture|file photo|handout photo|screenshot)|(?:photo|photograph|picture)s? (?:provided|released|distributed|taken|courtesy|by)|image (?:provided|released|distributed|courtesy)|file photo|photographed|pictured|(?:this|the) (?:image|photo|photograph)(?:'s|’s)? (?:content|is as provided|was distributed|cannot be|shows)|content of (?:this|the) (?:image|photo)|not given access)\b")
        .expect("caption pattern compiles")
});

/// The first words of the opening patterns: a sentence starting otherwise skips them.
const STARTERS: &[&str] = &[
    "By",
    "BY",
    "Written",
    "Reporting",
    "Additional",
    "Edited",
    "Editing",
    "Edit",
    "Translated",
    "Translation",
    "Compiled",
    "Text",
    "Interview",
    "Photo",
    "Photos",
    "PHOTO",
    "Image",
    "Picture",
    "Caption",
    "Credit",
    "File",
    "FILE",
    "Graphic",
    "Video",
    "Map",
    "Pictured",
    "Source",
    "In",
    "This",
    "The",
    "Read",
    "Available",
    "Please",
    "For",
    "Contact",
    "Send",
    "You",
    "Stay",
    "Coming",
    "Get",
    "Note",
    "Questions",
    "Copyright",
    "All",
    "Subscribe",
    "Follow",
    "Related",
    "Tags",
    "Topics",
    "Keywords",
    "See",
    "Share",
    "Sign",
    "Support",
    "Donate",
    "Become",
    "Join",
    "Listen",
    "Watch",
    "Click",
    "To",
    "Skip",
    "Next",
    "Previous",
    "More",
    "Recommended",
    "RECOMMENDED",
    "Also",
    "Latest",
    "Editor",
    "Editors",
    "Views",
    "Unlimited",
    "Enjoying",
    "A",
    "Dear",
    "Originally",
    "Reprinted",
    "Advertisement",
    "ADVERTISEMENT",
    "Anchor",
    "Report",
    "Reporter",
    "Published",
    "Updated",
    "Posted",
    "Last",
    "Modified",
    "Date",
    "date",
    "Our",
    "Purchase",
    "Republished",
    "Contribute",
    "Author",
    "Authors",
    "Full",
    "Home",
    "THIS",
    "Figure",
    "Fig",
    "Table",
    "Chart",
    "Graph",
    "Questions",
    "Sign",
];

/// Whether `s` opens like furniture: with a mark, a digit, or one of [`STARTERS`].
fn may_start_furniture(s: &str) -> bool {
    let first = s.chars().next().unwrap_or(' ');
    if !first.is_alphabetic() {
        return true;
    }
    let word_end = s.find(|c: char| !c.is_alphabetic()).unwrap_or(s.len());
    STARTERS.contains(&&s[..word_end])
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
