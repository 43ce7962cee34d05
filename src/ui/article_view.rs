//! The article, drawn paragraph by paragraph: only the paragraphs in view are laid out, and
//! paragraph heights are cached (estimated until first laid out) so that scrolling a
//! book-length article costs the same as a short one.

use super::colors;
use super::glyph_map::GlyphMap;
use super::selection::Selection;
use crate::app::compare::Standing;
use crate::app::find::Find;
use crate::model::suggest::Suggestion;
use crate::model::{LabelId, Session, Status};
use eframe::egui::{
    self, FontId, Galley, Pos2, Rect, ScrollArea, Sense, Stroke, StrokeKind, TextFormat, Ui,
    text::LayoutJob, vec2,
};
use std::ops::Range;
use std::sync::Arc;

pub(super) const FONT_SIZE: f32 = 16.0;
const PARAGRAPH_GAP: f32 = 12.0;
pub(super) const MARGIN: f32 = 20.0;

/// What the analyst did in the article view this frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ViewEvent {
    Select(usize),
    ExtendTo(usize),
    /// A label chosen from the context menu, for the selection.
    Label(Option<LabelId>),
    /// A note saved from the context menu.
    Note(usize, String),
    /// The analyst clicked at this byte of the text: where `s` would split.
    Caret(usize),
    /// Split sentence `.0` at byte `.1`.
    Split(usize, usize),
    /// Merge sentence `.0` with the next one.
    Merge(usize),
}

/// Cached geometry of the article; reset when the article or the width changes.
pub struct ArticleView {
    key: Option<(u64, u32)>,
    heights: Vec<f32>,
    exact: Vec<bool>,
    /// `tops[i]` is the y of paragraph `i`; `tops[n]` the total height.
    tops: Vec<f32>,
    tops_stale: bool,
    /// Sentence to bring into view on the next frames; with `at_top`, its paragraph goes to
    /// the top of the view (where a reopened review was left) rather than just into view.
    scroll_to: Option<usize>,
    at_top: bool,
    last_viewport: Rect,
    /// A sentence's context menu: its note draft and split point.
    menu: super::sentence_menu::SentenceMenu,
    /// Character-to-glyph maps of the paragraphs drawn last frame, by paragraph, kept while
    /// egui hands back the same laid-out galley (a long paragraph is not re-mapped per frame).
    glyph_maps: Vec<(usize, Arc<Galley>, Arc<GlyphMap>)>,
    glyph_maps_drawn: Vec<(usize, Arc<Galley>, Arc<GlyphMap>)>,
}

impl Default for ArticleView {
    fn default() -> Self {
        Self {
            key: None,
            heights: Vec::new(),
            exact: Vec::new(),
            tops: vec![0.0],
            tops_stale: true,
            scroll_to: None,
            at_top: false,
            last_viewport: Rect::NOTHING,
            menu: Default::default(),
            glyph_maps: Vec::new(),
            glyph_maps_drawn: Vec::new(),
        }
    }
}

impl ArticleView {
    /// Asks the view to scroll so that `sentence` is visible.
    pub fn reveal(&mut self, sentence: usize) {
        self.scroll_to = Some(sentence);
        self.at_top = false;
    }

    /// Asks the view to scroll so that `sentence`'s paragraph is at the top.
    pub fn scroll_top_to(&mut self, sentence: usize) {
        self.scroll_to = Some(sentence);
        self.at_top = true;
    }

    /// The first sentence of the paragraph at the top of the view, once it has been drawn.
    pub fn top_sentence(&self, session: &Session) -> Option<usize> {
        if self.last_viewport == Rect::NOTHING || self.tops.len() < 2 {
            return None;
        }
        let p = self
            .tops
            .partition_point(|&t| t <= self.last_viewport.min.y)
            .saturating_sub(1)
            .min(session.paragraphs().len().saturating_sub(1));
        Some(session.paragraph_sentences(p).start)
    }

    /// Forgets cached heights, e.g. after another article was opened.
    pub fn reset(&mut self) {
        *self = Self::default();
    }

    fn prepare(&mut self, session: &Session, doc_key: u64, wrap_width: f32) {
        let key = (doc_key, wrap_width.to_bits());
        let n = session.paragraphs().len();
        if self.key == Some(key) && self.heights.len() == n {
            return;
        }
        self.key = Some(key);
        let row_height = FONT_SIZE * 1.3;
        let chars_per_row = (wrap_width / (FONT_SIZE * 0.47)).max(10.0);
        self.heights = session
            .paragraphs()
            .iter()
            .map(|p| {
                let rows = (p.len() as f32 / chars_per_row).ceil().max(1.0);
                rows * row_height + PARAGRAPH_GAP
            })
            .collect();
        self.exact = vec![false; n];
        self.tops_stale = true;
    }

