//! Review › Compare with… and adjudication: another analyst's review beside the open one,
//! stepping between disagreements, and settling each by taking A's judgement, B's, or another
//! label. The first decision makes a new review, the adjudication (unsaved, recording both
//! inputs), so neither analyst's file is ever changed; every decision is one undo step.

use super::command_table::Action;
use super::compare::{Comparison, Standing};
use super::review::OpenReview;
use super::selection::Selection;
use super::workspace::{Effect, Workspace, error, notice};
use crate::model::adjudication::{Adjudication, Decision, Input, Took};
use crate::model::{Annotation, Command, Document, Provenance, Source, Status};
use std::path::{Path, PathBuf};

mod judgements;
use judgements::{from_a, from_b};

impl OpenReview {
    /// The other analyst's review shown beside this one, if any.
    pub fn comparison(&self) -> Option<&Comparison> {
        self.compare.as_ref()
    }

    /// Whether this review settles two others.
    pub fn is_adjudication(&self) -> bool {
        self.doc.session().provenance().adjudication.is_some()
    }

    /// Which input of this adjudication ("A" or "B") the file at `path` is, if it is one.
    pub(super) fn input_at(&self, path: &Path) -> Option<&'static str> {
        let record = self.doc.session().provenance().adjudication.as_ref()?;
        record
            .inputs
            .iter()
            .zip(["A", "B"])
            .find(|(input, _)| same_file(Path::new(&input.file), path))
            .map(|(_, which)| which)
    }

    /// Brings the comparison up to date with the review's latest change.
    pub(super) fn refresh_comparison(&mut self) -> Option<String> {
        let (revision, structure) = (self.doc.revision(), self.doc.structure_revision());
        let touched = std::mem::take(&mut self.touched);
        let compare = self.compare.as_mut()?;
        // The edits since the last look, if they lead here one after another.
        let since = match (touched.first(), touched.last()) {
            (Some(first), Some(last)) if last.1 == revision => Some(first.0),
            _ => None,
        };
        let sentences: Vec<usize> = touched.into_iter().flat_map(|t| t.2).collect();
        let hint = since.map(|from| (from, &sentences[..]));
        compare
            .refresh_touched(self.doc.session(), (revision, structure), hint)
            .err()
    }
}

impl Workspace {
    /// Compares the shown review with the review at `path`.
    pub(super) fn compare_with(&mut self, path: PathBuf) -> Vec<Effect> {
        let Some(review) = self.active_mut() else {
            return Vec::new();
        };
        if review
            .doc
            .path
            .as_deref()
            .is_some_and(|p| same_file(p, &path))
        {
            return vec![error(format!(
                "{} is the review shown: choose another analyst's review of this article",
                path.display()
            ))];
        }
        match Comparison::open(&path, review.doc.session()) {
            Ok(comparison) => {
                let summary = summary(&comparison);
                let first = comparison.step(None, true);
                review.compare = Some(comparison);
                let mut effects = vec![notice(summary)];
                if let Some(i) = first {
                    review.selection = Some(Selection::single(i));
                    effects.push(Effect::Reveal(i));
                }
                effects
            }
            Err(e) => vec![error(e)],
        }
    }

    /// The commands of the Review menu's compare section.
    pub(super) fn adjudicate(&mut self, action: Action, move_on: bool) -> Vec<Effect> {
        let by = self.analyst.clone();
        let Some(review) = self.active_mut() else {
            return Vec::new();
        };
        if review.compare.is_none() {
            return vec![notice(
                "Compare with another analyst's review first (Review › Compare with…)",
            )];
        }
        if let Some(e) = review.refresh_comparison() {
            return vec![error(e)];
        }
        match action {
            Action::StopComparing => {
                review.compare = None;
                vec![notice("Stopped comparing")]
            }
            Action::NextDisagreement | Action::PreviousDisagreement => {
                step(review, action == Action::NextDisagreement)
            }
            Action::TakeA | Action::TakeB | Action::TakeAllA => {
                let begins = !review.is_adjudication();
                if begins {
                    if by.is_none() && !self.analyst_asked {
                        return self.ask_name_to_adjudicate();
                    }
                    if let Err(e) = self.begin_adjudication() {
                        return vec![error(e)];
                    }
                }
                let Some(review) = self.active_mut() else {
                    return Vec::new();
                };
                let effects = match action {
                    Action::TakeAllA => take_all_a(review, by),
                    took => take(
                        review,
                        if took == Action::TakeA {
                            Took::A
                        } else {
                            Took::B
                        },
                        by,
                    ),
                };
                let refused = effects
                    .iter()
                    .any(|e| matches!(e, Effect::Message(super::workspace::Message::Error(_))));
                if begins && refused {
                    // The adjudication it would have begun goes again: nothing was decided.
                    let mut effects = effects;
                    effects.extend(self.close());
                    return effects;
                }
                let mut effects = after_decision(review, effects, move_on);
                if begins {
                    effects.push(Effect::NewReview);
                }
                effects
            }
            _ => Vec::new(),
        }
    }

