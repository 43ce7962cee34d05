//! The application: owns the open review, routes input to actions and commands, and runs the
//! open / save / quit flows with their confirmations.

use super::actions::{Action, key_from_egui, mods_from_egui};
use super::article_view::{ArticleView, ViewEvent};
use super::background::{self, Job, Outcome, Prepared, Task};
use super::claims_panel::{ClaimsPanel, PanelEvent};
use super::dialogs::{DialogAnswer, DialogKind, FileDialogs, Pending, with_ron_extension};
use super::selection::Selection;
use super::{help, menu, prompt, status_bar};
pub use crate::app::Message;
use crate::app::{AppCommand, Effect, View, Workspace, entries, lookup};
use crate::io::FileError;
use crate::model::Document;
use crate::model::suggest::{self, Suggestion};
use eframe::egui::{self, Context, Ui, ViewportCommand};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub const RECENT_KEY: &str = "recent_files";
/// The saved reviews open at quit, with the sentence each had selected.
pub const OPEN_KEY: &str = "open_reviews";
/// How long after a change unsaved work is written to the recovery file.
const AUTOSAVE_DELAY: Duration = Duration::from_secs(2);
const MAX_RECENT: usize = 10;

/// One review's article view and claims list.
#[derive(Default)]
struct Views {
    article: ArticleView,
    claims: ClaimsPanel,
}

/// Something the user asked for that discards the open review, and so may need confirmation.
#[derive(Debug)]
pub enum Intent {
    /// Close the review shown.
    Close,
    /// Close every review and the window.
    Quit,
}

/// A file that was read and is ready to become the open review.
#[derive(Debug)]
pub struct Loaded {
    path: PathBuf,
    opened: Prepared,
}

#[derive(Debug)]
enum DialogPurpose {
    Open,
    /// Save to the chosen path, then carry on with the intent (if any).
    SaveAs(Option<Intent>),
    ExportLabels,
    ImportLabels,
    Reimport,
}

pub struct ClaimlensApp {
    /// The open reviews and everything that changes them (`Workspace::handle`).
    workspace: Workspace,
    /// Commands from keys, menus, panels and views, handed to the workspace once a frame.
    queue: Vec<AppCommand>,
    /// The threshold shown in "Accept all suggestions above…", while that dialog is open.
    accept_dialog: Option<f32>,
    /// Each open review's article view and claims list (scroll positions, layout caches), by
    /// review key, so that switching reviews keeps where the analyst was.
    views: HashMap<u64, Views>,
    taxonomy_editor: super::taxonomy_editor::TaxonomyEditor,
    source_summary: super::source_summary::SourceSummaryWindow,
    dialogs: Box<dyn FileDialogs>,
    pending_dialog: Option<Pending<DialogPurpose>>,
    /// An intent waiting for the answer to "Save changes?".
    confirm: Option<Intent>,
    message: Option<Message>,
    recent: Vec<PathBuf>,
    window_title: String,
    /// Set once the user has agreed to quit; the next close request goes through.
    quitting: bool,
    /// A save that found the file changed on disk, waiting for the user's answer; holds what to
    /// do after saving.
    conflict: Option<Option<Intent>>,
    recovery: Option<crate::io::recovery::RecoveryStore>,
    /// Unsaved reviews found on start, offered one at a time.
    recovery_offers: Vec<crate::io::recovery::Recovered>,
    show_help: bool,
    /// A large file being opened or saved on a worker thread.
    task: Option<Task<Intent>>,
    /// The window was closed while a task ran: close once it is done.
    close_when_idle: bool,
    /// Writes a large review's recovery file.
    autosave_worker: Option<std::thread::JoinHandle<Result<(), String>>>,
}

impl ClaimlensApp {
    pub fn new(dialogs: Box<dyn FileDialogs>, recent: Vec<PathBuf>) -> Self {
        Self {
            workspace: Workspace::default(),
            queue: Vec::new(),
            accept_dialog: None,
            views: HashMap::new(),
            taxonomy_editor: Default::default(),
            source_summary: Default::default(),
            dialogs,
            pending_dialog: None,
            confirm: None,
            message: None,
            recent,
            window_title: String::new(),
            quitting: false,
            conflict: None,
            recovery: None,
            recovery_offers: Vec::new(),
            show_help: false,
            task: None,
            close_when_idle: false,
            autosave_worker: None,
        }
    }

    /// Keeps unsaved work in `store`, and offers what a crashed run left there.
    pub fn with_recovery(mut self, store: crate::io::recovery::RecoveryStore) -> Self {
        self.recovery_offers = store.found();
        self.recovery = Some(store);
        self
    }

    /// Unsaved reviews waiting for "Restore" or "Discard".
    pub fn recovery_offers(&self) -> &[crate::io::recovery::Recovered] {
        &self.recovery_offers
    }

    /// Writes every unsaved review to its recovery file now.
    pub fn autosave_now(&mut self) {
        self.finish_autosave(true);
        for i in 0..self.workspace.reviews().len() {
            self.autosave_review(i);
        }
    }

