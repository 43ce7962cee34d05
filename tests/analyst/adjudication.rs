//! Review › Compare with… and adjudication, driven through the application core as the window
//! drives it: disagreements found and stepped through, A or B taken or another label chosen
//! (each one undo step, each recording who decided), the result a new review of format 7 that
//! names both inputs, and neither analyst's file touched.

use claimlens::app::compare::Standing;
use claimlens::app::{Action, AppCommand, Message, Question, Workspace};
use claimlens::io::save_session;
use claimlens::model::adjudication::Took;
use claimlens::model::{
    Annotation, Article, Command, Credibility, Document, LabelId, Reliability, Session, Source,
    SourceId, Status, Taxonomy,
};
use std::path::{Path, PathBuf};

const TEXT: &str = "A trader in Hyesan said rice prices rose this week. \
    The provincial committee denied any shortage. \
    Two people familiar with the matter said exports resumed. \
    Prices have reportedly doubled since spring. \
    The market closed early on Tuesday. \
    Officials in Pyongyang declined to comment.";

fn base() -> Session {
    Session::new(
        Article::new("Hyesan prices", None, TEXT),
        Taxonomy::default_preset(),
    )
}

fn labelled(labels: &[Option<&str>]) -> Session {
    let s = base();
    let annotations = s
        .annotations()
        .iter()
        .zip(labels)
        .map(|(a, l)| Annotation {
            label: l.map(LabelId::new),
            status: Status::Confirmed,
            ..a.clone()
        })
        .collect();
    s.with_annotations(annotations)
}

/// A: analyst Kim. B: analyst Lee, who disagrees on sentences 1 (label), 2 (a source and a
/// grade where Kim has the same label and none), 4 (B has nothing) and 6 (only B has a label).
fn reviews(dir: &Path) -> (PathBuf, PathBuf) {
    let a = labelled(&[
        Some("inside_nk"),
        Some("official"),
        Some("multiple"),
        Some("hedged"),
        Some("not_claim"),
        None,
    ]);
    let mut b = Document::new(
        labelled(&[
            Some("other_media"),
            Some("official"),
            Some("multiple"),
            None,
            Some("not_claim"),
            Some("official"),
        ]),
        None,
    );
    let source = Source {
        id: SourceId(0),
        name: "two people familiar".into(),
        label: Some(LabelId::new("multiple")),
        descriptor: String::new(),
        reliability: Reliability::C,
        proposed: false,
    };
    b.apply(Command::AddSource { index: 0, source })
        .expect("adds");
    let mut claim = b.session().annotations()[2].clone();
    claim.source = Some(SourceId(0));
    claim.credibility = Credibility::Possible;
    claim.note = "Lee: two, not one".into();
    b.apply(Command::SetAnnotation {
        sentence: 2,
        annotation: Box::new(claim),
        what: "record".into(),
    })
    .expect("records");
    let mut a_doc = Document::new(a, None);
    a_doc.stamp_save(Some("Kim J."), "2026-12-02T08:00:00Z");
    b.stamp_save(Some("Lee S."), "2026-12-02T09:00:00Z");
    let (pa, pb) = (
        dir.join("hyesan.kim.review.ron"),
        dir.join("hyesan.lee.review.ron"),
    );
    save_session(&pa, a_doc.session()).expect("saves A");
    save_session(&pb, b.session()).expect("saves B");
    (pa, pb)
}

fn run(w: &mut Workspace, action: Action) {
    w.handle(AppCommand::Run(action));
}

fn selected(w: &Workspace) -> Option<usize> {
    w.selection().map(|s| s.head)
}

fn annotation(w: &Workspace, i: usize) -> Annotation {
    w.document().expect("a review").session().annotations()[i].clone()
}

