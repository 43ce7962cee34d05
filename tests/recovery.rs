//! Unsaved work survives a crash: it is kept in a recovery file a few seconds after each change
//! and offered back on the next start.

mod support;

use claimlens::io::recovery::RecoveryStore;
use claimlens::ui::ClaimlensApp;
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;
use support::ScriptedDialogs;

fn app_with_recovery(dir: PathBuf, dialogs: ScriptedDialogs) -> Harness<'static, ClaimlensApp> {
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_max_steps(200)
        .build_eframe(move |_cc| {
            let mut app = ClaimlensApp::new(Box::new(dialogs), Vec::new())
                .named(None)
                .with_recovery(RecoveryStore::new(dir));
            app.open_startup(None);
            app
        });
    h.run();
    h
}

#[test]
fn a_crash_loses_nothing_that_was_kept_and_restore_brings_every_change_back() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("recovery");
    let mut h = app_with_recovery(store.clone(), ScriptedDialogs::default());
    for key in [
        Key::Num0,
        Key::J,
        Key::Num0,
        Key::J,
        Key::Num5,
        Key::J,
        Key::Enter,
    ] {
        h.key_press(key);
    }
    h.run();
    let edited = h.state().document().unwrap().session().clone();
    let changes = h.state().document().unwrap().change_count();
    assert_eq!(changes, 4);
    // The autosave clock runs a few seconds after the last change; the test does not wait.
    h.state_mut().autosave_now();
    // The process dies here: no save, no prompt, no clean-up.
    drop(h);

    let mut again = app_with_recovery(store.clone(), ScriptedDialogs::default());
    let offers = again.state().recovery_offers();
    assert_eq!(offers.len(), 1);
    assert_eq!(offers[0].changes, 4);
    again.get_by_label("Recover unsaved work?");
    again.get_by_label_contains("was kept less than a minute ago (4 changes).");
    again.get_by_label("Restore").click();
    again.run();
    let doc = again.state().document().unwrap();
    assert_eq!(doc.session(), &edited);
    assert!(doc.is_dirty(), "restored work is still unsaved until saved");

    // Saving it removes the recovery file.
    let saved = dir.path().join("saved.ron");
    drop(again);
    let mut third = app_with_recovery(
        store.clone(),
        ScriptedDialogs::answering([Some(saved.clone())]),
    );
    third.get_by_label("Restore").click();
    third.run();
    third.key_press_modifiers(Modifiers::COMMAND, Key::S);
    third.run();
    assert!(saved.exists());
    assert!(RecoveryStore::new(store).read_all().is_empty());
}

/// The app on the sample with one unsaved label, its recovery copy written.
fn one_change_kept(store: &std::path::Path) -> Harness<'static, ClaimlensApp> {
    let mut h = app_with_recovery(store.to_path_buf(), ScriptedDialogs::default());
    h.key_press(Key::Num3);
    h.run();
    h.state_mut().autosave_now();
    h
}

#[test]
fn discarding_the_offer_deletes_the_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("recovery");
    let h = one_change_kept(&store);
    drop(h);
    let mut again = app_with_recovery(store.clone(), ScriptedDialogs::default());
    again.get_by_label("Discard").click();
    again.run();
    assert!(again.state().recovery_offers().is_empty());
    assert!(RecoveryStore::new(store).read_all().is_empty());
}

#[test]
fn undoing_back_to_the_saved_state_removes_the_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("recovery");
    let mut h = one_change_kept(&store);
    assert_eq!(RecoveryStore::new(store.clone()).read_all().len(), 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(RecoveryStore::new(store).read_all().is_empty());
}

#[test]
fn quit_and_discard_leaves_nothing_to_offer() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("recovery");
    let mut h = one_change_kept(&store);
    assert_eq!(RecoveryStore::new(store.clone()).read_all().len(), 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    h.get_by_label("Discard").click();
    h.run();
    assert!(h.state().is_quitting());
    assert!(RecoveryStore::new(store.clone()).read_all().is_empty());
    drop(h);
    let again = app_with_recovery(store, ScriptedDialogs::default());
    assert!(again.state().recovery_offers().is_empty());
}
