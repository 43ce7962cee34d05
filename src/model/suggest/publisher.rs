//! Who publishes the article: "<Outlet> reported last month" is the outlet's own reporting when
//! it is the publisher and other media otherwise. The publisher is read from how the text names
//! itself: "told Daily NK", "Daily NK has learned", "※ ASIAPRESS contacts its partners", a
//! byline "By … | Kestrel Report", a wire dateline "SEOUL (Yonhap) —", a closing "(Yonhap)".

use super::lexicon::{LEXICON, class};
use super::places::key;
use regex::Regex;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// A name: capitalised words, "the" dropped.
const NAME: &str = r"(?:[Tt]he\s+)?(?P<n>[A-Z0-9][\w&’'-]*(?:[ \t]+[A-Z0-9][\w&’'-]*){0,3})";

/// (pattern, weight): how strongly each position says "this is us".
fn patterns() -> Vec<(Regex, u32)> {
    let p = |s: String, w| {
        // Constants of this file, covered by tests.
        (
            Regex::new(&s.replace(r"\b", r"(?-u:\b)")).expect("publisher pattern compiles"),
            w,
        )
    };
    vec![
        p(
            format!(
                r"{NAME}\s+(?:has|have|had)\s+(?:independently\s+)?(?:learned|learnt|confirmed|verified|seen|obtained|reviewed|established|been able to)\b"
            ),
            4,
        ),
        p(
            format!(
                r"{NAME}\s+(?:also\s+)?(?:understands|can confirm|can reveal|could not (?:independently |immediately |yet )?(?:verify|confirm|determine|reach)|cannot (?:independently |immediately )?(?:verify|confirm)|was unable to|contacts its|works with|spoke (?:by (?:tele)?phone,? (?:through an intermediary,? )?)?(?:with|to)|asked|assesses|continues to assess|has (?:not )?observed|has observed no|interviewed|surveyed|will continue to monitor|first (?:noted|reported|identified))\b"
            ),
            4,
        ),
        // A press release names its publisher in the lead: "…, Human Rights Watch said in a
        // report released today."
        p(
            format!(
                r"{NAME}\s+said\s+(?:today|in\s+(?:a|an|its)\s+(?:new\s+)?(?:report|statement|briefing paper|release|submission)(?:\s+(?:released|published|issued))?\s+today)"
            ),
            4,
        ),
        p(
            format!(
                r"{NAME}\s+(?:has not been able to|has been unable to|was not able to|was unable to)\s+(?:independently\s+)?(?:verify|confirm)"
            ),
            4,
        ),
        p(
            format!(r"\bFor more\s+{NAME}\s+(?:reporting|coverage|news)"),
            3,
        ),
        // An image credit ("Image © 2025 Airbus DS") names the imagery's owner, not the
        // publisher: its prefix is captured so that it can be skipped.
        p(
            format!(
                r"(?P<img>(?:[Ii]mage|[Ii]magery|[Pp]hoto|[Pp]icture|[Mm]ap|[Gg]raphic|[Ff]ootage)s?:?\s*)?(?:[Cc]opyright\s*(?:©\s*)?|©\s*)(?:\d{{4}},?\s+)?{NAME}"
            ),
            5,
        ),
        p(
            format!(r"\b(?:seen|reviewed|obtained|examined|verified|analy[sz]ed)\s+by\s+{NAME}"),
            2,
        ),
        p(
            format!(
                r"\b(?:statement|reply|comment|comments|response|answer|answers)\s+to\s+{NAME}"
            ),
            2,
        ),
        p(
            format!(
                r"\b(?:[Hh]e|[Ss]he|I)\s+(?:writes|wrote|reports)\s+(?:regularly\s+)?for\s+{NAME}"
            ),
            2,
        ),
        p(format!(r"\b(?:told|tells|telling)\s+{NAME}"), 2),
        p(
            format!(
                r"\b(?:[Ss]peaking|[Ss]poke|[Tt]alking)\s+(?:on the phone |by phone |by telephone )?(?:with|to)\s+{NAME}"
            ),
            2,
        ),
        p(
            format!(
                r"\b(?:[Aa]n?|[Tt]he)\s+{NAME}\s+(?:source|sources|reporter|reporters|correspondent|reporting partner|contact)\b"
            ),
            2,
        ),
        p(
            format!(r"(?m)^\s*By\s+[^\n|]{{2,60}}\s*[|/]\s*{NAME}\s*$"),
            3,
        ),
        p(
            format!(
                r"(?m)^[A-Z][A-Z .,/’'-]+(?:,\s+[A-Z][a-z]+\.?\s+\d{{1,2}})?\s+\({NAME}\)\s*(?:--|—|–|-)"
            ),
            3,
        ),
        p(format!(r"(?m)\({NAME}\)\s*$"), 1),
        // A site's navigation bar opens with its name: "Holos Stepu | News | Articles".
        p(format!(r"\A\s*{NAME}\s*\|\s*[A-Z]"), 3),
        // A republished story's page: the republisher is the publisher, the wire other media.
        p(
            format!(r"\b(?:[Rr]epublished|[Rr]eprinted)\s+(?:by|in)\s+{NAME}"),
            9,
        ),
    ]
}