    fn refresh_tops(&mut self) {
        if !self.tops_stale {
            return;
        }
        self.tops.clear();
        self.tops.reserve(self.heights.len() + 1);
        let mut y = 0.0;
        for h in &self.heights {
            self.tops.push(y);
            y += h;
        }
        self.tops.push(y);
        self.tops_stale = false;
    }

    pub fn show(
        &mut self,
        ui: &mut Ui,
        (session, suggestions, find, marks): (&Session, &[Suggestion], Option<&Find>, &[Standing]),
        doc_key: u64,
        (selection, caret): (Option<Selection>, Option<usize>),
    ) -> Vec<ViewEvent> {
        let mut events = Vec::new();
        let wrap_width =
            (ui.available_width() - 2.0 * MARGIN).clamp(120.0, super::layout::measure(ui));
        self.prepare(session, doc_key, wrap_width);
        self.refresh_tops();

        let mut area = ScrollArea::vertical()
            // Each review's scroll state is its own: egui keeps offsets and scroll physics by
            // id, and a shared id would carry one review's position (and its spring-back
            // bounds) into the next one shown.
            .id_salt(("article", doc_key))
            .auto_shrink([false, false]);
        if let Some(offset) = self.pending_offset(session) {
            area = area.vertical_scroll_offset(offset);
        }
        let visuals = ui.visuals().clone();
        area.show_viewport(ui, |ui, viewport| {
            self.last_viewport = viewport;
            let total = self.tops.last().copied().unwrap_or(0.0);
            ui.set_height(total);
            ui.set_width(ui.available_width());
            let origin = ui.max_rect().min + vec2(MARGIN, 0.0);
            let first = self
                .tops
                .partition_point(|&t| t <= viewport.min.y)
                .saturating_sub(1);
            let mut p = first;
            while p < session.paragraphs().len() && self.tops[p] < viewport.max.y {
                let top = origin + vec2(0.0, self.tops[p]);
                let height = self.draw_paragraph(
                    ui,
                    (session, suggestions, find, marks),
                    p,
                    top,
                    wrap_width,
                    (selection, caret),
                    &visuals,
                    &mut events,
                );
                if !self.exact[p] || (self.heights[p] - height).abs() > 0.5 {
                    self.heights[p] = height;
                    self.exact[p] = true;
                    self.tops_stale = true;
                }
                p += 1;
            }
        });
        self.glyph_maps = std::mem::take(&mut self.glyph_maps_drawn);
        if self.tops_stale {
            // Heights just measured replace estimates; draw again with the exact layout.
            ui.ctx().request_repaint();
        }
        events
    }

    /// The scroll offset that brings the requested sentence into view, if it is not in view.
    fn pending_offset(&mut self, session: &Session) -> Option<f32> {
        let sentence = self.scroll_to?;
        let Some(p) = session.paragraph_of(sentence) else {
            self.scroll_to = None;
            return None;
        };
        let (top, bottom) = (self.tops[p], self.tops[p + 1]);
        let view = self.last_viewport;
        // Keep asking until the target paragraph's height is measured, since the estimate
        // may have put it elsewhere.
        if self.exact[p] {
            self.scroll_to = None;
        }
        if self.at_top {
            return Some(top);
        }
        let visible = top >= view.min.y && bottom - PARAGRAPH_GAP <= view.max.y;
        if visible && view.height() > 0.0 {
            return None;
        }
        Some((top - view.height() * 0.25).max(0.0))
    }

