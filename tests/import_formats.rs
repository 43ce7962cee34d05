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
    assert!(saved.contains("version: 7,") && saved.contains("site_name: Some(\"Tumen Ledger\")"));
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

// ---- Word processor files and PDFs, generated from a brief we wrote (`sample_docs`) ----

use claimlens::sample_docs::{self, KESTREL_BRIEF, PdfShape};

fn opened(path: &std::path::Path) -> (claimlens::model::Article, &'static str) {
    match open_path(path) {
        Ok(claimlens::io::Opened::Article(article, how)) => (*article, how),
        other => panic!("{}: {other:?}", path.display()),
    }
}

fn refusal(path: &std::path::Path) -> claimlens::io::FileError {
    match open_path(path) {
        Err(e) => e,
        Ok(other) => panic!("{} opened: {other:?}", path.display()),
    }
}

/// Paragraphs, headings, numbered and bulleted lists, table rows and footnotes, in order;
/// the tracked deletion, field code and text box left out; the file's properties kept.
#[test]
fn a_word_file_and_an_opendocument_file_open_as_their_text() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("brief.docx", sample_docs::docx(&KESTREL_BRIEF)),
        ("brief.odt", sample_docs::odt(&KESTREL_BRIEF)),
    ] {
        let path = write(dir.path(), name, &bytes);
        let (article, how) = opened(&path);
        assert_eq!(article.text, KESTREL_BRIEF.expected_text(), "{name}");
        assert_eq!(article.title, KESTREL_BRIEF.title, "{name}");
        for absent in ["(draft)", "PAGE", "Subscribe", "check the name", "Logo"] {
            assert!(!article.text.contains(absent), "{name}: {absent:?} left in");
        }
        let meta = &article.meta;
        assert_eq!(meta.byline.as_deref(), Some("Han Ji-woo"), "{name}");
        assert!(meta.published.as_deref().unwrap().starts_with("2026-12-01"));
        assert_eq!(meta.language.as_deref(), Some("en-GB"));
        let original = meta.original.as_ref().unwrap();
        assert_eq!(original.format, how);
        assert_eq!(original.name, name);
        assert_eq!(original.sha256.len(), 64);
    }
}

/// The running header and "Page N of M" gone, paragraphs re-joined across lines and pages,
/// hyphenated line ends repaired, raised footnote markers kept apart from their words and the
/// notes moved to the end; two-column pages read column by column.
#[test]
fn a_pdf_opens_as_its_paragraphs_in_one_or_two_columns() {
    let dir = tempfile::tempdir().unwrap();
    let one = sample_docs::pdf(&KESTREL_BRIEF, PdfShape::default());
    let (article, how) = opened(&write(dir.path(), "brief.pdf", &one));
    assert_eq!(how, claimlens::io::pdf::BUILT_IN);
    assert_eq!(article.text, KESTREL_BRIEF.expected_text());
    assert_eq!(article.title, KESTREL_BRIEF.title);
    assert_eq!(article.meta.byline.as_deref(), Some("Han Ji-woo"));
    assert_eq!(article.meta.published.as_deref(), Some("2026-12-01"));
    assert_eq!(article.meta.original.as_ref().unwrap().format, "pdf");
    for furniture in ["Brief 12", "Page 1", "of 2", "Nove-", "mark-"] {
        assert!(!article.text.contains(furniture), "{furniture:?} left in");
    }
    let two = sample_docs::pdf(
        &KESTREL_BRIEF,
        PdfShape {
            columns: 2,
            repeat: 3,
            ..PdfShape::default()
        },
    );
    let (article, _) = opened(&write(dir.path(), "two.pdf", &two));
    assert_eq!(
        article.text,
        sample_docs::expected_pdf_text_repeated(&KESTREL_BRIEF, 3)
    );
    // Without hyphenation the same text comes out.
    let plain = sample_docs::pdf(
        &KESTREL_BRIEF,
        PdfShape {
            hyphenate: false,
            ..PdfShape::default()
        },
    );
    let (article, _) = opened(&write(dir.path(), "plain.pdf", &plain));
    assert_eq!(article.text, KESTREL_BRIEF.expected_text());
}

