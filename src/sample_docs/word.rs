//! The brief as a Word file and an OpenDocument text, as the office suites write them.

use super::Brief;
use std::io::{Cursor, Write};

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A zip of text parts.
pub fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
    let owned: Vec<(&str, String)> = parts.iter().map(|(n, c)| (*n, c.to_string())).collect();
    zip(&owned)
}

/// A Word file whose body unpacks to `bytes` bytes of blanks, from a few kilobytes.
pub fn zip_bomb(bytes: usize) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(bytes > u32::MAX as usize);
    writer
        .start_file("word/document.xml", options)
        .expect("a zip in memory takes any part");
    let block = vec![b' '; 1 << 20];
    let mut left = bytes;
    while left > 0 {
        let n = left.min(block.len());
        writer.write_all(&block[..n]).expect("writing to memory");
        left -= n;
    }
    writer
        .finish()
        .expect("a zip in memory finishes")
        .into_inner()
}

fn zip(parts: &[(&str, String)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in parts {
        writer
            .start_file(*name, options)
            .expect("a zip in memory takes any part");
        writer
            .write_all(content.as_bytes())
            .expect("writing to memory");
    }
    writer
        .finish()
        .expect("a zip in memory finishes")
        .into_inner()
}

/// A Word file of the brief, as Word writes one: styles by id with names, lists through
/// numbering definitions, footnotes in their own part — and things that are not the text: a
/// deleted tracked change, a field code, a text box.
pub fn docx(brief: &Brief) -> Vec<u8> {
    let run = |text: &str| {
        let mut runs = String::new();
        let mut rest = text;
        while let Some(i) = rest.find('^') {
            runs.push_str(&format!(
                "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>",
                xml_escape(&rest[..i])
            ));
            let digits: String = rest[i + 1..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            runs.push_str(&format!(
                "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr>\
                 <w:footnoteReference w:id=\"{}\"/></w:r>",
                digits.parse::<usize>().unwrap_or(0) + 1
            ));
            rest = &rest[i + 1 + digits.len()..];
        }
        runs.push_str(&format!(
            "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r>",
            xml_escape(rest)
        ));
        runs
    };
    let para = |style: &str, extra: &str, text: &str| {
        format!(
            "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/>{extra}</w:pPr>{}</w:p>\n",
            run(text)
        )
    };
    let mut body = String::new();
    body.push_str(&para("Title", "", brief.title));
    // The byline with a tracked deletion and a page-number field: neither is the text.
    body.push_str(&format!(
        "<w:p><w:pPr><w:pStyle w:val=\"Byline\"/></w:pPr>{}<w:del w:id=\"9\" w:author=\"Editor\">\
         <w:r><w:delText> (draft)</w:delText></w:r></w:del>\
         <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>\
         <w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>\n",
        run(brief.byline)
    ));
    let mut table_open = false;
    for p in brief.body {
        if let Some(row) = p.strip_prefix("| ") {
            if !table_open {
                body.push_str("<w:tbl><w:tblPr/>");
                table_open = true;
            }
            body.push_str("<w:tr>");
            for cell in row.split(" | ") {
                body.push_str(&format!(
                    "<w:tc><w:tcPr/>{}</w:tc>",
                    para("Normal", "", cell)
                ));
            }
            body.push_str("</w:tr>\n");
            continue;
        }
        if table_open {
            body.push_str("</w:tbl>\n");
            table_open = false;
        }
        let list =
            |id: u8| format!("<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"{id}\"/></w:numPr>");
        if let Some(h) = p.strip_prefix("## ") {
            body.push_str(&para("Heading2", "", h));
        } else if let Some(item) = p.strip_prefix("* ") {
            body.push_str(&para("ListParagraph", &list(2), item));
        } else if let Some(item) = p.strip_prefix("# ") {
            body.push_str(&para("ListParagraph", &list(1), item));
        } else {
            body.push_str(&para("Normal", "", p));
        }
    }
    // A text box (a sidebar): drawn, not part of the running text.
    body.push_str(
        "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:inline>\
         <w:txbxContent><w:p><w:r><w:t>Subscribe to Kestrel Brief</w:t></w:r></w:p></w:txbxContent>\
         </wp:inline></w:drawing></mc:Choice><mc:Fallback><w:pict><w:t>Subscribe</w:t></w:pict>\
         </mc:Fallback></mc:AlternateContent></w:r></w:p>\n",
    );
    let ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
              xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" \
              xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\"";
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:document {ns}><w:body>\n{body}<w:sectPr/></w:body></w:document>"
    );
    let mut footnotes = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:footnotes {ns}>\
         <w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>\
         <w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:t>cont</w:t></w:r></w:p></w:footnote>"
    );
    for (i, note) in brief.notes.iter().enumerate() {
        footnotes.push_str(&format!(
            "<w:footnote w:id=\"{}\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> {}</w:t></w:r></w:p></w:footnote>",
            i + 2,
            xml_escape(note)
        ));
    }
    footnotes.push_str("</w:footnotes>");
    let styles = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:styles {ns}>\
         <w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>\
         </w:styles>"
    );
    let numbering = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:numbering {ns}>\
         <w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/></w:lvl></w:abstractNum>\
         <w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\u{f0b7}\"/></w:lvl></w:abstractNum>\
         <w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>\
         <w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>\
         </w:numbering>"
    );
    let core = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><cp:coreProperties \
        xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
        xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\">\
        <dc:title>Document1</dc:title><dc:creator>Han Ji-woo</dc:creator>\
        <dcterms:created>2026-12-01T08:00:00Z</dcterms:created><dc:language>en-GB</dc:language>\
        </cp:coreProperties>"
        .to_string();
    let content_types = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types \
        xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
        <Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"
        .to_string();
    zip(&[
        ("[Content_Types].xml", content_types),
        ("word/document.xml", document),
        ("word/styles.xml", styles),
        ("word/numbering.xml", numbering),
        ("word/footnotes.xml", footnotes),
        ("docProps/core.xml", core),
    ])
}

