//! Work is never thrown away without asking.

mod support;

use eframe::egui::{self, Key, Modifiers};
use egui_kittest::kittest::Queryable;
use support::{ScriptedDialogs, harness};

fn dirty_app(
    dialogs: ScriptedDialogs,
) -> egui_kittest::Harness<'static, claimlens::ui::ClaimlensApp> {
    let mut h = harness(dialogs, None);
    h.key_press(Key::Num1);
    h.run();
    assert!(h.state().document().unwrap().is_dirty());
    h
}

#[test]
fn quit_with_unsaved_changes_asks_and_cancel_keeps_the_app_open() {
    let mut h = dirty_app(ScriptedDialogs::default());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    assert!(h.state().is_confirming());
    h.get_by_label("Unsaved changes");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(!h.state().is_confirming());
    assert!(h.query_by_label("Unsaved changes").is_none());
    assert!(!h.state().is_quitting());
    assert!(h.state().document().unwrap().is_dirty());
    assert!(
        h.state().document().unwrap().session().annotations()[0]
            .label
            .is_some()
    );
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let mut h = dirty_app(ScriptedDialogs::default());
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run();
    assert!(h.state().is_confirming());
    h.get_by_label("Discard").click();
    h.run();
    assert!(h.state().is_quitting());
}

#[test]
fn save_from_the_prompt_saves_then_quits() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("review.ron");
    let mut h = dirty_app(ScriptedDialogs::answering([Some(path.clone())]));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    h.get_by_label("Save").click();
    h.run();
    assert!(path.exists());
    assert!(h.state().is_quitting());
}

#[test]
fn cancelling_the_save_dialog_does_not_quit() {
    let mut h = dirty_app(ScriptedDialogs::answering([None]));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    h.get_by_label("Save").click();
    h.run();
    assert!(!h.state().is_quitting());
    assert!(h.state().document().unwrap().is_dirty());
}

#[test]
fn opening_another_file_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.txt");
    std::fs::write(&other, "Another report. It has two sentences.").unwrap();
    let mut h = dirty_app(ScriptedDialogs::answering([Some(other.clone())]));
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert!(h.state().is_confirming());
    h.get_by_label("Discard").click();
    h.run();
    let doc = h.state().document().unwrap();
    assert_eq!(doc.session().len(), 2);
    assert!(!doc.is_dirty());
}
