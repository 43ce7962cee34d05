//! One line at the bottom: where the analyst is, and what last happened.

use super::selection::Selection;
use crate::model::Document;
use eframe::egui::{self, Ui};

pub fn show(
    ui: &mut Ui,
    doc: Option<&Document>,
    selection: Option<Selection>,
    (notice, progress): (Option<&str>, Option<&str>),
) {
    ui.horizontal(|ui| {
        if let Some(progress) = progress {
            ui.spinner();
            ui.strong(progress);
            ui.separator();
        }
        if let Some(doc) = doc {
            let total = doc.session().len();
            match selection {
                Some(sel) if sel.len() > 1 => {
                    ui.label(format!(
                        "Sentences {}–{} of {total} selected",
                        sel.range().start() + 1,
                        sel.range().end() + 1
                    ));
                }
                Some(sel) => {
                    ui.label(format!("Sentence {} of {total}", sel.head + 1));
                }
                None => {
                    ui.label(format!("{total} sentences"));
                }
            }
            ui.separator();
            ui.label(match (doc.is_untitled(), doc.is_dirty()) {
                (true, false) => "New review, not saved yet",
                (true, true) => "Modified, not saved yet",
                (false, true) => "Modified since last save",
                (false, false) => "All changes saved",
            });
        }
        // The hint is placed first, at the right; the notice takes what is left and is cut
        // short (whole on hover) rather than running under the hint in a narrow window.
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.weak("F1: shortcuts");
            if let Some(notice) = notice {
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    ui.separator();
                    ui.add(egui::Label::new(egui::RichText::new(notice).weak()).truncate());
                });
            }
        });
    });
}
