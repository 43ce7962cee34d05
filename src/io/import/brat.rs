//! brat standoff: the `.ann` with the `.txt` beside it (whose code points its offsets count)
//! and, if there, `visual.conf` for the labels' names and colours. Text-bound `T` lines are
//! spans (a discontinuous one is read as the stretch from its first fragment to its last, and
//! reported); `R` lines link them; `A` attributes and `AnnotatorNotes` carry what claimlens
//! exports (status, grades, hedging; `note | source: … | analyst: …`).

use super::{
    ImportSpan, Imported, Positions, credibility, hedging, link_kind, reliability, status,
};
use std::collections::HashMap;
use std::path::Path;

pub fn read(path: &Path, ann: &str) -> Result<Imported, String> {
    let mut imported = Imported::default();
    let txt = path.with_extension("txt");
    let text = match std::fs::read(&txt) {
        Ok(bytes) => Some(
            String::from_utf8(bytes)
                .map_err(|_| format!("{} is not UTF-8 text, as brat's texts are", txt.display()))?,
        ),
        Err(_) => None,
    };
    let folder = path.parent().unwrap_or(Path::new(""));
    let conf = std::fs::read_to_string(folder.join("annotation.conf")).unwrap_or_default();
    imported.from_claimlens = conf.starts_with(crate::io::export::BRAT_CONF_HEADER);
    let names =
        visual_names(&std::fs::read_to_string(folder.join("visual.conf")).unwrap_or_default());

    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut relations = Vec::new();
    for (n, line) in ann.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let what = |m: &str| format!("line {} ({}): {m}", n + 1, fields[0]);
        let words: Vec<&str> = fields
            .get(1)
            .map(|f| f.split(' ').collect())
            .unwrap_or_default();
        match fields[0].chars().next() {
            Some('T') => {
                let (kind, fragments) = fields
                    .get(1)
                    .and_then(|f| f.split_once(' '))
                    .ok_or_else(|| what("a text-bound line needs a type and offsets"))?;
                let mut bounds = Vec::new();
                for fragment in fragments.split(';') {
                    let (s, e) = fragment
                        .split_once(' ')
                        .and_then(|(s, e)| {
                            Some((
                                s.trim().parse::<usize>().ok()?,
                                e.trim().parse::<usize>().ok()?,
                            ))
                        })
                        .ok_or_else(|| what("offsets are not numbers"))?;
                    bounds.push((s, e));
                }
                if bounds.len() > 1 {
                    imported.skipped.push(what(
                        "a discontinuous span: read as the stretch from its first fragment to its last",
                    ));
                }
                let (start, end) = (bounds[0].0, bounds[bounds.len() - 1].1);
                let (label, label_id) = match names.get(kind) {
                    Some(name) => (name.clone(), Some(kind.to_string())),
                    None => (kind.replace('_', " "), Some(kind.to_string())),
                };
                by_id.insert(fields[0].to_string(), imported.spans.len());
                imported.spans.push(ImportSpan {
                    id: fields[0].to_string(),
                    start,
                    end,
                    label,
                    label_id,
                    // A discontinuous span's text is its fragments joined, not the stretch.
                    quote: fields
                        .get(2)
                        .filter(|_| bounds.len() == 1)
                        .map(|q| q.to_string()),
                    ..ImportSpan::default()
                });
            }
            Some('A') | Some('M') if words.len() >= 2 => {
                let Some(&i) = by_id.get(words[1]) else {
                    continue;
                };
                let value = words.get(2).copied().unwrap_or_default();
                let span = &mut imported.spans[i];
                match words[0] {
                    "Status" => span.status = status(value),
                    "Reliability" => span.reliability = reliability(value),
                    "Credibility" => span.credibility = credibility(value),
                    "Hedging" => span.hedging = hedging(value),
                    other => imported.skipped.push(what(&format!(
                        "attribute {other} is not one claimlens keeps"
                    ))),
                }
            }
            Some('#') if words.first() == Some(&"AnnotatorNotes") => {
                let Some(&i) = words.get(1).and_then(|t| by_id.get(*t)) else {
                    continue;
                };
                let mut note = Vec::new();
                for part in fields.get(2).copied().unwrap_or_default().split(" | ") {
                    if let Some(source) = part.strip_prefix("source: ") {
                        imported.spans[i].source = Some(source.to_string());
                    } else if let Some(name) = part.strip_prefix("analyst: ") {
                        imported.analyst.get_or_insert_with(|| name.to_string());
                    } else {
                        note.push(part);
                    }
                }
                let span = &mut imported.spans[i];
                if !span.note.is_empty() && !note.is_empty() {
                    span.note.push('\n');
                }
                span.note.push_str(&note.join(" | "));
            }
            Some('R') if words.len() >= 3 => relations.push((
                n,
                words[0].to_string(),
                words[1].to_string(),
                words[2].to_string(),
            )),
            _ => imported.skipped.push(what(
                "not a kind of line claimlens reads (events, normalizations, equivalences)",
            )),
        }
    }
    for (n, kind, from, to) in relations {
        let arg = |a: &str| a.split_once(':').and_then(|(_, t)| by_id.get(t)).copied();
        match (link_kind(&kind), arg(&from), arg(&to)) {
            (Some(kind), Some(i), Some(j)) if i != j => imported.links.push((i, j, kind)),
            _ => imported.skipped.push(format!(
                "line {}: relation {kind} is not a link claimlens knows",
                n + 1
            )),
        }
    }
    match text {
        Some(text) => {
            let units = super::units::Units::new(&text);
            for span in &mut imported.spans {
                (span.start, span.end) = units
                    .span_bytes((span.start, span.end), false, &span.id)
                    .map_err(|e| format!("{e} ({})", txt.display()))?;
            }
            imported.text = Some(text);
        }
        None => imported.positions = Positions::CodePoints,
    }
    Ok(imported)
}

/// `Type | Long name | Short` lines of visual.conf's [labels] section.
fn visual_names(visual: &str) -> HashMap<String, String> {
    let mut names = HashMap::new();
    let mut in_labels = false;
    for line in visual.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_labels = line == "[labels]";
            continue;
        }
        if !in_labels || line.starts_with('#') {
            continue;
        }
        let mut parts = line.split('|').map(str::trim);
        if let (Some(kind), Some(name)) = (parts.next(), parts.next())
            && !name.is_empty()
        {
            names.insert(kind.to_string(), name.to_string());
        }
    }
    names
}
