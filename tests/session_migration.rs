//! Sessions saved by earlier versions of claimlens still open, with nothing lost.

use claimlens::io::load_session;
use claimlens::model::{LabelId, Status};

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
        session.article.title,
        "Rice prices climb in Ryanggang as border trade stalls"
    );
    let confirmed = session
        .annotations
        .iter()
        .filter(|a| a.status == Status::Confirmed)
        .count();
    assert_eq!(confirmed, 12);
    assert!(session.annotations.iter().all(|a| a.label.is_some()));
    let russia = (0..session.len())
        .find(|&i| {
            session
                .sentence_text(i)
                .starts_with("A source in Russia told")
        })
        .unwrap();
    assert_eq!(
        session.annotations[russia].label,
        Some(LabelId::new("in_russia"))
    );
    assert_eq!(
        session.annotations[0].note,
        "Phone contact; date not given."
    );
    assert_eq!(session.taxonomy.labels.len(), 13);
}
