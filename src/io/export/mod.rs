//! A review as files other tools read: one row per sentence with everything the analyst
//! recorded about it, in CSV (for a spreadsheet) or JSON Lines (for a script); and the labelled
//! claims as annotations for peers: a W3C Web Annotation collection, brat standoff files, a
//! Label Studio task. Each format counts offsets as its readers do (`offsets`): bytes and
//! characters in the rows; code points for W3C, brat and Label Studio (which converts the
//! browser's UTF-16 offsets to code points), with UTF-16 units alongside for Label Studio.
//! What a format has no field for (sources, grades, hedging, status) travels as a claimlens
//! extension the README documents, so that an import can bring it back.

mod brat;
mod csv_rows;
mod ids;
mod jsonl;
mod labelstudio;
pub mod offsets;
mod w3c;

pub use brat::CONF_HEADER as BRAT_CONF_HEADER;
pub use ids::plain_name;

use crate::model::Session;
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Jsonl,
    W3c,
    Brat,
    LabelStudio,
    /// The sourcing report for a reader, as a printable HTML page.
    ReportHtml,
    /// The sourcing report as Markdown.
    ReportMarkdown,
}

impl Format {
    pub const ALL: [Format; 7] = [
        Format::Csv,
        Format::Jsonl,
        Format::W3c,
        Format::Brat,
        Format::LabelStudio,
        Format::ReportHtml,
        Format::ReportMarkdown,
    ];

    /// The name menus and messages use.
    pub fn name(self) -> &'static str {
        match self {
            Format::Csv => "CSV",
            Format::Jsonl => "JSON Lines",
            Format::W3c => "W3C Web Annotation",
            Format::Brat => "brat standoff",
            Format::LabelStudio => "Label Studio",
            Format::ReportHtml => "Sourcing report (HTML)",
            Format::ReportMarkdown => "Sourcing report (Markdown)",
        }
    }

    /// How the exported file's name ends, after the review's own name.
    pub fn suffix(self) -> &'static str {
        match self {
            Format::Csv => ".csv",
            Format::Jsonl => ".jsonl",
            Format::W3c => ".annotations.jsonld",
            Format::Brat => ".ann",
            Format::LabelStudio => ".labelstudio.json",
            Format::ReportHtml => ".report.html",
            Format::ReportMarkdown => ".report.md",
        }
    }

    /// The file type's own extension (the suffix's last part), for file dialogs' filters.
    pub fn extension(self) -> &'static str {
        self.suffix().rsplit('.').next().unwrap_or_default()
    }

    /// `path` ending in the format's extension: a name typed without one gets the suffix.
    pub fn with_extension(self, path: PathBuf) -> PathBuf {
        let has = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case(self.extension()));
        if has {
            return path;
        }
        let mut name = path.into_os_string();
        name.push(self.suffix());
        PathBuf::from(name)
    }

    /// Whether the export is one file that can go to standard output (brat's is four).
    pub fn is_one_file(self) -> bool {
        self != Format::Brat
    }
}

/// Writes the review in `format` to one stream; brat, which is several files, is refused.
pub fn export(session: &Session, format: Format, out: &mut dyn Write) -> std::io::Result<()> {
    match format {
        Format::Csv => csv_rows::write(&rows(session), out),
        Format::Jsonl => jsonl::write(session, &rows(session), out),
        Format::W3c => w3c::write(session, out),
        Format::LabelStudio => labelstudio::write(session, out),
        Format::ReportHtml => crate::io::report::write_html(session, out),
        Format::ReportMarkdown => crate::io::report::write_markdown(session, out),
        Format::Brat => Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "brat standoff is several files (.txt, .ann, annotation.conf, visual.conf): \
             give a folder or an .ann file to write",
        )),
    }
}

