//! The brief as PDFs in their shapes: one column on A5 or two on Letter, a scan, locked copies.

use super::{Brief, pdf_line};

/// How a generated PDF is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PdfShape {
    pub columns: usize,
    /// Break long words at line ends with a hyphen, as justified reports do.
    pub hyphenate: bool,
    /// Repeat the body this many times (a long report for benchmarks).
    pub repeat: usize,
}

impl Default for PdfShape {
    fn default() -> Self {
        PdfShape {
            columns: 1,
            hyphenate: true,
            repeat: 1,
        }
    }
}

const BODY: f64 = 10.0;
const PITCH: f64 = 12.0;
/// Courier: every glyph 0.6 em wide.
const EM: f64 = 0.6;

/// A page: one column on A5, as briefs are printed; two on US Letter.
#[derive(Debug, Clone, Copy)]
struct Geometry {
    width: f64,
    height: f64,
    margin: f64,
}

impl Geometry {
    fn of(shape: PdfShape) -> Geometry {
        if shape.columns == 2 {
            Geometry {
                width: 612.0,
                height: 792.0,
                margin: 72.0,
            }
        } else {
            Geometry {
                width: 420.0,
                height: 595.0,
                margin: 54.0,
            }
        }
    }

    fn top(self) -> f64 {
        self.height - 70.0
    }
}

const BOTTOM: f64 = 150.0;

/// The brief as a PDF: a running header and "Page N of M" on every page, the title across the
/// page, footnote markers raised and small with the notes at the foot of the page.
pub fn pdf(brief: &Brief, shape: PdfShape) -> Vec<u8> {
    let geometry = Geometry::of(shape);
    let mut setter = Setter::new(shape, geometry);
    setter.paragraph(brief.title, 14.0, 2, true);
    setter.gap();
    setter.paragraph(brief.byline, BODY, 1, false);
    setter.gap();
    for _ in 0..shape.repeat.max(1) {
        let mut number = 0;
        for p in brief.body {
            if let Some(line) = pdf_line(p, &mut number) {
                setter.paragraph(&line, BODY, 1, false);
            } else if let Some(row) = p.strip_prefix("| ") {
                setter.row(row);
            } else if let Some(h) = p.strip_prefix("## ") {
                setter.gap();
                setter.paragraph(h, 12.0, 2, false);
                setter.gap();
            } else {
                setter.notes_of = brief.notes;
                setter.paragraph(p, BODY, 1, false);
                setter.gap();
            }
        }
    }
    setter.finish_page();
    let total = setter.pages.len();
    let mut pages = Vec::new();
    for (i, mut content) in setter.pages.into_iter().enumerate() {
        content.push_str(&text_op(
            geometry.margin,
            geometry.height - 40.0,
            8.0,
            "Kestrel Research Desk | Brief 12",
        ));
        content.push_str(&text_op(
            geometry.width / 2.0 - 30.0,
            30.0,
            8.0,
            &format!("Page {} of {total}", i + 1),
        ));
        pages.push(content);
    }
    pdf_file(&pages, geometry)
}

/// The text of [`pdf`] of a brief with its body repeated `repeat` times.
pub fn expected_pdf_text_repeated(brief: &Brief, repeat: usize) -> String {
    let once = brief.expected_text();
    let blocks: Vec<&str> = once.trim_end().split("\n\n").collect();
    let notes_at = blocks
        .iter()
        .position(|b| *b == "Notes")
        .unwrap_or(blocks.len());
    let mut out: Vec<&str> = blocks[..2].to_vec();
    for _ in 0..repeat.max(1) {
        out.extend(&blocks[2..notes_at]);
    }
    out.extend(&blocks[notes_at..]);
    out.join("\n\n") + "\n"
}

/// A PDF of pages with nothing but a picture: a scan without a text layer.
pub fn scanned_pdf() -> Vec<u8> {
    let page = "q 0.8 g 72 72 276 451 re f Q\n".to_string();
    pdf_file(&[page.clone(), page], Geometry::of(PdfShape::default()))
}

/// The brief as a PDF that opens only with `user_password` ("" for a permissions-only lock).
pub fn encrypted_pdf(brief: &Brief, user_password: &str) -> Vec<u8> {
    let plain = pdf(brief, PdfShape::default());
    let Ok(mut doc) = pdf_extract::Document::load_mem(&plain) else {
        return plain;
    };
    let version = pdf_extract::EncryptionVersion::V2 {
        document: &doc,
        owner_password: "kestrel-owner",
        user_password,
        key_length: 128,
        permissions: pdf_extract::Permissions::PRINTABLE,
    };
    let state = match pdf_extract::EncryptionState::try_from(version) {
        Ok(state) => state,
        Err(e) => panic!("the generated PDF cannot be locked: {e:?}"),
    };
    if let Err(e) = doc.encrypt(&state) {
        panic!("the generated PDF cannot be locked: {e:?}");
    }
    let mut out = Vec::new();
    if doc.save_to(&mut out).is_err() {
        return plain;
    }
    out
}

