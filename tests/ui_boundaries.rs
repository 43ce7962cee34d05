//! Splitting and merging sentences from the article view.

mod support;

use claimlens::model::LabelId;
use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use support::{ScriptedDialogs, harness, sentence_starting};

fn text_of(h: &egui_kittest::Harness<'_, claimlens::ui::ClaimlensApp>, i: usize) -> String {
    h.state()
        .document()
        .unwrap()
        .session()
        .sentence_text(i)
        .to_string()
}

fn count(h: &egui_kittest::Harness<'_, claimlens::ui::ClaimlensApp>) -> usize {
    h.state().document().unwrap().session().len()
}

#[test]
fn split_here_from_the_context_menu_keeps_the_label_and_undoes() {
    let mut h = harness(ScriptedDialogs::default(), None);
    let s = sentence_starting(h.state(), "Multiple sources in Ryanggang");
    let original = text_of(&h, s);
    h.get_by_label(&original).click();
    h.run();
    h.key_press(Key::Num4);
    h.run();
    let n = count(&h);

    h.get_by_label(&original).click_secondary();
    h.run();
    h.get_by_label("Split sentence here Alt+click").click();
    h.run();

    assert_eq!(count(&h), n + 1);
    let (left, right) = (text_of(&h, s), text_of(&h, s + 1));
    assert!(!left.is_empty() && !right.is_empty());
    assert_eq!(
        format!("{left} {right}"),
        original,
        "the split point is a word boundary"
    );
    let session = &h.state().document().unwrap().session();
    for i in [s, s + 1] {
        assert_eq!(
            session.annotations()[i].label,
            Some(LabelId::new("multiple"))
        );
    }
    // Both parts are listed in the claims panel with the label.
    h.get_by_label_contains(&format!("Sentence {}: Multiple sources", s + 2));

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(count(&h), n);
    assert_eq!(text_of(&h, s), original);
}

#[test]
fn click_then_s_splits_at_the_click_and_m_merges_back() {
    let mut h = harness(ScriptedDialogs::default(), None);
    let s = sentence_starting(h.state(), "Dr. Hana Lee");
    let original = text_of(&h, s);
    let n = count(&h);
    h.get_by_label(&original).click();
    h.run();
    h.key_press(Key::S);
    h.run();
    assert_eq!(count(&h), n + 1);
    assert_eq!(
        format!("{} {}", text_of(&h, s), text_of(&h, s + 1)),
        original
    );

    // M merges the selected sentence with the next: back to the original boundaries.
    assert_eq!(h.state().selection().map(|x| x.head), Some(s));
    h.key_press(Key::M);
    h.run();
    assert_eq!(count(&h), n);
    assert_eq!(text_of(&h, s), original);
}

#[test]
fn merge_from_the_context_menu_is_saved_in_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("merged.ron");
    let mut h = harness(ScriptedDialogs::answering([Some(path.clone())]), None);
    let s = sentence_starting(h.state(), "“A kilogram of rice");
    let first = text_of(&h, s);
    let second = text_of(&h, s + 1);
    h.get_by_label(&first).click_secondary();
    h.run();
    h.get_by_label("Merge with next sentence M").click();
    h.run();
    assert_eq!(text_of(&h, s), format!("{first} {second}"));

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let reopened = harness(ScriptedDialogs::default(), Some(path));
    assert_eq!(text_of(&reopened, s), format!("{first} {second}"));
    assert_eq!(count(&reopened), count(&h));
}
