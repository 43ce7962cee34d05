//! What each command does to the open review: labels, navigation, suggestions, boundaries,
//! grades, re-import and label presets. Called only from `Workspace::handle`.

use super::command_table::Action;
use super::find::{Find, Hit};
use super::review::OpenReview;
use super::selection::Selection;
use super::workspace::{AppCommand, Effect, View, error, notice};
use crate::io;
use crate::model::suggest;
use crate::model::{Command, CommandError, Session};

/// Applies an edit to the open review; a refusal becomes a message.
fn applied(r: &mut OpenReview, c: Command) -> Vec<Effect> {
    match r.apply(c) {
        Ok(()) => Vec::new(),
        Err(e) => vec![error(e)],
    }
}

/// Selects the sentence of a match and brings it into view in both views.
fn show_hit(r: &mut OpenReview, hit: Hit) -> Vec<Effect> {
    r.selection = Some(Selection::single(hit.sentence));
    vec![Effect::Reveal(hit.sentence)]
}

/// F3 / Shift+F3: the next or previous match (found again first if the review changed since).
fn step_find(r: &mut OpenReview, forward: bool) -> Vec<Effect> {
    let revision = r.doc.revision();
    let Some(find) = &mut r.find else {
        return vec![Effect::Shell(Action::Find)];
    };
    if find.revision != revision {
        let from = r.selection.map_or(0, |s| s.head);
        *find = Find::new(r.doc.session(), &find.query.clone(), from, revision);
        if let Some(h) = find.current_hit() {
            return show_hit(r, h);
        }
    }
    match find.step(forward) {
        Some(h) => show_hit(r, h),
        None => Vec::new(),
    }
}

/// After a label or an accepted suggestion has landed (no message came back), selects the next
/// sentence to review after the last one selected, as N finds it; typing ahead ("Enter Enter 2")
/// then labels one sentence after another.
fn move_on_after(r: &mut OpenReview, effects: Vec<Effect>) -> Vec<Effect> {
    let Some(sel) = r.selection.filter(|_| effects.is_empty()) else {
        return effects;
    };
    match r.doc.session().next_unreviewed(Some(*sel.range().end())) {
        Some(i) if !sel.contains(i) => {
            r.selection = Some(Selection::single(i));
            vec![Effect::Reveal(i)]
        }
        _ => effects,
    }
}

fn label_selection(r: &mut OpenReview, label: Option<crate::model::LabelId>) -> Vec<Effect> {
    match r.selection {
        Some(sel) => applied(r, Command::label(sel.range(), label)),
        None => vec![notice("Select a sentence first")],
    }
}

