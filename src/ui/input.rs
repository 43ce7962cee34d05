//! Input for the shell: worker and dialog answers, key presses, dropped files, the close
//! button and the views' events, each turned into an [`AppCommand`] on the queue.

use super::actions::{Action, key_from_egui, mods_from_egui};
use super::app::ClaimlensApp;
use super::article_view::ViewEvent;
use super::claims_panel::PanelEvent;
use super::dialogs::DialogAnswer;
use crate::app::{AppCommand, View, entries, lookup};
use eframe::egui::{self, Context, ViewportCommand};
use std::time::Duration;

/// How long File › New review from clipboard waits for the desktop to hand over the text.
pub(super) const PASTE_WAIT: std::time::Duration = std::time::Duration::from_secs(1);

impl ClaimlensApp {
    /// Finishes a background open or save once its worker answers.
    pub(super) fn poll_task(&mut self, ctx: &Context) {
        let Some(task) = &self.task else { return };
        let Some(outcome) = task.poll() else {
            // Keeps the progress line moving; the worker also wakes us when it is done.
            ctx.request_repaint_after(Duration::from_millis(100));
            return;
        };
        self.task = None;
        self.give_back.after_heavy_work(ctx);
        self.queue.push(AppCommand::Finished(outcome));
    }

    pub(super) fn poll_scan(&mut self, ctx: &Context) {
        let Some((dir, rx)) = &self.scan_worker else {
            return;
        };
        let outcome = match rx.try_recv() {
            Ok(outcome) => outcome,
            Err(std::sync::mpsc::TryRecvError::Empty) => {
                // The desk's progress bar moves while the folder is read.
                ctx.request_repaint_after(Duration::from_millis(100));
                return;
            }
            Err(std::sync::mpsc::TryRecvError::Disconnected) => crate::app::Outcome::Scanned(
                Box::new(crate::app::desk::Scanned::stopped(dir.clone())),
            ),
        };
        self.scan_worker = None;
        self.give_back.after_heavy_work(ctx);
        self.queue.push(AppCommand::Finished(outcome));
    }

    pub(super) fn poll_dialog(&mut self, ctx: &Context) {
        let Some(pending) = &self.pending_dialog else {
            return;
        };
        let Some(DialogAnswer { path, shown }) = pending.poll() else {
            // The dialog thread wakes us when it answers; polling slowly covers a lost wake-up.
            ctx.request_repaint_after(Duration::from_millis(250));
            return;
        };
        self.pending_dialog = None;
        self.queue.push(AppCommand::PathChosen { path, shown });
    }

    /// Handles key presses in the order they were typed, so that fast typing ahead ("Enter j
    /// Enter j") does what it says even when several keys arrive in one frame.
    pub(super) fn handle_keys(&mut self, ctx: &Context) {
        if self.workspace.is_waiting() || self.export_window.is_some() {
            return;
        }
        let typing = ctx.egui_wants_keyboard_input();
        let presses: Vec<(egui::Key, egui::Modifiers)> = ctx.input(|i| {
            i.events
                .iter()
                .filter_map(|e| match e {
                    egui::Event::Key {
                        key,
                        pressed: true,
                        modifiers,
                        ..
                    } => Some((*key, *modifiers)),
                    _ => None,
                })
                .collect()
        });
        let mut handled = Vec::new();
        for (key, modifiers) in presses {
            if self.handle_key(key, modifiers, typing) {
                handled.push((key, modifiers));
            }
        }
        ctx.input_mut(|i| {
            for (key, modifiers) in handled {
                i.consume_key(modifiers, key);
            }
        });
    }

