//! doccano JSONL (sequence labelling; import only): one example per line, `text` and
//! `label: [[start, end, "Label"], …]` (or `labels`, or `entities` with `start_offset`,
//! `end_offset` and `label`, plus `relations` with `from_id`, `to_id`, `type`), and
//! `Comments`. doccano counts offsets in UTF-16 units (its browser's string length); a file
//! whose spans only fit as code points is read in code points.

use super::units::Units;
use super::{ImportSpan, Imported, link_kind};
use serde_json::Value;
use std::collections::HashMap;

pub fn read(text: &str) -> Result<Imported, String> {
    let mut examples = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let value: Value = serde_json::from_str(line)
            .map_err(|e| format!("line {} is not a JSON object: {e}", n + 1))?;
        examples.push(value);
    }
    let example = examples.first().ok_or("it holds no example")?;
    let text = example["text"]
        .as_str()
        .or_else(|| example["data"].as_str())
        .ok_or("its first example has no text")?
        .to_string();
    let mut imported = Imported::default();
    if examples.len() > 1 {
        imported.skipped.push(format!(
            "{} more examples (claimlens imports the first: one review per article)",
            examples.len() - 1
        ));
    }
    // [start, end, label] triples, or entity objects with their ids.
    let mut raw: Vec<(Option<u64>, usize, usize, String)> = Vec::new();
    for key in ["label", "labels"] {
        for item in example[key].as_array().into_iter().flatten() {
            if let (Some(s), Some(e), Some(l)) =
                (item[0].as_u64(), item[1].as_u64(), item[2].as_str())
            {
                raw.push((None, s as usize, e as usize, l.to_string()));
            }
        }
    }
    for item in example["entities"].as_array().into_iter().flatten() {
        if let (Some(s), Some(e), Some(l)) = (
            item["start_offset"].as_u64(),
            item["end_offset"].as_u64(),
            item["label"].as_str(),
        ) {
            raw.push((item["id"].as_u64(), s as usize, e as usize, l.to_string()));
        }
    }
    let units = Units::new(&text);
    let units_fit = raw
        .iter()
        .all(|(_, s, e, _)| units.span_bytes((*s, *e), true, "").is_ok());
    let mut by_id = HashMap::new();
    for (n, (id, s, e, label)) in raw.into_iter().enumerate() {
        let name = format!("span {} ({s}–{e})", n + 1);
        let (start, end) = units.span_bytes((s, e), units_fit, &name)?;
        if let Some(id) = id {
            by_id.insert(id, imported.spans.len());
        }
        imported.spans.push(ImportSpan {
            id: name,
            start,
            end,
            label,
            ..ImportSpan::default()
        });
    }
    for r in example["relations"].as_array().into_iter().flatten() {
        let end = |k: &str| r[k].as_u64().and_then(|id| by_id.get(&id)).copied();
        match (
            r["type"].as_str().and_then(link_kind),
            end("from_id"),
            end("to_id"),
        ) {
            (Some(kind), Some(i), Some(j)) if i != j => imported.links.push((i, j, kind)),
            _ => imported
                .skipped
                .push("a relation claimlens has no link kind for".into()),
        }
    }
    let comments: Vec<&str> = example["Comments"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c.as_str().or_else(|| c["comment"].as_str()))
        .collect();
    if !comments.is_empty() {
        imported.skipped.push(format!(
            "{} comments on the whole example (claimlens keeps notes per sentence)",
            comments.len()
        ));
    }
    imported.text = Some(text);
    Ok(imported)
}
