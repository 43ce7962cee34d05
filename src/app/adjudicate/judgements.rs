//! What taking A or B puts on a claim of the adjudication: A's judgement as the adjudication
//! began, or B's in this review's terms (its label matched by name, its source found or added).

use crate::app::compare::Comparison;
use crate::model::{Annotation, LabelId, Session, Source, Status};

/// A's claim as the adjudication began (or as it is, when it began in an earlier run),
/// confirmed: taking a suggestion makes it the adjudicator's judgement.
pub(super) fn from_a(session: &Session, compare: &Comparison, i: usize) -> Annotation {
    let current = &session.annotations()[i];
    let original = compare
        .snapshot
        .as_ref()
        .and_then(|s| s.annotation(session.ids()[i]));
    let mut a = original.cloned().unwrap_or_else(|| current.clone());
    // Sources and links are this review's own: keep those of the claim as it is here when
    // the original's no longer exist.
    if a.source.is_some_and(|s| session.source(s).is_none()) {
        a.source = current.source;
    }
    a.links.retain(|l| session.index_of(l.to).is_some());
    if a.label.is_some() {
        a.status = Status::Confirmed;
    }
    a
}

/// B's claim on sentence `i`, in this review's terms: its label matched by name, its source
/// found by name and kind or added (to `added`), its grades and note; links, which point into
/// B's sentences, stay behind.
pub(super) fn from_b(
    session: &Session,
    compare: &Comparison,
    i: usize,
    added: &mut Vec<Source>,
) -> Result<Annotation, String> {
    let other = &compare.other;
    let b = compare
        .other_sentence(i)
        .and_then(|j| other.annotations().get(j))
        .cloned()
        .unwrap_or_default();
    let label = match &b.label {
        None => None,
        Some(id) => Some(matching_label(session, other, id)?),
    };
    let source = match b.source.and_then(|s| other.source(s)) {
        None => None,
        Some(theirs) => {
            let kind = theirs
                .label
                .as_ref()
                .and_then(|l| matching_label(session, other, l).ok());
            let same = |s: &Source| s.name == theirs.name && s.label == kind;
            match session
                .sources()
                .iter()
                .chain(added.iter())
                .find(|s| same(s))
            {
                Some(s) => Some(s.id),
                None => {
                    let id =
                        crate::model::SourceId(session.fresh_source_id().0 + added.len() as u32);
                    added.push(Source {
                        id,
                        label: kind,
                        proposed: false,
                        ..theirs.clone()
                    });
                    Some(id)
                }
            }
        }
    };
    Ok(Annotation {
        status: if label.is_some() {
            Status::Confirmed
        } else {
            Status::default()
        },
        label,
        source,
        links: Vec::new(),
        decision: None,
        ..b
    })
}

/// This review's label of the same name as the other review's `id` (labels are matched by
/// name, as the agreement figures match them).
fn matching_label(session: &Session, other: &Session, id: &LabelId) -> Result<LabelId, String> {
    let name = other
        .taxonomy()
        .get(id)
        .map_or_else(|| id.as_str().to_string(), |l| l.name.clone());
    session
        .taxonomy()
        .labels
        .iter()
        .find(|l| l.name.eq_ignore_ascii_case(&name))
        .map(|l| l.id.clone())
        .ok_or_else(|| {
            format!(
                "B's label \"{name}\" is not among this review's labels: add it (Review › Edit \
                 labels…) or settle the claim with a label key"
            )
        })
}
