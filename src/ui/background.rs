//! Runs the workspace's jobs on worker threads: the window keeps drawing, with a progress line,
//! while a book-length article is read, split and pre-labelled or a large review is written.
//! The workspace decides what runs and what the outcome means; this only runs it.

pub use crate::app::open::{BACKGROUND_FROM_BYTES, Prepared, Stage, prepare};
use crate::app::{Job, Outcome};
use crate::io::{self, FileError};
use eframe::egui::Context;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::thread::JoinHandle;
use std::time::Instant;

/// What a worker does with its file: the progress line's verb, and what a worker that died
/// reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Work {
    Opening,
    Saving,
    Importing,
}

/// An open, import or save running on a worker thread.
pub struct Task {
    path: PathBuf,
    work: Work,
    started: Instant,
    stage: Arc<AtomicU8>,
    rx: Receiver<Outcome>,
}

/// A recovery copy being written on a worker thread.
pub type Autosave = JoinHandle<Result<(), String>>;

/// A scan of the desk's folder on a worker thread: its folder, and where its answer comes.
pub type Scan = (PathBuf, Receiver<Outcome>);

/// What a started job became.
pub enum Started {
    Task(Task),
    Autosave(Autosave),
    Scan(Scan),
}

/// Starts `job`; the window is woken when it is done.
pub fn start(job: Job, ctx: &Context) -> Started {
    match job {
        Job::Open(path) => {
            let worker_path = path.clone();
            Started::Task(Task::spawn(path, Work::Opening, ctx, move |stage| {
                Outcome::Opened(prepare(&worker_path, stage))
            }))
        }
        Job::Reimport(path) => {
            let worker_path = path.clone();
            Started::Task(Task::spawn(path, Work::Opening, ctx, move |_| {
                Outcome::Read(io::read_article(&worker_path).map(Box::new))
            }))
        }
        Job::Import {
            path,
            article,
            taxonomy,
        } => {
            let worker_path = path.clone();
            Started::Task(Task::spawn(path, Work::Importing, ctx, move |stage| {
                let options = io::import::Options::default();
                let placing = &mut || stage.store(Stage::Placing as u8, Ordering::Relaxed);
                let done = io::import::import_file_reporting(
                    &worker_path,
                    article.map(|a| *a),
                    *taxonomy,
                    &options,
                    placing,
                );
                Outcome::Imported(done.map(Box::new))
            }))
        }
        Job::Save {
            path,
            snapshot,
            replace_read_only,
        } => {
            let worker_path = path.clone();
            Started::Task(Task::spawn(path, Work::Saving, ctx, move |stage| {
                stage.store(Stage::Writing as u8, Ordering::Relaxed);
                Outcome::Saved(match replace_read_only {
                    true => io::session_file::save_session_replacing(&worker_path, &snapshot),
                    false => io::save_session(&worker_path, &snapshot),
                })
            }))
        }
        Job::Scan(job) => {
            let (tx, rx) = channel();
            let dir = job.dir.clone();
            let ctx = ctx.clone();
            std::thread::spawn(move || {
                let scanned = job.run();
                super::memory::collect_this_thread();
                let _ = tx.send(scanned);
                ctx.request_repaint();
            });
            Started::Scan((dir, rx))
        }
        Job::Autosave {
            store,
            original,
            changes,
            snapshot,
        } => {
            let ctx = ctx.clone();
            Started::Autosave(std::thread::spawn(move || {
                let result = store
                    .write(original.as_deref(), changes, &snapshot)
                    .map(|_| ())
                    .map_err(|e| e.to_string());
                ctx.request_repaint();
                result
            }))
        }
    }
}

/// The result of a finished (or, with `wait`, of any) recovery write; a worker that died
/// says so.
pub fn autosave_result(worker: Autosave) -> Result<(), String> {
    worker
        .join()
        .unwrap_or_else(|_| Err("the worker thread stopped".into()))
}

impl Task {
    fn spawn(
        path: PathBuf,
        work: Work,
        ctx: &Context,
        job: impl FnOnce(&AtomicU8) -> Outcome + Send + 'static,
    ) -> Self {
        let (tx, rx) = channel();
        let stage = Arc::new(AtomicU8::new(Stage::Reading as u8));
        let worker_stage = Arc::clone(&stage);
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let outcome = job(&worker_stage);
            // What the work freed on this thread goes back now: the thread ends, and an
            // ended thread's empty pages wait for another's allocation to be returned.
            super::memory::collect_this_thread();
            // The app may have gone away; then nobody needs the answer.
            let _ = tx.send(outcome);
            ctx.request_repaint();
        });
        Self {
            path,
            work,
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
                Some(match self.work {
                    Work::Saving => Outcome::Saved(Err(FileError::save(
                        &self.path,
                        io::Problem::WriteFailed(stopped),
                    ))),
                    Work::Opening => Outcome::Opened(Err(FileError::open(
                        &self.path,
                        io::Problem::Unreadable(stopped),
                    ))),
                    Work::Importing => Outcome::Imported(Err(format!(
                        "Cannot import {}: {stopped}",
                        self.path.display()
                    ))),
                })
            }
        }
    }

    /// "Opening report.txt: splitting into sentences (1.2 s)".
    pub fn progress(&self) -> String {
        let verb = match self.work {
            Work::Opening => "Opening",
            Work::Saving => "Saving",
            Work::Importing => "Importing",
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
