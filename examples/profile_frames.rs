//! Runs UI passes of the whole app on a generated 1 MB article, for instruction counts that
//! this machine's timings are too noisy to give: STEPS scroll passes, then STEPS idle passes.
//! `valgrind --tool=callgrind --toggle-collect='*ClaimlensApp as eframe*' \
//!   target/release/examples/profile_frames 100`

use claimlens::ui::selection::Selection;
use claimlens::ui::{ClaimlensApp, DialogKind, FileDialogs, dialogs::DialogAnswer};
use eframe::egui;
use egui_kittest::Harness;
use std::sync::mpsc::{Receiver, channel};

struct NoDialogs;

impl FileDialogs for NoDialogs {
    fn ask(&mut self, _: DialogKind, _: egui::Context) -> Receiver<DialogAnswer> {
        channel().1
    }
}

fn main() {
    let steps: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100);
    let dir = std::env::temp_dir().join("claimlens-frames");
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("5mb.txt");
    std::fs::write(&path, claimlens::samples::generate_report(1_000_000, 1)).expect("write");
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_max_steps(10_000)
        .build_eframe(move |_cc| {
            let mut app = ClaimlensApp::new(Box::new(NoDialogs), Vec::new());
            app.open_startup(Some(path));
            app
        });
    h.run();
    h.state_mut().select(Selection::single(4_000));
    h.run();
    for _ in 0..steps {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -120.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        });
        h.hover_at(egui::pos2(400.0, 400.0));
        h.step();
    }
    for _ in 0..steps {
        h.step();
    }
}
