//! Sentence boundaries from a claimlens export: its spans are the sentences the analyst had,
//! so each that lies inside one paragraph becomes a sentence again.

use crate::model::Span;
use crate::model::segment::trim_span;

/// Makes each placed span that lies inside one paragraph a sentence of its own, the rest of
/// the sentences it cuts kept as sentences; returns how many spans changed a boundary.
///
/// One pass over spans and sentences together: the sentences before a span's are final once
/// it is placed, so they go straight to the result and only the cut sentence's tail can meet
/// the next span.
pub(super) fn set_boundaries(
    text: &str,
    paragraphs: &[Span],
    sentences: &mut Vec<Span>,
    placed: &[Option<Span>],
) -> usize {
    let mut spans: Vec<Span> = placed.iter().flatten().copied().collect();
    spans.sort_by_key(|s| s.start);
    let old = std::mem::take(sentences);
    let mut out: Vec<Span> = Vec::with_capacity(old.len() + spans.len());
    // What is not final yet: the tail of the last cut sentence, then `old[next..]`.
    let mut tail: Option<Span> = None;
    let mut next = 0;
    let mut changed = 0;
    let mut last_end = 0;
    for span in spans {
        // The one paragraph that can hold the span: the first to end after its start.
        let inside = paragraphs
            .get(paragraphs.partition_point(|p| p.end <= span.start))
            .is_some_and(|p| p.start <= span.start && span.end <= p.end);
        let rest = &old[next..];
        let is_sentence = tail == Some(span)
            || rest
                .binary_search_by_key(&span.start, |s| s.start)
                .is_ok_and(|i| rest[i] == span);
        if !inside || span.start < last_end || is_sentence {
            last_end = last_end.max(span.end);
            continue;
        }
        last_end = span.end;
        // The pending sentences, tail first, and the run of them the span touches.
        let pending = |k: usize| {
            if let Some(t) = tail {
                if k == 0 { t } else { old[next + k - 1] }
            } else {
                old[next + k]
            }
        };
        let offset = tail.is_some() as usize;
        let first = match tail {
            Some(t) if t.end > span.start => Some(0),
            _ => Some(offset + old[next..].partition_point(|s| s.end <= span.start))
                .filter(|&k| k < old.len() - next + offset),
        };
        let last = {
            let in_rest = old[next..].partition_point(|s| s.start < span.end);
            match (in_rest, tail) {
                (0, Some(t)) if t.start < span.end => Some(0),
                (0, _) => None,
                (n, _) => Some(n - 1 + offset),
            }
        };
        let (Some(first), Some(last)) = (first, last) else {
            continue;
        };
        if first > last {
            continue;
        }
        for k in 0..first {
            out.push(pending(k));
        }
        let (head, cut) = (pending(first), pending(last));
        for piece in [Span::new(head.start, span.start.max(head.start)), span] {
            let piece = trim_span(text, piece);
            if piece.start < piece.end {
                out.push(piece);
            }
        }
        let rest_piece = trim_span(text, Span::new(span.end.min(cut.end), cut.end));
        next += last + 1 - offset;
        tail = (rest_piece.start < rest_piece.end).then_some(rest_piece);
        changed += 1;
    }
    out.extend(tail);
    out.extend_from_slice(&old[next..]);
    *sentences = out;
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::segment::segment;
    use proptest::prelude::*;

    /// The rule as first written, one splice per span: what the one-pass version must do.
    fn by_splicing(
        text: &str,
        paragraphs: &[Span],
        sentences: &mut Vec<Span>,
        placed: &[Option<Span>],
    ) -> usize {
        let mut spans: Vec<Span> = placed.iter().flatten().copied().collect();
        spans.sort_by_key(|s| s.start);
        let (mut changed, mut last_end) = (0, 0);
        for span in spans {
            let inside = paragraphs
                .iter()
                .any(|p| p.start <= span.start && span.end <= p.end);
            if !inside || span.start < last_end || sentences.contains(&span) {
                last_end = last_end.max(span.end);
                continue;
            }
            last_end = span.end;
            let first = sentences.iter().position(|s| s.end > span.start);
            let last = sentences.iter().rposition(|s| s.start < span.end);
            let (Some(first), Some(last)) = (first, last) else {
                continue;
            };
            if first > last {
                continue;
            }
            let (head, tail) = (sentences[first], sentences[last]);
            let replacement: Vec<Span> = [
                Span::new(head.start, span.start.max(head.start)),
                span,
                Span::new(span.end.min(tail.end), tail.end),
            ]
            .into_iter()
            .map(|p| trim_span(text, p))
            .filter(|p| p.start < p.end)
            .collect();
            sentences.splice(first..=last, replacement);
            changed += 1;
        }
        changed
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        /// Exported spans that split, merge, repeat and overlap the app's own sentences set the
        /// same boundaries as one splice per span would.
        #[test]
        fn boundaries_are_set_as_span_by_span(
            words in proptest::collection::vec(
                prop_oneof![Just("Kim said so."), Just("It rose"), Just("by 5%."), Just("\n\n"), Just("Dr. Ri left.")],
                1..40,
            ),
            cuts in proptest::collection::vec((0usize..400, 0usize..80), 0..12),
        ) {
            let text = words.join(" ");
            let seg = segment(&text);
            let placed: Vec<Option<Span>> = cuts
                .iter()
                .map(|&(at, len)| {
                    let start = at.min(text.len());
                    Some(trim_span(&text, Span::new(start, (start + len).min(text.len()))))
                        .filter(|s| s.start < s.end)
                })
                .chain(seg.sentences.iter().step_by(3).map(|&s| Some(s)))
                .collect();
            let mut want = seg.sentences.clone();
            let mut got = seg.sentences.clone();
            let changes = by_splicing(&text, &seg.paragraphs, &mut want, &placed);
            prop_assert_eq!(set_boundaries(&text, &seg.paragraphs, &mut got, &placed), changes);
            prop_assert_eq!(got, want);
        }
    }
}
