//! `claimlens corpus index|search|stats|export DIR` on a folder of reports we made: reviews
//! paired with their articles by name and by checksum, one article reviewed twice, an article
//! nobody reviewed, a damaged review listed with its problem, a label preset and a hidden
//! folder left out; statistics that add up to the claims, search lines with their context.

use claimlens::model::{Annotation, Article, LabelId, Session, Status, Taxonomy};
use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_claimlens");

fn article(title: &str, outlet: &str, date: &str, text: &str) -> Article {
    let mut a = Article::new(title, None, text);
    a.meta.site_name = Some(outlet.to_string());
    a.meta.published = Some(date.to_string());
    a
}

/// A review whose first `labels.len()` sentences carry these labels, confirmed.
fn review(a: Article, labels: &[&str]) -> Session {
    let s = Session::new(a, Taxonomy::default_preset());
    let annotations = s
        .annotations()
        .iter()
        .enumerate()
        .map(|(i, x)| Annotation {
            label: labels.get(i).map(|l| LabelId::new(*l)),
            status: Status::Confirmed,
            ..x.clone()
        })
        .collect();
    s.with_annotations(annotations)
}

const HYESAN: &str = "A trader in Hyesan said rice prices rose this week. \
    The provincial committee denied any shortage. The market closed early.";
const RASON: &str = "Officials in Rason said the port reopened. \
    A source in Vladivostok said three ships were waiting.";

fn corpus(dir: &Path) {
    std::fs::create_dir_all(dir.join("november/ledger")).unwrap();
    std::fs::create_dir_all(dir.join(".claimlens")).unwrap();
    let hyesan = article("Hyesan prices", "Tumen Ledger", "2026-11-18", HYESAN);
    // The article file is plain text: its metadata lives in the reviews.
    std::fs::write(dir.join("november/ledger/hyesan.txt"), HYESAN).unwrap();
    let save = |name: &str, s: &Session| claimlens::io::save_session(&dir.join(name), s).unwrap();
    save(
        "november/ledger/hyesan.kim.review.ron",
        &review(hyesan.clone(), &["inside_nk", "official", "not_claim"]),
    );
    // Another analyst's review of the same text, elsewhere and named otherwise: paired by
    // the text's checksum.
    save(
        "lee-hyesan.ron",
        &review(hyesan, &["other_media", "official"]),
    );
    let rason = article("Rason port", "Kestrel Report", "2026-12-01", RASON);
    save(
        "rason.review.ron",
        &review(rason, &["multiple", "in_russia"]),
    );
    std::fs::write(
        dir.join("november/unread.txt"),
        "Bridge talks\n\nA source in Sinuiju said the bridge reopened.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("broken.review.ron"),
        "(format: \"claimlens-session\", ver",
    )
    .unwrap();
    std::fs::write(
        dir.join("labels.ron"),
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/taxonomies/default.ron"
        ))
        .unwrap(),
    )
    .unwrap();
    save(".claimlens/cache.review.ron", &base_review());
    // One collector's account, first in Kestrel Report (below), relayed by the Tumen Ledger
    // with a few words rewritten.
    let relayed = article(
        "Rason port busy",
        "Tumen Ledger",
        "2026-10-25",
        "The weather in Seoul stayed cold all week long. \
         A source in Rason told the Tumen Ledger that three ships were waiting at the port.",
    );
    save(
        "ledger-ships.review.ron",
        &sourced(
            review(relayed, &["not_claim", "inside_nk"]),
            1,
            "A source in Rason",
        ),
    );
    // Kestrel's source in Rason again, a week after its first report: one recurring source.
    // The Tumen Ledger's source of that description is not assumed to be the same person.
    let again = article(
        "Fuel at Rason",
        "Kestrel Report",
        "2026-10-28",
        "A source in Rason said fuel prices doubled at the port market. \
         Traders at the market confirmed the rise.",
    );
    save(
        "kestrel-fuel.review.ron",
        &sourced(
            review(again, &["inside_nk", "unattributed"]),
            0,
            "source in Rason",
        ),
    );
    let first = article(
        "Ships at Rason",
        "Kestrel Report",
        "2026-10-20",
        "A source in Rason told Kestrel Report that three ships were waiting at the port. \
         Prices at the market in Hyesan rose by a third this month.",
    );
    save(
        "kestrel-ships.review.ron",
        &sourced(
            review(first, &["inside_nk", "inside_nk"]),
            0,
            "A Source in Rason",
        ),
    );
}

