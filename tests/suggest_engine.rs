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
        .map(|x| (x.kind, x.label.map(|l| l.0.to_string())))
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
    assert!(s.article().text[cue.range()].starts_with("A source in Russia told"));
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
    d.apply(add_place_label_command(d.session(), &suggestions, "Seoul"))
        .unwrap();
    let label = d.session().taxonomy().labels.last().unwrap().clone();
    assert_eq!(label.name, "Source in Seoul");
    assert_eq!(label.kind, SourceKind::AnonymousSource);
    assert_eq!(d.session().annotations()[0].label, Some(label.id.clone()));
    assert_eq!(d.session().annotations()[0].status, Status::Suggested);
    // Later suggestions use the new label.
    assert_eq!(suggest::suggest(d.session())[0].label, Some(label.id));
    // One step to undo.
    d.undo();
    assert_eq!(d.session().taxonomy(), &Taxonomy::default_preset());
    assert_eq!(d.session().annotations()[0].label, None);
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
    d.apply(place_command(d.session(), &suggestions).unwrap())
        .unwrap();
    assert_eq!(
        d.session().annotations()[0].label,
        Some(LabelId::new("official"))
    );
    assert_eq!(d.session().annotations()[0].status, Status::Confirmed);
    assert_eq!(
        d.session().annotations()[1].label,
        Some(LabelId::new("hedged"))
    );
    assert_eq!(d.session().annotations()[1].status, Status::Suggested);
    // Re-running changes nothing more.
    assert!(place_command(d.session(), &suggestions).is_none());

    d.apply(accept_command(d.session(), [1]).unwrap()).unwrap();
    assert_eq!(d.session().annotations()[1].status, Status::Confirmed);
    assert!(
        accept_command(d.session(), [0, 1]).is_none(),
        "nothing left to accept"
    );
}

#[test]
fn accept_above_a_threshold_is_one_step() {
    let text = "A source in Russia said the men left. Prices have reportedly doubled. \
                The bridge opened in 2014.";
    let (s, suggestions) = suggest::with_suggestions(session(text));
    let mut d = Document::new(s, None);
    let before = d.session().clone();
    d.apply(accept_above_command(d.session(), &suggestions, 0.75).unwrap())
        .unwrap();
    let statuses: Vec<Status> = d.session().annotations().iter().map(|a| a.status).collect();
    // 0.92 and 0.8 pass; the bare fact (0.6) stays a suggestion.
    assert_eq!(
        statuses,
        [Status::Confirmed, Status::Confirmed, Status::Suggested]
    );
    d.undo();
    assert_eq!(d.session(), &before);
}

/// The kind of each sentence, in order.
fn kinds_only(text: &str) -> Vec<SourceKind> {
    kinds(text).into_iter().map(|(k, _)| k).collect()
}

/// The kind and label of the sentence that starts with `start`.
fn of(text: &str, start: &str) -> (SourceKind, Option<String>) {
    let s = session(text);
    let i = (0..s.len())
        .find(|&i| s.sentence_text(i).starts_with(start))
        .unwrap_or_else(|| panic!("no sentence starts with {start:?}"));
    let x = &suggest::suggest(&s)[i];
    (x.kind, x.label.as_ref().map(|l| l.0.to_string()))
}

// --- attribution frames -------------------------------------------------------------------

#[test]
fn frames_before_after_and_around_the_main_clause() {
    use SourceKind::*;
    let nk = || Some("inside_nk".to_string());
    // The source after the verb, inverted after a quotation, with a relative clause.
    assert_eq!(
        of(
            "“Rice is scarce,” said a source in Hyesan who asked not to be named.",
            "“Rice"
        ),
        (AnonymousSource, nk())
    );
    // A frame that closes the sentence governs it, whatever comes before.
    assert_eq!(
        kinds_only(
            "The leadership seems eager to send workers, multiple sources told Amnok Monitor."
        ),
        [MultipleSources]
    );
    assert_eq!(
        of(
            "Prices doubled in a week, according to a source in Musan County.",
            "Prices"
        ),
        (AnonymousSource, nk())
    );
    // A participle clause before the subject: the main clause decides.
    assert_eq!(
        of(
            "Speaking on the phone with Amnok Monitor, the source, who is based in Yangkang Province, said the market closed.",
            "Speaking"
        ),
        (AnonymousSource, nk())
    );
    // A frame inside a subordinate clause is background.
    assert_eq!(
        kinds_only("The comments mark a shift from last month, when Peskov dismissed the reports."),
        [Unattributed]
    );
    // The main clause beats a subordinate "following reports that …".
    assert_eq!(
        kinds_only(
            "Following reports that the envoy had promised aid, Amnok Monitor has learned that no aid arrived."
        ),
        [OwnReporting]
    );
}

