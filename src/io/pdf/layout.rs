//! A PDF's lines as the paragraphs a reader sees: running headers, footers and page numbers
//! removed; two-column pages read column by column; footnotes at the foot of a page moved to
//! the end; lines re-joined into paragraphs, across columns and pages; hyphenation at line
//! ends repaired (a word the document also writes with its hyphen keeps it). PDF has no
//! paragraphs, so each of these is a judgement from geometry, counted in [`Laid`] so the
//! analyst can be told the text may need boundary fixes.

use super::furniture::{in_margin, is_page_number, key, running_lines, take_notes};
use super::{Line, Page};
use std::collections::{HashMap, HashSet};

/// The text of a PDF as blocks, and how much of it was guessed.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Laid {
    pub blocks: Vec<String>,
    pub two_column_pages: usize,
    pub joined_across_pages: usize,
    pub dehyphenated: usize,
    pub furniture_removed: usize,
}

/// A line in reading order, with the column it stands in.
#[derive(Debug, Clone)]
struct Placed {
    line: Line,
    /// Pieces of one row joined: a table row, its own paragraph.
    row: bool,
    left: f64,
    right: f64,
    /// The first line of a column or page: what comes before it is elsewhere on the page.
    fresh: bool,
}

pub fn lay_out(pages: &[Page]) -> Laid {
    let mut laid = Laid::default();
    let body = body_size(pages);
    let mut furniture = running_lines(pages);
    // A number alone stands a little further in (LaTeX sets it 0.9 in. from the foot).
    let is_furniture = |line: &Line, page: &Page, furniture: &HashSet<String>| {
        let outer = line.y < 0.14 * page.height || line.y > 0.86 * page.height;
        (outer && is_page_number(&line.text))
            || (in_margin(line, page) && furniture.contains(&key(&line.text)))
    };
    // A document whose every line repeats on every page (a label sheet, a test page) is all
    // text, not all furniture.
    if pages
        .iter()
        .all(|p| p.lines.iter().all(|l| is_furniture(l, p, &furniture)))
    {
        furniture.clear();
    }
    let mut flow: Vec<Placed> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    for page in pages {
        let mut lines: Vec<&Line> = Vec::new();
        for line in &page.lines {
            if is_furniture(line, page, &furniture) {
                laid.furniture_removed += 1;
            } else {
                lines.push(line);
            }
        }
        lines.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
        let page_notes = take_notes(&mut lines, page, body);
        notes.extend(page_notes);
        match gutter(&lines, page.width) {
            Some(g) => {
                laid.two_column_pages += 1;
                place_columns(&lines, g, &mut flow);
            }
            None => place_column(&lines, &mut flow),
        }
    }
    let words = vocabulary(pages);
    let pitch = line_pitch(&flow, body);
    let mut current: Option<String> = None;
    for (i, cur) in flow.iter().enumerate() {
        let text = cur.line.text.trim();
        let Some(par) = current.as_mut() else {
            current = Some(text.to_string());
            continue;
        };
        let prev = &flow[i - 1];
        let breaks = if cur.row || prev.row {
            true
        } else if cur.fresh {
            let same_size = (cur.line.size - prev.line.size).abs() <= 0.12 * cur.line.size;
            let continues = same_size
                && !ended_early(prev, text)
                && (!ends_sentence(par) || starts_lower(text));
            if continues {
                laid.joined_across_pages += 1;
            }
            !continues || starts_item(text)
        } else {
            paragraph_break(prev, cur, pitch)
        };
        if breaks {
            laid.blocks.push(std::mem::replace(par, text.to_string()));
        } else {
            join(par, text, &words, &mut laid.dehyphenated);
        }
    }
    laid.blocks.extend(current);
    if !notes.is_empty() {
        laid.blocks.push("Notes".to_string());
        laid.blocks.extend(notes);
    }
    laid
}

/// The size most of the text is set in.
fn body_size(pages: &[Page]) -> f64 {
    let mut by_size: HashMap<i64, usize> = HashMap::new();
    for line in pages.iter().flat_map(|p| &p.lines) {
        *by_size.entry((line.size * 2.0).round() as i64).or_default() += line.text.len();
    }
    by_size
        .into_iter()
        .max_by_key(|&(size, chars)| (chars, -size))
        .map_or(10.0, |(size, _)| size as f64 / 2.0)
}