/// Commands on the open review.
pub(super) fn edit(r: &mut OpenReview, command: AppCommand, move_on: bool) -> Vec<Effect> {
    match command {
        AppCommand::Run(action @ (Action::Label(_) | Action::AcceptSuggestion)) if move_on => {
            let effects = run(r, action);
            move_on_after(r, effects)
        }
        AppCommand::Run(action) => run(r, action),
        AppCommand::Edit(Ok(c)) => {
            let effects = applied(r, c);
            r.clamp_selection();
            effects
        }
        AppCommand::Edit(Err(e)) => vec![error(format!("Not changed: {e}"))],
        AppCommand::Find(query) => {
            let from = r.selection.map_or(0, |s| s.head);
            let find = Find::new(r.doc.session(), &query, from, r.doc.revision());
            let hit = find.current_hit();
            r.find = Some(find);
            hit.map_or_else(Vec::new, |h| show_hit(r, h))
        }
        AppCommand::CloseFind => {
            r.find = None;
            Vec::new()
        }
        AppCommand::Select(selection) => {
            r.selection = Some(selection);
            vec![Effect::Reveal(selection.head)]
        }
        AppCommand::Pick { sentence, from } => {
            r.selection = Some(Selection::single(sentence));
            vec![match from {
                View::Article => Effect::RevealInList(sentence),
                View::ClaimsList => Effect::RevealInArticle(sentence),
            }]
        }
        AppCommand::ExtendTo(i) => {
            let sel = r.selection.unwrap_or(Selection::single(i));
            r.selection = Some(sel.extended_to(i));
            vec![Effect::RevealInList(i)]
        }
        AppCommand::Caret(at) => {
            r.caret = Some(at);
            Vec::new()
        }
        AppCommand::Label(label) => label_selection(r, label),
        AppCommand::SetNote { sentence, note } => applied(r, Command::SetNote { sentence, note }),
        AppCommand::Split { sentence, at } => match r.doc.session().split(sentence, at) {
            Ok(c) => {
                let effects = applied(r, c);
                r.selection = Some(Selection::single(sentence));
                r.caret = None;
                effects
            }
            Err(e) => vec![error(format!("Cannot split: {e}"))],
        },
        AppCommand::Merge(sentence) => match r.doc.session().merge_with_next(sentence) {
            Ok(c) => {
                let effects = applied(r, c);
                r.selection = Some(Selection::single(sentence));
                effects
            }
            Err(e) => vec![error(format!("Cannot merge: {e}"))],
        },
        AppCommand::AcceptAbove(threshold) => {
            r.refresh_suggestions();
            match suggest::accept_above_command(r.doc.session(), &r.suggestions, threshold) {
                Some(c) => applied(r, c),
                None => Vec::new(),
            }
        }
        AppCommand::AddPlaceLabel(place) => {
            r.refresh_suggestions();
            let c = suggest::add_place_label_command(r.doc.session(), &r.suggestions, &place);
            applied(r, c)
        }
        AppCommand::AddPlaceToLabel { place, label } => {
            r.refresh_suggestions();
            match suggest::add_place_to_label_command(
                r.doc.session(),
                &r.suggestions,
                &place,
                &label,
            ) {
                Some(c) => applied(r, c),
                None => Vec::new(),
            }
        }
        AppCommand::Reimport(path) => reimport(r, &path),
        AppCommand::ExportLabels(path) => {
            match io::taxonomy_file::save_taxonomy(&path, r.doc.session().taxonomy()) {
                Ok(()) => vec![notice(format!("Exported labels to {}", path.display()))],
                Err(e) => vec![error(e.to_string())],
            }
        }
        AppCommand::Export { format, path } => {
            match io::export::export_to(r.doc.session(), format, &path) {
                Ok(files) => vec![notice(exported(format, &path, files.len()))],
                Err(e) => vec![error(e)],
            }
        }
        AppCommand::ImportLabels(path) => match io::taxonomy_file::load_taxonomy(&path) {
            Ok(taxonomy) => applied(r, Command::ReplaceTaxonomy { taxonomy }),
            Err(e) => vec![error(e.to_string())],
        },
        // Handled by the workspace itself.
        _ => Vec::new(),
    }
}

fn exported(format: io::export::Format, path: &std::path::Path, files: usize) -> String {
    let name = format.name();
    match files {
        1 => format!("Exported {name} to {}", path.display()),
        n => format!("Exported {name} to {} ({n} files)", path.display()),
    }
}

fn reimport(r: &mut OpenReview, path: &std::path::Path) -> Vec<Effect> {
    match io::read_article(path) {
        Ok(article) => reimport_article(r, path, article),
        Err(e) => vec![error(e.to_string())],
    }
}

/// Brings review `r` up to `article`, read from `path`, re-anchoring its claims.
pub(super) fn reimport_article(
    r: &mut OpenReview,
    path: &std::path::Path,
    article: crate::model::Article,
) -> Vec<Effect> {
    let (command, result) = r.doc.session().reimport(article);
    let mut effects = applied(r, command);
    r.clamp_selection();
    effects.push(if result.orphaned > 0 {
        error(format!(
            "Re-imported {}: {} claims in place, {} moved with their text, {} orphaned — \
             see “Orphaned claims” beside the article",
            path.display(),
            result.kept_in_place,
            result.moved,
            result.orphaned
        ))
    } else {
        notice(format!(
            "Re-imported {}: {} claims in place, {} moved with their text",
            path.display(),
            result.kept_in_place,
            result.moved
        ))
    });
    effects
}