#[test]
fn conduits_relays_and_soundbites() {
    use SourceKind::*;
    // Another outlet as the conduit of a named source.
    assert_eq!(
        kinds_only(
            "Citing a source in Ryanggang Province, Radio Free Asia reported that 30 workers crossed the river."
        ),
        [OtherMedia]
    );
    // A named official relayed by a news agency, passive or active.
    assert_eq!(
        kinds_only(
            "Deputy Governor Sergei Bondarenko was quoted by Interfax as saying that builders were short."
        ),
        [OtherMedia]
    );
    assert_eq!(
        kinds_only(
            "Radio Free Asia cited two residents of Hyesan as saying that rice had run out."
        ),
        [OtherMedia]
    );
    // A broadcast soundbite: the colon stands for the verb.
    assert_eq!(
        kinds_only(
            "[Soundbite] Prof. Nam Gi-seok (Kyungnam University) : “Pyongyang is selling labor.”"
        ),
        [Expert]
    );
    // State media are other media.
    assert_eq!(
        kinds_only(
            "North Korea's official Korean Central News Agency on Sunday denounced the drills."
        ),
        [OtherMedia]
    );
}

#[test]
fn who_speaks_decides_between_official_anonymous_and_several() {
    use SourceKind::*;
    let cases = [
        (
            "A United Nations official said on Monday that the plan breaks sanctions.",
            Official,
        ),
        (
            "A South Korean official, speaking on condition of anonymity, said the ships were tracked.",
            AnonymousSource,
        ),
        (
            "U.S. officials said the shipments began in March.",
            MultipleSources,
        ),
        (
            "Two people familiar with the matter said the talks stalled.",
            MultipleSources,
        ),
        (
            "Sources close to the Kremlin said the decision was taken in May.",
            MultipleSources,
        ),
        (
            "The National Intelligence Service believes the workers are soldiers.",
            Official,
        ),
        (
            "Kyiv and Seoul accused Pyongyang of sending troops.",
            Official,
        ),
        (
            "The Kremlin spokesperson on Oct. 21 called the reports contradictory.",
            Official,
        ),
        (
            "Analysts view the increase as a sign of economic trouble.",
            Expert,
        ),
        (
            "Commercial satellite imagery from June 9 shows a new yard.",
            Document,
        ),
        (
            "The embassy did not respond to a request for comment.",
            Unattributed,
        ),
        (
            "North Korea has continued to send workers abroad.",
            Unattributed,
        ),
        (
            "The Treasury Department added two firms to its sanctions list.",
            Unattributed,
        ),
    ];
    for (text, kind) in cases {
        assert_eq!(kinds_only(text)[0], kind, "{text}");
    }
    // "Sources close to the Kremlin": an affiliation, not a place.
    let s = session("Sources close to the Kremlin said the decision was taken in May.");
    assert_eq!(suggest::suggest(&s)[0].location, None);
}

#[test]
fn the_publisher_is_read_from_the_text() {
    use SourceKind::*;
    let text = "A source in Hyesan told Amnok Monitor on Friday that prices rose.\n\n\
                Amnok Monitor reported last month that the market had closed.\n\n\
                The Seoul Morning Post reported that guards were replaced.";
    assert_eq!(
        kinds_only(text),
        [AnonymousSource, OwnReporting, OtherMedia]
    );
    // Republished copy: the republisher is the publisher, the wire other media.
    let wire = "SEOUL, Oct. 4 (Hangang) -- Rice prices rose, residents said.\n\n\
                Hangang reported in August that the market had closed.\n\n\
                Republished by The Mokpo Evening Post under a content-sharing agreement.";
    assert_eq!(of(wire, "Hangang reported").0, OtherMedia);
}

