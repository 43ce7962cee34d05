//! Sentence ends inside one paragraph: one pass over the bytes, jumping between candidate
//! terminators with `memchr`.

use super::boundary::{is_boundary, is_missing_space_boundary};
use super::lists::inline_list_starts;
use super::{Span, trim_span};
use memchr::memmem::Finder;
use std::sync::LazyLock;

/// Built once: building a searcher per paragraph cost more than the search on short paragraphs.
static ELLIPSIS: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("…"));

pub(super) fn sentences_in(text: &str, para: Span, out: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    // Items of an inline list ("1) … 2) …") start sentences whatever the punctuation.
    let mut list_items = inline_list_starts(text, para).into_iter().peekable();
    let mut start = para.start;
    let mut i = para.start;
    let ellipsis = &*ELLIPSIS;
    // The next "…" at or after `i` (or `para.end`), found again only once `i` passes it.
    let mut next_ellipsis = para.end;
    let mut ellipsis_from = usize::MAX;
    // Likewise the next ideographic or full-width terminator, and the next . ! ? (kept so that
    // text with many candidates of one kind does not rescan for the other).
    let mut next_cjk = NextFrom::default();
    let mut next_ascii = NextFrom::default();
    while i < para.end {
        if ellipsis_from == usize::MAX || (i > next_ellipsis && next_ellipsis < para.end) {
            next_ellipsis = ellipsis
                .find(&bytes[i..para.end])
                .map_or(para.end, |k| i + k);
            ellipsis_from = i;
        }
        // Jump to the next byte that can begin a terminator: . ! ? … 。！？
        let ascii = next_ascii.at_or_after(i, para.end, |from| {
            memchr::memchr3(b'.', b'!', b'?', &bytes[from..para.end]).map(|k| from + k)
        });
        let cjk = next_cjk.at_or_after(i, para.end, |from| {
            next_cjk_terminator(bytes, from, para.end)
        });
        let stop = ascii.min(cjk).min(next_ellipsis);
        while list_items.next_if(|&item| item <= start).is_some() {}
        if let Some(item) = list_items.next_if(|&item| item <= stop) {
            out.push(trim_span(text, Span::new(start, item)));
            start = item;
            i = item;
            continue;
        }
        if stop >= para.end {
            break;
        }
        i = stop;
        let Some(run_end) = terminator_run(bytes, i, para.end) else {
            i += 1;
            continue;
        };
        // "[...]", "(…)": an omission inside brackets ends nothing.
        if i > para.start
            && matches!(bytes[i - 1], b'[' | b'(')
            && matches!(bytes.get(run_end), Some(b']' | b')'))
        {
            i = run_end;
            continue;
        }
        if let Some((spaced_end, dots)) = spaced_ellipsis(bytes, i, run_end, para.end) {
            let attached = i > start && !bytes[i - 1].is_ascii_whitespace();
            let after = skip_closers(bytes, spaced_end, para.end);
            let next = skip_whitespace(bytes, after, para.end);
            let opens_next = next > after
                && next < para.end
                && text[next..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '“');
            if opens_next && attached && dots >= 4 && after == spaced_end {
                // "compounds. . . . The practice": the stop ends the sentence and the omission
                // opens the next one.
                out.push(trim_span(text, Span::new(start, i + 1)));
                start = skip_whitespace(bytes, i + 1, para.end);
            } else if opens_next && (attached || dots >= 4) {
                out.push(trim_span(text, Span::new(start, after)));
                start = next;
            }
            // A spaced ellipsis inside a sentence (" . . . ") marks an omission only.
            i = spaced_end.max(i + 1);
            continue;
        }
        let after_closers = skip_closers(bytes, run_end, para.end);
        if after_closers >= para.end {
            break;
        }
        // 。！？ end a sentence outright: the scripts that use them put no space after. Only a
        // quotation closed and carried on ("「帰る。」と言った。") continues the sentence.
        if (i..run_end).any(|j| cjk_terminator_at(bytes, j)) {
            let carried_on = after_closers > run_end
                && text[after_closers..].chars().next().is_some_and(|c| {
                    matches!(c, 'と' | 'っ' | '、' | '，' | ',') || c.is_lowercase()
                });
            if carried_on {
                i = after_closers;
                continue;
            }
            out.push(trim_span(text, Span::new(start, after_closers)));
            start = skip_whitespace(bytes, after_closers, para.end);
            i = start.max(i + 1);
            continue;
        }
        if !bytes[after_closers].is_ascii_whitespace() {
            if is_missing_space_boundary(text, start, i, run_end, after_closers) {
                out.push(Span::new(start, after_closers));
                start = after_closers;
            }
            i = after_closers.max(i + 1);
            continue;
        }
        let next = skip_whitespace(bytes, after_closers, para.end);
        if next < para.end
            && is_boundary(text, start, i, run_end, next)
            && !keeps_credit(&text[para.start..next], &text[next..para.end])
            && !inside_parenthesis(&text[start..after_closers], &text[next..para.end])
        {
            out.push(trim_span(text, Span::new(start, after_closers)));
            start = next;
        }
        i = next.max(i + 1);
    }
    let last = trim_span(text, Span::new(start, para.end));
    if !last.is_empty() {
        out.push(last);
    }
}

