//! Commands for the analyst's record and the taxonomy editor, built from the current session so
//! that each user action is one undoable step.

use super::command::{Command, CommandError, LabelChange};
use super::record::{Credibility, Hedging, Link, Reliability, Source, SourceId};
use super::session::{Annotation, Session};
use super::taxonomy::LabelId;

/// What happens to the claims of a label that is deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Disposal {
    /// Their label is cleared.
    Clear,
    /// They move to this label (a merge).
    MoveTo(LabelId),
}

impl Session {
    fn edit(
        &self,
        sentence: usize,
        what: String,
        change: impl FnOnce(&mut Annotation),
    ) -> Result<Command, CommandError> {
        let mut annotation = self
            .annotations
            .get(sentence)
            .cloned()
            .ok_or(CommandError::NoSuchSentence(sentence))?;
        change(&mut annotation);
        self.check_annotation(sentence, &annotation)?;
        Ok(Command::SetAnnotation {
            sentence,
            annotation: Box::new(annotation),
            what,
        })
    }

    /// Sets the credibility of a claim; refused (with the reason) when the grade needs an
    /// independent corroboration the claim lacks.
    pub fn set_credibility(
        &self,
        sentence: usize,
        c: Credibility,
    ) -> Result<Command, CommandError> {
        self.edit(
            sentence,
            format!("credibility {} on sentence {}", c.digit(), sentence + 1),
            |a| a.credibility = c,
        )
    }

    pub fn set_hedging(&self, sentence: usize, h: Hedging) -> Result<Command, CommandError> {
        self.edit(
            sentence,
            format!("hedging on sentence {}", sentence + 1),
            |a| a.hedging = h,
        )
    }

    /// Sets (or clears) the source of a claim. A proposed source left without claims goes with
    /// it, in the same step: it was only the engine's guess.
    pub fn set_claim_source(
        &self,
        sentence: usize,
        source: Option<SourceId>,
    ) -> Result<Command, CommandError> {
        let edit = self.edit(
            sentence,
            format!("source of sentence {}", sentence + 1),
            |a| a.source = source,
        )?;
        let dropped = self.emptied_proposals(&[sentence], source);
        if dropped.is_empty() {
            return Ok(edit);
        }
        Ok(Command::Batch(
            std::iter::once(edit).chain(dropped).collect(),
        ))
    }

    /// Removals of the proposed sources that back no claim once `moved` point to `to`.
    fn emptied_proposals(&self, moved: &[usize], to: Option<SourceId>) -> Vec<Command> {
        let mut left: Vec<SourceId> = moved
            .iter()
            .filter_map(|&i| self.annotations.get(i)?.source)
            .filter(|&id| Some(id) != to && self.source(id).is_some_and(|s| s.proposed))
            .collect();
        left.sort_unstable();
        left.dedup();
        left.retain(|&id| {
            !self
                .annotations
                .iter()
                .enumerate()
                .any(|(i, a)| a.source == Some(id) && !moved.contains(&i))
        });
        left.into_iter()
            .map(|id| Command::RemoveSource { id })
            .collect()
    }

    pub fn add_link(&self, sentence: usize, link: Link) -> Result<Command, CommandError> {
        if self
            .annotations
            .get(sentence)
            .is_some_and(|a| a.links.contains(&link))
        {
            return Err(CommandError::Record("that link is already there".into()));
        }
        self.edit(
            sentence,
            format!("link from sentence {}", sentence + 1),
            |a| a.links.push(link),
        )
    }

    pub fn remove_link(&self, sentence: usize, link: Link) -> Result<Command, CommandError> {
        self.edit(sentence, format!("unlink sentence {}", sentence + 1), |a| {
            a.links.retain(|l| *l != link)
        })
    }

    /// Sets the reliability grade of a source. Grading a proposed source adopts it: the analyst
    /// has judged it.
    pub fn set_reliability(&self, id: SourceId, r: Reliability) -> Result<Command, CommandError> {
        let mut source = self
            .source(id)
            .cloned()
            .ok_or_else(|| CommandError::Record(format!("no source {id}")))?;
        source.reliability = r;
        source.proposed = false;
        Ok(Command::UpdateSource { source })
    }

    /// Removes a source. A proposed source goes with its links, in one step (they were the
    /// engine's too); a source the analyst named is refused while claims rest on it.
    pub fn remove_source(&self, id: SourceId) -> Result<Command, CommandError> {
        let source = self
            .source(id)
            .ok_or_else(|| CommandError::Record(format!("no source {id}")))?;
        let remove = Command::RemoveSource { id };
        if !source.proposed {
            return Ok(remove);
        }
        let links: Vec<(usize, Option<SourceId>)> = (0..self.len())
            .filter(|&i| self.annotations[i].source == Some(id))
            .map(|i| (i, None))
            .collect();
        if links.is_empty() {
            return Ok(remove);
        }
        Ok(Command::Batch(vec![Command::LinkSources(links), remove]))
    }