/// The x of the space between two columns, if the page has two.
fn gutter(lines: &[&Line], width: f64) -> Option<f64> {
    if lines.len() < 6 || width <= 0.0 {
        return None;
    }
    let quarter = lines.len().div_ceil(4);
    let mut best: Option<(usize, f64)> = None;
    let mut x = 0.3 * width;
    while x <= 0.7 * width {
        let crossing = lines
            .iter()
            .filter(|l| l.x0 < x - 1.0 && l.x1 > x + 1.0)
            .count();
        let left = lines.iter().filter(|l| l.x1 <= x).count();
        let right = lines.iter().filter(|l| l.x0 >= x).count();
        if left >= quarter.max(3) && right >= quarter.max(3) && crossing * 10 <= lines.len() {
            let better = best.is_none_or(|(c, bx)| {
                crossing < c
                    || (crossing == c && (x - width / 2.0).abs() < (bx - width / 2.0).abs())
            });
            if better {
                best = Some((crossing, x));
            }
        }
        x += 2.0;
    }
    best.map(|(_, x)| x)
}

fn bounds(lines: &[&Line]) -> (f64, f64) {
    let left = lines.iter().map(|l| l.x0).fold(f64::INFINITY, f64::min);
    let right = lines.iter().map(|l| l.x1).fold(f64::NEG_INFINITY, f64::max);
    (left, right)
}

/// A column's lines with the pieces of one row — table cells, text set apart by tabs —
/// joined as one line, cells apart: "Hyesan | 7,900 | 21,500".
fn rows(column: &[&Line]) -> Vec<(Line, bool)> {
    let mut out: Vec<(Line, bool)> = Vec::new();
    for line in column {
        if let Some((last, row)) = out.last_mut()
            && (line.y - last.y).abs() < 0.3 * last.size
            && (line.size - last.size).abs() <= 0.12 * last.size
            && line.x0 > last.x1
        {
            last.text = format!("{} | {}", last.text.trim_end(), line.text.trim_start());
            last.x1 = line.x1;
            *row = true;
            continue;
        }
        out.push(((*line).clone(), false));
    }
    out
}

/// A column in reading order.
fn place_column(column: &[&Line], flow: &mut Vec<Placed>) {
    let lines = rows(column);
    let (left, right) = bounds(&lines.iter().map(|(l, _)| l).collect::<Vec<_>>());
    for (i, (line, row)) in lines.into_iter().enumerate() {
        flow.push(Placed {
            line,
            row,
            left,
            right,
            fresh: i == 0,
        });
    }
}

/// A two-column page: lines across the gutter (a headline, a wide table) divide it into bands;
/// each band is read left column, then right.
fn place_columns(lines: &[&Line], gutter: f64, flow: &mut Vec<Placed>) {
    let mut band: Vec<&Line> = Vec::new();
    let flush = |band: &mut Vec<&Line>, flow: &mut Vec<Placed>| {
        let (left, right): (Vec<&Line>, Vec<&Line>) =
            band.drain(..).partition(|l| l.x1 <= gutter + 1.0);
        place_column(&left, flow);
        place_column(&right, flow);
    };
    for line in lines {
        if line.x0 < gutter - 1.0 && line.x1 > gutter + 1.0 {
            flush(&mut band, flow);
            place_column(&[line], flow);
        } else {
            band.push(line);
        }
    }
    flush(&mut band, flow);
}

/// The usual distance from one baseline to the next within a paragraph.
fn line_pitch(flow: &[Placed], body: f64) -> f64 {
    let mut gaps: Vec<f64> = flow
        .windows(2)
        .filter(|w| !w[1].fresh && (w[0].line.size - body).abs() < 0.1 * body)
        .map(|w| w[1].line.y - w[0].line.y)
        .filter(|&g| g > 0.8 * body && g < 3.0 * body)
        .collect();
    if gaps.is_empty() {
        return 1.2 * body;
    }
    gaps.sort_by(f64::total_cmp);
    gaps[gaps.len() / 2]
}

/// Whether `cur` starts a new paragraph after `prev` in the same column.
fn paragraph_break(prev: &Placed, cur: &Placed, pitch: f64) -> bool {
    let (p, c) = (&prev.line, &cur.line);
    let size = c.size.max(p.size);
    let gap = c.y - p.y;
    gap > 1.45 * pitch.max(p.size)
        || gap < 0.0
        || (c.size - p.size).abs() > 0.12 * size
        || (c.x0 > cur.left + 0.8 * c.size && p.x0 <= prev.left + 0.3 * p.size)
        || ended_early(prev, &c.text)
        || starts_item(&c.text)
        || (starts_item(&p.text) && p.text.trim_end().ends_with(['.', ';']))
}

