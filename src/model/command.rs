//! Edits to a session. Every change goes through [`Session::apply`], which returns the command
//! that undoes it; that single door is what makes undo, autosave and headless use cheap.

use super::record::{Hedging, SentenceId, Source, SourceId};
use super::segment::Span;
use super::session::{Annotation, Session, Status};
use super::taxonomy::{LabelId, SourceType, Taxonomy};

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
        insert: Vec<(Span, SentenceId, Annotation)>,
    },
    /// Replaces everything recorded on one claim; `what` names the change for the undo menu.
    SetAnnotation {
        sentence: usize,
        annotation: Box<Annotation>,
        what: String,
    },
    /// Adds a label to the taxonomy at position `index`.
    AddLabel { index: usize, label: SourceType },
    /// Removes an unused label from the taxonomy.
    RemoveLabel { id: LabelId },
    /// Replaces a label (same id): rename, recolour, re-key, describe.
    UpdateLabel { label: SourceType },
    /// Moves a label to another position in the taxonomy.
    MoveLabel { from: usize, to: usize },
    /// Replaces the whole taxonomy (a preset import); every label in use must survive.
    ReplaceTaxonomy { taxonomy: Taxonomy },
    /// Sets the gazetteer edition whose places the located labels take in (see
    /// [`Taxonomy::places`]).
    SetPlaces { edition: u32 },
    /// Adds a source entity at position `index`.
    AddSource { index: usize, source: Source },
    /// Removes a source no claim refers to.
    RemoveSource { id: SourceId },
    /// Appends several sources at once (the first suggestion pass proposes thousands in a
    /// book-length report), as one step.
    AddSources(Vec<Source>),
    /// Removes the last sources, these, which no claim refers to: the inverse of
    /// [`Command::AddSources`].
    RemoveSources(Vec<SourceId>),
    /// Replaces a source (same id): name, label, descriptor, reliability.
    UpdateSource { source: Source },
    /// Links claims to sources (or unlinks them, with `None`), as one step.
    LinkSources(Vec<(usize, Option<SourceId>)>),
    /// Sets the hedging of several claims (the suggestion pass reads it from the report's
    /// words), as one step.
    SetHedging(Vec<(usize, Hedging)>),
    /// Puts orphaned claim `orphan` back, on the blank sentence `sentence` (its links, which
    /// pointed into the old text, are dropped).
    AttachOrphan { orphan: usize, sentence: usize },
    /// Drops orphaned claim `orphan`.
    DropOrphan { orphan: usize },
    /// Puts an orphan back in the list at `index`, blanking `sentence` where it was attached:
    /// the inverse of the two above.
    RestoreOrphan {
        index: usize,
        orphan: Box<super::anchor::Orphan>,
        sentence: Option<usize>,
    },
    /// Replaces the article's title and what is known about it (outlet, date, byline, address)
    /// — the analyst's word where the file said nothing or said it wrong. The text is untouched.
    SetDetails {
        title: String,
        meta: Box<super::article::ArticleMeta>,
    },
    /// Several commands as one step, applied in order; all or nothing.
    Batch(Vec<Command>),
    /// Replaces the whole review (a re-import of the article, an orphan re-attached).
    ReplaceSession { session: Box<Session>, what: String },
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
    #[error("{0}")]
    Record(String),
}

