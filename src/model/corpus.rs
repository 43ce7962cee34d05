//! Questions asked across many reports: the source mix, the share of claims resting on a single
//! anonymous source and the corroboration rate per outlet and month, and search over the text,
//! the notes and the source names of every report, as keyword-in-context lines.

use super::Article;
use super::article::{ArticleMeta, shorten};
use super::session::Session;
use super::sourcing::Sourcing;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;

/// A report as the corpus figures read it.
#[derive(Debug, Clone, Copy)]
pub struct Report<'a> {
    /// Its place in the corpus list.
    pub name: &'a str,
    pub article: &'a Article,
    /// Its details as the analyst sees them: the article's, or those set in an open tab and not
    /// saved yet, so that filters and figures agree with the list.
    pub meta: &'a ArticleMeta,
    /// Its review, when it has one.
    pub session: Option<&'a Session>,
}

impl<'a> Report<'a> {
    /// The report of `article` as its file gives it.
    pub fn of(name: &'a str, article: &'a Article, session: Option<&'a Session>) -> Report<'a> {
        Report {
            name,
            article,
            meta: &article.meta,
            session,
        }
    }

    pub fn outlet(&self) -> &'a str {
        self.meta
            .site_name
            .as_deref()
            .unwrap_or("(outlet not known)")
    }

    pub fn published(&self) -> Option<&'a str> {
        self.meta.published.as_deref()
    }

    /// "2026-11" from the article's date, when it gives one in ISO form.
    pub fn month(&self) -> String {
        let date = self.published().unwrap_or("");
        let month = date.get(..7).filter(|m| {
            let b = m.as_bytes();
            b[..4].iter().all(u8::is_ascii_digit)
                && b[4] == b'-'
                && b[5..].iter().all(u8::is_ascii_digit)
        });
        month.map_or_else(|| "(no date)".to_string(), str::to_string)
    }
}

/// One row of the statistics: an outlet's claims of one label (or of all, `label` "(all)") in
/// one month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatRow {
    pub outlet: String,
    pub month: String,
    pub label: String,
    pub reports: usize,
    pub claims: usize,
    /// Of `claims`: resting on one anonymous source no other source corroborates.
    pub single_anonymous: usize,
    pub corroborated: usize,
}

impl StatRow {
    pub fn single_anonymous_share(&self) -> f64 {
        share(self.single_anonymous, self.claims)
    }

    pub fn corroboration_rate(&self) -> f64 {
        share(self.corroborated, self.claims)
    }
}

/// `n` of `of` as a fraction (0 when there is nothing to count).
pub fn share(n: usize, of: usize) -> f64 {
    if of == 0 { 0.0 } else { n as f64 / of as f64 }
}

pub const ALL_LABELS: &str = "(all)";

/// Per outlet and month, every label's row after the "(all)" row, outlets and months in
/// order. Only reviewed reports count; each is read on its own core.
pub fn statistics(reports: &[Report]) -> Vec<StatRow> {
    let per_report: Vec<(String, String, Sourcing)> = reports
        .par_iter()
        .filter_map(|r| {
            r.session
                .map(|s| (r.outlet().to_string(), r.month(), Sourcing::of(s)))
        })
        .collect();
    let mut rows: BTreeMap<(String, String, String), StatRow> = BTreeMap::new();
    for (outlet, month, sourcing) in &per_report {
        // This report's counts per label, "(all)" included even when it has no claim.
        let mut here: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
        here.insert(ALL_LABELS, (0, 0, 0));
        for claim in &sourcing.claims {
            for label in [ALL_LABELS, claim.label.as_str()] {
                let n = here.entry(label).or_default();
                n.0 += 1;
                n.1 += usize::from(claim.single_anonymous);
                n.2 += usize::from(claim.corroborated);
            }
        }
        for (label, (claims, single, corroborated)) in here {
            let key = (outlet.clone(), month.clone(), sort_key(label));
            let row = rows.entry(key).or_insert_with(|| StatRow {
                outlet: outlet.clone(),
                month: month.clone(),
                label: label.to_string(),
                reports: 0,
                claims: 0,
                single_anonymous: 0,
                corroborated: 0,
            });
            row.reports += 1;
            row.claims += claims;
            row.single_anonymous += single;
            row.corroborated += corroborated;
        }
    }
    rows.into_values().collect()
}

/// "(all)" sorts before the label names: a space is before every letter.
fn sort_key(label: &str) -> String {
    if label == ALL_LABELS {
        " ".to_string()
    } else {
        label.to_string()
    }
}

/// Where a match was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Text,
    Note,
    Source,
}

/// One match, in its context.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// Index into the reports searched.
    pub report: usize,
    /// The sentence (from 0) of a reviewed report; `None` in an article without a review.
    pub sentence: Option<usize>,
    pub field: Field,
    pub before: String,
    pub matched: String,
    pub after: String,
    /// The sentence's label name, when it has one.
    pub label: Option<String>,
    /// Where the match starts in the text of an article without a review (its sentences are
    /// not known until it is split).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<usize>,
}

