//! The analyst's label set: the kinds of source a sentence can rest on.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Stable identifier of a label, e.g. `"inside_nk"`. Claims refer to labels by id so that
/// renaming or recolouring a label never touches the claims. Shared, not copied: a long review
/// names a label in tens of thousands of claims and suggestions (see [`LabelId::share`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LabelId(pub std::sync::Arc<str>);

impl LabelId {
    pub fn new(id: impl Into<std::sync::Arc<str>>) -> Self {
        Self(id.into())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for LabelId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What kind of attribution a label stands for. Fixed, so that code can reason about labels the
/// user defined (a label "Source in Hyesan" is still an `AnonymousSource`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    NotAClaim,
    OwnReporting,
    AnonymousSource,
    MultipleSources,
    Official,
    NamedPerson,
    OtherMedia,
    Document,
    Expert,
    Hedged,
    Unattributed,
}

impl SourceKind {
    pub const ALL: [SourceKind; 11] = [
        SourceKind::NotAClaim,
        SourceKind::OwnReporting,
        SourceKind::AnonymousSource,
        SourceKind::MultipleSources,
        SourceKind::Official,
        SourceKind::NamedPerson,
        SourceKind::OtherMedia,
        SourceKind::Document,
        SourceKind::Expert,
        SourceKind::Hedged,
        SourceKind::Unattributed,
    ];

    /// The snake_case name used in files and JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::NotAClaim => "not_a_claim",
            SourceKind::OwnReporting => "own_reporting",
            SourceKind::AnonymousSource => "anonymous_source",
            SourceKind::MultipleSources => "multiple_sources",
            SourceKind::Official => "official",
            SourceKind::NamedPerson => "named_person",
            SourceKind::OtherMedia => "other_media",
            SourceKind::Document => "document",
            SourceKind::Expert => "expert",
            SourceKind::Hedged => "hedged",
            SourceKind::Unattributed => "unattributed",
        }
    }

    /// The name people read ("Anonymous source"), for menus and lists.
    pub fn display_name(self) -> &'static str {
        match self {
            SourceKind::NotAClaim => "Not a claim",
            SourceKind::OwnReporting => "Outlet's own reporting",
            SourceKind::AnonymousSource => "Anonymous source",
            SourceKind::MultipleSources => "Multiple sources",
            SourceKind::Official => "Official",
            SourceKind::NamedPerson => "Named person",
            SourceKind::OtherMedia => "Other media",
            SourceKind::Document => "Document",
            SourceKind::Expert => "Expert",
            SourceKind::Hedged => "Hedged",
            SourceKind::Unattributed => "Unattributed",
        }
    }
}

/// An sRGB colour, written as `"#rrggbb"` in files so that people can edit taxonomies by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub fn to_hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    pub fn parse(s: &str) -> Option<Self> {
        let hex = s.strip_prefix('#')?;
        if hex.len() != 6 || !hex.is_ascii() {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
    }
}

impl Serialize for Rgb {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_hex())
    }
}

impl<'de> Deserialize<'de> for Rgb {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Rgb::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!("colour {s:?} is not of the form \"#rrggbb\""))
        })
    }
}