#[test]
fn disagreements_are_found_stepped_through_and_settled_into_a_new_review() {
    let dir = tempfile::tempdir().expect("a folder");
    let (pa, pb) = reviews(dir.path());
    let (a_bytes, b_bytes) = (std::fs::read(&pa).unwrap(), std::fs::read(&pb).unwrap());
    let mut w = Workspace::new(Vec::new());
    w.handle(AppCommand::OpenWaiting(pa.clone()));
    w.handle(AppCommand::CompareWith(pb.clone()));
    use Standing::*;
    let c = w.comparison().expect("comparing");
    assert_eq!(c.standing(), [Label, Agree, Grade, Label, Agree, Label]);
    assert!(
        c.figures().is_some_and(|f| f.compared == 4),
        "both labelled: 1, 2, 3, 5"
    );
    assert_eq!(selected(&w), Some(0), "the first disagreement is selected");
    match w.message() {
        Some(Message::Notice(n)) => assert!(
            n.contains("hyesan.lee.review.ron (Lee S.)") && n.contains("4 disagreements"),
            "{n}"
        ),
        other => panic!("{other:?}"),
    }
    run(&mut w, Action::NextDisagreement);
    assert_eq!(selected(&w), Some(2));
    run(&mut w, Action::PreviousDisagreement);
    run(&mut w, Action::PreviousDisagreement);
    assert_eq!(selected(&w), Some(5), "steps wrap round");

    // The first decision asks who decides; nothing is taken yet.
    run(&mut w, Action::TakeA);
    assert!(matches!(w.question(), Some(Question::AnalystName(None))));
    assert_eq!(w.reviews().len(), 1);
    w.handle(AppCommand::AnalystNamed(Some("Park H.".into())));
    w.handle(AppCommand::Select(
        claimlens::app::selection::Selection::single(0),
    ));

    // Take A: a new review, the adjudication, records both inputs.
    run(&mut w, Action::TakeA);
    assert_eq!(w.reviews().len(), 2, "A stays open as it was");
    let adj = w.active().expect("shown");
    assert!(adj.is_adjudication() && adj.document().path.is_none());
    assert_eq!(
        adj.name(),
        "Adjudication of hyesan.kim.review.ron (new review)"
    );
    let record = adj
        .document()
        .session()
        .provenance()
        .adjudication
        .clone()
        .unwrap();
    let sha = |b: &[u8]| claimlens::model::article::sha256_hex_bytes(b);
    assert_eq!(record.inputs[0].file, pa.display().to_string());
    assert_eq!(record.inputs[0].analyst.as_deref(), Some("Kim J."));
    assert_eq!(record.inputs[0].sha256, sha(&a_bytes));
    assert_eq!(record.inputs[1].analyst.as_deref(), Some("Lee S."));
    assert_eq!(record.inputs[1].sha256, sha(&b_bytes));
    let decided = annotation(&w, 0);
    assert_eq!(decided.label, Some(LabelId::new("inside_nk")));
    let decision = decided.decision.expect("decided");
    assert_eq!(
        (decision.took, decision.by.as_deref()),
        (Took::A, Some("Park H."))
    );
    assert_eq!(selected(&w), Some(2), "moves on to the next disagreement");

    // Take B on sentence 3: B's source, grade and note come with it, as one undo step.
    w.handle(AppCommand::Select(
        claimlens::app::selection::Selection::single(2),
    ));
    run(&mut w, Action::TakeB);
    let took_b = annotation(&w, 2);
    let session = w.document().unwrap().session();
    let source = took_b
        .source
        .and_then(|s| session.source(s))
        .expect("B's source");
    assert_eq!(
        (source.name.as_str(), source.reliability),
        ("two people familiar", Reliability::C)
    );
    assert_eq!(took_b.credibility, Credibility::Possible);
    assert_eq!(took_b.note, "Lee: two, not one");
    assert_eq!(took_b.decision.map(|d| d.took), Some(Took::B));
    assert_eq!(w.comparison().unwrap().standing()[2], Decided(Took::B));
    let r = w.active().unwrap();
    let c = r.comparison().unwrap();
    assert_eq!(
        c.sides(r.document().session(), 2).0.grade,
        "F6",
        "A as it was"
    );
    run(&mut w, Action::Undo);
    assert_eq!(annotation(&w, 2).decision, None);
    assert!(w.document().unwrap().session().sources().is_empty());
    run(&mut w, Action::Redo);
    assert_eq!(annotation(&w, 2).decision.map(|d| d.took), Some(Took::B));

    // Another label, from the sentence's menu: settled as "other"; undone, and by its key.
    w.handle(AppCommand::Select(
        claimlens::app::selection::Selection::single(5),
    ));
    w.handle(AppCommand::Label(Some(LabelId::new("named"))));
    assert_eq!(annotation(&w, 5).label, Some(LabelId::new("named")));
    assert_eq!(
        annotation(&w, 5).decision.map(|d| d.took),
        Some(Took::Other)
    );
    run(&mut w, Action::Undo);
    assert_eq!(annotation(&w, 5).decision, None);
    run(&mut w, Action::Label('9'));
    let other = annotation(&w, 5);
    assert_eq!(other.label, Some(LabelId::new("unattributed")));
    assert_eq!(other.decision.map(|d| d.took), Some(Took::Other));

    // Sentence 4: only A has a label. "Take all of A where B has nothing" settles it.
    run(&mut w, Action::TakeAllA);
    assert_eq!(annotation(&w, 3).decision.map(|d| d.took), Some(Took::A));
    assert_eq!(annotation(&w, 3).label, Some(LabelId::new("hedged")));
    let c = w.comparison().unwrap();
    assert_eq!(c.disagreements(), 0, "all four settled");
    assert_eq!(c.decided(), 4);
    assert_eq!(c.step(Some(0), true), None);

    // Saving over either analyst's file is refused; a new name works and reloads as it was.
    w.handle(AppCommand::SaveTo(pa.clone()));
    assert!(
        matches!(w.message(), Some(Message::Error(e)) if e.contains("review A") && e.contains("new name")),
        "{:?}",
        w.message()
    );
    let suggested = w.active().unwrap().suggested_save_path();
    assert_eq!(
        suggested,
        dir.path().join("hyesan.kim.adjudicated.review.ron")
    );
    w.handle(AppCommand::SaveTo(suggested.clone()));
    let text = std::fs::read_to_string(&suggested).expect("saved");
    assert!(
        text.contains("version: 7,") && text.contains("took: B"),
        "{text}"
    );
    let reloaded = claimlens::io::load_session(&suggested).expect("reloads");
    assert_eq!(&reloaded, w.document().unwrap().session());
    assert_eq!(std::fs::read(&pa).unwrap(), a_bytes, "A is unchanged");
    assert_eq!(std::fs::read(&pb).unwrap(), b_bytes, "B is unchanged");
    // The analyst shown as having made the adjudication is the adjudicator.
    assert_eq!(reloaded.provenance().created_by.as_deref(), Some("Park H."));
}

