//! Any file a user can throw at claimlens gives a clear message or a correct result; nothing
//! panics, and the open review is never touched.

mod support;

use claimlens::io::article_file::{article_from_bytes, decode, read_article};
use claimlens::io::session_file::{from_ron, to_ron};
use claimlens::io::{Problem, load_session, open_path};
use claimlens::model::{Article, Session, Taxonomy, segment::segment};
use proptest::prelude::*;
use std::path::Path;

const BAD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/bad");

#[test]
fn every_file_of_the_bad_corpus_is_refused_with_its_reason() {
    let expected = [
        ("bit-flipped.ron", "line "),
        ("duplicate-ids.ron", "two sentences share one id"),
        ("misspelt-field.ron", "unknown field `stauts`"),
        ("not-utf8.ron", "not UTF-8 text (first invalid byte at line"),
        ("newer-version.ron", "newer claimlens"),
        ("nul-bytes.txt", "NUL bytes"),
        ("offset-mid-character.ron", "cuts a character in half"),
        ("out-of-range.ron", "past the end of the text"),
        ("overlapping-offsets.ron", "overlaps the one before it"),
        ("random-bytes.ron", "not a text file"),
        ("truncated.ron", "line "),
        ("unknown-label.ron", "\"in_latvia\""),
        ("wrong-format.ron", "not a claimlens session file"),
    ];
    let found = std::fs::read_dir(BAD).unwrap().count();
    assert_eq!(
        found,
        expected.len(),
        "every corpus file has an expectation"
    );
    for (name, reason) in expected {
        let path = Path::new(BAD).join(name);
        let message = open_path(&path).unwrap_err().to_string();
        assert!(message.contains(name), "{message}");
        assert!(message.contains(reason), "{name}: {message}");
    }
}

/// Articles made to be hard (stops with no space after them, one run-on sentence of frames,
/// a flood of quotation marks, a text with no spaces): each opens as a review, every sentence
/// suggested, and the review survives a save and a reload unchanged. Their growth with size is
/// bounded by the unit tests that count the scanners' steps.
#[test]
fn every_article_of_the_hostile_corpus_opens_and_round_trips() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/hostile");
    let out = tempfile::tempdir().unwrap();
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let article = read_article(&path).unwrap();
        let (session, suggestions) = claimlens::app::open::new_review(article, &Default::default());
        assert_eq!(suggestions.len(), session.len(), "{}", path.display());
        let saved = out.path().join("review.ron");
        claimlens::io::save_session(&saved, &session).unwrap();
        assert_eq!(load_session(&saved).unwrap(), session, "{}", path.display());
        seen += 1;
    }
    assert!(seen >= 5, "the corpus is there: {seen} files");
}

#[test]
fn legacy_encodings_are_decoded_and_named() {
    let euc_kr = b"\xba\xcf\xc7\xd1 \xbd\xc3\xc0\xe5\xbf\xa1\xbc\xad \xbd\xd2 \xb0\xa1\xb0\xdd\xc0\xcc \xbf\xc3\xb6\xfa\xb4\xd9. \xc1\xd6\xb9\xce\xb5\xe9\xc0\xba \xbf\xc1\xbc\xf6\xbc\xf6\xb8\xa6 \xbb\xea\xb4\xd9.";
    let (text, encoding) = decode(euc_kr).unwrap();
    assert_eq!(encoding, "EUC-KR");
    assert_eq!(
        text,
        "북한 시장에서 쌀 가격이 올랐다. 주민들은 옥수수를 산다."
    );
    let cp1252 = b"\x93Nobody has cash,\x94 said a trader in Sinui\xf1u.";
    assert_eq!(decode(cp1252).unwrap().1, "windows-1252");
    let utf16le: Vec<u8> = "\u{feff}Rice rose. Corn fell."
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let article = article_from_bytes(&utf16le, "t", None).unwrap();
    assert_eq!(segment(&article.text).sentences.len(), 2);
}

