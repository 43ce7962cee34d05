//! Session files: what was saved is what loads; bad files are refused clearly; saving is atomic.

use claimlens::io::session_file::{from_ron, to_ron};
use claimlens::io::{Problem, load_session, save_session};
use claimlens::model::command::LabelChange;
use claimlens::model::{
    Annotation, Article, Command, Credibility, Hedging, LabelId, Link, LinkKind, Reliability,
    SentenceId, Session, Source, SourceId, Status, Taxonomy,
};
use proptest::prelude::*;
use std::path::Path;

fn sample_session() -> Session {
    let mut s = Session::new(
        claimlens::samples::sample_article(),
        Taxonomy::default_preset(),
    );
    let edits = [
        Command::label([3], Some(LabelId::new("inside_nk"))),
        Command::SetNote {
            sentence: 3,
            note: "Quote runs over three sentences; \"he\" = same source.\nLine two.".into(),
        },
        Command::label([9], Some(LabelId::new("in_russia"))),
        Command::SetLabels(vec![LabelChange {
            sentence: 10,
            label: Some(LabelId::new("in_russia")),
            status: Status::Suggested,
        }]),
    ];
    for edit in edits {
        s.apply(edit).unwrap();
    }
    s
}

#[test]
fn save_then_load_gives_the_same_session() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("review.ron");
    let s = sample_session();
    save_session(&path, &s).unwrap();
    assert_eq!(load_session(&path).unwrap(), s);
}

#[test]
fn the_file_is_readable_ron_with_format_version_hash_and_quotes() {
    let text = to_ron(&sample_session());
    for needle in [
        "format: \"claimlens-session\"",
        "version: 7",
        "sha256: \"",
        "source_path: Some(\"assets/samples/hyesan-rice-prices.txt\")",
        "taxonomy: (",
        "quote: \"A source in Russia told Kestrel Report",
        "label: Some(\"in_russia\")",
        "status: suggested",
    ] {
        assert!(text.contains(needle), "missing {needle:?}");
    }
    assert!(
        text.lines().count() > 50,
        "the RON is pretty-printed, one item a line"
    );
}

#[test]
fn a_failed_write_leaves_the_old_file_whole_and_no_temp_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("review.ron");
    std::fs::write(&path, "the previous version").unwrap();
    let result = claimlens::io::atomic::write_atomic(&path, |out| {
        out.write_all(b"half a sess")?;
        Err(std::io::Error::other("disk full"))
    });
    assert!(result.is_err());
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "the previous version"
    );
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "temporary file left behind: {names:?}");
}

#[test]
fn saving_into_a_missing_folder_fails_with_a_message_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-folder").join("review.ron");
    let err = save_session(&path, &sample_session()).unwrap_err();
    let message = err.to_string();
    assert!(message.starts_with("Cannot save"), "{message}");
    assert!(message.contains("review.ron"), "{message}");
    // There was no old file: the message must not promise that it is unchanged.
    assert!(matches!(err.problem, Problem::CreateFailed(_)), "{message}");
    assert!(message.contains("nothing was written"), "{message}");
    assert!(!message.contains("unchanged"), "{message}");
}

fn problem_of(path: &Path) -> Problem {
    load_session(path).unwrap_err().problem
}