static PATTERNS: LazyLock<Vec<(Regex, u32)>> = LazyLock::new(patterns);

static ABBREVIATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:[Tt]he\s+)?(?P<n>[A-Z][\w’'-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w’'-]*){1,6})\s+\((?P<a>[A-Z]{2,6})\)")
        .expect("abbreviation pattern compiles")
});

/// Compiles the publisher patterns now rather than on the first article.
pub(super) fn warm_up() {
    LazyLock::force(&PATTERNS);
    LazyLock::force(&ABBREVIATED);
}

/// The names the article uses for outlets, as look-up keys.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outlets {
    /// The publisher's names (all aliases of a known outlet); empty when the text does not say.
    pub publisher: Vec<String>,
    /// Other names the text puts where outlets stand ("told Hangang", "(Hangang)").
    pub others: Vec<String>,
}

/// The publisher's names as look-up keys; empty when the text does not say.
pub fn publisher(text: &str) -> Vec<String> {
    outlets(text).publisher
}

/// As [`outlets`], with the publisher's name as the page gave it (`og:site_name`, JSON-LD): the
/// page's word on who publishes it joins what the text says (or stands alone where the text
/// does not say).
pub fn outlets_with(text: &str, site_name: Option<&str>) -> Outlets {
    let mut found = outlets(text);
    if let Some(site) = site_name.and_then(plausible) {
        let names = names_of(key(&site), &site);
        found.others.retain(|o| !names.contains(o));
        found.publisher.extend(names);
        found.publisher.sort();
        found.publisher.dedup();
    }
    found
}

/// The publisher and the other outlets the article names.
pub fn outlets(text: &str) -> Outlets {
    // A text names its publisher near its start (byline, dateline, "told …") and its end
    // (credits, copyright, "republished by"): reading those parts keeps a book cheap.
    let head = head_of(text, 24 * 1024);
    let tail = tail_of(text, 8 * 1024, head.len());
    let mut score: FxHashMap<String, (u32, String)> = FxHashMap::default();
    let mut aliases: Vec<(String, String)> = Vec::new();
    for (re, weight) in PATTERNS.iter() {
        for caps in re.captures_iter(head).chain(re.captures_iter(tail)) {
            let Some(m) = caps.name("n") else { continue };
            if caps.name("img").is_some() {
                continue;
            }
            let name = m.as_str().trim_end_matches(['.', '’', '\'']);
            let Some(name) = plausible(name) else {
                continue;
            };
            let e = score.entry(key(&name)).or_insert((0, name));
            e.0 += weight;
        }
    }
    // "Open Passage Korea (OPK)": the full name and its abbreviation are one outlet.
    for caps in ABBREVIATED
        .captures_iter(head)
        .chain(ABBREVIATED.captures_iter(tail))
    {
        let (Some(full), Some(short)) = (caps.name("n"), caps.name("a")) else {
            continue;
        };
        let (kf, ks) = (key(full.as_str()), key(short.as_str()));
        if let Some((points, _)) = score.get(&ks).cloned() {
            let e = score
                .entry(kf.clone())
                .or_insert((0, full.as_str().to_string()));
            e.0 += points;
            aliases.push((kf, ks));
        } else if score.contains_key(&kf) {
            aliases.push((kf, ks));
        }
    }
    // "Tsugaru" and "Tsugaru News Service": a name and its first words are one outlet.
    let keys: Vec<(String, String)> = score
        .iter()
        .map(|(k, v)| (k.clone(), v.1.clone()))
        .collect();
    for (short, short_name) in &keys {
        for (long, long_name) in &keys {
            // "Tsugaru" of "Tsugaru News Service", "Herald" of "Coastline Herald".
            let prefix = long_name.starts_with(short_name.as_str())
                && long_name[short_name.len()..].starts_with(' ');
            let suffix = long_name.ends_with(short_name.as_str())
                && long_name[..long_name.len() - short_name.len()].ends_with(' ');
            if long != short && (prefix || suffix) {
                aliases.push((long.clone(), short.clone()));
            }
        }
    }
    let mut ranked: Vec<(String, (u32, String))> = score.into_iter().collect();
    ranked.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.0.cmp(&b.0)));
    let mut out = Outlets::default();
    let mut rest = ranked.into_iter();
    // A single weak mention ("(Kang Ji-won)") does not make a publisher.
    if let Some((k, (points, name))) = rest.next() {
        if points >= 2 {
            out.publisher = names_of(k.clone(), &name);
            for (full, short) in &aliases {
                if *full == k {
                    out.publisher.push(short.clone());
                } else if *short == k {
                    out.publisher.push(full.clone());
                }
            }
            // "NK News" and "NK Pro", "Korea Sentry" and "Sentry Pro": the premium edition.
            let words: Vec<&str> = name.split_whitespace().collect();
            for w in [words.first(), words.last()].into_iter().flatten() {
                out.publisher.push(key(&format!("{w} Pro")));
            }
            out.publisher.push(key(&format!("{name} Pro")));
            out.publisher.sort();
            out.publisher.dedup();
        } else {
            out.others.push(k);
        }
    }
    // Other outlets: names the text puts in an outlet's place at least twice, or known ones.
    for (k, (points, name)) in rest {
        if out.publisher.contains(&k) {
            continue;
        }
        if points >= 2 || LEXICON.outlet_named(&name).is_some() {
            out.others.extend(names_of(k, &name));
        }
    }
    out
}

