//! Review › Article details…: a modal with the report's title, outlet, date, byline and
//! address, checked as the analyst types (a date the desk cannot sort by is said at once, and
//! OK waits until it is put right).

use crate::app::Details;
use crate::model::Article;
use eframe::egui::{self, Context, Id, Modal};

/// The modal for `article`, editing `draft`. The analyst's answer once given: the details to
/// set, or `None` (Cancel, Escape, a click outside).
pub fn show(ctx: &Context, article: &Article, draft: &mut Details) -> Option<Option<Details>> {
    let mut answer = None;
    let problem = draft.command(article).and_then(|c| match c {
        crate::model::Command::SetDetails { title, meta } => {
            crate::model::article::check_details(&title, &meta, &article.meta).err()
        }
        _ => None,
    });
    let modal = Modal::new(Id::unique("article_details")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.heading("Article details");
        ui.label(
            "What the report's file does not say, or says wrong. The desk lists, filters and \
             counts reports by outlet and date.",
        );
        ui.add_space(6.0);
        let mut entered = false;
        egui::Grid::new("article_details_fields")
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                let fields: [(&str, &str, &mut String); 5] = [
                    ("Title", "", &mut draft.title),
                    ("Outlet", "Kestrel Report", &mut draft.outlet),
                    ("Date", "2026-11-28", &mut draft.date),
                    ("Byline", "Reporter's name", &mut draft.byline),
                    ("Address", "https://…", &mut draft.address),
                ];
                for (i, (name, hint, value)) in fields.into_iter().enumerate() {
                    let label = ui.label(name);
                    let field = ui
                        .add(
                            egui::TextEdit::singleline(value)
                                .hint_text(hint)
                                .desired_width(320.0),
                        )
                        .labelled_by(label.id);
                    // Asked before the outlet's field takes the focus back: once it has, it
                    // never lost it.
                    entered |= field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    if i == 1 && !entered && ui.memory(|m| m.focused().is_none()) {
                        // The outlet is what a plain-text report lacks most often.
                        field.request_focus();
                    }
                    ui.end_row();
                }
            });
        if let Some(problem) = &problem {
            ui.colored_label(ui.visuals().error_fg_color, format!("Not yet: {problem}"));
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let ok = ui.add_enabled(problem.is_none(), egui::Button::new("OK"));
            if ok.clicked() || (entered && problem.is_none()) {
                answer = Some(Some(draft.clone()));
            }
            if ui.button("Cancel").clicked() {
                answer = Some(None);
            }
        });
        ui.weak("Saved with the review; Undo takes it back.");
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(None);
    }
    answer
}
