//! The analyst's record: sources with reliability, credibility with its independence rule,
//! hedging, links, label merges, and the source summary.

use claimlens::io::session_file::{from_ron, to_ron};
use claimlens::model::record_edit::Disposal;
use claimlens::model::{
    Article, Command, CommandError, Credibility, Document, Hedging, LabelId, Link, LinkKind,
    Reliability, Session, Status, Taxonomy,
};

fn doc() -> Document {
    let text = "A source in Russia said the men left. Multiple sources said the men left. \
                KCNA said nothing happened. Prices have reportedly doubled.";
    let (session, _) = claimlens::model::suggest::with_suggestions(Session::new(
        Article::new("t", None, text),
        Taxonomy::default_preset(),
    ));
    Document::new(session, None)
}

fn apply(d: &mut Document, c: Result<Command, CommandError>) {
    d.apply(c.unwrap()).unwrap();
}

#[test]
fn credibility_1_needs_a_corroboration_from_a_different_source() {
    let mut d = doc();
    // Without any link: refused, with the reason.
    let err = d
        .session()
        .set_credibility(0, Credibility::Confirmed)
        .unwrap_err();
    assert!(err.to_string().contains("different source"), "{err}");

    // Two sources; claim 0 from Source A, claim 1 from Source B.
    let c = d
        .session()
        .new_source_for(0, Some(LabelId::new("in_russia")), &[]);
    apply(&mut d, c);
    let c = d
        .session()
        .new_source_for(1, Some(LabelId::new("multiple")), &[]);
    apply(&mut d, c);
    let a = d.session().annotations()[0].source.unwrap();
    let b = d.session().annotations()[1].source.unwrap();
    assert_eq!(d.session().source(a).unwrap().name, "Source A");
    assert_eq!(d.session().source(b).unwrap().name, "Source B");

    // A link to a claim of the SAME source does not count.
    let c = d.session().set_claim_source(2, Some(a));
    apply(&mut d, c);
    let to_same = Link {
        kind: LinkKind::Corroborates,
        to: d.session().ids()[2],
    };
    let c = d.session().add_link(0, to_same);
    apply(&mut d, c);
    assert!(
        d.session()
            .set_credibility(0, Credibility::Confirmed)
            .is_err()
    );

    // A corroboration by Source B does.
    let to_other = Link {
        kind: LinkKind::Corroborates,
        to: d.session().ids()[1],
    };
    let c = d.session().add_link(0, to_other);
    apply(&mut d, c);
    let c = d.session().set_credibility(0, Credibility::Confirmed);
    apply(&mut d, c);
    assert_eq!(
        d.session().annotations()[0].credibility,
        Credibility::Confirmed
    );
    assert_eq!(b, d.session().annotations()[1].source.unwrap());

    // Removing the corroboration that grade rests on is refused.
    assert!(d.session().remove_link(0, to_other).is_err());
    // Every change was one undo step.
    for _ in 0..6 {
        assert!(d.undo());
    }
    assert_eq!(d.session(), doc().session());
}

#[test]
fn reliability_and_credibility_make_the_grade_and_everything_round_trips() {
    let mut d = doc();
    let c = d
        .session()
        .new_source_for(0, Some(LabelId::new("in_russia")), &[]);
    apply(&mut d, c);
    let id = d.session().annotations()[0].source.unwrap();
    let c = d.session().set_reliability(id, Reliability::B);
    apply(&mut d, c);
    let c = d.session().set_credibility(0, Credibility::Probable);
    apply(&mut d, c);
    let c = d.session().set_hedging(3, Hedging::Hearsay);
    apply(&mut d, c);
    let link = Link {
        kind: LinkKind::Contradicts,
        to: d.session().ids()[2],
    };
    let c = d.session().add_link(1, link);
    apply(&mut d, c);
    let mut source = d.session().source(id).unwrap().clone();
    source.descriptor =
        "Phone contact in Vladivostok; two years, accurate; may favour workers".into();
    d.apply(Command::UpdateSource { source }).unwrap();

    let a = &d.session().annotations()[0];
    let r = d.session().source(a.source.unwrap()).unwrap().reliability;
    assert_eq!(claimlens::model::record::grade(r, a.credibility), "B2");
    let back = from_ron(&to_ron(d.session())).unwrap();
    assert_eq!(&back, d.session());
}