#[test]
fn the_outlets_people_parts_and_groups_speak_as_what_they_are() {
    use SourceKind::*;
    let text = "By Kim Ha-na | Amnok Monitor\n\n\
                Our correspondent in Dandong saw dozens of trucks crossing the bridge.\n\n\
                This reporter spoke to three of the men by phone.\n\n\
                The BBC's Korean service reported that the men were paid nothing.\n\n\
                Those interviewed said they wanted to stay.\n\n\
                Most of those interviewed said the food was poor.\n\n\
                Others said the food was adequate.\n\n\
                An analysis of customs data by Amnok Monitor found three voyages in March.\n\n\
                The invoices, copies of which were reviewed by Amnok Monitor, list 40 men.";
    let got = kinds_only(text);
    assert_eq!(
        got[1..],
        [
            OwnReporting,
            OwnReporting,
            OtherMedia,
            MultipleSources,
            MultipleSources,
            MultipleSources,
            OwnReporting,
            Document,
        ]
    );
}

#[test]
fn a_document_refers_back_only_to_a_document_of_its_kind() {
    let text = "Satellite images show 40 new barracks at the site.\n\n\
                The online timetable shows two flights a week to Vladivostok.\n\n\
                The images also show a new rail spur.";
    let s = session(text);
    let got = suggest::suggest(&s);
    let name = |i: usize| got[i].source.as_ref().map(|p| p.index);
    assert!(got.iter().all(|x| x.kind == SourceKind::Document));
    assert_ne!(name(1), name(0), "a timetable is not the images");
    assert_eq!(name(2), name(0), "\"the images\" are the images");
}

#[test]
fn where_a_source_came_from_does_not_place_it() {
    let label = |text: &str| of(text, "\u{201c}").1;
    // Someone who left: the province is an origin, not a location.
    assert_eq!(
        label(
            "\u{201c}We worked until dark,\u{201d} said a woman from South Hwanghae Province who left North Korea in 2023."
        ),
        None
    );
    assert_eq!(
        label(
            "\u{201c}We worked until dark,\u{201d} said a prisoner from South Hamgyong Province."
        ),
        None
    );
    // Someone there still is placed there.
    assert_eq!(
        label("\u{201c}We worked until dark,\u{201d} said a woman from South Hwanghae Province.")
            .as_deref(),
        Some("inside_nk")
    );
}

#[test]
fn impersonal_and_tracked_own_reporting() {
    use SourceKind::*;
    let text = "By Kim Ha-na | Amnok Monitor\n\n\
                The order doubles the sum each worker must pay, it was learned on Tuesday.\n\n\
                According to the Amnok Monitor Shipping Tracker, 64 voyages were recorded.";
    assert_eq!(kinds_only(text)[1..], [OwnReporting, OwnReporting]);
}

#[test]
fn groups_and_newspapers_reports_speak_as_their_members_and_papers() {
    use SourceKind::*;
    let s = session("A group of workers who returned in March described the beatings.");
    let x = &suggest::suggest(&s)[0];
    assert_eq!(x.kind, MultipleSources);
    assert_eq!(x.unmatched_location, None, "\"in March\" is no place");
    assert_eq!(
        kinds_only("A report in the Asahi Shimbun said the ship was registered abroad."),
        [OtherMedia]
    );
    // An unknown place is still offered as one.
    let s = session("A source in Port Sudan said the ship was registered abroad.");
    assert_eq!(
        suggest::suggest(&s)[0].unmatched_location.as_deref(),
        Some("Port Sudan")
    );
}

#[test]
fn hedges_count_only_without_a_source() {
    use SourceKind::*;
    assert_eq!(kinds_only("Prices have reportedly doubled."), [Hedged]);
    assert_eq!(
        kinds_only("The plant is also thought to employ 3,000 workers."),
        [Hedged]
    );
    assert_eq!(
        kinds_only("Prices have reportedly doubled, a source in Dandong said."),
        [AnonymousSource]
    );
    assert_eq!(
        kinds_only("A United Nations official reportedly said the deployment breaks sanctions."),
        [Official]
    );
}

// --- the discourse state: anaphora, quotations, carry-over ---------------------------------

