//! Re-anchoring a review onto a newer version of its article. Each claim is found again by its
//! exact quote, disambiguated by the text around it (as W3C Web Annotation's TextQuoteSelector
//! does) and then by position; a claim whose text changed or vanished is never moved silently:
//! it becomes an orphan, kept with its label and note until the analyst re-attaches or drops it.

use super::article::Article;
use super::record::SentenceId;
use super::segment::{Span, trim_span};
use super::session::{Annotation, Session};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// How much text on each side of a quote is compared to tell repeated quotes apart.
const CONTEXT_CHARS: usize = 40;

/// A claim that could not be placed in the current article text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Orphan {
    /// The sentence text the claim was made on.
    pub quote: String,
    pub annotation: Annotation,
    /// Why it was orphaned, in words.
    pub reason: String,
}

/// The result of re-anchoring: the new session and what happened to each claim.
#[derive(Debug)]
pub struct Reanchored {
    pub session: Session,
    pub moved: usize,
    pub kept_in_place: usize,
    pub orphaned: usize,
}

fn context_before(text: &str, at: usize) -> &str {
    let start = text[..at]
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map_or(0, |(i, _)| i);
    &text[start..at]
}

fn context_after(text: &str, at: usize) -> &str {
    let end = text[at..]
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(text.len(), |(i, _)| at + i);
    &text[at..end]
}

fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Where the quote of an old sentence is in the new text: the occurrence with the most matching
/// context, then the one nearest the old relative position.
///
/// A review of a book-length text has tens of thousands of claims, so the quote is looked for
/// in a window around where it is expected, doubling until the answer is certain: an
/// occurrence with all its context matching, within the window's half-width of the expected
/// place, beats or ties every occurrence outside it (ties go to the nearer). Where the best
/// in the window matches less, the window grows, to the whole text if need be.
fn locate(old: &Session, index: usize, new_text: &str) -> Option<usize> {
    let span = old.sentences[index];
    let old_text = &old.article.text;
    let quote = &old_text[span.range()];
    if quote.is_empty() {
        return None;
    }
    let before = context_before(old_text, span.start);
    let after = context_after(old_text, span.end);
    let perfect = before.chars().count() + after.chars().count();
    let expected = span.start as f64 / old_text.len().max(1) as f64 * new_text.len() as f64;
    let near = (expected as usize).min(new_text.len());
    let mut half = 4096usize;
    loop {
        let from = new_text.floor_char_boundary(near.saturating_sub(half));
        let to = new_text.ceil_char_boundary((near + half + quote.len()).min(new_text.len()));
        let best = new_text[from..to]
            .match_indices(quote)
            .map(|(at, _)| {
                let at = from + at;
                let score = common_suffix(before, context_before(new_text, at))
                    + common_prefix(after, context_after(new_text, at + quote.len()));
                (at, score)
            })
            .max_by(|(a, sa), (b, sb)| {
                sa.cmp(sb).then_with(|| {
                    let da = (*a as f64 - expected).abs();
                    let db = (*b as f64 - expected).abs();
                    db.total_cmp(&da)
                })
            });
        let whole = from == 0 && to == new_text.len();
        match best {
            Some((at, score)) if whole || (score == perfect && at.abs_diff(near) + 1 < half) => {
                return Some(at);
            }
            None if whole => return None,
            _ => half = half.saturating_mul(2),
        }
    }
}

