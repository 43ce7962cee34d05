//! The headless `segment` command, as scripts use it; and `corpus`, over a folder of reports.

#[path = "cli/corpus.rs"]
mod corpus;

use std::io::Write;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_claimlens");
const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/samples/hyesan-rice-prices.txt"
);

#[test]
fn json_ranges_slice_the_normalized_text_exactly() {
    let out = Command::new(BIN)
        .args(["segment", SAMPLE, "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let text = claimlens::model::article::normalize(&std::fs::read_to_string(SAMPLE).unwrap());
    assert!(rows.len() >= 30);
    let mut previous_end = 0;
    for row in &rows {
        let start = row["start"].as_u64().unwrap() as usize;
        let end = row["end"].as_u64().unwrap() as usize;
        assert!(start >= previous_end && start < end);
        assert_eq!(&text[start..end], row["text"].as_str().unwrap());
        previous_end = end;
    }
    // The three-sentence quotation attributed after the quote is one group; plain sentences
    // have none.
    let group_of = |prefix: &str| {
        rows.iter()
            .find(|r| r["text"].as_str().unwrap().starts_with(prefix))
            .map(|r| r["quote_group"].clone())
            .unwrap()
    };
    let g = group_of("“A kilogram of rice");
    assert!(g.is_u64(), "{g}");
    assert_eq!(group_of("That is almost 30%"), g);
    assert_eq!(group_of("Families who used to buy rice"), g);
    assert!(
        group_of("“People are angry").is_null(),
        "a one-sentence quotation is no group"
    );
    assert!(group_of("A source in Russia told").is_null());
}

#[test]
fn text_format_prints_one_sentence_per_line_and_reads_stdin() {
    let mut child = Command::new(BIN)
        .args(["segment", "-", "--format", "text"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            "\u{feff}Mr. Kim left at 3 p.m. on Friday.\r\nHe said “Go.” Then he\r\nleft."
                .as_bytes(),
        )
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Mr. Kim left at 3 p.m. on Friday.\nHe said “Go.”\nThen he left.\n"
    );
}

#[test]
fn bad_input_exits_non_zero_with_a_message_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (dir.path().join("missing.txt"), None, "does not exist"),
        (
            dir.path().join("binary.txt"),
            Some(&b"\x00\x01\x02"[..]),
            "not a text file",
        ),
        (dir.path().join("empty.txt"), Some(&b""[..]), "empty"),
        (
            dir.path().join("broken16.txt"),
            Some(&b"\xff\xfe\x00\xdc"[..]),
            "not valid UTF-16LE",
        ),
    ];
    for (path, bytes, expected) in cases {
        if let Some(b) = bytes {
            std::fs::write(&path, b).unwrap();
        }
        let out = Command::new(BIN)
            .arg("segment")
            .arg(&path)
            .output()
            .unwrap();
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&path.display().to_string()), "{err}");
        assert!(err.contains(expected), "{err}");
        assert!(out.stdout.is_empty());
    }
    let out = Command::new(BIN)
        .arg("segment")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("folder"));
}

