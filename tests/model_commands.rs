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

/// Every label of the default preset, and none.
fn label_choices() -> Vec<Option<LabelId>> {
    Taxonomy::default_preset()
        .labels
        .into_iter()
        .map(|l| Some(l.id))
        .chain([None])
        .collect()
}

fn arb_command() -> impl Strategy<Value = Command> {
    let ids = label_choices();
    prop_oneof![
        (
            prop::collection::vec(0usize..6, 1..6),
            prop::sample::select(ids)
        )
            .prop_map(|(targets, label)| Command::label(targets, label)),
        (0usize..6, ".{0,12}").prop_map(|(sentence, note)| Command::SetNote { sentence, note }),
    ]
}

/// One edit of any kind, made against the review as it is when it is applied (a split needs a
/// sentence that exists, a re-import an article to compare with).
#[derive(Debug, Clone)]
enum Op {
    Label(Vec<usize>, Option<LabelId>),
    Note(usize, String),
    Split(usize, u8),
    Merge(usize),
    NewSource(usize),
    Unlink(usize),
    RemoveSource(usize),
    Hedging(usize, u8),
    Credibility(usize, u8),
    AddLabel(usize),
    RemoveLabel(usize),
    MoveLabel(usize, usize),
    Places(u32),
    /// The article's outlet and date set by hand (some of them not dates).
    Details(String, String),
    Batch(usize, Option<LabelId>, String),
    /// Re-import the article with sentence `n` cut out (its claim becomes an orphan).
    Reimport(usize),
    AttachOrphan(usize, usize),
    DropOrphan(usize),
    /// The suggestion pass's labels and proposed sources, as after opening.
    Suggest,
}

fn arb_op() -> impl Strategy<Value = Op> {
    let label = prop::sample::select(label_choices());
    prop_oneof![
        (prop::collection::vec(0usize..8, 1..4), label.clone()).prop_map(|(t, l)| Op::Label(t, l)),
        (0usize..8, ".{0,8}").prop_map(|(i, n)| Op::Note(i, n)),
        (0usize..8, 1u8..100).prop_map(|(i, f)| Op::Split(i, f)),
        (0usize..8).prop_map(Op::Merge),
        (0usize..8).prop_map(Op::NewSource),
        (0usize..8).prop_map(Op::Unlink),
        (0usize..3).prop_map(Op::RemoveSource),
        (0usize..8, 0u8..4).prop_map(|(i, h)| Op::Hedging(i, h)),
        (0usize..8, 0u8..6).prop_map(|(i, c)| Op::Credibility(i, c)),
        (0usize..12).prop_map(Op::AddLabel),
        (0usize..12).prop_map(Op::RemoveLabel),
        (0usize..12, 0usize..12).prop_map(|(a, b)| Op::MoveLabel(a, b)),
        (0u32..3).prop_map(Op::Places),
        ("[A-Z][a-z]{0,6}", "(2026-1[0-2]|20[0-9]{2}|x)").prop_map(|(o, d)| Op::Details(o, d)),
        (0usize..8, label, ".{0,6}").prop_map(|(i, l, n)| Op::Batch(i, l, n)),
        (0usize..8).prop_map(Op::Reimport),
        (0usize..2, 0usize..8).prop_map(|(o, i)| Op::AttachOrphan(o, i)),
        (0usize..2).prop_map(Op::DropOrphan),
        Just(Op::Suggest),
    ]
}

