//! The file flows: open, save, save as, close and quit, with the questions they ask (unsaved
//! changes, a file changed on disk) and the work they hand to the shell (a file dialog, a large
//! file read or written on a worker thread). The workspace keeps what each flow waits for, so
//! that the answer, whenever it comes, carries the flow on.

use super::jobs::{Job, Running, RunningJob};
use super::naming::with_ron_extension;
use super::open::{Prepared, is_large, is_large_session, prepare};
use super::workspace::{AppCommand, Effect, Message, Workspace, error, notice};
use crate::io::{self, session_file};
use std::path::{Path, PathBuf};

const MAX_RECENT: usize = 10;

/// Something the analyst asked for that discards a review, and so may need confirmation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    /// Close the review shown.
    Close,
    /// Close every review and the window.
    Quit,
}

/// A question the workspace is waiting for the analyst to answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    /// "Save changes?" before the intent discards the shown review's unsaved work.
    Unsaved(Intent),
    /// The session file changed on disk since it was read: overwrite, save elsewhere or
    /// cancel; then carry on with the intent (if any).
    ChangedOnDisk(Option<Intent>),
    /// The file a save would replace is read-only: replace it anyway, save elsewhere or
    /// cancel; then carry on with the intent (if any).
    ReadOnly { path: PathBuf, then: Option<Intent> },
    /// "Your name, as reviews record it": asked before the first save (which waits, here)
    /// and from Review › Your name….
    AnalystName(Option<super::analyst::HeldSave>),
}

/// The analyst's answer to a [`Question`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Save,
    Discard,
    SaveAs,
    Overwrite,
    Cancel,
}

/// A file dialog the shell shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogKind {
    /// Choose an article or a session to open.
    Open,
    /// Choose a folder whose reviews and articles to open.
    OpenFolder,
    /// Choose where to save the session; `suggested` is the proposed path.
    SaveAs { suggested: PathBuf },
    /// Choose where to export the labels.
    ExportLabels { suggested: PathBuf },
    /// Choose where to export the review in `format`.
    Export {
        format: crate::io::export::Format,
        suggested: PathBuf,
    },
    /// Choose a label preset to import.
    ImportLabels,
    /// Choose another tool's annotation file to import.
    ImportAnnotations,
    /// Choose the newer version of the article under review.
    ReimportArticle,
    /// Choose another analyst's review of the article to compare with.
    CompareWith,
}

/// What the answer of the open file dialog is for.
#[derive(Debug)]
pub(super) enum DialogPurpose {
    Open,
    OpenFolder,
    /// Save to the chosen path, then carry on with the intent (if any).
    SaveAs(Option<Intent>),
    ExportLabels,
    Export(crate::io::export::Format),
    ImportAnnotations,
    ImportLabels,
    Reimport,
    CompareWith,
}

impl Workspace {
    /// Opens an article or a session. The file is read first: if it cannot be, the message says
    /// why and the open reviews stay as they were; if it can, it opens as a review of its own
    /// beside them (or shows the review already open for it). A large file is read on a
    /// worker unless `wait`.
    pub(super) fn open(&mut self, path: PathBuf, wait: bool) -> Vec<Effect> {
        self.open_at(path, wait, None)
    }

    /// Opens `path` and selects sentence `select` in it, if it has one.
    pub(super) fn open_at(
        &mut self,
        path: PathBuf,
        wait: bool,
        select: Option<usize>,
    ) -> Vec<Effect> {
        if self.busy() {
            return Vec::new();
        }
        if !wait && is_large(&path) {
            self.running = Some(Running {
                path: path.clone(),
                job: RunningJob::Open { select },
            });
            return vec![Effect::Start(Job::Open(path))];
        }
        match prepare(&path, &Default::default()) {
            Ok(prepared) => self.adopt_at(path, prepared, select),
            Err(e) => vec![error(e.to_string())],
        }
    }

