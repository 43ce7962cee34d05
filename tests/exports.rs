//! A review leaving the app: every export format, read back the way its own readers read it.
//! The checks follow each format's specification (the W3C Web Annotation Data Model, brat's
//! standoff and configuration formats, Label Studio's task JSON), not claimlens' own code.

use claimlens::io::export::{self, Format};
use claimlens::model::{
    Annotation, Article, Command, Credibility, Document, Hedging, LabelId, Link, LinkKind,
    Reliability, Session, Source, SourceId, Status, Taxonomy,
};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// A report in many scripts: accents, CJK, astral-plane emoji and mathematical letters,
/// Hebrew (right to left).
const MIXED: &str = "Café owners in Hyesan said rice rose again, a source inside North Korea told \
Kestrel Report. 北朝鮮の情報筋は「米の値段が上がった」と述べた.\n\n\
A source in Russia said the workers 🙂🚀 were not paid in October. המקור אמר כי השכר לא שולם.\n\
The second line of that paragraph says the source added more.\n\n\
“Nobody wants 𝒳 promises,” the source said. Officials in Seoul declined to comment.";

fn reviewed() -> Session {
    let session = Session::new(
        Article::new(
            "Mixed scripts",
            Some("/home/kim/reports/mixed.txt".into()),
            MIXED,
        ),
        Taxonomy::default_preset(),
    );
    let mut doc = Document::new(session, None);
    let source = Source {
        id: SourceId(1),
        name: "Source A — Hyesan trader".into(),
        label: Some(LabelId::new("inside_nk")),
        descriptor: "a trader with access to the market".into(),
        reliability: Reliability::B,
        proposed: false,
    };
    doc.apply(Command::AddSource { index: 0, source }).unwrap();
    let n = doc.session().len();
    assert!(n >= 6, "the mixed report has {n} sentences");
    let labels = [
        "inside_nk",
        "inside_nk",
        "in_russia",
        "hedged",
        "in_russia",
        "own",
    ];
    let ids: Vec<_> = doc.session().ids().to_vec();
    for (i, label) in labels.iter().enumerate().take(n) {
        let mut annotation = Annotation {
            label: Some(LabelId::new(*label)),
            status: if i == 3 {
                Status::Suggested
            } else {
                Status::Confirmed
            },
            ..Annotation::default()
        };
        if i == 0 {
            annotation.source = Some(SourceId(1));
            annotation.credibility = Credibility::from_digit(2).unwrap();
            annotation.note = "Matches the October price series;\tcheck the\nexchange rate.".into();
            annotation.links = vec![Link {
                kind: LinkKind::Corroborates,
                to: ids[1],
            }];
        }
        if i == 2 {
            annotation.hedging = Hedging::Hearsay;
            annotation.links = vec![Link {
                kind: LinkKind::Contradicts,
                to: ids[0],
            }];
        }
        doc.apply(Command::SetAnnotation {
            sentence: i,
            annotation: Box::new(annotation),
            what: "test".into(),
        })
        .unwrap();
    }
    doc.stamp_save(Some("Kim J."), "2026-12-02T07:30:00Z");
    doc.session().clone()
}

