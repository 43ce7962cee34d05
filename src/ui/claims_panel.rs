//! The panel beside the article: the legend with counts (click to apply a label), the list of
//! sentences with their labels, and the note of the selected sentence.

use super::colors;
use super::selection::Selection;
use crate::model::{LabelId, Session, Stats, article::shorten};
use eframe::egui::{
    self, Align2, Color32, FontId, Rect, RichText, ScrollArea, Sense, Stroke, StrokeKind, Ui,
    text::LayoutJob, vec2,
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PanelEvent {
    /// Apply this label (or clear) to the selection.
    Label(Option<LabelId>),
    /// Select this sentence and bring it into view.
    Reveal(usize),
    Note(usize, String),
}

const ROW_HEIGHT: f32 = 22.0;

#[derive(Default)]
pub struct ClaimsPanel {
    /// (sentence, revision it was loaded at, text) of the note being edited.
    note_draft: Option<(usize, u64, String)>,
    /// Set when the list should scroll to keep the selection visible.
    follow: Option<usize>,
}

impl ClaimsPanel {
    pub fn reveal(&mut self, sentence: usize) {
        self.follow = Some(sentence);
    }

    pub fn show(
        &mut self,
        ui: &mut Ui,
        session: &Session,
        stats: &Stats,
        revision: u64,
        selection: Option<Selection>,
    ) -> Vec<PanelEvent> {
        let mut events = Vec::new();
        self.legend(ui, session, stats, &mut events);
        ui.separator();
        self.note_editor(ui, session, revision, selection, &mut events);
        ui.separator();
        ui.label(RichText::new("Claims").strong());
        self.list(ui, session, selection, &mut events);
        events
    }

    fn legend(&self, ui: &mut Ui, session: &Session, stats: &Stats, events: &mut Vec<PanelEvent>) {
        ui.horizontal(|ui| {
            ui.label(RichText::new("Labels").strong());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(format!(
                    "{} of {} unlabelled",
                    stats.unlabelled,
                    session.len()
                ));
            });
        });
        for (i, label) in session.taxonomy.labels.iter().enumerate() {
            let count = stats.per_label.get(i).copied().unwrap_or(0);
            let (rect, response) =
                ui.allocate_exact_size(vec2(ui.available_width(), ROW_HEIGHT), Sense::click());
            let key = label.key;
            let name = match key {
                Some(k) => format!("{} (key {k})", label.name),
                None => label.name.clone(),
            };
            response
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name.clone()));
            let painter = ui.painter_at(rect);
            if response.hovered() {
                painter.rect_filled(rect, 3.0, ui.visuals().widgets.hovered.weak_bg_fill);
            }
            let text_color = ui.visuals().text_color();
            let key_text = key.map_or("–".to_string(), |k| k.to_string());
            let key_rect = Rect::from_min_size(rect.min + vec2(2.0, 2.0), vec2(18.0, 18.0));
            painter.rect_stroke(
                key_rect,
                3.0,
                Stroke::new(1.0, ui.visuals().weak_text_color()),
                StrokeKind::Inside,
            );
            painter.text(
                key_rect.center(),
                Align2::CENTER_CENTER,
                key_text,
                FontId::monospace(12.0),
                text_color,
            );
            let swatch = Rect::from_min_size(rect.min + vec2(26.0, 4.0), vec2(14.0, 14.0));
            painter.rect_filled(swatch, 3.0, colors::color(label.color));
            painter.text(
                rect.min + vec2(48.0, ROW_HEIGHT / 2.0),
                Align2::LEFT_CENTER,
                &label.name,
                FontId::proportional(14.0),
                text_color,
            );
            painter.text(
                rect.right_center() - vec2(6.0, 0.0),
                Align2::RIGHT_CENTER,
                count.to_string(),
                FontId::proportional(14.0),
                text_color,
            );
            let response = response.on_hover_text(format!(
                "{}\nClick or press {} to apply to the selected sentences.",
                label.description,
                key.map_or("the legend entry".to_string(), |k| format!("'{k}'"))
            ));
            if response.clicked() {
                events.push(PanelEvent::Label(Some(label.id.clone())));
            }
        }
    }

    fn note_editor(
        &mut self,
        ui: &mut Ui,
        session: &Session,
        revision: u64,
        selection: Option<Selection>,
        events: &mut Vec<PanelEvent>,
    ) {
        let Some(sel) = selection else {
            ui.weak("Select a sentence to label it and add a note.");
            return;
        };
        let s = sel.head;
        let Some(annotation) = session.annotations.get(s) else {
            return;
        };
        ui.label(RichText::new(format!("Note on sentence {}", s + 1)).strong());
        let stale = match &self.note_draft {
            Some((ds, dr, _)) => *ds != s || *dr != revision,
            None => true,
        };
        let id = egui::Id::unique("note_editor");
        let focused = ui.memory(|m| m.has_focus(id));
        if stale && !focused {
            self.note_draft = Some((s, revision, annotation.note.clone()));
        }
        let Some((ds, _, draft)) = &mut self.note_draft else {
            return;
        };
        let response = ui.add(
            egui::TextEdit::multiline(draft)
                .id(id)
                .desired_rows(3)
                .desired_width(f32::INFINITY)
                .hint_text("A note on this sentence (saved when you leave the field)"),
        );
        // Commit when the field loses focus, to the sentence the draft belongs to.
        if response.lost_focus()
            && let Some(previous) = session.annotations.get(*ds)
            && previous.note != *draft
        {
            events.push(PanelEvent::Note(*ds, draft.clone()));
        }
    }

    fn list(
        &mut self,
        ui: &mut Ui,
        session: &Session,
        selection: Option<Selection>,
        events: &mut Vec<PanelEvent>,
    ) {
        let mut area = ScrollArea::vertical()
            .id_salt("claims")
            .auto_shrink([false, false]);
        if let Some(target) = self.follow.take() {
            let spacing = ui.spacing().item_spacing.y;
            let row = ROW_HEIGHT + spacing;
            let visible = ui.available_height();
            let state_offset = ui
                .ctx()
                .data(|d| d.get_temp::<f32>(egui::Id::unique("claims_offset")))
                .unwrap_or(0.0);
            let y = target as f32 * row;
            if y < state_offset || y + row > state_offset + visible {
                area = area.vertical_scroll_offset((y - visible / 3.0).max(0.0));
            }
        }
        let output = area.show_rows(ui, ROW_HEIGHT, session.len(), |ui, rows| {
            for s in rows {
                self.row(ui, session, s, selection, events);
            }
        });
        let offset = output.state.clamped_offset().y;
        ui.ctx()
            .data_mut(|d| d.insert_temp(egui::Id::unique("claims_offset"), offset));
    }

    fn row(
        &self,
        ui: &mut Ui,
        session: &Session,
        s: usize,
        selection: Option<Selection>,
        events: &mut Vec<PanelEvent>,
    ) {
        let (rect, response) =
            ui.allocate_exact_size(vec2(ui.available_width(), ROW_HEIGHT), Sense::click());
        let annotation = &session.annotations[s];
        let label = annotation
            .label
            .as_ref()
            .and_then(|id| session.taxonomy.get(id));
        let chip_text = label.map_or("unlabelled", |l| l.name.as_str());
        let text = session.sentence_text(s);
        let accessible = format!("Sentence {}: {chip_text}: {}", s + 1, shorten(text, 60));
        let selected = selection.is_some_and(|sel| sel.contains(s));
        response.widget_info(|| {
            egui::WidgetInfo::selected(egui::Role::Button, true, selected, accessible.clone())
        });
        let visuals = ui.visuals();
        let painter = ui.painter_at(rect);
        if selected {
            painter.rect_filled(rect, 3.0, visuals.selection.bg_fill.gamma_multiply(0.6));
        } else if response.hovered() {
            painter.rect_filled(rect, 3.0, visuals.widgets.hovered.weak_bg_fill);
        }
        let text_color = visuals.text_color();
        painter.text(
            rect.left_center() + vec2(4.0, 0.0),
            Align2::LEFT_CENTER,
            format!("{}", s + 1),
            FontId::monospace(12.0),
            visuals.weak_text_color(),
        );
        // The chip: label name on the label colour, so colour is never the only signal.
        let chip_font = FontId::proportional(12.0);
        let chip_galley = painter.layout_no_wrap(chip_text.to_string(), chip_font, Color32::BLACK);
        let chip_width = chip_galley.size().x.min(150.0) + 10.0;
        let chip = Rect::from_min_size(
            rect.min + vec2(40.0, 3.0),
            vec2(chip_width, ROW_HEIGHT - 6.0),
        );
        match label {
            Some(l) => {
                let fill = colors::color(l.color);
                painter.rect_filled(chip, 8.0, fill);
                painter.galley(
                    chip.min + vec2(5.0, (chip.height() - chip_galley.size().y) / 2.0),
                    chip_galley,
                    colors::text_on(fill),
                );
            }
            None => {
                painter.rect_stroke(
                    chip,
                    8.0,
                    Stroke::new(1.0, visuals.weak_text_color()),
                    StrokeKind::Inside,
                );
                painter.galley(
                    chip.min + vec2(5.0, (chip.height() - chip_galley.size().y) / 2.0),
                    chip_galley,
                    visuals.weak_text_color(),
                );
            }
        }
        let text_left = chip.max.x + 8.0;
        let mut job = LayoutJob::simple_singleline(
            text.replace('\n', " "),
            FontId::proportional(13.0),
            text_color,
        );
        job.wrap =
            egui::text::TextWrapping::truncate_at_width((rect.max.x - text_left - 4.0).max(10.0));
        let galley = painter.layout_job(job);
        painter.galley(
            egui::pos2(text_left, rect.center().y - galley.size().y / 2.0),
            galley,
            text_color,
        );
        if !annotation.note.is_empty() {
            painter.text(
                rect.right_center() - vec2(4.0, 0.0),
                Align2::RIGHT_CENTER,
                "note",
                FontId::proportional(11.0),
                visuals.weak_text_color(),
            );
        }
        let response = if annotation.note.is_empty() {
            response
        } else {
            response.on_hover_text(format!("Note: {}", annotation.note))
        };
        if response.clicked() {
            events.push(PanelEvent::Reveal(s));
        }
    }
}