#[test]
fn suggest_prints_kind_label_cue_and_rules_per_sentence() {
    let out = Command::new(BIN)
        .args(["suggest", SAMPLE, "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let text = claimlens::model::article::normalize(&std::fs::read_to_string(SAMPLE).unwrap());
    let kinds: Vec<&str> = claimlens::model::SourceKind::ALL
        .iter()
        .map(|k| k.as_str())
        .collect();
    for row in &rows {
        assert!(kinds.contains(&row["kind"].as_str().unwrap()), "{row}");
        let c = row["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&c));
        assert!(row["rules"].as_array().is_some_and(|r| !r.is_empty()));
        if let Some(cue) = row["cue"].as_array() {
            let (a, b) = (
                cue[0].as_u64().unwrap() as usize,
                cue[1].as_u64().unwrap() as usize,
            );
            let (s, e) = (
                row["start"].as_u64().unwrap() as usize,
                row["end"].as_u64().unwrap() as usize,
            );
            assert!(s <= a && b <= e, "cue outside its sentence: {row}");
            assert!(!text[a..b].is_empty());
        }
    }
    let russia = rows
        .iter()
        .find(|r| {
            r["text"]
                .as_str()
                .unwrap()
                .starts_with("A source in Russia told")
        })
        .unwrap();
    assert_eq!(russia["kind"], "anonymous_source");
    assert_eq!(russia["label"], "in_russia");
    assert_eq!(russia["location"], "Russia");
    let cue = russia["cue"].as_array().unwrap();
    let cue_text = &text[cue[0].as_u64().unwrap() as usize..cue[1].as_u64().unwrap() as usize];
    assert!(
        cue_text.starts_with("A source in Russia told"),
        "{cue_text}"
    );
    // "According to the source, …" rests on the same source as the sentence that named it.
    let source_of = |start: &str| {
        rows.iter()
            .find(|r| r["text"].as_str().unwrap().starts_with(start))
            .and_then(|r| r["source"]["index"].as_u64())
    };
    assert_eq!(
        source_of("According to the source"),
        source_of("A source in Russia told")
    );
    assert!(
        russia["source"]["name"]
            .as_str()
            .unwrap()
            .contains("Russia")
    );
}

#[test]
fn suggest_writes_a_session_that_opens_with_unconfirmed_suggestions() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("batch.ron");
    let out = Command::new(BIN)
        .args(["suggest", SAMPLE, "--session"])
        .arg(&out_path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let session = claimlens::io::load_session(&out_path).unwrap();
    assert!(
        session
            .annotations()
            .iter()
            .all(|a| a.status == claimlens::model::Status::Suggested)
    );
    assert!(session.annotations().iter().all(|a| a.label.is_some()));
    assert_eq!(session.stats().suggested, session.len());
    // The sources the engine found are in the record, proposed and linked to their claims.
    let russia = session
        .sources()
        .iter()
        .find(|s| s.name.contains("Russia"))
        .expect("a proposed source in Russia");
    assert!(russia.proposed);
    let backed = session
        .annotations()
        .iter()
        .filter(|a| a.source == Some(russia.id))
        .count();
    assert!(backed >= 2, "{backed} claims rest on {}", russia.name);
}

#[test]
fn check_reports_each_file_and_fails_if_any_is_bad() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.ron");
    let out = Command::new(BIN)
        .args(["suggest", SAMPLE, "--session"])
        .arg(&good)
        .output()
        .unwrap();
    assert!(out.status.success());
    let broken = dir.path().join("broken.ron");
    let text = std::fs::read_to_string(&good).unwrap();
    std::fs::write(&broken, &text[..text.len() / 2]).unwrap();

    let ok = Command::new(BIN)
        .arg("check")
        .arg(&good)
        .arg(SAMPLE)
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );
    let stdout = String::from_utf8_lossy(&ok.stdout);
    assert!(
        stdout.contains("good.ron: ok (session, 33 sentences"),
        "{stdout}"
    );

    let bad = Command::new(BIN)
        .arg("check")
        .arg(&good)
        .arg(&broken)
        .output()
        .unwrap();
    assert!(!bad.status.success());
    let stdout = String::from_utf8_lossy(&bad.stdout);
    assert!(stdout.contains("broken.ron"), "{stdout}");
    assert!(
        stdout.contains("line "),
        "RON errors carry line and column: {stdout}"
    );
    assert!(String::from_utf8_lossy(&bad.stderr).contains("1 of 2 files have problems"));
}

// ---- `claimlens export`: the review for other tools ----

/// A report in several scripts: accents, Korean, an astral-plane emoji, Arabic.
const MIXED: &str = "Café owners in Hyesan said prices rose. 🚀 Rockets were seen, a source in \
    Ryanggang Province said. 평양 시장에서 쌀값이 올랐다고 소식통이 전했다. قال مسؤول إن الأسعار \
    ارتفعت. The ministry did not comment.\n";

fn claimlens(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_claimlens"))
        .args(args)
        .output()
        .unwrap()
}

fn suggested_session(dir: &std::path::Path) -> std::path::PathBuf {
    let article = dir.join("mixed.txt");
    std::fs::write(&article, MIXED).unwrap();
    let session = dir.join("mixed.review.ron");
    let out = claimlens(&[
        "suggest".as_ref(),
        article.as_os_str(),
        "--session".as_ref(),
        session.as_os_str(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    session
}

/// Every exported span slices back to its text, in bytes and in characters, whatever the
/// script; the CSV opens as a table with a header; JSON Lines describes the article first.
#[test]
fn exported_offsets_slice_back_to_the_text_in_every_script() {
    let dir = tempfile::tempdir().unwrap();
    let session = suggested_session(dir.path());
    let text = claimlens::io::load_session(&session)
        .unwrap()
        .article()
        .text
        .clone();
    let chars: Vec<char> = text.chars().collect();
    let out = claimlens(&[
        "export".as_ref(),
        session.as_os_str(),
        "--format".as_ref(),
        "csv".as_ref(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv_text = String::from_utf8(out.stdout).unwrap();
    let body = csv_text
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark for spreadsheets");
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[0], "index");
    assert_eq!(header.len(), 18);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let mut rows = 0;
    for record in reader.records() {
        let r = record.unwrap();
        let n = |c: &str| r[col(c)].parse::<usize>().unwrap();
        let exact = &r[col("text")];
        assert_eq!(&text[n("start_byte")..n("end_byte")], exact);
        let by_chars: String = chars[n("start_char")..n("end_char")].iter().collect();
        assert_eq!(by_chars, exact);
        rows += 1;
    }
    assert!(rows >= 5, "{rows} rows");
    assert!(
        csv_text.contains("suggested"),
        "suggestions are exported with their status"
    );

    let out = claimlens(&[
        "export".as_ref(),
        session.as_os_str(),
        "--format".as_ref(),
        "jsonl".as_ref(),
    ]);
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        lines[0]["article"]["sha256"],
        claimlens::model::article::sha256_hex(&text)
    );
    assert!(lines[0]["labels"].as_array().unwrap().len() >= 9);
    for claim in &lines[1..] {
        let (s, e) = (
            claim["start_char"].as_u64().unwrap() as usize,
            claim["end_char"].as_u64().unwrap() as usize,
        );
        let by_chars: String = chars[s..e].iter().collect();
        assert_eq!(by_chars, claim["text"].as_str().unwrap());
        assert!(!claim["label"].as_str().unwrap().is_empty());
    }
}

/// Several sessions go into a folder, one file each; a damaged session stops the export
/// before anything is written, with a message naming it.
#[test]
fn several_sessions_export_into_a_folder_and_a_damaged_one_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let first = suggested_session(dir.path());
    let second = dir.path().join("copy.review.ron");
    std::fs::copy(&first, &second).unwrap();
    let folder = dir.path().join("out");
    std::fs::create_dir(&folder).unwrap();
    let out = claimlens(&[
        "export".as_ref(),
        first.as_os_str(),
        second.as_os_str(),
        "--format".as_ref(),
        "csv".as_ref(),
        "-o".as_ref(),
        folder.as_os_str(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut written: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(written, ["copy.csv", "mixed.csv"]);

    let damaged = dir.path().join("damaged.review.ron");
    std::fs::write(&damaged, "(version: 5, article: (").unwrap();
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let out = claimlens(&[
        "export".as_ref(),
        first.as_os_str(),
        damaged.as_os_str(),
        "--format".as_ref(),
        "jsonl".as_ref(),
        "-o".as_ref(),
        empty.as_os_str(),
    ]);
    assert!(!out.status.success());
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(message.contains("damaged.review.ron"), "{message}");
    assert_eq!(std::fs::read_dir(&empty).unwrap().count(), 0);
}
