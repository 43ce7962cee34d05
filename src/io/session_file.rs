//! The session file: pretty RON, self-contained (it carries the article text), versioned, and
//! checked thoroughly on load so that a damaged file is refused instead of half-opened.

use super::atomic::write_atomic_then;
use super::error::{FileError, Problem};
use crate::model::adjudication::Decision;
use crate::model::anchor::Orphan;
use crate::model::{
    Annotation, Article, Credibility, Hedging, LabelId, Link, Provenance, SentenceId, Session,
    Source, SourceId, Span, Status, Taxonomy,
    article::{sha256_hex, sha256_hex_bytes},
};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::path::Path;

pub const FORMAT: &str = "claimlens-session";
/// Version 2 added sentence ids, sources, credibility, hedging and links between claims.
/// Version 3 no longer repeats each claim's byte range (the sentences list has it), which makes
/// large sessions a fifth faster to load; version 2 files still open.
/// Version 4 adds sources proposed by the suggestion engine (`proposed: true`, not yet accepted)
/// and the gazetteer edition of the taxonomy's located labels (`places`); earlier files open with
/// no proposed sources and edition 0 (their labels' own aliases only).
/// Version 5 adds the article's metadata (`meta`: byline, date, publisher, address, language,
/// and the web page or document the text was extracted from); earlier files open with none.
/// Version 6 adds who created the review and who changed it last, and when (`provenance`);
/// earlier files open with no one named.
/// Version 7 adds adjudication: the two reviews an adjudication settles (`provenance:
/// adjudication`) and, on each claim decided, whose judgement it took and who decided
/// (`decision`); earlier files open as ordinary reviews.
pub const VERSION: u32 = 7;
/// Sessions carry their article, so they may be larger than articles; still bounded.
pub const MAX_SESSION_BYTES: u64 = 512_000_000;

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    format: String,
    version: u32,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SessionFile {
    format: String,
    version: u32,
    #[serde(default, skip_serializing_if = "Provenance::is_empty")]
    provenance: Provenance,
    article: Article,
    taxonomy: Taxonomy,
    paragraphs: Vec<(usize, usize)>,
    /// (start, end, id) of each sentence.
    sentences: Vec<(usize, usize, u32)>,
    #[serde(default)]
    sources: Vec<Source>,
    /// Claims that lost their place when the article was re-imported.
    #[serde(default)]
    orphans: Vec<Orphan>,
    /// Last, one per line: `to_ron` writes them in parallel and appends them.
    claims: Vec<ClaimRecord>,
}

/// One annotated sentence, anchored by its place in the sentences list and by its exact text.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimRecord {
    sentence: usize,
    /// Written by version 2 only; checked when present.
    #[serde(default, skip_serializing, deserialize_with = "present")]
    start: Option<usize>,
    #[serde(default, skip_serializing, deserialize_with = "present")]
    end: Option<usize>,
    quote: String,
    #[serde(default, skip_serializing_if = "is_default")]
    label: Option<LabelId>,
    #[serde(default)]
    status: Status,
    #[serde(default, skip_serializing_if = "is_default")]
    note: String,
    #[serde(default, skip_serializing_if = "is_default")]
    source: Option<SourceId>,
    #[serde(default, skip_serializing_if = "is_default")]
    credibility: Credibility,
    #[serde(default, skip_serializing_if = "is_default")]
    hedging: Hedging,
    #[serde(default, skip_serializing_if = "is_default")]
    links: Vec<Link>,
    #[serde(default, skip_serializing_if = "is_default")]
    decision: Option<Box<Decision>>,
}

/// A plain number that may be missing (`start: 12`, not `start: Some(12)`).
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<usize>, D::Error> {
    usize::deserialize(d).map(Some)
}

