//! One line of the claims panel: a legend entry (hotkey, swatch, name, counts) and a claims row
//! (number, label chip, sentence, grade), each drawn in a single allocation so that long lists
//! stay cheap; and a suggestion described in words.

/// One legend line: hotkey, colour, name and counts — confirmed, then "· n" suggested in a
/// weaker colour, so the legend shows progress; a click applies the label.
use super::claims_panel::{PanelEvent, ROW_HEIGHT};
use super::colors;
use super::selection::Selection;
use crate::model::suggest::Suggestion;
use crate::model::{Session, Status, article::shorten};
use eframe::egui::{
    self, Align2, Color32, FontId, Rect, Sense, Stroke, StrokeKind, Ui, text::LayoutJob, vec2,
};

pub(super) fn legend_entry(
    ui: &mut Ui,
    label: &crate::model::SourceType,
    (confirmed, suggested): (usize, usize),
    events: &mut Vec<PanelEvent>,
) {
    let (rect, response) =
        ui.allocate_exact_size(vec2(ui.available_width(), ROW_HEIGHT), Sense::click());
    let key = label.key;
    let name = match key {
        Some(k) => format!("{} (key {k})", label.name),
        None => label.name.clone(),
    };
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name.clone()));
    let painter = ui.painter_at(rect);
    if response.hovered() {
        painter.rect_filled(rect, 3.0, ui.visuals().widgets.hovered.weak_bg_fill);
    }
    let text_color = ui.visuals().text_color();
    let key_text = key.map_or("–".to_string(), |k| k.to_string());
    let key_rect = Rect::from_min_size(rect.min + vec2(1.0, 3.0), vec2(16.0, 16.0));
    painter.rect_stroke(
        key_rect,
        3.0,
        Stroke::new(1.0, ui.visuals().weak_text_color()),
        StrokeKind::Inside,
    );
    painter.text(
        key_rect.center(),
        Align2::CENTER_CENTER,
        key_text,
        FontId::monospace(11.0),
        text_color,
    );
    let swatch = Rect::from_min_size(rect.min + vec2(21.0, 5.0), vec2(12.0, 12.0));
    painter.rect_filled(swatch, 3.0, colors::color(label.color));
    let mut count_rect = Rect::from_min_size(rect.right_center() - vec2(3.0, 0.0), vec2(0.0, 0.0));
    if suggested > 0 {
        count_rect = painter.text(
            count_rect.left_center(),
            Align2::RIGHT_CENTER,
            format!(" · {suggested}"),
            FontId::proportional(12.0),
            ui.visuals().weak_text_color(),
        );
    }
    let count_rect = painter.text(
        count_rect.left_center(),
        Align2::RIGHT_CENTER,
        confirmed.to_string(),
        FontId::proportional(13.0),
        text_color,
    );
    let mut job =
        LayoutJob::simple_singleline(label.name.clone(), FontId::proportional(13.0), text_color);
    job.wrap = egui::text::TextWrapping::truncate_at_width(
        (count_rect.min.x - rect.min.x - 42.0).max(20.0),
    );
    let galley = painter.layout_job(job);
    painter.galley(
        rect.min + vec2(38.0, (ROW_HEIGHT - galley.size().y) / 2.0),
        galley,
        text_color,
    );
    let response = response.on_hover_text(format!(
        "{}\n{}\n{confirmed} confirmed · {suggested} suggested\nClick or press {} to apply to the \
         selected sentences.",
        label.name,
        label.description,
        key.map_or("the legend entry".to_string(), |k| format!("'{k}'"))
    ));
    if response.clicked() {
        events.push(PanelEvent::Label(Some(label.id.clone())));
    }
}

/// One line on why the engine suggests what it suggests.
pub(super) fn describe(session: &Session, s: &Suggestion) -> String {
    let mut out = format!(
        "Suggested {} by rule {} (confidence {:.2})",
        s.kind.as_str().replace('_', " "),
        s.rules.first().copied().unwrap_or("?"),
        s.confidence
    );
    if let Some(cue) = s.cue {
        out.push_str(&format!(
            "; cue: “{}”",
            shorten(&session.article().text[cue.range()], 60)
        ));
    }
    if let Some(source) = &s.source {
        out.push_str(&format!("; source: {}", shorten(&source.name, 60)));
    }
    if let Some(from) = s.carried_from {
        out.push_str(&format!("; source from sentence {}", from + 1));
    }
    if let Some(place) = &s.unmatched_location {
        out.push_str(&format!("; no label covers “{place}”"));
    }
    out
}