fn text_op(x: f64, y: f64, size: f64, text: &str) -> String {
    format!(
        "BT /F1 {size} Tf {x:.2} {y:.2} Td ({}) Tj ET\n",
        pdf_string(text)
    )
}

/// WinAnsi bytes, escaped for a literal string.
fn pdf_string(text: &str) -> String {
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let mut out = String::new();
    for &b in bytes.iter() {
        match b {
            b'(' | b')' | b'\\' => {
                out.push('\\');
                out.push(b as char);
            }
            0x20..=0x7e => out.push(b as char),
            _ => out.push_str(&format!("\\{b:03o}")),
        }
    }
    out
}

/// Lays out lines down columns and pages.
struct Setter {
    shape: PdfShape,
    geometry: Geometry,
    pages: Vec<String>,
    content: String,
    notes: String,
    notes_y: f64,
    notes_of: &'static [&'static str],
    printed: std::collections::HashSet<usize>,
    column: usize,
    y: f64,
}

impl Setter {
    fn new(shape: PdfShape, geometry: Geometry) -> Self {
        Setter {
            shape,
            geometry,
            pages: Vec::new(),
            content: String::new(),
            notes: String::new(),
            notes_y: 110.0,
            notes_of: &[],
            printed: Default::default(),
            column: 0,
            y: geometry.top(),
        }
    }

    /// The left edge and width of the current column, or of the page for `wide` text.
    fn column_x(&self, wide: bool) -> (f64, f64) {
        let full = self.geometry.width - 2.0 * self.geometry.margin;
        if self.shape.columns == 2 && !wide {
            let w = (full - 36.0) / 2.0;
            (self.geometry.margin + self.column as f64 * (w + 36.0), w)
        } else {
            (self.geometry.margin, full)
        }
    }

    fn finish_page(&mut self) {
        if self.content.is_empty() {
            return;
        }
        let mut page = std::mem::take(&mut self.content);
        page.push_str(&std::mem::take(&mut self.notes));
        self.pages.push(page);
        self.notes_y = 110.0;
        self.column = 0;
        self.y = self.geometry.top();
    }

    fn advance(&mut self, by: f64) {
        self.y -= by;
        if self.y < BOTTOM {
            if self.shape.columns == 2 && self.column == 0 {
                self.column = 1;
                // Below the title on the first page.
                self.y = self.geometry.top() - if self.pages.is_empty() { 30.0 } else { 0.0 };
            } else {
                self.finish_page();
            }
        }
    }

    fn gap(&mut self) {
        if self.y < self.geometry.top() - 1.0 && !(self.column == 1 && self.pages.is_empty()) {
            self.advance(PITCH);
        }
    }

    /// A paragraph filled to the column's width (the page's, if `wide`), long words broken
    /// with a hyphen where the shape says, notes' markers raised.
    fn paragraph(&mut self, text: &str, size: f64, font: u8, wide: bool) {
        let (_, width) = self.column_x(wide);
        let per_line = (width / (size * EM)).floor() as usize;
        let mut words: Vec<String> = text.split(' ').map(str::to_string).collect();
        words.reverse();
        let mut line: Vec<String> = Vec::new();
        let mut len = 0;
        while let Some(word) = words.pop() {
            let visible = word.chars().filter(|&c| c != '^').count();
            let need = if line.is_empty() {
                visible
            } else {
                len + 1 + visible
            };
            if need <= per_line {
                len = need;
                line.push(word);
                continue;
            }
            let room = per_line.saturating_sub(len + 2);
            let letters = word.chars().take_while(|c| c.is_alphabetic()).count();
            if self.shape.hyphenate && font == 1 && room >= 3 && letters >= room + 3 {
                let head: String = word.chars().take(room).collect();
                let tail: String = word.chars().skip(room).collect();
                line.push(format!("{head}-"));
                words.push(tail);
            } else {
                words.push(word);
            }
            self.set_line(&line.join(" "), size, font, wide);
            line.clear();
            len = 0;
        }
        if !line.is_empty() {
            self.set_line(&line.join(" "), size, font, wide);
        }
    }

