//! Grading a claim and editing labels through the window.

mod support;

use claimlens::model::{Credibility, LabelId, Reliability};
use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use support::{ScriptedDialogs, click_sentence, harness, sentence_starting};

#[test]
fn grading_a_claim_from_the_inspector_and_the_keyboard() {
    let mut h = harness(ScriptedDialogs::default(), None);
    let s = sentence_starting(h.state(), "A source in Russia told");
    click_sentence(&mut h, s);
    h.get_by_label(&format!("Claim {}", s + 1));

    // A new source for the claim and the sentences that carry it over.
    h.get_by_label("New source").click();
    h.run();
    let session = &h.state().document().unwrap().session();
    let source = session.annotations()[s]
        .source
        .expect("linked to the new source");
    assert_eq!(session.source(source).unwrap().name, "Source A");
    let carried = (s + 1..s + 3)
        .filter(|&i| session.annotations()[i].source == Some(source))
        .count();
    assert_eq!(
        carried, 2,
        "“According to the source…” and “…, he said.” carry it over"
    );

    h.key_press_modifiers(Modifiers::SHIFT, Key::B);
    h.key_press_modifiers(Modifiers::ALT, Key::Num2);
    h.run();
    let session = &h.state().document().unwrap().session();
    assert_eq!(session.source(source).unwrap().reliability, Reliability::B);
    assert_eq!(session.annotations()[s].credibility, Credibility::Probable);
    // Alt+2 graded; it did not also apply the label with hotkey 2.
    assert_eq!(
        session.annotations()[s].label,
        Some(LabelId::new("in_russia"))
    );
    h.get_by_label(&format!("Claim {}", s + 1));
    h.get_by_label("B2");

    // Credibility 1 without an independent corroboration is refused, and the app says why.
    h.get_by_label("1").click();
    h.run();
    let message = format!("{:?}", h.state().message());
    assert!(message.contains("different source"), "{message}");
    assert_eq!(
        h.state().document().unwrap().session().annotations()[s].credibility,
        Credibility::Probable
    );

    // Each grade is its own undo step.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().document().unwrap().session().annotations()[s].credibility,
        Credibility::CannotJudge
    );
}

#[test]
fn merging_two_labels_in_the_label_editor() {
    let mut h = harness(ScriptedDialogs::default(), None);
    let russia = sentence_starting(h.state(), "A source in Russia told");
    h.get_by_label("Review").click();
    h.run();
    h.get_by_label_contains("Edit labels…").click();
    h.run();
    // "Source in Russia" is the second label; it is in use, so deleting asks what to do.
    h.get_all_by_label("Delete…").nth(1).unwrap().click();
    h.run();
    h.get_by_label_contains("“Source in Russia” labels 3 sentences");
    h.get_by_label("Merge into label").click();
    h.run();
    h.get_by_label("Source in China").click();
    h.run();
    h.get_by_label("Merge into it").click();
    h.run();
    let session = &h.state().document().unwrap().session();
    assert!(session.taxonomy().get(&LabelId::new("in_russia")).is_none());
    assert_eq!(
        session.annotations()[russia].label,
        Some(LabelId::new("in_china"))
    );
    // One step to undo.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let session = &h.state().document().unwrap().session();
    assert!(session.taxonomy().get(&LabelId::new("in_russia")).is_some());
    assert_eq!(
        session.annotations()[russia].label,
        Some(LabelId::new("in_russia"))
    );
}

#[test]
fn the_source_summary_lists_sources_with_grades_and_the_single_source_share() {
    let mut h = harness(ScriptedDialogs::default(), None);
    let s = sentence_starting(h.state(), "A source in Russia told");
    click_sentence(&mut h, s);
    h.get_by_label("New source").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::U);
    h.run();
    h.get_by_label("Source summary");
    let summary = h.state().document().unwrap().session().source_summary();
    h.get_by_label_contains(&format!(
        "{} claims; {} (",
        summary.claims, summary.single_anonymous
    ));
    let session = &h.state().document().unwrap().session();
    let mine = session.annotations()[s].source.unwrap();
    let row = summary.rows.iter().find(|r| r.id == mine).unwrap();
    assert_eq!(row.claims, 3);
}

