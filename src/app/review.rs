//! One open review: the document with its undo history, what the analyst has selected, and the
//! caches derived from it (suggestions, label counts), the file's stamp on disk and the state of
//! its recovery copy.

use super::selection::Selection;
use crate::io::session_file::DiskStamp;
use crate::model::suggest::{self, Suggestion};
use crate::model::{Annotation, Command, Document, Stats};
use std::time::Instant;

pub struct OpenReview {
    pub(super) doc: Document,
    /// Unique among the reviews opened in this run: view caches start over when it changes.
    pub(super) key: u64,
    pub(super) selection: Option<Selection>,
    /// The byte of the text last clicked: where "split" cuts.
    pub(super) caret: Option<usize>,
    /// The label counts and the revision they were counted at.
    pub(super) stats: Option<(u64, Stats)>,
    /// One per sentence, and the structure revision they were made for.
    pub(super) suggestions: Vec<Suggestion>,
    pub(super) suggestions_rev: Option<u64>,
    /// The session file as it was when loaded or last saved.
    pub(super) disk_stamp: Option<DiskStamp>,
    /// Since when the review has had changes its recovery copy does not hold: the autosave
    /// clock runs from the first of them, so that steady work is kept too.
    pub(super) unsaved_since: Option<Instant>,
    /// The revision last written to the recovery file.
    pub(super) autosaved: Option<u64>,
    /// Find in the article, while its bar is open.
    pub(super) find: Option<super::find::Find>,
    /// Another analyst's review beside this one (Review › Compare with…).
    pub(super) compare: Option<super::compare::Comparison>,
    /// The edits since the comparison last looked, each as (revision before, revision after,
    /// the sentences it touched), one after another: the comparison reads those sentences
    /// again, not all. Cleared when an edit's reach is not known.
    pub(super) touched: Vec<(u64, u64, Vec<usize>)>,
}

impl OpenReview {
    pub(super) fn new(doc: Document, key: u64, suggestions: Option<Vec<Suggestion>>) -> Self {
        let selection = (!doc.session().is_empty()).then(|| Selection::single(0));
        let suggestions_rev = suggestions.as_ref().map(|_| doc.structure_revision());
        OpenReview {
            doc,
            key,
            selection,
            caret: None,
            stats: None,
            suggestions: suggestions.unwrap_or_default(),
            suggestions_rev,
            disk_stamp: None,
            unsaved_since: None,
            autosaved: None,
            find: None,
            compare: None,
            touched: Vec::new(),
        }
    }

    pub fn find(&self) -> Option<&super::find::Find> {
        self.find.as_ref()
    }

    pub fn document(&self) -> &Document {
        &self.doc
    }

    pub fn key(&self) -> u64 {
        self.key
    }

    pub fn selection(&self) -> Option<Selection> {
        self.selection
    }

    pub fn caret(&self) -> Option<usize> {
        self.caret
    }

    pub fn disk_stamp(&self) -> Option<&DiskStamp> {
        self.disk_stamp.as_ref()
    }

    /// The suggestions, one per sentence, made for the current boundaries and labels.
    pub fn suggestions(&self) -> &[Suggestion] {
        &self.suggestions
    }

    /// Recomputes the suggestions when boundaries or the taxonomy changed; labels alone do
    /// not affect them.
    pub(super) fn refresh_suggestions(&mut self) {
        let rev = self.doc.structure_revision();
        if self.suggestions_rev != Some(rev) {
            self.suggestions = suggest::suggest(self.doc.session());
            self.suggestions_rev = Some(rev);
        }
    }

    /// The label counts, counted again only when something changed that the last edit did
    /// not already account for.
    pub(super) fn stats(&mut self) -> Stats {
        let revision = self.doc.revision();
        match &self.stats {
            Some((r, stats)) if *r == revision => stats.clone(),
            _ => {
                let stats = self.doc.session().stats();
                self.stats = Some((revision, stats.clone()));
                stats
            }
        }
    }

    /// Applies an edit as one undo step; the refusal, if any, in words.
    pub(super) fn apply(&mut self, command: Command) -> Result<(), String> {
        // A label or note change touches a few sentences: update the counts from those alone
        // rather than recounting a book-length review in the frame that shows the change.
        let touched = command.touched_sentences();
        let before: Vec<Annotation> = touched
            .iter()
            .flatten()
            .filter_map(|&i| self.doc.session().annotations().get(i).cloned())
            .collect();
        let revision_before = self.doc.revision();
        self.doc
            .apply(command)
            .map_err(|e| format!("Not changed: {e}"))?;
        let after = self.doc.revision();
        match &touched {
            Some(list)
                if self.compare.is_some()
                    && self.touched.last().is_none_or(|t| t.1 == revision_before) =>
            {
                self.touched.push((revision_before, after, list.clone()));
            }
            _ => self.touched.clear(),
        }
        if let (Some(touched), Some((revision, stats))) = (touched, &mut self.stats)
            && *revision == revision_before
            && before.len() == touched.len()
        {
            self.doc.session().update_stats(stats, &touched, &before);
            *revision = self.doc.revision();
        }
        Ok(())
    }

    /// Keeps the selection inside the review after its sentences changed.
    pub(super) fn clamp_selection(&mut self) {
        let count = self.doc.session().len();
        self.selection = self
            .selection
            .filter(|s| s.head < count && s.anchor < count);
    }
}
