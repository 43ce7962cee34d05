//! Word files and PDFs generated from a brief we wrote, in the shapes real ones come in — Word's
//! styles, numbering, tables, footnotes, tracked changes and field codes; a PDF's running
//! header, page numbers, footnotes with raised markers, hyphenated line ends, paragraphs that
//! run onto the next page, two columns — for the importers' tests and benchmarks. What a reader
//! would call the text is known exactly: [`Brief::expected_text`]. The PDFs are set in
//! Courier, one simple font with known widths: a best case for any PDF reader.

mod pdf;
mod word;

pub use pdf::{PdfShape, encrypted_pdf, expected_pdf_text_repeated, pdf, scanned_pdf};
pub use word::{docx, odt, zip_bomb, zip_of};

/// A brief to put in a document.
pub struct Brief {
    pub title: &'static str,
    pub byline: &'static str,
    /// Paragraphs in order. "## " starts a heading, "* " a bulleted item, "# " a numbered one,
    /// "| " a table row (cells split on " | "). "^N" in a paragraph is footnote N's marker.
    pub body: &'static [&'static str],
    pub notes: &'static [&'static str],
}

/// A brief in the style of a think-tank's monthly note on the border economy.
pub const KESTREL_BRIEF: Brief = Brief {
    title: "Kestrel Brief: Rice and fuel along the Yalu in November",
    byline: "By Han Ji-woo, Kestrel Research Desk",
    body: &[
        "Rice prices in Hyesan rose by about a fifth in November, according to two traders \
         interviewed separately by the desk, while fuel prices held steady for a second month.^1",
        "## What the traders said",
        "A wholesaler in Hyesan told the desk that state grain shops had stopped selling at the \
         fixed price at the end of October, pushing buyers into the markets. A second trader, \
         who deals in fuel from Dandong, said that deliveries across the river had resumed but \
         in smaller loads than before the summer.",
        "Neither account could be checked independently. The desk's own count of market prices \
         in won per kilogram, gathered from three cities, points the same way:^2",
        "# rice rose in Hyesan and Hoeryong;",
        "# corn stayed flat;",
        "# diesel fell slightly in Sinuiju.",
        "| City | Rice | Diesel",
        "| Hyesan | 7,900 | 21,500",
        "| Sinuiju | 7,200 | 20,800",
        "## Outlook",
        "Officials in Pyongyang have said nothing about the grain shops. State media reported on \
         November 20 that the harvest was the best in a decade, a claim the desk cannot verify \
         and that past reporting gives reasons to doubt.",
        "* The desk will repeat the price survey in December.",
        "* Traders' names are withheld for their safety.",
    ],
    notes: &[
        "Interviews by telephone on November 24 and 26.",
        "Prices collected by the desk's contacts in Hyesan, Hoeryong and Sinuiju.",
    ],
};

impl Brief {
    /// The text claimlens should store: title, byline, the body with numbered items and table
    /// rows as the importers render them, markers as "[N]", then the notes.
    pub fn expected_text(&self) -> String {
        let mut blocks = vec![self.title.to_string(), self.byline.to_string()];
        let mut number = 0;
        for p in self.body {
            let p = markers(p, "[", "]");
            if let Some(h) = p.strip_prefix("## ") {
                blocks.push(h.to_string());
            } else if let Some(item) = p.strip_prefix("* ") {
                blocks.push(format!("• {item}"));
            } else if let Some(item) = p.strip_prefix("# ") {
                number += 1;
                blocks.push(format!("{number}. {item}"));
            } else if let Some(row) = p.strip_prefix("| ") {
                blocks.push(row.to_string());
            } else {
                blocks.push(p);
            }
        }
        blocks.push("Notes".to_string());
        for (i, n) in self.notes.iter().enumerate() {
            blocks.push(format!("[{}] {n}", i + 1));
        }
        blocks.join("\n\n") + "\n"
    }
}

/// A list item as a PDF prints it on one line.
pub(crate) fn pdf_line(p: &str, number: &mut usize) -> Option<String> {
    if let Some(item) = p.strip_prefix("* ") {
        Some(format!("• {item}"))
    } else if let Some(item) = p.strip_prefix("# ") {
        *number += 1;
        Some(format!("{number}. {item}"))
    } else {
        None
    }
}

/// "^N" replaced by `open`N`close`.
pub(crate) fn markers(p: &str, open: &str, close: &str) -> String {
    let mut out = String::new();
    let mut rest = p;
    while let Some(i) = rest.find('^') {
        out.push_str(&rest[..i]);
        let digits: String = rest[i + 1..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        out.push_str(&format!("{open}{digits}{close}"));
        rest = &rest[i + 1 + digits.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample_docs::KESTREL_BRIEF;

    #[test]
    fn the_locked_pdfs_are_encrypted() {
        for password in ["kestrel", ""] {
            let bytes = encrypted_pdf(&KESTREL_BRIEF, password);
            assert!(
                memchr::memmem::find(&bytes, b"/Encrypt").is_some(),
                "password {password:?}"
            );
        }
    }
}
