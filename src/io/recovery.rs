//! Crash recovery: unsaved work is written to a recovery file a few seconds after each change,
//! and offered back on the next start if the app did not end normally.

use super::atomic::write_atomic;
use super::session_file::{from_ron, to_ron};
use crate::model::{Session, article::sha256_hex};
use serde::{Deserialize, Serialize};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

const FORMAT: &str = "claimlens-recovery";
/// The folder of owners' lock files, inside the recovery folder.
const OWNERS: &str = "owners";
const LOCK: &str = ".lock";

/// Creates and locks this process's lock file. It is locked under a temporary name and then
/// renamed, so that no one ever sees it unlocked and takes its owner for gone.
fn take_lock(owners: &Path, id: &str) -> Option<(PathBuf, File)> {
    std::fs::create_dir_all(owners).ok()?;
    let path = owners.join(format!("{id}{LOCK}"));
    let staging = owners.join(format!(".{id}.new"));
    let file = File::create(&staging).ok()?;
    file.try_lock().ok()?;
    std::fs::rename(&staging, &path).ok()?;
    Some((path, file))
}

/// The lock file of `owner`, if the id is one this code writes (no path separators).
fn owner_lock_path(dir: &Path, owner: &str) -> Option<PathBuf> {
    let plain = !owner.is_empty() && owner.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    plain.then(|| dir.join(OWNERS).join(format!("{owner}{LOCK}")))
}

#[derive(Debug, Serialize, Deserialize)]
struct RecoveryFile {
    format: String,
    version: u32,
    /// Seconds since 1970 when this was written.
    saved_at: u64,
    /// The claimlens run that wrote it (absent in files written before runs had ids).
    #[serde(default)]
    owner: Option<String>,
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

/// The folder of recovery files (one per open review with unsaved work), and this process's
/// claim on its own files in it.
///
/// Every running claimlens holds an advisory lock on a file of its own under `owners/` and
/// writes its id into each recovery file. A file whose owner still holds its lock belongs to
/// a running claimlens (a second window, another session of the same analyst): it is never
/// offered as left behind, and never removed. The lock goes with the process, however it
/// ends, so a killed run's files are offered by the next one.
#[derive(Debug, Clone)]
pub struct RecoveryStore {
    dir: PathBuf,
    owner: Arc<Owner>,
}

#[derive(Debug)]
struct Owner {
    id: String,
    /// Held for as long as the store lives; `None` if the folder cannot be written.
    lock: Option<(PathBuf, File)>,
}

impl Drop for Owner {
    fn drop(&mut self) {
        if let Some((path, file)) = self.lock.take() {
            // Unlocked first, so that no one sees a missing file while the lock is still held.
            drop(file);
            let _ = std::fs::remove_file(path);
        }
    }
}

impl PartialEq for RecoveryStore {
    fn eq(&self, other: &Self) -> bool {
        self.dir == other.dir && self.owner.id == other.owner.id
    }
}

impl Eq for RecoveryStore {}

impl RecoveryStore {
    /// The store in `dir` for this process, which from now on owns the files it writes there.
    pub fn new(dir: PathBuf) -> Self {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let id = format!("{}-{nanos}", std::process::id());
        let lock = take_lock(&dir.join(OWNERS), &id);
        Self {
            dir,
            owner: Arc::new(Owner { id, lock }),
        }
    }

    /// The recovery file for a review: by its session file, or by its article for a new review;
    /// each process has its own.
    pub fn file_for(&self, original: Option<&Path>, session: &Session) -> PathBuf {
        let key = match original {
            Some(p) => sha256_hex(&p.display().to_string()),
            None => session.article().sha256.clone(),
        };
        self.dir
            .join(format!("{}.{}.recovery.ron", &key[..16], self.owner.id))
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
            owner: Some(self.owner.id.clone()),
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

    /// Unsaved reviews left behind by runs that have ended, newest first. Files that cannot
    /// be read are skipped and left in place.
    pub fn found(&self) -> Vec<Recovered> {
        self.remove_dead_owners();
        self.read(|owner| match owner {
            Some(o) => o != self.owner.id && !self.is_running(o),
            // Written before files had owners.
            None => true,
        })
    }

    /// Every recovery copy in the folder, whoever owns it.
    pub fn read_all(&self) -> Vec<Recovered> {
        self.read(|_| true)
    }

    fn read(&self, wanted: impl Fn(Option<&str>) -> bool) -> Vec<Recovered> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut out: Vec<Recovered> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.to_string_lossy().ends_with(".recovery.ron"))
            .filter_map(|file| {
                let text = std::fs::read_to_string(&file).ok()?;
                let r: RecoveryFile = ron::from_str(&text).ok()?;
                if r.format != FORMAT || !wanted(r.owner.as_deref()) {
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

    /// Whether the claimlens that wrote as `owner` is still running: it holds its lock.
    fn is_running(&self, owner: &str) -> bool {
        let Some(path) = owner_lock_path(&self.dir, owner) else {
            return false;
        };
        match File::options().read(true).write(true).open(path) {
            Err(e) => e.kind() != std::io::ErrorKind::NotFound,
            Ok(file) => !matches!(file.try_lock(), Ok(())),
        }
    }

    /// Lock files of runs that ended without removing them (killed): their recovery files are
    /// then plainly ownerless.
    fn remove_dead_owners(&self) {
        let Ok(entries) = std::fs::read_dir(self.dir.join(OWNERS)) else {
            return;
        };
        for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
            let Some(id) = path
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.strip_suffix(LOCK))
            else {
                continue;
            };
            if id != self.owner.id && !self.is_running(id) {
                let _ = std::fs::remove_file(&path);
            }
        }
    }

    pub fn discard(&self, recovered: &Recovered) {
        let _ = std::fs::remove_file(&recovered.file);
    }
}
