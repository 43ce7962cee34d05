//! Where each character of a laid-out paragraph is drawn. egui's cursor positions count glyphs,
//! and a shaped right-to-left run (Arabic, Hebrew) yields more glyphs than characters, so a
//! character index used as a cursor lands too far left after such a run. This map pairs
//! characters with glyphs itself: one to one in left-to-right text, and run by run across
//! right-to-left text, whose glyphs come in visual order.

use eframe::egui::{Galley, Pos2, Rect, Vec2, pos2};
use std::ops::Range;

pub struct GlyphMap {
    /// For each character (and one past the end): the index of its first glyph.
    starts: Vec<usize>,
    /// Every glyph, in order: its row and its horizontal extent, in galley coordinates.
    glyphs: Vec<(usize, f32, f32)>,
    rows: Vec<Rect>,
}

impl GlyphMap {
    /// The byte offset of the text at `pos` (relative to the paragraph's galley), moved back to the
    /// start of the word under the pointer so that a split never cuts a word.
    pub fn split_point(&self, paragraph: &str, paragraph_start: usize, pos: Vec2) -> usize {
        let chars = self.char_at(pos);
        let byte = paragraph
            .char_indices()
            .nth(chars)
            .map_or(paragraph.len(), |(b, _)| b);
        let word_start = paragraph[..byte]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(k, c)| k + c.len_utf8());
        let at = if paragraph[byte..].starts_with(char::is_whitespace) {
            byte
        } else {
            word_start
        };
        paragraph_start + at
    }

    pub fn new(text: &str, galley: &Galley) -> Self {
        let mut glyphs = Vec::new();
        let mut glyph_chars = Vec::new();
        let mut rows = Vec::with_capacity(galley.rows.len());
        for (r, placed) in galley.rows.iter().enumerate() {
            rows.push(placed.rect());
            for glyph in &placed.row.glyphs {
                let x = placed.pos.x + glyph.pos.x;
                glyphs.push((r, x, x + glyph.advance_width));
                glyph_chars.push(glyph.chr);
            }
        }
        let chars: Vec<char> = text.chars().collect();
        let mut starts = Vec::with_capacity(chars.len() + 1);
        let (mut i, mut g) = (0, 0);
        while i < chars.len() {
            if is_rtl(chars[i]) && glyph_chars.get(g).copied().is_some_and(is_rtl) {
                // The run's characters all start at its first glyph; the run's glyphs, in
                // whatever order they were placed, lie between it and the next character's.
                let char_end = run_end(&chars, i);
                // Shaping may leave extra zero-width glyphs in the run; they are part of it too.
                let glyph_end = run_end(&glyph_chars, g);
                starts.extend(std::iter::repeat_n(g, char_end - i));
                i = char_end;
                g = glyph_end;
            } else {
                starts.push(g.min(glyphs.len()));
                // A line break inside a paragraph starts a row and has no glyph of its own.
                if chars[i] != '\n' || glyph_chars.get(g) == Some(&'\n') {
                    g += 1;
                }
                i += 1;
            }
        }
        starts.push(g.min(glyphs.len()));
        Self {
            starts,
            glyphs,
            rows,
        }
    }

    fn glyph_range(&self, chars: Range<usize>) -> Range<usize> {
        let last = self.starts.len() - 1;
        let at = |c: usize| self.starts[c.min(last)];
        at(chars.start)..at(chars.end).max(at(chars.start))
    }

    /// One rectangle per row covering the characters `chars`.
    pub fn rects(&self, chars: Range<usize>) -> Vec<Rect> {
        let mut out: Vec<(usize, f32, f32)> = Vec::new();
        for &(row, left, right) in &self.glyphs[self.glyph_range(chars)] {
            match out.last_mut() {
                Some((r, l, rt)) if *r == row => {
                    *l = l.min(left);
                    *rt = rt.max(right);
                }
                _ => out.push((row, left, right)),
            }
        }
        out.into_iter()
            .filter(|&(_, left, right)| right > left)
            .map(|(row, left, right)| {
                let y = self.rows[row].y_range();
                Rect::from_min_max(pos2(left, y.min), pos2(right, y.max))
            })
            .collect()
    }

    /// The characters on the rows that `area` (galley coordinates) overlaps.
    pub fn chars_in(&self, area: Rect) -> Range<usize> {
        let first_row = self.rows.partition_point(|r| r.max.y < area.min.y);
        let end_row = self.rows.partition_point(|r| r.min.y <= area.max.y);
        if first_row >= end_row {
            return 0..0;
        }
        let first_glyph = self.glyphs.partition_point(|g| g.0 < first_row);
        let end_glyph = self.glyphs.partition_point(|g| g.0 < end_row);
        // The first character whose glyph is in view, to the first one past it.
        let first = self.starts.partition_point(|&s| s < first_glyph);
        let end = self.starts.partition_point(|&s| s < end_glyph);
        first.saturating_sub(1)..(end + 1).min(self.starts.len())
    }

    /// Where a caret before character `char` is drawn: a zero-width rectangle, row high.
    pub fn caret(&self, char: usize) -> Rect {
        let g = self.starts[char.min(self.starts.len() - 1)];
        let (row, x) = match self.glyphs.get(g) {
            Some(&(row, left, _)) => (row, left),
            None => match self.glyphs.last() {
                Some(&(row, _, right)) => (row, right),
                None => (0, 0.0),
            },
        };
        let y = self.rows.get(row).map_or(0.0..=0.0, |r| r.y_range().into());
        Rect::from_min_max(pos2(x, *y.start()), pos2(x, *y.end()))
    }

    /// The character boundary nearest to `pos` (galley coordinates).
    pub fn char_at(&self, pos: Vec2) -> usize {
        let pos = Pos2::new(pos.x, pos.y);
        let row = self
            .rows
            .iter()
            .position(|r| pos.y < r.max.y)
            .unwrap_or(self.rows.len().saturating_sub(1));
        let glyph = self
            .glyphs
            .iter()
            .enumerate()
            .filter(|(_, g)| g.0 == row)
            .find(|(_, (_, left, right))| pos.x < (left + right) / 2.0)
            .map(|(k, _)| k)
            .unwrap_or_else(|| {
                self.glyphs
                    .iter()
                    .rposition(|g| g.0 == row)
                    .map_or(self.glyphs.len(), |k| k + 1)
            });
        self.starts
            .iter()
            .position(|&s| s >= glyph)
            .unwrap_or(self.starts.len() - 1)
    }
}

/// Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko and their
/// presentation forms).
fn is_rtl(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

/// Spaces and punctuation between right-to-left letters belong to the run.
fn is_neutral(c: char) -> bool {
    c.is_whitespace() || (c.is_ascii_punctuation() && c != '.' && c != '!' && c != '?')
}

/// The end of the right-to-left run of characters starting at `i`: letters, and neutrals that
/// are followed by more letters.
fn run_end(chars: &[char], i: usize) -> usize {
    let mut end = i;
    let mut k = i;
    while k < chars.len() {
        if is_rtl(chars[k]) {
            k += 1;
            end = k;
        } else if is_neutral(chars[k]) {
            k += 1;
        } else {
            break;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    use eframe::egui::{self, FontId, TextFormat, text::LayoutJob};

    /// Lays `text` out as the app would, with a system font that has Arabic.
    fn galley(text: &str) -> std::sync::Arc<Galley> {
        use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
        let font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
        let data = std::fs::read(font).expect("DejaVu Sans is installed (.ci/run installs it)");
        let ctx = egui::Context::default();
        ctx.add_font(FontInsert::new(
            "dejavu",
            egui::FontData::from_owned(data),
            vec![InsertFontFamily {
                family: egui::FontFamily::Proportional,
                priority: FontPriority::Lowest,
            }],
        ));
        let mut out = None;
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let mut job = LayoutJob::default();
            job.wrap.max_width = 2000.0;
            let format = TextFormat::simple(FontId::proportional(16.0), egui::Color32::WHITE);
            job.append(text, 0.0, format);
            out = Some(ui.painter().layout_job(job));
        });
        // No renderer takes the font texture here.
        output.textures_delta.clear();
        out.expect("laid out")
    }

    #[test]
    fn a_sentence_after_an_arabic_run_is_outlined_where_it_is_drawn() {
        let text = "Said: مرحبا بالعالم اليوم. Next one here.";
        let galley = galley(text);
        let glyphs: Vec<_> = galley.rows[0].row.glyphs.clone();
        assert!(
            glyphs.len() > text.chars().count(),
            "shaping gives more glyphs than characters; otherwise this test shows nothing"
        );
        let map = GlyphMap::new(text, &galley);
        let next = text.chars().position(|c| c == 'N').unwrap();
        let n_glyph = glyphs.iter().find(|g| g.chr == 'N').unwrap();
        let rects = map.rects(next..text.chars().count());
        assert_eq!(rects.len(), 1);
        assert!((rects[0].min.x - n_glyph.pos.x).abs() < 0.5, "{rects:?}");
        let last = glyphs.last().unwrap();
        assert!((rects[0].max.x - last.max_x()).abs() < 0.5);
        // The first sentence covers the whole Arabic run and ends at its full stop.
        let first = map.rects(0..next - 1);
        let stop = glyphs.iter().find(|g| g.chr == '.').unwrap();
        assert!((first[0].max.x - stop.max_x()).abs() < 0.5, "{first:?}");
        // A click on "Next" finds the character, and the caret goes back to where it is drawn.
        let click = map.char_at(egui::vec2(n_glyph.pos.x + 1.0, 5.0));
        assert_eq!(click, next);
        assert!((map.caret(next).min.x - n_glyph.pos.x).abs() < 0.5);
        // One row: everything is in view of a rect over it, nothing of one below it.
        let all = map.chars_in(galley.rect);
        assert!(all.start == 0 && all.end >= text.chars().count());
        let below = map.chars_in(galley.rect.translate(egui::vec2(0.0, 500.0)));
        assert!(below.is_empty(), "{below:?}");
    }

    #[test]
    fn runs_take_in_spaces_between_letters_but_not_after() {
        let chars: Vec<char> = "ab مرحبا بالعالم. Next".chars().collect();
        let start = chars.iter().position(|&c| is_rtl(c)).unwrap();
        let end = run_end(&chars, start);
        assert_eq!(chars[end], '.');
        assert!(chars[start..end].contains(&' '));
    }
}
