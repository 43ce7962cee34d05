//! What a PDF's pages carry besides the text: running headers and footers, page numbers, and
//! the footnotes at the foot of a page, which move to the end.

use super::{Line, Page};
use std::collections::{HashMap, HashSet};

/// Lines in the top or bottom tenth of the page: where headers, footers and numbers stand.
pub(super) fn in_margin(line: &Line, page: &Page) -> bool {
    line.y < 0.1 * page.height + line.size || line.y > 0.9 * page.height
}

/// "7", "- 7 -", "Page 7", "7 of 20", "7/20", "vii".
pub(super) fn is_page_number(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    let t = t.trim_matches(|c: char| c == '-' || c == '–' || c == '—' || c.is_whitespace());
    let t = t.strip_prefix("page").unwrap_or(t).trim();
    let parts: Vec<&str> = t
        .split(|c: char| c == '/' || c.is_whitespace())
        .filter(|p| !p.is_empty() && *p != "of")
        .collect();
    let number = |p: &str| {
        (p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
            || (p.len() <= 6 && p.chars().all(|c| "ivxlc".contains(c)))
    };
    (1..=2).contains(&parts.len()) && parts.iter().all(|p| number(p))
}

/// A line's text with its numbers made alike: "Kestrel Brief 3 | page 4" and "… 5" are one.
pub(super) fn key(text: &str) -> String {
    let mut key = String::new();
    for c in text.to_lowercase().chars() {
        let c = if c.is_ascii_digit() { '#' } else { c };
        if !(c == '#' && key.ends_with('#')) {
            key.push(c);
        }
    }
    key.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Margin lines that repeat on many pages: running headers and footers.
pub(super) fn running_lines(pages: &[Page]) -> HashSet<String> {
    if pages.len() < 2 {
        return HashSet::new();
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for page in pages {
        let keys: HashSet<String> = page
            .lines
            .iter()
            .filter(|l| in_margin(l, page))
            .map(|l| key(&l.text))
            .collect();
        for k in keys {
            *seen.entry(k).or_default() += 1;
        }
    }
    let needed = ((pages.len() as f64) * 0.4).ceil().max(2.0) as usize;
    seen.into_iter()
        .filter(|(_, n)| *n >= needed)
        .map(|(k, _)| k)
        .collect()
}

/// Removes the page's footnotes (small lines at its foot, the first starting with a number)
/// and returns them, one block per note.
pub(super) fn take_notes(lines: &mut Vec<&Line>, page: &Page, body: f64) -> Vec<String> {
    let mut first = lines.len();
    while first > 0 {
        let line = lines[first - 1];
        if line.size < 0.92 * body && line.y > 0.5 * page.height {
            first -= 1;
        } else {
            break;
        }
    }
    let Some(start) = (first..lines.len()).find(|&i| note_number(&lines[i].text).is_some()) else {
        return Vec::new();
    };
    if start != first {
        return Vec::new();
    }
    let mut notes: Vec<String> = Vec::new();
    for line in lines.drain(first..) {
        match note_number(&line.text) {
            Some((n, rest)) => notes.push(format!("[{n}] {rest}")),
            None => {
                if let Some(last) = notes.last_mut() {
                    last.push(' ');
                    last.push_str(line.text.trim());
                }
            }
        }
    }
    notes
}

/// "[3] Text" or "3 Text" or "3. Text": the note's number and its text.
pub(super) fn note_number(text: &str) -> Option<(u32, &str)> {
    let t = text.trim_start();
    let t = t.strip_prefix('[').unwrap_or(t);
    let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let n = t[..digits].parse().ok()?;
    let rest = t[digits..].trim_start_matches([']', '.', ')']);
    rest.starts_with(' ')
        .then(|| (n, rest.trim()))
        .filter(|(_, r)| !r.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_in_their_shapes() {
        for t in [
            "7",
            "- 7 -",
            "Page 7",
            "7 of 20",
            "7/20",
            "vii",
            "Page 3 of 12",
        ] {
            assert!(is_page_number(t), "{t}");
        }
        for t in ["Page seven", "7 killed", "In 1997 the", "Kestrel Brief"] {
            assert!(!is_page_number(t), "{t}");
        }
    }
}
