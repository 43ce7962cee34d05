//! The desk's Sources: each proposed recurring source with its outlet, reports, claims and
//! grades over time, and the analyst's decision — one source, or not — kept in the folder's
//! corpus file.

use crate::app::desk::SourceRow;
use crate::app::{AppCommand, DeskCommand};
use crate::io::corpus_file::Verdict;
use eframe::egui::{self, RichText, Ui};

pub fn show(ui: &mut Ui, sources: &[SourceRow]) -> Vec<AppCommand> {
    let mut commands = Vec::new();
    if sources.is_empty() {
        ui.add_space(12.0);
        ui.label(
            "No source recurs: no outlet's source of one description is in more than one \
             reviewed report of this folder.",
        );
        return commands;
    }
    ui.label(
        RichText::new(
            "The same outlet's source under the same description in several reports, proposed \
             as one. Decisions are kept in the folder (.claimlens/corpus.ron) for everyone who \
             shares it.",
        )
        .weak(),
    );
    let narrow = ui.available_width() < 1000.0;
    egui::ScrollArea::vertical()
        .id_salt("desk_sources")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("desk_sources_grid")
                .striped(true)
                .num_columns(6)
                .show(ui, |ui| {
                    for head in [
                        "Source",
                        "Outlet",
                        "Reports",
                        "Claims",
                        "Reliability over time",
                        "Decision",
                    ] {
                        ui.label(RichText::new(head).weak());
                    }
                    ui.end_row();
                    for (i, s) in sources.iter().enumerate() {
                        let kind = s
                            .kind
                            .as_deref()
                            .map_or(String::new(), |k| format!(", {k}"));
                        ui.label(RichText::new(&s.name).strong())
                            .on_hover_text(format!("{} ({}{kind})", s.name, s.outlet));
                        ui.label(&s.outlet);
                        ui.label(s.reports.to_string());
                        ui.label(s.claims.to_string());
                        let grades: Vec<String> = s
                            .grades
                            .iter()
                            .map(|(date, g)| {
                                let day = date
                                    .as_deref()
                                    .map_or("no date", |d| d.get(..10).unwrap_or(d));
                                format!("{day} {g}")
                            })
                            .collect();
                        // The latest few fit the window; all of them on hover.
                        let keep = if narrow { 2 } else { 3 };
                        let shown = match grades.len() {
                            n if n > keep => format!("… {}", grades[n - keep..].join(", ")),
                            _ => grades.join(", "),
                        };
                        ui.label(shown).on_hover_text(grades.join("\n"));
                        ui.horizontal(|ui| {
                            let mut pick =
                                |ui: &mut Ui, verdict: Option<Verdict>, text: &str, tip: &str| {
                                    if ui
                                        .selectable_label(s.verdict == verdict, text)
                                        .on_hover_text(tip)
                                        .clicked()
                                        && s.verdict != verdict
                                    {
                                        commands.push(AppCommand::Desk(DeskCommand::Decide(
                                            i, verdict,
                                        )));
                                    }
                                };
                            pick(
                                ui,
                                Some(Verdict::Same),
                                "One source",
                                "These reports' sources are one person or group",
                            );
                            pick(
                                ui,
                                Some(Verdict::Split),
                                "Not one",
                                "Split: the reports' sources only share a description",
                            );
                            pick(ui, None, "Undecided", "Leave it proposed");
                        });
                        ui.end_row();
                    }
                });
        });
    commands
}
