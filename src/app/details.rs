//! Review › Article details…: the title, outlet, date, byline and address of a report, set by
//! the analyst where its file says nothing (plain text without a header block) or says it
//! wrong. Asked from the review shown, or from the desk for the line pointed at — which opens
//! that report in a tab first, and goes back to the desk once answered. The change is an edit
//! of the review like any other (undo, autosave, Save); the desk's line shows it at once.

use super::workspace::{Effect, Workspace, error, notice};
use crate::model::Command;
use crate::model::article::ArticleMeta;
use std::path::PathBuf;

/// Whose details the analyst is asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Asked {
    pub(super) whose: Whose,
    /// Asked from the desk: it is shown again once the analyst answers.
    pub(super) from_desk: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Whose {
    /// The open review with this key.
    Review(u64),
    /// The report at this path, being opened.
    Opening(PathBuf),
}

/// The details the analyst wrote: the article's title and what is known about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Details {
    pub title: String,
    pub outlet: String,
    pub date: String,
    pub byline: String,
    pub address: String,
}

impl Details {
    /// The details of an article as it stands.
    pub fn of(article: &crate::model::Article) -> Details {
        let m = &article.meta;
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        Details {
            title: article.title.clone(),
            outlet: text(&m.site_name),
            date: text(&m.published),
            byline: text(&m.byline),
            address: text(&m.url),
        }
    }

    /// The command that gives `article` these details (an empty field: not known; an empty
    /// title: the one it has), if they change anything.
    pub fn command(&self, article: &crate::model::Article) -> Option<Command> {
        let field = |v: &str| Some(v.trim().to_string()).filter(|v| !v.is_empty());
        let title = field(&self.title).unwrap_or_else(|| article.title.clone());
        let meta = ArticleMeta {
            site_name: field(&self.outlet),
            published: field(&self.date),
            byline: field(&self.byline),
            url: field(&self.address),
            ..article.meta.clone()
        };
        (title != article.title || meta != article.meta).then(|| Command::SetDetails {
            title,
            meta: Box::new(meta),
        })
    }
}

impl Workspace {
    /// The open review whose details the analyst is asked for, once it is open.
    pub fn details_asked(&self) -> Option<usize> {
        match &self.details.as_ref()?.whose {
            Whose::Review(key) => self.reviews.iter().position(|r| r.key == *key),
            Whose::Opening(_) => None,
        }
    }

    /// Review › Article details… on the review shown, or on the desk's line pointed at.
    pub(super) fn ask_details(&mut self) -> Vec<Effect> {
        if !self.desk_shown() {
            let Some(r) = self.active() else {
                return Vec::new();
            };
            self.details = Some(Asked {
                whose: Whose::Review(r.key),
                from_desk: false,
            });
            return Vec::new();
        }
        let Some(row) = self.desk.as_ref().and_then(|d| d.pointed_row()) else {
            return vec![notice("Point at a report in the list first")];
        };
        if matches!(
            row.kind,
            super::desk::RowKind::Damaged | super::desk::RowKind::Unreadable
        ) {
            return vec![error(
                "This file cannot be read, so it has no details to set: open it to see why",
            )];
        }
        let path = row.path.clone();
        let whose = match self.find_open(&path) {
            Some(i) => Whose::Review(self.reviews[i].key),
            None => Whose::Opening(path.clone()),
        };
        self.details = Some(Asked {
            whose: whose.clone(),
            from_desk: true,
        });
        match whose {
            Whose::Review(_) => Vec::new(),
            // Asked once it is open (see `Workspace::handle`).
            Whose::Opening(_) => self.open(path, false),
        }
    }

    /// After a report was opened: the details asked for while it was opening are its own.
    pub(super) fn details_opened(&mut self) {
        let Some(Asked {
            whose: Whose::Opening(path),
            from_desk,
        }) = &self.details
        else {
            return;
        };
        let from_desk = *from_desk;
        if let Some(i) = self.find_open(path) {
            self.details = Some(Asked {
                whose: Whose::Review(self.reviews[i].key),
                from_desk,
            });
            if from_desk {
                self.desk_shown = true;
            }
        } else if self.running.is_none() {
            // The open failed (its message says why): nothing to ask.
            self.details = None;
        }
    }

    /// The analyst's answer: the details to set, or `None` (Cancel).
    pub(super) fn details_answered(&mut self, details: Option<Details>) -> Vec<Effect> {
        let Some(i) = self.details_asked() else {
            self.details = None;
            return Vec::new();
        };
        let mut effects = Vec::new();
        if let Some(details) = details {
            let r = &mut self.reviews[i];
            if let Some(command) = details.command(r.doc.session().article()) {
                if let Err(e) = r.apply(command) {
                    // Still asked, with the analyst's words, to be put right.
                    return vec![error(format!("Details not set: {e}"))];
                }
                effects.push(notice("Article details set: save the review to keep them"));
                self.restate_desk_row(i);
            }
        }
        if self.details.take().is_some_and(|a| a.from_desk) {
            self.desk_shown = self.desk.is_some();
        }
        effects
    }

    /// The desk's line for open review `i` shows the review's title, outlet and date as they
    /// are in the tab, saved or not.
    pub(super) fn restate_desk_row(&mut self, i: usize) {
        if self.desk.is_none() {
            return;
        }
        if let Some(file) = self.desk_file(i)
            && let Some(desk) = self.desk.as_mut()
        {
            desk.restate(&file, self.reviews[i].doc.session().article());
        }
    }

    /// The file the desk lists open review `i` as: its review file, or for a review not yet
    /// saved, its article.
    pub(super) fn desk_file(&self, i: usize) -> Option<PathBuf> {
        let doc = &self.reviews[i].doc;
        let file = doc.path.clone().or_else(|| {
            let article = doc.session().article();
            article.source_path.as_ref().map(PathBuf::from)
        })?;
        Some(std::fs::canonicalize(&file).unwrap_or(file))
    }

    /// Every open review with unsaved changes restated on the desk (after the folder was read
    /// again, which lists the files as saved).
    pub(super) fn restate_unsaved_rows(&mut self) {
        for i in 0..self.reviews.len() {
            if self.reviews[i].doc.is_dirty() {
                self.restate_desk_row(i);
            }
        }
    }
}