/// Fields left at their default are not written: claim lines stay short and readable, and
/// loading fills them back in.
fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// Version 1: no sentence ids, sources or grades. Read only, to migrate.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SessionFileV1 {
    /// Read by the header; named here so that a typo beside them is still caught.
    #[serde(default, rename = "format")]
    _format: String,
    #[serde(default, rename = "version")]
    _version: u32,
    article: Article,
    taxonomy: Taxonomy,
    paragraphs: Vec<(usize, usize)>,
    sentences: Vec<(usize, usize)>,
    claims: Vec<ClaimRecordV1>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimRecordV1 {
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

impl From<SessionFileV1> for SessionFile {
    fn from(v1: SessionFileV1) -> Self {
        SessionFile {
            format: FORMAT.to_string(),
            version: VERSION,
            provenance: Provenance::default(),
            article: v1.article,
            taxonomy: v1.taxonomy,
            paragraphs: v1.paragraphs,
            sentences: v1
                .sentences
                .into_iter()
                .zip(0u32..)
                .map(|((s, e), id)| (s, e, id))
                .collect(),
            sources: Vec::new(),
            orphans: Vec::new(),
            claims: v1
                .claims
                .into_iter()
                .map(|c| ClaimRecord {
                    sentence: c.sentence,
                    start: Some(c.start),
                    end: Some(c.end),
                    quote: c.quote,
                    label: c.label,
                    status: c.status,
                    note: c.note,
                    source: None,
                    credibility: Credibility::default(),
                    hedging: Hedging::default(),
                    links: Vec::new(),
                    decision: None,
                })
                .collect(),
        }
    }
}

/// The session as RON text.
pub fn to_ron(session: &Session) -> String {
    let (file, claims) = file_parts(session);
    let skeleton = ron::ser::to_string_pretty(&file, pretty_config()).unwrap_or_default();
    // The claims list is the last field, so the skeleton ends with it, empty; each claim goes on
    // its own line exactly as the one-pass serializer would put it.
    let Some(head) = skeleton.strip_suffix(EMPTY_CLAIMS_TAIL) else {
        let file = SessionFile { claims, ..file };
        return ron::ser::to_string_pretty(&file, pretty_config()).unwrap_or_default();
    };
    let lines: Vec<String> = claims
        .par_chunks(1024)
        .map(|chunk| {
            let mut out = String::with_capacity(chunk.len() * 256);
            for claim in chunk {
                out.push_str("    ");
                out.push_str(
                    &ron::ser::to_string_pretty(claim, claim_line_config()).unwrap_or_default(),
                );
                out.push_str(",\n");
            }
            out
        })
        .collect();
    let mut text =
        String::with_capacity(head.len() + lines.iter().map(String::len).sum::<usize>() + 16);
    text.push_str(head);
    if claims.is_empty() {
        text.push_str(EMPTY_CLAIMS_TAIL);
    } else {
        text.push_str("claims: [\n");
        for chunk in &lines {
            text.push_str(chunk);
        }
        text.push_str("  ],\n)");
    }
    text
}

/// The file with its claims list left empty, and the claims.
fn file_parts(session: &Session) -> (SessionFile, Vec<ClaimRecord>) {
    let claims: Vec<ClaimRecord> = session
        .annotations()
        .par_iter()
        .enumerate()
        .filter(|(_, a)| !a.is_blank())
        .map(|(i, a)| claim_record(session, i, a))
        .collect();
    let file = SessionFile {
        format: FORMAT.to_string(),
        version: VERSION,
        provenance: session.provenance().clone(),
        article: session.article().clone(),
        taxonomy: session.taxonomy().clone(),
        paragraphs: session
            .paragraphs()
            .iter()
            .map(|p| (p.start, p.end))
            .collect(),
        sentences: session
            .sentences()
            .iter()
            .zip(session.ids())
            .map(|(s, id)| (s.start, s.end, id.0))
            .collect(),
        sources: session.sources().to_vec(),
        orphans: session.orphans().to_vec(),
        claims: Vec::new(),
    };
    (file, claims)
}

const EMPTY_CLAIMS_TAIL: &str = "claims: [],\n)";

fn claim_record(session: &Session, i: usize, a: &Annotation) -> ClaimRecord {
    let span = session.sentences()[i];
    ClaimRecord {
        sentence: i,
        start: None,
        end: None,
        quote: session.article().text[span.range()].to_string(),
        label: a.label.clone(),
        status: a.status,
        note: a.note.clone(),
        source: a.source,
        credibility: a.credibility,
        hedging: a.hedging,
        links: a.links.clone(),
        decision: a.decision.clone(),
    }
}

/// Readable and diff-friendly: the article as it reads (no escapes), one line per sentence,
/// claim, label and source.
fn pretty_config() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .struct_names(false)
        .compact_arrays(false)
        .separate_tuple_members(false)
        .escape_strings(false)
        .depth_limit(2)
        .indentor("  ")
}

/// A claim on its own, as it appears at depth 3 under `pretty_config`.
fn claim_line_config() -> ron::ser::PrettyConfig {
    pretty_config().depth_limit(0)
}

