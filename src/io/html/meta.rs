//! What a page's head says about it — `<meta>`, Open Graph, JSON-LD `NewsArticle`, the
//! canonical link, the language — read before readability rewrites the document. The
//! readability result is preferred where it has a value; these fill the gaps and give the
//! canonical address, which readability does not.

use dom_query::Document;
use serde_json::Value;

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Head {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub site_name: Option<String>,
    pub canonical: Option<String>,
    pub language: Option<String>,
}

pub fn read(document: &Document) -> Head {
    let meta = |names: &[&str]| {
        names.iter().find_map(|name| {
            let selector = format!("meta[property=\"{name}\"], meta[name=\"{name}\"]");
            document
                .select(&selector)
                .nodes()
                .iter()
                .find_map(|n| n.attr("content").and_then(|c| super::clean(&c)))
        })
    };
    let ld = json_ld(document);
    let ld_str = |f: &dyn Fn(&Value) -> Option<&Value>| ld.iter().find_map(|v| text_of(f(v)?));
    let title = meta(&["og:title", "twitter:title"])
        .or_else(|| ld_str(&|v| v.get("headline")))
        .or_else(|| {
            let t = document.select("head title").text();
            super::clean(&t)
        });
    let byline = meta(&["author", "article:author", "byl"])
        .filter(|a| !a.starts_with("http"))
        .or_else(|| ld_str(&|v| v.get("author")));
    let published = meta(&["article:published_time", "date", "pubdate", "dc.date"])
        .or_else(|| ld_str(&|v| v.get("datePublished")));
    let site_name =
        meta(&["og:site_name", "application-name"]).or_else(|| ld_str(&|v| v.get("publisher")));
    let canonical = document
        .select("link[rel=\"canonical\"]")
        .nodes()
        .iter()
        .find_map(|n| n.attr("href").and_then(|h| super::clean(&h)))
        .filter(|h| h.starts_with("http"))
        .or_else(|| meta(&["og:url"]));
    let language = document
        .select("html")
        .nodes()
        .iter()
        .find_map(|n| n.attr("lang").and_then(|l| super::clean(&l)))
        .or_else(|| meta(&["og:locale", "content-language"]).map(|l| l.replace('_', "-")));
    Head {
        title,
        byline,
        published,
        site_name,
        canonical,
        language,
    }
}

/// The JSON-LD objects of the page that describe an article (several scripts, `@graph` lists
/// and arrays of types all occur).
fn json_ld(document: &Document) -> Vec<Value> {
    let mut found = Vec::new();
    for script in document
        .select("script[type=\"application/ld+json\"]")
        .nodes()
    {
        let Ok(value) = serde_json::from_str::<Value>(&script.text()) else {
            continue;
        };
        let mut stack = vec![value];
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(items) => stack.extend(items),
                Value::Object(ref map) => {
                    if let Some(graph) = map.get("@graph") {
                        stack.push(graph.clone());
                    }
                    if is_article(map.get("@type")) {
                        found.push(v);
                    }
                }
                _ => {}
            }
        }
    }
    found
}

fn is_article(kind: Option<&Value>) -> bool {
    let article = |s: &str| s.ends_with("Article") || s == "Report" || s == "BlogPosting";
    match kind {
        Some(Value::String(s)) => article(s),
        Some(Value::Array(kinds)) => kinds.iter().any(|k| k.as_str().is_some_and(article)),
        _ => false,
    }
}

/// A name from a JSON-LD value: a string, `{"name": …}`, or the first of a list of either.
fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => super::clean(s),
        Value::Object(map) => map.get("name").and_then(text_of),
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(text_of).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}
