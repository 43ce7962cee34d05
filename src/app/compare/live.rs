//! The comparison kept live: each review's judgement of each sentence of the open review in a
//! few numbers, the figures as counts of judgement pairs, and each sentence's standing. After
//! a change that left boundaries and labels as they were, only the sentences whose judgement
//! changed are counted again, so a label key on a book-length review costs one pass over its
//! claims, not a new line-up (`model::pairs` says why counts of pairs are enough).

use super::Standing;
use crate::model::adjudication::Took;
use crate::model::agreement::Level;
use crate::model::compare::{Counting, NO_LABEL, category, covering};
use crate::model::pairs::PairCounts;
use crate::model::{Annotation, Credibility, LabelId, Reliability, Session, Status};
use std::collections::HashMap;

/// One review's judgement of one sentence of the open review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Judgement {
    /// The review has a sentence over it.
    present: bool,
    /// The label's category (labels are matched by name).
    label: Option<u32>,
    suggested: bool,
    /// A = 0 … E = 4; F, cannot be judged, is none.
    reliability: Option<u32>,
    /// 1 … 5; 6, cannot be judged, is none.
    credibility: Option<u32>,
    decided: Option<Took>,
}

/// The agreement figures the compare view shows, for two reviews.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Summary {
    /// Sentences of the open review.
    pub units: usize,
    /// Of those, labelled in both, as the counting counts.
    pub compared: usize,
    pub percent_agreement: Option<f64>,
    pub cohen_kappa: Option<f64>,
    pub alpha_nominal: Option<f64>,
    /// α ordinal over the sources' reliability and over the claims' credibility.
    pub reliability_alpha: Option<f64>,
    pub credibility_alpha: Option<f64>,
}

#[derive(Clone)]
pub(super) struct Live {
    pub(super) revision: u64,
    pub(super) structure: u64,
    counting: Counting,
    /// Label names, case aside, in the order met: the categories.
    names: Vec<String>,
    /// The open review's label ids, by category.
    ids: HashMap<LabelId, u32>,
    a: Vec<Judgement>,
    b: Vec<Judgement>,
    pub(super) covering: Vec<Option<usize>>,
    labels: PairCounts,
    reliability: PairCounts,
    credibility: PairCounts,
    pub(super) standing: Vec<Standing>,
    /// Derived from `standing` once per change, for the view to read every frame: the
    /// sentences it lists (open or settled), and how many are open and settled.
    pub(super) listed: Vec<usize>,
    pub(super) open: usize,
    pub(super) decided: usize,
}

impl Live {
    /// `open` and `other` lined up afresh (their texts are one: `other` is re-anchored before).
    pub(super) fn new(open: &Session, other: &Session, counting: Counting) -> Live {
        let mut names: Vec<String> = Vec::new();
        let ids = label_ids(open, &mut names);
        let theirs = label_ids(other, &mut names);
        let covering = covering(open.sentences(), other.sentences());
        let b = covering
            .iter()
            .map(|at| match at {
                Some(j) => judgement(other, &other.annotations()[*j], &theirs, &mut names),
                None => Judgement::default(),
            })
            .collect();
        let mut live = Live {
            revision: 0,
            structure: 0,
            counting,
            names,
            ids,
            a: vec![Judgement::default(); open.len()],
            b,
            covering,
            labels: PairCounts::default(),
            reliability: PairCounts::default(),
            credibility: PairCounts::default(),
            standing: vec![Standing::Neither; open.len()],
            listed: Vec::new(),
            open: 0,
            decided: 0,
        };
        for u in 0..open.len() {
            let judged = live.judge(open, u);
            live.set(u, judged, true);
        }
        live.list();
        live
    }

    fn list(&mut self) {
        self.listed = (0..self.standing.len())
            .filter(|&i| self.standing[i].is_listed())
            .collect();
        self.open = self
            .listed
            .iter()
            .filter(|&&i| self.standing[i].is_open())
            .count();
        self.decided = self.listed.len() - self.open;
    }

    /// Takes the open review's judgements again, counting only those that changed.
    pub(super) fn update(&mut self, open: &Session) {
        for u in 0..self.a.len().min(open.len()) {
            let judged = self.judge(open, u);
            if judged != self.a[u] {
                self.set(u, judged, false);
            }
        }
        self.list();
    }

