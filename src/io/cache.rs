//! What claimlens keeps for itself between runs, in the user's cache folder (never in the
//! analyst's folders): a desk's list of reports, so that a folder opened again lists its reports
//! at once while it is read afresh. Losing the cache loses nothing but that moment.

use serde::Serialize;
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};

/// The user's cache folder for claimlens, where the platform has one.
pub fn cache_dir() -> Option<PathBuf> {
    let var = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let base = if cfg!(windows) {
        var("LOCALAPPDATA")
    } else if cfg!(target_os = "macos") {
        var("HOME").map(|h| h.join("Library/Caches"))
    } else {
        var("XDG_CACHE_HOME").or_else(|| var("HOME").map(|h| h.join(".cache")))
    };
    base.map(|b| b.join("claimlens"))
}

/// The cache file of a desk's folder: one per folder, named by its path's checksum.
pub fn desk_file(cache: &Path, folder: &Path) -> PathBuf {
    let id = crate::model::article::sha256_hex(&folder.to_string_lossy());
    cache.join("desks").join(format!("{}.json", &id[..16]))
}

/// Reads a cache file; anything missing, unreadable or of another shape is no cache.
pub fn read<T: DeserializeOwned>(path: &Path) -> Option<T> {
    let bytes = super::bounded::read_file(path, 256_000_000).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Writes a cache file whole or not at all (a reader never sees half of one).
pub fn write<T: Serialize>(path: &Path, value: &T) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    super::atomic::write_atomic(path, |out| {
        serde_json::to_writer(&mut *out, value).map_err(std::io::Error::other)
    })
}
