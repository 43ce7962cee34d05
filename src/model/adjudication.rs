//! A review that settles two analysts' disagreements: which two reviews it started from (file,
//! analyst, SHA-256 of the file), and on each claim that was decided, whose judgement was taken
//! and by whom. The decision sits on the claim, so that it moves with the sentence when
//! boundaries change.

use serde::{Deserialize, Serialize};

/// Whose judgement a claim took.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Took {
    /// The first review's (the one the adjudication was made from).
    A,
    /// The second review's (the one compared with).
    B,
    /// Neither: the adjudicator chose another label.
    Other,
}

impl Took {
    pub fn describe(self) -> &'static str {
        match self {
            Took::A => "took A",
            Took::B => "took B",
            Took::Other => "another label",
        }
    }
}

/// One claim settled by the adjudicator.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub took: Took,
    /// The adjudicator's name, when they gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

/// One of the two reviews an adjudication started from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Input {
    /// The file as it was opened.
    pub file: String,
    /// Who made or last changed it, if the review says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analyst: Option<String>,
    /// Of the file's bytes when the adjudication began: which version of the review it was.
    pub sha256: String,
}

/// The two reviews, A then B.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Adjudication {
    pub inputs: Vec<Input>,
}

impl Adjudication {
    /// Files, names and checksums must be one line of printable text; there are two inputs.
    pub fn validate(&self) -> Result<(), String> {
        if self.inputs.len() != 2 {
            return Err(format!(
                "an adjudication starts from two reviews, not {}",
                self.inputs.len()
            ));
        }
        for (n, input) in self.inputs.iter().enumerate() {
            let which = if n == 0 { "A" } else { "B" };
            let one_line = |v: &str| !v.chars().any(char::is_control);
            if !one_line(&input.file) || !input.analyst.as_deref().is_none_or(one_line) {
                return Err(format!(
                    "review {which}'s file or analyst holds a control character or a line break"
                ));
            }
            let hex = input.sha256.len() == 64
                && input
                    .sha256
                    .bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
            if !hex {
                return Err(format!(
                    "review {which}'s SHA-256 is not 64 lower-case hexadecimal digits"
                ));
            }
        }
        Ok(())
    }
}

impl Decision {
    /// One line of printable text, as names are everywhere else.
    pub fn validate(&self) -> Result<(), String> {
        match &self.by {
            Some(by) if by.chars().any(char::is_control) => {
                Err("the adjudicator's name holds a control character or a line break".into())
            }
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_names_two_reviews_by_their_checksums() {
        let input = |file: &str| Input {
            file: file.into(),
            analyst: Some("Kim J.".into()),
            sha256: "ab".repeat(32),
        };
        let good = Adjudication {
            inputs: vec![input("a.ron"), input("b.ron")],
        };
        assert_eq!(good.validate(), Ok(()));
        let one = Adjudication {
            inputs: vec![input("a.ron")],
        };
        assert!(one.validate().is_err());
        let mut bad = good.clone();
        bad.inputs[1].sha256 = "AB".repeat(32);
        assert!(bad.validate().unwrap_err().contains("review B"));
        let mut bad = good;
        bad.inputs[0].file = "a\nb.ron".into();
        assert!(bad.validate().unwrap_err().contains("review A"));
    }
}