/// A scan, a password, a permissions-only lock, damage: each says what it is.
#[test]
fn pdfs_that_cannot_be_read_say_why_and_a_permissions_lock_opens() {
    let dir = tempfile::tempdir().unwrap();
    let scan = write(dir.path(), "scan.pdf", &sample_docs::scanned_pdf());
    assert_eq!(refusal(&scan).problem, Problem::NoTextLayer);
    let locked = write(
        dir.path(),
        "locked.pdf",
        &sample_docs::encrypted_pdf(&KESTREL_BRIEF, "kestrel"),
    );
    let err = refusal(&locked);
    assert_eq!(err.problem, Problem::PasswordProtected);
    assert!(err.to_string().contains("locked.pdf") && err.to_string().contains("password"));
    let print_only = write(
        dir.path(),
        "print_only.pdf",
        &sample_docs::encrypted_pdf(&KESTREL_BRIEF, ""),
    );
    assert_eq!(opened(&print_only).0.text, KESTREL_BRIEF.expected_text());
    let pdf = sample_docs::pdf(&KESTREL_BRIEF, PdfShape::default());
    let cut = write(dir.path(), "cut.pdf", &pdf[..pdf.len() / 3]);
    match open_path(&cut) {
        Err(e) => {
            let message = e.to_string();
            assert!(message.contains("cut.pdf"), "{message}");
            assert!(!message.contains("Error"), "a type name in {message}");
        }
        // A reader may recover the pages before the cut; then it is their text.
        Ok(claimlens::io::Opened::Article(article, _)) => {
            assert!(
                KESTREL_BRIEF
                    .expected_text()
                    .starts_with(article.text.lines().next().unwrap())
            );
        }
        Ok(other) => panic!("{other:?}"),
    }
    let fake = write(dir.path(), "fake.pdf", b"<html>not a pdf</html>");
    assert_eq!(refusal(&fake).problem, Problem::NotADocument("pdf"));
}

/// The reader runs in a child process: one that hangs is stopped at the time limit, one that
/// runs out of memory or crashes is reported, and the window is never at risk.
#[cfg(unix)]
#[test]
fn a_pdf_reader_that_hangs_crashes_or_runs_out_of_memory_is_stopped() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let pdf = sample_docs::pdf(&KESTREL_BRIEF, PdfShape::default());
    let path = write(dir.path(), "brief.pdf", &pdf);
    let helper = |name: &str, script: &str| {
        let p = write(
            dir.path(),
            name,
            format!("#!/bin/sh\n{script}\n").as_bytes(),
        );
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
        p
    };
    let cases = [
        (
            helper("hang.sh", "cat > /dev/null; sleep 30"),
            "took longer",
        ),
        (
            helper(
                "oom.sh",
                "cat > /dev/null; echo 'memory allocation of 8 bytes failed' >&2; kill -ABRT $$",
            ),
            "memory",
        ),
        (helper("crash.sh", "kill -SEGV $$"), "stopped (signal 11)"),
        (
            helper("garbage.sh", "cat > /dev/null; echo nonsense"),
            "cannot read",
        ),
    ];
    // A PATH with the shell's tools and without pdftotext, which would step in.
    let bin = dir.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    for tool in ["cat", "sleep"] {
        let found = ["/usr/bin", "/bin"]
            .iter()
            .map(|d| std::path::Path::new(d).join(tool))
            .find(|p| p.exists())
            .unwrap();
        std::os::unix::fs::symlink(found, bin.join(tool)).unwrap();
    }
    // Through the command line, so that the helper and the limit are that process's alone.
    for (helper, expected) in cases {
        let started = std::time::Instant::now();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimlens"))
            .arg("text")
            .arg(&path)
            .env("PATH", &bin)
            .env("CLAIMLENS_HELPER", &helper)
            .env("CLAIMLENS_PDF_TIME_LIMIT", "0.5")
            .output()
            .unwrap();
        let message = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success());
        assert!(
            message.contains(expected),
            "{}: {message}",
            helper.display()
        );
        assert!(message.contains("brief.pdf"), "{message}");
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
    }
}