/// The command `op` stands for in `s`, if it can be built there.
fn command_for(s: &Session, op: Op) -> Option<Command> {
    use claimlens::model::{Credibility, Hedging, Rgb, SourceKind, SourceType};
    let n = s.len();
    Some(match op {
        Op::Label(t, l) => Command::label(t, l),
        Op::Note(sentence, note) => Command::SetNote { sentence, note },
        Op::Split(i, f) => {
            let span = *s.sentences().get(i)?;
            let at = span.start + (span.len() * f as usize / 100).max(1);
            s.split(i, at.min(span.end - 1)).ok()?
        }
        Op::Merge(i) => s.merge_with_next(i).ok()?,
        Op::NewSource(i) => s.new_source_for(i % n.max(1), None, &[]).ok()?,
        Op::Unlink(i) => Command::LinkSources(vec![(i, None)]),
        // Unlinking its claims first, in the same step, as the source summary does.
        Op::RemoveSource(k) => s.remove_source(s.sources().get(k)?.id).ok()?,
        Op::Hedging(i, h) => Command::SetHedging(vec![(i, Hedging::ALL[h as usize])]),
        Op::Credibility(i, c) => {
            let mut annotation = s.annotations().get(i)?.clone();
            annotation.credibility = Credibility::ALL[c as usize];
            Command::SetAnnotation {
                sentence: i,
                annotation: Box::new(annotation),
                what: "grade".into(),
            }
        }
        Op::AddLabel(index) => Command::AddLabel {
            index: index.min(s.taxonomy().labels.len()),
            label: SourceType {
                id: LabelId::new(format!("extra_{index}")),
                name: format!("Extra {index}"),
                kind: SourceKind::OwnReporting,
                location: None,
                color: Rgb(10, 20, index as u8),
                key: None,
                description: String::new(),
                aliases: Vec::new(),
            },
        },
        Op::RemoveLabel(k) => Command::RemoveLabel {
            id: s.taxonomy().labels.get(k)?.id.clone(),
        },
        Op::MoveLabel(from, to) => Command::MoveLabel { from, to },
        Op::Places(edition) => Command::SetPlaces { edition },
        Op::Details(outlet, date) => Command::SetDetails {
            title: format!("{} ({outlet})", s.article().title),
            meta: Box::new(claimlens::model::article::ArticleMeta {
                site_name: Some(outlet),
                published: Some(date),
                ..s.article().meta.clone()
            }),
        },
        Op::Batch(i, l, note) => Command::Batch(vec![
            Command::label([i], l),
            Command::SetNote { sentence: i, note },
        ]),
        Op::Reimport(k) => {
            let span = *s.sentences().get(k)?;
            let text = &s.article().text;
            let cut = format!("{}{}", &text[..span.start], &text[span.end..]);
            s.reimport(Article::new("t", None, &cut)).0
        }
        Op::AttachOrphan(orphan, sentence) => Command::AttachOrphan { orphan, sentence },
        Op::DropOrphan(orphan) => Command::DropOrphan { orphan },
        Op::Suggest => {
            use claimlens::model::suggest::{place_command, propose_sources_command, suggest};
            let suggestions = suggest(s);
            let steps: Vec<Command> = [
                place_command(s, &suggestions),
                propose_sources_command(s, &suggestions),
            ]
            .into_iter()
            .flatten()
            .collect();
            (!steps.is_empty()).then_some(Command::Batch(steps))?
        }
    })
}

/// Each kind of edit the property test draws can be built and applied: the property is not
/// passing on refusals alone.
#[test]
fn every_kind_of_edit_the_property_draws_applies() {
    let own = Some(LabelId::new("own"));
    let ops = [
        Op::Suggest,
        Op::Label(vec![3], own.clone()),
        Op::Note(3, "kept".into()),
        Op::Split(0, 50),
        Op::Merge(0),
        Op::NewSource(1),
        Op::Hedging(2, 1),
        Op::Credibility(2, 3),
        Op::AddLabel(3),
        Op::MoveLabel(0, 2),
        Op::RemoveLabel(3),
        Op::Places(0),
        Op::Details("Kestrel".into(), "2026-11".into()),
        Op::Batch(1, own, "both".into()),
        Op::Reimport(3),
        Op::DropOrphan(0),
        Op::Unlink(1),
        Op::RemoveSource(0),
    ];
    let mut d = Document::new(session(), None);
    for op in ops {
        let command = command_for(d.session(), op.clone())
            .unwrap_or_else(|| panic!("{op:?} cannot be built"));
        d.apply(command).unwrap_or_else(|e| panic!("{op:?}: {e}"));
    }
    while d.undo() {}
    assert_eq!(d.session(), &session());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]
    /// Every kind of edit (boundaries, labels and the taxonomy, sources and grades, batches,
    /// re-import and orphans): applied, it is undone exactly and redone exactly; refused, it
    /// changes nothing.
    #[test]
    fn every_kind_of_edit_undoes_and_redoes_exactly(ops in prop::collection::vec(arb_op(), 1..12)) {
        let original = session();
        let mut d = Document::new(original.clone(), None);
        let mut states = vec![original.clone()];
        for op in ops {
            let before = d.session().clone();
            let Some(command) = command_for(&before, op) else { continue };
            match d.apply(command) {
                Ok(()) => states.push(d.session().clone()),
                Err(_) => prop_assert_eq!(d.session(), &before, "a refused edit changed the review"),
            }
        }
        // Back through every state, then forward through every one again.
        for state in states.iter().rev().skip(1) {
            prop_assert!(d.undo());
            prop_assert_eq!(d.session(), state);
        }
        prop_assert!(!d.undo());
        prop_assert!(!d.is_dirty());
        for state in states.iter().skip(1) {
            prop_assert!(d.redo());
            prop_assert_eq!(d.session(), state);
        }
    }
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

