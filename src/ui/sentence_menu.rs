//! The context menu of a sentence in the article: its labels (with their keys), clear, split
//! at the clicked point, merge, and its note.

use super::article_view::ViewEvent;
use super::colors;
use crate::app::Action;
use crate::app::command_table::SPLIT_GESTURE;
use crate::model::Session;
use eframe::egui::{self, Ui};

#[derive(Debug, Default)]
pub(super) struct SentenceMenu {
    /// The note being edited in the menu: (sentence, text).
    note_draft: Option<(usize, String)>,
    /// Where the menu was opened: the split point it offers.
    pub(super) split_at: Option<usize>,
}

impl SentenceMenu {
    pub(super) fn show(
        &mut self,
        ui: &mut Ui,
        session: &Session,
        sentence: usize,
        events: &mut Vec<ViewEvent>,
    ) {
        ui.set_min_width(260.0);
        ui.label(egui::RichText::new(format!("Sentence {}", sentence + 1)).strong());
        ui.separator();
        // Texts and keys from the command table, as in the menus.
        let ctx = ui.ctx().clone();
        let keys = |action: Action| {
            action
                .shortcuts()
                .first()
                .map(|s| super::actions::shortcut_text(&ctx, s))
                .unwrap_or_default()
        };
        for label in &session.taxonomy().labels {
            let key = label
                .key
                .map(|k| keys(Action::Label(k)))
                .unwrap_or_default();
            let button = egui::Button::new(label.name.as_str())
                .shortcut_text(key)
                .fill(colors::tint(label.color, ui.visuals()));
            if ui.add(button).clicked() {
                events.push(ViewEvent::Label(Some(label.id.clone())));
                ui.close();
            }
        }
        if ui
            .add(
                egui::Button::new(Action::ClearLabel.title())
                    .shortcut_text(keys(Action::ClearLabel)),
            )
            .clicked()
        {
            events.push(ViewEvent::Label(None));
            ui.close();
        }
        ui.separator();
        let span = session.sentences()[sentence];
        let split_at = self.split_at.filter(|&at| span.start < at && at < span.end);
        let split = ui.add_enabled(
            split_at.is_some(),
            egui::Button::new("Split sentence here").shortcut_text(SPLIT_GESTURE),
        );
        if split.clicked()
            && let Some(at) = split_at
        {
            events.push(ViewEvent::Split(sentence, at));
            ui.close();
        }
        let same_paragraph = sentence + 1 < session.len()
            && session.paragraph_of(sentence) == session.paragraph_of(sentence + 1);
        let merge = ui.add_enabled(
            same_paragraph,
            egui::Button::new(Action::MergeWithNext.title())
                .shortcut_text(keys(Action::MergeWithNext)),
        );
        if merge.clicked() {
            events.push(ViewEvent::Merge(sentence));
            ui.close();
        }
        ui.separator();
        ui.label("Note");
        let current = &session.annotations()[sentence].note;
        let draft = match &mut self.note_draft {
            Some((s, text)) if *s == sentence => text,
            other => {
                *other = Some((sentence, current.clone()));
                match other {
                    Some((_, text)) => text,
                    None => return,
                }
            }
        };
        let edit = ui.add(
            egui::TextEdit::multiline(draft)
                .desired_rows(2)
                .desired_width(f32::INFINITY)
                .hint_text("Why this label? What to check?"),
        );
        let finish = crate::app::Action::FinishNote.shortcuts();
        let enter = edit.has_focus()
            && ui.input(|i| {
                i.events.iter().any(|e| match e {
                    egui::Event::Key {
                        key,
                        pressed: true,
                        modifiers,
                        ..
                    } => super::actions::key_from_egui(*key).is_some_and(|k| {
                        let held = super::actions::mods_from_egui(*modifiers);
                        finish.iter().any(|s| s.fires_on(held, k))
                    }),
                    _ => false,
                })
            });
        if ui.button("Save note").clicked() || enter {
            if *draft != *current {
                events.push(ViewEvent::Note(sentence, draft.clone()));
            }
            self.note_draft = None;
            ui.close();
        }
    }
}
