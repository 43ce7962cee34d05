//! A Label Studio task (the JSON its import and export use): the article as `data.text`,
//! the analyst's work as one annotation whose `result` holds a `labels` item per labelled
//! sentence and a `relation` item per link. The note is the region's `meta.text`; source,
//! grades, hedging and status are claimlens extensions in `meta.claimlens`.
//!
//! Offsets: Label Studio's text labelling converts the browser's UTF-16 selection offsets to
//! code points before it stores a region (its `fixCodePointsInRange`, since 2022), so that
//! they match Python's; `value.start`/`end` are therefore code points. The UTF-16 offsets,
//! which exports of older Label Studio versions hold and JavaScript tools count, travel as
//! `meta.claimlens.utf16` for tools that need them.
//!
//! `completed_by` is what Label Studio matches to one of its users: it is written only when
//! the analyst's name is an e-mail address (as a `{email}` object); the name itself is in the
//! task's `meta.claimlens`, which Label Studio keeps.
//!
//! It goes with a labelling configuration naming the labels (`config`, which the README shows):
//! `<Labels name="label" toName="text">` and `<Relations>` with the link kinds.

use super::offsets::positions;
use crate::model::article::sha256_hex;
use crate::model::{LinkKind, Session, Status};
use serde::Serialize;
use std::io::Write;

pub const FROM_NAME: &str = "label";
pub const TO_NAME: &str = "text";

pub fn write(session: &Session, out: &mut dyn Write) -> std::io::Result<()> {
    // Compact, as Label Studio writes its own exports: a long review stays a few megabytes.
    serde_json::to_writer(&mut *out, &[task(session)])?;
    out.write_all(b"\n")?;
    out.flush()
}

/// A region's id: the sentence's stable id, so that relations and re-exports agree.
fn region_id(session: &Session, i: usize) -> String {
    format!("s{}", session.ids()[i].0)
}

/// The task, typed field by field so that a 50,000-region result is serialized in one pass
/// with no intermediate tree.
#[derive(Serialize)]
pub struct Task<'a> {
    id: u32,
    data: Data<'a>,
    annotations: [Completion<'a>; 1],
    meta: TaskMeta<'a>,
}

#[derive(Serialize)]
struct Data<'a> {
    text: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct Completion<'a> {
    id: u32,
    result: Results<'a>,
    was_cancelled: bool,
    ground_truth: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    completed_by: Option<Email<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    created_at: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    updated_at: Option<&'a str>,
}

#[derive(Serialize)]
struct Email<'a> {
    email: &'a str,
}

#[derive(Serialize)]
struct TaskMeta<'a> {
    claimlens: TaskExtension<'a>,
}

#[derive(Serialize)]
struct TaskExtension<'a> {
    sha256: String,
    source_path: Option<&'a str>,
    created_by: Option<&'a str>,
    changed_by: Option<&'a str>,
}

/// The `result` list: every region, then every relation.
struct Results<'a> {
    regions: Vec<Region<'a>>,
    relations: Vec<Relation<'a>>,
}

impl Serialize for Results<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut list = serializer.serialize_seq(Some(self.regions.len() + self.relations.len()))?;
        for region in &self.regions {
            list.serialize_element(region)?;
        }
        for relation in &self.relations {
            list.serialize_element(relation)?;
        }
        list.end()
    }
}

#[derive(Serialize)]
struct Region<'a> {
    id: String,
    from_name: &'static str,
    to_name: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    origin: &'static str,
    value: Value<'a>,
    meta: RegionMeta<'a>,
}

#[derive(Serialize)]
struct Value<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    labels: [&'a str; 1],
}

#[derive(Serialize)]
struct RegionMeta<'a> {
    claimlens: RegionExtension<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<[&'a str; 1]>,
}

#[derive(Serialize)]
struct RegionExtension<'a> {
    label_id: &'a str,
    kind: &'a str,
    status: &'static str,
    credibility: u8,
    hedging: &'a str,
    sentence: usize,
    utf16: [usize; 2],
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reliability: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    grade: Option<String>,
}

#[derive(Serialize)]
struct Relation<'a> {
    from_id: String,
    to_id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    direction: &'static str,
    labels: [&'a str; 1],
}