#[test]
fn merging_two_labels_moves_claims_and_sources_to_the_survivor() {
    let mut d = doc();
    let c = d
        .session()
        .new_source_for(0, Some(LabelId::new("in_russia")), &[]);
    apply(&mut d, c);
    let before = d.session().clone();
    let c = d
        .session()
        .merge_labels(&LabelId::new("in_russia"), &LabelId::new("in_china"));
    apply(&mut d, c);
    assert!(
        d.session()
            .taxonomy()
            .get(&LabelId::new("in_russia"))
            .is_none()
    );
    assert_eq!(
        d.session().annotations()[0].label,
        Some(LabelId::new("in_china"))
    );
    assert_eq!(
        d.session().annotations()[0].status,
        Status::Suggested,
        "status is kept"
    );
    let source = d.session().annotations()[0].source.unwrap();
    assert_eq!(
        d.session().source(source).unwrap().label,
        Some(LabelId::new("in_china"))
    );
    d.undo();
    assert_eq!(d.session(), &before);
}

#[test]
fn deleting_a_label_in_use_clears_or_moves_its_claims_and_plain_removal_is_refused() {
    let mut d = doc();
    let hedged = LabelId::new("hedged");
    assert!(
        d.apply(Command::RemoveLabel { id: hedged.clone() })
            .is_err()
    );
    let c = d.session().delete_label(&hedged, Disposal::Clear);
    apply(&mut d, c);
    assert_eq!(d.session().annotations()[3].label, None);
    assert!(d.session().taxonomy().get(&hedged).is_none());
}

#[test]
fn hotkey_conflicts_are_refused() {
    let mut d = doc();
    let mut label = d.session().taxonomy().labels[0].clone();
    label.key = d.session().taxonomy().labels[1].key;
    let err = d.apply(Command::UpdateLabel { label }).unwrap_err();
    assert!(err.to_string().contains("hotkey"), "{err}");
}

#[test]
fn the_summary_counts_claims_per_source_and_single_anonymous_share() {
    let mut d = doc();
    let c = d
        .session()
        .new_source_for(0, Some(LabelId::new("in_russia")), &[]);
    apply(&mut d, c);
    let summary = d.session().source_summary();
    assert_eq!(summary.claims, 4);
    assert_eq!(summary.single_anonymous, 1);
    assert!((summary.single_anonymous_share() - 0.25).abs() < 1e-9);
    let mine = d.session().annotations()[0].source.unwrap();
    let row = |s: &claimlens::model::record_edit::SourceSummary| {
        s.rows.iter().find(|r| r.id == mine).unwrap().clone()
    };
    assert_eq!(row(&summary).claims, 1);
    // A corroboration by another claim lifts it out of "single anonymous".
    let link = Link {
        kind: LinkKind::Corroborates,
        to: d.session().ids()[1],
    };
    let c = d.session().add_link(0, link);
    apply(&mut d, c);
    let summary = d.session().source_summary();
    assert_eq!(summary.single_anonymous, 0);
    assert_eq!(row(&summary).corroborated, vec![0]);
}

#[test]
fn a_proposed_source_replaced_by_the_analysts_own_goes_away_and_comes_back_on_undo() {
    let mut d = doc();
    let proposed = d.session().annotations()[0].source.unwrap();
    let before = d.session().source(proposed).unwrap().clone();
    assert!(before.proposed, "the engine proposes the Russia source");
    let others = d.session().sources().len() - 1;

    let c = d
        .session()
        .new_source_for(0, Some(LabelId::new("in_russia")), &[]);
    apply(&mut d, c);
    assert!(d.session().source(proposed).is_none());
    assert_eq!(d.session().sources().len(), others + 1);
    let mine = d
        .session()
        .source(d.session().annotations()[0].source.unwrap());
    assert_eq!(
        mine.map(|s| (s.name.as_str(), s.proposed)),
        Some(("Source A", false))
    );

    // Clearing a claim's proposed source likewise drops it when nothing else rests on it.
    let other = d.session().annotations()[1].source.unwrap();
    let c = d.session().set_claim_source(1, None);
    apply(&mut d, c);
    assert!(d.session().source(other).is_none());

    assert!(d.undo() && d.undo());
    assert_eq!(d.session(), doc().session());
}
