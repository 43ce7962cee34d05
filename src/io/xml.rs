//! XML (a word processor file's parts, pdftotext's boxes) as a plain stream of start tags, end tags and text, with
//! entities resolved: what both readers walk. A self-closing tag is a start and an end, so a
//! reader handles `<w:br/>` and `<w:br></w:br>` alike. Malformed XML (a tag closed by another
//! name, a broken entity) is reported, not guessed at.

use quick_xml::events::{BytesStart, Event as XmlEvent};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Start(Tag),
    End(String),
    Text(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// As written: `w:p`, `text:list-item`.
    pub name: String,
    attributes: Vec<(String, String)>,
}

impl Tag {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn of(start: &BytesStart) -> Result<Tag, Malformed> {
        let name = String::from_utf8_lossy(start.name().as_ref()).into_owned();
        let mut attributes = Vec::new();
        for attribute in start.attributes() {
            let attribute = attribute.map_err(|_| Malformed)?;
            let key = String::from_utf8_lossy(attribute.key.as_ref()).into_owned();
            let raw = String::from_utf8_lossy(&attribute.value);
            let value = quick_xml::escape::unescape(&raw)
                .map_err(|_| Malformed)?
                .into_owned();
            attributes.push((key, value));
        }
        Ok(Tag { name, attributes })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Malformed;

/// Calls `each` with every event of `text`, in order.
pub fn walk(text: &str, mut each: impl FnMut(Event)) -> Result<(), Malformed> {
    let mut reader = quick_xml::Reader::from_str(text);
    loop {
        match reader.read_event().map_err(|_| Malformed)? {
            XmlEvent::Start(start) => each(Event::Start(Tag::of(&start)?)),
            XmlEvent::Empty(start) => {
                let tag = Tag::of(&start)?;
                let name = tag.name.clone();
                each(Event::Start(tag));
                each(Event::End(name));
            }
            XmlEvent::End(end) => {
                each(Event::End(
                    String::from_utf8_lossy(end.name().as_ref()).into_owned(),
                ));
            }
            XmlEvent::Text(t) => {
                each(Event::Text(
                    t.xml10_content().map_err(|_| Malformed)?.into_owned(),
                ));
            }
            XmlEvent::CData(t) => {
                each(Event::Text(String::from_utf8_lossy(&t).into_owned()));
            }
            XmlEvent::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref().map_err(|_| Malformed)? {
                    Some(c) => c.to_string(),
                    None => {
                        let name = r.decode().map_err(|_| Malformed)?;
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .ok_or(Malformed)?
                            .to_string()
                    }
                };
                each(Event::Text(resolved));
            }
            XmlEvent::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// The local part of a name: `dc:title` → `title`.
pub fn local(name: &str) -> &str {
    name.rsplit_once(':').map_or(name, |(_, l)| l)
}

/// The text of the first element with each of these local names, trimmed and collapsed; for
/// property files whose fields are leaves (`<dc:title>…</dc:title>`).
pub fn leaf_texts(text: &str, names: &[&str]) -> HashMap<String, String> {
    let mut found: HashMap<String, String> = HashMap::new();
    let mut open: Option<(String, String)> = None;
    let _ = walk(text, |event| match event {
        Event::Start(tag) => {
            let name = local(&tag.name);
            if names.contains(&name) && !found.contains_key(name) {
                open = Some((name.to_string(), String::new()));
            }
        }
        Event::Text(t) => {
            if let Some((_, value)) = &mut open {
                value.push_str(&t);
            }
        }
        Event::End(name) => {
            if let Some((open_name, value)) = open.take_if(|(n, _)| n == local(&name)) {
                let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
                if !value.is_empty() {
                    found.insert(open_name, value);
                }
            }
        }
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_resolve_and_self_closing_tags_are_start_and_end() {
        let mut seen = Vec::new();
        walk("<a x=\"1 &amp; 2\">Rice &amp; corn&#x2019;s<b/></a>", |e| {
            seen.push(e)
        })
        .unwrap();
        let Event::Start(a) = &seen[0] else {
            panic!("{seen:?}")
        };
        assert_eq!(a.attr("x"), Some("1 & 2"));
        let text: String = seen
            .iter()
            .filter_map(|e| match e {
                Event::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(text, "Rice & corn\u{2019}s");
        assert_eq!(seen[seen.len() - 2], Event::End("b".into()));
        assert_eq!(walk("<a><b></a>", |_| {}), Err(Malformed));
    }
}
