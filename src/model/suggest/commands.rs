//! The commands that put suggestions in place, confirm them and propose their sources; each is
//! one undoable step and never overrides what the analyst set.

use super::*;

/// The command that puts the suggestions in place as unconfirmed labels. Only sentences without
/// a label or with an earlier suggestion are touched: a confirmed label is never overwritten.
pub fn place_command(session: &Session, suggestions: &[Suggestion]) -> Option<Command> {
    let changes: Vec<LabelChange> = session
        .annotations
        .iter()
        .zip(suggestions)
        .enumerate()
        .filter(|(_, (a, _))| a.label.is_none() || a.status == Status::Suggested)
        .filter(|(_, (a, s))| a.label != s.label)
        .map(|(sentence, (_, s))| LabelChange {
            sentence,
            label: s.label.clone(),
            status: Status::Suggested,
        })
        .collect();
    (!changes.is_empty()).then_some(Command::SetLabels(changes))
}

/// The command that confirms the suggested labels of `sentences` (those that have one), and the
/// proposed sources they rest on, as one step.
pub fn accept_command(
    session: &Session,
    sentences: impl IntoIterator<Item = usize>,
) -> Option<Command> {
    let changes: Vec<LabelChange> = sentences
        .into_iter()
        .filter_map(|i| {
            let a = session.annotations.get(i)?;
            (a.status == Status::Suggested && a.label.is_some()).then(|| LabelChange {
                sentence: i,
                label: a.label.clone(),
                status: Status::Confirmed,
            })
        })
        .collect();
    if changes.is_empty() {
        return None;
    }
    let mut accepted: Vec<SourceId> = changes
        .iter()
        .filter_map(|c| session.annotations[c.sentence].source)
        .filter(|id| session.source(*id).is_some_and(|s| s.proposed))
        .collect();
    accepted.sort_unstable();
    accepted.dedup();
    if accepted.is_empty() {
        return Some(Command::SetLabels(changes));
    }
    let mut steps = vec![Command::SetLabels(changes)];
    for id in accepted {
        if let Some(s) = session.source(id) {
            steps.push(Command::UpdateSource {
                source: Source {
                    proposed: false,
                    ..s.clone()
                },
            });
        }
    }
    Some(Command::Batch(steps))
}

/// The sources the engine found, as proposed source entities linked to the claims they back
/// (claims that have no source yet): the analyst's record starts filled in. One step.
pub fn propose_sources_command(session: &Session, suggestions: &[Suggestion]) -> Option<Command> {
    // In order of first mention, each with its claims.
    let mut found: Vec<(&ProposedSource, Vec<usize>)> = Vec::new();
    let mut slot: FxHashMap<usize, usize> = FxHashMap::default();
    for (i, (a, s)) in session.annotations.iter().zip(suggestions).enumerate() {
        let Some(p) = &s.source else { continue };
        if a.source.is_some() {
            continue;
        }
        let k = *slot.entry(p.index).or_insert_with(|| {
            found.push((p, Vec::new()));
            found.len() - 1
        });
        found[k].1.push(i);
    }
    if found.is_empty() {
        return None;
    }
    let mut names: FxHashMap<String, usize> = session
        .sources
        .iter()
        .map(|s| (s.name.clone(), 1))
        .collect();
    let mut sources = Vec::with_capacity(found.len());
    let mut links = Vec::new();
    for (next, (p, claims)) in (session.fresh_source_id().0..).zip(found) {
        let n = names.entry(p.name.clone()).or_insert(0);
        *n += 1;
        let name = if *n == 1 {
            p.name.clone()
        } else {
            format!("{} ({})", p.name, n)
        };
        let id = SourceId(next);
        sources.push(Source {
            id,
            name,
            label: p.label.clone(),
            descriptor: String::new(),
            reliability: Reliability::F,
            proposed: true,
        });
        links.extend(claims.into_iter().map(|i| (i, Some(id))));
    }
    Some(Command::Batch(vec![
        Command::AddSources(sources),
        Command::LinkSources(links),
    ]))
}

