//! Imported spans onto the article's sentences: a span labels each sentence it covers the
//! greater part of; spans from a claimlens export are sentences, so the sentence boundaries
//! are set to theirs. Labels are matched to the taxonomy by id or name, or added; what could
//! not be placed is reported, never guessed.

use super::boundaries::set_boundaries;
use super::units::Units;
use super::{ImportSpan, Imported, Positions};
use crate::model::segment::{segment, trim_span};
use crate::model::{
    Annotation, Article, LabelId, Link, Provenance, SentenceId, Session, Source, SourceId,
    SourceKind, SourceType, Span, Status, Taxonomy,
};
use std::collections::HashMap;
use std::fmt;

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub format: &'static str,
    pub spans: usize,
    /// Sentences that took a label or a note.
    pub sentences: usize,
    /// Boundaries set to the spans' (a claimlens export's sentences).
    pub boundaries_set: usize,
    /// Labels the taxonomy did not have: name and kind.
    pub added_labels: Vec<(String, SourceKind)>,
    pub sources: usize,
    pub links: usize,
    /// Spans and links not placed, and what the reader skipped, each with the reason.
    pub not_placed: Vec<String>,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Imported {} spans from {}: {} sentences labelled, {} links, {} sources",
            self.spans, self.format, self.sentences, self.links, self.sources
        )?;
        if self.boundaries_set > 0 {
            write!(
                f,
                "; {} sentence boundaries set as the file had them",
                self.boundaries_set
            )?;
        }
        for (name, kind) in &self.added_labels {
            write!(f, "\nNew label \"{name}\" (kind {})", kind.as_str())?;
        }
        for line in &self.not_placed {
            write!(f, "\nNot imported: {line}")?;
        }
        Ok(())
    }
}

/// The review the imported spans make of `article` with `taxonomy` (labels the file names
/// and the taxonomy lacks are added to it).
pub fn place(
    article: Article,
    mut taxonomy: Taxonomy,
    imported: Imported,
) -> Result<(Session, Report), String> {
    let mut report = Report {
        format: imported.format.map_or("the file", |f| f.name()),
        spans: imported.spans.len(),
        not_placed: imported.skipped.clone(),
        ..Report::default()
    };
    let text = article.text.as_str();
    // Each span as bytes of the article's text, or the reason it has no place in it.
    let mut placed: Vec<Option<Span>> = Vec::with_capacity(imported.spans.len());
    let units = Units::new(text);
    // Compared once: the spans of a file made over another version of the text are found by
    // their quotes.
    let other = imported.text.as_deref().filter(|own| *own != text);
    for span in &imported.spans {
        let found = find(text, &units, other, imported.positions, span)?;
        if found.is_none() {
            report
                .not_placed
                .push(format!("{}: its text is not in the article", span.id));
        }
        placed.push(
            found
                .map(|s| trim_span(text, s))
                .filter(|s| s.start < s.end),
        );
    }

    let seg = segment(text);
    let mut sentences = seg.sentences;
    if imported.from_claimlens {
        report.boundaries_set = set_boundaries(text, &seg.paragraphs, &mut sentences, &placed);
    }
    let labels: Vec<Option<LabelId>> = imported
        .spans
        .iter()
        .map(|s| label_for(&mut taxonomy, s, &mut report))
        .collect();
    let mut sources = Sources::default();
    let mut annotations = vec![Annotation::default(); sentences.len()];
    let mut sentence_of: Vec<Option<usize>> = vec![None; imported.spans.len()];
    for (k, span) in imported.spans.iter().enumerate() {
        let Some(at) = placed[k] else { continue };
        // Sentences are in order and do not overlap: those the span touches are a run.
        let first = sentences.partition_point(|s| s.end <= at.start);
        let covered: Vec<usize> = (first..sentences.len())
            .take_while(|&i| sentences[i].start < at.end)
            .filter(|&i| {
                let s = sentences[i];
                2 * (s.end.min(at.end) - s.start.max(at.start)) > s.end - s.start
            })
            .collect();
        if covered.is_empty() {
            report.not_placed.push(format!(
                "{}: it covers no sentence's greater part (\"{}\")",
                span.id,
                crate::model::article::shorten(&text[at.start..at.end], 60)
            ));
            continue;
        }
        let source = span
            .source
            .as_ref()
            .map(|name| sources.id_of(name, span, &labels[k]));
        for &i in &covered {
            let a = &mut annotations[i];
            if !a.is_blank() {
                report.not_placed.push(format!(
                    "{}: sentence {} is labelled by an earlier span",
                    span.id,
                    i + 1
                ));
                continue;
            }
            *a = Annotation {
                label: labels[k].clone(),
                status: span.status.unwrap_or(Status::Confirmed),
                note: span.note.clone(),
                source,
                credibility: span.credibility.unwrap_or_default(),
                hedging: span.hedging.unwrap_or_default(),
                links: Vec::new(),
                decision: None,
            };
            report.sentences += 1;
        }
        sentence_of[k] = covered.first().copied();
    }
    for &(i, j, kind) in &imported.links {
        match (sentence_of[i], sentence_of[j]) {
            (Some(a), Some(b)) if a != b => {
                let to = SentenceId(b as u32);
                let links = &mut annotations[a].links;
                if !links.iter().any(|l| l.to == to && l.kind == kind) {
                    links.push(Link { kind, to });
                    report.links += 1;
                }
            }
            _ => report.not_placed.push(format!(
                "a \"{}\" link between {} and {}: one of them was not placed",
                kind.name(),
                imported.spans[i].id,
                imported.spans[j].id
            )),
        }
    }
    let sources = sources.list;
    report.sources = sources.len();
    let ids = (0..sentences.len() as u32).map(SentenceId).collect();
    let mut session = Session::from_saved(
        article,
        taxonomy,
        (seg.paragraphs, sentences, ids),
        annotations.clone(),
        sources,
    );
    // A grade the record does not allow (credibility 1 without independent corroboration) is
    // dropped, not kept silently wrong.
    let mut dropped = Vec::new();
    for (i, a) in annotations.iter_mut().enumerate() {
        if session.check_annotation(i, a).is_err() {
            a.credibility = Default::default();
            dropped.push(i);
        }
    }
    if !dropped.is_empty() {
        for &i in &dropped {
            report.not_placed.push(format!("the credibility of sentence {}: \"confirmed\" needs a corroborating claim from another source", i + 1));
        }
        let (article, taxonomy) = (session.article().clone(), session.taxonomy().clone());
        let parts = (
            session.paragraphs().to_vec(),
            session.sentences().to_vec(),
            session.ids().to_vec(),
        );
        let sources = session.sources().to_vec();
        session = Session::from_saved(article, taxonomy, parts, annotations, sources);
    }
    let provenance = Provenance {
        created_by: imported.analyst.clone(),
        ..Provenance::default()
    };
    Ok((session.with_provenance(provenance), report))
}