fn run(r: &mut OpenReview, action: Action) -> Vec<Effect> {
    let count = r.doc.session().len();
    let current = r.selection;
    let select = |r: &mut OpenReview, s: Selection| {
        r.selection = Some(s);
        vec![Effect::Reveal(s.head)]
    };
    match action {
        Action::Undo => {
            r.doc.undo();
            r.clamp_selection();
            Vec::new()
        }
        Action::Redo => {
            r.doc.redo();
            r.clamp_selection();
            Vec::new()
        }
        Action::NextSentence
        | Action::PreviousSentence
        | Action::FirstSentence
        | Action::LastSentence
        | Action::ExtendDown
        | Action::ExtendUp
            if count > 0 =>
        {
            let sel = current.unwrap_or(Selection::single(0));
            let next = match action {
                Action::NextSentence => sel.moved(1, count),
                Action::PreviousSentence => sel.moved(-1, count),
                Action::FirstSentence => Selection::single(0),
                Action::LastSentence => Selection::single(count - 1),
                Action::ExtendDown => sel.extended(1, count),
                _ => sel.extended(-1, count),
            };
            select(r, next)
        }
        Action::NextSentence
        | Action::PreviousSentence
        | Action::FirstSentence
        | Action::LastSentence
        | Action::ExtendDown
        | Action::ExtendUp => Vec::new(),
        Action::Find => vec![Effect::Shell(Action::Find)],
        Action::FindNext => step_find(r, true),
        Action::FindPrevious => step_find(r, false),
        Action::NextUnlabelled => match r.doc.session().next_unreviewed(current.map(|s| s.head)) {
            Some(i) => select(r, Selection::single(i)),
            None => vec![notice("Every sentence has a confirmed label")],
        },
        Action::ClearLabel => label_selection(r, None),
        Action::Label(c) => {
            let id = r.doc.session().taxonomy().by_key(c).map(|l| l.id.clone());
            match id {
                Some(id) => label_selection(r, Some(id)),
                None => Vec::new(),
            }
        }
        Action::AcceptSuggestion => {
            let Some(sel) = current else {
                return Vec::new();
            };
            match suggest::accept_command(r.doc.session(), sel.range()) {
                Some(c) => applied(r, c),
                None => vec![notice(
                    "No suggestion to accept here; press a label's key to label it",
                )],
            }
        }
        Action::RerunSuggestions => {
            r.suggestions_rev = None;
            r.refresh_suggestions();
            // Labels and the sources behind them, as one step.
            let mut steps: Vec<Command> = [
                suggest::place_command(r.doc.session(), &r.suggestions),
                suggest::propose_sources_command(r.doc.session(), &r.suggestions),
            ]
            .into_iter()
            .flatten()
            .collect();
            let step = match steps.len() {
                0 => return vec![notice("Suggestions are up to date")],
                1 => steps.remove(0),
                _ => Command::Batch(steps),
            };
            applied(r, step)
        }
        Action::SplitAtCaret => match (current, r.caret) {
            (Some(sel), Some(at)) => edit(
                r,
                AppCommand::Split {
                    sentence: sel.head,
                    at,
                },
                false,
            ),
            _ => vec![notice(
                "Click the point in the sentence where it should be split, then press S",
            )],
        },
        Action::MergeWithNext => match current {
            Some(sel) => edit(r, AppCommand::Merge(*sel.range().start()), false),
            None => Vec::new(),
        },
        Action::Reliability(_) | Action::Credibility(_) => match current {
            Some(sel) => match grade_command(r.doc.session(), sel.head, action) {
                Some(Ok(c)) => applied(r, c),
                Some(Err(e)) => vec![error(format!("Not changed: {e}"))],
                None => Vec::new(),
            },
            None => Vec::new(),
        },
        // File flows and switching reviews: handled by the workspace before a review is chosen.
        Action::NextReview
        | Action::PreviousReview
        | Action::Open
        | Action::OpenFolder
        | Action::ShowDesk
        | Action::NextReport
        | Action::MoveOnAfterLabel
        | Action::CloseReview
        | Action::Reimport
        | Action::Save
        | Action::SaveAs
        | Action::Quit
        | Action::AnalystName
        | Action::ArticleDetails
        | Action::ImportAnnotations
        | Action::CompareWith
        | Action::StopComparing
        | Action::NextDisagreement
        | Action::PreviousDisagreement
        | Action::TakeA
        | Action::TakeB
        | Action::TakeAllA => Vec::new(),
        Action::AcceptAbove
        | Action::EditLabels
        | Action::SourceSummary
        | Action::ShowHelp
        | Action::BuiltInFileDialog
        | Action::DarkTheme
        | Action::NewFromClipboard
        | Action::Export
        | Action::ExportReport
        | Action::FinishNote => vec![Effect::Shell(action)],
    }
}

/// The command a grade key stands for (Shift+A…F: the reliability of the selected claim's
/// source; Alt+1…6: the claim's credibility), or nothing for other actions.
fn grade_command(
    session: &Session,
    sentence: usize,
    action: Action,
) -> Option<Result<Command, CommandError>> {
    match action {
        Action::Reliability(r) => Some(
            match session.annotations().get(sentence).and_then(|a| a.source) {
                Some(id) => session.set_reliability(id, r),
                None => Err(CommandError::Record(
                    "reliability belongs to a source: give the claim a source first".into(),
                )),
            },
        ),
        Action::Credibility(c) => Some(session.set_credibility(sentence, c)),
        _ => None,
    }
}
