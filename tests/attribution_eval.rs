//! Suggestions against reports we wrote in the shapes of real published reports
//! (tests/data/attribution). The tuning reports were used to write the rules; the held-out
//! reports were not read while tuning, so their figure shows how the rules carry over to
//! unseen styles. `cargo run --example eval_attribution` prints the tables.

use claimlens::model::SourceKind;
use claimlens::model::suggest::eval::{HELD_OUT, Scores, TUNING, parse};

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
fn the_corpus_is_large_enough_and_a_third_of_it_is_held_out() {
    let (tuning, held_out) = (score(TUNING), score(HELD_OUT));
    let reports = TUNING.len() + HELD_OUT.len();
    assert!(reports >= 15, "{reports} reports");
    assert!(
        tuning.total + held_out.total >= 600,
        "{} sentences",
        tuning.total + held_out.total
    );
    assert!(
        3 * HELD_OUT.len() >= reports && 3 * held_out.total >= tuning.total + held_out.total,
        "held out: {} of {reports} reports, {} of {} sentences",
        HELD_OUT.len(),
        held_out.total,
        tuning.total + held_out.total
    );
}

/// The goal for reports kept out of tuning is 0.93 (issue 11); the engine reaches 0.892 on
/// them (README, "Suggestion accuracy"). This holds what was reached: a change that loses
/// held-out sentences fails here, and the floor rises as the engine improves.
const HELD_OUT_FLOOR: f64 = 0.885;

#[test]
fn reports_kept_out_of_tuning_keep_their_accuracy() {
    let scores = score(HELD_OUT);
    println!("held out:\n{}", scores.table());
    assert!(scores.accuracy() >= HELD_OUT_FLOOR, "{}", scores.table());
}

#[test]
fn every_kind_is_found_and_stated_places_map_to_their_labels() {
    let all: Vec<&str> = TUNING.iter().chain(HELD_OUT).copied().collect();
    let scores = score(&all);
    println!("all reports:\n{}", scores.table());
    for kind in SourceKind::ALL {
        assert!(scores.gold_count(kind) > 0, "no {kind:?} in the reports");
        assert!(
            scores.recall(kind) >= 0.85,
            "{kind:?} recall {:.2}\n{}",
            scores.recall(kind),
            scores.table()
        );
    }
    assert!(
        scores.location_accuracy() >= 0.95,
        "location → label {:.3}: {:?}",
        scores.location_accuracy(),
        scores.label_misses.len()
    );
}
