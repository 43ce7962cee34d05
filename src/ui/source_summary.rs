//! The source summary: the sources with their grades and descriptors, how many claims each
//! supports, which are corroborated or contradicted, and how much of the article rests on a
//! single anonymous source — the numbers an editor asks for.

use crate::model::{Command, CommandError, Reliability, Session, Source, SourceId};
use eframe::egui::{self, Context, RichText};

#[derive(Default)]
pub struct SourceSummaryWindow {
    pub open: bool,
    /// (source, field is descriptor?, text) being edited.
    draft: Option<(SourceId, bool, String)>,
}

/// The source as the analyst's own: any edit of a proposed source adopts it.
fn adopted(source: &Source) -> Source {
    Source {
        proposed: false,
        ..source.clone()
    }
}

fn list(indices: &[usize]) -> String {
    if indices.is_empty() {
        "–".into()
    } else {
        indices
            .iter()
            .map(|i| (i + 1).to_string())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl SourceSummaryWindow {
    pub fn show(&mut self, ctx: &Context, session: &Session) -> Vec<Result<Command, CommandError>> {
        let mut out = Vec::new();
        if !self.open {
            return out;
        }
        let summary = session.source_summary();
        let mut open = self.open;
        egui::Window::new("Source summary")
            .open(&mut open)
            .default_width(1240.0)
            .show(ctx, |ui| {
                ui.label(
                    RichText::new(format!(
                        "{} claims; {} ({:.0}%) rest on a single anonymous source with no \
                         corroboration.",
                        summary.claims,
                        summary.single_anonymous,
                        100.0 * summary.single_anonymous_share()
                    ))
                    .strong(),
                );
                if session.sources().iter().any(|s| s.proposed) {
                    ui.weak(
                        "Sources marked (proposed) were found by the suggestion engine; \
                         editing or grading one keeps it.",
                    );
                }
                ui.separator();
                // The table is wider than a small window: it scrolls instead of running off it.
                egui::ScrollArea::horizontal().show(ui, |ui| {
                    egui::Grid::new("sources_grid")
                        .striped(true)
                        .show(ui, |ui| {
                            for h in [
                                "Source",
                                "Kind",
                                "Reliability",
                                "Descriptor",
                                "Claims",
                                "Corroborated",
                                "Contradicted",
                                "",
                            ] {
                                ui.strong(h);
                            }
                            ui.end_row();
                            for (source, row) in session.sources().iter().zip(&summary.rows) {
                                self.row(ui, session, source, &mut out);
                                ui.label(row.claims.to_string());
                                ui.label(list(&row.corroborated));
                                ui.label(list(&row.contradicted));
                                ui.horizontal(|ui| {
                                    if source.proposed
                                        && ui
                                            .button("Keep")
                                            .on_hover_text(
                                                "Adopt the source the engine proposed as your own",
                                            )
                                            .clicked()
                                    {
                                        out.push(Ok(Command::UpdateSource {
                                            source: adopted(source),
                                        }));
                                    }
                                    let delete = ui.button("Delete");
                                    let delete = if source.proposed {
                                        delete.on_hover_text(
                                            "Remove the proposed source and its links to claims",
                                        )
                                    } else {
                                        delete
                                    };
                                    if delete.clicked() {
                                        out.push(session.remove_source(source.id));
                                    }
                                });
                                ui.end_row();
                            }
                        });
                });
                if session.sources().is_empty() {
                    ui.weak(
                        "No sources yet: select a claim and press “New source” in the inspector.",
                    );
                }
                if ui.button("Add source").clicked() {
                    let id = session.fresh_source_id();
                    out.push(Ok(Command::AddSource {
                        index: session.sources().len(),
                        source: Source {
                            id,
                            name: session.free_source_name(),
                            label: None,
                            descriptor: String::new(),
                            reliability: Reliability::F,
                            proposed: false,
                        },
                    }));
                }
            });
        self.open = open;
        out
    }

    fn row(
        &mut self,
        ui: &mut egui::Ui,
        session: &Session,
        source: &Source,
        out: &mut Vec<Result<Command, CommandError>>,
    ) {
        let name = ui
            .horizontal(|ui| {
                // Proposed names are phrases from the text ("source inside North Korea"): room
                // for most of them, and the whole name on hover.
                let name = self.text(ui, source, false, &source.name, 170.0);
                if source.proposed {
                    ui.weak("(proposed)");
                }
                name
            })
            .inner;
        if let Some(name) = name {
            let mut s = adopted(source);
            s.name = name;
            out.push(Ok(Command::UpdateSource { source: s }));
        }
        let current = source
            .label
            .as_ref()
            .and_then(|l| session.taxonomy().get(l))
            .map_or("(none)".to_string(), |l| l.name.clone());
        let mut label = source.label.clone();
        let combo = egui::ComboBox::from_id_salt(("source_kind", source.id.0))
            .selected_text(current)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut label, None, "(none)");
                for l in &session.taxonomy().labels {
                    ui.selectable_value(&mut label, Some(l.id.clone()), &l.name);
                }
            });
        let name = format!("Kind of {}", source.name);
        combo
            .response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &name));
        if label != source.label {
            let mut s = adopted(source);
            s.label = label;
            out.push(Ok(Command::UpdateSource { source: s }));
        }
        ui.horizontal(|ui| {
            for r in Reliability::ALL {
                if ui
                    .selectable_label(source.reliability == r, r.letter().to_string())
                    .on_hover_text(r.meaning())
                    .clicked()
                {
                    out.push(session.set_reliability(source.id, r));
                }
            }
        });
        if let Some(text) = self.text(ui, source, true, &source.descriptor, 220.0) {
            let mut s = adopted(source);
            s.descriptor = text;
            out.push(Ok(Command::UpdateSource { source: s }));
        }
    }

    fn text(
        &mut self,
        ui: &mut egui::Ui,
        source: &Source,
        descriptor: bool,
        value: &str,
        width: f32,
    ) -> Option<String> {
        let mine = matches!(&self.draft, Some((id, d, _)) if *id == source.id && *d == descriptor);
        let mut text = if mine {
            self.draft.as_ref().map(|d| d.2.clone()).unwrap_or_default()
        } else {
            value.to_string()
        };
        let mut edit =
            egui::TextEdit::singleline(&mut text).id_salt(("source_text", source.id.0, descriptor));
        edit = edit.hint_text(if descriptor {
            "access, track record, possible bias"
        } else {
            "source name"
        });
        let mut response = ui.add_sized([width, 20.0], edit);
        if !value.is_empty() {
            response = response.on_hover_text(value);
        }
        if response.changed() || response.has_focus() {
            self.draft = Some((source.id, descriptor, text.clone()));
        }
        if response.lost_focus() {
            self.draft = None;
            if text != value {
                return Some(text);
            }
        }
        None
    }
}
