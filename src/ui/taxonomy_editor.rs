//! The label editor: add, rename, recolour, re-key, reorder, describe, delete and merge labels,
//! and export or import a preset. Every change is one command, so all of it can be undone.

use super::colors;
use crate::model::record_edit::Disposal;
use crate::model::taxonomy::PALETTE;
use crate::model::{Command, CommandError, LabelId, Session, SourceKind, SourceType};
use eframe::egui::{self, Context, RichText};

/// Asks of the file dialogs that the editor needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileRequest {
    Export,
    Import,
}

#[derive(Default)]
pub struct TaxonomyEditor {
    pub open: bool,
    /// Text being edited: (label id, field, text), committed when the field loses focus.
    draft: Option<(LabelId, Field, String)>,
    /// A label whose deletion awaits the answer "what happens to its claims?".
    deleting: Option<LabelId>,
    merge_into: Option<LabelId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Name,
    Description,
    Key,
    Location,
    Aliases,
}

impl TaxonomyEditor {
    pub fn show(
        &mut self,
        ctx: &Context,
        session: &Session,
    ) -> (Vec<Result<Command, CommandError>>, Option<FileRequest>) {
        let mut out = Vec::new();
        let mut file = None;
        if !self.open {
            return (out, file);
        }
        let mut open = self.open;
        egui::Window::new("Labels")
            .open(&mut open)
            .default_width(900.0)
            .show(ctx, |ui| {
                ui.horizontal(|ui| {
                    if ui.button("Add label").clicked() {
                        out.push(Ok(new_label(session)));
                    }
                    if ui.button("Export labels…").clicked() {
                        file = Some(FileRequest::Export);
                    }
                    if ui.button("Import labels…").clicked() {
                        file = Some(FileRequest::Import);
                    }
                });
                places_row(ui, session, &mut out);
                ui.separator();
                egui::ScrollArea::both().max_height(520.0).show(ui, |ui| {
                    egui::Grid::new("labels_grid").striped(true).show(ui, |ui| {
                        ui.strong("Key");
                        ui.strong("Colour");
                        ui.strong("Name");
                        ui.strong("");
                        ui.strong("Kind");
                        ui.strong("Place")
                            .on_hover_text("Where a located source is: the label's place");
                        ui.strong("Also matches").on_hover_text(
                            "Other names of the place (towns, spellings), comma-separated: \
                                 a source said to be in one of them gets this label",
                        );
                        ui.strong("Description");
                        ui.end_row();
                        let n = session.taxonomy().labels.len();
                        for (i, label) in session.taxonomy().labels.iter().enumerate() {
                            self.row(ui, session, i, n, label, &mut out);
                            ui.end_row();
                        }
                    });
                });
                self.delete_prompt(ui, session, &mut out);
            });
        self.open = open;
        (out, file)
    }