#[test]
fn bad_session_files_are_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let good = to_ron(&sample_session());
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p
    };
    assert_eq!(
        problem_of(&dir.path().join("missing.ron")),
        Problem::NotFound
    );
    assert_eq!(problem_of(dir.path()), Problem::IsDirectory);
    assert_eq!(problem_of(&write("empty.ron", "")), Problem::Empty);
    assert_eq!(
        problem_of(&write("notes.ron", "just some notes")),
        Problem::NotASession
    );
    assert_eq!(
        problem_of(&write(
            "other.ron",
            "(format: \"something-else\", version: 1)"
        )),
        Problem::NotASession
    );
    assert_eq!(
        problem_of(&write(
            "new.ron",
            &good.replacen("version: 7", "version: 8", 1)
        )),
        Problem::NewerVersion {
            found: 8,
            supported: 7
        }
    );
    assert!(matches!(
        problem_of(&write("cut.ron", &good[..good.len() / 3])),
        Problem::Malformed(m) if m.starts_with("line ")
    ));
    // Tampered text no longer matches its checksum.
    let tampered = good.replacen(
        "Kestrel Report has learned",
        "Kestrel Report has guessed",
        1,
    );
    assert!(matches!(
        problem_of(&write("tampered.ron", &tampered)),
        Problem::Invalid(m) if m.contains("SHA-256")
    ));
    // A claim whose quote is not the sentence's text.
    let moved = good.replacen(
        "quote: \"A source in Russia",
        "quote: \"A source in Latvia",
        1,
    );
    assert!(matches!(
        problem_of(&write("moved.ron", &moved)),
        Problem::Invalid(m) if m.contains("does not match")
    ));
}

#[test]
fn spans_outside_the_text_or_inside_a_character_are_refused() {
    let mut s = Session::new(
        Article::new("t", None, "Ünïcödé one. Two."),
        Taxonomy::default_preset(),
    );
    s.apply(Command::SetNote {
        sentence: 0,
        note: "n".into(),
    })
    .unwrap();
    let good = to_ron(&s);
    let first = format!("({}, {}, 0)", s.sentences()[0].start, s.sentences()[0].end);
    assert!(good.contains(&first));
    let past_end = good.replacen(&first, "(0, 9999, 0)", 1);
    assert!(matches!(from_ron(&past_end), Err(Problem::Invalid(m)) if m.contains("past the end")));
    let mid_char = good.replacen(&first, "(1, 5, 0)", 1);
    assert!(matches!(from_ron(&mid_char), Err(Problem::Invalid(m)) if m.contains("character")));
}

