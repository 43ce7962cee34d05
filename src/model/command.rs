//! Edits to a session. Every change goes through [`Session::apply`], which returns the command
//! that undoes it; that single door is what makes undo, autosave and headless use cheap.

use super::session::{Annotation, Session, Status};
use super::taxonomy::LabelId;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelChange {
    pub sentence: usize,
    pub label: Option<LabelId>,
    pub status: Status,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Sets the label (and its status) of one or more sentences, as one step.
    SetLabels(Vec<LabelChange>),
    /// Replaces the free-text note of a sentence.
    SetNote { sentence: usize, note: String },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommandError {
    #[error("there is no sentence {0}")]
    NoSuchSentence(usize),
    #[error("there is no label with id {0:?} in this taxonomy")]
    UnknownLabel(String),
    #[error("nothing to change")]
    Empty,
}

impl Command {
    /// Applies `label` to every sentence in `sentences`, confirmed by the analyst.
    pub fn label(sentences: impl IntoIterator<Item = usize>, label: Option<LabelId>) -> Self {
        Command::SetLabels(
            sentences
                .into_iter()
                .map(|sentence| LabelChange {
                    sentence,
                    label: label.clone(),
                    status: Status::Confirmed,
                })
                .collect(),
        )
    }

    /// Text for "Undo …" / "Redo …" menu entries.
    pub fn describe(&self) -> String {
        match self {
            Command::SetLabels(changes) => {
                let all_clear = changes.iter().all(|c| c.label.is_none());
                let verb = if all_clear { "clear label" } else { "label" };
                match changes.len() {
                    1 => format!("{verb} of sentence {}", changes[0].sentence + 1),
                    n => format!("{verb} of {n} sentences"),
                }
            }
            Command::SetNote { sentence, .. } => format!("note on sentence {}", sentence + 1),
        }
    }
}

impl Session {
    /// Applies `command` and returns its inverse. Checks everything before changing anything, so
    /// a refused command leaves the session as it was.
    pub fn apply(&mut self, command: Command) -> Result<Command, CommandError> {
        match command {
            Command::SetLabels(changes) => {
                if changes.is_empty() {
                    return Err(CommandError::Empty);
                }
                for c in &changes {
                    self.check_sentence(c.sentence)?;
                    if let Some(id) = &c.label
                        && self.taxonomy.get(id).is_none()
                    {
                        return Err(CommandError::UnknownLabel(id.0.clone()));
                    }
                }
                let mut inverse = Vec::with_capacity(changes.len());
                for mut c in changes {
                    if c.label.is_none() {
                        // "No label" has nothing to confirm or suggest; one representation only.
                        c.status = Status::Confirmed;
                    }
                    let a = &mut self.annotations[c.sentence];
                    inverse.push(LabelChange {
                        sentence: c.sentence,
                        label: std::mem::replace(&mut a.label, c.label),
                        status: std::mem::replace(&mut a.status, c.status),
                    });
                }
                // Restoring in reverse order makes the inverse right even when a sentence is
                // listed twice.
                inverse.reverse();
                Ok(Command::SetLabels(inverse))
            }
            Command::SetNote { sentence, note } => {
                self.check_sentence(sentence)?;
                let Annotation { note: old, .. } = &mut self.annotations[sentence];
                let previous = std::mem::replace(old, note);
                Ok(Command::SetNote {
                    sentence,
                    note: previous,
                })
            }
        }
    }

    fn check_sentence(&self, index: usize) -> Result<(), CommandError> {
        if index < self.sentences.len() {
            Ok(())
        } else {
            Err(CommandError::NoSuchSentence(index))
        }
    }
}
