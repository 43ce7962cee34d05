//! The commands that change a session's structure rather than its claims: a new located label,
//! and the sentence boundary edits (split, merge) with the checks that keep spans valid.

use super::command::{Command, CommandError};
use super::record::{Credibility, SentenceId};
use super::segment::{Span, trim_span};
use super::session::{Annotation, Session};
use super::taxonomy::{LabelId, SourceKind, SourceType};

impl Session {
    /// The command that adds a label "Source in <place>" for a located source no label covers,
    /// after the existing labels.
    pub fn add_location_label(&self, place: &str) -> Command {
        let place = place.trim();
        let slug: String = place
            .chars()
            .map(|c| {
                if c.is_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '_'
                }
            })
            .collect();
        let mut id = format!("in_{}", slug.trim_matches('_'));
        while self.taxonomy.get(&LabelId::new(id.clone())).is_some() {
            id.push('_');
        }
        let (key, color) = (self.taxonomy.free_key(), self.taxonomy.next_color());
        Command::AddLabel {
            index: self.taxonomy.labels.len(),
            label: SourceType {
                id: LabelId::new(id),
                name: format!("Source in {place}"),
                kind: SourceKind::AnonymousSource,
                location: Some(place.to_string()),
                color,
                key,
                description: format!("One anonymous source located in {place}."),
                aliases: vec![place.to_string()],
            },
        }
    }

    /// The command that splits sentence `index` at byte `at` of the text. Both parts keep the
    /// label, its status and the note, since the analyst's judgement covered the whole.
    pub fn split(&self, index: usize, at: usize) -> Result<Command, CommandError> {
        self.check_sentence(index)?;
        let span = self.sentences[index];
        let text = &self.article.text;
        if at <= span.start || at >= span.end || !text.is_char_boundary(at) {
            return Err(CommandError::Boundary(
                "choose a point inside the sentence to split it".into(),
            ));
        }
        let left = trim_span(text, Span::new(span.start, at));
        let right = trim_span(text, Span::new(at, span.end));
        if left.is_empty() || right.is_empty() {
            return Err(CommandError::Boundary(
                "a split there would leave an empty sentence".into(),
            ));
        }
        let annotation = self.annotations[index].clone();
        Ok(Command::Resegment {
            first: index,
            remove: 1,
            insert: vec![
                (left, self.ids[index], annotation.clone()),
                (right, self.fresh_id(), annotation),
            ],
        })
    }

    /// The command that merges sentence `index` with the next one in the same paragraph. The
    /// result keeps the first sentence's label (or the second's if the first has none) and both
    /// notes.
    pub fn merge_with_next(&self, index: usize) -> Result<Command, CommandError> {
        self.check_sentence(index)?;
        let next = index + 1;
        if next >= self.sentences.len() || self.paragraph_of(index) != self.paragraph_of(next) {
            return Err(CommandError::Boundary(
                "only sentences of the same paragraph can be merged".into(),
            ));
        }
        let (a, b) = (&self.annotations[index], &self.annotations[next]);
        let (keep_id, gone_id) = (self.ids[index], self.ids[next]);
        let kept = if a.label.is_some() { a } else { b };
        let note = match (a.note.is_empty(), b.note.is_empty()) {
            (false, false) => format!("{}\n{}", a.note, b.note),
            (false, true) => a.note.clone(),
            _ => b.note.clone(),
        };
        let mut links = a.links.clone();
        for link in &b.links {
            if !links.contains(link) {
                links.push(*link);
            }
        }
        links.retain(|l| l.to != keep_id && l.to != gone_id);
        let mut merged = Annotation {
            label: kept.label.clone(),
            status: kept.status,
            note,
            source: a.source.or(b.source),
            credibility: a.credibility,
            hedging: a.hedging,
            links,
            decision: kept.decision.clone(),
        };
        // "Confirmed" rests on a link between the two that the merge removes.
        if merged.credibility == Credibility::Confirmed && !self.independently_corroborated(&merged)
        {
            merged.credibility = Credibility::Probable;
        }
        let span = Span::new(self.sentences[index].start, self.sentences[next].end);
        let mut steps = vec![Command::Resegment {
            first: index,
            remove: 2,
            insert: vec![(span, keep_id, merged)],
        }];
        // Links from other claims to the second sentence now point at the merged one. Indices
        // after the merge shift down by one.
        for (i, other) in self.annotations.iter().enumerate() {
            if i == index || i == next || !other.links.iter().any(|l| l.to == gone_id) {
                continue;
            }
            let mut annotation = other.clone();
            for link in &mut annotation.links {
                if link.to == gone_id {
                    link.to = keep_id;
                }
            }
            annotation.links.dedup();
            steps.push(Command::SetAnnotation {
                sentence: if i > next { i - 1 } else { i },
                annotation: Box::new(annotation),
                what: "redirect links".into(),
            });
        }
        Ok(if steps.len() == 1 {
            steps.remove(0)
        } else {
            Command::Batch(steps)
        })
    }

    pub(super) fn check_resegment(
        &self,
        first: usize,
        remove: usize,
        insert: &[(Span, SentenceId, Annotation)],
    ) -> Result<(), CommandError> {
        let end = first
            .checked_add(remove)
            .filter(|&e| e <= self.sentences.len())
            .ok_or(CommandError::NoSuchSentence(first + remove))?;
        if remove == 0 && insert.is_empty() {
            return Err(CommandError::Empty);
        }
        let text = &self.article.text;
        let floor = if first > 0 {
            self.sentences[first - 1].end
        } else {
            0
        };
        let ceiling = self.sentences.get(end).map_or(text.len(), |s| s.start);
        let mut previous_end = floor;
        for (span, id, annotation) in insert {
            let clash = self.ids[..first]
                .iter()
                .chain(&self.ids[end..])
                .any(|i| i == id);
            if clash {
                return Err(CommandError::Boundary(format!(
                    "sentence id {} is in use",
                    id.0
                )));
            }
            let ok = span.start < span.end
                && span.start >= previous_end
                && span.end <= ceiling
                && text.is_char_boundary(span.start)
                && text.is_char_boundary(span.end)
                && self.paragraphs.iter().any(|p| p.contains(*span));
            if !ok {
                return Err(CommandError::Boundary(format!(
                    "{}..{} is not a valid sentence here",
                    span.start, span.end
                )));
            }
            if let Some(id) = &annotation.label
                && self.taxonomy.get(id).is_none()
            {
                return Err(CommandError::UnknownLabel(id.0.to_string()));
            }
            previous_end = span.end;
        }
        Ok(())
    }
}
