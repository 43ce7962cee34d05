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
                        ui.horizontal(|ui| {
                            grade_strip(ui, &s.grades).on_hover_text(grades.join("\n"));
                            ui.label(shown).on_hover_text(grades.join("\n"));
                        });
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

/// A source's reliability report by report, as a line: A at the top, F at the bottom, the
/// reports in date order from left to right — a source whose grade slides shows it at a glance.
fn grade_strip(ui: &mut Ui, grades: &[(Option<String>, char)]) -> egui::Response {
    use egui::{Color32, Sense, Stroke, pos2, vec2};
    let (rect, response) = ui.allocate_exact_size(vec2(72.0, 18.0), Sense::hover());
    let visuals = ui.visuals();
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 2.0, visuals.extreme_bg_color);
    let level = |g: char| ((g as u8).saturating_sub(b'A')).min(5) as f32;
    let n = grades.len().max(1);
    let points: Vec<egui::Pos2> = grades
        .iter()
        .enumerate()
        .map(|(i, (_, g))| {
            let x = match n {
                1 => rect.center().x,
                _ => rect.left() + 4.0 + (rect.width() - 8.0) * i as f32 / (n - 1) as f32,
            };
            pos2(
                x,
                rect.top() + 3.0 + (rect.height() - 6.0) * level(*g) / 5.0,
            )
        })
        .collect();
    let line = visuals.weak_text_color();
    painter.add(egui::Shape::line(points.clone(), Stroke::new(1.0, line)));
    for (p, (_, g)) in points.iter().zip(grades) {
        // Usually reliable or better in green, fairly reliable in amber, the rest in red.
        let colour = match g {
            'A' | 'B' => Color32::from_rgb(60, 150, 90),
            'C' => Color32::from_rgb(200, 160, 60),
            _ => Color32::from_rgb(200, 80, 70),
        };
        painter.circle_filled(*p, 2.5, colour);
    }
    let label = format!(
        "Reliability over time: {}",
        grades
            .iter()
            .map(|(_, g)| g.to_string())
            .collect::<Vec<_>>()
            .join(" ")
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
    response
}
