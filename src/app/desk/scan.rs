//! Reading the desk's folder on a worker: the first time, when the analyst asks, and every
//! [`CHECK_EVERY`] after that, when only a listing of names, sizes and times is made unless
//! something changed; then only the files that changed are read again.

use super::super::jobs::{Job, Outcome};
use super::super::workspace::{Effect, Workspace, error};
use crate::io::corpus::{Counter, Item, Listing, list, scan_again};
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How often the folder is looked at for files another analyst changed, added or removed.
pub const CHECK_EVERY: Duration = Duration::from_secs(5);

/// A scan of the desk's folder, to run on a worker.
#[derive(Debug, Clone)]
pub struct ScanJob {
    pub dir: PathBuf,
    /// The folder as last read: unchanged, nothing is read again.
    listing: Arc<Listing>,
    /// What was read last time, taken again for files that did not change.
    earlier: Arc<Vec<Item>>,
    pub counter: Arc<Counter>,
    /// The corpus file's stamp as last read: a decision another analyst made is a change too.
    decided: Option<crate::io::corpus::Stamp>,
    /// Read even if the listing is as before (the first read; the analyst asked).
    force: bool,
    /// Where the list is kept for the next run.
    cache: Option<PathBuf>,
}

/// Two jobs are the same scan when they read the same folder with the same counter.
impl PartialEq for ScanJob {
    fn eq(&self, other: &Self) -> bool {
        self.dir == other.dir
            && self.force == other.force
            && Arc::ptr_eq(&self.counter, &other.counter)
    }
}

/// What a scan found: `None` when nothing in the folder changed.
#[derive(Debug)]
pub struct Scanned {
    dir: PathBuf,
    read: Result<Option<Read>, String>,
}

/// A folder read: its reports, the listing they were read from, the origins they share.
#[derive(Debug)]
struct Read {
    items: Vec<Item>,
    /// The rows of `items`, made here: an article's progress needs it split into sentences.
    rows: Vec<super::Row>,
    decisions: crate::io::corpus_file::CorpusFile,
    decided: Option<crate::io::corpus::Stamp>,
    listing: Listing,
    echoes: super::echo::Echoes,
}

impl Scanned {
    /// A scan whose worker stopped without an answer.
    pub fn stopped(dir: PathBuf) -> Self {
        Scanned {
            read: Err(format!(
                "Cannot read {}: the worker thread stopped",
                dir.display()
            )),
            dir,
        }
    }
}

impl ScanJob {
    /// Runs the scan (on the worker's thread; the tests call it directly).
    pub fn run(self) -> Outcome {
        let read = list(&self.dir).and_then(|listing| {
            let decided = crate::io::corpus::Stamp::of(&crate::io::corpus_file::path_of(&self.dir));
            if !self.force && listing == *self.listing && decided == self.decided {
                return Ok(None);
            }
            let items = scan_again(&self.dir, &listing, &self.earlier, &self.counter)?;
            let echoes = super::echo::echoes(&items);
            let rows: Vec<super::Row> = items.par_iter().map(super::Row::of).collect();
            if let Some(file) = &self.cache {
                let kept = super::CachedDesk {
                    format: super::CACHE_FORMAT,
                    folder: self.dir.clone(),
                    rows: &rows[..],
                };
                // A cache that cannot be written costs the next run a moment, nothing more.
                let _ = crate::io::cache::write(file, &kept);
            }
            let decisions = crate::io::corpus_file::load(&self.dir)?;
            Ok(Some(Read {
                decisions,
                decided,
                items,
                rows,
                listing,
                echoes,
            }))
        });
        Outcome::Scanned(Box::new(Scanned {
            dir: self.dir,
            read: read.map_err(|e| e.to_string()),
        }))
    }
}

impl Workspace {
    /// Starts reading the desk's folder, unless a read is running.
    pub(super) fn start_scan(&mut self, force: bool) -> Option<Effect> {
        let desk = self.desk.as_mut()?;
        if desk.scanning.is_some() {
            return None;
        }
        let counter = Arc::new(Counter::default());
        desk.scanning = Some(Arc::clone(&counter));
        Some(Effect::Start(Job::Scan(ScanJob {
            dir: desk.folder.clone(),
            listing: Arc::clone(&desk.listing),
            earlier: Arc::clone(&desk.items),
            counter,
            decided: desk.decided,
            force,
            cache: self
                .desk_cache
                .as_ref()
                .map(|c| crate::io::cache::desk_file(c, &desk.folder)),
        })))
    }

    /// A scan ended: the new list replaces the old, or the old stays with the problem shown.
    pub(crate) fn scanned(&mut self, scanned: Scanned) -> Vec<Effect> {
        let Some(desk) = self.desk.as_mut().filter(|d| d.folder == scanned.dir) else {
            // The folder was put away or replaced meanwhile.
            return Vec::new();
        };
        desk.scanning = None;
        desk.checked = None;
        match scanned.read {
            Ok(Some(read)) => {
                desk.decided = read.decided;
                desk.replace(
                    read.items,
                    read.rows,
                    read.listing,
                    (read.echoes, read.decisions),
                );
                // The files as saved; the open tabs' unsaved details still show.
                self.restate_unsaved_rows();
                Vec::new()
            }
            Ok(None) => Vec::new(),
            Err(e) => vec![error(e)],
        }
    }

    /// The desk's clock: looks at the folder again once [`CHECK_EVERY`] has passed since the
    /// last look ended.
    pub(in crate::app) fn desk_tick(&mut self, now: Instant) -> Vec<Effect> {
        let Some(desk) = self.desk.as_mut() else {
            return Vec::new();
        };
        if desk.scanning.is_some() {
            return Vec::new();
        }
        let since = *desk.checked.get_or_insert(now);
        let waited = now.saturating_duration_since(since);
        if waited < CHECK_EVERY {
            return vec![Effect::WakeIn(CHECK_EVERY - waited)];
        }
        self.start_scan(false).into_iter().collect()
    }
}
