//! The keyboard shortcut overview (F1 or ?), generated from the action table and the taxonomy.

use super::actions::Action;
use crate::model::Taxonomy;
use eframe::egui::{self, Context, Grid};

pub fn window(ctx: &Context, open: &mut bool, taxonomy: Option<&Taxonomy>) {
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            Grid::new("shortcuts").striped(true).show(ui, |ui| {
                for action in Action::ALL {
                    let keys: Vec<String> = action
                        .shortcuts()
                        .iter()
                        .map(|s| ctx.format_shortcut(s))
                        .collect();
                    ui.label(keys.join("  or  "));
                    ui.label(action.title());
                    ui.end_row();
                }
                ui.label("Shift+click");
                ui.label("Extend selection to a sentence");
                ui.end_row();
                ui.label("Right-click");
                ui.label("Labels and note for a sentence");
                ui.end_row();
                if let Some(taxonomy) = taxonomy {
                    for label in &taxonomy.labels {
                        if let Some(key) = label.key {
                            ui.label(key.to_string());
                            ui.label(format!("Label: {}", label.name));
                            ui.end_row();
                        }
                    }
                }
            });
        });
}
