//! The panel beside the article: the legend with counts (click to apply a label), the list of
//! sentences with their labels, and the note of the selected sentence.

use super::claims_rows::{claim_row, describe, legend_entry};
use super::selection::Selection;
use crate::model::suggest::Suggestion;
use crate::model::{LabelId, Session, Stats, Status, article::shorten};
use eframe::egui::{self, RichText, ScrollArea, Ui};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PanelEvent {
    /// Apply this label (or clear) to the selection.
    Label(Option<LabelId>),
    /// Select this sentence and bring it into view.
    Reveal(usize),
    Note(usize, String),
    /// Confirm the suggestion on the selection.
    Accept,
    /// Add a label "Source in <place>" for a place no label covers.
    AddPlaceLabel(String),
    AddPlaceToLabel(String, crate::model::LabelId),
    /// An edit from the inspector, or the reason it was refused.
    Edit(super::inspector::Outcome),
}

pub(super) const ROW_HEIGHT: f32 = 22.0;
/// Rows of the claims list that stay visible however short the window.
const LIST_ROWS: usize = 8;

/// Claims that lost their text in a re-import: what they said, and where to put them.
fn orphans(
    ui: &mut Ui,
    session: &Session,
    selection: Option<Selection>,
    events: &mut Vec<PanelEvent>,
) {
    egui::CollapsingHeader::new(
        RichText::new(format!("Orphaned claims ({})", session.orphans().len())).strong(),
    )
    .default_open(true)
    .show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("orphans")
            .max_height(140.0)
            .show(ui, |ui| {
                for (k, orphan) in session.orphans().iter().enumerate() {
                    let label = orphan
                        .annotation
                        .label
                        .as_ref()
                        .and_then(|l| session.taxonomy().get(l))
                        .map_or("no label", |l| l.name.as_str());
                    ui.label(format!("“{}” — {label}", shorten(&orphan.quote, 70)))
                        .on_hover_text(format!(
                            "{}\nWhy orphaned: {}\nNote: {}",
                            orphan.quote, orphan.reason, orphan.annotation.note
                        ));
                    ui.horizontal(|ui| {
                        if let Some(sel) = selection
                            && ui
                                .button(format!("Attach to sentence {}", sel.head + 1))
                                .clicked()
                        {
                            events.push(PanelEvent::Edit(session.attach_orphan(k, sel.head)));
                        }
                        if ui.button("Drop").clicked() {
                            events.push(PanelEvent::Edit(session.drop_orphan(k)));
                        }
                    });
                }
            });
    });
}

/// The suggestion for the selected sentence: what, why, and the one-click actions.
fn suggestion_box(
    ui: &mut Ui,
    session: &Session,
    suggestions: &[Suggestion],
    sentence: usize,
    events: &mut Vec<PanelEvent>,
) {
    let (Some(s), Some(annotation)) = (
        suggestions.get(sentence),
        session.annotations().get(sentence),
    ) else {
        return;
    };
    ui.label(RichText::new("Suggestion").strong());
    ui.add(egui::Label::new(describe(session, s)).wrap());
    ui.horizontal_wrapped(|ui| {
        if annotation.status == Status::Suggested
            && annotation.label.is_some()
            && ui
                .add(egui::Button::new("Accept").shortcut_text("Enter"))
                .clicked()
        {
            events.push(PanelEvent::Accept);
        }
        if let Some(place) = &s.unmatched_location
            && annotation.label.is_none()
            && ui
                .button(format!("Add label “Source in {place}”"))
                .on_hover_text("Adds the label and suggests it wherever this place is the source's location; one undo step")
                .clicked()
        {
            events.push(PanelEvent::AddPlaceLabel(place.clone()));
        }
        // Or the place joins a label that exists: a town for "Source inside North Korea".
        if let Some(place) = &s.unmatched_location
            && annotation.label.is_none()
        {
            ui.menu_button(format!("Add “{place}” to…"), |ui| {
                for label in session.taxonomy().labels.iter().filter(|l| l.location.is_some()) {
                    if ui
                        .button(&label.name)
                        .on_hover_text("Adds the place to this label's other names; one undo step")
                        .clicked()
                    {
                        events.push(PanelEvent::AddPlaceToLabel(place.clone(), label.id.clone()));
                        ui.close();
                    }
                }
            });
        }
    });
    ui.separator();
}

