//! Annotations made elsewhere (or exported by claimlens) brought back as a review of an
//! article: W3C Web Annotation, brat standoff, Label Studio tasks and doccano JSONL. Each
//! reader turns its file into spans with labels and what else the file carries (`Imported`,
//! offsets already turned into bytes of the text they count in); `place` maps the spans to the
//! article's sentences and reports what it could not place.

mod boundaries;
mod brat;
mod doccano;
mod labelstudio;
mod place;
mod units;
mod w3c;

pub use place::{Report, place};

use crate::model::{Credibility, Hedging, LinkKind, Reliability, Status};
use std::path::Path;

/// The formats an import reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    W3c,
    Brat,
    LabelStudio,
    Doccano,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::W3c => "W3C Web Annotation",
            Format::Brat => "brat standoff",
            Format::LabelStudio => "Label Studio",
            Format::Doccano => "doccano JSONL",
        }
    }
}

/// One annotated span as the file gives it; `start`/`end` are bytes of [`Imported::text`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportSpan {
    /// How the file names it ("T3", "region s12", "annotation 4"), for the report.
    pub id: String,
    pub start: usize,
    pub end: usize,
    /// The label's name as the file gives it; empty for a note alone.
    pub label: String,
    /// claimlens' own label id and kind, when the file is a claimlens export.
    pub label_id: Option<String>,
    pub kind: Option<String>,
    pub status: Option<Status>,
    pub note: String,
    pub source: Option<String>,
    pub reliability: Option<Reliability>,
    pub credibility: Option<Credibility>,
    pub hedging: Option<Hedging>,
    /// The text the span selects, as the file quotes it (W3C's `exact`), to check the place by
    /// or find it where positions are missing or point elsewhere.
    pub quote: Option<String>,
}

/// What a span's `start` and `end` count.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Positions {
    /// Bytes of the text (readers turned their units into bytes).
    #[default]
    Bytes,
    /// Code points of the article's text, which only placing knows (W3C, a brat file with no
    /// .txt beside it); `usize::MAX` where only a quote was given.
    CodePoints,
}

/// What an annotation file holds.
#[derive(Debug, Clone, Default)]
pub struct Imported {
    pub format: Option<Format>,
    /// The text the offsets count in, when the file carries it (brat's .txt, Label Studio's
    /// `data.text`, doccano's `text`); else they count in the article's text.
    pub text: Option<String>,
    pub positions: Positions,
    pub spans: Vec<ImportSpan>,
    /// Links between spans (indexes into `spans`).
    pub links: Vec<(usize, usize, LinkKind)>,
    /// Who made the annotations, if the file says.
    pub analyst: Option<String>,
    /// The file was written by claimlens: its spans are sentences, so boundaries come back.
    pub from_claimlens: bool,
    /// Display names and colours of label names, when the file has them (brat's visual.conf,
    /// Label Studio's configuration).
    pub colours: Vec<(String, crate::model::Rgb)>,
    /// What the reader skipped, in words.
    pub skipped: Vec<String>,
}

/// Which file format `path` holds, judged by its contents first, then its name.
pub fn detect(path: &Path, bytes: &[u8]) -> Result<Format, String> {
    let name = path.to_string_lossy().to_ascii_lowercase();
    if name.ends_with(".ann") {
        return Ok(Format::Brat);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_string())?;
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if text.starts_with('[') || text.starts_with('{') {
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(text) {
            return json_format(&value).ok_or_else(|| {
                "it is JSON, but not a W3C annotation collection, a Label Studio task list or \
                 doccano JSONL"
                    .to_string()
            });
        }
        // Several JSON values, one per line: doccano.
        if text.lines().filter(|l| !l.trim().is_empty()).count() > 1 {
            return Ok(Format::Doccano);
        }
        return Err("it is not valid JSON".into());
    }
    if text
        .lines()
        .next()
        .is_some_and(|l| l.starts_with('T') && l.contains('\t'))
    {
        return Ok(Format::Brat);
    }
    Err(
        "claimlens cannot tell what it is: it reads W3C Web Annotation (JSON-LD), brat \
         standoff (.ann), Label Studio tasks (JSON) and doccano JSONL"
            .into(),
    )
}