/// The command that confirms every suggested label whose suggestion is at least `threshold`
/// confident, as one step.
pub fn accept_above_command(
    session: &Session,
    suggestions: &[Suggestion],
    threshold: f32,
) -> Option<Command> {
    let sure = suggestions
        .iter()
        .enumerate()
        .filter(|(_, s)| s.confidence >= threshold)
        .map(|(i, _)| i);
    accept_command(session, sure)
}

/// How many suggested labels [`accept_above_command`] would confirm.
pub fn count_above(session: &Session, suggestions: &[Suggestion], threshold: f32) -> usize {
    session
        .annotations
        .iter()
        .zip(suggestions)
        .filter(|(a, s)| {
            a.status == Status::Suggested && a.label.is_some() && s.confidence >= threshold
        })
        .count()
}

/// A fresh review of `session`'s article with the suggestions already in place.
pub fn with_suggestions(mut session: Session) -> (Session, Vec<Suggestion>) {
    let suggestions = suggest(&session);
    // The report's own hedging, read from its words, as the starting value the analyst edits.
    let text = &session.article.text;
    let hedging: Vec<(usize, Hedging)> = session
        .annotations
        .par_iter()
        .zip(&session.sentences)
        .enumerate()
        .filter(|(_, (a, _))| a.hedging == Hedging::None)
        .filter_map(|(i, (_, span))| {
            let h = Hedging::from_text(&text[span.range()]);
            (h != Hedging::None).then_some((i, h))
        })
        .collect();
    // Built from this very session, so they apply; a refusal would leave it unlabelled.
    if !hedging.is_empty() {
        let _ = session.apply(Command::SetHedging(hedging));
    }
    if let Some(command) = place_command(&session, &suggestions) {
        let _ = session.apply(command);
    }
    if let Some(command) = propose_sources_command(&session, &suggestions) {
        let _ = session.apply(command);
    }
    (session, suggestions)
}

/// The one-click answer to "no label covers this place": adds "Source in <place>" and puts it,
/// as a suggestion, on every unlabelled sentence whose source is in that place. One step.
/// `label`, suggested on every sentence not confirmed otherwise whose source is in `place`.
fn suggest_where_placed(
    session: &Session,
    suggestions: &[Suggestion],
    place: &str,
    label: &LabelId,
) -> Vec<LabelChange> {
    session
        .annotations
        .iter()
        .zip(suggestions)
        .enumerate()
        .filter(|(_, (a, s))| {
            (a.label.is_none() || a.status == Status::Suggested)
                && s.unmatched_location.as_deref() == Some(place)
        })
        .map(|(sentence, _)| LabelChange {
            sentence,
            label: Some(label.clone()),
            status: Status::Suggested,
        })
        .collect()
}

/// The other answer to "no label covers this place": adds the place to an existing label's other
/// names (an analyst adds a town to "Source inside North Korea" instead of splitting the label)
/// and suggests that label wherever the place is the source's location. One step; `None` if the
/// label is unknown.
pub fn add_place_to_label_command(
    session: &Session,
    suggestions: &[Suggestion],
    place: &str,
    label: &LabelId,
) -> Option<Command> {
    let mut changed = session.taxonomy.get(label)?.clone();
    if !changed
        .aliases
        .iter()
        .any(|a| a.eq_ignore_ascii_case(place))
    {
        changed.aliases.push(place.to_string());
    }
    let changes = suggest_where_placed(session, suggestions, place, label);
    let update = Command::UpdateLabel { label: changed };
    Some(if changes.is_empty() {
        update
    } else {
        Command::Batch(vec![update, Command::SetLabels(changes)])
    })
}

pub fn add_place_label_command(
    session: &Session,
    suggestions: &[Suggestion],
    place: &str,
) -> Command {
    let add = session.add_location_label(place);
    let Command::AddLabel { label, .. } = &add else {
        return add;
    };
    let changes = suggest_where_placed(session, suggestions, place, &label.id);
    if changes.is_empty() {
        add
    } else {
        Command::Batch(vec![add, Command::SetLabels(changes)])
    }
}