#[derive(Default)]
pub struct ClaimsPanel {
    /// (sentence, revision it was loaded at, text) of the note being edited.
    note_draft: Option<(usize, (u64, u64), String)>,
    /// Set when the list should scroll to keep the selection visible.
    follow: Option<usize>,
    /// The grouped list and the (review, revision) it was built for.
    grouped: Option<((u64, u64), Vec<Line>)>,
    inspector: super::inspector::Inspector,
    pub group_by_source: bool,
}

/// A line of the claims list: a claim, or the heading of a source's group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Line {
    Claim(usize),
    Source(Option<crate::model::SourceId>),
}

/// The lines of the list: in reading order line `i` is sentence `i`, so nothing is stored; the
/// grouping by source is built once per change of the review, not once per frame.
enum Lines {
    Reading(usize),
    Grouped(Vec<Line>),
}

impl Lines {
    fn len(&self) -> usize {
        match self {
            Lines::Reading(n) => *n,
            Lines::Grouped(lines) => lines.len(),
        }
    }

    fn get(&self, i: usize) -> Option<Line> {
        match self {
            Lines::Reading(n) => (i < *n).then_some(Line::Claim(i)),
            Lines::Grouped(lines) => lines.get(i).copied(),
        }
    }

    fn position_of(&self, sentence: usize) -> Option<usize> {
        match self {
            Lines::Reading(n) => (sentence < *n).then_some(sentence),
            Lines::Grouped(lines) => lines.iter().position(|l| *l == Line::Claim(sentence)),
        }
    }
}

/// Claims grouped under their sources (claims without one last).
fn grouped_lines(session: &Session) -> Vec<Line> {
    let mut out = Vec::with_capacity(session.len() + session.sources().len() + 1);
    let mut members: std::collections::HashMap<Option<crate::model::SourceId>, Vec<usize>> =
        std::collections::HashMap::new();
    for (i, a) in session.annotations().iter().enumerate() {
        members.entry(a.source).or_default().push(i);
    }
    let groups = session
        .sources()
        .iter()
        .map(|s| Some(s.id))
        .chain(std::iter::once(None));
    for group in groups {
        out.push(Line::Source(group));
        if let Some(claims) = members.get(&group) {
            out.extend(claims.iter().map(|&i| Line::Claim(i)));
        }
    }
    out
}

impl ClaimsPanel {
    pub fn reveal(&mut self, sentence: usize) {
        self.follow = Some(sentence);
    }