/// A zip bomb, a damaged or truncated document, a Word file that is not one.
#[test]
fn broken_and_hostile_word_files_are_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let docx = sample_docs::docx(&KESTREL_BRIEF);
    let cut = write(dir.path(), "cut.docx", &docx[..docx.len() / 2]);
    assert_eq!(refusal(&cut).problem, Problem::DamagedDocument("docx"));
    let fake = write(dir.path(), "fake.docx", b"just some words");
    assert_eq!(refusal(&fake).problem, Problem::NotADocument("docx"));
    let bomb = write(dir.path(), "bomb.docx", &sample_docs::zip_bomb(70_000_000));
    let started = std::time::Instant::now();
    let err = refusal(&bomb);
    assert!(
        matches!(err.problem, Problem::UnpacksTooLarge { .. }),
        "{err}"
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
    let no_body = write(
        dir.path(),
        "empty.odt",
        &sample_docs::zip_of(&[("mimetype", "x")]),
    );
    assert_eq!(refusal(&no_body).problem, Problem::NotADocument("odt"));
}

/// What the bytes are decides, not the name: a Word file or a PDF renamed .txt opens as what it
/// is; and `claimlens text` reads them too.
#[test]
fn a_document_with_the_wrong_name_opens_as_what_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let docx = write(dir.path(), "brief.txt", &sample_docs::docx(&KESTREL_BRIEF));
    assert_eq!(opened(&docx).0.text, KESTREL_BRIEF.expected_text());
    let pdf = write(
        dir.path(),
        "brief.md",
        &sample_docs::pdf(&KESTREL_BRIEF, PdfShape::default()),
    );
    assert_eq!(opened(&pdf).0.text, KESTREL_BRIEF.expected_text());
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimlens"))
        .args(["text", "--meta"])
        .arg(&pdf)
        .output()
        .unwrap();
    let printed = String::from_utf8(out.stdout).unwrap();
    assert!(printed.starts_with("title: Kestrel Brief"), "{printed}");
    assert!(printed.contains("format: pdf\n"));
    assert!(printed.ends_with(&KESTREL_BRIEF.expected_text()));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Random bytes, and real documents cut short or with bytes flipped, never panic: each is
    /// an article or a message.
    #[test]
    fn random_and_damaged_documents_never_panic(
        which in 0usize..3,
        cut in 0.0f64..1.0,
        flips in proptest::collection::vec((0.0f64..1.0, any::<u8>()), 0..8),
    ) {
        let mut bytes = match which {
            0 => sample_docs::docx(&KESTREL_BRIEF),
            1 => sample_docs::odt(&KESTREL_BRIEF),
            _ => sample_docs::pdf(&KESTREL_BRIEF, PdfShape::default()),
        };
        for (at, byte) in flips {
            let i = ((bytes.len() - 1) as f64 * at) as usize;
            bytes[i] = byte;
        }
        bytes.truncate(((bytes.len() as f64) * cut).max(1.0) as usize);
        let name = ["x.docx", "x.odt", "x.pdf"][which];
        let _ = claimlens::io::article_file::article_from_file_bytes(&bytes, name, None);
    }
}

