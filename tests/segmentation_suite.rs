//! Sentence segmentation on our own suite of news and report text (tests/data), for claimlens
//! and, side by side, for plain Unicode UAX #29 sentence splitting (unicode-segmentation).
//! `cargo test --test segmentation_suite -- --nocapture` prints the table.

#[path = "support/cases.rs"]
mod cases;

use std::collections::BTreeMap;
use unicode_segmentation::UnicodeSegmentation;

fn claimlens_split(text: &str) -> Vec<String> {
    let seg = claimlens::model::segment::segment(text);
    seg.sentences
        .iter()
        .map(|s| text[s.range()].to_string())
        .collect()
}

/// UAX #29 alone, given claimlens's paragraphs so that only the sentence rules differ.
fn uax29_split(text: &str) -> Vec<String> {
    claimlens::model::segment::paragraphs(text)
        .iter()
        .flat_map(|p| text[p.range()].split_sentence_bounds())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

#[test]
fn every_case_passes_and_the_suite_is_large_enough() {
    let all = cases::load();
    assert!(all.len() >= 310, "only {} cases", all.len());
    let mut by_category: BTreeMap<&str, Vec<&cases::Case>> = BTreeMap::new();
    for case in &all {
        by_category
            .entry(case.category.as_str())
            .or_default()
            .push(case);
    }
    println!(
        "{:<30} {:>6} {:>10} {:>10}",
        "category", "cases", "claimlens", "UAX #29"
    );
    for (category, list) in &by_category {
        let owned: Vec<cases::Case> = list
            .iter()
            .map(|c| cases::Case {
                category: c.category.clone(),
                line: c.line,
                input: c.input.clone(),
                expected: c.expected.clone(),
            })
            .collect();
        let (ours, _) = cases::run(&owned, claimlens_split);
        let (base, _) = cases::run(&owned, uax29_split);
        println!("{category:<30} {:>6} {ours:>10} {base:>10}", list.len());
    }
    let (ours, report) = cases::run(&all, claimlens_split);
    let (base, _) = cases::run(&all, uax29_split);
    let share = |n: usize| 100.0 * n as f64 / all.len() as f64;
    println!(
        "{:<30} {:>6} {:>9.1}% {:>9.1}%",
        "all",
        all.len(),
        share(ours),
        share(base)
    );
    assert!(
        report.is_empty(),
        "{} of {} cases fail:\n{report}",
        all.len() - ours,
        all.len()
    );
}
