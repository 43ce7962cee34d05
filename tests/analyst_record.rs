//! The analyst's record: sources with reliability, credibility with its independence rule,
//! hedging, links, label merges, and the source summary; and two analysts' records compared
//! (`claimlens agree`).

use claimlens::io::session_file::{from_ron, to_ron};
use claimlens::model::record_edit::Disposal;
use claimlens::model::{
    Article, Command, CommandError, Credibility, Document, Hedging, LabelId, Link, LinkKind,
    Reliability, Session, Status, Taxonomy,
};

#[path = "analyst/adjudication.rs"]
mod adjudication;

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

mod agreement {
    use claimlens::io::save_session;
    use claimlens::model::anchor::reanchor;
    use claimlens::model::{Annotation, Article, Credibility, LabelId, Session, Status};
    use serde_json::Value;
    use std::path::{Path, PathBuf};
    use std::process::Command;

    /// A reviewed report: every sentence labelled and confirmed, graded.
    fn review(claims: usize) -> Session {
        let s = claimlens::samples::reviewed_report(claims);
        let annotations = s
            .annotations()
            .iter()
            .map(|a| Annotation {
                status: Status::Confirmed,
                label: a.label.clone().or(Some(LabelId::new("not_claim"))),
                ..a.clone()
            })
            .collect();
        rebuilt(&s, annotations)
    }

    fn rebuilt(s: &Session, annotations: Vec<Annotation>) -> Session {
        s.with_annotations(annotations)
    }

    fn relabel(s: &Session, every: usize, to: &str) -> Session {
        let mut annotations = s.annotations().to_vec();
        for a in annotations.iter_mut().step_by(every) {
            a.label = Some(LabelId::new(to));
        }
        rebuilt(s, annotations)
    }

    fn save(dir: &Path, name: &str, s: &Session) -> PathBuf {
        let path = dir.join(name);
        save_session(&path, s).expect("saves");
        path
    }

    fn agree(args: &[&Path], options: &[&str]) -> (bool, String, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_claimlens"))
            .arg("agree")
            .args(args)
            .args(options)
            .output()
            .expect("runs");
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    fn figures(args: &[&Path], options: &[&str]) -> Value {
        let mut options = options.to_vec();
        options.extend(["--format", "json"]);
        let (ok, out, err) = agree(args, &options);
        assert!(ok, "{err}");
        serde_json::from_str(&out).expect("JSON")
    }

    #[test]
    fn agreement_counts_what_the_analysts_did_and_says_what_it_left_out() {
        let dir = tempfile::tempdir().expect("a folder");
        let a = review(400);
        let n = a.len();
        let same = save(dir.path(), "same.ron", &a);
        let a_path = save(dir.path(), "a.ron", &a);
        let f = figures(&[&a_path, &same], &[]);
        for key in [
            "percent_agreement",
            "cohen_kappa",
            "alpha_nominal",
            "fleiss_kappa",
        ] {
            assert_eq!(f["figures"][key], 1.0, "{key}");
        }
        assert_eq!(f["lineup"]["boundaries"][0]["f1"], 1.0);
        // The second analyst chose "Other media" for every tenth sentence: exactly those
        // disagree (or agree, where the first chose it too).
        let b = relabel(&a, 10, "other_media");
        let changed = (0..n)
            .step_by(10)
            .filter(|&i| a.annotations()[i].label != b.annotations()[i].label)
            .count();
        assert!(changed > 20);
        let b_path = save(dir.path(), "b.ron", &b);
        let f = figures(&[&a_path, &b_path], &[]);
        let percent = f["figures"]["percent_agreement"].as_f64().unwrap();
        assert!((percent - (n - changed) as f64 / n as f64).abs() < 1e-9);
        let alpha = f["figures"]["alpha_nominal"].as_f64().unwrap();
        assert!(alpha > 0.5 && alpha < 1.0, "{alpha}");
        let confusion = &f["figures"]["confusion"];
        let total: u64 = confusion
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|r| r.as_array().unwrap())
            .map(|x| x.as_u64().unwrap())
            .sum();
        assert_eq!(total as usize, n);
        // Suggestions nobody confirmed are left out unless asked for; so are unlabelled
        // sentences.
        let mut annotations = b.annotations().to_vec();
        for a in annotations.iter_mut().take(30) {
            a.status = Status::Suggested;
        }
        for a in annotations.iter_mut().skip(30).take(20) {
            a.label = None;
        }
        let c_path = save(dir.path(), "c.ron", &rebuilt(&b, annotations));
        assert_eq!(
            figures(&[&a_path, &c_path], &[])["figures"]["compared"],
            n - 50
        );
        assert_eq!(
            figures(&[&a_path, &c_path], &["--suggested"])["figures"]["compared"],
            n - 20
        );
        assert_eq!(
            figures(&[&a_path, &c_path], &["--suggested", "--unlabelled"])["figures"]["compared"],
            n
        );
        let (ok, text, _) = agree(&[&a_path, &c_path], &[]);
        assert!(ok);
        for words in [
            "Left out: sentences without a label",
            "suggestions nobody confirmed",
            "Cohen's κ",
            "Krippendorff's α",
            "Confusion",
            "reliability of the source",
        ] {
            assert!(text.contains(words), "{words}:\n{text}");
        }
        // Three reviews: Fleiss and α, no Cohen.
        let f = figures(&[&a_path, &b_path, &same], &[]);
        assert!(f["figures"]["cohen_kappa"].is_null());
        assert!(f["figures"]["fleiss_kappa"].as_f64().unwrap() < 1.0);
    }