#[path = "desk/workspace.rs"]
mod desk;

mod support;

/// A whole review through the application core alone, as a script or the command line would
/// drive it: open an article, label, undo, redo, save, reopen. No window, no egui.
mod headless {
    use claimlens::app::{
        AUTOSAVE_DELAY, Action, Answer, AppCommand, DialogKind, Effect, Intent, Job, Message,
        NOTICE_LIFETIME, Outcome, Question, Workspace,
    };
    use claimlens::io::recovery::RecoveryStore;
    use claimlens::model::Status;
    use std::time::{Duration, Instant};

    const REPORT: &str = "Rice prices climb in Hyesan\n\n\
        A source in Ryanggang Province told Kestrel Report on Monday that rice now costs 6,400 \
        won a kilogram. The source said guards search every cart at the market gate.\n\n\
        Officials in Pyongyang have not commented.";

    fn opened(path: &std::path::Path) -> Workspace {
        let mut ws = Workspace::default().with_analyst(None, true);
        let effects = ws.handle(AppCommand::Open(path.to_path_buf()));
        assert!(effects.contains(&Effect::NewReview), "{effects:?}");
        ws
    }

    fn article(dir: &std::path::Path) -> std::path::PathBuf {
        let article = dir.join("hyesan.txt");
        std::fs::write(&article, REPORT).unwrap();
        article
    }

    fn label_first_sentence(ws: &mut Workspace) {
        let key = ws.document().unwrap().session().taxonomy().labels[0]
            .key
            .unwrap();
        ws.handle(AppCommand::Run(Action::FirstSentence));
        ws.handle(AppCommand::Run(Action::Label(key)));
        assert!(ws.document().unwrap().is_dirty());
    }

    #[test]
    fn open_label_undo_save_and_reopen_through_the_core() {
        let dir = tempfile::tempdir().unwrap();
        let article = article(dir.path());
        let mut ws = opened(&article);
        let doc = ws.document().unwrap();
        assert!(
            !doc.is_dirty(),
            "the first suggestion pass is part of opening"
        );
        assert!(!doc.can_undo(), "… and no undo step");
        let source = (0..doc.session().len())
            .find(|&i| {
                doc.session()
                    .sentence_text(i)
                    .starts_with("A source in Ryanggang")
            })
            .unwrap();

        // Down to the sourced sentence, then its label by hotkey.
        for _ in 0..source {
            ws.handle(AppCommand::Run(Action::NextSentence));
        }
        assert_eq!(ws.selection().map(|s| s.head), Some(source));
        let key = ws.document().unwrap().session().taxonomy().labels[0]
            .key
            .unwrap();
        ws.handle(AppCommand::Run(Action::Label(key)));
        let first = ws.document().unwrap().session().taxonomy().labels[0]
            .id
            .clone();
        let claim = |ws: &Workspace| ws.document().unwrap().session().annotations()[source].clone();
        assert_eq!(claim(&ws).label, Some(first.clone()));
        assert_eq!(claim(&ws).status, Status::Confirmed);

        ws.handle(AppCommand::Run(Action::Undo));
        assert_ne!(
            (claim(&ws).label.clone(), claim(&ws).status),
            (Some(first.clone()), Status::Confirmed)
        );
        assert!(
            !ws.document().unwrap().is_dirty(),
            "undone to the opened state"
        );
        ws.handle(AppCommand::Run(Action::Redo));
        assert_eq!(claim(&ws).label, Some(first.clone()));

        // A save into a folder fails and keeps the work unsaved, with the reason.
        let effects = ws.handle(AppCommand::SaveTo(dir.path().to_path_buf()));
        assert!(
            matches!(effects.as_slice(), [Effect::Message(Message::Error(_))]),
            "{effects:?}"
        );
        assert!(matches!(ws.message(), Some(Message::Error(_))));
        assert!(ws.document().unwrap().is_dirty());

        // Save on a new review asks where, proposing the name beside the article; a name
        // typed without the extension gets it.
        let saved = dir.path().join("hyesan.review.ron");
        assert_eq!(
            ws.handle(AppCommand::Run(Action::Save)),
            [Effect::AskPath(DialogKind::SaveAs {
                suggested: saved.clone()
            })]
        );
        let effects = ws.handle(AppCommand::PathChosen {
            path: Some(dir.path().join("hyesan.review")),
            shown: true,
        });
        assert!(
            effects
                .iter()
                .any(|e| matches!(e, Effect::Saved { path, .. } if *path == saved)),
            "{effects:?}"
        );
        assert!(!ws.document().unwrap().is_dirty());
        assert_eq!(ws.recent().first(), Some(&saved.canonicalize().unwrap()));

        let again = opened(&saved);
        assert_eq!(
            again.document().unwrap().session(),
            ws.document().unwrap().session()
        );
        assert_eq!(
            again.document().unwrap().path.as_deref(),
            Some(saved.as_path())
        );
    }

