//! Atomic file replacement: write a temporary file beside the target, flush it to disk, then
//! rename it over the target. A crash or a failed write at any point leaves the old file whole.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Temporary files end so, to be told from anyone else's: only these are ever cleaned up.
const TEMP_SUFFIX: &str = ".claimlens-tmp";
/// A temporary file older than this that nobody holds locked was left by a save that died.
const SETTLED: std::time::Duration = std::time::Duration::from_secs(5);

/// Writes `path` atomically with the bytes `write` produces. If `write` fails, the target is
/// untouched and the temporary file is removed.
pub fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    write_atomic_then(path, write, |_| Ok(()))
}

/// As [`write_atomic`]; `before_replace` runs once the new contents are completely on disk,
/// just before they replace the old ones (given the file actually replaced), so that what it
/// does (keeping a backup) happens only for a write that succeeded.
///
/// A symbolic link is written through: the file it points to is replaced and the link stays
/// a link. Temporary files that a killed save left in the folder are removed first; each save
/// holds a lock on its own while writing, so a save still running elsewhere keeps its file.
pub fn write_atomic_then(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    before_replace: impl FnOnce(&Path) -> io::Result<()>,
) -> io::Result<()> {
    let target = through_links(path);
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "session".to_string());
    remove_abandoned_temps(&dir);
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(TEMP_SUFFIX)
        .tempfile_in(&dir)?;
    // Advisory: tells a later save that this one is alive. A file system without locks
    // only loses the clean-up.
    let _ = tmp.as_file().try_lock();
    {
        let mut out = BufWriter::new(tmp.as_file_mut());
        write(&mut out)?;
        out.flush()?;
    }
    keep_permissions(&target, tmp.as_file())?;
    tmp.as_file().sync_all()?;
    before_replace(&target)?;
    tmp.persist(&target).map_err(|e| e.error)?;
    sync_dir(&dir);
    Ok(())
}

/// The file a path names, following symbolic links (a dangling link names its target-to-be).
fn through_links(path: &Path) -> PathBuf {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return path.to_path_buf();
    }
    if let Ok(real) = std::fs::canonicalize(path) {
        return real;
    }
    match std::fs::read_link(path) {
        Ok(to) if to.is_absolute() => to,
        Ok(to) => path.parent().map_or(to.clone(), |p| p.join(to)),
        Err(_) => path.to_path_buf(),
    }
}

/// Removes the temporary files of saves that were killed: claimlens' own (by name), and only
/// those no running save holds locked.
fn remove_abandoned_temps(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with('.') && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        // A save that has just created its file may not hold its lock yet.
        let settled = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| t.elapsed().is_ok_and(|age| age >= SETTLED));
        let path = entry.path();
        let Ok(file) = File::options().read(true).write(true).open(&path) else {
            continue;
        };
        if settled && file.try_lock().is_ok() {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// The temporary file is created private (0600); give the result the old file's permissions, or
/// the usual ones for a new document.
fn keep_permissions(target: &Path, tmp: &File) -> io::Result<()> {
    match std::fs::metadata(target) {
        Ok(meta) => tmp.set_permissions(meta.permissions()),
        Err(_) => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                tmp.set_permissions(std::fs::Permissions::from_mode(0o644))
            }
            #[cfg(not(unix))]
            {
                Ok(())
            }
        }
    }
}

/// Makes the rename itself durable where the platform allows syncing a directory.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}
