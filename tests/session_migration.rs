//! Sessions saved by earlier versions of claimlens still open, with nothing lost.

use claimlens::io::{load_session, save_session};
use claimlens::model::{Credibility, LabelId, Reliability, Status};

const V1: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/sessions/v1_hyesan_review.ron"
);

#[test]
fn a_version_1_session_loads_with_every_label_status_and_note() {
    let text = std::fs::read_to_string(V1).unwrap();
    assert!(
        text.contains("version: 1,"),
        "the fixture must stay a version 1 file"
    );
    let session = load_session(std::path::Path::new(V1)).unwrap();
    assert_eq!(session.len(), 33);
    assert_eq!(
        session.article().title,
        "Rice prices climb in Ryanggang as border trade stalls"
    );
    let confirmed = session
        .annotations()
        .iter()
        .filter(|a| a.status == Status::Confirmed)
        .count();
    assert_eq!(confirmed, 12);
    assert!(session.annotations().iter().all(|a| a.label.is_some()));
    let russia = (0..session.len())
        .find(|&i| {
            session
                .sentence_text(i)
                .starts_with("A source in Russia told")
        })
        .unwrap();
    assert_eq!(
        session.annotations()[russia].label,
        Some(LabelId::new("in_russia"))
    );
    assert_eq!(
        session.annotations()[0].note,
        "Phone contact; date not given."
    );
    assert_eq!(session.taxonomy().labels.len(), 13);
}

const V2: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/sessions/v2_hyesan_review.ron"
);

#[test]
fn a_version_2_session_loads_with_its_sources_grades_and_links_and_saves_as_the_current_version() {
    let text = std::fs::read_to_string(V2).unwrap();
    assert!(
        text.contains("version: 2,") && text.contains("start: "),
        "the fixture must stay a version 2 file, with claim byte ranges"
    );
    let session = load_session(std::path::Path::new(V2)).unwrap();
    assert_eq!(session.len(), 33);
    let russia = (0..session.len())
        .find(|&i| {
            session
                .sentence_text(i)
                .starts_with("A source in Russia told")
        })
        .unwrap();
    let claim = &session.annotations()[russia];
    assert_eq!(claim.label, Some(LabelId::new("in_russia")));
    assert_eq!(claim.status, Status::Confirmed);
    assert_eq!(claim.note, "Second report from this contact this month.");
    assert_eq!(claim.credibility, Credibility::Probable);
    assert_eq!(claim.source, Some(session.sources()[0].id));
    assert_eq!(claim.links.len(), 1);
    assert_eq!(session.sources()[0].reliability, Reliability::B);

    let dir = tempfile::tempdir().unwrap();
    let resaved = dir.path().join("resaved.ron");
    save_session(&resaved, &session).unwrap();
    let new_text = std::fs::read_to_string(&resaved).unwrap();
    assert!(new_text.contains("version: 7,") && !new_text.contains("start: "));
    assert_eq!(load_session(&resaved).unwrap(), session);
}

const V3: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/sessions/v3_hyesan_review.ron"
);

#[test]
fn a_version_3_session_loads_with_analyst_sources_and_no_gazetteer_edition() {
    let text = std::fs::read_to_string(V3).unwrap();
    assert!(
        text.contains("version: 3,") && !text.contains("places:") && !text.contains("proposed"),
        "the fixture must stay a version 3 file"
    );
    let session = load_session(std::path::Path::new(V3)).unwrap();
    assert_eq!(session.len(), 33);
    // Sources in a version 3 file were all named by the analyst, never proposed.
    assert_eq!(session.sources().len(), 1);
    assert!(!session.sources()[0].proposed);
    assert_eq!(session.sources()[0].name, "Source R");
    assert_eq!(session.sources()[0].reliability, Reliability::B);
    // Its labels carry only the analyst's own aliases: edition 0 of the gazetteer.
    assert_eq!(session.taxonomy().places, 0);
    let russia = session
        .annotations()
        .iter()
        .find(|a| a.label == Some(LabelId::new("in_russia")) && a.status == Status::Confirmed)
        .unwrap();
    assert_eq!(russia.source, Some(session.sources()[0].id));
    assert_eq!(russia.links.len(), 1);

    let dir = tempfile::tempdir().unwrap();
    let resaved = dir.path().join("resaved.ron");
    save_session(&resaved, &session).unwrap();
    let new_text = std::fs::read_to_string(&resaved).unwrap();
    assert!(new_text.contains("version: 7,"));
    assert_eq!(load_session(&resaved).unwrap(), session);
}

