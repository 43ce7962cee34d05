//! The open reviews and the one function that changes them: [`Workspace::handle`] takes what
//! the analyst asked for ([`AppCommand`]) and returns what the shell must do about it
//! ([`Effect`]): show a message, scroll a view to a sentence, or run a flow the shell still
//! owns (file dialogs, confirmations, windows).

use super::command_table::Action;
use super::editing::edit;
use super::open::Prepared;
use super::review::OpenReview;
use super::selection::Selection;
use crate::io::{self, session_file};
use crate::model::suggest::Suggestion;
use crate::model::{Command, CommandError, Document, Session, Stats};
use std::path::PathBuf;

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
    /// Makes a file that was read the open review, in place of the current one.
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
    /// Replaces the open review's labels by a preset file's (one undo step).
    ImportLabels(PathBuf),
    /// Makes review `n` (in [`Workspace::reviews`] order) the one shown.
    Activate(usize),
    /// Closes the open review without asking (the shell has asked about unsaved work).
    Close,
    /// Writes the open review to `path` (on this thread; the shell sends large reviews to a
    /// worker and reports with [`AppCommand::Saved`]).
    SaveTo(PathBuf),
    /// A save of the open review as it was at revision `state` reached the disk.
    Saved {
        path: PathBuf,
        state: u64,
    },
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
    /// The review was saved at `path` (it was `previous` before): forget its recovery copy,
    /// remember the path.
    Saved {
        path: PathBuf,
        previous: Option<PathBuf>,
    },
    /// A command whose flow (a dialog, a window, a confirmation) the shell runs.
    Shell(Action),
}

#[derive(Default)]
pub struct Workspace {
    reviews: Vec<OpenReview>,
    active: Option<usize>,
    /// Gives each review opened in this run its own key.
    opened: u64,
}

pub(super) fn notice(text: impl Into<String>) -> Effect {
    Effect::Message(Message::Notice(text.into()))
}

pub(super) fn error(text: impl Into<String>) -> Effect {
    Effect::Message(Message::Error(text.into()))
}

impl Workspace {
    pub fn active(&self) -> Option<&OpenReview> {
        self.active.and_then(|i| self.reviews.get(i))
    }

    pub(crate) fn active_mut(&mut self) -> Option<&mut OpenReview> {
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

    /// Every open review, for the shell's autosave clock.
    pub(crate) fn reviews_mut(&mut self) -> &mut [OpenReview] {
        &mut self.reviews
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

    /// The open review's label counts.
    pub fn stats(&mut self) -> Option<Stats> {
        self.active_mut().map(OpenReview::stats)
    }

    /// Adds `doc` as a review of its own, after the shown one, and shows it.
    fn install(&mut self, doc: Document, suggestions: Option<Vec<Suggestion>>) -> Vec<Effect> {
        self.opened += 1;
        let review = OpenReview::new(doc, self.opened, suggestions);
        let at = self.active.map_or(self.reviews.len(), |i| i + 1);
        self.reviews.insert(at, review);
        self.active = Some(at);
        vec![Effect::NewReview]
    }

    fn close(&mut self) -> Vec<Effect> {
        let Some(i) = self.active else {
            return Vec::new();
        };
        let closed = self.reviews.remove(i);
        // The neighbour to the left takes its place, as closing a tab does elsewhere.
        self.active = match self.reviews.len() {
            0 => None,
            n => Some(i.saturating_sub(1).min(n - 1)),
        };
        vec![Effect::Closed(closed.key)]
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
        match command {
            AppCommand::Adopt { path, prepared } => match self.find_open(&path) {
                // Opening what is already open shows it, with its unsaved work.
                Some(i) => {
                    self.active = Some(i);
                    vec![notice(format!("{} is already open", path.display()))]
                }
                None => self.adopt(path, prepared),
            },
            AppCommand::Activate(i) if i < self.reviews.len() => {
                self.active = Some(i);
                Vec::new()
            }
            AppCommand::Activate(_) => Vec::new(),
            AppCommand::Close => self.close(),
            AppCommand::Run(Action::NextReview) => self.cycle(1),
            AppCommand::Run(Action::PreviousReview) => self.cycle(-1),
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
            AppCommand::SaveTo(path) => self.save_to(path),
            AppCommand::Saved { path, state } => self.saved(path, state),
            command => match self.active_mut() {
                Some(review) => edit(review, command),
                // With nothing open, only what needs no review reaches the shell.
                None => match command {
                    AppCommand::Run(action @ (Action::Open | Action::Quit | Action::ShowHelp)) => {
                        vec![Effect::Shell(action)]
                    }
                    _ => Vec::new(),
                },
            },
        }
    }

    fn adopt(&mut self, path: PathBuf, prepared: Prepared) -> Vec<Effect> {
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
                let decoded = match encoding {
                    "UTF-8" => String::new(),
                    other => format!(" (decoded from {other})"),
                };
                effects.push(notice(format!(
                    "Opened {}{decoded} — {count} sentences",
                    path.display()
                )));
                effects
            }
        }
    }

    fn save_to(&mut self, path: PathBuf) -> Vec<Effect> {
        let Some(r) = self.active() else {
            return Vec::new();
        };
        let state = r.doc.revision();
        match io::save_session(&path, r.doc.session()) {
            Ok(()) => self.saved(path, state),
            Err(e) => vec![error(e.to_string())],
        }
    }

    fn saved(&mut self, path: PathBuf, state: u64) -> Vec<Effect> {
        let Some(r) = self.active_mut() else {
            return Vec::new();
        };
        r.autosaved = None;
        let previous = r.doc.path.clone();
        r.doc.mark_saved_at(path.clone(), state);
        r.disk_stamp = session_file::disk_stamp(&path);
        vec![
            notice(format!("Saved {}", path.display())),
            Effect::Saved { path, previous },
        ]
    }
}
