//! Helpers shared by the integration tests.
#![allow(dead_code)]

use claimlens::ui::dialogs::DialogAnswer;
use claimlens::ui::{ClaimlensApp, DialogKind, FileDialogs};
use eframe::egui;
use egui_kittest::Harness;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::mpsc::{Receiver, channel};

/// File dialogs that answer from a script, and record what was asked.
#[derive(Clone, Default)]
pub struct ScriptedDialogs {
    pub answers: Rc<RefCell<VecDeque<Option<PathBuf>>>>,
    pub asked: Rc<RefCell<Vec<DialogKind>>>,
}

impl ScriptedDialogs {
    pub fn answering(paths: impl IntoIterator<Item = Option<PathBuf>>) -> Self {
        let d = Self::default();
        d.answers.borrow_mut().extend(paths);
        d
    }
}

impl FileDialogs for ScriptedDialogs {
    fn ask(&mut self, kind: DialogKind, _waker: egui::Context) -> Receiver<DialogAnswer> {
        self.asked.borrow_mut().push(kind);
        let (tx, rx) = channel();
        let path = self.answers.borrow_mut().pop_front().flatten();
        tx.send(DialogAnswer { path, shown: true })
            .expect("receiver is alive");
        rx
    }
}

/// The app on the bundled sample (or `file`), as an analyst who was asked their name before
/// and went on without one: saves go straight to the file.
pub fn harness(dialogs: ScriptedDialogs, file: Option<PathBuf>) -> Harness<'static, ClaimlensApp> {
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_max_steps(200)
        .build_eframe(move |_cc| {
            let mut app = ClaimlensApp::new(Box::new(dialogs), Vec::new()).named(None);
            app.open_startup(file);
            app
        });
    harness.run();
    harness
}

/// The app on the bundled sample, on a first run: the first save asks the analyst's name.
pub fn harness_unnamed(dialogs: ScriptedDialogs) -> Harness<'static, ClaimlensApp> {
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_max_steps(200)
        .build_eframe(move |_cc| {
            let mut app = ClaimlensApp::new(Box::new(dialogs), Vec::new());
            app.open_startup(None);
            app
        });
    harness.run();
    harness
}

/// Turns Go › Move on after labelling off, for tests about the labelled sentence itself.
pub fn stay_after_label(h: &mut Harness<'static, ClaimlensApp>) {
    h.state_mut()
        .queue(claimlens::app::AppCommand::MoveOnAfterLabel(false));
    h.run();
    assert!(!h.state().workspace().moves_on_after_label());
}

/// Index of the sentence whose text starts with `prefix`.
pub fn sentence_starting(app: &ClaimlensApp, prefix: &str) -> usize {
    let session = &app.document().expect("a review is open").session();
    (0..session.len())
        .find(|&i| session.sentence_text(i).starts_with(prefix))
        .unwrap_or_else(|| panic!("no sentence starts with {prefix:?}"))
}

/// Clicks a sentence in the article view, by its text.
pub fn click_sentence(h: &mut Harness<'static, ClaimlensApp>, i: usize) {
    use egui_kittest::kittest::Queryable;
    let text = h
        .state()
        .document()
        .expect("a review is open")
        .session()
        .sentence_text(i)
        .to_string();
    // The article view draws only what is in view: scroll the sentence there first, as the
    // analyst would before clicking it.
    if h.query_by_label(&text).is_none() {
        h.state_mut()
            .select(claimlens::ui::selection::Selection::single(i));
        h.run();
    }
    h.get_by_label(&text).click();
    h.run();
}

/// A file dropped on the window.
#[derive(Debug)]
pub struct Dropped(pub PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Drops `path` on the window; the next frame sees it.
pub fn push_dropped(h: &mut Harness<'static, ClaimlensApp>, path: &std::path::Path) {
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path.to_path_buf())));
}

/// Articles `(name, text)` written into `dir`, each with the review `claimlens suggest
/// --session` makes of it (`<name>.review.ron`): reviewed reports as the command line leaves them.
pub fn suggested_reviews(dir: &std::path::Path, reports: &[(&str, &str)]) {
    for (name, text) in reports {
        let article = dir.join(format!("{name}.txt"));
        std::fs::write(&article, text).unwrap();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimlens"))
            .arg("suggest")
            .arg(&article)
            .arg("--session")
            .arg(dir.join(format!("{name}.review.ron")))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// Two reports of one outlet's source in Rason.
pub const RASON_REPORTS: [(&str, &str); 2] = [
    (
        "ships",
        "Ships at Rason\n\nA source in Rason told the outlet that four ships docked on Monday.",
    ),
    (
        "fuel",
        "Fuel at Rason\n\nA source in Rason said diesel is sold out at the port market.",
    ),
];
