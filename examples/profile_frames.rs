//! Runs UI passes of the whole app on a generated 1 MB article, for instruction counts that
//! this machine's timings are too noisy to give: STEPS scroll passes, then STEPS idle passes.
//! `valgrind --tool=callgrind --toggle-collect='*ClaimlensApp as eframe*' \
//!   target/release/examples/profile_frames 100`

#[path = "../benches/support/frames.rs"]
mod frames;

use claimlens::ui::selection::Selection;

fn main() {
    let steps: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100);
    let dir = std::env::temp_dir().join("claimlens-frames");
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("1mb.txt");
    std::fs::write(&path, claimlens::samples::generate_report(1_000_000, 1)).expect("write");
    let mut h = frames::harness(path);
    h.state_mut().select(Selection::single(4_000));
    h.run();
    for _ in 0..steps {
        frames::scroll_step(&mut h);
    }
    for _ in 0..steps {
        h.step();
    }
}