    /// As [`Live::update`], for these sentences only: the others did not change.
    pub(super) fn update_only(&mut self, open: &Session, sentences: &[usize]) {
        for &u in sentences {
            if u < self.a.len().min(open.len()) {
                let judged = self.judge(open, u);
                if judged != self.a[u] {
                    self.set(u, judged, false);
                }
            }
        }
        self.list();
    }

    fn judge(&mut self, open: &Session, u: usize) -> Judgement {
        judgement(open, &open.annotations()[u], &self.ids, &mut self.names)
    }

    /// Makes `judged` sentence `u`'s judgement in the open review; `fresh` when nothing was
    /// counted for it yet.
    fn set(&mut self, u: usize, judged: Judgement, fresh: bool) {
        let no_label = category(&mut self.names, NO_LABEL);
        if !fresh {
            let (l, r, c) = pairs(&self.a[u], &self.b[u], self.counting, no_label);
            self.labels.count(l, false);
            self.reliability.count(r, false);
            self.credibility.count(c, false);
        }
        self.a[u] = judged;
        let (l, r, c) = pairs(&self.a[u], &self.b[u], self.counting, no_label);
        self.labels.count(l, true);
        self.reliability.count(r, true);
        self.credibility.count(c, true);
        self.standing[u] = standing(&self.a[u], &self.b[u]);
    }

    pub(super) fn summary(&self) -> Summary {
        Summary {
            units: self.a.len(),
            compared: self.labels.units(),
            percent_agreement: self.labels.percent_agreement(),
            cohen_kappa: self.labels.cohen_kappa(),
            alpha_nominal: self.labels.krippendorff_alpha(Level::Nominal),
            reliability_alpha: self.reliability.krippendorff_alpha(Level::Ordinal),
            credibility_alpha: self.credibility.krippendorff_alpha(Level::Ordinal),
        }
    }
}

fn label_ids(session: &Session, names: &mut Vec<String>) -> HashMap<LabelId, u32> {
    session
        .taxonomy()
        .labels
        .iter()
        .map(|l| (l.id.clone(), category(names, &l.name)))
        .collect()
}

fn judgement(
    session: &Session,
    a: &Annotation,
    ids: &HashMap<LabelId, u32>,
    names: &mut Vec<String>,
) -> Judgement {
    Judgement {
        present: true,
        // A label the taxonomy lacks goes by its id, as `agree` counts it.
        label: a.label.as_ref().map(|id| {
            ids.get(id)
                .copied()
                .unwrap_or_else(|| category(names, id.as_str()))
        }),
        suggested: a.status == Status::Suggested,
        reliability: a
            .source
            .and_then(|s| session.source(s))
            .map(|s| s.reliability)
            .filter(|r| *r != Reliability::F)
            .map(|r| r.letter() as u32 - 'A' as u32),
        credibility: Some(a.credibility)
            .filter(|c| *c != Credibility::CannotJudge)
            .map(|c| c.digit() as u32),
        decided: a.decision.as_ref().map(|d| d.took),
    }
}

type Pair = (Option<u32>, Option<u32>);

/// What the figures count of a sentence, as `agree` counts it: label, reliability and
/// credibility pairs.
fn pairs(a: &Judgement, b: &Judgement, counting: Counting, no_label: u32) -> (Pair, Pair, Pair) {
    let counted = |j: &Judgement| {
        let counts = j.present && (counting.suggested || !j.suggested);
        let label = match (j.label, counts) {
            (Some(c), true) => Some(c),
            (None, _) if j.present && counting.unlabelled => Some(no_label),
            _ => None,
        };
        (
            label,
            j.reliability.filter(|_| counts),
            j.credibility.filter(|_| counts),
        )
    };
    let (a, b) = (counted(a), counted(b));
    ((a.0, b.0), (a.1, b.1), (a.2, b.2))
}

/// How the two stand on a sentence, every difference shown: an unconfirmed suggestion is still
/// a label the analyst sees.
fn standing(a: &Judgement, b: &Judgement) -> Standing {
    if let Some(took) = a.decided {
        return Standing::Decided(took);
    }
    match (a.label, b.label) {
        (None, None) => Standing::Neither,
        (x, y) if x != y => Standing::Label,
        _ if (a.reliability, a.credibility) != (b.reliability, b.credibility) => Standing::Grade,
        _ => Standing::Agree,
    }
}
