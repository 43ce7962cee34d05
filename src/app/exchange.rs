//! File › Import annotations…: another tool's annotations (or a claimlens export) become a new
//! review of the shown review's article, with its labels, in a tab of its own and unsaved;
//! the shown review is never changed. With no review open, the file's own text is the article.
//! A large file is read and placed on a worker, as a large article is opened.

use super::jobs::{Job, Running, RunningJob};
use super::open::is_large;
use super::workspace::{Effect, Workspace, error, notice};
use crate::io::import::{Options, Report, import_file};
use crate::model::{Document, Session, Taxonomy};
use std::path::Path;

impl Workspace {
    pub(super) fn import_annotations(&mut self, path: &Path) -> Vec<Effect> {
        if self.busy() {
            return Vec::new();
        }
        let (article, taxonomy) = match self.active() {
            Some(r) => {
                let session = r.doc.session();
                (Some(session.article().clone()), session.taxonomy().clone())
            }
            None => (None, Taxonomy::default_preset()),
        };
        if is_large(path) {
            self.running = Some(Running {
                path: path.to_path_buf(),
                job: RunningJob::Import,
            });
            return vec![Effect::Start(Job::Import {
                path: path.to_path_buf(),
                article: article.map(Box::new),
                taxonomy: Box::new(taxonomy),
            })];
        }
        self.imported(import_file(path, article, taxonomy, &Options::default()))
    }

    /// An import done (here or on a worker): its review in a new tab, its report shown.
    pub(super) fn imported(&mut self, done: Result<(Session, Report), String>) -> Vec<Effect> {
        match done {
            Ok((session, report)) => {
                // Imported work exists nowhere else as a review: closing it asks to save.
                let mut doc = Document::new(session, None);
                doc.mark_unsaved();
                let mut effects = self.install(doc, None);
                // A report with things left out stays until the analyst dismisses it.
                let text = report.to_string();
                effects.push(if report.not_placed.is_empty() {
                    notice(text)
                } else {
                    error(text)
                });
                effects
            }
            Err(e) => vec![error(e)],
        }
    }
}
