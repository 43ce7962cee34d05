//! From a suggested kind and a stated location to a label of the user's taxonomy.

use super::Suggestion;
use crate::model::{SourceKind, Taxonomy};
use std::collections::HashMap;

/// Maps suggestions onto one taxonomy, remembering places already looked up (reports name the
/// same few places over and over).
pub struct Mapper<'a> {
    taxonomy: &'a Taxonomy,
    /// (label index, normalized location or alias) for every located label.
    names: Vec<(usize, String)>,
    places: HashMap<String, Option<usize>>,
}

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
            places: HashMap::new(),
        }
    }

    fn place(&mut self, place: &str) -> Option<usize> {
        if let Some(&hit) = self.places.get(place) {
            return hit;
        }
        let wanted = normalize(place);
        let found = self
            .names
            .iter()
            .filter(|(_, name)| contains_words(&wanted, name))
            .max_by_key(|(_, name)| name.len())
            .map(|&(i, _)| i);
        self.places.insert(place.to_string(), found);
        found
    }

    /// Picks the label for a suggestion. A located anonymous source goes to the label whose
    /// location or aliases name the place ("Hyesan" → "Source inside North Korea"); other kinds
    /// go to the first label of that kind. A place no label knows is kept as
    /// `unmatched_location`.
    pub fn assign(&mut self, s: &mut Suggestion) {
        let taxonomy = self.taxonomy;
        if s.kind == SourceKind::AnonymousSource {
            match s.location.as_deref() {
                Some(place) => match self.place(place) {
                    Some(i) => s.label = Some(taxonomy.labels[i].id.clone()),
                    None => {
                        s.label = None;
                        s.unmatched_location = Some(place.to_string());
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

/// Picks the label for one suggestion (see [`Mapper::assign`]).
pub fn assign_label(s: &mut Suggestion, taxonomy: &Taxonomy) {
    Mapper::new(taxonomy).assign(s);
}

/// The label whose location or alias appears in `place` as whole words; the longest name wins,
/// so "North Hamgyong Province" beats "North".
pub fn label_for_place(place: &str, taxonomy: &Taxonomy) -> Option<usize> {
    Mapper::new(taxonomy).place(place)
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
    fn places_map_through_aliases_longest_first() {
        let t = Taxonomy::default_preset();
        let id = |p: &str| label_for_place(p, &t).map(|i| t.labels[i].id.0.clone());
        assert_eq!(id("Hyesan").as_deref(), Some("inside_nk"));
        assert_eq!(id("North Hamgyong Province").as_deref(), Some("inside_nk"));
        assert_eq!(id("the North").as_deref(), Some("inside_nk"));
        assert_eq!(id("China’s Liaoning Province").as_deref(), Some("in_china"));
        assert_eq!(id("Vladivostok").as_deref(), Some("in_russia"));
        assert_eq!(id("Seoul"), None);
        assert_eq!(id("Northampton"), None);
    }
}