/// Writes the export to `target`, each file atomically, and returns the files written. brat's
/// `target` is the `.ann` file: the text (`<name>.txt`) and the configuration go beside it; a
/// Label Studio task's labelling configuration goes beside it as `<name>.xml`. Everything is
/// made before anything is written, and a file beside the target that holds something else
/// (the analyst's own `hyesan.txt`, say) is never replaced: the export stops first.
pub fn export_to(session: &Session, format: Format, target: &Path) -> Result<Vec<PathBuf>, String> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let folder = target.parent().unwrap_or(Path::new(""));
    if !folder.as_os_str().is_empty() && !folder.is_dir() {
        return Err(format!(
            "Cannot export to {}: the folder {} does not exist",
            target.display(),
            folder.display()
        ));
    }
    let files: Vec<(PathBuf, Contents)> = match format {
        Format::Brat => {
            let stem = name.strip_suffix(".ann").unwrap_or(&name);
            let [text, ann, conf, visual] = brat::files(session);
            let text_path = folder.join(format!("{stem}.txt"));
            if let Ok(existing) = std::fs::read(&text_path)
                && existing != text
            {
                return Err(format!(
                    "{} already exists and holds other text: brat needs the review's text \
                     there. Export into another folder or under another name.",
                    text_path.display()
                ));
            }
            // A folder's brat configuration written by hand (for other documents) stays; one
            // an earlier export wrote is brought up to date.
            for conf_name in ["annotation.conf", "visual.conf"] {
                let path = folder.join(conf_name);
                if let Ok(existing) = std::fs::read_to_string(&path)
                    && !existing.starts_with(brat::CONF_HEADER)
                {
                    return Err(format!(
                        "{} is another brat configuration, not one claimlens wrote: it is \
                         left as it is. Export into another folder.",
                        path.display()
                    ));
                }
            }
            vec![
                (text_path, Contents::Bytes(text)),
                (target.to_path_buf(), Contents::Bytes(ann)),
                (folder.join("annotation.conf"), Contents::Bytes(conf)),
                (folder.join("visual.conf"), Contents::Bytes(visual)),
            ]
        }
        _ => {
            let mut files = vec![(target.to_path_buf(), Contents::Stream)];
            if format == Format::LabelStudio {
                // Label Studio needs a project whose labelling configuration names these labels.
                let stem = name.strip_suffix(".json").unwrap_or(&name);
                let config = labelstudio::config(session).into_bytes();
                files.push((folder.join(format!("{stem}.xml")), Contents::Bytes(config)));
            }
            files
        }
    };
    let mut written = Vec::new();
    for (path, contents) in files {
        crate::io::atomic::write_atomic(&path, |w| match &contents {
            Contents::Bytes(bytes) => w.write_all(bytes),
            Contents::Stream => export(session, format, w),
        })
        .map_err(|e| format!("Cannot write {}: {e}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

/// What goes into one exported file: bytes made beforehand (small files, and brat's, which
/// are all checked before any is written), or the format streamed straight into the file,
/// so that a 100 MB export is never held in memory.
enum Contents {
    Bytes(Vec<u8>),
    Stream,
}

/// The name an export of the session file `session_path` takes: `hyesan.review.ron` →
/// `hyesan`.
pub fn stem_of(session_path: &Path) -> String {
    let name = session_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    name.strip_suffix(".review.ron")
        .or_else(|| name.strip_suffix(".ron"))
        .unwrap_or(&name)
        .to_string()
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
    /// Who last changed the review (its creator if no one since); empty when unnamed.
    pub analyst: String,
}

/// The rows of every sentence, in order.
pub fn rows(session: &Session) -> Vec<Row> {
    let text = &session.article().text;
    let taxonomy = session.taxonomy();
    let mut rows = Vec::with_capacity(session.len());
    let positions = offsets::positions(text, session.sentences());
    let analyst = analyst(session).unwrap_or_default().to_string();
    for (i, span) in session.sentences().iter().enumerate() {
        let annotation = &session.annotations()[i];
        let (start_char, end_char) = positions[i].chars;
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
            analyst: analyst.clone(),
        });
    }
    rows
}

/// The analyst a review's exports name: who changed it last, else who created it.
pub fn analyst(session: &Session) -> Option<&str> {
    let p = session.provenance();
    p.changed_by.as_deref().or(p.created_by.as_deref())
}