    /// A notice answers the last step: the next step that works clears it, and so does time; an
    /// error (work at risk) stays until dismissed, through later steps and time.
    #[test]
    fn notices_clear_on_the_next_step_or_after_a_while_and_errors_stay() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = opened(&article(dir.path()));
        let notice = |ws: &Workspace| matches!(ws.message(), Some(Message::Notice(_)));
        let t0 = Instant::now();
        ws.handle(AppCommand::Run(Action::FirstSentence));
        ws.handle(AppCommand::Run(Action::AcceptSuggestion));
        ws.handle(AppCommand::Run(Action::ClearLabel));
        ws.handle(AppCommand::Run(Action::AcceptSuggestion));
        assert!(notice(&ws), "{:?}", ws.message());
        ws.handle(AppCommand::Run(Action::NextSentence));
        assert_eq!(ws.message(), None, "the next step clears it");

        ws.handle(AppCommand::Run(Action::FirstSentence));
        ws.handle(AppCommand::Run(Action::AcceptSuggestion));
        assert!(notice(&ws));
        let wake = ws.handle(AppCommand::Tick(t0));
        assert!(
            wake.iter()
                .any(|e| matches!(e, Effect::WakeIn(d) if *d <= NOTICE_LIFETIME)),
            "{wake:?}"
        );
        ws.handle(AppCommand::Tick(t0 + NOTICE_LIFETIME / 2));
        assert!(notice(&ws), "still shown halfway");
        ws.handle(AppCommand::Tick(t0 + NOTICE_LIFETIME));
        assert_eq!(ws.message(), None, "gone after its time");

