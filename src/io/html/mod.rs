//! Saved web pages as articles: the page's charset honoured, its main content found by a
//! readability implementation (`dom_smoothie`, a port of Firefox's Reader View), rendered to
//! text in the shape the segmenter reads (one paragraph per block), and what the page says
//! about itself kept as the article's metadata.

mod meta;
mod render;

use super::error::Problem;
use crate::model::article::{ArticleMeta, Original, sha256_hex_bytes};
use crate::model::{Article, article::normalize};
use std::path::Path;

/// A browser's "Save Page As" and the other names web pages come under.
pub fn is_html_path(path: &Path) -> bool {
    path.extension().is_some_and(|e| {
        let e = e.to_string_lossy().to_ascii_lowercase();
        matches!(
            e.as_str(),
            "html" | "htm" | "xhtml" | "shtml" | "mhtml" | "mht"
        )
    })
}

/// Pages with more elements than this are refused rather than scored for minutes.
const MAX_ELEMENTS: usize = 200_000;

/// The article of a saved web page, and the encoding its bytes were in.
pub fn article_from_html(
    bytes: &[u8],
    name: &str,
    source_path: Option<String>,
) -> Result<(Article, &'static str), Problem> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Problem::Empty);
    }
    let Markup {
        html,
        encoding,
        location,
        format,
    } = read_markup(bytes)?;
    // A text file that only has the name of a page is read as the text it is: as HTML its
    // blank lines would vanish and its paragraphs run together.
    if !looks_like_html(&html) {
        let title_fallback = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
        let article = Article::new(
            Article::title_from_text(&html, title_fallback),
            source_path,
            &html,
        );
        return Ok((article, encoding));
    }
    let page = extract(&html)?;
    let mut meta = page.meta;
    meta.url = meta.url.or(location);
    meta.original = Some(Original {
        format: format.into(),
        name: name.to_string(),
        sha256: sha256_hex_bytes(bytes),
    });
    let mut article = Article::new(page.title, source_path, &page.text);
    if article.text.trim().is_empty() {
        return Err(Problem::NoArticle);
    }
    article.meta = meta;
    Ok((article, encoding))
}

/// HTML copied from a browser (a selection, not a page): all of it is what the analyst chose,
/// so it is rendered whole — paragraphs, lists, quotes, table rows — without readability.
pub fn article_from_copied_html(html: &str) -> Result<Article, Problem> {
    let blocks = render::blocks(html);
    let text = normalize(&(blocks.join("\n\n") + "\n"));
    if text.trim().is_empty() {
        return Err(Problem::Empty);
    }
    Ok(Article::new(
        Article::title_from_text(&text, "Pasted text"),
        None,
        &text,
    ))
}

/// What a page gave: its title, its text, and the rest of its metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub title: String,
    pub text: String,
    pub meta: ArticleMeta,
}

