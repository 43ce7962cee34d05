//! A review killed with SIGKILL in the middle of work (no save, no prompt, no clean-up) is
//! offered back on the next start with every change the autosave clock had recorded.
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
use std::time::{Duration, Instant};
use support::ScriptedDialogs;

const CHILD: &str = "CLAIMLENS_CRASH_CHILD_DIR";
const TEST: &str = "a_review_killed_mid_work_is_offered_back_with_every_change";

fn app_with_recovery(dir: PathBuf) -> Harness<'static, ClaimlensApp> {
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_max_steps(200)
        .build_eframe(move |_cc| {
            let mut app = ClaimlensApp::new(Box::new(ScriptedDialogs::default()), Vec::new())
                .with_recovery(RecoveryStore::new(dir));
            app.open_startup(None);
            app
        });
    h.run();
    h
}

/// The child: label a few sentences, let the autosave clock run (it waits two seconds after the
/// last change), record what the review looks like, say so, and wait to be killed.
fn child(dir: &Path) -> ! {
    let mut h = app_with_recovery(dir.join("recovery"));
    for key in [
        Key::Num2,
        Key::J,
        Key::J,
        Key::Num1,
        Key::J,
        Key::Num9,
        Key::J,
        Key::Enter,
    ] {
        h.key_press(key);
    }
    h.run();
    let started = Instant::now();
    while RecoveryStore::new(dir.join("recovery")).found().is_empty() {
        assert!(started.elapsed() < Duration::from_secs(30), "no autosave");
        std::thread::sleep(Duration::from_millis(100));
        h.step();
    }
    let doc = h.state().document().expect("a review is open");
    std::fs::write(dir.join("expected.ron"), to_ron(doc.session())).expect("write expected");
    std::fs::write(dir.join("changes"), doc.change_count().to_string()).expect("write count");
    println!("READY");
    loop {
        std::thread::sleep(Duration::from_secs(1));
    }
}

#[test]
fn a_review_killed_mid_work_is_offered_back_with_every_change() {
    if let Ok(dir) = std::env::var(CHILD) {
        child(Path::new(&dir));
    }
    let dir = tempfile::tempdir().unwrap();
    let mut process = Command::new(std::env::current_exe().unwrap())
        .args([TEST, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD, dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = process.stdout.take().unwrap();
    let ready = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .any(|line| line.contains("READY"));
    // SIGKILL: nothing in the child gets to run after this.
    process.kill().unwrap();
    process.wait().unwrap();
    assert!(ready, "the child never finished its work");

    let expected =
        from_ron(&std::fs::read_to_string(dir.path().join("expected.ron")).unwrap()).unwrap();
    let changes: usize = std::fs::read_to_string(dir.path().join("changes"))
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(changes, 4, "three labels and one accepted suggestion");

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