pub fn task(session: &Session) -> Task<'_> {
    let article = session.article();
    let text = &article.text;
    let positions = positions(text, session.sentences());
    let mut regions = Vec::new();
    let mut relations = Vec::new();
    for (i, a) in session.annotations().iter().enumerate() {
        let (Some(id), Some(label)) = (
            a.label.as_ref(),
            a.label.as_ref().and_then(|l| session.taxonomy().get(l)),
        ) else {
            continue;
        };
        let p = positions[i];
        let source = a.source.and_then(|s| session.source(s));
        let (status, origin) = match a.status {
            Status::Confirmed => ("confirmed", "manual"),
            Status::Suggested => ("suggested", "prediction"),
        };
        regions.push(Region {
            id: region_id(session, i),
            from_name: FROM_NAME,
            to_name: TO_NAME,
            kind: "labels",
            origin,
            value: Value {
                start: p.chars.0,
                end: p.chars.1,
                text: &text[p.bytes.0..p.bytes.1],
                labels: [&label.name],
            },
            meta: RegionMeta {
                claimlens: RegionExtension {
                    label_id: id.as_str(),
                    kind: label.kind.as_str(),
                    status,
                    credibility: a.credibility.digit(),
                    hedging: a.hedging.name(),
                    sentence: i + 1,
                    utf16: [p.utf16.0, p.utf16.1],
                    source: source.map(|s| s.name.as_str()),
                    reliability: source.map(|s| s.reliability.letter().to_string()),
                    grade: source
                        .map(|s| format!("{}{}", s.reliability.letter(), a.credibility.digit())),
                },
                text: (!a.note.is_empty()).then_some([a.note.as_str()]),
            },
        });
    }
    let labelled = |i: usize| session.annotations()[i].label.is_some();
    for (i, a) in session.annotations().iter().enumerate() {
        for link in &a.links {
            match session.index_of(link.to) {
                Some(j) if labelled(i) && labelled(j) => relations.push(Relation {
                    from_id: region_id(session, i),
                    to_id: region_id(session, j),
                    kind: "relation",
                    direction: "right",
                    labels: [link.kind.name()],
                }),
                _ => {}
            }
        }
    }
    let provenance = session.provenance();
    Task {
        id: 1,
        data: Data {
            text,
            title: &article.title,
            url: article.meta.url.as_deref(),
        },
        annotations: [Completion {
            id: 1,
            result: Results { regions, relations },
            was_cancelled: false,
            ground_truth: false,
            completed_by: super::analyst(session)
                .filter(|n| looks_like_email(n))
                .map(|email| Email { email }),
            created_at: provenance.created.as_deref(),
            updated_at: provenance.changed.as_deref(),
        }],
        meta: TaskMeta {
            claimlens: TaskExtension {
                sha256: sha256_hex(text),
                source_path: article.source_path.as_deref(),
                created_by: provenance.created_by.as_deref(),
                changed_by: provenance.changed_by.as_deref(),
            },
        },
    }
}

/// The labelling configuration the task goes with: the review's labels with their colours,
/// and the link kinds as relations.
pub fn config(session: &Session) -> String {
    let mut out = format!("<View>\n  <Labels name=\"{FROM_NAME}\" toName=\"{TO_NAME}\">\n");
    for label in &session.taxonomy().labels {
        out.push_str(&format!(
            "    <Label value=\"{}\" background=\"{}\"/>\n",
            xml_attr(&label.name),
            label.color.to_hex()
        ));
    }
    out.push_str(&format!(
        "  </Labels>\n  <Text name=\"{TO_NAME}\" value=\"$text\"/>\n  <Relations>\n"
    ));
    for kind in LinkKind::ALL {
        out.push_str(&format!("    <Relation value=\"{}\"/>\n", kind.name()));
    }
    out.push_str("  </Relations>\n</View>\n");
    out
}

fn looks_like_email(name: &str) -> bool {
    let (user, domain) = name.split_once('@').unwrap_or_default();
    !user.is_empty() && domain.contains('.') && !name.contains(char::is_whitespace)
}

fn xml_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