#[test]
fn the_source_refers_to_the_last_source_not_the_last_sentence() {
    let text = "A source in Hyesan told Amnok Monitor that guards were replaced. \
                The Foreign Ministry said in a statement that trade was normal. \
                Radio Free Asia reported that prices rose. \
                The source said the new guards demand larger bribes.";
    let s = session(text);
    let got = suggest::suggest(&s);
    assert_eq!(got[3].kind, SourceKind::AnonymousSource);
    assert_eq!(got[3].label.as_ref().map(|l| l.as_str()), Some("inside_nk"));
    assert_eq!(
        got[3].source.as_ref().map(|p| p.index),
        got[0].source.as_ref().map(|p| p.index)
    );
}

#[test]
fn anaphors_of_each_class_resolve_to_a_compatible_source() {
    use SourceKind::*;
    // "the official added" skips a named person to the official.
    let text = "A United Nations official said the plan breaks sanctions. \
                Kim Ji-hoon, a trader in Dandong, said prices were high. \
                The official added that equipment would also be banned.";
    assert_eq!(kinds_only(text), [Official, NamedPerson, Official]);
    // "the spokesperson" and a surname refer to the named spokesperson.
    let text = "“We see a lot of contradictory information,” Kremlin spokesperson Dmitry Peskov told reporters. \
                The spokesperson said questions should go to the Defense Ministry. \
                Peskov said the cooperation was lawful.";
    let s = session(text);
    let got = suggest::suggest(&s);
    assert!(got.iter().all(|x| x.kind == NamedPerson), "{got:?}");
    assert!(
        got.iter()
            .all(|x| x.source.as_ref().map(|p| p.index) == Some(0))
    );
    // "the reporting partner" prefers a partner over a source met since.
    let text = "A reporting partner in Hyesan explained that two people were arrested. \
                A source in Dandong said trucks stopped. \
                The reporting partner continued, “Everyone is frightened.”";
    assert_eq!(
        of(text, "The reporting partner").1.as_deref(),
        Some("inside_nk")
    );
    // "one of them": one member of an anonymous group is an anonymous source.
    let text = "Two officials in Vladivostok, speaking on condition of anonymity, said the fines were small. \
                “The fines are for show,” one of them said.";
    assert_eq!(kinds_only(text), [MultipleSources, AnonymousSource]);
    // "he added" takes the person speaking.
    assert_eq!(
        of(
            "A source in Russia said the men left. “Nobody was paid,” he added.",
            "“Nobody"
        )
        .1
        .as_deref(),
        Some("in_russia")
    );
}

#[test]
fn quotations_take_their_speaker_across_sentences_and_paragraphs() {
    use SourceKind::*;
    // Attribution at the end of a quotation of several sentences, with a bracketed insertion.
    let text = "“[The authorities] plan to send them in spring. Nobody wants to go,” said the source in Hyesan.";
    assert_eq!(kinds_only(text), [AnonymousSource, AnonymousSource]);
    // A quotation that opens the next paragraph is the voice of the last source.
    let text =
        "A source in Dandong told Amnok Monitor that trucks stopped.\n\n“Nobody crosses now.”";
    assert_eq!(kinds(text)[1], (AnonymousSource, Some("in_china".into())));
    // A quotation over two paragraphs, attributed at its end.
    let text = "“The guards came at night.\n\n“They took everything,” said a source in Musan.";
    assert_eq!(kinds_only(text), [AnonymousSource, AnonymousSource]);
    // A bare sentence after a source is unattributed, the possible carry-over noted.
    let s = session("A source in Hyesan said rice rose. The market closes at 6 p.m.");
    let x = &suggest::suggest(&s)[1];
    assert_eq!((x.kind, x.carried_from), (Unattributed, Some(0)));
}

