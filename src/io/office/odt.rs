//! OpenDocument's `.odt`: the body of `content.xml` in reading order, list formats from the
//! list styles there and in `styles.xml`, notes from where they stand in the text. Comments,
//! tracked deletions, frames (images, text boxes) and generated indexes are left out.

use super::{Archive, Blocks, Document, ListFormats, Table, list_label, note_marker};
use crate::io::error::Problem;
use crate::io::xml::{self, Event, Tag};
use std::collections::HashMap;

pub(super) fn read(archive: &mut Archive) -> Result<Document, Problem> {
    let damaged = || Problem::DamagedDocument("odt");
    if let Some(manifest) = archive.part("META-INF/manifest.xml")?
        && manifest.contains("encryption-data")
    {
        return Err(Problem::PasswordProtected);
    }
    let content = archive.required("content.xml")?;
    let mut list_styles = list_styles_of(&content).map_err(|_| damaged())?;
    if let Some(styles) = archive.part("styles.xml")? {
        for (k, v) in list_styles_of(&styles).map_err(|_| damaged())? {
            list_styles.entry(k).or_insert(v);
        }
    }
    let mut reader = Body {
        list_styles,
        ..Body::default()
    };
    xml::walk(&content, |e| reader.event(e)).map_err(|_| damaged())?;
    Document::assemble(
        archive,
        "meta.xml",
        reader.out.done,
        &reader.cited,
        reader.title,
    )
}

const SKIPPED: &[&str] = &[
    "office:annotation",
    "office:automatic-styles",
    "office:font-face-decls",
    "office:forms",
    "text:tracked-changes",
    "text:note-citation",
    "text:sequence-decls",
    "text:table-of-content",
    "text:alphabetical-index",
    "text:illustration-index",
    "text:bibliography",
    "draw:frame",
    "draw:custom-shape",
    "table:covered-table-cell",
];

#[derive(Default)]
struct Body {
    /// (list style, level from 1) → (format, first number); a bullet's format is "".
    list_styles: ListFormats,
    out: Blocks,
    skipping: usize,
    /// Open paragraphs and headings (a note's paragraph sits inside one).
    paragraphs: usize,
    heading: bool,
    /// Open lists: their style and the number of the last item.
    lists: Vec<(Option<String>, usize)>,
    item_label: Option<String>,
    note: Option<Blocks>,
    cited: Vec<(usize, String)>,
    table: Table,
    title: Option<String>,
    blocks_seen: usize,
}

impl Body {
    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(name) => self.end(&name),
            Event::Text(text) => {
                if self.skipping > 0 || self.paragraphs == 0 {
                    return;
                }
                match &mut self.note {
                    Some(note) => note.push(&text),
                    None => self.out.push(&text),
                }
            }
        }
    }

    fn target(&mut self) -> &mut Blocks {
        self.note.as_mut().unwrap_or(&mut self.out)
    }

    fn start(&mut self, tag: Tag) {
        if self.skipping > 0 || SKIPPED.contains(&tag.name.as_str()) {
            self.skipping += 1;
            return;
        }
        match tag.name.as_str() {
            "text:p" | "text:h" => {
                if self.paragraphs == 0 && self.note.is_none() {
                    self.heading = tag.name == "text:h"
                        || tag
                            .attr("text:style-name")
                            .is_some_and(|s| s.eq_ignore_ascii_case("title"));
                }
                self.paragraphs += 1;
            }
            "text:s" => {
                let count: usize = tag.attr("text:c").and_then(|c| c.parse().ok()).unwrap_or(1);
                for _ in 0..count.min(64) {
                    let b = self.target();
                    b.current.push(' ');
                }
            }
            "text:tab" => self.target().space(),
            "text:line-break" => {
                if self.note.is_some() || self.table.inside() {
                    self.target().space();
                } else {
                    self.end_paragraph();
                }
            }
            "text:note" => {
                let number = self.cited.len() + 1;
                self.out.current.push_str(&note_marker(number));
                self.cited.push((number, String::new()));
                self.note = Some(Blocks::default());
            }
            "text:list" => {
                let style = tag
                    .attr("text:style-name")
                    .map(str::to_string)
                    .or_else(|| self.lists.last().and_then(|(s, _)| s.clone()));
                self.lists.push((style, 0));
            }
            "text:list-item" | "text:list-header" => {
                let level = self.lists.len();
                if let Some((style, n)) = self.lists.last_mut() {
                    let (format, start) = style
                        .as_ref()
                        .and_then(|s| self.list_styles.get(&(s.clone(), level)))
                        .cloned()
                        .unwrap_or_default();
                    *n = if *n == 0 { start.max(1) } else { *n + 1 };
                    self.item_label = (tag.name == "text:list-item").then(|| {
                        list_label(if format.is_empty() { "bullet" } else { &format }, *n)
                    });
                }
            }
            "table:table" => self.table.start_table(&mut self.out),
            "table:table-row" => self.table.start_row(),
            "table:table-cell" => self.table.start_cell(),
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        if self.skipping > 0 {
            self.skipping -= 1;
            return;
        }
        match name {
            "text:p" | "text:h" => {
                self.paragraphs = self.paragraphs.saturating_sub(1);
                if let Some(note) = &mut self.note {
                    note.space();
                } else if self.paragraphs == 0 {
                    self.end_paragraph();
                }
            }
            "text:note" => {
                if let Some(mut note) = self.note.take()
                    && let Some(last) = self.cited.last_mut()
                {
                    last.1 = note.flush().unwrap_or_default();
                }
            }
            "text:list" => {
                self.lists.pop();
            }
            "table:table-cell" => self.table.end_cell(),
            "table:table-row" => self.table.end_row(&mut self.out),
            "table:table" => self.table.end_table(),
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
        if let Some(label) = self.item_label.take().filter(|l| !l.is_empty()) {
            self.out.current = format!("{label} {}", self.out.current.trim_start());
        }
        if let Some(block) = self.out.flush() {
            self.blocks_seen += 1;
            if self.blocks_seen == 1 && self.heading {
                self.title = Some(block);
            }
        }
    }
}

/// The list styles of a part (`content.xml`'s automatic styles, `styles.xml`).
fn list_styles_of(text: &str) -> Result<ListFormats, xml::Malformed> {
    let mut styles = HashMap::new();
    let mut current: Option<String> = None;
    xml::walk(text, |e| match e {
        Event::Start(tag) if tag.name == "text:list-style" => {
            current = tag.attr("style:name").map(str::to_string);
        }
        Event::Start(tag)
            if tag.name == "text:list-level-style-number"
                || tag.name == "text:list-level-style-bullet" =>
        {
            let Some(style) = &current else { return };
            let level = tag
                .attr("text:level")
                .and_then(|l| l.parse().ok())
                .unwrap_or(1);
            let format = if tag.name.ends_with("bullet") {
                String::new()
            } else {
                match tag.attr("style:num-format").unwrap_or("1") {
                    "" => "none".to_string(),
                    f => f.to_string(),
                }
            };
            let start = tag
                .attr("text:start-value")
                .and_then(|s| s.parse().ok())
                .unwrap_or(1);
            styles.insert((style.clone(), level), (format, start));
        }
        Event::End(name) if name == "text:list-style" => current = None,
        _ => {}
    })?;
    Ok(styles)
}
