//! Agreement coefficients over reliability data: one row per unit (a sentence), one value per
//! coder (an analyst's review), `None` where that coder gave none. Values are category
//! numbers; for ordinal data their order is the scale's, for interval data their differences
//! count.
//!
//! Krippendorff's α follows "Computing Krippendorff's Alpha-Reliability" (2011): a coincidence
//! matrix over pairable values (units with at least two), observed against expected
//! disagreement. Cohen's κ (1960) compares two coders' joint distribution with their
//! marginals; Fleiss' κ (1971) generalises the chance correction to any fixed number of
//! ratings per subject.

use serde::Serialize;

/// The level of measurement α is computed at: what a disagreement between two values weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Any two different values disagree fully (labels).
    Nominal,
    /// Values are ranks: a disagreement weighs by how many values lie between (grades).
    Ordinal,
    /// Values are numbers: a disagreement weighs by their squared difference.
    Interval,
}

/// Krippendorff's α at `level`; `None` where it is undefined (fewer than two pairable values,
/// or every pairable value the same, so that no disagreement could be expected).
pub fn krippendorff_alpha(units: &[Vec<Option<u32>>], level: Level) -> Option<f64> {
    let mut values: Vec<u32> = units.iter().flatten().flatten().copied().collect();
    values.sort_unstable();
    values.dedup();
    let k = values.len();
    let index = |v: u32| values.binary_search(&v).unwrap_or(0);
    // o[c * k + d]: how often c and d are paired within a unit, each unit weighing 1/(m − 1).
    let mut o = vec![0.0f64; k * k];
    let mut present = Vec::new();
    for unit in units {
        present.clear();
        present.extend(unit.iter().flatten().map(|&v| index(v)));
        let m = present.len();
        if m < 2 {
            continue;
        }
        let weight = 1.0 / (m - 1) as f64;
        for (i, &c) in present.iter().enumerate() {
            for (j, &d) in present.iter().enumerate() {
                if i != j {
                    o[c * k + d] += weight;
                }
            }
        }
    }
    let n_c: Vec<f64> = (0..k).map(|c| o[c * k..(c + 1) * k].iter().sum()).collect();
    let n: f64 = n_c.iter().sum();
    if n < 2.0 {
        return None;
    }
    let delta = |c: usize, d: usize| delta(level, &values, &n_c, (c, d));
    let (mut observed, mut expected) = (0.0, 0.0);
    for c in 0..k {
        for d in 0..k {
            let weight = delta(c, d);
            observed += o[c * k + d] * weight;
            expected += n_c[c] * n_c[d] * weight;
        }
    }
    let expected = expected / (n - 1.0);
    (expected > 0.0).then(|| 1.0 - observed / expected)
}

/// How much values `c` and `d` (indices into the distinct `values`, which occur `n_c` times
/// among the pairable values) disagree at `level`: Krippendorff's δ².
pub(super) fn delta(level: Level, values: &[u32], n_c: &[f64], (c, d): (usize, usize)) -> f64 {
    match level {
        Level::Nominal => f64::from(u8::from(c != d)),
        Level::Interval => (values[c] as f64 - values[d] as f64).powi(2),
        Level::Ordinal => {
            let (a, b) = (c.min(d), c.max(d));
            let between: f64 = n_c[a..=b].iter().sum();
            (between - (n_c[a] + n_c[b]) / 2.0).powi(2)
        }
    }
}

/// Cohen's κ of two coders' values on the same units; `None` when chance alone would make
/// them agree always (both gave one value only) or there are no units.
pub fn cohen_kappa(pairs: &[(u32, u32)]) -> Option<f64> {
    if pairs.is_empty() {
        return None;
    }
    let n = pairs.len() as f64;
    let agreed = pairs.iter().filter(|(a, b)| a == b).count() as f64 / n;
    let mut values: Vec<u32> = pairs.iter().flat_map(|&(a, b)| [a, b]).collect();
    values.sort_unstable();
    values.dedup();
    let share = |v: u32, first: bool| {
        pairs
            .iter()
            .filter(|&&(a, b)| if first { a == v } else { b == v })
            .count() as f64
            / n
    };
    let chance: f64 = values
        .iter()
        .map(|&v| share(v, true) * share(v, false))
        .sum();
    (chance < 1.0).then(|| (agreed - chance) / (1.0 - chance))
}