const V4: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/sessions/v4_hyesan_review.ron"
);

#[test]
fn a_version_4_session_loads_with_its_proposed_sources_and_no_article_details() {
    let text = std::fs::read_to_string(V4).unwrap();
    assert!(
        text.contains("version: 4,") && !text.contains("meta:"),
        "the fixture must stay a version 4 file"
    );
    let session = load_session(std::path::Path::new(V4)).unwrap();
    assert_eq!(session.len(), 33);
    assert!(session.article().meta.is_empty());
    assert_eq!(session.sources().len(), 10);
    assert!(session.sources().iter().all(|s| s.proposed));
    let confirmed: Vec<_> = session
        .annotations()
        .iter()
        .filter(|a| a.status == Status::Confirmed)
        .collect();
    assert_eq!(confirmed.len(), 2);
    assert!(
        confirmed
            .iter()
            .any(|a| a.note.contains("October wage report"))
    );

    let dir = tempfile::tempdir().unwrap();
    let resaved = dir.path().join("resaved.ron");
    save_session(&resaved, &session).unwrap();
    assert!(
        std::fs::read_to_string(&resaved)
            .unwrap()
            .contains("version: 7,")
    );
    assert_eq!(load_session(&resaved).unwrap(), session);
}

const V5: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/sessions/v5_hyesan_review.ron"
);

#[test]
fn a_version_5_session_loads_with_its_article_details_and_no_one_named() {
    let text = std::fs::read_to_string(V5).unwrap();
    assert!(
        text.contains("version: 5,") && !text.contains("provenance:"),
        "the fixture must stay a version 5 file"
    );
    let session = load_session(std::path::Path::new(V5)).unwrap();
    assert_eq!(session.len(), 33);
    let meta = &session.article().meta;
    assert_eq!(meta.site_name.as_deref(), Some("Kestrel Report"));
    assert_eq!(meta.byline.as_deref(), Some("Seo Min-ji"));
    assert_eq!(
        meta.original.as_ref().map(|o| o.format.as_str()),
        Some("html")
    );
    assert!(session.provenance().is_empty());
    assert_eq!(session.sources().len(), 10);

    // Saved again by a named analyst: version 6, who and when recorded, the rest unchanged.
    let mut doc = claimlens::model::Document::new(session.clone(), None);
    doc.stamp_save(Some("Kim J."), "2026-12-02T08:00:00Z");
    let dir = tempfile::tempdir().unwrap();
    let resaved = dir.path().join("resaved.ron");
    save_session(&resaved, doc.session()).unwrap();
    let new_text = std::fs::read_to_string(&resaved).unwrap();
    assert!(new_text.contains("version: 7,") && new_text.contains("created_by: Some(\"Kim J.\")"));
    let reloaded = load_session(&resaved).unwrap();
    assert_eq!(reloaded.provenance().created_by.as_deref(), Some("Kim J."));
    assert_eq!(
        reloaded.provenance().changed.as_deref(),
        Some("2026-12-02T08:00:00Z")
    );
    assert_eq!(reloaded.with_provenance(Default::default()), session);
}

/// A provenance field misspelt or holding a line break is refused with its name.
#[test]
fn a_damaged_provenance_is_refused_by_name() {
    let mut doc =
        claimlens::model::Document::new(load_session(std::path::Path::new(V5)).unwrap(), None);
    doc.stamp_save(Some("Kim J."), "2026-12-02T08:00:00Z");
    let good = claimlens::io::session_file::to_ron(doc.session());
    let dir = tempfile::tempdir().unwrap();
    for (bad, expect) in [
        (good.replace("created_by:", "creatd_by:"), "creatd_by"),
        (good.replace("\"Kim J.\"", "\"Kim\\nJ.\""), "created_by"),
    ] {
        let path = dir.path().join("bad.ron");
        std::fs::write(&path, bad).unwrap();
        let err = load_session(&path).unwrap_err().to_string();
        assert!(err.contains(expect), "{err}");
        assert!(!err.contains("Provenance"), "no Rust type names: {err}");
    }
}