/// Parses and validates session RON text, migrating older versions.
pub fn from_ron(text: &str) -> Result<Session, Problem> {
    let header = match quick_header(text) {
        Some(header) => header,
        None => full_header(text)?,
    };
    from_ron_with(text, header)
}

/// `format` and `version` are the first two fields claimlens writes: read them from the first
/// lines instead of parsing a large file twice.
fn quick_header(text: &str) -> Option<Header> {
    let mut end = text.len().min(512);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let mut format = None;
    let mut version = None;
    for line in head.lines().take(6) {
        let line = line.trim().trim_end_matches(',');
        if let Some(v) = line.strip_prefix("format:") {
            format = Some(v.trim().trim_matches('"').to_string());
        } else if let Some(v) = line.strip_prefix("version:") {
            version = v.trim().parse().ok();
        }
    }
    Some(Header {
        format: format?,
        version: version?,
    })
}

fn full_header(text: &str) -> Result<Header, Problem> {
    ron::from_str(text).map_err(|e| {
        if looks_like_ron_struct(text) {
            Problem::Malformed(describe_ron_error(&e))
        } else {
            Problem::NotASession
        }
    })
}

fn from_ron_with(text: &str, header: Header) -> Result<Session, Problem> {
    if header.format != FORMAT {
        return Err(Problem::NotASession);
    }
    // Versions 2 to the current one share one shape: later fields have serde defaults.
    if (2..=VERSION).contains(&header.version)
        && let Some(session) =
            super::parallel_parse::parse(text, |file: &mut SessionFile| &mut file.claims)
                .and_then(|file| validate(file).ok())
    {
        return Ok(session);
    }
    let malformed = |e: ron::error::SpannedError| Problem::Malformed(describe_ron_error(&e));
    let file: SessionFile = match header.version {
        1 => ron::from_str::<SessionFileV1>(text)
            .map_err(malformed)?
            .into(),
        2..=VERSION => ron::from_str(text).map_err(malformed)?,
        v if v > VERSION => {
            return Err(Problem::NewerVersion {
                found: v,
                supported: VERSION,
            });
        }
        v => return Err(Problem::UnsupportedVersion(v)),
    };
    validate(file).map_err(Problem::Invalid)
}

fn looks_like_ron_struct(text: &str) -> bool {
    text.trim_start().starts_with('(') || text.contains("format:")
}

fn describe_ron_error(e: &ron::error::SpannedError) -> String {
    format!(
        "line {}, column {}: {}",
        e.span.start.line,
        e.span.start.col,
        describe_ron_code(&e.code)
    )
}

/// What went wrong, in the session file's own terms: a field's name and where it belongs,
/// never the program's type names.
fn describe_ron_code(code: &ron::Error) -> String {
    use ron::Error as E;
    let within = |outer: &Option<String>| outer.as_deref().map_or("here", part_name);
    let list = |names: &[&str]| names.join(", ");
    match code {
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "unknown field `{found}` in {} (a typo?); the fields there are: {}",
            within(outer),
            list(expected)
        ),
        E::MissingStructField { field, outer } => {
            format!("field `{field}` is missing in {}", within(outer))
        }
        E::DuplicateStructField { field, outer } => {
            format!("field `{field}` is given twice in {}", within(outer))
        }
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => format!(
            "`{found}` is not one of the values allowed in {}: {}",
            within(outer),
            list(expected)
        ),
        E::ExpectedNamedStructLike(name) => format!("expected {}", part_name(name)),
        E::ExpectedDifferentStructName { expected, .. } => {
            format!("expected {}", part_name(expected))
        }
        E::ExceededRecursionLimit => "brackets nested too deeply".into(),
        other => other.to_string(),
    }
}

/// The part of a session a type of the file's shape stands for.
fn part_name(type_name: &str) -> &'static str {
    match type_name {
        "SessionFile" | "SessionFileV1" | "Header" => "the session",
        "ClaimRecord" | "ClaimRecordV1" => "a claim",
        "Article" => "the article",
        "ArticleMeta" => "the article's details",
        "Original" => "the article's original file",
        "Taxonomy" => "the labels",
        "SourceType" => "a label",
        "Source" => "a source",
        "Link" => "a link",
        "Orphan" => "an orphaned claim",
        "Provenance" => "who made the review (provenance)",
        "Adjudication" | "Input" => "the reviews an adjudication settles",
        "Decision" => "a claim's adjudication",
        _ => "this part of the session",
    }
}