fn json_format(value: &serde_json::Value) -> Option<Format> {
    let first = match value {
        serde_json::Value::Array(items) => items.first()?,
        other => other,
    };
    let is_w3c = first.get("@context").is_some()
        || first
            .get("type")
            .and_then(|t| t.as_str())
            .is_some_and(|t| t.starts_with("Annotation"));
    if is_w3c {
        return Some(Format::W3c);
    }
    if first.get("data").is_some()
        && (first.get("annotations").is_some() || first.get("predictions").is_some())
    {
        return Some(Format::LabelStudio);
    }
    if first.get("text").is_some()
        && ["label", "labels", "entities"]
            .iter()
            .any(|k| first.get(k).is_some())
    {
        return Some(Format::Doccano);
    }
    None
}

/// Options of an import.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Which of several annotations of a Label Studio task to take (from 1).
    pub annotation: Option<usize>,
}

/// Reads the annotation file at `path` (its bytes given) in its format.
pub fn read(path: &Path, bytes: &[u8], options: &Options) -> Result<Imported, String> {
    let format = detect(path, bytes)?;
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim_start_matches('\u{feff}');
    let mut imported = match format {
        Format::W3c => w3c::read(text)?,
        Format::Brat => brat::read(path, text)?,
        Format::LabelStudio => labelstudio::read(text, options)?,
        Format::Doccano => doccano::read(text)?,
    };
    imported.format = Some(format);
    Ok(imported)
}

/// Annotation files are read whole; larger ones are refused (a 5 MB article's export is
/// under 30 MB).
pub const MAX_IMPORT_BYTES: u64 = 256_000_000;

/// Imports the annotation file at `path` as a review of `article` (or, when none is given, of
/// the text the file carries) with `taxonomy`'s labels. The message of a failure names the
/// file and the problem; nothing is changed.
pub fn import_file(
    path: &Path,
    article: Option<crate::model::Article>,
    taxonomy: crate::model::Taxonomy,
    options: &Options,
) -> Result<(crate::model::Session, Report), String> {
    import_file_reporting(path, article, taxonomy, options, &mut || {})
}

/// As [`import_file`], calling `read` once the file is read and its spans are about to be
/// placed (a worker's progress line says so).
pub fn import_file_reporting(
    path: &Path,
    article: Option<crate::model::Article>,
    taxonomy: crate::model::Taxonomy,
    options: &Options,
    read_done: &mut dyn FnMut(),
) -> Result<(crate::model::Session, Report), String> {
    let bytes = super::bounded::read_file(path, MAX_IMPORT_BYTES).map_err(|e| e.to_string())?;
    let cannot = |e: String| format!("Cannot import {}: {e}", path.display());
    let imported = read(path, &bytes, options).map_err(cannot)?;
    drop(bytes);
    read_done();
    let article = match (article, &imported.text) {
        (Some(article), _) => article,
        (None, Some(text)) => {
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let title = crate::model::Article::title_from_text(text, &stem);
            crate::model::Article::new(title, Some(path.display().to_string()), text)
        }
        (None, None) => {
            return Err(cannot(
                "its annotations do not carry the text they annotate: give the article too".into(),
            ));
        }
    };
    place(article, taxonomy, imported).map_err(cannot)
}

/// A link kind from its name as exports write it ("corroborates", "Same_origin").
pub(crate) fn link_kind(name: &str) -> Option<LinkKind> {
    let plain = name.trim().to_ascii_lowercase().replace('_', " ");
    LinkKind::ALL.into_iter().find(|k| {
        let n = k.name();
        plain == n || plain == n.trim_end_matches(" as")
    })
}

pub(crate) fn status(name: &str) -> Option<Status> {
    match name.trim() {
        "confirmed" => Some(Status::Confirmed),
        "suggested" => Some(Status::Suggested),
        _ => None,
    }
}

pub(crate) fn reliability(letter: &str) -> Option<Reliability> {
    Reliability::ALL
        .into_iter()
        .find(|r| letter.trim().eq_ignore_ascii_case(&r.letter().to_string()))
}

pub(crate) fn credibility(digit: &str) -> Option<Credibility> {
    digit.trim().parse().ok().and_then(Credibility::from_digit)
}

pub(crate) fn hedging(name: &str) -> Option<Hedging> {
    Hedging::ALL.into_iter().find(|h| h.name() == name.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_kinds_read_back_from_every_exports_spelling() {
        assert_eq!(link_kind("Same_origin"), Some(LinkKind::SameOrigin));
        assert_eq!(link_kind("same origin as"), Some(LinkKind::SameOrigin));
        assert_eq!(link_kind("Corroborates"), Some(LinkKind::Corroborates));
        assert_eq!(link_kind("causes"), None);
    }
}
