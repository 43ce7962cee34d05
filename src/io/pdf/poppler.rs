//! poppler's `pdftotext`, where installed: it reads fonts the built-in reader cannot (CID
//! fonts, as Korean and Japanese PDFs use). Its `-bbox-layout` output gives every line with
//! its box, so its lines go through the same layout as the built-in reader's.

use super::{Line, Page};
use crate::io::xml::{self, Event};
use std::io::Write;
use std::process::{Command, Stdio};

/// The pages as pdftotext reads them; `None` if it is not installed.
pub fn read(bytes: &[u8]) -> Option<Result<Vec<Page>, ()>> {
    let mut file = tempfile::NamedTempFile::new().ok()?;
    file.write_all(bytes).ok()?;
    let output = Command::new("pdftotext")
        .arg("-q")
        .arg("-bbox-layout")
        .arg("-enc")
        .arg("UTF-8")
        .arg(file.path())
        .arg("-")
        .stdin(Stdio::null())
        .output()
        .ok()?;
    if !output.status.success() {
        return Some(Err(()));
    }
    let text = String::from_utf8_lossy(&output.stdout);
    Some(pages(&text))
}

/// A word and its box.
struct Word {
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
    text: String,
}

/// The pages of pdftotext's XHTML: `<page width height>` … `<line>` … `<word xMin yMin xMax
/// yMax>text</word>`. A line's size is its words' usual height; a word smaller than that and
/// raised is a footnote marker, kept as "[N]" against the word before it.
fn pages(xhtml: &str) -> Result<Vec<Page>, ()> {
    let mut pages: Vec<Page> = Vec::new();
    let mut words: Option<Vec<Word>> = None;
    let mut word: Option<Word> = None;
    let number = |tag: &xml::Tag, name: &str| {
        tag.attr(name)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    xml::walk(xhtml, |e| match e {
        Event::Start(tag) => match tag.name.as_str() {
            "page" => pages.push(Page {
                width: number(&tag, "width"),
                height: number(&tag, "height"),
                lines: Vec::new(),
            }),
            "line" => words = Some(Vec::new()),
            "word" => {
                word = Some(Word {
                    x0: number(&tag, "xMin"),
                    x1: number(&tag, "xMax"),
                    y0: number(&tag, "yMin"),
                    y1: number(&tag, "yMax"),
                    text: String::new(),
                });
            }
            _ => {}
        },
        Event::Text(t) => {
            if let Some(w) = &mut word {
                w.text.push_str(&t);
            }
        }
        Event::End(name) => match name.as_str() {
            "word" => {
                if let (Some(w), Some(ws)) = (word.take(), &mut words) {
                    ws.push(w);
                }
            }
            "line" => {
                if let (Some(ws), Some(p)) = (words.take(), pages.last_mut())
                    && let Some(line) = line_of(&ws)
                {
                    p.lines.push(line);
                }
            }
            _ => {}
        },
    })
    .map_err(|_| ())?;
    Ok(pages)
}

fn line_of(words: &[Word]) -> Option<Line> {
    let mut heights: Vec<f64> = words.iter().map(|w| w.y1 - w.y0).collect();
    heights.sort_by(f64::total_cmp);
    let size = *heights.get(heights.len() / 2)?;
    let bottom = words
        .iter()
        .filter(|w| (w.y1 - w.y0) >= 0.8 * size)
        .map(|w| w.y1)
        .fold(f64::NEG_INFINITY, f64::max);
    let mut text = String::new();
    for w in words {
        let t = w.text.trim();
        let raised = (w.y1 - w.y0) < 0.8 * size && w.y1 < bottom - 0.15 * size;
        if raised && t.chars().all(|c| c.is_ascii_digit() || c == ',') {
            text.push_str(&format!("[{t}]"));
            continue;
        }
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(t);
    }
    let text = text.trim().to_string();
    (!text.is_empty()).then(|| Line {
        x0: words.iter().map(|w| w.x0).fold(f64::INFINITY, f64::min),
        x1: words.iter().map(|w| w.x1).fold(f64::NEG_INFINITY, f64::max),
        y: bottom,
        size,
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_their_boxes_from_bbox_layout() {
        let xhtml = r#"<html><body><doc><page width="612" height="792"><flow><block>
            <line xMin="72" yMin="90" xMax="300" yMax="100"><word xMin="72" yMin="90" xMax="100" yMax="100">Rice</word><word xMin="104" yMin="90" xMax="300" yMax="100">rose.</word></line>
            </block></flow></page></doc></body></html>"#;
        let got = pages(xhtml).unwrap();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].lines[0].text, "Rice rose.");
        assert_eq!(got[0].lines[0].size, 10.0);
        let marked = r#"<doc><page width="612" height="792"><line>
            <word xMin="72" yMin="90" xMax="100" yMax="100">rose.</word>
            <word xMin="100" yMin="88" xMax="103" yMax="94">3</word>
            <word xMin="107" yMin="90" xMax="130" yMax="100">The</word></line></page></doc>"#;
        assert_eq!(pages(marked).unwrap()[0].lines[0].text, "rose.[3] The");
    }
}
