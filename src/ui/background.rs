//! Opening and saving large files on a worker thread: the window keeps drawing, with a progress
//! line, while a book-length article is read, split and pre-labelled or a large review is
//! written. Small files are handled at once; a thread and a progress line would only flicker.

pub use crate::app::open::{Prepared, Stage, prepare};
use crate::io::{self, FileError};
use crate::model::Session;
use eframe::egui::Context;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::Instant;

/// Files at least this large are opened and saved off the UI thread (about 100 ms of work).
pub const BACKGROUND_FROM_BYTES: u64 = 1_000_000;

/// Whether opening `path` is worth a worker thread.
pub fn is_large(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.len() >= BACKGROUND_FROM_BYTES)
}

/// Whether saving `session` is worth a worker thread: the file carries the article and a line
/// per claim.
pub fn is_large_session(session: &Session) -> bool {
    session.article().text.len() as u64 + 100 * session.len() as u64 >= BACKGROUND_FROM_BYTES
}

/// What a worker was asked to do; the app keeps what it needs to finish the job.
#[derive(Debug)]
pub enum Job<Then> {
    Open,
    /// Save the snapshot taken at document state `state`, then carry on with `then`.
    Save {
        state: u64,
        then: Option<Then>,
    },
}

#[derive(Debug)]
pub enum Outcome {
    Opened(Result<Prepared, FileError>),
    Saved(Result<(), FileError>),
}

/// A file operation running on a worker thread.
pub struct Task<Then> {
    pub path: PathBuf,
    pub job: Job<Then>,
    started: Instant,
    stage: Arc<AtomicU8>,
    rx: Receiver<Outcome>,
}

impl<Then> Task<Then> {
    pub fn open(path: PathBuf, ctx: &Context) -> Self {
        let worker_path = path.clone();
        Self::spawn(path, Job::Open, ctx, move |stage| {
            Outcome::Opened(prepare(&worker_path, stage))
        })
    }

    pub fn save(path: PathBuf, snapshot: Session, job: Job<Then>, ctx: &Context) -> Self {
        let worker_path = path.clone();
        Self::spawn(path, job, ctx, move |stage| {
            stage.store(Stage::Writing as u8, Ordering::Relaxed);
            Outcome::Saved(io::save_session(&worker_path, &snapshot))
        })
    }

    fn spawn(
        path: PathBuf,
        job: Job<Then>,
        ctx: &Context,
        work: impl FnOnce(&AtomicU8) -> Outcome + Send + 'static,
    ) -> Self {
        let (tx, rx) = channel();
        let stage = Arc::new(AtomicU8::new(Stage::Reading as u8));
        let worker_stage = Arc::clone(&stage);
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let outcome = work(&worker_stage);
            // The app may have gone away; then nobody needs the answer.
            let _ = tx.send(outcome);
            ctx.request_repaint();
        });
        Self {
            path,
            job,
            started: Instant::now(),
            stage,
            rx,
        }
    }

    /// The outcome once the worker has finished. A worker that died without answering (a bug)
    /// reports as a failed read or write rather than leaving the app waiting forever.
    pub fn poll(&self) -> Option<Outcome> {
        match self.rx.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                let stopped = "the worker thread stopped".to_string();
                Some(match self.job {
                    Job::Open => Outcome::Opened(Err(FileError::open(
                        &self.path,
                        io::Problem::Unreadable(stopped),
                    ))),
                    Job::Save { .. } => Outcome::Saved(Err(FileError::save(
                        &self.path,
                        io::Problem::WriteFailed(stopped),
                    ))),
                })
            }
        }
    }

    /// "Opening report.txt: splitting into sentences (1.2 s)".
    pub fn progress(&self) -> String {
        let verb = match self.job {
            Job::Open => "Opening",
            Job::Save { .. } => "Saving",
        };
        let name = self
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let stage = Stage::from_u8(self.stage.load(Ordering::Relaxed));
        format!(
            "{verb} {name}: {} ({:.1} s)",
            stage.describe(),
            self.started.elapsed().as_secs_f32()
        )
    }
}
