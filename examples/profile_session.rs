//! Times each step of saving and loading a review with 50,000 claims, for profilers:
//! `cargo run --release --example profile_session`.

use claimlens::io::session_file::{from_ron, to_ron};
use std::time::Instant;

fn main() {
    let claims = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(50_000);
    let session = claimlens::samples::reviewed_report(claims);
    if let Some(out) = std::env::args().nth(2) {
        let _ = std::fs::write(out, to_ron(&session));
    }
    for _ in 0..3 {
        let t = Instant::now();
        let text = to_ron(&session);
        let serialized = t.elapsed();
        let t = Instant::now();
        let loaded = from_ron(&text);
        let parsed = t.elapsed();
        println!(
            "{} bytes; to_ron {serialized:?}; from_ron {parsed:?}; ok={}",
            text.len(),
            loaded.is_ok()
        );
    }
}
