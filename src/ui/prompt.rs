//! "Save changes?" before an action that would discard unsaved work.

use crate::app::{Answer, Intent};
use eframe::egui::{Context, Id, Modal};

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

/// Shown when Save finds the session file changed on disk since it was loaded or saved.
pub fn changed_on_disk(ctx: &Context) -> Option<Answer> {
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
                answer = Some(Answer::SaveAs);
            }
            if ui.button("Overwrite").clicked() {
                answer = Some(Answer::Overwrite);
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

/// Shown when a save would replace a read-only file.
pub fn read_only(ctx: &Context, path: &std::path::Path) -> Option<Answer> {
    let mut answer = None;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let modal = Modal::new(Id::unique("read_only")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading("The file is read-only");
        ui.label(format!(
            "{name} is marked read-only, perhaps to keep it from being changed. Replace it \
             anyway (it stays read-only, and the old version is kept as .bak), or save the \
             review somewhere else?"
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save As…").clicked() {
                answer = Some(Answer::SaveAs);
            }
            if ui.button("Replace it").clicked() {
                answer = Some(Answer::Overwrite);
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

/// "Recover unsaved work?" for a copy a crashed run left: `Some(true)` to restore it,
/// `Some(false)` to discard it.
pub fn recover(ctx: &Context, offer: &crate::io::recovery::Recovered) -> Option<bool> {
    let name = crate::app::recovered_name(offer);
    let minutes = std::time::SystemTime::now()
        .duration_since(offer.saved_at)
        .map_or(0, |d| d.as_secs() / 60);
    let when = match minutes {
        0 => "less than a minute ago".to_string(),
        1 => "1 minute ago".to_string(),
        m => format!("{m} minutes ago"),
    };
    let changes = match offer.changes {
        1 => "1 change".to_string(),
        n => format!("{n} changes"),
    };
    let mut answer = None;
    Modal::new(Id::unique("recovery")).show(ctx, |ui| {
        ui.set_max_width(440.0);
        ui.heading("Recover unsaved work?");
        ui.label(format!(
            "claimlens did not close normally. Unsaved work on {name} was kept {when} \
             ({changes})."
        ));
        ui.horizontal(|ui| {
            if ui.button("Restore").clicked() {
                answer = Some(true);
            }
            if ui.button("Discard").clicked() {
                answer = Some(false);
            }
        });
    });
    answer
}