pub(super) fn claim_row(
    ui: &mut Ui,
    (session, suggestion): (&Session, Option<&Suggestion>),
    s: usize,
    selection: Option<Selection>,
    events: &mut Vec<PanelEvent>,
) {
    let (rect, response) =
        ui.allocate_exact_size(vec2(ui.available_width(), ROW_HEIGHT), Sense::click());
    let annotation = &session.annotations()[s];
    let label = annotation
        .label
        .as_ref()
        .and_then(|id| session.taxonomy().get(id));
    let suggested = annotation.status == Status::Suggested && label.is_some();
    let chip_text = match label {
        Some(l) if suggested => format!("suggested: {}", l.name),
        Some(l) => l.name.clone(),
        None => "unlabelled".to_string(),
    };
    let text = session.sentence_text(s);
    let accessible = format!("Sentence {}: {chip_text}: {}", s + 1, shorten(text, 60));
    let selected = selection.is_some_and(|sel| sel.contains(s));
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::Button, true, selected, accessible.clone())
    });
    let visuals = ui.visuals();
    let painter = ui.painter_at(rect);
    if selected {
        painter.rect_filled(rect, 3.0, visuals.selection.bg_fill.gamma_multiply(0.6));
    } else if response.hovered() {
        painter.rect_filled(rect, 3.0, visuals.widgets.hovered.weak_bg_fill);
    }
    let text_color = visuals.text_color();
    painter.text(
        rect.left_center() + vec2(4.0, 0.0),
        Align2::LEFT_CENTER,
        format!("{}", s + 1),
        FontId::monospace(12.0),
        visuals.weak_text_color(),
    );
    // The chip: label name on the label colour, so colour is never the only signal.
    let chip_font = FontId::proportional(12.0);
    // Laid out without a colour of its own, so each chip style below can choose one.
    let mut chip_job =
        LayoutJob::simple_singleline(chip_text.clone(), chip_font, Color32::PLACEHOLDER);
    // In a narrow panel the chip leaves room for the sentence and its grade.
    let chip_cap = (rect.width() * 0.45).clamp(80.0, 200.0);
    chip_job.wrap = egui::text::TextWrapping::truncate_at_width(chip_cap);
    let chip_galley = painter.layout_job(chip_job);
    let chip_cut = chip_galley.elided;
    let chip_width = chip_galley.size().x + 10.0;
    let chip = Rect::from_min_size(
        rect.min + vec2(40.0, 3.0),
        vec2(chip_width, ROW_HEIGHT - 6.0),
    );
    match label {
        Some(l) if suggested => {
            painter.rect_stroke(
                chip,
                8.0,
                Stroke::new(1.5, colors::color(l.color)),
                StrokeKind::Inside,
            );
            painter.galley(
                chip.min + vec2(5.0, (chip.height() - chip_galley.size().y) / 2.0),
                chip_galley,
                text_color,
            );
        }
        Some(l) => {
            let fill = colors::color(l.color);
            painter.rect_filled(chip, 8.0, fill);
            painter.galley(
                chip.min + vec2(5.0, (chip.height() - chip_galley.size().y) / 2.0),
                chip_galley,
                colors::text_on(fill),
            );
        }
        None => {
            painter.rect_stroke(
                chip,
                8.0,
                Stroke::new(1.0, visuals.weak_text_color()),
                StrokeKind::Inside,
            );
            painter.galley(
                chip.min + vec2(5.0, (chip.height() - chip_galley.size().y) / 2.0),
                chip_galley,
                visuals.weak_text_color(),
            );
        }
    }
    let mut right = rect.right_center() - vec2(4.0, 0.0);
    if !annotation.note.is_empty() {
        let r = painter.text(
            right,
            Align2::RIGHT_CENTER,
            "note",
            FontId::proportional(11.0),
            visuals.weak_text_color(),
        );
        right.x = r.min.x - 6.0;
    }
    // The combined grade once the analyst has graded anything.
    let reliability = annotation
        .source
        .and_then(|id| session.source(id))
        .map(|s| s.reliability);
    if reliability.is_some() || annotation.credibility != crate::model::Credibility::CannotJudge {
        let r = painter.text(
            right,
            Align2::RIGHT_CENTER,
            crate::model::record::grade(reliability.unwrap_or_default(), annotation.credibility),
            FontId::monospace(12.0),
            text_color,
        );
        right.x = r.min.x - 6.0;
    }
    let text_left = chip.max.x + 8.0;
    let mut job = LayoutJob::simple_singleline(
        text.replace('\n', " "),
        FontId::proportional(13.0),
        text_color,
    );
    job.wrap = egui::text::TextWrapping::truncate_at_width((right.x - text_left).max(10.0));
    let galley = painter.layout_job(job);
    painter.galley(
        egui::pos2(text_left, rect.center().y - galley.size().y / 2.0),
        galley,
        text_color,
    );
    let mut hover = Vec::new();
    // A label name cut short in a narrow panel shows in full on hover.
    if chip_cut {
        hover.push(chip_text);
    }
    if let Some(sg) = suggestion {
        hover.push(describe(session, sg));
    }
    if !annotation.note.is_empty() {
        hover.push(format!("Note: {}", annotation.note));
    }
    let response = if hover.is_empty() {
        response
    } else {
        response.on_hover_text(hover.join("\n"))
    };
    if response.clicked() {
        events.push(PanelEvent::Reveal(s));
    }
}
