//! The inspector: everything recorded on the selected claim, editable from mouse and keyboard
//! (Shift+A–F reliability of its source, Alt+1–6 credibility). Every change is one command.

use crate::model::record::grade;
use crate::model::suggest::Suggestion;
use crate::model::{
    Command, CommandError, Credibility, Hedging, Link, LinkKind, Reliability, Session, SourceId,
};
use eframe::egui::{self, RichText, Ui};

/// What the inspector asks the app to do: a command built from the session, or a refusal to
/// explain.
pub type Outcome = Result<Command, CommandError>;

#[derive(Default)]
pub struct Inspector {
    link_kind: Option<LinkKind>,
    link_target: usize,
}

/// The sentences whose suggestion carries its source over from `sentence` (directly or
/// through other carried sentences), and those the engine resolved to the same source.
pub fn carried_from(suggestions: &[Suggestion], sentence: usize) -> Vec<usize> {
    let same = suggestions
        .get(sentence)
        .and_then(|s| s.source.as_ref())
        .map(|p| p.index);
    let mut out: Vec<usize> = suggestions
        .iter()
        .enumerate()
        .filter(|(i, s)| {
            *i != sentence && same.is_some() && s.source.as_ref().map(|p| p.index) == same
        })
        .map(|(i, _)| i)
        .collect();
    let mut frontier: Vec<usize> = std::iter::once(sentence)
        .chain(out.iter().copied())
        .collect();
    while let Some(k) = frontier.pop() {
        for (i, s) in suggestions.iter().enumerate() {
            if s.carried_from == Some(k) && i != sentence && !out.contains(&i) {
                out.push(i);
                frontier.push(i);
            }
        }
    }
    out.sort_unstable();
    out
}

impl Inspector {
    pub fn show(
        &mut self,
        ui: &mut Ui,
        session: &Session,
        suggestions: &[Suggestion],
        sentence: usize,
    ) -> Vec<Outcome> {
        let mut out = Vec::new();
        let Some(a) = session.annotations().get(sentence) else {
            return out;
        };
        let source = a.source.and_then(|id| session.source(id));
        let reliability = source.map_or(Reliability::F, |s| s.reliability);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("Claim {}", sentence + 1)).strong());
            ui.label(
                RichText::new(grade(reliability, a.credibility))
                    .strong()
                    .monospace(),
            )
            .on_hover_text(format!(
                "Source: {} · information: {}",
                reliability.meaning(),
                a.credibility.meaning()
            ));
        });

        // Source entity.
        ui.horizontal_wrapped(|ui| {
            let caption = ui.label("Source");
            let current = source.map_or("(none)".to_string(), |s| s.display_name());
            let mut choice: Option<Option<SourceId>> = None;
            let combo = egui::ComboBox::from_id_salt("claim_source")
                .selected_text(current)
                .show_ui(ui, |ui| {
                    if ui.selectable_label(a.source.is_none(), "(none)").clicked() {
                        choice = Some(None);
                    }
                    for s in session.sources() {
                        let text = match s.label.as_ref().and_then(|l| session.taxonomy().get(l)) {
                            Some(l) => format!("{} — {}", s.display_name(), l.name),
                            None => s.display_name(),
                        };
                        if ui.selectable_label(a.source == Some(s.id), text).clicked() {
                            choice = Some(Some(s.id));
                        }
                    }
                });
            combo.response.labelled_by(caption.id);
            if let Some(choice) = choice {
                out.push(session.set_claim_source(sentence, choice));
            }
            // Finding the carried-over sentences scans every suggestion: only on click, not in
            // every frame.
            if ui
                .button("New source")
                .on_hover_text(
                    "A new source for this claim and the sentences that carry it over \
                     (“he added”, “the source said”)",
                )
                .clicked()
            {
                let carried = carried_from(suggestions, sentence);
                out.push(session.new_source_for(sentence, a.label.clone(), &carried));
            }
        });
        // The engine's proposal: a carried-over claim comes from the earlier claim's source.
        if a.source.is_none()
            && let Some(k) = suggestions.get(sentence).and_then(|s| s.carried_from)
            && let Some(id) = session.annotations().get(k).and_then(|x| x.source)
            && let Some(s) = session.source(id)
            && ui
                .button(format!("Same source as sentence {} ({})", k + 1, s.name))
                .clicked()
        {
            out.push(session.set_claim_source(sentence, Some(id)));
        }

        // Reliability of the source (A–F), credibility of the claim (1–6).
        ui.horizontal_wrapped(|ui| {
            ui.label("Reliability");
            ui.add_enabled_ui(source.is_some(), |ui| {
                for r in Reliability::ALL {
                    let b = ui
                        .selectable_label(reliability == r, r.letter().to_string())
                        .on_hover_text(format!("{} (Shift+{})", r.meaning(), r.letter()));
                    if b.clicked()
                        && let Some(s) = source
                    {
                        out.push(session.set_reliability(s.id, r));
                    }
                }
            });
        });
        ui.horizontal_wrapped(|ui| {
            ui.label("Credibility");
            for c in Credibility::ALL {
                let b = ui
                    .selectable_label(a.credibility == c, c.digit().to_string())
                    .on_hover_text(format!("{} (Alt+{})", c.meaning(), c.digit()));
                if b.clicked() {
                    out.push(session.set_credibility(sentence, c));
                }
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.label("Hedging");
            for h in Hedging::ALL {
                if ui.selectable_label(a.hedging == h, h.name()).clicked() {
                    out.push(session.set_hedging(sentence, h));
                }
            }
        });

        // Links to other claims.
        for link in &a.links {
            let Some(t) = session.index_of(link.to) else {
                continue;
            };
            ui.horizontal_wrapped(|ui| {
                ui.label(format!("{} sentence {}", link.kind.name(), t + 1))
                    .on_hover_text(session.sentence_text(t));
                if ui.small_button("Remove link").clicked() {
                    out.push(session.remove_link(sentence, *link));
                }
            });
        }
        ui.horizontal_wrapped(|ui| {
            let caption = ui.label("Link:");
            let kind = self.link_kind.get_or_insert(LinkKind::Corroborates);
            let combo = egui::ComboBox::from_id_salt("link_kind")
                .selected_text(kind.name())
                .show_ui(ui, |ui| {
                    for k in LinkKind::ALL {
                        ui.selectable_value(kind, k, k.name());
                    }
                });
            combo.response.labelled_by(caption.id);
            let target_caption = ui.label("sentence");
            if self.link_target == 0 {
                self.link_target = if sentence > 0 { sentence } else { 2 };
            }
            ui.add(egui::DragValue::new(&mut self.link_target).range(1..=session.len().max(1)))
                .labelled_by(target_caption.id);
            if ui.button("Link").clicked() {
                let to = self.link_target.saturating_sub(1);
                match session.ids().get(to) {
                    Some(&id) => out.push(session.add_link(
                        sentence,
                        Link {
                            kind: *kind,
                            to: id,
                        },
                    )),
                    None => out.push(Err(CommandError::NoSuchSentence(to))),
                }
            }
        });
        out
    }
}