    /// A label key (or a label chosen from a menu) in an adjudication settles the selected
    /// disagreements with that label.
    /// `None` when the key is not for that (no adjudication shown, or no disagreement there).
    pub(super) fn decide_label(
        &mut self,
        pick: impl Fn(&crate::model::SourceType) -> bool,
        move_on: bool,
    ) -> Option<Vec<Effect>> {
        let by = self.analyst.clone();
        let review = self.active_mut()?;
        if !review.is_adjudication() {
            return None;
        }
        review.refresh_comparison();
        let compare = review.compare.as_ref()?;
        let selection = review.selection?;
        let listed = compare.listed_in(selection.range());
        if listed.is_empty() {
            return None;
        }
        let session = review.doc.session();
        let label = session.taxonomy().labels.iter().find(|l| pick(l))?;
        let name = label.name.clone();
        let id = label.id.clone();
        let steps = listed
            .iter()
            .map(|&i| {
                let (a, b) = compare.sides(session, i);
                let took = if a.label.as_deref() == Some(&name) {
                    Took::A
                } else if b.label.as_deref() == Some(&name) {
                    Took::B
                } else {
                    Took::Other
                };
                let mut annotation = session.annotations()[i].clone();
                annotation.label = Some(id.clone());
                annotation.status = Status::Confirmed;
                annotation.decision = Some(Box::new(Decision {
                    took,
                    by: by.clone(),
                }));
                set(i, annotation, "Adjudicate: another label")
            })
            .collect();
        let effects = apply(review, Command::Batch(steps));
        Some(after_decision(review, effects, move_on))
    }

    fn ask_name_to_adjudicate(&mut self) -> Vec<Effect> {
        let mut effects = self.ask_name();
        effects.push(notice(
            "An adjudication records who decided: give your name (or skip), then take A or B again",
        ));
        effects
    }

    /// Makes the adjudication: a new review, a copy of the shown one (A), that records both
    /// inputs and takes the comparison over. A must be saved, so that the record names the
    /// file and version it started from.
    fn begin_adjudication(&mut self) -> Result<(), String> {
        let review = self.active().ok_or("no review is open")?;
        let compare = review.compare.as_ref().ok_or("nothing is compared")?;
        let Some(a_path) = review.doc.path.clone().filter(|_| !review.doc.is_dirty()) else {
            return Err(
                "Save this review first: the adjudication records the file it starts \
                        from, and never changes it"
                    .into(),
            );
        };
        let a_sha = crate::model::article::sha256_hex_bytes(
            &std::fs::read(&a_path)
                .map_err(|e| format!("Cannot read {}: {e}", a_path.display()))?,
        );
        let analyst = |p: &Provenance| p.changed_by.clone().or_else(|| p.created_by.clone());
        let a = review.doc.session();
        let record = Adjudication {
            inputs: vec![
                Input {
                    file: a_path.display().to_string(),
                    analyst: analyst(a.provenance()),
                    sha256: a_sha,
                },
                Input {
                    file: compare.path.display().to_string(),
                    analyst: analyst(compare.other.provenance()),
                    sha256: compare.other_sha256.clone(),
                },
            ],
        };
        let session = a.clone().with_provenance(Provenance {
            adjudication: Some(record),
            ..Provenance::default()
        });
        let mut comparison = compare.clone();
        comparison.begin_adjudication(a);
        let (suggestions, selection) = (review.suggestions.clone(), review.selection);
        self.install(Document::new(session, None), Some(suggestions));
        if let Some(r) = self.active_mut() {
            r.compare = Some(comparison);
            r.selection = selection;
            r.refresh_comparison();
        }
        Ok(())
    }
}

