//! The egui front end. It reads the model, turns input into [`crate::model::Command`]s and
//! asks the [`crate::model::Document`] to apply them; it never edits a session itself.

pub mod actions;
pub mod app;
pub mod article_view;
pub mod background;
pub mod claims_panel;
pub mod colors;
pub mod dialogs;
mod glyph_map;
mod help;
pub mod inspector;
mod menu;
mod prompt;
pub mod selection;
mod source_summary;
mod status_bar;
mod taxonomy_editor;

pub use app::ClaimlensApp;
pub use dialogs::{DialogKind, FileDialogs, NativeDialogs};

use std::path::PathBuf;

/// Opens the main window on `files`, each a review of its own, or on the bundled sample report
/// when there are none.
pub fn run_native(files: Vec<PathBuf>) -> Result<(), String> {
    let options = eframe::NativeOptions {
        viewport: eframe::egui::ViewportBuilder::default()
            .with_title("claimlens")
            .with_app_id("claimlens")
            .with_inner_size([1280.0, 820.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "claimlens",
        options,
        Box::new(move |cc| {
            let recent = cc
                .storage
                .and_then(|s| eframe::get_value::<Vec<PathBuf>>(s, app::RECENT_KEY))
                .unwrap_or_default();
            let mut app = ClaimlensApp::new(Box::new(NativeDialogs), recent);
            if let Some(dir) = eframe::storage_dir("claimlens") {
                app = app.with_recovery(crate::io::recovery::RecoveryStore::new(
                    dir.join("recovery"),
                ));
            }
            if files.is_empty() {
                let last = cc
                    .storage
                    .and_then(|s| eframe::get_value::<Vec<(PathBuf, usize)>>(s, app::OPEN_KEY))
                    .unwrap_or_default();
                if !app.reopen(&last, &cc.egui_ctx) {
                    app.open_startup(None);
                }
            }
            // Like any open: a large file is read on a worker thread while the window shows its
            // progress (one at a time: a second large file waits, with a message).
            app.open_all(&files, &cc.egui_ctx);
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| e.to_string())
}
