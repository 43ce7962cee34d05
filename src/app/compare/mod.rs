//! Another analyst's review held beside the open one (Review › Compare with…): which
//! sentences the two disagree on, what each says there, stepping from one disagreement to the
//! next, and the agreement figures, recomputed when the open review changes. In an
//! adjudication it also keeps review A as it was when the adjudication began, so that A's
//! side still shows after B's judgement was taken.

use crate::model::adjudication::Took;
use crate::model::compare::{Counting, Unaligned, UnmatchedLabel, line_up};

mod live;
use crate::model::{Annotation, SentenceId, Session};
use live::Live;
pub use live::Summary;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// How the two reviews stand on one sentence of the open review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Neither has a label there.
    Neither,
    /// The same label, source reliability and credibility.
    Agree,
    /// Different labels, or a label on one side only.
    Label,
    /// The same label, different grades.
    Grade,
    /// Settled in this adjudication.
    Decided(Took),
}

impl Standing {
    /// A disagreement still to settle.
    pub fn is_open(self) -> bool {
        matches!(self, Standing::Label | Standing::Grade)
    }

    /// Shown in the list of differences: open or settled.
    pub fn is_listed(self) -> bool {
        self.is_open() || matches!(self, Standing::Decided(_))
    }
}

/// What one review says about one sentence, as the compare list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Side {
    /// The label's name; `None` for no label (or no sentence there).
    pub label: Option<String>,
    /// Only suggested, not confirmed by the analyst.
    pub suggested: bool,
    pub source: Option<String>,
    /// "B2": reliability of the source and credibility of the claim.
    pub grade: String,
    pub note: String,
}

impl Side {
    fn of(session: &Session, a: &Annotation) -> Side {
        let source = a.source.and_then(|s| session.source(s));
        Side {
            label: a.label.as_ref().map(|id| {
                session
                    .taxonomy()
                    .get(id)
                    .map_or_else(|| id.as_str().to_string(), |l| l.name.clone())
            }),
            suggested: a.label.is_some() && a.status == crate::model::Status::Suggested,
            source: source.map(|s| s.name.clone()),
            grade: format!(
                "{}{}",
                source.map_or('F', |s| s.reliability.letter()),
                a.credibility.digit()
            ),
            note: a.note.clone(),
        }
    }
}

/// Review A as the adjudication began: its claims, found by sentence id.
#[derive(Clone)]
pub struct Snapshot {
    pub session: Session,
    at: HashMap<SentenceId, usize>,
    /// A against B, as they stood when the adjudication began.
    pub figures: Summary,
}

impl Snapshot {
    pub fn annotation(&self, id: SentenceId) -> Option<&Annotation> {
        self.at
            .get(&id)
            .and_then(|&i| self.session.annotations().get(i))
    }
}

/// The other review and what comparing it with the open one found, at one revision.
#[derive(Clone)]
pub struct Comparison {
    pub path: PathBuf,
    /// The other review, re-anchored onto the open review's text when it was of another
    /// version of it.
    pub other: Session,
    /// SHA-256 of the other review's file as read.
    pub other_sha256: String,
    /// Its claims that found no place in the open review's text.
    pub unaligned: Vec<Unaligned>,
    /// Labels one side uses that the other's taxonomy has no label of that name for.
    pub unmatched: Vec<UnmatchedLabel>,
    /// What the figures count (the view shows every difference whatever this says).
    pub counting: Counting,
    /// Review A as the adjudication began, in an adjudication begun in this run.
    pub snapshot: Option<Snapshot>,
    live: Option<Live>,
}

impl Comparison {
    /// Reads the review at `path` to compare with `open`; refused when it cannot be read or
    /// is of another article.
    pub fn open(path: &Path, open: &Session) -> Result<Comparison, String> {
        let (other, other_sha256) =
            crate::io::session_file::load_session_and_checksum(path).map_err(|e| e.to_string())?;
        let refused = |e: String| format!("Cannot compare with {}: {e}", path.display());
        let probe = line_up(&[open, &other], Counting::default()).map_err(refused)?;
        let other = if other.article().text == open.article().text {
            other
        } else {
            // Re-anchored once here, so that each refresh lines up texts that are one.
            crate::model::anchor::reanchor(&other, open.article().clone()).session
        };
        let mut comparison = Comparison {
            path: path.to_path_buf(),
            other,
            other_sha256,
            unaligned: probe.unaligned,
            unmatched: probe.unmatched_labels,
            counting: Counting::default(),
            snapshot: None,
            live: None,
        };
        comparison.refresh(open, 0, 0).map_err(refused)?;
        Ok(comparison)
    }

