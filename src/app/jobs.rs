//! Work handed to a worker thread (opening, re-reading, importing and saving large files, the
//! recovery copy), what the workspace remembers while it runs, and what it does with the
//! outcome.

use super::flow::Intent;
use super::open::Prepared;
use super::workspace::{Effect, Message, Workspace, error};
use crate::io::FileError;
use crate::io::import::Report;
use crate::io::recovery::RecoveryStore;
use crate::model::{Article, Session, Taxonomy};
use std::path::PathBuf;

/// Work the shell runs on a worker thread, reporting back with [`AppCommand::Finished`] (open,
/// save) or [`AppCommand::AutosaveDone`].
#[derive(Debug, Clone, PartialEq)]
pub enum Job {
    Open(PathBuf),
    /// Read the article at this path for a re-import of the review that asked.
    Reimport(PathBuf),
    /// Read another tool's annotations at this path as a new review of `article` (the file's
    /// own text without one) with `taxonomy`.
    Import {
        path: PathBuf,
        article: Option<Box<Article>>,
        taxonomy: Box<Taxonomy>,
    },
    /// Write this snapshot of the review; the analyst may go on working meanwhile.
    Save {
        path: PathBuf,
        snapshot: Box<Session>,
        /// The analyst agreed to replace a read-only file.
        replace_read_only: bool,
    },
    /// Write this snapshot of an unsaved review to its recovery file.
    Autosave {
        store: RecoveryStore,
        original: Option<PathBuf>,
        changes: usize,
        snapshot: Box<Session>,
    },
    /// Read the desk's folder (only what changed since it was last read).
    Scan(super::desk::ScanJob),
}

/// How a worker's open or save ended.
#[derive(Debug)]
pub enum Outcome {
    Opened(Result<Prepared, FileError>),
    /// An article read for a re-import.
    Read(Result<Box<crate::model::Article>, FileError>),
    Saved(Result<(), FileError>),
    /// Annotations imported as a review, with the report of what was left out.
    Imported(Result<Box<(Session, Report)>, String>),
    /// The desk's folder, read.
    Scanned(Box<super::desk::Scanned>),
}

/// The open or save a worker is running.
#[derive(Debug)]
pub(super) struct Running {
    pub(super) path: PathBuf,
    pub(super) job: RunningJob,
}

#[derive(Debug)]
pub(super) enum RunningJob {
    /// Opening a file; once open, select this sentence (a reopened review's).
    Open { select: Option<usize> },
    /// Reading an article to re-import into review `key`.
    Reimport { key: u64 },
    /// Importing annotations as a new review.
    Import,
    /// Saving review `key` as it was at revision `state`; then carry on with `then`.
    Save {
        key: u64,
        state: u64,
        then: Option<Intent>,
    },
}

impl Workspace {
    /// A file is being opened or saved: a second one waits, with a message saying why.
    pub(super) fn busy(&mut self) -> bool {
        let Some(running) = &self.running else {
            return false;
        };
        let verb = match running.job {
            RunningJob::Open { .. } => "opening",
            RunningJob::Reimport { .. } => "reading",
            RunningJob::Import => "importing",
            RunningJob::Save { .. } => "saving",
        };
        let name = running
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.message = Some(Message::Notice(format!("Please wait: still {verb} {name}")));
        true
    }

    /// A worker's open or save ended.
    pub(super) fn finished(&mut self, outcome: Outcome) -> Vec<Effect> {
        let Some(Running { path, job }) = self.running.take() else {
            return Vec::new();
        };
        let mut effects = match (job, outcome) {
            (RunningJob::Open { select }, Outcome::Opened(Ok(prepared))) => {
                self.adopt_at(path, prepared, select)
            }
            (RunningJob::Save { key, state, then }, Outcome::Saved(Ok(()))) => {
                self.saved(key, path, state, then)
            }
            (RunningJob::Reimport { key }, Outcome::Read(Ok(article))) => {
                match self.reviews.iter_mut().find(|r| r.key == key) {
                    Some(r) => super::editing::reimport_article(r, &path, *article),
                    None => Vec::new(),
                }
            }
            (RunningJob::Import, Outcome::Imported(done)) => self.imported(done.map(|d| *d)),
            (_, Outcome::Opened(Err(e)) | Outcome::Saved(Err(e)) | Outcome::Read(Err(e))) => {
                vec![error(e.to_string())]
            }
            (_, Outcome::Imported(Err(e))) => vec![error(e)],
            // Scans do not take the worker slot; the workspace hands them to the desk.
            (_, Outcome::Scanned(_)) => Vec::new(),
            (
                _,
                Outcome::Opened(Ok(_))
                | Outcome::Saved(Ok(()))
                | Outcome::Read(Ok(_))
                | Outcome::Imported(Ok(_)),
            ) => Vec::new(),
        };
        if std::mem::take(&mut self.close_when_idle) && !self.quitting {
            effects.extend(self.request(Intent::Quit));
        }
        effects
    }
}