    /// One key press: the command the table gives it where the analyst is, if any (actions,
    /// grades Shift+A–F and Alt+1–6, label hotkeys).
    pub(super) fn handle_key(
        &mut self,
        key: egui::Key,
        modifiers: egui::Modifiers,
        typing: bool,
    ) -> bool {
        let Some(key) = key_from_egui(key) else {
            return false;
        };
        let table = entries(self.workspace.document().map(|d| d.session().taxonomy()));
        match lookup(&table, mods_from_egui(modifiers), key, typing, false) {
            Some(action) => {
                self.queue.push(AppCommand::Run(action));
                true
            }
            None => false,
        }
    }

    pub(super) fn handle_dropped_files(&mut self, ctx: &Context) {
        let dropped = ctx.input(|i| i.raw.dropped_files.first().map(|f| f.path().to_path_buf()));
        if let Some(path) = dropped {
            self.queue.push(AppCommand::Open(path));
        }
    }

    /// The clipboard's text, asked for by File › New review from clipboard, becomes a review;
    /// if none comes (an empty clipboard, or only an image on it), the analyst is told.
    pub(super) fn handle_paste(&mut self, ctx: &Context) {
        let Some(asked) = self.awaiting_paste else {
            return;
        };
        let pasted = ctx.input_mut(|i| {
            let at = i
                .events
                .iter()
                .position(|e| matches!(e, egui::Event::Paste(_)))?;
            match i.events.remove(at) {
                egui::Event::Paste(text) => Some(text),
                _ => None,
            }
        });
        if let Some(text) = pasted {
            self.awaiting_paste = None;
            self.queue.push(AppCommand::NewFromText(text));
        } else if ctx.input(|i| i.time) - asked >= PASTE_WAIT.as_secs_f64() {
            self.awaiting_paste = None;
            self.queue.push(AppCommand::NewFromText(String::new()));
        }
    }

    pub(super) fn handle_close_request(&mut self, ctx: &Context) {
        if ctx.input(|i| i.viewport().close_requested()) {
            // Answered in this frame's drain: the window stays open if the workspace says so.
            self.queue.push(AppCommand::CloseRequested);
        }
    }

    pub(super) fn update_title(&mut self, ctx: &Context) {
        let title = match self.workspace.active() {
            None => "claimlens".to_string(),
            Some(review) => {
                let mark = if review.document().is_dirty() {
                    "● "
                } else {
                    ""
                };
                format!("{mark}{} — claimlens", review.name())
            }
        };
        if title != self.window_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }

    pub(super) fn handle_view_events(&mut self, events: Vec<ViewEvent>) {
        for event in events {
            let command = match event {
                ViewEvent::Select(sentence) => AppCommand::Pick {
                    sentence,
                    from: View::Article,
                },
                ViewEvent::ExtendTo(i) => AppCommand::ExtendTo(i),
                ViewEvent::Label(label) => AppCommand::Label(label),
                ViewEvent::Note(sentence, note) => AppCommand::SetNote { sentence, note },
                ViewEvent::Caret(at) => AppCommand::Caret(at),
                ViewEvent::Split(sentence, at) => AppCommand::Split { sentence, at },
                ViewEvent::Merge(i) => AppCommand::Merge(i),
            };
            self.queue.push(command);
        }
    }

    pub(super) fn handle_panel_events(&mut self, events: Vec<PanelEvent>) {
        for event in events {
            let command = match event {
                PanelEvent::Label(label) => AppCommand::Label(label),
                PanelEvent::Reveal(sentence) => AppCommand::Pick {
                    sentence,
                    from: View::ClaimsList,
                },
                PanelEvent::Note(sentence, note) => AppCommand::SetNote { sentence, note },
                PanelEvent::Accept => AppCommand::Run(Action::AcceptSuggestion),
                PanelEvent::AddPlaceLabel(place) => AppCommand::AddPlaceLabel(place),
                PanelEvent::AddPlaceToLabel(place, label) => {
                    AppCommand::AddPlaceToLabel { place, label }
                }
                PanelEvent::Edit(edit) => AppCommand::Edit(edit),
            };
            self.queue.push(command);
        }
    }
}
