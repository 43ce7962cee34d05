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
    // The label moved the selection on to the next sentence to review.
    assert_eq!(h.state().selection().map(|s| s.head), Some(1));

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
fn the_reviews_open_at_quit_reopen_at_their_sentences_and_scroll_positions() {
    use claimlens::ui::app::OpenAtQuit;
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (
        dir.path().join("a.review.ron"),
        dir.path().join("b.review.ron"),
    );
    // `b` is long enough to scroll: 200 KB of report, a few thousand sentences.
    let long = claimlens::samples::generate_report(200_000, 7);
    for (path, text) in [
        (&a, "First report. A source said so. Then more."),
        (&b, long.as_str()),
    ] {
        let session = claimlens::model::Session::new(
            claimlens::model::Article::new("t", None, text),
            claimlens::model::Taxonomy::default_preset(),
        );
        claimlens::io::save_session(path, &session).unwrap();
    }
    let at = |path: &std::path::Path, selected, top| OpenAtQuit {
        path: path.to_path_buf(),
        selected,
        top,
    };

    // A first run: the analyst works far down `b` and quits.
    let mut first = harness(ScriptedDialogs::default(), None);
    let ctx = first.ctx.clone();
    assert!(first.state_mut().reopen(&[at(&b, 0, 0)], &ctx));
    first.run();
    first.key_press(Key::End);
    first.run();
    for _ in 0..30 {
        first.key_press(Key::K);
    }
    first.run();
    let left = first.state().open_reviews();
    let last_sentence = first.state().document().unwrap().session().len() - 1;
    let [OpenAtQuit { selected, top, .. }] = left.as_slice() else {
        panic!("{left:?}");
    };
    assert_eq!(*selected, last_sentence - 30);
    assert!(
        *top > 1_000 && *top <= *selected,
        "the view was far down, above the selection: {top}"
    );
    let (selected, top) = (*selected, *top);

    // The next start: both files (the missing one skipped), each where it was left.
    let mut h = harness(ScriptedDialogs::default(), None);
    let ctx = h.ctx.clone();
    let gone = dir.path().join("deleted.review.ron");
    let last = vec![at(&a, 2, 0), at(&gone, 0, 0), at(&b, selected, top)];
    assert!(h.state_mut().reopen(&last, &ctx));
    h.run();
    // The sample, then both files; `b` is shown, scrolled to where the analyst was.
    assert_eq!(
        h.state().open_reviews(),
        [at(&a, 2, 0), at(&b, selected, top)]
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Tab);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Tab);
    h.run();
    let doc = h.state().document().unwrap();
    assert_eq!(doc.path.as_deref(), Some(a.as_path()));
    assert_eq!(h.state().selection().map(|s| s.head), Some(2));
}

#[test]
fn switching_reviews_keeps_where_each_was_scrolled() {
    let dir = tempfile::tempdir().unwrap();
    let long = dir.path().join("long.review.ron");
    let session = claimlens::model::Session::new(
        claimlens::model::Article::new("t", None, &claimlens::samples::generate_report(200_000, 3)),
        claimlens::model::Taxonomy::default_preset(),
    );
    claimlens::io::save_session(&long, &session).unwrap();
    let mut h = harness(ScriptedDialogs::default(), None);
    support::push_dropped(&mut h, &long);
    h.run();
    h.key_press(Key::End);
    h.run();
    let top_of = |h: &egui_kittest::Harness<'static, claimlens::ui::ClaimlensApp>| {
        let open = h.state().open_reviews();
        open.iter().find(|r| r.path == long).map(|r| r.top)
    };
    let before = top_of(&h).unwrap();
    assert!(before > 1_000, "scrolled to the end: {before}");

    // To the sample (short, at its top) and back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Tab);
    h.run();
    assert_ne!(
        h.state().document().unwrap().path.as_deref(),
        Some(long.as_path())
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Tab);
    h.run();
    assert_eq!(
        h.state().document().unwrap().path.as_deref(),
        Some(long.as_path())
    );
    assert_eq!(top_of(&h), Some(before));
}