impl Command {
    /// Whether the command changes what suggestions are computed from (boundaries, taxonomy).
    pub fn changes_structure(&self) -> bool {
        matches!(
            self,
            Command::Resegment { .. }
                | Command::AddLabel { .. }
                | Command::RemoveLabel { .. }
                | Command::UpdateLabel { .. }
                | Command::MoveLabel { .. }
                | Command::ReplaceTaxonomy { .. }
                | Command::SetPlaces { .. }
                | Command::ReplaceSession { .. }
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
                        return Err(CommandError::UnknownLabel(id.0.to_string()));
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
                let mut spans = Vec::with_capacity(inserted);
                let mut ids = Vec::with_capacity(inserted);
                let mut annotations = Vec::with_capacity(inserted);
                for (span, id, annotation) in insert {
                    spans.push(span);
                    ids.push(id);
                    annotations.push(annotation);
                }
                let range = first..first + remove;
                let old_spans: Vec<Span> = self.sentences.splice(range.clone(), spans).collect();
                let old_ids: Vec<SentenceId> = self.ids.splice(range.clone(), ids).collect();
                let old_annotations: Vec<Annotation> =
                    self.annotations.splice(range, annotations).collect();
                let removed = old_spans
                    .into_iter()
                    .zip(old_ids)
                    .zip(old_annotations)
                    .map(|((s, i), a)| (s, i, a))
                    .collect();
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
            Command::ReplaceSession { session, what } => {
                let old = std::mem::replace(self, *session);
                Ok(Command::ReplaceSession {
                    session: Box::new(old),
                    what,
                })
            }
            Command::SetAnnotation {
                sentence,
                annotation,
                what,
            } => {
                self.check_sentence(sentence)?;
                self.check_annotation(sentence, &annotation)?;
                let old = std::mem::replace(&mut self.annotations[sentence], *annotation);
                Ok(Command::SetAnnotation {
                    sentence,
                    annotation: Box::new(old),
                    what,
                })
            }
            Command::UpdateLabel { label } => {
                let index = self
                    .taxonomy
                    .position(&label.id)
                    .ok_or_else(|| CommandError::UnknownLabel(label.id.0.to_string()))?;
                let mut taxonomy = self.taxonomy.clone();
                let old = std::mem::replace(&mut taxonomy.labels[index], label);
                taxonomy
                    .validate()
                    .map_err(|e| CommandError::Taxonomy(e.to_string()))?;
                self.taxonomy = taxonomy;
                Ok(Command::UpdateLabel { label: old })
            }
            Command::MoveLabel { from, to } => {
                let n = self.taxonomy.labels.len();
                if from >= n || to >= n {
                    return Err(CommandError::Taxonomy("no such position".into()));
                }
                let label = self.taxonomy.labels.remove(from);
                self.taxonomy.labels.insert(to, label);
                Ok(Command::MoveLabel { from: to, to: from })
            }
            Command::ReplaceTaxonomy { taxonomy } => {
                taxonomy
                    .validate()
                    .map_err(|e| CommandError::Taxonomy(e.to_string()))?;
                let missing: Vec<String> = self
                    .labels_in_use()
                    .into_iter()
                    .filter(|id| taxonomy.get(id).is_none())
                    .map(|id| id.0.to_string())
                    .collect();
                if !missing.is_empty() {
                    return Err(CommandError::Taxonomy(format!(
                        "the new labels lack {} which claims or sources use; merge or clear them first",
                        missing.join(", ")
                    )));
                }
                let old = std::mem::replace(&mut self.taxonomy, taxonomy);
                Ok(Command::ReplaceTaxonomy { taxonomy: old })
            }
            Command::SetDetails { title, meta } => {
                let article = &self.article;
                if title == article.title && *meta == article.meta {
                    return Err(CommandError::Empty);
                }
                super::article::check_details(&title, &meta, &article.meta)
                    .map_err(CommandError::Record)?;
                let article = &mut self.article;
                Ok(Command::SetDetails {
                    title: std::mem::replace(&mut article.title, title),
                    meta: Box::new(std::mem::replace(&mut article.meta, *meta)),
                })
            }
            Command::SetPlaces { edition } => {
                if edition == self.taxonomy.places {
                    return Err(CommandError::Empty);
                }
                let old = std::mem::replace(&mut self.taxonomy.places, edition);
                Ok(Command::SetPlaces { edition: old })
            }
            Command::AddSource { index, source } => {
                if index > self.sources.len() || self.source(source.id).is_some() {
                    return Err(CommandError::Record(format!(
                        "source {} cannot be added there",
                        source.id
                    )));
                }
                self.check_source(&source)?;
                let id = source.id;
                self.sources.insert(index, source);
                Ok(Command::RemoveSource { id })
            }
            Command::AddSources(sources) => {
                // One set of ids for all of them: one `AddSource` each would look along the
                // list once per source.
                let mut known: rustc_hash::FxHashSet<SourceId> =
                    self.sources.iter().map(|s| s.id).collect();
                for source in &sources {
                    if !known.insert(source.id) {
                        return Err(CommandError::Record(format!(
                            "source {} cannot be added twice",
                            source.id
                        )));
                    }
                    self.check_source(source)?;
                }
                let ids = sources.iter().map(|s| s.id).collect();
                self.sources.extend(sources);
                Ok(Command::RemoveSources(ids))
            }
            Command::RemoveSources(ids) => {
                let first = self.sources.len().checked_sub(ids.len());
                let last_are_these = first.is_some_and(|f| {
                    self.sources[f..]
                        .iter()
                        .map(|s| s.id)
                        .eq(ids.iter().copied())
                });
                let Some(first) = first.filter(|_| last_are_these) else {
                    return Err(CommandError::Record(
                        "these sources are not the last ones added".into(),
                    ));
                };
                let gone: rustc_hash::FxHashSet<SourceId> = ids.iter().copied().collect();
                let used = self
                    .annotations
                    .iter()
                    .filter(|a| a.source.is_some_and(|id| gone.contains(&id)))
                    .count();
                if used > 0 {
                    return Err(CommandError::Record(format!(
                        "{used} claims still name these sources; unlink them first"
                    )));
                }
                Ok(Command::AddSources(self.sources.split_off(first)))
            }
            Command::RemoveSource { id } => {
                let index = self
                    .sources
                    .iter()
                    .position(|s| s.id == id)
                    .ok_or_else(|| CommandError::Record(format!("no source {id}")))?;
                let used = self
                    .annotations
                    .iter()
                    .filter(|a| a.source == Some(id))
                    .count();
                if used > 0 {
                    return Err(CommandError::Record(format!(
                        "“{}” is the source of {used} claims; unlink them first",
                        self.sources[index].name
                    )));
                }
                let source = self.sources.remove(index);
                Ok(Command::AddSource { index, source })
            }
            Command::SetHedging(changes) => {
                if changes.is_empty() {
                    return Err(CommandError::Empty);
                }
                if let Some(&(i, _)) = changes.iter().find(|(i, _)| *i >= self.annotations.len()) {
                    return Err(CommandError::NoSuchSentence(i));
                }
                let mut inverse: Vec<(usize, Hedging)> = changes
                    .into_iter()
                    .map(|(i, h)| (i, std::mem::replace(&mut self.annotations[i].hedging, h)))
                    .collect();
                inverse.reverse();
                Ok(Command::SetHedging(inverse))
            }
            Command::AttachOrphan { orphan, sentence } => self.apply_attach(orphan, sentence),
            Command::DropOrphan { orphan } => self.apply_drop(orphan),
            Command::RestoreOrphan {
                index,
                orphan,
                sentence,
            } => self.apply_restore(index, *orphan, sentence),
            Command::LinkSources(links) => {
                // The first suggestion pass links tens of thousands of claims to thousands of
                // sources: look each up in a set, not along the list.
                let known: rustc_hash::FxHashSet<SourceId> =
                    self.sources.iter().map(|s| s.id).collect();
                for (i, id) in &links {
                    if *i >= self.annotations.len() {
                        return Err(CommandError::NoSuchSentence(*i));
                    }
                    if let Some(id) = id
                        && !known.contains(id)
                    {
                        return Err(CommandError::Record(format!("no source {id}")));
                    }
                }
                let mut inverse = Vec::with_capacity(links.len());
                for (i, id) in links {
                    inverse.push((i, std::mem::replace(&mut self.annotations[i].source, id)));
                }
                // Undone last-first, so that a sentence listed twice gets its first value back.
                inverse.reverse();
                Ok(Command::LinkSources(inverse))
            }
            Command::UpdateSource { source } => {
                self.check_source(&source)?;
                let slot = self
                    .sources
                    .iter_mut()
                    .find(|s| s.id == source.id)
                    .ok_or_else(|| CommandError::Record(format!("no source {}", source.id)))?;
                let old = std::mem::replace(slot, source);
                Ok(Command::UpdateSource { source: old })
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
                    .ok_or_else(|| CommandError::UnknownLabel(id.0.to_string()))?;
                let used = self
                    .annotations
                    .iter()
                    .filter(|a| a.label.as_ref() == Some(&id))
                    .count()
                    + self
                        .sources
                        .iter()
                        .filter(|s| s.label.as_ref() == Some(&id))
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
}