/// The review with a source of this name behind sentence `i`, graded B.
fn sourced(s: Session, i: usize, name: &str) -> Session {
    use claimlens::model::{Command, Document, Reliability, Source, SourceId};
    let id = SourceId(s.sources().len() as u32);
    let mut doc = Document::new(s, None);
    let source = Source {
        id,
        name: name.to_string(),
        label: Some(LabelId::new("inside_nk")),
        descriptor: String::new(),
        reliability: Reliability::B,
        proposed: false,
    };
    doc.apply(Command::AddSource { index: 0, source }).unwrap();
    let mut claim = doc.session().annotations()[i].clone();
    claim.source = Some(id);
    doc.apply(Command::SetAnnotation {
        sentence: i,
        annotation: Box::new(claim),
        what: "source".into(),
    })
    .unwrap();
    doc.session().clone()
}

fn base_review() -> Session {
    review(
        article("hidden", "Nobody", "2026-01-01", "Not to be listed."),
        &[],
    )
}

fn run(args: &[&str]) -> String {
    let out = Command::new(BIN).args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn a_folder_is_listed_searched_counted_and_exported() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    corpus(dir);
    let d = dir.to_str().unwrap();

    let listed: Vec<serde_json::Value> =
        serde_json::from_str(&run(&["corpus", "index", d, "--format", "json"])).unwrap();
    let files: Vec<&str> = listed.iter().map(|r| r["file"].as_str().unwrap()).collect();
    assert_eq!(
        files,
        [
            "broken.review.ron",
            "kestrel-fuel.review.ron",
            "kestrel-ships.review.ron",
            "ledger-ships.review.ron",
            "lee-hyesan.ron",
            "november/ledger/hyesan.kim.review.ron",
            "november/unread.txt",
            "rason.review.ron"
        ],
        "the label preset and the hidden folder are left out; hyesan.txt is reviewed"
    );
    let by = |f: &str| listed.iter().find(|r| r["file"] == f).unwrap();
    assert_eq!(by("broken.review.ron")["kind"], "damaged review");
    assert!(
        by("broken.review.ron")["problem"]
            .as_str()
            .unwrap()
            .contains("broken.review.ron")
    );
    for review in ["lee-hyesan.ron", "november/ledger/hyesan.kim.review.ron"] {
        assert_eq!(by(review)["article"], "hyesan.txt", "{review}");
    }
    let kim = &by("november/ledger/hyesan.kim.review.ron")["progress"];
    assert_eq!(
        (kim["sentences"].as_u64(), kim["reviewed"].as_u64()),
        (Some(3), Some(3))
    );
    let unread = by("november/unread.txt");
    assert_eq!(unread["kind"], "article");
    assert_eq!(unread["title"], "Bridge talks");
    assert_eq!(
        unread["progress"]["untouched"], 2,
        "its heading and its sentence"
    );
    assert_eq!(by("rason.review.ron")["outlet"], "Kestrel Report");
    let text = run(&["corpus", "index", d]);
    assert!(
        text.contains("6 reviews, 1 articles without a review, 1 that cannot be read"),
        "{text}"
    );

    // Statistics: per outlet and month, "(all)" first, adding up to the claims.
    let csv = run(&["corpus", "stats", d, "--format", "csv"]);
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(
        rows[0],
        "outlet,month,label,reports,claims,single_anonymous,single_anonymous_share,corroborated,corroboration_rate"
    );
    assert!(
        rows.contains(&"Kestrel Report,2026-12,(all),1,2,1,0.500,0,0.000"),
        "{csv}"
    );
    assert!(
        rows.contains(&"Kestrel Report,2026-12,Source in Russia,1,1,1,1.000,0,0.000"),
        "{csv}"
    );
    // Two reviews of the Hyesan report: five claims ("not a claim" is none), two of them
    // official; the one anonymous source inside the North stands alone.
    assert!(
        rows.contains(&"Tumen Ledger,2026-11,(all),2,4,1,0.250,0,0.000"),
        "{csv}"
    );
    assert!(
        rows.contains(&"Tumen Ledger,2026-11,Official / on record,2,2,0,0.000,0,0.000"),
        "{csv}"
    );

    // Search: text, with its context and label; filters by label and outlet.
    let found = run(&["corpus", "search", d, "hyesan"]);
    assert!(
        found.contains("november/ledger/hyesan.kim.review.ron:1  A trader in [Hyesan] said rice prices rose this week.  [Source inside North Korea]"),
        "{found}"
    );
    assert!(found.ends_with("3 matches\n"), "{found}");
    let only = run(&["corpus", "search", d, "said", "--label", "other media"]);
    assert!(
        only.contains("lee-hyesan.ron:1") && only.ends_with("1 matches\n"),
        "{only}"
    );
    // Whole words: "rice" is in "rice prices" once.
    let rice = run(&["corpus", "search", d, "rice"]);
    assert!(rice.ends_with("2 matches\n"), "{rice}");
    let outlet = run(&["corpus", "search", d, "said", "--outlet", "kestrel report"]);
    assert!(outlet.ends_with("3 matches\n"), "{outlet}");
    let bridge = run(&["corpus", "search", d, "BRIDGE", "--format", "json"]);
    let bridge: Vec<serde_json::Value> = serde_json::from_str(&bridge).unwrap();
    assert_eq!(bridge.len(), 2, "title and text of the unreviewed article");
    assert_eq!(
        bridge[1]["before"], "…talks A source in Sinuiju said the ",
        "40 characters, from a word"
    );

    // Export: one line per judged sentence, with the report's details.
    let lines: Vec<serde_json::Value> = run(&["corpus", "export", d])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3 + 2 + 2 + 2 + 2 + 2);
    assert!(
        lines
            .iter()
            .all(|l| l["article_sha256"].as_str().is_some_and(|s| s.len() == 64))
    );
    let rason: Vec<&serde_json::Value> = lines
        .iter()
        .filter(|l| l["file"] == "rason.review.ron")
        .collect();
    assert_eq!(rason.len(), 2);
    assert_eq!(rason[1]["label"], "Source in Russia");
    assert_eq!(rason[1]["published"], "2026-12-01");
}

