//! Prints how well the suggestions match the hand-annotated reports in tests/data/attribution:
//! `cargo run --example eval_attribution [-- --misses] [FILE…]`.

use claimlens::model::suggest::eval::{Scores, parse};
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show_misses = args.iter().any(|a| a == "--misses");
    let mut files: Vec<PathBuf> = args
        .iter()
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .collect();
    if files.is_empty() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/attribution");
        files = std::fs::read_dir(dir)
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
        files.sort();
    }
    let mut all = Scores::default();
    for file in &files {
        let name = file
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let text = match std::fs::read_to_string(file) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{}: {e}", file.display());
                std::process::exit(1);
            }
        };
        match parse(&name, &text) {
            Ok(annotated) => {
                let mut one = Scores::default();
                one.add(&name, &annotated);
                println!(
                    "{name}: {} sentences, accuracy {:.3}",
                    one.total,
                    one.accuracy()
                );
                all.add(&name, &annotated);
            }
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        }
    }
    println!("\n{}", all.table());
    if show_misses {
        for (file, sentence, expected, got) in &all.misses {
            println!(
                "{file}: expected {} got {}: {sentence}",
                expected.as_str(),
                got.as_str()
            );
        }
        for (file, sentence, expected, got) in &all.label_misses {
            println!("{file}: expected label {expected:?} got {got:?}: {sentence}");
        }
    }
}
