//! One egui pass of the whole app (kittest `Harness::step`, no GPU) with a generated 5 MB
//! article open: at the top, middle and end, idle, while scrolling, and right after a label
//! change. `cargo bench --bench ui_frame`

#[path = "support/frames.rs"]
mod frames;

use claimlens::ui::selection::Selection;
use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui;
use frames::{harness, scroll_step};

fn bench(c: &mut Criterion) {
    let dir = std::env::temp_dir().join("claimlens-bench");
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("5mb.txt");
    std::fs::write(&path, claimlens::samples::generate_report(5_000_000, 1)).expect("write");
    let mut h = harness(path);
    let n = h.state().document().map_or(0, |d| d.session().len());
    let mut group = c.benchmark_group("ui_frame_5MB");
    group.sample_size(30);
    for (name, at) in [("idle_top", 0), ("idle_middle", n / 2), ("idle_end", n - 1)] {
        h.state_mut().select(Selection::single(at));
        h.run();
        group.bench_function(name, |b| b.iter(|| h.step()));
    }
    h.state_mut().select(Selection::single(n / 2));
    h.run();
    group.bench_function("scrolling", |b| b.iter(|| scroll_step(&mut h)));
    group.bench_function("after_label_change", |b| {
        let mut k = 0;
        b.iter(|| {
            k += 1;
            h.key_press(if k % 2 == 0 {
                egui::Key::Num1
            } else {
                egui::Key::Num2
            });
            h.step();
        })
    });
    group.finish();

    // Hostile layout: a whole 1 MB report as one line, so one paragraph holds every sentence.
    let path = dir.join("1mb-one-line.txt");
    let one_line = claimlens::samples::generate_report(1_000_000, 1).replace('\n', " ");
    std::fs::write(&path, one_line).expect("write");
    let mut h = harness(path);
    let mut group = c.benchmark_group("ui_frame_1MB_one_line");
    group.sample_size(20);
    group.bench_function("idle_top", |b| b.iter(|| h.step()));
    group.bench_function("scrolling", |b| b.iter(|| scroll_step(&mut h)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