/// A parenthesised name closing the paragraph ("(Yonhap)", "(Kang Ji-won)") is a credit of its
/// own, except after a photo caption, where caption and credit are one unit of furniture ("…
/// in a file photo. (Kestrel Report)"). A credit phrase ("(Reporting by …)") stays with its
/// sentence, as wire copy prints it.
fn keeps_credit(before: &str, rest: &str) -> bool {
    let credit =
        rest.starts_with('(') && rest.ends_with(')') && !rest.contains(['.', '!', '?', '…']);
    credit && (!is_bare_name(&rest[1..rest.len() - 1]) || is_photo_caption(before))
}

/// Capitalised words, joined by slashes or the few small words of a credit line.
fn is_bare_name(inner: &str) -> bool {
    inner
        .split(|c: char| c.is_whitespace() || c == '/' || c == ',' || c == ';')
        .filter(|w| !w.is_empty())
        .all(|w| {
            w.starts_with(|c: char| !c.is_lowercase())
                || matches!(
                    w,
                    "via" | "of" | "and" | "for" | "the" | "de" | "&" | "von" | "van"
                )
        })
}

fn is_photo_caption(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "photo",
        "image",
        "picture",
        "pictured",
        "undated",
        "screenshot",
        "screen grab",
        "illustration",
        "video grab",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// A stop inside a parenthesis that closes soon after ("(Editorial use only in South Korea. Not
/// for resale)") ends nothing: the parenthesis is one unit.
fn inside_parenthesis(before: &str, rest: &str) -> bool {
    // Most sentences hold no parenthesis: one vectorised search instead of two counts.
    if memchr::memchr(b'(', before.as_bytes()).is_none() {
        return false;
    }
    let open = before.bytes().filter(|&b| b == b'(').count();
    let close = before.bytes().filter(|&b| b == b')').count();
    open > close
        && rest
            .char_indices()
            .take_while(|&(k, _)| k < 160)
            .find(|&(_, c)| c == ')' || c == '(')
            .is_some_and(|(_, c)| c == ')')
}

/// ". . ." and ". . . .": dots separated by single spaces, from the run `i..run_end` on. Returns
/// the end of the spaced run and its number of dots, if there is a spaced run at all.
fn spaced_ellipsis(bytes: &[u8], i: usize, run_end: usize, end: usize) -> Option<(usize, usize)> {
    if !bytes[i..run_end].iter().all(|&b| b == b'.') {
        return None;
    }
    let mut j = run_end;
    let mut dots = run_end - i;
    while j + 1 < end && bytes[j] == b' ' && bytes[j + 1] == b'.' {
        j += 2;
        dots += 1;
        while j < end && bytes[j] == b'.' {
            j += 1;
            dots += 1;
        }
    }
    (j > run_end).then_some((j, dots))
}

/// "[12]" at `j`: a footnote marker after a sentence's stop. Returns its end.
fn footnote_marker(bytes: &[u8], j: usize, end: usize) -> Option<usize> {
    let digits = bytes[j + 1..end]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    ((1..=3).contains(&digits) && bytes.get(j + 1 + digits) == Some(&b']'))
        .then_some(j + 2 + digits)
}

/// If a sentence terminator (`.`, `!`, `?`, `…`) starts at `i`, returns the end of the run of
/// terminators.
fn terminator_run(bytes: &[u8], i: usize, end: usize) -> Option<usize> {
    let mut j = i;
    while j < end {
        match bytes[j] {
            b'.' | b'!' | b'?' => j += 1,
            0xE2 if bytes.get(j + 1..j + 3) == Some(&[0x80, 0xA6]) => j += 3,
            0xE3 | 0xEF if cjk_terminator_at(bytes, j) => j += 3,
            _ => break,
        }
    }
    (j > i).then_some(j)
}

/// 。 (U+3002), ！ (U+FF01), ？ (U+FF1F) or ｡ (U+FF61) starts at `j`.
fn cjk_terminator_at(bytes: &[u8], j: usize) -> bool {
    matches!(
        bytes.get(j..j + 3),
        Some([0xE3, 0x80, 0x82] | [0xEF, 0xBC, 0x81] | [0xEF, 0xBC, 0x9F] | [0xEF, 0xBD, 0xA1])
    )
}

fn next_cjk_terminator(bytes: &[u8], mut from: usize, end: usize) -> Option<usize> {
    while let Some(k) = memchr::memchr2(0xE3, 0xEF, &bytes[from..end]) {
        if cjk_terminator_at(&bytes[..end], from + k) {
            return Some(from + k);
        }
        from += k + 1;
    }
    None
}

/// The next position of something at or after a cursor that only moves forward, searched for
/// again only once the cursor has passed it.
#[derive(Default)]
struct NextFrom {
    found: Option<usize>,
}

impl NextFrom {
    fn at_or_after(
        &mut self,
        i: usize,
        end: usize,
        find: impl FnOnce(usize) -> Option<usize>,
    ) -> usize {
        match self.found {
            Some(at) if at >= i => at,
            _ => {
                let at = find(i).unwrap_or(end);
                self.found = Some(at);
                at
            }
        }
    }
}

/// Closing quotes and brackets after a terminator, and footnote markers ("….[12] Next").
fn skip_closers(bytes: &[u8], mut j: usize, end: usize) -> usize {
    while j < end {
        match bytes[j] {
            b'"' | b'\'' | b')' | b']' => j += 1,
            b'[' if footnote_marker(bytes, j, end).is_some() => {
                j = footnote_marker(bytes, j, end).unwrap_or(j + 1)
            }
            // ” ’ (U+201D, U+2019)
            0xE2 if matches!(
                bytes.get(j + 1..j + 3),
                Some([0x80, 0x9D]) | Some([0x80, 0x99])
            ) =>
            {
                j += 3
            }
            // » (U+00BB)
            0xC2 if bytes.get(j + 1) == Some(&0xBB) => j += 2,
            // 」 』 》 〉 (U+300D, U+300F, U+300B, U+3009) and full-width ） (U+FF09)
            0xE3 if matches!(
                bytes.get(j + 1..j + 3),
                Some([0x80, 0x8D | 0x8F | 0x8B | 0x89])
            ) =>
            {
                j += 3
            }
            0xEF if bytes.get(j + 1..j + 3) == Some(&[0xBC, 0x89]) => j += 3,
            _ => break,
        }
    }
    j
}

fn skip_whitespace(bytes: &[u8], mut j: usize, end: usize) -> usize {
    while j < end && bytes[j].is_ascii_whitespace() {
        j += 1;
    }
    j
}
