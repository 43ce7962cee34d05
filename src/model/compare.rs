//! Two or more analysts' reviews of one article, lined up sentence by sentence, and the
//! agreement figures between them.
//!
//! The unit is a sentence of the first review. Where another analyst split or merged
//! differently, the unit takes the value of that analyst's sentence covering most of it; how
//! far the boundaries themselves agree is measured apart (F1 over boundary positions). Reviews
//! of another version of the text are first re-anchored onto the first review's text, as a
//! re-import does; their claims that find no place are listed, never guessed.

use super::agreement::{
    Level, cohen_kappa, fleiss_kappa_of_complete, krippendorff_alpha, pairable, percent_agreement,
};
use super::anchor::reanchor;
use super::record::{Credibility, Reliability};
use super::segment::Span;
use super::session::Session;
use super::session::Status;
use serde::Serialize;

/// What counts as an analyst's value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counting {
    /// Count a sentence without a label as the value "(no label)" rather than leave it out.
    pub unlabelled: bool,
    /// Count a suggestion the analyst never confirmed as the analyst's label.
    pub suggested: bool,
}

/// The value a sentence without a label takes when it is counted.
pub const NO_LABEL: &str = "(no label)";

/// The reviews as reliability data: one row per unit, one value per review.
#[derive(Debug, Clone, Default)]
pub struct Lineup {
    /// Label names, the values of `labels`: the first review's spelling, in the order met.
    pub categories: Vec<String>,
    pub labels: Vec<Vec<Option<u32>>>,
    /// Reliability of the claim's source, A = 0 … E = 4 (F, cannot be judged, left out).
    pub reliability: Vec<Vec<Option<u32>>>,
    /// Credibility of the claim, 1 … 5 (6, cannot be judged, left out).
    pub credibility: Vec<Vec<Option<u32>>>,
    /// Per review after the first: boundary agreement with the first, when the texts are one.
    pub boundaries: Vec<Option<Boundaries>>,
    /// Claims of other reviews that have no place in the first review's text.
    pub unaligned: Vec<Unaligned>,
    /// Labels one review uses that the other's taxonomy has no label of that name for.
    pub unmatched_labels: Vec<UnmatchedLabel>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Boundaries {
    /// Positions between sentences in the first review, in the other, and in both.
    pub first: usize,
    pub other: usize,
    pub shared: usize,
    pub f1: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unaligned {
    /// Which review (0 is the first).
    pub review: usize,
    pub quote: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnmatchedLabel {
    pub review: usize,
    pub label: String,
    /// Sentences of that review that carry it.
    pub sentences: usize,
}

/// Lines up `reviews` (the first is the reference) or says why they cannot be compared.
pub fn line_up(reviews: &[&Session], counting: Counting) -> Result<Lineup, String> {
    let Some(first) = reviews.first() else {
        return Err("there is no review to compare".into());
    };
    if reviews.len() < 2 {
        return Err("agreement needs at least two reviews".into());
    }
    let mut lineup = Lineup::default();
    let mut names: Vec<String> = Vec::new();
    let units = first.sentences();
    let mut columns: Vec<Vec<Value>> = Vec::with_capacity(reviews.len());
    columns.push(values(
        first,
        &(0..units.len()).map(Some).collect::<Vec<_>>(),
    ));
    for (r, review) in reviews.iter().enumerate().skip(1) {
        // Equal texts are equal by SHA-256 too; comparing the bytes is a hundred times faster
        // than hashing them, which the compare view does at every change.
        let same_text = review.article().text == first.article().text;
        let reanchored;
        let aligned: &Session = if same_text {
            review
        } else {
            let moved = reanchor(review, first.article().clone());
            let claims = review
                .annotations()
                .iter()
                .filter(|a| !a.is_blank())
                .count();
            let orphans =
                &moved.session.orphans()[moved.session.orphans().len() - moved.orphaned..];
            if claims > 0 && 2 * moved.orphaned > claims {
                return Err(format!(
                    "review {} is of another article: only {} of its {claims} claims are found in \
                     the first review's text",
                    r + 1,
                    claims - moved.orphaned
                ));
            }
            lineup.unaligned.extend(orphans.iter().map(|o| Unaligned {
                review: r,
                quote: o.quote.clone(),
                reason: o.reason.clone(),
            }));
            reanchored = moved.session;
            &reanchored
        };
        let covering = covering(units, aligned.sentences());
        columns.push(values(aligned, &covering));
        lineup
            .boundaries
            .push(same_text.then(|| boundaries(units, aligned.sentences())));
        unmatched(first, review, r, &mut lineup.unmatched_labels);
        unmatched(review, first, 0, &mut lineup.unmatched_labels);
    }
    let mut seen = Vec::new();
    lineup.unmatched_labels.retain(|m| {
        let new = !seen.contains(m);
        if new {
            seen.push(m.clone());
        }
        new
    });
    for u in 0..units.len() {
        let mut labels = Vec::with_capacity(reviews.len());
        let mut reliability = Vec::with_capacity(reviews.len());
        let mut credibility = Vec::with_capacity(reviews.len());
        for column in &columns {
            let (label, r, c) = counted(&column[u], counting, &mut names);
            labels.push(label);
            reliability.push(r);
            credibility.push(c);
        }
        lineup.labels.push(labels);
        lineup.reliability.push(reliability);
        lineup.credibility.push(credibility);
    }
    lineup.categories = names;
    Ok(lineup)
}

/// The index of label `name` among `names` (case aside), added when new.
pub fn category(names: &mut Vec<String>, name: &str) -> u32 {
    let at = names.iter().position(|n| n.eq_ignore_ascii_case(name));
    at.unwrap_or_else(|| {
        names.push(name.to_string());
        names.len() - 1
    }) as u32
}

/// A judgement as `counting` counts it: label, reliability and credibility, or nothing.
fn counted(
    v: &Value,
    counting: Counting,
    names: &mut Vec<String>,
) -> (Option<u32>, Option<u32>, Option<u32>) {
    let counts = v.present && (counting.suggested || v.status != Status::Suggested);
    let label = match (&v.label, counts) {
        (Some(name), true) => Some(category(names, name)),
        (None, _) if v.present && counting.unlabelled => Some(category(names, NO_LABEL)),
        _ => None,
    };
    (
        label,
        v.reliability.filter(|_| counts),
        v.credibility.filter(|_| counts),
    )
}

/// One review's judgement on one unit.
#[derive(Debug, Clone)]
struct Value {
    /// The review has a sentence over the unit.
    present: bool,
    label: Option<String>,
    status: Status,
    reliability: Option<u32>,
    credibility: Option<u32>,
}

fn values(review: &Session, covering: &[Option<usize>]) -> Vec<Value> {
    covering
        .iter()
        .map(|at| match *at {
            Some(i) => value(review, &review.annotations()[i]),
            None => Value {
                present: false,
                label: None,
                status: Status::Confirmed,
                reliability: None,
                credibility: None,
            },
        })
        .collect()
}

fn value(review: &Session, a: &super::session::Annotation) -> Value {
    let label = a.label.as_ref().map(|id| {
        review
            .taxonomy()
            .get(id)
            .map_or_else(|| id.as_str().to_string(), |l| l.name.clone())
    });
    let reliability = a
        .source
        .and_then(|s| review.source(s))
        .map(|s| s.reliability)
        .filter(|r| *r != Reliability::F)
        .map(|r| r.letter() as u32 - 'A' as u32);
    let credibility = Some(a.credibility)
        .filter(|c| *c != Credibility::CannotJudge)
        .map(|c| c.digit() as u32);
    Value {
        present: true,
        label,
        status: a.status,
        reliability,
        credibility,
    }
}

/// For each unit, the sentence of `other` that covers most of it (both lists in order and
/// without overlaps, so one sweep finds them all).
pub fn covering(units: &[Span], other: &[Span]) -> Vec<Option<usize>> {
    let mut j = 0;
    units
        .iter()
        .map(|u| {
            while j < other.len() && other[j].end <= u.start {
                j += 1;
            }
            (j..other.len())
                .take_while(|&k| other[k].start < u.end)
                .map(|k| (other[k].end.min(u.end) - other[k].start.max(u.start), k))
                .max_by_key(|&(overlap, k)| (overlap, std::cmp::Reverse(k)))
                .map(|(_, k)| k)
        })
        .collect()
}

/// Boundary agreement: each sentence's start but the first is a position between sentences.
fn boundaries(first: &[Span], other: &[Span]) -> Boundaries {
    let starts = |s: &[Span]| -> Vec<usize> { s.iter().skip(1).map(|s| s.start).collect() };
    let (a, b) = (starts(first), starts(other));
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let f1 = if a.is_empty() && b.is_empty() {
        1.0
    } else {
        2.0 * shared as f64 / (a.len() + b.len()) as f64
    };
    Boundaries {
        first: a.len(),
        other: b.len(),
        shared,
        f1,
    }
}

/// Labels `review` (number `r`) uses that `other`'s taxonomy has no label of that name for.
fn unmatched(other: &Session, review: &Session, r: usize, into: &mut Vec<UnmatchedLabel>) {
    for label in &review.taxonomy().labels {
        let used = review
            .annotations()
            .iter()
            .filter(|a| a.label.as_ref() == Some(&label.id))
            .count();
        let known = other
            .taxonomy()
            .labels
            .iter()
            .any(|l| l.name.eq_ignore_ascii_case(&label.name));
        if used > 0 && !known {
            into.push(UnmatchedLabel {
                review: r,
                label: label.name.clone(),
                sentences: used,
            });
        }
    }
}

/// The agreement figures of a lineup.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    pub reviews: usize,
    pub units: usize,
    /// Units with labels from at least two reviews: those compared.
    pub compared: usize,
    pub counting: Counting,
    pub percent_agreement: Option<f64>,
    /// Two reviews only.
    pub cohen_kappa: Option<f64>,
    /// Over the units every review labelled.
    pub fleiss_kappa: Option<f64>,
    pub fleiss_units: usize,
    pub alpha_nominal: Option<f64>,
    pub per_label: Vec<LabelFigures>,
    /// Rows: the first review's label; columns: the second's (two reviews), over units both
    /// labelled. The names are `categories`.
    pub categories: Vec<String>,
    pub confusion: Vec<Vec<usize>>,
    pub reliability: GradeFigures,
    pub credibility: GradeFigures,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LabelFigures {
    pub label: String,
    /// Values of this label among the compared units.
    pub values: usize,
    /// The figures of "this label" against "any other".
    pub percent_agreement: Option<f64>,
    pub cohen_kappa: Option<f64>,
    pub fleiss_kappa: Option<f64>,
    pub alpha: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GradeFigures {
    pub compared: usize,
    pub alpha_ordinal: Option<f64>,
}

impl Figures {
    /// Every figure, overall and per label.
    pub fn of(lineup: &Lineup, counting: Counting) -> Figures {
        let mut figures = Figures::overall(lineup, counting);
        figures.per_label = per_label(lineup);
        figures
    }

    /// The overall figures only (`per_label` left empty): what the compare view shows, at
    /// every change.
    pub fn overall(lineup: &Lineup, counting: Counting) -> Figures {
        let units = &lineup.labels;
        let reviews = units.first().map_or(0, Vec::len);
        let pairs: Vec<(u32, u32)> = units
            .iter()
            .filter_map(|u| Some((u.first().copied()??, u.get(1).copied()??)))
            .collect();
        let k = lineup.categories.len();
        let mut confusion = vec![vec![0; k]; k];
        for &(a, b) in &pairs {
            confusion[a as usize][b as usize] += 1;
        }
        let grade = |data: &[Vec<Option<u32>>]| GradeFigures {
            compared: pairable(data),
            alpha_ordinal: krippendorff_alpha(data, Level::Ordinal),
        };
        let (fleiss_kappa, fleiss_units) = fleiss_kappa_of_complete(units);
        Figures {
            reviews,
            units: units.len(),
            compared: pairable(units),
            counting,
            percent_agreement: percent_agreement(units),
            cohen_kappa: if reviews == 2 {
                cohen_kappa(&pairs)
            } else {
                None
            },
            fleiss_kappa,
            fleiss_units,
            alpha_nominal: krippendorff_alpha(units, Level::Nominal),
            per_label: Vec::new(),
            categories: lineup.categories.clone(),
            confusion: if reviews == 2 { confusion } else { Vec::new() },
            reliability: grade(&lineup.reliability),
            credibility: grade(&lineup.credibility),
        }
    }
}

/// One-vs-rest figures for each label.
fn per_label(lineup: &Lineup) -> Vec<LabelFigures> {
    let units = &lineup.labels;
    let reviews = units.first().map_or(0, Vec::len);
    let k = lineup.categories.len();
    (0..k as u32)
        .map(|c| {
            let binary: Vec<Vec<Option<u32>>> = units
                .iter()
                .map(|u| u.iter().map(|v| v.map(|v| (v == c) as u32)).collect())
                .collect();
            let pairs: Vec<(u32, u32)> = binary
                .iter()
                .filter_map(|u| Some((u.first().copied()??, u.get(1).copied()??)))
                .collect();
            LabelFigures {
                label: lineup.categories[c as usize].clone(),
                values: units
                    .iter()
                    .filter(|u| u.iter().flatten().count() >= 2)
                    .flatten()
                    .filter(|v| **v == Some(c))
                    .count(),
                percent_agreement: percent_agreement(&binary),
                cohen_kappa: if reviews == 2 {
                    cohen_kappa(&pairs)
                } else {
                    None
                },
                fleiss_kappa: fleiss_kappa_of_complete(&binary).0,
                alpha: krippendorff_alpha(&binary, Level::Nominal),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_takes_the_sentence_that_covers_most_of_it() {
        let units = [Span::new(0, 10), Span::new(11, 20), Span::new(21, 30)];
        // The other analyst merged the first two and split the third.
        let other = [Span::new(0, 20), Span::new(21, 24), Span::new(25, 30)];
        assert_eq!(covering(&units, &other), [Some(0), Some(0), Some(2)]);
        assert_eq!(covering(&units, &[]), [None, None, None]);
        let b = boundaries(&units, &other);
        assert_eq!((b.first, b.other, b.shared), (2, 2, 1));
        assert!((b.f1 - 0.5).abs() < 1e-9);
    }
}
