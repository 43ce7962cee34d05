//! Sources that recur across reports: the same outlet's source under the same description ("a
//! source in Ryanggang Province", Kestrel Report) in several reports is proposed as one
//! recurring source, with its claims and grades over time. Only proposed: two outlets' "source
//! in Hyesan" are not assumed to be one person, and the analyst confirms or splits.

use super::corpus::Report;
use super::record::Reliability;
use serde::Serialize;
use std::collections::BTreeMap;

/// One report's use of the source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Appearance {
    /// Index into the reports given.
    pub report: usize,
    pub published: Option<String>,
    pub claims: usize,
    pub reliability: Reliability,
}

/// A source as it recurs, its reports in date order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recurring {
    /// As the earliest report names it.
    pub name: String,
    pub outlet: String,
    /// The description its reports share (`description`): what decisions about it name.
    pub description: String,
    /// The label of its kind, where the reviews give one.
    pub kind: Option<String>,
    pub appearances: Vec<Appearance>,
}

impl Recurring {
    pub fn claims(&self) -> usize {
        self.appearances.iter().map(|a| a.claims).sum()
    }
}

/// "A Source in  Rason" and "source in Rason" are one description.
pub fn description(name: &str) -> String {
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let words = match words.first() {
        Some(&("a" | "an" | "the" | "one")) => &words[1..],
        _ => &words[..],
    };
    words.join(" ")
}

/// Every source of every review, grouped by outlet and description; those in more than one
/// report first (most reports first), then the rest. Several reviews of one article count as
/// one report.
pub fn recurring(reports: &[Report]) -> Vec<Recurring> {
    let mut groups: BTreeMap<(String, String), Recurring> = BTreeMap::new();
    for (k, r) in reports.iter().enumerate() {
        let Some(session) = r.session else {
            continue;
        };
        for source in session.sources() {
            let claims = session
                .annotations()
                .iter()
                .filter(|a| a.source == Some(source.id))
                .count();
            let key = (r.outlet().to_string(), description(&source.name));
            let group = groups.entry(key.clone()).or_insert_with(|| Recurring {
                name: source.name.clone(),
                description: key.1,
                outlet: r.outlet().to_string(),
                kind: None,
                appearances: Vec::new(),
            });
            if group.kind.is_none() {
                group.kind = source
                    .label
                    .as_ref()
                    .and_then(|l| session.taxonomy().get(l))
                    .map(|l| l.name.clone());
            }
            let same_article = group
                .appearances
                .iter()
                .position(|a| reports[a.report].article.sha256 == r.article.sha256);
            match same_article {
                // A second analyst's review of the same report: the larger count stands.
                Some(at) => {
                    let a = &mut group.appearances[at];
                    a.claims = a.claims.max(claims);
                }
                None => group.appearances.push(Appearance {
                    report: k,
                    published: r.published().map(str::to_string),
                    claims,
                    reliability: source.reliability,
                }),
            }
        }
    }
    let mut out: Vec<Recurring> = groups
        .into_values()
        .map(|mut g| {
            g.appearances
                .sort_by(|a, b| (&a.published, a.report).cmp(&(&b.published, b.report)));
            if let Some(first) = g.appearances.first()
                && let Some(session) = reports[first.report].session
                && let Some(s) = session
                    .sources()
                    .iter()
                    .find(|s| description(&s.name) == description(&g.name))
            {
                g.name = s.name.clone();
            }
            g
        })
        .collect();
    out.sort_by(|a, b| {
        b.appearances
            .len()
            .cmp(&a.appearances.len())
            .then_with(|| b.claims().cmp(&a.claims()))
            .then_with(|| (&a.outlet, &a.name).cmp(&(&b.outlet, &b.name)))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_are_compared_without_case_spacing_or_article() {
        assert_eq!(description("A Source in  Rason"), "source in rason");
        assert_eq!(description("source in Rason"), "source in rason");
        assert_eq!(description("The trader"), "trader");
        assert_ne!(
            description("source in Rason"),
            description("source in Hyesan")
        );
    }
}
