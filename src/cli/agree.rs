//! `claimlens agree`: how far analysts' reviews of one article agree.

use super::AgreeFormat as Format;
use crate::model::compare::{Counting, Figures, Lineup, NO_LABEL, line_up};
use crate::model::{Session, article::shorten};
use serde::Serialize;
use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;

pub(super) fn agree_command(
    paths: &[PathBuf],
    counting: Counting,
    format: Format,
    out: &mut dyn Write,
) -> Result<(), String> {
    let sessions = paths
        .iter()
        .map(|p| crate::io::load_session(p).map_err(|e| e.to_string()))
        .collect::<Result<Vec<Session>, String>>()?;
    let refs: Vec<&Session> = sessions.iter().collect();
    let lineup = line_up(&refs, counting).map_err(|e| {
        format!(
            "Cannot compare {}: {e}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )
    })?;
    let figures = Figures::of(&lineup, counting);
    let reviews: Vec<Review> = paths
        .iter()
        .zip(&sessions)
        .enumerate()
        .map(|(i, (path, s))| Review {
            letter: letter(i),
            file: path.display().to_string(),
            analyst: crate::io::export::analyst(s).map(str::to_string),
        })
        .collect();
    let text = match format {
        Format::Json => {
            let mut json = serde_json::to_string_pretty(&Output {
                reviews: &reviews,
                figures: &figures,
                lineup: LineupOut::of(&lineup),
            })
            .map_err(|e| format!("cannot write the figures: {e}"))?;
            json.push('\n');
            json
        }
        Format::Text => render(&sessions[0], &reviews, &lineup, &figures),
    };
    out.write_all(text.as_bytes())
        .map_err(|e| format!("cannot write output: {e}"))
}

fn letter(i: usize) -> String {
    if i < 26 {
        char::from(b'A' + i as u8).to_string()
    } else {
        format!("R{}", i + 1)
    }
}

#[derive(Serialize)]
struct Review {
    letter: String,
    file: String,
    analyst: Option<String>,
}

#[derive(Serialize)]
struct Output<'a> {
    reviews: &'a [Review],
    figures: &'a Figures,
    lineup: LineupOut<'a>,
}

#[derive(Serialize)]
struct LineupOut<'a> {
    boundaries: &'a [Option<crate::model::compare::Boundaries>],
    unaligned: &'a [crate::model::compare::Unaligned],
    unmatched_labels: &'a [crate::model::compare::UnmatchedLabel],
}

impl<'a> LineupOut<'a> {
    fn of(l: &'a Lineup) -> Self {
        LineupOut {
            boundaries: &l.boundaries,
            unaligned: &l.unaligned,
            unmatched_labels: &l.unmatched_labels,
        }
    }
}

fn figure(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_string(), |x| format!("{x:.3}"))
}

fn render(first: &Session, reviews: &[Review], lineup: &Lineup, f: &Figures) -> String {
    let mut s = String::new();
    let title = &first.article().title;
    let _ = writeln!(
        s,
        "Agreement of {} reviews of \"{}\"",
        reviews.len(),
        shorten(title, 70)
    );
    for r in reviews {
        let who = r.analyst.as_deref().unwrap_or("analyst not named");
        let _ = writeln!(s, "  {}  {} ({who})", r.letter, r.file);
    }
    let mut left_out = Vec::new();
    if !f.counting.unlabelled {
        left_out.push("sentences without a label (--unlabelled counts them)");
    }
    if !f.counting.suggested {
        left_out.push("suggestions nobody confirmed (--suggested counts them)");
    }
    let _ = writeln!(
        s,
        "\nUnits: the {} sentences of A; {} compared (labelled in at least two reviews).",
        f.units, f.compared
    );
    if left_out.is_empty() {
        let _ = writeln!(s, "Counted: every sentence, \"{NO_LABEL}\" as a value.");
    } else {
        let _ = writeln!(s, "Left out: {}.", left_out.join("; "));
    }
    let _ = writeln!(
        s,
        "\n  percent agreement      {}",
        figure(f.percent_agreement)
    );
    if f.reviews == 2 {
        let _ = writeln!(s, "  Cohen's κ              {}", figure(f.cohen_kappa));
    }
    let _ = writeln!(
        s,
        "  Fleiss' κ              {}   (over the {} units every review labelled)",
        figure(f.fleiss_kappa),
        f.fleiss_units
    );
    let _ = writeln!(
        s,
        "  Krippendorff's α       {}   (nominal; missing values allowed)",
        figure(f.alpha_nominal)
    );
    if !f.per_label.is_empty() {
        let width = f
            .per_label
            .iter()
            .map(|l| l.label.chars().count())
            .max()
            .unwrap_or(0);
        let _ = writeln!(
            s,
            "\nPer label (that label against any other):\n  {}  {:>6}  {:>6}  {:>6}  {:>6}  {:>6}",
            " ".repeat(width),
            "values",
            "agree",
            "κ Coh",
            "κ Fl",
            "α"
        );
        for l in &f.per_label {
            let pad = width - l.label.chars().count();
            let _ = writeln!(
                s,
                "  {}{}  {:>6}  {:>6}  {:>6}  {:>6}  {:>6}",
                l.label,
                " ".repeat(pad),
                l.values,
                figure(l.percent_agreement),
                figure(l.cohen_kappa),
                figure(l.fleiss_kappa),
                figure(l.alpha)
            );
        }
    }
    if !f.confusion.is_empty() {
        let _ = writeln!(
            s,
            "\nConfusion (rows: A's label, columns: B's), over units both labelled:"
        );
        let header: String = (1..=f.categories.len())
            .map(|n| format!("{n:>4}"))
            .collect();
        let _ = writeln!(s, "     {header}");
        for (i, name) in f.categories.iter().enumerate() {
            let row: Vec<String> = f.confusion[i].iter().map(|n| format!("{n:>4}")).collect();
            let _ = writeln!(s, "  {:>2} {}  {}", i + 1, row.join(""), shorten(name, 40));
        }
    }
    let _ = writeln!(
        s,
        "\nGrades (α ordinal; F and 6, \"cannot be judged\", left out):\n  reliability of the source  {} over {} claims\n  credibility of the claim   {} over {} claims",
        figure(f.reliability.alpha_ordinal),
        f.reliability.compared,
        figure(f.credibility.alpha_ordinal),
        f.credibility.compared
    );
    let _ = writeln!(
        s,
        "\nSentence boundaries (F1 over positions between sentences):"
    );
    for (i, b) in lineup.boundaries.iter().enumerate() {
        let other = &reviews[i + 1].letter;
        match b {
            Some(b) => {
                let _ = writeln!(
                    s,
                    "  A–{other}  {:.3}  ({} shared; A has {}, {other} has {})",
                    b.f1, b.shared, b.first, b.other
                );
            }
            None => {
                let _ = writeln!(
                    s,
                    "  A–{other}  — ({other} was made on another version of the text and re-anchored onto A's)"
                );
            }
        }
    }
    for m in &lineup.unmatched_labels {
        let _ = writeln!(
            s,
            "Label \"{}\" of {} ({} sentences) has no label of that name in the other review",
            m.label, reviews[m.review].letter, m.sentences
        );
    }
    for u in &lineup.unaligned {
        let _ = writeln!(
            s,
            "Not compared: a claim of {} (\"{}\"): {}",
            reviews[u.review].letter,
            shorten(&u.quote, 60),
            u.reason
        );
    }
    s
}