/// One label of the taxonomy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceType {
    pub id: LabelId,
    pub name: String,
    pub kind: SourceKind,
    /// Where the source is, for located anonymous sources ("inside North Korea").
    #[serde(default)]
    pub location: Option<String>,
    pub color: Rgb,
    /// The hotkey that applies the label: '1'–'9' or '0'.
    #[serde(default)]
    pub key: Option<char>,
    #[serde(default)]
    pub description: String,
    /// Other names of the location ("Hyesan", "the North"), used to map stated places to labels.
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Taxonomy {
    pub name: String,
    pub labels: Vec<SourceType>,
    /// The edition of the bundled gazetteer (`assets/places/`) whose places the located labels
    /// take in: "Musan" finds "Source inside North Korea" from edition 1 on. 0: only the labels'
    /// own locations and aliases, as reviews made before the gazetteer had them. A review keeps
    /// its edition until the analyst updates its labels.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub places: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TaxonomyError {
    #[error("the taxonomy has no labels")]
    Empty,
    #[error("label id {0:?} is used twice")]
    DuplicateId(String),
    #[error("label id is empty")]
    EmptyId,
    #[error("hotkey '{key}' is given to both {first:?} and {second:?}")]
    DuplicateKey {
        key: char,
        first: String,
        second: String,
    },
    #[error("hotkey '{key}' of {label:?} is not a digit 0–9")]
    BadKey { key: char, label: String },
    #[error("label id {0:?} contains a line break or another control character")]
    ControlInId(String),
}

impl Taxonomy {
    /// Checks the invariants the rest of the app relies on: unique ids and unique digit hotkeys.
    pub fn validate(&self) -> Result<(), TaxonomyError> {
        if self.labels.is_empty() {
            return Err(TaxonomyError::Empty);
        }
        for (i, label) in self.labels.iter().enumerate() {
            if label.id.0.trim().is_empty() {
                return Err(TaxonomyError::EmptyId);
            }
            // Ids go into file names, exports and one-line formats: no line breaks in them.
            if label.id.0.chars().any(char::is_control) {
                return Err(TaxonomyError::ControlInId(label.id.0.to_string()));
            }
            if let Some(key) = label.key
                && !key.is_ascii_digit()
            {
                return Err(TaxonomyError::BadKey {
                    key,
                    label: label.name.clone(),
                });
            }
            for earlier in &self.labels[..i] {
                if earlier.id == label.id {
                    return Err(TaxonomyError::DuplicateId(label.id.0.to_string()));
                }
                if label.key.is_some() && earlier.key == label.key {
                    return Err(TaxonomyError::DuplicateKey {
                        key: label.key.unwrap_or('?'),
                        first: earlier.name.clone(),
                        second: label.name.clone(),
                    });
                }
            }
        }
        Ok(())
    }

    pub fn get(&self, id: &LabelId) -> Option<&SourceType> {
        self.labels.iter().find(|l| &l.id == id)
    }

    pub fn position(&self, id: &LabelId) -> Option<usize> {
        self.labels.iter().position(|l| &l.id == id)
    }

    pub fn by_key(&self, key: char) -> Option<&SourceType> {
        self.labels.iter().find(|l| l.key == Some(key))
    }

    /// Parses a taxonomy from RON text and validates it.
    pub fn from_ron(text: &str) -> Result<Self, String> {
        let taxonomy: Taxonomy = ron::from_str(text).map_err(|e| e.to_string())?;
        taxonomy.validate().map_err(|e| e.to_string())?;
        Ok(taxonomy)
    }

    /// The preset shipped in `assets/taxonomies/default.ron`.
    /// The newest gazetteer edition, when this taxonomy does not take in its places yet: a
    /// review made with older places finds the new ones only when the analyst chooses so.
    pub fn newer_places(&self) -> Option<u32> {
        let newest = crate::model::suggest::places::EDITION;
        (self.places < newest).then_some(newest)
    }

    pub fn default_preset() -> Self {
        // The preset is part of the binary and covered by a test, so a parse failure here is a
        // build defect rather than user input.
        Self::from_ron(DEFAULT_TAXONOMY_RON).expect("bundled default taxonomy is valid")
    }
}

