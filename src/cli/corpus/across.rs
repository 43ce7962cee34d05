//! The corpus commands that look across reports: sources that recur (`corpus sources`) and
//! claims relayed from one origin (`corpus origins`).

use super::{ListFormat, reports};
use crate::io::corpus::Item;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct SourceOut<'a> {
    name: &'a str,
    outlet: &'a str,
    kind: Option<&'a str>,
    reports: usize,
    claims: usize,
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
        writeln!(
            out,
            "{} ({}{}): {} reports, {} claims; reliability {}",
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
    let recurring = found.iter().filter(|g| g.appearances.len() > 1).count();
    writeln!(
        out,
        "{recurring} sources recur in more than one report (proposed: confirm or split them)"
    )
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
                        published: r.article.meta.published.as_deref(),
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
