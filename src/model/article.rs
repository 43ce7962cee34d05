//! The article under review: its text, normalized once so that every byte offset stays valid.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub title: String,
    /// Where the text was read from, if anywhere; informational only, a session never needs it.
    pub source_path: Option<String>,
    /// SHA-256 of the normalized text, lowercase hex.
    pub sha256: String,
    pub text: String,
    /// What the page or document said about itself (session format 5 on; empty for plain text
    /// and for reviews made earlier).
    #[serde(default, skip_serializing_if = "ArticleMeta::is_empty")]
    pub meta: ArticleMeta,
}

/// An article's metadata, as its page gave it (`<meta>`, Open Graph, JSON-LD, the readability
/// result), and the file its text was extracted from. All of it is informational: the text is
/// what the review is about.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleMeta {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// As the page wrote it (usually ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The publisher: "Kestrel Report".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site_name: Option<String>,
    /// The canonical address of the page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A language tag: "en", "ko-KR".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The file the text came from, when it was not plain text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original: Option<Original>,
}

/// The file an article's text was extracted from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Original {
    /// "html", "pdf", "docx".
    pub format: String,
    pub name: String,
    /// SHA-256 of the file's bytes, lowercase hex.
    pub sha256: String,
}

impl ArticleMeta {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// One line for the top of the article view and `claimlens text --meta`: publisher, byline,
    /// date, address.
    pub fn summary(&self) -> String {
        // "2026-12-01T09:30:00+09:00" reads as its date; other forms as the page wrote them.
        let date = self.published.as_deref().map(|d| {
            let iso = d.len() > 10 && d.as_bytes()[4] == b'-' && d.as_bytes()[10] == b'T';
            if iso { &d[..10] } else { d }
        });
        [
            self.site_name.as_deref(),
            self.byline.as_deref(),
            date,
            self.url.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
    }
}

impl Article {
    /// Builds an article from raw text, normalizing it first.
    pub fn new(title: impl Into<String>, source_path: Option<String>, raw: &str) -> Self {
        Self::from_normalized(title, source_path, normalize(raw))
    }

    /// Builds an article from text that is already normalized (e.g. read back from a session).
    pub fn from_normalized(
        title: impl Into<String>,
        source_path: Option<String>,
        text: String,
    ) -> Self {
        Self {
            title: title.into(),
            source_path,
            sha256: sha256_hex(&text),
            text,
            meta: ArticleMeta::default(),
        }
    }

