//! Splitting normalized article text into paragraphs and sentences.
//!
//! Rule-based and single pass. Boundaries are byte offsets into the text; a sentence never
//! crosses a paragraph. The entry point is [`segment`]; everything else is a detail of it, so the
//! engine can be replaced without touching callers.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A byte range `start..end` into the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }
    pub fn len(self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segmentation {
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Span>,
    /// For each sentence, the quotation group it belongs to (see [`quote_groups`]).
    pub quote_groups: Vec<Option<u32>>,
}

/// Splits `text` into paragraphs and, within each, sentences.
pub fn segment(text: &str) -> Segmentation {
    let paragraphs = paragraphs(text);
    let mut sentences = Vec::with_capacity(text.len() / 100 + 1);
    for &p in &paragraphs {
        sentences_in(text, p, &mut sentences);
    }
    let quote_groups = quote_groups(text, &paragraphs, &sentences);
    Segmentation {
        paragraphs,
        sentences,
        quote_groups,
    }
}

/// Marks quotations that span several sentences: every sentence from the one that opens the
/// quotation to the one that closes it gets the same group id, so that an attribution given at
/// the end (`“… . …,” said a source.`) can be applied to all of them. A quotation left open at
/// the end of its paragraph forms no group.
pub fn quote_groups(text: &str, paragraphs: &[Span], sentences: &[Span]) -> Vec<Option<u32>> {
    let mut groups = vec![None; sentences.len()];
    let mut next_id = 0;
    let mut s = 0;
    for p in paragraphs {
        let mut open_at: Option<usize> = None;
        while s < sentences.len() && sentences[s].start < p.end {
            let sentence = &text[sentences[s].range()];
            let bytes = sentence.as_bytes();
            // Quotation marks are `"` or start with 0xE2 (“ ”); jump between candidates.
            for i in memchr::memchr2_iter(b'"', 0xE2, bytes) {
                let (opens, closes) = match &bytes[i..] {
                    [b'"', ..] => {
                        let opening = is_opening_straight_quote(sentence, i);
                        (opening, !opening)
                    }
                    [0xE2, 0x80, 0x9C, ..] => (true, false),
                    [0xE2, 0x80, 0x9D, ..] => (false, true),
                    _ => (false, false),
                };
                if opens && open_at.is_none() {
                    open_at = Some(s);
                } else if closes
                    && let Some(first) = open_at.take()
                    && first < s
                {
                    groups[first..=s].fill(Some(next_id));
                    next_id += 1;
                }
            }
            s += 1;
        }
    }
    groups
}

/// A straight double quote opens a quotation when it starts a word.
fn is_opening_straight_quote(sentence: &str, i: usize) -> bool {
    let before = sentence[..i].chars().next_back();
    let after = sentence[i + 1..].chars().next();
    before.is_none_or(|c| c.is_whitespace() || "([{—–-".contains(c))
        && after.is_some_and(|c| !c.is_whitespace())
}

/// Paragraphs are blocks separated by blank lines, and lines within a block unless the line
/// break is plainly a hard wrap (the line ends mid-sentence and the next starts in lowercase).
/// Headings, captions and list items thus stay units of their own.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut current: Option<Span> = None;
    let mut line_start = 0;
    let bytes = text.as_bytes();
    while line_start <= text.len() {
        let line_end = memchr_newline(bytes, line_start).unwrap_or(text.len());
        let trimmed = trim_span(text, Span::new(line_start, line_end));
        if trimmed.is_empty() {
            if let Some(p) = current.take() {
                out.push(p);
            }
        } else {
            current = match current {
                Some(p) if is_hard_wrap(&text[p.range()], &text[trimmed.range()]) => {
                    Some(Span::new(p.start, trimmed.end))
                }
                Some(p) => {
                    out.push(p);
                    Some(trimmed)
                }
                None => Some(trimmed),
            };
        }
        if line_end == text.len() {
            break;
        }
        line_start = line_end + 1;
    }
    if let Some(p) = current {
        out.push(p);
    }
    out
}

fn memchr_newline(bytes: &[u8], from: usize) -> Option<usize> {
    memchr::memchr(b'\n', &bytes[from..]).map(|i| i + from)
}

fn is_hard_wrap(previous: &str, next: &str) -> bool {
    let ends_open = previous
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == ',' || c == ';' || c == '-');
    let starts_lower = next.chars().next().is_some_and(|c| c.is_lowercase());
    ends_open && starts_lower && !is_list_item(next)
}

fn is_list_item(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("- ") || t.starts_with("* ") || t.starts_with("• ") || t.starts_with('#')
}

/// Shrinks a span to exclude surrounding whitespace.
pub fn trim_span(text: &str, span: Span) -> Span {
    let s = &text[span.range()];
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.start + s.trim_end().len();
    if end <= start {
        Span::new(start, start)
    } else {
        Span::new(start, end)
    }
}

