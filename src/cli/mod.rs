//! Command-line interface: with no subcommand the GUI starts (optionally on a file); the
//! subcommands do headless work for scripts.

mod agree;
mod corpus;
mod exchange;

use crate::io::{FileError, Problem, read_article};
use crate::model::{Article, segment::segment};
use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Parser)]
#[command(
    name = "claimlens",
    version,
    about = "Review sourced reports sentence by sentence: who says each thing?",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Articles (.txt, .md, saved web pages .html/.htm) or review sessions (.ron) to open, each
    /// a review of its own;
    /// without any, a sample report.
    pub files: Vec<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Headless>,
}

#[derive(Debug, Subcommand)]
pub enum Headless {
    /// Split an article into sentences and print them.
    Segment {
        /// The article file, or `-` for standard input.
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
    /// Check session files (and article files): print each problem with file, line and column;
    /// exit 0 only when all are valid.
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Suggest each sentence's kind of source, with the cue phrase; or write a review session
    /// with the suggestions in place, ready to open in the app.
    Suggest {
        /// The article file, or `-` for standard input.
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Write a review session (.ron) with the suggestions as unconfirmed labels instead.
        #[arg(long, value_name = "OUT.ron")]
        session: Option<PathBuf>,
        /// With --session: replace the file even if it is read-only or not a claimlens session.
        #[arg(long, requires = "session")]
        force: bool,
    },
    /// Print the text claimlens reviews in an article file (the text extracted from a web page),
    /// as it would be stored in a session.
    Text {
        /// The article file, or `-` for standard input.
        file: PathBuf,
        /// First print what the page said about itself (title, byline, date, publisher,
        /// address, language), one `field: value` line each, then a blank line.
        #[arg(long)]
        meta: bool,
    },
    /// Export reviews for other tools: one row per sentence with its label, source, grade,
    /// hedging, note and links, and byte and character offsets.
    Export {
        /// Review sessions (.ron).
        #[arg(required = true)]
        sessions: Vec<PathBuf>,
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// The file to write (one session), or a folder for several (each `<name>.csv` …);
        /// standard output when not given.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Write the sourcing report of reviews for a reader: a printable HTML page or Markdown
    /// with the summary, warnings, the text with each claim numbered, and source notes.
    Report {
        /// Review sessions (.ron).
        #[arg(required = true)]
        sessions: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
        format: ReportFormat,
        /// The file to write (one session), or a folder for several; standard output when
        /// not given.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Measure how far analysts' reviews of one article agree: percent agreement, Cohen's κ,
    /// Fleiss' κ and Krippendorff's α overall and per label, the confusion matrix, agreement
    /// on grades and on sentence boundaries. The unit is a sentence of the first review.
    Agree {
        /// Two or more review sessions (.ron) of the same article.
        #[arg(required = true, num_args = 2..)]
        sessions: Vec<PathBuf>,
        /// Count sentences without a label as the value "(no label)" (left out by default).
        #[arg(long)]
        unlabelled: bool,
        /// Count suggestions nobody confirmed as the analyst's labels (left out by default).
        #[arg(long)]
        suggested: bool,
        #[arg(long, value_enum, default_value_t = AgreeFormat::Text)]
        format: AgreeFormat,
    },
    /// A folder of reports: `index` (the list, with progress and problems), `search`,
    /// `stats` (per outlet, month and label), `export` (every claim as a JSON line).
    Corpus {
        #[command(subcommand)]
        command: corpus::CorpusCommand,
    },
    /// Import annotations made in another tool (W3C Web Annotation, brat .ann, Label Studio
    /// JSON, doccano JSONL) as a review session of the article; prints what was imported
    /// and what could not be placed.
    Import {
        /// The annotation file.
        file: PathBuf,
        /// The article the annotations are on; without it, the text the file carries
        /// (Label Studio, doccano, brat's .txt).
        #[arg(long, value_name = "ARTICLE")]
        article: Option<PathBuf>,
        /// The review session to write.
        #[arg(short, long, value_name = "SESSION.ron")]
        output: PathBuf,
        /// Of a Label Studio task with several annotators' annotations, the one to take (from 1).
        #[arg(long, value_name = "N")]
        annotation: Option<usize>,
        /// Replace the output even if it is read-only or not a claimlens session.
        #[arg(long)]
        force: bool,
    },
    /// Print the keyboard shortcuts and mouse gestures as a Markdown table (the README's).
    Keys,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AgreeFormat {
    /// The figures and tables, for a reader.
    Text,
    /// The same figures as one JSON object: reviews, figures (overall, per label, confusion,
    /// grades), lineup (boundaries, claims not compared, labels without a match).
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// A self-contained HTML page (no external assets) that prints on A4 and Letter.
    Html,
    /// Markdown with tables and footnotes.
    Md,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Comma-separated values with a header row (UTF-8 with a byte-order mark).
    Csv,
    /// JSON Lines: an article line, then one object per judged sentence.
    Jsonl,
    /// A W3C Web Annotation collection (JSON-LD); positions in code points.
    W3c,
    /// brat standoff: .txt, .ann, annotation.conf and visual.conf (needs -o).
    Brat,
    /// A Label Studio task (JSON; offsets in code points, as Label Studio stores them) and its
    /// labelling configuration.
    Labelstudio,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A JSON array of {"start", "end", "text", "quote_group"}; offsets are bytes of the
    /// normalized text.
    Json,
    /// One sentence per line.
    Text,
}

#[derive(Serialize)]
struct SentenceOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    /// Sentences of one quotation that spans several sentences share an id.
    quote_group: Option<u32>,
}

#[derive(Serialize)]
struct SuggestionOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    kind: &'static str,
    label: Option<&'a str>,
    location: Option<&'a str>,
    unmatched_location: Option<&'a str>,
    cue: Option<[usize; 2]>,
    confidence: f32,
    rules: &'a [&'static str],
    carried_from: Option<usize>,
    /// The source the engine resolved the sentence to: the same index on every sentence that
    /// rests on it.
    source: Option<SourceOut<'a>>,
}

#[derive(Serialize)]
struct SourceOut<'a> {
    index: usize,
    name: &'a str,
}