    #[allow(clippy::too_many_arguments)]
    fn draw_paragraph(
        &mut self,
        ui: &mut Ui,
        (session, suggestions, find, marks): (&Session, &[Suggestion], Option<&Find>, &[Standing]),
        p: usize,
        top: Pos2,
        wrap_width: f32,
        (selection, caret): (Option<Selection>, Option<usize>),
        visuals: &egui::Visuals,
        events: &mut Vec<ViewEvent>,
    ) -> f32 {
        let para = session.paragraphs()[p];
        let text = &session.article().text[para.range()];
        let sentences = session.paragraph_sentences(p);
        let font = FontId::proportional(FONT_SIZE);
        let plain = TextFormat::simple(font.clone(), colors::article_text(visuals));

        // Sections: the gaps between sentences in plain text, each sentence in its label tint.
        let mut job = LayoutJob::default();
        job.wrap.max_width = wrap_width;
        let mut char_ranges: Vec<Range<usize>> = Vec::with_capacity(sentences.len());
        let mut cursor = para.start;
        let mut chars = 0;
        for s in sentences.clone() {
            let span = session.sentences()[s];
            if span.start > cursor {
                let gap = &session.article().text[cursor..span.start];
                job.append(gap, 0.0, plain.clone());
                chars += gap.chars().count();
            }
            let sentence_text = &session.article().text[span.range()];
            let annotation = &session.annotations()[s];
            let mut format = plain.clone();
            if let Some(label) = annotation
                .label
                .as_ref()
                .and_then(|id| session.taxonomy().get(id))
            {
                // Decided claims are filled; a suggestion has only its dashed outline (below),
                // so that what is still to confirm shows at a glance.
                if annotation.status == Status::Confirmed {
                    format.background = colors::sentence_tint(label.color, visuals, s);
                }
            }
            // The cue that triggered the suggestion is underlined.
            match suggestions
                .get(s)
                .and_then(|x| x.cue)
                .filter(|c| span.contains(*c) && !c.is_empty())
            {
                Some(cue) => {
                    let text = &session.article().text;
                    let mut underlined = format.clone();
                    underlined.underline = Stroke::new(1.5, colors::article_text(visuals));
                    job.append(&text[span.start..cue.start], 0.0, format.clone());
                    job.append(&text[cue.range()], 0.0, underlined);
                    job.append(&text[cue.end..span.end], 0.0, format);
                }
                None => job.append(sentence_text, 0.0, format),
            }
            let n = sentence_text.chars().count();
            char_ranges.push(chars..chars + n);
            chars += n;
            cursor = span.end;
        }
        if cursor < para.end {
            job.append(
                &session.article().text[cursor..para.end],
                0.0,
                plain.clone(),
            );
        }
        if job.text.is_empty() {
            job.append(text, 0.0, plain);
        }

        let galley = ui.painter().layout_job(job);
        let height = galley.rect.height() + PARAGRAPH_GAP;
        ui.painter()
            .galley(top, galley.clone(), colors::article_text(visuals));

        let selection_color = colors::selection_stroke(visuals);
        let map = self.glyph_map(p, &galley);
        if let Some(find) = find {
            super::find_bar::highlights(
                ui,
                find,
                (text, para.start, sentences.start),
                &map,
                top,
                visuals,
            );
        }
        let clip = ui.clip_rect();
        let in_view = map.chars_in(clip.translate(-top.to_vec2()));
        for (k, s) in sentences.enumerate() {
            let chars = &char_ranges[k];
            if in_view.is_empty() || chars.end < in_view.start || chars.start > in_view.end {
                continue;
            }
            let rects: Vec<Rect> = map
                .rects(char_ranges[k].clone())
                .into_iter()
                .map(|r| r.translate(top.to_vec2()))
                .collect();
            // In a very long paragraph, most sentences are out of view: nothing to hit or draw.
            if !rects.iter().any(|r| r.intersects(clip)) {
                continue;
            }
            let selected = selection.is_some_and(|sel| sel.contains(s));
            let mut hovered = false;
            // The label in words, on hover: the tint is never the only way to tell.
            let annotation = &session.annotations()[s];
            let mark = marks
                .get(s)
                .and_then(|&m| super::compare_panel::standing_colour(m, visuals).map(|c| (m, c)));
            let hint = annotation
                .label
                .as_ref()
                .and_then(|id| session.taxonomy().get(id))
                .map(|l| match annotation.status {
                    Status::Confirmed => l.name.clone(),
                    _ => format!("Suggested: {} (Enter accepts)", l.name),
                });
            let hint = match (hint, mark) {
                (hint, Some((m, _))) => Some(format!(
                    "{}Compared: {}",
                    hint.map(|h| h + "\n").unwrap_or_default(),
                    super::compare_panel::standing_words(m)
                )),
                (hint, None) => hint,
            };
            for (row, rect) in rects.iter().enumerate() {
                let id = ui.scope_id().with(("sentence", s, row));
                let response = ui.interact(rect.expand(1.0), id, Sense::click());
                let response = match &hint {
                    Some(hint) => response.on_hover_text(hint),
                    None => response,
                };
                if row == 0 {
                    let label = session.sentence_text(s).to_string();
                    response.widget_info(|| {
                        egui::WidgetInfo::selected(
                            egui::Role::Button,
                            true,
                            selected,
                            label.clone(),
                        )
                    });
                }
                hovered |= response.hovered();
                let pointed = response
                    .interact_pointer_pos()
                    .map(|pos| map.split_point(text, para.start, pos - top));
                if response.clicked() {
                    let modifiers = ui.input(|i| i.modifiers);
                    if modifiers.alt
                        && let Some(at) = pointed
                    {
                        events.push(ViewEvent::Split(s, at));
                    } else if modifiers.shift {
                        events.push(ViewEvent::ExtendTo(s));
                    } else {
                        events.push(ViewEvent::Select(s));
                        if let Some(at) = pointed {
                            events.push(ViewEvent::Caret(at));
                        }
                    }
                }
                if response.secondary_clicked() {
                    self.menu.split_at = pointed;
                    if !selection.is_some_and(|sel| sel.contains(s)) {
                        events.push(ViewEvent::Select(s));
                    }
                }
                response.context_menu(|ui| self.menu.show(ui, session, s, events));
            }
            // An unconfirmed suggestion is outlined in its label's colour, dashed.
            let annotation = &session.annotations()[s];
            if annotation.status == Status::Suggested
                && let Some(label) = annotation
                    .label
                    .as_ref()
                    .and_then(|id| session.taxonomy().get(id))
            {
                let stroke = Stroke::new(1.5, colors::color(label.color));
                for rect in &rects {
                    let r = rect.expand(0.75);
                    let corners = [
                        r.left_top(),
                        r.right_top(),
                        r.right_bottom(),
                        r.left_bottom(),
                        r.left_top(),
                    ];
                    ui.painter()
                        .extend(egui::Shape::dashed_line(&corners, stroke, 4.0, 3.0));
                }
            }
            let stroke = if selected {
                Some(Stroke::new(2.0, selection_color))
            } else if hovered {
                Some(Stroke::new(1.0, visuals.weak_text_color()))
            } else {
                None
            };
            if let Some(stroke) = stroke {
                for rect in &rects {
                    ui.painter()
                        .rect_stroke(rect.expand(2.5), 3.0, stroke, StrokeKind::Outside);
                }
            }
            // The selection's own shape, whatever the colours: a bar in the margin beside each
            // of its lines, as editors mark the current line.
            if selected {
                for rect in &rects {
                    let bar = Rect::from_x_y_ranges(
                        top.x - MARGIN + 6.0..=top.x - MARGIN + 10.0,
                        rect.expand(2.5).y_range(),
                    );
                    ui.painter().rect_filled(bar, 1.0, selection_color);
                }
            }
            // Compared with another review: a bar in the right margin where the two differ.
            if let Some((_, colour)) = mark {
                for rect in &rects {
                    let bar = Rect::from_x_y_ranges(
                        top.x + wrap_width + 6.0..=top.x + wrap_width + 10.0,
                        rect.expand(1.5).y_range(),
                    );
                    ui.painter().rect_filled(bar, 1.0, colour);
                }
            }
            if hovered {
                ui.ctx().set_cursor_icon(egui::CursorIcon::Text);
            }
            if selected
                && let Some(at) = caret
                && session.sentences()[s].start < at
                && at < session.sentences()[s].end
            {
                let chars = text[..at - para.start].chars().count();
                let rect = map.caret(chars).translate(top.to_vec2());
                ui.painter().vline(
                    rect.center().x - 1.0,
                    rect.y_range(),
                    Stroke::new(2.0, selection_color),
                );
            }
        }
        height
    }

    fn glyph_map(&mut self, paragraph: usize, galley: &Arc<Galley>) -> Arc<GlyphMap> {
        let known = self
            .glyph_maps
            .iter()
            .find(|(p, g, _)| *p == paragraph && Arc::ptr_eq(g, galley))
            .map(|(_, _, map)| Arc::clone(map));
        let map =
            known.unwrap_or_else(|| Arc::new(GlyphMap::new(&galley.job.text, galley.as_ref())));
        self.glyph_maps_drawn
            .push((paragraph, Arc::clone(galley), Arc::clone(&map)));
        map
    }

    /// The rectangle of the last laid-out viewport, in content coordinates.
    pub fn viewport(&self) -> Rect {
        self.last_viewport
    }
}