    #[allow(clippy::too_many_arguments)]
    fn row(
        &mut self,
        ui: &mut egui::Ui,
        session: &Session,
        i: usize,
        n: usize,
        label: &SourceType,
        out: &mut Vec<Result<Command, CommandError>>,
    ) {
        let key = label.key.map(|k| k.to_string()).unwrap_or_default();
        if let Some(text) = self.text_field(ui, label, Field::Key, &key, 24.0) {
            let mut changed = label.clone();
            changed.key = text.trim().chars().next();
            out.push(Ok(Command::UpdateLabel { label: changed }));
        }
        // Colour: a swatch that opens the palette.
        let swatch = egui::Button::new("    ").fill(colors::color(label.color));
        let response = ui.add(swatch).on_hover_text("Choose a colour");
        let name = format!("Colour of {}", label.name);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
        egui::Popup::menu(&response).show(|ui| {
            ui.horizontal_wrapped(|ui| {
                ui.set_max_width(180.0);
                for rgb in PALETTE {
                    // A colour another label has is marked, so that two labels do not end up
                    // looking alike by accident.
                    let user = session
                        .taxonomy()
                        .labels
                        .iter()
                        .find(|l| l.color == rgb && l.id != label.id);
                    let mark = if user.is_some() { " • " } else { "   " };
                    let text = egui::RichText::new(mark).color(colors::text_on(colors::color(rgb)));
                    let b = ui.add(egui::Button::new(text).fill(colors::color(rgb)));
                    let hover = match user {
                        Some(u) => format!("{} (also {})", rgb.to_hex(), u.name),
                        None => rgb.to_hex(),
                    };
                    b.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &hover));
                    if b.on_hover_text(&hover).clicked() {
                        let mut changed = label.clone();
                        changed.color = rgb;
                        out.push(Ok(Command::UpdateLabel { label: changed }));
                    }
                }
            });
        });
        if let Some(text) = self.text_field(ui, label, Field::Name, &label.name, 200.0) {
            let mut changed = label.clone();
            changed.name = text;
            out.push(Ok(Command::UpdateLabel { label: changed }));
        }
        // Right after the name, so that they stay in view when the wide columns scroll.
        ui.horizontal(|ui| {
            if ui.add_enabled(i > 0, egui::Button::new("Up")).clicked() {
                out.push(Ok(Command::MoveLabel { from: i, to: i - 1 }));
            }
            if ui
                .add_enabled(i + 1 < n, egui::Button::new("Down"))
                .clicked()
            {
                out.push(Ok(Command::MoveLabel { from: i, to: i + 1 }));
            }
            if ui.button("Delete…").clicked() {
                let used = session.labels_in_use().contains(&label.id);
                if used {
                    self.deleting = Some(label.id.clone());
                    self.merge_into = None;
                } else {
                    out.push(Ok(Command::RemoveLabel {
                        id: label.id.clone(),
                    }));
                }
            }
        });
        let mut kind = label.kind;
        let combo = egui::ComboBox::from_id_salt(("kind", i))
            .selected_text(kind.display_name())
            .show_ui(ui, |ui| {
                for k in SourceKind::ALL {
                    ui.selectable_value(&mut kind, k, k.display_name());
                }
            });
        let name = format!("Kind of {}", label.name);
        combo
            .response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &name));
        if kind != label.kind {
            let mut changed = label.clone();
            changed.kind = kind;
            out.push(Ok(Command::UpdateLabel { label: changed }));
        }
        let place = label.location.clone().unwrap_or_default();
        if let Some(text) = self.text_field(ui, label, Field::Location, &place, 130.0) {
            let mut changed = label.clone();
            let text = text.trim();
            changed.location = (!text.is_empty()).then(|| text.to_string());
            out.push(Ok(Command::UpdateLabel { label: changed }));
        }
        let aliases = label.aliases.join(", ");
        if let Some(text) = self.text_field(ui, label, Field::Aliases, &aliases, 200.0) {
            let mut changed = label.clone();
            changed.aliases = split_aliases(&text);
            out.push(Ok(Command::UpdateLabel { label: changed }));
        }
        if let Some(text) =
            self.text_field(ui, label, Field::Description, &label.description, 220.0)
        {
            let mut changed = label.clone();
            changed.description = text;
            out.push(Ok(Command::UpdateLabel { label: changed }));
        }
    }

    /// A text field that returns the new text once the user leaves it changed.
    fn text_field(
        &mut self,
        ui: &mut egui::Ui,
        label: &SourceType,
        field: Field,
        value: &str,
        width: f32,
    ) -> Option<String> {
        let mine = matches!(&self.draft, Some((id, f, _)) if *id == label.id && *f == field);
        let mut text = if mine {
            self.draft.as_ref().map(|d| d.2.clone()).unwrap_or_default()
        } else {
            value.to_string()
        };
        // Sized explicitly: inside a grid a text field otherwise shrinks to its column.
        let response = ui.add_sized(
            [width, 20.0],
            egui::TextEdit::singleline(&mut text)
                .id_salt((label.id.as_str(), field as u8))
                .hint_text(match field {
                    Field::Key => "key",
                    Field::Name => "label name",
                    Field::Description => "description",
                    Field::Location => "place",
                    Field::Aliases => "other names, comma-separated",
                }),
        );
        let response = response.on_hover_text(match field {
            Field::Key => "Hotkey: a digit 0–9, or empty",
            Field::Name => "Name shown in the legend and chips",
            Field::Description => "What this label means",
            Field::Location => "Where a located source is (\"Russia\", \"inside North Korea\")",
            Field::Aliases => "Towns and spellings that mean this place, comma-separated",
        });
        if response.changed() || response.has_focus() {
            self.draft = Some((label.id.clone(), field, text.clone()));
        }
        if response.lost_focus() {
            self.draft = None;
            if text != value {
                return Some(text);
            }
        }
        None
    }

    fn delete_prompt(
        &mut self,
        ui: &mut egui::Ui,
        session: &Session,
        out: &mut Vec<Result<Command, CommandError>>,
    ) {
        let Some(id) = self.deleting.clone() else {
            return;
        };
        let name = session
            .taxonomy()
            .get(&id)
            .map_or(id.0.to_string(), |l| l.name.clone());
        let count = session
            .annotations()
            .iter()
            .filter(|a| a.label.as_ref() == Some(&id))
            .count();
        ui.separator();
        ui.label(
            RichText::new(format!(
                "“{name}” labels {count} sentences. What should happen to them?"
            ))
            .strong(),
        );
        ui.horizontal(|ui| {
            if ui
                .button(format!("Clear their label and delete “{name}”"))
                .clicked()
            {
                out.push(session.delete_label(&id, Disposal::Clear));
                self.deleting = None;
            }
        });
        ui.horizontal(|ui| {
            let chosen = self
                .merge_into
                .as_ref()
                .and_then(|m| session.taxonomy().get(m))
                .map_or("choose a label".to_string(), |l| l.name.clone());
            let combo = egui::ComboBox::from_id_salt("merge_into")
                .selected_text(chosen)
                .show_ui(ui, |ui| {
                    for l in session.taxonomy().labels.iter().filter(|l| l.id != id) {
                        ui.selectable_value(&mut self.merge_into, Some(l.id.clone()), &l.name);
                    }
                });
            combo.response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Merge into label")
            });
            if ui
                .add_enabled(
                    self.merge_into.is_some(),
                    egui::Button::new("Merge into it"),
                )
                .clicked()
                && let Some(into) = self.merge_into.take()
            {
                out.push(session.merge_labels(&id, &into));
                self.deleting = None;
            }
            if ui.button("Cancel").clicked() {
                self.deleting = None;
            }
        });
    }
}