    /// A new source named after the first free letter ("Source C"), of the given kind, linked to
    /// `sentence` and to the sentences that carry it over (`carried`; those the analyst already
    /// gave a source of their own keep it), as one step. Proposed sources those sentences leave
    /// without claims are removed in the same step.
    pub fn new_source_for(
        &self,
        sentence: usize,
        label: Option<LabelId>,
        carried: &[usize],
    ) -> Result<Command, CommandError> {
        let id = self.fresh_source_id();
        let source = Source {
            id,
            name: self.free_source_name(),
            label,
            descriptor: String::new(),
            reliability: Reliability::F,
            proposed: false,
        };
        let mut steps = vec![Command::AddSource {
            index: self.sources.len(),
            source,
        }];
        let open = |i: &&usize| {
            self.annotations.get(**i).is_some_and(|a| {
                a.source
                    .is_none_or(|id| self.source(id).is_none_or(|s| s.proposed))
            })
        };
        let carried: Vec<usize> = carried.iter().filter(open).copied().collect();
        for &i in std::iter::once(&sentence).chain(&carried) {
            let mut annotation = self
                .annotations
                .get(i)
                .cloned()
                .ok_or(CommandError::NoSuchSentence(i))?;
            annotation.source = Some(id);
            steps.push(Command::SetAnnotation {
                sentence: i,
                annotation: Box::new(annotation),
                what: "link source".into(),
            });
        }
        let moved: Vec<usize> = std::iter::once(sentence).chain(carried).collect();
        steps.extend(self.emptied_proposals(&moved, Some(id)));
        Ok(Command::Batch(steps))
    }

    /// "Source A", "Source B" … the first not yet taken; past Z, "Source 27" and on.
    pub fn free_source_name(&self) -> String {
        let taken = |name: &str| self.sources.iter().any(|s| s.name == name);
        (b'A'..=b'Z')
            .map(|c| format!("Source {}", c as char))
            .find(|name| !taken(name))
            .unwrap_or_else(|| {
                (27..)
                    .map(|n| format!("Source {n}"))
                    .find(|name| !taken(name))
                    .unwrap_or_default()
            })
    }

    /// Moves every claim and source of label `from` to `into`, then removes `from`.
    pub fn merge_labels(&self, from: &LabelId, into: &LabelId) -> Result<Command, CommandError> {
        self.delete_label(from, Disposal::MoveTo(into.clone()))
    }

    /// Deletes a label, doing with its claims what the analyst chose.
    pub fn delete_label(&self, id: &LabelId, disposal: Disposal) -> Result<Command, CommandError> {
        if self.taxonomy.get(id).is_none() {
            return Err(CommandError::UnknownLabel(id.0.to_string()));
        }
        let target = match &disposal {
            Disposal::Clear => None,
            Disposal::MoveTo(into) if into == id => {
                return Err(CommandError::Taxonomy(
                    "a label cannot merge into itself".into(),
                ));
            }
            Disposal::MoveTo(into) => {
                if self.taxonomy.get(into).is_none() {
                    return Err(CommandError::UnknownLabel(into.0.to_string()));
                }
                Some(into.clone())
            }
        };
        let changes: Vec<LabelChange> = self
            .annotations
            .iter()
            .enumerate()
            .filter(|(_, a)| a.label.as_ref() == Some(id))
            .map(|(sentence, a)| LabelChange {
                sentence,
                label: target.clone(),
                status: if target.is_some() {
                    a.status
                } else {
                    Default::default()
                },
            })
            .collect();
        let mut steps = Vec::new();
        if !changes.is_empty() {
            steps.push(Command::SetLabels(changes));
        }
        for source in self.sources.iter().filter(|s| s.label.as_ref() == Some(id)) {
            let mut source = source.clone();
            source.label = target.clone();
            steps.push(Command::UpdateSource { source });
        }
        steps.push(Command::RemoveLabel { id: id.clone() });
        Ok(Command::Batch(steps))
    }
}

/// The numbers an editor asks for, per source and for the article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceSummary {
    pub rows: Vec<SourceRow>,
    /// Claims: labelled sentences that are not "not a claim".
    pub claims: usize,
    /// Claims resting on one anonymous source and not corroborated by another source.
    pub single_anonymous: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SourceRow {
    pub id: SourceId,
    pub claims: usize,
    pub corroborated: Vec<usize>,
    pub contradicted: Vec<usize>,
}

impl SourceSummary {
    pub fn single_anonymous_share(&self) -> f64 {
        self.single_anonymous as f64 / self.claims.max(1) as f64
    }
}

impl Session {
    pub fn source_summary(&self) -> SourceSummary {
        use super::record::LinkKind;
        use super::taxonomy::SourceKind;
        let kind_of = |a: &Annotation| {
            a.label
                .as_ref()
                .and_then(|l| self.taxonomy.get(l))
                .map(|l| l.kind)
        };
        // Who is linked to whom: a claim is corroborated/contradicted by links in either direction.
        let mut corroborated = vec![false; self.len()];
        let mut contradicted = vec![false; self.len()];
        for (i, a) in self.annotations.iter().enumerate() {
            for link in &a.links {
                let Some(t) = self.index_of(link.to) else {
                    continue;
                };
                match link.kind {
                    LinkKind::Corroborates => {
                        corroborated[i] = true;
                        corroborated[t] = true;
                    }
                    LinkKind::Contradicts => {
                        contradicted[i] = true;
                        contradicted[t] = true;
                    }
                    _ => {}
                }
            }
        }
        let mut summary = SourceSummary::default();
        for (i, a) in self.annotations.iter().enumerate() {
            match kind_of(a) {
                None | Some(SourceKind::NotAClaim) => continue,
                Some(kind) => {
                    summary.claims += 1;
                    if kind == SourceKind::AnonymousSource && !corroborated[i] {
                        summary.single_anonymous += 1;
                    }
                }
            }
        }
        for source in &self.sources {
            let mine: Vec<usize> = (0..self.len())
                .filter(|&i| self.annotations[i].source == Some(source.id))
                .collect();
            summary.rows.push(SourceRow {
                id: source.id,
                claims: mine.len(),
                corroborated: mine.iter().copied().filter(|&i| corroborated[i]).collect(),
                contradicted: mine.iter().copied().filter(|&i| contradicted[i]).collect(),
            });
        }
        summary
    }
}