#[test]
fn a_200_mb_article_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    // A sparse file: 200 MB on paper, nothing on disk.
    std::fs::File::create(&path)
        .unwrap()
        .set_len(200_000_000)
        .unwrap();
    let err = read_article(&path).unwrap_err();
    assert!(matches!(err.problem, Problem::TooLarge { .. }));
    assert!(err.to_string().contains("too large (200.0 MB"), "{err}");
}

#[test]
fn long_lines_rtl_cjk_emoji_and_combining_marks_segment_on_character_boundaries() {
    let long_line = "word ".repeat(200_000);
    let mixed = format!(
        "{long_line}\n\nمصدر في روسيا قال إن العمال غادروا. 北朝鲜的大米价格上涨了。 \
         A source 🙂 said prices rose. Cafe\u{301} owners agreed! Ne\u{301}e\u{308}…\n"
    );
    let seg = segment(&mixed);
    assert!(seg.sentences.len() >= 4);
    for s in &seg.sentences {
        assert!(mixed.is_char_boundary(s.start) && mixed.is_char_boundary(s.end));
    }
    let session = Session::new(Article::new("t", None, &mixed), Taxonomy::default_preset());
    // A split asked for in the middle of a character is refused, not a panic.
    let last = session.len() - 1;
    let span = session.sentences()[last];
    let inside_accent = (span.start..span.end)
        .find(|&b| !mixed.is_char_boundary(b))
        .unwrap();
    assert!(session.split(last, inside_accent).is_err());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Random bytes as an article: a clear refusal or an article, never a panic.
    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(article) = article_from_bytes(&bytes, "t", None) {
            let seg = segment(&article.text);
            for s in seg.sentences {
                prop_assert!(article.text.is_char_boundary(s.start));
                prop_assert!(article.text.is_char_boundary(s.end));
            }
        }
    }

    /// Any text, especially punctuation-heavy text with wide whitespace and marks, segments
    /// without panicking, on character boundaries, and suggestions run on it.
    #[test]
    fn any_text_segments_and_suggests(tokens in prop::collection::vec(prop::sample::select(vec![
        "left", "She", "U.S.", ".", "!", "?", "…", "“", "”", "\"", "'", "(", ")", " ", "\u{a0}",
        "\u{3000}", "\n", "\n\n", "é", "e\u{301}", "🙂", "北", "قال", "Mr.", "1.", "a.m.", "www.x",
        "said a source in Hyesan", "he added", "reportedly", "A", "b",
    ]), 0..80)) {
        let text: String = tokens.concat();
        let seg = segment(&text);
        for s in &seg.sentences {
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
        let session = Session::new(Article::new("t", None, &text), Taxonomy::default_preset());
        let suggestions = claimlens::model::suggest::suggest(&session);
        prop_assert_eq!(suggestions.len(), session.len());
        for s in suggestions.iter().filter_map(|s| s.cue) {
            prop_assert!(session.article().text.is_char_boundary(s.start));
            prop_assert!(session.article().text.is_char_boundary(s.end));
        }
    }

    /// Whatever the importer accepts, claimlens can write and read back: the session made from
    /// it (segmented and suggested, as `suggest --session` and a first Save make it) saves,
    /// passes the checks of loading, and loads equal. Bytes are drawn to include what breaks
    /// formats: control characters, NUL after a byte-order mark, UTF-16 with U+0000, lone
    /// surrogates' bytes, line and paragraph separators, carriage returns.
    #[test]
    fn every_accepted_article_is_written_as_a_session_that_reads_back_equal(
        parts in prop::collection::vec(prop::sample::select(vec![
            &b"A source said so. "[..], b"\xef\xbb\xbf", b"\x00", b"\x01\x02\x1b", b"\r", b"\r\n",
            b"\n\n", b"\t", b"\"", b"\\", b"\xe2\x80\xa8", b"\xe2\x80\xa9", b"\xc2\x85",
            b"\xff\xfe", b"\xfe\xff", b"A\x00", b"\x00A", b"\xed\xa0\x80", b"\xef\xbf\xbf",
            b"r#\"", b"\"#", b"\xf0\x9f\x99\x82", b"\xe5\x8c\x97", b"(", b")", b",",
            b"Officials in Pyongyang did not comment.",
        ]), 0..40)
    ) {
        let bytes: Vec<u8> = parts.concat();
        let Ok(article) = article_from_bytes(&bytes, "t", None) else { return Ok(()) };
        let (session, _) = claimlens::app::open::new_review(article, &Default::default());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("review.ron");
        claimlens::io::save_session(&path, &session).unwrap();
        let back = load_session(&path);
        prop_assert!(back.is_ok(), "written but refused: {:?}", back.err());
        prop_assert_eq!(back.unwrap(), session);
    }

    /// A damaged session file either fails to load with a reason or loads as a whole,
    /// consistent session; it is never half-loaded.
    #[test]
    fn cut_or_bit_flipped_sessions_fail_cleanly(cut in 0usize..20_000, flip in 0usize..20_000, bit in 0u8..8) {
        let good = std::fs::read(Path::new(BAD).join("../sessions/v1_hyesan_review.ron")).unwrap();
        let mut bytes = good.clone();
        let at = flip % bytes.len();
        bytes[at] ^= 1 << bit;
        bytes.truncate(bytes.len() - cut % bytes.len());
        if let Ok(text) = std::str::from_utf8(&bytes) {
            match from_ron(text) {
                Ok(session) => {
                    prop_assert_eq!(session.sentences().len(), session.annotations().len());
                    prop_assert_eq!(from_ron(&to_ron(&session)).unwrap(), session);
                }
                Err(problem) => prop_assert!(!problem.to_string().is_empty()),
            }
        }
    }
}