/// What a search keeps.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// A label's name or id, case aside.
    pub label: Option<String>,
    /// The outlet's name, case aside.
    pub outlet: Option<String>,
    /// Reports published on or after this day ("2026-10" or "2026-10-15"); reports without a
    /// date are left out once a date is asked for.
    pub from: Option<String>,
    /// Reports published on or before this day (a month: to its end).
    pub to: Option<String>,
    /// Only sentences whose label has this status (confirmed by the analyst, or suggested).
    pub status: Option<super::Status>,
    /// Only sentences whose label is of this kind (an anonymous source, an official …).
    pub kind: Option<super::SourceKind>,
    /// Only claims whose source is graded so (a claim without a source counts as F).
    pub reliability: Option<super::Reliability>,
    /// Only claims whose information is graded so.
    pub credibility: Option<super::Credibility>,
    /// Only claims linked to a source whose name holds these words (case aside): "Ryanggang"
    /// keeps the claims of "source in Ryanggang Province" in every review.
    pub source: Option<String>,
}

impl Filters {
    /// Whether the filters keep some sentences of a review and not others (beyond its label).
    fn sifts(&self) -> bool {
        self.status.is_some()
            || self.kind.is_some()
            || self.reliability.is_some()
            || self.credibility.is_some()
            || self.source.is_some()
    }

    /// Whether a report of this date (as its metadata gives it) is in the date range.
    fn dated(&self, published: Option<&str>) -> bool {
        if self.from.is_none() && self.to.is_none() {
            return true;
        }
        let Some(date) = published.map(|d| d.get(..10).unwrap_or(d)) else {
            return false;
        };
        let after = self.from.as_deref().is_none_or(|f| date >= f);
        // "2026-10" takes in every day of October: compared on as many characters as it has.
        let before = self
            .to
            .as_deref()
            .is_none_or(|t| date.get(..t.len()).unwrap_or(date) <= t);
        after && before
    }
}

/// Characters of context on each side of a match.
const CONTEXT: usize = 40;

