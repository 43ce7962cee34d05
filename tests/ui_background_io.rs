//! Large files are opened and saved on a worker thread: the window keeps drawing and shows what
//! is happening, and the result is the same as a save or open done in one go.

mod support;

use claimlens::io::load_session;
use claimlens::ui::ClaimlensApp;
use claimlens::ui::background::BACKGROUND_FROM_BYTES;
use eframe::egui;
use egui_kittest::Harness;
use std::path::Path;
use std::time::{Duration, Instant};
use support::{ScriptedDialogs, harness};

fn drop_file(h: &mut Harness<'static, ClaimlensApp>, path: &Path) {
    support::push_dropped(h, path);
    h.step();
}

/// Draws frames until the worker is done; counts the frames drawn meanwhile.
fn frames_until_idle(h: &mut Harness<'static, ClaimlensApp>) -> usize {
    let started = Instant::now();
    let mut frames = 0;
    while h.state().progress().is_some() {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the worker never finished"
        );
        h.step();
        frames += 1;
        std::thread::sleep(Duration::from_millis(5));
    }
    h.run();
    frames
}

fn large_article(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("long-report.txt");
    let text = claimlens::samples::generate_report(2 * BACKGROUND_FROM_BYTES as usize, 3);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_large_article_opens_while_the_window_keeps_drawing_with_progress_shown() {
    let dir = tempfile::tempdir().unwrap();
    let path = large_article(dir.path());
    let mut h = harness(ScriptedDialogs::default(), None);
    let sample_len = h.state().document().unwrap().session().len();

    drop_file(&mut h, &path);
    let progress = h
        .state()
        .progress()
        .expect("opening runs in the background");
    assert!(
        progress.starts_with("Opening long-report.txt"),
        "{progress}"
    );
    // Meanwhile the sample is still the open review and still drawn.
    assert_eq!(h.state().document().unwrap().session().len(), sample_len);
    let frames = frames_until_idle(&mut h);
    assert!(frames > 0, "no frame was drawn while the file was read");

    let session = &h.state().document().unwrap().session();
    assert!(session.len() > 10_000, "{} sentences", session.len());
    assert_eq!(session.article().title, "Generated report for measurement");
    assert_eq!(h.state().suggestions().len(), session.len());
    assert!(
        session.annotations().iter().any(|a| a.label.is_some()),
        "suggestions are put in place as in a small file"
    );
}

#[test]
fn a_large_review_saves_in_the_background_and_later_edits_stay_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    let article = large_article(dir.path());
    let target = dir.path().join("long-report.review.ron");
    let mut h = harness(ScriptedDialogs::answering([Some(target.clone())]), None);
    drop_file(&mut h, &article);
    frames_until_idle(&mut h);

    // Label the first sentence "Source in Russia", then save (Ctrl+S asks for a path).
    h.state_mut()
        .select(claimlens::ui::selection::Selection::single(0));
    h.key_press(egui::Key::Num2);
    h.run();
    let labelled = h.state().document().unwrap().session().clone();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    // One frame asks for the path, the next starts the save.
    for _ in 0..3 {
        if h.state().progress().is_none() {
            h.step();
        }
    }
    let progress = h.state().progress().expect("saving runs in the background");
    assert!(
        progress.starts_with("Saving long-report.review.ron"),
        "{progress}"
    );

    // An edit made during the save is not in the file, and stays marked unsaved.
    h.state_mut()
        .select(claimlens::ui::selection::Selection::single(1));
    h.key_press(egui::Key::Num3);
    frames_until_idle(&mut h);

    // The file holds the review as it was when the save began (and who saved it when).
    let saved = load_session(&target).unwrap();
    assert!(saved.provenance().changed.is_some());
    assert_eq!(saved.with_provenance(Default::default()), labelled);
    let doc = h.state().document().unwrap();
    assert_eq!(doc.path.as_deref(), Some(target.as_path()));
    assert!(
        doc.is_dirty(),
        "the edit made during the save is not saved yet"
    );
    assert!(doc.session().annotations()[1].label.is_some());

    // Saving again writes it. (One frame starts the save; `run` would spin on the progress
    // line's repaints while the worker writes.)
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.step();
    frames_until_idle(&mut h);
    assert!(!h.state().document().unwrap().is_dirty());
    assert_eq!(
        &load_session(&target).unwrap(),
        h.state().document().unwrap().session()
    );
}

#[test]
fn a_second_open_while_one_runs_waits_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = large_article(dir.path());
    let mut h = harness(ScriptedDialogs::default(), None);
    drop_file(&mut h, &path);
    assert!(h.state().progress().is_some());
    drop_file(&mut h, &path);
    let message = format!("{:?}", h.state().message());
    assert!(message.contains("Please wait"), "{message}");
    frames_until_idle(&mut h);
    assert!(h.state().document().unwrap().session().len() > 10_000);
}

