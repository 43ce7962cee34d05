//! Circular reporting on the claims of an open review: when the desk's folder holds other
//! reports whose claims are near-identical to one of this review's (`model::origins`), the
//! claim carries a warning — "same origin as 4 claims in 3 outlets", the earliest report named.

use super::super::workspace::Workspace;
use super::Desk;
use crate::io::corpus::Item;
use crate::model::origins::origins;
use std::collections::HashMap;
use std::path::PathBuf;

/// One claim's place in an origin shared with other reports.
#[derive(Debug, Clone, PartialEq)]
pub struct Echo {
    /// The claim's text when the folder was read: the warning holds while the sentence does.
    text: String,
    /// Claims of the same origin in the other reports.
    pub others: usize,
    pub reports: usize,
    pub outlets: usize,
    /// The earliest report of the origin ("Title (Outlet, 2026-10-03)").
    pub first: String,
    /// This claim's report is the earliest.
    pub first_here: bool,
}

impl Echo {
    /// "Same origin as 4 claims in 3 outlets; first in …".
    pub fn warning(&self) -> String {
        let claims = match self.others {
            1 => "1 claim".to_string(),
            n => format!("{n} claims"),
        };
        let outlets = match self.outlets {
            1 => "1 outlet".to_string(),
            n => format!("{n} outlets"),
        };
        let first = match self.first_here {
            true => "this report is the earliest".to_string(),
            false => format!("first in {}", self.first),
        };
        let reports = match self.reports.saturating_sub(1) {
            1 => "1 other report".to_string(),
            n => format!("{n} other reports"),
        };
        format!("Same origin as {claims} in {reports} ({outlets} in all); {first}")
    }
}

/// The claims of each review file that share an origin with claims of other reports.
pub type Echoes = HashMap<PathBuf, Vec<(usize, Echo)>>;

/// The origins shared across the reports of `items` (read on the scan's worker).
pub(super) fn echoes(items: &[Item]) -> Echoes {
    let (reports, item_of) = super::reports_of(items);
    let mut out: Echoes = HashMap::new();
    for origin in origins(&reports) {
        let Some(earliest) = origin.claims.first().map(|c| c.report) else {
            continue;
        };
        let first = &reports[earliest];
        let meta = &first.article.meta;
        let mut about: Vec<String> = meta.site_name.iter().cloned().collect();
        about.extend(
            meta.published
                .as_deref()
                .map(|d| d.chars().take(10).collect()),
        );
        let first = match about.is_empty() {
            true => format!("“{}”", first.article.title),
            false => format!("“{}” ({})", first.article.title, about.join(", ")),
        };
        for c in &origin.claims {
            let item = &items[item_of[c.report]];
            let Some(session) = item.session() else {
                continue;
            };
            out.entry(item.path.clone()).or_default().push((
                c.sentence,
                Echo {
                    text: session.sentence_text(c.sentence).to_string(),
                    others: origin.claims.len() - 1,
                    reports: origin.reports,
                    outlets: origin.outlets,
                    first: first.clone(),
                    first_here: c.report == earliest,
                },
            ));
        }
    }
    out
}

impl Desk {
    fn echo(&self, file: &std::path::Path, sentence: usize, text: &str) -> Option<&Echo> {
        self.echoes
            .get(file)?
            .iter()
            .find(|(s, e)| *s == sentence && e.text == text)
            .map(|(_, e)| e)
    }
}

impl Workspace {
    /// The circular-reporting warning on the selected claim of the shown review, when the
    /// desk's folder holds the same claim in other reports.
    pub fn origin_warning(&self) -> Option<String> {
        let desk = self.desk.as_ref().filter(|d| !d.echoes.is_empty())?;
        let review = self.active()?;
        let head = review.selection()?.head;
        let file = review.document().path.as_ref()?;
        let file = std::fs::canonicalize(file).unwrap_or_else(|_| file.clone());
        let text = review.document().session().sentence_text(head);
        desk.echo(&file, head, text).map(Echo::warning)
    }
}