fn validate(mut file: SessionFile) -> Result<Session, String> {
    file.taxonomy.refresh_default_colours();
    // Hashing a long article takes as long as all other checks together: do both at once.
    let (text, expected) = (file.article.text.clone(), file.article.sha256.clone());
    let (hash_matches, session) =
        rayon::join(|| sha256_hex(&text) == expected, || build_checked(file));
    if !hash_matches {
        return Err(
            "the article text does not match its SHA-256 checksum (was the text edited by hand?)"
                .into(),
        );
    }
    session
}

/// The taxonomy's own copy of `id`: read from the file, every claim would hold a copy of its
/// label's name (tens of thousands in a long review).
fn shared(taxonomy: &crate::model::Taxonomy, id: LabelId) -> LabelId {
    taxonomy.get(&id).map_or(id, |l| l.id.clone())
}

fn build_checked(file: SessionFile) -> Result<Session, String> {
    let SessionFile {
        article,
        taxonomy,
        paragraphs,
        sentences,
        sources,
        claims,
        orphans,
        provenance,
        ..
    } = file;
    let text = &article.text;
    provenance
        .validate()
        .map_err(|e| format!("provenance: {e}"))?;
    taxonomy.validate().map_err(|e| format!("taxonomy: {e}"))?;
    let paragraphs = check_spans(
        text,
        &paragraphs.iter().map(|&(s, e)| (s, e)).collect::<Vec<_>>(),
        "paragraph",
    )?;
    let ids: Vec<SentenceId> = sentences.iter().map(|&(_, _, id)| SentenceId(id)).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    if sorted.windows(2).any(|w| w[0] == w[1]) {
        return Err("two sentences share one id".into());
    }
    let sentences = check_spans(
        text,
        &sentences
            .iter()
            .map(|&(s, e, _)| (s, e))
            .collect::<Vec<_>>(),
        "sentence",
    )?;
    let mut p = 0;
    for (i, s) in sentences.iter().enumerate() {
        while p < paragraphs.len() && paragraphs[p].end < s.end {
            p += 1;
        }
        if p == paragraphs.len() || !paragraphs[p].contains(*s) {
            return Err(format!("sentence {} is not inside one paragraph", i + 1));
        }
    }
    let mut source_ids: Vec<SourceId> = sources.iter().map(|s| s.id).collect();
    source_ids.sort();
    if source_ids.windows(2).any(|w| w[0] == w[1]) {
        return Err("two sources share one id".into());
    }
    for source in &sources {
        if let Some(id) = &source.label
            && taxonomy.get(id).is_none()
        {
            return Err(format!(
                "source “{}” uses label {:?}, which is not in the session's taxonomy",
                source.name, id.0
            ));
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
        let range_differs =
            c.start.is_some_and(|s| s != span.start) || c.end.is_some_and(|e| e != span.end);
        if range_differs || text[span.range()] != c.quote {
            return Err(format!(
                "claim {claim} (\"{}\") does not match the text of sentence {}",
                crate::model::article::shorten(&c.quote, 40),
                c.sentence + 1
            ));
        }
        annotations[c.sentence] = Annotation {
            label: c.label.map(|id| shared(&taxonomy, id)),
            status: c.status,
            note: c.note,
            source: c.source,
            credibility: c.credibility,
            hedging: c.hedging,
            links: c.links,
            decision: c.decision,
        };
    }
    // Orphans are claims waiting for a place: held to the same rules, but for the text they
    // no longer have.
    for (n, orphan) in orphans.iter().enumerate() {
        let which = format!("orphaned claim {}", n + 1);
        if orphan.quote.trim().is_empty() {
            return Err(format!("{which} has no text"));
        }
        if let Some(id) = &orphan.annotation.label
            && taxonomy.get(id).is_none()
        {
            return Err(format!(
                "{which} uses label {:?}, which is not in the session's taxonomy",
                id.0
            ));
        }
        if let Some(id) = orphan.annotation.source
            && !sources.iter().any(|s| s.id == id)
        {
            return Err(format!("{which} names a source that is not in the session"));
        }
    }
    if paragraphs.is_empty() && !text.trim().is_empty() {
        return Err("the article has text but no paragraphs".into());
    }
    let sources = sources
        .into_iter()
        .map(|mut s| {
            s.label = s.label.map(|id| shared(&taxonomy, id));
            s
        })
        .collect();
    let session = Session::from_saved(
        article,
        taxonomy,
        (paragraphs, sentences, ids),
        annotations,
        sources,
    )
    .with_orphans(orphans)
    .with_provenance(provenance);
    for (i, a) in session.annotations().iter().enumerate() {
        session
            .check_annotation(i, a)
            .map_err(|e| format!("sentence {}: {e}", i + 1))?;
    }
    Ok(session)
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
        // Segmentation never makes one: such a span was written by hand or by another tool.
        if text[start..end].trim().is_empty() {
            return Err(format!("{what} {n} holds only white space"));
        }
        previous_end = end;
        out.push(Span::new(start, end));
    }
    Ok(out)
}

