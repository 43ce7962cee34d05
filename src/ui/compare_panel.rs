//! The panel beside the article while another analyst's review is compared: the agreement
//! figures (recomputed as the review changes), the adjudication's buttons, and the sentences
//! the two disagree on, A's judgement above B's, settled ones marked with whose was taken.

use crate::app::compare::Summary;
use crate::app::compare::{Comparison, Side, Standing};
use crate::app::{Action, AppCommand, View};
use crate::model::{Session, article::shorten};
use eframe::egui::{self, Color32, RichText, ScrollArea, Stroke, Ui, Visuals};

/// A row: the sentence, A's line, B's line, and what stands between them.
const ROW_HEIGHT: f32 = 76.0;

#[derive(Default)]
pub struct ComparePanel {
    /// The sentence to bring into view in the list.
    follow: Option<usize>,
}

/// The colour of a standing, in the list and in the article's margin; `None` where the two
/// agree (nothing to mark).
pub fn standing_colour(standing: Standing, visuals: &Visuals) -> Option<Color32> {
    let dark = visuals.dark_mode;
    Some(match standing {
        Standing::Label if dark => Color32::from_rgb(240, 110, 100),
        Standing::Label => Color32::from_rgb(196, 40, 30),
        Standing::Grade if dark => Color32::from_rgb(240, 190, 80),
        Standing::Grade => Color32::from_rgb(176, 110, 0),
        Standing::Decided(_) if dark => Color32::from_rgb(120, 200, 140),
        Standing::Decided(_) => Color32::from_rgb(30, 130, 60),
        Standing::Agree | Standing::Neither => return None,
    })
}

/// The standing in words: colour is never the only way to tell.
pub fn standing_words(standing: Standing) -> &'static str {
    match standing {
        Standing::Label => "labels differ",
        Standing::Grade => "grades differ",
        Standing::Decided(t) => t.describe(),
        Standing::Agree => "agree",
        Standing::Neither => "neither labelled",
    }
}

impl ComparePanel {
    pub fn reveal(&mut self, sentence: usize) {
        self.follow = Some(sentence);
    }

    pub fn show(
        &mut self,
        ui: &mut Ui,
        session: &Session,
        compare: &Comparison,
        adjudicating: bool,
        selected: Option<usize>,
    ) -> Vec<AppCommand> {
        let mut out = Vec::new();
        let other = compare.other_analyst();
        ui.horizontal_wrapped(|ui| {
            let title = if adjudicating {
                "Adjudicating against"
            } else {
                "Comparing with"
            };
            ui.label(RichText::new(format!("{title} {}{other}", compare.name())).strong());
        });
        ui.horizontal_wrapped(|ui| {
            for action in [Action::TakeA, Action::TakeB, Action::TakeAllA] {
                let button = egui::Button::new(short_title(action));
                if ui
                    .add_enabled(selected.is_some() || action == Action::TakeAllA, button)
                    .on_hover_text(action.tooltip())
                    .clicked()
                {
                    out.push(AppCommand::Run(action));
                }
            }
            if ui
                .button("Stop comparing")
                .on_hover_text(Action::StopComparing.tooltip())
                .clicked()
            {
                out.push(AppCommand::Run(Action::StopComparing));
            }
        });
        summary_box(ui, compare, adjudicating);
        ui.separator();
        let listed = compare.listed();
        if listed.is_empty() {
            ui.label("The two reviews agree on every sentence.");
            return out;
        }
        ui.label(
            RichText::new(format!(
                "{} to settle, {} settled  ·  ] next, [ previous",
                compare.disagreements(),
                compare.decided()
            ))
            .weak(),
        );
        let row_height = ROW_HEIGHT + ui.spacing().item_spacing.y;
        let mut area = ScrollArea::vertical()
            .id_salt("compare_list")
            .auto_shrink([false, false]);
        if let Some(follow) = self.follow.take()
            && let Some(at) = listed.iter().position(|&i| i >= follow)
        {
            let height = ui.available_height();
            area = area.vertical_scroll_offset((at as f32 * row_height - height / 3.0).max(0.0));
        }
        let visuals = ui.visuals().clone();
        area.show_rows(ui, row_height, listed.len(), |ui, rows| {
            for &i in &listed[rows] {
                let (a, b) = compare.sides(session, i);
                let standing = compare.standing()[i];
                let picked = row(
                    ui,
                    session,
                    i,
                    (&a, &b),
                    standing,
                    selected == Some(i),
                    &visuals,
                );
                if picked {
                    out.push(AppCommand::Pick {
                        sentence: i,
                        from: View::ClaimsList,
                    });
                }
            }
        });
        out
    }
}