#[test]
fn furniture_in_real_shapes_is_not_a_claim() {
    let text = "Rice prices climb as border trade stalls\n\n\
                By Yoon Seo-jin | Amnok Monitor\n\n\
                North Korean workers in Russia.\n(Courtesy of Lev Orlov)\n\n\
                A source in Hyesan said prices rose. (Kang Ji-won)\n\n\
                In this undated photo, a view of Hyesan. / Image: Amnok Monitor\n\n\
                ※ Amnok Monitor contacts its reporting partners by phone.\n\n\
                Read in Korean\n\n\
                Jane Kim is one of Amnok Monitor's full-time journalists.";
    let s = session(text);
    let got = suggest::suggest(&s);
    for (i, x) in got.iter().enumerate() {
        let t = s.sentence_text(i);
        let claim = t.starts_with("A source in Hyesan");
        assert_eq!(x.kind == SourceKind::NotAClaim, !claim, "{t}");
    }
}

// --- places ----------------------------------------------------------------------------------

#[test]
fn places_come_from_the_gazetteer_and_ambiguous_names_are_not_guessed() {
    let label = |text: &str| of(text, "A").1;
    assert_eq!(
        label("A trader in Ussuriysk said wages fell.").as_deref(),
        Some("in_russia")
    );
    assert_eq!(
        label("A Hyesan-based source said wages fell.").as_deref(),
        Some("inside_nk")
    );
    assert_eq!(
        label("A source in North Hamkyung Province said wages fell.").as_deref(),
        Some("inside_nk")
    );
    assert_eq!(
        label("A source in Yanbian said wages fell.").as_deref(),
        Some("in_china")
    );
    // Goseong is a county on both sides of the border: only context decides.
    assert_eq!(
        label("A source in Goseong said the beach was closed."),
        None
    );
    assert_eq!(
        label("A source in North Korea's Kosong County said the beach was closed.").as_deref(),
        Some("inside_nk")
    );
    assert_eq!(
        label("A source in South Korea's Goseong County said the beach was closed."),
        None
    );
}

#[test]
fn an_older_review_takes_in_new_places_only_when_the_analyst_updates_them() {
    use claimlens::model::Command;
    let text = "A trader in Ussuriysk said wages fell.\n\nA source in Musan said rice ran out.";
    let mut old = session(text);
    // A review made before the gazetteer: only the labels' own places and aliases.
    old.apply(Command::SetPlaces { edition: 0 }).unwrap();
    let labels = |s: &Session| -> Vec<Option<String>> {
        suggest::suggest(s)
            .into_iter()
            .map(|x| x.label.map(|l| l.0.to_string()))
            .collect()
    };
    assert_eq!(labels(&old), [None, None]);
    let edition = old
        .taxonomy()
        .newer_places()
        .expect("a newer edition is offered");
    let mut doc = Document::new(old, None);
    doc.apply(Command::SetPlaces { edition }).unwrap();
    assert_eq!(
        labels(doc.session()),
        [Some("in_russia".to_string()), Some("inside_nk".to_string())]
    );
    assert_eq!(doc.session().taxonomy().newer_places(), None);
    assert_eq!(
        doc.undo_description().as_deref(),
        Some("update place names")
    );
    assert!(doc.undo());
    assert_eq!(labels(doc.session()), [None, None]);
}

#[test]
fn sources_are_proposed_and_accepted_with_the_suggestion() {
    let text = "A source in Hyesan told Amnok Monitor that guards were replaced. \
                According to the source, the new guards demand bribes. \
                Prices have reportedly doubled.";
    let (s, suggestions) = suggest::with_suggestions(session(text));
    assert_eq!(s.sources().len(), 1);
    let source = &s.sources()[0];
    assert!(source.proposed);
    assert_eq!(source.name, "source in Hyesan");
    assert_eq!(source.label, Some(LabelId::new("inside_nk")));
    assert_eq!(s.annotations()[0].source, Some(source.id));
    assert_eq!(s.annotations()[1].source, Some(source.id));
    assert_eq!(s.annotations()[2].source, None);
    // Accepting a suggestion accepts the source it rests on, as one step.
    let mut d = Document::new(s, None);
    d.apply(accept_command(d.session(), [1]).unwrap()).unwrap();
    assert!(!d.session().sources()[0].proposed);
    assert_eq!(d.session().annotations()[1].status, Status::Confirmed);
    d.undo();
    assert!(d.session().sources()[0].proposed);
    assert_eq!(d.session().annotations()[1].status, Status::Suggested);
    // Re-running proposes nothing new.
    assert!(suggest::propose_sources_command(d.session(), &suggestions).is_none());
}
