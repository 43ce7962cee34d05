//! brat standoff: the article as `<name>.txt`, the claims as `<name>.ann`, and the
//! taxonomy as `annotation.conf` (types, relations, attributes) with `visual.conf` (the
//! labels' names and colours), laid out as brat's standoff format describes.
//!
//! A text-bound line per labelled sentence (`T3<TAB>inside_nk 120 245<TAB>the text`),
//! offsets in code points; a sentence that holds a line break becomes fragments
//! (`120 180;181 245`) because a standoff line cannot hold one. Links are `R` lines; status,
//! reliability, credibility and hedging are `A` attributes; the note, the source and the
//! analyst go in one `AnnotatorNotes` line (`note | source: Source A | analyst: Kim`).

use super::ids::plain_name;
use super::offsets::positions;
use crate::model::{LinkKind, Session, Status};
use std::collections::HashMap;
use std::fmt::Write as _;

/// How the configuration files claimlens writes begin (an export may replace them).
pub const CONF_HEADER: &str = "# Written by claimlens for a review's export";

/// The relation types, one per link kind.
pub fn relation_name(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::Corroborates => "Corroborates",
        LinkKind::Contradicts => "Contradicts",
        LinkKind::SameOrigin => "Same_origin",
        LinkKind::Elaborates => "Elaborates",
    }
}

/// The text, the standoff annotations, `annotation.conf` and `visual.conf`.
pub fn files(session: &Session) -> [Vec<u8>; 4] {
    let types = type_names(session);
    [
        session.article().text.clone().into_bytes(),
        ann(session, &types).into_bytes(),
        annotation_conf(session, &types).into_bytes(),
        visual_conf(session, &types).into_bytes(),
    ]
}

/// Each label's brat type: its id, made plain and unique (labels keep their id when renamed).
fn type_names(session: &Session) -> HashMap<String, String> {
    let mut taken = Vec::new();
    let mut names = HashMap::new();
    for label in &session.taxonomy().labels {
        let name = plain_name(label.id.as_str(), &taken);
        taken.push(name.clone());
        names.insert(label.id.as_str().to_string(), name);
    }
    names
}

