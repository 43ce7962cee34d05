//! Word processor files as articles: Word's `.docx` (Office Open XML) and OpenDocument's
//! `.odt`, read from the document XML inside the zip — paragraphs, headings, lists, tables as
//! rows, footnotes — with no office suite. Both are zip archives of XML, so a hostile one (a zip
//! bomb, a damaged archive, XML that never closes) is bounded here: each part is read only up
//! to a limit, whatever its header claims.

mod docx;
mod odt;

use super::xml;

use super::error::Problem;
use crate::model::Article;
use crate::model::article::{ArticleMeta, Original, normalize, sha256_hex_bytes};
use std::io::{Cursor, Read};

/// The formats read here, by file name ending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Docx,
    Odt,
}

impl Format {
    pub fn of_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "docx" => Some(Format::Docx),
            "odt" => Some(Format::Odt),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Odt => "odt",
        }
    }
}

/// No part of a document is unpacked beyond this, and no document's parts together: a zip
/// bomb stops here, in memory and in time (unpacking 64 MB takes well under a second).
pub const MAX_UNPACKED_BYTES: u64 = 64_000_000;
/// Archives listing more entries than this are not documents anyone wrote.
const MAX_ENTRIES: usize = 100_000;

/// The article in a word processor file.
pub fn article_from_office(
    bytes: &[u8],
    format: Format,
    name: &str,
    source_path: Option<String>,
) -> Result<Article, Problem> {
    let mut archive = Archive::open(bytes, format)?;
    let document = match format {
        Format::Docx => docx::read(&mut archive)?,
        Format::Odt => odt::read(&mut archive)?,
    };
    let text = normalize(&(document.blocks.join("\n\n") + "\n"));
    if text.trim().is_empty() {
        return Err(Problem::NoDocumentText);
    }
    let fallback = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let title = document
        .title
        .or(document.meta_title)
        .unwrap_or_else(|| Article::title_from_text(&text, fallback));
    let mut article = Article::new(title, source_path, &text);
    article.meta = ArticleMeta {
        original: Some(Original {
            format: format.name().into(),
            name: name.to_string(),
            sha256: sha256_hex_bytes(bytes),
        }),
        ..document.meta
    };
    Ok(article)
}

/// What a document gave.
#[derive(Debug, Default)]
struct Document {
    blocks: Vec<String>,
    /// The first paragraph, when it is styled as the title or a heading.
    title: Option<String>,
    /// The title in the file's properties (often stale: "Document1", a template's name), used
    /// only when the text has no title of its own.
    meta_title: Option<String>,
    meta: ArticleMeta,
}

/// (list, level) → (number format, first number): how each list level is numbered.
type ListFormats = std::collections::HashMap<(String, usize), (String, usize)>;

impl Document {
    /// The document as read: its blocks with the cited notes after them, its title, and the
    /// Dublin Core properties from the part named `properties`.
    fn assemble(
        archive: &mut Archive,
        properties: &str,
        mut blocks: Vec<String>,
        cited: &[(usize, String)],
        title: Option<String>,
    ) -> Result<Document, Problem> {
        let (meta_title, meta) = match archive.part(properties)? {
            Some(text) => dublin_core(&text),
            None => Default::default(),
        };
        push_notes(&mut blocks, cited);
        Ok(Document {
            blocks,
            title,
            meta_title,
            meta,
        })
    }
}

/// A document's zip archive, read within the limits.
struct Archive<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    format: Format,
    unpacked: u64,
}

impl<'a> Archive<'a> {
    fn open(bytes: &'a [u8], format: Format) -> Result<Self, Problem> {
        // An encrypted Office file, or a Word 97–2003 .doc renamed, is an OLE compound file.
        if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return Err(Problem::EncryptedOrLegacyOffice);
        }
        if !bytes.starts_with(b"PK") {
            return Err(Problem::NotADocument(format.name()));
        }
        let zip = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|_| Problem::DamagedDocument(format.name()))?;
        if zip.len() > MAX_ENTRIES {
            return Err(Problem::DamagedDocument(format.name()));
        }
        Ok(Self {
            zip,
            format,
            unpacked: 0,
        })
    }

    /// The part named `name` as text, or `None` if the archive has no such part.
    fn part(&mut self, name: &str) -> Result<Option<String>, Problem> {
        let damaged = Problem::DamagedDocument(self.format.name());
        let entry = match self.zip.by_name(name) {
            Ok(entry) => entry,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(zip::result::ZipError::UnsupportedArchive(m)) if m.contains("assword") => {
                return Err(Problem::PasswordProtected);
            }
            Err(_) => return Err(damaged),
        };
        let left = MAX_UNPACKED_BYTES.saturating_sub(self.unpacked);
        let mut bytes = Vec::new();
        entry
            .take(left + 1)
            .read_to_end(&mut bytes)
            .map_err(|_| damaged.clone())?;
        self.unpacked += bytes.len() as u64;
        if bytes.len() as u64 > left {
            return Err(Problem::UnpacksTooLarge {
                limit: MAX_UNPACKED_BYTES,
            });
        }
        // Both formats are UTF-8 XML (a byte-order mark is allowed).
        let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
        String::from_utf8(bytes.to_vec())
            .map(Some)
            .map_err(|_| damaged)
    }

    fn required(&mut self, name: &str) -> Result<String, Problem> {
        self.part(name)?
            .ok_or(Problem::NotADocument(self.format.name()))
    }
}

/// Paragraphs as the segmenter reads them, built from runs of text.
#[derive(Debug, Default)]
struct Blocks {
    done: Vec<String>,
    current: String,
}

