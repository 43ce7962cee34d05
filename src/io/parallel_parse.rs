//! Loading a large session on all cores. claimlens writes one claim per line, so the claims list
//! of its own files can be cut at line starts and the pieces parsed side by side. Anything that
//! does not look exactly like that layout, or fails in any way, returns `None` and the caller
//! parses the file the ordinary way, which also gives the exact line and column of an error.

use memchr::memmem;
use rayon::prelude::*;
use serde::de::DeserializeOwned;

const CLAIMS_OPEN: &str = "\n  claims: [\n";
const LIST_CLOSE: &str = "\n  ],";
const CLAIM_LINE: &str = "\n    (";
/// Below this many bytes of claims, splitting costs more than it saves.
const MIN_CLAIMS_BYTES: usize = 256 * 1024;

/// The file without its claims (the list left empty) and the claims in pieces of whole lines.
struct Split<'a> {
    rest: String,
    pieces: Vec<&'a str>,
}

fn split(text: &str) -> Option<Split<'_>> {
    // A second marker could only come from inside a string: do not guess which one is real.
    // memmem's vectorised search: the file may be tens of megabytes.
    let mut found = memmem::find_iter(text.as_bytes(), CLAIMS_OPEN);
    let open = found.next()?;
    if found.next().is_some() {
        return None;
    }
    let body_start = open + CLAIMS_OPEN.len();
    let body_end =
        body_start - 1 + memmem::find(&text.as_bytes()[body_start - 1..], LIST_CLOSE.as_bytes())?;
    let body = &text[body_start..body_end];
    if body.len() < MIN_CLAIMS_BYTES || !body.starts_with("    (") {
        return None;
    }
    let wanted = rayon::current_num_threads().max(1) * 2;
    let step = body.len() / wanted + 1;
    let mut pieces = Vec::with_capacity(wanted);
    let mut from = 0;
    while from < body.len() {
        let target = (from + step).min(body.len());
        let cut = if target == body.len() {
            body.len()
        } else {
            match memmem::find(&body.as_bytes()[target..], CLAIM_LINE.as_bytes()) {
                Some(i) => target + i + 1,
                None => body.len(),
            }
        };
        pieces.push(&body[from..cut]);
        from = cut;
    }
    let mut rest = String::with_capacity(text.len() - body.len());
    rest.push_str(&text[..body_start]);
    rest.push_str(&text[body_end + 1..]);
    Some(Split { rest, pieces })
}

/// Parses `text` as a `File` whose claims list holds `Claim`s, with the claims parsed in
/// parallel. `take_claims` moves the (empty) list out of the parsed rest so the pieces can be
/// put in; a rest whose list is not empty means the split guessed wrong.
pub(super) fn parse<File, Claim>(
    text: &str,
    take_claims: impl FnOnce(&mut File) -> &mut Vec<Claim>,
) -> Option<File>
where
    File: DeserializeOwned + Send,
    Claim: DeserializeOwned + Send,
{
    let Split { rest, pieces } = split(text)?;
    let (file, claims) = rayon::join(
        || ron::from_str::<File>(&rest).ok(),
        || {
            pieces
                .par_iter()
                .map(|piece| ron::from_str::<Vec<Claim>>(&format!("[{piece}]")).ok())
                .collect::<Option<Vec<Vec<Claim>>>>()
        },
    );
    let mut file = file?;
    let list = take_claims(&mut file);
    if !list.is_empty() {
        return None;
    }
    *list = claims?.into_iter().flatten().collect();
    Some(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_are_whole_lines_and_cover_the_list() {
        let claims: String = (0..20_000)
            .map(|i| format!("    (n: {i}, note: \"line {i}\"),\n"))
            .collect();
        let text = format!("(\n  title: \"t\",\n  claims: [\n{claims}  ],\n  after: 1,\n)\n");
        let split = split(&text).expect("canonical layout splits");
        assert!(split.pieces.len() > 1);
        assert_eq!(split.pieces.concat(), claims.trim_end_matches('\n'));
        assert!(split.pieces.iter().all(|p| p.starts_with("    (")));
        assert!(split.rest.contains("claims: [\n  ],\n  after: 1"));
    }

    #[test]
    fn a_second_marker_inside_a_string_disables_the_split() {
        let claims: String = (0..20_000).map(|i| format!("    (n: {i}),\n")).collect();
        let text = format!("(\n  note: \"x\n  claims: [\n\",\n  claims: [\n{claims}  ],\n)\n");
        assert!(split(&text).is_none());
    }
}
