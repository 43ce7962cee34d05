//! The desk's lines as painted: a report's row in its columns (title, outlet, date, size,
//! analysts, the progress bar), the column names that order the list, and the pieces every
//! line shares (its accessible text and background, a cell cut to its width).

use super::desk_view::ROW_HEIGHT;
use crate::app::{AppCommand, DeskCommand, Row, RowKind, SortBy};
use eframe::egui::{
    self, Align2, Color32, FontId, Rect, Sense, Stroke, StrokeKind, Ui, text::LayoutJob, vec2,
};

/// A line of the list: its accessible text, whether it is pointed at, and its painter with the
/// background drawn.
pub(super) fn line_start(
    ui: &Ui,
    rect: Rect,
    response: &egui::Response,
    pointed: bool,
    accessible: String,
) -> egui::Painter {
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::Button, true, pointed, accessible.clone())
    });
    let painter = ui.painter_at(rect);
    line_background(ui, &painter, rect, pointed, response.hovered());
    painter
}

fn line_background(ui: &Ui, painter: &egui::Painter, rect: Rect, pointed: bool, hovered: bool) {
    let visuals = ui.visuals();
    if pointed {
        painter.rect_filled(rect, 3.0, visuals.selection.bg_fill.gamma_multiply(0.6));
    } else if hovered {
        painter.rect_filled(rect, 3.0, visuals.widgets.hovered.weak_bg_fill);
    }
}

/// `text` in one line from `x` (in `rect`), cut with "…" to `width`.
pub(super) fn cell(
    painter: &egui::Painter,
    rect: Rect,
    x: f32,
    width: f32,
    text: &str,
    font: &FontId,
    color: Color32,
) {
    if width < 8.0 {
        return;
    }
    let mut job = LayoutJob::simple_singleline(text.to_string(), font.clone(), color);
    job.wrap = egui::text::TextWrapping::truncate_at_width(width);
    let galley = painter.layout_job(job);
    painter.galley(
        egui::pos2(rect.min.x + x, rect.center().y - galley.size().y / 2.0),
        galley,
        color,
    );
}

/// Where the list's columns start, for the window's width: the title takes what the others
/// leave; in a narrow window the size and analysts go first.
pub(super) struct Columns {
    title: (f32, f32),
    outlet: (f32, f32),
    date: (f32, f32),
    size: Option<(f32, f32)>,
    analysts: Option<(f32, f32)>,
    progress: (f32, f32),
}

impl Columns {
    pub(super) fn for_width(width: f32) -> Columns {
        let wide = width >= 1000.0;
        let (outlet, date, size, analysts, progress) = (140.0, 90.0, 64.0, 120.0, 150.0);
        let fixed = 22.0 + outlet + date + progress + if wide { size + analysts } else { 0.0 };
        let title = (width - fixed - 8.0).max(120.0);
        let mut x = 22.0;
        let mut next = |w: f32| {
            let at = (x, w - 8.0);
            x += w;
            at
        };
        Columns {
            title: next(title),
            outlet: next(outlet),
            date: next(date),
            size: wide.then(|| next(size)),
            analysts: wide.then(|| next(analysts)),
            progress: next(progress),
        }
    }

