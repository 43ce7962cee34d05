//! Crash recovery: unsaved work is written to a recovery file a few seconds after each change,
//! and offered back on the next start if the app did not end normally.

use super::atomic::write_atomic;
use super::session_file::{from_ron, to_ron};
use crate::model::{Session, article::sha256_hex};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

const FORMAT: &str = "claimlens-recovery";

#[derive(Debug, Serialize, Deserialize)]
struct RecoveryFile {
    format: String,
    version: u32,
    /// Seconds since 1970 when this was written.
    saved_at: u64,
    /// The session file the work belongs to, if it had one.
    original: Option<PathBuf>,
    /// The article's title, for the offer.
    title: String,
    /// How many changes were not saved.
    changes: usize,
    /// The session, as the RON a session file holds.
    session: String,
}

/// Unsaved work found on start.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovered {
    pub file: PathBuf,
    pub original: Option<PathBuf>,
    pub title: String,
    pub saved_at: SystemTime,
    pub changes: usize,
    pub session: Session,
}

/// The folder of recovery files (one per review).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoveryStore {
    dir: PathBuf,
}

impl RecoveryStore {
    pub fn new(dir: PathBuf) -> Self {
        Self { dir }
    }

    /// The recovery file for a review: by its session file, or by its article for a new review.
    pub fn file_for(&self, original: Option<&Path>, session: &Session) -> PathBuf {
        let key = match original {
            Some(p) => sha256_hex(&p.display().to_string()),
            None => session.article().sha256.clone(),
        };
        self.dir.join(format!("{}.recovery.ron", &key[..16]))
    }

    /// Writes the unsaved review atomically.
    pub fn write(
        &self,
        original: Option<&Path>,
        changes: usize,
        session: &Session,
    ) -> std::io::Result<PathBuf> {
        std::fs::create_dir_all(&self.dir)?;
        let path = self.file_for(original, session);
        let file = RecoveryFile {
            format: FORMAT.into(),
            version: 1,
            saved_at: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
            original: original.map(Path::to_path_buf),
            title: session.article().title.clone(),
            changes,
            session: to_ron(session),
        };
        let text = ron::to_string(&file).map_err(std::io::Error::other)?;
        write_atomic(&path, |out| out.write_all(text.as_bytes()))?;
        Ok(path)
    }

    pub fn remove(&self, original: Option<&Path>, session: &Session) {
        // Nothing to remove is the normal case; any other failure leaves a file that the next
        // start offers again, which loses nothing.
        let _ = std::fs::remove_file(self.file_for(original, session));
    }

    /// Unsaved reviews left behind, newest first. Files that cannot be read are skipped and
    /// left in place.
    pub fn found(&self) -> Vec<Recovered> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut out: Vec<Recovered> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.to_string_lossy().ends_with(".recovery.ron"))
            .filter_map(|file| {
                let text = std::fs::read_to_string(&file).ok()?;
                let r: RecoveryFile = ron::from_str(&text).ok()?;
                if r.format != FORMAT {
                    return None;
                }
                let session = from_ron(&r.session).ok()?;
                Some(Recovered {
                    file,
                    original: r.original,
                    title: r.title,
                    saved_at: UNIX_EPOCH + std::time::Duration::from_secs(r.saved_at),
                    changes: r.changes,
                    session,
                })
            })
            .collect();
        out.sort_by_key(|r| std::cmp::Reverse(r.saved_at));
        out
    }

    pub fn discard(&self, recovered: &Recovered) {
        let _ = std::fs::remove_file(&recovered.file);
    }
}
