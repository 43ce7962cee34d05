//! The corpus file of a folder (`.claimlens/corpus.ron`): the cross-report decisions a team
//! sharing the folder shares — which proposed recurring sources are one source, and which are
//! not. It lives in the folder, beside the reports it is about; caches never do.

use super::atomic::write_atomic;
use super::error::{FileError, Problem};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The corpus file's format; a newer one is refused rather than misread.
pub const FORMAT: u32 = 1;

/// What the analyst decided about one proposed recurring source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// The reports' sources are one source.
    Same,
    /// They are not: kept apart.
    Split,
}

/// A decision about the outlet's source of one description.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub outlet: String,
    /// As `model::recurring` compares names: lower case, single spaces, no leading article.
    pub description: String,
    pub verdict: Verdict,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// When (RFC 3339, UTC).
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CorpusFile {
    pub format: u32,
    #[serde(default)]
    pub recurring: Vec<Decision>,
}

impl CorpusFile {
    /// The decision on the outlet's source of this description, if any.
    pub fn verdict(&self, outlet: &str, description: &str) -> Option<Verdict> {
        self.recurring
            .iter()
            .find(|d| d.outlet == outlet && d.description == description)
            .map(|d| d.verdict)
    }

    /// Records a decision, replacing an earlier one about the same source; `None` takes the
    /// decision back.
    pub fn decide(
        &mut self,
        outlet: &str,
        description: &str,
        verdict: Option<Verdict>,
        by: Option<&str>,
    ) {
        self.recurring
            .retain(|d| !(d.outlet == outlet && d.description == description));
        if let Some(verdict) = verdict {
            self.recurring.push(Decision {
                outlet: outlet.to_string(),
                description: description.to_string(),
                verdict,
                by: by.map(str::to_string),
                at: humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string(),
            });
        }
    }
}

/// Where the corpus file of `dir` is.
pub fn path_of(dir: &Path) -> PathBuf {
    dir.join(".claimlens").join("corpus.ron")
}

/// The decisions of the folder: none yet when it has no corpus file.
pub fn load(dir: &Path) -> Result<CorpusFile, FileError> {
    let path = path_of(dir);
    if !path.exists() {
        return Ok(CorpusFile {
            format: FORMAT,
            ..Default::default()
        });
    }
    let fail = |problem| FileError::open(&path, problem);
    let bytes = super::bounded::read_file(&path, 50_000_000)?;
    let text = String::from_utf8(bytes).map_err(|_| {
        fail(Problem::Invalid(
            "not a corpus file: it is not UTF-8 text".into(),
        ))
    })?;
    let file: CorpusFile = ron::from_str(&text)
        .map_err(|e| fail(Problem::Malformed(format!("not a corpus file: {e}"))))?;
    if file.format > FORMAT {
        return Err(fail(Problem::NewerVersion {
            found: file.format,
            supported: FORMAT,
        }));
    }
    Ok(file)
}

/// Writes the decisions (atomically; the folder `.claimlens` is made if need be).
pub fn save(dir: &Path, file: &CorpusFile) -> Result<(), FileError> {
    let path = path_of(dir);
    let fail = |e: String| FileError::save(&path, Problem::WriteFailed(e));
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| fail(e.to_string()))?;
    }
    let pretty = ron::ser::PrettyConfig::new().indentor("    ");
    let text = ron::ser::to_string_pretty(file, pretty).map_err(|e| fail(e.to_string()))?;
    write_atomic(&path, |out| out.write_all(text.as_bytes())).map_err(|e| fail(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decisions_are_kept_replaced_and_taken_back() {
        let dir = tempfile::tempdir().unwrap();
        let mut file = load(dir.path()).unwrap();
        assert!(file.recurring.is_empty());
        file.decide(
            "Kestrel Report",
            "source in rason",
            Some(Verdict::Same),
            Some("kim"),
        );
        file.decide(
            "Kestrel Report",
            "source in hyesan",
            Some(Verdict::Split),
            None,
        );
        save(dir.path(), &file).unwrap();
        let mut again = load(dir.path()).unwrap();
        assert_eq!(again.recurring, file.recurring);
        assert_eq!(
            again.verdict("Kestrel Report", "source in rason"),
            Some(Verdict::Same)
        );
        again.decide(
            "Kestrel Report",
            "source in rason",
            Some(Verdict::Split),
            None,
        );
        assert_eq!(again.recurring.len(), 2, "replaced, not added");
        again.decide("Kestrel Report", "source in rason", None, None);
        assert_eq!(again.verdict("Kestrel Report", "source in rason"), None);

        std::fs::write(path_of(dir.path()), "(format: 1, recuring: [])").unwrap();
        let err = load(dir.path()).unwrap_err().to_string();
        assert!(
            err.contains("corpus.ron") && err.contains("recuring"),
            "{err}"
        );
        std::fs::write(path_of(dir.path()), "(format: 9)").unwrap();
        assert!(load(dir.path()).is_err());
    }
}