    /// The column names; a click orders the list by that column (again: the other way).
    pub(super) fn header(
        &self,
        ui: &mut Ui,
        (by, reverse): (SortBy, bool),
        commands: &mut Vec<AppCommand>,
    ) {
        let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), 18.0), Sense::hover());
        let font = FontId::proportional(12.0);
        let mut columns = vec![
            (self.title, "Title", SortBy::Title),
            (self.outlet, "Outlet", SortBy::Outlet),
            (self.date, "Date", SortBy::Date),
        ];
        columns.extend(self.size.map(|c| (c, "Size", SortBy::Size)));
        columns.extend(self.analysts.map(|c| (c, "Analysts", SortBy::File)));
        columns.push((self.progress, "Reviewed", SortBy::Progress));
        for ((x, w), name, key) in columns {
            let cell_rect = Rect::from_min_size(rect.min + vec2(x, 0.0), vec2(w, rect.height()));
            // The analysts column has no order of its own: it orders by file.
            let sortable = name != "Analysts";
            let response = match sortable {
                true => ui
                    .interact(
                        cell_rect,
                        ui.scope_id().with(("desk_sort", name)),
                        Sense::click(),
                    )
                    .on_hover_text(format!("Order by {}", name.to_lowercase())),
                false => ui.interact(
                    cell_rect,
                    ui.scope_id().with(("desk_sort", name)),
                    Sense::hover(),
                ),
            };
            let text = match (sortable && key == by, reverse) {
                (true, false) => format!("{name} ▲"),
                (true, true) => format!("{name} ▼"),
                (false, _) => name.to_string(),
            };
            let color = match response.hovered() && sortable {
                true => ui.visuals().strong_text_color(),
                false => ui.visuals().weak_text_color(),
            };
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, sortable, &text));
            cell(&ui.painter_at(rect), rect, x, w, &text, &font, color);
            if response.clicked() {
                commands.push(AppCommand::Desk(DeskCommand::Sort(key)));
            }
        }
    }

    /// One report; `open` is `Some(unsaved)` when it is open in a tab.
    pub(super) fn row(
        &self,
        ui: &mut Ui,
        row: &Row,
        open: Option<bool>,
        pointed: bool,
    ) -> egui::Response {
        let (rect, response) =
            ui.allocate_exact_size(vec2(ui.available_width(), ROW_HEIGHT), Sense::click());
        let p = row.progress;
        let state = match (open, row.kind) {
            (Some(true), _) => ", open with unsaved changes",
            (Some(false), _) => ", open",
            (None, RowKind::Article) => ", not reviewed yet",
            (None, RowKind::Damaged | RowKind::Unreadable) => ", cannot be read",
            (None, RowKind::Review) => "",
        };
        let accessible = format!(
            "{}{state}: {} of {} sentences reviewed",
            row.title, p.reviewed, p.sentences
        );
        let painter = line_start(ui, rect, &response, pointed, accessible);
        let visuals = ui.visuals();
        let font = FontId::proportional(13.0);
        let (text, weak) = (visuals.text_color(), visuals.weak_text_color());
        // Open: a ring; unsaved: a filled dot, as the tabs mark it.
        match open {
            Some(true) => {
                painter.circle_filled(rect.left_center() + vec2(10.0, 0.0), 4.0, text);
            }
            Some(false) => {
                painter.circle_stroke(
                    rect.left_center() + vec2(10.0, 0.0),
                    4.0,
                    Stroke::new(1.0, text),
                );
            }
            None => {}
        }
        let put = |(x, w): (f32, f32), s: &str, c: Color32| cell(&painter, rect, x, w, s, &font, c);
        put(self.title, &row.title, visuals.strong_text_color());
        let problem = row.problem.as_deref();
        if let Some(problem) = problem {
            // The problem takes the place of the columns it leaves empty.
            let (x, _) = self.outlet;
            put((x, rect.width() - x - 4.0), problem, visuals.error_fg_color);
            return response.on_hover_text(problem.to_string());
        }
        put(self.outlet, row.outlet.as_deref().unwrap_or("—"), text);
        let date = row
            .published
            .as_deref()
            .map_or("—", |d| d.get(..10).unwrap_or(d));
        put(self.date, date, text);
        if let Some(c) = self.size {
            put(c, &size(row.bytes), weak);
        }
        if let Some(c) = self.analysts {
            let names = match row.kind {
                RowKind::Article => "—".to_string(),
                _ if row.analysts.is_empty() => "(unnamed)".to_string(),
                _ => row.analysts.join(", "),
            };
            put(c, &names, text);
        }
        progress_bar(&painter, rect, self.progress, p, visuals);
        response.on_hover_text(row.name.clone())
    }
}

/// Reviewed, suggested and untouched sentences as one bar, with the count beside it.
fn progress_bar(
    painter: &egui::Painter,
    rect: Rect,
    (x, w): (f32, f32),
    p: crate::io::corpus::Progress,
    visuals: &egui::Visuals,
) {
    let bar_w = (w - 64.0).max(20.0);
    let bar = Rect::from_min_size(
        egui::pos2(rect.min.x + x, rect.center().y - 4.0),
        vec2(bar_w, 8.0),
    );
    painter.rect_filled(bar, 2.0, visuals.extreme_bg_color);
    if p.sentences > 0 {
        let part = |n: usize| bar_w * n as f32 / p.sentences as f32;
        let reviewed = Rect::from_min_size(bar.min, vec2(part(p.reviewed), 8.0));
        painter.rect_filled(reviewed, 2.0, Color32::from_rgb(60, 150, 90));
        let suggested = Rect::from_min_size(
            bar.min + vec2(part(p.reviewed), 0.0),
            vec2(part(p.suggested), 8.0),
        );
        painter.rect_filled(
            suggested,
            0.0,
            Color32::from_rgb(200, 160, 60).gamma_multiply(0.7),
        );
    }
    painter.rect_stroke(
        bar,
        2.0,
        Stroke::new(1.0, visuals.weak_text_color()),
        StrokeKind::Inside,
    );
    painter.text(
        egui::pos2(bar.max.x + 6.0, rect.center().y),
        Align2::LEFT_CENTER,
        format!("{}/{}", p.reviewed, p.sentences),
        FontId::proportional(12.0),
        visuals.text_color(),
    );
}

/// "48 KB", "1.2 MB".
fn size(bytes: u64) -> String {
    match bytes {
        b if b < 1024 => format!("{b} B"),
        b if b < 1024 * 1024 => format!("{} KB", b.div_ceil(1024)),
        b => format!("{:.1} MB", b as f64 / (1024.0 * 1024.0)),
    }
}
