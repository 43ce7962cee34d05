//! The desk: the open folder's reports as a list (title, outlet, date, size, analysts,
//! progress, whether one is open with unsaved changes), and the search across all of them as
//! keyword-in-context lines. A click points at a line, a double click or Enter opens it; the
//! arrow keys move along the lines, from the search field too. Rows are painted in one
//! allocation each and only the visible ones are laid out, so ten thousand reports scroll freely.

use super::desk_filters::filter_box;
use super::desk_rows::{Columns, cell, line_start};
use crate::app::{AppCommand, Desk, DeskCommand, RowKind};
use eframe::egui::{self, FontId, Key, Rect, Sense, Stroke, StrokeKind, Ui, text::LayoutJob, vec2};
use std::path::PathBuf;

pub(super) const ROW_HEIGHT: f32 = 24.0;

/// The search field keeps what is typed between frames; the workspace gets it as it changes.
#[derive(Default)]
pub struct DeskView {
    query: String,
    /// Scroll the pointed line into view on the next frame.
    follow: bool,
    last_pointed: usize,
    /// Where the list was scrolled, last frame.
    offset: f32,
    /// The filters typed into fields.
    typed: super::desk_filters::Typed,
}

/// Open reviews by file: the desk marks the reports open in a tab, and those with unsaved work.
pub type OpenFiles = Vec<(PathBuf, bool)>;

impl DeskView {
    pub fn show(&mut self, ui: &mut Ui, desk: &Desk, open: &OpenFiles) -> Vec<AppCommand> {
        let mut commands = Vec::new();
        if desk.pointed() != self.last_pointed {
            self.last_pointed = desk.pointed();
            self.follow = true;
        }
        header(ui, desk, &mut commands);
        if let Some(figures) = desk.figures() {
            ui.separator();
            super::desk_stats::show(ui, figures);
            return commands;
        }
        if let Some(sources) = desk.sources() {
            ui.separator();
            commands.extend(super::desk_sources::show(ui, sources));
            return commands;
        }
        self.search_row(ui, desk, &mut commands);
        ui.separator();
        if desk.searching() {
            self.hits(ui, desk, &mut commands);
        } else {
            self.rows(ui, desk, open, &mut commands);
        }
        commands
    }

