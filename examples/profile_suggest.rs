//! Suggests for a generated 5 MB report, for profilers: `cargo run --release --example profile_suggest`.

use claimlens::model::{Article, Session, Taxonomy, suggest::suggest};

fn main() {
    let text = claimlens::samples::generate_report(
        std::env::args()
            .nth(1)
            .and_then(|a| a.parse().ok())
            .unwrap_or(5_000_000),
        1,
    );
    // Warm up on a small article: the word patterns compile once per process.
    let small = claimlens::samples::generate_report(10_000, 1);
    let _ = suggest(&Session::new(
        Article::new("w", None, &small),
        Taxonomy::default_preset(),
    ));
    let session = Session::new(Article::new("p", None, &text), Taxonomy::default_preset());
    let started = std::time::Instant::now();
    let runs = 1;
    let mut n = 0;
    for _ in 0..runs {
        n += suggest(&session).len();
    }
    println!("{n} suggestions, {:?} per 5 MB", started.elapsed() / runs);
}
