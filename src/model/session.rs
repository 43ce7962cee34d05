//! A review: the article, the taxonomy it was made with, and the analyst's work per sentence.

use super::article::Article;
use super::record::{Credibility, Hedging, Link, SentenceId, Source, SourceId};
use super::segment::{Segmentation, Span, quote_groups, segment};
use super::taxonomy::{LabelId, Taxonomy};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Whether a label was chosen by the analyst or only proposed by the suggestion engine.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Suggested,
    #[default]
    Confirmed,
}

/// The analyst's judgement on one sentence (a claim).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    pub label: Option<LabelId>,
    pub status: Status,
    pub note: String,
    /// The source entity the claim comes from.
    #[serde(default)]
    pub source: Option<SourceId>,
    #[serde(default)]
    pub credibility: Credibility,
    /// Hedging in the report's own words.
    #[serde(default)]
    pub hedging: Hedging,
    #[serde(default)]
    pub links: Vec<Link>,
    /// Set in an adjudication: whose judgement this claim took, and who decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Box<super::adjudication::Decision>>,
}

impl Annotation {
    /// The analyst has decided on a label.
    pub fn is_confirmed(&self) -> bool {
        self.label.is_some() && self.status == Status::Confirmed
    }

    pub fn is_blank(&self) -> bool {
        *self == Annotation::default()
    }
}

/// The fields are the model's own: everything outside it reads them through the accessors and
/// changes them only through [`Session::apply`], so every change has an inverse (undo) and
/// keeps the derived indexes true.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub(in crate::model) article: Article,
    pub(in crate::model) taxonomy: Taxonomy,
    pub(in crate::model) paragraphs: Vec<Span>,
    pub(in crate::model) sentences: Vec<Span>,
    /// Stable ids of the sentences, same order.
    pub(in crate::model) ids: Vec<SentenceId>,
    /// One annotation per sentence, same order.
    pub(in crate::model) annotations: Vec<Annotation>,
    /// The sources the analyst has identified.
    pub(in crate::model) sources: Vec<Source>,
    /// Claims that lost their place when the article was re-imported.
    pub(in crate::model) orphans: Vec<super::anchor::Orphan>,
    /// Who created the review and who changed it last.
    pub(in crate::model) provenance: super::provenance::Provenance,
    /// For each paragraph, the range of sentence indices inside it. Derived; see [`Self::reindex`].
    paragraph_sentences: Vec<Range<usize>>,
    /// For each sentence, its multi-sentence quotation group. Derived from text and boundaries.
    quote_groups: Vec<Option<u32>>,
    /// Where each sentence id is. Derived; links are resolved through it.
    id_index: std::collections::HashMap<SentenceId, usize>,
}

/// Label counts for the claims panel.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Count per taxonomy label, in taxonomy order.
    pub per_label: Vec<usize>,
    /// Of `per_label`, the sentences where the label is only suggested.
    pub per_label_suggested: Vec<usize>,
    pub unlabelled: usize,
    /// Sentences without a confirmed label.
    pub to_review: usize,
    pub suggested: usize,
    pub with_note: usize,
}

impl Session {
    /// A fresh review of `article`: segmented, nothing labelled yet.
    pub fn new(article: Article, taxonomy: Taxonomy) -> Self {
        let Segmentation {
            paragraphs,
            sentences,
            ..
        } = segment(&article.text);
        let annotations = vec![Annotation::default(); sentences.len()];
        Self::from_parts(article, taxonomy, paragraphs, sentences, annotations)
    }

    /// Assembles a saved session; the caller has validated the parts.
    pub fn from_saved(
        article: Article,
        taxonomy: Taxonomy,
        (paragraphs, sentences, ids): (Vec<Span>, Vec<Span>, Vec<SentenceId>),
        annotations: Vec<Annotation>,
        sources: Vec<Source>,
    ) -> Self {
        let mut session = Self::from_parts(article, taxonomy, paragraphs, sentences, annotations);
        session.ids = ids;
        session.sources = sources;
        session.reindex();
        session
    }

