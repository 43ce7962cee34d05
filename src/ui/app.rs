//! The application: owns the open review, routes input to actions and commands, and runs the
//! open / save / quit flows with their confirmations.

use super::actions::{Action, key_from_egui, mods_from_egui};
use super::article_view::{ArticleView, ViewEvent};
use super::background::{self, Job, Outcome, Prepared, Task};
use super::claims_panel::{ClaimsPanel, PanelEvent};
use super::dialogs::{DialogAnswer, DialogKind, FileDialogs, Pending, with_ron_extension};
use super::selection::Selection;
use super::{help, menu, prompt, status_bar};
use crate::app::{entries, lookup};
use crate::io::{self, FileError};
use crate::model::suggest::{self, Suggestion};
use crate::model::{Annotation, Command, Document, LabelId, Session, Stats, Taxonomy};
use eframe::egui::{self, Context, Ui, ViewportCommand};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub const RECENT_KEY: &str = "recent_files";
/// How long after a change unsaved work is written to the recovery file.
const AUTOSAVE_DELAY: Duration = Duration::from_secs(2);
const MAX_RECENT: usize = 10;

/// Something the user asked for that discards the open review, and so may need confirmation.
#[derive(Debug)]
pub enum Intent {
    /// Replace the open review with a file that was read successfully.
    Replace(Box<Loaded>),
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

/// A message for the analyst: errors stay until dismissed, notices show in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    Error(String),
    Notice(String),
}

pub struct ClaimlensApp {
    doc: Option<Document>,
    /// Changes whenever another review is opened, so view caches know to start over.
    doc_key: u64,
    selection: Option<Selection>,
    /// The byte of the text last clicked: where "split" cuts.
    caret: Option<usize>,
    stats: Option<(u64, u64, Stats)>,
    /// Suggestions for the open review, and the (doc_key, structure revision) they were made for.
    suggestions: Vec<Suggestion>,
    suggestions_key: Option<(u64, u64)>,
    /// The threshold shown in "Accept all suggestions above…", while that dialog is open.
    accept_dialog: Option<f32>,
    article_view: ArticleView,
    claims_panel: ClaimsPanel,
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
    /// The session file as it was when loaded or last saved.
    disk_stamp: Option<crate::io::session_file::DiskStamp>,
    /// A save that found the file changed on disk, waiting for the user's answer; holds what to
    /// do after saving.
    conflict: Option<Option<Intent>>,
    recovery: Option<crate::io::recovery::RecoveryStore>,
    /// Unsaved reviews found on start, offered one at a time.
    recovery_offers: Vec<crate::io::recovery::Recovered>,
    /// (doc_key, revision) last seen, and when it changed: the autosave clock.
    last_change: Option<((u64, u64), std::time::Instant)>,
    /// (doc_key, revision) last written to the recovery file.
    autosaved: Option<(u64, u64)>,
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
            doc: None,
            doc_key: 0,
            selection: None,
            caret: None,
            stats: None,
            suggestions: Vec::new(),
            suggestions_key: None,
            accept_dialog: None,
            article_view: ArticleView::default(),
            claims_panel: ClaimsPanel::default(),
            taxonomy_editor: Default::default(),
            source_summary: Default::default(),
            dialogs,
            pending_dialog: None,
            confirm: None,
            message: None,
            recent,
            window_title: String::new(),
            quitting: false,
            disk_stamp: None,
            conflict: None,
            recovery: None,
            recovery_offers: Vec::new(),
            last_change: None,
            autosaved: None,
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