#[test]
fn reviews_that_cannot_be_compared_say_why_and_nothing_changes() {
    let dir = tempfile::tempdir().expect("a folder");
    let (pa, pb) = reviews(dir.path());
    let mut w = Workspace::new(Vec::new()).with_analyst(Some("Park H.".into()), true);
    w.handle(AppCommand::OpenWaiting(pa.clone()));
    #[track_caller]
    fn error(w: &Workspace) -> String {
        match w.message() {
            Some(Message::Error(e)) => e.clone(),
            other => panic!("{other:?}"),
        }
    }
    let _unused = |w: &Workspace| match w.message() {
        Some(Message::Error(e)) => e.clone(),
        other => panic!("{other:?}"),
    };

    // Nothing to compare with yet.
    run(&mut w, Action::TakeB);
    assert!(matches!(w.message(), Some(Message::Notice(n)) if n.contains("Compare with")));
    // A damaged file, another article, the review itself.
    let damaged = dir.path().join("damaged.ron");
    std::fs::write(
        &damaged,
        "(format: \"claimlens-session\", version: 7, article: (",
    )
    .unwrap();
    w.handle(AppCommand::CompareWith(damaged));
    assert!(error(&w).contains("damaged.ron"), "{}", error(&w));
    let elsewhere = Session::new(
        Article::new(
            "other",
            None,
            "Nothing alike here at all. Not one sentence in common.",
        ),
        Taxonomy::default_preset(),
    );
    let mut a = elsewhere.annotations().to_vec();
    a[0].label = Some(LabelId::new("official"));
    let other = dir.path().join("other.review.ron");
    save_session(&other, &elsewhere.with_annotations(a)).unwrap();
    w.handle(AppCommand::CompareWith(other));
    assert!(error(&w).contains("another article"), "{}", error(&w));
    w.handle(AppCommand::CompareWith(pa.clone()));
    assert!(error(&w).contains("is the review shown"), "{}", error(&w));
    assert!(w.comparison().is_none());

    // A review with a label of its own: compared, the mismatch named.
    let mut taxonomy = Taxonomy::default_preset();
    taxonomy.labels[0].name = "Source in the North".into();
    let renamed = Session::new(Article::new("Hyesan prices", None, TEXT), taxonomy);
    let mut a = renamed.annotations().to_vec();
    a[0].label = Some(LabelId::new("inside_nk"));
    a[0].status = Status::Confirmed;
    let renamed_path = dir.path().join("renamed.review.ron");
    save_session(&renamed_path, &renamed.with_annotations(a)).unwrap();
    w.handle(AppCommand::CompareWith(renamed_path));
    match w.message() {
        Some(Message::Notice(n)) => assert!(n.contains("Source in the North"), "{n}"),
        other => panic!("{other:?}"),
    }
    // B's label has no match here: taking it is refused by name, and nothing changes.
    w.handle(AppCommand::Select(
        claimlens::app::selection::Selection::single(0),
    ));
    run(&mut w, Action::TakeB);
    assert!(error(&w).contains("Source in the North"), "{}", error(&w));
    assert_eq!(
        w.reviews().len(),
        1,
        "the adjudication it would have begun is gone"
    );
    assert_eq!(
        w.document().unwrap().session().annotations()[0].label,
        Some(LabelId::new("inside_nk"))
    );

    // An unsaved A cannot start an adjudication: the record would name a file it is not.
    w.handle(AppCommand::CompareWith(pb.clone()));
    for (sentence, key) in [(4, '9'), (1, '7'), (4, '0'), (2, '7')] {
        w.handle(AppCommand::Select(
            claimlens::app::selection::Selection::single(sentence),
        ));
        run(&mut w, Action::Label(key));
        // Kept up to date from the sentences each key touched: as a fresh comparison has it.
        let kept = w.comparison().expect("comparing").clone();
        let fresh = claimlens::app::compare::Comparison::open(&pb, w.document().unwrap().session())
            .expect("compares");
        assert_eq!(
            kept.standing(),
            fresh.standing(),
            "after {key} on {sentence}"
        );
        assert_eq!(kept.figures(), fresh.figures(), "after {key} on {sentence}");
    }
    w.handle(AppCommand::Select(
        claimlens::app::selection::Selection::single(0),
    ));
    run(&mut w, Action::TakeA);
    assert!(
        error(&w).contains("Save this review first"),
        "{}",
        error(&w)
    );
    assert_eq!(w.reviews().len(), 1);
    run(&mut w, Action::StopComparing);
    assert!(w.comparison().is_none());
}
