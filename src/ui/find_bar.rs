//! The find bar (Ctrl+F), above the status bar: the words to find, "3 of 17", previous / next.
//! Enter and Shift+Enter step through the matches, Escape closes it. What matches is the core's
//! ([`crate::app::find`]); the bar only edits the words and asks.

use super::glyph_map::GlyphMap;
use crate::app::find::Find;
use crate::app::{Action, AppCommand};
use eframe::egui::{self, Key, Modifiers, Pos2, Stroke, StrokeKind, Ui};

#[derive(Default)]
pub struct FindBar {
    text: String,
    /// Put the keyboard in the field on the next frame.
    focus: bool,
}

impl FindBar {
    /// Opened (again) with Ctrl+F: the field takes the keyboard, its words selected as they were.
    pub fn opened(find: Option<&Find>) -> Self {
        Self {
            text: find.map(|f| f.query.clone()).unwrap_or_default(),
            focus: true,
        }
    }

    pub fn focus(&mut self) {
        self.focus = true;
    }

    /// Draws the bar; the commands it asks for, and whether it stays open.
    pub fn show(&mut self, ui: &mut Ui, find: Option<&Find>) -> (Vec<AppCommand>, bool) {
        let mut out = Vec::new();
        let mut open = true;
        ui.horizontal(|ui| {
            ui.label("Find");
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.text)
                    .id_salt("find_field")
                    .hint_text("words in the article or its notes")
                    .desired_width(260.0),
            );
            if std::mem::take(&mut self.focus) {
                field.request_focus();
            }
            if field.changed() {
                out.push(AppCommand::Find(self.text.clone()));
            }
            let (enter, shift, escape) = ui.input(|i| {
                (
                    i.key_pressed(Key::Enter),
                    i.modifiers.shift,
                    i.key_pressed(Key::Escape),
                )
            });
            if field.lost_focus() && enter {
                out.push(AppCommand::Run(if shift {
                    Action::FindPrevious
                } else {
                    Action::FindNext
                }));
                // A single-line field gives the keyboard up on Enter; keep typing ahead there.
                field.request_focus();
            }
            if escape && (field.has_focus() || field.lost_focus()) {
                open = false;
            }
            let status = find.map(Find::status).unwrap_or_default();
            ui.label(status);
            if ui.button("Previous").on_hover_text("Shift+F3").clicked() {
                out.push(AppCommand::Run(Action::FindPrevious));
            }
            if ui.button("Next").on_hover_text("F3").clicked() {
                out.push(AppCommand::Run(Action::FindNext));
            }
            if ui.button("Close").on_hover_text("Escape").clicked() {
                open = false;
            }
        });
        if !open {
            out.push(AppCommand::CloseFind);
        }
        // Escape with the keyboard elsewhere (after a click in the article) closes it too.
        if open && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
            out.push(AppCommand::CloseFind);
            open = false;
        }
        (out, open)
    }
}

/// Every match of the find bar in this paragraph, tinted; the current one also outlined.
pub(super) fn highlights(
    ui: &Ui,
    find: &Find,
    (text, start, first_sentence): (&str, usize, usize),
    map: &GlyphMap,
    top: Pos2,
    visuals: &egui::Visuals,
) {
    let end = start + text.len();
    // Matches are in reading order by sentence.
    let first = find.hits.partition_point(|h| h.sentence < first_sentence);
    let current = find.current_hit();
    let tint = visuals.warn_fg_color.gamma_multiply(0.35);
    let stroke = Stroke::new(2.0, visuals.warn_fg_color);
    // Characters are counted once, from match to match, not from the paragraph's start each time.
    let (mut byte, mut chars) = (start, 0usize);
    for hit in &find.hits[first..] {
        let Some(span) = hit.span else { continue };
        if span.start >= end {
            break;
        }
        if span.start < byte {
            continue;
        }
        chars += text[byte - start..span.start - start].chars().count();
        byte = span.start;
        let len = text[span.start - start..span.end.min(end) - start]
            .chars()
            .count();
        for r in map.rects(chars..chars + len) {
            let r = r.translate(top.to_vec2());
            ui.painter().rect_filled(r, 2.0, tint);
            if current == Some(*hit) {
                ui.painter()
                    .rect_stroke(r.expand(1.0), 2.0, stroke, StrokeKind::Outside);
            }
        }
    }
}