pub fn load_session(path: &Path) -> Result<Session, FileError> {
    let bytes = super::bounded::read_file(path, MAX_SESSION_BYTES)?;
    session_from_bytes(path, &bytes)
}

/// The session at `path` and the SHA-256 of the file's bytes as read: which version of a
/// review an adjudication starts from.
pub fn load_session_and_checksum(path: &Path) -> Result<(Session, String), FileError> {
    let bytes = super::bounded::read_file(path, MAX_SESSION_BYTES)?;
    let (session, sha) = rayon::join(
        || session_from_bytes(path, &bytes),
        || sha256_hex_bytes(&bytes),
    );
    Ok((session?, sha))
}

fn session_from_bytes(path: &Path, bytes: &[u8]) -> Result<Session, FileError> {
    let fail = |problem| FileError::open(path, problem);
    if bytes.is_empty() {
        return Err(fail(Problem::Empty));
    }
    if bytes.contains(&0) {
        return Err(fail(Problem::Binary));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_and_column(&bytes[..e.valid_up_to()]);
        fail(Problem::NotUtf8 { line, column })
    })?;
    // An editor may add a byte-order mark; it is not part of the session.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // claimlens writes line feeds only (the article text is stored normalised), so carriage
    // returns before them were added on the way, e.g. by git's autocrlf on Windows.
    if text.contains("\r\n") {
        return from_ron(&text.replace("\r\n", "\n")).map_err(fail);
    }
    from_ron(text).map_err(fail)
}

/// The line and column (from 1, in characters) just after `before`.
fn line_and_column(before: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(before);
    let line = text.matches('\n').count() + 1;
    let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Saves atomically: the previous file stays whole until the new one is completely on disk, and
/// is then kept as `<name>.bak`. A read-only file is refused ([`save_session_replacing`]
/// replaces it once the analyst has agreed); a symbolic link is saved through.
pub fn save_session(path: &Path, session: &Session) -> Result<(), FileError> {
    save_text(path, &to_ron(session), false, |out, text| {
        out.write_all(text.as_bytes())
    })
}

/// As [`save_session`], replacing a read-only file too (keeping it read-only).
pub fn save_session_replacing(path: &Path, session: &Session) -> Result<(), FileError> {
    save_text(path, &to_ron(session), true, |out, text| {
        out.write_all(text.as_bytes())
    })
}

/// Whether `path` is a file that a save would refuse as read-only.
pub fn is_read_only(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().readonly())
}

/// Whether `path` holds a claimlens session (of any version, even a damaged one), judged by
/// its first bytes: what may be replaced by a new session.
pub fn looks_like_session(path: &Path) -> bool {
    let mut head = [0u8; 512];
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    let n = std::io::Read::read(&mut file, &mut head).unwrap_or(0);
    String::from_utf8_lossy(&head[..n]).contains(FORMAT)
}

/// Writes `text` through `write` (a parameter so that tests can make it fail part-way).
fn save_text(
    path: &Path,
    text: &str,
    replace_read_only: bool,
    write: impl FnOnce(&mut dyn std::io::Write, &str) -> std::io::Result<()>,
) -> Result<(), FileError> {
    save_text_within(path, text, MAX_SESSION_BYTES, replace_read_only, write)
}

