//! JSON Lines: a first line describing the article (title, metadata, SHA-256 of its text, the
//! labels), then one object per sentence that carries a judgement (a label, a source, a note
//! or a link), with the same fields as the CSV.

use super::Row;
use crate::model::Session;
use crate::model::article::sha256_hex;
use std::io::Write;

pub fn write(session: &Session, rows: &[Row], out: &mut dyn Write) -> std::io::Result<()> {
    let article = session.article();
    let labels: Vec<serde_json::Value> = session
        .taxonomy()
        .labels
        .iter()
        .map(|l| {
            serde_json::json!({
                "id": l.id.as_str(),
                "name": l.name,
                "kind": l.kind.as_str(),
            })
        })
        .collect();
    let header = serde_json::json!({
        "article": {
            "title": article.title,
            "meta": article.meta,
            "sha256": sha256_hex(&article.text),
            "sentences": rows.len(),
        },
        "labels": labels,
    });
    serde_json::to_writer(&mut *out, &header)?;
    out.write_all(b"\n")?;
    for row in rows {
        let judged = !row.label.is_empty()
            || !row.source.is_empty()
            || !row.note.is_empty()
            || !row.links.is_empty();
        if judged {
            serde_json::to_writer(&mut *out, row)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()
}