const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "capt", "cpt", "maj", "adm", "cmdr", "gov",
    "sen", "rep", "prof", "rev", "pres", "st", "mt", "ft", "messrs", "hon", "amb", "supt",
];
const BEFORE_NUMBERS: &[&str] = &[
    "no", "nos", "vol", "p", "pp", "art", "fig", "ch", "sec", "para", "ref", "tel",
];
const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];
/// Abbreviations that can also end a sentence; they end one only before a common sentence opener.
const FINAL_CAPABLE: &[&str] = &[
    "etc", "inc", "corp", "ltd", "co", "jr", "sr", "bros", "approx", "est", "dept", "govt",
];
const NEVER_FINAL: &[&str] = &["vs", "v", "cf", "viz", "ca", "approx", "e.g", "i.e"];
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "In",
    "On",
    "At",
    "But",
    "And",
    "However",
    "Meanwhile",
    "According",
    "Some",
    "Many",
    "Most",
    "There",
    "Their",
    "His",
    "Her",
    "Its",
    "Our",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "Since",
    "Although",
    "Because",
    "So",
    "Yet",
    "Still",
    "Also",
    "Officials",
    "Sources",
    "Residents",
    "As",
    "For",
    "Such",
    "Other",
    "Another",
    "What",
    "Why",
    "How",
    "One",
];

fn sentences_in(text: &str, para: Span, out: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    let mut start = para.start;
    let mut i = para.start;
    let ellipsis = memchr::memmem::Finder::new("…");
    // The next "…" at or after `i` (or `para.end`), found again only once `i` passes it.
    let mut next_ellipsis = para.end;
    let mut ellipsis_from = usize::MAX;
    // Likewise the next ideographic or full-width terminator, and the next . ! ? (kept so that
    // text with many candidates of one kind does not rescan for the other).
    let mut next_cjk = NextFrom::default();
    let mut next_ascii = NextFrom::default();
    while i < para.end {
        if ellipsis_from == usize::MAX || (i > next_ellipsis && next_ellipsis < para.end) {
            next_ellipsis = ellipsis
                .find(&bytes[i..para.end])
                .map_or(para.end, |k| i + k);
            ellipsis_from = i;
        }
        // Jump to the next byte that can begin a terminator: . ! ? … 。！？
        let ascii = next_ascii.at_or_after(i, para.end, |from| {
            memchr::memchr3(b'.', b'!', b'?', &bytes[from..para.end]).map(|k| from + k)
        });
        let cjk = next_cjk.at_or_after(i, para.end, |from| {
            next_cjk_terminator(bytes, from, para.end)
        });
        let stop = ascii.min(cjk).min(next_ellipsis);
        if stop >= para.end {
            break;
        }
        i = stop;
        let Some(run_end) = terminator_run(bytes, i, para.end) else {
            i += 1;
            continue;
        };
        let after_closers = skip_closers(bytes, run_end, para.end);
        if after_closers >= para.end {
            break;
        }
        // 。！？ end a sentence outright: the scripts that use them put no space after. Only a
        // quotation closed and carried on ("「帰る。」と言った。") continues the sentence.
        if (i..run_end).any(|j| cjk_terminator_at(bytes, j)) {
            let carried_on = after_closers > run_end
                && text[after_closers..].chars().next().is_some_and(|c| {
                    matches!(c, 'と' | 'っ' | '、' | '，' | ',') || c.is_lowercase()
                });
            if carried_on {
                i = after_closers;
                continue;
            }
            out.push(trim_span(text, Span::new(start, after_closers)));
            start = skip_whitespace(bytes, after_closers, para.end);
            i = start.max(i + 1);
            continue;
        }
        if !bytes[after_closers].is_ascii_whitespace() {
            if is_missing_space_boundary(text, start, i, run_end, after_closers) {
                out.push(Span::new(start, after_closers));
                start = after_closers;
            }
            i = after_closers.max(i + 1);
            continue;
        }
        let next = skip_whitespace(bytes, after_closers, para.end);
        if next < para.end
            && !is_trailing_credit(&text[next..para.end])
            && is_boundary(text, start, i, run_end, next)
        {
            out.push(trim_span(text, Span::new(start, after_closers)));
            start = next;
        }
        i = next.max(i + 1);
    }
    let last = trim_span(text, Span::new(start, para.end));
    if !last.is_empty() {
        out.push(last);
    }
}

