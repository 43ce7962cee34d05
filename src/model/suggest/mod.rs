//! Attribution suggestions: for each sentence, the kind of source it rests on, the label of the
//! session's taxonomy that fits, and the cue phrase that says so.
//!
//! Three steps: rules find cues in each sentence ([`rules`]), context carries sources across
//! quotations and "he added" ([`context`]), and the result is mapped onto the taxonomy
//! ([`mapping`]). Suggestions are proposals: the UI shows them as such until the analyst confirms.

pub mod context;
pub mod eval;
pub mod mapping;
pub mod rules;

use crate::model::command::LabelChange;
use crate::model::{Command, Hedging, LabelId, Session, SourceKind, Span, Status};
use rayon::prelude::*;
use rules::{Effect, RULES};

/// The engine's proposal for one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub kind: SourceKind,
    /// The best-fitting label of the session's taxonomy, if one fits.
    pub label: Option<LabelId>,
    /// Where the source is said to be ("Russia", "inside North Korea", "Ryanggang Province").
    pub location: Option<String>,
    /// A stated location that no label covers: the UI offers to add "Source in <location>".
    pub unmatched_location: Option<String>,
    /// Byte range of the cue phrase in the article text.
    pub cue: Option<Span>,
    /// 0..1: how sure the rules are.
    pub confidence: f32,
    /// The rules that fired, the deciding one first.
    pub rules: Vec<&'static str>,
    /// For a sentence borrowing or possibly borrowing its source: the sentence it came from.
    pub carried_from: Option<usize>,
}

/// What the rules found inside one sentence, before context.
#[derive(Debug, Clone, PartialEq)]
pub struct Local {
    pub effect: Effect,
    pub cue: Span,
    pub location: Option<String>,
    pub confidence: f32,
    pub rules: Vec<&'static str>,
    /// For "Sokolov said": the name that the carried-over source should contain.
    pub who: Option<String>,
}

/// Suggestions for every sentence of the session, in order.
pub fn suggest(session: &Session) -> Vec<Suggestion> {
    let text = &session.article.text;
    // Sentences are matched independently, so the rule pass is spread over all cores.
    let locals: Vec<Option<Local>> = (0..session.len())
        .into_par_iter()
        .map(|i| {
            let alone = session
                .paragraph_of(i)
                .is_some_and(|p| session.paragraph_sentences(p).len() == 1);
            local_cue(text, session.sentences[i], alone)
        })
        .collect();
    let mut suggestions = context::resolve(session, &locals);
    let mut mapper = mapping::Mapper::new(&session.taxonomy);
    for s in &mut suggestions {
        mapper.assign(s);
    }
    suggestions
}

/// Runs the rule table over one sentence; `alone` says it is its paragraph's only sentence.
pub fn local_cue(text: &str, sentence: Span, alone: bool) -> Option<Local> {
    let body = &text[sentence.range()];
    let matched = RULES.set.matches(body);
    let mut fired: Vec<usize> = matched.iter().collect();
    // Highest priority first; between equals, the table's order.
    fired.sort_by_key(|&i| std::cmp::Reverse(RULES.rules[i].priority));
    let ids: Vec<&'static str> = fired.iter().map(|&i| RULES.rules[i].id).collect();
    if alone && let Some(heading) = heading(body, sentence, &fired) {
        return Some(heading);
    }
    for (n, &i) in fired.iter().enumerate() {
        let rule = &RULES.rules[i];
        let Some(caps) = RULES.regexes[i].captures(body) else {
            continue;
        };
        if caps
            .name("name")
            .is_some_and(|m| rules::NOT_NAMES.contains(&m.as_str().trim_start_matches("The ")))
        {
            continue;
        }
        let Some(whole) = caps.get(0) else { continue };
        let location = caps
            .name("loc")
            .map(|m| m.as_str().trim_end_matches(['.', ',']).to_string());
        let who = caps
            .name("who")
            .or_else(|| caps.name("who2"))
            .map(|m| m.as_str().to_string());
        let mut rules = vec![ids[n]];
        rules.extend(
            ids.iter()
                .enumerate()
                .filter(|&(k, _)| k != n)
                .map(|(_, id)| *id),
        );
        let effect = match rule.id {
            "named-apposition" => Effect::Kind(role_kind(whole.as_str())),
            _ => match caps.name("person").map(|m| m.as_str()) {
                // "told Kestrel Report" names the outlet, not a person.
                Some(name) if ends_with_any(name, rules::MEDIA_WORDS) => continue,
                Some(name) if ends_with_any(name, rules::INSTITUTIONS) => {
                    Effect::Kind(SourceKind::Official)
                }
                _ => rule.effect,
            },
        };
        return Some(Local {
            effect,
            cue: Span::new(sentence.start + whole.start(), sentence.start + whole.end()),
            location,
            confidence: rule.confidence,
            rules,
            who,
        });
    }
    None
}

fn ends_with_any(name: &str, words: &[&str]) -> bool {
    name.split_whitespace()
        .next_back()
        .is_some_and(|last| words.contains(&last))
}

/// "Name, a researcher at …, said": the role decides between expert, official and private person.
fn role_kind(phrase: &str) -> SourceKind {
    let role = phrase
        .split_once(',')
        .map_or(phrase, |(_, r)| r)
        .to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| role.contains(w));
    if has(rules::EXPERT_ROLES) {
        SourceKind::Expert
    } else if has(rules::OFFICIAL_ROLES) {
        SourceKind::Official
    } else {
        SourceKind::NamedPerson
    }
}

/// A paragraph of one line without sentence punctuation (headline, heading, caption) is not a
/// claim, even when it quotes a source ("…, UN experts say"); table rows are left to the rules.
fn heading(body: &str, sentence: Span, fired: &[usize]) -> Option<Local> {
    let words = body.split_whitespace().count();
    let ends_open = !body
        .trim_end()
        .ends_with(['.', '!', '?', '…', '”', '"', '’', ':']);
    let table = fired
        .iter()
        .any(|&i| RULES.rules[i].id.starts_with("table-"));
    (ends_open && words <= 24 && !table).then(|| Local {
        effect: Effect::Kind(SourceKind::NotAClaim),
        cue: sentence,
        location: None,
        confidence: 0.75,
        rules: vec!["heading"],
        who: None,
    })
}

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

/// The command that confirms the suggested labels of `sentences` (those that have one).
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
    (!changes.is_empty()).then_some(Command::SetLabels(changes))
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
    session
        .annotations
        .par_iter_mut()
        .zip(&session.sentences)
        .filter(|(a, _)| a.hedging == Hedging::None)
        .for_each(|(a, span)| a.hedging = Hedging::from_text(&text[span.range()]));
    if let Some(command) = place_command(&session, &suggestions) {
        // Built from this very session, so it applies; a refusal would leave it unlabelled.
        let _ = session.apply(command);
    }
    (session, suggestions)
}

/// The one-click answer to "no label covers this place": adds "Source in <place>" and puts it,
/// as a suggestion, on every unlabelled sentence whose source is in that place. One step.
pub fn add_place_label_command(
    session: &Session,
    suggestions: &[Suggestion],
    place: &str,
) -> Command {
    let add = session.add_location_label(place);
    let Command::AddLabel { label, .. } = &add else {
        return add;
    };
    let changes: Vec<LabelChange> = session
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
            label: Some(label.id.clone()),
            status: Status::Suggested,
        })
        .collect();
    if changes.is_empty() {
        add
    } else {
        Command::Batch(vec![add, Command::SetLabels(changes)])
    }
}