/// As [`save_text`], refusing text longer than `limit` (a parameter for tests: half a
/// gigabyte is too much to build in one).
fn save_text_within(
    path: &Path,
    text: &str,
    limit: u64,
    replace_read_only: bool,
    write: impl FnOnce(&mut dyn std::io::Write, &str) -> std::io::Result<()>,
) -> Result<(), FileError> {
    let existing = std::fs::metadata(path).ok();
    if existing.as_ref().is_some_and(|m| m.is_dir()) {
        return Err(FileError::save(path, Problem::IsDirectory));
    }
    // Never write what could not be opened again.
    if text.len() as u64 > limit {
        return Err(FileError::save(
            path,
            Problem::WouldBeTooLarge {
                bytes: text.len() as u64,
                limit,
            },
        ));
    }
    if existing
        .as_ref()
        .is_some_and(|m| m.permissions().readonly())
        && !replace_read_only
    {
        return Err(FileError::save(path, Problem::ReadOnly));
    }
    let existed = existing.is_some();
    let fail = |e: std::io::Error| {
        let reason = e.to_string();
        FileError::save(
            path,
            match existed {
                true => Problem::WriteFailed(reason),
                false => Problem::CreateFailed(reason),
            },
        )
    };
    write_atomic_then(
        path,
        |out| write(out, text),
        // Only now, with the new version whole on disk, does the old one become the backup:
        // a save that fails leaves the previous backup as it was.
        |target| match existed {
            true => keep_backup(path, target).map_err(|e| {
                std::io::Error::other(format!(
                    "cannot keep the previous version as {}: {e}",
                    backup_path(path).display()
                ))
            }),
            false => Ok(()),
        },
    )
    .map_err(fail)
}

/// The previous version (the file `target`, which `path` may link to) becomes the backup
/// beside `path`, a file of its own. A hard link costs nothing however large the file is; the
/// rename that follows then leaves the old contents only under the backup's name. The backup
/// itself is replaced in one step, so that there is always one.
fn keep_backup(path: &Path, target: &Path) -> std::io::Result<()> {
    let backup = backup_path(path);
    let mut staging = backup.clone().into_os_string();
    staging.push(".new");
    let staging = std::path::PathBuf::from(staging);
    match std::fs::remove_file(&staging) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    if std::fs::hard_link(target, &staging).is_err() {
        std::fs::copy(target, &staging)?;
    }
    std::fs::rename(&staging, &backup)
}

/// Where the previous version of a session is kept: `review.ron` → `review.ron.bak`.
pub fn backup_path(path: &Path) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(".bak");
    std::path::PathBuf::from(name)
}

/// What a session file on disk looked like when it was last loaded or saved, to notice when
/// someone else has changed it since.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiskStamp {
    pub modified: Option<std::time::SystemTime>,
    pub sha256: String,
}

