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

fn v1_session() -> claimlens::model::Session {
    load_session(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/sessions/v1_hyesan_review.ron"
    )))
    .unwrap()
}

/// An analyst keeps reviews in a shared folder and links them into a working folder.
#[cfg(unix)]
#[test]
fn a_session_that_is_a_link_is_saved_through_it() {
    let dir = tempfile::tempdir().unwrap();
    let (shared, work) = (dir.path().join("shared"), dir.path().join("work"));
    std::fs::create_dir_all(&shared).unwrap();
    std::fs::create_dir_all(&work).unwrap();
    let real = shared.join("review.ron");
    let mut session = v1_session();
    save_session(&real, &session).unwrap();
    let first = std::fs::read(&real).unwrap();
    let link = work.join("review.ron");
    std::os::unix::fs::symlink("../shared/review.ron", &link).unwrap();

    session
        .apply(Command::SetNote {
            sentence: 5,
            note: "second version".into(),
        })
        .unwrap();
    save_session(&link, &session).unwrap();
    let kind = std::fs::symlink_metadata(&link).unwrap().file_type();
    assert!(kind.is_symlink(), "the link stays a link");
    assert_eq!(
        load_session(&real).unwrap(),
        session,
        "the target has the save"
    );
    let backup = std::fs::symlink_metadata(backup_path(&link)).unwrap();
    assert!(
        backup.file_type().is_file(),
        "the backup is a file of its own"
    );
    assert_eq!(std::fs::read(backup_path(&link)).unwrap(), first);
}

#[cfg(unix)]
fn make_read_only(path: &std::path::Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o444)).unwrap();
}

/// Root ignores permissions when writing, but a rename over a read-only file succeeds for
/// anyone: the check must be claimlens' own.
#[cfg(unix)]
#[test]
fn a_read_only_session_is_replaced_only_when_the_analyst_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("review.ron");
    save_session(&path, &v1_session()).unwrap();
    make_read_only(&path);
    let before = std::fs::read(&path).unwrap();

    let mut h = harness(ScriptedDialogs::default(), Some(path.clone()));
    h.key_press(Key::Num2);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("The file is read-only");
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(std::fs::read(&path).unwrap(), before, "not replaced");
    assert!(h.state().document().unwrap().is_dirty());

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(h.state().is_confirming(), "asked again");
    h.get_by_label("Replace it").click();
    h.run();
    assert!(
        !h.state().document().unwrap().is_dirty(),
        "{:?}",
        h.state().message()
    );
    assert_eq!(
        &load_session(&path).unwrap(),
        h.state().document().unwrap().session()
    );
    assert!(
        claimlens::io::session_file::is_read_only(&path),
        "still read-only"
    );
}

#[test]
fn a_killed_saves_temporary_file_is_removed_by_the_next_save_there() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("review.ron");
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    let temp = |name: &str| {
        let p = dir.path().join(name);
        let f = std::fs::File::create(&p).unwrap();
        f.set_modified(old).unwrap();
        (p, f)
    };
    let (abandoned, _) = temp(".review.ron.aB3dE9.claimlens-tmp");
    // Another save, still running, holds its file locked.
    let (running, running_file) = temp(".other.ron.Xy12Zq.claimlens-tmp");
    running_file.lock().unwrap();
    // Not ours.
    let (foreign, _) = temp(".review.ron.swp");

    save_session(&path, &v1_session()).unwrap();
    assert!(!abandoned.exists(), "a dead save's file goes");
    assert!(running.exists(), "a running save's file stays");
    assert!(foreign.exists(), "other programs' files stay");
}

#[test]
fn the_command_line_does_not_write_a_session_over_an_article_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("report.txt");
    let text = "A source in Hyesan said prices rose. Officials declined to comment.";
    std::fs::write(&article, text).unwrap();
    let target = dir.path().join("notes.txt");
    std::fs::write(&target, "my own notes, not a session").unwrap();
    let run = |args: &[&std::ffi::OsStr]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_claimlens"))
            .args(args)
            .output()
            .unwrap()
    };
    let base = [
        "suggest".as_ref(),
        article.as_os_str(),
        "--session".as_ref(),
        target.as_os_str(),
    ];
    let refused = run(&base);
    assert!(!refused.status.success());
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(
        message.contains("notes.txt") && message.contains("--force"),
        "{message}"
    );
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "my own notes, not a session"
    );

    let mut forced = base.to_vec();
    forced.push("--force".as_ref());
    assert!(run(&forced).status.success());
    assert!(load_session(&target).is_ok());

    // A session may be replaced as before (its previous version kept as .bak).
    assert!(run(&base).status.success());
    assert!(backup_path(&target).exists());
}