/// A name's key and, for a known outlet, the keys of all its names ("Radio Free Asia", "RFA").
fn names_of(k: String, name: &str) -> Vec<String> {
    let mut keys = vec![k];
    if let Some(o) = LEXICON.outlet_named(name) {
        keys.extend(LEXICON.outlets[o].names.iter().map(|n| key(n)));
    }
    keys.sort();
    keys.dedup();
    keys
}

/// A candidate publisher name, or nothing when the words cannot be an outlet's name.
fn plausible(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let first = words.first()?.to_lowercase();
    let stop = [
        "reporters",
        "he",
        "she",
        "they",
        "it",
        "we",
        "in",
        "on",
        "that",
        "the",
        "a",
        "an",
        "his",
        "her",
        "their",
        "him",
        "them",
        "me",
        "us",
        "local",
        "state",
        "foreign",
        // Credits that name no owner: "© 2025 Private", "Photo: Handout".
        "private",
        "file",
        "handout",
        "courtesy",
        "pool",
        "unknown",
        "public",
        "archive",
        "staff",
        // A byline before a bar names the writer: "By Kim Ha-na | Amnok Monitor".
        "by",
    ];
    if stop.contains(&first.as_str()) || name.len() < 2 {
        return None;
    }
    // "told Vladivostok …" is not an outlet's name.
    if super::places::GAZETTEER
        .lookup(name, super::places::EDITION)
        .is_some()
    {
        return None;
    }
    // Titles and people's heads are not outlets: "told Minister Park", "told Kim".
    if LEXICON.is(&first, class::TITLE | class::ANON | class::INSTITUTION) {
        return None;
    }
    Some(name.to_string())
}

/// The last `max` bytes of `text` that come after byte `after`.
fn tail_of(text: &str, max: usize, after: usize) -> &str {
    let mut start = text.len().saturating_sub(max).max(after);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

fn head_of(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_names_its_publisher() {
        let text = "Headline\n\nA source in Hyesan told Kestrel Report on Monday that rice rose. \
                    Kestrel Report has learned that guards were detained.\n\n(Kang Ji-won)";
        let keys = publisher(text);
        assert!(keys.contains(&key("Kestrel Report")), "{keys:?}");
        assert!(!keys.contains(&key("Kang Ji-won")), "{keys:?}");
        let wire = "SEOUL, Oct. 4 (Yonhap) -- Prices rose, Radio Free Asia reported.\n(Yonhap)";
        assert!(publisher(wire).contains(&key("Yonhap")));
        assert!(publisher("Rice rose. Corn fell.").is_empty());
        let rfa = "“It is hard,” a resident told RFA. Another told RFA the same.";
        let keys = publisher(rfa);
        assert!(keys.contains(&key("Radio Free Asia")) && keys.contains(&key("RFA")));
    }
}