impl Blocks {
    /// Text as the document holds it: white space inside a run is kept as one space.
    fn push(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() {
                if !self.current.is_empty() && !self.current.ends_with(' ') {
                    self.current.push(' ');
                }
            } else if c != '\u{ad}' {
                // A soft hyphen only says where a line may break.
                self.current.push(c);
            }
        }
    }

    fn space(&mut self) {
        self.push(" ");
    }

    /// Ends the paragraph; an empty one leaves nothing.
    fn flush(&mut self) -> Option<String> {
        let block = self.current.trim().to_string();
        self.current.clear();
        (!block.is_empty()).then(|| {
            self.done.push(block.clone());
            block
        })
    }
}

/// Tables as rows of cells, whichever format's elements open and close them. Only the
/// outermost table makes rows; a table inside a cell is more of that cell's text.
#[derive(Debug, Default)]
struct Table {
    depth: usize,
    row: Vec<String>,
    cell: Vec<String>,
}

impl Table {
    fn inside(&self) -> bool {
        self.depth > 0
    }

    fn start_table(&mut self, out: &mut Blocks) {
        if self.depth == 0 {
            out.flush();
        }
        self.depth += 1;
    }

    fn end_table(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    fn start_row(&mut self) {
        if self.depth == 1 {
            self.row.clear();
        }
    }

    fn start_cell(&mut self) {
        if self.depth == 1 {
            self.cell.clear();
        }
    }

    fn end_cell(&mut self) {
        if self.depth == 1 {
            let cell = self.cell.join(" ");
            self.row.push(cell);
        }
    }

    /// The row as one block, its empty cells left out.
    fn end_row(&mut self, out: &mut Blocks) {
        if self.depth == 1 {
            let cells: Vec<&str> = self
                .row
                .iter()
                .map(|c| c.trim())
                .filter(|c| !c.is_empty())
                .collect();
            out.current = cells.join(" | ");
            out.flush();
        }
    }

    /// A paragraph that ends inside a table becomes part of its cell; false outside tables.
    fn take_paragraph(&mut self, out: &mut Blocks) -> bool {
        if self.depth == 0 {
            return false;
        }
        let text = std::mem::take(&mut out.current);
        if !text.trim().is_empty() {
            self.cell.push(text.trim().to_string());
        }
        true
    }
}

/// A footnote or endnote marker as it stands in the text: apart from the word it follows.
fn note_marker(number: usize) -> String {
    format!("[{number}]")
}

/// The notes, after the text, under their own heading.
fn push_notes(blocks: &mut Vec<String>, notes: &[(usize, String)]) {
    if notes.is_empty() {
        return;
    }
    blocks.push("Notes".to_string());
    for (number, text) in notes {
        blocks.push(format!("{} {text}", note_marker(*number)));
    }
}

/// The label of a list item in its list's format: "3.", "c.", "iii.", or "•" for a bullet.
fn list_label(format: &str, n: usize) -> String {
    let letter = |upper: bool| {
        let n = n.saturating_sub(1);
        let mut s = String::new();
        let base = if upper { b'A' } else { b'a' };
        for _ in 0..=(n / 26) {
            s.push((base + (n % 26) as u8) as char);
        }
        s
    };
    match format {
        "bullet" | "" => "•".to_string(),
        "lowerLetter" | "a" => format!("{}.", letter(false)),
        "upperLetter" | "A" => format!("{}.", letter(true)),
        "lowerRoman" | "i" => format!("{}.", roman(n).to_lowercase()),
        "upperRoman" | "I" => format!("{}.", roman(n)),
        "none" => String::new(),
        _ => format!("{n}."),
    }
}

fn roman(mut n: usize) -> String {
    const PARTS: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (value, numeral) in PARTS {
        while n >= value && s.len() < 32 {
            s.push_str(numeral);
            n -= value;
        }
    }
    s
}

/// The Dublin Core properties both formats keep (`docProps/core.xml`, `meta.xml`).
fn dublin_core(xml_text: &str) -> (Option<String>, ArticleMeta) {
    let fields = xml::leaf_texts(
        xml_text,
        &[
            "title",
            "creator",
            "initial-creator",
            "created",
            "creation-date",
            "date",
            "language",
        ],
    );
    let get = |name: &str| fields.get(name).cloned();
    let meta = ArticleMeta {
        byline: get("creator").or(get("initial-creator")),
        published: get("created").or(get("creation-date")).or(get("date")),
        language: get("language"),
        ..ArticleMeta::default()
    };
    (get("title"), meta)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_labels_follow_the_list_format() {
        assert_eq!(list_label("decimal", 3), "3.");
        assert_eq!(list_label("bullet", 3), "•");
        assert_eq!(list_label("lowerLetter", 2), "b.");
        assert_eq!(list_label("upperLetter", 28), "BB.");
        assert_eq!(list_label("lowerRoman", 4), "iv.");
        assert_eq!(list_label("I", 9), "IX.");
    }

    #[test]
    fn what_is_not_a_zip_is_refused_by_name() {
        let err = article_from_office(b"plain words", Format::Docx, "a.docx", None).unwrap_err();
        assert_eq!(err, Problem::NotADocument("docx"));
        let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
        let err = article_from_office(&ole, Format::Docx, "a.docx", None).unwrap_err();
        assert_eq!(err, Problem::EncryptedOrLegacyOffice);
        let err = article_from_office(b"PK\x03\x04broken", Format::Odt, "a.odt", None).unwrap_err();
        assert_eq!(err, Problem::DamagedDocument("odt"));
    }
}
