//! A review as files other tools read: one row per sentence with everything the analyst
//! recorded about it, in CSV (for a spreadsheet) or JSON Lines (for a script). Offsets are
//! given in bytes (UTF-8, as Rust and Python's `bytes` count) and in characters (Unicode
//! scalar values, as Python's `str` counts), so that a row's text can be sliced back out of
//! the article in either unit.

mod csv_rows;
mod jsonl;

use crate::model::Session;
use serde::Serialize;
use std::io::Write;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Jsonl,
}

impl Format {
    /// The file name ending for the format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Jsonl => "jsonl",
        }
    }
}

/// Writes the review in `format`.
pub fn export(session: &Session, format: Format, out: &mut dyn Write) -> std::io::Result<()> {
    let rows = rows(session);
    match format {
        Format::Csv => csv_rows::write(&rows, out),
        Format::Jsonl => jsonl::write(session, &rows, out),
    }
}

/// One sentence and what the analyst recorded about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// Position in the article, from 1.
    pub index: usize,
    /// The sentence's stable id in the session (kept through re-segmentation and re-import).
    pub id: u32,
    pub start_byte: usize,
    pub end_byte: usize,
    pub start_char: usize,
    pub end_char: usize,
    pub text: String,
    /// The label's name ("Source inside North Korea"); empty when unlabelled.
    pub label: String,
    /// The label's kind ("anonymous_source").
    pub kind: String,
    /// "confirmed", "suggested", or empty when unlabelled.
    pub status: String,
    pub source: String,
    /// Admiralty reliability of the source, A–F; empty without a source.
    pub reliability: String,
    /// Admiralty credibility of the claim, 1–6.
    pub credibility: String,
    /// Reliability and credibility together: "B2"; empty without a source.
    pub grade: String,
    pub hedging: String,
    pub note: String,
    /// "corroborates 12; contradicts 3": the link's kind and the other sentence's index.
    pub links: String,
}

/// The rows of every sentence, in order.
pub fn rows(session: &Session) -> Vec<Row> {
    let text = &session.article().text;
    let taxonomy = session.taxonomy();
    let mut rows = Vec::with_capacity(session.len());
    // Characters are counted once, walking forward: sentences are in order and do not overlap.
    let (mut at_byte, mut at_char) = (0usize, 0usize);
    let mut chars_to = |byte: usize| {
        if byte >= at_byte {
            at_char += text[at_byte..byte].chars().count();
        } else {
            at_char = text[..byte].chars().count();
        }
        at_byte = byte;
        at_char
    };
    for (i, span) in session.sentences().iter().enumerate() {
        let annotation = &session.annotations()[i];
        let start_char = chars_to(span.start);
        let end_char = chars_to(span.end);
        let label = annotation.label.as_ref().and_then(|l| taxonomy.get(l));
        let source = annotation.source.and_then(|s| session.source(s));
        let status = match (&annotation.label, annotation.status) {
            (None, _) => "",
            (Some(_), crate::model::Status::Confirmed) => "confirmed",
            (Some(_), crate::model::Status::Suggested) => "suggested",
        };
        let reliability = source.map(|s| s.reliability.letter().to_string());
        let credibility = annotation.credibility.digit().to_string();
        let links = annotation
            .links
            .iter()
            .filter_map(|l| {
                session
                    .index_of(l.to)
                    .map(|j| format!("{} {}", l.kind.name(), j + 1))
            })
            .collect::<Vec<_>>()
            .join("; ");
        rows.push(Row {
            index: i + 1,
            id: session.ids()[i].0,
            start_byte: span.start,
            end_byte: span.end,
            start_char,
            end_char,
            text: text[span.start..span.end].to_string(),
            label: label.map(|l| l.name.clone()).unwrap_or_default(),
            kind: label
                .map(|l| l.kind.as_str().to_string())
                .unwrap_or_default(),
            status: status.to_string(),
            source: source.map(|s| s.name.clone()).unwrap_or_default(),
            grade: reliability
                .as_deref()
                .map(|r| format!("{r}{credibility}"))
                .unwrap_or_default(),
            reliability: reliability.unwrap_or_default(),
            credibility,
            hedging: annotation.hedging.name().to_string(),
            note: annotation.note.clone(),
            links,
        });
    }
    rows
}
