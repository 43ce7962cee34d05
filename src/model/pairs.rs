//! Two coders' values kept as counts of value pairs, one pair per unit both coded. For two
//! coders every figure `agreement` computes from the units — percent agreement, Cohen's κ,
//! Krippendorff's α — depends on these counts alone, so a unit whose values change updates
//! them in constant time: the compare view keeps its figures live on book-length reviews this
//! way. Checked against the unit-by-unit functions in `agreement` by a property test.

use super::agreement::Level;
use std::collections::BTreeMap;

/// How many units have the first coder's value `a` and the second's `b`, for each `(a, b)`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PairCounts {
    counts: BTreeMap<(u32, u32), u64>,
    units: u64,
}

impl PairCounts {
    /// Counts the pair in (`add`) or out (`!add`); a pair with a value missing is no pair.
    pub fn count(&mut self, pair: (Option<u32>, Option<u32>), add: bool) {
        let (Some(a), Some(b)) = pair else {
            return;
        };
        let n = self.counts.entry((a, b)).or_insert(0);
        if add {
            *n += 1;
            self.units += 1;
        } else if *n > 0 {
            *n -= 1;
            self.units -= 1;
            if *n == 0 {
                self.counts.remove(&(a, b));
            }
        }
    }

    /// Units both coded.
    pub fn units(&self) -> usize {
        self.units as usize
    }

    pub fn percent_agreement(&self) -> Option<f64> {
        let agreed: u64 = self
            .counts
            .iter()
            .filter(|((a, b), _)| a == b)
            .map(|(_, n)| n)
            .sum();
        (self.units > 0).then(|| agreed as f64 / self.units as f64)
    }

    /// The values either coder gave, in order, with how often each coder gave it.
    fn marginals(&self) -> BTreeMap<u32, (u64, u64)> {
        let mut out: BTreeMap<u32, (u64, u64)> = BTreeMap::new();
        for (&(a, b), &n) in &self.counts {
            out.entry(a).or_default().0 += n;
            out.entry(b).or_default().1 += n;
        }
        out
    }

    pub fn cohen_kappa(&self) -> Option<f64> {
        let n = self.units as f64;
        let agreed = self.percent_agreement()?;
        let chance: f64 = self
            .marginals()
            .values()
            .map(|&(first, second)| (first as f64 / n) * (second as f64 / n))
            .sum();
        (chance < 1.0).then(|| (agreed - chance) / (1.0 - chance))
    }

    /// Krippendorff's α: with two coders each unit both coded adds its pair to the coincidence
    /// matrix both ways, weighing 1.
    pub fn krippendorff_alpha(&self, level: Level) -> Option<f64> {
        let marginals = self.marginals();
        let values: Vec<u32> = marginals.keys().copied().collect();
        let n_c: Vec<f64> = marginals.values().map(|&(a, b)| (a + b) as f64).collect();
        let n: f64 = n_c.iter().sum();
        if n < 2.0 {
            return None;
        }
        let index = |v: u32| values.binary_search(&v).unwrap_or(0);
        let delta = |c: usize, d: usize| super::agreement::delta(level, &values, &n_c, (c, d));
        let observed: f64 = self
            .counts
            .iter()
            .map(|(&(a, b), &count)| 2.0 * count as f64 * delta(index(a), index(b)))
            .sum();
        let k = values.len();
        let mut expected = 0.0;
        for c in 0..k {
            for d in 0..k {
                expected += n_c[c] * n_c[d] * delta(c, d);
            }
        }
        let expected = expected / (n - 1.0);
        (expected > 0.0).then(|| 1.0 - observed / expected)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::agreement::{cohen_kappa, krippendorff_alpha, percent_agreement};
    use proptest::prelude::*;

    fn close(a: Option<f64>, b: Option<f64>) -> bool {
        match (a, b) {
            (Some(a), Some(b)) => (a - b).abs() < 1e-9,
            (None, None) => true,
            _ => false,
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Counted pair by pair, with some counted out again, the figures are those computed
        /// unit by unit from what is left.
        #[test]
        fn the_counts_give_the_unit_by_unit_figures(
            units in prop::collection::vec(
                (prop::option::of(0u32..5), prop::option::of(0u32..5), any::<bool>()),
                0..60,
            )
        ) {
            let mut counts = PairCounts::default();
            for &(a, b, _) in &units {
                counts.count((a, b), true);
            }
            for &(a, b, gone) in &units {
                if gone {
                    counts.count((a, b), false);
                }
            }
            let kept: Vec<Vec<Option<u32>>> = units
                .iter()
                .filter(|u| !u.2)
                .map(|&(a, b, _)| vec![a, b])
                .collect();
            let pairs: Vec<(u32, u32)> = kept
                .iter()
                .filter_map(|u| Some((u[0]?, u[1]?)))
                .collect();
            prop_assert_eq!(counts.units(), pairs.len());
            prop_assert!(close(counts.percent_agreement(), percent_agreement(&kept)));
            prop_assert!(close(counts.cohen_kappa(), cohen_kappa(&pairs)));
            for level in [Level::Nominal, Level::Ordinal, Level::Interval] {
                prop_assert!(
                    close(counts.krippendorff_alpha(level), krippendorff_alpha(&kept, level)),
                    "{:?}", level
                );
            }
        }
    }
}