/// Fleiss' κ from, per subject, how many raters put it in each category (the same number of
/// ratings, at least two, for every subject); `None` otherwise or when it is undefined.
pub fn fleiss_kappa(counts: &[Vec<u32>]) -> Option<f64> {
    let raters: u32 = counts.first()?.iter().sum();
    if raters < 2 || counts.iter().any(|row| row.iter().sum::<u32>() != raters) {
        return None;
    }
    let (subjects, r) = (counts.len() as f64, raters as f64);
    let categories = counts.iter().map(Vec::len).max().unwrap_or(0);
    let agreement: f64 = counts
        .iter()
        .map(|row| {
            let squares: f64 = row.iter().map(|&x| (x as f64).powi(2)).sum();
            (squares - r) / (r * (r - 1.0))
        })
        .sum::<f64>()
        / subjects;
    let chance: f64 = (0..categories)
        .map(|j| {
            let p = counts
                .iter()
                .map(|row| row.get(j).copied().unwrap_or(0) as f64)
                .sum::<f64>()
                / (subjects * r);
            p * p
        })
        .sum();
    (chance < 1.0).then(|| (agreement - chance) / (1.0 - chance))
}

/// Fleiss' κ over the units every coder gave a value, and how many those are.
pub fn fleiss_kappa_of_complete(units: &[Vec<Option<u32>>]) -> (Option<f64>, usize) {
    let mut values: Vec<u32> = units.iter().flatten().flatten().copied().collect();
    values.sort_unstable();
    values.dedup();
    let counts: Vec<Vec<u32>> = units
        .iter()
        .filter(|u| u.len() >= 2 && u.iter().all(Option::is_some))
        .map(|u| {
            let mut row = vec![0; values.len()];
            for v in u.iter().flatten() {
                row[values.binary_search(v).unwrap_or(0)] += 1;
            }
            row
        })
        .collect();
    (fleiss_kappa(&counts), counts.len())
}

/// The share of pairs of values within a unit that are equal, over every unit with at least
/// two values; `None` without any.
pub fn percent_agreement(units: &[Vec<Option<u32>>]) -> Option<f64> {
    let (mut agreed, mut pairs) = (0usize, 0usize);
    for unit in units {
        let present: Vec<u32> = unit.iter().flatten().copied().collect();
        for (i, a) in present.iter().enumerate() {
            for b in &present[i + 1..] {
                pairs += 1;
                agreed += (a == b) as usize;
            }
        }
    }
    (pairs > 0).then(|| agreed as f64 / pairs as f64)
}