    /// Opens several files, each a review of its own (the command line's list). A file that
    /// cannot be opened does not hide another's error: every failure is listed in one message.
    pub(super) fn open_all(&mut self, paths: Vec<PathBuf>) -> Vec<Effect> {
        let mut effects = Vec::new();
        let mut failed = Vec::new();
        for path in paths {
            if path.is_dir() {
                effects.extend(self.open_desk(path));
                continue;
            }
            for effect in self.open(path, false) {
                match effect {
                    Effect::Message(Message::Error(e)) => failed.push(e),
                    other => effects.push(other),
                }
            }
        }
        if !failed.is_empty() {
            effects.push(error(failed.join(" — ")));
        }
        effects
    }

    /// Reopens the reviews open at the last quit, each at its selected sentence. Files that
    /// are gone are skipped.
    pub(super) fn reopen(&mut self, reviews: Vec<(PathBuf, usize)>) -> Vec<Effect> {
        let mut effects = Vec::new();
        for (path, head) in reviews {
            if !path.is_file() {
                continue;
            }
            effects.extend(self.open_at(path, false, Some(head)));
        }
        effects
    }

    /// Makes a file that was read a review of its own (or shows the one open for it).
    pub(super) fn adopt(&mut self, path: PathBuf, prepared: Prepared) -> Vec<Effect> {
        self.adopt_at(path, prepared, None)
    }

    pub(super) fn adopt_at(
        &mut self,
        path: PathBuf,
        prepared: Prepared,
        select: Option<usize>,
    ) -> Vec<Effect> {
        let effects = match self.find_open(&path) {
            // Opening what is already open shows it, with its unsaved work.
            Some(i) => {
                self.active = Some(i);
                vec![notice(format!("{} is already open", path.display()))]
            }
            None => {
                let effects = self.install_prepared(path.clone(), prepared);
                if let (Some(head), Some(r)) = (select, self.active_mut())
                    && head < r.doc.session().len()
                {
                    // The views reveal the selection when they are first drawn.
                    r.selection = Some(super::selection::Selection::single(head));
                }
                effects
            }
        };
        self.remember(&path);
        effects
    }

    fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }

    pub(super) fn ask(&mut self, kind: DialogKind, purpose: DialogPurpose) -> Vec<Effect> {
        if self.dialog.is_some() {
            return Vec::new();
        }
        self.dialog = Some(purpose);
        vec![Effect::AskPath(kind)]
    }

    /// The open dialog's answer: `None` when the analyst cancelled, or when no dialog could be
    /// shown (`shown` false).
    pub(super) fn path_chosen(&mut self, path: Option<PathBuf>, shown: bool) -> Vec<Effect> {
        let Some(purpose) = self.dialog.take() else {
            return Vec::new();
        };
        match (path, purpose) {
            (Some(path), DialogPurpose::Open) => self.open(path, false),
            (Some(dir), DialogPurpose::OpenFolder) => self.open_desk(dir),
            (Some(path), DialogPurpose::SaveAs(then)) => {
                self.save_to(with_ron_extension(path), then)
            }
            (Some(path), DialogPurpose::ExportLabels) => {
                self.handle(AppCommand::ExportLabels(path))
            }
            (Some(path), DialogPurpose::Export(format)) => {
                let path = format.with_extension(path);
                self.handle(AppCommand::Export { format, path })
            }
            (Some(path), DialogPurpose::ImportAnnotations) => {
                self.handle(AppCommand::ImportAnnotations(path))
            }
            (Some(path), DialogPurpose::ImportLabels) => {
                self.handle(AppCommand::ImportLabels(path))
            }
            (Some(path), DialogPurpose::Reimport) => self.reimport_from(path),
            (Some(path), DialogPurpose::CompareWith) => self.compare_with(path),
            (None, _) if !shown => vec![error(
                "No file dialog could be shown on this desktop. Turn on File › Use the built-in \
                 file dialog, or drag files onto the window.",
            )],
            (None, _) => Vec::new(),
        }
    }

    /// Saves to the review's file, or asks for one; then carries on with `then`.
    pub(super) fn save(&mut self, then: Option<Intent>) -> Vec<Effect> {
        let Some(review) = self.active() else {
            return Vec::new();
        };
        match review.doc.path.clone() {
            Some(path) => {
                // Someone else (a colleague, another window) changed the file since we read it:
                // ask instead of silently overwriting their work.
                let now = session_file::disk_stamp(&path);
                if now.is_some() && now.as_ref() != review.disk_stamp() {
                    self.question = Some(Question::ChangedOnDisk(then));
                    Vec::new()
                } else {
                    self.save_to(path, then)
                }
            }
            None => self.save_as(then),
        }
    }

    pub(super) fn save_as(&mut self, then: Option<Intent>) -> Vec<Effect> {
        let Some(review) = self.active() else {
            return Vec::new();
        };
        let suggested = review.suggested_save_path();
        self.ask(
            DialogKind::SaveAs { suggested },
            DialogPurpose::SaveAs(then),
        )
    }

    /// Writes the shown review to `path` (a large one on a worker), asking first if the file
    /// there is read-only. A failed save keeps the review open and unsaved.
    pub(super) fn save_to(&mut self, path: PathBuf, then: Option<Intent>) -> Vec<Effect> {
        self.save_to_with(path, then, false)
    }

    pub(super) fn save_to_with(
        &mut self,
        path: PathBuf,
        then: Option<Intent>,
        force: bool,
    ) -> Vec<Effect> {
        if self.busy() {
            return Vec::new();
        }
        if let Some(input) = self.active().and_then(|r| r.input_at(&path)) {
            return vec![error(format!(
                "Not saved: {} is review {input} of this adjudication, which never replaces either \
                 analyst's file. Save it under a new name.",
                path.display()
            ))];
        }
        if !force && session_file::is_read_only(&path) {
            self.question = Some(Question::ReadOnly { path, then });
            return Vec::new();
        }
        let held = super::analyst::HeldSave { path, then, force };
        if let Some(effects) = self.hold_for_name(held.clone()) {
            return effects;
        }
        let super::analyst::HeldSave { path, then, force } = held;
        self.stamp_active();
        let Some(review) = self.active() else {
            return Vec::new();
        };
        let (key, state) = (review.key, review.doc.revision());
        let session = review.doc.session();
        if is_large_session(session) {
            // The worker writes a snapshot; the analyst may go on working meanwhile, and what
            // changes after the snapshot stays marked as unsaved.
            let snapshot = Box::new(session.clone());
            self.running = Some(Running {
                path: path.clone(),
                job: RunningJob::Save { key, state, then },
            });
            return vec![Effect::Start(Job::Save {
                path,
                snapshot,
                replace_read_only: force,
            })];
        }
        let written = match force {
            true => session_file::save_session_replacing(&path, session),
            false => io::save_session(&path, session),
        };
        match written {
            Ok(()) => self.saved(key, path, state, then),
            Err(e) => vec![error(e.to_string())],
        }
    }

    /// Review `key` reached the disk at `path` as it was at revision `state`: it is saved (if
    /// nothing changed since), its recovery copy goes, and the intent carries on.
    pub(super) fn saved(
        &mut self,
        key: u64,
        path: PathBuf,
        state: u64,
        then: Option<Intent>,
    ) -> Vec<Effect> {
        let Some(i) = self.reviews.iter().position(|r| r.key == key) else {
            return Vec::new();
        };
        let previous = self.reviews[i].doc.path.clone();
        self.forget_recovery(i, previous.as_deref());
        let r = &mut self.reviews[i];
        r.doc.mark_saved_at(path.clone(), state);
        r.disk_stamp = session_file::disk_stamp(&path);
        self.remember(&path);
        let mut effects = vec![
            notice(format!("Saved {}", path.display())),
            Effect::Saved { path, previous },
        ];
        if let Some(intent) = then {
            effects.extend(self.perform(intent));
        }
        effects
    }

    /// Re-imports the open review from `path`: a large file or a PDF (whose reader may take up
    /// to its time limit) is read on a worker, the rest here.
    fn reimport_from(&mut self, path: PathBuf) -> Vec<Effect> {
        if self.busy() {
            return Vec::new();
        }
        let Some(key) = self.active().map(|r| r.key) else {
            return Vec::new();
        };
        if is_large(&path) {
            self.running = Some(Running {
                path: path.clone(),
                job: RunningJob::Reimport { key },
            });
            return vec![Effect::Start(Job::Reimport(path))];
        }
        self.handle(AppCommand::Reimport(path))
    }

    /// Runs an intent now if nothing would be lost, otherwise asks first.
    pub(super) fn request(&mut self, intent: Intent) -> Vec<Effect> {
        match intent {
            Intent::Close if self.active().is_some_and(|r| r.doc.is_dirty()) => {
                self.question = Some(Question::Unsaved(intent));
                Vec::new()
            }
            intent => self.perform(intent),
        }
    }

    fn perform(&mut self, intent: Intent) -> Vec<Effect> {
        match intent {
            Intent::Close => self.close(),
            // Each review with unsaved work is shown and asked about in turn; the window
            // closes once none is left.
            Intent::Quit => match self.first_unsaved() {
                Some(i) => {
                    self.active = Some(i);
                    self.question = Some(Question::Unsaved(Intent::Quit));
                    Vec::new()
                }
                None => {
                    self.quitting = true;
                    vec![Effect::CloseWindow]
                }
            },
        }
    }

    pub(super) fn answer(&mut self, answer: Answer) -> Vec<Effect> {
        match (self.question.take(), answer) {
            (Some(Question::Unsaved(intent)), Answer::Save) => self.save(Some(intent)),
            (Some(Question::Unsaved(intent)), Answer::Discard) => {
                let mut effects = Vec::new();
                if let Some(i) = self.active {
                    self.forget_recovery(i, None);
                    if intent == Intent::Quit {
                        // Its work is given up: the review goes, and the question moves on.
                        effects.extend(self.close());
                    }
                }
                effects.extend(self.perform(intent));
                effects
            }
            (Some(Question::ChangedOnDisk(then)), Answer::SaveAs) => self.save_as(then),
            (Some(Question::ChangedOnDisk(then)), Answer::Overwrite) => {
                match self.active().and_then(|r| r.doc.path.clone()) {
                    Some(path) => self.save_to(path, then),
                    None => Vec::new(),
                }
            }
            (Some(Question::ReadOnly { then, .. }), Answer::SaveAs) => self.save_as(then),
            (Some(Question::ReadOnly { path, then }), Answer::Overwrite) => {
                self.save_to_with(path, then, true)
            }
            (
                question @ Some(_),
                Answer::Save | Answer::Discard | Answer::SaveAs | Answer::Overwrite,
            ) => {
                // Not an answer to this question: it stays asked.
                self.question = question;
                Vec::new()
            }
            (_, Answer::Cancel) | (None, _) => Vec::new(),
        }
    }

    /// The window's close button: a running save finishes first, unsaved work is asked about.
    pub(super) fn close_requested(&mut self) -> Vec<Effect> {
        if self.quitting {
            return Vec::new();
        }
        if self.running.is_some() {
            // Never cut a save short: close (asking first if anything is unsaved) once it ends.
            self.close_when_idle = true;
            return vec![Effect::CancelClose];
        }
        if self.first_unsaved().is_some() {
            let mut effects = vec![Effect::CancelClose];
            effects.extend(self.request(Intent::Quit));
            return effects;
        }
        Vec::new()
    }
}