/// Reviews saved with the shipped labels' earlier colours (two of which were hard to tell
/// apart) open with today's, distinct ones; a colour the analyst chose stays as it was.
#[test]
fn earlier_sessions_open_with_todays_distinct_label_colours_and_keep_chosen_ones() {
    use claimlens::model::colour::{MIN_LABEL_DISTANCE, distance};
    use claimlens::model::{Rgb, Taxonomy};
    let today = Taxonomy::default_preset();
    for path in [V1, V2, V3, V4] {
        let session = load_session(std::path::Path::new(path)).unwrap();
        for label in &session.taxonomy().labels {
            let shipped = today.get(&label.id).expect("a shipped label");
            assert_eq!(label.color, shipped.color, "{path}: {}", label.name);
        }
        let colours: Vec<Rgb> = session.taxonomy().labels.iter().map(|l| l.color).collect();
        for (i, a) in colours.iter().enumerate() {
            for b in &colours[..i] {
                assert!(
                    distance(*a, *b) >= MIN_LABEL_DISTANCE,
                    "{path}: {a:?} vs {b:?}"
                );
            }
        }
    }
    // The analyst had recoloured "Source in Russia" (it was "#3f88c5" when shipped).
    let text = std::fs::read_to_string(V3).unwrap();
    assert!(text.contains("\"#3f88c5\""));
    let dir = tempfile::tempdir().unwrap();
    let chosen = dir.path().join("chosen.ron");
    std::fs::write(&chosen, text.replacen("\"#3f88c5\"", "\"#123456\"", 1)).unwrap();
    let session = load_session(&chosen).unwrap();
    let russia = session.taxonomy().get(&LabelId::new("in_russia")).unwrap();
    assert_eq!(russia.color, Rgb(0x12, 0x34, 0x56));
}

const V6: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/sessions/v6_hyesan_review.ron"
);

#[test]
fn a_version_6_session_loads_as_an_ordinary_review_and_an_adjudication_round_trips() {
    use claimlens::model::adjudication::{Adjudication, Decision, Input, Took};
    let text = std::fs::read_to_string(V6).unwrap();
    assert!(
        text.contains("version: 6,")
            && !text.contains("adjudication")
            && !text.contains("decision"),
        "the fixture must stay a version 6 file"
    );
    let session = load_session(std::path::Path::new(V6)).unwrap();
    assert_eq!(session.len(), 33);
    assert_eq!(session.provenance().analysts(), ["Kim J.", "Lee S."]);
    assert!(session.provenance().adjudication.is_none());
    assert!(session.annotations().iter().all(|a| a.decision.is_none()));
    assert_eq!(session.sources().len(), 10);

    // Made an adjudication and saved: version 7, the record and a decision kept.
    let record = Adjudication {
        inputs: vec![
            Input {
                file: "/reviews/hyesan.kim.review.ron".into(),
                analyst: Some("Kim J.".into()),
                sha256: "0a".repeat(32),
            },
            Input {
                file: "/reviews/hyesan.lee.review.ron".into(),
                analyst: None,
                sha256: "b1".repeat(32),
            },
        ],
    };
    let mut annotations = session.annotations().to_vec();
    annotations[3].decision = Some(Box::new(Decision {
        took: Took::B,
        by: Some("Park H.".into()),
    }));
    let provenance = claimlens::model::Provenance {
        adjudication: Some(record),
        ..session.provenance().clone()
    };
    let adjudication = session
        .with_annotations(annotations)
        .with_provenance(provenance);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("adjudicated.review.ron");
    save_session(&path, &adjudication).unwrap();
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.contains("version: 7,") && written.contains("took: B"));
    assert_eq!(load_session(&path).unwrap(), adjudication);

    // A misspelt field of the record or of a decision is refused by name.
    for (bad, name) in [
        (written.replace("took: B", "tok: B"), "tok"),
        (written.replace("sha256: \"0a", "sha: \"0a"), "sha"),
    ] {
        let err = claimlens::io::session_file::from_ron(&bad)
            .unwrap_err()
            .to_string();
        assert!(err.contains(name), "{err}");
        assert!(!err.contains("Decision") && !err.contains("Input"), "{err}");
    }
    // Two inputs, checksums in hexadecimal.
    let one = written.replace("b1b1", "XYb1");
    let err = claimlens::io::session_file::from_ron(&one)
        .unwrap_err()
        .to_string();
    assert!(err.contains("SHA-256"), "{err}");
}
