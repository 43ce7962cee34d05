//! Evaluating suggestions against reports annotated by hand. An annotated report is plain text
//! with a tag before every sentence: `{{kind}}` or `{{kind:label}}` followed by one space.

use super::suggest;
use crate::model::{Article, SourceKind, Taxonomy, session::Session};

pub struct Annotated {
    pub session: Session,
    /// Expected (kind, label) per sentence, in order.
    pub gold: Vec<(SourceKind, Option<String>)>,
}

fn kind_from(name: &str) -> Option<SourceKind> {
    SourceKind::ALL.into_iter().find(|k| k.as_str() == name)
}

/// Strips the tags, segments the text and checks that every tag starts a sentence.
pub fn parse(name: &str, tagged: &str) -> Result<Annotated, String> {
    let mut text = String::with_capacity(tagged.len());
    let mut starts = Vec::new();
    let mut rest = tagged;
    while let Some(open) = rest.find("{{") {
        text.push_str(&rest[..open]);
        let close = rest[open..]
            .find("}}")
            .ok_or_else(|| format!("{name}: unclosed tag"))?
            + open;
        let tag = &rest[open + 2..close];
        let (kind, label) = match tag.split_once(':') {
            Some((k, l)) => (k, Some(l.to_string())),
            None => (tag, None),
        };
        let kind = kind_from(kind).ok_or_else(|| format!("{name}: unknown kind {kind:?}"))?;
        starts.push((text.len(), kind, label));
        rest = &rest[close + 2..];
        rest = rest.strip_prefix(' ').unwrap_or(rest);
    }
    text.push_str(rest);
    let article = Article::from_normalized(name, None, text);
    let session = Session::new(article, Taxonomy::default_preset());
    let found: Vec<usize> = session.sentences.iter().map(|s| s.start).collect();
    let expected: Vec<usize> = starts.iter().map(|s| s.0).collect();
    if found != expected {
        let at = found
            .iter()
            .zip(&expected)
            .position(|(a, b)| a != b)
            .unwrap_or(found.len().min(expected.len()));
        let show = |i: Option<&usize>| {
            i.map(|&b| crate::model::article::shorten(&session.article.text[b..], 50))
                .unwrap_or_default()
        };
        return Err(format!(
            "{name}: sentence {} differs: segmenter starts at {:?}, the tags at {:?}",
            at + 1,
            show(found.get(at)),
            show(expected.get(at))
        ));
    }
    let gold = starts.into_iter().map(|(_, k, l)| (k, l)).collect();
    Ok(Annotated { session, gold })
}

/// Counts per kind: true positives, false positives, false negatives.
#[derive(Debug, Default, Clone)]
pub struct Scores {
    pub per_kind: Vec<(SourceKind, usize, usize, usize)>,
    pub correct: usize,
    pub total: usize,
    pub label_correct: usize,
    pub label_total: usize,
    /// Sentences whose suggestion was wrong: (report, sentence text, expected, got).
    pub misses: Vec<(String, String, SourceKind, SourceKind)>,
    /// Anonymous sources with the right kind but another label: (report, sentence, expected,
    /// got).
    pub label_misses: Vec<(String, String, Option<String>, Option<String>)>,
}

impl Scores {
    pub fn accuracy(&self) -> f64 {
        self.correct as f64 / self.total.max(1) as f64
    }

    pub fn recall(&self, kind: SourceKind) -> f64 {
        self.per_kind
            .iter()
            .find(|k| k.0 == kind)
            .map_or(0.0, |&(_, tp, _, fne)| tp as f64 / (tp + fne).max(1) as f64)
    }

    pub fn precision(&self, kind: SourceKind) -> f64 {
        self.per_kind
            .iter()
            .find(|k| k.0 == kind)
            .map_or(0.0, |&(_, tp, fp, _)| tp as f64 / (tp + fp).max(1) as f64)
    }

    pub fn add(&mut self, name: &str, annotated: &Annotated) {
        if self.per_kind.is_empty() {
            self.per_kind = SourceKind::ALL.iter().map(|&k| (k, 0, 0, 0)).collect();
        }
        let got = suggest(&annotated.session);
        for (i, ((kind, label), s)) in annotated.gold.iter().zip(&got).enumerate() {
            self.total += 1;
            if *kind == s.kind {
                self.correct += 1;
            } else {
                self.misses.push((
                    name.to_string(),
                    annotated.session.sentence_text(i).to_string(),
                    *kind,
                    s.kind,
                ));
            }
            for entry in &mut self.per_kind {
                if entry.0 == *kind && entry.0 == s.kind {
                    entry.1 += 1;
                } else if entry.0 == s.kind {
                    entry.2 += 1;
                } else if entry.0 == *kind {
                    entry.3 += 1;
                }
            }
            if *kind == SourceKind::AnonymousSource && s.kind == *kind {
                self.label_total += 1;
                let got = s.label.as_ref().map(|l| l.0.clone());
                if *label == got {
                    self.label_correct += 1;
                } else {
                    self.label_misses.push((
                        name.to_string(),
                        annotated.session.sentence_text(i).to_string(),
                        label.clone(),
                        got,
                    ));
                }
            }
        }
    }

    /// A plain-text table of precision and recall per kind.
    pub fn table(&self) -> String {
        let mut out = format!(
            "{:<18} {:>7} {:>9} {:>7}\n",
            "kind", "gold", "precision", "recall"
        );
        for &(kind, tp, _, fne) in &self.per_kind {
            out.push_str(&format!(
                "{:<18} {:>7} {:>9.2} {:>7.2}\n",
                kind.as_str(),
                tp + fne,
                self.precision(kind),
                self.recall(kind)
            ));
        }
        out.push_str(&format!(
            "{:<18} {:>7} accuracy {:.3}; location labels {}/{}\n",
            "all",
            self.total,
            self.accuracy(),
            self.label_correct,
            self.label_total
        ));
        out
    }
}
