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
        b.iter(|| label_step(&mut h, &mut k))
    });
    group.finish();

    // Compared with another analyst's review of the same 5 MB article, who labelled every
    // fifth sentence differently: the article's margin marks, the disagreements list and the
    // live figures, idle, scrolling, after a label change (the figures follow) and stepping.
    let a = h.state().document().expect("open").session().clone();
    let mut theirs = a.annotations().to_vec();
    for x in theirs.iter_mut().step_by(5) {
        x.label = Some(claimlens::model::LabelId::new("other_media"));
        x.status = claimlens::model::Status::Confirmed;
    }
    let (pa, pb) = (dir.join("5mb-a.review.ron"), dir.join("5mb-b.review.ron"));
    claimlens::io::save_session(&pa, &a).expect("saves A");
    claimlens::io::save_session(&pb, &a.with_annotations(theirs)).expect("saves B");
    let mut h = harness(pa);
    h.state_mut()
        .queue(claimlens::app::AppCommand::CompareWith(pb));
    h.run();
    assert!(
        h.state()
            .workspace()
            .active()
            .and_then(|r| r.comparison())
            .is_some()
    );
    let mut group = c.benchmark_group("ui_frame_5MB_comparing");
    group.sample_size(30);
    h.state_mut().select(Selection::single(n / 2));
    h.run();
    group.bench_function("idle_middle", |b| b.iter(|| h.step()));
    group.bench_function("scrolling", |b| b.iter(|| scroll_step(&mut h)));
    group.bench_function("after_label_change", |b| {
        let mut k = 0;
        b.iter(|| label_step(&mut h, &mut k))
    });
    group.bench_function("next_disagreement", |b| {
        b.iter(|| {
            h.key_press(egui::Key::CloseBracket);
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

/// A label key (two labels in turn, so that each press changes something), one pass.
fn label_step(h: &mut egui_kittest::Harness<'static, claimlens::ui::ClaimlensApp>, k: &mut u32) {
    *k += 1;
    h.key_press(if k.is_multiple_of(2) {
        egui::Key::Num1
    } else {
        egui::Key::Num2
    });
    h.step();
}

criterion_group!(benches, bench);
criterion_main!(benches);
