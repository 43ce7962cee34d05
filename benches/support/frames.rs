//! The app in a kittest harness with no file dialogs, and one wheel step: shared by
//! `benches/ui_frame.rs` and `examples/profile_frames.rs`.

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

/// The app, 1400×900, with `path` open and settled. The file is read and suggested before
/// the app starts, so that the frames measured (and profiled) draw and do not open.
pub fn harness(path: std::path::PathBuf) -> Harness<'static, ClaimlensApp> {
    let prepared =
        claimlens::app::open::prepare(&path, &Default::default()).expect("the article opens");
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_max_steps(10_000)
        .build_eframe(move |_cc| {
            let mut app = ClaimlensApp::new(Box::new(NoDialogs), Vec::new());
            app.queue(claimlens::app::AppCommand::Adopt { path, prepared });
            app
        });
    h.run();
    h
}

/// One wheel notch down, the pointer over the article, one pass.
pub fn scroll_step(h: &mut Harness<'static, ClaimlensApp>) {
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