    /// Writes review `i` to its recovery file, if it has unsaved work.
    fn autosave_review(&mut self, i: usize) {
        let Some(store) = &self.recovery else {
            return;
        };
        let Some(review) = self.workspace.reviews_mut().get_mut(i) else {
            return;
        };
        let doc = review.document();
        if !doc.is_dirty() {
            return;
        }
        let revision = doc.revision();
        if background::is_large_session(doc.session()) {
            // Writing a large review takes a good part of a second: never on the UI thread.
            let (store, original) = (store.clone(), doc.path.clone());
            let (changes, snapshot) = (doc.change_count(), doc.session().clone());
            review.autosaved = Some(revision);
            self.finish_autosave(true);
            self.autosave_worker = Some(std::thread::spawn(move || {
                store
                    .write(original.as_deref(), changes, &snapshot)
                    .map(|_| ())
                    .map_err(|e| e.to_string())
            }));
            return;
        }
        match store.write(doc.path.as_deref(), doc.change_count(), doc.session()) {
            Ok(_) => review.autosaved = Some(revision),
            Err(e) => {
                self.message = Some(Message::Error(format!(
                    "Cannot write the recovery copy of unsaved work: {e}"
                )))
            }
        }
    }

    /// Collects the background autosave once it is done (or waits for it, before the recovery
    /// file is removed, so that it cannot land after the removal).
    fn finish_autosave(&mut self, wait: bool) {
        let Some(worker) = self.autosave_worker.take() else {
            return;
        };
        if !wait && !worker.is_finished() {
            self.autosave_worker = Some(worker);
            return;
        }
        if let Ok(Err(e)) = worker.join() {
            self.message = Some(Message::Error(format!(
                "Cannot write the recovery copy of unsaved work: {e}"
            )));
        }
    }

    /// The autosave clock, for every open review: a few seconds after a change, unsaved work
    /// goes to the recovery file; once a review is saved (or undone to its saved state) the
    /// file goes.
    fn autosave(&mut self, ctx: &Context) {
        self.finish_autosave(false);
        let Some(store) = self.recovery.clone() else {
            return;
        };
        let mut due = Vec::new();
        let mut wake = None::<Duration>;
        for (i, review) in self.workspace.reviews_mut().iter_mut().enumerate() {
            let doc = review.document();
            let key = doc.revision();
            if !doc.is_dirty() {
                if review.autosaved.take().is_some() {
                    let doc = review.document();
                    store.remove(doc.path.as_deref(), doc.session());
                    store.remove(None, doc.session());
                }
                continue;
            }
            let changed_at = match review.last_change {
                Some((k, t)) if k == key => t,
                _ => {
                    let now = std::time::Instant::now();
                    review.last_change = Some((key, now));
                    now
                }
            };
            if review.autosaved == Some(key) {
                continue;
            }
            let waited = changed_at.elapsed();
            if waited >= AUTOSAVE_DELAY {
                due.push(i);
            } else {
                let left = AUTOSAVE_DELAY - waited;
                wake = Some(wake.map_or(left, |w| w.min(left)));
            }
        }
        for i in due {
            self.autosave_review(i);
        }
        if let Some(left) = wake {
            ctx.request_repaint_after(left);
        }
    }

    fn forget_recovery(&mut self) {
        self.finish_autosave(true);
        if let (Some(store), Some(review)) = (&self.recovery, self.workspace.active_mut()) {
            let doc = review.document();
            store.remove(doc.path.as_deref(), doc.session());
            store.remove(None, doc.session());
            review.autosaved = None;
        }
    }