#[test]
fn a_path_that_is_not_a_folder_is_refused_by_name() {
    let out = Command::new(BIN)
        .args(["corpus", "index", "/nonexistent/reports"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("/nonexistent/reports") && err.contains("not a folder"),
        "{err}"
    );
}

/// `corpus origins DIR` as JSON, and each group's claims as (file, sentence).
fn origins(d: &str) -> (Vec<serde_json::Value>, Vec<Vec<(String, u64)>>) {
    let groups: Vec<serde_json::Value> =
        serde_json::from_str(&run(&["corpus", "origins", d, "--format", "json"])).unwrap();
    let at = groups
        .iter()
        .map(|g| {
            g["claims"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| {
                    let file = c["file"].as_str().unwrap().to_string();
                    (file, c["sentence"].as_u64().unwrap())
                })
                .collect()
        })
        .collect();
    (groups, at)
}

#[test]
fn a_claim_relayed_by_another_outlet_is_one_origin_the_earliest_first() {
    let tmp = tempfile::tempdir().unwrap();
    corpus(tmp.path());
    let d = tmp.path().to_str().unwrap();
    let (groups, at) = origins(d);
    assert!(
        at.contains(&vec![
            ("kestrel-ships.review.ron".to_string(), 1),
            ("ledger-ships.review.ron".to_string(), 2)
        ]),
        "the Kestrel report came first: {at:?}"
    );
    let relayed = at
        .iter()
        .position(|g| g[0].0 == "kestrel-ships.review.ron")
        .unwrap();
    assert_eq!(
        (
            groups[relayed]["reports"].as_u64(),
            groups[relayed]["outlets"].as_u64()
        ),
        (Some(2), Some(2))
    );
    // The two analysts' reviews of one Hyesan report share its sentences word for word, but
    // they are one report, not two agreeing.
    assert_eq!(at.len(), 1, "nothing else is alike: {at:?}");
    let text = run(&["corpus", "origins", d]);
    assert!(
        text.contains("Same origin: 2 claims in 2 reports of 2 outlets"),
        "{text}"
    );
}

#[test]
fn an_outlets_source_in_several_reports_is_proposed_as_one() {
    let tmp = tempfile::tempdir().unwrap();
    corpus(tmp.path());
    let d = tmp.path().to_str().unwrap();
    let found: Vec<serde_json::Value> =
        serde_json::from_str(&run(&["corpus", "sources", d, "--format", "json"])).unwrap();
    assert_eq!(found.len(), 1, "only Kestrel's recurs: {found:?}");
    let s = &found[0];
    assert_eq!(
        (s["name"].as_str(), s["outlet"].as_str()),
        (Some("A Source in Rason"), Some("Kestrel Report"))
    );
    assert_eq!(
        (s["reports"].as_u64(), s["claims"].as_u64()),
        (Some(2), Some(2))
    );
    let files: Vec<&str> = s["appearances"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        files,
        ["kestrel-ships.review.ron", "kestrel-fuel.review.ron"],
        "in date order"
    );
    assert_eq!(s["appearances"][0]["reliability"], "B");
    // With --all, the Tumen Ledger's source of the same description stands apart.
    let all: Vec<serde_json::Value> =
        serde_json::from_str(&run(&["corpus", "sources", d, "--all", "--format", "json"])).unwrap();
    assert!(
        all.iter()
            .any(|x| x["outlet"] == "Tumen Ledger" && x["reports"] == 1),
        "{all:?}"
    );
    let text = run(&["corpus", "sources", d]);
    assert!(
        text.contains("A Source in Rason (Kestrel Report, Source inside North Korea): 2 reports, 2 claims; reliability 2026-10-20 B, 2026-10-28 B"),
        "{text}"
    );
}

/// Confirming or splitting a proposed recurring source is kept in the folder's corpus file,
/// which `corpus sources` then reads; a source the folder does not have is refused by name.
#[test]
fn a_recurring_source_is_confirmed_or_split_in_the_corpus_file() {
    let tmp = tempfile::tempdir().unwrap();
    corpus(tmp.path());
    let d = tmp.path().to_str().unwrap();
    let said = run(&[
        "corpus",
        "decide",
        d,
        "--outlet",
        "Kestrel Report",
        "--source",
        "a source in rason",
        "same",
        "--by",
        "kim",
    ]);
    assert!(
        said.contains("A Source in Rason (Kestrel Report), in 2 reports: one source"),
        "{said}"
    );
    let kept = std::fs::read_to_string(tmp.path().join(".claimlens/corpus.ron")).unwrap();
    assert!(
        kept.contains("verdict: same") && kept.contains("\"kim\""),
        "{kept}"
    );
    let found: Vec<serde_json::Value> =
        serde_json::from_str(&run(&["corpus", "sources", d, "--format", "json"])).unwrap();
    assert_eq!(found[0]["decision"], "same");
    assert!(run(&["corpus", "sources", d]).contains("confirmed: one source"));
    // The corpus file is not a report: the index does not list it.
    assert!(!run(&["corpus", "index", d]).contains("corpus.ron"));

    run(&[
        "corpus",
        "decide",
        d,
        "--outlet",
        "Kestrel Report",
        "--source",
        "A Source in Rason",
        "split",
    ]);
    let text = run(&["corpus", "sources", d]);
    assert!(text.contains("split: not one source"), "{text}");
    assert!(text.contains("0 still proposed"), "{text}");
    run(&[
        "corpus",
        "decide",
        d,
        "--outlet",
        "Kestrel Report",
        "--source",
        "a source in rason",
        "undecided",
    ]);
    assert!(run(&["corpus", "sources", d]).contains("1 still proposed"));

    let refused = Command::new(BIN)
        .args([
            "corpus",
            "decide",
            d,
            "--outlet",
            "Kestrel Report",
            "--source",
            "a ghost",
            "same",
        ])
        .output()
        .unwrap();
    assert!(!refused.status.success());
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(
        err.contains("no source \"a ghost\" of Kestrel Report"),
        "{err}"
    );
}

/// A date range keeps the reports published in it (a month to its end); a status keeps the
/// sentences whose label has it; an undated article is left out once a date is asked for.
#[test]
fn a_search_is_kept_to_a_date_range_and_a_status() {
    let tmp = tempfile::tempdir().unwrap();
    corpus(tmp.path());
    let d = tmp.path().to_str().unwrap();
    let files = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["corpus", "search", d];
        all.extend_from_slice(args);
        all.extend(["--format", "json"]);
        let hits: Vec<serde_json::Value> = serde_json::from_str(&run(&all)).unwrap();
        let mut files: Vec<String> = hits
            .iter()
            .map(|h| h["file"].as_str().unwrap().to_string())
            .collect();
        files.dedup();
        files
    };
    let every = files(&["ships"]);
    assert_eq!(every.len(), 3, "{every:?}");
    assert_eq!(
        files(&["ships", "--from", "2026-10-21", "--to", "2026-10"]),
        ["ledger-ships.review.ron"]
    );
    assert_eq!(files(&["ships", "--from", "2026-12"]), ["rason.review.ron"]);
    assert_eq!(
        files(&["ships", "--to", "2026-10-20"]),
        ["kestrel-ships.review.ron"]
    );
    // The unreviewed article has no date: in the plain search, not in a dated one.
    assert!(files(&["bridge"]).iter().any(|f| f.ends_with("unread.txt")));
    assert!(files(&["bridge", "--from", "2000"]).is_empty());
    // Every label in this folder is confirmed; lee left the last Hyesan sentence unlabelled.
    assert_eq!(files(&["ships", "--status", "confirmed"]).len(), 3);
    assert_eq!(files(&["closed"]).len(), 2);
    assert_eq!(
        files(&["closed", "--status", "confirmed"]),
        ["november/ledger/hyesan.kim.review.ron"],
        "labelled sentences only"
    );
    assert!(files(&["ships", "--status", "suggested"]).is_empty());
    // Kinds and grades: the two Rason sources are graded B; the Vladivostok claim has no
    // source (F).
    assert_eq!(files(&["ships", "--kind", "anonymous_source"]).len(), 3);
    assert!(files(&["ships", "--kind", "official"]).is_empty());
    let graded = files(&["ships", "--reliability", "b"]);
    assert_eq!(
        graded,
        ["kestrel-ships.review.ron", "ledger-ships.review.ron"]
    );
    assert_eq!(
        files(&["ships", "--reliability", "F"]),
        ["rason.review.ron"]
    );
    // One named source across reviews, its name's case aside; a claim grade.
    assert_eq!(
        files(&["ships", "--source", "source in RASON"]),
        ["kestrel-ships.review.ron", "ledger-ships.review.ron"]
    );
    assert!(files(&["ships", "--source", "Vladivostok"]).is_empty());
    assert_eq!(
        files(&["port", "--source", "rason"]),
        [
            "kestrel-fuel.review.ron",
            "kestrel-ships.review.ron",
            "ledger-ships.review.ron"
        ]
    );
    let refused = Command::new(BIN)
        .args(["corpus", "search", d, "ships", "--kind", "rumour"])
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("--kind rumour: not a kind of source")
    );
}

