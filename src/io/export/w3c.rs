//! A W3C Web Annotation collection (JSON-LD): a `classifying` annotation per labelled claim,
//! `commenting` for notes on unlabelled sentences, `linking` for links between claims.
//!
//! Targets select the article's text as claimlens stores it (its normalised extract of the
//! page or file, named in the target's source): a `TextQuoteSelector` with up to 32
//! characters of context either side and a `TextPositionSelector` counted in code points, as
//! the data model asks. Labels, notes and grades are bodies with the purposes `classifying`,
//! `commenting` and `assessing`; what the model has no term for is in the `claimlens:`
//! namespace (label id and kind, status, source, reliability, credibility, hedging, link kind).

use super::ids::urn_uuid;
use super::offsets::{Position, context, positions};
use crate::model::article::sha256_hex;
use crate::model::{Annotation, Session, Status};
use serde::Serialize;
use serde_json::{Value, json};
use std::io::Write;

pub const ANNO_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// The namespace of claimlens' own terms.
pub const CLAIMLENS_NS: &str = "urn:claimlens:terms:";
const CONTEXT_CHARS: usize = 32;

/// Writes the collection with one annotation per line (compact JSON), so that a 50,000-claim
/// review is streamed out, never held as one tree, and diffs annotation by annotation.
pub fn write(session: &Session, out: &mut dyn Write) -> std::io::Result<()> {
    let (mut head, items) = parts(session);
    let page_id = head
        .as_object_mut()
        .and_then(|h| h.remove("first"))
        .map(|page| page["id"].clone());
    let mut head_text = serde_json::to_string(&head)?;
    head_text.pop(); // the closing brace: the page goes in before it
    out.write_all(head_text.as_bytes())?;
    if let (Some(id), true) = (page_id, items > 0) {
        write!(
            out,
            ",\n\"first\":{{\"id\":{id},\"type\":\"AnnotationPage\",\"startIndex\":0,\"items\":[\n"
        )?;
        let mut first = true;
        for_each_item(session, |item| {
            if !first {
                out.write_all(b",\n")?;
            }
            first = false;
            serde_json::to_writer(&mut *out, item).map_err(std::io::Error::other)
        })?;
        out.write_all(b"\n]}")?;
    }
    out.write_all(b"}\n")?;
    out.flush()
}

fn context_value() -> Value {
    json!([ANNO_CONTEXT, { "claimlens": CLAIMLENS_NS }])
}

/// The collection without its items (an empty `first.items`), and how many items there are.
fn parts(session: &Session) -> (Value, usize) {
    let article = session.article();
    let sha = sha256_hex(&article.text);
    let items = session
        .annotations()
        .iter()
        .map(|a| {
            let own = (a.label.is_some() || !a.note.is_empty()) as usize;
            own + a
                .links
                .iter()
                .filter(|l| session.index_of(l.to).is_some())
                .count()
        })
        .sum();
    let mut collection = json!({
        "@context": context_value(),
        "id": urn_uuid(&[&sha, "collection"]),
        "type": "AnnotationCollection",
        "label": article.title,
        "total": items,
        "generator": json!(generator()),
        "claimlens:extract": source_description(session, &sha),
    });
    if let Some(p) = session.provenance().created.as_deref() {
        collection["created"] = json!(p);
    }
    if let Some(c) = creator(session) {
        collection["creator"] = json!(c);
    }
    if items > 0 {
        collection["first"] = json!({
            "id": urn_uuid(&[&sha, "page", "0"]),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": [],
        });
    }
    (collection, items)
}

/// The software that made the annotations, and the analyst who did: the same for the
/// collection and every annotation in it.
fn generator() -> Agent {
    Agent {
        kind: "Software",
        name: format!("claimlens {}", env!("CARGO_PKG_VERSION")),
    }
}

fn creator(session: &Session) -> Option<Agent> {
    super::analyst(session).map(|name| Agent {
        kind: "Person",
        name: name.to_string(),
    })
}

/// Every annotation in order: a claim's own (label, note, grade), then one per link.
fn for_each_item(
    session: &Session,
    mut emit: impl FnMut(&Item) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let article = session.article();
    let sha = sha256_hex(&article.text);
    let positions = positions(&article.text, session.sentences());
    let source = source_iri(session, &sha);
    let creator = creator(session);
    let claim = Claim {
        session,
        sha: &sha,
        source: &source,
        positions: &positions,
        creator: creator.as_ref(),
        generator: &generator(),
    };
    for (i, a) in session.annotations().iter().enumerate() {
        if a.label.is_some() || !a.note.is_empty() {
            emit(&claim.annotation(i, a))?;
        }
        for link in &a.links {
            if let Some(j) = session.index_of(link.to) {
                emit(&claim.link(i, j, link.kind.name()))?;
            }
        }
    }
    Ok(())
}