    fn search_row(&mut self, ui: &mut Ui, desk: &Desk, commands: &mut Vec<AppCommand>) {
        if desk.query() != self.query && !ui.memory(|m| m.has_focus(search_id())) {
            self.query = desk.query().to_string();
        }
        ui.horizontal(|ui| {
            let field = egui::TextEdit::singleline(&mut self.query)
                .id(search_id())
                .hint_text("Search the text, notes and sources of every report")
                .desired_width((ui.available_width() - 330.0).max(160.0));
            let response = ui.add(field);
            if response.changed() {
                commands.push(AppCommand::Desk(DeskCommand::Search(self.query.clone())));
            }
            if response.has_focus() {
                let (down, up, enter) = ui.input_mut(|i| {
                    (
                        i.consume_key(egui::Modifiers::NONE, Key::ArrowDown),
                        i.consume_key(egui::Modifiers::NONE, Key::ArrowUp),
                        i.key_pressed(Key::Enter),
                    )
                });
                let pointed = desk.pointed();
                if down {
                    commands.push(AppCommand::Desk(DeskCommand::Point(pointed + 1)));
                }
                if up {
                    commands.push(AppCommand::Desk(DeskCommand::Point(
                        pointed.saturating_sub(1),
                    )));
                }
                if enter {
                    commands.push(AppCommand::Desk(DeskCommand::OpenPointed));
                }
            } else if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                commands.push(AppCommand::Desk(DeskCommand::OpenPointed));
            }
            let outlet = desk.filters().outlet.clone();
            filter_box(ui, "outlet", "All outlets", outlet, desk.outlets(), |o| {
                commands.push(AppCommand::Desk(DeskCommand::FilterOutlet(o)))
            });
            let label = desk.filters().label.clone();
            filter_box(ui, "label", "All labels", label, desk.labels(), |l| {
                commands.push(AppCommand::Desk(DeskCommand::FilterLabel(l)))
            });
        });
        self.typed.row(ui, desk, commands);
    }

    fn rows(&mut self, ui: &mut Ui, desk: &Desk, open: &OpenFiles, commands: &mut Vec<AppCommand>) {
        let rows = desk.rows();
        if rows.is_empty() {
            ui.add_space(12.0);
            ui.label(match desk.scan_progress() {
                Some(_) => "Reading the folder…",
                None => "This folder holds no article or review claimlens can open.",
            });
            return;
        }
        let columns = Columns::for_width(ui.available_width());
        columns.header(ui, desk.sort(), commands);
        let follow = std::mem::take(&mut self.follow).then_some(desk.pointed());
        scrolled_rows(ui, rows.len(), (follow, &mut self.offset), |ui, i| {
            let row = &rows[i];
            let mark = open
                .iter()
                .find(|(p, _)| p == &row.path)
                .map(|(_, dirty)| *dirty);
            let response = columns.row(ui, row, mark, i == desk.pointed());
            clicks(&response, i, commands);
            row_menu(&response, i, commands);
        });
    }

    fn hits(&mut self, ui: &mut Ui, desk: &Desk, commands: &mut Vec<AppCommand>) {
        let count = desk.hits().len();
        ui.label(match count {
            0 => "No match.".to_string(),
            1 => "1 match".to_string(),
            n => format!("{n} matches"),
        });
        let hits: Vec<_> = desk.hits().collect();
        let follow = std::mem::take(&mut self.follow).then_some(desk.pointed());
        scrolled_rows(ui, hits.len(), (follow, &mut self.offset), |ui, i| {
            let (hit, row) = hits[i];
            let (rect, response) =
                ui.allocate_exact_size(vec2(ui.available_width(), ROW_HEIGHT), Sense::click());
            let at = hit
                .sentence
                .map_or(String::new(), |s| format!(", sentence {}", s + 1));
            let accessible = format!(
                "{}{at}: {}{}{}",
                row.title, hit.before, hit.matched, hit.after
            );
            let painter = line_start(ui, rect, &response, i == desk.pointed(), accessible);
            let visuals = ui.visuals();
            let font = FontId::proportional(13.0);
            let title_width = (rect.width() * 0.24).clamp(90.0, 260.0);
            let chip_width = (rect.width() * 0.14).clamp(60.0, 170.0);
            cell(
                &painter,
                rect,
                4.0,
                title_width,
                &row.title,
                &font,
                visuals.strong_text_color(),
            );
            let chip = hit.label.as_deref().unwrap_or(match hit.field {
                crate::model::corpus::Field::Text => "not labelled",
                crate::model::corpus::Field::Note => "note",
                crate::model::corpus::Field::Source => "source",
            });
            let chip_x = title_width + 12.0;
            let chip_rect = Rect::from_min_size(
                rect.min + vec2(chip_x, 3.0),
                vec2(chip_width, ROW_HEIGHT - 6.0),
            );
            painter.rect_stroke(
                chip_rect,
                8.0,
                Stroke::new(1.0, visuals.weak_text_color()),
                StrokeKind::Inside,
            );
            cell(
                &painter,
                rect,
                chip_x + 6.0,
                chip_width - 12.0,
                chip,
                &FontId::proportional(12.0),
                visuals.text_color(),
            );
            // Keyword in context: the match, marked, with the words around it.
            let x = chip_x + chip_width + 10.0;
            let mut job = LayoutJob::default();
            let plain = egui::TextFormat::simple(font.clone(), visuals.text_color());
            let mut marked = egui::TextFormat::simple(font.clone(), visuals.strong_text_color());
            marked.background = visuals.selection.bg_fill.gamma_multiply(0.5);
            job.append(&hit.before, 0.0, plain.clone());
            job.append(&hit.matched, 0.0, marked);
            job.append(&hit.after, 0.0, plain);
            job.wrap =
                egui::text::TextWrapping::truncate_at_width((rect.width() - x - 4.0).max(20.0));
            let galley = painter.layout_job(job);
            painter.galley(
                egui::pos2(rect.min.x + x, rect.center().y - galley.size().y / 2.0),
                galley,
                visuals.text_color(),
            );
            clicks(&response, i, commands);
        });
    }
}

fn search_id() -> egui::Id {
    egui::Id::unique("desk_search")
}