/// Where the span is in `text`: its offsets (turned into bytes), checked against the quote;
/// a span over `other`, a text that differs from the article's, is matched by its quote,
/// nearest its place.
fn find(
    text: &str,
    units: &Units,
    other: Option<&str>,
    positions: Positions,
    span: &ImportSpan,
) -> Result<Option<Span>, String> {
    let (bytes, quote) = match (other, positions) {
        (_, Positions::CodePoints) if span.start == usize::MAX => (None, span.quote.clone()),
        (_, Positions::CodePoints) => {
            let (s, e) = units.span_bytes((span.start, span.end), false, &span.id)?;
            (Some((s, e)), span.quote.clone())
        }
        (Some(own), Positions::Bytes) => {
            let q = own[span.start..span.end].to_string();
            let guess = span.start * text.len() / own.len().max(1);
            return Ok(nearest(text, &q, guess).map(|s| Span::new(s, s + q.len())));
        }
        (_, Positions::Bytes) => {
            if span.end > text.len()
                || !text.is_char_boundary(span.start)
                || !text.is_char_boundary(span.end)
            {
                return Err(format!("{} runs past the end of the text", span.id));
            }
            (Some((span.start, span.end)), span.quote.clone())
        }
    };
    match (bytes, quote) {
        (Some((s, e)), Some(q)) if text[s..e] != *q => {
            Ok(nearest(text, &q, s).map(|at| Span::new(at, at + q.len())))
        }
        (Some((s, e)), _) => Ok(Some(Span::new(s, e))),
        (None, Some(q)) => Ok(nearest(text, &q, 0).map(|at| Span::new(at, at + q.len()))),
        (None, None) => Ok(None),
    }
}