fn arb_session() -> impl Strategy<Value = Session> {
    let word = prop::sample::select(vec![
        "Kim", "said", "the", "U.S.", "source", "“quote", "end.”", "Hyesan", "3.5%", "rice", "é",
        "北", "🙂", "Mr.", "no.", "!", "?", "(KCNA)",
    ]);
    let sentence = prop::collection::vec(word, 1..8).prop_map(|w| w.join(" ") + ".");
    let paragraph = prop::collection::vec(sentence, 1..4).prop_map(|s| s.join(" "));
    let text = prop::collection::vec(paragraph, 1..5).prop_map(|p| p.join("\n\n"));
    let ids: Vec<Option<LabelId>> = Taxonomy::default_preset()
        .labels
        .into_iter()
        .map(|l| Some(l.id))
        .chain([None])
        .collect();
    let annotation = (
        prop::sample::select(ids),
        any::<bool>(),
        "(\\PC|\n|\"|\\\\){0,20}",
        (
            prop::option::of(0u32..3),
            1usize..6,
            0usize..4,
            prop::collection::vec((0usize..4, 0usize..64), 0..3),
            prop::option::of((0usize..3, any::<bool>())),
        ),
    )
        .prop_map(
            |(label, suggested, note, (source, credibility, hedging, links, decision))| {
                use claimlens::model::adjudication::{Decision, Took};
                let annotation = Annotation {
                    // Only a label can be a suggestion; the model keeps "no label" confirmed.
                    status: if suggested && label.is_some() {
                        Status::Suggested
                    } else {
                        Status::Confirmed
                    },
                    label,
                    note,
                    source: source.map(SourceId),
                    // 1 needs an independent corroboration, which the generator does not build.
                    credibility: Credibility::ALL[credibility],
                    hedging: Hedging::ALL[hedging],
                    links: Vec::new(),
                    decision: decision.map(|(took, named)| {
                        Box::new(Decision {
                            took: [Took::A, Took::B, Took::Other][took],
                            by: named.then(|| "Park H.".to_string()),
                        })
                    }),
                };
                (annotation, links)
            },
        );
    (text, prop::collection::vec(annotation, 64)).prop_map(|(text, annotations)| {
        let mut s = Session::new(
            Article::new("Prop", Some("/tmp/p.txt".into()), &text),
            Taxonomy::default_preset(),
        );
        for (n, name) in ["Source A", "Source B", "Source C"].into_iter().enumerate() {
            s.apply(Command::AddSource {
                index: n,
                source: Source {
                    id: SourceId(n as u32),
                    name: name.into(),
                    label: Some(LabelId::new("in_russia")).filter(|_| n == 1),
                    descriptor: "phone contact; \"reliable\" so far".into(),
                    reliability: Reliability::ALL[n * 2],
                    proposed: n % 2 == 1,
                },
            })
            .unwrap();
        }
        let count = s.len();
        for (i, (mut b, links)) in annotations.into_iter().take(count).enumerate() {
            b.links = links
                .into_iter()
                .map(|(kind, target)| (kind, target % count))
                .filter(|&(_, target)| target != i)
                .map(|(kind, target)| Link {
                    kind: LinkKind::ALL[kind],
                    to: SentenceId(target as u32),
                })
                .collect();
            b.links.dedup();
            if b.is_blank() {
                continue;
            }
            s.apply(Command::SetAnnotation {
                sentence: i,
                annotation: Box::new(b),
                what: "generated claim".into(),
            })
            .unwrap();
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]
    #[test]
    fn any_session_survives_ron(s in arb_session()) {
        let text = to_ron(&s);
        let back = from_ron(&text);
        prop_assert_eq!(back, Ok(s));
    }
}

/// A typo in a hand-edited session must not silently drop what the analyst wrote.
#[test]
fn a_misspelt_field_is_refused_with_its_name_and_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("review.ron");
    save_session(&path, &sample_session()).unwrap();
    let good = std::fs::read_to_string(&path).unwrap();
    for (right, typo) in [
        ("status:", "stauts:"),
        ("label:", "lable:"),
        ("note:", "ntoe:"),
        ("title:", "titel:"),
    ] {
        assert!(good.contains(right), "the sample has {right}");
        let bad = good.replacen(right, typo, 1);
        std::fs::write(&path, &bad).unwrap();
        let message = load_session(&path).unwrap_err().to_string();
        let field = typo.trim_end_matches(':');
        assert!(message.contains(&format!("`{field}`")), "{message}");
        assert!(
            message.contains("line ") && message.contains("column "),
            "{message}"
        );
        assert!(
            message.contains(right.trim_end_matches(':')),
            "the known fields are listed: {message}"
        );
        for internal in [
            "ClaimRecord",
            "SessionFile",
            "SourceType",
            "recursion_limit",
        ] {
            assert!(!message.contains(internal), "{message}");
        }
    }
}

/// git's autocrlf on Windows turns every line end into CRLF, inside the stored article text
/// too; an editor may add a byte-order mark. Both sessions are the analyst's work unchanged.
#[test]
fn a_session_with_crlf_line_ends_or_a_bom_loads_as_it_was_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("review.ron");
    let session = sample_session();
    save_session(&path, &session).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        session.article().text.contains('\n'),
        "the text has line ends"
    );

    std::fs::write(&path, text.replace('\n', "\r\n")).unwrap();
    assert_eq!(load_session(&path).unwrap(), session);
    std::fs::write(&path, format!("\u{feff}{text}")).unwrap();
    assert_eq!(load_session(&path).unwrap(), session);
}

#[test]
fn a_session_that_is_not_utf8_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("review.ron");
    save_session(&path, &sample_session()).unwrap();
    let mut bytes = std::fs::read(&path).unwrap();
    let second_line = bytes.iter().position(|&b| b == b'\n').unwrap() + 1;
    bytes.insert(second_line + 2, 0xff);
    std::fs::write(&path, bytes).unwrap();
    let err = load_session(&path).unwrap_err();
    assert_eq!(err.problem, Problem::NotUtf8 { line: 2, column: 3 });
}