/// Colours offered for labels, in the order the shipped labels take them. Chosen (by a search
/// over sRGB near the earlier palette) so that every pair differs by CIEDE2000 ≥ 20, their tints by
/// ≥ 10 on the light and the dark page, and an outline of any of them shows on either page
/// (luminance 0.07–0.45); `model::colour`'s tests hold it to that.
pub const PALETTE: [Rgb; 16] = [
    Rgb(0xe0, 0x58, 0x30),
    Rgb(0x38, 0x88, 0xc8),
    Rgb(0xd8, 0xa0, 0x10),
    Rgb(0x40, 0xb0, 0x68),
    Rgb(0x90, 0x60, 0xc0),
    Rgb(0x10, 0xa0, 0xa0),
    Rgb(0xf8, 0x88, 0x98),
    Rgb(0xb0, 0xb0, 0xb0),
    Rgb(0x80, 0x88, 0x10),
    Rgb(0x50, 0x68, 0x68),
    Rgb(0x00, 0x60, 0x20),
    Rgb(0x58, 0x48, 0x60),
    Rgb(0x60, 0x50, 0x18),
    Rgb(0x88, 0x30, 0x00),
    Rgb(0xc0, 0x30, 0x70),
    Rgb(0x00, 0x48, 0xa8),
];

impl Taxonomy {
    /// A digit no label uses yet, if any is left.
    pub fn free_key(&self) -> Option<char> {
        "1234567890"
            .chars()
            .find(|k| !self.labels.iter().any(|l| l.key == Some(*k)))
    }

    /// The colour a new label gets: the free one that stands furthest from all in use.
    pub fn next_color(&self) -> Rgb {
        let used: Vec<Rgb> = self.labels.iter().map(|l| l.color).collect();
        super::colour::most_distant(&used)
    }

    /// Gives the shipped labels that still have the shipped colours of earlier versions today's
    /// colours (two of those were hard to tell apart); a colour the analyst chose stays.
    pub fn refresh_default_colours(&mut self) {
        for label in &mut self.labels {
            let Some(i) = DEFAULT_IDS.iter().position(|id| *id == &*label.id.0) else {
                continue;
            };
            if EARLIER_DEFAULT_COLOURS[i] == label.color {
                label.color = PALETTE[i];
            }
        }
    }
}

/// The shipped labels, in order, and the colours they were shipped with until December 2026.
const DEFAULT_IDS: [&str; 13] = [
    "inside_nk",
    "in_russia",
    "in_china",
    "multiple",
    "own",
    "official",
    "other_media",
    "hedged",
    "unattributed",
    "not_claim",
    "named",
    "document",
    "expert",
];
const EARLIER_DEFAULT_COLOURS: [Rgb; 13] = [
    Rgb(0xe4, 0x57, 0x2e),
    Rgb(0x3f, 0x88, 0xc5),
    Rgb(0xd7, 0xa2, 0x1b),
    Rgb(0x44, 0xaf, 0x69),
    Rgb(0x8f, 0x5f, 0xc1),
    Rgb(0x2a, 0x9d, 0x8f),
    Rgb(0xf2, 0x84, 0x82),
    Rgb(0xb8, 0xb8, 0xb8),
    Rgb(0xf4, 0xd3, 0x5e),
    Rgb(0x6c, 0x75, 0x7d),
    Rgb(0x0b, 0x7a, 0x75),
    Rgb(0x7d, 0x5b, 0xa6),
    Rgb(0x5e, 0x8c, 0x31),
];

pub const DEFAULT_TAXONOMY_RON: &str = include_str!("../../assets/taxonomies/default.ron");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_round_trip_as_hex() {
        let c = Rgb(0xd9, 0x5f, 0x02);
        assert_eq!(c.to_hex(), "#d95f02");
        assert_eq!(Rgb::parse("#d95f02"), Some(c));
        assert_eq!(Rgb::parse("d95f02"), None);
        assert_eq!(Rgb::parse("#d95f0"), None);
        assert_eq!(Rgb::parse("#zz5f02"), None);
    }

    #[test]
    fn duplicate_hotkeys_are_refused() {
        let mut t = Taxonomy::default_preset();
        let key = t.labels[0].key;
        t.labels[1].key = key;
        assert!(matches!(
            t.validate(),
            Err(TaxonomyError::DuplicateKey { .. })
        ));
    }
}