        // A failed save is an error: it outlives steps and time until dismissed.
        let blocker = dir.path().join("not-a-folder");
        std::fs::write(&blocker, "x").unwrap();
        ws.handle(AppCommand::SaveTo(blocker.join("review.ron")));
        assert!(matches!(ws.message(), Some(Message::Error(_))));
        ws.handle(AppCommand::Run(Action::NextSentence));
        ws.handle(AppCommand::Tick(t0 + NOTICE_LIFETIME * 10));
        assert!(matches!(ws.message(), Some(Message::Error(_))));
        ws.handle(AppCommand::DismissMessage);
        assert_eq!(ws.message(), None);
    }

    #[test]
    fn what_needs_the_screen_comes_back_to_the_shell() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = opened(&article(dir.path()));
        assert_eq!(
            ws.handle(AppCommand::Run(Action::Open)),
            [Effect::AskPath(DialogKind::Open)]
        );
        // One dialog at a time: a second ask while one is open is ignored.
        assert!(ws.handle(AppCommand::Run(Action::SaveAs)).is_empty());
        // A dialog that could not be shown: the analyst is told what to do instead.
        ws.handle(AppCommand::PathChosen {
            path: None,
            shown: false,
        });
        assert!(
            matches!(ws.message(), Some(Message::Error(e)) if e.contains("No file dialog")),
            "{:?}",
            ws.message()
        );
        for action in [Action::ShowHelp, Action::EditLabels, Action::AcceptAbove] {
            assert_eq!(
                ws.handle(AppCommand::Run(action)),
                [Effect::Shell(action)],
                "{action:?}"
            );
        }
        // Nothing unsaved: quitting closes the window at once.
        assert_eq!(
            ws.handle(AppCommand::Run(Action::Quit)),
            [Effect::CloseWindow]
        );
        assert!(ws.is_quitting());
        // With nothing open, editing commands do nothing and say nothing.
        let mut empty = Workspace::default().with_analyst(None, true);
        assert!(
            empty
                .handle(AppCommand::Run(Action::NextSentence))
                .is_empty()
        );
    }

    #[test]
    fn closing_and_quitting_ask_about_each_unsaved_review() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = opened(&article(dir.path()));
        ws.handle(AppCommand::OpenSample);
        assert_eq!(ws.reviews().len(), 2);
        label_first_sentence(&mut ws);
        ws.handle(AppCommand::Activate(0));
        label_first_sentence(&mut ws);

        // Closing an unsaved review asks; Cancel keeps it.
        assert!(ws.handle(AppCommand::Run(Action::CloseReview)).is_empty());
        assert_eq!(ws.question(), Some(&Question::Unsaved(Intent::Close)));
        assert!(ws.is_waiting());
        ws.handle(AppCommand::Answer(Answer::Cancel));
        assert_eq!((ws.question(), ws.reviews().len()), (None, 2));

        // The window's close button asks about each unsaved review in turn.
        let effects = ws.handle(AppCommand::CloseRequested);
        assert_eq!(effects, [Effect::CancelClose]);
        assert_eq!(ws.question(), Some(&Question::Unsaved(Intent::Quit)));
        let effects = ws.handle(AppCommand::Answer(Answer::Discard));
        assert!(
            matches!(effects.as_slice(), [Effect::Closed(_)]),
            "{effects:?}"
        );
        assert_eq!(ws.reviews().len(), 1);
        assert_eq!(ws.question(), Some(&Question::Unsaved(Intent::Quit)));
        assert!(!ws.is_quitting());
        let effects = ws.handle(AppCommand::Answer(Answer::Discard));
        assert_eq!(effects.last(), Some(&Effect::CloseWindow));
        assert!(ws.is_quitting() && ws.reviews().is_empty());
    }

    #[test]
    fn a_file_changed_on_disk_is_not_overwritten_without_asking() {
        let dir = tempfile::tempdir().unwrap();
        let saved = dir.path().join("hyesan.review.ron");
        let mut ws = opened(&article(dir.path()));
        ws.handle(AppCommand::SaveTo(saved.clone()));
        let mut ws = opened(&saved);
        label_first_sentence(&mut ws);
        // A colleague saves the same file meanwhile.
        std::thread::sleep(Duration::from_millis(20));
        let theirs = std::fs::read_to_string(&saved).unwrap()
            + "
";
        std::fs::write(&saved, &theirs).unwrap();

        assert!(ws.handle(AppCommand::Run(Action::Save)).is_empty());
        assert_eq!(ws.question(), Some(&Question::ChangedOnDisk(None)));
        ws.handle(AppCommand::Answer(Answer::Cancel));
        assert_eq!(std::fs::read_to_string(&saved).unwrap(), theirs);
        assert!(ws.document().unwrap().is_dirty());

        ws.handle(AppCommand::Run(Action::Save));
        ws.handle(AppCommand::Answer(Answer::Overwrite));
        assert!(!ws.document().unwrap().is_dirty());
        assert_ne!(std::fs::read_to_string(&saved).unwrap(), theirs);
    }

    #[test]
    fn the_autosave_clock_runs_on_the_time_it_is_given() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().join("recovery"));
        let mut ws = Workspace::default()
            .with_analyst(None, true)
            .with_recovery(store.clone());
        ws.handle(AppCommand::Open(article(dir.path())));
        let t0 = Instant::now();
        label_first_sentence(&mut ws);
        assert_eq!(
            ws.handle(AppCommand::Tick(t0)),
            [Effect::WakeIn(AUTOSAVE_DELAY)]
        );
        assert!(store.read_all().is_empty(), "not before the delay");
        ws.handle(AppCommand::Tick(t0 + AUTOSAVE_DELAY));
        let found = store.read_all();
        assert_eq!(found.len(), 1);
        assert_eq!(&found[0].session, ws.document().unwrap().session());

        // Saved: the copy goes.
        ws.handle(AppCommand::SaveTo(dir.path().join("hyesan.review.ron")));
        assert!(store.read_all().is_empty());
    }

    /// A large review's recovery copy is written on a worker. If the review is saved before
    /// that write lands, the copy must still go: otherwise the next start offers work that was
    /// saved.
    #[test]
    fn a_recovery_copy_that_lands_after_the_save_is_removed() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().join("recovery"));
        let mut ws = Workspace::default()
            .with_analyst(None, true)
            .with_recovery(store.clone());
        let big = dir.path().join("big.txt");
        std::fs::write(&big, claimlens::samples::generate_report(1_100_000, 3)).unwrap();
        ws.handle(AppCommand::OpenWaiting(big));
        label_first_sentence(&mut ws);
        let t0 = Instant::now();
        ws.handle(AppCommand::Tick(t0));
        let effects = ws.handle(AppCommand::Tick(t0 + AUTOSAVE_DELAY));
        let Some(Effect::Start(Job::Autosave {
            store: job_store,
            original,
            changes,
            snapshot,
        })) = effects.into_iter().next()
        else {
            panic!("a large review's copy is written on a worker");
        };

        // Saved meanwhile (on a worker too), and that save finishes first.
        let saved = dir.path().join("big.review.ron");
        let effects = ws.handle(AppCommand::SaveTo(saved.clone()));
        let [
            Effect::Start(Job::Save {
                path,
                snapshot: to_save,
                ..
            }),
        ] = effects.as_slice()
        else {
            panic!("{effects:?}");
        };
        claimlens::io::save_session(path, to_save).unwrap();
        ws.handle(AppCommand::Finished(Outcome::Saved(Ok(()))));
        assert!(!ws.document().unwrap().is_dirty());

        // Now the recovery write lands.
        job_store
            .write(original.as_deref(), changes, &snapshot)
            .unwrap();
        assert_eq!(store.read_all().len(), 1);
        ws.handle(AppCommand::AutosaveDone(Ok(())));
        assert!(
            store.read_all().is_empty(),
            "saved work is not offered again"
        );
    }

    /// Two reviews with unsaved work, the process killed: the next start offers both, and
    /// restoring them gives two reviews, each unsaved, each with its own work.
    #[test]
    fn every_unsaved_review_comes_back_after_a_crash() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().join("recovery"));
        let mut ws = Workspace::default()
            .with_analyst(None, true)
            .with_recovery(store.clone());
        ws.handle(AppCommand::Open(article(dir.path())));
        label_first_sentence(&mut ws);
        ws.handle(AppCommand::OpenSample);
        label_first_sentence(&mut ws);
        let sessions: Vec<_> = ws
            .reviews()
            .iter()
            .map(|r| r.document().session().clone())
            .collect();
        ws.handle(AppCommand::AutosaveNow);
        // While the run lives, its copies are its own: another run does not offer them.
        let other = RecoveryStore::new(dir.path().join("recovery"));
        assert!(other.found().is_empty());
        assert_eq!(other.read_all().len(), 2);
        drop((ws, store));

        let store = RecoveryStore::new(dir.path().join("recovery"));
        let mut again = Workspace::default()
            .with_analyst(None, true)
            .with_recovery(store.clone());
        assert_eq!(again.recovery_offers().len(), 2);
        assert!(again.is_waiting(), "keys wait for the answer");
        again.handle(AppCommand::Recover(true));
        again.handle(AppCommand::Recover(true));
        assert!(again.recovery_offers().is_empty());
        assert_eq!(again.reviews().len(), 2);
        for review in again.reviews() {
            assert!(review.document().is_dirty());
            assert!(sessions.contains(review.document().session()));
        }
        // The dead run's copies became this run's: none is left to offer, two are kept.
        assert!(other.found().is_empty());
        drop((again, store));
        assert_eq!(other.found().len(), 2);
    }

    /// An analyst labelling a sentence every second never pauses for the delay: the copy must
    /// still be written within the delay of the first unsaved change, and keep up after that.
    #[test]
    fn steady_work_is_kept_within_the_delay_of_its_first_change() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().join("recovery"));
        let mut ws = Workspace::default()
            .with_analyst(None, true)
            .with_recovery(store.clone());
        ws.handle(AppCommand::OpenSample);
        let keys: Vec<char> = ws.document().unwrap().session().taxonomy().labels[..2]
            .iter()
            .filter_map(|l| l.key)
            .collect();
        let t0 = Instant::now();
        let mut last_written = None;
        for second in 0..10u32 {
            ws.handle(AppCommand::Run(Action::Label(keys[second as usize % 2])));
            ws.handle(AppCommand::Run(Action::NextSentence));
            ws.handle(AppCommand::Tick(t0 + Duration::from_secs(second.into())));
            if !store.read_all().is_empty() {
                last_written = Some(second);
            }
            if second >= 2 {
                assert!(
                    last_written.is_some(),
                    "nothing kept after {second} s of work"
                );
            }
        }
        // The last change is kept within the delay too, and the copy holds all ten.
        ws.handle(AppCommand::Tick(
            t0 + Duration::from_secs(9) + AUTOSAVE_DELAY,
        ));
        let copies = store.read_all();
        assert_eq!(copies.len(), 1);
        assert_eq!(copies[0].changes, ws.document().unwrap().change_count());
        assert_eq!(&copies[0].session, ws.document().unwrap().session());
    }

    /// A large save runs on a worker while the analyst goes on, perhaps in another tab: when
    /// it lands, the review that was saved is marked saved, not the one shown then.
    #[test]
    fn a_background_save_marks_the_review_it_saved_not_the_one_shown() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = Workspace::default().with_analyst(None, true);
        ws.handle(AppCommand::OpenSample);
        label_first_sentence(&mut ws);
        let big = dir.path().join("big.txt");
        std::fs::write(&big, claimlens::samples::generate_report(1_100_000, 5)).unwrap();
        ws.handle(AppCommand::OpenWaiting(big));
        label_first_sentence(&mut ws);
        let saved = dir.path().join("big.review.ron");
        let effects = ws.handle(AppCommand::SaveTo(saved.clone()));
        let [Effect::Start(Job::Save { path, snapshot, .. })] = effects.as_slice() else {
            panic!("{effects:?}");
        };
        claimlens::io::save_session(path, snapshot).unwrap();
        // To the sample's tab, then the save lands.
        ws.handle(AppCommand::Activate(0));
        assert!(ws.document().unwrap().path.is_none());
        ws.handle(AppCommand::Finished(Outcome::Saved(Ok(()))));
        let (sample, report) = (&ws.reviews()[0], &ws.reviews()[1]);
        assert!(sample.document().is_dirty(), "the sample was not saved");
        assert!(sample.document().path.is_none());
        assert!(!report.document().is_dirty());
        assert_eq!(report.document().path.as_deref(), Some(saved.as_path()));
    }
}

/// The suggestion pass proposes its sources in one step; undone, it leaves the review exactly
/// as it was, and redone, exactly as the pass made it.
#[test]
fn proposed_sources_are_added_and_removed_as_one_exact_step() {
    use claimlens::model::suggest::{propose_sources_command, suggest};
    let original = Session::new(
        Article::new(
            "t",
            None,
            "A source in Hyesan told Kestrel Report that rice rose. The source said guards \
             search carts. A trader in Dandong said credit stopped. Officials did not comment.",
        ),
        Taxonomy::default_preset(),
    );
    let command = propose_sources_command(&original, &suggest(&original)).expect("sources found");
    let mut s = original.clone();
    let inverse = s.apply(command).unwrap();
    assert!(s.sources().len() >= 2, "{:?}", s.sources());
    assert!(s.annotations().iter().any(|a| a.source.is_some()));
    let proposed = s.clone();
    let again = s.apply(inverse).unwrap();
    assert_eq!(s, original);
    s.apply(again).unwrap();
    assert_eq!(s, proposed);
}