/// Rebuilds the review on `article`: claims whose quote is found keep all they carry; the rest
/// become orphans. Sentence boundaries of found claims are kept even where the fresh
/// segmentation would differ.
pub fn reanchor(old: &Session, mut article: Article) -> Reanchored {
    // What the analyst set by hand (outlet, date …) where the new file says nothing stays.
    let (meta, was) = (&mut article.meta, &old.article.meta);
    for (new, old) in [
        (&mut meta.site_name, &was.site_name),
        (&mut meta.published, &was.published),
        (&mut meta.byline, &was.byline),
        (&mut meta.url, &was.url),
    ] {
        if new.is_none() {
            new.clone_from(old);
        }
    }
    let mut session = Session::new(article, old.taxonomy.clone());
    session.sources = old.sources.clone();
    session.orphans = old.orphans.clone();
    let new_text = session.article.text.clone();
    let mut placed: Vec<(Span, SentenceId, Annotation)> = Vec::new();
    let mut orphans = Vec::new();
    let (mut moved, mut kept) = (0, 0);
    // The spans already given to claims, by start: they never overlap, so the one that could
    // overlap a new span is the last to start before its end.
    let mut taken: std::collections::BTreeMap<usize, usize> = Default::default();
    for (i, annotation) in old.annotations.iter().enumerate() {
        if annotation.is_blank() {
            continue;
        }
        let span = old.sentences[i];
        let quote = &old.article.text[span.range()];
        match locate(old, i, &new_text) {
            Some(at)
                if taken
                    .range(..at + quote.len())
                    .next_back()
                    .is_none_or(|(_, &end)| end <= at) =>
            {
                let new_span = Span::new(at, at + quote.len());
                let paragraph = session.paragraphs.get(
                    session
                        .paragraphs
                        .partition_point(|p| p.end <= new_span.start),
                );
                if paragraph.is_some_and(|p| p.contains(new_span)) {
                    if at == span.start {
                        kept += 1;
                    } else {
                        moved += 1;
                    }
                    taken.insert(new_span.start, new_span.end);
                    placed.push((new_span, old.ids[i], annotation.clone()));
                } else {
                    orphans.push(Orphan {
                        quote: quote.to_string(),
                        annotation: annotation.clone(),
                        reason: "its text now runs across two paragraphs".into(),
                    });
                }
            }
            Some(_) => orphans.push(Orphan {
                quote: quote.to_string(),
                annotation: annotation.clone(),
                reason: "its text is now part of another claim's sentence".into(),
            }),
            None => orphans.push(Orphan {
                quote: quote.to_string(),
                annotation: annotation.clone(),
                reason: "its exact text is no longer in the article".into(),
            }),
        }
    }
    impose(&mut session, &placed);
    // Links between claims follow their claims; a link to an orphan is kept on the orphan side
    // only.
    let index: HashMap<Span, usize> = session
        .sentences
        .iter()
        .enumerate()
        .map(|(i, s)| (*s, i))
        .collect();
    let id_map: HashMap<SentenceId, SentenceId> = placed
        .iter()
        .filter_map(|(span, old_id, _)| {
            let i = *index.get(span)?;
            Some((*old_id, session.ids[i]))
        })
        .collect();
    for (span, _, annotation) in &placed {
        if let Some(&i) = index.get(span) {
            let mut a = annotation.clone();
            a.links = a
                .links
                .iter()
                .filter_map(|l| {
                    id_map
                        .get(&l.to)
                        .map(|&to| super::record::Link { kind: l.kind, to })
                })
                .collect();
            session.annotations[i] = a;
        }
    }
    let orphaned = orphans.len();
    session.orphans.extend(orphans);
    Reanchored {
        session,
        moved,
        kept_in_place: kept,
        orphaned,
    }
}

/// Makes each placed span a sentence of its own, cutting the fresh sentences it overlaps.
fn impose(session: &mut Session, placed: &[(Span, SentenceId, Annotation)]) {
    if placed.is_empty() {
        return;
    }
    let text = session.article.text.clone();
    let mut wanted: Vec<Span> = placed.iter().map(|p| p.0).collect();
    wanted.sort();
    let mut out: Vec<Span> = Vec::with_capacity(session.sentences.len() + wanted.len());
    let mut w = 0;
    for &s in &session.sentences {
        let mut cursor = s.start;
        while w < wanted.len() && wanted[w].start < s.end {
            let span = wanted[w];
            if span.start > cursor {
                let left = trim_span(&text, Span::new(cursor, span.start.min(s.end)));
                if !left.is_empty() {
                    out.push(left);
                }
            }
            if out.last() != Some(&span) {
                out.push(span);
            }
            cursor = cursor.max(span.end);
            if span.end > s.end {
                break;
            }
            w += 1;
        }
        if cursor < s.end {
            let right = trim_span(&text, Span::new(cursor, s.end));
            if !right.is_empty() {
                out.push(right);
            }
        }
    }
    out.dedup();
    session.sentences = out;
    session.ids = (0..session.sentences.len() as u32)
        .map(SentenceId)
        .collect();
    session.annotations = vec![Annotation::default(); session.sentences.len()];
    session.reindex();
}

impl Session {
    /// The command that re-imports a newer version of the article (one undo step).
    pub fn reimport(&self, article: Article) -> (super::command::Command, Reanchored) {
        let result = reanchor(self, article);
        let command = super::command::Command::ReplaceSession {
            session: Box::new(result.session.clone()),
            what: "re-import article".into(),
        };
        (command, result)
    }

    /// The command that puts orphan `k` back, on sentence `sentence`. Its links are dropped:
    /// they pointed at sentences of the old text.
    pub fn attach_orphan(
        &self,
        k: usize,
        sentence: usize,
    ) -> Result<super::command::Command, super::command::CommandError> {
        self.check_attach(k, sentence)?;
        Ok(super::command::Command::AttachOrphan {
            orphan: k,
            sentence,
        })
    }

    /// The command that drops orphan `k` for good (undoable like any other).
    pub fn drop_orphan(
        &self,
        k: usize,
    ) -> Result<super::command::Command, super::command::CommandError> {
        self.check_orphan(k)?;
        Ok(super::command::Command::DropOrphan { orphan: k })
    }

    fn check_orphan(&self, k: usize) -> Result<(), super::command::CommandError> {
        if k >= self.orphans.len() {
            return Err(super::command::CommandError::Record(
                "no such orphaned claim".into(),
            ));
        }
        Ok(())
    }