    /// A table row: each cell drawn at its own place, as tables are.
    fn row(&mut self, row: &str) {
        let (x, width) = self.column_x(false);
        let mut ops = String::new();
        for (i, cell) in row.split(" | ").enumerate() {
            let at = x + i as f64 * width / 3.0;
            ops.push_str(&format!(
                "BT /F1 {BODY} Tf {at:.2} {:.2} Td ({}) Tj ET\n",
                self.y,
                pdf_string(cell)
            ));
        }
        self.content.push_str(&ops);
        self.advance(PITCH);
    }

    fn set_line(&mut self, text: &str, size: f64, font: u8, wide: bool) {
        let (x, _) = self.column_x(wide);
        let mut ops = format!("BT /F{font} {size} Tf {x:.2} {:.2} Td ", self.y);
        let mut rest = text;
        while let Some(i) = rest.find('^') {
            ops.push_str(&format!("({}) Tj ", pdf_string(&rest[..i])));
            let digits: String = rest[i + 1..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            ops.push_str(&format!(
                "/F{font} 6 Tf 4 Ts ({digits}) Tj /F{font} {size} Tf 0 Ts "
            ));
            // Each note is printed once, at the foot of the page first citing it.
            if let Some(note) = digits
                .parse::<usize>()
                .ok()
                .filter(|n| self.printed.insert(*n))
                .and_then(|n| self.notes_of.get(n.wrapping_sub(1)))
            {
                self.notes.push_str(&format!(
                    "BT /F1 8 Tf {:.2} {:.2} Td ({digits} {}) Tj ET\n",
                    self.geometry.margin,
                    self.notes_y,
                    pdf_string(note)
                ));
                self.notes_y -= 10.0;
            }
            rest = &rest[i + 1 + digits.len()..];
        }
        ops.push_str(&format!("({}) Tj ET\n", pdf_string(rest)));
        self.content.push_str(&ops);
        self.advance(PITCH * size / BODY);
    }
}

/// A PDF file of these page contents, with Courier and Courier-Bold.
fn pdf_file(pages: &[String], geometry: Geometry) -> Vec<u8> {
    use pdf_extract::{Dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = |base: &str| {
        let mut f = Dictionary::new();
        f.set("Type", Object::Name(b"Font".to_vec()));
        f.set("Subtype", Object::Name(b"Type1".to_vec()));
        f.set("BaseFont", Object::Name(base.as_bytes().to_vec()));
        f.set("Encoding", Object::Name(b"WinAnsiEncoding".to_vec()));
        f
    };
    let f1 = doc.add_object(font("Courier"));
    let f2 = doc.add_object(font("Courier-Bold"));
    let mut fonts = Dictionary::new();
    fonts.set("F1", Object::Reference(f1));
    fonts.set("F2", Object::Reference(f2));
    let mut resources = Dictionary::new();
    resources.set("Font", Object::Dictionary(fonts));
    let resources_id = doc.add_object(resources);
    let mut kids = Vec::new();
    for content in pages {
        let stream = doc.add_object(Stream::new(Dictionary::new(), content.as_bytes().to_vec()));
        let mut page = Dictionary::new();
        page.set("Type", Object::Name(b"Page".to_vec()));
        page.set("Parent", Object::Reference(pages_id));
        page.set("Contents", Object::Reference(stream));
        page.set("Resources", Object::Reference(resources_id));
        page.set(
            "MediaBox",
            Object::Array(vec![
                0.into(),
                0.into(),
                geometry.width.into(),
                geometry.height.into(),
            ]),
        );
        kids.push(Object::Reference(doc.add_object(page)));
    }
    let mut tree = Dictionary::new();
    tree.set("Type", Object::Name(b"Pages".to_vec()));
    tree.set("Count", Object::Integer(kids.len() as i64));
    tree.set("Kids", Object::Array(kids));
    doc.objects.insert(pages_id, Object::Dictionary(tree));
    let mut catalog = Dictionary::new();
    catalog.set("Type", Object::Name(b"Catalog".to_vec()));
    catalog.set("Pages", Object::Reference(pages_id));
    let catalog_id = doc.add_object(catalog);
    doc.trailer.set("Root", Object::Reference(catalog_id));
    let mut info = Dictionary::new();
    info.set(
        "Title",
        Object::string_literal("Microsoft Word - kestrel_brief_12.docx"),
    );
    info.set("Author", Object::string_literal("Han Ji-woo"));
    info.set("CreationDate", Object::string_literal("D:20261201080000Z"));
    let info_id = doc.add_object(info);
    doc.trailer.set("Info", Object::Reference(info_id));
    // Encryption keys derive from the file's identifier.
    let id = Object::String(
        b"kestrel-brief-12".to_vec(),
        pdf_extract::StringFormat::Hexadecimal,
    );
    doc.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("a PDF in memory saves");
    out
}