/// The occurrence of `quote` in `text` nearest byte `near`: looked for in a window around
/// `near` that doubles until it holds one (an occurrence at distance d inside a window of
/// half-width w ≥ d is nearer than any outside it), so that a span a little off its place
/// costs a few kilobytes of search, not the whole text.
fn nearest(text: &str, quote: &str, near: usize) -> Option<usize> {
    if quote.is_empty() {
        return None;
    }
    let near = near.min(text.len());
    let mut half = 4096;
    loop {
        let from = text.floor_char_boundary(near.saturating_sub(half));
        let to = text.ceil_char_boundary((near + half + quote.len()).min(text.len()));
        let found = text[from..to]
            .match_indices(quote)
            .map(|(i, _)| from + i)
            .min_by_key(|&i| i.abs_diff(near));
        match found {
            Some(i) if i.abs_diff(near) <= half => return Some(i),
            found if from == 0 && to == text.len() => return found,
            _ => half *= 2,
        }
    }
}

/// The taxonomy's label for the span: by claimlens id, by id or name as the file spells it,
/// else a new label with the kind of the default label of that name (else unattributed).
fn label_for(taxonomy: &mut Taxonomy, span: &ImportSpan, report: &mut Report) -> Option<LabelId> {
    // Names from other tools are shown on one line, in chips and menus.
    let one_line = span.label.split_whitespace().collect::<Vec<_>>().join(" ");
    let name = one_line.as_str();
    if name.is_empty() && span.label_id.is_none() {
        return None;
    }
    let by = |t: &Taxonomy| {
        let id = span.label_id.as_deref();
        t.labels
            .iter()
            .find(|l| Some(l.id.as_str()) == id)
            .or_else(|| {
                t.labels
                    .iter()
                    .find(|l| l.name.eq_ignore_ascii_case(name) || l.id.as_str() == name)
            })
            .map(|l| l.id.clone())
    };
    if let Some(id) = by(taxonomy) {
        return Some(id);
    }
    let defaults = Taxonomy::default_preset();
    let default = defaults
        .labels
        .iter()
        .find(|l| l.name.eq_ignore_ascii_case(name));
    let kind = span
        .kind
        .as_deref()
        .and_then(|k| SourceKind::ALL.into_iter().find(|s| s.as_str() == k))
        .or(default.map(|l| l.kind))
        .unwrap_or(SourceKind::Unattributed);
    let taken: Vec<String> = taxonomy.labels.iter().map(|l| l.id.0.to_string()).collect();
    let wanted = span.label_id.clone().unwrap_or_else(|| name.to_lowercase());
    let id = LabelId::new(crate::io::export::plain_name(&wanted, &taken));
    let used: Vec<_> = taxonomy.labels.iter().map(|l| l.color).collect();
    taxonomy.labels.push(SourceType {
        id: id.clone(),
        name: if name.is_empty() {
            id.0.to_string()
        } else {
            name.to_string()
        },
        kind,
        location: default.and_then(|l| l.location.clone()),
        color: crate::model::colour::most_distant(&used),
        key: None,
        description: "Added by an import.".into(),
        aliases: Vec::new(),
    });
    report.added_labels.push((name.to_string(), kind));
    Some(id)
}

/// The sources spans name, each made once, found again by name.
#[derive(Default)]
struct Sources {
    list: Vec<Source>,
    by_name: HashMap<String, SourceId>,
}

impl Sources {
    fn id_of(&mut self, name: &str, span: &ImportSpan, label: &Option<LabelId>) -> SourceId {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some(&id) = self.by_name.get(&name) {
            return id;
        }
        let id = SourceId(self.list.len() as u32);
        self.by_name.insert(name.clone(), id);
        self.list.push(Source {
            id,
            name,
            label: label.clone(),
            descriptor: String::new(),
            reliability: span.reliability.unwrap_or_default(),
            proposed: false,
        });
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_occurrence_is_found_on_either_side_and_far_away() {
        let text = format!(
            "{}needle{}needle{}",
            "x".repeat(10_000),
            "y".repeat(50),
            "z".repeat(20_000)
        );
        assert_eq!(nearest(&text, "needle", 10_020), Some(10_000));
        assert_eq!(nearest(&text, "needle", 10_040), Some(10_056));
        assert_eq!(nearest(&text, "needle", 0), Some(10_000));
        assert_eq!(nearest(&text, "needle", text.len()), Some(10_056));
        assert_eq!(nearest(&text, "absent", 5), None);
        assert_eq!(nearest("é needle", "needle", 1), Some(3));
    }
}
