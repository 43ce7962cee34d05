//! `claimlens corpus index|search|stats|export DIR`: a folder of reports for scripts and batch
//! work — the list with each report's progress and problems, search with keyword-in-context
//! lines, statistics per outlet, month and label, and every claim as one JSON line.

use crate::io::corpus::{Item, scan};
use crate::model::corpus::{Filters, Report, search, statistics};
use clap::{Subcommand, ValueEnum};
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};

mod across;
use across::{origins, sources};

#[derive(Debug, Subcommand)]
pub enum CorpusCommand {
    /// List every review and article in the folder (recursively): title, outlet, date, size,
    /// analysts, progress; a file that cannot be read is listed with its problem.
    Index {
        dir: PathBuf,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Find words in the text, notes and source names of every report: one line per match,
    /// with its context, the report, the sentence and its label.
    Search {
        dir: PathBuf,
        /// What to find (case aside).
        query: String,
        /// Only sentences with this label (its name or id).
        #[arg(long)]
        label: Option<String>,
        /// Only reports of this outlet.
        #[arg(long)]
        outlet: Option<String>,
        /// Only reports published on or after this day (2026-10 or 2026-10-15).
        #[arg(long)]
        from: Option<String>,
        /// Only reports published on or before this day (a month: to its end).
        #[arg(long)]
        to: Option<String>,
        /// Only sentences whose label is confirmed, or only suggested ones.
        #[arg(long, value_enum)]
        status: Option<StatusArg>,
        /// Only sentences whose label is of this kind (anonymous_source, official, other_media …).
        #[arg(long)]
        kind: Option<String>,
        /// Only claims whose source is graded so (A–F; a claim without a source counts as F).
        #[arg(long)]
        reliability: Option<char>,
        /// Only claims whose information is graded so (1–6).
        #[arg(long)]
        credibility: Option<u8>,
        /// Only claims linked to a source whose name holds these words ("Ryanggang").
        #[arg(long)]
        source: Option<String>,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Per outlet, month and label: reports, claims, the share resting on one anonymous
    /// source, the corroboration rate.
    Stats {
        dir: PathBuf,
        #[arg(long, value_enum, default_value_t = StatsFormat::Text)]
        format: StatsFormat,
    },
    /// Circular reporting: claims in different reports whose words are near-identical,
    /// grouped as one origin, the earliest report first.
    Origins {
        dir: PathBuf,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Sources across reports: the same outlet's source under the same description in
    /// several reports, proposed as one recurring source, with its claims and grades over time.
    Sources {
        dir: PathBuf,
        /// List the sources of one report too, not only those that recur.
        #[arg(long)]
        all: bool,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Decide whether a proposed recurring source (`corpus sources`) is one source: kept in
    /// the folder's corpus file (`.claimlens/corpus.ron`), which a team sharing the folder shares.
    Decide {
        dir: PathBuf,
        /// The outlet, as `corpus sources` names it.
        #[arg(long)]
        outlet: String,
        /// The source's description, as `corpus sources` names it ("a source in Rason").
        #[arg(long)]
        source: String,
        /// same: one source; split: not one source; undecided: take the decision back.
        #[arg(value_enum)]
        verdict: VerdictArg,
        /// Who decides (recorded with the decision).
        #[arg(long)]
        by: Option<String>,
    },
    /// Every claim of every review, one JSON object per line with its report's details.
    Export {
        dir: PathBuf,
        #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
        format: ExportFormat,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    Text,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    Confirmed,
    Suggested,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum VerdictArg {
    Same,
    Split,
    Undecided,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Jsonl,
}

pub(super) fn corpus_command(command: CorpusCommand, out: &mut dyn Write) -> Result<(), String> {
    let dir = match &command {
        CorpusCommand::Index { dir, .. }
        | CorpusCommand::Search { dir, .. }
        | CorpusCommand::Stats { dir, .. }
        | CorpusCommand::Origins { dir, .. }
        | CorpusCommand::Sources { dir, .. }
        | CorpusCommand::Decide { dir, .. }
        | CorpusCommand::Export { dir, .. } => dir.clone(),
    };
    if !dir.is_dir() {
        return Err(format!("{}: not a folder", dir.display()));
    }
    let items = scan(&dir).map_err(|e| e.to_string())?;
    let written = match command {
        CorpusCommand::Index { format, .. } => index(&items, format, out),
        CorpusCommand::Search {
            query,
            label,
            outlet,
            from,
            to,
            status,
            kind,
            reliability,
            credibility,
            source,
            format,
            ..
        } => {
            use crate::model::{Credibility, Reliability, SourceKind};
            let kind = one_of(
                &SourceKind::ALL,
                kind,
                |x, k| x.as_str() == k,
                ("--kind", "a kind of source"),
            )?;
            let reliability = one_of(
                &Reliability::ALL,
                reliability,
                |x, r| x.letter() == r.to_ascii_uppercase(),
                ("--reliability", "a letter from A to F"),
            )?;
            let credibility = one_of(
                &Credibility::ALL,
                credibility,
                |x, c| x.digit() == *c,
                ("--credibility", "a digit from 1 to 6"),
            )?;
            let status = status.map(|s| match s {
                StatusArg::Confirmed => crate::model::Status::Confirmed,
                StatusArg::Suggested => crate::model::Status::Suggested,
            });
            let filters = Filters {
                label,
                outlet,
                from,
                to,
                status,
                kind,
                reliability,
                credibility,
                source,
            };
            find(&items, &query, &filters, format, out)
        }
        CorpusCommand::Stats { format, .. } => stats(&items, format, out),
        CorpusCommand::Origins { format, .. } => origins(&items, format, out),
        CorpusCommand::Sources { all, format, .. } => {
            let decisions = crate::io::corpus_file::load(&dir).map_err(|e| e.to_string())?;
            sources(&items, &decisions, all, format, out)
        }
        CorpusCommand::Decide {
            outlet,
            source,
            verdict,
            by,
            ..
        } => return across::decide(&dir, &items, (&outlet, &source), verdict, by, out),
        CorpusCommand::Export { .. } => export(&items, out),
    };
    written.map_err(|e| format!("cannot write output: {e}"))
}

/// The one of `all` that the value given on the command line names, if one was given; the
/// message says what `flag` takes otherwise.
fn one_of<T: Copy, V: std::fmt::Display>(
    all: &[T],
    given: Option<V>,
    names: impl Fn(T, &V) -> bool,
    (flag, takes): (&str, &str),
) -> Result<Option<T>, String> {
    let Some(given) = given else {
        return Ok(None);
    };
    all.iter()
        .copied()
        .find(|&x| names(x, &given))
        .map(Some)
        .ok_or_else(|| format!("{flag} {given}: not {takes}"))
}

/// The reports that have an article to read: reviews and unreviewed articles.
pub(super) fn reports(items: &[Item]) -> Vec<Report<'_>> {
    items
        .iter()
        .filter_map(|item| {
            let article = match &item.content {
                crate::io::corpus::Content::Review(s) => s.article(),
                crate::io::corpus::Content::Unreviewed(a) => a,
                _ => return None,
            };
            Some(Report::of(&item.name, article, item.session()))
        })
        .collect()
}

#[derive(Serialize)]
struct Listed<'a> {
    file: &'a str,
    kind: &'static str,
    article: Option<String>,
    title: String,
    outlet: Option<&'a str>,
    published: Option<&'a str>,
    bytes: u64,
    analysts: Vec<&'a str>,
    progress: crate::io::corpus::Progress,
    problem: Option<&'a str>,
}

fn listed(item: &Item) -> Listed<'_> {
    use crate::io::corpus::Content::*;
    Listed {
        file: &item.name,
        kind: match item.content {
            Review(_) => "review",
            Damaged(_) => "damaged review",
            Unreviewed(_) => "article",
            Unreadable(_) => "unreadable article",
        },
        article: item
            .article
            .as_deref()
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned()),
        title: item.title(),
        outlet: item.outlet(),
        published: item.published(),
        bytes: item.bytes,
        analysts: item.analysts(),
        progress: item.progress(),
        problem: item.problem(),
    }
}

fn index(items: &[Item], format: ListFormat, out: &mut dyn Write) -> std::io::Result<()> {
    let rows: Vec<Listed> = items.iter().map(listed).collect();
    if format == ListFormat::Json {
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        return writeln!(out);
    }
    for row in &rows {
        let p = row.progress;
        let state = match row.problem {
            Some(problem) => format!("cannot be read: {problem}"),
            None => format!(
                "{} sentences: {} reviewed, {} suggested, {} untouched",
                p.sentences, p.reviewed, p.suggested, p.untouched
            ),
        };
        let of = row
            .article
            .as_deref()
            .map_or(String::new(), |a| format!(" of {a}"));
        writeln!(
            out,
            "{}  [{}{of}]  {}  —  {}, {}{}  —  {state}",
            row.file,
            row.kind,
            row.title,
            row.outlet.unwrap_or("outlet not known"),
            row.published.unwrap_or("no date"),
            if row.analysts.is_empty() {
                String::new()
            } else {
                format!(", by {}", row.analysts.join(", "))
            }
        )?;
    }
    let reviewed = rows.iter().filter(|r| r.kind == "review").count();
    let problems = rows.iter().filter(|r| r.problem.is_some()).count();
    let unreviewed = rows.iter().filter(|r| r.kind == "article").count();
    writeln!(
        out,
        "{} files: {reviewed} reviews, {unreviewed} articles without a review, {problems} that \
         cannot be read",
        rows.len()
    )
}

#[derive(Serialize)]
struct Found<'a> {
    file: &'a str,
    #[serde(flatten)]
    hit: &'a crate::model::corpus::Hit,
}

fn find(
    items: &[Item],
    query: &str,
    filters: &Filters,
    format: ListFormat,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let plain = reports(items);
    let hits = search(&plain, query, filters);
    if format == ListFormat::Json {
        let found: Vec<Found> = hits
            .iter()
            .map(|hit| Found {
                file: plain[hit.report].name,
                hit,
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &found)?;
        return writeln!(out);
    }
    for hit in &hits {
        let place = match hit.sentence {
            Some(i) => format!("{}:{}", plain[hit.report].name, i + 1),
            None => plain[hit.report].name.to_string(),
        };
        let field = match hit.field {
            crate::model::corpus::Field::Text => String::new(),
            crate::model::corpus::Field::Note => " (note)".to_string(),
            crate::model::corpus::Field::Source => " (source)".to_string(),
        };
        let label = hit
            .label
            .as_deref()
            .map_or(String::new(), |l| format!("  [{l}]"));
        writeln!(
            out,
            "{place}{field}  {}[{}]{}{label}",
            hit.before, hit.matched, hit.after
        )?;
    }
    writeln!(out, "{} matches", hits.len())
}

fn stats(items: &[Item], format: StatsFormat, out: &mut dyn Write) -> std::io::Result<()> {
    let reports = reports(items);
    let rows = statistics(&reports);
    match format {
        StatsFormat::Csv => {
            let mut csv = csv::Writer::from_writer(&mut *out);
            csv.write_record([
                "outlet",
                "month",
                "label",
                "reports",
                "claims",
                "single_anonymous",
                "single_anonymous_share",
                "corroborated",
                "corroboration_rate",
            ])?;
            for r in &rows {
                csv.write_record([
                    r.outlet.clone(),
                    r.month.clone(),
                    r.label.clone(),
                    r.reports.to_string(),
                    r.claims.to_string(),
                    r.single_anonymous.to_string(),
                    format!("{:.3}", r.single_anonymous_share()),
                    r.corroborated.to_string(),
                    format!("{:.3}", r.corroboration_rate()),
                ])?;
            }
            csv.flush()
        }
        StatsFormat::Text => {
            for r in &rows {
                writeln!(
                    out,
                    "{:<28} {:<10} {:<28} {:>4} reports {:>6} claims  single anonymous {:>5.1} %  corroborated {:>5.1} %",
                    r.outlet,
                    r.month,
                    r.label,
                    r.reports,
                    r.claims,
                    100.0 * r.single_anonymous_share(),
                    100.0 * r.corroboration_rate()
                )?;
            }
            Ok(())
        }
    }
}

#[derive(Serialize)]
struct Line<'a> {
    file: &'a str,
    title: &'a str,
    outlet: Option<&'a str>,
    published: Option<&'a str>,
    article_sha256: &'a str,
    #[serde(flatten)]
    row: &'a crate::io::export::Row,
}

/// One line per judged sentence of every review, in the order of the list.
fn export(items: &[Item], out: &mut dyn Write) -> std::io::Result<()> {
    for item in items {
        let Some(session) = item.session() else {
            continue;
        };
        let article = session.article();
        for row in crate::io::export::rows(session) {
            if row.label.is_empty() && row.source.is_empty() && row.note.is_empty() {
                continue;
            }
            serde_json::to_writer(
                &mut *out,
                &Line {
                    file: &item.name,
                    title: &article.title,
                    outlet: article.meta.site_name.as_deref(),
                    published: article.meta.published.as_deref(),
                    article_sha256: &article.sha256,
                    row: &row,
                },
            )?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()
}