    /// Assembles a session from parts that the caller has validated (see `io::session_file`).
    pub fn from_parts(
        article: Article,
        taxonomy: Taxonomy,
        paragraphs: Vec<Span>,
        sentences: Vec<Span>,
        annotations: Vec<Annotation>,
    ) -> Self {
        let ids = (0..sentences.len() as u32).map(SentenceId).collect();
        let mut session = Self {
            article,
            taxonomy,
            paragraphs,
            sentences,
            ids,
            annotations,
            sources: Vec::new(),
            orphans: Vec::new(),
            provenance: Default::default(),
            paragraph_sentences: Vec::new(),
            quote_groups: Vec::new(),
            id_index: Default::default(),
        };
        session.reindex();
        session
    }

    pub fn article(&self) -> &Article {
        &self.article
    }

    pub fn taxonomy(&self) -> &Taxonomy {
        &self.taxonomy
    }

    pub fn paragraphs(&self) -> &[Span] {
        &self.paragraphs
    }

    pub fn sentences(&self) -> &[Span] {
        &self.sentences
    }

    /// Stable ids of the sentences, in sentence order.
    pub fn ids(&self) -> &[SentenceId] {
        &self.ids
    }

    /// One annotation per sentence, in sentence order.
    pub fn annotations(&self) -> &[Annotation] {
        &self.annotations
    }

    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// Claims that lost their place when the article was re-imported.
    pub fn orphans(&self) -> &[super::anchor::Orphan] {
        &self.orphans
    }

    pub fn provenance(&self) -> &super::provenance::Provenance {
        &self.provenance
    }

    /// A loaded session with the provenance its file records (construction, not an edit).
    pub fn with_provenance(mut self, provenance: super::provenance::Provenance) -> Self {
        self.provenance = provenance;
        self
    }

    /// The same review with other annotations, one per sentence (construction, not an edit:
    /// another analyst's judgements on the same sentences, in tests, benches and imports).
    pub fn with_annotations(&self, annotations: Vec<Annotation>) -> Session {
        Session::from_saved(
            self.article.clone(),
            self.taxonomy.clone(),
            (
                self.paragraphs.clone(),
                self.sentences.clone(),
                self.ids.clone(),
            ),
            annotations,
            self.sources.clone(),
        )
        .with_provenance(self.provenance.clone())
    }

    /// A loaded session with the orphans its file lists (construction, not an edit).
    pub fn with_orphans(mut self, orphans: Vec<super::anchor::Orphan>) -> Self {
        self.orphans = orphans;
        self
    }

    /// Recomputes which sentences lie in which paragraph; call after sentences change.
    pub(in crate::model) fn reindex(&mut self) {
        let mut out = Vec::with_capacity(self.paragraphs.len());
        let mut s = 0;
        for p in &self.paragraphs {
            while s < self.sentences.len() && self.sentences[s].end <= p.start {
                s += 1;
            }
            let first = s;
            while s < self.sentences.len() && self.sentences[s].start < p.end {
                s += 1;
            }
            out.push(first..s);
        }
        self.paragraph_sentences = out;
        self.quote_groups = quote_groups(&self.article.text, &self.paragraphs, &self.sentences);
        self.id_index = self
            .ids
            .iter()
            .enumerate()
            .map(|(i, &id)| (id, i))
            .collect();
    }

    /// A sentence id not used yet.
    pub fn fresh_id(&self) -> SentenceId {
        SentenceId(self.ids.iter().map(|i| i.0 + 1).max().unwrap_or(0))
    }

    /// The index of the sentence with this id.
    pub fn index_of(&self, id: SentenceId) -> Option<usize> {
        self.id_index.get(&id).copied()
    }

    pub fn source(&self, id: SourceId) -> Option<&Source> {
        // Ids are handed out in order, so a source is usually at its id's place; exports and
        // imports ask once per claim.
        match self.sources.get(id.0 as usize) {
            Some(s) if s.id == id => Some(s),
            _ => self.sources.iter().find(|s| s.id == id),
        }
    }

