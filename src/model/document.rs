//! An open review: the session plus its undo history, its file and whether it has unsaved work.

use super::command::{Command, CommandError};
use super::session::Session;
use std::path::PathBuf;

#[derive(Debug)]
struct Step {
    /// The command that takes the session across this step in the stack's direction.
    command: Command,
    /// Which state the session is in on the other side of this step.
    state: u64,
    /// What the user did, for "Undo …" and "Redo …"; the same in both directions.
    what: String,
}

#[derive(Debug)]
pub struct Document {
    /// Read through [`Document::session`]; changed only by [`Document::apply`], undo and redo,
    /// so that every change is an undo step and marks the review unsaved.
    session: Session,
    /// The session file this review was loaded from or last saved to.
    pub path: Option<PathBuf>,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Identifies the session's current content; every change produces a fresh id, undo returns
    /// to an earlier one, so "unsaved" is simply `state != saved_state`.
    state: u64,
    next_state: u64,
    saved_state: u64,
    /// Counts changes to boundaries and taxonomy, which derived data (suggestions) depend on.
    structure: u64,
}

impl Document {
    pub fn new(session: Session, path: Option<PathBuf>) -> Self {
        Self {
            session,
            path,
            undo: Vec::new(),
            redo: Vec::new(),
            state: 0,
            next_state: 1,
            saved_state: 0,
            structure: 0,
        }
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    /// Applies an edit as one undoable step. Redo history is dropped, as in every editor.
    pub fn apply(&mut self, command: Command) -> Result<(), CommandError> {
        let what = command.describe();
        let structural = command.changes_structure();
        let inverse = self.session.apply(command)?;
        self.structure += u64::from(structural);
        self.undo.push(Step {
            command: inverse,
            state: self.state,
            what,
        });
        self.redo.clear();
        self.state = self.next_state;
        self.next_state += 1;
        Ok(())
    }

    pub fn undo(&mut self) -> bool {
        self.structure += u64::from(
            self.undo
                .last()
                .is_some_and(|s| s.command.changes_structure()),
        );
        Self::travel(
            &mut self.session,
            &mut self.state,
            &mut self.undo,
            &mut self.redo,
        )
    }

    pub fn redo(&mut self) -> bool {
        self.structure += u64::from(
            self.redo
                .last()
                .is_some_and(|s| s.command.changes_structure()),
        );
        Self::travel(
            &mut self.session,
            &mut self.state,
            &mut self.redo,
            &mut self.undo,
        )
    }

    fn travel(
        session: &mut Session,
        state: &mut u64,
        from: &mut Vec<Step>,
        to: &mut Vec<Step>,
    ) -> bool {
        let Some(step) = from.pop() else {
            return false;
        };
        match session.apply(step.command) {
            Ok(inverse) => {
                to.push(Step {
                    command: inverse,
                    state: *state,
                    what: step.what,
                });
                *state = step.state;
                true
            }
            // The history only holds inverses of commands that succeeded on this very session,
            // so this cannot happen; dropping the history is the safe answer if it ever does.
            Err(_) => {
                from.clear();
                to.clear();
                false
            }
        }
    }

    pub fn undo_description(&self) -> Option<String> {
        self.undo.last().map(|s| s.what.clone())
    }

    pub fn redo_description(&self) -> Option<String> {
        self.redo.last().map(|s| s.what.clone())
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn is_dirty(&self) -> bool {
        self.state != self.saved_state
    }

    /// Marks the current content as saved (to `path`).
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.path = Some(path);
        self.saved_state = self.state;
    }

    /// Marks the content as it was at `state` as saved (to `path`): a save that ran in the
    /// background wrote that state, and later changes are still unsaved.
    pub fn mark_saved_at(&mut self, path: PathBuf, state: u64) {
        self.path = Some(path);
        self.saved_state = state;
    }

    /// Records who saves the review and when, just before it is written. Not an edit: it has
    /// no undo step and leaves the saved state alone (the save that follows sets it).
    pub fn stamp_save(&mut self, analyst: Option<&str>, now: &str) {
        self.session.provenance.saved(analyst, now);
    }

    /// Marks the review as holding unsaved work (restored from a recovery file).
    pub fn mark_unsaved(&mut self) {
        self.saved_state = u64::MAX;
    }

    /// How many steps the undo history holds.
    pub fn change_count(&self) -> usize {
        self.undo.len()
    }

    /// Changes whenever sentence boundaries or the taxonomy change.
    pub fn structure_revision(&self) -> u64 {
        self.structure
    }

    /// Identifies the current content, for caches that depend on it.
    pub fn revision(&self) -> u64 {
        self.state
    }

    /// The review has no session file yet, so Save has to ask for one.
    pub fn is_untitled(&self) -> bool {
        self.path.is_none()
    }
}