/// Refuses to write a session over a file that is not one, or that is read-only, unless forced.
fn may_replace(path: &Path, force: bool) -> Result<(), String> {
    use crate::io::session_file::{is_read_only, looks_like_session};
    let problem = if force || !path.exists() || path.is_dir() {
        return Ok(());
    } else if !looks_like_session(path) {
        Problem::NotASessionToReplace
    } else if is_read_only(path) {
        Problem::ReadOnly
    } else {
        return Ok(());
    };
    Err(format!(
        "{} (use --force to replace it)",
        FileError::save(path, problem)
    ))
}

fn suggest_command(
    file: &Path,
    format: Format,
    (session_out, force): (Option<&Path>, bool),
    out: &mut dyn Write,
) -> Result<(), String> {
    if let Some(path) = session_out {
        may_replace(path, force)?;
    }
    // Detached: the engine's tables block until built, whichever thread started them.
    std::thread::spawn(crate::model::suggest::warm_up);
    let article = read_input(file).map_err(|e| e.to_string())?;
    let (session, suggestions) = crate::app::open::new_review(article, &Default::default());
    if let Some(path) = session_out {
        crate::io::session_file::save_session_replacing(path, &session)
            .map_err(|e| e.to_string())?;
        let placed = session.stats().suggested;
        let proposed = session.sources().iter().filter(|s| s.proposed).count();
        return writeln!(
            out,
            "{}: {} sentences, {placed} suggested labels, {proposed} proposed sources",
            path.display(),
            session.len()
        )
        .map_err(|e| format!("cannot write output: {e}"));
    }
    let text = &session.article().text;
    let rows: Vec<SuggestionOut> = session
        .sentences()
        .iter()
        .zip(&suggestions)
        .map(|(span, s)| SuggestionOut {
            start: span.start,
            end: span.end,
            text: &text[span.range()],
            kind: s.kind.as_str(),
            label: s.label.as_ref().map(|l| l.as_str()),
            location: s.location.as_deref(),
            unmatched_location: s.unmatched_location.as_deref(),
            cue: s.cue.map(|c| [c.start, c.end]),
            confidence: (s.confidence * 100.0).round() / 100.0,
            rules: &s.rules,
            carried_from: s.carried_from,
            source: s.source.as_ref().map(|p| SourceOut {
                index: p.index,
                name: &p.name,
            }),
        })
        .collect();
    let result = match format {
        Format::Json => serde_json::to_writer_pretty(&mut *out, &rows)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out)),
        Format::Text => rows.iter().try_for_each(|r| {
            writeln!(
                out,
                "{}\t{}\t{:.2}\t{}",
                r.kind,
                r.label.unwrap_or("-"),
                r.confidence,
                r.text.replace('\n', " ")
            )
        }),
    };
    result.map_err(|e| format!("cannot write output: {e}"))
}

/// Runs a headless command; the error is the message for stderr.
/// `check`: one line per file; the error lists the files that failed.
fn check_command(files: &[PathBuf], out: &mut dyn Write) -> Result<(), String> {
    let mut failed = Vec::new();
    for file in files {
        let line = match crate::io::open_path(file) {
            Ok(crate::io::Opened::Session(s)) => format!(
                "{}: ok (session, {} sentences, {} claims)",
                file.display(),
                s.len(),
                s.annotations().iter().filter(|a| !a.is_blank()).count()
            ),
            Ok(crate::io::Opened::Article(a, encoding)) => format!(
                "{}: ok (article, {encoding}, {} bytes of text)",
                file.display(),
                a.text.len()
            ),
            Err(e) => {
                failed.push(file.display().to_string());
                e.to_string()
            }
        };
        writeln!(out, "{line}").map_err(|e| format!("cannot write output: {e}"))?;
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} of {} files have problems",
            failed.len(),
            files.len()
        ))
    }
}