fn short_title(action: Action) -> String {
    let key = action
        .shortcuts()
        .first()
        .map(|s| format!(" ({s})"))
        .unwrap_or_default();
    match action {
        Action::TakeA => format!("Take A{key}"),
        Action::TakeB => format!("Take B{key}"),
        _ => "Take A where B has none".to_string(),
    }
}

fn kappa(v: Option<f64>) -> String {
    v.map_or_else(|| "n/a".to_string(), |v| format!("{v:.3}"))
}

/// The figures, as `claimlens agree` gives them, for the sentences both labelled.
fn summary_box(ui: &mut Ui, compare: &Comparison, adjudicating: bool) {
    let start = compare.snapshot.as_ref().map(|s| s.figures);
    let (figures, heading) = match (adjudicating, start, compare.figures()) {
        (true, Some(f), _) => (Some(f), "A against B, as the adjudication began"),
        (_, _, f) => (f, "Agreement (sentences both labelled, confirmed)"),
    };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(heading).weak());
        match figures {
            Some(f) => figure_lines(ui, f),
            None => {
                ui.label("No figures: nothing was compared yet.");
            }
        }
    });
}

fn figure_lines(ui: &mut Ui, f: Summary) {
    let percent = f
        .percent_agreement
        .map_or_else(|| "n/a".to_string(), |p| format!("{:.1} %", p * 100.0));
    egui::Grid::new("agreement_figures")
        .num_columns(2)
        .spacing([12.0, 2.0])
        .show(ui, |ui| {
            let rows: [(&str, String, &str); 6] = [
                (
                    "Sentences compared",
                    format!("{} of {}", f.compared, f.units),
                    "",
                ),
                ("Agreement", percent, ""),
                (
                    "Cohen's κ",
                    kappa(f.cohen_kappa),
                    "Agreement beyond chance between two analysts: 1 is perfect, 0 what chance \
                     gives",
                ),
                (
                    "Krippendorff's α",
                    kappa(f.alpha_nominal),
                    "Nominal α: like κ, and it allows a sentence only one analyst labelled",
                ),
                (
                    "Reliability α",
                    kappa(f.reliability_alpha),
                    "Ordinal α over the sources' grades A–E (F, cannot be judged, left out)",
                ),
                (
                    "Credibility α",
                    kappa(f.credibility_alpha),
                    "Ordinal α over the claims' grades 1–5 (6, cannot be judged, left out)",
                ),
            ];
            for (name, value, explained) in rows {
                let label = ui.label(name);
                if !explained.is_empty() {
                    label.on_hover_text(explained);
                }
                ui.label(value);
                ui.end_row();
            }
        });
}

fn side_line(ui: &mut Ui, who: &str, side: &Side) {
    let label = match (&side.label, side.suggested) {
        (Some(l), true) => format!("{l} (suggested)"),
        (Some(l), false) => l.clone(),
        (None, _) => "no label".to_string(),
    };
    let mut text = format!("{who}  {label} · {}", side.grade);
    if let Some(source) = &side.source {
        text.push_str(&format!(" · {}", shorten(source, 30)));
    }
    if !side.note.is_empty() {
        text.push_str(&format!(" · “{}”", shorten(&side.note, 40)));
    }
    let response = ui.add(egui::Label::new(text).truncate());
    if !side.note.is_empty() {
        response.on_hover_text(&side.note);
    }
}

/// One disagreement; `true` when clicked.
fn row(
    ui: &mut Ui,
    session: &Session,
    i: usize,
    (a, b): (&Side, &Side),
    standing: Standing,
    selected: bool,
    visuals: &Visuals,
) -> bool {
    let colour = standing_colour(standing, visuals).unwrap_or(visuals.weak_text_color());
    let frame = egui::Frame::NONE
        .inner_margin(egui::Margin::symmetric(6, 3))
        .stroke(if selected {
            Stroke::new(2.0, super::colors::selection_stroke(visuals))
        } else {
            Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color)
        });
    let inner = frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.set_height(ROW_HEIGHT - 8.0);
        ui.horizontal(|ui| {
            ui.label(RichText::new(format!("{}", i + 1)).strong());
            let by = session.annotations()[i]
                .decision
                .as_ref()
                .and_then(|d| d.by.as_deref())
                .map(|by| format!(" by {by}"))
                .unwrap_or_default();
            ui.label(RichText::new(format!("{}{by}", standing_words(standing))).color(colour));
        });
        ui.add(
            egui::Label::new(RichText::new(shorten(session.sentence_text(i), 90)).weak())
                .truncate(),
        );
        side_line(ui, "A", a);
        side_line(ui, "B", b);
    });
    let response = ui.interact(
        inner.response.rect,
        ui.scope_id().with(("compare_row", i)),
        egui::Sense::click(),
    );
    response.clicked()
}
