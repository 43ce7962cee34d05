//! The desk's Statistics: the corpus figures (`model::corpus::statistics`) summed as the charts
//! show them: per outlet and per month the claims, the share resting on one anonymous source
//! and the corroboration rate, and each outlet's source mix (claims per label).

use crate::model::corpus::{ALL_LABELS, StatRow, share};
use std::collections::BTreeMap;

/// Claims counted over some reports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub reports: usize,
    pub claims: usize,
    pub single_anonymous: usize,
    pub corroborated: usize,
}

impl Tally {
    fn add(&mut self, row: &StatRow) {
        self.reports += row.reports;
        self.claims += row.claims;
        self.single_anonymous += row.single_anonymous;
        self.corroborated += row.corroborated;
    }

    pub fn single_anonymous_share(&self) -> f64 {
        share(self.single_anonymous, self.claims)
    }

    pub fn corroboration_rate(&self) -> f64 {
        share(self.corroborated, self.claims)
    }
}

/// What the Statistics view draws.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    /// Outlets in name order.
    pub outlets: Vec<(String, Tally)>,
    /// Months in order ("2026-11"; "(no date)" sorts last).
    pub months: Vec<(String, Tally)>,
    /// Per label, its claims in each outlet of `outlets` (in that order).
    pub mix: Vec<(String, Vec<usize>)>,
    /// The rows as the CSV of `claimlens corpus stats` has them.
    pub rows: Vec<StatRow>,
}

impl Figures {
    pub fn of(rows: Vec<StatRow>) -> Figures {
        let mut outlets: BTreeMap<String, Tally> = BTreeMap::new();
        let mut months: BTreeMap<String, Tally> = BTreeMap::new();
        let mut mix: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
        for row in &rows {
            if row.label == ALL_LABELS {
                outlets.entry(row.outlet.clone()).or_default().add(row);
                months.entry(row.month.clone()).or_default().add(row);
            } else {
                *mix.entry(row.label.clone())
                    .or_default()
                    .entry(row.outlet.clone())
                    .or_default() += row.claims;
            }
        }
        let outlets: Vec<(String, Tally)> = outlets.into_iter().collect();
        let mix = mix
            .into_iter()
            .map(|(label, per)| {
                let counts = outlets
                    .iter()
                    .map(|(o, _)| per.get(o).copied().unwrap_or(0))
                    .collect();
                (label, counts)
            })
            .collect();
        // ISO months sort as text; undated reports after them.
        let mut months: Vec<(String, Tally)> = months.into_iter().collect();
        months.sort_by_key(|(m, _)| (m.starts_with('('), m.clone()));
        Figures {
            outlets,
            months,
            mix,
            rows,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.outlets.iter().all(|(_, t)| t.reports == 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(outlet: &str, month: &str, label: &str, claims: usize, single: usize) -> StatRow {
        StatRow {
            outlet: outlet.into(),
            month: month.into(),
            label: label.into(),
            reports: 1,
            claims,
            single_anonymous: single,
            corroborated: claims - single,
        }
    }

    #[test]
    fn figures_sum_the_all_rows_and_keep_each_labels_mix_per_outlet() {
        let f = Figures::of(vec![
            row("Kestrel", "2026-10", ALL_LABELS, 4, 3),
            row("Kestrel", "2026-10", "Source in North Korea", 3, 3),
            row("Kestrel", "2026-10", "Official", 1, 0),
            row("Kestrel", "(no date)", ALL_LABELS, 2, 0),
            row("Harbour", "2026-11", ALL_LABELS, 2, 1),
            row("Harbour", "2026-11", "Official", 2, 1),
        ]);
        let names: Vec<&str> = f.outlets.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(names, ["Harbour", "Kestrel"]);
        let kestrel = f.outlets[1].1;
        assert_eq!((kestrel.reports, kestrel.claims), (2, 6));
        assert!((kestrel.single_anonymous_share() - 0.5).abs() < 1e-9);
        let months: Vec<&str> = f.months.iter().map(|(m, _)| m.as_str()).collect();
        assert_eq!(months, ["2026-10", "2026-11", "(no date)"]);
        assert_eq!(
            f.mix,
            [
                ("Official".to_string(), vec![2, 1]),
                ("Source in North Korea".to_string(), vec![0, 3])
            ]
        );
        assert!(!f.is_empty());
        assert!(Figures::of(Vec::new()).is_empty());
    }
}
