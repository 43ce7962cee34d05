//! What a command is, in words (the Undo and Redo menu entries) and in sentences touched (what
//! the view and the autosave need to look at again).

use super::command::Command;

impl Command {
    /// The sentences whose annotations this command changes, when it changes nothing else
    /// (labels, notes, one claim's record); `None` for anything wider.
    pub fn touched_sentences(&self) -> Option<Vec<usize>> {
        let mut touched = match self {
            Command::SetLabels(changes) => changes.iter().map(|c| c.sentence).collect(),
            Command::SetNote { sentence, .. } | Command::SetAnnotation { sentence, .. } => {
                vec![*sentence]
            }
            Command::LinkSources(links) => links.iter().map(|(i, _)| *i).collect(),
            Command::SetHedging(changes) => changes.iter().map(|(i, _)| *i).collect(),
            Command::AttachOrphan { sentence, .. } => vec![*sentence],
            // Several claims' records as one step (an adjudication's decisions).
            Command::Batch(steps) => {
                let mut all = Vec::new();
                for step in steps {
                    all.extend(step.touched_sentences()?);
                }
                all
            }
            Command::RestoreOrphan {
                sentence: Some(sentence),
                ..
            } => vec![*sentence],
            _ => return None,
        };
        touched.sort_unstable();
        touched.dedup();
        Some(touched)
    }

    /// Text for "Undo …" / "Redo …" menu entries.
    pub fn describe(&self) -> String {
        match self {
            Command::SetLabels(changes) => {
                let all_clear = changes.iter().all(|c| c.label.is_none());
                let verb = if all_clear { "clear label" } else { "label" };
                match changes.len() {
                    1 => format!("{verb} of sentence {}", changes[0].sentence + 1),
                    n => format!("{verb} of {n} sentences"),
                }
            }
            Command::SetNote { sentence, .. } => format!("note on sentence {}", sentence + 1),
            Command::Resegment {
                first,
                remove,
                insert,
            } => match (remove, insert.len()) {
                (1, 2) => format!("split sentence {}", first + 1),
                (2, 1) => format!("merge sentences {} and {}", first + 1, first + 2),
                _ => "change sentence boundaries".to_string(),
            },
            Command::SetAnnotation { what, .. } => what.clone(),
            Command::ReplaceSession { what, .. } => what.clone(),
            Command::UpdateLabel { label } => format!("edit label “{}”", label.name),
            Command::MoveLabel { .. } => "reorder labels".to_string(),
            Command::ReplaceTaxonomy { taxonomy } => format!("import labels “{}”", taxonomy.name),
            Command::SetPlaces { .. } => "update place names".to_string(),
            Command::SetDetails { .. } => "article details".to_string(),
            Command::AddSource { source, .. } => format!("add source “{}”", source.name),
            Command::AddSources(sources) => format!("add {} sources", sources.len()),
            Command::RemoveSources(ids) => format!("remove {} sources", ids.len()),
            Command::RemoveSource { id } => format!("remove source {id}"),
            Command::UpdateSource { source } => format!("edit source “{}”", source.name),
            Command::AddLabel { label, .. } => format!("add label “{}”", label.name),
            Command::LinkSources(links) => match links.len() {
                1 => format!("source of sentence {}", links[0].0 + 1),
                n => format!("sources of {n} sentences"),
            },
            Command::RemoveLabel { id } => format!("remove label {id}"),
            Command::SetHedging(changes) => match changes.len() {
                1 => format!("hedging of sentence {}", changes[0].0 + 1),
                n => format!("hedging of {n} sentences"),
            },
            Command::AttachOrphan { sentence, .. }
            | Command::RestoreOrphan {
                sentence: Some(sentence),
                ..
            } => format!("re-attach a claim to sentence {}", sentence + 1),
            Command::DropOrphan { .. } | Command::RestoreOrphan { sentence: None, .. } => {
                "drop an orphaned claim".to_string()
            }
            Command::Batch(commands) => commands
                .first()
                .map_or_else(|| "nothing".to_string(), Command::describe),
        }
    }
}
