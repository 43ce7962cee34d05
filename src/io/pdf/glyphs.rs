//! The child side of PDF reading: the glyphs `pdf-extract` finds on each page, with where they
//! stand, grouped into lines. This runs in a separate process (see `super::child`) because the
//! PDF reader may panic or run away on real files; nothing here decides paragraphs, which is
//! `super::layout`'s work on lines from either reader.

use super::{Info, Line, Page};
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// Why the glyphs could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    Password,
    Damaged(String),
}

/// The lines of each page of the PDF in `bytes`, and what it says about itself.
pub fn pages(bytes: &[u8]) -> Result<(Vec<Page>, Info), Failure> {
    let mut doc =
        pdf_extract::Document::load_mem(bytes).map_err(|e| Failure::Damaged(e.to_string()))?;
    if doc.is_encrypted() {
        // An empty user password (permissions only) opens; any other is the analyst's to give.
        doc.decrypt("").map_err(|_| Failure::Password)?;
    }
    let mut collector = Collector::default();
    pdf_extract::output_doc(&doc, &mut collector).map_err(|e| Failure::Damaged(e.to_string()))?;
    Ok((collector.pages, info(&doc)))
}

fn info(doc: &pdf_extract::Document) -> Info {
    let Some(dict) = doc
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|o| o.as_reference().ok())
        .and_then(|id| doc.get_dictionary(id).ok())
    else {
        return Info::default();
    };
    let field = |key: &[u8]| {
        dict.get(key)
            .ok()
            .and_then(|o| pdf_extract::decode_text_string(o).ok())
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|s| !s.is_empty())
    };
    Info {
        title: field(b"Title"),
        author: field(b"Author"),
        created: field(b"CreationDate"),
    }
}

#[derive(Debug, Clone)]
struct Glyph {
    x: f64,
    /// Baseline, from the top of the page.
    y: f64,
    size: f64,
    advance: f64,
    /// Whether the font gave this glyph's width (else `advance` is a guess).
    known: bool,
    text: String,
}

