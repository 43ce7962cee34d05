//! "Save changes?" before an action that would discard unsaved work.

use super::app::Intent;
use eframe::egui::{Context, Id, Modal};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Save,
    Discard,
    Cancel,
}

/// Shows the prompt; returns the answer once the user gives one.
pub fn unsaved_changes(ctx: &Context, intent: &Intent) -> Option<Answer> {
    let mut answer = None;
    let question = match intent {
        Intent::Quit => "Save the changes to this review before quitting?",
        Intent::Close => "Save the changes to this review before closing it?",
    };
    let modal = Modal::new(Id::unique("unsaved_changes")).show(ctx, |ui| {
        ui.set_max_width(380.0);
        ui.heading("Unsaved changes");
        ui.label(question);
        ui.label("If you discard them, they are lost.");
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                answer = Some(Answer::Save);
            }
            if ui.button("Discard").clicked() {
                answer = Some(Answer::Discard);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(Answer::Cancel);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(Answer::Cancel);
    }
    answer
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictAnswer {
    SaveAs,
    Overwrite,
    Cancel,
}

/// Shown when Save finds the session file changed on disk since it was loaded or saved.
pub fn changed_on_disk(ctx: &Context) -> Option<ConflictAnswer> {
    let mut answer = None;
    let modal = Modal::new(Id::unique("changed_on_disk")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading("The file changed on disk");
        ui.label(
            "Someone or something changed this session file since you opened or last saved it. \
             Overwriting replaces their version (it is kept as .bak).",
        );
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save As…").clicked() {
                answer = Some(ConflictAnswer::SaveAs);
            }
            if ui.button("Overwrite").clicked() {
                answer = Some(ConflictAnswer::Overwrite);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(ConflictAnswer::Cancel);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(ConflictAnswer::Cancel);
    }
    answer
}
