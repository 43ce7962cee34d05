//! Saving never destroys work: the previous version is kept, a failed save changes nothing, and
//! a file changed by someone else is not silently overwritten.

mod support;

use claimlens::io::session_file::backup_path;
use claimlens::io::{load_session, save_session};
use claimlens::model::Command;
use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use support::{ScriptedDialogs, harness};

#[test]
fn saving_again_keeps_the_previous_version_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("review.ron");
    let mut session = load_session(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/sessions/v1_hyesan_review.ron"
    )))
    .unwrap();
    save_session(&path, &session).unwrap();
    let first = std::fs::read_to_string(&path).unwrap();
    session
        .apply(Command::SetNote {
            sentence: 5,
            note: "second version".into(),
        })
        .unwrap();
    save_session(&path, &session).unwrap();
    assert_eq!(std::fs::read_to_string(backup_path(&path)).unwrap(), first);
    assert_eq!(load_session(&path).unwrap(), session);
}

#[test]
fn a_failed_save_keeps_the_review_open_and_unsaved_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let blocked = dir.path().join("not-a-folder");
    std::fs::write(&blocked, "a file where a folder should be").unwrap();
    let target = blocked.join("review.ron");
    let mut h = harness(ScriptedDialogs::answering([Some(target.clone())]), None);
    h.key_press(Key::Num1);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let message = format!("{:?}", h.state().message());
    assert!(
        message.contains("Cannot save") && message.contains("review.ron"),
        "{message}"
    );
    assert!(h.state().document().unwrap().is_dirty());
    assert_eq!(
        std::fs::read_to_string(&blocked).unwrap(),
        "a file where a folder should be"
    );
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.ron");
    let mut h = harness(ScriptedDialogs::answering([Some(path.clone())]), None);
    h.key_press(Key::Num1);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(path.exists());

    // A colleague saves their own version over the same file.
    let mut theirs = load_session(&path).unwrap();
    theirs
        .apply(Command::SetNote {
            sentence: 3,
            note: "colleague's note".into(),
        })
        .unwrap();
    save_session(&path, &theirs).unwrap();
    let their_text = std::fs::read_to_string(&path).unwrap();

    h.key_press(Key::J);
    h.key_press(Key::Num2);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("The file changed on disk");
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), their_text);
    assert!(h.state().document().unwrap().is_dirty());

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Overwrite").click();
    h.run();
    assert!(!h.state().document().unwrap().is_dirty());
    assert_eq!(
        std::fs::read_to_string(backup_path(&path)).unwrap(),
        their_text
    );
    assert_eq!(
        &load_session(&path).unwrap(),
        h.state().document().unwrap().session()
    );
}
