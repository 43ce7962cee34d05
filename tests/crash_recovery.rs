//! A review killed with SIGKILL in the middle of steady work (no save, no prompt, no clean-up,
//! no pause) is offered back on the next start with every change the autosave clock had
//! recorded, which is all but the last two seconds' worth.
//! The test runs itself a second time as a child process, does the work there, and kills it.

mod support;

use claimlens::io::recovery::RecoveryStore;
use claimlens::io::session_file::{from_ron, to_ron};
use claimlens::ui::ClaimlensApp;
use eframe::egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;
use support::ScriptedDialogs;

const CHILD: &str = "CLAIMLENS_CRASH_CHILD_DIR";
const TEST: &str = "a_review_killed_mid_work_is_offered_back_with_every_change";
const SECOND: &str = "CLAIMLENS_SECOND_INSTANCE_DIR";
const TWO: &str = "a_second_instance_never_takes_the_first_ones_recovery_copy";

fn app_with_recovery(dir: PathBuf) -> Harness<'static, ClaimlensApp> {
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_max_steps(200)
        .build_eframe(move |_cc| {
            let mut app = ClaimlensApp::new(Box::new(ScriptedDialogs::default()), Vec::new())
                .named(None)
                .with_recovery(RecoveryStore::new(dir));
            app.open_startup(None);
            app
        });
    h.run();
    h
}

/// The child: label a sentence every half second, without ever pausing as long as the autosave
/// delay, as an analyst working steadily does. After a few seconds of it, the recovery copy must
/// already hold the work up to a moment ago; the child records that copy, says so and, still
/// working, waits to be killed.
fn child(dir: &Path) -> ! {
    let recovery = dir.join("recovery");
    let mut h = app_with_recovery(recovery.clone());
    let observer = RecoveryStore::new(recovery);
    let step = Duration::from_millis(500);
    for changes in 0..7 {
        h.key_press(if changes % 2 == 0 {
            Key::Num2
        } else {
            Key::Num1
        });
        h.key_press(Key::J);
        h.run();
        std::thread::sleep(step);
        h.step();
    }
    let kept = observer.read_all();
    assert_eq!(kept.len(), 1, "no recovery copy after steady work");
    let done = h
        .state()
        .document()
        .expect("a review is open")
        .change_count();
    assert_eq!(done, 7);
    // Kept within the delay (2 s) of the latest changes, plus a frame.
    assert!(
        kept[0].changes + 5 >= done,
        "copy {} of {done}",
        kept[0].changes
    );
    std::fs::write(dir.join("expected.ron"), to_ron(&kept[0].session)).expect("write expected");
    std::fs::write(dir.join("changes"), kept[0].changes.to_string()).expect("write count");
    println!("READY");
    loop {
        std::thread::sleep(Duration::from_millis(100));
        h.step();
    }
}

/// Runs this test binary's test `name` as a child with `var` set to `dir`, and waits for it to
/// say READY.
fn spawn_ready(name: &str, var: &str, dir: &Path) -> std::process::Child {
    let mut process = Command::new(std::env::current_exe().unwrap())
        .args([name, "--exact", "--nocapture", "--test-threads=1"])
        .env(var, dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = process.stdout.take().unwrap();
    let ready = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .any(|line| line.contains("READY"));
    if !ready {
        let _ = process.kill();
        panic!("the child never finished its work");
    }
    process
}

/// The first instance: one unsaved label, kept, and then it runs on.
fn first_instance(dir: &Path) -> ! {
    let mut h = app_with_recovery(dir.join("recovery"));
    h.key_press(Key::Num2);
    h.run();
    h.state_mut().autosave_now();
    println!("READY");
    loop {
        std::thread::sleep(Duration::from_millis(100));
        h.step();
    }
}

#[test]
fn a_second_instance_never_takes_the_first_ones_recovery_copy() {
    if let Ok(dir) = std::env::var(SECOND) {
        first_instance(Path::new(&dir));
    }
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let mut first = spawn_ready(TWO, SECOND, dir.path());
    let observer = RecoveryStore::new(recovery.clone());
    let theirs = observer.read_all();
    assert_eq!(theirs.len(), 1);
    let their_bytes = std::fs::read(&theirs[0].file).unwrap();

    // The second instance, with work of its own on the same article.
    let mut second = app_with_recovery(recovery.clone());
    assert!(
        second.state().recovery_offers().is_empty(),
        "a running instance's copy is not left-behind work"
    );
    second.key_press(Key::Num3);
    second.run();
    second.state_mut().autosave_now();
    assert_eq!(observer.read_all().len(), 2, "each keeps its own copy");
    assert_eq!(std::fs::read(&theirs[0].file).unwrap(), their_bytes);

    // The first one dies: its copy is offered, once, and the survivor's own is untouched.
    first.kill().unwrap();
    first.wait().unwrap();
    let mine = observer
        .read_all()
        .into_iter()
        .find(|r| r.file != theirs[0].file)
        .unwrap();
    let mut third = app_with_recovery(recovery.clone());
    let offers = third.state().recovery_offers().to_vec();
    assert_eq!(offers.len(), 1, "{offers:?}");
    assert_eq!(offers[0].file, theirs[0].file);
    third.get_by_label("Discard").click();
    third.run();
    assert!(!theirs[0].file.exists());
    assert!(mine.file.exists(), "the survivor's copy stays");
    drop(third);
    let fourth = app_with_recovery(recovery);
    assert!(fourth.state().recovery_offers().is_empty());
    drop(second);
}

#[test]
fn a_review_killed_mid_work_is_offered_back_with_every_change() {
    if let Ok(dir) = std::env::var(CHILD) {
        child(Path::new(&dir));
    }
    let dir = tempfile::tempdir().unwrap();
    let mut process = spawn_ready(TEST, CHILD, dir.path());
    // SIGKILL: nothing in the child gets to run after this.
    process.kill().unwrap();
    process.wait().unwrap();

    let expected =
        from_ron(&std::fs::read_to_string(dir.path().join("expected.ron")).unwrap()).unwrap();
    let changes: usize = std::fs::read_to_string(dir.path().join("changes"))
        .unwrap()
        .parse()
        .unwrap();
    assert!(changes >= 3, "work kept while it went on: {changes}");

    let mut again = app_with_recovery(dir.path().join("recovery"));
    let offers = again.state().recovery_offers().to_vec();
    assert_eq!(offers.len(), 1);
    assert_eq!(offers[0].changes, changes);
    again.get_by_label("Restore").click();
    again.run();
    let doc = again.state().document().unwrap();
    assert_eq!(doc.session(), &expected);
    assert!(doc.is_dirty());
}
