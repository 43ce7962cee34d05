//! File › Export…: the formats a review can leave the app in, one line each on what it is
//! for; Enter (or the button) asks where to write it. While it is open the review's keys rest,
//! so that Enter or a digit typed here never labels a sentence.

use crate::app::AppCommand;
use crate::io::export::Format;
use eframe::egui::{self, Context, Key};

pub struct ExportWindow {
    chosen: Format,
}

fn purpose(format: Format) -> &'static str {
    match format {
        Format::Csv => "One row per sentence, for a spreadsheet (opens in Excel and LibreOffice)",
        Format::Jsonl => "One object per judged sentence after an article line, for scripts",
        Format::W3c => "A Web Annotation collection (JSON-LD), for tools of the W3C model",
        Format::Brat => "brat's .txt and .ann with annotation.conf and visual.conf, in one folder",
        Format::LabelStudio => "A Label Studio task, with its labelling configuration beside it",
        Format::ReportHtml => "For a reader: summary, warnings, the text with source notes; prints",
        Format::ReportMarkdown => "The same report as Markdown, for a wiki or an e-mail",
    }
}

impl ExportWindow {
    /// Opens on the format chosen last time.
    pub fn new(last: Format) -> Self {
        ExportWindow { chosen: last }
    }

    pub fn chosen(&self) -> Format {
        self.chosen
    }

    /// Draws the window; returns whether it stays open and what the analyst asked for.
    pub fn show(&mut self, ctx: &Context) -> (bool, Option<AppCommand>) {
        let (mut enter, escape, down, up) = ctx.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, Key::Enter),
                i.consume_key(egui::Modifiers::NONE, Key::Escape),
                i.consume_key(egui::Modifiers::NONE, Key::ArrowDown),
                i.consume_key(egui::Modifiers::NONE, Key::ArrowUp),
            )
        });
        let at = Format::ALL
            .iter()
            .position(|f| *f == self.chosen)
            .unwrap_or(0);
        if down {
            self.chosen = Format::ALL[(at + 1) % Format::ALL.len()];
        }
        if up {
            self.chosen = Format::ALL[(at + Format::ALL.len() - 1) % Format::ALL.len()];
        }
        let mut open = true;
        let mut cancel = escape;
        egui::Window::new("Export review")
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .open(&mut open)
            .show(ctx, |ui| {
                ui.label("Choose a format (Up, Down), then Enter to choose where to write it.");
                ui.add_space(4.0);
                // On a small window the list scrolls and the buttons stay in sight.
                let room = (ui.ctx().content_rect().height() - 170.0).max(120.0);
                egui::ScrollArea::vertical()
                    .max_height(room)
                    .show(ui, |ui| {
                        for format in Format::ALL {
                            if format == Format::ReportHtml {
                                ui.separator();
                            }
                            let picked = ui.radio_value(&mut self.chosen, format, format.name());
                            if picked.changed() || (down || up) && self.chosen == format {
                                picked.scroll_to_me(None);
                            }
                            ui.indent(format.name(), |ui| ui.weak(purpose(format)));
                        }
                    });
                ui.add_space(6.0);
                ui.horizontal(|ui| {
                    enter |= ui.button("Export…").clicked();
                    cancel |= ui.button("Cancel").clicked();
                });
            });
        let asked = enter.then_some(AppCommand::AskExport(self.chosen));
        (open && !cancel && !enter, asked)
    }
}
