//! The egui shell around [`crate::app::Workspace`]: it draws the reviews and turns input into
//! [`crate::app::AppCommand`]s; it never changes a review or the application state itself.

pub mod actions;
pub mod app;
pub mod article_view;
pub mod background;
mod chrome;
pub mod claims_panel;
mod claims_rows;
mod clipboard;
pub mod colors;
pub mod compare_panel;
mod desk_filters;
mod desk_rows;
mod desk_sources;
mod desk_stats;
pub mod desk_view;
mod details_dialog;
pub mod dialogs;
mod export_window;
pub mod file_dialog;
mod find_bar;
mod glyph_map;
mod help;
mod input;
pub mod inspector;
mod layout;
pub mod memory;
mod menu;
pub(crate) mod prompt;
pub mod selection;
mod sentence_menu;
mod source_summary;
mod status_bar;
mod taxonomy_editor;

pub use app::ClaimlensApp;
pub use dialogs::{Desktop, DialogKind, FileDialogs, NativeDialogs, SystemDialogs};

use std::path::PathBuf;

/// Opens the main window on `files`, each a review of its own, or on the bundled sample report
/// when there are none.
pub fn run_native(files: Vec<PathBuf>) -> Result<(), String> {
    // The window opens meanwhile; the first article opened does not wait for the tables.
    std::thread::spawn(crate::model::suggest::warm_up);
    let desktop = Desktop::probe();
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
            let built_in = cc
                .storage
                .and_then(|s| eframe::get_value::<bool>(s, app::BUILT_IN_DIALOG_KEY))
                .unwrap_or(false);
            let dialogs = SystemDialogs::new(&desktop, built_in);
            let mut app = ClaimlensApp::new(Box::new(dialogs), recent).with_system_clipboard();
            if let Some(on) = cc
                .storage
                .and_then(|s| eframe::get_value::<bool>(s, app::MOVE_ON_KEY))
            {
                app.queue(crate::app::AppCommand::MoveOnAfterLabel(on));
            }
            if let Some((name, asked)) = cc
                .storage
                .and_then(|s| eframe::get_value::<(Option<String>, bool)>(s, app::ANALYST_KEY))
            {
                app.queue(crate::app::AppCommand::SetAnalyst { name, asked });
            }
            let width = cc
                .storage
                .and_then(|s| eframe::get_value::<Option<f32>>(s, app::PANEL_WIDTH_KEY));
            app.panel_width = layout::PanelWidth::chosen(width.flatten());
            let dark = cc
                .storage
                .and_then(|s| eframe::get_value::<Option<bool>>(s, app::DARK_THEME_KEY))
                .flatten();
            if let Some(dark) = dark {
                app.dark_theme = Some(dark);
                cc.egui_ctx.set_theme(if dark {
                    egui::Theme::Dark
                } else {
                    egui::Theme::Light
                });
            }
            if let Some(cache) = crate::io::cache::cache_dir() {
                app.workspace = std::mem::take(&mut app.workspace).with_desk_cache(cache);
            }
            if let Some(dir) = eframe::storage_dir("claimlens") {
                app = app.with_recovery(crate::io::recovery::RecoveryStore::new(
                    dir.join("recovery"),
                ));
            }
            if files.is_empty() {
                let last = cc.storage.map(open_at_quit).unwrap_or_default();
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

/// The reviews open at the last quit, from the preferences (those written before the scroll
/// position was kept reopen at their selection).
fn open_at_quit(storage: &dyn eframe::Storage) -> Vec<app::OpenAtQuit> {
    if let Some(list) = eframe::get_value(storage, app::OPEN_KEY) {
        return list;
    }
    eframe::get_value::<Vec<(PathBuf, usize)>>(storage, app::OPEN_KEY_V1)
        .unwrap_or_default()
        .into_iter()
        .map(|(path, selected)| app::OpenAtQuit {
            path,
            selected,
            top: selected,
        })
        .collect()
}