fn exported(session: &Session, format: Format) -> String {
    let mut out = Vec::new();
    export::export(session, format, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn sentence(session: &Session, i: usize) -> &str {
    session.sentence_text(i)
}

fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// The text a brat `.ann` line's fragments select, joined as brat joins them.
fn brat_span(text: &str, fragments: &str) -> String {
    fragments
        .split(';')
        .map(|f| {
            let (s, e) = f.split_once(' ').unwrap();
            chars(text, s.parse().unwrap(), e.parse().unwrap())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_exported_span_slices_back_to_its_claim_in_that_formats_own_unit() {
    let session = reviewed();
    let text = session.article().text.as_str();
    let labelled: Vec<usize> = (0..session.len())
        .filter(|&i| session.annotations()[i].label.is_some())
        .collect();

    // W3C: code points, the quote with context that occurs where the position says.
    let w3c: Value = serde_json::from_str(&exported(&session, Format::W3c)).unwrap();
    let items = w3c["first"]["items"].as_array().unwrap();
    let classified: Vec<&Value> = items
        .iter()
        .filter(|a| a["motivation"] == "classifying")
        .collect();
    assert_eq!(classified.len(), labelled.len());
    for (a, &i) in classified.iter().zip(&labelled) {
        let selectors = a["target"]["selector"].as_array().unwrap();
        let quote = selectors
            .iter()
            .find(|s| s["type"] == "TextQuoteSelector")
            .unwrap();
        let position = selectors
            .iter()
            .find(|s| s["type"] == "TextPositionSelector")
            .unwrap();
        let (start, end) = (
            position["start"].as_u64().unwrap() as usize,
            position["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(chars(text, start, end), sentence(&session, i));
        assert_eq!(quote["exact"], sentence(&session, i));
        let prefix = quote["prefix"].as_str().unwrap();
        let suffix = quote["suffix"].as_str().unwrap();
        let around = format!("{prefix}{}{suffix}", sentence(&session, i));
        let from = start - prefix.chars().count();
        assert_eq!(chars(text, from, from + around.chars().count()), around);
    }

    // Label Studio: code points as it stores them; UTF-16 units alongside.
    let ls: Value = serde_json::from_str(&exported(&session, Format::LabelStudio)).unwrap();
    assert_eq!(ls[0]["data"]["text"], text);
    let units: Vec<u16> = text.encode_utf16().collect();
    let regions: Vec<&Value> = ls[0]["annotations"][0]["result"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["type"] == "labels")
        .collect();
    assert_eq!(regions.len(), labelled.len());
    for (r, &i) in regions.iter().zip(&labelled) {
        let v = &r["value"];
        let (start, end) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(chars(text, start, end), sentence(&session, i));
        assert_eq!(v["text"], sentence(&session, i));
        let utf16 = &r["meta"]["claimlens"]["utf16"];
        let (s16, e16) = (
            utf16[0].as_u64().unwrap() as usize,
            utf16[1].as_u64().unwrap() as usize,
        );
        assert_eq!(
            String::from_utf16(&units[s16..e16]).unwrap(),
            sentence(&session, i)
        );
    }
    let emoji = labelled
        .iter()
        .position(|&i| sentence(&session, i).contains('🚀'))
        .unwrap();
    let v = &regions[emoji]["value"];
    assert_ne!(
        v["end"], regions[emoji]["meta"]["claimlens"]["utf16"][1],
        "after astral characters the two units differ, so the test tells them apart"
    );

    // brat: code points. (A line ends a paragraph, so no sentence holds a line break; the
    // fragments a line break would need are the brat module's own test.)
    let dir = tempfile::tempdir().unwrap();
    let ann_path = dir.path().join("mixed.ann");
    export::export_to(&session, Format::Brat, &ann_path).unwrap();
    let brat_text = std::fs::read_to_string(dir.path().join("mixed.txt")).unwrap();
    assert_eq!(brat_text, text);
    let ann = std::fs::read_to_string(&ann_path).unwrap();
    let t_lines: Vec<&str> = ann.lines().filter(|l| l.starts_with('T')).collect();
    assert_eq!(t_lines.len(), labelled.len());
    for (line, &i) in t_lines.iter().zip(&labelled) {
        let fields: Vec<&str> = line.split('\t').collect();
        let (_, fragments) = fields[1].split_once(' ').unwrap();
        assert_eq!(brat_span(&brat_text, fragments), fields[2]);
        assert_eq!(fields[2], sentence(&session, i));
    }

    // CSV: bytes and characters.
    let csv_text = exported(&session, Format::Csv);
    let mut reader = csv::Reader::from_reader(csv_text.trim_start_matches('\u{feff}').as_bytes());
    for (i, row) in reader.deserialize::<HashMap<String, String>>().enumerate() {
        let row = row.unwrap();
        let n = |k: &str| row[k].parse::<usize>().unwrap();
        assert_eq!(&text[n("start_byte")..n("end_byte")], sentence(&session, i));
        assert_eq!(
            chars(text, n("start_char"), n("end_char")),
            sentence(&session, i)
        );
        assert_eq!(row["analyst"], "Kim J.");
    }
}

/// Every MUST of the Web Annotation Data Model that applies to what claimlens writes,
/// checked from the specification's text.
#[test]
fn the_w3c_collection_meets_the_data_models_musts() {
    let session = reviewed();
    let w3c: Value = serde_json::from_str(&exported(&session, Format::W3c)).unwrap();
    const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
    let has_context = |v: &Value| match &v["@context"] {
        Value::String(s) => s == CONTEXT,
        Value::Array(list) => list.iter().any(|c| c == CONTEXT),
        _ => false,
    };
    let is_iri = |v: &Value| {
        v.as_str().is_some_and(|s| {
            let (scheme, rest) = s.split_once(':').unwrap_or_default();
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                && !rest.is_empty()
                && !s.contains(char::is_whitespace)
        })
    };
    let is_utc_datetime = |v: &Value| {
        v.as_str()
            .is_some_and(|s| s.len() == 20 && s.ends_with('Z') && &s[10..11] == "T")
    };
    // 5.1: a collection has an IRI id, its type, and its first page embedded with an id,
    // its type and its items.
    assert!(has_context(&w3c) && is_iri(&w3c["id"]));
    assert_eq!(w3c["type"], "AnnotationCollection");
    let page = &w3c["first"];
    assert!(is_iri(&page["id"]));
    assert_eq!(page["type"], "AnnotationPage");
    let items = page["items"].as_array().unwrap();
    assert_eq!(w3c["total"].as_u64().unwrap() as usize, items.len());
    let motivations = [
        "assessing",
        "bookmarking",
        "classifying",
        "commenting",
        "describing",
        "editing",
        "highlighting",
        "identifying",
        "linking",
        "moderating",
        "questioning",
        "replying",
        "tagging",
    ];
    let mut ids = HashSet::new();
    let mut kinds = HashMap::<&str, usize>::new();
    for a in items {
        // 3.1: context, exactly one IRI id, type Annotation, one or more targets.
        assert!(has_context(a), "{a}");
        assert!(
            is_iri(&a["id"]) && ids.insert(a["id"].as_str().unwrap()),
            "{a}"
        );
        assert_eq!(a["type"], "Annotation");
        let target = &a["target"];
        assert!(target.is_object() && is_iri(&target["source"]), "{a}");
        // 3.3.5: motivations and purposes from the model's list.
        let motivation = a["motivation"].as_str().unwrap();
        assert!(motivations.contains(&motivation), "{motivation}");
        *kinds.entry(motivation).or_default() += 1;
        // 3.3.1: dates, when given, are xsd:dateTime with a timezone (UTC here).
        for key in ["created", "modified"] {
            assert!(a.get(key).is_none() || is_utc_datetime(&a[key]));
        }
        assert_eq!(a["creator"]["name"], "Kim J.");
        for body in a["body"].as_array().unwrap() {
            assert!(
                motivations.contains(&body["purpose"].as_str().unwrap()),
                "{body}"
            );
            match body["type"].as_str().unwrap() {
                // 3.2.4: an embedded textual body has exactly one string value, no source.
                "TextualBody" => assert!(body["value"].is_string() && body.get("source").is_none()),
                // 4: a specific resource has exactly one source, no value.
                "SpecificResource" => {
                    assert!(is_iri(&body["source"]) && body.get("value").is_none())
                }
                other => panic!("unexpected body type {other}"),
            }
        }
        // 4.2.4 and 4.2.5: a quote selector has exactly one exact; a position selector one
        // start and one end, non-negative integers, start before end.
        for selector in target["selector"].as_array().unwrap() {
            match selector["type"].as_str().unwrap() {
                "TextQuoteSelector" => assert!(selector["exact"].is_string()),
                "TextPositionSelector" => {
                    let (s, e) = (
                        selector["start"].as_u64().unwrap(),
                        selector["end"].as_u64().unwrap(),
                    );
                    assert!(s < e);
                }
                other => panic!("unexpected selector {other}"),
            }
        }
    }
    assert_eq!(
        kinds.get("linking"),
        Some(&2),
        "one linking annotation per link"
    );
    let first = items
        .iter()
        .find(|a| a["claimlens:sentence"] == 1 && a["motivation"] == "classifying")
        .unwrap();
    let purposes: Vec<&str> = first["body"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["purpose"].as_str().unwrap())
        .collect();
    assert_eq!(purposes, ["classifying", "commenting", "assessing"]);
    let assessing = &first["body"][2];
    assert_eq!(assessing["value"], "B2");
    assert_eq!(assessing["claimlens:source"], "Source A — Hyesan trader");
    // The source names the file the text came from and says the positions count its extract.
    assert_eq!(
        first["target"]["source"],
        "file:///home/kim/reports/mixed.txt"
    );
    // Each target names the extract its positions count in; the collection says what it is.
    let sha = claimlens::model::article::sha256_hex(&session.article().text);
    assert_eq!(first["target"]["claimlens:extract"], sha.as_str());
    assert_eq!(w3c["claimlens:extract"]["sha256"], sha.as_str());
    assert!(
        w3c["claimlens:extract"]["about"]
            .as_str()
            .unwrap()
            .contains("normalised")
    );
    // Exports of the same review name their annotations alike.
    assert_eq!(
        exported(&session, Format::W3c),
        exported(&session, Format::W3c)
    );
}

#[test]
fn brat_files_are_laid_out_as_the_standoff_specification_says() {
    let session = reviewed();
    let dir = tempfile::tempdir().unwrap();
    let written = export::export_to(&session, Format::Brat, &dir.path().join("mixed.ann")).unwrap();
    assert_eq!(written.len(), 4);
    let ann = std::fs::read_to_string(dir.path().join("mixed.ann")).unwrap();
    let conf = std::fs::read_to_string(dir.path().join("annotation.conf")).unwrap();
    let visual = std::fs::read_to_string(dir.path().join("visual.conf")).unwrap();

    // The configuration: the four sections, the types, the relations and attributes' values.
    let mut section = "";
    let mut declared: HashMap<&str, Vec<String>> = HashMap::new();
    for line in conf
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        if line.starts_with('[') {
            section = line;
            declared.entry(section).or_default();
            continue;
        }
        declared.entry(section).or_default().push(line.to_string());
    }
    for s in ["[entities]", "[relations]", "[events]", "[attributes]"] {
        assert!(declared.contains_key(s), "{s} missing from\n{conf}");
    }
    let entity_types: HashSet<&str> = declared["[entities]"].iter().map(String::as_str).collect();
    let first_word = |l: &String| l.split_whitespace().next().unwrap().to_string();
    let relation_types: HashSet<String> = declared["[relations]"].iter().map(first_word).collect();
    let attribute_values: HashMap<String, Vec<String>> = declared["[attributes]"]
        .iter()
        .map(|l| {
            let values = l
                .split("Value:")
                .nth(1)
                .unwrap()
                .split('|')
                .map(str::to_string)
                .collect();
            (first_word(l), values)
        })
        .collect();
    for t in entity_types.iter().chain(
        relation_types
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .iter(),
    ) {
        assert!(
            t.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'),
            "{t}"
        );
        assert!(
            visual.contains(&format!("{t} | ")),
            "{t} has no display name in visual.conf"
        );
    }

    // The standoff lines: ids unique, each kind's syntax, references to existing text-bound
    // annotations, types and values the configuration declares.
    let mut ids = HashSet::new();
    let mut text_bound = HashSet::new();
    let (mut relations, mut notes, mut attributes) = (0, 0, 0);
    for line in ann.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        assert!(ids.insert(fields[0]), "duplicate id in {line}");
        let words: Vec<&str> = fields[1].split(' ').collect();
        match fields[0].chars().next().unwrap() {
            'T' => {
                assert_eq!(fields.len(), 3);
                assert!(entity_types.contains(words[0]), "{line}");
                text_bound.insert(fields[0]);
            }
            'R' => {
                assert_eq!(fields.len(), 2);
                assert!(relation_types.contains(words[0]), "{line}");
                let arg = |w: &str, role: &str| text_bound.contains(w.strip_prefix(role).unwrap());
                assert!(arg(words[1], "Arg1:") && arg(words[2], "Arg2:"), "{line}");
                relations += 1;
            }
            'A' => {
                assert_eq!((fields.len(), words.len()), (2, 3), "{line}");
                assert!(text_bound.contains(words[1]), "{line}");
                assert!(
                    attribute_values[words[0]].contains(&words[2].to_string()),
                    "{line}"
                );
                attributes += 1;
            }
            '#' => {
                assert_eq!((fields.len(), words.len()), (3, 2), "{line}");
                assert_eq!(words[0], "AnnotatorNotes");
                assert!(text_bound.contains(words[1]), "{line}");
                notes += 1;
            }
            other => panic!("unexpected line kind {other}: {line}"),
        }
    }
    // Every claim's note names the analyst; two also carry the analyst's note or source.
    assert_eq!((relations, notes), (2, text_bound.len()));
    assert!(attributes >= 6);
    assert!(ann.contains("Matches the October price series; check the exchange rate. | source: Source A — Hyesan trader | analyst: Kim J."), "{ann}");
    assert!(
        ann.contains("Reliability T1 B")
            && ann.contains("Credibility T1 2")
            && ann.contains("Hedging T3 hearsay"),
        "{ann}"
    );
}

#[test]
fn label_studio_relations_and_labels_agree_with_its_configuration() {
    let session = reviewed();
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("mixed.labelstudio.json");
    let written = export::export_to(&session, Format::LabelStudio, &target).unwrap();
    assert_eq!(written[1], dir.path().join("mixed.labelstudio.xml"));
    let config = std::fs::read_to_string(&written[1]).unwrap();
    let task: Value = serde_json::from_str(&std::fs::read_to_string(&target).unwrap()).unwrap();
    let annotation = &task[0]["annotations"][0];
    assert_eq!(annotation["ground_truth"], false);
    assert!(
        annotation.get("completed_by").is_none(),
        "a name that is not an e-mail names no Label Studio user"
    );
    assert_eq!(task[0]["meta"]["claimlens"]["changed_by"], "Kim J.");
    let result = annotation["result"].as_array().unwrap();
    let regions: HashSet<&str> = result
        .iter()
        .filter(|r| r["type"] == "labels")
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    let mut relations = 0;
    for r in result {
        match r["type"].as_str().unwrap() {
            "labels" => {
                assert_eq!(
                    (r["from_name"].as_str(), r["to_name"].as_str()),
                    (Some("label"), Some("text"))
                );
                let label = r["value"]["labels"][0].as_str().unwrap();
                assert!(
                    config.contains(&format!("<Label value=\"{label}\"")),
                    "{label}"
                );
            }
            "relation" => {
                assert!(regions.contains(r["from_id"].as_str().unwrap()));
                assert!(regions.contains(r["to_id"].as_str().unwrap()));
                let kind = r["labels"][0].as_str().unwrap();
                assert!(config.contains(&format!("<Relation value=\"{kind}\"")));
                relations += 1;
            }
            other => panic!("unexpected result type {other}"),
        }
    }
    assert_eq!(relations, 2);
    let first = result
        .iter()
        .find(|r| r["id"] == format!("s{}", session.ids()[0].0))
        .unwrap();
    assert_eq!(first["meta"]["text"][0], session.annotations()[0].note);
    assert_eq!(first["meta"]["claimlens"]["grade"], "B2");
    assert_eq!(first["origin"], "manual");

    let mut by_email = session.clone();
    let mut doc = Document::new(by_email, None);
    doc.stamp_save(Some("kim@example.org"), "2026-12-02T08:00:00Z");
    by_email = doc.session().clone();
    let task: Value = serde_json::from_str(&exported(&by_email, Format::LabelStudio)).unwrap();
    assert_eq!(
        task[0]["annotations"][0]["completed_by"]["email"],
        "kim@example.org"
    );
}

#[test]
fn brat_never_replaces_a_text_or_configuration_it_did_not_write() {
    let session = reviewed();
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("mixed.txt");
    std::fs::write(
        &article,
        "The analyst's own copy of the article, with CRLF\r\n",
    )
    .unwrap();
    let err = export::export_to(&session, Format::Brat, &dir.path().join("mixed.ann")).unwrap_err();
    assert!(
        err.contains("mixed.txt") && err.contains("already exists"),
        "{err}"
    );
    assert!(!dir.path().join("mixed.ann").exists(), "nothing is written");
    assert!(
        std::fs::read_to_string(&article)
            .unwrap()
            .ends_with("CRLF\r\n")
    );

    let other = tempfile::tempdir().unwrap();
    std::fs::write(other.path().join("annotation.conf"), "[entities]\nPerson\n").unwrap();
    let err = export::export_to(&session, Format::Brat, &other.path().join("x.ann")).unwrap_err();
    assert!(err.contains("annotation.conf"), "{err}");
    assert_eq!(
        std::fs::read_to_string(other.path().join("annotation.conf")).unwrap(),
        "[entities]\nPerson\n"
    );

    // Its own earlier export is brought up to date.
    let own = tempfile::tempdir().unwrap();
    export::export_to(&session, Format::Brat, &own.path().join("x.ann")).unwrap();
    export::export_to(&session, Format::Brat, &own.path().join("x.ann")).unwrap();
}

/// `claimlens export SESSION --format F [more]`.
fn export_cli(
    session: &std::path::Path,
    format: &str,
    more: &[&std::ffi::OsStr],
) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_claimlens"))
        .arg("export")
        .arg(session)
        .args(["--format", format])
        .args(more)
        .output()
        .unwrap()
}

#[test]
fn the_command_line_exports_every_format_and_says_brat_needs_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("mixed.review.ron");
    claimlens::io::save_session(&session, &reviewed()).unwrap();
    for format in ["csv", "jsonl", "w3c", "labelstudio"] {
        let out = export_cli(&session, format, &[]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && !out.stdout.is_empty(),
            "{format}: {err}"
        );
    }
    let out = export_cli(&session, "brat", &[]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("give a folder"));
    let folder = dir.path().join("brat");
    std::fs::create_dir(&folder).unwrap();
    let out = export_cli(&session, "brat", &["-o".as_ref(), folder.as_os_str()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for name in ["mixed.txt", "mixed.ann", "annotation.conf", "visual.conf"] {
        assert!(folder.join(name).is_file(), "{name}");
    }
    let missing = dir.path().join("no-such-folder").join("x.jsonld");
    let err = export::export_to(&reviewed(), Format::W3c, &missing).unwrap_err();
    assert!(
        err.contains("no-such-folder") && err.contains("does not exist"),
        "{err}"
    );
}

/// What a round trip must bring back of each sentence: label, status, note, source (name and
/// reliability), credibility, hedging and links (as sentence indexes).
type Judged = (
    String,
    Option<String>,
    Status,
    String,
    Option<(String, char)>,
    u8,
    String,
    Vec<(String, usize)>,
);

fn judged(session: &Session) -> Vec<Judged> {
    (0..session.len())
        .map(|i| {
            let a = &session.annotations()[i];
            let source = a
                .source
                .and_then(|s| session.source(s))
                .map(|s| (s.name.clone(), s.reliability.letter()));
            let links = a
                .links
                .iter()
                .map(|l| (l.kind.name().to_string(), session.index_of(l.to).unwrap()))
                .collect();
            (
                session.sentence_text(i).to_string(),
                a.label.as_ref().map(|l| l.0.to_string()),
                a.status,
                a.note.clone(),
                source,
                a.credibility.digit(),
                a.hedging.name().to_string(),
                links,
            )
        })
        .collect()
}

fn import(path: &std::path::Path, session: &Session) -> (Session, claimlens::io::import::Report) {
    let article = session.article().clone();
    claimlens::io::import::import_file(
        path,
        Some(article),
        Taxonomy::default_preset(),
        &Default::default(),
    )
    .unwrap()
}

/// Export, then import: the same labels, notes and links in every format, and the sources,
/// grades, hedging and status the claimlens extensions carry; boundaries the analyst changed
/// come back, because the exported spans are sentences.
#[test]
fn every_format_round_trips_the_review() {
    let mut doc = Document::new(reviewed(), None);
    // The analyst merged two sentences the segmenter had split.
    let merge = doc.session().merge_with_next(5).unwrap();
    doc.apply(merge).unwrap();
    let mut merged = doc.session().annotations()[5].clone();
    merged.label = Some(LabelId::new("official"));
    merged.note = "Two sentences, one claim".into();
    doc.apply(Command::SetAnnotation {
        sentence: 5,
        annotation: Box::new(merged),
        what: "t".into(),
    })
    .unwrap();
    let session = doc.session().clone();
    assert!(
        session.sentence_text(5).starts_with("“Nobody")
            && session.sentence_text(5).ends_with("comment.")
    );
    let dir = tempfile::tempdir().unwrap();
    for format in [Format::W3c, Format::Brat, Format::LabelStudio] {
        let sub = dir.path().join(format.extension());
        std::fs::create_dir(&sub).unwrap();
        let target = sub.join(format!("mixed{}", format.suffix()));
        export::export_to(&session, format, &target).unwrap();
        let (back, report) = import(&target, &session);
        let (mut got, mut want) = (judged(&back), judged(&session));
        if format == Format::Brat {
            // A brat note is one line: tabs and line breaks come back as spaces.
            for row in want.iter_mut().chain(got.iter_mut()) {
                row.3 = row.3.split_whitespace().collect::<Vec<_>>().join(" ");
            }
        }
        assert_eq!(got, want, "{format:?}: {report}");
        assert!(
            report.boundaries_set >= 1,
            "{format:?}: the merge comes back: {report}"
        );
        assert_eq!(
            back.provenance().created_by.as_deref(),
            Some("Kim J."),
            "{format:?}"
        );
        assert!(report.not_placed.is_empty(), "{format:?}: {report}");
    }
}

/// doccano counts in UTF-16 units: spans after an astral-plane emoji land on their sentences;
/// a label the taxonomy lacks is added with its default kind or as unattributed, and named.
#[test]
fn doccano_jsonl_imports_with_utf16_offsets_and_new_labels() {
    let text = "Rockets 🚀🚀 flew, a source in Russia said. Officials denied it. Rain fell.";
    let u = |s: &str| text[..text.find(s).unwrap()].encode_utf16().count();
    let end = |s: &str| u(s) + s.encode_utf16().count();
    let a = "Rockets 🚀🚀 flew, a source in Russia said.";
    let b = "Officials denied it.";
    let c = "Rain fell.";
    let line = serde_json::json!({
        "id": 7, "text": text,
        "label": [[u(a), end(a), "Source in Russia"], [u(b), end(b), "Official / on record"], [u(c), end(c), "Weather"]],
        "Comments": [],
    });
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("all.jsonl");
    std::fs::write(&path, format!("{line}\n")).unwrap();
    let (session, report) = claimlens::io::import::import_file(
        &path,
        None,
        Taxonomy::default_preset(),
        &Default::default(),
    )
    .unwrap();
    let labels: Vec<Option<&str>> = session
        .annotations()
        .iter()
        .map(|a| a.label.as_ref().map(|l| l.as_str()))
        .collect();
    assert_eq!(
        labels,
        [Some("in_russia"), Some("official"), Some("weather")],
        "{report}"
    );
    assert_eq!(
        report.added_labels,
        [(
            "Weather".to_string(),
            claimlens::model::SourceKind::Unattributed
        )]
    );
    assert!(report.to_string().contains("New label \"Weather\""));
}

/// Bad files: offsets past the text, several annotators, a discontinuous brat span, a file
/// that is no annotation file — a message naming the file and the problem, and nothing
/// written.
#[test]
fn bad_annotation_files_are_refused_or_reported_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let session = reviewed();
    let text = session.article().text.clone();
    let bin = env!("CARGO_BIN_EXE_claimlens");
    let import_cli = |file: &std::path::Path| {
        let out = dir.path().join("out.review.ron");
        let run = std::process::Command::new(bin)
            .arg("import")
            .arg(file)
            .arg("-o")
            .arg(&out)
            .output()
            .unwrap();
        (run, out)
    };
    let region = |start: usize, end: usize| serde_json::json!({"id": "r1", "type": "labels", "from_name": "label", "to_name": "text", "value": {"start": start, "end": end, "labels": ["Source in Russia"]}});
    let past = dir.path().join("past.json");
    let n = text.chars().count();
    std::fs::write(&past, serde_json::json!([{"data": {"text": text}, "annotations": [{"result": [region(n - 5, n + 40)]}]}]).to_string()).unwrap();
    let (run, out) = import_cli(&past);
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(
        !run.status.success() && err.contains("past.json") && err.contains("past the end"),
        "{err}"
    );
    assert!(!out.exists());

    let several = dir.path().join("several.json");
    let by = |email: &str| serde_json::json!({"completed_by": {"email": email}, "result": [region(0, 5)]});
    std::fs::write(&several, serde_json::json!([{"data": {"text": text}, "annotations": [by("kim@example.org"), by("park@example.org")]}]).to_string()).unwrap();
    let (run, out) = import_cli(&several);
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(
        err.contains("2 annotations")
            && err.contains("park@example.org")
            && err.contains("--annotation"),
        "{err}"
    );
    assert!(!out.exists());
    let chosen = std::process::Command::new(bin)
        .args([
            "import".as_ref(),
            several.as_os_str(),
            "--annotation".as_ref(),
            "2".as_ref(),
            "-o".as_ref(),
            dir.path().join("park.review.ron").as_os_str(),
        ])
        .output()
        .unwrap();
    assert!(
        chosen.status.success(),
        "{}",
        String::from_utf8_lossy(&chosen.stderr)
    );
    let park = claimlens::io::load_session(&dir.path().join("park.review.ron")).unwrap();
    assert_eq!(
        park.provenance().created_by.as_deref(),
        Some("park@example.org")
    );

    let brat = dir.path().join("d.ann");
    std::fs::write(dir.path().join("d.txt"), &text).unwrap();
    let first = session.sentence_text(0);
    let k = first.chars().count();
    std::fs::write(
        &brat,
        format!(
            "T1\tin_russia 0 10;12 {k}\t{} {}\n",
            chars(&text, 0, 10),
            chars(&text, 12, k)
        ),
    )
    .unwrap();
    let (back, report) = import(&brat, &session);
    assert_eq!(
        back.annotations()[0].label.as_ref().map(|l| l.as_str()),
        Some("in_russia")
    );
    assert!(report.to_string().contains("discontinuous"), "{report}");

    let noise = dir.path().join("notes.json");
    std::fs::write(&noise, "{\"hello\": 1}").unwrap();
    let (run, out) = import_cli(&noise);
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(
        err.contains("notes.json") && err.contains("not a W3C annotation collection"),
        "{err}"
    );
    assert!(!out.exists());
}

/// The sourcing report: one self-contained page (nothing fetched), the article's text intact
/// with each claim numbered once and a source note for each, the summary's share and the
/// warnings the review calls for.
#[test]
fn the_sourcing_report_numbers_every_claim_and_warns_as_the_review_says() {
    let session = reviewed();
    let html = exported(&session, Format::ReportHtml);
    for external in ["<script", "<link", "src=", "@import", "url("] {
        assert!(
            !html.contains(external),
            "the page fetches nothing: {external}"
        );
    }
    let page = dom_query::Document::from(html.as_str());
    let claims = page.select("span.claim");
    assert_eq!(claims.length(), 6);
    assert_eq!(page.select("ol.notes li").length(), 6);
    assert_eq!(page.select("span.claim.unconfirmed").length(), 1);
    // The text, claim marks and numbers taken out, is the article's, paragraph by paragraph.
    let section = page.select("section:has(> h2:contains('claim by claim')) p");
    let mut paragraphs = Vec::new();
    section.iter().for_each(|p| {
        p.select("sup").remove();
        paragraphs.push(p.text().to_string());
    });
    let want: Vec<&str> = session
        .paragraphs()
        .iter()
        .map(|p| &session.article().text[p.start..p.end])
        .collect();
    assert_eq!(paragraphs, want);
    let note = page.select("li#n1").text().to_string();
    assert!(
        note.contains("Source A — Hyesan trader")
            && note.contains("reliability B (usually reliable)"),
        "{note}"
    );
    assert!(
        note.contains("credibility 2 (probably true)") && note.contains("Matches the October"),
        "{note}"
    );
    assert!(note.contains("corroborates [2]"), "{note}");
    let summary = page
        .select("section:has(> h2:contains('Summary')) p")
        .first()
        .text()
        .to_string();
    assert!(
        summary.contains("6 claims") && summary.contains("33%"),
        "{summary}"
    );
    let warnings = page.select("section.warn").text().to_string();
    assert!(warnings.contains("uncorroborated: [3], [5]"), "{warnings}");
    assert!(warnings.contains("Contradicted: [1], [3]"), "{warnings}");
    assert!(warnings.contains("never confirmed: [4]"), "{warnings}");
    assert!(warnings.contains("Sentences not reviewed: 7"), "{warnings}");
    assert_eq!(
        page.select("svg rect").length(),
        4,
        "one bar per kind of source in use"
    );

    let md = exported(&session, Format::ReportMarkdown);
    assert_eq!(md.matches("[^").count(), 12, "six claims, six footnotes");
    assert!(
        md.contains("**Single anonymous source, uncorroborated:** \\[3\\], \\[5\\]"),
        "{md}"
    );
}

/// A worker's progress line moves on from "reading" once the file is read: the import says
/// when, once, and not for a file it cannot read.
#[test]
fn an_import_says_when_the_file_is_read_and_its_spans_are_being_placed() {
    use claimlens::io::import::{Options, import_file_reporting};
    let dir = tempfile::tempdir().unwrap();
    let session = reviewed();
    let file = dir.path().join("review.jsonld");
    export::export_to(&session, Format::W3c, &file).unwrap();
    let mut calls = 0;
    let (imported, _) = import_file_reporting(
        &file,
        Some(session.article().clone()),
        session.taxonomy().clone(),
        &Options::default(),
        &mut || calls += 1,
    )
    .unwrap();
    assert_eq!(calls, 1);
    assert_eq!(imported.len(), session.len());
    let junk = dir.path().join("junk.jsonld");
    std::fs::write(&junk, "{ not json").unwrap();
    let mut calls = 0;
    let refused = import_file_reporting(
        &junk,
        Some(session.article().clone()),
        session.taxonomy().clone(),
        &Options::default(),
        &mut || calls += 1,
    );
    assert!(refused.is_err_and(|e| e.contains("junk.jsonld")));
    assert_eq!(calls, 0);
}
