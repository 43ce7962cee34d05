//! Bad files give a clear message in the window and leave the open review untouched.

mod support;

use eframe::egui::Key;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use support::{ScriptedDialogs, harness};

fn drop_file(h: &mut egui_kittest::Harness<'static, claimlens::ui::ClaimlensApp>, path: &Path) {
    support::push_dropped(h, path);
    h.run();
}

#[test]
fn each_bad_file_shows_a_message_naming_it_and_keeps_the_review() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(PathBuf, &str)> = vec![
        (dir.path().join("missing.txt"), "does not exist"),
        (dir.path().to_path_buf(), "folder"),
        (
            write(dir.path(), "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00"),
            "not a text file",
        ),
        (write(dir.path(), "empty.txt", b""), "empty"),
        (
            write(dir.path(), "broken16.txt", b"\xff\xfe\x00\xdc"),
            "not valid UTF-16LE",
        ),
        (
            write(
                dir.path(),
                "broken.ron",
                b"(format: \"claimlens-session\", version: 1, article: (",
            ),
            "line",
        ),
        (
            write(
                dir.path(),
                "future.ron",
                b"(format: \"claimlens-session\", version: 99)",
            ),
            "newer claimlens",
        ),
    ];
    let mut h = harness(ScriptedDialogs::default(), None);
    h.key_press(Key::Num1);
    h.run();
    let before = h.state().document().unwrap().session().clone();
    for (path, expected) in cases {
        drop_file(&mut h, &path);
        let message = match h.state().message() {
            Some(claimlens::ui::app::Message::Error(m)) => m.clone(),
            other => panic!("no error for {}: {other:?}", path.display()),
        };
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(message.contains(&name), "{message:?} does not name {name}");
        assert!(message.contains(expected), "{message:?} lacks {expected:?}");
        // Shown in the window, not only stored.
        h.get_by_label(&message);
        assert_eq!(h.state().document().unwrap().session(), &before);
        assert!(h.state().document().unwrap().is_dirty());
    }
}

#[test]
fn dropping_an_article_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "short.txt",
        "\u{feff}One sentence.\r\nAnother one.\r\n".as_bytes(),
    );
    let mut h = harness(ScriptedDialogs::default(), None);
    drop_file(&mut h, &path);
    let session = &h.state().document().unwrap().session();
    assert_eq!(session.len(), 2);
    assert_eq!(session.sentence_text(1), "Another one.");
}

/// A saved web page dropped on the window opens as its article, with what the page says about
/// itself shown above the text; a page with no article gives a message and changes nothing.
#[test]
fn dropping_a_saved_page_opens_its_article_with_its_details() {
    use claimlens::sample_pages::TUMEN_LEDGER;
    let dir = tempfile::tempdir().unwrap();
    let page = write(
        dir.path(),
        "onsong.html",
        TUMEN_LEDGER.news_page().as_bytes(),
    );
    let mut h = harness(ScriptedDialogs::default(), None);
    drop_file(&mut h, &page);
    let article = h.state().document().unwrap().session().article().clone();
    assert_eq!(article.text, TUMEN_LEDGER.expected_text());
    h.get_by_label_contains("Tumen Ledger · Park Eun-ha · 2026-12-01");

    let front = write(
        dir.path(),
        "front.html",
        b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
    );
    drop_file(&mut h, &front);
    let message = format!("{:?}", h.state().message());
    assert!(
        message.contains("front.html") && message.contains("no article text"),
        "{message}"
    );
    assert_eq!(h.state().document().unwrap().session().article(), &article);
}