/// The folder, its counts, the scan's progress, and the desk's buttons.
fn header(ui: &mut Ui, desk: &Desk, commands: &mut Vec<AppCommand>) {
    ui.horizontal(|ui| {
        let name = desk.folder().file_name().map_or_else(
            || desk.folder().display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        ui.heading(name)
            .on_hover_text(desk.folder().display().to_string());
        let rows = desk.rows();
        let to_review = rows.iter().filter(|r| r.to_review()).count();
        let damaged = rows
            .iter()
            .filter(|r| matches!(r.kind, RowKind::Damaged | RowKind::Unreadable))
            .count();
        let mut counts = format!("{} reports, {to_review} to review", rows.len());
        if damaged > 0 {
            counts.push_str(&format!(", {damaged} cannot be read"));
        }
        if desk.from_cache() {
            counts.push_str(" (as last read; reading the folder again)");
        }
        ui.label(counts);
        ui.separator();
        let stats = desk.figures().is_some();
        let sources = desk.sources().is_some();
        if ui
            .selectable_label(!stats && !sources, "Reports")
            .on_hover_text("The list of reports, and the search")
            .clicked()
        {
            commands.push(AppCommand::Desk(DeskCommand::Statistics(false)));
            commands.push(AppCommand::Desk(DeskCommand::Sources(false)));
        }
        if ui
            .selectable_label(stats, "Statistics")
            .on_hover_text("Source mix, single-source share and corroboration per outlet and month")
            .clicked()
        {
            commands.push(AppCommand::Desk(DeskCommand::Statistics(true)));
        }
        if ui
            .selectable_label(sources, "Sources")
            .on_hover_text("Sources that recur across reports: confirm or split them")
            .clicked()
        {
            commands.push(AppCommand::Desk(DeskCommand::Sources(true)));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button("Close folder")
                .on_hover_text("Put the folder away; reviews opened from it stay open")
                .clicked()
            {
                commands.push(AppCommand::Desk(DeskCommand::Close));
            }
            if ui
                .button("Read again")
                .on_hover_text("Read the folder again now (it is looked at every few seconds)")
                .clicked()
            {
                commands.push(AppCommand::Desk(DeskCommand::Rescan));
            }
            let next = crate::app::Action::NextReport;
            if ui
                .button(next.title())
                .on_hover_text(next.tooltip())
                .clicked()
            {
                commands.push(AppCommand::Run(next));
            }
        });
    });
    if let Some((read, files)) = desk.scan_progress() {
        let done = if files == 0 {
            0.0
        } else {
            read as f32 / files as f32
        };
        ui.add(
            egui::ProgressBar::new(done)
                .desired_height(6.0)
                .text(format!("Reading {read} of {files} files")),
        );
    }
}

/// Draws `count` lines of [`ROW_HEIGHT`], only those in view, scrolled to `follow` if it is
/// out of view (so that clicking a line does not jump the list). `offset` is where the list
/// was scrolled last frame.
fn scrolled_rows(
    ui: &mut Ui,
    count: usize,
    (follow, offset): (Option<usize>, &mut f32),
    mut line: impl FnMut(&mut Ui, usize),
) {
    let step = ROW_HEIGHT + ui.spacing().item_spacing.y;
    let mut area = egui::ScrollArea::vertical()
        .id_salt("desk_lines")
        .auto_shrink([false, false]);
    if let Some(i) = follow {
        let top = i as f32 * step;
        let height = ui.available_height();
        if top < *offset || top + ROW_HEIGHT > *offset + height {
            area = area.vertical_scroll_offset((top - height / 2.0).max(0.0));
        }
    }
    let output = area.show_rows(ui, ROW_HEIGHT, count, |ui, range| {
        for i in range {
            line(ui, i);
        }
    });
    *offset = output.state.clamped_offset().y;
}

/// A report's right-click menu: open it, or set what its file does not say.
fn row_menu(response: &egui::Response, i: usize, commands: &mut Vec<AppCommand>) {
    response.context_menu(|ui| {
        let point = AppCommand::Desk(DeskCommand::Point(i));
        if ui.button("Open").clicked() {
            commands.extend([point, AppCommand::Desk(DeskCommand::OpenPointed)]);
        } else if ui
            .button(crate::app::Action::ArticleDetails.title())
            .on_hover_text(crate::app::Action::ArticleDetails.tooltip())
            .clicked()
        {
            commands.extend([point, AppCommand::Run(crate::app::Action::ArticleDetails)]);
        }
    });
}

fn clicks(response: &egui::Response, i: usize, commands: &mut Vec<AppCommand>) {
    if response.double_clicked() {
        commands.push(AppCommand::Desk(DeskCommand::Point(i)));
        commands.push(AppCommand::Desk(DeskCommand::OpenPointed));
    } else if response.clicked() {
        commands.push(AppCommand::Desk(DeskCommand::Point(i)));
    }
}
