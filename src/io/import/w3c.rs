//! W3C Web Annotation: a collection (its first page's items), a page, one annotation or a
//! list of them. A `classifying` (or `tagging`) body gives the label, `commenting` the note,
//! `assessing` with claimlens' terms the grade; `linking` annotations link two claims. The
//! target's `TextPositionSelector` (code points) places a span; without one, its
//! `TextQuoteSelector` is looked for in the text when it is placed.

use super::{ImportSpan, Imported, credibility, hedging, link_kind, reliability, status};
use serde_json::Value;
use std::collections::HashMap;

pub fn read(text: &str) -> Result<Imported, String> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| format!("it is not valid JSON: {e}"))?;
    let items: Vec<&Value> = match &value {
        Value::Array(list) => list.iter().collect(),
        v if v.get("first").is_some() => items_of(&v["first"]),
        v if v.get("items").is_some() => items_of(v),
        v => vec![v],
    };
    let mut imported = Imported::default();
    let mut links = Vec::new();
    for (n, a) in items.iter().enumerate() {
        let id = a["id"]
            .as_str()
            .map_or_else(|| format!("annotation {}", n + 1), str::to_string);
        if imported.analyst.is_none() {
            imported.analyst = a["creator"]["name"].as_str().map(str::to_string);
        }
        if a.get("claimlens:sentence").is_some() {
            imported.from_claimlens = true;
        }
        if a["motivation"] == "linking" {
            links.push(a);
            continue;
        }
        match span_of(a, &id) {
            Some(span) => imported.spans.push(span),
            None => imported
                .skipped
                .push(format!("{id}: no text selector in its target")),
        }
    }
    // The first span at each position: links name their claims by position.
    let mut at: HashMap<(usize, usize), usize> = HashMap::with_capacity(imported.spans.len());
    for (i, s) in imported.spans.iter().enumerate() {
        at.entry((s.start, s.end)).or_insert(i);
    }
    for a in links {
        let kind = a["claimlens:link"]
            .as_str()
            .or_else(|| {
                bodies(a)
                    .find(|b| b["purpose"] == "tagging")
                    .and_then(|b| b["value"].as_str())
            })
            .and_then(link_kind);
        let to = bodies(a).find(|b| b.get("selector").is_some() || b.get("source").is_some());
        let (from, to) = (position(&a["target"]), to.and_then(position));
        let index = |p: (usize, usize)| at.get(&p).copied();
        match (kind, from.and_then(index), to.and_then(index)) {
            (Some(kind), Some(i), Some(j)) if i != j => imported.links.push((i, j, kind)),
            _ => imported.skipped.push(format!(
                "{}: a link whose kind or claims are not among the annotations",
                a["id"].as_str().unwrap_or("a linking annotation")
            )),
        }
    }
    // Positions are code points of the article's text, which `place` turns into bytes.
    imported.positions = super::Positions::CodePoints;
    Ok(imported)
}

fn items_of(page: &Value) -> Vec<&Value> {
    page["items"]
        .as_array()
        .map(|l| l.iter().collect())
        .unwrap_or_default()
}

fn bodies(a: &Value) -> impl Iterator<Item = &Value> {
    let list: Vec<&Value> = match &a["body"] {
        Value::Array(l) => l.iter().collect(),
        Value::Null => Vec::new(),
        other => vec![other],
    };
    list.into_iter()
}

fn selectors(target: &Value) -> Vec<&Value> {
    let target = match target {
        Value::Array(l) => l.first().unwrap_or(&Value::Null),
        t => t,
    };
    match &target["selector"] {
        Value::Array(l) => l.iter().collect(),
        Value::Null => Vec::new(),
        s => vec![s],
    }
}

/// The target's position selector, in code points.
fn position(target: &Value) -> Option<(usize, usize)> {
    selectors(target)
        .into_iter()
        .find(|s| s["type"] == "TextPositionSelector")
        .and_then(|s| Some((s["start"].as_u64()? as usize, s["end"].as_u64()? as usize)))
}

/// A span in code points (`start`, `end`), or at `usize::MAX` with the quote to look for.
fn span_of(a: &Value, id: &str) -> Option<ImportSpan> {
    let target = &a["target"];
    let quote = selectors(target)
        .into_iter()
        .find(|s| s["type"] == "TextQuoteSelector")
        .and_then(|s| s["exact"].as_str());
    let (start, end) = match (position(target), quote) {
        (Some(p), _) => p,
        (None, Some(_)) => (usize::MAX, usize::MAX),
        (None, None) => return None,
    };
    let mut span = ImportSpan {
        id: id.to_string(),
        start,
        end,
        quote: quote.map(str::to_string),
        ..ImportSpan::default()
    };
    let mut note = String::new();
    for body in bodies(a) {
        match body["purpose"].as_str().unwrap_or_default() {
            "classifying" | "tagging" if span.label.is_empty() => {
                span.label = body["value"].as_str().unwrap_or_default().to_string();
                span.label_id = body["claimlens:labelId"].as_str().map(str::to_string);
                span.kind = body["claimlens:kind"].as_str().map(str::to_string);
                span.status = body["claimlens:status"].as_str().and_then(status);
            }
            "commenting" => {
                if let Some(v) = body["value"].as_str() {
                    if !note.is_empty() {
                        note.push('\n');
                    }
                    note.push_str(v);
                }
            }
            "assessing" => {
                span.source = body["claimlens:source"].as_str().map(str::to_string);
                span.reliability = body["claimlens:reliability"].as_str().and_then(reliability);
                span.credibility = body["claimlens:credibility"]
                    .as_u64()
                    .and_then(|d| credibility(&d.to_string()));
                span.hedging = body["claimlens:hedging"].as_str().and_then(hedging);
            }
            _ => {}
        }
    }
    span.note = note;
    Some(span)
}