#[derive(Default)]
struct Collector {
    pages: Vec<Page>,
    flip: Option<Transform>,
    width: f64,
    height: f64,
    glyphs: Vec<Glyph>,
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.width = (media_box.urx - media_box.llx).abs();
        self.height = (media_box.ury - media_box.lly).abs();
        self.flip = Some(Transform::row_major(
            1.,
            0.,
            0.,
            -1.,
            -media_box.llx,
            media_box.ury,
        ));
        self.glyphs.clear();
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        let glyphs = std::mem::take(&mut self.glyphs);
        self.pages.push(Page {
            width: self.width,
            height: self.height,
            lines: lines(&glyphs),
        });
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        let Some(flip) = self.flip else {
            return Ok(());
        };
        let position = trm.post_transform(&flip);
        // The size as drawn: the side of the square the font's em square becomes, whatever
        // the rotation.
        let size = font_size * (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        if !size.is_finite() || size <= 0.0 || text.is_empty() {
            return Ok(());
        }
        self.glyphs.push(Glyph {
            x: position.m31,
            y: position.m32,
            size,
            // The reader gives no width for some glyphs of some fonts (CID fonts with a
            // partial width table): an average glyph stands in, or every such glyph would
            // look like the end of a word.
            known: width > 0.0,
            advance: if width > 0.0 {
                width * size
            } else if text.trim().is_empty() {
                0.25 * size
            } else {
                0.5 * size
            },
            text: text.to_string(),
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

#[derive(Debug, Clone)]
struct Run {
    line: Line,
    /// The last glyph's width was only guessed: only a wide gap is a space after it.
    guessed: bool,
    /// Smaller and raised above the text before it: a footnote marker or an exponent.
    raised: bool,
}

/// Glyphs, in the order the page draws them, as lines: a run continues while glyphs follow on
/// the same baseline; runs on one baseline close together are one line; a small raised run
/// (a footnote marker) joins the line it stands on, apart from the word it follows.
fn lines(glyphs: &[Glyph]) -> Vec<Line> {
    let mut runs: Vec<Run> = Vec::new();
    for g in glyphs {
        if let Some(run) = runs.last_mut()
            && continues(&run.line, g)
        {
            let gap = g.x - run.line.x1;
            let space = if run.guessed { 0.45 } else { 0.15 };
            run.guessed = !g.known;
            if gap > space * run.line.size
                && !run.line.text.ends_with(' ')
                && !g.text.starts_with(' ')
            {
                run.line.text.push(' ');
            }
            run.line.text.push_str(&g.text);
            run.line.x1 = run.line.x1.max(g.x + g.advance);
            continue;
        }
        let raised = runs.last().is_some_and(|r| {
            !r.raised
                && g.size < 0.85 * r.line.size
                && r.line.y - g.y > 0.15 * r.line.size
                && r.line.y - g.y < r.line.size
        });
        runs.push(Run {
            line: Line {
                x0: g.x,
                x1: g.x + g.advance,
                y: g.y,
                size: g.size,
                text: g.text.clone(),
            },
            raised,
            guessed: !g.known,
        });
    }
    let mut lines: Vec<Line> = Vec::new();
    for run in runs {
        let mut run_line = run.line;
        let spaced = run_line.text.starts_with(char::is_whitespace);
        let text = run_line.text.trim().to_string();
        if text.is_empty() {
            continue;
        }
        if run.raised {
            let marker = if text.chars().all(|c| c.is_ascii_digit() || c == ',') {
                format!("[{text}]")
            } else {
                text
            };
            if let Some(line) = lines.last_mut()
                && (run_line.x0 - line.x1).abs() < 0.6 * line.size
                && run_line.y < line.y
                && line.y - run_line.y < line.size
            {
                line.text.push_str(&marker);
                line.x1 = line.x1.max(run_line.x1);
                continue;
            }
            run_line.text = marker;
            lines.push(run_line);
            continue;
        }
        run_line.text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some(line) = lines.last_mut() {
            let same_baseline = (line.y - run_line.y).abs() < 0.3 * line.size;
            let gap = run_line.x0 - line.x1;
            if same_baseline && gap > -0.5 * line.size && gap < 1.5 * line.size {
                if spaced || gap > 0.15 * line.size {
                    line.text.push(' ');
                }
                line.text.push_str(&run_line.text);
                line.x1 = line.x1.max(run_line.x1);
                line.size = line.size.max(run_line.size);
                continue;
            }
            // A footnote's own number, raised, stands before its text.
            if line.text.starts_with('[')
                && line.text.ends_with(']')
                && (run_line.x0 - line.x1).abs() < 0.6 * run_line.size
                && run_line.y > line.y
                && run_line.y - line.y < run_line.size
            {
                line.text = format!("{} {}", line.text, run_line.text);
                line.x1 = run_line.x1;
                line.y = run_line.y;
                line.size = run_line.size;
                continue;
            }
        }
        lines.push(run_line);
    }
    lines
}

fn continues(line: &Line, g: &Glyph) -> bool {
    (g.y - line.y).abs() < 0.3 * line.size.max(g.size)
        && (g.size - line.size).abs() < 0.2 * line.size
        && g.x >= line.x1 - 0.5 * line.size
        && g.x <= line.x1 + 1.5 * line.size
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(x: f64, y: f64, size: f64, text: &str) -> Vec<Glyph> {
        let mut at = x;
        text.chars()
            .map(|c| {
                let g = Glyph {
                    x: at,
                    y,
                    size,
                    advance: 0.5 * size,
                    known: true,
                    text: c.to_string(),
                };
                at += 0.5 * size;
                g
            })
            .collect()
    }

    #[test]
    fn a_raised_small_number_is_a_marker_apart_from_its_word() {
        let mut glyphs = word(72.0, 100.0, 10.0, "rose.");
        glyphs.extend(word(97.0, 96.0, 6.0, "3"));
        glyphs.extend(word(102.0, 100.0, 10.0, "The"));
        let got = lines(&glyphs);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].text, "rose.[3] The");
    }

    #[test]
    fn a_new_baseline_or_a_jump_left_starts_a_line() {
        let mut glyphs = word(72.0, 100.0, 10.0, "one");
        glyphs.extend(word(72.0, 112.0, 10.0, "two"));
        glyphs.extend(word(320.0, 112.0, 10.0, "far"));
        let got: Vec<String> = lines(&glyphs).into_iter().map(|l| l.text).collect();
        assert_eq!(got, ["one", "two", "far"]);
    }
}
