//! File › Import annotations…: another tool's annotations (or a claimlens export) become a new
//! review of the shown review's article, with its labels, in a tab of its own and unsaved;
//! the shown review is never changed. With no review open, the file's own text is the article.

use super::workspace::{Effect, Workspace, error, notice};
use crate::io::import::{Options, import_file};
use crate::model::{Document, Taxonomy};
use std::path::Path;

impl Workspace {
    pub(super) fn import_annotations(&mut self, path: &Path) -> Vec<Effect> {
        let (article, taxonomy) = match self.active() {
            Some(r) => {
                let session = r.doc.session();
                (Some(session.article().clone()), session.taxonomy().clone())
            }
            None => (None, Taxonomy::default_preset()),
        };
        match import_file(path, article, taxonomy, &Options::default()) {
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
