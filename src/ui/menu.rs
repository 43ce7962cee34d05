//! The menu bar, built from the action table so that menu text and shortcuts match the keys.

use super::actions::{Action, shortcut_text};
use crate::model::Document;
use eframe::egui::{self, Button, Ui};
use std::path::PathBuf;

pub enum Choice {
    Action(Action),
    OpenRecent(PathBuf),
}

pub fn menu_bar(ui: &mut Ui, doc: Option<&Document>, recent: &[PathBuf]) -> Vec<Choice> {
    let mut chosen = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            item(ui, Action::Open, true, None, &mut chosen);
            item(ui, Action::Reimport, doc.is_some(), None, &mut chosen);
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
            ui.separator();
            item(ui, Action::Save, doc.is_some(), None, &mut chosen);
            item(ui, Action::SaveAs, doc.is_some(), None, &mut chosen);
            ui.separator();
            item(ui, Action::Quit, true, None, &mut chosen);
        });
        ui.menu_button("Edit", |ui| {
            let undo = doc.and_then(Document::undo_description);
            let redo = doc.and_then(Document::redo_description);
            item(ui, Action::Undo, undo.is_some(), undo, &mut chosen);
            item(ui, Action::Redo, redo.is_some(), redo, &mut chosen);
            ui.separator();
            item(ui, Action::ClearLabel, doc.is_some(), None, &mut chosen);
            ui.separator();
            item(ui, Action::SplitAtCaret, doc.is_some(), None, &mut chosen);
            item(ui, Action::MergeWithNext, doc.is_some(), None, &mut chosen);
        });
        ui.menu_button("Suggestions", |ui| {
            for action in [
                Action::AcceptSuggestion,
                Action::AcceptAbove,
                Action::RerunSuggestions,
            ] {
                item(ui, action, doc.is_some(), None, &mut chosen);
            }
        });
        ui.menu_button("Review", |ui| {
            item(ui, Action::SourceSummary, doc.is_some(), None, &mut chosen);
            item(ui, Action::EditLabels, doc.is_some(), None, &mut chosen);
        });
        ui.menu_button("Go", |ui| {
            for action in [
                Action::NextSentence,
                Action::PreviousSentence,
                Action::FirstSentence,
                Action::LastSentence,
                Action::ExtendDown,
                Action::ExtendUp,
                Action::NextUnlabelled,
            ] {
                item(ui, action, doc.is_some(), None, &mut chosen);
            }
        });
        ui.menu_button("Help", |ui| {
            item(ui, Action::ShowHelp, true, None, &mut chosen);
        });
    });
    chosen
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
