//! The menu bar, built from the command table (`app::command_table::MENUS`) so that menu text
//! and shortcuts match the keys.

use super::actions::{Action, shortcut_text};
use crate::app::command_table::{MENUS, MenuItem};
use crate::model::Document;
use eframe::egui::{self, Button, Ui};
use std::path::PathBuf;

pub enum Choice {
    Action(Action),
    OpenRecent(PathBuf),
}

/// What the menus show besides the command table.
pub struct State<'a> {
    pub doc: Option<&'a Document>,
    pub recent: &'a [PathBuf],
    /// The built-in file dialog is preferred (a checked item).
    pub built_in_dialog: bool,
    /// The desktop has a file dialog of its own; without one the built-in one is the only choice.
    pub desktop_dialog: bool,
    /// Go › Move on after labelling is on.
    pub move_on: bool,
    /// View › Dark theme is on.
    pub dark: bool,
    /// Another review is compared with the shown one.
    pub comparing: bool,
    /// The desk is shown: Article details… acts on its line pointed at.
    pub desk: bool,
}

pub fn menu_bar(ui: &mut Ui, state: &State) -> Vec<Choice> {
    let (doc, recent) = (state.doc, state.recent);
    let mut chosen = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        for (title, items) in MENUS {
            ui.menu_button(*title, |ui| {
                for entry in *items {
                    match entry {
                        MenuItem::Separator => {
                            ui.separator();
                        }
                        MenuItem::Recent => recent_menu(ui, recent, &mut chosen),
                        MenuItem::Command(
                            action @ (Action::BuiltInFileDialog
                            | Action::MoveOnAfterLabel
                            | Action::DarkTheme),
                        ) => {
                            let (mut on, enabled) = match action {
                                Action::BuiltInFileDialog => (
                                    state.built_in_dialog || !state.desktop_dialog,
                                    state.desktop_dialog,
                                ),
                                Action::DarkTheme => (state.dark, true),
                                _ => (state.move_on, true),
                            };
                            let response = ui
                                .add_enabled(enabled, egui::Checkbox::new(&mut on, action.title()))
                                .on_hover_text(action.tooltip())
                                .on_disabled_hover_text(
                                    "This desktop has no file dialog of its own (no xdg portal, \
                                     no zenity), so claimlens uses its own",
                                );
                            if response.clicked() {
                                chosen.push(Choice::Action(*action));
                                ui.close();
                            }
                        }
                        MenuItem::Command(action) => {
                            // Undo and Redo say what they would undo or redo.
                            let detail = match action {
                                Action::Undo => doc.and_then(Document::undo_description),
                                Action::Redo => doc.and_then(Document::redo_description),
                                _ => None,
                            };
                            let enabled = match action {
                                Action::Undo | Action::Redo => detail.is_some(),
                                Action::NextDisagreement
                                | Action::PreviousDisagreement
                                | Action::TakeA
                                | Action::TakeB
                                | Action::TakeAllA
                                | Action::StopComparing => state.comparing,
                                Action::ArticleDetails => doc.is_some() || state.desk,
                                _ => doc.is_some() || !action.needs_review(),
                            };
                            item(ui, *action, enabled, detail, &mut chosen);
                        }
                    }
                }
            });
        }
    });
    chosen
}

fn recent_menu(ui: &mut Ui, recent: &[PathBuf], chosen: &mut Vec<Choice>) {
    ui.menu_button("Recent", |ui| {
        if recent.is_empty() {
            ui.weak("No recent files");
        }
        for path in recent {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.display().to_string());
            let response = ui.button(name).on_hover_text(path.display().to_string());
            if response.clicked() {
                chosen.push(Choice::OpenRecent(path.clone()));
                ui.close();
            }
        }
    });
}

fn item(
    ui: &mut Ui,
    action: Action,
    enabled: bool,
    detail: Option<String>,
    chosen: &mut Vec<Choice>,
) {
    let text = match detail {
        Some(d) => format!("{} {d}", action.title()),
        None => action.title(),
    };
    let shortcut = action
        .shortcuts()
        .first()
        .map(|s| shortcut_text(ui.ctx(), s))
        .unwrap_or_default();
    let response = ui
        .add_enabled(enabled, Button::new(text).shortcut_text(shortcut))
        .on_hover_text(action.tooltip());
    if response.clicked() {
        chosen.push(Choice::Action(action));
        ui.close();
    }
}