/// "He left.She stayed." — a typo'd boundary: a lowercase word of two or more letters, a
/// terminator, then a capitalised word, with nothing that looks like an address or file name.
fn is_missing_space_boundary(
    text: &str,
    sentence_start: usize,
    term: usize,
    run_end: usize,
    next: usize,
) -> bool {
    if run_end != next {
        return false;
    }
    let word = word_before(text, sentence_start, term);
    let lowercase_word = word.chars().count() >= 2 && word.chars().all(|c| c.is_lowercase());
    let mut after = text[next..].chars();
    let capitalised = matches!((after.next(), after.next()), (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase());
    if !(lowercase_word && capitalised) {
        return false;
    }
    // Whitespace can be wider than a byte (no-break space).
    let token_start = text[sentence_start..term]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(sentence_start, |(k, c)| sentence_start + k + c.len_utf8());
    let token_end = text[next..]
        .find(char::is_whitespace)
        .map_or(text.len(), |k| next + k);
    let token = &text[token_start..token_end];
    !token.contains(['@', '/', ':', '\\']) && !token.starts_with("www")
}

/// A parenthesised tail that closes the paragraph without a sentence of its own, as in a photo
/// credit "… file photo. (Kestrel Report)", belongs to the sentence before it.
fn is_trailing_credit(rest: &str) -> bool {
    rest.starts_with('(') && rest.ends_with(')') && !rest.contains(['.', '!', '?', '…'])
}

/// If a sentence terminator (`.`, `!`, `?`, `…`) starts at `i`, returns the end of the run of
/// terminators.
fn terminator_run(bytes: &[u8], i: usize, end: usize) -> Option<usize> {
    let mut j = i;
    while j < end {
        match bytes[j] {
            b'.' | b'!' | b'?' => j += 1,
            0xE2 if bytes.get(j + 1..j + 3) == Some(&[0x80, 0xA6]) => j += 3,
            0xE3 | 0xEF if cjk_terminator_at(bytes, j) => j += 3,
            _ => break,
        }
    }
    (j > i).then_some(j)
}

/// 。 (U+3002), ！ (U+FF01), ？ (U+FF1F) or ｡ (U+FF61) starts at `j`.
fn cjk_terminator_at(bytes: &[u8], j: usize) -> bool {
    matches!(
        bytes.get(j..j + 3),
        Some([0xE3, 0x80, 0x82] | [0xEF, 0xBC, 0x81] | [0xEF, 0xBC, 0x9F] | [0xEF, 0xBD, 0xA1])
    )
}

fn next_cjk_terminator(bytes: &[u8], mut from: usize, end: usize) -> Option<usize> {
    while let Some(k) = memchr::memchr2(0xE3, 0xEF, &bytes[from..end]) {
        if cjk_terminator_at(&bytes[..end], from + k) {
            return Some(from + k);
        }
        from += k + 1;
    }
    None
}

/// The next position of something at or after a cursor that only moves forward, searched for
/// again only once the cursor has passed it.
#[derive(Default)]
struct NextFrom {
    found: Option<usize>,
}

impl NextFrom {
    fn at_or_after(
        &mut self,
        i: usize,
        end: usize,
        find: impl FnOnce(usize) -> Option<usize>,
    ) -> usize {
        match self.found {
            Some(at) if at >= i => at,
            _ => {
                let at = find(i).unwrap_or(end);
                self.found = Some(at);
                at
            }
        }
    }
}

fn skip_closers(bytes: &[u8], mut j: usize, end: usize) -> usize {
    while j < end {
        match bytes[j] {
            b'"' | b'\'' | b')' | b']' => j += 1,
            // ” ’ (U+201D, U+2019)
            0xE2 if matches!(
                bytes.get(j + 1..j + 3),
                Some([0x80, 0x9D]) | Some([0x80, 0x99])
            ) =>
            {
                j += 3
            }
            // » (U+00BB)
            0xC2 if bytes.get(j + 1) == Some(&0xBB) => j += 2,
            // 」 』 》 〉 (U+300D, U+300F, U+300B, U+3009) and full-width ） (U+FF09)
            0xE3 if matches!(
                bytes.get(j + 1..j + 3),
                Some([0x80, 0x8D | 0x8F | 0x8B | 0x89])
            ) =>
            {
                j += 3
            }
            0xEF if bytes.get(j + 1..j + 3) == Some(&[0xBC, 0x89]) => j += 3,
            _ => break,
        }
    }
    j
}

fn skip_whitespace(bytes: &[u8], mut j: usize, end: usize) -> usize {
    while j < end && bytes[j].is_ascii_whitespace() {
        j += 1;
    }
    j
}

/// Decides whether the terminator run `term..run_end` ends the sentence that began at
/// `sentence_start`, given that the next token starts at `next`.
fn is_boundary(
    text: &str,
    sentence_start: usize,
    term: usize,
    run_end: usize,
    next: usize,
) -> bool {
    let next_char = text[next..].chars().next().unwrap_or(' ');
    if next_char.is_lowercase() {
        return false;
    }
    if run_end - term != 1 || text.as_bytes()[term] != b'.' {
        return true;
    }
    let word = word_before(text, sentence_start, term);
    let lower = word.to_ascii_lowercase();
    let next_is_digit = next_char.is_ascii_digit();
    if word.is_empty() {
        return true;
    }
    // "1. First item" / "a. first option": a list marker opening the sentence.
    let marker_at_start = term - word.len() == sentence_start;
    if marker_at_start
        && (word.chars().all(|c| c.is_ascii_digit())
            || (word.len() == 1 && word.chars().all(|c| c.is_ascii_lowercase())))
    {
        return false;
    }
    if TITLES.contains(&lower.as_str()) || NEVER_FINAL.contains(&lower.as_str()) {
        return false;
    }
    if next_is_digit
        && (BEFORE_NUMBERS.contains(&lower.as_str()) || MONTHS.contains(&lower.as_str()))
    {
        return false;
    }
    // A single capital letter is an initial ("Kim J. Park"), not a sentence end.
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return false;
    }
    let dotted = word.contains('.');
    if dotted || FINAL_CAPABLE.contains(&lower.as_str()) || MONTHS.contains(&lower.as_str()) {
        return starts_with_opener(&text[next..]);
    }
    true
}

