//! From a suggested kind and a stated place to a label of the user's taxonomy. A place the
//! gazetteer knows goes to the label whose location is that place, its province or its country
//! (most specific first: a team's "Source in Hyesan" label beats "Source inside North Korea");
//! labels' own aliases count too, and are all a review made before the gazetteer knows.

use super::Suggestion;
use super::places::{Found, GAZETTEER, key};
use crate::model::{SourceKind, Taxonomy};
use rustc_hash::FxHashMap;

/// Maps suggestions onto one taxonomy, remembering places already looked up (reports name the
/// same few places over and over).
pub struct Mapper<'a> {
    taxonomy: &'a Taxonomy,
    /// (label index, look-up key of its location or an alias) for every located label.
    names: Vec<(usize, String)>,
    /// Place as written → (what the gazetteer found, label) pairs already worked out.
    cache: FxHashMap<String, Vec<Mapped>>,
}

/// What the gazetteer found for a place, and the label it reaches.
type Mapped = (Option<Found>, Option<usize>);

impl<'a> Mapper<'a> {
    pub fn new(taxonomy: &'a Taxonomy) -> Self {
        let names = taxonomy
            .labels
            .iter()
            .enumerate()
            .filter(|(_, l)| l.kind == SourceKind::AnonymousSource)
            .flat_map(|(i, l)| {
                l.location
                    .iter()
                    .chain(l.aliases.iter())
                    .map(move |n| (i, normalize(n)))
            })
            .filter(|(_, n)| !n.is_empty())
            .collect();
        Self {
            taxonomy,
            names,
            cache: FxHashMap::default(),
        }
    }

    /// The label for a place, as written and as the gazetteer found it.
    fn place(&mut self, written: &str, found: Option<&Found>) -> Option<usize> {
        let found_place = found;
        if let Some(hit) = self
            .cache
            .get(written)
            .and_then(|v| v.iter().find(|(f, _)| f.as_ref() == found))
        {
            return hit.1;
        }
        let edition = self.taxonomy.places;
        // The gazetteer's chain (place, province, country) when the review's edition has it.
        let chain: Vec<String> = found
            .filter(|f| GAZETTEER.known_in(f, edition))
            .map(|f| GAZETTEER.chain(f))
            .unwrap_or_default();
        let by_chain = chain.iter().find_map(|name| {
            let k = key(name);
            self.names
                .iter()
                .find(|(_, n)| key(n) == k)
                .map(|&(i, _)| i)
        });
        // The labels' own names, inside the place as written: "North Hamgyong Province" holds
        // the alias "North Hamgyong"; the longest wins.
        let wanted = normalize(written);
        let by_alias = self
            .names
            .iter()
            .filter(|(_, name)| contains_words(&wanted, name))
            .max_by_key(|(_, name)| name.len())
            .map(|&(i, _)| i);
        let found = by_chain.or(by_alias);
        self.cache
            .entry(written.to_string())
            .or_default()
            .push((found_place.cloned(), found));
        found
    }

    /// Picks the label for a suggestion. A located anonymous source goes to the label of its
    /// place; other kinds go to the first label of that kind. A place no label covers is kept
    /// as `unmatched_location`, unless the name is ambiguous between countries.
    pub fn assign(&mut self, s: &mut Suggestion, found: Option<&Found>) {
        let taxonomy = self.taxonomy;
        if s.kind == SourceKind::AnonymousSource {
            match s.location.clone() {
                Some(place) => match self.place(&place, found) {
                    Some(i) => s.label = Some(taxonomy.labels[i].id.clone()),
                    None => {
                        s.label = None;
                        if matches!(found, Some(Found::Ambiguous(_))) {
                            {
                                let mut rules = std::mem::take(&mut s.rules).into_vec();
                                rules.push("place-ambiguous");
                                s.rules = rules.into_boxed_slice();
                            }
                        } else {
                            s.unmatched_location = Some(place);
                        }
                    }
                },
                None => {
                    s.label = taxonomy
                        .labels
                        .iter()
                        .find(|l| l.kind == s.kind && l.location.is_none())
                        .map(|l| l.id.clone());
                }
            }
            return;
        }
        s.label = taxonomy
            .labels
            .iter()
            .find(|l| l.kind == s.kind)
            .map(|l| l.id.clone());
    }
}

/// The label whose location or alias names `place`; the gazetteer's places count from the
/// taxonomy's edition on.
pub fn label_for_place(place: &str, taxonomy: &Taxonomy) -> Option<usize> {
    let found = GAZETTEER.lookup(place, super::places::EDITION);
    Mapper::new(taxonomy).place(place, found.as_ref())
}

fn normalize(s: &str) -> String {
    let s = s.to_lowercase().replace(['’', '\''], "");
    s.trim()
        .trim_start_matches("the ")
        .trim_start_matches("inside ")
        .to_string()
}

fn contains_words(haystack: &str, needle: &str) -> bool {
    haystack.match_indices(needle).any(|(i, _)| {
        let before = haystack[..i].chars().next_back();
        let after = haystack[i + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_map_through_the_gazetteer_and_aliases() {
        let t = Taxonomy::default_preset();
        let id = |p: &str| label_for_place(p, &t).map(|i| t.labels[i].id.0.clone());
        assert_eq!(id("Hyesan").as_deref(), Some("inside_nk"));
        assert_eq!(id("North Hamgyong Province").as_deref(), Some("inside_nk"));
        assert_eq!(id("Musan County").as_deref(), Some("inside_nk"));
        assert_eq!(id("Yangkang Province").as_deref(), Some("inside_nk"));
        assert_eq!(id("the North").as_deref(), Some("inside_nk"));
        assert_eq!(id("China’s Liaoning Province").as_deref(), Some("in_china"));
        assert_eq!(id("Ussuriysk").as_deref(), Some("in_russia"));
        assert_eq!(id("Seoul"), None);
        assert_eq!(id("Northampton"), None);
    }

    #[test]
    fn a_review_before_the_gazetteer_keeps_its_aliases_only() {
        let mut t = Taxonomy::default_preset();
        t.places = 0;
        let id = |p: &str| label_for_place(p, &t).map(|i| t.labels[i].id.0.clone());
        assert_eq!(
            id("Hyesan").as_deref(),
            Some("inside_nk"),
            "an alias of the label"
        );
        assert_eq!(id("Musan County"), None, "a place only the gazetteer knows");
    }
}
