//! Suggestions against reports annotated by hand (tests/data/attribution). Three reports were
//! used to write the rules; two were kept out of tuning, so their figure shows how the rules
//! carry over to unseen styles. `cargo run --example eval_attribution` prints the tables.

use claimlens::model::SourceKind;
use claimlens::model::suggest::eval::{Scores, parse};

const TUNING: &[&str] = &[
    "kestrel_border.txt",
    "wire_sanctions.txt",
    "brief_labor.txt",
];
const HELD_OUT: &[&str] = &["newsletter_trade.txt", "radio_markets.txt"];

fn score(files: &[&str]) -> Scores {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/attribution/");
    let mut scores = Scores::default();
    for name in files {
        let text = std::fs::read_to_string(format!("{dir}{name}")).unwrap();
        let annotated = parse(name, &text).unwrap_or_else(|e| panic!("{e}"));
        scores.add(name, &annotated);
    }
    scores
}

#[test]
fn all_reports_meet_the_targets() {
    let all: Vec<&str> = TUNING.iter().chain(HELD_OUT).copied().collect();
    let scores = score(&all);
    println!("{}", scores.table());
    assert!(scores.total >= 120, "only {} sentences", scores.total);
    for kind in SourceKind::ALL {
        let gold = scores.per_kind.iter().find(|k| k.0 == kind).unwrap();
        assert!(gold.1 + gold.3 > 0, "no {kind:?} in the reports");
        assert!(
            scores.recall(kind) >= 0.85,
            "{kind:?} recall {:.2}\n{}",
            scores.recall(kind),
            scores.table()
        );
    }
    assert!(scores.accuracy() >= 0.95, "{}", scores.table());
    assert_eq!(
        scores.label_correct, scores.label_total,
        "{:?}",
        scores.label_misses
    );
}

#[test]
fn reports_kept_out_of_tuning_also_reach_the_accuracy_target() {
    let scores = score(HELD_OUT);
    println!("held out:\n{}", scores.table());
    assert!(scores.accuracy() >= 0.95, "{}", scores.table());
}
