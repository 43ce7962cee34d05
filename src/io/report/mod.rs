//! The sourcing report: for the person who asked "how well sourced is this report?", a
//! self-contained, printable HTML page (no external assets) or Markdown, with the article's
//! details, a sourcing summary and chart, warnings, the text with each claim numbered, and
//! endnotes in the manner of source reference citations (ICD 206): the source and its
//! descriptor, the Admiralty grade in words, the report's hedging, the analyst's note, links.

mod html;
mod markdown;

use crate::model::sourcing::{Claim, Sourcing};
use crate::model::{LinkKind, Session};
use std::io::Write;

pub fn write_html(session: &Session, out: &mut dyn Write) -> std::io::Result<()> {
    out.write_all(html::page(session, &Sourcing::of(session)).as_bytes())?;
    out.flush()
}

pub fn write_markdown(session: &Session, out: &mut dyn Write) -> std::io::Result<()> {
    out.write_all(markdown::page(session, &Sourcing::of(session)).as_bytes())?;
    out.flush()
}

/// An endnote's parts, as plain text: who or what the claim rests on, its grade in words, the
/// report's hedging, the analyst's note, and its links by claim number.
pub(crate) struct Endnote {
    pub source: String,
    pub grade: String,
    pub hedging: Option<String>,
    pub note: String,
    pub links: Vec<(String, usize)>,
    pub unconfirmed: bool,
}

/// How a page marks up a source note: escaping, bold, a link to claim `n`, the "suggested"
/// remark.
pub(crate) struct Markup {
    pub esc: fn(&str) -> String,
    pub strong: fn(&str) -> String,
    pub claim_link: fn(usize) -> String,
    pub unconfirmed: &'static str,
}

impl Endnote {
    /// The note's sentences, in the page's markup: the same words in HTML and Markdown.
    pub fn render(&self, m: &Markup) -> String {
        let esc = m.esc;
        let mut t = format!("{}. {}.", (m.strong)(&esc(&self.source)), esc(&self.grade));
        if let Some(hedge) = &self.hedging {
            t.push_str(&format!(" In its own words {}.", esc(hedge)));
        }
        if !self.note.is_empty() {
            t.push_str(&format!(" Analyst's note: {}", esc(&self.note)));
        }
        for (words, other) in &self.links {
            t.push_str(&format!(" It {words} {}.", (m.claim_link)(*other)));
        }
        if self.unconfirmed {
            t.push(' ');
            t.push_str(m.unconfirmed);
        }
        t
    }
}

pub(crate) fn endnote(session: &Session, claim: &Claim) -> Endnote {
    let a = &session.annotations()[claim.sentence];
    let source = claim.source.map(|s| &session.sources()[s]);
    let source_text = match source {
        Some(s) => {
            // "Source A (Source in Russia)"; a source named after its kind is not repeated.
            let mut t = s.display_name();
            if !s.name.eq_ignore_ascii_case(&claim.label) {
                t.push_str(&format!(" ({})", claim.label));
            }
            if !s.descriptor.is_empty() {
                t.push_str(&format!("; {}", s.descriptor));
            }
            t
        }
        None => format!("{}; no source identified", claim.label),
    };
    let credibility = a.credibility;
    let grade = match source {
        Some(s) => format!(
            "Source reliability {} ({}); information credibility {} ({})",
            s.reliability.letter(),
            s.reliability.meaning(),
            credibility.digit(),
            credibility.meaning()
        ),
        None => format!(
            "Information credibility {} ({})",
            credibility.digit(),
            credibility.meaning()
        ),
    };
    let hedging = (a.hedging != Default::default())
        .then(|| format!("the report hedges it ({})", a.hedging.name()));
    let links = claim
        .links
        .iter()
        .map(|(kind, n)| (link_words(*kind).to_string(), *n))
        .collect();
    Endnote {
        source: source_text,
        grade,
        hedging,
        note: a.note.clone(),
        links,
        unconfirmed: !claim.confirmed,
    }
}

fn link_words(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::Corroborates => "corroborates",
        LinkKind::Contradicts => "contradicts",
        LinkKind::SameOrigin => "has the same origin as",
        LinkKind::Elaborates => "elaborates on",
    }
}

