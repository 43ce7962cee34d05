//! A Label Studio task (the JSON its import and export use): the article as `data.text`,
//! the analyst's work as one annotation whose `result` holds a `labels` item per labelled
//! sentence and a `relation` item per link. The note is the region's `meta.text`; source,
//! grades, hedging and status are claimlens extensions in `meta.claimlens`.
//!
//! Offsets: Label Studio's text labelling converts the browser's UTF-16 selection offsets to
//! code points before it stores a region (its `fixCodePointsInRange`, since 2022), so that
//! they match Python's; `value.start`/`end` are therefore code points. The UTF-16 offsets,
//! which exports of older Label Studio versions hold and JavaScript tools count, travel as
//! `meta.claimlens.utf16` for tools that need them.
//!
//! `completed_by` is what Label Studio matches to one of its users: it is written only when
//! the analyst's name is an e-mail address (as a `{email}` object); the name itself is in the
//! task's `meta.claimlens`, which Label Studio keeps.
//!
//! It goes with a labelling configuration naming the labels (`config`, which the README shows):
//! `<Labels name="label" toName="text">` and `<Relations>` with the link kinds.

use super::offsets::positions;
use crate::model::article::sha256_hex;
use crate::model::{LinkKind, Session, Status};
use serde_json::{Value, json};
use std::io::Write;

pub const FROM_NAME: &str = "label";
pub const TO_NAME: &str = "text";

pub fn write(session: &Session, out: &mut dyn Write) -> std::io::Result<()> {
    // Compact, as Label Studio writes its own exports: a long review stays a few megabytes.
    serde_json::to_writer(&mut *out, &json!([task(session)]))?;
    out.write_all(b"\n")?;
    out.flush()
}

/// A region's id: the sentence's stable id, so that relations and re-exports agree.
fn region_id(session: &Session, i: usize) -> String {
    format!("s{}", session.ids()[i].0)
}

pub fn task(session: &Session) -> Value {
    let article = session.article();
    let text = &article.text;
    let positions = positions(text, session.sentences());
    let mut result = Vec::new();
    for (i, a) in session.annotations().iter().enumerate() {
        let Some(label) = a.label.as_ref().and_then(|l| session.taxonomy().get(l)) else {
            continue;
        };
        let p = positions[i];
        let source = a.source.and_then(|s| session.source(s));
        let mut claimlens = json!({
            "label_id": a.label.as_ref().map(|l| l.as_str()),
            "kind": label.kind.as_str(),
            "status": match a.status {
                Status::Confirmed => "confirmed",
                Status::Suggested => "suggested",
            },
            "credibility": a.credibility.digit(),
            "hedging": a.hedging.name(),
            "sentence": i + 1,
            "utf16": [p.utf16.0, p.utf16.1],
        });
        if let Some(s) = source {
            claimlens["source"] = json!(s.name);
            claimlens["reliability"] = json!(s.reliability.letter().to_string());
            claimlens["grade"] = json!(format!(
                "{}{}",
                s.reliability.letter(),
                a.credibility.digit()
            ));
        }
        let mut meta = json!({ "claimlens": claimlens });
        if !a.note.is_empty() {
            meta["text"] = json!([a.note]);
        }
        result.push(json!({
            "id": region_id(session, i),
            "from_name": FROM_NAME,
            "to_name": TO_NAME,
            "type": "labels",
            "origin": match a.status {
                Status::Confirmed => "manual",
                Status::Suggested => "prediction",
            },
            "value": {
                "start": p.chars.0,
                "end": p.chars.1,
                "text": &text[p.bytes.0..p.bytes.1],
                "labels": [label.name],
            },
            "meta": meta,
        }));
    }
    let labelled = |i: usize| session.annotations()[i].label.is_some();
    for (i, a) in session.annotations().iter().enumerate() {
        for link in &a.links {
            match session.index_of(link.to) {
                Some(j) if labelled(i) && labelled(j) => result.push(json!({
                    "from_id": region_id(session, i),
                    "to_id": region_id(session, j),
                    "type": "relation",
                    "direction": "right",
                    "labels": [link.kind.name()],
                })),
                _ => {}
            }
        }
    }
    let provenance = session.provenance();
    let mut annotation = json!({
        "id": 1,
        "result": result,
        "was_cancelled": false,
        "ground_truth": false,
    });
    if let Some(email) = super::analyst(session).filter(|n| looks_like_email(n)) {
        annotation["completed_by"] = json!({ "email": email });
    }
    if let Some(t) = &provenance.created {
        annotation["created_at"] = json!(t);
    }
    if let Some(t) = &provenance.changed {
        annotation["updated_at"] = json!(t);
    }
    let mut data = json!({ "text": text, "title": article.title });
    if let Some(url) = &article.meta.url {
        data["url"] = json!(url);
    }
    json!({
        "id": 1,
        "data": data,
        "annotations": [annotation],
        "meta": {
            "claimlens": {
                "sha256": sha256_hex(text),
                "source_path": article.source_path,
                "created_by": provenance.created_by,
                "changed_by": provenance.changed_by,
            },
        },
    })
}

/// The labelling configuration the task goes with: the review's labels with their colours,
/// and the link kinds as relations.
pub fn config(session: &Session) -> String {
    let mut out = format!("<View>\n  <Labels name=\"{FROM_NAME}\" toName=\"{TO_NAME}\">\n");
    for label in &session.taxonomy().labels {
        out.push_str(&format!(
            "    <Label value=\"{}\" background=\"{}\"/>\n",
            xml_attr(&label.name),
            label.color.to_hex()
        ));
    }
    out.push_str(&format!(
        "  </Labels>\n  <Text name=\"{TO_NAME}\" value=\"$text\"/>\n  <Relations>\n"
    ));
    for kind in LinkKind::ALL {
        out.push_str(&format!("    <Relation value=\"{}\"/>\n", kind.name()));
    }
    out.push_str("  </Relations>\n</View>\n");
    out
}

fn looks_like_email(name: &str) -> bool {
    let (user, domain) = name.split_once('@').unwrap_or_default();
    !user.is_empty() && domain.contains('.') && !name.contains(char::is_whitespace)
}

fn xml_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
