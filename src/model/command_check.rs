//! The checks every command passes before it changes anything: sentences that exist, labels
//! the taxonomy holds, claim records that make sense together.

use super::command::CommandError;
use super::record::{Credibility, LinkKind, Source};
use super::session::{Annotation, Session};
use super::taxonomy::LabelId;

impl Session {
    /// Every label id that a claim or a source refers to.
    pub fn labels_in_use(&self) -> Vec<LabelId> {
        let mut ids: Vec<LabelId> = self
            .annotations
            .iter()
            .filter_map(|a| a.label.clone())
            .chain(self.sources.iter().filter_map(|s| s.label.clone()))
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }

    pub(super) fn check_source(&self, source: &Source) -> Result<(), CommandError> {
        if let Some(id) = &source.label
            && self.taxonomy.get(id).is_none()
        {
            return Err(CommandError::UnknownLabel(id.0.to_string()));
        }
        Ok(())
    }

    /// The rules a claim's record must keep. Credibility 1 ("confirmed by other sources") needs
    /// a "corroborates" link to a claim from a different source: independent confirmation is
    /// what the grade says.
    pub fn check_annotation(&self, index: usize, a: &Annotation) -> Result<(), CommandError> {
        if let Some(id) = &a.label
            && self.taxonomy.get(id).is_none()
        {
            return Err(CommandError::UnknownLabel(id.0.to_string()));
        }
        if let Some(source) = a.source
            && self.source(source).is_none()
        {
            return Err(CommandError::Record(format!("there is no source {source}")));
        }
        if let Some(decision) = &a.decision {
            decision.validate().map_err(CommandError::Record)?;
        }
        for link in &a.links {
            match self.index_of(link.to) {
                None => {
                    return Err(CommandError::Record(
                        "a link points to a sentence that no longer exists".into(),
                    ));
                }
                Some(target) if target == index => {
                    return Err(CommandError::Record("a claim cannot link to itself".into()));
                }
                Some(_) => {}
            }
        }
        if a.credibility == Credibility::Confirmed && !self.independently_corroborated(a) {
            return Err(CommandError::Record(
                "credibility 1 (confirmed by other sources) needs a “corroborates” link to a \
                 claim from a different source; link the corroborating claim first"
                    .into(),
            ));
        }
        Ok(())
    }

    /// Whether `a` has a "corroborates" link to a claim whose source is set and differs.
    pub fn independently_corroborated(&self, a: &Annotation) -> bool {
        a.links.iter().any(|l| {
            l.kind == LinkKind::Corroborates
                && self.index_of(l.to).is_some_and(|t| {
                    let other = self.annotations[t].source;
                    other.is_some() && other != a.source
                })
        })
    }

    pub(super) fn check_sentence(&self, index: usize) -> Result<(), CommandError> {
        if index < self.sentences.len() {
            Ok(())
        } else {
            Err(CommandError::NoSuchSentence(index))
        }
    }
}
