//! The article's HTML as text blocks, each a paragraph for the segmenter: headings, paragraphs,
//! block quotes, list items (with their bullet or number), figure captions, table rows (cells
//! joined by " | "). Inline markup disappears; white space collapses as a browser shows it.

use dom_query::{Document, NodeRef};

pub fn blocks(content_html: &str) -> Vec<String> {
    let document = Document::fragment(content_html);
    blocks_of(&document.root())
}

/// The blocks of a part of a document already parsed.
pub fn blocks_of(node: &NodeRef) -> Vec<String> {
    let mut out = Blocks::default();
    walk(node, &mut out, None, 0);
    out.flush();
    out.done
}

#[derive(Default)]
struct Blocks {
    done: Vec<String>,
    current: String,
}

impl Blocks {
    fn push_text(&mut self, text: &str) {
        for (i, word) in text.split_whitespace().enumerate() {
            let starts_with_space = i > 0 || text.starts_with(char::is_whitespace);
            if starts_with_space && !self.current.is_empty() && !self.current.ends_with(' ') {
                self.current.push(' ');
            }
            self.current.push_str(word);
        }
        if text.ends_with(char::is_whitespace) && !self.current.is_empty() {
            self.current.push(' ');
        }
    }

    fn flush(&mut self) {
        let block = self.current.trim().to_string();
        self.current.clear();
        if !block.is_empty() {
            self.done.push(block);
        }
    }
}

/// Elements whose content is not article text even inside the content readability chose.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "button", "form", "select", "input",
    "textarea", "iframe", "object", "video", "audio", "canvas", "nav", "menu",
];

/// Elements that start and end a block of their own.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "figure",
    "figcaption",
    "pre",
    "address",
    "dl",
    "dt",
    "dd",
    "ul",
    "ol",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "caption",
    "hr",
    "details",
    "summary",
];

/// `list`: the number of the next item of the enclosing ordered list, or `Some(0)` in a
/// bulleted one.
fn walk(node: &NodeRef, out: &mut Blocks, list: Option<usize>, depth: usize) {
    // Deeply nested markup (generated or hostile) is read only so far: no stack overflow.
    if depth > 200 {
        return;
    }
    if node.is_text() {
        out.push_text(&node.text());
        return;
    }
    if !(node.is_element() || node.is_document() || node.is_fragment()) {
        return;
    }
    let name = node
        .node_name()
        .map(|n| n.to_ascii_lowercase())
        .unwrap_or_default();
    if SKIPPED.contains(&name.as_str()) {
        return;
    }
    match name.as_str() {
        "br" => out.flush(),
        "li" => {
            out.flush();
            match list {
                Some(n) if n > 0 => out.current.push_str(&format!("{n}. ")),
                _ => out.current.push_str("• "),
            }
            children(node, out, None, depth);
            out.flush();
        }
        "ul" | "ol" => {
            out.flush();
            let start = node
                .attr("start")
                .and_then(|s| s.trim().parse::<usize>().ok())
                .unwrap_or(1);
            let mut number = start;
            for child in node.children() {
                let is_item = child
                    .node_name()
                    .is_some_and(|n| n.eq_ignore_ascii_case("li"));
                let here = if name == "ol" { Some(number) } else { Some(0) };
                walk(&child, out, here, depth + 1);
                if is_item {
                    number += 1;
                }
            }
            out.flush();
        }
        "tr" => {
            out.flush();
            let mut first = true;
            for cell in node.children() {
                let is_cell = cell
                    .node_name()
                    .is_some_and(|n| n.eq_ignore_ascii_case("td") || n.eq_ignore_ascii_case("th"));
                if !is_cell {
                    continue;
                }
                if !first {
                    out.current.push_str(" | ");
                }
                first = false;
                let mut inner = Blocks::default();
                children(&cell, &mut inner, None, depth);
                inner.flush();
                out.current.push_str(&inner.done.join(" "));
            }
            out.flush();
        }
        _ if BLOCKS.contains(&name.as_str()) => {
            out.flush();
            children(node, out, list, depth);
            out.flush();
        }
        _ => children(node, out, list, depth),
    }
}

fn children(node: &NodeRef, out: &mut Blocks, list: Option<usize>, depth: usize) {
    for child in node.children() {
        walk(&child, out, list, depth + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_keep_paragraphs_lists_captions_and_table_rows() {
        let html = "<div><h2>Sub-head here</h2><p>First <em>one</em>,\n  said   she.</p>\
            <figure><img src=x><figcaption>A market in Hyesan. (Photo: Kestrel)</figcaption></figure>\
            <ol start=3><li>Rice</li><li>Corn <b>flour</b></li></ol><ul><li>Cash</li></ul>\
            <table><tr><th>Item</th><th>Price</th></tr><tr><td>Rice</td><td>6,200 won</td></tr></table>\
            <blockquote><p>We ask for cash.</p></blockquote><script>var x = 1;</script></div>";
        assert_eq!(
            blocks(html),
            [
                "Sub-head here",
                "First one, said she.",
                "A market in Hyesan. (Photo: Kestrel)",
                "3. Rice",
                "4. Corn flour",
                "• Cash",
                "Item | Price",
                "Rice | 6,200 won",
                "We ask for cash.",
            ]
        );
    }

    #[test]
    fn deep_nesting_is_read_without_running_out_of_stack() {
        let html = "<span>".repeat(5000) + "deep" + &"</span>".repeat(5000);
        let got = blocks(&html);
        assert!(got.len() <= 1);
    }
}
