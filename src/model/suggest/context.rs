//! Context: a sentence is read with its neighbours. Quotations spanning several sentences take
//! the attribution given at their end (or start); "he added" carries the previous explicit
//! source forward; a bare sentence after an attributed one is unattributed, with the possible
//! carry-over noted.

use super::rules::Effect;
use super::{Local, Suggestion};
use crate::model::{Session, SourceKind};
use std::collections::HashMap;

/// Kinds that name who is speaking, and so can be carried forward.
fn is_source(kind: SourceKind) -> bool {
    !matches!(
        kind,
        SourceKind::NotAClaim
            | SourceKind::Hedged
            | SourceKind::Unattributed
            | SourceKind::OwnReporting
    )
}

fn from_local(kind: SourceKind, local: &Local) -> Suggestion {
    Suggestion {
        kind,
        label: None,
        location: local.location.clone(),
        unmatched_location: None,
        cue: Some(local.cue),
        confidence: local.confidence,
        rules: local.rules.clone(),
        carried_from: None,
    }
}

fn borrowed(from: &Suggestion, index: usize, rule: &'static str, factor: f32) -> Suggestion {
    Suggestion {
        kind: from.kind,
        label: None,
        location: from.location.clone(),
        unmatched_location: None,
        cue: None,
        confidence: (from.confidence * factor).clamp(0.0, 1.0),
        rules: vec![rule],
        carried_from: Some(index),
    }
}

fn plain(kind: SourceKind, confidence: f32, rule: &'static str, from: Option<usize>) -> Suggestion {
    Suggestion {
        kind,
        label: None,
        location: None,
        unmatched_location: None,
        cue: None,
        confidence,
        rules: vec![rule],
        carried_from: from,
    }
}

pub fn resolve(session: &Session, locals: &[Option<Local>]) -> Vec<Suggestion> {
    let n = locals.len();
    let text = &session.article.text;
    let mut out: Vec<Option<Suggestion>> = vec![None; n];

    // 1. In reading order: sentences that name their source, and carry-overs from them.
    let mut last_source: Option<usize> = None;
    for i in 0..n {
        let Some(local) = &locals[i] else { continue };
        // "…, said the source, who asked not to be named": an unlocated anonymous source that
        // refers back is the source already met, location and all.
        let refers_back = local.effect == Effect::Kind(SourceKind::AnonymousSource)
            && local.location.is_none()
            && local.rules.iter().any(|r| r.starts_with("carry-"))
            && last_source.is_some();
        let effect = if refers_back {
            Effect::CarryOver
        } else {
            local.effect
        };
        match effect {
            Effect::Kind(kind) => {
                out[i] = Some(from_local(kind, local));
                if is_source(kind) {
                    last_source = Some(i);
                } else if kind == SourceKind::NotAClaim {
                    // Sources do not carry across captions, bylines and headings.
                    last_source = None;
                }
            }
            Effect::CarryOver => {
                let named = local.who.as_deref().and_then(|who| {
                    (0..i).rev().find(|&k| {
                        out[k].as_ref().is_some_and(|s| is_source(s.kind))
                            && locals[k]
                                .as_ref()
                                .is_some_and(|l| text[l.cue.range()].contains(who))
                    })
                });
                let from = named.or(last_source);
                out[i] = Some(match from.and_then(|k| out[k].as_ref().map(|s| (k, s))) {
                    Some((k, source)) => {
                        let mut s = borrowed(source, k, local.rules[0], 0.9);
                        s.cue = Some(local.cue);
                        s
                    }
                    None => plain(SourceKind::Unattributed, 0.5, "carry-without-source", None),
                });
                if from.is_some() {
                    last_source = Some(i);
                }
            }
        }
    }

    // 2. Quotations: members without a cue of their own take the quotation's attribution.
    let mut group_source: HashMap<u32, usize> = HashMap::new();
    for (i, s) in out.iter().enumerate() {
        if let (Some(g), Some(s)) = (session.quote_group(i), s)
            && is_source(s.kind)
        {
            group_source.insert(g, i);
        }
    }
    for i in 0..n {
        let needs = out[i]
            .as_ref()
            .is_none_or(|s| !is_source(s.kind) && s.kind != SourceKind::NotAClaim);
        if let Some(&k) = session.quote_group(i).and_then(|g| group_source.get(&g))
            && needs
            && k != i
            && let Some(source) = out[k].clone()
        {
            let mut s = borrowed(&source, k, "quote-group", 0.95);
            s.rules = vec!["quote-group"];
            out[i] = Some(s);
        }
    }

    // 3. The rest, in reading order, looking at the sentence before.
    for i in 0..n {
        if out[i].is_some() {
            continue;
        }
        let previous = (i > 0 && session.paragraph_of(i - 1) == session.paragraph_of(i))
            .then(|| out[i - 1].as_ref())
            .flatten();
        let starts_quoted = text[session.sentences[i].range()]
            .trim_start()
            .starts_with(['“', '"']);
        out[i] = Some(match previous {
            // A further quotation right after an attributed one is the same voice.
            Some(p) if starts_quoted && is_source(p.kind) => {
                borrowed(p, i - 1, "quote-continues", 0.9)
            }
            // A bio or caption runs on over its paragraph.
            Some(p) if p.kind == SourceKind::NotAClaim && p.rules[0] == "author-bio" => {
                plain(SourceKind::NotAClaim, 0.7, "bio-continues", Some(i - 1))
            }
            Some(p) if is_source(p.kind) => plain(
                SourceKind::Unattributed,
                0.45,
                "after-attributed",
                Some(i - 1),
            ),
            _ => plain(SourceKind::Unattributed, 0.6, "no-cue", None),
        });
    }
    out.into_iter()
        .map(|s| s.unwrap_or_else(|| plain(SourceKind::Unattributed, 0.6, "no-cue", None)))
        .collect()
}
