//! The open reviews and the one function that changes them: [`Workspace::handle`] takes what
//! the analyst asked for ([`AppCommand`]) and returns what the shell must do about it
//! ([`Effect`]): scroll a view to a sentence, show a file dialog, run a worker, close the
//! window, open one of the shell's windows. What the analyst is asked and told (questions,
//! messages, recovery offers) is workspace state that the shell draws.

use super::autosave::Flight;
use super::command_table::Action;
use super::editing::edit;
use super::flow::{Answer, DialogKind, DialogPurpose, Intent, Question};
use super::jobs::{Job, Outcome, Running};
use super::open::Prepared;
use super::review::OpenReview;
use super::selection::Selection;
use crate::io::recovery::{Recovered, RecoveryStore};
use crate::io::session_file;
use crate::model::suggest::Suggestion;
use crate::model::{Command, CommandError, Document, LabelId, Session, Stats};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// A message for the analyst: errors stay until dismissed, notices show in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    Error(String),
    Notice(String),
}

/// Everything the analyst can ask of the open reviews.
#[derive(Debug)]
pub enum AppCommand {
    /// A command from the table (keys, menus).
    Run(Action),
    /// An edit built by a panel or window (labels, record, taxonomy, orphans).
    Edit(Result<Command, CommandError>),
    Select(Selection),
    /// Finds these words in the article and its notes (the find bar's text); the first match
    /// at or after the selection becomes current.
    Find(String),
    /// The find bar closed.
    CloseFind,
    /// The analyst clicked a sentence in one view: the other view follows.
    Pick {
        sentence: usize,
        from: View,
    },
    /// Grows the selection to sentence `n` (Shift+click).
    ExtendTo(usize),
    /// The analyst clicked this byte of the text: where a split would cut.
    Caret(usize),
    SetNote {
        sentence: usize,
        note: String,
    },
    /// Labels the selected sentences (or clears them, with `None`), as one step.
    Label(Option<crate::model::LabelId>),
    Split {
        sentence: usize,
        at: usize,
    },
    Merge(usize),
    /// Confirms every suggestion at least this confident, as one step.
    AcceptAbove(f32),
    /// Adds "Source in <place>" and suggests it where that place was named.
    AddPlaceLabel(String),
    /// Adds the place to this label's other names, and suggests the label where it is the
    /// source's place.
    AddPlaceToLabel {
        place: String,
        label: LabelId,
    },
    /// Opens an article or a session as a review of its own (a large file on a worker).
    Open(PathBuf),
    /// Opens a file on this thread however large: the files named at start, before the window
    /// shows.
    OpenWaiting(PathBuf),
    /// Opens each of these files; every failure is listed in one message.
    OpenAll(Vec<PathBuf>),
    /// Reopens the saved reviews open at the last quit, each at its selected sentence.
    Reopen(Vec<(PathBuf, usize)>),
    /// A new review of the bundled sample report.
    OpenSample,
    /// A new review of this text (from the clipboard): unsaved, named on first save.
    NewFromText(String),
    /// HTML copied from a browser, where the platform's clipboard offers it.
    NewFromHtml(String),
    /// Makes a file that was read a review of its own.
    Adopt {
        path: PathBuf,
        prepared: Prepared,
    },
    /// A new review of an article already split and suggested (the bundled sample).
    Begin {
        session: Box<Session>,
        suggestions: Vec<Suggestion>,
    },
    /// Unsaved work found after a crash, restored as unsaved.
    Restore {
        session: Box<Session>,
        original: Option<PathBuf>,
    },
    /// Re-anchors the open review on a newer version of its article read from this file (one
    /// undo step).
    Reimport(PathBuf),
    /// Writes the open review's labels to a preset file.
    ExportLabels(PathBuf),
    /// Imports another tool's annotations as a new review (of the shown review's article).
    ImportAnnotations(PathBuf),
    /// Asks where to export the open review in `format`.
    AskExport(crate::io::export::Format),
    /// Exports the open review in `format` to `path` (and, for brat and Label Studio, the
    /// files that go beside it).
    Export {
        format: crate::io::export::Format,
        path: PathBuf,
    },
    /// Compares the shown review with another analyst's review of the article in this file.
    CompareWith(PathBuf),
    /// Replaces the open review's labels by a preset file's (one undo step).
    ImportLabels(PathBuf),
    /// Makes review `n` (in [`Workspace::reviews`] order) the one shown.
    Activate(usize),
    /// Sets the preference Go › Move on after labelling (as kept from the last run).
    MoveOnAfterLabel(bool),
    /// Writes the open review to `path` (a large one on a worker).
    SaveTo(PathBuf),
    /// The answer of the file dialog asked for with [`Effect::AskPath`]: `None` if cancelled,
    /// or if no dialog could be shown at all (`shown` false).
    PathChosen {
        path: Option<PathBuf>,
        shown: bool,
    },
    /// A worker started with [`Effect::Start`] finished an open or a save.
    Finished(Outcome),
    /// A worker finished writing a recovery copy.
    AutosaveDone(Result<(), String>),
    /// The autosave clock: the time now.
    Tick(Instant),
    /// Writes every unsaved review's recovery copy now.
    AutosaveNow,
    /// The answer to the question asked ([`Workspace::question`]).
    Answer(Answer),
    /// Restore (`true`) or discard the first recovery copy offered.
    Recover(bool),
    /// The window's close button was pressed.
    CloseRequested,
    /// Asks where to export the open review's labels.
    AskExportLabels,
    /// Asks for a label preset to import.
    AskImportLabels,
    /// The analyst dismissed the message shown.
    DismissMessage,
    /// The analyst's name as kept from the last run, and whether it was asked for already.
    SetAnalyst {
        name: Option<String>,
        asked: bool,
    },
    /// The answer to "Your name": the name, or `None` to go on without one.
    AnalystNamed(Option<String>),
    /// Opens this folder as the desk: its reports listed, searched, opened from there.
    OpenFolder(PathBuf),
    /// What the analyst did on the desk.
    Desk(super::desk::DeskCommand),
    /// The answer to Review › Article details…: the details to set, or `None` (Cancel).
    DetailsAnswered(Option<super::details::Details>),
}

