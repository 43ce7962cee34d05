//! Where each sentence is, in the units other tools count: bytes (UTF-8: Rust, Python's
//! `bytes`), Unicode code points (Python's `str`, brat, doccano, the W3C text position
//! selector, Label Studio) and UTF-16 code units (JavaScript strings; doccano; Label Studio
//! exports made before it converted its offsets to code points).

use crate::model::Span;

/// A sentence's start and end in the three units; ends are exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    pub bytes: (usize, usize),
    pub chars: (usize, usize),
    pub utf16: (usize, usize),
}

/// The positions of `spans` (in order, not overlapping) in `text`, counted in one pass.
pub fn positions(text: &str, spans: &[Span]) -> Vec<Position> {
    let mut counter = Counter::default();
    spans
        .iter()
        .map(|span| {
            let start = counter.advance(text, span.start);
            let end = counter.advance(text, span.end);
            Position {
                bytes: (span.start, span.end),
                chars: (start.0, end.0),
                utf16: (start.1, end.1),
            }
        })
        .collect()
}

/// Counts code points and UTF-16 units up to a byte offset, walking forward.
#[derive(Default)]
struct Counter {
    byte: usize,
    chars: usize,
    utf16: usize,
}

impl Counter {
    fn advance(&mut self, text: &str, byte: usize) -> (usize, usize) {
        if byte < self.byte {
            *self = Counter::default();
        }
        for c in text[self.byte..byte].chars() {
            self.chars += 1;
            self.utf16 += c.len_utf16();
        }
        self.byte = byte;
        (self.chars, self.utf16)
    }
}

/// Up to `n` characters of `text` before byte `at`, and up to `n` after byte `end`: the
/// context a quote selector carries to tell repeated sentences apart.
pub fn context(text: &str, at: usize, end: usize, n: usize) -> (&str, &str) {
    let before = &text[..at];
    let start = before
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    let after = &text[end..];
    let stop = after.char_indices().nth(n).map_or(after.len(), |(i, _)| i);
    (&before[start..], &after[..stop])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_unit_slices_back_to_the_same_text() {
        let text = "Café ok. 北朝鮮 はい. 🙂🚀 fin. שלום עולם.";
        let spans: Vec<Span> = [(0, 8), (9, 27), (28, 41), (42, text.len())]
            .iter()
            .map(|&(start, end)| Span { start, end })
            .collect();
        let utf16: Vec<u16> = text.encode_utf16().collect();
        let chars: Vec<char> = text.chars().collect();
        for (span, p) in spans.iter().zip(positions(text, &spans)) {
            let want = &text[span.start..span.end];
            let by_char: String = chars[p.chars.0..p.chars.1].iter().collect();
            let by_unit = String::from_utf16(&utf16[p.utf16.0..p.utf16.1]).unwrap();
            assert_eq!((by_char.as_str(), by_unit.as_str()), (want, want));
        }
    }

    #[test]
    fn context_stops_at_the_text_ends_and_counts_characters() {
        let text = "ab 🙂 cd";
        let (before, after) = context(text, 3, 7, 2);
        assert_eq!((before, after), ("b ", " c"));
        assert_eq!(context(text, 0, text.len(), 5), ("", ""));
    }
}
