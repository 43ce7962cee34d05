//! Suggestions in the window: visible as suggestions, Enter accepts, a hotkey overrides,
//! "accept all above" is one step, and re-running never touches confirmed labels.

mod support;

use claimlens::model::{LabelId, Status};
use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use support::{ScriptedDialogs, click_sentence, harness, sentence_starting, stay_after_label};

type H = egui_kittest::Harness<'static, claimlens::ui::ClaimlensApp>;

fn annotation(h: &H, i: usize) -> (Option<String>, Status) {
    let a = &h.state().document().unwrap().session().annotations()[i];
    (a.label.as_ref().map(|l| l.0.to_string()), a.status)
}

#[test]
fn a_new_article_opens_with_suggestions_shown_as_such() {
    let mut h = harness(ScriptedDialogs::default(), None);
    let s = sentence_starting(h.state(), "Multiple sources in Ryanggang");
    click_sentence(&mut h, s);
    assert_eq!(
        annotation(&h, s),
        (Some("multiple".into()), Status::Suggested)
    );
    h.get_by_label_contains(&format!("Sentence {}: suggested: Multiple sources", s + 1));
    // Opening an article is not an edit: nothing to save yet.
    assert!(!h.state().document().unwrap().is_dirty());
}

#[test]
fn enter_accepts_and_a_hotkey_overrides() {
    let mut h = harness(ScriptedDialogs::default(), None);
    let s = sentence_starting(h.state(), "Multiple sources in Ryanggang");
    click_sentence(&mut h, s);
    // The panel explains the suggestion for the selected sentence: what, and from whom.
    h.get_by_label_contains("Suggested multiple sources by rule frame-told");
    h.get_by_label_contains("source: Multiple sources in Ryanggang");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        annotation(&h, s),
        (Some("multiple".into()), Status::Confirmed)
    );
    h.get_by_label_contains(&format!("Sentence {}: Multiple sources", s + 1));

    let t = sentence_starting(h.state(), "Authorities have reportedly");
    click_sentence(&mut h, t);
    h.key_press(Key::Num6);
    h.run();
    assert_eq!(
        annotation(&h, t),
        (Some("official".into()), Status::Confirmed)
    );
}

#[test]
fn accept_all_above_a_threshold_is_one_undo_step() {
    let mut h = harness(ScriptedDialogs::default(), None);
    let before = h.state().document().unwrap().session().clone();
    let low = sentence_starting(h.state(), "The Hyesan market opens");
    h.get_by_label("Suggestions").click();
    h.run();
    h.get_by_label_contains("Accept all suggestions above…")
        .click();
    h.run();
    let app = h.state();
    let expected = claimlens::model::suggest::count_above(
        app.document().unwrap().session(),
        app.suggestions(),
        0.85,
    );
    h.get_by_label_contains(&format!("{expected} suggested labels will be confirmed"));
    h.get_by_label(&format!("Accept {expected}")).click();
    h.run();
    let session = &h.state().document().unwrap().session();
    let confirmed = session
        .annotations()
        .iter()
        .filter(|a| a.is_confirmed())
        .count();
    assert_eq!(confirmed, expected);
    assert!(expected >= 10, "only {expected} suggestions reach 0.85");
    // Below the threshold (0.85) stays a suggestion.
    assert_eq!(annotation(&h, low).1, Status::Suggested);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().document().unwrap().session(), &before);
}

#[test]
fn rerunning_suggestions_keeps_confirmed_labels() {
    let mut h = harness(ScriptedDialogs::default(), None);
    let s = sentence_starting(h.state(), "A source in Russia told");
    click_sentence(&mut h, s);
    h.key_press(Key::Num7);
    h.run();
    h.get_by_label("Suggestions").click();
    h.run();
    h.get_by_label_contains("Re-run suggestions").click();
    h.run();
    assert_eq!(
        annotation(&h, s),
        (Some("other_media".into()), Status::Confirmed)
    );
}

/// The other answer to an unknown place: add it to a label that exists (a town the gazetteer
/// lacks, for the label of its country), in one step; the label editor then shows it among the
/// label's other names, and further sentences placed there get the label.
#[test]
fn an_unknown_place_can_join_an_existing_label() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("village.txt");
    std::fs::write(
        &path,
        "A source in Kkotbat-ri said the harvest failed.\n\nA trader in Kkotbat-ri agreed.\n",
    )
    .unwrap();
    let mut h = harness(ScriptedDialogs::default(), Some(path));
    h.get_by_label("Add “Kkotbat-ri” to…").click();
    h.run();
    h.get_by_label("Source inside North Korea").click();
    h.run();
    let session = h.state().document().unwrap().session();
    let inside = session.taxonomy().get(&LabelId::new("inside_nk")).unwrap();
    assert!(
        inside.aliases.iter().any(|a| a == "Kkotbat-ri"),
        "{:?}",
        inside.aliases
    );
    assert_eq!(
        annotation(&h, 0),
        (Some("inside_nk".into()), Status::Suggested)
    );
    assert_eq!(annotation(&h, 1).0, Some("inside_nk".into()));
    // One undo step takes back both.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let session = h.state().document().unwrap().session();
    let inside = session.taxonomy().get(&LabelId::new("inside_nk")).unwrap();
    assert!(!inside.aliases.iter().any(|a| a == "Kkotbat-ri"));
    assert_eq!(annotation(&h, 0).0, None);
}

