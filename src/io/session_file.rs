//! The session file: pretty RON, self-contained (it carries the article text), versioned, and
//! checked thoroughly on load so that a damaged file is refused instead of half-opened.

use super::atomic::write_atomic;
use super::error::{FileError, Problem, read_problem};
use crate::model::{
    Annotation, Article, LabelId, Session, Span, Status, Taxonomy, article::sha256_hex,
};
use serde::{Deserialize, Serialize};
use std::path::Path;

pub const FORMAT: &str = "claimlens-session";
pub const VERSION: u32 = 1;
/// Sessions carry their article, so they may be larger than articles; still bounded.
pub const MAX_SESSION_BYTES: u64 = 512_000_000;

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    format: String,
    version: u32,
}

#[derive(Debug, Serialize, Deserialize)]
struct SessionFile {
    format: String,
    version: u32,
    article: Article,
    taxonomy: Taxonomy,
    paragraphs: Vec<(usize, usize)>,
    sentences: Vec<(usize, usize)>,
    claims: Vec<ClaimRecord>,
}

/// One annotated sentence, anchored both by its range and by its exact text.
#[derive(Debug, Serialize, Deserialize)]
struct ClaimRecord {
    sentence: usize,
    start: usize,
    end: usize,
    quote: String,
    #[serde(default)]
    label: Option<LabelId>,
    #[serde(default)]
    status: Status,
    #[serde(default)]
    note: String,
}

/// The session as RON text.
pub fn to_ron(session: &Session) -> String {
    let claims = session
        .annotations
        .iter()
        .enumerate()
        .filter(|(_, a)| !a.is_blank())
        .map(|(i, a)| {
            let span = session.sentences[i];
            ClaimRecord {
                sentence: i,
                start: span.start,
                end: span.end,
                quote: session.article.text[span.range()].to_string(),
                label: a.label.clone(),
                status: a.status,
                note: a.note.clone(),
            }
        })
        .collect();
    let file = SessionFile {
        format: FORMAT.to_string(),
        version: VERSION,
        article: session.article.clone(),
        taxonomy: session.taxonomy.clone(),
        paragraphs: session
            .paragraphs
            .iter()
            .map(|p| (p.start, p.end))
            .collect(),
        sentences: session.sentences.iter().map(|s| (s.start, s.end)).collect(),
        claims,
    };
    let pretty = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .compact_arrays(false)
        .separate_tuple_members(false)
        .indentor("  ");
    // Serializing plain data structures to a String has no failure mode besides a bug in ron;
    // the empty string would then be caught by the load check of the next open.
    ron::ser::to_string_pretty(&file, pretty).unwrap_or_default()
}

/// Parses and validates session RON text.
pub fn from_ron(text: &str) -> Result<Session, Problem> {
    let header: Header = ron::from_str(text).map_err(|e| {
        if looks_like_ron_struct(text) {
            Problem::Malformed(describe_ron_error(&e))
        } else {
            Problem::NotASession
        }
    })?;
    if header.format != FORMAT {
        return Err(Problem::NotASession);
    }
    if header.version > VERSION {
        return Err(Problem::NewerVersion {
            found: header.version,
            supported: VERSION,
        });
    }
    if header.version < 1 {
        return Err(Problem::UnsupportedVersion(header.version));
    }
    let file: SessionFile =
        ron::from_str(text).map_err(|e| Problem::Malformed(describe_ron_error(&e)))?;
    validate(file).map_err(Problem::Invalid)
}

fn looks_like_ron_struct(text: &str) -> bool {
    text.trim_start().starts_with('(') || text.contains("format:")
}

fn describe_ron_error(e: &ron::error::SpannedError) -> String {
    format!(
        "line {}, column {}: {}",
        e.span.start.line, e.span.start.col, e.code
    )
}