pub fn run(command: Headless, out: &mut dyn Write) -> Result<(), String> {
    match command {
        Headless::Keys => out
            .write_all(crate::app::command_table::markdown().as_bytes())
            .map_err(|e| format!("cannot write the key table: {e}")),
        Headless::Check { files } => check_command(&files, out),
        Headless::Suggest {
            file,
            format,
            session,
            force,
        } => suggest_command(&file, format, (session.as_deref(), force), out),
        Headless::Export {
            sessions,
            format,
            output,
        } => exchange::export_command(&sessions, format, output.as_deref(), out),
        Headless::Report {
            sessions,
            format,
            output,
        } => {
            let format = match format {
                ReportFormat::Html => crate::io::export::Format::ReportHtml,
                ReportFormat::Md => crate::io::export::Format::ReportMarkdown,
            };
            exchange::write_files(&sessions, format, output.as_deref(), out)
        }
        Headless::Agree {
            sessions,
            unlabelled,
            suggested,
            format,
        } => agree::agree_command(
            &sessions,
            crate::model::compare::Counting {
                unlabelled,
                suggested,
            },
            format,
            out,
        ),
        Headless::Corpus { command } => corpus::corpus_command(command, out),
        Headless::Import {
            file,
            article,
            output,
            annotation,
            force,
        } => {
            may_replace(&output, force)?;
            exchange::import_command(&file, article.as_deref(), &output, annotation, out)
        }
        Headless::Text { file, meta } => {
            let article = read_input(&file).map_err(|e| e.to_string())?;
            let mut result = Ok(());
            if meta {
                let m = &article.meta;
                let fields = [
                    ("title", Some(&article.title)),
                    ("byline", m.byline.as_ref()),
                    ("published", m.published.as_ref()),
                    ("site", m.site_name.as_ref()),
                    ("url", m.url.as_ref()),
                    ("language", m.language.as_ref()),
                    ("format", m.original.as_ref().map(|o| &o.format)),
                ];
                result = fields
                    .into_iter()
                    .filter_map(|(k, v)| v.map(|v| (k, v)))
                    .try_for_each(|(k, v)| writeln!(out, "{k}: {v}"))
                    .and_then(|()| writeln!(out));
            }
            result
                .and_then(|()| write!(out, "{}", article.text))
                .map_err(|e| format!("cannot write output: {e}"))
        }
        Headless::Segment { file, format } => {
            let article = read_input(&file).map_err(|e| e.to_string())?;
            let seg = segment(&article.text);
            let text = &article.text;
            let result = match format {
                Format::Json => {
                    let rows: Vec<SentenceOut> = seg
                        .sentences
                        .iter()
                        .zip(&seg.quote_groups)
                        .map(|(s, &quote_group)| SentenceOut {
                            start: s.start,
                            end: s.end,
                            text: &text[s.range()],
                            quote_group,
                        })
                        .collect();
                    serde_json::to_writer_pretty(&mut *out, &rows)
                        .map_err(std::io::Error::from)
                        .and_then(|()| writeln!(out))
                }
                Format::Text => seg.sentences.iter().try_for_each(|s| {
                    // A sentence may span a hard-wrapped line; one line per sentence is the
                    // promise of this format.
                    writeln!(out, "{}", text[s.range()].replace('\n', " "))
                }),
            };
            result.map_err(|e| format!("cannot write output: {e}"))
        }
    }
}

fn read_input(path: &Path) -> Result<Article, FileError> {
    if path.as_os_str() == "-" {
        // Standard input may carry any format (a PDF piped in): its bytes say which.
        let bytes =
            crate::io::bounded::read_within(std::io::stdin().lock(), crate::io::pdf::MAX_PDF_BYTES)
                .map_err(|p| FileError::open(path, p))?;
        let limit = crate::io::article_file::MAX_ARTICLE_BYTES;
        let document = crate::io::pdf::is_pdf(&bytes) || bytes.starts_with(b"PK\x03\x04");
        if !document && bytes.len() as u64 > limit {
            return Err(FileError::open(path, Problem::TooLargeStream { limit }));
        }
        return crate::io::article_file::article_from_file_bytes(&bytes, "stdin", None)
            .map(|(article, _)| article)
            .map_err(|p| FileError::open(path, p));
    }
    read_article(path)
}