    /// A source id not used yet.
    pub fn fresh_source_id(&self) -> SourceId {
        SourceId(self.sources.iter().map(|s| s.id.0 + 1).max().unwrap_or(0))
    }

    /// The multi-sentence quotation that sentence `index` is part of, if any.
    pub fn quote_group(&self, index: usize) -> Option<u32> {
        self.quote_groups.get(index).copied().flatten()
    }

    pub fn sentence_text(&self, index: usize) -> &str {
        self.sentences
            .get(index)
            .map(|s| &self.article.text[s.range()])
            .unwrap_or("")
    }

    pub fn paragraph_sentences(&self, paragraph: usize) -> Range<usize> {
        self.paragraph_sentences
            .get(paragraph)
            .cloned()
            .unwrap_or(0..0)
    }

    /// The paragraph that holds sentence `index`.
    pub fn paragraph_of(&self, index: usize) -> Option<usize> {
        let span = self.sentences.get(index)?;
        let p = self.paragraphs.partition_point(|p| p.end < span.end);
        (p < self.paragraphs.len()).then_some(p)
    }

    pub fn len(&self) -> usize {
        self.sentences.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }

    /// The next sentence after `from` (wrapping around) that still needs the analyst: no label,
    /// or only a suggested one.
    pub fn next_unreviewed(&self, from: Option<usize>) -> Option<usize> {
        let n = self.annotations.len();
        let begin = from.map_or(0, |f| f + 1);
        (0..n)
            .map(|k| (begin + k) % n)
            .find(|&i| !self.annotations[i].is_confirmed())
    }

    pub fn stats(&self) -> Stats {
        use rayon::prelude::*;
        // Runs after every change on reviews of 50,000+ sentences: count on all cores and look
        // labels up with a fast hash (SipHash was most of the cost).
        let position = self.label_positions();
        let empty = || Stats {
            per_label: vec![0; self.taxonomy.labels.len()],
            per_label_suggested: vec![0; self.taxonomy.labels.len()],
            ..Stats::default()
        };
        self.annotations
            .par_chunks(4096)
            .map(|chunk| {
                let mut stats = empty();
                for a in chunk {
                    stats.count_as(a, &position, true);
                }
                stats
            })
            .reduce(empty, Stats::add)
    }
}

impl Session {
    /// Brings `stats` up to date after the annotations of `touched` changed from `before`, in
    /// time proportional to the change instead of to the review.
    pub fn update_stats(&self, stats: &mut Stats, touched: &[usize], before: &[Annotation]) {
        let position = self.label_positions();
        for (&i, old) in touched.iter().zip(before) {
            stats.count_as(old, &position, false);
            if let Some(new) = self.annotations.get(i) {
                stats.count_as(new, &position, true);
            }
        }
    }

    fn label_positions(&self) -> FxHashMap<&str, usize> {
        self.taxonomy
            .labels
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id.as_str(), i))
            .collect()
    }
}

impl Stats {
    /// Adds `a` to the counts, or takes it away.
    fn count_as(&mut self, a: &Annotation, position: &FxHashMap<&str, usize>, add: bool) {
        let step = |n: &mut usize| {
            if add {
                *n += 1
            } else {
                *n = n.saturating_sub(1)
            }
        };
        match &a.label {
            Some(id) => {
                if let Some(&i) = position.get(id.as_str()) {
                    step(&mut self.per_label[i]);
                    if a.status == Status::Suggested {
                        step(&mut self.per_label_suggested[i]);
                    }
                }
                if a.status == Status::Suggested {
                    step(&mut self.suggested);
                }
            }
            None => step(&mut self.unlabelled),
        }
        if !a.note.is_empty() {
            step(&mut self.with_note);
        }
        if !a.is_confirmed() {
            step(&mut self.to_review);
        }
    }