    #[test]
    fn grades_agree_on_their_scale_and_cannot_be_judged_is_left_out() {
        let dir = tempfile::tempdir().expect("a folder");
        let a = review(300);
        let mut annotations = a.annotations().to_vec();
        // One step apart on the credibility scale, everywhere: high ordinal agreement would
        // be wrong to expect; what must hold is that "cannot be judged" is not a value.
        for x in annotations.iter_mut() {
            x.credibility = Credibility::CannotJudge;
        }
        let b = rebuilt(&a, annotations);
        let (a_path, b_path) = (save(dir.path(), "a.ron", &a), save(dir.path(), "b.ron", &b));
        let graded = a
            .annotations()
            .iter()
            .filter(|x| x.credibility != Credibility::CannotJudge)
            .count();
        assert!(graded > 0);
        let f = figures(&[&a_path, &b_path], &[]);
        assert_eq!(f["figures"]["credibility"]["compared"], 0);
        assert!(f["figures"]["credibility"]["alpha_ordinal"].is_null());
        let f = figures(&[&a_path, &a_path], &[]);
        assert_eq!(f["figures"]["credibility"]["compared"], graded);
        assert_eq!(f["figures"]["credibility"]["alpha_ordinal"], 1.0);
    }

    #[test]
    fn another_split_another_version_and_another_article() {
        let dir = tempfile::tempdir().expect("a folder");
        let a = review(120);
        let a_path = save(dir.path(), "a.ron", &a);
        // B merged sentences 3 and 4 (in one paragraph) into one, keeping the label of 3.
        let (mut sentences, mut ids, mut annotations) = (
            a.sentences().to_vec(),
            a.ids().to_vec(),
            a.annotations().to_vec(),
        );
        let i = (0..a.len() - 1)
            .find(|&i| {
                a.paragraphs()
                    .iter()
                    .any(|p| p.start <= sentences[i].start && sentences[i + 1].end <= p.end)
                    && annotations[i].label != annotations[i + 1].label
            })
            .expect("two sentences in a paragraph");
        sentences[i].end = sentences[i + 1].end;
        sentences.remove(i + 1);
        let gone = ids.remove(i + 1);
        annotations.remove(i + 1);
        for x in &mut annotations {
            x.links.retain(|l| l.to != gone);
        }
        let merged = Session::from_saved(
            a.article().clone(),
            a.taxonomy().clone(),
            (a.paragraphs().to_vec(), sentences, ids),
            annotations,
            a.sources().to_vec(),
        );
        let m_path = save(dir.path(), "merged.ron", &merged);
        let f = figures(&[&a_path, &m_path], &[]);
        let b = &f["lineup"]["boundaries"][0];
        assert_eq!(
            b["first"].as_u64().unwrap(),
            b["other"].as_u64().unwrap() + 1
        );
        assert_eq!(b["shared"], b["other"]);
        assert!(f["figures"]["percent_agreement"].as_f64().unwrap() < 1.0);
        assert_eq!(f["figures"]["compared"], a.len());

        // C reviewed a later version of the article (a new first paragraph, one sentence
        // gone): its claims are re-anchored onto A's text, the lost one listed.
        let text = &a.article().text;
        let gone = &text[a.sentences()[5].range()];
        let edited = format!(
            "An editor's note opens the page.\n\n{}",
            text.replacen(gone, "", 1)
        );
        let c = reanchor(&a, Article::new("later", None, &edited)).session;
        let c_path = save(dir.path(), "later.ron", &c);
        let f = figures(&[&c_path, &a_path], &[]);
        assert!(f["lineup"]["boundaries"][0].is_null());
        let unaligned = f["lineup"]["unaligned"].as_array().unwrap();
        assert!(
            unaligned.iter().any(|u| u["quote"] == gone),
            "{unaligned:?}"
        );
        assert_eq!(f["figures"]["percent_agreement"], 1.0);

        // Another article altogether: refused, naming the files.
        let other = review(40);
        let other = Session::new(
            Article::new(
                "other",
                None,
                "Nothing here is in the first report. Not one sentence.",
            ),
            other.taxonomy().clone(),
        );
        let mut annotations = other.annotations().to_vec();
        annotations[0].label = Some(LabelId::new("official"));
        annotations[1].label = Some(LabelId::new("official"));
        let o_path = save(dir.path(), "other.ron", &rebuilt(&other, annotations));
        let (ok, _, err) = agree(&[&a_path, &o_path], &[]);
        assert!(!ok);
        assert!(
            err.contains("another article") && err.contains("other.ron"),
            "{err}"
        );
        // A damaged file: its name and the problem, no panic.
        let bad = dir.path().join("bad.ron");
        std::fs::write(&bad, "(version: 6, article: (").unwrap();
        let (ok, _, err) = agree(&[&a_path, &bad], &[]);
        assert!(
            !ok && err.contains("bad.ron") && !err.contains("panicked"),
            "{err}"
        );
    }