/// A PDF and a Word file dropped on the window open as reviews; the PDF's message says its
/// boundaries were judged; a locked PDF is refused with the review before it intact.
#[test]
fn dropping_a_pdf_or_a_word_file_opens_it_and_a_locked_pdf_is_refused() {
    use claimlens::sample_docs::{self, KESTREL_BRIEF, PdfShape};
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(ScriptedDialogs::default(), None);
    let docx = write(dir.path(), "brief.docx", &sample_docs::docx(&KESTREL_BRIEF));
    drop_file(&mut h, &docx);
    let article = h.state().document().unwrap().session().article().clone();
    assert_eq!(article.text, KESTREL_BRIEF.expected_text());
    let pdf = write(
        dir.path(),
        "brief.pdf",
        &sample_docs::pdf(&KESTREL_BRIEF, PdfShape::default()),
    );
    drop_file(&mut h, &pdf);
    let message = format!("{:?}", h.state().message());
    assert!(message.contains("Check sentence boundaries"), "{message}");
    let article = h.state().document().unwrap().session().article().clone();
    assert_eq!(article.text, KESTREL_BRIEF.expected_text());
    let locked = write(
        dir.path(),
        "locked.pdf",
        &sample_docs::encrypted_pdf(&KESTREL_BRIEF, "kestrel"),
    );
    drop_file(&mut h, &locked);
    let message = format!("{:?}", h.state().message());
    assert!(
        message.contains("locked.pdf") && message.contains("password"),
        "{message}"
    );
    assert_eq!(h.state().document().unwrap().session().article(), &article);
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn a_windows_1252_article_opens_decoded_with_its_encoding_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "legacy.txt",
        b"\x93Nobody has cash,\x94 a trader said. Caf\xe9 owners agreed.",
    );
    let mut h = harness(ScriptedDialogs::default(), None);
    drop_file(&mut h, &path);
    let session = &h.state().document().unwrap().session();
    assert_eq!(
        session.sentence_text(0),
        "“Nobody has cash,” a trader said."
    );
    assert_eq!(session.sentence_text(1), "Café owners agreed.");
    let message = format!("{:?}", h.state().message());
    assert!(message.contains("decoded from windows-1252"), "{message}");
}

#[test]
fn files_named_together_each_report_their_own_failure() {
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("report.txt");
    std::fs::write(
        &binary,
        [0x7f, b'E', b'L', b'F', 0, 0, 1, 2, 0, 0xff, 0xfe, 0],
    )
    .unwrap();
    let fake = dir.path().join("fake.review.ron");
    std::fs::write(&fake, "not ron at all {{").unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "A good report. It opens.").unwrap();
    let mut h = harness(ScriptedDialogs::default(), None);
    let ctx = h.ctx.clone();
    h.state_mut()
        .open_all(&[binary.clone(), fake.clone(), good.clone()], &ctx);
    h.run();
    let message = match h.state().message() {
        Some(claimlens::ui::app::Message::Error(m)) => m.clone(),
        other => panic!("expected an error, got {other:?}"),
    };
    assert!(message.contains("report.txt"), "{message}");
    assert!(message.contains("fake.review.ron"), "{message}");
    assert_eq!(
        h.state().document().unwrap().session().len(),
        2,
        "the good file opened"
    );
}

/// In a narrow window a long notice (a long path) is cut short beside the shortcuts hint, not
/// drawn under it.
#[test]
fn a_long_notice_does_not_run_under_the_shortcuts_hint() {
    use egui_kittest::kittest::Queryable;
    let dir = tempfile::tempdir().unwrap();
    let deep = dir
        .path()
        .join("a-rather-long-folder-name-for-reports")
        .join("another-folder-with-a-long-name");
    std::fs::create_dir_all(&deep).unwrap();
    let path = deep.join("rice-prices-in-hyesan-climb-as-border-trade-stalls.txt");
    std::fs::write(&path, "Rice prices rose. A source in Hyesan said so.").unwrap();
    let mut h = egui_kittest::Harness::builder()
        .with_size([900.0, 600.0])
        .with_max_steps(200)
        .build_eframe(move |_cc| {
            let mut app = claimlens::ui::ClaimlensApp::new(
                Box::new(support::ScriptedDialogs::default()),
                Vec::new(),
            )
            .named(None);
            app.open_startup(Some(path));
            app
        });
    h.run();
    let hint = h.get_by_label("F1: shortcuts").rect();
    let notice = h.get_by_label_contains("Opened ").rect();
    assert!(
        notice.max.x <= hint.min.x,
        "the notice {notice:?} runs under the hint {hint:?}"
    );
}
