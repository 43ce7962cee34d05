//! Word's `.docx`: the body of `word/document.xml` in reading order. Paragraph styles come
//! from `styles.xml` (by name, since style ids are translated: "Heading1", "berschrift1"),
//! list numbers from `numbering.xml`, notes from `footnotes.xml` and `endnotes.xml`. Deleted
//! tracked changes, field codes, drawings and text boxes are not the document's running text
//! and are left out; inserted changes are in.

use super::{Archive, Blocks, Document, ListFormats, Table, list_label, note_marker};
use crate::io::error::Problem;
use crate::io::xml::{self, Event, Tag};
use std::collections::HashMap;

pub(super) fn read(archive: &mut Archive) -> Result<Document, Problem> {
    let damaged = || Problem::DamagedDocument("docx");
    let body = archive.required("word/document.xml")?;
    let styles = match archive.part("word/styles.xml")? {
        Some(s) => style_names(&s).map_err(|_| damaged())?,
        None => HashMap::new(),
    };
    let numbering = match archive.part("word/numbering.xml")? {
        Some(s) => list_formats(&s).map_err(|_| damaged())?,
        None => HashMap::new(),
    };
    let mut notes = HashMap::new();
    for (part, kind) in [
        ("word/footnotes.xml", "footnote"),
        ("word/endnotes.xml", "endnote"),
    ] {
        if let Some(s) = archive.part(part)? {
            notes.extend(note_texts(&s, kind).map_err(|_| damaged())?);
        }
    }
    let mut reader = Body {
        styles,
        numbering,
        notes,
        ..Body::default()
    };
    xml::walk(&body, |e| reader.event(e)).map_err(|_| damaged())?;
    Document::assemble(
        archive,
        "docProps/core.xml",
        reader.out.done,
        &reader.cited,
        reader.title,
    )
}

/// Elements whose content is not running text.
const SKIPPED: &[&str] = &[
    "w:del",
    "w:delText",
    "w:instrText",
    "w:fldData",
    "mc:Fallback",
    "w:drawing",
    "w:pict",
    "w:object",
    "w:txbxContent",
    "w:sectPr",
    "w:rPr",
];

#[derive(Default)]
struct Body {
    styles: HashMap<String, String>,
    numbering: ListFormats,
    notes: HashMap<(&'static str, String), String>,
    out: Blocks,
    /// Open elements since the outermost skipped one began; 0 when reading.
    skipping: usize,
    in_text: bool,
    paragraph: Paragraph,
    /// Counters per list and level.
    counters: HashMap<String, Vec<usize>>,
    table: Table,
    cited: Vec<(usize, String)>,
    title: Option<String>,
    paragraphs_seen: usize,
}

#[derive(Default)]
struct Paragraph {
    style: Option<String>,
    level: usize,
    list: Option<String>,
}

impl Body {
    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(name) => self.end(&name),
            Event::Text(text) => {
                if self.skipping == 0 && self.in_text {
                    self.out.push(&text);
                }
            }
        }
    }

    fn start(&mut self, tag: Tag) {
        if self.skipping > 0 || SKIPPED.contains(&tag.name.as_str()) {
            self.skipping += 1;
            return;
        }
        let val = || tag.attr("w:val").unwrap_or_default().to_string();
        match tag.name.as_str() {
            "w:p" => self.paragraph = Paragraph::default(),
            "w:pStyle" => self.paragraph.style = Some(val()),
            "w:ilvl" => self.paragraph.level = val().parse().unwrap_or(0).min(8),
            "w:numId" => self.paragraph.list = Some(val()).filter(|v| v != "0"),
            "w:t" => self.in_text = true,
            "w:tab" | "w:ptab" => self.out.space(),
            "w:noBreakHyphen" => self.out.push("-"),
            "w:br" | "w:cr" => {
                let breaks_line = !matches!(tag.attr("w:type"), Some("page" | "column"));
                if breaks_line && !self.table.inside() {
                    self.end_paragraph();
                } else {
                    self.out.space();
                }
            }
            "w:footnoteReference" | "w:endnoteReference" => {
                let kind = if tag.name == "w:footnoteReference" {
                    "footnote"
                } else {
                    "endnote"
                };
                let id = tag.attr("w:id").unwrap_or_default().to_string();
                if let Some(text) = self.notes.get(&(kind, id)) {
                    let number = self.cited.len() + 1;
                    self.cited.push((number, text.clone()));
                    self.out.current.push_str(&note_marker(number));
                }
            }
            "w:tbl" => self.table.start_table(&mut self.out),
            "w:tr" => self.table.start_row(),
            "w:tc" => self.table.start_cell(),
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        if self.skipping > 0 {
            self.skipping -= 1;
            return;
        }
        match name {
            "w:t" => self.in_text = false,
            "w:p" => self.end_paragraph(),
            "w:tc" => self.table.end_cell(),
            "w:tr" => self.table.end_row(&mut self.out),
            "w:tbl" => self.table.end_table(),
            _ => {}
        }
    }

    fn end_paragraph(&mut self) {
        if self.table.take_paragraph(&mut self.out) {
            return;
        }
        if self.out.current.trim().is_empty() {
            self.out.current.clear();
            return;
        }
        if let Some(list) = self.paragraph.list.clone() {
            let label = self.list_label(&list);
            if !label.is_empty() {
                self.out.current = format!("{label} {}", self.out.current.trim_start());
            }
        }
        let heading = self
            .paragraph
            .style
            .as_ref()
            .and_then(|id| self.styles.get(id))
            .is_some_and(|name| is_heading(name));
        if let Some(block) = self.out.flush() {
            self.paragraphs_seen += 1;
            if self.paragraphs_seen == 1 && heading {
                self.title = Some(block);
            }
        }
    }

    fn list_label(&mut self, list: &str) -> String {
        let level = self.paragraph.level;
        let (format, start) = self
            .numbering
            .get(&(list.to_string(), level))
            .cloned()
            .unwrap_or_else(|| ("bullet".to_string(), 1));
        let counters = self.counters.entry(list.to_string()).or_default();
        counters.resize(level + 1, 0);
        let n = if counters[level] == 0 {
            start
        } else {
            counters[level] + 1
        };
        counters[level] = n;
        list_label(&format, n)
    }
}