    /// Writes the unsaved review to its recovery file now.
    pub fn autosave_now(&mut self) {
        self.finish_autosave(true);
        let (Some(store), Some(doc)) = (&self.recovery, &self.doc) else {
            return;
        };
        if !doc.is_dirty() {
            return;
        }
        if background::is_large_session(doc.session()) {
            // Writing a large review takes a good part of a second: never on the UI thread.
            let (store, original) = (store.clone(), doc.path.clone());
            let (changes, snapshot) = (doc.change_count(), doc.session().clone());
            self.autosave_worker = Some(std::thread::spawn(move || {
                store
                    .write(original.as_deref(), changes, &snapshot)
                    .map(|_| ())
                    .map_err(|e| e.to_string())
            }));
            self.autosaved = Some((self.doc_key, doc.revision()));
            return;
        }
        match store.write(doc.path.as_deref(), doc.change_count(), doc.session()) {
            Ok(_) => self.autosaved = Some((self.doc_key, doc.revision())),
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

    /// The autosave clock: a few seconds after the last change, unsaved work goes to the
    /// recovery file; once the review is saved (or undone to its saved state) the file goes.
    fn autosave(&mut self, ctx: &Context) {
        self.finish_autosave(false);
        let (Some(store), Some(doc)) = (&self.recovery, &self.doc) else {
            return;
        };
        let key = (self.doc_key, doc.revision());
        if !doc.is_dirty() {
            if self.autosaved.take().is_some() {
                store.remove(doc.path.as_deref(), doc.session());
                store.remove(None, doc.session());
            }
            return;
        }
        let changed_at = match self.last_change {
            Some((k, t)) if k == key => t,
            _ => {
                let now = std::time::Instant::now();
                self.last_change = Some((key, now));
                now
            }
        };
        if self.autosaved == Some(key) {
            return;
        }
        let waited = changed_at.elapsed();
        if waited >= AUTOSAVE_DELAY {
            self.autosave_now();
        } else {
            ctx.request_repaint_after(AUTOSAVE_DELAY - waited);
        }
    }

    fn forget_recovery(&mut self) {
        self.finish_autosave(true);
        if let (Some(store), Some(doc)) = (&self.recovery, &self.doc) {
            store.remove(doc.path.as_deref(), doc.session());
            store.remove(None, doc.session());
        }
        self.autosaved = None;
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
            let mut doc = Document::new(offer.session.clone(), offer.original.clone());
            doc.mark_unsaved();
            self.set_document(doc, None);
            if let Some(path) = &offer.original {
                self.disk_stamp = crate::io::session_file::disk_stamp(path);
            }
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
                let session =
                    Session::new(crate::samples::sample_article(), Taxonomy::default_preset());
                self.start_review(session);
            }
        }
    }

    // ----- read access, for tests and the status bar -----

    pub fn document(&self) -> Option<&Document> {
        self.doc.as_ref()
    }