/// An OpenDocument text of the brief, as LibreOffice writes one: automatic list styles, notes
/// where they stand in the text, a comment and a frame that are not the text.
pub fn odt(brief: &Brief) -> Vec<u8> {
    let inline = |text: &str| {
        let mut out = String::new();
        let mut rest = text;
        while let Some(i) = rest.find('^') {
            out.push_str(&xml_escape(&rest[..i]));
            let digits: String = rest[i + 1..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            let n: usize = digits.parse().unwrap_or(0);
            out.push_str(&format!(
                "<text:note text:id=\"ftn{n}\" text:note-class=\"footnote\">\
                 <text:note-citation>{n}</text:note-citation><text:note-body>\
                 <text:p text:style-name=\"Footnote\">{}</text:p></text:note-body></text:note>",
                xml_escape(brief.notes.get(n.wrapping_sub(1)).copied().unwrap_or(""))
            ));
            rest = &rest[i + 1 + digits.len()..];
        }
        // Two spaces as ODF writes them.
        out.push_str(&xml_escape(rest).replacen("  ", " <text:s/>", 1));
        out
    };
    let mut body = format!(
        "<text:h text:outline-level=\"1\">{}</text:h>\n<text:p text:style-name=\"Byline\">{}\
         <office:annotation><dc:creator>Editor</dc:creator><text:p>check the name</text:p></office:annotation></text:p>\n",
        xml_escape(brief.title),
        xml_escape(brief.byline)
    );
    let mut open: Option<&str> = None;
    for p in brief.body {
        let kind = if p.starts_with("* ") {
            Some("L2")
        } else if p.starts_with("# ") {
            Some("L1")
        } else if p.starts_with("| ") {
            Some("T")
        } else {
            None
        };
        if open != kind {
            match open {
                Some("T") => body.push_str("</table:table>\n"),
                Some(_) => body.push_str("</text:list>\n"),
                None => {}
            }
            match kind {
                Some("T") => body.push_str("<table:table table:name=\"Prices\">"),
                Some(style) => body.push_str(&format!("<text:list text:style-name=\"{style}\">")),
                None => {}
            }
            open = kind;
        }
        if let Some(row) = p.strip_prefix("| ") {
            body.push_str("<table:table-row>");
            for cell in row.split(" | ") {
                body.push_str(&format!(
                    "<table:table-cell office:value-type=\"string\"><text:p>{}</text:p></table:table-cell>",
                    xml_escape(cell)
                ));
            }
            body.push_str("</table:table-row>\n");
        } else if let Some(item) = p.strip_prefix("* ").or_else(|| p.strip_prefix("# ")) {
            body.push_str(&format!(
                "<text:list-item><text:p>{}</text:p></text:list-item>",
                inline(item)
            ));
        } else if let Some(h) = p.strip_prefix("## ") {
            body.push_str(&format!(
                "<text:h text:outline-level=\"2\">{}</text:h>\n",
                inline(h)
            ));
        } else {
            body.push_str(&format!(
                "<text:p text:style-name=\"P1\">{}</text:p>\n",
                inline(p)
            ));
        }
    }
    match open {
        Some("T") => body.push_str("</table:table>\n"),
        Some(_) => body.push_str("</text:list>\n"),
        None => {}
    }
    body.push_str(
        "<text:p><draw:frame draw:name=\"Logo\"><draw:text-box><text:p>Kestrel</text:p>\
         </draw:text-box></draw:frame></text:p>\n",
    );
    let ns = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
              xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" \
              xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
              xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" \
              xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" \
              xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
              xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"";
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content {ns} office:version=\"1.3\">\
         <office:automatic-styles>\
         <text:list-style style:name=\"L1\"><text:list-level-style-number text:level=\"1\" style:num-format=\"1\" style:num-suffix=\".\"/></text:list-style>\
         <text:list-style style:name=\"L2\"><text:list-level-style-bullet text:level=\"1\" text:bullet-char=\"•\"/></text:list-style>\
         </office:automatic-styles><office:body><office:text>\n\
         <text:sequence-decls><text:sequence-decl text:display-outline-level=\"0\" text:name=\"Table\"/></text:sequence-decls>\n\
         {body}</office:text></office:body></office:document-content>"
    );
    let meta = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-meta {ns}><office:meta>\
         <meta:initial-creator>Han Ji-woo</meta:initial-creator>\
         <meta:creation-date>2026-12-01T08:00:00</meta:creation-date>\
         <dc:language>en-GB</dc:language></office:meta></office:document-meta>"
    );
    zip(&[
        (
            "mimetype",
            "application/vnd.oasis.opendocument.text".to_string(),
        ),
        ("content.xml", content),
        ("meta.xml", meta),
    ])
}
