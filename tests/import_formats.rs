//! Articles in the forms analysts have them: saved web pages (more formats to come). The pages
//! are generated from a report we wrote (`claimlens::sample_pages`), in the shapes news sites
//! use, so that what counts as the article is known exactly.

use claimlens::io::html::article_from_html;
use claimlens::io::{Problem, load_session, open_path, save_session};
use claimlens::model::{Session, SourceKind};
use claimlens::sample_pages::{Report, TUMEN_LEDGER};
use proptest::prelude::*;

fn write(dir: &std::path::Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The page's article, and nothing of its navigation, cookie banner, share bar, related list,
/// comments or footer; its metadata from the head.
#[test]
fn a_saved_news_page_opens_as_its_article_with_its_details() {
    let dir = tempfile::tempdir().unwrap();
    let page = TUMEN_LEDGER.news_page();
    let path = write(dir.path(), "onsong.html", page.as_bytes());
    let claimlens::io::Opened::Article(article, encoding) = open_path(&path).unwrap() else {
        panic!("a page is an article")
    };
    assert_eq!(encoding, "UTF-8");
    assert_eq!(article.text, TUMEN_LEDGER.expected_text());
    for furniture in [
        "cookies",
        "Share on",
        "Related articles",
        "reader1984",
        "All rights reserved",
        "Support our reporting",
        "Tags:",
        "dataLayer",
    ] {
        assert!(!article.text.contains(furniture), "{furniture:?} left in");
    }
    assert_eq!(article.title, TUMEN_LEDGER.headline);
    let meta = &article.meta;
    assert_eq!(meta.byline.as_deref(), Some("Park Eun-ha"));
    assert_eq!(meta.published.as_deref(), Some(TUMEN_LEDGER.published));
    assert_eq!(meta.site_name.as_deref(), Some("Tumen Ledger"));
    assert_eq!(meta.url.as_deref(), Some(TUMEN_LEDGER.url));
    assert_eq!(meta.language.as_deref(), Some("en"));
    let original = meta.original.as_ref().unwrap();
    assert_eq!(
        (original.format.as_str(), original.name.as_str()),
        ("html", "onsong.html")
    );
    assert_eq!(
        original.sha256,
        claimlens::model::article::sha256_hex(&page)
    );

    // The review keeps all of it: saved as version 5, reopened equal.
    let session = Session::new(*article, claimlens::model::Taxonomy::default_preset());
    let review = dir.path().join("onsong.review.ron");
    save_session(&review, &session).unwrap();
    let saved = std::fs::read_to_string(&review).unwrap();
    assert!(saved.contains("version: 5,") && saved.contains("site_name: Some(\"Tumen Ledger\")"));
    assert_eq!(load_session(&review).unwrap(), session);
}

/// A page saved in a legacy encoding says so in its head; the text comes out the same.
#[test]
fn the_page_charset_is_honoured() {
    let page = TUMEN_LEDGER.news_page().replace(
        "<meta charset=\"utf-8\">",
        "<meta charset=\"windows-1252\">",
    );
    let (bytes, _, lossy) = encoding_rs::WINDOWS_1252.encode(&page);
    assert!(!lossy, "the report must be writable in windows-1252");
    let (article, encoding) = article_from_html(&bytes, "cp1252.htm", None).unwrap();
    assert_eq!(encoding, "windows-1252");
    assert_eq!(article.text, TUMEN_LEDGER.expected_text());
}

/// The publisher named by the page's metadata is the outlet whose reporting is its own: "the
/// Ledger reported last month" is own reporting on its page, and not in the same text without
/// the page's word on who publishes it.
#[test]
fn the_page_publisher_feeds_own_reporting() {
    const REPORT: Report = Report {
        body: &[
            "Tumen Ledger reported last month that the Onsong crossing had been closed to \
             traders for two weeks.",
            "The closure has since been extended into December.",
        ],
        ..TUMEN_LEDGER
    };
    let (article, _) = article_from_html(REPORT.news_page().as_bytes(), "p.html", None).unwrap();
    let kind_of = |article: claimlens::model::Article| {
        let session = Session::new(article, claimlens::model::Taxonomy::default_preset());
        let suggestions = claimlens::model::suggest::suggest(&session);
        let i = (0..session.len())
            .find(|&i| {
                session
                    .sentence_text(i)
                    .starts_with("Tumen Ledger reported")
            })
            .unwrap();
        suggestions[i].kind
    };
    assert_eq!(kind_of(article.clone()), SourceKind::OwnReporting);
    let mut plain = article;
    plain.meta = Default::default();
    assert_ne!(kind_of(plain), SourceKind::OwnReporting);
}

/// Pages that hold no article, or are not pages: a message that says so, naming the file.
#[test]
fn a_page_without_an_article_is_refused_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let front = "<html><head><title>Tumen Ledger</title></head><body><nav><ul>\
        <li><a href='/a'>News</a></li><li><a href='/b'>Border</a></li></ul></nav>\
        <footer>© 2026</footer></body></html>";
    let cases: [(&str, &[u8], Problem); 3] = [
        ("front.html", front.as_bytes(), Problem::NoArticle),
        ("empty.html", b"", Problem::Empty),
        (
            "zip.html",
            b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
            Problem::Binary,
        ),
    ];
    for (name, bytes, expected) in cases {
        let path = write(dir.path(), name, bytes);
        let err = open_path(&path).unwrap_err();
        assert_eq!(err.problem, expected, "{name}");
        let message = err.to_string();
        assert!(message.contains(name), "{message}");
    }
}