    pub fn selection(&self) -> Option<Selection> {
        self.selection
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
    /// why and the open review stays as it was; if it can, unsaved work is offered for saving
    /// before it is replaced.
    pub fn open(&mut self, path: &Path, ctx: &Context) {
        if self.busy() {
            return;
        }
        if background::is_large(path) {
            self.task = Some(Task::open(path.to_path_buf(), ctx));
            return;
        }
        match background::prepare(path, &Default::default()) {
            Ok(opened) => {
                let loaded = Box::new(Loaded {
                    path: path.to_path_buf(),
                    opened,
                });
                self.request(Intent::Replace(loaded), ctx);
            }
            Err(e) => self.message = Some(Message::Error(e.to_string())),
        }
    }

    fn adopt(&mut self, loaded: Loaded) {
        let Loaded { path, opened } = loaded;
        match opened {
            Prepared::Session(session) => {
                self.set_document(Document::new(*session, Some(path.clone())), None);
                self.disk_stamp = crate::io::session_file::disk_stamp(&path);
                self.message = Some(Message::Notice(format!("Opened {}", path.display())));
            }
            Prepared::Review {
                session,
                suggestions,
                encoding,
            } => {
                let count = session.len();
                self.begin(*session, suggestions);
                let decoded = match encoding {
                    "UTF-8" => String::new(),
                    other => format!(" (decoded from {other})"),
                };
                self.message = Some(Message::Notice(format!(
                    "Opened {}{decoded} — {count} sentences",
                    path.display()
                )));
            }
        }
        self.remember(&path);
    }

    /// A new review of an article: suggestions are made once and put in place as unconfirmed
    /// labels, as the starting state (nothing to save until the analyst changes something).
    fn start_review(&mut self, session: Session) {
        let (session, suggestions) = suggest::with_suggestions(session);
        self.begin(session, suggestions);
    }

    fn begin(&mut self, session: Session, suggestions: Vec<Suggestion>) {
        self.set_document(Document::new(session, None), None);
        self.suggestions = suggestions;
        self.suggestions_key = Some((self.doc_key, 0));
    }

    /// Recomputes the suggestions when boundaries or the taxonomy changed (or another review
    /// was opened); labels alone do not affect them.
    fn refresh_suggestions(&mut self) {
        let Some(doc) = &self.doc else { return };
        let key = (self.doc_key, doc.structure_revision());
        if self.suggestions_key != Some(key) {
            self.suggestions = suggest::suggest(doc.session());
            self.suggestions_key = Some(key);
        }
    }

    /// The current suggestions, one per sentence.
    pub fn suggestions(&self) -> &[Suggestion] {
        &self.suggestions
    }

    fn set_document(&mut self, doc: Document, selection: Option<usize>) {
        let empty = doc.session().is_empty();
        self.doc = Some(doc);
        self.doc_key += 1;
        self.stats = None;
        self.caret = None;
        self.disk_stamp = None;
        self.article_view.reset();
        self.claims_panel = ClaimsPanel::default();
        self.selection = if empty {
            None
        } else {
            Some(Selection::single(selection.unwrap_or(0)))
        };
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
        let Some(doc) = &self.doc else {
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
        let Some(doc) = &self.doc else { return };
        match doc.path.clone() {
            Some(path) => {
                // Someone else (a colleague, another window) changed the file since we read it:
                // ask instead of silently overwriting their work.
                let now = crate::io::session_file::disk_stamp(&path);
                if now.is_some() && now != self.disk_stamp {
                    self.conflict = Some(then);
                } else {
                    self.save_to(&path, then, ctx)
                }
            }
            None => self.save_as(then, ctx),
        }
    }

    fn save_as(&mut self, then: Option<Intent>, ctx: &Context) {
        if self.doc.is_none() {
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
        let Some(doc) = &self.doc else { return };
        let state = doc.revision();
        if background::is_large_session(doc.session()) {
            // The worker writes a snapshot; the analyst may go on working meanwhile, and what
            // changes after the snapshot stays marked as unsaved.
            let job = Job::Save { state, then };
            let snapshot = doc.session().clone();
            self.task = Some(Task::save(path.to_path_buf(), snapshot, job, ctx));
            return;
        }
        let result = io::save_session(path, doc.session());
        self.finish_save(path, state, then, result, ctx);
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
        let Some(doc) = &mut self.doc else { return };
        match result {
            Ok(()) => {
                if let Some(store) = &self.recovery {
                    store.remove(doc.path.as_deref(), doc.session());
                    store.remove(None, doc.session());
                }
                self.autosaved = None;
                doc.mark_saved_at(path.to_path_buf(), state);
                self.disk_stamp = crate::io::session_file::disk_stamp(path);
                self.remember(path);
                self.message = Some(Message::Notice(format!("Saved {}", path.display())));
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
                let loaded = Box::new(Loaded { path, opened });
                self.request(Intent::Replace(loaded), ctx);
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
        if self.doc.as_ref().is_some_and(Document::is_dirty) {
            self.confirm = Some(intent);
        } else {
            self.perform(intent, ctx);
        }
    }

    fn perform(&mut self, intent: Intent, ctx: &Context) {
        match intent {
            Intent::Replace(loaded) => self.adopt(*loaded),
            Intent::Quit => {
                self.quitting = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
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
                self.perform(intent, ctx)
            }
            prompt::Answer::Cancel => {}
        }
    }

    // ----- editing -----

    fn apply(&mut self, command: Command) {
        let Some(doc) = &mut self.doc else { return };
        // A label or note change touches a few sentences: update the counts from those alone
        // rather than recounting a book-length review in the frame that shows the change.
        let touched = command.touched_sentences();
        let before: Vec<Annotation> = touched
            .iter()
            .flatten()
            .filter_map(|&i| doc.session().annotations().get(i).cloned())
            .collect();
        let revision_before = doc.revision();
        if let Err(e) = doc.apply(command) {
            self.message = Some(Message::Error(format!("Not changed: {e}")));
            return;
        }
        if let (Some(touched), Some((key, revision, stats))) = (touched, &mut self.stats)
            && (*key, *revision) == (self.doc_key, revision_before)
            && before.len() == touched.len()
        {
            doc.session().update_stats(stats, &touched, &before);
            *revision = doc.revision();
        }
    }

    fn split(&mut self, sentence: usize, at: usize) {
        let Some(doc) = &self.doc else { return };
        match doc.session().split(sentence, at) {
            Ok(command) => {
                self.apply(command);
                self.selection = Some(Selection::single(sentence));
                self.caret = None;
            }
            Err(e) => self.message = Some(Message::Error(format!("Cannot split: {e}"))),
        }
    }

    fn merge(&mut self, sentence: usize) {
        let Some(doc) = &self.doc else { return };
        match doc.session().merge_with_next(sentence) {
            Ok(command) => {
                self.apply(command);
                self.selection = Some(Selection::single(sentence));
            }
            Err(e) => self.message = Some(Message::Error(format!("Cannot merge: {e}"))),
        }
    }

    fn accept_selection(&mut self) {
        let (Some(doc), Some(sel)) = (&self.doc, self.selection) else {
            return;
        };
        match suggest::accept_command(doc.session(), sel.range()) {
            Some(command) => self.apply(command),
            None => {
                self.message = Some(Message::Notice(
                    "No suggestion to accept here; press a label's key to label it".into(),
                ))
            }
        }
    }

    fn rerun_suggestions(&mut self) {
        self.suggestions_key = None;
        self.refresh_suggestions();
        let Some(doc) = &self.doc else { return };
        // Labels and the sources behind them, as one step.
        let steps: Vec<Command> = [
            suggest::place_command(doc.session(), &self.suggestions),
            suggest::propose_sources_command(doc.session(), &self.suggestions),
        ]
        .into_iter()
        .flatten()
        .collect();
        match steps.len() {
            0 => self.message = Some(Message::Notice("Suggestions are up to date".into())),
            1 => self.apply(
                steps
                    .into_iter()
                    .next()
                    .unwrap_or(Command::Batch(Vec::new())),
            ),
            _ => self.apply(Command::Batch(steps)),
        }
    }

    fn accept_above(&mut self, threshold: f32) {
        let Some(doc) = &self.doc else { return };
        if let Some(command) =
            suggest::accept_above_command(doc.session(), &self.suggestions, threshold)
        {
            self.apply(command);
        }
    }

    fn add_place_label(&mut self, place: &str) {
        let Some(doc) = &self.doc else { return };
        let command = suggest::add_place_label_command(doc.session(), &self.suggestions, place);
        self.apply(command);
    }

    /// Re-anchors the open review on a newer version of its article (one undo step).
    pub fn reimport(&mut self, path: &Path) {
        let article = match io::read_article(path) {
            Ok(a) => a,
            Err(e) => {
                self.message = Some(Message::Error(e.to_string()));
                return;
            }
        };
        let Some(doc) = &self.doc else { return };
        let (command, result) = doc.session().reimport(article);
        self.apply(command);
        self.selection = self
            .selection
            .filter(|s| s.head < self.doc.as_ref().map_or(0, |d| d.session().len()));
        self.message = Some(if result.orphaned > 0 {
            Message::Error(format!(
                "Re-imported {}: {} claims in place, {} moved with their text, {} orphaned — \
                 see “Orphaned claims” beside the article",
                path.display(),
                result.kept_in_place,
                result.moved,
                result.orphaned
            ))
        } else {
            Message::Notice(format!(
                "Re-imported {}: {} claims in place, {} moved with their text",
                path.display(),
                result.kept_in_place,
                result.moved
            ))
        });
    }

    pub fn export_labels(&mut self, path: &Path) {
        let Some(doc) = &self.doc else { return };
        self.message = Some(
            match crate::io::taxonomy_file::save_taxonomy(path, doc.session().taxonomy()) {
                Ok(()) => Message::Notice(format!("Exported labels to {}", path.display())),
                Err(e) => Message::Error(e.to_string()),
            },
        );
    }

    pub fn import_labels(&mut self, path: &Path) {
        match crate::io::taxonomy_file::load_taxonomy(path) {
            Ok(taxonomy) => self.apply(Command::ReplaceTaxonomy { taxonomy }),
            Err(e) => self.message = Some(Message::Error(e.to_string())),
        }
    }

    fn windows(&mut self, ctx: &Context) {
        let Some(doc) = &self.doc else { return };
        let (mut edits, file) = self.taxonomy_editor.show(ctx, doc.session());
        edits.extend(self.source_summary.show(ctx, doc.session()));
        for edit in edits {
            match edit {
                Ok(command) => self.apply(command),
                Err(e) => self.message = Some(Message::Error(format!("Not changed: {e}"))),
            }
        }
        match file {
            Some(super::taxonomy_editor::FileRequest::Export) => {
                let suggested = self
                    .doc
                    .as_ref()
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
        let Some(doc) = &self.doc else { return };
        let count = suggest::count_above(doc.session(), &self.suggestions, threshold);
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
            self.accept_above(threshold);
        }
        if accept || cancel || !open {
            self.accept_dialog = None;
        }
    }

    fn label_selection(&mut self, label: Option<LabelId>) {
        let Some(sel) = self.selection else {
            self.message = Some(Message::Notice("Select a sentence first".into()));
            return;
        };
        self.apply(Command::label(sel.range(), label));
    }

    /// Selects sentences and brings the head into view in the article and the claims list.
    pub fn select(&mut self, selection: Selection) {
        self.selection = Some(selection);
        self.article_view.reveal(selection.head);
        self.claims_panel.reveal(selection.head);
    }

    pub fn run_action(&mut self, action: Action, ctx: &Context) {
        let count = self.doc.as_ref().map_or(0, |d| d.session().len());
        let current = self.selection;
        match action {
            Action::Open => self.ask(DialogKind::Open, DialogPurpose::Open, ctx),
            Action::Reimport if self.doc.is_some() => {
                self.ask(DialogKind::ReimportArticle, DialogPurpose::Reimport, ctx)
            }
            Action::Save => self.save(None, ctx),
            Action::SaveAs => self.save_as(None, ctx),
            Action::Quit => self.request(Intent::Quit, ctx),
            Action::Undo => {
                if let Some(doc) = &mut self.doc {
                    doc.undo();
                }
            }
            Action::Redo => {
                if let Some(doc) = &mut self.doc {
                    doc.redo();
                }
            }
            Action::NextSentence
            | Action::PreviousSentence
            | Action::FirstSentence
            | Action::LastSentence
            | Action::ExtendDown
            | Action::ExtendUp
                if count > 0 =>
            {
                let sel = current.unwrap_or(Selection::single(0));
                let next = match action {
                    Action::NextSentence => sel.moved(1, count),
                    Action::PreviousSentence => sel.moved(-1, count),
                    Action::FirstSentence => Selection::single(0),
                    Action::LastSentence => Selection::single(count - 1),
                    Action::ExtendDown => sel.extended(1, count),
                    _ => sel.extended(-1, count),
                };
                self.select(next);
            }
            Action::NextUnlabelled => {
                let found = self
                    .doc
                    .as_ref()
                    .and_then(|d| d.session().next_unreviewed(current.map(|s| s.head)));
                match found {
                    Some(i) => self.select(Selection::single(i)),
                    None => {
                        self.message = Some(Message::Notice(
                            "Every sentence has a confirmed label".into(),
                        ))
                    }
                }
            }
            Action::ClearLabel => self.label_selection(None),
            Action::AcceptSuggestion => self.accept_selection(),
            Action::RerunSuggestions => self.rerun_suggestions(),
            Action::AcceptAbove => self.accept_dialog = Some(0.85),
            Action::EditLabels => self.taxonomy_editor.open = true,
            Action::SourceSummary => self.source_summary.open = !self.source_summary.open,
            Action::SplitAtCaret => {
                match (current, self.caret) {
                    (Some(sel), Some(at)) => self.split(sel.head, at),
                    _ => self.message = Some(Message::Notice(
                        "Click the point in the sentence where it should be split, then press S"
                            .into(),
                    )),
                }
            }
            Action::MergeWithNext => {
                if let Some(sel) = current {
                    self.merge(*sel.range().start());
                }
            }
            Action::ShowHelp => self.show_help = !self.show_help,
            Action::Label(c) => {
                let id = self
                    .doc
                    .as_ref()
                    .and_then(|d| d.session().taxonomy().by_key(c).map(|l| l.id.clone()));
                if let Some(id) = id {
                    self.label_selection(Some(id));
                }
            }
            Action::Reliability(_) | Action::Credibility(_) => {
                if let (Some(doc), Some(sel)) = (&self.doc, self.selection)
                    && let Some(outcome) =
                        super::inspector::grade_command(doc.session(), sel.head, action)
                {
                    match outcome {
                        Ok(command) => self.apply(command),
                        Err(e) => self.message = Some(Message::Error(format!("Not changed: {e}"))),
                    }
                }
            }
            // The note editor keeps its note itself; with no review open, re-import and
            // moving have nothing to act on.
            Action::FinishNote
            | Action::Reimport
            | Action::NextSentence
            | Action::PreviousSentence
            | Action::FirstSentence
            | Action::LastSentence
            | Action::ExtendDown
            | Action::ExtendUp => {}
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
            if self.handle_key(ctx, key, modifiers, typing) {
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
    fn handle_key(
        &mut self,
        ctx: &Context,
        key: egui::Key,
        modifiers: egui::Modifiers,
        typing: bool,
    ) -> bool {
        let Some(key) = key_from_egui(key) else {
            return false;
        };
        let table = entries(self.doc.as_ref().map(|d| d.session().taxonomy()));
        match lookup(&table, mods_from_egui(modifiers), key, typing, false) {
            Some(action) => {
                self.run_action(action, ctx);
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
        if self.doc.as_ref().is_some_and(Document::is_dirty) {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.confirm = Some(Intent::Quit);
        }
    }

    fn update_title(&mut self, ctx: &Context) {
        let title = match &self.doc {
            None => "claimlens".to_string(),
            Some(doc) => {
                let name = match &doc.path {
                    Some(p) => p
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    None => format!("{} (new review)", doc.session().article().title),
                };
                let mark = if doc.is_dirty() { "● " } else { "" };
                format!("{mark}{name} — claimlens")
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

    fn current_stats(&mut self) -> Option<Stats> {
        let doc = self.doc.as_ref()?;
        let key = (self.doc_key, doc.revision());
        match &self.stats {
            Some((k, r, stats)) if (*k, *r) == key => Some(stats.clone()),
            _ => {
                let stats = doc.session().stats();
                self.stats = Some((key.0, key.1, stats.clone()));
                Some(stats)
            }
        }
    }

    fn handle_view_events(&mut self, events: Vec<ViewEvent>) {
        for event in events {
            match event {
                ViewEvent::Select(i) => {
                    self.selection = Some(Selection::single(i));
                    self.claims_panel.reveal(i);
                }
                ViewEvent::ExtendTo(i) => {
                    let sel = self.selection.unwrap_or(Selection::single(i));
                    self.selection = Some(sel.extended_to(i));
                    self.claims_panel.reveal(i);
                }
                ViewEvent::Label(label) => self.label_selection(label),
                ViewEvent::Note(i, note) => self.apply(Command::SetNote { sentence: i, note }),
                ViewEvent::Caret(at) => self.caret = Some(at),
                ViewEvent::Split(i, at) => self.split(i, at),
                ViewEvent::Merge(i) => self.merge(i),
            }
        }
    }

    fn handle_panel_events(&mut self, events: Vec<PanelEvent>) {
        for event in events {
            match event {
                PanelEvent::Label(label) => self.label_selection(label),
                PanelEvent::Reveal(i) => {
                    self.selection = Some(Selection::single(i));
                    self.article_view.reveal(i);
                }
                PanelEvent::Note(i, note) => self.apply(Command::SetNote { sentence: i, note }),
                PanelEvent::Accept => self.accept_selection(),
                PanelEvent::AddPlaceLabel(place) => self.add_place_label(&place),
                PanelEvent::Edit(Ok(command)) => self.apply(command),
                PanelEvent::Edit(Err(e)) => {
                    self.message = Some(Message::Error(format!("Not changed: {e}")))
                }
            }
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
            .show(ui, |ui| menu::menu_bar(ui, self.doc.as_ref(), &self.recent))
            .inner;
        for choice in menu_actions {
            match choice {
                menu::Choice::Action(action) => self.run_action(action, &ctx),
                menu::Choice::OpenRecent(path) => self.open(&path, &ctx),
            }
        }
        self.error_banner(ui);

        self.refresh_suggestions();
        let stats = self.current_stats();
        let notice = match &self.message {
            Some(Message::Notice(n)) => Some(n.as_str()),
            _ => None,
        };
        let progress = self.progress();
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            status_bar::show(
                ui,
                self.doc.as_ref(),
                self.selection,
                (notice, progress.as_deref()),
            )
        });

        if let (Some(doc), Some(stats)) = (&self.doc, &stats) {
            let events = egui::Panel::right("claims_panel")
                .resizable(true)
                .default_size(400.0)
                .min_size(260.0)
                .show(ui, |ui| {
                    self.claims_panel.show(
                        ui,
                        (doc.session(), &self.suggestions),
                        stats,
                        (self.doc_key, doc.revision()),
                        self.selection,
                    )
                })
                .inner;
            let view_events = egui::CentralPanel::default()
                .show(ui, |ui| {
                    self.article_view.show(
                        ui,
                        doc.session(),
                        &self.suggestions,
                        self.doc_key,
                        (self.selection, self.caret),
                    )
                })
                .inner;
            self.handle_panel_events(events);
            self.handle_view_events(view_events);
        } else {
            egui::CentralPanel::default().show(ui, Self::empty_state);
        }

        self.accept_dialog(&ctx);
        self.windows(&ctx);
        self.recovery_prompt(&ctx);
        self.autosave(&ctx);
        if self.show_help {
            let labels = self.doc.as_ref().map(|d| d.session().taxonomy());
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
                    if let Some(path) = self.doc.as_ref().and_then(|d| d.path.clone()) {
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
    }
}