/// A piece of a paragraph: text between claims, or a claim's sentence with its index and
/// claim number.
pub(crate) enum Piece<'a> {
    Text(&'a str),
    Claim(&'a str, usize, usize),
}

/// The article's paragraphs, each as its pieces in order.
pub(crate) fn paragraphs<'a>(session: &'a Session, sourcing: &Sourcing) -> Vec<Vec<Piece<'a>>> {
    let text = &session.article().text;
    let mut out = Vec::with_capacity(session.paragraphs().len());
    for (p, paragraph) in session.paragraphs().iter().enumerate() {
        let mut pieces = Vec::new();
        let mut at = paragraph.start;
        for i in session.paragraph_sentences(p) {
            let span = session.sentences()[i];
            let sentence = &text[span.start..span.end];
            if let Some(n) = sourcing.number_of(i) {
                pieces.push(Piece::Text(&text[at..span.start]));
                pieces.push(Piece::Claim(sentence, i, n));
                at = span.end;
            }
        }
        pieces.push(Piece::Text(&text[at..paragraph.end]));
        out.push(pieces);
    }
    out
}

/// Sentence numbers (from 1) as ranges: "3–7, 12", at most `max` items then "and N more".
pub(crate) fn ranges(sentences: &[usize], max: usize) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < sentences.len() {
        let mut j = i;
        while j + 1 < sentences.len() && sentences[j + 1] == sentences[j] + 1 {
            j += 1;
        }
        parts.push(if i == j {
            format!("{}", sentences[i] + 1)
        } else {
            format!("{}–{}", sentences[i] + 1, sentences[j] + 1)
        });
        i = j + 1;
    }
    let more = parts.len().saturating_sub(max);
    parts.truncate(max);
    let mut text = parts.join(", ");
    if more > 0 {
        text.push_str(&format!(" and {more} more ranges"));
    }
    text
}

/// The warnings a reader should see first, as (heading, claim numbers or sentence list).
pub(crate) struct Warnings {
    pub single_anonymous: Vec<usize>,
    pub contradicted: Vec<usize>,
    pub unconfirmed: Vec<usize>,
    pub unreviewed: String,
    pub unreviewed_count: usize,
}

pub(crate) fn warnings(sourcing: &Sourcing) -> Warnings {
    let numbers = |f: &dyn Fn(&Claim) -> bool| -> Vec<usize> {
        sourcing
            .claims
            .iter()
            .filter(|c| f(c))
            .map(|c| c.number)
            .collect()
    };
    Warnings {
        single_anonymous: numbers(&|c| c.single_anonymous),
        contradicted: numbers(&|c| c.contradicted),
        unconfirmed: numbers(&|c| !c.confirmed),
        unreviewed: ranges(&sourcing.unreviewed, 40),
        unreviewed_count: sourcing.unreviewed.len(),
    }
}

/// Claim numbers as "[3], [7], [12]", at most `max`.
pub(crate) fn claim_list(numbers: &[usize], max: usize) -> String {
    let mut text = numbers
        .iter()
        .take(max)
        .map(|n| format!("[{n}]"))
        .collect::<Vec<_>>()
        .join(", ");
    if numbers.len() > max {
        text.push_str(&format!(" and {} more", numbers.len() - max));
    }
    text
}

/// The article's details and the review's, as (field, value) lines.
pub(crate) fn details(session: &Session) -> Vec<(&'static str, String)> {
    let article = session.article();
    let m = &article.meta;
    let p = session.provenance();
    let mut rows: Vec<(&'static str, String)> = Vec::new();
    let mut add = |k: &'static str, v: Option<&String>| {
        if let Some(v) = v.filter(|v| !v.trim().is_empty()) {
            rows.push((k, v.clone()));
        }
    };
    add("Outlet", m.site_name.as_ref());
    add("Byline", m.byline.as_ref());
    add("Published", m.published.as_ref());
    add("Address", m.url.as_ref());
    add(
        "File",
        m.original
            .as_ref()
            .map(|o| &o.name)
            .or(article.source_path.as_ref()),
    );
    let analysts = p.analysts().join(", ");
    add("Reviewed by", Some(&analysts));
    let when = match (&p.created, &p.changed) {
        (Some(c), Some(ch)) if c != ch => Some(format!("{c} (last changed {ch})")),
        (c, ch) => c.clone().or(ch.clone()),
    };
    add("Review", when.as_ref());
    rows.push((
        "Text SHA-256",
        crate::model::article::sha256_hex(&article.text),
    ));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_lists_read_as_ranges() {
        assert_eq!(ranges(&[2, 3, 4, 5, 6, 11], 10), "3–7, 12");
        assert_eq!(ranges(&[0, 2, 4], 2), "1, 3 and 1 more ranges");
        assert_eq!(claim_list(&[1, 2, 3], 2), "[1], [2] and 1 more");
    }
}