/// The stamp of the file at `path` now, if it exists.
pub fn disk_stamp(path: &Path) -> Option<DiskStamp> {
    let bytes = super::bounded::read_file(path, MAX_SESSION_BYTES).ok()?;
    let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let text = String::from_utf8_lossy(&bytes);
    Some(DiskStamp {
        modified,
        sha256: sha256_hex(&text),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Command;

    /// A session larger than claimlens will open is not written at all: the old file stays.
    #[test]
    fn a_session_too_large_to_reopen_is_not_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("review.ron");
        save_session(&path, &sample()).unwrap();
        let before = std::fs::read(&path).unwrap();
        let text = to_ron(&sample());
        let limit = text.len() as u64 - 1;
        let err = save_text_within(&path, &text, limit, false, |out, t| {
            out.write_all(t.as_bytes())
        })
        .unwrap_err();
        assert!(
            matches!(err.problem, Problem::WouldBeTooLarge { .. }),
            "{err}"
        );
        assert!(err.to_string().contains("nothing was written"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    /// The disk fills up half-way through the new version: the file and its backup are both
    /// as they were before the attempt.
    #[test]
    fn a_save_that_fails_part_way_keeps_the_previous_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("review.ron");
        let mut session = sample();
        save_session(&path, &session).unwrap();
        session
            .apply(Command::SetNote {
                sentence: 0,
                note: "second version".into(),
            })
            .unwrap();
        save_session(&path, &session).unwrap();
        let (file_before, backup_before) = (
            std::fs::read(&path).unwrap(),
            std::fs::read(backup_path(&path)).unwrap(),
        );
        assert_ne!(file_before, backup_before);
        let err = save_text(&path, "(whatever)", false, |out, text| {
            out.write_all(&text.as_bytes()[..3])?;
            Err(std::io::Error::other("No space left on device"))
        })
        .unwrap_err();
        assert!(err.to_string().contains("No space left"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), file_before);
        assert_eq!(std::fs::read(backup_path(&path)).unwrap(), backup_before);
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 2, "only the file and its backup: {left:?}");
    }

    /// `text` with the list `field: [ … ]` emptied.
    fn empty_list(text: &str, field: &str) -> String {
        let start = text.find(&format!("{field}: [")).unwrap() + field.len() + 3;
        let end = start + text[start..].find(']').unwrap();
        format!("{}{}", &text[..start], &text[end..])
    }

    /// Hand edits that would leave a review the app cannot show or export are refused, each
    /// with its reason: a line break in a label id, a sentence of white space, text with no
    /// paragraphs, an orphan without text or with a source that is not there.
    #[test]
    fn hand_edits_that_break_the_review_are_refused() {
        let good = to_ron(&sample());
        assert!(from_ron(&good).is_ok());
        // "Head line\n\nOne. Two …": the sentences are (0, 9), (11, 15), (16, …).
        let cases: Vec<(String, &str)> = vec![
            (
                good.replacen("id: \"own\"", "id: \"own\\nreporting\"", 1)
                    .replace("label: \"own\"", "label: \"own\\nreporting\""),
                "control character",
            ),
            (
                good.replacen("(11, 15, 1)", "(9, 11, 1)", 1),
                "only white space",
            ),
            (
                ["paragraphs", "sentences", "claims"]
                    .iter()
                    .fold(good.clone(), |t, field| empty_list(&t, field)),
                "text but no paragraphs",
            ),
        ];
        for (text, reason) in cases {
            assert_ne!(text, good, "the edit applies");
            let err = from_ron(&text).unwrap_err().to_string();
            assert!(err.contains(reason), "{err}");
        }
        let mut session = sample();
        let orphan = crate::model::anchor::Orphan {
            quote: "  ".into(),
            annotation: Default::default(),
            reason: "gone".into(),
        };
        session = session.with_orphans(vec![orphan]);
        let err = from_ron(&to_ron(&session)).unwrap_err().to_string();
        assert!(err.contains("orphaned claim 1 has no text"), "{err}");
    }

    /// A long review names a few labels tens of thousands of times: read back, its claims hold
    /// the taxonomy's one copy of each name rather than one copy per claim.
    #[test]
    fn claims_read_back_share_their_labels_names() {
        let mut s = sample();
        s.apply(Command::label([0, 2, 3], Some(LabelId::new("own"))))
            .unwrap();
        let back = from_ron(&to_ron(&s)).unwrap();
        let own = &back.taxonomy().get(&LabelId::new("own")).unwrap().id.0;
        let labelled: Vec<_> = back
            .annotations()
            .iter()
            .filter_map(|a| a.label.as_ref())
            .collect();
        assert_eq!(labelled.len(), 4);
        assert!(labelled.iter().all(|l| std::sync::Arc::ptr_eq(&l.0, own)));
    }

    fn sample() -> Session {
        let mut s = Session::new(
            Article::new("t", None, "Head line\n\nOne. Two said “x.” Three."),
            Taxonomy::default_preset(),
        );
        s.apply(Command::label([1], Some(LabelId::new("own"))))
            .unwrap();
        s.apply(Command::SetNote {
            sentence: 2,
            note: "check this".into(),
        })
        .unwrap();
        s
    }

    #[test]
    fn claims_appended_in_parallel_match_the_one_pass_output() {
        let mut s = sample();
        for i in 0..s.len() {
            s.apply(Command::SetNote {
                sentence: i,
                note: format!("note {i} with \"quotes\" and a\nsecond line"),
            })
            .unwrap();
        }
        let (file, claims) = file_parts(&s);
        assert!(!claims.is_empty());
        let one_pass =
            ron::ser::to_string_pretty(&SessionFile { claims, ..file }, pretty_config()).unwrap();
        assert_eq!(to_ron(&s), one_pass);
    }

    #[test]
    fn round_trip_keeps_everything() {
        let s = sample();
        let back = from_ron(&to_ron(&s)).unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn newer_version_is_refused_clearly() {
        let newer = VERSION + 3;
        let text = to_ron(&sample()).replacen(
            &format!("version: {VERSION}"),
            &format!("version: {newer}"),
            1,
        );
        assert_eq!(
            from_ron(&text).unwrap_err(),
            Problem::NewerVersion {
                found: newer,
                supported: VERSION
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
