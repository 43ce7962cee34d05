//! Reading article text files (.txt, .md): UTF-8, with BOM and CRLF handled by normalization.

use super::error::{FileError, Problem, read_problem};
use crate::model::Article;
use std::path::Path;

/// Articles larger than this are refused rather than risking the machine's memory.
pub const MAX_ARTICLE_BYTES: u64 = 64_000_000;

pub fn read_article(path: &Path) -> Result<Article, FileError> {
    let fail = |problem| FileError::open(path, problem);
    let meta = std::fs::metadata(path).map_err(|e| fail(read_problem(&e)))?;
    if meta.is_dir() {
        return Err(fail(Problem::IsDirectory));
    }
    if meta.len() > MAX_ARTICLE_BYTES {
        return Err(fail(Problem::TooLarge {
            bytes: meta.len(),
            limit: MAX_ARTICLE_BYTES,
        }));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(read_problem(&e)))?;
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "Untitled".to_string());
    article_from_bytes(&bytes, &name, Some(path.display().to_string())).map_err(fail)
}

/// Decodes article bytes (from a file or stdin) and builds the article.
pub fn article_from_bytes(
    bytes: &[u8],
    fallback_title: &str,
    source_path: Option<String>,
) -> Result<Article, Problem> {
    if bytes.contains(&0) {
        return Err(Problem::Binary);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&valid[line_start..])
            .chars()
            .count()
            + 1;
        Problem::NotUtf8 { line, column }
    })?;
    let article = Article::new(
        Article::title_from_text(text, fallback_title),
        source_path,
        text,
    );
    if article.text.trim().is_empty() {
        return Err(Problem::Empty);
    }
    Ok(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_reports_line_and_column() {
        let err = article_from_bytes(b"ok line\nab\xffcd", "x", None).unwrap_err();
        assert_eq!(err, Problem::NotUtf8 { line: 2, column: 3 });
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert_eq!(
            article_from_bytes(b"PK\x03\x04\x00\x00", "x", None).unwrap_err(),
            Problem::Binary
        );
    }

    #[test]
    fn whitespace_only_is_empty() {
        assert_eq!(
            article_from_bytes(b"\xef\xbb\xbf \r\n", "x", None).unwrap_err(),
            Problem::Empty
        );
    }
}