    /// The article's title: its first non-empty line, shortened, or the fallback.
    pub fn title_from_text(text: &str, fallback: &str) -> String {
        let first = text
            .lines()
            .map(|l| l.trim().trim_start_matches('#').trim())
            .find(|l| !l.is_empty());
        match first {
            Some(line) => shorten(line, 80),
            None => fallback.to_string(),
        }
    }
}

/// Strips a byte-order mark and turns CRLF and lone CR line ends into LF, so that offsets do not
/// depend on the platform the article was written on.
pub fn normalize(raw: &str) -> String {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    if !raw.contains('\r') {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

pub fn sha256_hex(text: &str) -> String {
    sha256_hex_bytes(text.as_bytes())
}

pub fn sha256_hex_bytes(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for byte in digest {
        hex.push_str(&format!("{byte:02x}"));
    }
    hex
}

/// Whether `title` and `meta` can stand as an article's details: each a single line, and a date
/// the analyst writes in the form the desk sorts and filters by (2026, 2026-11, 2026-11-28; a
/// page's own timestamp such as 2026-11-28T09:30:00+09:00 also passes). A date the page gave
/// in another form (`was`) stays acceptable while the analyst leaves it as it is.
pub fn check_details(title: &str, meta: &ArticleMeta, was: &ArticleMeta) -> Result<(), String> {
    let fields = [
        ("title", Some(title)),
        ("outlet", meta.site_name.as_deref()),
        ("date", meta.published.as_deref()),
        ("byline", meta.byline.as_deref()),
        ("address", meta.url.as_deref()),
    ];
    for (name, value) in fields {
        if value.is_some_and(|v| v.chars().any(char::is_control)) {
            return Err(format!("the {name} must be one line of text"));
        }
    }
    match meta.published.as_deref() {
        Some(date) if !is_iso_date(date) && meta.published != was.published => Err(format!(
            "“{date}” is not a date: write it as 2026-11-28 (or 2026-11, or 2026)"
        )),
        _ => Ok(()),
    }
}

/// YYYY, YYYY-MM or YYYY-MM-DD with a real month and day, optionally followed by a time
/// ("T09:30…").
fn is_iso_date(date: &str) -> bool {
    let day = date.split_once('T').map_or(date, |(d, _)| d);
    let mut parts = day.split('-');
    let number = |p: Option<&str>, digits: usize, range: std::ops::RangeInclusive<u32>| {
        p.filter(|p| p.len() == digits && p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse().ok())
            .is_some_and(|n| range.contains(&n))
    };
    let year = parts.next();
    if !number(year, 4, 1..=9999) {
        return false;
    }
    match (parts.next(), parts.next(), parts.next()) {
        (None, None, None) => true,
        (Some(m), None, None) => number(Some(m), 2, 1..=12),
        (Some(m), Some(d), None) => number(Some(m), 2, 1..=12) && number(Some(d), 2, 1..=31),
        _ => false,
    }
}

/// Cuts `s` to at most `max_chars` characters, marking the cut with an ellipsis.
pub fn shorten(s: &str, max_chars: usize) -> String {
    match s.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", s[..cut].trim_end()),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_take_dates_the_desk_can_sort_and_refuse_what_it_cannot() {
        let none = ArticleMeta::default();
        let with_date = |d: &str| ArticleMeta {
            published: Some(d.to_string()),
            ..Default::default()
        };
        for good in ["2026", "2026-11", "2026-11-28", "2026-11-28T09:30:00+09:00"] {
            assert_eq!(
                check_details("T", &with_date(good), &none),
                Ok(()),
                "{good}"
            );
        }
        for bad in [
            "28 Nov 2026",
            "2026-13",
            "2026-11-32",
            "26-11-28",
            "2026/11/28",
            "",
        ] {
            let e = check_details("T", &with_date(bad), &none).unwrap_err();
            assert!(e.contains("is not a date"), "{bad}: {e}");
        }
        let two_lines = ArticleMeta {
            site_name: Some("Kestrel\nReport".into()),
            ..Default::default()
        };
        assert_eq!(
            check_details("T", &two_lines, &none),
            Err("the outlet must be one line of text".into())
        );
        assert!(check_details("A\ttitle", &none, &none).is_err());
        // A page's own date in its own form is kept while only the outlet changes.
        let page = with_date("December 3, 2026");
        let outlet_set = ArticleMeta {
            site_name: Some("Kestrel Report".into()),
            ..page.clone()
        };
        assert_eq!(check_details("T", &outlet_set, &page), Ok(()));
    }

    #[test]
    fn bom_and_crlf_are_normalized() {
        assert_eq!(normalize("\u{feff}a\r\nb\rc\n"), "a\nb\nc\n");
        assert_eq!(normalize("plain\n"), "plain\n");
    }

    #[test]
    fn title_skips_blank_lines_and_markdown_heading_marks() {
        assert_eq!(
            Article::title_from_text("\n\n# Rice prices\nBody", "x"),
            "Rice prices"
        );
        assert_eq!(Article::title_from_text("  \n", "fallback"), "fallback");
    }

    #[test]
    fn sha_is_of_normalized_text() {
        let a = Article::new("t", None, "a\r\nb");
        let b = Article::new("t", None, "a\nb");
        assert_eq!(a.sha256, b.sha256);
        assert_eq!(a.sha256.len(), 64);
    }
}