/// Units with at least two values: those the coefficients compare.
pub fn pairable(units: &[Vec<Option<u32>>]) -> usize {
    units
        .iter()
        .filter(|u| u.iter().flatten().count() >= 2)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn round(x: Option<f64>) -> f64 {
        (x.expect("defined") * 1000.0).round() / 1000.0
    }

    /// Krippendorff (2011), the reliability data with missing values: four observers, twelve
    /// units (the last coded once, so not pairable).
    fn krippendorff_2011() -> Vec<Vec<Option<u32>>> {
        let rows: [[u32; 12]; 4] = [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3],
            [0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0],
        ];
        (0..12)
            .map(|u| {
                rows.iter()
                    .map(|r| Some(r[u]).filter(|&v| v != 0))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn krippendorffs_own_example_at_every_level() {
        let data = krippendorff_2011();
        assert_eq!(round(krippendorff_alpha(&data, Level::Nominal)), 0.743);
        assert_eq!(round(krippendorff_alpha(&data, Level::Ordinal)), 0.815);
        assert_eq!(round(krippendorff_alpha(&data, Level::Interval)), 0.849);
        assert_eq!(pairable(&data), 11);
    }

    /// The textbook 2 × 2 table: 20 both yes, 15 both no, 5 and 10 split; p_o = 0.7,
    /// p_e = 0.5, κ = 0.4.
    #[test]
    fn cohens_kappa_of_the_textbook_table() {
        let mut pairs = vec![(1, 1); 20];
        pairs.extend(vec![(1, 0); 5]);
        pairs.extend(vec![(0, 1); 10]);
        pairs.extend(vec![(0, 0); 15]);
        assert_eq!(round(cohen_kappa(&pairs)), 0.4);
        let units: Vec<Vec<Option<u32>>> =
            pairs.iter().map(|&(a, b)| vec![Some(a), Some(b)]).collect();
        assert_eq!(round(percent_agreement(&units)), 0.7);
        assert_eq!(cohen_kappa(&[(2, 2), (2, 2)]), None, "one value only");
    }

    /// Fleiss (1971), table 1: 30 patients, six psychiatrists each, five diagnoses; κ = 0.430.
    #[test]
    fn fleiss_kappa_of_fleiss_table() {
        let table: [[u32; 5]; 30] = [
            [0, 0, 0, 6, 0],
            [0, 3, 0, 0, 3],
            [0, 1, 4, 0, 1],
            [0, 0, 0, 0, 6],
            [0, 3, 0, 3, 0],
            [2, 0, 4, 0, 0],
            [0, 0, 4, 0, 2],
            [2, 0, 3, 1, 0],
            [2, 0, 0, 4, 0],
            [0, 0, 0, 0, 6],
            [1, 0, 0, 5, 0],
            [1, 1, 0, 4, 0],
            [0, 3, 3, 0, 0],
            [1, 0, 0, 5, 0],
            [0, 2, 0, 3, 1],
            [0, 0, 5, 0, 1],
            [3, 0, 0, 1, 2],
            [5, 1, 0, 0, 0],
            [0, 2, 0, 4, 0],
            [1, 0, 2, 0, 3],
            [0, 0, 0, 0, 6],
            [0, 1, 0, 5, 0],
            [0, 2, 0, 1, 3],
            [2, 0, 0, 4, 0],
            [1, 0, 0, 4, 1],
            [0, 5, 0, 1, 0],
            [4, 0, 0, 0, 2],
            [0, 2, 0, 4, 0],
            [1, 0, 5, 0, 0],
            [0, 0, 0, 0, 6],
        ];
        let counts: Vec<Vec<u32>> = table.iter().map(|r| r.to_vec()).collect();
        assert_eq!(round(fleiss_kappa(&counts)), 0.430);
        // The same table as ratings per subject gives the same figure.
        let units: Vec<Vec<Option<u32>>> = table
            .iter()
            .map(|r| {
                (0..5u32)
                    .flat_map(|c| std::iter::repeat_n(Some(c), r[c as usize] as usize))
                    .collect()
            })
            .collect();
        assert_eq!(fleiss_kappa_of_complete(&units).1, 30);
        assert_eq!(round(fleiss_kappa_of_complete(&units).0), 0.430);
        assert_eq!(
            fleiss_kappa(&[vec![2, 0], vec![1, 0]]),
            None,
            "uneven ratings"
        );
    }

    /// A fixed pseudo-random stream: the same data on every run.
    fn noise(seed: &mut u64) -> u32 {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (*seed >> 33) as u32
    }

    #[test]
    fn labels_given_at_random_agree_only_by_chance() {
        let mut seed = 7;
        let units: Vec<Vec<Option<u32>>> = (0..4000)
            .map(|_| (0..3).map(|_| Some(noise(&mut seed) % 6)).collect())
            .collect();
        for level in [Level::Nominal, Level::Ordinal, Level::Interval] {
            let alpha = krippendorff_alpha(&units, level).expect("defined");
            assert!(alpha.abs() < 0.03, "{level:?}: {alpha}");
        }
        let pairs: Vec<(u32, u32)> = units
            .iter()
            .map(|u| (u[0].unwrap_or(0), u[1].unwrap_or(0)))
            .collect();
        assert!(cohen_kappa(&pairs).expect("defined").abs() < 0.03);
    }

    fn data() -> impl Strategy<Value = Vec<Vec<Option<u32>>>> {
        proptest::collection::vec(
            proptest::collection::vec(proptest::option::weighted(0.8, 0u32..6), 3),
            2..40,
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn perfect_agreement_gives_one(values in proptest::collection::vec(0u32..6, 2..40)) {
            prop_assume!(values.iter().any(|&v| v != values[0]));
            let units: Vec<Vec<Option<u32>>> = values.iter().map(|&v| vec![Some(v), None, Some(v), Some(v)]).collect();
            for level in [Level::Nominal, Level::Ordinal, Level::Interval] {
                prop_assert!((krippendorff_alpha(&units, level).unwrap() - 1.0).abs() < 1e-9);
            }
            let pairs: Vec<(u32, u32)> = values.iter().map(|&v| (v, v)).collect();
            prop_assert!((cohen_kappa(&pairs).unwrap() - 1.0).abs() < 1e-9);
            prop_assert!((fleiss_kappa_of_complete(&units.iter().map(|u| vec![u[0], u[2]]).collect::<Vec<_>>()).0.unwrap() - 1.0).abs() < 1e-9);
        }

        /// Naming the labels differently changes nothing nominal.
        #[test]
        fn renaming_labels_changes_nothing(units in data(), shift in 1u32..50) {
            let renamed: Vec<Vec<Option<u32>>> = units
                .iter()
                .map(|u| u.iter().map(|v| v.map(|v| (v * 7 + shift) % 53)).collect())
                .collect();
            let (a, b) = (krippendorff_alpha(&units, Level::Nominal), krippendorff_alpha(&renamed, Level::Nominal));
            prop_assert_eq!(a.is_some(), b.is_some());
            if let (Some(a), Some(b)) = (a, b) {
                prop_assert!((a - b).abs() < 1e-9);
            }
            prop_assert_eq!(percent_agreement(&units), percent_agreement(&renamed));
        }

        /// The coders' order does not matter.
        #[test]
        fn coders_in_any_order(units in data()) {
            let reversed: Vec<Vec<Option<u32>>> = units.iter().map(|u| u.iter().rev().copied().collect()).collect();
            let (a, b) = (krippendorff_alpha(&units, Level::Ordinal), krippendorff_alpha(&reversed, Level::Ordinal));
            prop_assert_eq!(a.is_some(), b.is_some());
            if let (Some(a), Some(b)) = (a, b) {
                prop_assert!((a - b).abs() < 1e-9);
            }
        }
    }
}