/// The article as the targets' source: its web address, else its file, else its text's hash.
fn source_iri(session: &Session, sha: &str) -> String {
    let article = session.article();
    let url = article.meta.url.as_deref().filter(|u| is_web_address(u));
    let file = article
        .source_path
        .as_deref()
        .filter(|p| std::path::Path::new(p).is_absolute())
        .map(file_iri);
    url.map(str::to_string)
        .or(file)
        .unwrap_or_else(|| urn_uuid(&[sha, "article"]))
}

/// What the positions count over, said once for the collection: claimlens' normalised extract
/// of the source, with its hash (each target carries the hash as `claimlens:extract`).
fn source_description(session: &Session, sha: &str) -> Value {
    let article = session.article();
    let mut description = json!({
        "source": source_iri(session, sha),
        "sha256": sha,
        "about": "Targets select the article's text as claimlens extracted and normalised it \
                  (not the page's or file's own bytes); positions count its code points.",
    });
    if !article.title.is_empty() {
        description["title"] = json!(article.title);
    }
    if let Some(path) = &article.source_path {
        description["file"] = json!(path);
    }
    if let Some(lang) = &article.meta.language {
        description["language"] = json!(lang);
    }
    description
}

fn is_web_address(u: &str) -> bool {
    let lower = u.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !u.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// `file:///home/kim/a%20b.html`: the path's bytes, with all but unreserved ones and `/`
/// percent-encoded.
fn file_iri(path: &str) -> String {
    let mut iri = String::from("file://");
    if !path.starts_with('/') {
        iri.push('/');
    }
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            iri.push(b as char);
        } else if b == b':' && iri.len() <= 9 {
            iri.push(':');
        } else {
            iri.push_str(&format!("%{b:02X}"));
        }
    }
    iri
}

/// The `@context` of every annotation: the model's, and claimlens' namespace.
type Context = (&'static str, Namespace);

#[derive(Serialize)]
struct Namespace {
    claimlens: &'static str,
}

const CONTEXT: Context = (
    ANNO_CONTEXT,
    Namespace {
        claimlens: CLAIMLENS_NS,
    },
);

/// One annotation of the collection, serialized as it is built: a 50,000-claim review makes
/// 100,000 of these, and typed fields keep that to one pass with no intermediate tree.
#[derive(Serialize)]
struct Item<'a> {
    #[serde(rename = "@context")]
    context: Context,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    creator: Option<&'a Agent>,
    generator: &'a Agent,
    body: Vec<Body<'a>>,
    target: Target<'a>,
    #[serde(rename = "claimlens:sentence")]
    sentence: usize,
    #[serde(rename = "claimlens:link", skip_serializing_if = "Option::is_none")]
    link: Option<&'a str>,
    #[serde(
        rename = "claimlens:linkedSentence",
        skip_serializing_if = "Option::is_none"
    )]
    linked_sentence: Option<usize>,
}

#[derive(Serialize)]
struct Agent {
    #[serde(rename = "type")]
    kind: &'static str,
    name: String,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Body<'a> {
    Text(TextBody<'a>),
    Assessing(Assessing<'a>),
    Linked(Target<'a>),
}

#[derive(Serialize)]
struct TextBody<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    value: &'a str,
    format: &'static str,
    #[serde(rename = "claimlens:labelId", skip_serializing_if = "Option::is_none")]
    label_id: Option<&'a str>,
    #[serde(rename = "claimlens:kind", skip_serializing_if = "Option::is_none")]
    label_kind: Option<&'a str>,
    #[serde(rename = "claimlens:status", skip_serializing_if = "Option::is_none")]
    status: Option<&'static str>,
}

impl<'a> TextBody<'a> {
    fn new(purpose: &'static str, value: &'a str) -> Self {
        TextBody {
            kind: "TextualBody",
            purpose,
            value,
            format: "text/plain",
            label_id: None,
            label_kind: None,
            status: None,
        }
    }
}

#[derive(Serialize)]
struct Assessing<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    value: String,
    format: &'static str,
    #[serde(rename = "claimlens:credibility")]
    credibility: u8,
    #[serde(rename = "claimlens:hedging")]
    hedging: &'a str,
    #[serde(rename = "claimlens:source", skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(
        rename = "claimlens:reliability",
        skip_serializing_if = "Option::is_none"
    )]
    reliability: Option<String>,
    #[serde(
        rename = "claimlens:descriptor",
        skip_serializing_if = "Option::is_none"
    )]
    descriptor: Option<&'a str>,
}

#[derive(Serialize)]
struct Target<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    purpose: Option<&'static str>,
    source: &'a str,
    #[serde(rename = "claimlens:extract")]
    extract: &'a str,
    selector: (Quote<'a>, PositionSelector),
}

#[derive(Serialize)]
struct Quote<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    exact: &'a str,
    prefix: &'a str,
    suffix: &'a str,
}

