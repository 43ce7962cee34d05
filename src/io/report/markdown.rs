//! The report as Markdown (CommonMark with GitHub's tables and footnotes): each claim in bold
//! with a footnote that is its source note; the source mix as a table.

use super::{Markup, Piece, claim_list, details, endnote, paragraphs, warnings};
use crate::model::Session;
use crate::model::sourcing::Sourcing;
use std::fmt::Write as _;

/// Text with Markdown's special characters escaped, and on one line (a table cell, a note).
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

pub fn page(session: &Session, s: &Sourcing) -> String {
    let article = session.article();
    let mut m = String::with_capacity(article.text.len() * 2 + 8192);
    let _ = writeln!(m, "# Sourcing report: {}\n", esc(&article.title));
    for (k, v) in details(session) {
        let _ = writeln!(m, "- **{k}:** {}", esc(&v));
    }
    let w = warnings(s);
    let _ = writeln!(
        m,
        "\n## Summary\n\n{} claims in {} sentences. **{:.0}%** of the claims rest on a single \
         anonymous source that nothing corroborates. {} contradicted, {} labels not confirmed \
         by the analyst, {} sentences not reviewed.\n",
        s.claims.len(),
        s.sentences,
        s.single_anonymous_share() * 100.0,
        w.contradicted.len(),
        w.unconfirmed.len(),
        w.unreviewed_count
    );
    if !s.sources.is_empty() {
        m.push_str(
            "| Source | Kind | Descriptor | Reliability | Claims | Corroborated | Contradicted |\n",
        );
        m.push_str("|---|---|---|---|---:|---:|---:|\n");
        for r in &s.sources {
            let _ = writeln!(
                m,
                "| {} | {} | {} | {} — {} | {} | {} | {} |",
                esc(&r.name),
                esc(r.kind.as_deref().unwrap_or("")),
                esc(&r.descriptor),
                r.reliability.letter(),
                r.reliability.meaning(),
                r.claims,
                r.corroborated,
                r.contradicted
            );
        }
        m.push('\n');
    }
    if !s.mix.is_empty() {
        let total: usize = s.mix.iter().map(|x| x.2).sum();
        m.push_str("| Kind of source | Claims | Share |\n|---|---:|---:|\n");
        for (name, _, n) in &s.mix {
            let share = 100.0 * *n as f64 / total.max(1) as f64;
            let _ = writeln!(m, "| {} | {n} | {share:.0}% |", esc(name));
        }
        m.push('\n');
    }
    m.push_str("## Warnings\n\n");
    let mut any = false;
    for (what, list) in [
        (
            "Single anonymous source, uncorroborated",
            claim_list(&w.single_anonymous, 60),
        ),
        ("Contradicted", claim_list(&w.contradicted, 60)),
        (
            "Suggested by claimlens, never confirmed",
            claim_list(&w.unconfirmed, 60),
        ),
        ("Sentences not reviewed", w.unreviewed.clone()),
    ] {
        if !list.is_empty() {
            any = true;
            let _ = writeln!(m, "- **{what}:** {}", esc(&list));
        }
    }
    if !any {
        m.push_str("- None.\n");
    }
    m.push_str("\n## The report, claim by claim\n\n");
    for pieces in paragraphs(session, s) {
        for piece in pieces {
            match piece {
                Piece::Text(t) => m.push_str(&esc(t)),
                Piece::Claim(sentence, _, n) => {
                    let _ = write!(m, "**{}**[^{n}]", esc(sentence));
                }
            }
        }
        m.push_str("\n\n");
    }
    let markup = Markup {
        esc,
        strong: |t| format!("**{t}**"),
        claim_link: |n| format!("\\[{n}\\]"),
        unconfirmed: "*(label suggested, not confirmed)*",
    };
    for claim in &s.claims {
        let note = endnote(session, claim).render(&markup);
        let _ = writeln!(m, "[^{}]: {note}", claim.number);
    }
    m
}