/// A PDF whose reader hangs is read on a worker, for opening and for re-import alike: the
/// window goes on drawing until the time limit stops the reader, then says so, and the review
/// before it is untouched.
#[cfg(unix)]
#[test]
fn a_pdf_whose_reader_hangs_does_not_stop_the_window() {
    use claimlens::sample_docs::{self, KESTREL_BRIEF, PdfShape};
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let hang = dir.path().join("hang.sh");
    std::fs::write(&hang, "#!/bin/sh\nexec sleep 30\n").unwrap();
    std::fs::set_permissions(&hang, std::fs::Permissions::from_mode(0o755)).unwrap();
    let pdf = dir.path().join("small.pdf");
    std::fs::write(&pdf, sample_docs::pdf(&KESTREL_BRIEF, PdfShape::default())).unwrap();
    // No other test in this binary reads a PDF, so these settings are this test's alone.
    unsafe {
        std::env::set_var("CLAIMLENS_HELPER", &hang);
        std::env::set_var("CLAIMLENS_PDF_TIME_LIMIT", "1");
    }
    // Opening it, and re-importing the open review from it (File › Re-import article…).
    let mut h = support::harness(
        support::ScriptedDialogs::answering([Some(pdf.clone())]),
        None,
    );
    let before = h.state().document().map(|d| d.session().article().clone());
    assert!(before.is_some(), "the sample is open");
    for reimport in [false, true] {
        if reimport {
            h.state_mut().queue(claimlens::app::AppCommand::Run(
                claimlens::app::Action::Reimport,
            ));
            h.step();
            h.step();
        } else {
            drop_file(&mut h, &pdf);
        }
        let frames = frames_until_idle(&mut h);
        assert!(
            frames >= 20,
            "re-import {reimport}: the window drew only {frames} frames while the reader hung"
        );
        let message = format!("{:?}", h.state().message());
        assert!(
            message.contains("small.pdf") && message.contains("took longer"),
            "{message}"
        );
        assert_eq!(
            h.state().document().map(|d| d.session().article().clone()),
            before
        );
    }
    unsafe {
        std::env::remove_var("CLAIMLENS_HELPER");
        std::env::remove_var("CLAIMLENS_PDF_TIME_LIMIT");
    }
}

/// File › Import annotations… with a large file: read and placed on a worker while the window
/// keeps drawing; the new review is the same as an import done in one go.
#[test]
fn a_large_import_runs_in_the_background_and_opens_its_review_beside_the_shown_one() {
    use claimlens::app::{Action, AppCommand};
    use claimlens::model::{LabelId, Status};
    let dir = tempfile::tempdir().unwrap();
    let article = large_article(dir.path());
    let file = dir.path().join("colleague.annotations.jsonld");
    let mut h = harness(ScriptedDialogs::answering([Some(file.clone())]), None);
    drop_file(&mut h, &article);
    frames_until_idle(&mut h);
    // A colleague's W3C export of the same article: every sentence "Source in Russia".
    let shown = h.state().document().unwrap().session().clone();
    let mut annotations = shown.annotations().to_vec();
    for a in &mut annotations {
        a.label = Some(LabelId::new("in_russia"));
        a.status = Status::Confirmed;
    }
    let theirs = shown.with_annotations(annotations);
    let before = h.state().workspace().reviews().len();
    claimlens::io::export::export_to(&theirs, claimlens::io::export::Format::W3c, &file).unwrap();
    assert!(std::fs::metadata(&file).unwrap().len() >= BACKGROUND_FROM_BYTES);

    h.state_mut()
        .queue(AppCommand::Run(Action::ImportAnnotations));
    for _ in 0..3 {
        if h.state().progress().is_none() {
            h.step();
        }
    }
    let progress = h
        .state()
        .progress()
        .expect("the import runs in the background");
    assert!(
        progress.starts_with("Importing colleague.annotations.jsonld"),
        "{progress}"
    );
    assert_eq!(h.state().workspace().reviews().len(), before);
    frames_until_idle(&mut h);

    let workspace = h.state().workspace();
    assert_eq!(
        workspace.reviews().len(),
        before + 1,
        "{:?}",
        workspace.message()
    );
    let imported = workspace.active().unwrap().document();
    assert!(imported.is_untitled() && imported.is_dirty());
    let labels = |s: &claimlens::model::Session| -> Vec<_> {
        s.annotations().iter().map(|a| a.label.clone()).collect()
    };
    assert_eq!(labels(imported.session()), labels(&theirs));
    assert!(
        workspace
            .reviews()
            .iter()
            .any(|r| r.document().session() == &shown)
    );
}
