//! The desk's filters below its search field: the label's status and kind, the source's and
//! the claim's grades, a named source, and a range of publication dates — the fields typed into
//! kept here between frames, the workspace told as they change. The row wraps on a narrow
//! window, the source field and the date range each as one piece.

use crate::app::{AppCommand, Desk, DeskCommand};
use eframe::egui::{self, Ui};

/// What is typed into the filter fields.
#[derive(Default)]
pub(super) struct Typed {
    /// The date range.
    from: String,
    to: String,
    /// Words of a source's name.
    source: String,
}

impl Typed {
    /// The filters' row.
    pub(super) fn row(&mut self, ui: &mut Ui, desk: &Desk, commands: &mut Vec<AppCommand>) {
        ui.horizontal_wrapped(|ui| {
            use crate::model::{Credibility, Reliability, SourceKind, Status};
            let f = desk.filters();
            let status = [None, Some(Status::Confirmed), Some(Status::Suggested)];
            let status_name = |s: Option<Status>| {
                match s {
                    None => "Confirmed or suggested",
                    Some(Status::Confirmed) => "Confirmed only",
                    Some(Status::Suggested) => "Suggested only",
                }
                .to_string()
            };
            if let Some(c) = choice_box(ui, ("status", 170.0), f.status, &status, status_name) {
                commands.push(AppCommand::Desk(DeskCommand::FilterStatus(c)));
            }
            let kinds: Vec<Option<SourceKind>> = every(&SourceKind::ALL);
            let kind_name = |k: Option<SourceKind>| {
                k.map_or("Every kind", SourceKind::display_name).to_string()
            };
            if let Some(c) = choice_box(ui, ("kind", 150.0), f.kind, &kinds, kind_name) {
                commands.push(AppCommand::Desk(DeskCommand::FilterKind(c)));
            }
            let grades: Vec<Option<Reliability>> = every(&Reliability::ALL);
            let grade_name = |r: Option<Reliability>| match r {
                None => "Any source grade".to_string(),
                Some(r) => format!("Source {}: {}", r.letter(), r.meaning()),
            };
            if let Some(c) = choice_box(ui, ("grade", 140.0), f.reliability, &grades, grade_name) {
                commands.push(AppCommand::Desk(DeskCommand::FilterReliability(c)));
            }
            let grades: Vec<Option<Credibility>> = every(&Credibility::ALL);
            let grade_name = |c: Option<Credibility>| match c {
                None => "Any claim grade".to_string(),
                Some(c) => format!("Claim {}: {}", c.digit(), c.meaning()),
            };
            if let Some(c) = choice_box(ui, ("claim", 140.0), f.credibility, &grades, grade_name) {
                commands.push(AppCommand::Desk(DeskCommand::FilterCredibility(c)));
            }
            if ui.available_size_before_wrap().x < 190.0 {
                ui.end_row();
            }
            let source = ui
                .horizontal(|ui| {
                    let source_label = ui.label("Source");
                    ui.add(
                        egui::TextEdit::singleline(&mut self.source)
                            .hint_text("in Ryanggang")
                            .desired_width(120.0),
                    )
                    .labelled_by(source_label.id)
                    .on_hover_text(
                        "Only claims linked to a source whose name holds these words, in every \
                         review",
                    )
                })
                .inner;
            if source.changed() {
                let words = Some(self.source.clone()).filter(|w| !w.trim().is_empty());
                commands.push(AppCommand::Desk(DeskCommand::FilterSource(words)));
            }
            // The range wraps as one piece on a narrow window.
            if ui.available_size_before_wrap().x < 340.0 {
                ui.end_row();
            }
            let (from, to) = ui
                .horizontal(|ui| {
                    let from_label = ui.label("Published from");
                    let from = date_field(ui, &mut self.from, "2026-10").labelled_by(from_label.id);
                    let to_label = ui.label("to");
                    let to = date_field(ui, &mut self.to, "2026-11-30").labelled_by(to_label.id);
                    (from, to)
                })
                .inner;
            if (from.changed() || to.changed())
                && let (Some(f), Some(t)) = (as_date(&self.from), as_date(&self.to))
            {
                commands.push(AppCommand::Desk(DeskCommand::FilterDates(f, t)));
            }
        });
    }
}

/// "All" (`None`), then each of `all`: a filter's choices.
fn every<T: Copy>(all: &[T]) -> Vec<Option<T>> {
    std::iter::once(None)
        .chain(all.iter().copied().map(Some))
        .collect()
}

/// A day, month or year as typed: `Some(None)` when empty, `None` when not a date yet.
fn as_date(text: &str) -> Option<Option<String>> {
    let t = text.trim();
    if t.is_empty() {
        return Some(None);
    }
    let b = t.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let ok = match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    };
    ok.then(|| Some(t.to_string()))
}

/// A short date field, its text red while it is not a date.
fn date_field(ui: &mut Ui, text: &mut String, hint: &str) -> egui::Response {
    let valid = as_date(text).is_some();
    let mut field = egui::TextEdit::singleline(text)
        .hint_text(hint)
        .desired_width(90.0);
    if !valid {
        field = field.text_color(ui.visuals().error_fg_color);
    }
    ui.add(field)
        .on_hover_text("A year, a month or a day: 2026, 2026-10, 2026-10-15")
}

/// A combo box over `choices` (the first meaning "all"), named for screen readers by what is
/// chosen; what the analyst picks, when it is something else.
fn choice_box<T: Copy + PartialEq>(
    ui: &mut Ui,
    (salt, width): (&str, f32),
    current: T,
    choices: &[T],
    name: impl Fn(T) -> String,
) -> Option<T> {
    let mut picked = None;
    let boxed = egui::ComboBox::from_id_salt(("desk_choice", salt))
        .selected_text(name(current))
        .width(width)
        .show_ui(ui, |ui| {
            for &choice in choices {
                if ui
                    .selectable_label(current == choice, name(choice))
                    .clicked()
                    && current != choice
                {
                    picked = Some(choice);
                }
            }
        });
    let label = format!("Only {salt}: {}", name(current));
    boxed
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &label));
    picked
}

/// A combo box of `choices` with "all" first; `chosen` is told what the analyst picked.
pub(super) fn filter_box(
    ui: &mut Ui,
    salt: &str,
    all: &str,
    current: Option<String>,
    choices: Vec<&str>,
    mut chosen: impl FnMut(Option<String>),
) {
    let shown = current.clone().unwrap_or_else(|| all.to_string());
    let boxed = egui::ComboBox::from_id_salt(("desk_filter", salt))
        .selected_text(crate::model::article::shorten(&shown, 18))
        .width(150.0)
        .show_ui(ui, |ui| {
            if ui.selectable_label(current.is_none(), all).clicked() {
                chosen(None);
            }
            for choice in choices {
                let on = current.as_deref() == Some(choice);
                if ui.selectable_label(on, choice).clicked() {
                    chosen(Some(choice.to_string()));
                }
            }
        });
    let name = format!("Only one {salt}: {shown}");
    boxed
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &name));
}
