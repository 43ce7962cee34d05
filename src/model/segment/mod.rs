//! Splitting normalized article text into paragraphs and sentences.
//!
//! Rule-based and single pass. Boundaries are byte offsets into the text; a sentence never
//! crosses a paragraph. The entry point is [`segment`]; everything else is a detail of it, so the
//! engine can be replaced without touching callers.

mod boundary;
mod lists;
mod sentences;

use sentences::sentences_in;
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

#[cfg(test)]
mod tests {

    /// Steps per byte segmenting `unit` repeated to `bytes`: stops with no space after them
    /// ("Ab.Cd.", "word.Word") must each cost a bounded look around.
    fn steps_per_byte(unit: &str, bytes: usize) -> f64 {
        let text = unit.repeat(bytes / unit.len());
        let (_, steps) = crate::model::work::measure(|| segment(&text));
        steps as f64 / text.len() as f64
    }

    #[test]
    fn adversarial_text_costs_the_same_per_byte_at_any_length() {
        for unit in [
            "a.",
            "A.B.",
            "Ab.Cd.",
            "word.Word",
            "a. ",
            "J. R. R. ",
            "6 a.m. A ",
            "x.y.z.Then ",
        ] {
            let (short, long) = (steps_per_byte(unit, 50_000), steps_per_byte(unit, 200_000));
            assert!(
                long <= short * 1.1 + 0.5 && long < 600.0,
                "{unit:?}: {short:.1} steps a byte at 50 KB, {long:.1} at 200 KB"
            );
        }
    }
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
