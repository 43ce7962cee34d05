//! From a suggested kind and a stated location to a label of the user's taxonomy.

use super::Suggestion;
use crate::model::{SourceKind, Taxonomy};

/// Picks the label for a suggestion. A located anonymous source goes to the label whose
/// location or aliases name the place ("Hyesan" → "Source inside North Korea"); other kinds go
/// to the first label of that kind. A place no label knows is kept as `unmatched_location`.
pub fn assign_label(s: &mut Suggestion, taxonomy: &Taxonomy) {
    if s.kind == SourceKind::AnonymousSource {
        match s.location.as_deref() {
            Some(place) => match label_for_place(place, taxonomy) {
                Some(i) => s.label = Some(taxonomy.labels[i].id.clone()),
                None => {
                    s.label = None;
                    s.unmatched_location = Some(place.to_string());
                }
            },
            None => {
                // An unlocated source: a label of the kind with no location, if the user has one.
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

/// The label whose location or alias appears in `place` as whole words; the longest name wins,
/// so "North Hamgyong Province" beats "North".
pub fn label_for_place(place: &str, taxonomy: &Taxonomy) -> Option<usize> {
    let place = normalize(place);
    let mut best: Option<(usize, usize)> = None;
    for (i, label) in taxonomy.labels.iter().enumerate() {
        if label.kind != SourceKind::AnonymousSource {
            continue;
        }
        for name in label.location.iter().chain(label.aliases.iter()) {
            let name = normalize(name);
            if !name.is_empty()
                && contains_words(&place, &name)
                && best.is_none_or(|(_, len)| name.len() > len)
            {
                best = Some((i, name.len()));
            }
        }
    }
    best.map(|(i, _)| i)
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
