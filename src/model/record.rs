//! The analyst's record beyond the label: sources as entities with an Admiralty reliability
//! grade, and per-claim credibility, hedging and links (NATO AJP-2.1 / STANAG 2511: reliability
//! of the source A–F and credibility of the information 1–6, graded independently).

use super::taxonomy::LabelId;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Stable identity of a sentence: survives splits, merges and re-segmentation, so links between
/// claims do not drift when boundaries change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SentenceId(pub u32);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SourceId(pub u32);

/// How reliable the source is (Admiralty code), judged on its record, not on this claim.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Reliability {
    /// Completely reliable.
    A,
    /// Usually reliable.
    B,
    /// Fairly reliable.
    C,
    /// Not usually reliable.
    D,
    /// Unreliable.
    E,
    /// Reliability cannot be judged.
    #[default]
    F,
}

impl Reliability {
    pub const ALL: [Reliability; 6] = [
        Reliability::A,
        Reliability::B,
        Reliability::C,
        Reliability::D,
        Reliability::E,
        Reliability::F,
    ];

    pub fn letter(self) -> char {
        match self {
            Reliability::A => 'A',
            Reliability::B => 'B',
            Reliability::C => 'C',
            Reliability::D => 'D',
            Reliability::E => 'E',
            Reliability::F => 'F',
        }
    }

    pub fn meaning(self) -> &'static str {
        match self {
            Reliability::A => "completely reliable",
            Reliability::B => "usually reliable",
            Reliability::C => "fairly reliable",
            Reliability::D => "not usually reliable",
            Reliability::E => "unreliable",
            Reliability::F => "reliability cannot be judged",
        }
    }
}

/// How credible this piece of information is, judged apart from its source.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Credibility {
    /// Confirmed by other sources.
    Confirmed,
    /// Probably true.
    Probable,
    /// Possibly true.
    Possible,
    /// Doubtful.
    Doubtful,
    /// Improbable.
    Improbable,
    /// Truth cannot be judged.
    #[default]
    CannotJudge,
}

impl Credibility {
    pub const ALL: [Credibility; 6] = [
        Credibility::Confirmed,
        Credibility::Probable,
        Credibility::Possible,
        Credibility::Doubtful,
        Credibility::Improbable,
        Credibility::CannotJudge,
    ];

    pub fn digit(self) -> u8 {
        match self {
            Credibility::Confirmed => 1,
            Credibility::Probable => 2,
            Credibility::Possible => 3,
            Credibility::Doubtful => 4,
            Credibility::Improbable => 5,
            Credibility::CannotJudge => 6,
        }
    }

    pub fn from_digit(d: u8) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.digit() == d)
    }

    pub fn meaning(self) -> &'static str {
        match self {
            Credibility::Confirmed => "confirmed by other sources",
            Credibility::Probable => "probably true",
            Credibility::Possible => "possibly true",
            Credibility::Doubtful => "doubtful",
            Credibility::Improbable => "improbable",
            Credibility::CannotJudge => "truth cannot be judged",
        }
    }
}

/// The hedging present in the report's own words, kept apart from the analyst's judgement.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Hedging {
    #[default]
    None,
    /// "reportedly", "is said to", "amid rumors".
    Hearsay,
    /// "apparently", "seems to", "appears to".
    Inferential,
    /// "may", "could", "possibly", "likely".
    Speculative,
}

impl Hedging {
    pub const ALL: [Hedging; 4] = [
        Hedging::None,
        Hedging::Hearsay,
        Hedging::Inferential,
        Hedging::Speculative,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Hedging::None => "none",
            Hedging::Hearsay => "hearsay",
            Hedging::Inferential => "inferential",
            Hedging::Speculative => "speculative",
        }
    }

    /// The hedging the report's own words show, from its cue words; the strongest wins.
    pub fn from_text(text: &str) -> Hedging {
        let finder = &*HEDGE_FINDER;
        let mut found = Hedging::None;
        for m in finder.find_iter(text) {
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let cue = m.as_str().to_ascii_lowercase();
            let Some(&(_, level)) = HEDGE_CUES.iter().find(|(c, _)| *c == cue) else {
                continue;
            };
            if level.strength() > found.strength() {
                found = level;
            }
        }
        found
    }

    /// Hearsay outranks inference, which outranks speculation.
    fn strength(self) -> u8 {
        match self {
            Hedging::None => 0,
            Hedging::Speculative => 1,
            Hedging::Inferential => 2,
            Hedging::Hearsay => 3,
        }
    }
}