    fn add(mut self, other: Stats) -> Stats {
        for (mine, theirs) in self.per_label.iter_mut().zip(other.per_label) {
            *mine += theirs;
        }
        for (mine, theirs) in self
            .per_label_suggested
            .iter_mut()
            .zip(other.per_label_suggested)
        {
            *mine += theirs;
        }
        self.unlabelled += other.unlabelled;
        self.to_review += other.to_review;
        self.suggested += other.suggested;
        self.with_note += other.with_note;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(text: &str) -> Session {
        Session::new(Article::new("t", None, text), Taxonomy::default_preset())
    }

    #[test]
    fn stats_kept_up_to_date_by_changes_match_a_full_count() {
        use crate::model::{Command, command::LabelChange};
        let mut s = session("One. Two. Three.\n\nFour. Five.\n\nSix said “x.” Seven.");
        let ids: Vec<LabelId> = s.taxonomy.labels.iter().map(|l| l.id.clone()).collect();
        let mut stats = s.stats();
        for step in 0..60usize {
            let a = step % s.len();
            let b = (step * 7 + 3) % s.len();
            let label = (step % 4 != 0).then(|| ids[step % ids.len()].clone());
            let status = if step % 3 == 0 {
                Status::Suggested
            } else {
                Status::Confirmed
            };
            let command = if step % 5 == 4 {
                Command::SetNote {
                    sentence: a,
                    note: if step % 2 == 0 {
                        "n".into()
                    } else {
                        String::new()
                    },
                }
            } else {
                // The same sentence twice in one command is counted once.
                Command::SetLabels(vec![
                    LabelChange {
                        sentence: a,
                        label: label.clone(),
                        status,
                    },
                    LabelChange {
                        sentence: b,
                        label: label.clone(),
                        status,
                    },
                    LabelChange {
                        sentence: a,
                        label,
                        status,
                    },
                ])
            };
            let touched = command.touched_sentences().unwrap();
            let before: Vec<Annotation> =
                touched.iter().map(|&i| s.annotations[i].clone()).collect();
            if s.apply(command).is_ok() {
                s.update_stats(&mut stats, &touched, &before);
            }
            assert_eq!(stats, s.stats(), "after step {step}");
        }
    }

    #[test]
    fn each_label_counts_its_confirmed_and_its_suggested_sentences_apart() {
        use crate::model::{Command, command::LabelChange};
        let mut s = session("One. Two. Three. Four.");
        let id = s.taxonomy.labels[1].id.clone();
        let change = |sentence, status| LabelChange {
            sentence,
            label: Some(id.clone()),
            status,
        };
        s.apply(Command::SetLabels(vec![
            change(0, Status::Confirmed),
            change(1, Status::Suggested),
            change(2, Status::Suggested),
        ]))
        .unwrap();
        let stats = s.stats();
        assert_eq!(stats.per_label[1], 3);
        assert_eq!(stats.per_label_suggested[1], 2);
        assert_eq!(stats.per_label_suggested.iter().sum::<usize>(), 2);
    }

    #[test]
    fn paragraphs_know_their_sentences() {
        let s = session("Title\n\nOne. Two.\n\nThree.");
        assert_eq!(s.paragraphs.len(), 3);
        assert_eq!(s.paragraph_sentences(0), 0..1);
        assert_eq!(s.paragraph_sentences(1), 1..3);
        assert_eq!(s.paragraph_sentences(2), 3..4);
        assert_eq!(s.paragraph_of(2), Some(1));
        assert_eq!(s.paragraph_of(3), Some(2));
    }

    #[test]
    fn next_unreviewed_skips_confirmed_and_wraps_around() {
        let mut s = session("One. Two. Three. Four.");
        s.annotations[1].label = Some(LabelId::new("own"));
        s.annotations[2].label = Some(LabelId::new("own"));
        s.annotations[2].status = Status::Suggested;
        assert_eq!(
            s.next_unreviewed(Some(0)),
            Some(2),
            "a suggestion still needs review"
        );
        assert_eq!(s.next_unreviewed(Some(3)), Some(0));
        for a in &mut s.annotations {
            a.label = Some(LabelId::new("own"));
            a.status = Status::Confirmed;
        }
        assert_eq!(s.next_unreviewed(None), None);
    }
}