/// "Compared with b.ron (Lee S.): 12 disagreements in 340 sentences".
fn summary(c: &Comparison) -> String {
    let who = c.other_analyst();
    let mut text = format!(
        "Comparing with {}{who}: {} disagreements in {} sentences",
        c.name(),
        c.disagreements(),
        c.standing().len()
    );
    if !c.unaligned.is_empty() {
        text.push_str(&format!(
            "; {} of its claims have no place in this text",
            c.unaligned.len()
        ));
    }
    if !c.unmatched.is_empty() {
        let names: Vec<&str> = c.unmatched.iter().map(|m| m.label.as_str()).collect();
        text.push_str(&format!("; labels only one side has: {}", names.join(", ")));
    }
    text
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

fn step(review: &mut OpenReview, forward: bool) -> Vec<Effect> {
    let Some(compare) = &review.compare else {
        return Vec::new();
    };
    match compare.step(review.selection.map(|s| s.head), forward) {
        Some(i) => {
            review.selection = Some(Selection::single(i));
            vec![Effect::Reveal(i)]
        }
        None if compare.decided() > 0 => vec![notice("Every disagreement is settled")],
        None => vec![notice("The two reviews agree on every sentence")],
    }
}

fn set(sentence: usize, annotation: Annotation, what: &str) -> Command {
    Command::SetAnnotation {
        sentence,
        annotation: Box::new(annotation),
        what: what.to_string(),
    }
}

fn apply(review: &mut OpenReview, command: Command) -> Vec<Effect> {
    match review.apply(command) {
        Ok(()) => {
            review.refresh_comparison();
            Vec::new()
        }
        Err(e) => vec![error(e)],
    }
}

/// After a decision landed, the next disagreement to settle is selected (as a label moves on
/// to the next sentence to review).
fn after_decision(review: &mut OpenReview, effects: Vec<Effect>, move_on: bool) -> Vec<Effect> {
    if !effects.is_empty() || !move_on {
        return effects;
    }
    let next = review
        .compare
        .as_ref()
        .and_then(|c| c.step(review.selection.map(|s| *s.range().end()), true));
    match next {
        Some(i) => {
            review.selection = Some(Selection::single(i));
            vec![Effect::Reveal(i)]
        }
        None => vec![notice(
            "Every disagreement is settled: save the adjudication",
        )],
    }
}

/// Takes A's or B's judgement on the selected disagreements, as one step.
fn take(review: &mut OpenReview, took: Took, by: Option<String>) -> Vec<Effect> {
    let (Some(selection), Some(compare)) = (review.selection, review.compare.as_ref()) else {
        return vec![notice("Select a disagreement first")];
    };
    let session = review.doc.session();
    let chosen = compare.listed_in(selection.range());
    if chosen.is_empty() {
        return vec![notice(
            "The two reviews agree here: nothing to settle (] goes to the next disagreement)",
        )];
    }
    let mut steps = Vec::new();
    let mut added: Vec<Source> = Vec::new();
    for &i in &chosen {
        let decision = Decision {
            took,
            by: by.clone(),
        };
        let annotation = match took {
            Took::B => match from_b(session, compare, i, &mut added) {
                Ok(a) => a,
                Err(e) => return vec![error(format!("Not changed: {e}"))],
            },
            _ => from_a(session, compare, i),
        };
        steps.push(set(
            i,
            Annotation {
                decision: Some(Box::new(decision)),
                ..annotation
            },
            &format!("Adjudicate: {}", took.describe()),
        ));
    }
    if !added.is_empty() {
        steps.insert(0, Command::AddSources(added));
    }
    apply(review, Command::Batch(steps))
}

/// "Take all of A where B has nothing": every open disagreement where only A has a label.
fn take_all_a(review: &mut OpenReview, by: Option<String>) -> Vec<Effect> {
    let Some(compare) = review.compare.as_ref() else {
        return Vec::new();
    };
    let session = review.doc.session();
    let steps: Vec<Command> = (0..compare.standing().len())
        .filter(|&i| compare.standing()[i] == Standing::Label)
        .filter(|&i| {
            let (a, b) = compare.sides(session, i);
            a.label.is_some() && b.label.is_none()
        })
        .map(|i| {
            let annotation = Annotation {
                decision: Some(Box::new(Decision {
                    took: Took::A,
                    by: by.clone(),
                })),
                ..from_a(session, compare, i)
            };
            set(i, annotation, "Adjudicate: take A where B has nothing")
        })
        .collect();
    if steps.is_empty() {
        return vec![notice("There is no disagreement where only A has a label")];
    }
    let n = steps.len();
    let mut effects = apply(review, Command::Batch(steps));
    if effects.is_empty() {
        effects.push(notice(format!(
            "Took A on {n} sentences where B has nothing"
        )));
    }
    effects
}