/// Where poppler's pdftotext is installed (CI installs it), it reads the same paragraphs from
/// the same lines, and it steps in when the built-in reader fails.
#[cfg(unix)]
#[test]
fn pdftotext_where_installed_reads_the_same_text_and_steps_in_for_a_failed_reader() {
    use std::os::unix::fs::PermissionsExt;
    let installed = std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok();
    if !installed {
        eprintln!("pdftotext is not installed: the poppler path is not tested here");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let crash = write(dir.path(), "crash.sh", b"#!/bin/sh\nkill -SEGV $$\n");
    std::fs::set_permissions(&crash, std::fs::Permissions::from_mode(0o755)).unwrap();
    for (name, shape, expected) in [
        (
            "one.pdf",
            PdfShape::default(),
            KESTREL_BRIEF.expected_text(),
        ),
        (
            "two.pdf",
            PdfShape {
                columns: 2,
                repeat: 3,
                ..PdfShape::default()
            },
            sample_docs::expected_pdf_text_repeated(&KESTREL_BRIEF, 3),
        ),
    ] {
        let path = write(dir.path(), name, &sample_docs::pdf(&KESTREL_BRIEF, shape));
        for (env, value) in [
            ("CLAIMLENS_PDF_READER", "pdftotext".as_ref()),
            ("CLAIMLENS_HELPER", crash.as_os_str()),
        ] {
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimlens"))
                .arg("text")
                .arg(&path)
                .env(env, value)
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{env}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert_eq!(
                String::from_utf8(out.stdout).unwrap(),
                expected,
                "{name} {env}"
            );
        }
    }
}

/// HTML copied from a browser becomes a review with its paragraphs and list items apart (the
/// text form of the same copy runs them together in some browsers).
#[test]
fn copied_html_becomes_a_review_with_its_paragraphs() {
    use claimlens::app::{AppCommand, Workspace};
    let mut ws = Workspace::default();
    let copied = "<html><body><!--StartFragment--><h2>Guards told to stop crossings</h2>\
        <p>Border guards in Onsong were told to stop river crossings, a source said.</p>\
        <ul><li>dried squid</li><li>copper wire</li></ul><!--EndFragment--></body></html>";
    ws.handle(AppCommand::NewFromHtml(copied.to_string()));
    let document = ws.document().expect("a review of the copied page");
    let article = document.session().article();
    assert_eq!(
        article.text,
        "Guards told to stop crossings\n\nBorder guards in Onsong were told to stop river \
         crossings, a source said.\n\n• dried squid\n\n• copper wire\n"
    );
    assert_eq!(article.title, "Guards told to stop crossings");
    assert!(
        document.path.is_none(),
        "unsaved: the first save asks for a name"
    );
    let before = article.clone();
    ws.handle(AppCommand::NewFromHtml("<p> </p><img src=x>".to_string()));
    assert_eq!(ws.document().unwrap().session().article(), &before);
}

/// Files over each format's limit are refused by their size before they are read (sparse
/// files: nothing is written).
#[test]
fn a_200_mb_document_is_refused_by_its_size() {
    let dir = tempfile::tempdir().unwrap();
    for (name, limit) in [
        ("huge.pdf", "150.0 MB"),
        ("huge.docx", "100.0 MB"),
        ("huge.html", "64.0 MB"),
    ] {
        let path = dir.path().join(name);
        std::fs::File::create(&path)
            .unwrap()
            .set_len(200_000_000)
            .unwrap();
        let message = refusal(&path).to_string();
        assert!(
            message.contains(name) && message.contains("too large") && message.contains(limit),
            "{message}"
        );
    }
}

/// Re-import takes every format: a review begun on the Word file is brought up to the PDF of
/// the same brief, and its claims stay where they were.
#[test]
fn a_review_is_re_imported_from_another_format() {
    use claimlens::app::{AppCommand, Workspace};
    let dir = tempfile::tempdir().unwrap();
    let docx = write(dir.path(), "brief.docx", &sample_docs::docx(&KESTREL_BRIEF));
    let pdf = write(
        dir.path(),
        "brief.pdf",
        &sample_docs::pdf(&KESTREL_BRIEF, PdfShape::default()),
    );
    let mut ws = Workspace::default();
    ws.handle(AppCommand::Open(docx));
    let before = ws.document().unwrap().session().len();
    let effects = ws.handle(AppCommand::Reimport(pdf));
    let said = format!("{effects:?}");
    assert!(
        said.contains("Re-imported") && said.contains("brief.pdf"),
        "{said}"
    );
    let session = ws.document().unwrap().session();
    assert_eq!(session.article().text, KESTREL_BRIEF.expected_text());
    assert_eq!(session.len(), before);
}
