//! Label Studio tasks: the first task (its `data.text` the text), one of its annotations (or,
//! with none, its first prediction, read as suggestions). `labels` items are spans (code
//! points, as Label Studio stores them; UTF-16 units when the item's own `text` says so, as
//! exports of versions before 2022 count); `relation` items link them; a region's
//! `meta.text`, or a `textarea` item on the same region, is its note; `meta.claimlens` brings
//! back what claimlens exported.

use super::{ImportSpan, Imported, Options, credibility, hedging, link_kind, reliability, status};
use crate::model::Status;
use serde_json::Value;
use std::collections::HashMap;

pub fn read(text: &str, options: &Options) -> Result<Imported, String> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| format!("it is not valid JSON: {e}"))?;
    let tasks: Vec<&Value> = match &value {
        Value::Array(list) => list.iter().collect(),
        task => vec![task],
    };
    let task = tasks.first().ok_or("it holds no task")?;
    let text = task["data"]["text"]
        .as_str()
        .ok_or("its task has no data.text: claimlens imports text labelling tasks")?
        .to_string();
    let units = super::units::Units::new(&text);
    let mut imported = Imported::default();
    if tasks.len() > 1 {
        imported.skipped.push(format!(
            "{} more tasks (claimlens imports the first: one review per article)",
            tasks.len() - 1
        ));
    }
    // Borrowed, never cloned: a 50,000-region result is a large tree.
    let annotations: &[Value] = task["annotations"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    let (chosen, suggested) = match (annotations.len(), options.annotation) {
        (0, _) => {
            let prediction = task["predictions"].as_array().and_then(|p| p.first());
            (
                prediction.ok_or("its task has neither annotations nor predictions")?,
                true,
            )
        }
        (1, None) => (&annotations[0], false),
        (n, Some(k)) if (1..=n).contains(&k) => (&annotations[k - 1], false),
        (n, choice) => {
            let who: Vec<String> = annotations
                .iter()
                .enumerate()
                .map(|(i, a)| format!("{} ({})", i + 1, annotator(a)))
                .collect();
            let asked = choice
                .map(|k| format!("there is no annotation {k}; "))
                .unwrap_or_default();
            return Err(format!(
                "{asked}its task has {n} annotations, by several annotators: {}. Choose one \
                 (claimlens import … --annotation N); to compare two analysts, import each as \
                 its own review",
                who.join(", ")
            ));
        }
    };
    imported.analyst = chosen["completed_by"]["email"]
        .as_str()
        .map(str::to_string)
        .or_else(|| {
            task["meta"]["claimlens"]["changed_by"]
                .as_str()
                .map(str::to_string)
        });
    imported.from_claimlens = task["meta"].get("claimlens").is_some();
    let result: &[Value] = chosen["result"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut notes: Vec<(String, String)> = Vec::new();
    for (n, item) in result.iter().enumerate() {
        let region = item["id"]
            .as_str()
            .map_or_else(|| format!("result item {}", n + 1), str::to_string);
        match item["type"].as_str().unwrap_or_default() {
            "labels" => {
                let v = &item["value"];
                let (Some(start), Some(end)) = (v["start"].as_u64(), v["end"].as_u64()) else {
                    imported
                        .skipped
                        .push(format!("region {region}: no start and end"));
                    continue;
                };
                let offsets = (start as usize, end as usize);
                let id = format!("region {region}");
                let by_units = units.span_bytes(offsets, true, &id).ok();
                let (s, e) = match units.span_bytes(offsets, false, &id) {
                    // A quote that matches only when counted in UTF-16 units says the export
                    // counted them (Label Studio before 2022).
                    Ok(chars) => match (v["text"].as_str(), by_units) {
                        (Some(q), Some(u))
                            if text[chars.0..chars.1] != *q && text[u.0..u.1] == *q =>
                        {
                            u
                        }
                        _ => chars,
                    },
                    Err(e) => by_units.ok_or(e)?,
                };
                let meta = &item["meta"]["claimlens"];
                let mut span = ImportSpan {
                    id,
                    start: s,
                    end: e,
                    label: v["labels"][0].as_str().unwrap_or_default().to_string(),
                    label_id: meta["label_id"].as_str().map(str::to_string),
                    kind: meta["kind"].as_str().map(str::to_string),
                    status: meta["status"].as_str().and_then(status),
                    note: item["meta"]["text"]
                        .as_array()
                        .map(|l| {
                            l.iter()
                                .filter_map(Value::as_str)
                                .collect::<Vec<_>>()
                                .join("\n")
                        })
                        .unwrap_or_default(),
                    source: meta["source"].as_str().map(str::to_string),
                    reliability: meta["reliability"].as_str().and_then(reliability),
                    credibility: meta["credibility"]
                        .as_u64()
                        .and_then(|d| credibility(&d.to_string())),
                    hedging: meta["hedging"].as_str().and_then(hedging),
                    quote: None,
                };
                if suggested || item["origin"] == "prediction" {
                    span.status.get_or_insert(Status::Suggested);
                }
                by_id.insert(region, imported.spans.len());
                imported.spans.push(span);
            }
            "textarea" => {
                let said = match &item["value"]["text"] {
                    Value::Array(l) => l
                        .iter()
                        .filter_map(Value::as_str)
                        .collect::<Vec<_>>()
                        .join("\n"),
                    Value::String(s) => s.clone(),
                    _ => String::new(),
                };
                notes.push((region, said));
            }
            "relation" => {}
            other => imported.skipped.push(format!(
                "result item {region}: type {other} is not one claimlens reads"
            )),
        }
    }
    for (region, note) in notes {
        if let Some(&i) = by_id.get(&region)
            && imported.spans[i].note.is_empty()
        {
            imported.spans[i].note = note;
        }
    }
    for item in result.iter().filter(|i| i["type"] == "relation") {
        let end = |k: &str| item[k].as_str().and_then(|r| by_id.get(r)).copied();
        let kind = item["labels"][0].as_str().and_then(link_kind);
        match (kind, end("from_id"), end("to_id")) {
            (Some(kind), Some(i), Some(j)) if i != j => imported.links.push((i, j, kind)),
            _ => imported.skipped.push(
                "a relation without a link kind claimlens knows, or between regions not imported"
                    .into(),
            ),
        }
    }
    imported.text = Some(text);
    Ok(imported)
}

fn annotator(a: &Value) -> String {
    match &a["completed_by"] {
        Value::Object(o) => o
            .get("email")
            .and_then(Value::as_str)
            .map_or_else(|| "an annotator".into(), str::to_string),
        Value::Number(n) => format!("user {n}"),
        _ => "an annotator".into(),
    }
}
