//! Who the analyst is: asked once, on the first save (the answer, or a skip, is remembered
//! as a preference), changed with Review › Your name…; every save records it in the review
//! (`model::Provenance`), and exports and comparisons name it.

use super::flow::{Intent, Question};
use super::workspace::{Effect, Workspace, notice};
use crate::model::provenance::now_utc;
use std::path::PathBuf;

/// A save held back until the analyst has said their name (or skipped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldSave {
    pub path: PathBuf,
    pub then: Option<Intent>,
    pub force: bool,
}

/// Names are one line of at most 200 characters (they go into file headers and CSV cells).
pub fn clean_name(name: &str) -> Option<String> {
    let one_line: String = name
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let name = one_line.split_whitespace().collect::<Vec<_>>().join(" ");
    (!name.is_empty()).then(|| name.chars().take(200).collect())
}

impl Workspace {
    pub fn analyst(&self) -> Option<&str> {
        self.analyst.as_deref()
    }

    /// Whether the name was asked for already (answered or skipped): it is asked once.
    pub fn analyst_asked(&self) -> bool {
        self.analyst_asked
    }

    /// A workspace whose analyst was asked already (`name`, or skipped).
    pub fn with_analyst(mut self, name: Option<String>, asked: bool) -> Self {
        self.set_analyst(name, asked);
        self
    }

    /// The preference as kept from the last run.
    pub(super) fn set_analyst(&mut self, name: Option<String>, asked: bool) {
        self.analyst = name.as_deref().and_then(clean_name);
        self.analyst_asked = asked || self.analyst.is_some();
    }

    /// Before the first save of all, the analyst is asked who they are; the save waits.
    pub(super) fn hold_for_name(&mut self, held: HeldSave) -> Option<Vec<Effect>> {
        if self.analyst_asked || self.analyst.is_some() {
            return None;
        }
        self.question = Some(Question::AnalystName(Some(held)));
        Some(Vec::new())
    }

    /// The answer to "Your name": `None` skips. A held save goes on either way.
    pub(super) fn named(&mut self, name: Option<String>) -> Vec<Effect> {
        let held = match self.question.take() {
            Some(Question::AnalystName(held)) => held,
            other => {
                self.question = other;
                return Vec::new();
            }
        };
        self.analyst_asked = true;
        let mut effects = Vec::new();
        if let Some(name) = name.as_deref().and_then(clean_name) {
            if held.is_none() {
                effects.push(notice(format!("Reviews you save now record {name}")));
            }
            self.analyst = Some(name);
        }
        if let Some(HeldSave { path, then, force }) = held {
            effects.extend(self.save_to_with(path, then, force));
        }
        effects
    }

    /// Review › Your name…: asks again, with no save waiting.
    pub(super) fn ask_name(&mut self) -> Vec<Effect> {
        if self.question.is_none() {
            self.question = Some(Question::AnalystName(None));
        }
        Vec::new()
    }

    /// Stamps the shown review with who saves it, now.
    pub(super) fn stamp_active(&mut self) {
        let analyst = self.analyst.clone();
        if let Some(review) = self.active_mut() {
            review.doc.stamp_save(analyst.as_deref(), &now_utc());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_one_trimmed_line() {
        assert_eq!(clean_name("  Kim\tJ.\n "), Some("Kim J.".into()));
        assert_eq!(clean_name(" \n"), None);
        assert_eq!(clean_name(&"x".repeat(300)).map(|n| n.len()), Some(200));
    }
}
