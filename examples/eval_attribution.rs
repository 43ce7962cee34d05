//! Prints how well the suggestions match the hand-annotated reports in tests/data/attribution:
//! `cargo run --example eval_attribution [-- --misses] [FILE…]`. Misses are printed for the
//! reports used in tuning only; reports kept out of tuning show their figures, never their
//! sentences, so that rules are not fitted to them.

use claimlens::model::suggest::eval::{HELD_OUT, Scores, TUNING, parse};
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show_misses = args.iter().any(|a| a == "--misses");
    let files: Vec<PathBuf> = args
        .iter()
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .collect();
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/attribution"
    ));
    let sets: Vec<(&str, Vec<PathBuf>)> = if files.is_empty() {
        vec![
            ("tuning", TUNING.iter().map(|f| dir.join(f)).collect()),
            ("held out", HELD_OUT.iter().map(|f| dir.join(f)).collect()),
        ]
    } else {
        vec![("given", files)]
    };
    let mut all = Scores::default();
    for (set, files) in &sets {
        let mut scores = Scores::default();
        for file in files {
            let name = file
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let annotated = match std::fs::read_to_string(file)
                .map_err(|e| format!("{}: {e}", file.display()))
                .and_then(|text| parse(&name, &text))
            {
                Ok(a) => a,
                Err(e) => {
                    eprintln!("{e}");
                    std::process::exit(1);
                }
            };
            let mut one = Scores::default();
            one.add(&name, &annotated);
            println!(
                "{name}: {} sentences, accuracy {:.3} (strict {:.3})",
                one.total,
                one.accuracy(),
                one.strict_accuracy()
            );
            scores.add(&name, &annotated);
            all.add(&name, &annotated);
        }
        println!("\n{set}:\n{}", scores.table());
        if show_misses && *set != "held out" {
            for (file, sentence, expected, got) in &scores.misses {
                let expected: Vec<&str> = expected.iter().map(|k| k.as_str()).collect();
                println!(
                    "{file}: expected {} got {}: {sentence}",
                    expected.join(","),
                    got.as_str()
                );
            }
            for (file, sentence, expected, got) in &scores.label_misses {
                println!("{file}: expected label {expected:?} got {got:?}: {sentence}");
            }
        }
    }
    if sets.len() > 1 {
        println!("all:\n{}", all.table());
    }
}
