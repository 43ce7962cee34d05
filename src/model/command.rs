//! Edits to a session. Every change goes through [`Session::apply`], which returns the command
//! that undoes it; that single door is what makes undo, autosave and headless use cheap.

use super::segment::{Span, trim_span};
use super::session::{Annotation, Session, Status};
use super::taxonomy::{LabelId, Rgb, SourceKind, SourceType};

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
    /// Replaces `remove` sentences starting at `first` with new ones (boundary edits: a split
    /// replaces one by two, a merge two by one). Built by [`Session::split`] and
    /// [`Session::merge_with_next`].
    Resegment {
        first: usize,
        remove: usize,
        insert: Vec<(Span, Annotation)>,
    },
    /// Adds a label to the taxonomy at position `index`.
    AddLabel { index: usize, label: SourceType },
    /// Removes an unused label from the taxonomy.
    RemoveLabel { id: LabelId },
    /// Several commands as one step, applied in order; all or nothing.
    Batch(Vec<Command>),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommandError {
    #[error("there is no sentence {0}")]
    NoSuchSentence(usize),
    #[error("there is no label with id {0:?} in this taxonomy")]
    UnknownLabel(String),
    #[error("nothing to change")]
    Empty,
    #[error("{0}")]
    Boundary(String),
    #[error("{0}")]
    Taxonomy(String),
}