/// The word that ends at `term`, including inner dots ("U.S", "a.m"), without opening
/// punctuation.
fn word_before(text: &str, floor: usize, term: usize) -> &str {
    let head = &text[floor..term];
    let begin = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    &head[begin..]
}

fn starts_with_opener(rest: &str) -> bool {
    let rest = rest.trim_start_matches(['“', '"', '‘', '\'', '(', '[']);
    let word_end = rest
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    SENTENCE_OPENERS.contains(&&rest[..word_end])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        segment(text)
            .sentences
            .iter()
            .map(|s| &text[s.range()])
            .collect()
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(
            split("One. Two! Three? Four"),
            ["One.", "Two!", "Three?", "Four"]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            split("Mr. Kim met U.S. envoy John F. Park on Jan. 5 at 3 p.m. in Seoul. He left."),
            [
                "Mr. Kim met U.S. envoy John F. Park on Jan. 5 at 3 p.m. in Seoul.",
                "He left."
            ]
        );
    }

    #[test]
    fn abbreviation_at_sentence_end_splits_before_an_opener() {
        assert_eq!(
            split("Troops left the U.S. The base closed."),
            ["Troops left the U.S.", "The base closed."]
        );
    }

    #[test]
    fn decimals_and_quotes() {
        assert_eq!(
            split("Rice rose 3.5% to 6,200 won. “It is hard. We eat corn,” she said. Then rain."),
            [
                "Rice rose 3.5% to 6,200 won.",
                "“It is hard.",
                "We eat corn,” she said.",
                "Then rain."
            ]
        );
    }

    #[test]
    fn question_inside_quote_followed_by_lowercase_stays() {
        assert_eq!(
            split("“Who will pay?” he asked. Nobody knew."),
            ["“Who will pay?” he asked.", "Nobody knew."]
        );
    }

    #[test]
    fn sentences_never_cross_paragraphs() {
        let text = "Caption without stop\nBody sentence one. Two.\n\nNext para";
        let seg = segment(text);
        assert_eq!(seg.paragraphs.len(), 3);
        for s in &seg.sentences {
            assert!(seg.paragraphs.iter().any(|p| p.contains(*s)));
        }
        assert_eq!(
            split(text),
            [
                "Caption without stop",
                "Body sentence one.",
                "Two.",
                "Next para"
            ]
        );
    }

    #[test]
    fn hard_wrapped_lines_join() {
        let text = "A source said the market\nwas closed. Prices rose.";
        assert_eq!(
            split(text),
            ["A source said the market\nwas closed.", "Prices rose."]
        );
    }

    #[test]
    fn trailing_credit_stays_with_caption() {
        assert_eq!(
            split("Photo: A vendor in Hyesan. (Kestrel Report)"),
            ["Photo: A vendor in Hyesan. (Kestrel Report)"]
        );
        assert_eq!(split("One. (Two.)"), ["One.", "(Two.)"]);
    }

    #[test]
    fn wide_whitespace_before_a_missing_space_boundary_is_no_problem() {
        // A no-break space (two bytes) before "left.She": found by a property test.
        let text = "Prices rose\u{a0}left.She stayed.";
        assert_eq!(split(text), ["Prices rose\u{a0}left.", "She stayed."]);
    }

    #[test]
    fn empty_and_whitespace_text() {
        assert!(segment("").sentences.is_empty());
        assert!(segment(" \n\n \t").paragraphs.is_empty());
    }
}