#[test]
fn an_unknown_place_offers_a_new_label_in_one_click() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("seoul.txt");
    std::fs::write(&path, "A source in Seoul said the talks failed.\n").unwrap();
    let mut h = harness(ScriptedDialogs::default(), Some(path));
    h.get_by_label("Add label “Source in Seoul”").click();
    h.run();
    let session = &h.state().document().unwrap().session();
    let added = session.taxonomy().labels.last().unwrap();
    assert_eq!(added.name, "Source in Seoul");
    assert_eq!(session.annotations()[0].label, Some(added.id.clone()));
    // Its colour is one no other label has, and as distinct from every other as they are
    // from each other.
    for other in &session.taxonomy().labels[..session.taxonomy().labels.len() - 1] {
        let d = claimlens::model::colour::distance(added.color, other.color);
        assert!(
            d >= 20.0,
            "{} is ΔE {d:.1} from {}",
            added.color.to_hex(),
            other.name
        );
    }
    // The legend lists it (all ten digit keys are taken by the default labels).
    h.get_by_label("Source in Seoul");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        h.state()
            .document()
            .unwrap()
            .session()
            .taxonomy()
            .get(&LabelId::new("in_seoul"))
            .is_none()
    );
}

/// Enter and a label key move on to the next sentence to review, so "Enter Enter 2" typed in
/// one frame accepts two suggestions and labels the third; sentences already confirmed are
/// skipped, as N skips them; undo takes back the last step only.
#[test]
fn accepting_and_labelling_move_on_to_the_next_sentence_to_review() {
    let mut h = harness(ScriptedDialogs::default(), None);
    assert!(h.state().workspace().moves_on_after_label());
    // Sentence 3 already confirmed: the run passes over it.
    h.state_mut()
        .select(claimlens::ui::selection::Selection::single(3));
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().selection().map(|s| s.head), Some(4));
    h.state_mut()
        .select(claimlens::ui::selection::Selection::single(0));
    h.key_press(Key::Enter);
    h.key_press(Key::Enter);
    h.key_press(Key::Num2);
    h.run();
    assert_eq!(annotation(&h, 0).1, Status::Confirmed);
    assert_eq!(annotation(&h, 1).1, Status::Confirmed);
    assert_eq!(
        annotation(&h, 2),
        (Some("in_russia".to_string()), Status::Confirmed)
    );
    assert_eq!(h.state().selection().map(|s| s.head), Some(4));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(annotation(&h, 2).1, Status::Suggested);
    assert_eq!(annotation(&h, 1).1, Status::Confirmed);
}

#[test]
fn keys_typed_ahead_in_one_frame_act_in_order() {
    let mut h = harness(ScriptedDialogs::default(), None);
    stay_after_label(&mut h);
    // Four presses before the next frame: accept, move, accept, move.
    h.key_press(Key::Enter);
    h.key_press(Key::J);
    h.key_press(Key::Enter);
    h.key_press(Key::J);
    h.run();
    assert_eq!(annotation(&h, 0).1, Status::Confirmed);
    assert_eq!(annotation(&h, 1).1, Status::Confirmed);
    assert_eq!(annotation(&h, 2).1, Status::Suggested);
    assert_eq!(h.state().selection().map(|s| s.head), Some(2));
}

#[test]
fn an_older_review_offers_the_newer_place_names_and_keeps_its_own_until_asked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("review.ron");
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/sessions/v3_hyesan_review.ron"
    );
    std::fs::copy(fixture, &path).unwrap();
    let mut h = harness(ScriptedDialogs::default(), Some(path));
    let places = |h: &H| h.state().document().unwrap().session().taxonomy().places;
    assert_eq!(places(&h), 0, "opening a review does not change its places");
    h.get_by_label("Review").click();
    h.run();
    h.get_by_label_contains("Edit labels…").click();
    h.run();
    h.get_by_label_contains("only the labels' own places and aliases");
    h.get_by_label("Update place names").click();
    h.run();
    assert_eq!(places(&h), claimlens::model::suggest::places::EDITION);
    assert!(h.query_by_label("Update place names").is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(places(&h), 0, "undo restores the review's own places");
}
