//! Reading article files: text (.txt, .md; UTF-8 or a detected legacy encoding, BOM and CRLF
//! handled by normalization), saved web pages (`super::html`), PDFs (`super::pdf`) and word
//! processor files (`super::office`). What the bytes are decides before what the name says:
//! a PDF or a Word file renamed `.txt` is read as what it is.

use super::error::{FileError, Problem};
use super::office::{self, Format};
use crate::model::Article;
use std::path::Path;

/// The file name endings claimlens opens as articles: text, saved web pages, PDFs, word
/// processor files.
pub const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "md", "html", "htm", "xhtml", "shtml", "mhtml", "mht", "pdf", "docx", "odt",
];
/// The same with review sessions: what File › Open offers.
pub const OPENABLE_EXTENSIONS: &[&str] = &[
    "txt", "md", "html", "htm", "xhtml", "shtml", "mhtml", "mht", "pdf", "docx", "odt", "ron",
];

/// Text and web pages larger than this are refused rather than risking the machine's memory;
/// it is also the most text any format may yield.
pub const MAX_ARTICLE_BYTES: u64 = 64_000_000;
/// Word processor files carry their pictures: a long report with photographs is tens of MB.
pub const MAX_OFFICE_BYTES: u64 = 100_000_000;

/// How large a file with this name may be.
pub fn size_limit(path: &Path) -> u64 {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "pdf" => super::pdf::MAX_PDF_BYTES,
        "docx" | "odt" => MAX_OFFICE_BYTES,
        _ => MAX_ARTICLE_BYTES,
    }
}

pub fn read_article(path: &Path) -> Result<Article, FileError> {
    read_article_with_encoding(path).map(|(article, _)| article)
}

/// Reads an article and says how its bytes were read: the encoding of a text ("UTF-8",
/// "windows-1252", …) or the reader of a document ("PDF", "docx").
pub fn read_article_with_encoding(path: &Path) -> Result<(Article, &'static str), FileError> {
    let bytes = super::bounded::read_file(path, size_limit(path))?;
    let file_name = path
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "Untitled".to_string());
    article_from_file_bytes(&bytes, &file_name, Some(path.display().to_string()))
        .map_err(|problem| FileError::open(path, problem))
}

/// The article in a file's bytes, whatever its format; `file_name` gives the fallback title
/// and, where the bytes do not say, the format.
pub fn article_from_file_bytes(
    bytes: &[u8],
    file_name: &str,
    shown: Option<String>,
) -> Result<(Article, &'static str), Problem> {
    let ext = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let stem = file_name.rsplit_once('.').map_or(file_name, |(s, _)| s);
    let (article, how) = if super::pdf::is_pdf(bytes) || ext == "pdf" {
        super::pdf::article_from_pdf(bytes, file_name, shown)?
    } else if let Some(format) = office_format(bytes).or(Format::of_extension(&ext)) {
        let article = office::article_from_office(bytes, format, file_name, shown)?;
        (article, format.name())
    } else if super::html::is_html_path(Path::new(file_name)) {
        super::html::article_from_html(bytes, file_name, shown)?
    } else {
        article_from_bytes_with_encoding(bytes, stem, shown)?
    };
    if article.text.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(Problem::TextTooLarge {
            limit: MAX_ARTICLE_BYTES,
        });
    }
    Ok((article, how))
}

/// A zip that is a word processor file, by what it holds.
fn office_format(bytes: &[u8]) -> Option<Format> {
    if !bytes.starts_with(b"PK\x03\x04") {
        return None;
    }
    let find = |needle: &[u8]| memchr::memmem::find(bytes, needle).is_some();
    if find(b"word/document.xml") {
        Some(Format::Docx)
    } else if find(b"application/vnd.oasis.opendocument.text") {
        Some(Format::Odt)
    } else {
        None
    }
}

/// Decodes article bytes (from a file or stdin) and builds the article.
pub fn article_from_bytes(
    bytes: &[u8],
    fallback_title: &str,
    source_path: Option<String>,
) -> Result<Article, Problem> {
    article_from_bytes_with_encoding(bytes, fallback_title, source_path).map(|(a, _)| a)
}

pub fn article_from_bytes_with_encoding(
    bytes: &[u8],
    fallback_title: &str,
    source_path: Option<String>,
) -> Result<(Article, &'static str), Problem> {
    let (text, encoding) = decode(bytes)?;
    // A header block (outlet, date, byline) is the report's metadata, not its first sentences.
    let normalized = crate::model::article::normalize(&text);
    let (header, body) = match crate::model::header::header_block(&normalized) {
        Some((header, at)) => (Some(header), &normalized[at..]),
        None => (None, normalized.as_str()),
    };
    let title = header
        .as_ref()
        .and_then(|h| h.title.clone())
        .unwrap_or_else(|| Article::title_from_text(body, fallback_title));
    let mut article = Article::new(title, source_path, body);
    if let Some(h) = header {
        article.meta.site_name = h.outlet;
        article.meta.published = h.published;
        article.meta.byline = h.byline;
        article.meta.url = h.url;
    }
    if article.text.trim().is_empty() {
        return Err(Problem::Empty);
    }
    Ok((article, encoding))
}

/// The text of an article file and the name of its encoding. A byte-order mark decides; then
/// UTF-16 without a mark (every other byte zero); then UTF-8 if the bytes are valid UTF-8;
/// other bytes with NULs are binary; anything else is detected (`chardetng`) and decoded
/// (`encoding_rs`), e.g. Windows-1252 or EUC-KR.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), Problem> {
    use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};
    let with = |encoding: &'static Encoding, body: &[u8]| {
        let (text, had_errors) = encoding.decode_without_bom_handling(body);
        if had_errors {
            Err(Problem::Undecodable(encoding.name()))
        } else if text.contains('\0') {
            // U+0000 after a byte-order mark or in UTF-16 is binary data all the same, and a
            // session could not hold it: refused here rather than written unreadable.
            Err(Problem::Binary)
        } else {
            Ok((text.into_owned(), encoding.name()))
        }
    };
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return with(encoding, &bytes[bom..]);
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let encoding = if encoding { UTF_16LE } else { UTF_16BE };
        return with(encoding, bytes);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        if text.contains('\0') {
            return Err(Problem::Binary);
        }
        return Ok((text.to_string(), "UTF-8"));
    }
    if bytes.contains(&0) {
        return Err(Problem::Binary);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    with(encoding, bytes)
}

/// `Some(true)` for UTF-16LE, `Some(false)` for UTF-16BE: most even (BE) or odd (LE) bytes are
/// zero, as in text that is mostly Latin.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let zero_odd = bytes.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let zero_even = bytes.iter().step_by(2).filter(|&&b| b == 0).count();
    if zero_odd * 10 >= pairs * 7 && zero_even * 10 < pairs {
        Some(true)
    } else if zero_even * 10 >= pairs * 7 && zero_odd * 10 < pairs {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_encodings_are_detected_and_decoded() {
        let (text, encoding) =
            decode(b"\x93Prices rose,\x94 a trader in Dandong said. Caf\xe9.").unwrap();
        assert_eq!(text, "“Prices rose,” a trader in Dandong said. Café.");
        assert_eq!(encoding, "windows-1252");
        let utf16: Vec<u8> = "\u{feff}Rice rose."
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(
            decode(&utf16).unwrap(),
            ("Rice rose.".to_string(), "UTF-16LE")
        );
        let no_bom: Vec<u8> = "Rice rose."
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(
            decode(&no_bom).unwrap(),
            ("Rice rose.".to_string(), "UTF-16BE")
        );
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