/// Finds the page's main content and renders it; the title and byline lead the text, as in a
/// plain-text report, so that they are segmented (and suggested as not-a-claim) like one.
pub fn extract(html: &str) -> Result<Page, Problem> {
    let document = dom_query::Document::from(html);
    let head = meta::read(&document);
    let captions = captions(&document);
    let config = dom_smoothie::Config {
        max_elements_to_parse: MAX_ELEMENTS,
        ..Default::default()
    };
    let mut readability = dom_smoothie::Readability::with_document(document, None, Some(config))
        .map_err(|_| Problem::NoArticle)?;
    let found = readability.parse().map_err(|e| match e {
        dom_smoothie::ReadabilityError::TooManyElements(elements, limit) => {
            Problem::PageTooComplex { elements, limit }
        }
        _ => Problem::NoArticle,
    })?;
    let mut body = render::blocks(&found.content);
    restore_captions(&mut body, &captions);
    let title = clean(&found.title)
        .or(head.title.clone())
        .unwrap_or_default();
    // The byline as the page shows it leads the text; the metadata keeps the author's name
    // where the page states it apart ("Park Eun-ha", not "By Park Eun-ha December 1").
    let byline = found
        .byline
        .as_deref()
        .and_then(clean)
        .or(head.byline.clone());
    let mut blocks: Vec<String> = Vec::new();
    if !title.is_empty() {
        blocks.push(title.clone());
    }
    if let Some(by) = &byline
        && !body.iter().take(4).any(|b| b.contains(by.as_str()))
    {
        blocks.push(if by.to_lowercase().starts_with("by ") {
            by.clone()
        } else {
            format!("By {by}")
        });
    }
    // The content often repeats the headline as its first heading.
    blocks.extend(body.into_iter().filter(|b| *b != title));
    if blocks.iter().all(|b| b == &title) {
        return Err(Problem::NoArticle);
    }
    let meta = ArticleMeta {
        byline: head.byline.or(byline),
        published: found
            .published_time
            .as_deref()
            .and_then(clean)
            .or(head.published),
        site_name: found
            .site_name
            .as_deref()
            .and_then(clean)
            .or(head.site_name),
        url: head.canonical.or(found.url.as_deref().and_then(clean)),
        language: found.lang.as_deref().and_then(clean).or(head.language),
        original: None,
    };
    Ok(Page {
        title,
        text: normalize(&(blocks.join("\n\n") + "\n")),
        meta,
    })
}

/// The captions of the figures in the page's article (or main part), with the blocks of that
/// part in reading order: readability drops a figure it judges to be decoration, but a caption
/// is part of what the analyst reviews (suggested as not-a-claim).
struct Captions {
    captions: Vec<String>,
    order: Vec<String>,
}

fn captions(document: &dom_query::Document) -> Captions {
    let part = ["article", "main", "body"]
        .iter()
        .find_map(|s| document.select(s).nodes().first().cloned());
    let Some(part) = part else {
        return Captions {
            captions: Vec::new(),
            order: Vec::new(),
        };
    };
    let captions = part
        .find(&["figcaption"])
        .iter()
        .flat_map(|c| render::blocks_of(c))
        .collect();
    Captions {
        captions,
        order: render::blocks_of(&part),
    }
}

/// Puts back each caption readability left out, before the first block that follows it in the
/// page and was kept.
fn restore_captions(body: &mut Vec<String>, found: &Captions) {
    for caption in &found.captions {
        if body.contains(caption) {
            continue;
        }
        let Some(at) = found.order.iter().position(|b| b == caption) else {
            continue;
        };
        let next = found.order[at + 1..]
            .iter()
            .find_map(|b| body.iter().position(|k| k == b));
        match next {
            Some(i) => body.insert(i, caption.clone()),
            None => body.push(caption.clone()),
        }
    }
}

/// Whether the text has markup near its start: a tag, a comment or a doctype.
fn looks_like_html(text: &str) -> bool {
    let head = &text.as_bytes()[..text.len().min(4096)];
    head.windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'!' || w[1] == b'/'))
}

/// Trimmed, inner white space collapsed; nothing if nothing is left.
fn clean(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// A page's markup as text, and where it came from.
struct Markup {
    html: String,
    encoding: &'static str,
    /// The address a single-file archive was saved from.
    location: Option<String>,
    /// "html", or "mhtml" for a single-file archive.
    format: &'static str,
}

fn read_markup(bytes: &[u8]) -> Result<Markup, Problem> {
    if let Some(archive) = archived_page(bytes) {
        return archive;
    }
    let (html, encoding) = decode(bytes)?;
    Ok(Markup {
        html,
        encoding,
        location: None,
        format: "html",
    })
}

/// The page inside a single-file archive (MHTML, a browser's "Save as single file"). `None`
/// when the bytes are not such an archive.
fn archived_page(bytes: &[u8]) -> Option<Result<Markup, Problem>> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mime = find(&lower, b"mime-version:").is_some()
        && find(&lower, b"content-type: multipart/related").is_some();
    if !mime {
        return None;
    }
    let message = mail_parser::MessageParser::default().parse(bytes)?;
    let Some(html) = message.body_html(0) else {
        return Some(Err(Problem::NoArticle));
    };
    let location = message
        .header_raw("Snapshot-Content-Location")
        .and_then(clean)
        .filter(|l| l.starts_with("http"));
    Some(Ok(Markup {
        html: html.into_owned(),
        encoding: "MHTML",
        location,
        format: "mhtml",
    }))
}

