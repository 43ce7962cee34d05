//! The header block a plain-text or Markdown report may open with: who published it and when,
//! as `Key: value` lines before the first blank line ("Outlet: Kestrel Report", "Date:
//! 2026-10-03") or as Markdown front matter between `---` lines. Recognised only when every
//! line of the block is a key claimlens knows, so a report that opens "Update: the ministry
//! said …" keeps its first paragraph.

/// What a header block said.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub byline: Option<String>,
    pub url: Option<String>,
}

/// Where each known key goes.
fn field<'h>(header: &'h mut Header, key: &str) -> Option<&'h mut Option<String>> {
    let key = key.trim().to_ascii_lowercase();
    Some(match key.as_str() {
        "title" | "headline" => &mut header.title,
        "outlet" | "publisher" | "publication" | "site" | "source" => &mut header.outlet,
        "date" | "published" | "publication date" | "dateline date" => &mut header.published,
        "by" | "byline" | "author" | "reporter" => &mut header.byline,
        "url" | "link" | "address" => &mut header.url,
        _ => return None,
    })
}

/// The header at the start of `text` and where the report's own text begins, if it opens with
/// one. A value in quotes (front matter) loses them.
pub fn header_block(text: &str) -> Option<(Header, usize)> {
    let start = text.len() - text.trim_start_matches(['\n', ' ', '\t']).len();
    let rest = &text[start..];
    let (block, body) = match rest.strip_prefix("---\n") {
        Some(inner) => {
            let end = inner.find("\n---")?;
            let after = &inner[end + 4..];
            let after = after.strip_prefix('\n').unwrap_or(after);
            (&inner[..end], text.len() - after.len())
        }
        None => {
            let end = rest.find("\n\n")?;
            (&rest[..end], start + end + 2)
        }
    };
    let mut header = Header::default();
    let mut lines = 0;
    for line in block.lines().filter(|l| !l.trim().is_empty()) {
        let (key, value) = line.split_once(':')?;
        let value = value.trim().trim_matches('"').trim();
        let slot = field(&mut header, key)?;
        if !value.is_empty() {
            *slot = Some(value.to_string());
        }
        lines += 1;
    }
    let said = header.outlet.is_some() || header.published.is_some();
    (lines > 0 && said && !text[body..].trim().is_empty()).then_some((header, body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_of_known_keys_is_a_header_and_the_text_starts_after_it() {
        let text = "Outlet: Kestrel Report\nDate: 2026-10-03\nBy: Min Lee\n\nRice in Hyesan\n\nA source said.";
        let (h, body) = header_block(text).unwrap();
        assert_eq!(h.outlet.as_deref(), Some("Kestrel Report"));
        assert_eq!(h.published.as_deref(), Some("2026-10-03"));
        assert_eq!(h.byline.as_deref(), Some("Min Lee"));
        assert_eq!(&text[body..], "Rice in Hyesan\n\nA source said.");

        let front = "---\ntitle: \"Rice in Hyesan\"\npublisher: Harbour Wire\n---\nA source said.";
        let (h, body) = header_block(front).unwrap();
        assert_eq!(h.title.as_deref(), Some("Rice in Hyesan"));
        assert_eq!(h.outlet.as_deref(), Some("Harbour Wire"));
        assert_eq!(&front[body..], "A source said.");
    }

    #[test]
    fn a_first_paragraph_that_only_looks_like_one_is_the_report() {
        for text in [
            "Update: the ministry said on Monday that talks resumed.\n\nMore text.",
            "Rice in Hyesan\n\nA source said.",
            "Outlet: Kestrel Report\nThe source said prices rose.\n\nMore.",
            // A byline alone says neither who published it nor when.
            "By: Min Lee\n\nA source said.",
            // Nothing after the header: it is the whole text, not a header.
            "Outlet: Kestrel Report\n\n",
            "---\noutlet: Kestrel\nno end of front matter",
        ] {
            assert_eq!(header_block(text), None, "{text:?}");
        }
    }
}
