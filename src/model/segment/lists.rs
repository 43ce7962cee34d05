//! Inline lists: a paragraph that opens with a list marker and carries the next markers of the
//! same series on the same line ("1) The first item 2) The second item", "a. … b. …",
//! "• … • …"). Each item is a sentence of its own, with or without a final stop.

use super::Span;

/// Bullet characters that open list items.
pub(super) const BULLETS: &[char] = &['•', '⁃', '▪', '◦', '‣', '●', '○', '■', '□', '➢', '►'];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Counter {
    Number(u32),
    Letter(u8),
}

/// What follows the counter: "1." "1)" "1.)" or "(1)".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Stop,
    Paren,
    StopParen,
    Enclosed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Marker {
    bullet: Option<char>,
    counter: Option<(Counter, Style)>,
}

impl Marker {
    fn successor(self) -> Marker {
        let counter = self.counter.map(|(c, style)| {
            let next = match c {
                Counter::Number(n) => Counter::Number(n + 1),
                Counter::Letter(l) => Counter::Letter(l + 1),
            };
            (next, style)
        });
        Marker {
            bullet: self.bullet,
            counter,
        }
    }
}

/// The marker at the start of `s`, if any, followed by whitespace.
fn marker_at(s: &str) -> Option<Marker> {
    let mut rest = s;
    let mut spaced = false;
    let bullet = rest.chars().next().filter(|c| BULLETS.contains(c));
    if let Some(b) = bullet {
        rest = &rest[b.len_utf8()..];
        let trimmed = rest.trim_start_matches(' ');
        spaced = trimmed.len() < rest.len();
        rest = trimmed;
    }
    let counter = counter_at(rest);
    match counter {
        Some((_, len)) => spaced = rest[len..].starts_with([' ', '\t', '\u{a0}']),
        None if bullet.is_none() => return None,
        None => {}
    }
    let counter = counter.map(|(c, _)| c);
    spaced.then_some(Marker { bullet, counter })
}

/// "12." "12)" "12.)" "(12)" "b." "b)" "(b)": the counter, its style and its length in bytes.
fn counter_at(s: &str) -> Option<((Counter, Style), usize)> {
    let b = s.as_bytes();
    let enclosed = b.first() == Some(&b'(');
    let from = usize::from(enclosed);
    let digits = b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let (counter, mut at) = if (1..=3).contains(&digits) {
        let n = s[from..from + digits].parse().ok()?;
        (Counter::Number(n), from + digits)
    } else if b.get(from).is_some_and(u8::is_ascii_lowercase) {
        (Counter::Letter(b[from]), from + 1)
    } else {
        return None;
    };
    let style = match (enclosed, b.get(at), b.get(at + 1)) {
        (true, Some(b')'), _) => Style::Enclosed,
        (false, Some(b'.'), Some(b')')) => Style::StopParen,
        (false, Some(b'.'), _) => Style::Stop,
        (false, Some(b')'), _) => Style::Paren,
        _ => return None,
    };
    at += if style == Style::StopParen { 2 } else { 1 };
    Some(((counter, style), at))
}

/// Where the second and later items of an inline list begin in `para`, in order; empty unless
/// the paragraph opens with a marker and the next marker of its series follows inline.
pub(super) fn inline_list_starts(text: &str, para: Span) -> Vec<usize> {
    let p = &text[para.range()];
    let first = p.as_bytes().first().copied().unwrap_or(b' ');
    // Cheap test first: most paragraphs open with a capital letter.
    if !(first.is_ascii_digit() || first == b'(' || first.is_ascii_lowercase() || first >= 0x80) {
        return Vec::new();
    }
    let Some(mut expected) = marker_at(p).map(Marker::successor) else {
        return Vec::new();
    };
    let mut starts = Vec::new();
    for (k, c) in p.char_indices() {
        if !c.is_whitespace() {
            continue;
        }
        let at = k + c.len_utf8();
        if marker_at(&p[at..]) == Some(expected) {
            starts.push(para.start + at);
            expected = expected.successor();
        }
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(p: &str) -> Vec<&str> {
        inline_list_starts(p, Span::new(0, p.len()))
            .into_iter()
            .map(|i| &p[i..])
            .collect()
    }

    #[test]
    fn series_continue_inline_only_in_order() {
        assert_eq!(
            starts("1) One 2) Two 3) Three"),
            ["2) Two 3) Three", "3) Three"]
        );
        assert_eq!(starts("a. One b. Two"), ["b. Two"]);
        assert_eq!(starts("• One • Two"), ["• Two"]);
        // A different series, or numbers out of order, are text.
        assert!(starts("1) One 3) Three").is_empty());
        assert!(starts("1. One 2) Two").is_empty());
        assert!(starts("He rose 2. Then").is_empty());
    }
}
