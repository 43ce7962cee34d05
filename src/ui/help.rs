//! The keyboard shortcut overview (F1 or ?), generated from the command table and the taxonomy.

use super::actions::shortcut_text;
use crate::app::{GESTURES, entries};
use crate::model::Taxonomy;
use eframe::egui::{self, Context, Grid, ScrollArea};

pub fn window(ctx: &Context, open: &mut bool, taxonomy: Option<&Taxonomy>) {
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            // The grades and label keys make the list longer than a small window.
            let room = ctx.content_rect().height() * 0.75;
            ScrollArea::vertical()
                .max_height(room)
                .min_scrolled_height(room)
                .show(ui, |ui| {
                    Grid::new("shortcuts").striped(true).show(ui, |ui| {
                        for entry in entries(taxonomy) {
                            if entry.shortcuts.is_empty() {
                                continue;
                            }
                            let keys: Vec<String> = entry
                                .shortcuts
                                .iter()
                                .map(|s| shortcut_text(ctx, s))
                                .collect();
                            ui.label(keys.join("  or  "));
                            ui.label(entry.title).on_hover_text(entry.tooltip);
                            ui.end_row();
                        }
                        for (gesture, what) in GESTURES {
                            ui.label(*gesture);
                            ui.label(*what);
                            ui.end_row();
                        }
                    });
                });
        });
}