#[test]
fn exporting_and_importing_labels_goes_through_the_dialogs() {
    let dir = tempfile::tempdir().unwrap();
    let preset = dir.path().join("labels.ron");
    let mut h = harness(
        ScriptedDialogs::answering([Some(preset.clone()), Some(preset.clone())]),
        None,
    );
    h.get_by_label("Review").click();
    h.run();
    h.get_by_label_contains("Edit labels…").click();
    h.run();
    h.get_by_label("Export labels…").click();
    h.run();
    let exported = claimlens::io::taxonomy_file::load_taxonomy(&preset).unwrap();
    assert_eq!(
        &exported,
        h.state().document().unwrap().session().taxonomy()
    );
    h.get_by_label("Import labels…").click();
    h.run();
    assert_eq!(
        h.state().document().unwrap().session().taxonomy(),
        &exported
    );
}

/// Two analysts' reviews of the bundled sample: A confirms every suggestion; B relabels every
/// fifth labelled sentence "Other media" and leaves every seventh without a label.
fn two_reviews(dir: &std::path::Path) -> (std::path::PathBuf, std::path::PathBuf, Vec<usize>) {
    use claimlens::model::{Annotation, LabelId, Status};
    let (session, _) =
        claimlens::app::open::new_review(claimlens::samples::sample_article(), &Default::default());
    let confirmed: Vec<Annotation> = session
        .annotations()
        .iter()
        .map(|a| Annotation {
            status: Status::Confirmed,
            ..a.clone()
        })
        .collect();
    let a = session.with_annotations(confirmed.clone());
    let mut differ = Vec::new();
    let mut b = confirmed;
    let labelled: Vec<usize> = (0..b.len()).filter(|&i| b[i].label.is_some()).collect();
    for (k, &i) in labelled.iter().enumerate() {
        if k % 5 == 0 && b[i].label != Some(LabelId::new("other_media")) {
            b[i].label = Some(LabelId::new("other_media"));
            differ.push(i);
        } else if k % 7 == 3 {
            b[i].label = None;
            differ.push(i);
        }
    }
    differ.sort();
    let b = a.with_annotations(b);
    let (pa, pb) = (dir.join("a.review.ron"), dir.join("b.review.ron"));
    claimlens::io::save_session(&pa, &a).unwrap();
    claimlens::io::save_session(&pb, &b).unwrap();
    (pa, pb, differ)
}

#[test]
fn comparing_two_reviews_lists_disagreements_steps_through_them_and_adjudicates() {
    use egui_kittest::kittest::Queryable;
    let dir = tempfile::tempdir().unwrap();
    let (pa, pb, differ) = two_reviews(dir.path());
    let dialogs = ScriptedDialogs::answering([Some(pb.clone())]);
    let mut h = harness(dialogs.clone(), Some(pa.clone()));
    h.get_by_label("Review").click();
    h.run();
    h.get_by_label_contains("Compare with…").click();
    h.run();
    assert!(matches!(
        dialogs.asked.borrow().last(),
        Some(claimlens::ui::DialogKind::CompareWith)
    ));
    // The panel shows the other review, its figures and the disagreements only.
    assert!(h.query_by_label("Comparing with b.review.ron").is_some());
    assert!(h.query_by_label("Cohen's κ").is_some());
    let expected = format!(
        "{} to settle, 0 settled  ·  ] next, [ previous",
        differ.len()
    );
    assert!(h.query_by_label(&expected).is_some(), "{expected}");
    assert_eq!(h.state().selection().map(|s| s.head), Some(differ[0]));
    h.key_press(Key::CloseBracket);
    h.run();
    assert_eq!(h.state().selection().map(|s| s.head), Some(differ[1]));
    h.key_press(Key::OpenBracket);
    h.run();
    assert_eq!(h.state().selection().map(|s| s.head), Some(differ[0]));

    // Alt+Right takes B: a new review, the adjudication, shown beside A.
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    h.run();
    let w = h.state().workspace();
    assert_eq!(w.reviews().len(), 2);
    let adjudication = w.active().unwrap();
    assert!(adjudication.is_adjudication());
    let took = &adjudication.document().session().annotations()[differ[0]];
    assert_eq!(
        took.label,
        Some(claimlens::model::LabelId::new("other_media"))
    );
    assert!(
        h.query_by_label("Adjudicating against b.review.ron")
            .is_some()
    );
    let settled = format!(
        "{} to settle, 1 settled  ·  ] next, [ previous",
        differ.len() - 1
    );
    assert!(h.query_by_label(&settled).is_some(), "{settled}");
    assert_eq!(
        h.state().selection().map(|s| s.head),
        Some(differ[1]),
        "moved on"
    );
    // One undo step.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let session = h.state().document().unwrap().session();
    assert_eq!(session.annotations()[differ[0]].decision, None);
    // Stop comparing: the claims list is back.
    h.get_by_label("Stop comparing").click();
    h.run();
    assert!(h.query_by_label("Cohen's κ").is_none());
}
