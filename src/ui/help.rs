//! The keyboard shortcut overview (F1 or ?), generated from the command table and the taxonomy,
//! grouped as the menus are. F1, ? and Escape close it; it scrolls in a small window.

use super::actions::shortcut_text;
use crate::app::{GESTURES, key_groups};
use crate::model::Taxonomy;
use eframe::egui::{self, Context, Grid, Key, Modifiers, RichText, ScrollArea};

pub fn window(ctx: &Context, open: &mut bool, taxonomy: Option<&Taxonomy>) {
    // Escape belongs to the help while it is open: nothing else uses it then.
    if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
        *open = false;
        return;
    }
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
                        for (heading, group) in key_groups(taxonomy) {
                            ui.label(RichText::new(heading).strong());
                            ui.end_row();
                            for entry in group {
                                let keys: Vec<String> = entry
                                    .shortcuts
                                    .iter()
                                    .map(|s| shortcut_text(ctx, s))
                                    .collect();
                                ui.label(keys.join("  or  "));
                                ui.label(entry.title).on_hover_text(entry.tooltip);
                                ui.end_row();
                            }
                        }
                        ui.label(RichText::new("Mouse").strong());
                        ui.end_row();
                        for (gesture, what) in GESTURES {
                            ui.label(*gesture);
                            ui.label(*what);
                            ui.end_row();
                        }
                    });
                    ui.weak("Escape, F1 or ? closes this list.");
                });
        });
}