fn new_label(session: &Session) -> Command {
    let mut n = session.taxonomy().labels.len() + 1;
    let id = loop {
        let candidate = LabelId::new(format!("label_{n}"));
        if session.taxonomy().get(&candidate).is_none() {
            break candidate;
        }
        n += 1;
    };
    Command::AddLabel {
        index: session.taxonomy().labels.len(),
        label: SourceType {
            id,
            name: format!("New label {n}"),
            kind: SourceKind::Unattributed,
            location: None,
            color: session.taxonomy().next_color(),
            key: session.taxonomy().free_key(),
            description: String::new(),
            aliases: Vec::new(),
        },
    }
}

/// A review keeps the places it was made with; this row says so and offers the newer ones.
fn places_row(ui: &mut egui::Ui, session: &Session, out: &mut Vec<Result<Command, CommandError>>) {
    let Some(edition) = session.taxonomy().newer_places() else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        let have = match session.taxonomy().places {
            0 => "only the labels' own places and aliases".to_string(),
            n => format!("place names of edition {n}"),
        };
        ui.label(format!(
            "This review maps sources to labels with {have}; edition {} of the bundled place \
             names also knows North Korean counties, Chinese border towns and Russian cities.",
            edition
        ));
        if ui
            .button("Update place names")
            .on_hover_text("Suggestions then use the newer place names. Undo reverts it.")
            .clicked()
        {
            out.push(Ok(Command::SetPlaces { edition }));
        }
    });
}

/// "Hyesan, Musan ,, Hoeryong" → the names, trimmed, empty ones and repeats dropped.
pub fn split_aliases(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in text.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        if !out.iter().any(|o| o.eq_ignore_ascii_case(name)) {
            out.push(name.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn other_names_are_split_on_commas_trimmed_and_kept_once() {
        assert_eq!(
            super::split_aliases(" Hyesan, Musan ,, hyesan,Hoeryong ,"),
            ["Hyesan", "Musan", "Hoeryong"]
        );
        assert!(super::split_aliases(" , ").is_empty());
    }
}
