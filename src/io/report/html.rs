//! The report as one HTML page: styles inline, the chart inline SVG, nothing fetched; sized
//! in relative units and printable on A4 and Letter alike (the page's margins, not its width,
//! are set; tables and notes do not break inside a row).

use super::{Markup, Piece, claim_list, details, endnote, paragraphs, warnings};
use crate::model::Session;
use crate::model::sourcing::Sourcing;
use std::fmt::Write as _;

const STYLE: &str = "\
@page { margin: 16mm 15mm; }
body { font: 11pt/1.5 Georgia, 'DejaVu Serif', serif; color: #1b1b1b; max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.5em; margin-bottom: 0.1em; } h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid #999; }
.title { font-size: 1.2em; font-style: italic; margin-top: 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1em 1em; font-size: 0.9em; }
dt { font-weight: bold; } dd { margin: 0; overflow-wrap: anywhere; }
table { width: 100%; border-collapse: collapse; font-size: 0.85em; }
th, td { border: 1px solid #bbb; padding: 0.25em 0.4em; text-align: left; vertical-align: top; }
tr, li, figure { break-inside: avoid; page-break-inside: avoid; }
td.n { text-align: right; }
.warn li { margin-bottom: 0.3em; }
.claim { border-bottom: 2px solid var(--c); background: color-mix(in srgb, var(--c) 12%, transparent); }
.claim.unconfirmed { border-bottom-style: dashed; }
sup a { text-decoration: none; font-size: 0.75em; }
.notes li { margin-bottom: 0.5em; font-size: 0.9em; }
.weak { color: #555; }
figure { margin: 1em 0; } svg { width: 100%; height: auto; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
";

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

pub fn page(session: &Session, sourcing: &Sourcing) -> String {
    let article = session.article();
    let lang = article.meta.language.as_deref().unwrap_or("en");
    let mut h = String::with_capacity(article.text.len() * 2 + 16_384);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"generator\" content=\"claimlens {}\">\n<title>Sourcing report: {}</title>\n\
         <style>\n{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>Sourcing report</h1>\n\
         <p class=\"title\">{}</p>\n<dl>\n",
        esc(lang),
        env!("CARGO_PKG_VERSION"),
        esc(&article.title),
        esc(&article.title)
    );
    for (k, v) in details(session) {
        let _ = writeln!(h, "<dt>{k}</dt><dd>{}</dd>", esc(&v));
    }
    h.push_str("</dl>\n</header>\n");
    summary(&mut h, sourcing);
    warnings_section(&mut h, sourcing);
    text_section(&mut h, session, sourcing);
    notes_section(&mut h, session, sourcing);
    h.push_str(
        "<footer class=\"weak\"><p>Grades: source reliability A (completely reliable) to E \
         (unreliable), F (cannot be judged); information credibility 1 (confirmed by other \
         sources) to 5 (improbable), 6 (cannot be judged). A claim is corroborated when a claim \
         of another source corroborates it. Dashed underlines mark labels claimlens suggested \
         that the analyst did not confirm.</p></footer>\n</body>\n</html>\n",
    );
    h
}

fn summary(h: &mut String, s: &Sourcing) {
    let w = warnings(s);
    let share = s.single_anonymous_share() * 100.0;
    let _ = write!(
        h,
        "<section>\n<h2>Summary</h2>\n<p>{} claims in {} sentences. <strong>{share:.0}%</strong> \
         of the claims rest on a single anonymous source that nothing corroborates. {} \
         contradicted, {} labels not confirmed by the analyst, {} sentences not reviewed.</p>\n",
        s.claims.len(),
        s.sentences,
        w.contradicted.len(),
        w.unconfirmed.len(),
        w.unreviewed_count
    );
    if s.sources.is_empty() {
        h.push_str("<p class=\"weak\">The analyst identified no sources.</p>\n");
    } else {
        h.push_str(
            "<table>\n<thead><tr><th>Source</th><th>Kind</th><th>Descriptor</th>\
             <th>Reliability</th><th>Claims</th><th>Corroborated</th><th>Contradicted</th>\
             </tr></thead>\n<tbody>\n",
        );
        for r in &s.sources {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{} <span class=\"weak\">{}</span></td><td class=\"n\">{}</td>\
                 <td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                esc(&r.name),
                esc(r.kind.as_deref().unwrap_or("")),
                esc(&r.descriptor),
                r.reliability.letter(),
                r.reliability.meaning().trim_start_matches("reliability "),
                r.claims,
                r.corroborated,
                r.contradicted
            );
        }
        h.push_str("</tbody>\n</table>\n");
    }
    chart(h, s);
    h.push_str("</section>\n");
}

/// The source mix: one bar per label, in the label's colour, with its count.
fn chart(h: &mut String, s: &Sourcing) {
    if s.mix.is_empty() {
        return;
    }
    let max = s.mix.iter().map(|m| m.2).max().unwrap_or(1).max(1);
    let row = 22;
    let height = s.mix.len() * row + 8;
    let _ = write!(
        h,
        "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 {height}\" \
         role=\"img\" aria-label=\"Claims per kind of source\">\n"
    );
    for (k, (name, colour, n)) in s.mix.iter().enumerate() {
        let y = k * row + 4;
        let width = 380 * n / max;
        let _ = writeln!(
            h,
            "<text x=\"205\" y=\"{}\" font-size=\"12\" text-anchor=\"end\" font-family=\"sans-serif\">{}</text>\
             <rect x=\"212\" y=\"{y}\" width=\"{}\" height=\"16\" fill=\"{}\"/>\
             <text x=\"{}\" y=\"{}\" font-size=\"12\" font-family=\"sans-serif\">{n}</text>",
            y + 13,
            esc(name),
            width.max(1),
            colour.to_hex(),
            218 + width,
            y + 13
        );
    }
    h.push_str(
        "</svg>\n<figcaption class=\"weak\">Claims per kind of source</figcaption>\n</figure>\n",
    );
}

fn warnings_section(h: &mut String, s: &Sourcing) {
    let w = warnings(s);
    h.push_str("<section class=\"warn\">\n<h2>Warnings</h2>\n<ul>\n");
    let mut any = false;
    let mut item = |h: &mut String, what: &str, list: String| {
        any = true;
        let _ = writeln!(h, "<li><strong>{what}</strong>: {}</li>", esc(&list));
    };
    if !w.single_anonymous.is_empty() {
        item(
            h,
            "Single anonymous source, uncorroborated",
            claim_list(&w.single_anonymous, 60),
        );
    }
    if !w.contradicted.is_empty() {
        item(h, "Contradicted", claim_list(&w.contradicted, 60));
    }
    if !w.unconfirmed.is_empty() {
        item(
            h,
            "Suggested by claimlens, never confirmed",
            claim_list(&w.unconfirmed, 60),
        );
    }
    if w.unreviewed_count > 0 {
        item(h, "Sentences not reviewed", w.unreviewed.clone());
    }
    if !any {
        h.push_str("<li>None.</li>\n");
    }
    h.push_str("</ul>\n</section>\n");
}

fn text_section(h: &mut String, session: &Session, s: &Sourcing) {
    h.push_str("<section>\n<h2>The report, claim by claim</h2>\n");
    let taxonomy = session.taxonomy();
    for pieces in paragraphs(session, s) {
        h.push_str("<p>");
        for piece in pieces {
            match piece {
                Piece::Text(t) => h.push_str(&esc(t)),
                Piece::Claim(sentence, i, n) => {
                    let claim = &s.claims[n - 1];
                    let colour = session.annotations()[i]
                        .label
                        .as_ref()
                        .and_then(|l| taxonomy.get(l))
                        .map_or_else(|| "#888888".to_string(), |l| l.color.to_hex());
                    let class = if claim.confirmed {
                        "claim"
                    } else {
                        "claim unconfirmed"
                    };
                    let _ = write!(
                        h,
                        "<span class=\"{class}\" style=\"--c:{colour}\" id=\"c{n}\">{}</span>\
                         <sup><a href=\"#n{n}\">[{n}]</a></sup>",
                        esc(sentence)
                    );
                }
            }
        }
        h.push_str("</p>\n");
    }
    h.push_str("</section>\n");
}

fn notes_section(h: &mut String, session: &Session, s: &Sourcing) {
    if s.claims.is_empty() {
        return;
    }
    h.push_str("<section>\n<h2>Source notes</h2>\n<ol class=\"notes\">\n");
    let markup = Markup {
        esc,
        strong: |t| format!("<strong>{t}</strong>"),
        claim_link: |n| format!("<a href=\"#n{n}\">[{n}]</a>"),
        unconfirmed: "<em class=\"weak\">(label suggested, not confirmed)</em>",
    };
    for claim in &s.claims {
        let n = claim.number;
        let note = endnote(session, claim).render(&markup);
        let _ = writeln!(h, "<li id=\"n{n}\"><a href=\"#c{n}\">↑</a> {note}</li>");
    }
    h.push_str("</ol>\n</section>\n");
}