    #[test]
    fn labels_are_matched_by_name_and_the_ones_without_a_match_are_listed() {
        let dir = tempfile::tempdir().expect("a folder");
        let a = review(120);
        let mut taxonomy = a.taxonomy().clone();
        // B's taxonomy spells one label's id differently (same name) and renames another.
        let official = taxonomy
            .labels
            .iter_mut()
            .find(|l| l.id.as_str() == "official")
            .unwrap();
        official.id = LabelId::new("on_record");
        let expert = taxonomy
            .labels
            .iter_mut()
            .find(|l| l.id.as_str() == "expert")
            .unwrap();
        expert.name = "Analyst or scholar".into();
        let annotations: Vec<Annotation> = a
            .annotations()
            .iter()
            .map(|x| Annotation {
                label: x.label.as_ref().map(|l| match l.as_str() {
                    "official" => LabelId::new("on_record"),
                    _ => l.clone(),
                }),
                ..x.clone()
            })
            .collect();
        assert!(
            annotations
                .iter()
                .any(|x| x.label.as_ref().is_some_and(|l| l.as_str() == "expert"))
        );
        let b = Session::from_saved(
            a.article().clone(),
            taxonomy,
            (
                a.paragraphs().to_vec(),
                a.sentences().to_vec(),
                a.ids().to_vec(),
            ),
            annotations,
            a.sources().to_vec(),
        );
        let (a_path, b_path) = (save(dir.path(), "a.ron", &a), save(dir.path(), "b.ron", &b));
        let f = figures(&[&a_path, &b_path], &[]);
        let unmatched: Vec<&str> = f["lineup"]["unmatched_labels"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["label"].as_str().unwrap())
            .collect();
        assert_eq!(unmatched, ["Analyst or scholar", "Expert"]);
        // "Official" under another id is the same label; "Expert" renamed is not.
        let per_label = f["figures"]["per_label"].as_array().unwrap();
        let alpha = |name: &str| {
            per_label
                .iter()
                .find(|l| l["label"] == name)
                .map(|l| l["alpha"].clone())
        };
        assert_eq!(alpha("Official / on record"), Some(Value::from(1.0)));
        assert!(alpha("Expert").unwrap().as_f64().unwrap() < 1.0);
    }
}