fn validate(file: SessionFile) -> Result<Session, String> {
    let SessionFile {
        article,
        taxonomy,
        paragraphs,
        sentences,
        claims,
        ..
    } = file;
    let text = &article.text;
    if sha256_hex(text) != article.sha256 {
        return Err(
            "the article text does not match its SHA-256 checksum (was the text edited by hand?)"
                .into(),
        );
    }
    taxonomy.validate().map_err(|e| format!("taxonomy: {e}"))?;
    let paragraphs = check_spans(text, &paragraphs, "paragraph")?;
    let sentences = check_spans(text, &sentences, "sentence")?;
    let mut p = 0;
    for (i, s) in sentences.iter().enumerate() {
        while p < paragraphs.len() && paragraphs[p].end < s.end {
            p += 1;
        }
        if p == paragraphs.len() || !paragraphs[p].contains(*s) {
            return Err(format!("sentence {} is not inside one paragraph", i + 1));
        }
    }
    let mut annotations = vec![Annotation::default(); sentences.len()];
    let mut seen = vec![false; sentences.len()];
    for (n, c) in claims.into_iter().enumerate() {
        let claim = n + 1;
        let Some(span) = sentences.get(c.sentence) else {
            return Err(format!(
                "claim {claim} refers to sentence {}, but there are only {}",
                c.sentence + 1,
                sentences.len()
            ));
        };
        if std::mem::replace(&mut seen[c.sentence], true) {
            return Err(format!(
                "sentence {} has more than one claim",
                c.sentence + 1
            ));
        }
        if (span.start, span.end) != (c.start, c.end) || text[span.range()] != c.quote {
            return Err(format!(
                "claim {claim} (\"{}\") does not match the text of sentence {}",
                crate::model::article::shorten(&c.quote, 40),
                c.sentence + 1
            ));
        }
        if let Some(id) = &c.label
            && taxonomy.get(id).is_none()
        {
            return Err(format!(
                "claim {claim} uses label {:?}, which is not in the session's taxonomy",
                id.0
            ));
        }
        annotations[c.sentence] = Annotation {
            label: c.label,
            status: c.status,
            note: c.note,
        };
    }
    Ok(Session::from_parts(
        article,
        taxonomy,
        paragraphs,
        sentences,
        annotations,
    ))
}

/// Checks that spans are non-empty, in order, non-overlapping, inside the text and on character
/// boundaries.
fn check_spans(text: &str, spans: &[(usize, usize)], what: &str) -> Result<Vec<Span>, String> {
    let mut out = Vec::with_capacity(spans.len());
    let mut previous_end = 0;
    for (i, &(start, end)) in spans.iter().enumerate() {
        let n = i + 1;
        if start >= end {
            return Err(format!("{what} {n} is empty or reversed ({start}..{end})"));
        }
        if end > text.len() {
            return Err(format!(
                "{what} {n} ends at byte {end}, past the end of the text ({} bytes)",
                text.len()
            ));
        }
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return Err(format!(
                "{what} {n} ({start}..{end}) cuts a character in half"
            ));
        }
        if start < previous_end {
            return Err(format!("{what} {n} overlaps the one before it"));
        }
        previous_end = end;
        out.push(Span::new(start, end));
    }
    Ok(out)
}

pub fn load_session(path: &Path) -> Result<Session, FileError> {
    let fail = |problem| FileError::open(path, problem);
    let meta = std::fs::metadata(path).map_err(|e| fail(read_problem(&e)))?;
    if meta.is_dir() {
        return Err(fail(Problem::IsDirectory));
    }
    if meta.len() > MAX_SESSION_BYTES {
        return Err(fail(Problem::TooLarge {
            bytes: meta.len(),
            limit: MAX_SESSION_BYTES,
        }));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(read_problem(&e)))?;
    if bytes.is_empty() {
        return Err(fail(Problem::Empty));
    }
    if bytes.contains(&0) {
        return Err(fail(Problem::Binary));
    }
    let text = std::str::from_utf8(&bytes).map_err(|_| fail(Problem::NotASession))?;
    from_ron(text).map_err(fail)
}

/// Saves atomically: the previous file stays whole until the new one is completely on disk.
pub fn save_session(path: &Path, session: &Session) -> Result<(), FileError> {
    let text = to_ron(session);
    write_atomic(path, |out| out.write_all(text.as_bytes()))
        .map_err(|e| FileError::save(path, Problem::WriteFailed(e.to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Session {
        let mut s = Session::new(
            Article::new("t", None, "Head line\n\nOne. Two said “x.” Three."),
            Taxonomy::default_preset(),
        );
        s.annotations[1].label = Some(LabelId::new("own"));
        s.annotations[2].note = "check this".into();
        s
    }

    #[test]
    fn round_trip_keeps_everything() {
        let s = sample();
        let back = from_ron(&to_ron(&s)).unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn newer_version_is_refused_clearly() {
        let text = to_ron(&sample()).replacen("version: 1", "version: 7", 1);
        assert_eq!(
            from_ron(&text).unwrap_err(),
            Problem::NewerVersion {
                found: 7,
                supported: 1
            }
        );
    }

    #[test]
    fn unknown_label_is_refused() {
        let text = to_ron(&sample()).replace("label: Some(\"own\")", "label: Some(\"nope\")");
        let err = from_ron(&text).unwrap_err();
        assert!(matches!(err, Problem::Invalid(m) if m.contains("\"nope\"")));
    }

    #[test]
    fn syntax_error_names_line_and_column() {
        let mut text = to_ron(&sample());
        text.truncate(text.len() / 2);
        let err = from_ron(&text).unwrap_err();
        assert!(
            matches!(&err, Problem::Malformed(m) if m.contains("line ")),
            "{err:?}"
        );
    }
}
