//! The desk's Sources: an outlet's source under one description in several reports, proposed
//! as one recurring source (`model::recurring`), with its reports, claims and grades over time;
//! the analyst confirms or splits it, and the decision goes to the folder's corpus file, which a
//! team sharing the folder shares.

use super::super::workspace::{Effect, Workspace, error, notice};
use super::Desk;
use crate::io::corpus_file::{self, CorpusFile, Verdict};

/// One recurring source as the desk lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceRow {
    pub name: String,
    pub outlet: String,
    pub description: String,
    pub kind: Option<String>,
    pub reports: usize,
    pub claims: usize,
    /// Each report's date and reliability grade, in date order.
    pub grades: Vec<(Option<String>, char)>,
    pub verdict: Option<Verdict>,
}

impl Desk {
    /// The recurring sources, while the Sources view is shown.
    pub fn sources(&self) -> Option<&[SourceRow]> {
        self.sources.as_deref()
    }

    pub(super) fn list_sources(&mut self) {
        let (reports, _) = self.reports();
        let rows = crate::model::recurring::recurring(&reports)
            .into_iter()
            .filter(|g| g.appearances.len() > 1)
            .map(|g| SourceRow {
                verdict: self.decisions.verdict(&g.outlet, &g.description),
                reports: g.appearances.len(),
                claims: g.claims(),
                grades: g
                    .appearances
                    .iter()
                    .map(|a| (a.published.clone(), a.reliability.letter()))
                    .collect(),
                name: g.name,
                outlet: g.outlet,
                description: g.description,
                kind: g.kind,
            })
            .collect();
        self.sources = Some(rows);
    }
}

impl Workspace {
    /// Records whether recurring source `i` of the Sources view is one source (`None`: takes
    /// the decision back), in the folder's corpus file. A decision that cannot be written is
    /// not made.
    pub(super) fn decide_source(&mut self, i: usize, verdict: Option<Verdict>) -> Vec<Effect> {
        let by = self.analyst.clone();
        let Some(desk) = self.desk.as_mut() else {
            return Vec::new();
        };
        let Some(row) = desk.sources.as_ref().and_then(|s| s.get(i)).cloned() else {
            return Vec::new();
        };
        // Read afresh: another analyst sharing the folder may have decided since it was last
        // read, and only this source's entry is ours to change.
        let mut decisions: CorpusFile = match corpus_file::load(&desk.folder) {
            Ok(d) => d,
            Err(e) => return vec![error(e.to_string())],
        };
        decisions.decide(&row.outlet, &row.description, verdict, by.as_deref());
        if let Err(e) = corpus_file::save(&desk.folder, &decisions) {
            return vec![error(e.to_string())];
        }
        desk.decisions = decisions;
        // Our own write is not another analyst's change.
        desk.decided = crate::io::corpus::Stamp::of(&corpus_file::path_of(&desk.folder));
        if let Some(r) = desk.sources.as_mut().and_then(|s| s.get_mut(i)) {
            r.verdict = verdict;
        }
        let said = match verdict {
            Some(Verdict::Same) => "one source",
            Some(Verdict::Split) => "not one source",
            None => "proposed again",
        };
        vec![notice(format!("{} ({}): {said}", row.name, row.outlet))]
    }
}