/// `claimlens text FILE --meta` prints the details, a blank line, then the text.
#[test]
fn the_text_command_prints_details_and_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "onsong.html",
        TUMEN_LEDGER.news_page().as_bytes(),
    );
    let mut out = Vec::new();
    claimlens::cli::run(
        claimlens::cli::Headless::Text {
            file: path,
            meta: true,
        },
        &mut out,
    )
    .unwrap();
    let out = String::from_utf8(out).unwrap();
    let (head, text) = out.split_once("\n\n").unwrap();
    assert!(
        head.starts_with(&format!("title: {}\n", TUMEN_LEDGER.headline)),
        "{head}"
    );
    assert!(
        head.contains("byline: Park Eun-ha\nsite: Tumen Ledger")
            || head.contains("site: Tumen Ledger")
    );
    assert!(head.contains(&format!("url: {}", TUMEN_LEDGER.url)));
    assert!(head.ends_with("format: html"), "{head}");
    assert_eq!(text, TUMEN_LEDGER.expected_text());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Any bytes, and any cut of a page or of its single-file archive, give an article or a
    /// message: never a panic.
    #[test]
    fn random_and_truncated_pages_never_panic(
        junk in proptest::collection::vec(any::<u8>(), 0..2048),
        cut in 0usize..20_000,
    ) {
        let _ = article_from_html(&junk, "junk.html", None);
        let page = TUMEN_LEDGER.news_page();
        // Cut anywhere, also inside a character.
        let end = cut.min(page.len());
        if let Ok((article, _)) = article_from_html(&page.as_bytes()[..end], "cut.html", None) {
            prop_assert!(!article.text.trim().is_empty());
        }
        let archive = TUMEN_LEDGER.mhtml_page();
        let end = cut.min(archive.len());
        if let Ok((article, _)) = article_from_html(&archive.as_bytes()[..end], "cut.mhtml", None) {
            prop_assert!(!article.text.trim().is_empty());
        }
    }
}

/// A text file that only has a page's name is read as the text it is, paragraphs kept.
#[test]
fn a_text_file_named_like_a_page_keeps_its_paragraphs() {
    let text = "Rice prices rose in Hyesan this week, a source said.\n\nThe market was quiet.\n";
    let (article, _) = article_from_html(text.as_bytes(), "notes.html", None).unwrap();
    assert_eq!(article.text, text);
    assert_eq!(
        article.title,
        "Rice prices rose in Hyesan this week, a source said."
    );
}

/// A page saved as a single file (MHTML) opens as the same article, with the address it was
/// saved from.
#[test]
fn a_single_file_page_archive_opens_as_its_article() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "onsong.mhtml",
        TUMEN_LEDGER.mhtml_page().as_bytes(),
    );
    let claimlens::io::Opened::Article(article, encoding) = open_path(&path).unwrap() else {
        panic!("an archive is an article")
    };
    assert_eq!(encoding, "MHTML");
    assert_eq!(article.text, TUMEN_LEDGER.expected_text());
    assert_eq!(article.meta.url.as_deref(), Some(TUMEN_LEDGER.url));
    assert_eq!(article.meta.original.as_ref().unwrap().format, "mhtml");
    // An archive with no page in it is refused, naming the file.
    let empty = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n\
        --b\r\nContent-Type: text/css\r\n\r\np { }\r\n--b--\r\n";
    let path = write(dir.path(), "styles.mhtml", empty.as_bytes());
    let err = open_path(&path).unwrap_err();
    assert_eq!(err.problem, Problem::NoArticle);
    assert!(err.to_string().contains("styles.mhtml"));
}
