//! The parts of the window around the review: the tab bar, the error banner, the empty state
//! and the "accept suggestions above…" window. Each returns what the analyst asked for as
//! commands; none changes anything itself.

use crate::app::{Action, AppCommand, Message, Workspace};
use crate::model::suggest;
use eframe::egui::{self, Context, Ui};

/// One tab per open review, shown once a second review is open: its name, • while it has
/// unsaved changes, and × to close it (asking first about unsaved work).
pub fn tab_bar(ui: &mut Ui, workspace: &Workspace) -> Vec<AppCommand> {
    let mut commands = Vec::new();
    let desk = workspace.desk();
    if workspace.reviews().len() < 2 && desk.is_none() {
        return commands;
    }
    let desk_shown = workspace.desk_shown();
    let active = workspace.active_index().filter(|_| !desk_shown);
    egui::Panel::top("review_tabs").show(ui, |ui| {
        egui::ScrollArea::horizontal().show(ui, |ui| {
            ui.horizontal(|ui| {
                if let Some(desk) = desk {
                    let name = desk.folder().file_name().map_or_else(
                        || desk.folder().display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    );
                    let tab = ui
                        .selectable_label(desk_shown, format!("Folder: {name}"))
                        .on_hover_text(format!(
                            "The reports in {} (Ctrl+Shift+D)",
                            desk.folder().display()
                        ));
                    if tab.clicked() {
                        commands.push(AppCommand::Desk(crate::app::DeskCommand::Show));
                    }
                    ui.separator();
                }
                for (i, review) in workspace.reviews().iter().enumerate() {
                    let doc = review.document();
                    let mark = if doc.is_dirty() { "• " } else { "" };
                    let name = review.name();
                    let tab = ui
                        .selectable_label(active == Some(i), format!("{mark}{name}"))
                        .on_hover_text(doc.path.as_ref().map_or_else(
                            || format!("{name}, not saved yet"),
                            |p| p.display().to_string(),
                        ));
                    if tab.clicked() {
                        commands.push(AppCommand::Activate(i));
                    }
                    if ui
                        .small_button("×")
                        .on_hover_text(format!("Close {name}"))
                        .clicked()
                    {
                        commands.push(AppCommand::Activate(i));
                        commands.push(AppCommand::Run(Action::CloseReview));
                    }
                    ui.separator();
                }
            });
        });
    });
    commands
}

/// An error stays at the top of the window until dismissed.
/// An error (work may be at risk) over the top of the review, until dismissed. Drawn over the
/// content rather than above it, so that the article does not jump down when one appears.
pub fn error_banner(ctx: &Context, message: Option<&Message>) -> Option<AppCommand> {
    let Some(Message::Error(text)) = message else {
        return None;
    };
    let mut dismissed = false;
    let width = (ctx.content_rect().width() - 48.0).clamp(200.0, 900.0);
    egui::Area::new(egui::Id::unique("error_banner"))
        .anchor(egui::Align2::CENTER_TOP, [0.0, 30.0])
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            let visuals = ui.visuals().clone();
            egui::Frame::popup(ui.style())
                .fill(visuals.extreme_bg_color)
                .stroke(egui::Stroke::new(1.5, visuals.error_fg_color))
                .inner_margin(8.0)
                .show(ui, |ui| {
                    ui.set_width(width);
                    ui.horizontal(|ui| {
                        ui.colored_label(
                            ui.visuals().error_fg_color,
                            egui::RichText::new("Error").strong(),
                        );
                        ui.add(egui::Label::new(text.as_str()).wrap());
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            dismissed = ui.button("Dismiss").clicked();
                        });
                    });
                });
        });
    dismissed.then_some(AppCommand::DismissMessage)
}

pub fn empty_state(ui: &mut Ui) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() / 3.0);
        ui.heading("No review open");
        ui.label(
            "Open an article (.txt, .md, a saved web page) or a review session (.ron) with File › Open… (Ctrl+O), \
             or drop a file onto this window.",
        );
    });
}

/// "Accept suggestions": the threshold while the window is open (`None` once it closes) and
/// the command, once the analyst accepts.
pub fn accept_dialog(
    ctx: &Context,
    workspace: &mut Workspace,
    threshold: f32,
) -> (Option<f32>, Option<AppCommand>) {
    let suggestions = workspace.suggestions().to_vec();
    let Some(doc) = workspace.document() else {
        return (None, None);
    };
    let mut threshold = threshold;
    let count = suggest::count_above(doc.session(), &suggestions, threshold);
    let mut open = true;
    let mut accept = false;
    let mut cancel = false;
    egui::Window::new("Accept suggestions")
        .collapsible(false)
        .resizable(false)
        .open(&mut open)
        .show(ctx, |ui| {
            ui.label("Confirm every suggested label at least this confident:");
            ui.add(
                egui::Slider::new(&mut threshold, 0.3..=1.0)
                    .step_by(0.05)
                    .text("minimum confidence"),
            );
            ui.label(format!(
                "{count} suggested labels will be confirmed, as one undo step."
            ));
            ui.horizontal(|ui| {
                accept = ui
                    .add_enabled(count > 0, egui::Button::new(format!("Accept {count}")))
                    .clicked();
                cancel = ui.button("Cancel").clicked();
            });
        });
    let command = accept.then_some(AppCommand::AcceptAbove(threshold));
    let still_open = !(accept || cancel || !open);
    (still_open.then_some(threshold), command)
}

/// What the page said about itself — publisher, byline, date, address — above the article it
/// came with; the file it was extracted from on hover.
pub fn article_details(ui: &mut Ui, meta: &crate::model::article::ArticleMeta) {
    if meta.is_empty() {
        return;
    }
    let summary = meta.summary();
    let mut hover = summary.replace(" · ", "\n");
    if let Some(language) = &meta.language {
        hover.push_str(&format!("\nLanguage: {language}"));
    }
    if let Some(original) = &meta.original {
        hover.push_str(&format!(
            "\nText extracted from {} ({}); SHA-256 {}",
            original.name, original.format, original.sha256
        ));
    }
    ui.horizontal(|ui| {
        ui.add_space(super::article_view::MARGIN - 8.0);
        ui.add(egui::Label::new(egui::RichText::new(summary).weak().small()).truncate())
            .on_hover_text(hover);
    });
}
