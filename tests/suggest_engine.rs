//! The suggestion engine on cases an analyst meets daily, and the commands that put its
//! proposals in place without ever overriding the analyst.

use claimlens::model::suggest::{
    self, accept_above_command, accept_command, add_place_label_command, place_command,
};
use claimlens::model::{Article, Document, LabelId, Session, SourceKind, Status, Taxonomy};

fn session(text: &str) -> Session {
    Session::new(Article::new("t", None, text), Taxonomy::default_preset())
}

fn kinds(text: &str) -> Vec<(SourceKind, Option<String>)> {
    let s = session(text);
    suggest::suggest(&s)
        .into_iter()
        .map(|x| (x.kind, x.label.map(|l| l.0)))
        .collect()
}

#[test]
fn located_sources_before_and_after_the_verb_map_to_labels() {
    use SourceKind::*;
    let got = kinds(
        "A source in Ryanggang Province told Kestrel Report that rice rose. \
         Prices doubled, said a source inside North Korea. \
         According to a source in Dandong, trucks stopped. \
         A resident of Chongjin said the market closed.",
    );
    let nk = Some("inside_nk".to_string());
    assert_eq!(
        got,
        [
            (AnonymousSource, nk.clone()),
            (AnonymousSource, nk.clone()),
            (AnonymousSource, Some("in_china".into())),
            (AnonymousSource, nk),
        ]
    );
}

#[test]
fn cue_location_confidence_and_rule_are_reported() {
    let s = session("A source in Russia told Kestrel Report on July 25 that the men left.");
    let x = &suggest::suggest(&s)[0];
    let cue = x.cue.expect("a cue");
    assert!(s.article.text[cue.range()].starts_with("A source in Russia told"));
    assert_eq!(x.location.as_deref(), Some("Russia"));
    assert!(x.confidence > 0.8 && x.confidence <= 1.0);
    assert_eq!(x.rules[0], "frame-told");
}

#[test]
fn quotation_takes_the_attribution_at_its_end_and_he_added_carries_it() {
    let got = kinds(
        "“Rice is scarce. People eat corn. Nobody complains,” said a source in Hyesan. \
         “The guards are nervous,” he added. The market closes at 6 p.m.",
    );
    let nk = (SourceKind::AnonymousSource, Some("inside_nk".to_string()));
    assert_eq!(got[..4], [nk.clone(), nk.clone(), nk.clone(), nk]);
    // A bare sentence after an attributed one: unattributed, with the carry-over noted.
    let s = session("A source in Hyesan said rice rose. The market closes at 6 p.m.");
    let x = &suggest::suggest(&s)[1];
    assert_eq!(x.kind, SourceKind::Unattributed);
    assert_eq!(x.carried_from, Some(0));
    assert!(x.confidence < 0.5);
}

#[test]
fn every_kind_has_a_rule() {
    use SourceKind::*;
    let cases = [
        (
            "Kestrel Report has learned that the border closed.",
            OwnReporting,
        ),
        (
            "Multiple sources told Kestrel Report that trains stopped.",
            MultipleSources,
        ),
        (
            "The Foreign Ministry said in a statement that talks would resume.",
            Official,
        ),
        // State media are other media whose relayed statements also count as official.
        (
            "KCNA reported that the harvest exceeded the plan.",
            OtherMedia,
        ),
        (
            "Park Sung-ho, a shop owner in Seoul, said prices were high.",
            NamedPerson,
        ),
        (
            "Following reports that the envoy resigned, markets fell.",
            OtherMedia,
        ),
        (
            "According to the Seoul Morning Post, the envoy resigned.",
            OtherMedia,
        ),
        (
            "An internal order obtained by Kestrel Report bans private sales.",
            Document,
        ),
        (
            "Dr. Hana Lee, a researcher at a Seoul institute, said the data were thin.",
            Expert,
        ),
        ("Prices have reportedly doubled.", Hedged),
        ("The plant is said to employ 3,000 workers.", Hedged),
        (
            "The bridge opened in 2014 and carries most of the trade.",
            Unattributed,
        ),
        ("Photo: A market in Hyesan. (Kestrel Report)", NotAClaim),
        (
            "Please direct any comments or questions to the desk.",
            NotAClaim,
        ),
    ];
    for (text, kind) in cases {
        assert_eq!(kinds(text)[0].0, kind, "{text}");
    }
}

#[test]
fn a_place_no_label_covers_is_reported_and_one_command_adds_it() {
    let s = session(
        "A source in Seoul said the talks failed. Another source in Seoul agreed, he said.",
    );
    let suggestions = suggest::suggest(&s);
    assert_eq!(suggestions[0].kind, SourceKind::AnonymousSource);
    assert_eq!(suggestions[0].label, None);
    assert_eq!(suggestions[0].unmatched_location.as_deref(), Some("Seoul"));

    let mut d = Document::new(s, None);
    d.apply(add_place_label_command(&d.session, &suggestions, "Seoul"))
        .unwrap();
    let label = d.session.taxonomy.labels.last().unwrap().clone();
    assert_eq!(label.name, "Source in Seoul");
    assert_eq!(label.kind, SourceKind::AnonymousSource);
    assert_eq!(d.session.annotations[0].label, Some(label.id.clone()));
    assert_eq!(d.session.annotations[0].status, Status::Suggested);
    // Later suggestions use the new label.
    assert_eq!(suggest::suggest(&d.session)[0].label, Some(label.id));
    // One step to undo.
    d.undo();
    assert_eq!(d.session.taxonomy, Taxonomy::default_preset());
    assert_eq!(d.session.annotations[0].label, None);
}

#[test]
fn suggestions_never_overwrite_a_confirmed_label_and_accepting_confirms() {
    let s = session("A source in Russia said the men left. Prices have reportedly doubled.");
    let suggestions = suggest::suggest(&s);
    let mut d = Document::new(s, None);
    // The analyst disagrees with the first suggestion before it is even placed.
    d.apply(claimlens::model::Command::label(
        [0],
        Some(LabelId::new("official")),
    ))
    .unwrap();
    d.apply(place_command(&d.session, &suggestions).unwrap())
        .unwrap();
    assert_eq!(
        d.session.annotations[0].label,
        Some(LabelId::new("official"))
    );
    assert_eq!(d.session.annotations[0].status, Status::Confirmed);
    assert_eq!(d.session.annotations[1].label, Some(LabelId::new("hedged")));
    assert_eq!(d.session.annotations[1].status, Status::Suggested);
    // Re-running changes nothing more.
    assert!(place_command(&d.session, &suggestions).is_none());

    d.apply(accept_command(&d.session, [1]).unwrap()).unwrap();
    assert_eq!(d.session.annotations[1].status, Status::Confirmed);
    assert!(
        accept_command(&d.session, [0, 1]).is_none(),
        "nothing left to accept"
    );
}

#[test]
fn accept_above_a_threshold_is_one_step() {
    let text = "A source in Russia said the men left. Prices have reportedly doubled. \
                The bridge opened in 2014.";
    let (s, suggestions) = suggest::with_suggestions(session(text));
    let mut d = Document::new(s, None);
    let before = d.session.clone();
    d.apply(accept_above_command(&d.session, &suggestions, 0.75).unwrap())
        .unwrap();
    let statuses: Vec<Status> = d.session.annotations.iter().map(|a| a.status).collect();
    // 0.92 and 0.8 pass; the bare fact (0.6) stays a suggestion.
    assert_eq!(
        statuses,
        [Status::Confirmed, Status::Confirmed, Status::Suggested]
    );
    d.undo();
    assert_eq!(d.session, before);
}