    /// The annotation orphan `k` takes on `sentence`, once checked.
    fn check_attach(
        &self,
        k: usize,
        sentence: usize,
    ) -> Result<Annotation, super::command::CommandError> {
        use super::command::CommandError;
        self.check_orphan(k)?;
        if sentence >= self.len() {
            return Err(CommandError::NoSuchSentence(sentence));
        }
        if !self.annotations[sentence].is_blank() {
            return Err(CommandError::Record(format!(
                "sentence {} already has a claim; choose an unlabelled sentence",
                sentence + 1
            )));
        }
        let mut annotation = self.orphans[k].annotation.clone();
        annotation.links.clear();
        self.check_annotation(sentence, &annotation)?;
        Ok(annotation)
    }

    pub(super) fn apply_attach(
        &mut self,
        k: usize,
        sentence: usize,
    ) -> Result<super::command::Command, super::command::CommandError> {
        let annotation = self.check_attach(k, sentence)?;
        let orphan = self.orphans.remove(k);
        self.annotations[sentence] = annotation;
        Ok(super::command::Command::RestoreOrphan {
            index: k,
            orphan: Box::new(orphan),
            sentence: Some(sentence),
        })
    }

    pub(super) fn apply_drop(
        &mut self,
        k: usize,
    ) -> Result<super::command::Command, super::command::CommandError> {
        self.check_orphan(k)?;
        let orphan = self.orphans.remove(k);
        Ok(super::command::Command::RestoreOrphan {
            index: k,
            orphan: Box::new(orphan),
            sentence: None,
        })
    }

    pub(super) fn apply_restore(
        &mut self,
        index: usize,
        orphan: Orphan,
        sentence: Option<usize>,
    ) -> Result<super::command::Command, super::command::CommandError> {
        use super::command::{Command, CommandError};
        if index > self.orphans.len() {
            return Err(CommandError::Record("no such orphaned claim".into()));
        }
        if let Some(s) = sentence
            && s >= self.len()
        {
            return Err(CommandError::NoSuchSentence(s));
        }
        self.orphans.insert(index, orphan);
        Ok(match sentence {
            Some(s) => {
                self.annotations[s] = Annotation::default();
                Command::AttachOrphan {
                    orphan: index,
                    sentence: s,
                }
            }
            None => Command::DropOrphan { orphan: index },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Taxonomy;
    use proptest::prelude::*;

    /// The rule as first written, every occurrence in the whole text scored: what the windowed
    /// search must find.
    fn by_scanning(old: &Session, index: usize, new_text: &str) -> Option<usize> {
        let span = old.sentences[index];
        let old_text = &old.article.text;
        let quote = &old_text[span.range()];
        let before = context_before(old_text, span.start);
        let after = context_after(old_text, span.end);
        let expected = span.start as f64 / old_text.len().max(1) as f64 * new_text.len() as f64;
        new_text
            .match_indices(quote)
            .map(|(at, _)| {
                let score = common_suffix(before, context_before(new_text, at))
                    + common_prefix(after, context_after(new_text, at + quote.len()));
                (at, score)
            })
            .max_by(|(a, sa), (b, sb)| {
                sa.cmp(sb).then_with(|| {
                    let da = (*a as f64 - expected).abs();
                    let db = (*b as f64 - expected).abs();
                    db.total_cmp(&da)
                })
            })
            .map(|(at, _)| at)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(16))]
        /// Repeated sentences, texts long enough for several windows, and edits that shift the
        /// text a little or a lot: every claim lands where a scan of the whole text says.
        #[test]
        fn the_windowed_search_finds_what_a_whole_scan_finds(
            picks in proptest::collection::vec(0usize..6, 150..600),
            cut in (0usize..20_000, 0usize..12_000),
            insert in 0usize..9_000,
        ) {
            let sentences = [
                "Prices rose in Hyesan.", "A source said so.", "Traders were arrested.",
                "KCNA denied it.", "The market closed early.", "Prices rose in Hyesan again.",
            ];
            let text: String = picks
                .iter()
                .enumerate()
                .map(|(i, &k)| format!("{}{}", sentences[k], if i % 7 == 6 { "\n\n" } else { " " }))
                .collect();
            let old = Session::new(Article::new("t", None, &text), Taxonomy::default_preset());
            let start = text.floor_char_boundary(cut.0.min(text.len()));
            let end = text.floor_char_boundary((start + cut.1).min(text.len()));
            let new_text = format!(
                "{}{}{}",
                &text[..start],
                "Inserted words. ".repeat(insert / 16),
                &text[end..]
            );
            for i in 0..old.sentences.len() {
                prop_assert_eq!(locate(&old, i, &new_text), by_scanning(&old, i, &new_text), "sentence {}", i);
            }
        }
    }
}
