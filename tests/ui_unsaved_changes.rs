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
fn another_file_opens_beside_unsaved_work_and_each_review_keeps_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.txt");
    std::fs::write(&other, "Another report. It has two sentences.").unwrap();
    let mut h = dirty_app(ScriptedDialogs::answering([
        Some(other.clone()),
        Some(other.clone()),
    ]));
    let first_len = h.state().document().unwrap().session().len();
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert!(
        !h.state().is_confirming(),
        "nothing is lost, so nothing to ask"
    );
    let doc = h.state().document().unwrap();
    assert_eq!(doc.session().len(), 2);
    assert!(!doc.is_dirty());
    // The tab bar shows both; the sample's tab is marked unsaved.
    h.get_by_label_contains("• ");
    h.get_by_label_contains("other.txt");

    // A selection of its own in the new review.
    h.key_press(Key::J);
    h.run();
    assert_eq!(h.state().selection().map(|s| s.head), Some(1));

    // Ctrl+Tab goes back to the first, with its unsaved label, selection and undo history.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Tab);
    h.run();
    let doc = h.state().document().unwrap();
    assert_eq!(doc.session().len(), first_len);
    assert!(doc.is_dirty());
    assert!(doc.can_undo());
    assert_eq!(h.state().selection().map(|s| s.head), Some(0));

    // Opening the other file again shows its review instead of a second copy.
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert_eq!(h.state().document().unwrap().session().len(), 2);
    assert_eq!(h.state().selection().map(|s| s.head), Some(1));

    // Closing a saved review asks nothing; closing the unsaved one asks first.
    h.key_press_modifiers(Modifiers::COMMAND, Key::W);
    h.run();
    assert!(!h.state().is_confirming());
    let doc = h.state().document().unwrap();
    assert_eq!(doc.session().len(), first_len);
    h.key_press_modifiers(Modifiers::COMMAND, Key::W);
    h.run();
    assert!(h.state().is_confirming());
    h.get_by_label("Cancel").click();
    h.run();
    assert!(
        h.state().document().unwrap().is_dirty(),
        "cancel keeps it open"
    );
}

#[test]
fn quitting_asks_about_every_review_with_unsaved_work() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.txt");
    std::fs::write(&other, "Another report. It has two sentences.").unwrap();
    let mut h = dirty_app(ScriptedDialogs::answering([Some(other.clone())]));
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.key_press(Key::Num1);
    h.run();
    assert!(h.state().document().unwrap().is_dirty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    assert!(h.state().is_confirming());
    h.get_by_label("Discard").click();
    h.run();
    // One review discarded; the other still has unsaved work and is asked about next.
    assert!(!h.state().is_quitting());
    assert!(h.state().is_confirming());
    h.get_by_label("Discard").click();
    h.run();
    assert!(h.state().is_quitting());
}

#[test]
fn the_reviews_open_at_quit_reopen_at_their_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (
        dir.path().join("a.review.ron"),
        dir.path().join("b.review.ron"),
    );
    for (path, text) in [
        (&a, "First report. A source said so. Then more."),
        (&b, "Second report. It has two sentences."),
    ] {
        let session = claimlens::model::Session::new(
            claimlens::model::Article::new("t", None, text),
            claimlens::model::Taxonomy::default_preset(),
        );
        claimlens::io::save_session(path, &session).unwrap();
    }
    let mut h = harness(ScriptedDialogs::default(), None);
    let ctx = h.ctx.clone();
    let gone = dir.path().join("deleted.review.ron");
    let last = vec![(a.clone(), 2), (gone, 0), (b.clone(), 1)];
    assert!(h.state_mut().reopen(&last, &ctx));
    h.run();
    // The sample, then both files; the missing one is skipped.
    assert_eq!(h.state().open_reviews(), [(a.clone(), 2), (b.clone(), 1)]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Tab);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Tab);
    h.run();
    let doc = h.state().document().unwrap();
    assert_eq!(doc.path.as_deref(), Some(a.as_path()));
    assert_eq!(h.state().selection().map(|s| s.head), Some(2));
}