    /// The file's name, as the view calls the other review.
    pub fn name(&self) -> String {
        self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// " (Lee S.)": who made or last changed the other review, when it says.
    pub fn other_analyst(&self) -> String {
        let names = self.other.provenance().analysts();
        names.first().map(|n| format!(" ({n})")).unwrap_or_default()
    }

    /// Keeps `a` as review A was when an adjudication of it began.
    pub fn begin_adjudication(&mut self, a: &Session) {
        let figures = Live::new(a, &self.other, self.counting).summary();
        // The adjudication is another review, with revisions of its own.
        self.live = None;
        self.snapshot = Some(Snapshot {
            session: a.clone(),
            at: a.ids().iter().enumerate().map(|(i, id)| (*id, i)).collect(),
            figures,
        });
    }

    /// Brings the figures up to `revision` of the open review (nothing to do when they are).
    /// While its boundaries and taxonomy stay as they were (`structure`, its structure
    /// revision), only the judgements that changed are counted again. Refused when the open
    /// review's text is no longer the one the other review was lined up on (a re-import).
    pub fn refresh(&mut self, open: &Session, revision: u64, structure: u64) -> Result<(), String> {
        self.refresh_touched(open, (revision, structure), None)
    }

    /// As [`Comparison::refresh`], told that going from revision `from` to this one changed
    /// only the claims of these sentences (when `touched` is given).
    pub fn refresh_touched(
        &mut self,
        open: &Session,
        (revision, structure): (u64, u64),
        touched: Option<(u64, &[usize])>,
    ) -> Result<(), String> {
        match &mut self.live {
            Some(live) if live.revision == revision => {}
            Some(live) if live.structure == structure && live.standing.len() == open.len() => {
                match touched {
                    Some((from, sentences)) if from == live.revision => {
                        live.update_only(open, sentences)
                    }
                    _ => live.update(open),
                }
                live.revision = revision;
            }
            _ if open.article().text != self.other.article().text => {
                self.live = None;
                return Err(format!(
                    "the article's text changed since {} was lined up on it: compare again",
                    self.name()
                ));
            }
            _ => {
                let mut live = Live::new(open, &self.other, self.counting);
                (live.revision, live.structure) = (revision, structure);
                self.live = Some(live);
            }
        }
        Ok(())
    }

    /// The figures at the last refresh.
    pub fn figures(&self) -> Option<Summary> {
        self.live.as_ref().map(Live::summary)
    }

    /// Per sentence of the open review.
    pub fn standing(&self) -> &[Standing] {
        self.live.as_ref().map_or(&[], |l| &l.standing)
    }

    /// Disagreements still to settle.
    pub fn disagreements(&self) -> usize {
        self.live.as_ref().map_or(0, |l| l.open)
    }

    /// Disagreements settled in this adjudication.
    pub fn decided(&self) -> usize {
        self.live.as_ref().map_or(0, |l| l.decided)
    }

    /// The sentences the compare list shows: open disagreements and settled ones, in order.
    pub fn listed(&self) -> &[usize] {
        self.live.as_ref().map_or(&[], |l| &l.listed)
    }

    /// Of these sentences (a selection), those the compare list shows.
    pub fn listed_in(&self, sentences: std::ops::RangeInclusive<usize>) -> Vec<usize> {
        let standing = self.standing();
        sentences
            .filter(|&i| standing.get(i).is_some_and(|s| s.is_listed()))
            .collect()
    }

    /// The other review's sentence over sentence `i` of the open one.
    pub fn other_sentence(&self, i: usize) -> Option<usize> {
        self.live
            .as_ref()
            .and_then(|l| l.covering.get(i).copied().flatten())
    }

    /// What A (the open review, or A as the adjudication began) and B say on sentence `i`.
    pub fn sides(&self, open: &Session, i: usize) -> (Side, Side) {
        let a = match (&self.snapshot, open.ids().get(i)) {
            (Some(snapshot), Some(&id)) => snapshot
                .annotation(id)
                .map(|a| Side::of(&snapshot.session, a)),
            _ => None,
        }
        .or_else(|| open.annotations().get(i).map(|a| Side::of(open, a)))
        .unwrap_or_default();
        let b = self
            .other_sentence(i)
            .and_then(|j| self.other.annotations().get(j))
            .map(|a| Side::of(&self.other, a))
            .unwrap_or_default();
        (a, b)
    }

    /// The next disagreement still to settle after sentence `from` (or the previous one before
    /// it), wrapping round the text's end; `None` when there is none.
    pub fn step(&self, from: Option<usize>, forward: bool) -> Option<usize> {
        let standing = self.standing();
        let n = standing.len();
        if n == 0 {
            return None;
        }
        let start = match (from, forward) {
            (Some(i), _) => i.min(n - 1),
            (None, true) => n - 1,
            (None, false) => 0,
        };
        (1..=n)
            .map(|k| {
                if forward {
                    (start + k) % n
                } else {
                    (start + n - k % n) % n
                }
            })
            .find(|&i| standing[i].is_open())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Credibility, LabelId, Taxonomy};

    fn reviews() -> (Session, Session) {
        let text = "A source in Hyesan said prices rose. KCNA denied it. The market closed. \
                    Traders said rice was scarce.";
        let a = Session::new(Article::new("t", None, text), Taxonomy::default_preset());
        let mut first = a.annotations().to_vec();
        let mut second = first.clone();
        for (i, label) in ["inside_nk", "official", "not_claim", "multiple"]
            .iter()
            .enumerate()
        {
            first[i].label = Some(LabelId::new(*label));
            second[i].label = Some(LabelId::new(*label));
        }
        second[1].label = Some(LabelId::new("other_media"));
        second[2].label = None;
        second[3].credibility = Credibility::Probable;
        (a.with_annotations(first), a.with_annotations(second))
    }

    #[test]
    fn each_sentence_stands_as_the_two_reviews_say_and_steps_go_round() {
        let (a, b) = (reviews().0, reviews().1);
        let dir = tempfile::tempdir().expect("a folder");
        let path = dir.path().join("b.ron");
        crate::io::save_session(&path, &b).expect("saves");
        let mut c = Comparison::open(&path, &a).expect("compares");
        use Standing::*;
        assert_eq!(c.standing(), [Agree, Label, Label, Grade]);
        assert_eq!(c.disagreements(), 3);
        assert_eq!(c.step(None, true), Some(1));
        assert_eq!(c.step(Some(1), true), Some(2));
        assert_eq!(c.step(Some(3), true), Some(1), "wraps round");
        assert_eq!(c.step(Some(1), false), Some(3), "and back");
        assert_eq!(c.step(None, false), Some(3));
        // The figures leave out the sentence only one analyst labelled.
        assert_eq!(c.figures().map(|f| f.compared), Some(3));
        // The open review changed: the figures follow at the next revision only.
        c.refresh(&b, 0, 0).expect("same revision");
        assert_eq!(c.disagreements(), 3);
        c.refresh(&b, 1, 0).expect("refreshes");
        assert_eq!(c.disagreements(), 0);
        assert_eq!(c.step(Some(0), true), None);
    }

    /// After each change only A's judgements are taken again: the figures and standings must
    /// be those a fresh line-up gives.
    #[test]
    fn figures_kept_up_to_date_are_the_figures_computed_afresh() {
        let (a, b) = reviews();
        let dir = tempfile::tempdir().expect("a folder");
        let path = dir.path().join("b.ron");
        crate::io::save_session(&path, &b).expect("saves");
        let mut c = Comparison::open(&path, &a).expect("compares");
        let labels = ["official", "other_media", "hedged", "not_claim"];
        let mut annotations = a.annotations().to_vec();
        for step in 0..12usize {
            let i = step * 7 % annotations.len();
            annotations[i].label = (step % 5 != 4).then(|| LabelId::new(labels[step % 4]));
            annotations[i].status = if step % 3 == 0 {
                crate::model::Status::Suggested
            } else {
                crate::model::Status::Confirmed
            };
            annotations[i].credibility = Credibility::ALL[step % 6];
            let changed = a.with_annotations(annotations.clone());
            c.refresh(&changed, step as u64 + 1, 0).expect("refreshes");
            let fresh = Comparison::open(&path, &changed).expect("compares");
            assert_eq!(c.standing(), fresh.standing(), "step {step}");
            // Against the figures `agree` computes, unit by unit, from a new line-up.
            let kept = c.figures().expect("kept");
            let lineup = line_up(&[&changed, &b], Counting::default()).expect("lines up");
            let anew = crate::model::compare::Figures::overall(&lineup, Counting::default());
            let close = |x: Option<f64>, y: Option<f64>| match (x, y) {
                (Some(x), Some(y)) => (x - y).abs() < 1e-9,
                (x, y) => x.is_none() && y.is_none(),
            };
            assert_eq!(kept.compared, anew.compared, "step {step}");
            assert!(
                close(kept.percent_agreement, anew.percent_agreement),
                "step {step}"
            );
            assert!(close(kept.cohen_kappa, anew.cohen_kappa), "step {step}");
            assert!(close(kept.alpha_nominal, anew.alpha_nominal), "step {step}");
            assert!(close(
                kept.credibility_alpha,
                anew.credibility.alpha_ordinal
            ));
            assert!(close(
                kept.reliability_alpha,
                anew.reliability.alpha_ordinal
            ));
        }
    }

    #[test]
    fn a_review_of_another_article_or_a_damaged_file_is_refused_by_name() {
        let (a, _) = reviews();
        let dir = tempfile::tempdir().expect("a folder");
        let other = Session::new(
            Article::new("o", None, "Something else entirely. Nothing in common."),
            Taxonomy::default_preset(),
        );
        let mut annotations = other.annotations().to_vec();
        annotations[0].label = Some(LabelId::new("official"));
        let other = other.with_annotations(annotations);
        let path = dir.path().join("other.ron");
        crate::io::save_session(&path, &other).expect("saves");
        let err = Comparison::open(&path, &a).err().expect("refused");
        assert!(
            err.contains("other.ron") && err.contains("another article"),
            "{err}"
        );
        let bad = dir.path().join("bad.ron");
        std::fs::write(&bad, "not a session").expect("writes");
        let err = Comparison::open(&bad, &a).err().expect("refused");
        assert!(err.contains("bad.ron"), "{err}");
    }
}
