//! The open reviews and the one function that changes them: [`Workspace::handle`] takes what
//! the analyst asked for ([`AppCommand`]) and returns what the shell must do about it
//! ([`Effect`]): show a message, scroll a view to a sentence, or run a flow the shell still
//! owns (file dialogs, confirmations, windows).

use super::command_table::Action;
use super::open::Prepared;
use super::review::OpenReview;
use super::selection::Selection;
use crate::io::{self, session_file};
use crate::model::suggest::{self, Suggestion};
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

fn notice(text: impl Into<String>) -> Effect {
    Effect::Message(Message::Notice(text.into()))
}

fn error(text: impl Into<String>) -> Effect {
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

/// Applies an edit to the open review; a refusal becomes a message.
fn applied(r: &mut OpenReview, c: Command) -> Vec<Effect> {
    match r.apply(c) {
        Ok(()) => Vec::new(),
        Err(e) => vec![error(e)],
    }
}

fn label_selection(r: &mut OpenReview, label: Option<crate::model::LabelId>) -> Vec<Effect> {
    match r.selection {
        Some(sel) => applied(r, Command::label(sel.range(), label)),
        None => vec![notice("Select a sentence first")],
    }
}

/// Commands on the open review.
fn edit(r: &mut OpenReview, command: AppCommand) -> Vec<Effect> {
    match command {
        AppCommand::Run(action) => run(r, action),
        AppCommand::Edit(Ok(c)) => {
            let effects = applied(r, c);
            r.clamp_selection();
            effects
        }
        AppCommand::Edit(Err(e)) => vec![error(format!("Not changed: {e}"))],
        AppCommand::Select(selection) => {
            r.selection = Some(selection);
            vec![Effect::Reveal(selection.head)]
        }
        AppCommand::Pick { sentence, from } => {
            r.selection = Some(Selection::single(sentence));
            vec![match from {
                View::Article => Effect::RevealInList(sentence),
                View::ClaimsList => Effect::RevealInArticle(sentence),
            }]
        }
        AppCommand::ExtendTo(i) => {
            let sel = r.selection.unwrap_or(Selection::single(i));
            r.selection = Some(sel.extended_to(i));
            vec![Effect::RevealInList(i)]
        }
        AppCommand::Caret(at) => {
            r.caret = Some(at);
            Vec::new()
        }
        AppCommand::Label(label) => label_selection(r, label),
        AppCommand::SetNote { sentence, note } => applied(r, Command::SetNote { sentence, note }),
        AppCommand::Split { sentence, at } => match r.doc.session().split(sentence, at) {
            Ok(c) => {
                let effects = applied(r, c);
                r.selection = Some(Selection::single(sentence));
                r.caret = None;
                effects
            }
            Err(e) => vec![error(format!("Cannot split: {e}"))],
        },
        AppCommand::Merge(sentence) => match r.doc.session().merge_with_next(sentence) {
            Ok(c) => {
                let effects = applied(r, c);
                r.selection = Some(Selection::single(sentence));
                effects
            }
            Err(e) => vec![error(format!("Cannot merge: {e}"))],
        },
        AppCommand::AcceptAbove(threshold) => {
            r.refresh_suggestions();
            match suggest::accept_above_command(r.doc.session(), &r.suggestions, threshold) {
                Some(c) => applied(r, c),
                None => Vec::new(),
            }
        }
        AppCommand::AddPlaceLabel(place) => {
            r.refresh_suggestions();
            let c = suggest::add_place_label_command(r.doc.session(), &r.suggestions, &place);
            applied(r, c)
        }
        AppCommand::Reimport(path) => reimport(r, &path),
        AppCommand::ExportLabels(path) => {
            match io::taxonomy_file::save_taxonomy(&path, r.doc.session().taxonomy()) {
                Ok(()) => vec![notice(format!("Exported labels to {}", path.display()))],
                Err(e) => vec![error(e.to_string())],
            }
        }
        AppCommand::ImportLabels(path) => match io::taxonomy_file::load_taxonomy(&path) {
            Ok(taxonomy) => applied(r, Command::ReplaceTaxonomy { taxonomy }),
            Err(e) => vec![error(e.to_string())],
        },
        // Handled by the workspace itself.
        AppCommand::Adopt { .. }
        | AppCommand::Activate(_)
        | AppCommand::Close
        | AppCommand::Begin { .. }
        | AppCommand::Restore { .. }
        | AppCommand::SaveTo(_)
        | AppCommand::Saved { .. } => Vec::new(),
    }
}

fn reimport(r: &mut OpenReview, path: &std::path::Path) -> Vec<Effect> {
    let article = match io::read_article(path) {
        Ok(a) => a,
        Err(e) => return vec![error(e.to_string())],
    };
    let (command, result) = r.doc.session().reimport(article);
    let mut effects = applied(r, command);
    r.clamp_selection();
    effects.push(if result.orphaned > 0 {
        error(format!(
            "Re-imported {}: {} claims in place, {} moved with their text, {} orphaned — \
             see “Orphaned claims” beside the article",
            path.display(),
            result.kept_in_place,
            result.moved,
            result.orphaned
        ))
    } else {
        notice(format!(
            "Re-imported {}: {} claims in place, {} moved with their text",
            path.display(),
            result.kept_in_place,
            result.moved
        ))
    });
    effects
}

fn run(r: &mut OpenReview, action: Action) -> Vec<Effect> {
    let count = r.doc.session().len();
    let current = r.selection;
    let select = |r: &mut OpenReview, s: Selection| {
        r.selection = Some(s);
        vec![Effect::Reveal(s.head)]
    };
    match action {
        Action::Undo => {
            r.doc.undo();
            r.clamp_selection();
            Vec::new()
        }
        Action::Redo => {
            r.doc.redo();
            r.clamp_selection();
            Vec::new()
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
            select(r, next)
        }
        Action::NextSentence
        | Action::PreviousSentence
        | Action::FirstSentence
        | Action::LastSentence
        | Action::ExtendDown
        | Action::ExtendUp => Vec::new(),
        Action::NextUnlabelled => match r.doc.session().next_unreviewed(current.map(|s| s.head)) {
            Some(i) => select(r, Selection::single(i)),
            None => vec![notice("Every sentence has a confirmed label")],
        },
        Action::ClearLabel => label_selection(r, None),
        Action::Label(c) => {
            let id = r.doc.session().taxonomy().by_key(c).map(|l| l.id.clone());
            match id {
                Some(id) => label_selection(r, Some(id)),
                None => Vec::new(),
            }
        }
        Action::AcceptSuggestion => {
            let Some(sel) = current else {
                return Vec::new();
            };
            match suggest::accept_command(r.doc.session(), sel.range()) {
                Some(c) => applied(r, c),
                None => vec![notice(
                    "No suggestion to accept here; press a label's key to label it",
                )],
            }
        }
        Action::RerunSuggestions => {
            r.suggestions_rev = None;
            r.refresh_suggestions();
            // Labels and the sources behind them, as one step.
            let mut steps: Vec<Command> = [
                suggest::place_command(r.doc.session(), &r.suggestions),
                suggest::propose_sources_command(r.doc.session(), &r.suggestions),
            ]
            .into_iter()
            .flatten()
            .collect();
            let step = match steps.len() {
                0 => return vec![notice("Suggestions are up to date")],
                1 => steps.remove(0),
                _ => Command::Batch(steps),
            };
            applied(r, step)
        }
        Action::SplitAtCaret => match (current, r.caret) {
            (Some(sel), Some(at)) => edit(
                r,
                AppCommand::Split {
                    sentence: sel.head,
                    at,
                },
            ),
            _ => vec![notice(
                "Click the point in the sentence where it should be split, then press S",
            )],
        },
        Action::MergeWithNext => match current {
            Some(sel) => edit(r, AppCommand::Merge(*sel.range().start())),
            None => Vec::new(),
        },
        Action::Reliability(_) | Action::Credibility(_) => match current {
            Some(sel) => match grade_command(r.doc.session(), sel.head, action) {
                Some(Ok(c)) => applied(r, c),
                Some(Err(e)) => vec![error(format!("Not changed: {e}"))],
                None => Vec::new(),
            },
            None => Vec::new(),
        },
        // Handled by the workspace before a review is chosen.
        Action::NextReview | Action::PreviousReview => Vec::new(),
        Action::Open
        | Action::CloseReview
        | Action::Reimport
        | Action::Save
        | Action::SaveAs
        | Action::Quit
        | Action::AcceptAbove
        | Action::EditLabels
        | Action::SourceSummary
        | Action::ShowHelp
        | Action::FinishNote => vec![Effect::Shell(action)],
    }
}

/// The command a grade key stands for (Shift+A…F: the reliability of the selected claim's
/// source; Alt+1…6: the claim's credibility), or nothing for other actions.
fn grade_command(
    session: &Session,
    sentence: usize,
    action: Action,
) -> Option<Result<Command, CommandError>> {
    match action {
        Action::Reliability(r) => Some(
            match session.annotations().get(sentence).and_then(|a| a.source) {
                Some(id) => session.set_reliability(id, r),
                None => Err(CommandError::Record(
                    "reliability belongs to a source: give the claim a source first".into(),
                )),
            },
        ),
        Action::Credibility(c) => Some(session.set_credibility(sentence, c)),
        _ => None,
    }
}