/// The two views of a review that show its sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Article,
    ClaimsList,
}

/// What the shell does after a command.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Message(Message),
    /// Bring this sentence into view in the article and the claims list.
    Reveal(usize),
    /// Bring this sentence into view in the claims list only (the analyst clicked it in the
    /// article, which is where it already is).
    RevealInList(usize),
    /// Bring this sentence into view in the article only (clicked in the list).
    RevealInArticle(usize),
    /// Another review was opened and is shown: its views start afresh.
    NewReview,
    /// The review with this key was closed: its views can go.
    Closed(u64),
    /// The review was saved at `path` (it was `previous` before); its recovery copy is gone.
    Saved {
        path: PathBuf,
        previous: Option<PathBuf>,
    },
    /// Show this file dialog and report with [`AppCommand::PathChosen`].
    AskPath(DialogKind),
    /// Run this on a worker thread and report when done.
    Start(Job),
    /// Come back with [`AppCommand::Tick`] after this long, even with no input.
    WakeIn(Duration),
    /// Every review is saved or given up: the window closes.
    CloseWindow,
    /// The window stays open (its close button was pressed with work outstanding).
    CancelClose,
    /// A command that opens one of the shell's windows (help, label editor, source summary,
    /// "accept above") or acts inside one (finish the note being typed).
    Shell(Action),
}

#[derive(Default)]
pub struct Workspace {
    pub(super) reviews: Vec<OpenReview>,
    pub(super) active: Option<usize>,
    /// Gives each review opened in this run its own key.
    opened: u64,
    /// The last message for the analyst: errors stay until dismissed.
    pub(super) message: Option<Message>,
    /// Files opened or saved, most recent first.
    pub(super) recent: Vec<PathBuf>,
    /// The question waiting for the analyst's answer.
    pub(super) question: Option<Question>,
    /// What the file dialog on screen is for.
    pub(super) dialog: Option<DialogPurpose>,
    /// The open or save a worker is running.
    pub(super) running: Option<Running>,
    /// The analyst agreed to quit; the window may close.
    pub(super) quitting: bool,
    /// The window was closed while a worker ran: close once it is done.
    pub(super) close_when_idle: bool,
    pub(super) recovery: Option<RecoveryStore>,
    /// Unsaved reviews found on start, offered one at a time.
    pub(super) offers: Vec<Recovered>,
    /// The recovery copy a worker is writing.
    pub(super) autosaving: Option<Flight>,
    /// Go › Move on after labelling, turned off: a label key or Enter keeps the selection.
    pub(super) stay_after_label: bool,
    /// When the notice shown was first seen by a [`AppCommand::Tick`]: it goes after
    /// `messages::NOTICE_LIFETIME`.
    pub(super) notice_seen: Option<Instant>,
    /// The analyst's name, as saves record it (a preference).
    pub(super) analyst: Option<String>,
    /// The name was asked for once already (answered or skipped).
    pub(super) analyst_asked: bool,
    /// The folder open as a desk.
    pub(super) desk: Option<super::desk::Desk>,
    /// The desk is shown in place of the review.
    pub(super) desk_shown: bool,
    /// Where desks' lists are kept between runs (the user's cache folder), if anywhere.
    pub(super) desk_cache: Option<PathBuf>,
    /// Review › Article details… is asked, of this review.
    pub(super) details: Option<super::details::Asked>,
}