    fn recovery_prompt(&mut self, ctx: &Context) {
        let Some(offer) = self.recovery_offers.first() else {
            return;
        };
        let name = offer
            .original
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(
                || format!("new review of “{}”", offer.title),
                |n| n.to_string_lossy().into_owned(),
            );
        let minutes = std::time::SystemTime::now()
            .duration_since(offer.saved_at)
            .map_or(0, |d| d.as_secs() / 60);
        let when = match minutes {
            0 => "less than a minute ago".to_string(),
            1 => "1 minute ago".to_string(),
            m => format!("{m} minutes ago"),
        };
        let changes = match offer.changes {
            1 => "1 change".to_string(),
            n => format!("{n} changes"),
        };
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("recovery")).show(ctx, |ui| {
            ui.set_max_width(440.0);
            ui.heading("Recover unsaved work?");
            ui.label(format!(
                "claimlens did not close normally. Unsaved work on {name} was kept {when} \
                 ({changes})."
            ));
            ui.horizontal(|ui| {
                if ui.button("Restore").clicked() {
                    answer = Some(true);
                }
                if ui.button("Discard").clicked() {
                    answer = Some(false);
                }
            });
        });
        let Some(restore) = answer else { return };
        let offer = self.recovery_offers.remove(0);
        if restore {
            self.dispatch(
                AppCommand::Restore {
                    session: Box::new(offer.session.clone()),
                    original: offer.original.clone(),
                },
                None,
            );
            self.message = Some(Message::Notice(format!("Restored unsaved work on {name}")));
        } else if let Some(store) = &self.recovery {
            store.discard(&offer);
        }
    }

    /// Opens what the command line named, or the bundled sample.
    pub fn open_startup(&mut self, file: Option<PathBuf>) {
        match file {
            Some(path) => match background::prepare(&path, &Default::default()) {
                Ok(opened) => self.adopt(Loaded { path, opened }),
                Err(e) => self.message = Some(Message::Error(e.to_string())),
            },
            None => {
                let article = crate::samples::sample_article();
                let (session, suggestions) =
                    crate::app::open::new_review(article, &Default::default());
                self.dispatch(
                    AppCommand::Begin {
                        session: Box::new(session),
                        suggestions,
                    },
                    None,
                );
            }
        }
    }

    /// Hands the commands queued this frame to the workspace, in the order they came.
    fn drain(&mut self, ctx: &Context) {
        let queued = std::mem::take(&mut self.queue);
        if queued.is_empty() {
            return;
        }
        for command in queued {
            self.dispatch(command, Some(ctx));
        }
        // Draw what they changed.
        ctx.request_repaint();
    }

    /// The shown review's views, made on first use.
    fn active_views(&mut self) -> Option<&mut Views> {
        let key = self.workspace.active()?.key();
        Some(self.views.entry(key).or_default())
    }

    /// The reviews open now that have a file, with their selected sentence: what the next start
    /// reopens. A review never saved lives on only in its recovery copy.
    pub fn open_reviews(&self) -> Vec<(PathBuf, usize)> {
        self.workspace
            .reviews()
            .iter()
            .filter_map(|r| {
                let path = r.document().path.clone()?;
                Some((path, r.selection().map_or(0, |s| s.head)))
            })
            .collect()
    }

    /// Opens several files, each a review of its own (the command line's list). A file that
    /// cannot be opened does not hide another's error: every failure is listed in one message.
    pub fn open_all(&mut self, paths: &[PathBuf], ctx: &Context) {
        let mut failed = Vec::new();
        for path in paths {
            self.message = None;
            self.open(path, ctx);
            if let Some(Message::Error(e)) = &self.message {
                failed.push(e.clone());
            }
        }
        if !failed.is_empty() {
            self.message = Some(Message::Error(failed.join(" — ")));
        }
    }

    /// Reopens the reviews open at the last quit, each at its selected sentence; returns
    /// whether any could be. Files that are gone are skipped.
    pub fn reopen(&mut self, reviews: &[(PathBuf, usize)], ctx: &Context) -> bool {
        let mut any = false;
        for (path, head) in reviews {
            if !path.is_file() {
                continue;
            }
            self.open(path, ctx);
            let opened = self
                .workspace
                .document()
                .is_some_and(|d| d.path.as_deref() == Some(path.as_path()));
            let count = self.workspace.document().map_or(0, |d| d.session().len());
            if opened && *head < count {
                self.select(Selection::single(*head));
            }
            any |= opened || self.task.is_some();
        }
        any
    }

    /// Hands a command to the workspace and carries out what it asks of the shell.
    /// Returns the effects, for flows that go on only after one of them (a save).
    fn dispatch(&mut self, command: AppCommand, ctx: Option<&Context>) -> Vec<Effect> {
        let effects = self.workspace.handle(command);
        for effect in effects.iter().cloned() {
            match effect {
                Effect::Message(m) => self.message = Some(m),
                Effect::Reveal(i) => {
                    if let Some(v) = self.active_views() {
                        v.article.reveal(i);
                        v.claims.reveal(i);
                    }
                }
                Effect::RevealInList(i) => {
                    if let Some(v) = self.active_views() {
                        v.claims.reveal(i);
                    }
                }
                Effect::RevealInArticle(i) => {
                    if let Some(v) = self.active_views() {
                        v.article.reveal(i);
                    }
                }
                // Views are made when a review is first drawn.
                Effect::NewReview => {}
                Effect::Closed(key) => {
                    self.views.remove(&key);
                }
                Effect::Saved { path, previous } => {
                    if let (Some(store), Some(doc)) = (&self.recovery, self.workspace.document()) {
                        store.remove(previous.as_deref(), doc.session());
                        store.remove(None, doc.session());
                    }
                    self.remember(&path);
                }
                Effect::Shell(action) => {
                    if let Some(ctx) = ctx {
                        self.run_shell_action(action, ctx);
                    }
                }
            }
        }
        effects
    }

    // ----- read access, for tests and the status bar -----

    pub fn document(&self) -> Option<&Document> {
        self.workspace.document()
    }

    pub fn selection(&self) -> Option<Selection> {
        self.workspace.selection()
    }

    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref()
    }

    pub fn is_confirming(&self) -> bool {
        self.confirm.is_some() || self.conflict.is_some()
    }

    pub fn is_quitting(&self) -> bool {
        self.quitting
    }

    pub fn recent(&self) -> &[PathBuf] {
        &self.recent
    }

    // ----- opening and saving -----

    /// Opens an article or a session. The file is read first: if it cannot be, the message says
    /// why and the open reviews stay as they were; if it can, it opens as a review of its own
    /// beside them (or shows the review already open for it).
    pub fn open(&mut self, path: &Path, ctx: &Context) {
        if self.busy() {
            return;
        }
        if background::is_large(path) {
            self.task = Some(Task::open(path.to_path_buf(), ctx));
            return;
        }
        match background::prepare(path, &Default::default()) {
            Ok(opened) => self.adopt(Loaded {
                path: path.to_path_buf(),
                opened,
            }),
            Err(e) => self.message = Some(Message::Error(e.to_string())),
        }
    }

    fn adopt(&mut self, loaded: Loaded) {
        let Loaded { path, opened } = loaded;
        self.dispatch(
            AppCommand::Adopt {
                path: path.clone(),
                prepared: opened,
            },
            None,
        );
        self.remember(&path);
    }

    /// The suggestions, one per sentence, as of the last frame.
    pub fn suggestions(&self) -> &[Suggestion] {
        self.workspace.active().map_or(&[], |r| r.suggestions())
    }

    fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }

    /// The path proposed when a review is saved for the first time: beside the article, named
    /// after it.
    fn suggested_save_path(&self) -> PathBuf {
        let Some(doc) = self.workspace.document() else {
            return PathBuf::from("review.ron");
        };
        if let Some(path) = &doc.path {
            return path.clone();
        }
        let article = &doc.session().article();
        let source = article.source_path.as_deref().map(Path::new);
        let stem = source
            .and_then(|p| p.file_stem())
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| file_stem_from_title(&article.title));
        let dir = source
            .and_then(|p| p.parent())
            .filter(|d| d.is_dir())
            .map(Path::to_path_buf)
            .unwrap_or_default();
        dir.join(format!("{stem}.review.ron"))
    }

    /// Saves to the review's file, or asks for one; then carries on with `then`.
    fn save(&mut self, then: Option<Intent>, ctx: &Context) {
        let Some(review) = self.workspace.active() else {
            return;
        };
        match review.document().path.clone() {
            Some(path) => {
                // Someone else (a colleague, another window) changed the file since we read it:
                // ask instead of silently overwriting their work.
                let now = crate::io::session_file::disk_stamp(&path);
                if now.is_some() && now.as_ref() != review.disk_stamp() {
                    self.conflict = Some(then);
                } else {
                    self.save_to(&path, then, ctx)
                }
            }
            None => self.save_as(then, ctx),
        }
    }

    fn save_as(&mut self, then: Option<Intent>, ctx: &Context) {
        if self.workspace.document().is_none() {
            return;
        }
        let suggested = self.suggested_save_path();
        self.ask(
            DialogKind::SaveAs { suggested },
            DialogPurpose::SaveAs(then),
            ctx,
        );
    }

    /// Writes the session to `path`. A failed save keeps the review open and unsaved.
    pub fn save_to(&mut self, path: &Path, then: Option<Intent>, ctx: &Context) {
        if self.busy() {
            return;
        }
        let Some(doc) = self.workspace.document() else {
            return;
        };
        let state = doc.revision();
        if background::is_large_session(doc.session()) {
            // The worker writes a snapshot; the analyst may go on working meanwhile, and what
            // changes after the snapshot stays marked as unsaved.
            let job = Job::Save { state, then };
            let snapshot = doc.session().clone();
            self.task = Some(Task::save(path.to_path_buf(), snapshot, job, ctx));
            return;
        }
        self.finish_autosave(true);
        let effects = self.dispatch(AppCommand::SaveTo(path.to_path_buf()), Some(ctx));
        if effects.iter().any(|e| matches!(e, Effect::Saved { .. }))
            && let Some(intent) = then
        {
            self.perform(intent, ctx);
        }
    }

    fn finish_save(
        &mut self,
        path: &Path,
        state: u64,
        then: Option<Intent>,
        result: Result<(), FileError>,
        ctx: &Context,
    ) {
        self.finish_autosave(true);
        match result {
            Ok(()) => {
                self.dispatch(
                    AppCommand::Saved {
                        path: path.to_path_buf(),
                        state,
                    },
                    Some(ctx),
                );
                if let Some(intent) = then {
                    self.perform(intent, ctx);
                }
            }
            Err(e) => self.message = Some(Message::Error(e.to_string())),
        }
    }

    /// A file is being opened or saved; a second one waits, with a message saying why.
    fn busy(&mut self) -> bool {
        let Some(task) = &self.task else {
            return false;
        };
        self.message = Some(Message::Notice(format!("Please wait: {}", task.progress())));
        true
    }

    /// Finishes a background open or save once its worker answers.
    fn poll_task(&mut self, ctx: &Context) {
        let Some(task) = &self.task else { return };
        let Some(outcome) = task.poll() else {
            // Keeps the progress line moving; the worker also wakes us when it is done.
            ctx.request_repaint_after(Duration::from_millis(100));
            return;
        };
        let Some(task) = self.task.take() else { return };
        let path = task.path;
        match (task.job, outcome) {
            (Job::Open, Outcome::Opened(Ok(opened))) => {
                self.adopt(Loaded { path, opened });
            }
            (Job::Save { state, then }, Outcome::Saved(result)) => {
                self.finish_save(&path, state, then, result, ctx)
            }
            (_, Outcome::Opened(Err(e)) | Outcome::Saved(Err(e))) => {
                self.message = Some(Message::Error(e.to_string()))
            }
            (_, Outcome::Opened(Ok(_)) | Outcome::Saved(Ok(()))) => {}
        }
        if std::mem::take(&mut self.close_when_idle) && !self.quitting {
            self.request(Intent::Quit, ctx);
        }
    }

    /// "Opening report.txt: splitting into sentences (1.2 s)", while a worker runs.
    pub fn progress(&self) -> Option<String> {
        self.task.as_ref().map(Task::progress)
    }

    fn ask(&mut self, kind: DialogKind, purpose: DialogPurpose, ctx: &Context) {
        if self.pending_dialog.is_some() {
            return;
        }
        let rx = self.dialogs.ask(kind, ctx.clone());
        self.pending_dialog = Some(Pending::new(purpose, rx));
    }

    fn poll_dialog(&mut self, ctx: &Context) {
        let Some(pending) = &self.pending_dialog else {
            return;
        };
        let Some(DialogAnswer { path, took }) = pending.poll() else {
            // The dialog thread wakes us when it answers; polling slowly covers a lost wake-up.
            ctx.request_repaint_after(Duration::from_millis(250));
            return;
        };
        let Some(purpose) = self.pending_dialog.take().map(|p| p.purpose) else {
            return;
        };
        match (path, purpose) {
            (Some(path), DialogPurpose::Open) => self.open(&path, ctx),
            (Some(path), DialogPurpose::SaveAs(then)) => {
                self.save_to(&with_ron_extension(path), then, ctx)
            }
            (Some(path), DialogPurpose::ExportLabels) => self.export_labels(&path),
            (Some(path), DialogPurpose::ImportLabels) => self.import_labels(&path),
            (Some(path), DialogPurpose::Reimport) => self.reimport(&path),
            (None, _) if took < Duration::from_millis(200) => {
                self.message = Some(Message::Error(
                    "No file dialog could be shown on this desktop (is xdg-desktop-portal \
                     installed?). Open files by dragging them onto the window or naming them \
                     on the command line."
                        .into(),
                ));
            }
            (None, _) => {}
        }
    }

    /// Runs an intent now if nothing would be lost, otherwise asks first.
    pub fn request(&mut self, intent: Intent, ctx: &Context) {
        match intent {
            Intent::Close if self.workspace.document().is_some_and(Document::is_dirty) => {
                self.confirm = Some(intent)
            }
            intent => self.perform(intent, ctx),
        }
    }

    fn perform(&mut self, intent: Intent, ctx: &Context) {
        match intent {
            Intent::Close => {
                self.dispatch(AppCommand::Close, Some(ctx));
            }
            // Each review with unsaved work is shown and asked about in turn; the window
            // closes once none is left.
            Intent::Quit => match self.workspace.first_unsaved() {
                Some(i) => {
                    self.dispatch(AppCommand::Activate(i), Some(ctx));
                    self.confirm = Some(Intent::Quit);
                }
                None => {
                    self.quitting = true;
                    ctx.send_viewport_cmd(ViewportCommand::Close);
                }
            },
        }
    }

    fn answer_confirm(&mut self, answer: prompt::Answer, ctx: &Context) {
        let Some(intent) = self.confirm.take() else {
            return;
        };
        match answer {
            prompt::Answer::Save => self.save(Some(intent), ctx),
            prompt::Answer::Discard => {
                self.forget_recovery();
                if matches!(intent, Intent::Quit) {
                    // Its work is given up: the review goes, and the question moves on.
                    self.dispatch(AppCommand::Close, Some(ctx));
                }
                self.perform(intent, ctx)
            }
            prompt::Answer::Cancel => {}
        }
    }

    // ----- editing -----

    /// Re-anchors the open review on a newer version of its article (one undo step).
    pub fn reimport(&mut self, path: &Path) {
        self.dispatch(AppCommand::Reimport(path.to_path_buf()), None);
    }

    pub fn export_labels(&mut self, path: &Path) {
        self.dispatch(AppCommand::ExportLabels(path.to_path_buf()), None);
    }

    pub fn import_labels(&mut self, path: &Path) {
        self.dispatch(AppCommand::ImportLabels(path.to_path_buf()), None);
    }

    fn windows(&mut self, ctx: &Context) {
        let Some(doc) = self.workspace.document() else {
            return;
        };
        let (mut edits, file) = self.taxonomy_editor.show(ctx, doc.session());
        edits.extend(self.source_summary.show(ctx, doc.session()));
        for edit in edits {
            self.queue.push(AppCommand::Edit(edit));
        }
        match file {
            Some(super::taxonomy_editor::FileRequest::Export) => {
                let suggested = self
                    .workspace
                    .document()
                    .and_then(|d| d.path.as_ref())
                    .and_then(|p| p.parent())
                    .map(|d| d.join("labels.ron"))
                    .unwrap_or_else(|| PathBuf::from("labels.ron"));
                self.ask(
                    DialogKind::ExportLabels { suggested },
                    DialogPurpose::ExportLabels,
                    ctx,
                );
            }
            Some(super::taxonomy_editor::FileRequest::Import) => {
                self.ask(DialogKind::ImportLabels, DialogPurpose::ImportLabels, ctx)
            }
            None => {}
        }
    }

    fn accept_dialog(&mut self, ctx: &Context) {
        let Some(mut threshold) = self.accept_dialog else {
            return;
        };
        let suggestions = self.workspace.suggestions().to_vec();
        let Some(doc) = self.workspace.document() else {
            return;
        };
        let count = suggest::count_above(doc.session(), &suggestions, threshold);
        let mut open = true;
        let mut accept = false;
        let mut cancel = false;
        egui::Window::new("Accept suggestions")
            .collapsible(false)
            .resizable(false)
            .open(&mut open)
            .show(ctx, |ui| {
                ui.label("Confirm every suggested label at least this confident:");
                ui.add(
                    egui::Slider::new(&mut threshold, 0.3..=1.0)
                        .step_by(0.05)
                        .text("minimum confidence"),
                );
                ui.label(format!(
                    "{count} suggested labels will be confirmed, as one undo step."
                ));
                ui.horizontal(|ui| {
                    accept = ui
                        .add_enabled(count > 0, egui::Button::new(format!("Accept {count}")))
                        .clicked();
                    cancel = ui.button("Cancel").clicked();
                });
            });
        self.accept_dialog = Some(threshold);
        if accept {
            self.queue.push(AppCommand::AcceptAbove(threshold));
        }
        if accept || cancel || !open {
            self.accept_dialog = None;
        }
    }

    /// Selects sentences and brings the head into view in the article and the claims list.
    pub fn select(&mut self, selection: Selection) {
        self.dispatch(AppCommand::Select(selection), None);
    }

    /// Runs a command from the table: the workspace does what it can and hands back the
    /// flows that need the shell (dialogs, windows, confirmations).
    pub fn run_action(&mut self, action: Action, ctx: &Context) {
        self.dispatch(AppCommand::Run(action), Some(ctx));
    }

    fn run_shell_action(&mut self, action: Action, ctx: &Context) {
        let open = self.workspace.document().is_some();
        match action {
            Action::Open => self.ask(DialogKind::Open, DialogPurpose::Open, ctx),
            Action::Reimport if open => {
                self.ask(DialogKind::ReimportArticle, DialogPurpose::Reimport, ctx)
            }
            Action::Save => self.save(None, ctx),
            Action::SaveAs => self.save_as(None, ctx),
            Action::Quit => self.request(Intent::Quit, ctx),
            Action::CloseReview if open => self.request(Intent::Close, ctx),
            Action::AcceptAbove if open => self.accept_dialog = Some(0.85),
            Action::EditLabels if open => self.taxonomy_editor.open = true,
            Action::SourceSummary if open => self.source_summary.open = !self.source_summary.open,
            Action::ShowHelp => self.show_help = !self.show_help,
            _ => {}
        }
    }

    /// Handles key presses in the order they were typed, so that fast typing ahead ("Enter j
    /// Enter j") does what it says even when several keys arrive in one frame.
    fn handle_keys(&mut self, ctx: &Context) {
        if self.confirm.is_some()
            || self.conflict.is_some()
            || self.pending_dialog.is_some()
            || !self.recovery_offers.is_empty()
        {
            return;
        }
        let typing = ctx.egui_wants_keyboard_input();
        let presses: Vec<(egui::Key, egui::Modifiers)> = ctx.input(|i| {
            i.events
                .iter()
                .filter_map(|e| match e {
                    egui::Event::Key {
                        key,
                        pressed: true,
                        modifiers,
                        ..
                    } => Some((*key, *modifiers)),
                    _ => None,
                })
                .collect()
        });
        let mut handled = Vec::new();
        for (key, modifiers) in presses {
            if self.handle_key(key, modifiers, typing) {
                handled.push((key, modifiers));
            }
        }
        ctx.input_mut(|i| {
            for (key, modifiers) in handled {
                i.consume_key(modifiers, key);
            }
        });
    }

    /// One key press: the command the table gives it where the analyst is, if any (actions,
    /// grades Shift+A–F and Alt+1–6, label hotkeys).
    fn handle_key(&mut self, key: egui::Key, modifiers: egui::Modifiers, typing: bool) -> bool {
        let Some(key) = key_from_egui(key) else {
            return false;
        };
        let table = entries(self.workspace.document().map(|d| d.session().taxonomy()));
        match lookup(&table, mods_from_egui(modifiers), key, typing, false) {
            Some(action) => {
                self.queue.push(AppCommand::Run(action));
                true
            }
            None => false,
        }
    }

    fn handle_dropped_files(&mut self, ctx: &Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.open(&path, ctx);
        }
    }

    fn handle_close_request(&mut self, ctx: &Context) {
        if !ctx.input(|i| i.viewport().close_requested()) || self.quitting {
            return;
        }
        if self.task.is_some() {
            // Never cut a save short: close (asking first if anything is unsaved) once it ends.
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.close_when_idle = true;
            return;
        }
        if self.workspace.first_unsaved().is_some() {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.request(Intent::Quit, ctx);
        }
    }

    fn update_title(&mut self, ctx: &Context) {
        let title = match self.workspace.document() {
            None => "claimlens".to_string(),
            Some(doc) => {
                let mark = if doc.is_dirty() { "● " } else { "" };
                format!("{mark}{} — claimlens", review_name(doc))
            }
        };
        if title != self.window_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }

    /// The window title as last set, e.g. "● report.review.ron — claimlens".
    pub fn window_title(&self) -> &str {
        &self.window_title
    }

    fn handle_view_events(&mut self, events: Vec<ViewEvent>) {
        for event in events {
            let command = match event {
                ViewEvent::Select(sentence) => AppCommand::Pick {
                    sentence,
                    from: View::Article,
                },
                ViewEvent::ExtendTo(i) => AppCommand::ExtendTo(i),
                ViewEvent::Label(label) => AppCommand::Label(label),
                ViewEvent::Note(sentence, note) => AppCommand::SetNote { sentence, note },
                ViewEvent::Caret(at) => AppCommand::Caret(at),
                ViewEvent::Split(sentence, at) => AppCommand::Split { sentence, at },
                ViewEvent::Merge(i) => AppCommand::Merge(i),
            };
            self.queue.push(command);
        }
    }

    fn handle_panel_events(&mut self, events: Vec<PanelEvent>) {
        for event in events {
            let command = match event {
                PanelEvent::Label(label) => AppCommand::Label(label),
                PanelEvent::Reveal(sentence) => AppCommand::Pick {
                    sentence,
                    from: View::ClaimsList,
                },
                PanelEvent::Note(sentence, note) => AppCommand::SetNote { sentence, note },
                PanelEvent::Accept => AppCommand::Run(Action::AcceptSuggestion),
                PanelEvent::AddPlaceLabel(place) => AppCommand::AddPlaceLabel(place),
                PanelEvent::Edit(edit) => AppCommand::Edit(edit),
            };
            self.queue.push(command);
        }
    }

    /// One tab per open review, shown once a second review is open: its name, • while it has
    /// unsaved changes, and × to close it (asking first about unsaved work).
    fn tab_bar(&mut self, ui: &mut Ui) {
        if self.workspace.reviews().len() < 2 {
            return;
        }
        let active = self.workspace.active_index();
        let mut chosen = None;
        let mut close = None;
        egui::Panel::top("review_tabs").show(ui, |ui| {
            egui::ScrollArea::horizontal().show(ui, |ui| {
                ui.horizontal(|ui| {
                    for (i, review) in self.workspace.reviews().iter().enumerate() {
                        let doc = review.document();
                        let mark = if doc.is_dirty() { "• " } else { "" };
                        let name = review_name(doc);
                        let tab = ui
                            .selectable_label(active == Some(i), format!("{mark}{name}"))
                            .on_hover_text(doc.path.as_ref().map_or_else(
                                || format!("{name}, not saved yet"),
                                |p| p.display().to_string(),
                            ));
                        if tab.clicked() {
                            chosen = Some(i);
                        }
                        if ui
                            .small_button("×")
                            .on_hover_text(format!("Close {name}"))
                            .clicked()
                        {
                            close = Some(i);
                        }
                        ui.separator();
                    }
                });
            });
        });
        if let Some(i) = chosen {
            self.dispatch(AppCommand::Activate(i), None);
        }
        if let Some(i) = close {
            self.dispatch(AppCommand::Activate(i), None);
            let ctx = ui.ctx().clone();
            self.request(Intent::Close, &ctx);
        }
    }

    fn error_banner(&mut self, ui: &mut Ui) {
        let Some(Message::Error(text)) = &self.message else {
            return;
        };
        let text = text.clone();
        egui::Panel::top("error_banner")
            .frame(
                egui::Frame::new()
                    .fill(ui.visuals().error_fg_color.gamma_multiply(0.18))
                    .inner_margin(8.0),
            )
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.colored_label(
                        ui.visuals().error_fg_color,
                        egui::RichText::new("Error").strong(),
                    );
                    ui.add(egui::Label::new(&text).wrap());
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if ui.button("Dismiss").clicked() {
                            self.message = None;
                        }
                    });
                });
            });
    }

    fn empty_state(ui: &mut Ui) {
        ui.vertical_centered(|ui| {
            ui.add_space(ui.available_height() / 3.0);
            ui.heading("No review open");
            ui.label("Open an article (.txt, .md) or a review session (.ron) with File › Open… (Ctrl+O), or drop a file onto this window.");
        });
    }
}