/// The page's text and its encoding's name. A byte-order mark decides; then the charset the
/// page declares in its first 1024 bytes (as browsers look for it); then what the bytes are.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), Problem> {
    use encoding_rs::Encoding;
    if Encoding::for_bom(bytes).is_none()
        && let Some(declared) = declared_charset(bytes)
        // A page saved as UTF-16 cannot declare it in ASCII; a declaration saying so is wrong.
        && declared != encoding_rs::UTF_16LE
        && declared != encoding_rs::UTF_16BE
    {
        // As a browser does: undecodable bytes become U+FFFD rather than refusing the page.
        let (text, _) = declared.decode_without_bom_handling(bytes);
        if text.contains('\0') {
            return Err(Problem::Binary);
        }
        return Ok((text.into_owned(), declared.name()));
    }
    super::article_file::decode(bytes)
}

/// `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">`.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"charset") {
        let mut i = from + at + b"charset".len();
        from = i;
        while lower.get(i).is_some_and(|c| c.is_ascii_whitespace()) {
            i += 1;
        }
        if lower.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while lower
            .get(i)
            .is_some_and(|c| c.is_ascii_whitespace() || *c == b'"' || *c == b'\'')
        {
            i += 1;
        }
        let end = lower[i..]
            .iter()
            .position(|c| !(c.is_ascii_alphanumeric() || b"-_:.".contains(c)))
            .map_or(lower.len(), |n| i + n);
        if let Some(encoding) = encoding_rs::Encoding::for_label(&lower[i..end]) {
            return Some(encoding);
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copied_html_keeps_its_paragraphs_and_lists() {
        let copied = "<meta charset='utf-8'><h1>Rice up</h1><p>Prices <b>rose</b>,\n a trader \
                      said.</p><ul><li>rice</li><li>corn</li></ul><script>x()</script>";
        let article = article_from_copied_html(copied).unwrap();
        assert_eq!(
            article.text,
            "Rice up\n\nPrices rose, a trader said.\n\n• rice\n\n• corn\n"
        );
        assert_eq!(article.title, "Rice up");
        assert_eq!(article_from_copied_html("<p> </p>"), Err(Problem::Empty));
    }

    #[test]
    fn the_declared_charset_is_honoured_and_a_byte_order_mark_wins() {
        let page = b"<html><head><meta charset=\"windows-1251\"></head><body>\xcf\xf0\xe8\xe2\xe5\xf2</body></html>";
        let (text, encoding) = decode(page).unwrap();
        assert_eq!(encoding, "windows-1251");
        assert!(text.contains("Привет"), "{text}");
        let http_equiv =
            b"<meta http-equiv='Content-Type' content='text/html; charset=EUC-KR'>\xc7\xd1";
        assert_eq!(decode(http_equiv).unwrap().1, "EUC-KR");
        // A mark beats the declaration.
        let marked = b"\xef\xbb\xbf<meta charset=\"iso-8859-1\">Caf\xc3\xa9";
        let (text, encoding) = decode(marked).unwrap();
        assert_eq!(encoding, "UTF-8");
        assert!(text.ends_with("Café"));
        // Nothing declared: the bytes decide.
        assert_eq!(decode("<p>Café</p>".as_bytes()).unwrap().1, "UTF-8");
    }
}