pub(super) fn notice(text: impl Into<String>) -> Effect {
    Effect::Message(Message::Notice(text.into()))
}

pub(super) fn error(text: impl Into<String>) -> Effect {
    Effect::Message(Message::Error(text.into()))
}

impl Workspace {
    /// A workspace with nothing open that remembers these recent files.
    pub fn new(recent: Vec<PathBuf>) -> Self {
        Workspace {
            recent,
            ..Default::default()
        }
    }

    /// Keeps each desk's list of reports in `cache` between runs, so that a folder opened again
    /// lists its reports at once while it is read afresh.
    pub fn with_desk_cache(mut self, cache: PathBuf) -> Self {
        self.desk_cache = Some(cache);
        self
    }

    /// Keeps unsaved work in `store`, and offers what a crashed run left there.
    pub fn with_recovery(mut self, store: RecoveryStore) -> Self {
        self.offers = store.found();
        self.recovery = Some(store);
        self
    }

    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref()
    }

    pub fn recent(&self) -> &[PathBuf] {
        &self.recent
    }

    /// Whether a label key or Enter moves on to the next sentence to review (a preference).
    pub fn moves_on_after_label(&self) -> bool {
        !self.stay_after_label
    }

    pub fn question(&self) -> Option<&Question> {
        self.question.as_ref()
    }

    /// Unsaved reviews waiting for "Restore" or "Discard".
    pub fn recovery_offers(&self) -> &[Recovered] {
        &self.offers
    }

    pub fn is_quitting(&self) -> bool {
        self.quitting
    }

    /// Whether a worker is opening or saving a file.
    pub fn is_busy(&self) -> bool {
        self.running.is_some()
    }

    /// Whether the analyst is being asked something (a question, a file dialog, a recovery
    /// offer): keys then go to that, not to the review.
    pub fn is_waiting(&self) -> bool {
        self.question.is_some()
            || self.dialog.is_some()
            || !self.offers.is_empty()
            || self.details_asked().is_some()
    }

    pub fn active(&self) -> Option<&OpenReview> {
        self.active.and_then(|i| self.reviews.get(i))
    }

    pub(super) fn active_mut(&mut self) -> Option<&mut OpenReview> {
        self.active.and_then(|i| self.reviews.get_mut(i))
    }

    /// The open reviews, in tab order.
    pub fn reviews(&self) -> &[OpenReview] {
        &self.reviews
    }

    /// Which of [`Workspace::reviews`] is shown.
    pub fn active_index(&self) -> Option<usize> {
        self.active
    }

    /// The first review with unsaved changes, if any.
    pub fn first_unsaved(&self) -> Option<usize> {
        self.reviews.iter().position(|r| r.doc.is_dirty())
    }

    /// The review already open for `path`: its session file, or the article a new review was
    /// made from.
    pub fn find_open(&self, path: &std::path::Path) -> Option<usize> {
        let canonical = |p: &std::path::Path| std::fs::canonicalize(p).ok();
        let wanted = canonical(path)?;
        self.reviews.iter().position(|r| {
            let doc = &r.doc;
            let file = doc.path.as_deref().and_then(canonical);
            let article = doc
                .session()
                .article()
                .source_path
                .as_deref()
                .map(std::path::Path::new)
                .and_then(canonical);
            file.as_ref() == Some(&wanted)
                || (doc.path.is_none() && article == Some(wanted.clone()))
        })
    }

    pub fn document(&self) -> Option<&Document> {
        self.active().map(OpenReview::document)
    }

    pub fn selection(&self) -> Option<Selection> {
        self.active().and_then(OpenReview::selection)
    }

    /// The open review's suggestions, brought up to date with its boundaries and labels.
    pub fn suggestions(&mut self) -> &[Suggestion] {
        match self.active_mut() {
            Some(r) => {
                r.refresh_suggestions();
                &r.suggestions
            }
            None => &[],
        }
    }

    /// The shown review's comparison, brought up to date with its latest change; a failure
    /// to line the two up again (after a re-import, say) ends the comparison, with a message.
    pub fn comparison(&mut self) -> Option<&super::compare::Comparison> {
        let review = self.active_mut()?;
        if let Some(e) = review.refresh_comparison() {
            review.compare = None;
            self.message = Some(Message::Error(format!("Stopped comparing: {e}")));
            return None;
        }
        self.active().and_then(|r| r.comparison())
    }

    /// The open review's label counts.
    pub fn stats(&mut self) -> Option<Stats> {
        self.active_mut().map(OpenReview::stats)
    }

    /// Adds `doc` as a review of its own, after the shown one, and shows it.
    pub(super) fn install(
        &mut self,
        doc: Document,
        suggestions: Option<Vec<Suggestion>>,
    ) -> Vec<Effect> {
        self.opened += 1;
        let review = OpenReview::new(doc, self.opened, suggestions);
        let at = self.active.map_or(self.reviews.len(), |i| i + 1);
        self.reviews.insert(at, review);
        self.active = Some(at);
        self.desk_shown = false;
        vec![Effect::NewReview]
    }

    pub(super) fn close(&mut self) -> Vec<Effect> {
        let Some(i) = self.active else {
            return Vec::new();
        };
        if self.reviews[i].doc.is_dirty()
            && let Some(file) = self.desk_file(i)
            && let Some(desk) = self.desk.as_mut()
        {
            // Its changes are let go: the desk shows the file's details again.
            desk.forget(&file);
        }
        let closed = self.reviews.remove(i);
        // The neighbour to the left takes its place, as closing a tab does elsewhere.
        self.active = match self.reviews.len() {
            0 => None,
            n => Some(i.saturating_sub(1).min(n - 1)),
        };
        vec![Effect::Closed(closed.key)]
    }

    /// A key meant for the shown review while the desk is shown: the arrows move along the
    /// desk's lines and Enter opens one; edits of the review behind it are not made unseen.
    fn desk_key(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::NextSentence | Action::ExtendDown | Action::NextUnlabelled => self.desk_step(1),
            Action::PreviousSentence | Action::ExtendUp => self.desk_step(-1),
            Action::FirstSentence => self.desk_step(isize::MIN),
            Action::LastSentence => self.desk_step(isize::MAX),
            Action::AcceptSuggestion => {
                return self.on_desk(super::desk::DeskCommand::OpenPointed);
            }
            _ => {}
        }
        Vec::new()
    }

    fn cycle(&mut self, step: isize) -> Vec<Effect> {
        let n = self.reviews.len();
        if let Some(i) = self.active
            && n > 1
        {
            self.active = Some((i as isize + step).rem_euclid(n as isize) as usize);
        }
        Vec::new()
    }

    /// The only place application state changes.
    pub fn handle(&mut self, command: AppCommand) -> Vec<Effect> {
        // A notice answers the analyst's last step: the next step that works replaces it.
        let analysts_step = matches!(
            command,
            AppCommand::Run(_) | AppCommand::Edit(_) | AppCommand::Select(_)
        );
        let edited = |w: &Workspace| w.active().map(|r| (r.key, r.doc.revision()));
        let before = edited(self);
        let effects = match command {
            AppCommand::Tick(now) => {
                let mut effects = self.age_notice(now);
                effects.extend(self.desk_tick(now));
                effects.extend(self.handle_one(command));
                effects
            }
            command => self.handle_one(command),
        };
        if self.details.is_some() {
            // Details asked of a report being opened are asked once it is.
            self.details_opened();
        }
        if self.desk.is_some()
            && let (Some(i), after) = (self.active, edited(self))
            && after != before
        {
            // An edit, an undo, a re-import: the desk's line shows the tab's title and outlet.
            self.restate_desk_row(i);
        }
        self.settle_message(&effects, analysts_step);
        effects
    }

    fn handle_one(&mut self, command: AppCommand) -> Vec<Effect> {
        let open = self.active.is_some();
        match command {
            AppCommand::Run(Action::ArticleDetails) => self.ask_details(),
            AppCommand::DetailsAnswered(details) => self.details_answered(details),
            AppCommand::Run(action) if self.desk_shown() && action.acts_on_shown_review() => {
                self.desk_key(action)
            }
            AppCommand::OpenFolder(dir) => self.open_desk(dir),
            AppCommand::Desk(command) => self.on_desk(command),
            AppCommand::Finished(Outcome::Scanned(scanned)) => self.scanned(*scanned),
            AppCommand::Run(Action::ShowDesk) => match self.desk.is_some() {
                true => {
                    self.desk_shown = !self.desk_shown || self.active.is_none();
                    Vec::new()
                }
                false => self.ask(DialogKind::OpenFolder, DialogPurpose::OpenFolder),
            },
            AppCommand::Run(Action::NextReport) => self.next_report(),
            AppCommand::Open(path) => self.open(path, false),
            AppCommand::OpenWaiting(path) => self.open(path, true),
            AppCommand::OpenAll(paths) => self.open_all(paths),
            AppCommand::Reopen(reviews) => self.reopen(reviews),
            AppCommand::NewFromText(text) => super::open::from_clipboard(self, &text),
            AppCommand::NewFromHtml(html) => super::open::from_clipboard_html(self, &html),
            AppCommand::OpenSample => {
                let article = crate::samples::sample_article();
                let (session, suggestions) = super::open::new_review(article, &Default::default());
                self.install(Document::new(session, None), Some(suggestions))
            }
            AppCommand::Adopt { path, prepared } => self.adopt(path, prepared),
            AppCommand::Activate(i) if i < self.reviews.len() => {
                self.active = Some(i);
                self.desk_shown = false;
                Vec::new()
            }
            AppCommand::Activate(_) => Vec::new(),
            AppCommand::Run(Action::NextReview) => {
                self.desk_shown = false;
                self.cycle(1)
            }
            AppCommand::Run(Action::PreviousReview) => {
                self.desk_shown = false;
                self.cycle(-1)
            }
            AppCommand::Run(Action::Open) => self.ask(DialogKind::Open, DialogPurpose::Open),
            AppCommand::Run(Action::MoveOnAfterLabel) => {
                self.stay_after_label = !self.stay_after_label;
                Vec::new()
            }
            AppCommand::MoveOnAfterLabel(on) => {
                self.stay_after_label = !on;
                Vec::new()
            }
            AppCommand::Run(Action::OpenFolder) => {
                self.ask(DialogKind::OpenFolder, DialogPurpose::OpenFolder)
            }
            AppCommand::Run(Action::Save) => self.save(None),
            AppCommand::Run(Action::SaveAs) => self.save_as(None),
            AppCommand::Run(Action::Quit) => self.request(Intent::Quit),
            AppCommand::Run(Action::CloseReview) if open => self.request(Intent::Close),
            AppCommand::Run(Action::Reimport) if open => {
                self.ask(DialogKind::ReimportArticle, DialogPurpose::Reimport)
            }
            AppCommand::Run(Action::CloseReview | Action::Reimport) => Vec::new(),
            AppCommand::AskExportLabels => match self.active() {
                Some(r) => {
                    let suggested = r.suggested_labels_path();
                    self.ask(
                        DialogKind::ExportLabels { suggested },
                        DialogPurpose::ExportLabels,
                    )
                }
                None => Vec::new(),
            },
            AppCommand::AskExport(format) => match self.active() {
                Some(r) => {
                    let suggested = r.suggested_export_path(format);
                    self.ask(
                        DialogKind::Export { format, suggested },
                        DialogPurpose::Export(format),
                    )
                }
                None => Vec::new(),
            },
            AppCommand::AskImportLabels if open => {
                self.ask(DialogKind::ImportLabels, DialogPurpose::ImportLabels)
            }
            AppCommand::AskImportLabels => Vec::new(),
            AppCommand::Begin {
                session,
                suggestions,
            } => self.install(Document::new(*session, None), Some(suggestions)),
            AppCommand::Restore { session, original } => {
                let mut doc = Document::new(*session, original.clone());
                doc.mark_unsaved();
                let effects = self.install(doc, None);
                if let (Some(path), Some(r)) = (&original, self.active_mut()) {
                    r.disk_stamp = session_file::disk_stamp(path);
                }
                effects
            }
            AppCommand::SaveTo(path) => self.save_to(path, None),
            AppCommand::PathChosen { path, shown } => self.path_chosen(path, shown),
            AppCommand::Finished(outcome) => self.finished(outcome),
            AppCommand::AutosaveDone(result) => self.autosave_done(result),
            AppCommand::Tick(now) => self.tick(now),
            AppCommand::AutosaveNow => self.autosave_now(),
            AppCommand::Answer(answer) => self.answer(answer),
            AppCommand::Recover(restore) => self.recover(restore),
            AppCommand::CloseRequested => self.close_requested(),
            AppCommand::SetAnalyst { name, asked } => {
                self.set_analyst(name, asked);
                Vec::new()
            }
            AppCommand::AnalystNamed(name) => self.named(name),
            AppCommand::Run(Action::AnalystName) => self.ask_name(),
            AppCommand::Run(Action::ImportAnnotations) => self.ask(
                DialogKind::ImportAnnotations,
                DialogPurpose::ImportAnnotations,
            ),
            AppCommand::ImportAnnotations(path) => self.import_annotations(&path),
            AppCommand::Run(Action::CompareWith) if open => {
                self.ask(DialogKind::CompareWith, DialogPurpose::CompareWith)
            }
            AppCommand::CompareWith(path) => self.compare_with(path),
            AppCommand::Run(
                a @ (Action::StopComparing
                | Action::NextDisagreement
                | Action::PreviousDisagreement
                | Action::TakeA
                | Action::TakeB
                | Action::TakeAllA),
            ) if open => self.adjudicate(a, !self.stay_after_label),
            AppCommand::Run(Action::Label(key))
                if self
                    .active()
                    .is_some_and(|r| r.is_adjudication() && r.comparison().is_some()) =>
            {
                let move_on = !self.stay_after_label;
                match self.decide_label(|l| l.key == Some(key), move_on) {
                    Some(effects) => effects,
                    None => match self.active_mut() {
                        Some(review) => edit(review, command, move_on),
                        None => Vec::new(),
                    },
                }
            }
            AppCommand::Label(Some(ref id))
                if self
                    .active()
                    .is_some_and(|r| r.is_adjudication() && r.comparison().is_some()) =>
            {
                let id = id.clone();
                match self.decide_label(|l| l.id == id, false) {
                    Some(effects) => effects,
                    None => match self.active_mut() {
                        Some(review) => edit(review, command, false),
                        None => Vec::new(),
                    },
                }
            }
            AppCommand::DismissMessage => {
                self.message = None;
                Vec::new()
            }
            command => match (!self.stay_after_label, self.active_mut()) {
                (move_on, Some(review)) => edit(review, command, move_on),
                // With nothing open, only what needs no review reaches the shell.
                (_, None) => match command {
                    AppCommand::Run(
                        a @ (Action::ShowHelp
                        | Action::BuiltInFileDialog
                        | Action::DarkTheme
                        | Action::NewFromClipboard),
                    ) => {
                        vec![Effect::Shell(a)]
                    }
                    _ => Vec::new(),
                },
            },
        }
    }

    /// A file read and prepared becomes a review of its own.
    pub(super) fn install_prepared(&mut self, path: PathBuf, prepared: Prepared) -> Vec<Effect> {
        match prepared {
            Prepared::Session(session) => {
                let mut effects = self.install(Document::new(*session, Some(path.clone())), None);
                if let Some(r) = self.active_mut() {
                    r.disk_stamp = session_file::disk_stamp(&path);
                }
                effects.push(notice(format!("Opened {}", path.display())));
                effects
            }
            Prepared::Review {
                session,
                suggestions,
                encoding,
            } => {
                let count = session.len();
                let mut effects = self.install(Document::new(*session, None), Some(suggestions));
                let opened = format!("Opened {} — {count} sentences", path.display());
                let message = match encoding {
                    "UTF-8" | "docx" | "odt" | "MHTML" => opened,
                    // First, where a narrow status bar still shows it.
                    crate::io::pdf::BUILT_IN | crate::io::pdf::POPPLER => format!(
                        "Check sentence boundaries: lines, columns and pages of this {encoding} \
                         were re-joined by judgement. {opened}"
                    ),
                    other => format!(
                        "Opened {} (decoded from {other}) — {count} sentences",
                        path.display()
                    ),
                };
                effects.push(notice(message));
                effects
            }
        }
    }
}