/// Text, notes and names on one standoff line: no tabs, no line breaks.
fn one_line(text: &str) -> String {
    text.split(['\t', '\n', '\r'])
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn ann(session: &Session, types: &HashMap<String, String>) -> String {
    let text = &session.article().text;
    let positions = positions(text, session.sentences());
    let analyst = super::analyst(session);
    let mut out = String::new();
    let mut t_of = HashMap::new();
    let (mut attribute, mut note) = (0usize, 0usize);
    for (i, a) in session.annotations().iter().enumerate() {
        let Some(kind) = a.label.as_ref().and_then(|l| types.get(l.as_str())) else {
            continue;
        };
        let t = t_of.len() + 1;
        t_of.insert(i, t);
        let p = positions[i];
        let span = &text[p.bytes.0..p.bytes.1];
        let (fragments, shown) = fragments(span, p.chars.0);
        let _ = writeln!(out, "T{t}\t{kind} {fragments}\t{shown}");
        let source = a.source.and_then(|s| session.source(s));
        let mut attributes = vec![(
            "Status",
            match a.status {
                Status::Confirmed => "confirmed".to_string(),
                Status::Suggested => "suggested".to_string(),
            },
        )];
        if let Some(s) = source {
            attributes.push(("Reliability", s.reliability.letter().to_string()));
        }
        if source.is_some() || a.credibility != Default::default() {
            attributes.push(("Credibility", a.credibility.digit().to_string()));
        }
        if a.hedging != Default::default() {
            attributes.push(("Hedging", a.hedging.name().to_string()));
        }
        for (name, value) in attributes {
            attribute += 1;
            let _ = writeln!(out, "A{attribute}\t{name} T{t} {value}");
        }
        let mut parts = Vec::new();
        if !a.note.is_empty() {
            parts.push(one_line(&a.note));
        }
        if let Some(s) = source {
            parts.push(format!("source: {}", one_line(&s.name)));
        }
        if let Some(name) = analyst {
            parts.push(format!("analyst: {}", one_line(name)));
        }
        if !parts.is_empty() {
            note += 1;
            let _ = writeln!(out, "#{note}\tAnnotatorNotes T{t}\t{}", parts.join(" | "));
        }
    }
    let mut relation = 0usize;
    for (i, a) in session.annotations().iter().enumerate() {
        for link in &a.links {
            let to = session.index_of(link.to).and_then(|j| t_of.get(&j));
            if let (Some(from), Some(to)) = (t_of.get(&i), to) {
                relation += 1;
                let kind = relation_name(link.kind);
                let _ = writeln!(out, "R{relation}\t{kind} Arg1:T{from} Arg2:T{to}");
            }
        }
    }
    out
}

/// The span's fragments between line breaks, as `start end;start end` in code points from
/// `first`, and their texts joined by spaces as brat shows a discontinuous span.
fn fragments(span: &str, first: usize) -> (String, String) {
    let mut ranges = Vec::new();
    let mut texts = Vec::new();
    let mut at = first;
    for piece in span.split('\n') {
        let len = piece.chars().count();
        let trimmed = piece.trim_end_matches('\r');
        let kept = trimmed.chars().count();
        if kept > 0 {
            ranges.push(format!("{at} {}", at + kept));
            texts.push(trimmed);
        }
        at += len + 1;
    }
    (ranges.join(";"), texts.join(" "))
}

pub fn annotation_conf(session: &Session, types: &HashMap<String, String>) -> String {
    let mut out = format!(
        "{CONF_HEADER}: one entity type per label (its id), the links\n\
         # between claims as relations, the analyst's grades as attributes.\n[entities]\n",
    );
    for label in &session.taxonomy().labels {
        if let Some(name) = types.get(label.id.as_str()) {
            let _ = writeln!(out, "{name}");
        }
    }
    out.push_str("\n[relations]\n");
    for kind in LinkKind::ALL {
        let _ = writeln!(out, "{}\tArg1:<ENTITY>, Arg2:<ENTITY>", relation_name(kind));
    }
    out.push_str("\n[events]\n\n[attributes]\n");
    out.push_str("Status\tArg:<ENTITY>, Value:confirmed|suggested\n");
    out.push_str("Reliability\tArg:<ENTITY>, Value:A|B|C|D|E|F\n");
    out.push_str("Credibility\tArg:<ENTITY>, Value:1|2|3|4|5|6\n");
    let hedges: Vec<&str> = crate::model::Hedging::ALL
        .iter()
        .map(|h| h.name())
        .collect();
    let _ = writeln!(out, "Hedging\tArg:<ENTITY>, Value:{}", hedges.join("|"));
    out
}

pub fn visual_conf(session: &Session, types: &HashMap<String, String>) -> String {
    let mut labels = format!("{CONF_HEADER}: each label's name and colour.\n[labels]\n");
    let mut drawing = String::from("\n[drawing]\n");
    for label in &session.taxonomy().labels {
        if let Some(name) = types.get(label.id.as_str()) {
            let shown = one_line(&label.name).replace('|', "/");
            let _ = writeln!(labels, "{name} | {shown}");
            let _ = writeln!(drawing, "{name}\tbgColor:{}", label.color.to_hex());
        }
    }
    for kind in LinkKind::ALL {
        let _ = writeln!(labels, "{} | {}", relation_name(kind), kind.name());
    }
    labels + &drawing
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_across_a_line_break_becomes_fragments_in_code_points() {
        let (ranges, text) = fragments("Café au lait\nnext line", 10);
        assert_eq!(ranges, "10 22;23 32");
        assert_eq!(text, "Café au lait next line");
        assert_eq!(fragments("one", 0), ("0 3".to_string(), "one".to_string()));
    }
}
