//! claimlens' own file dialog (`egui_file`), drawn inside the window: for desktops with neither
//! an xdg portal nor zenity, and for analysts who prefer it. It proposes the same names as the
//! desktop's (`<article>.review.ron`) and asks before replacing a file.

use super::dialogs::{DialogAnswer, DialogKind, FileDialogs, with_ron_extension};
use crate::io::article_file::{ARTICLE_EXTENSIONS, OPENABLE_EXTENSIONS};
use crate::ui::prompt;
use eframe::egui::{self, Align2, Id};
use egui_file::{FileDialog, State};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

/// The window's id, so that tests and screenshots find it.
pub const DIALOG_ID: &str = "claimlens_file_dialog";

#[derive(Default)]
pub struct InAppDialogs {
    open: Option<Open>,
    /// The folder of the last choice: the next dialog without a proposal starts there.
    last_dir: Option<PathBuf>,
}

struct Open {
    dialog: FileDialog,
    kind: DialogKind,
    tx: Sender<DialogAnswer>,
    /// A save onto an existing file, waiting for "Replace".
    replace: Option<PathBuf>,
}

impl InAppDialogs {
    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    /// Opens the dialog for `kind`, its answer going to `tx`.
    pub fn ask_into(&mut self, kind: DialogKind, tx: Sender<DialogAnswer>) {
        let start = self.start_dir(&kind);
        let mut dialog = build(&kind, start);
        dialog.open();
        self.open = Some(Open {
            dialog,
            kind,
            tx,
            replace: None,
        });
    }

    fn start_dir(&self, kind: &DialogKind) -> PathBuf {
        let proposed = match kind {
            DialogKind::SaveAs { suggested }
            | DialogKind::ExportLabels { suggested }
            | DialogKind::Export { suggested, .. } => suggested
                .parent()
                .filter(|d| d.is_dir())
                .map(Path::to_path_buf),
            _ => None,
        };
        proposed
            .or_else(|| self.last_dir.clone().filter(|d| d.is_dir()))
            .or_else(|| std::env::current_dir().ok())
            .or_else(|| std::env::var_os("HOME").map(PathBuf::from))
            .map(|d| d.canonicalize().unwrap_or(d))
            .unwrap_or_default()
    }

    fn finish(&mut self, path: Option<PathBuf>) {
        if let Some(open) = self.open.take() {
            if let Some(p) = &path {
                self.last_dir = if p.is_dir() {
                    Some(p.clone())
                } else {
                    p.parent().map(Path::to_path_buf)
                };
            }
            // The receiver is gone only if the app is closing.
            let _ = open.tx.send(DialogAnswer { path, shown: true });
        }
    }
}

fn is_save(kind: &DialogKind) -> bool {
    matches!(
        kind,
        DialogKind::SaveAs { .. } | DialogKind::ExportLabels { .. } | DialogKind::Export { .. }
    )
}

/// The extensions of the files an export dialog lists (static, as the filter keeps them).
fn export_extension(format: crate::io::export::Format) -> &'static [&'static str] {
    use crate::io::export::Format;
    match format {
        Format::Csv => &["csv"],
        Format::Jsonl => &["jsonl"],
        Format::W3c => &["jsonld"],
        Format::Brat => &["ann"],
        Format::LabelStudio => &["json"],
        Format::ReportHtml => &["html"],
        Format::ReportMarkdown => &["md"],
    }
}

fn has_extension(path: &Path, wanted: &[&str]) -> bool {
    path.extension()
        .is_some_and(|e| wanted.iter().any(|w| e.eq_ignore_ascii_case(w)))
}

fn build(kind: &DialogKind, start: PathBuf) -> FileDialog {
    let (dialog, title, shown): (FileDialog, &str, &'static [&'static str]) = match kind {
        DialogKind::Open => (
            FileDialog::open_file(),
            "Open an article or a review session",
            OPENABLE_EXTENSIONS,
        ),
        DialogKind::OpenFolder => (
            FileDialog::select_folder(),
            "Open the reviews and articles of a folder",
            OPENABLE_EXTENSIONS,
        ),
        DialogKind::SaveAs { .. } => (FileDialog::save_file(), "Save review session", &["ron"]),
        DialogKind::ExportLabels { .. } => (FileDialog::save_file(), "Export labels", &["ron"]),
        DialogKind::Export { format, .. } => (
            FileDialog::save_file(),
            "Export the review",
            export_extension(*format),
        ),
        DialogKind::ImportLabels => (FileDialog::open_file(), "Import labels", &["ron"]),
        DialogKind::CompareWith => (
            FileDialog::open_file(),
            "Compare with another analyst's review",
            &["ron"],
        ),
        DialogKind::ImportAnnotations => (
            FileDialog::open_file(),
            "Import annotations",
            super::dialogs::ANNOTATION_EXTENSIONS,
        ),
        DialogKind::ReimportArticle => (
            FileDialog::open_file(),
            "Re-import the article (a newer version of its text)",
            ARTICLE_EXTENSIONS,
        ),
    };
    let mut dialog = dialog
        .id(Id::unique(DIALOG_ID))
        .title(title)
        .initial_path(start)
        .anchor(Align2::CENTER_CENTER, [0.0, 0.0])
        .default_size([560.0, 400.0])
        .keep_on_top(true)
        // Renaming the analyst's files is not what a save dialog is for.
        .show_rename(false)
        .show_files_filter(Box::new(move |p: &Path| has_extension(p, shown)));
    match kind {
        DialogKind::SaveAs { suggested }
        | DialogKind::ExportLabels { suggested }
        | DialogKind::Export { suggested, .. } => {
            let name = suggested
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "review.ron".into());
            dialog = dialog.default_filename(name);
        }
        _ => {}
    }
    dialog
}

impl FileDialogs for InAppDialogs {
    fn ask(&mut self, kind: DialogKind, _waker: egui::Context) -> Receiver<DialogAnswer> {
        let (tx, rx) = channel();
        self.ask_into(kind, tx);
        rx
    }

    fn show(&mut self, ctx: &egui::Context) {
        let Some(open) = &mut self.open else {
            return;
        };
        if let Some(path) = open.replace.clone() {
            match prompt::replace_file(ctx, &path) {
                Some(true) => self.finish(Some(path)),
                Some(false) => {
                    open.replace = None;
                    open.dialog.open();
                }
                None => {}
            }
            return;
        }
        open.dialog.show(ctx);
        match open.dialog.state() {
            State::Open => {}
            State::Selected => {
                let chosen = open.dialog.path().map(Path::to_path_buf);
                match chosen {
                    Some(p) if is_save(&open.kind) => {
                        let p = with_ron_extension(p);
                        if p.exists() {
                            open.replace = Some(p);
                        } else {
                            self.finish(Some(p));
                        }
                    }
                    chosen => self.finish(chosen),
                }
            }
            State::Cancelled | State::Closed => self.finish(None),
        }
    }
}
