//! The corpus commands that look across reports: sources that recur (`corpus sources`) and
//! claims relayed from one origin (`corpus origins`).

use super::{ListFormat, VerdictArg, reports};
use crate::io::corpus::Item;
use crate::io::corpus_file::{CorpusFile, Verdict};
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct SourceOut<'a> {
    name: &'a str,
    outlet: &'a str,
    kind: Option<&'a str>,
    reports: usize,
    claims: usize,
    /// "proposed", "same" (confirmed as one source) or "split" (not one source).
    decision: &'static str,
    appearances: Vec<AppearanceOut<'a>>,
}

#[derive(Serialize)]
struct AppearanceOut<'a> {
    file: &'a str,
    published: Option<&'a str>,
    claims: usize,
    reliability: char,
}

pub(super) fn sources(
    items: &[Item],
    decisions: &CorpusFile,
    all: bool,
    format: ListFormat,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let reports = reports(items);
    let found = crate::model::recurring::recurring(&reports);
    let shown: Vec<SourceOut> = found
        .iter()
        .filter(|g| all || g.appearances.len() > 1)
        .map(|g| SourceOut {
            name: &g.name,
            outlet: &g.outlet,
            kind: g.kind.as_deref(),
            reports: g.appearances.len(),
            claims: g.claims(),
            decision: match decisions.verdict(&g.outlet, &g.description) {
                None => "proposed",
                Some(Verdict::Same) => "same",
                Some(Verdict::Split) => "split",
            },
            appearances: g
                .appearances
                .iter()
                .map(|a| AppearanceOut {
                    file: reports[a.report].name,
                    published: a.published.as_deref(),
                    claims: a.claims,
                    reliability: a.reliability.letter(),
                })
                .collect(),
        })
        .collect();
    if format == ListFormat::Json {
        serde_json::to_writer_pretty(&mut *out, &shown)?;
        return writeln!(out);
    }
    for s in &shown {
        let grades: Vec<String> = s
            .appearances
            .iter()
            .map(|a| format!("{} {}", a.published.unwrap_or("no date"), a.reliability))
            .collect();
        let decided = match s.decision {
            "same" if s.reports > 1 => " — confirmed: one source",
            "split" => " — split: not one source",
            _ => "",
        };
        writeln!(
            out,
            "{} ({}{}): {} reports, {} claims; reliability {}{decided}",
            s.name,
            s.outlet,
            s.kind.map_or(String::new(), |k| format!(", {k}")),
            s.reports,
            s.claims,
            grades.join(", ")
        )?;
        for a in &s.appearances {
            writeln!(out, "    {}  {} claims", a.file, a.claims)?;
        }
    }
    let recurring: Vec<_> = found.iter().filter(|g| g.appearances.len() > 1).collect();
    let open = recurring
        .iter()
        .filter(|g| decisions.verdict(&g.outlet, &g.description).is_none())
        .count();
    writeln!(
        out,
        "{} sources recur in more than one report; {open} still proposed (decide with \
         `claimlens corpus decide DIR --outlet … --source … same|split`)",
        recurring.len()
    )
}

/// `corpus decide`: records in the folder's corpus file whether a recurring source is one.
pub(super) fn decide(
    dir: &std::path::Path,
    items: &[Item],
    (outlet, source): (&str, &str),
    verdict: VerdictArg,
    by: Option<String>,
    out: &mut dyn Write,
) -> Result<(), String> {
    let reports = reports(items);
    let found = crate::model::recurring::recurring(&reports);
    let description = crate::model::recurring::description(source);
    let Some(group) = found
        .iter()
        .find(|g| g.outlet.eq_ignore_ascii_case(outlet) && g.description == description)
    else {
        return Err(format!(
            "{} has no source \"{source}\" of {outlet}: `claimlens corpus sources {} --all` lists them",
            dir.display(),
            dir.display()
        ));
    };
    let mut decisions = crate::io::corpus_file::load(dir).map_err(|e| e.to_string())?;
    let verdict = match verdict {
        VerdictArg::Same => Some(Verdict::Same),
        VerdictArg::Split => Some(Verdict::Split),
        VerdictArg::Undecided => None,
    };
    decisions.decide(&group.outlet, &group.description, verdict, by.as_deref());
    crate::io::corpus_file::save(dir, &decisions).map_err(|e| e.to_string())?;
    let said = match verdict {
        Some(Verdict::Same) => "one source",
        Some(Verdict::Split) => "not one source (split)",
        None => "proposed again (decision taken back)",
    };
    writeln!(
        out,
        "{} ({}), in {} reports: {said}; kept in {}",
        group.name,
        group.outlet,
        group.appearances.len(),
        crate::io::corpus_file::path_of(dir).display()
    )
    .map_err(|e| format!("cannot write output: {e}"))
}

#[derive(Serialize)]
struct OriginOut<'a> {
    reports: usize,
    outlets: usize,
    claims: Vec<ClaimOut<'a>>,
}

#[derive(Serialize)]
struct ClaimOut<'a> {
    file: &'a str,
    /// From 1.
    sentence: usize,
    outlet: &'a str,
    published: Option<&'a str>,
    text: &'a str,
}

pub(super) fn origins(
    items: &[Item],
    format: ListFormat,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let reports = reports(items);
    let groups = crate::model::origins::origins(&reports);
    let described: Vec<OriginOut> = groups
        .iter()
        .map(|g| OriginOut {
            reports: g.reports,
            outlets: g.outlets,
            claims: g
                .claims
                .iter()
                .filter_map(|c| {
                    let r = &reports[c.report];
                    Some(ClaimOut {
                        file: r.name,
                        sentence: c.sentence + 1,
                        outlet: r.outlet(),
                        published: r.published(),
                        text: r.session?.sentence_text(c.sentence),
                    })
                })
                .collect(),
        })
        .collect();
    if format == ListFormat::Json {
        serde_json::to_writer_pretty(&mut *out, &described)?;
        return writeln!(out);
    }
    for g in &described {
        writeln!(
            out,
            "Same origin: {} claims in {} reports of {} outlets",
            g.claims.len(),
            g.reports,
            g.outlets
        )?;
        for (k, c) in g.claims.iter().enumerate() {
            writeln!(
                out,
                "  {} {}:{} ({}, {})  {}",
                if k == 0 { "first" } else { "then " },
                c.file,
                c.sentence,
                c.outlet,
                c.published.unwrap_or("no date"),
                crate::model::article::shorten(c.text, 90)
            )?;
        }
    }
    writeln!(
        out,
        "{} origins shared by more than one report",
        described.len()
    )
}