/// How a review is called in the title bar and its tab: its file's name, or the article's title
/// while it has no file.
fn review_name(doc: &Document) -> String {
    match &doc.path {
        Some(p) => p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        None => format!("{} (new review)", doc.session().article().title),
    }
}

/// A file name made from an article title: letters, digits and dashes.
fn file_stem_from_title(title: &str) -> String {
    let mut stem: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    while stem.contains("--") {
        stem = stem.replace("--", "-");
    }
    let stem = stem.trim_matches('-').chars().take(60).collect::<String>();
    if stem.is_empty() {
        "review".to_string()
    } else {
        stem
    }
}

impl eframe::App for ClaimlensApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.poll_dialog(&ctx);
        self.poll_task(&ctx);
        self.handle_close_request(&ctx);
        self.handle_dropped_files(&ctx);
        self.handle_keys(&ctx);

        let menu_actions = egui::Panel::top("menu_bar")
            .show(ui, |ui| {
                menu::menu_bar(ui, self.workspace.document(), &self.recent)
            })
            .inner;
        for choice in menu_actions {
            match choice {
                menu::Choice::Action(action) => self.queue.push(AppCommand::Run(action)),
                menu::Choice::OpenRecent(path) => self.open(&path, &ctx),
            }
        }
        self.error_banner(ui);

        // Brought up to date before drawing: boundaries or labels may have just changed.
        self.workspace.suggestions();
        let stats = self.workspace.stats();
        let notice = match &self.message {
            Some(Message::Notice(n)) => Some(n.as_str()),
            _ => None,
        };
        let progress = self.progress();
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            status_bar::show(
                ui,
                self.workspace.document(),
                self.workspace.selection(),
                (notice, progress.as_deref()),
            )
        });

        self.tab_bar(ui);
        let key = self.workspace.active().map(|r| r.key());
        if let (Some(key), Some(stats)) = (key, &stats) {
            let views = self.views.entry(key).or_default();
            let (events, view_events) = match self.workspace.active() {
                Some(review) => {
                    let doc = review.document();
                    let events = egui::Panel::right("claims_panel")
                        .resizable(true)
                        .default_size(400.0)
                        .min_size(260.0)
                        .show(ui, |ui| {
                            views.claims.show(
                                ui,
                                (doc.session(), review.suggestions()),
                                stats,
                                (review.key(), doc.revision()),
                                review.selection(),
                            )
                        })
                        .inner;
                    let view_events = egui::CentralPanel::default()
                        .show(ui, |ui| {
                            views.article.show(
                                ui,
                                doc.session(),
                                review.suggestions(),
                                review.key(),
                                (review.selection(), review.caret()),
                            )
                        })
                        .inner;
                    (events, view_events)
                }
                None => (Vec::new(), Vec::new()),
            };
            self.handle_panel_events(events);
            self.handle_view_events(view_events);
        } else {
            egui::CentralPanel::default().show(ui, Self::empty_state);
        }

        self.accept_dialog(&ctx);
        self.windows(&ctx);
        // Everything asked for this frame, from keys to the windows, in order.
        self.drain(&ctx);
        self.recovery_prompt(&ctx);
        self.autosave(&ctx);
        if self.show_help {
            let labels = self.workspace.document().map(|d| d.session().taxonomy());
            help::window(&ctx, &mut self.show_help, labels);
        }
        if let Some(intent) = &self.confirm
            && let Some(answer) = prompt::unsaved_changes(&ctx, intent)
        {
            self.answer_confirm(answer, &ctx);
        }
        if self.conflict.is_some()
            && let Some(answer) = prompt::changed_on_disk(&ctx)
        {
            let then = self.conflict.take().flatten();
            match answer {
                prompt::ConflictAnswer::SaveAs => self.save_as(then, &ctx),
                prompt::ConflictAnswer::Overwrite => {
                    if let Some(path) = self.workspace.document().and_then(|d| d.path.clone()) {
                        self.save_to(&path, then, &ctx);
                    }
                }
                prompt::ConflictAnswer::Cancel => {}
            }
        }
        self.update_title(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, RECENT_KEY, &self.recent);
        eframe::set_value(storage, OPEN_KEY, &self.open_reviews());
    }
}
