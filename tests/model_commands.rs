//! Commands, their inverses and the undo history, as the UI uses them.

use claimlens::model::command::LabelChange;
use claimlens::model::{
    Article, Command, CommandError, Document, LabelId, Session, Status, Taxonomy,
};
use proptest::prelude::*;

fn session() -> Session {
    Session::new(
        Article::new("t", None, "One. Two. Three. Four. Five. Six."),
        Taxonomy::default_preset(),
    )
}

fn labels(s: &Session) -> Vec<Option<&str>> {
    s.annotations()
        .iter()
        .map(|a| a.label.as_ref().map(LabelId::as_str))
        .collect()
}

#[test]
fn apply_returns_the_exact_inverse() {
    let mut s = session();
    let original = s.clone();
    let inverse = s
        .apply(Command::label([1, 2], Some(LabelId::new("own"))))
        .unwrap();
    assert_eq!(labels(&s)[..4], [None, Some("own"), Some("own"), None]);
    s.apply(inverse).unwrap();
    assert_eq!(s, original);

    let inverse = s
        .apply(Command::SetNote {
            sentence: 3,
            note: "check".into(),
        })
        .unwrap();
    assert_eq!(s.annotations()[3].note, "check");
    s.apply(inverse).unwrap();
    assert_eq!(s, original);
}

#[test]
fn refused_commands_change_nothing() {
    let mut s = session();
    let before = s.clone();
    assert_eq!(
        s.apply(Command::label([0, 99], Some(LabelId::new("own")))),
        Err(CommandError::NoSuchSentence(99))
    );
    assert_eq!(
        s.apply(Command::label([0], Some(LabelId::new("made_up")))),
        Err(CommandError::UnknownLabel("made_up".into()))
    );
    assert_eq!(s, before, "a refused bulk command must not half-apply");
}

#[test]
fn undo_redo_walk_the_history_and_track_unsaved_state() {
    let mut d = Document::new(session(), None);
    assert!(!d.is_dirty() && !d.can_undo());
    d.apply(Command::label([0], Some(LabelId::new("in_russia"))))
        .unwrap();
    d.apply(Command::label(0..6, Some(LabelId::new("hedged"))))
        .unwrap();
    assert_eq!(
        d.undo_description().as_deref(),
        Some("label of 6 sentences")
    );
    assert!(d.is_dirty());

    d.mark_saved("x.ron".into());
    assert!(!d.is_dirty());

    assert!(d.undo());
    assert_eq!(labels(d.session())[..2], [Some("in_russia"), None]);
    assert!(
        d.is_dirty(),
        "undoing past the save point is an unsaved change"
    );
    assert_eq!(
        d.redo_description().as_deref(),
        Some("label of 6 sentences")
    );
    assert!(d.redo());
    assert!(!d.is_dirty(), "redo back to the saved state is clean again");
    assert!(d.undo() && d.undo());
    assert!(labels(d.session()).iter().all(Option::is_none));
    assert!(!d.undo(), "nothing left to undo");

    // A new change after undo drops the redo branch.
    d.apply(Command::label([5], Some(LabelId::new("own"))))
        .unwrap();
    assert!(!d.can_redo());
}

#[test]
fn a_sentence_listed_twice_in_one_command_undoes_to_its_first_state() {
    let mut s = session();
    let inverse = s
        .apply(Command::SetLabels(vec![
            LabelChange {
                sentence: 0,
                label: Some(LabelId::new("own")),
                status: Status::Confirmed,
            },
            LabelChange {
                sentence: 0,
                label: Some(LabelId::new("hedged")),
                status: Status::Suggested,
            },
        ]))
        .unwrap();
    assert_eq!(s.annotations()[0].label, Some(LabelId::new("hedged")));
    s.apply(inverse).unwrap();
    assert_eq!(s, session());
}

fn arb_command() -> impl Strategy<Value = Command> {
    let ids = Taxonomy::default_preset()
        .labels
        .into_iter()
        .map(|l| Some(l.id))
        .chain([None])
        .collect::<Vec<_>>();
    prop_oneof![
        (
            prop::collection::vec(0usize..6, 1..6),
            prop::sample::select(ids)
        )
            .prop_map(|(targets, label)| Command::label(targets, label)),
        (0usize..6, ".{0,12}").prop_map(|(sentence, note)| Command::SetNote { sentence, note }),
    ]
}

proptest! {
    /// However edits and undos interleave, undoing everything restores the original, and
    /// redoing everything comes back to the newest state of the history.
    #[test]
    fn undo_all_restores_the_original(commands in prop::collection::vec(arb_command(), 0..30),
                                      undos in prop::collection::vec(any::<bool>(), 0..30)) {
        let original = session();
        let mut d = Document::new(original.clone(), None);
        for (i, c) in commands.into_iter().enumerate() {
            d.apply(c).unwrap();
            if undos.get(i).copied().unwrap_or(false) {
                d.undo();
            }
        }
        while d.redo() {}
        let end = d.session().clone();
        while d.undo() {}
        prop_assert_eq!(d.session(), &original);
        prop_assert!(!d.is_dirty());
        while d.redo() {}
        prop_assert_eq!(d.session(), &end);
    }
}
