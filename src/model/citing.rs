//! Claims that cite another report: "Kestrel Report said on Tuesday that three cargo ships had
//! waited at Rason for a week" relays what Kestrel Report published, in other words. Its word
//! pairs are too unlike the original's for the near-identical test, but it names the outlet it
//! rests on: a claim that names another outlet of the corpus, and shares most of its content
//! words with a claim that outlet published no later, is of the same origin.

use std::collections::{HashMap, HashSet};

/// Content words a citing claim and the cited one must share, at least …
const MIN_SHARED: usize = 3;
/// … and as a share of the shorter claim's content words.
const MIN_SHARE: f64 = 0.5;
/// A word in more claims than this says nothing about which claim is cited ("market").
const COMMON: usize = 500;

/// Words that carry no content: function words, and the words of attribution itself.
const STOP: &[&str] = &[
    "about",
    "after",
    "again",
    "also",
    "been",
    "before",
    "being",
    "citing",
    "could",
    "does",
    "from",
    "have",
    "into",
    "last",
    "more",
    "most",
    "only",
    "other",
    "over",
    "reported",
    "reportedly",
    "reports",
    "said",
    "says",
    "some",
    "source",
    "sources",
    "such",
    "than",
    "that",
    "their",
    "them",
    "there",
    "these",
    "they",
    "this",
    "those",
    "told",
    "under",
    "week",
    "were",
    "what",
    "when",
    "which",
    "while",
    "will",
    "with",
    "would",
    "according",
    "report",
    "telling",
];

/// One claim as the citation test sees it.
pub(super) struct Claim<'a> {
    /// Its sentence, lower case.
    pub(super) text: String,
    /// The outlet that published it, lower case.
    pub(super) outlet: &'a str,
    /// Its report's date, as the report gives it ("" when it gives none).
    pub(super) date: &'a str,
}

/// Pairs of claims (indices into `claims`) where the first names the second's outlet and
/// relays it: the same origin.
pub(super) fn citations(claims: &[Claim]) -> Vec<(usize, usize)> {
    let mut outlets: Vec<&str> = claims
        .iter()
        .map(|c| c.outlet)
        .filter(|o| o.chars().filter(|c| c.is_alphanumeric()).count() >= 3)
        .collect();
    outlets.sort_unstable();
    outlets.dedup();
    if outlets.len() < 2 {
        return Vec::new();
    }
    // One pass over each claim finds every outlet it names (the names are whole words).
    let alternatives: Vec<String> = outlets.iter().map(|o| regex::escape(o)).collect();
    let Ok(naming) = regex::Regex::new(&format!(r"\b(?:{})\b", alternatives.join("|"))) else {
        return Vec::new();
    };
    let cites: Vec<Vec<&str>> = claims
        .iter()
        .map(|c| {
            let mut named: Vec<&str> = naming
                .find_iter(&c.text)
                .filter_map(|m| outlets.iter().copied().find(|&o| o == m.as_str()))
                .filter(|&o| o != c.outlet)
                .collect();
            named.dedup();
            named
        })
        .collect();
    let cited: HashSet<&str> = cites.iter().flatten().copied().collect();
    if cited.is_empty() {
        return Vec::new();
    }
    // An outlet's own name is not content: "Kestrel" in a relay of Kestrel's report.
    let names: HashSet<String> = outlets
        .iter()
        .flat_map(|o| content(o, &HashSet::new()))
        .collect();
    // Content words of the claims that cite, and of those that may be cited.
    let words: Vec<Option<HashSet<String>>> = claims
        .iter()
        .zip(&cites)
        .map(|(c, named)| {
            (!named.is_empty() || cited.contains(c.outlet)).then(|| content(&c.text, &names))
        })
        .collect();
    let mut posting: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, w) in words.iter().enumerate() {
        if cited.contains(claims[k].outlet) {
            for word in w.iter().flatten() {
                posting.entry(word.as_str()).or_default().push(k);
            }
        }
    }
    let mut pairs = Vec::new();
    for (k, claim) in claims.iter().enumerate() {
        let (named, Some(own)) = (&cites[k], &words[k]) else {
            continue;
        };
        if named.is_empty() {
            continue;
        }
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for word in own {
            let Some(list) = posting.get(word.as_str()).filter(|l| l.len() <= COMMON) else {
                continue;
            };
            for &m in list {
                let other = &claims[m];
                let earlier =
                    other.date.is_empty() || claim.date.is_empty() || other.date <= claim.date;
                if named.contains(&other.outlet) && earlier {
                    *shared.entry(m).or_default() += 1;
                }
            }
        }
        let size = |m: usize| words[m].as_ref().map_or(0, HashSet::len);
        pairs.extend(
            shared
                .into_iter()
                .filter(|&(m, n)| {
                    let shorter = size(k).min(size(m)).max(1);
                    n >= MIN_SHARED && n as f64 / shorter as f64 >= MIN_SHARE
                })
                .map(|(m, _)| (k, m)),
        );
    }
    pairs.sort_unstable();
    pairs
}

/// The content words of a lower-case text: four letters or more, not attribution, not an
/// outlet's name.
fn content(text: &str, named: &HashSet<String>) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 && !STOP.contains(w) && !named.contains(*w))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim<'a>(text: &str, outlet: &'a str, date: &'a str) -> Claim<'a> {
        Claim {
            text: text.to_lowercase(),
            outlet,
            date,
        }
    }

    #[test]
    fn a_relay_naming_the_outlet_is_paired_with_what_that_outlet_published_first() {
        let claims = [
            claim(
                "A source in Rason told Kestrel Report that three ships were waiting at the port.",
                "kestrel report",
                "2026-10-20",
            ),
            claim(
                "Kestrel Report said on Tuesday that three cargo ships had been waiting at Rason port.",
                "harbour wire",
                "2026-10-22",
            ),
            // Names the outlet, but about something else.
            claim(
                "Kestrel Report has covered the border for a decade, its editor said.",
                "harbour wire",
                "2026-10-23",
            ),
            // The same words, not naming it: the near-identical test's business, not this one's.
            claim(
                "Three cargo ships had been waiting at Rason port, a trader said.",
                "tumen ledger",
                "2026-10-24",
            ),
            // Naming Kestrel, but before Kestrel published: not a relay of it.
            claim(
                "Kestrel Report says three ships are waiting at Rason port, according to rumour.",
                "tumen ledger",
                "2026-10-01",
            ),
        ];
        assert_eq!(citations(&claims), [(1, 0)]);
    }

    #[test]
    fn an_outlet_is_named_only_as_whole_words() {
        let original = claim(
            "Three cargo ships were waiting at the Rason port on Monday.",
            "nk news",
            "2026-10-20",
        );
        let relay = |text: &str| {
            [
                original_again(&original),
                claim(text, "kestrel report", "2026-10-21"),
            ]
        };
        assert_eq!(
            citations(&relay(
                "NK News said three cargo ships waited at Rason port."
            )),
            [(1, 0)]
        );
        assert!(
            citations(&relay(
                "The NK Newsroom said three cargo ships waited at Rason port."
            ))
            .is_empty()
        );
    }

    fn original_again<'a>(c: &Claim<'a>) -> Claim<'a> {
        Claim {
            text: c.text.clone(),
            ..*c
        }
    }
}