#[test]
fn the_checked_in_fixture_still_loads() {
    load_session(&Path::new(BAD).join("../sessions/v1_hyesan_review.ron")).unwrap();
}

/// A pipe is opened for reading only when someone writes to it: opening one would hang the
/// app. It is refused by its type, at once, with a message saying what to do instead.
#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_at_once_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("report.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo is not available; skipped");
        return;
    }
    let (tx, rx) = std::sync::mpsc::channel();
    let path = fifo.clone();
    std::thread::spawn(move || {
        let _ = tx.send(claimlens::io::open_path(&path).map(|_| ()));
    });
    let result = rx
        .recv_timeout(std::time::Duration::from_secs(10))
        .expect("opening a pipe must not block");
    let message = result.unwrap_err().to_string();
    assert!(message.contains("report.txt"), "{message}");
    assert!(message.contains("not a regular file"), "{message}");
    assert!(message.contains("standard input"), "{message}");
}

#[test]
fn too_large_names_sizes_that_can_be_told_apart() {
    use claimlens::io::{FileError, Problem};
    let path = std::path::Path::new("big.txt");
    let just_over = FileError::open(
        path,
        Problem::TooLarge {
            bytes: 64_000_001,
            limit: 64_000_000,
        },
    )
    .to_string();
    assert!(
        just_over.contains("64,000,001 bytes") && just_over.contains("64,000,000 bytes"),
        "{just_over}"
    );
    let far_over = FileError::open(
        path,
        Problem::TooLarge {
            bytes: 200_500_000,
            limit: 64_000_000,
        },
    )
    .to_string();
    assert!(
        far_over.contains("200.5 MB") && far_over.contains("64.0 MB"),
        "{far_over}"
    );
}

/// Standard input is read within the article limit however much is sent.
#[test]
fn standard_input_beyond_the_limit_is_refused() {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_claimlens"))
        .args(["segment", "-", "--format", "text"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let line = "A source said prices rose. ".repeat(40_000);
    // 65 MB, more than the 64 MB limit; the reader stops after the limit, so the writer may
    // find the pipe closed.
    for _ in 0..60 {
        if stdin.write_all(line.as_bytes()).is_err() {
            break;
        }
    }
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert!(!out.status.success());
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(message.contains("too large"), "{message}");
}
