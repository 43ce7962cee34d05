//! The questions the workspace asks (unsaved changes, a file changed on disk or read-only) and
//! the recovery offer, as modals.

use crate::app::{Answer, Intent};
use eframe::egui::{self, Context, Id, Modal};

/// A question as a modal: a heading, its text, and one button per answer; closing the modal
/// (Escape, a click outside) is Cancel. The answer once the analyst gives one.
fn ask(
    ctx: &Context,
    id: &str,
    (width, heading): (f32, &str),
    lines: &[&str],
    buttons: &[(&str, Answer)],
) -> Option<Answer> {
    let mut answer = None;
    let modal = Modal::new(Id::unique(id)).show(ctx, |ui| {
        ui.set_max_width(width);
        ui.heading(heading);
        for line in lines {
            ui.label(*line);
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            for (text, choice) in buttons {
                if ui.button(*text).clicked() {
                    answer = Some(*choice);
                }
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(Answer::Cancel);
    }
    answer
}

/// "Save changes?" before closing a review or quitting.
pub fn unsaved_changes(ctx: &Context, intent: &Intent) -> Option<Answer> {
    let question = match intent {
        Intent::Quit => "Save the changes to this review before quitting?",
        Intent::Close => "Save the changes to this review before closing it?",
    };
    ask(
        ctx,
        "unsaved_changes",
        (380.0, "Unsaved changes"),
        &[question, "If you discard them, they are lost."],
        &[
            ("Save", Answer::Save),
            ("Discard", Answer::Discard),
            ("Cancel", Answer::Cancel),
        ],
    )
}

/// Shown when Save finds the session file changed on disk since it was loaded or saved.
pub fn changed_on_disk(ctx: &Context) -> Option<Answer> {
    ask(
        ctx,
        "changed_on_disk",
        (420.0, "The file changed on disk"),
        &[
            "Someone or something changed this session file since you opened or last saved it. \
           Overwriting replaces their version (it is kept as .bak).",
        ],
        &[
            ("Save As…", Answer::SaveAs),
            ("Overwrite", Answer::Overwrite),
            ("Cancel", Answer::Cancel),
        ],
    )
}

/// Shown when a save would replace a read-only file.
pub fn read_only(ctx: &Context, path: &std::path::Path) -> Option<Answer> {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let text = format!(
        "{name} is marked read-only, perhaps to keep it from being changed. Replace it anyway \
         (it stays read-only, and the old version is kept as .bak), or save the review \
         somewhere else?"
    );
    ask(
        ctx,
        "read_only",
        (420.0, "The file is read-only"),
        &[&text],
        &[
            ("Save As…", Answer::SaveAs),
            ("Replace it", Answer::Overwrite),
            ("Cancel", Answer::Cancel),
        ],
    )
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

/// Asked by the built-in file dialog before saving over an existing file: `Some(true)` to
/// replace it, `Some(false)` to choose again.
pub fn replace_file(ctx: &Context, path: &std::path::Path) -> Option<bool> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let question = format!("“{name}” already exists. Replace it?");
    let folder = format!(
        "It is in {}.",
        path.parent()
            .map(|p| p.display().to_string())
            .unwrap_or_default()
    );
    ask(
        ctx,
        "replace_file",
        (420.0, "Replace file?"),
        &[&question, &folder],
        &[
            ("Replace", Answer::Save),
            ("Choose another name", Answer::Cancel),
        ],
    )
    .map(|a| a == Answer::Save)
}

/// "Your name": asked before the first save (`saving`) and from Review › Your name….
/// `Some(Some(name))` to use the name typed, `Some(None)` to go on without one.
pub fn analyst_name(ctx: &Context, draft: &mut String, saving: bool) -> Option<Option<String>> {
    let mut answer = None;
    let modal = Modal::new(Id::unique("analyst_name")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading("Your name");
        ui.label(
            "Each review you save records who created it and who changed it last; exports and \
             comparisons of two analysts show it. Your team's Label Studio matches an e-mail \
             address to its users.",
        );
        ui.add_space(6.0);
        let field = ui.add(
            egui::TextEdit::singleline(draft)
                .hint_text("Name or e-mail")
                .desired_width(f32::INFINITY),
        );
        // Asked before the field takes the focus back: once it has, it never lost it.
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if !entered {
            field.request_focus();
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let ok = if saving { "Save" } else { "OK" };
            if ui.button(ok).clicked() || entered {
                answer = Some(Some(draft.clone()));
            }
            let skip = if saving {
                "Save without a name"
            } else {
                "Cancel"
            };
            if ui.button(skip).clicked() {
                answer = Some(None);
            }
        });
        ui.weak("Change it later with Review › Your name…");
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(None);
    }
    answer
}