const HEDGE_CUES: &[(&str, Hedging)] = &[
    ("reportedly", Hedging::Hearsay),
    ("allegedly", Hedging::Hearsay),
    ("rumor", Hedging::Hearsay),
    ("rumors", Hedging::Hearsay),
    ("rumour", Hedging::Hearsay),
    ("rumours", Hedging::Hearsay),
    ("is said to", Hedging::Hearsay),
    ("are said to", Hedging::Hearsay),
    ("was said to", Hedging::Hearsay),
    ("were said to", Hedging::Hearsay),
    ("purportedly", Hedging::Hearsay),
    ("supposedly", Hedging::Hearsay),
    ("apparently", Hedging::Inferential),
    ("seems to", Hedging::Inferential),
    ("seemed to", Hedging::Inferential),
    ("appears to", Hedging::Inferential),
    ("appeared to", Hedging::Inferential),
    ("evidently", Hedging::Inferential),
    ("is believed to", Hedging::Inferential),
    ("are believed to", Hedging::Inferential),
    ("may have", Hedging::Speculative),
    ("might", Hedging::Speculative),
    ("could have", Hedging::Speculative),
    ("possibly", Hedging::Speculative),
    ("perhaps", Hedging::Speculative),
    ("likely", Hedging::Speculative),
];

/// All cue words as one case-insensitive search, longest first so that "rumors" is found whole
/// rather than as "rumor" followed by a letter. One pass over the sentence instead of one per
/// cue: this runs on every sentence of a new review.
static HEDGE_FINDER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    let mut cues: Vec<&str> = HEDGE_CUES.iter().map(|(c, _)| *c).collect();
    cues.sort_by_key(|c| std::cmp::Reverse(c.len()));
    let alternation: Vec<String> = cues.iter().map(|c| regex::escape(c)).collect();
    regex::RegexBuilder::new(&alternation.join("|"))
        .case_insensitive(true)
        .unicode(false)
        .build()
        .unwrap_or_else(|_| regex::Regex::new("$^").expect("an empty pattern compiles"))
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    Corroborates,
    Contradicts,
    SameOrigin,
    Elaborates,
}

impl LinkKind {
    pub const ALL: [LinkKind; 4] = [
        LinkKind::Corroborates,
        LinkKind::Contradicts,
        LinkKind::SameOrigin,
        LinkKind::Elaborates,
    ];

    pub fn name(self) -> &'static str {
        match self {
            LinkKind::Corroborates => "corroborates",
            LinkKind::Contradicts => "contradicts",
            LinkKind::SameOrigin => "same origin as",
            LinkKind::Elaborates => "elaborates",
        }
    }
}

/// "This claim corroborates / contradicts / … that claim".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub kind: LinkKind,
    pub to: SentenceId,
}

/// A source as an entity: "Source A — in Russia, phone contact".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: SourceId,
    pub name: String,
    /// The kind of source (a label of the taxonomy), if set.
    #[serde(default)]
    pub label: Option<LabelId>,
    /// ICD 206 style descriptor: access, track record, possible bias.
    #[serde(default)]
    pub descriptor: String,
    #[serde(default)]
    pub reliability: Reliability,
    /// Proposed by the suggestion engine ("source in Yanggang Province" behind several
    /// sentences) and not yet accepted by the analyst.
    #[serde(default, skip_serializing_if = "is_false")]
    pub proposed: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Source {
    /// The name as lists show it, marked while the engine's proposal awaits the analyst.
    pub fn display_name(&self) -> String {
        if self.proposed {
            format!("{} (proposed)", self.name)
        } else {
            self.name.clone()
        }
    }
}

/// The combined Admiralty grade of a claim from a source, e.g. "B2".
pub fn grade(reliability: Reliability, credibility: Credibility) -> String {
    format!("{}{}", reliability.letter(), credibility.digit())
}

impl fmt::Display for SourceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hedging_is_read_from_the_words() {
        assert_eq!(
            Hedging::from_text("Prices have reportedly doubled."),
            Hedging::Hearsay
        );
        assert_eq!(
            Hedging::from_text("Some residents apparently sold coal."),
            Hedging::Inferential
        );
        assert_eq!(
            Hedging::from_text("The order may have come from Pyongyang."),
            Hedging::Speculative
        );
        assert_eq!(Hedging::from_text("The market closed."), Hedging::None);
        assert_eq!(
            Hedging::from_text("Unreportedly is no word."),
            Hedging::None
        );
    }

    #[test]
    fn grades_combine_letter_and_digit() {
        assert_eq!(grade(Reliability::B, Credibility::Probable), "B2");
        assert_eq!(grade(Reliability::default(), Credibility::default()), "F6");
    }
}
