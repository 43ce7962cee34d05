//! The desk's Statistics: each outlet's source mix as stacked bars, the single-source share and
//! the corroboration rate month by month as lines, and the per-outlet table beneath. Only
//! reports with a review count (an article nobody reviewed has no claims yet).

use crate::app::desk::Figures;
use eframe::egui::{self, Color32, RichText, Ui};
use egui_plot::{Bar, BarChart, GridMark, Legend, Line, Plot, PlotPoints};

pub fn show(ui: &mut Ui, figures: &Figures) {
    if figures.is_empty() {
        ui.add_space(12.0);
        ui.label("No review in this folder yet: the figures count the claims of reviews.");
        return;
    }
    let height = (ui.available_height() * 0.5).clamp(140.0, 320.0);
    let half = (ui.available_width() - ui.spacing().item_spacing.x) / 2.0;
    ui.horizontal(|ui| {
        ui.vertical(|ui| {
            ui.set_width(half);
            ui.label(RichText::new("Claims per outlet, by label").strong());
            source_mix(ui, figures, height);
        });
        ui.vertical(|ui| {
            ui.set_width(half);
            ui.label(RichText::new("Month by month, all outlets").strong());
            by_month(ui, figures, height);
        });
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("desk_stats_table")
        .auto_shrink([false, false])
        .show(ui, |ui| table(ui, figures));
}

/// Names on the x axis at whole numbers only: the bars and points stand at 0, 1, 2 …
fn names_at(names: &[String]) -> impl Fn(GridMark, &std::ops::RangeInclusive<f64>) -> String + '_ {
    move |mark, _| {
        let i = mark.value.round();
        if (mark.value - i).abs() > 1e-6 || i < 0.0 {
            return String::new();
        }
        names.get(i as usize).cloned().unwrap_or_default()
    }
}

/// A chart that stays as drawn (figures to read, not to explore), from zero up, with a legend.
fn chart<'a>(id: &str, height: f32) -> Plot<'a> {
    Plot::new(id)
        .height(height)
        .legend(Legend::default())
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .include_y(0.0)
}

fn source_mix(ui: &mut Ui, figures: &Figures, height: f32) {
    let outlets: Vec<String> = figures.outlets.iter().map(|(o, _)| o.clone()).collect();
    let mut charts: Vec<BarChart> = Vec::new();
    for (k, (label, counts)) in figures.mix.iter().enumerate() {
        let bars = counts
            .iter()
            .enumerate()
            .map(|(i, &n)| Bar::new(i as f64, n as f64).width(0.6))
            .collect();
        let chart = BarChart::new(label.clone(), bars).color(palette(k));
        let below: Vec<&BarChart> = charts.iter().collect();
        let chart = chart.stack_on(&below);
        charts.push(chart);
    }
    chart("desk_source_mix", height)
        .x_axis_formatter(names_at(&outlets))
        .y_axis_label("claims")
        .show(ui, |plot| {
            for chart in charts {
                plot.bar_chart(chart);
            }
        });
}

fn by_month(ui: &mut Ui, figures: &Figures, height: f32) {
    let months: Vec<String> = figures.months.iter().map(|(m, _)| m.clone()).collect();
    let points = |f: fn(&crate::app::desk::Tally) -> f64| -> PlotPoints<'static> {
        figures
            .months
            .iter()
            .enumerate()
            .map(|(i, (_, t))| [i as f64, 100.0 * f(t)])
            .collect::<Vec<[f64; 2]>>()
            .into()
    };
    let single = Line::new(
        "single anonymous source, %",
        points(|t| t.single_anonymous_share()),
    )
    .color(palette(1))
    .width(2.0);
    let corroborated = Line::new("corroborated, %", points(|t| t.corroboration_rate()))
        .color(palette(0))
        .width(2.0);
    chart("desk_by_month", height)
        .include_y(100.0)
        .x_axis_formatter(names_at(&months))
        .y_axis_label("% of claims")
        .show(ui, |plot| {
            plot.line(single);
            plot.line(corroborated);
        });
}

/// The per-outlet figures as numbers, for those who read tables (and for screen readers).
fn table(ui: &mut Ui, figures: &Figures) {
    egui::Grid::new("desk_stats_grid")
        .striped(true)
        .num_columns(5)
        .show(ui, |ui| {
            for head in [
                "Outlet",
                "Reports",
                "Claims",
                "Single anonymous",
                "Corroborated",
            ] {
                ui.label(RichText::new(head).weak());
            }
            ui.end_row();
            for (outlet, t) in &figures.outlets {
                ui.label(outlet);
                ui.label(t.reports.to_string());
                ui.label(t.claims.to_string());
                ui.label(format!("{:.0} %", 100.0 * t.single_anonymous_share()));
                ui.label(format!("{:.0} %", 100.0 * t.corroboration_rate()));
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    ui.label(
        RichText::new("The same tables as CSV: claimlens corpus stats FOLDER --format csv").weak(),
    );
}

/// Colours told apart on light and dark pages, and by most colour-blind readers (Okabe–Ito).
fn palette(k: usize) -> Color32 {
    const COLOURS: [(u8, u8, u8); 8] = [
        (0, 114, 178),
        (230, 159, 0),
        (0, 158, 115),
        (204, 121, 167),
        (86, 180, 233),
        (213, 94, 0),
        (240, 228, 66),
        (150, 150, 150),
    ];
    let (r, g, b) = COLOURS[k % COLOURS.len()];
    Color32::from_rgb(r, g, b)
}