fn is_heading(style_name: &str) -> bool {
    let name = style_name.to_lowercase();
    name == "title" || name.starts_with("heading")
}

/// Style id → style name.
fn style_names(text: &str) -> Result<HashMap<String, String>, xml::Malformed> {
    let mut names = HashMap::new();
    let mut id: Option<String> = None;
    xml::walk(text, |e| match e {
        Event::Start(tag) if tag.name == "w:style" => {
            id = tag.attr("w:styleId").map(str::to_string);
        }
        Event::Start(tag) if tag.name == "w:name" => {
            if let (Some(id), Some(name)) = (&id, tag.attr("w:val")) {
                names.insert(id.clone(), name.to_string());
            }
        }
        _ => {}
    })?;
    Ok(names)
}

/// (list id, level) → (number format, first number).
fn list_formats(text: &str) -> Result<ListFormats, xml::Malformed> {
    let mut abstract_levels: HashMap<String, HashMap<usize, (String, usize)>> = HashMap::new();
    let mut lists: Vec<(String, String)> = Vec::new();
    let mut abstract_id: Option<String> = None;
    let mut level: Option<usize> = None;
    let mut list_id: Option<String> = None;
    xml::walk(text, |e| match e {
        Event::Start(tag) => match tag.name.as_str() {
            "w:abstractNum" => abstract_id = tag.attr("w:abstractNumId").map(str::to_string),
            "w:lvl" => level = tag.attr("w:ilvl").and_then(|l| l.parse().ok()),
            "w:num" => list_id = tag.attr("w:numId").map(str::to_string),
            "w:numFmt" | "w:start" => {
                if let (Some(a), Some(l)) = (&abstract_id, level) {
                    let entry = abstract_levels
                        .entry(a.clone())
                        .or_default()
                        .entry(l)
                        .or_insert(("decimal".to_string(), 1));
                    let value = tag.attr("w:val").unwrap_or_default();
                    if tag.name == "w:numFmt" {
                        entry.0 = value.to_string();
                    } else {
                        entry.1 = value.parse().unwrap_or(1);
                    }
                }
            }
            "w:abstractNumId" => {
                if let (Some(n), Some(a)) = (&list_id, tag.attr("w:val")) {
                    lists.push((n.clone(), a.to_string()));
                }
            }
            _ => {}
        },
        Event::End(name) if name == "w:abstractNum" => abstract_id = None,
        Event::End(name) if name == "w:lvl" => level = None,
        Event::End(name) if name == "w:num" => list_id = None,
        _ => {}
    })?;
    let mut formats = HashMap::new();
    for (list, abstract_id) in lists {
        for (level, format) in abstract_levels.get(&abstract_id).into_iter().flatten() {
            formats.insert((list.clone(), *level), format.clone());
        }
    }
    Ok(formats)
}

/// (kind, note id) → the note's text, its paragraphs joined.
fn note_texts(
    text: &str,
    kind: &'static str,
) -> Result<HashMap<(&'static str, String), String>, xml::Malformed> {
    let element = format!("w:{kind}");
    let mut notes = HashMap::new();
    let mut current: Option<(String, Blocks)> = None;
    let mut in_text = false;
    let mut skipping = 0usize;
    xml::walk(text, |e| match e {
        Event::Start(tag) => {
            if skipping > 0 || SKIPPED.contains(&tag.name.as_str()) {
                skipping += 1;
            } else if tag.name == element {
                let separator = tag.attr("w:type").is_some_and(|t| t != "normal");
                current = (!separator).then(|| {
                    (
                        tag.attr("w:id").unwrap_or_default().to_string(),
                        Blocks::default(),
                    )
                });
            } else if tag.name == "w:t" {
                in_text = true;
            } else if tag.name == "w:tab"
                && let Some((_, b)) = &mut current
            {
                b.space();
            }
        }
        Event::End(name) => {
            if skipping > 0 {
                skipping -= 1;
            } else if name == "w:t" {
                in_text = false;
            } else if name == "w:p" {
                if let Some((_, b)) = &mut current {
                    b.space();
                }
            } else if name == element
                && let Some((id, mut b)) = current.take()
                && let Some(text) = b.flush()
            {
                notes.insert((kind, id), text);
            }
        }
        Event::Text(t) => {
            if let Some((_, b)) = &mut current
                && in_text
                && skipping == 0
            {
                b.push(&t);
            }
        }
    })?;
    Ok(notes)
}
