//! Editing sentence boundaries: split and merge keep the analyst's work, undo exactly, and are
//! saved in the session.

use claimlens::io::session_file::{from_ron, to_ron};
use claimlens::model::{Article, CommandError, Document, LabelId, Session, Taxonomy};

fn doc() -> Document {
    let text = "Kestrel Report has learned that rice rose, said a source in Hyesan and prices fell. Next one.\n\nOther paragraph.";
    Document::new(
        Session::new(Article::new("t", None, text), Taxonomy::default_preset()),
        None,
    )
}

fn texts(s: &Session) -> Vec<&str> {
    (0..s.len()).map(|i| s.sentence_text(i)).collect()
}

#[test]
fn split_keeps_label_and_note_on_both_parts_and_undoes_exactly() {
    let mut d = doc();
    d.apply(claimlens::model::Command::label(
        [0],
        Some(LabelId::new("own")),
    ))
    .unwrap();
    d.apply(claimlens::model::Command::SetNote {
        sentence: 0,
        note: "two claims in one".into(),
    })
    .unwrap();
    let before = d.session().clone();
    let at = d.session().article().text.find(" and prices").unwrap();
    let split = d.session().split(0, at).unwrap();
    d.apply(split).unwrap();
    assert_eq!(
        texts(d.session()),
        [
            "Kestrel Report has learned that rice rose, said a source in Hyesan",
            "and prices fell.",
            "Next one.",
            "Other paragraph."
        ]
    );
    for i in [0, 1] {
        assert_eq!(
            d.session().annotations()[i].label,
            Some(LabelId::new("own"))
        );
        assert_eq!(d.session().annotations()[i].note, "two claims in one");
    }
    assert_eq!(d.undo_description().as_deref(), Some("split sentence 1"));
    // The session file keeps the new boundaries.
    assert_eq!(&from_ron(&to_ron(d.session())).unwrap(), d.session());
    d.undo();
    assert_eq!(d.session(), &before);
}

#[test]
fn merge_keeps_the_first_label_and_joins_notes() {
    let mut d = doc();
    d.apply(claimlens::model::Command::label(
        [1],
        Some(LabelId::new("hedged")),
    ))
    .unwrap();
    d.apply(claimlens::model::Command::SetNote {
        sentence: 0,
        note: "first".into(),
    })
    .unwrap();
    d.apply(claimlens::model::Command::SetNote {
        sentence: 1,
        note: "second".into(),
    })
    .unwrap();
    let before = d.session().clone();
    let merge = d.session().merge_with_next(0).unwrap();
    d.apply(merge).unwrap();
    assert_eq!(d.session().len(), 2);
    assert!(
        d.session()
            .sentence_text(0)
            .ends_with("prices fell. Next one.")
    );
    // The first had no label, so the second's is kept rather than lost.
    assert_eq!(
        d.session().annotations()[0].label,
        Some(LabelId::new("hedged"))
    );
    assert_eq!(d.session().annotations()[0].note, "first\nsecond");
    assert_eq!(
        d.undo_description().as_deref(),
        Some("merge sentences 1 and 2")
    );
    d.undo();
    assert_eq!(d.session(), &before);
    d.redo();
    assert_eq!(d.session().len(), 2);
}

#[test]
fn merge_across_paragraphs_and_degenerate_splits_are_refused() {
    let d = doc();
    assert!(matches!(
        d.session().merge_with_next(1),
        Err(CommandError::Boundary(_))
    ));
    assert!(matches!(
        d.session().merge_with_next(2),
        Err(CommandError::Boundary(_))
    ));
    let s0 = d.session().sentences()[0];
    assert!(d.session().split(0, s0.start).is_err());
    assert!(d.session().split(0, s0.end).is_err());
    assert!(d.session().split(9, 3).is_err());
}

#[test]
fn quotation_groups_follow_boundary_edits() {
    let text = "“Prices rose. People are angry. Nobody talks,” said a source in Hyesan. Then rain.";
    let mut d = Document::new(
        Session::new(Article::new("t", None, text), Taxonomy::default_preset()),
        None,
    );
    let groups: Vec<_> = (0..d.session().len())
        .map(|i| d.session().quote_group(i))
        .collect();
    assert_eq!(groups, [Some(0), Some(0), Some(0), None]);
    let merge = d.session().merge_with_next(0).unwrap();
    d.apply(merge).unwrap();
    let groups: Vec<_> = (0..d.session().len())
        .map(|i| d.session().quote_group(i))
        .collect();
    assert_eq!(groups, [Some(0), Some(0), None]);
}
