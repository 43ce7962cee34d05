//! PDFs with a text layer as articles. The glyphs are read in a child process — claimlens
//! itself, started with [`CHILD_ARG`] — under a time and memory limit, because PDF readers
//! panic or run away on real files (unsupported font encodings, broken streams); where the
//! built-in reader fails and poppler's `pdftotext` is installed, that is tried instead. Either
//! way the lines go through one layout (`layout`), which decides paragraphs.

mod child;
mod furniture;
mod glyphs;
mod layout;
mod poppler;

pub use child::{CHILD_ARG, child_main};
pub use layout::{Laid, lay_out};

use super::error::Problem;
use crate::model::Article;
use crate::model::article::{ArticleMeta, Original, normalize, sha256_hex_bytes};
use serde::{Deserialize, Serialize};

/// PDFs larger than this are refused (a 100-page report with pictures is a few megabytes).
pub const MAX_PDF_BYTES: u64 = 150_000_000;

/// A line of text where the page draws it: `y` is the baseline, from the top of the page, in
/// points; `size` the size the text is drawn at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Line {
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
    pub size: f64,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page {
    pub width: f64,
    pub height: f64,
    pub lines: Vec<Line>,
}

/// What the document's information dictionary says about it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Info {
    pub title: Option<String>,
    pub author: Option<String>,
    pub created: Option<String>,
}

/// Which reader gave the text; shown when a PDF opens.
pub const BUILT_IN: &str = "PDF";
pub const POPPLER: &str = "PDF, read by pdftotext";

/// Whether the bytes are a PDF: the header may follow some junk, within the first kilobyte.
pub fn is_pdf(bytes: &[u8]) -> bool {
    memchr::memmem::find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_some()
}

/// The article in a PDF, and which reader read it ([`BUILT_IN`] or [`POPPLER`]).
pub fn article_from_pdf(
    bytes: &[u8],
    name: &str,
    source_path: Option<String>,
) -> Result<(Article, &'static str), Problem> {
    if !is_pdf(bytes) {
        return Err(Problem::NotADocument("pdf"));
    }
    // An analyst (or a test) may ask for poppler first: it reads more fonts.
    if std::env::var("CLAIMLENS_PDF_READER").is_ok_and(|r| r == "pdftotext")
        && let Some(Ok(pages)) = poppler::read(bytes)
        && has_text(&pages)
    {
        return finish(bytes, name, source_path, &pages, Info::default(), POPPLER);
    }
    let (pages, info, reader) = match child::read(bytes) {
        Ok((pages, info)) if readable(&pages) => (pages, info, BUILT_IN),
        first => {
            // The built-in reader failed, or found glyphs it cannot name: poppler, if here,
            // reads CID fonts and more; a password or a scan it cannot help with.
            let refused = matches!(
                first,
                Err(Problem::PasswordProtected) | Err(Problem::ExtractionTimedOut { .. })
            );
            match (refused, poppler::read(bytes)) {
                (false, Some(Ok(pages))) if has_text(&pages) => (pages, Info::default(), POPPLER),
                _ => match first {
                    Ok((pages, _)) if has_text(&pages) => {
                        return Err(Problem::ExtractionFailed(
                            "its fonts do not say which letters they draw; installing \
                             poppler's pdftotext may help"
                                .into(),
                        ));
                    }
                    Ok(_) => return Err(Problem::NoTextLayer),
                    Err(problem) => return Err(problem),
                },
            }
        }
    };
    finish(bytes, name, source_path, &pages, info, reader)
}

fn finish(
    bytes: &[u8],
    name: &str,
    source_path: Option<String>,
    pages: &[Page],
    info: Info,
    reader: &'static str,
) -> Result<(Article, &'static str), Problem> {
    let laid = lay_out(pages);
    let text = normalize(&(laid.blocks.join("\n\n") + "\n"));
    if text.trim().is_empty() {
        return Err(Problem::NoTextLayer);
    }
    let fallback = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let title = info
        .title
        .clone()
        .filter(|t| useful_title(t))
        .unwrap_or_else(|| Article::title_from_text(&text, fallback));
    let mut article = Article::new(title, source_path, &text);
    article.meta = ArticleMeta {
        byline: info.author,
        published: info.created.as_deref().and_then(pdf_date),
        original: Some(Original {
            format: "pdf".into(),
            name: name.to_string(),
            sha256: sha256_hex_bytes(bytes),
        }),
        ..ArticleMeta::default()
    };
    Ok((article, reader))
}

fn has_text(pages: &[Page]) -> bool {
    pages
        .iter()
        .flat_map(|p| &p.lines)
        .any(|l| l.text.chars().any(char::is_alphanumeric))
}

/// Text that is mostly letters, not replacement characters or private-use code points (what
/// a font without a map to Unicode gives).
fn readable(pages: &[Page]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for c in pages
        .iter()
        .flat_map(|p| &p.lines)
        .flat_map(|l| l.text.chars())
    {
        if c == '\u{fffd}' || ('\u{e000}'..='\u{f8ff}').contains(&c) || c.is_control() {
            bad += 1;
        } else if c.is_alphanumeric() {
            good += 1;
        }
    }
    good > 0 && bad * 10 < good
}

/// Producers fill the title with the file name or the template ("Microsoft Word - x.docx").
fn useful_title(title: &str) -> bool {
    let t = title.trim().to_lowercase();
    !t.is_empty()
        && !t.starts_with("microsoft word")
        && !t.ends_with(".doc")
        && !t.ends_with(".docx")
        && !t.ends_with(".pdf")
        && t != "untitled"
}

/// "D:20261201093000+09'00'" → "2026-12-01".
fn pdf_date(raw: &str) -> Option<String> {
    let d = raw.trim().strip_prefix("D:").unwrap_or(raw.trim());
    let digits: String = d.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() < 4 {
        return None;
    }
    let part = |a: usize, b: usize| digits.get(a..b).map(str::to_string);
    Some(match (part(0, 4), part(4, 6), part(6, 8)) {
        (Some(y), Some(m), Some(d)) => format!("{y}-{m}-{d}"),
        (Some(y), Some(m), None) => format!("{y}-{m}"),
        (Some(y), _, _) => y,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_titles_from_the_information_dictionary() {
        assert_eq!(
            pdf_date("D:20261201093000+09'00'").as_deref(),
            Some("2026-12-01")
        );
        assert_eq!(pdf_date("D:2026").as_deref(), Some("2026"));
        assert_eq!(pdf_date("yesterday"), None);
        assert!(!useful_title("Microsoft Word - brief_v3.docx"));
        assert!(useful_title("Rice prices along the Yalu"));
    }

    #[test]
    fn what_is_not_a_pdf_is_refused_before_any_reader_runs() {
        let err = article_from_pdf(b"<html>not a pdf</html>", "x.pdf", None).unwrap_err();
        assert_eq!(err, Problem::NotADocument("pdf"));
    }
}