/// Whether the line stopped before its column's edge although the next line's first word
/// would have fitted there: the writer ended the paragraph (ragged-right text wraps only
/// when the next word does not fit; justified text reaches the edge).
fn ended_early(prev: &Placed, next: &str) -> bool {
    let line = &prev.line;
    let chars = line.text.chars().count().max(1) as f64;
    let per_char = ((line.x1 - line.x0) / chars).max(0.1);
    let first = next
        .split_whitespace()
        .next()
        .map_or(0, |w| w.chars().count()) as f64;
    let room = prev.right - line.x1;
    room > per_char * (first + 1.5)
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .ends_with(['.', '!', '?', ':', '"', '”', '’', ')'])
}

fn starts_lower(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}

/// A list item: a bullet, a dash, or "3." / "3)" before the text.
fn starts_item(text: &str) -> bool {
    let t = text.trim_start();
    if t.starts_with(['•', '◦', '▪', '‣', '●', '–']) {
        return true;
    }
    let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
    digits > 0 && digits <= 2 && (t[digits..].starts_with(". ") || t[digits..].starts_with(") "))
}

/// Every word the document writes, lower-cased, hyphenated compounds whole.
fn vocabulary(pages: &[Page]) -> HashSet<String> {
    let mut words = HashSet::new();
    for line in pages.iter().flat_map(|p| &p.lines) {
        let mut tokens = line.text.split_whitespace().peekable();
        while let Some(token) = tokens.next() {
            // A token cut at the line's end is half a word.
            if tokens.peek().is_none() && token.ends_with('-') {
                continue;
            }
            let word: String = token
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            if !word.is_empty() {
                words.insert(word);
            }
        }
    }
    words
}

/// Appends the next line of a paragraph: a hyphen at the line's end, between letters, was put
/// there by the typesetter unless the document writes the word with it elsewhere.
fn join(par: &mut String, next: &str, words: &HashSet<String>, dehyphenated: &mut usize) {
    if par.ends_with('\u{ad}') {
        par.pop();
        par.push_str(next);
        *dehyphenated += 1;
        return;
    }
    let before_hyphen = par
        .strip_suffix('-')
        .and_then(|p| p.chars().next_back())
        .is_some_and(char::is_alphabetic);
    if before_hyphen {
        if starts_lower(next) {
            let head: String = par[..par.len() - 1]
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or_default()
                .to_lowercase();
            let tail: String = next
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect::<String>()
                .to_lowercase();
            let kept = format!("{head}-{tail}");
            let whole = format!("{head}{tail}");
            if !words.contains(&kept) || words.contains(&whole) {
                par.pop();
                *dehyphenated += 1;
            }
        }
        par.push_str(next);
        return;
    }
    par.push(' ');
    par.push_str(next);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(x0: f64, x1: f64, y: f64, size: f64, text: &str) -> Line {
        Line {
            x0,
            x1,
            y,
            size,
            text: text.to_string(),
        }
    }

    #[test]
    fn hyphens_at_line_ends_are_repaired_unless_the_document_keeps_them() {
        let words: HashSet<String> = ["cross-border".to_string()].into();
        let mut n = 0;
        let mut par = "the inter-".to_string();
        join(&mut par, "national trade", &words, &mut n);
        assert_eq!(par, "the international trade");
        let mut par = "the cross-".to_string();
        join(&mut par, "border trade", &words, &mut n);
        assert_eq!(par, "the cross-border trade");
        let mut par = "North-".to_string();
        join(&mut par, "Korean traders", &words, &mut n);
        assert_eq!(par, "North-Korean traders");
        let mut par = "rice —".to_string();
        join(&mut par, "and corn", &words, &mut n);
        assert_eq!(par, "rice — and corn");
        assert_eq!(n, 1);
    }

    #[test]
    fn a_paragraph_running_onto_the_next_page_is_joined() {
        let page = |lines: Vec<Line>| Page {
            width: 612.0,
            height: 792.0,
            lines,
        };
        let pages = [
            page(vec![
                line(
                    72.0,
                    540.0,
                    700.0,
                    10.0,
                    "The source said that prices in the market had",
                ),
                line(300.0, 312.0, 760.0, 9.0, "1"),
            ]),
            page(vec![
                line(72.0, 400.0, 90.0, 10.0, "risen by a third since October."),
                line(72.0, 540.0, 120.0, 10.0, "A new paragraph starts here."),
                line(300.0, 312.0, 760.0, 9.0, "2"),
            ]),
        ];
        let laid = lay_out(&pages);
        assert_eq!(
            laid.blocks,
            [
                "The source said that prices in the market had risen by a third since October.",
                "A new paragraph starts here."
            ]
        );
        assert_eq!(laid.joined_across_pages, 1);
        assert_eq!(laid.furniture_removed, 2);
    }
}