    pub fn show(
        &mut self,
        ui: &mut Ui,
        (session, suggestions): (&Session, &[Suggestion]),
        (stats, origin): (&Stats, Option<&str>),
        revision: (u64, u64),
        selection: Option<Selection>,
    ) -> Vec<PanelEvent> {
        let mut events = Vec::new();
        // In a short window the claims list keeps room for LIST_ROWS rows; the legend and the
        // selected claim's details above it scroll instead.
        let row = ROW_HEIGHT + ui.spacing().item_spacing.y;
        let upper = (ui.available_height() - LIST_ROWS as f32 * row - 2.0 * row).max(3.0 * row);
        ScrollArea::vertical()
            .id_salt(("claim_details", revision.0))
            .max_height(upper)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                self.legend(ui, session, stats, &mut events);
                ui.separator();
                if let Some(sel) = selection {
                    suggestion_box(ui, session, suggestions, sel.head, &mut events);
                    if let Some(warning) = origin {
                        // Circular reporting: one origin behind what looks like several reports.
                        ui.label(
                            RichText::new(format!("Circular reporting? {warning}"))
                                .color(ui.visuals().warn_fg_color),
                        );
                    }
                    for outcome in self.inspector.show(ui, session, suggestions, sel.head) {
                        events.push(PanelEvent::Edit(outcome));
                    }
                }
                self.note_editor(ui, session, revision, selection, &mut events);
                ui.separator();
                if !session.orphans().is_empty() {
                    orphans(ui, session, selection, &mut events);
                    ui.separator();
                }
            });
        ui.horizontal(|ui| {
            ui.label(RichText::new("Claims").strong());
            ui.checkbox(&mut self.group_by_source, "Group by source");
        });
        self.list(ui, (session, suggestions), revision, selection, &mut events);
        events
    }

    fn legend(&self, ui: &mut Ui, session: &Session, stats: &Stats, events: &mut Vec<PanelEvent>) {
        ui.horizontal(|ui| {
            ui.label(RichText::new("Labels").strong());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(format!(
                    "{} of {} to review · {} suggested",
                    stats.to_review,
                    session.len(),
                    stats.suggested
                ));
            });
        });
        // What the two figures of each entry are, for whoever has not hovered one yet.
        ui.horizontal(|ui| {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let key = RichText::new("per label: confirmed · still suggested");
                ui.label(key.weak().small());
            });
        });
        // Two columns, so the legend leaves room for the inspector and the claims list.
        let labels = &session.taxonomy().labels;
        let half = labels.len().div_ceil(2);
        ui.columns(2, |columns| {
            for (column, chunk) in columns.iter_mut().zip(labels.chunks(half.max(1))) {
                for label in chunk {
                    let i = session.taxonomy().position(&label.id).unwrap_or(0);
                    let all = stats.per_label.get(i).copied().unwrap_or(0);
                    let suggested = stats.per_label_suggested.get(i).copied().unwrap_or(0);
                    legend_entry(column, label, (all - suggested.min(all), suggested), events);
                }
            }
        });
    }

    fn note_editor(
        &mut self,
        ui: &mut Ui,
        session: &Session,
        revision: (u64, u64),
        selection: Option<Selection>,
        events: &mut Vec<PanelEvent>,
    ) {
        let Some(sel) = selection else {
            ui.weak("Select a sentence to label it and add a note.");
            return;
        };
        let s = sel.head;
        let Some(annotation) = session.annotations().get(s) else {
            return;
        };
        ui.label(RichText::new(format!("Note on sentence {}", s + 1)).strong());
        let stale = match &self.note_draft {
            Some((ds, dr, _)) => *ds != s || *dr != revision,
            None => true,
        };
        let id = egui::Id::unique("note_editor");
        let focused = ui.memory(|m| m.has_focus(id));
        if stale && !focused {
            self.note_draft = Some((s, revision, annotation.note.clone()));
        }
        let Some((ds, _, draft)) = &mut self.note_draft else {
            return;
        };
        let response = ui.add(
            egui::TextEdit::multiline(draft)
                .id(id)
                .desired_rows(3)
                .desired_width(f32::INFINITY)
                .hint_text("A note on this sentence (saved when you leave the field)"),
        );
        // Commit when the field loses focus, to the sentence the draft belongs to.
        if response.lost_focus()
            && let Some(previous) = session.annotations().get(*ds)
            && previous.note != *draft
        {
            events.push(PanelEvent::Note(*ds, draft.clone()));
        }
    }

    fn list(
        &mut self,
        ui: &mut Ui,
        (session, suggestions): (&Session, &[Suggestion]),
        revision: (u64, u64),
        selection: Option<Selection>,
        events: &mut Vec<PanelEvent>,
    ) {
        // Each review's list scrolls on its own: switching tabs keeps where each was.
        let mut area = ScrollArea::vertical()
            .id_salt(("claims", revision.0))
            .auto_shrink([false, false]);
        let lines = if self.group_by_source {
            let fresh = match self.grouped.take() {
                Some((key, lines)) if key == revision => lines,
                _ => grouped_lines(session),
            };
            Lines::Grouped(fresh)
        } else {
            Lines::Reading(session.len())
        };
        if let Some(target) = self.follow.take() {
            let target = lines.position_of(target).unwrap_or(target);
            let spacing = ui.spacing().item_spacing.y;
            let row = ROW_HEIGHT + spacing;
            let visible = ui.available_height();
            let state_offset = ui
                .ctx()
                .data(|d| d.get_temp::<f32>(egui::Id::unique(("claims_offset", revision.0))))
                .unwrap_or(0.0);
            let y = target as f32 * row;
            if y < state_offset || y + row > state_offset + visible {
                area = area.vertical_scroll_offset((y - visible / 3.0).max(0.0));
            }
        }
        let output = area.show_rows(ui, ROW_HEIGHT, lines.len(), |ui, rows| {
            for line in rows.filter_map(|i| lines.get(i)) {
                match line {
                    Line::Claim(s) => {
                        claim_row(ui, (session, suggestions.get(s)), s, selection, events)
                    }
                    Line::Source(group) => {
                        let (name, grade) = match group.and_then(|id| session.source(id)) {
                            Some(src) => (
                                src.display_name(),
                                format!(" · reliability {}", src.reliability.letter()),
                            ),
                            None => ("No source".to_string(), String::new()),
                        };
                        ui.add_sized(
                            [ui.available_width(), ROW_HEIGHT],
                            egui::Label::new(RichText::new(format!("{name}{grade}")).strong()),
                        );
                    }
                }
            }
        });
        if let Lines::Grouped(lines) = lines {
            self.grouped = Some((revision, lines));
        }
        let offset = output.state.clamped_offset().y;
        ui.ctx()
            .data_mut(|d| d.insert_temp(egui::Id::unique(("claims_offset", revision.0)), offset));
    }
}
