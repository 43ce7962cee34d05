//! The headless `segment` command, as scripts use it.

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
