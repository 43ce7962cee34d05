//! Native file dialogs, run off the UI thread so the window keeps repainting while one is open.
//! Behind a trait so that tests can answer them.

use eframe::egui;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

pub use crate::app::{DialogKind, with_ron_extension};

/// The answer to a dialog: the chosen path, or `None` when the user cancelled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialogAnswer {
    pub path: Option<PathBuf>,
    /// An answer of `None` that came back this fast means no dialog could be shown at all.
    pub took: Duration,
}

pub trait FileDialogs {
    /// Starts a dialog; the answer arrives on the receiver. `waker` is repainted when it does.
    fn ask(&mut self, kind: DialogKind, waker: egui::Context) -> Receiver<DialogAnswer>;
}

/// The platform's dialogs through `rfd`.
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn ask(&mut self, kind: DialogKind, waker: egui::Context) -> Receiver<DialogAnswer> {
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let started = Instant::now();
            let path = match kind {
                DialogKind::Open => rfd::FileDialog::new()
                    .set_title("Open an article or a review session")
                    .add_filter("Articles and sessions", &["txt", "md", "ron"])
                    .add_filter("Articles", &["txt", "md"])
                    .add_filter("claimlens sessions", &["ron"])
                    .add_filter("All files", &["*"])
                    .pick_file(),
                DialogKind::SaveAs { suggested } => {
                    let mut dialog = rfd::FileDialog::new()
                        .set_title("Save review session")
                        .add_filter("claimlens sessions", &["ron"]);
                    if let Some(dir) = suggested.parent().filter(|d| d.is_dir()) {
                        dialog = dialog.set_directory(dir);
                    }
                    if let Some(name) = suggested.file_name() {
                        dialog = dialog.set_file_name(name.to_string_lossy());
                    }
                    dialog.save_file().map(with_ron_extension)
                }
                DialogKind::ExportLabels { suggested } => rfd::FileDialog::new()
                    .set_title("Export labels")
                    .add_filter("Label presets", &["ron"])
                    .set_file_name(
                        suggested
                            .file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_else(|| "labels.ron".into()),
                    )
                    .save_file()
                    .map(with_ron_extension),
                DialogKind::ReimportArticle => rfd::FileDialog::new()
                    .set_title("Re-import the article (a newer version of its text)")
                    .add_filter("Articles", &["txt", "md"])
                    .pick_file(),
                DialogKind::ImportLabels => rfd::FileDialog::new()
                    .set_title("Import labels")
                    .add_filter("Label presets", &["ron"])
                    .pick_file(),
            };
            // The receiver is gone only if the app closed meanwhile; nothing to do then.
            let _ = tx.send(DialogAnswer {
                path,
                took: started.elapsed(),
            });
            waker.request_repaint();
        });
        rx
    }
}

/// A dialog that is open; the workspace knows what its answer is for.
pub struct Pending {
    rx: Receiver<DialogAnswer>,
}

impl Pending {
    pub fn new(rx: Receiver<DialogAnswer>) -> Self {
        Self { rx }
    }

    /// `Some` once the dialog has closed (a vanished dialog thread counts as a cancel).
    pub fn poll(&self) -> Option<DialogAnswer> {
        match self.rx.try_recv() {
            Ok(answer) => Some(answer),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(DialogAnswer {
                path: None,
                took: Duration::MAX,
            }),
        }
    }
}