#[derive(Serialize)]
struct PositionSelector {
    #[serde(rename = "type")]
    kind: &'static str,
    start: usize,
    end: usize,
}

struct Claim<'a> {
    session: &'a Session,
    sha: &'a str,
    source: &'a str,
    positions: &'a [Position],
    creator: Option<&'a Agent>,
    generator: &'a Agent,
}

impl<'a> Claim<'a> {
    fn target(&self, i: usize) -> Target<'a> {
        let text = &self.session.article().text;
        let p = self.positions[i];
        let (prefix, suffix) = context(text, p.bytes.0, p.bytes.1, CONTEXT_CHARS);
        Target {
            kind: "SpecificResource",
            purpose: None,
            source: self.source,
            extract: self.sha,
            selector: (
                Quote {
                    kind: "TextQuoteSelector",
                    exact: &text[p.bytes.0..p.bytes.1],
                    prefix,
                    suffix,
                },
                PositionSelector {
                    kind: "TextPositionSelector",
                    start: p.chars.0,
                    end: p.chars.1,
                },
            ),
        }
    }

    fn id(&self, i: usize) -> String {
        self.session.ids()[i].0.to_string()
    }

    fn item(
        &self,
        i: usize,
        id: String,
        motivation: &'static str,
        body: Vec<Body<'a>>,
    ) -> Item<'a> {
        Item {
            context: CONTEXT,
            id,
            kind: "Annotation",
            motivation,
            creator: self.creator,
            generator: self.generator,
            body,
            target: self.target(i),
            sentence: i + 1,
            link: None,
            linked_sentence: None,
        }
    }

    fn annotation(&self, i: usize, a: &'a Annotation) -> Item<'a> {
        let session = self.session;
        let mut bodies = Vec::new();
        let label = a.label.as_ref().and_then(|l| session.taxonomy().get(l));
        if let (Some(id), Some(label)) = (&a.label, label) {
            bodies.push(Body::Text(TextBody {
                label_id: Some(id.as_str()),
                label_kind: Some(label.kind.as_str()),
                status: Some(match a.status {
                    Status::Confirmed => "confirmed",
                    Status::Suggested => "suggested",
                }),
                ..TextBody::new("classifying", &label.name)
            }));
        }
        if !a.note.is_empty() {
            bodies.push(Body::Text(TextBody::new("commenting", &a.note)));
        }
        if let Some(assessing) = assessing(session, a) {
            bodies.push(Body::Assessing(assessing));
        }
        let motivation = if label.is_some() {
            "classifying"
        } else {
            "commenting"
        };
        let id = urn_uuid(&[self.sha, "claim", &self.id(i)]);
        self.item(i, id, motivation, bodies)
    }

    /// "Claim i corroborates claim j": the target is claim i, the body claim j (`linking`),
    /// with the link's kind as a `tagging` body.
    fn link(&self, i: usize, j: usize, kind: &'a str) -> Item<'a> {
        let linked = Target {
            purpose: Some("linking"),
            ..self.target(j)
        };
        let id = urn_uuid(&[self.sha, "link", &self.id(i), kind, &self.id(j)]);
        let body = vec![
            Body::Linked(linked),
            Body::Text(TextBody::new("tagging", kind)),
        ];
        Item {
            link: Some(kind),
            linked_sentence: Some(j + 1),
            ..self.item(i, id, "linking", body)
        }
    }
}

/// The analyst's grading of the claim, when there is any: its source and that source's
/// reliability, the claim's credibility and the report's hedging.
fn assessing<'a>(session: &'a Session, a: &'a Annotation) -> Option<Assessing<'a>> {
    let source = a.source.and_then(|s| session.source(s));
    let graded =
        source.is_some() || a.credibility != Default::default() || a.hedging != Default::default();
    if !graded {
        return None;
    }
    let credibility = a.credibility.digit();
    let value = match source {
        Some(s) => format!("{}{credibility}", s.reliability.letter()),
        None => format!("credibility {credibility}"),
    };
    Some(Assessing {
        kind: "TextualBody",
        purpose: "assessing",
        value,
        format: "text/plain",
        credibility,
        hedging: a.hedging.name(),
        source: source.map(|s| s.name.as_str()),
        reliability: source.map(|s| s.reliability.letter().to_string()),
        descriptor: source
            .map(|s| s.descriptor.as_str())
            .filter(|d| !d.is_empty()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_iris_encode_what_an_iri_cannot_hold() {
        assert_eq!(
            file_iri("/home/kim/a b#c.html"),
            "file:///home/kim/a%20b%23c.html"
        );
        assert_eq!(file_iri("C:\\Reports\\x.pdf"), "file:///C:/Reports/x.pdf");
        assert!(is_web_address("https://example.org/a"));
        assert!(!is_web_address("https://example.org/a b"));
        assert!(!is_web_address("javascript:alert(1)"));
    }
}
