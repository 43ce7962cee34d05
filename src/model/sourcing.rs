//! How well sourced a report is, from its review: what the sourcing report tells a reader.
//! A claim is a labelled sentence whose label is not "not a claim"; claims are numbered in
//! reading order. Corroboration counts links either way between claims of different sources.

use super::record::{LinkKind, Reliability};
use super::session::{Session, Status};
use super::taxonomy::{Rgb, SourceKind};

/// One numbered claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// From 1, in reading order.
    pub number: usize,
    pub sentence: usize,
    pub label: String,
    pub kind: SourceKind,
    pub confirmed: bool,
    pub source: Option<usize>,
    pub corroborated: bool,
    pub contradicted: bool,
    /// Rests on one anonymous source that no other source's claim corroborates.
    pub single_anonymous: bool,
    /// Claims this one corroborates, contradicts … : link kind and claim number.
    pub links: Vec<(LinkKind, usize)>,
}

/// A source as the summary lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceRow {
    pub name: String,
    pub kind: Option<String>,
    pub descriptor: String,
    pub reliability: Reliability,
    pub claims: usize,
    pub corroborated: usize,
    pub contradicted: usize,
}

/// The report's facts.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sourcing {
    pub claims: Vec<Claim>,
    pub sources: Vec<SourceRow>,
    /// Claims per label, in taxonomy order (labels with none left out): name, colour, count.
    pub mix: Vec<(String, Rgb, usize)>,
    /// Sentences with no label at all.
    pub unreviewed: Vec<usize>,
    pub sentences: usize,
}

impl Sourcing {
    pub fn of(session: &Session) -> Sourcing {
        let taxonomy = session.taxonomy();
        let annotations = session.annotations();
        let mut number_of = vec![None; session.len()];
        let mut claims = Vec::new();
        let mut unreviewed = Vec::new();
        for (i, a) in annotations.iter().enumerate() {
            let Some(label) = a.label.as_ref().and_then(|l| taxonomy.get(l)) else {
                unreviewed.push(i);
                continue;
            };
            if label.kind == SourceKind::NotAClaim {
                continue;
            }
            number_of[i] = Some(claims.len() + 1);
            claims.push(Claim {
                number: claims.len() + 1,
                sentence: i,
                label: label.name.clone(),
                kind: label.kind,
                confirmed: a.status == Status::Confirmed,
                source: a
                    .source
                    .and_then(|s| session.sources().iter().position(|x| x.id == s)),
                corroborated: false,
                contradicted: false,
                single_anonymous: false,
                links: Vec::new(),
            });
        }
        // Links count both ways: "A corroborates B" corroborates B as much as A.
        let mut pairs = Vec::new();
        for (i, a) in annotations.iter().enumerate() {
            for link in &a.links {
                if let (Some(from), Some(to)) = (
                    number_of[i],
                    session.index_of(link.to).and_then(|j| number_of[j]),
                ) {
                    pairs.push((from - 1, to - 1, link.kind));
                }
            }
        }
        for &(from, to, kind) in &pairs {
            claims[from].links.push((kind, to + 1));
            let independent =
                claims[from].source != claims[to].source || claims[from].source.is_none();
            for c in [from, to] {
                match kind {
                    LinkKind::Corroborates if independent => claims[c].corroborated = true,
                    LinkKind::Contradicts => claims[c].contradicted = true,
                    _ => {}
                }
            }
        }
        let anonymous = |c: &Claim| {
            c.kind == SourceKind::AnonymousSource
                || c.source
                    .and_then(|s| session.sources()[s].label.as_ref())
                    .and_then(|l| taxonomy.get(l))
                    .is_some_and(|l| l.kind == SourceKind::AnonymousSource)
        };
        for c in &mut claims {
            c.single_anonymous = anonymous(c) && !c.corroborated;
        }
        let sources = session
            .sources()
            .iter()
            .enumerate()
            .map(|(s, source)| {
                let of: Vec<&Claim> = claims.iter().filter(|c| c.source == Some(s)).collect();
                SourceRow {
                    name: source.display_name(),
                    kind: source
                        .label
                        .as_ref()
                        .and_then(|l| taxonomy.get(l))
                        .map(|l| l.name.clone()),
                    descriptor: source.descriptor.clone(),
                    reliability: source.reliability,
                    claims: of.len(),
                    corroborated: of.iter().filter(|c| c.corroborated).count(),
                    contradicted: of.iter().filter(|c| c.contradicted).count(),
                }
            })
            .filter(|row| row.claims > 0)
            .collect();
        let mix = taxonomy
            .labels
            .iter()
            .filter(|l| l.kind != SourceKind::NotAClaim)
            .map(|l| {
                let n = claims.iter().filter(|c| c.label == l.name).count();
                (l.name.clone(), l.color, n)
            })
            .filter(|(_, _, n)| *n > 0)
            .collect();
        Sourcing {
            claims,
            sources,
            mix,
            unreviewed,
            sentences: session.len(),
        }
    }

    /// The share of claims that rest on a single uncorroborated anonymous source (0 to 1).
    pub fn single_anonymous_share(&self) -> f64 {
        if self.claims.is_empty() {
            return 0.0;
        }
        let n = self.claims.iter().filter(|c| c.single_anonymous).count();
        n as f64 / self.claims.len() as f64
    }

    /// The claim number of sentence `i`, if it is a claim.
    pub fn number_of(&self, sentence: usize) -> Option<usize> {
        self.claims
            .binary_search_by_key(&sentence, |c| c.sentence)
            .ok()
            .map(|k| k + 1)
    }
}