impl Command {
    /// Whether the command changes what suggestions are computed from (boundaries, taxonomy).
    pub fn changes_structure(&self) -> bool {
        matches!(
            self,
            Command::Resegment { .. } | Command::AddLabel { .. } | Command::RemoveLabel { .. }
        ) || matches!(self, Command::Batch(c) if c.iter().any(Command::changes_structure))
    }

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
            Command::Resegment {
                first,
                remove,
                insert,
            } => match (remove, insert.len()) {
                (1, 2) => format!("split sentence {}", first + 1),
                (2, 1) => format!("merge sentences {} and {}", first + 1, first + 2),
                _ => "change sentence boundaries".to_string(),
            },
            Command::AddLabel { label, .. } => format!("add label “{}”", label.name),
            Command::RemoveLabel { id } => format!("remove label {id}"),
            Command::Batch(commands) => commands
                .first()
                .map_or_else(|| "nothing".to_string(), Command::describe),
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
            Command::Resegment {
                first,
                remove,
                insert,
            } => {
                self.check_resegment(first, remove, &insert)?;
                let inserted = insert.len();
                let (spans, annotations): (Vec<Span>, Vec<Annotation>) = insert.into_iter().unzip();
                let old_spans = self.sentences.splice(first..first + remove, spans);
                let old_annotations = self
                    .annotations
                    .splice(first..first + remove, annotations)
                    .collect::<Vec<_>>();
                let removed = old_spans.zip(old_annotations).collect();
                self.reindex();
                Ok(Command::Resegment {
                    first,
                    remove: inserted,
                    insert: removed,
                })
            }
            Command::Batch(commands) => {
                let mut inverses = Vec::with_capacity(commands.len());
                for command in commands {
                    match self.apply(command) {
                        Ok(inverse) => inverses.push(inverse),
                        Err(e) => {
                            // Roll back what was applied, newest first, so that a refused
                            // batch leaves the session as it was.
                            for inverse in inverses.into_iter().rev() {
                                let _ = self.apply(inverse);
                            }
                            return Err(e);
                        }
                    }
                }
                inverses.reverse();
                Ok(Command::Batch(inverses))
            }
            Command::AddLabel { index, label } => {
                let mut taxonomy = self.taxonomy.clone();
                if index > taxonomy.labels.len() {
                    return Err(CommandError::Taxonomy(format!("no position {index}")));
                }
                let id = label.id.clone();
                taxonomy.labels.insert(index, label);
                taxonomy
                    .validate()
                    .map_err(|e| CommandError::Taxonomy(e.to_string()))?;
                self.taxonomy = taxonomy;
                Ok(Command::RemoveLabel { id })
            }
            Command::RemoveLabel { id } => {
                let index = self
                    .taxonomy
                    .position(&id)
                    .ok_or_else(|| CommandError::UnknownLabel(id.0.clone()))?;
                let used = self
                    .annotations
                    .iter()
                    .filter(|a| a.label.as_ref() == Some(&id))
                    .count();
                if used > 0 {
                    return Err(CommandError::Taxonomy(format!(
                        "label {id} is used by {used} sentences"
                    )));
                }
                let label = self.taxonomy.labels.remove(index);
                Ok(Command::AddLabel { index, label })
            }
        }
    }

    /// The command that adds a label "Source in <place>" for a located source no label covers,
    /// after the existing labels.
    pub fn add_location_label(&self, place: &str) -> Command {
        let place = place.trim();
        let slug: String = place
            .chars()
            .map(|c| {
                if c.is_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '_'
                }
            })
            .collect();
        let mut id = format!("in_{}", slug.trim_matches('_'));
        while self.taxonomy.get(&LabelId(id.clone())).is_some() {
            id.push('_');
        }
        let used: Vec<char> = self.taxonomy.labels.iter().filter_map(|l| l.key).collect();
        let key = "1234567890".chars().find(|k| !used.contains(k));
        const PALETTE: [Rgb; 6] = [
            Rgb(0x9c, 0x6b, 0x30),
            Rgb(0x1f, 0x7a, 0x8c),
            Rgb(0xb5, 0x4a, 0x8a),
            Rgb(0x5a, 0x7d, 0x2a),
            Rgb(0x6d, 0x59, 0xa8),
            Rgb(0xc0, 0x6c, 0x3e),
        ];
        let color = PALETTE[self.taxonomy.labels.len() % PALETTE.len()];
        Command::AddLabel {
            index: self.taxonomy.labels.len(),
            label: SourceType {
                id: LabelId(id),
                name: format!("Source in {place}"),
                kind: SourceKind::AnonymousSource,
                location: Some(place.to_string()),
                color,
                key,
                description: format!("One anonymous source located in {place}."),
                aliases: vec![place.to_string()],
            },
        }
    }

    /// The command that splits sentence `index` at byte `at` of the text. Both parts keep the
    /// label, its status and the note, since the analyst's judgement covered the whole.
    pub fn split(&self, index: usize, at: usize) -> Result<Command, CommandError> {
        self.check_sentence(index)?;
        let span = self.sentences[index];
        let text = &self.article.text;
        if at <= span.start || at >= span.end || !text.is_char_boundary(at) {
            return Err(CommandError::Boundary(
                "choose a point inside the sentence to split it".into(),
            ));
        }
        let left = trim_span(text, Span::new(span.start, at));
        let right = trim_span(text, Span::new(at, span.end));
        if left.is_empty() || right.is_empty() {
            return Err(CommandError::Boundary(
                "a split there would leave an empty sentence".into(),
            ));
        }
        let annotation = self.annotations[index].clone();
        Ok(Command::Resegment {
            first: index,
            remove: 1,
            insert: vec![(left, annotation.clone()), (right, annotation)],
        })
    }

    /// The command that merges sentence `index` with the next one in the same paragraph. The
    /// result keeps the first sentence's label (or the second's if the first has none) and both
    /// notes.
    pub fn merge_with_next(&self, index: usize) -> Result<Command, CommandError> {
        self.check_sentence(index)?;
        let next = index + 1;
        if next >= self.sentences.len() || self.paragraph_of(index) != self.paragraph_of(next) {
            return Err(CommandError::Boundary(
                "only sentences of the same paragraph can be merged".into(),
            ));
        }
        let (a, b) = (&self.annotations[index], &self.annotations[next]);
        let kept = if a.label.is_some() { a } else { b };
        let note = match (a.note.is_empty(), b.note.is_empty()) {
            (false, false) => format!("{}\n{}", a.note, b.note),
            (false, true) => a.note.clone(),
            _ => b.note.clone(),
        };
        let span = Span::new(self.sentences[index].start, self.sentences[next].end);
        Ok(Command::Resegment {
            first: index,
            remove: 2,
            insert: vec![(
                span,
                Annotation {
                    label: kept.label.clone(),
                    status: kept.status,
                    note,
                },
            )],
        })
    }

    fn check_resegment(
        &self,
        first: usize,
        remove: usize,
        insert: &[(Span, Annotation)],
    ) -> Result<(), CommandError> {
        let end = first
            .checked_add(remove)
            .filter(|&e| e <= self.sentences.len())
            .ok_or(CommandError::NoSuchSentence(first + remove))?;
        if remove == 0 && insert.is_empty() {
            return Err(CommandError::Empty);
        }
        let text = &self.article.text;
        let floor = if first > 0 {
            self.sentences[first - 1].end
        } else {
            0
        };
        let ceiling = self.sentences.get(end).map_or(text.len(), |s| s.start);
        let mut previous_end = floor;
        for (span, annotation) in insert {
            let ok = span.start < span.end
                && span.start >= previous_end
                && span.end <= ceiling
                && text.is_char_boundary(span.start)
                && text.is_char_boundary(span.end)
                && self.paragraphs.iter().any(|p| p.contains(*span));
            if !ok {
                return Err(CommandError::Boundary(format!(
                    "{}..{} is not a valid sentence here",
                    span.start, span.end
                )));
            }
            if let Some(id) = &annotation.label
                && self.taxonomy.get(id).is_none()
            {
                return Err(CommandError::UnknownLabel(id.0.clone()));
            }
            previous_end = span.end;
        }
        Ok(())
    }

    fn check_sentence(&self, index: usize) -> Result<(), CommandError> {
        if index < self.sentences.len() {
            Ok(())
        } else {
            Err(CommandError::NoSuchSentence(index))
        }
    }
}
