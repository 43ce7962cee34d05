//! Another analyst's review held beside the open one (Review › Compare with…, to come): which
//! sentences the two disagree on, stepping from one disagreement to the next, and the
//! agreement figures, recomputed when the open review changes.
//!
//! This is the UI-free core the compare view is to draw from; the view, its keys and
//! adjudication are not built yet.

use crate::model::Session;
use crate::model::compare::{Counting, Figures, Lineup, line_up};
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
}

/// The other review and what comparing it with the open one found, at one revision.
pub struct Comparison {
    pub path: PathBuf,
    pub other: Session,
    /// What the figures count (the view shows every difference whatever this says).
    pub counting: Counting,
    computed: Option<Computed>,
}

struct Computed {
    revision: u64,
    figures: Figures,
    standing: Vec<Standing>,
}

impl Comparison {
    /// Reads the review at `path` to compare with `open`; refused when it cannot be read or
    /// is of another article.
    pub fn open(path: &Path, open: &Session) -> Result<Comparison, String> {
        let other = crate::io::load_session(path).map_err(|e| e.to_string())?;
        let mut comparison = Comparison {
            path: path.to_path_buf(),
            other,
            counting: Counting::default(),
            computed: None,
        };
        comparison
            .refresh(open, 0)
            .map_err(|e| format!("Cannot compare with {}: {e}", path.display()))?;
        Ok(comparison)
    }

    /// Brings the figures up to `revision` of the open review (nothing to do when they are).
    pub fn refresh(&mut self, open: &Session, revision: u64) -> Result<(), String> {
        if self
            .computed
            .as_ref()
            .is_some_and(|c| c.revision == revision)
        {
            return Ok(());
        }
        let reviews = [open, &self.other];
        let figures = Figures::of(&line_up(&reviews, self.counting)?, self.counting);
        // Every difference shows, counted or not: an unconfirmed suggestion is still a label
        // the analyst will see.
        let everything = Counting {
            unlabelled: true,
            suggested: true,
        };
        let standing = standings(&line_up(&reviews, everything)?);
        self.computed = Some(Computed {
            revision,
            figures,
            standing,
        });
        Ok(())
    }

    pub fn figures(&self) -> Option<&Figures> {
        self.computed.as_ref().map(|c| &c.figures)
    }

    /// Per sentence of the open review.
    pub fn standing(&self) -> &[Standing] {
        self.computed.as_ref().map_or(&[], |c| &c.standing)
    }

    pub fn disagreements(&self) -> usize {
        self.standing()
            .iter()
            .filter(|s| matches!(s, Standing::Label | Standing::Grade))
            .count()
    }

    /// The next disagreement after sentence `from` (or the previous one before it), wrapping
    /// round the text's end; `None` when there is none.
    pub fn step(&self, from: Option<usize>, forward: bool) -> Option<usize> {
        let standing = self.standing();
        let n = standing.len();
        let differs = |i: usize| matches!(standing[i], Standing::Label | Standing::Grade);
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
            .find(|&i| differs(i))
    }
}

fn standings(lineup: &Lineup) -> Vec<Standing> {
    let no_label = lineup
        .categories
        .iter()
        .position(|c| c == crate::model::compare::NO_LABEL)
        .map(|p| p as u32);
    (0..lineup.labels.len())
        .map(|u| {
            let label = |r: usize| lineup.labels[u][r].filter(|v| Some(*v) != no_label);
            let (a, b) = (label(0), label(1));
            let grades = |r: usize| (lineup.reliability[u][r], lineup.credibility[u][r]);
            match (a, b) {
                (None, None) => Standing::Neither,
                (a, b) if a != b => Standing::Label,
                _ if grades(0) != grades(1) => Standing::Grade,
                _ => Standing::Agree,
            }
        })
        .collect()
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
        c.refresh(&b, 0).expect("same revision");
        assert_eq!(c.disagreements(), 3);
        c.refresh(&b, 1).expect("refreshes");
        assert_eq!(c.disagreements(), 0);
        assert_eq!(c.step(Some(0), true), None);
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