/// A claim that names the outlet it relays and retells it in other words joins that claim's
/// origin; a claim naming the outlet about something else does not.
#[test]
fn a_claim_citing_another_outlet_in_its_own_words_is_of_that_origin() {
    let tmp = tempfile::tempdir().unwrap();
    let save =
        |name: &str, s: &Session| claimlens::io::save_session(&tmp.path().join(name), s).unwrap();
    let first = article(
        "Ships at Rason",
        "Kestrel Report",
        "2026-10-20",
        "A source in Rason told Kestrel Report that three cargo ships were waiting at the port. \
         Prices at the market in Hyesan rose by a third this month.",
    );
    save(
        "kestrel.review.ron",
        &review(first, &["inside_nk", "inside_nk"]),
    );
    let relay = article(
        "Port backlog",
        "Harbour Wire",
        "2026-10-22",
        "Kestrel Report said on Tuesday that three cargo ships had been waiting at Rason port. \
         Kestrel Report has covered the border for a decade, its editor said.",
    );
    save(
        "harbour.review.ron",
        &review(relay, &["other_media", "other_media"]),
    );
    let d = tmp.path().to_str().unwrap();
    assert_eq!(
        origins(d).1,
        [vec![
            ("kestrel.review.ron".to_string(), 1),
            ("harbour.review.ron".to_string(), 1)
        ]],
        "the original first, the relay after it, nothing else"
    );
}
