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
fn locate(old: &Session, index: usize, new_text: &str) -> Option<usize> {
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

/// Rebuilds the review on `article`: claims whose quote is found keep all they carry; the rest
/// become orphans. Sentence boundaries of found claims are kept even where the fresh
/// segmentation would differ.
pub fn reanchor(old: &Session, article: Article) -> Reanchored {
    let mut session = Session::new(article, old.taxonomy.clone());
    session.sources = old.sources.clone();
    session.orphans = old.orphans.clone();
    let new_text = session.article.text.clone();
    let mut placed: Vec<(Span, SentenceId, Annotation)> = Vec::new();
    let mut orphans = Vec::new();
    let (mut moved, mut kept) = (0, 0);
    let mut taken: Vec<Span> = Vec::new();
    for (i, annotation) in old.annotations.iter().enumerate() {
        if annotation.is_blank() {
            continue;
        }
        let span = old.sentences[i];
        let quote = &old.article.text[span.range()];
        match locate(old, i, &new_text) {
            Some(at)
                if !taken
                    .iter()
                    .any(|t| t.start < at + quote.len() && at < t.end) =>
            {
                let new_span = Span::new(at, at + quote.len());
                if session.paragraphs.iter().any(|p| p.contains(new_span)) {
                    if at == span.start {
                        kept += 1;
                    } else {
                        moved += 1;
                    }
                    taken.push(new_span);
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
    let id_map: HashMap<SentenceId, SentenceId> = placed
        .iter()
        .filter_map(|(span, old_id, _)| {
            let i = session.sentences.iter().position(|s| s == span)?;
            Some((*old_id, session.ids[i]))
        })
        .collect();
    for (span, _, annotation) in &placed {
        if let Some(i) = session.sentences.iter().position(|s| s == span) {
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
