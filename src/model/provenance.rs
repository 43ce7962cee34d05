//! Who made a review and who changed it last, and when: what a reader of an export or a
//! comparison of two analysts needs to know about the review itself.

use serde::{Deserialize, Serialize};

/// Names are the analyst's own words ("Kim J."); times are UTC, RFC 3339 to the second
/// ("2026-12-02T07:15:00Z"), the form W3C annotations and Label Studio use.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed: Option<String>,
    /// The two reviews this one settles, when it is an adjudication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adjudication: Option<super::adjudication::Adjudication>,
}

impl Provenance {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// A save by `analyst` at `now`: the first save also makes them the creator. A save with
    /// no name given records the time only, and keeps an earlier creator.
    pub fn saved(&mut self, analyst: Option<&str>, now: &str) {
        let analyst = analyst.map(str::trim).filter(|a| !a.is_empty());
        if self.created.is_none() {
            self.created = Some(now.to_string());
            self.created_by = analyst.map(str::to_string);
        } else if self.created_by.is_none() && self.changed_by.is_none() {
            // A review first saved without a name takes its first named analyst as creator.
            self.created_by = analyst.map(str::to_string);
        }
        self.changed = Some(now.to_string());
        self.changed_by = analyst.map(str::to_string);
    }

    /// Everyone named, creator first, without repeats.
    pub fn analysts(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for name in [&self.created_by, &self.changed_by].into_iter().flatten() {
            if !names.contains(&name.as_str()) {
                names.push(name);
            }
        }
        names
    }

    /// Names and times must be one line of printable text: they go into file headers, CSV
    /// cells and brat notes.
    pub fn validate(&self) -> Result<(), String> {
        for (field, value) in [
            ("created_by", &self.created_by),
            ("created", &self.created),
            ("changed_by", &self.changed_by),
            ("changed", &self.changed),
        ] {
            if let Some(v) = value {
                if v.chars().any(char::is_control) {
                    return Err(format!("{field} holds a control character or a line break"));
                }
                if v.chars().count() > 200 {
                    return Err(format!("{field} is longer than 200 characters"));
                }
            }
        }
        if let Some(a) = &self.adjudication {
            a.validate()?;
        }
        Ok(())
    }
}

/// The current time as UTC RFC 3339 to the second.
pub fn now_utc() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_named_save_makes_the_creator_and_later_saves_the_last_changer() {
        let mut p = Provenance::default();
        p.saved(Some("  Kim J. "), "2026-12-01T10:00:00Z");
        p.saved(Some("Park S."), "2026-12-02T11:00:00Z");
        assert_eq!(p.created_by.as_deref(), Some("Kim J."));
        assert_eq!(p.created.as_deref(), Some("2026-12-01T10:00:00Z"));
        assert_eq!(p.changed_by.as_deref(), Some("Park S."));
        assert_eq!(p.analysts(), ["Kim J.", "Park S."]);

        let mut unnamed = Provenance::default();
        unnamed.saved(None, "2026-12-01T10:00:00Z");
        unnamed.saved(Some(""), "2026-12-01T10:05:00Z");
        assert_eq!(unnamed.created_by, None);
        unnamed.saved(Some("Lee H."), "2026-12-01T10:09:00Z");
        assert_eq!(unnamed.created_by.as_deref(), Some("Lee H."));
        assert_eq!(unnamed.created.as_deref(), Some("2026-12-01T10:00:00Z"));
    }

    #[test]
    fn now_is_utc_to_the_second() {
        let now = now_utc();
        assert_eq!(now.len(), 20, "{now}");
        assert!(now.ends_with('Z') && now.as_bytes()[10] == b'T', "{now}");
    }
}