/// Every match of `query` (whole words, case aside, as written otherwise) in the reports,
/// report by report in order, each report searched on its own core.
pub fn search(reports: &[Report], query: &str, filters: &Filters) -> Vec<Hit> {
    let query = query.trim();
    if query.is_empty() {
        return Vec::new();
    }
    // Whole words: "rice" is not in "prices". Word edges are ASCII ones, which keep the search
    // fast; they would cut words of other scripts anywhere, so other queries match anywhere.
    let escaped = regex::escape(query);
    let pattern = if query.is_ascii() {
        let edge = |c: Option<char>| {
            if c.is_some_and(|c| c.is_ascii_alphanumeric()) {
                r"(?-u:\b)"
            } else {
                ""
            }
        };
        let (first, last) = (query.chars().next(), query.chars().last());
        format!("{}{escaped}{}", edge(first), edge(last))
    } else {
        escaped
    };
    let Ok(pattern) = regex::RegexBuilder::new(&pattern)
        .case_insensitive(true)
        .build()
    else {
        return Vec::new();
    };
    let same = |a: &str, b: &str| a.eq_ignore_ascii_case(b) || a.to_lowercase() == b.to_lowercase();
    reports
        .par_iter()
        .enumerate()
        .filter(|(_, r)| {
            filters
                .outlet
                .as_deref()
                .is_none_or(|o| same(o, r.outlet()))
                && filters.dated(r.published())
        })
        .flat_map_iter(|(k, r)| {
            let mut hits = Vec::new();
            let found =
                |hits: &mut Vec<Hit>, at: Option<usize>, field, text: &str, label: Option<&str>| {
                    hits.extend(
                        pattern
                            .find_iter(text)
                            .map(|m| hit(k, at, field, text, (m.start(), m.end()), label)),
                    );
                };
            let Some(s) = r.session else {
                // An article no one has reviewed has no labels to keep.
                if filters.label.is_none() && !filters.sifts() {
                    let text = &r.article.text;
                    hits.extend(pattern.find_iter(text).map(|m| Hit {
                        offset: Some(m.start()),
                        ..hit(k, None, Field::Text, text, (m.start(), m.end()), None)
                    }));
                }
                return hits;
            };
            let name = |a: &super::session::Annotation| {
                a.label.as_ref().map(|id| {
                    s.taxonomy()
                        .get(id)
                        .map_or_else(|| id.as_str().to_string(), |l| l.name.clone())
                })
            };
            // The labels the filter names, by id: sentences are then told apart without
            // looking their names up.
            let wanted: Option<Vec<&super::LabelId>> = filters.label.as_ref().map(|w| {
                s.taxonomy()
                    .labels
                    .iter()
                    .filter(|l| same(&l.name, w) || same(l.id.as_str(), w))
                    .map(|l| &l.id)
                    .collect()
            });
            // The sources the filter names, by id, looked up once per review.
            let sources: Option<Vec<super::SourceId>> = filters.source.as_ref().map(|w| {
                let w = w.trim().to_lowercase();
                s.sources()
                    .iter()
                    .filter(|x| x.name.to_lowercase().contains(&w))
                    .map(|x| x.id)
                    .collect()
            });
            let kept = |a: &super::session::Annotation| {
                let labelled = match &wanted {
                    None => true,
                    Some(ids) => a.label.as_ref().is_some_and(|l| ids.contains(&l)),
                };
                let kind = a
                    .label
                    .as_ref()
                    .and_then(|id| s.taxonomy().get(id))
                    .map(|l| l.kind);
                let reliability = a
                    .source
                    .and_then(|id| s.source(id))
                    .map_or(super::Reliability::F, |x| x.reliability);
                labelled
                    && filters
                        .status
                        .is_none_or(|st| a.label.is_some() && a.status == st)
                    && filters.kind.is_none_or(|k| kind == Some(k))
                    && filters.reliability.is_none_or(|r| reliability == r)
                    && filters.credibility.is_none_or(|c| a.credibility == c)
                    && sources
                        .as_ref()
                        .is_none_or(|ids| a.source.is_some_and(|id| ids.contains(&id)))
            };
            let sifted = wanted.is_some() || filters.sifts();
            match sifted {
                // The whole text at once, each match then placed in its sentence: one scan
                // per report, not one per sentence.
                false => {
                    let text = &r.article.text;
                    for m in pattern.find_iter(text) {
                        let i = s
                            .sentences()
                            .partition_point(|span| span.end <= m.start())
                            .min(s.len().saturating_sub(1));
                        let label = s.annotations().get(i).and_then(name);
                        let Some(span) = s.sentences().get(i) else {
                            continue;
                        };
                        // The context is the sentence's, as when it is searched alone.
                        let (start, end) = (span.start.min(m.start()), span.end.max(m.end()));
                        let sentence = &text[start..end];
                        let at = (m.start() - start, m.end() - start);
                        hits.push(hit(k, Some(i), Field::Text, sentence, at, label.as_deref()));
                    }
                }
                true => {
                    for (i, a) in s.annotations().iter().enumerate().filter(|(_, a)| kept(a)) {
                        let label = name(a);
                        found(
                            &mut hits,
                            Some(i),
                            Field::Text,
                            s.sentence_text(i),
                            label.as_deref(),
                        );
                    }
                }
            }
            // Each source's name is searched once, not once per claim citing it.
            let named: Vec<super::SourceId> = s
                .sources()
                .iter()
                .filter(|x| pattern.is_match(&x.name))
                .map(|x| x.id)
                .collect();
            for (i, a) in s.annotations().iter().enumerate() {
                let cited = a.source.filter(|id| named.contains(id));
                if (a.note.is_empty() && cited.is_none()) || !kept(a) {
                    continue;
                }
                let label = name(a);
                found(&mut hits, Some(i), Field::Note, &a.note, label.as_deref());
                if let Some(source) = cited.and_then(|id| s.source(id)) {
                    found(
                        &mut hits,
                        Some(i),
                        Field::Source,
                        &source.name,
                        label.as_deref(),
                    );
                }
            }
            // Text, notes and sources in the order of the sentences.
            hits.sort_by_key(|h| h.sentence);
            hits
        })
        .collect()
}

/// A match in `text`, with its context.
fn hit(
    report: usize,
    sentence: Option<usize>,
    field: Field,
    text: &str,
    (start, end): (usize, usize),
    label: Option<&str>,
) -> Hit {
    Hit {
        report,
        sentence,
        field,
        before: one_line(&tail(&text[..start])),
        matched: one_line(&text[start..end]),
        after: one_line(&shorten(&text[end..], CONTEXT)),
        label: label.map(str::to_string),
        offset: None,
    }
}

/// Line breaks and runs of spaces as one space: a context line is one line.
fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
    // Keep a space the match touches: "[Hyesan] market" reads as two words.
    if text.starts_with(char::is_whitespace) {
        out.insert(0, ' ');
    }
    if text.ends_with(char::is_whitespace) && !out.is_empty() {
        out.push(' ');
    }
    out
}

/// The last `CONTEXT` characters of `text`, from a word's start.
fn tail(text: &str) -> String {
    let n = text.chars().count();
    if n <= CONTEXT {
        return text.to_string();
    }
    let cut: String = text.chars().skip(n - CONTEXT).collect();
    match cut.find(' ') {
        Some(space) => format!("…{}", &cut[space + 1..]),
        None => format!("…{cut}"),
    }
}
