//! Recovery copies of unsaved work: the autosave clock for every open review, the copies a
//! crashed run left behind (offered one at a time), and their removal once the work is saved
//! or given up.

use super::jobs::Job;
use super::open::is_large_session;
use super::workspace::{AppCommand, Effect, Workspace, error, notice};
use crate::io::recovery::Recovered;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long after a change unsaved work is written to the recovery file.
pub const AUTOSAVE_DELAY: Duration = Duration::from_secs(2);

/// A recovery copy being written on a worker.
#[derive(Debug)]
pub(super) struct Flight {
    review: u64,
    file: PathBuf,
    /// The review was saved or given up meanwhile: the copy goes once written.
    stale: bool,
}

/// How the prompt names the review a recovery copy holds.
pub fn recovered_name(offer: &Recovered) -> String {
    offer
        .original
        .as_ref()
        .and_then(|p| p.file_name())
        .map_or_else(
            || format!("new review of “{}”", offer.title),
            |n| n.to_string_lossy().into_owned(),
        )
}

fn cannot_write(e: impl std::fmt::Display) -> Effect {
    error(format!(
        "Cannot write the recovery copy of unsaved work: {e}"
    ))
}

impl Workspace {
    /// The autosave clock at `now`, for every open review: a few seconds after a change,
    /// unsaved work goes to the recovery file; once a review is saved (or undone to its saved
    /// state) the file goes.
    pub(super) fn tick(&mut self, now: Instant) -> Vec<Effect> {
        if self.recovery.is_none() {
            return Vec::new();
        }
        let mut effects = Vec::new();
        let mut wake = None::<Duration>;
        for i in 0..self.reviews.len() {
            let review = &mut self.reviews[i];
            let revision = review.doc.revision();
            if !review.doc.is_dirty() {
                review.unsaved_since = None;
                if review.autosaved.is_some() {
                    let path = review.doc.path.clone();
                    self.forget_recovery(i, path.as_deref());
                }
                continue;
            }
            if review.autosaved == Some(revision) {
                review.unsaved_since = None;
                continue;
            }
            let since = *review.unsaved_since.get_or_insert(now);
            let waited = now.saturating_duration_since(since);
            if waited >= AUTOSAVE_DELAY {
                let written = self.autosave(i, true);
                let review = &mut self.reviews[i];
                // Written (or being written): the next change starts the clock again. A copy
                // that could not be written is tried again after another delay.
                review.unsaved_since = match review.autosaved == Some(revision) {
                    true => None,
                    false => Some(now),
                };
                effects.extend(written);
            } else {
                let left = AUTOSAVE_DELAY - waited;
                wake = Some(wake.map_or(left, |w| w.min(left)));
            }
        }
        if let Some(left) = wake {
            effects.push(Effect::WakeIn(left));
        }
        effects
    }

    /// Writes every unsaved review to its recovery file now, on this thread.
    pub(super) fn autosave_now(&mut self) -> Vec<Effect> {
        (0..self.reviews.len())
            .flat_map(|i| self.autosave(i, false))
            .collect()
    }

    /// Writes review `i` to its recovery file, if it has unsaved work; a large one on a worker
    /// when `background` (one at a time: the next waits for the clock's next tick).
    fn autosave(&mut self, i: usize, background: bool) -> Vec<Effect> {
        let Some(store) = self.recovery.clone() else {
            return Vec::new();
        };
        let Some(review) = self.reviews.get_mut(i) else {
            return Vec::new();
        };
        let doc = &review.doc;
        if !doc.is_dirty() {
            return Vec::new();
        }
        let revision = doc.revision();
        if background && is_large_session(doc.session()) {
            // Writing a large review takes a good part of a second: never on the UI thread.
            if self.autosaving.is_some() {
                return Vec::new();
            }
            let original = doc.path.clone();
            let snapshot = Box::new(doc.session().clone());
            self.autosaving = Some(Flight {
                review: review.key,
                file: store.file_for(original.as_deref(), &snapshot),
                stale: false,
            });
            review.autosaved = Some(revision);
            return vec![Effect::Start(Job::Autosave {
                store,
                original,
                changes: doc.change_count(),
                snapshot,
            })];
        }
        match store.write(doc.path.as_deref(), doc.change_count(), doc.session()) {
            Ok(_) => {
                review.autosaved = Some(revision);
                Vec::new()
            }
            Err(e) => vec![cannot_write(e)],
        }
    }

    /// A worker finished writing a recovery copy.
    pub(super) fn autosave_done(&mut self, result: Result<(), String>) -> Vec<Effect> {
        if let Some(flight) = self.autosaving.take()
            && flight.stale
        {
            // Landed after the work was saved or given up: it must not be offered later.
            let _ = std::fs::remove_file(&flight.file);
        }
        match result {
            Ok(()) => Vec::new(),
            Err(e) => vec![cannot_write(e)],
        }
    }

    /// Removes review `i`'s recovery copy (kept under `original`, its file before a save, or
    /// under its article while it had none).
    pub(super) fn forget_recovery(&mut self, i: usize, original: Option<&Path>) {
        let Some(review) = self.reviews.get_mut(i) else {
            return;
        };
        review.autosaved = None;
        if let Some(store) = &self.recovery {
            let session = review.doc.session();
            store.remove(original, session);
            store.remove(review.doc.path.as_deref(), session);
            store.remove(None, session);
        }
        if let Some(flight) = &mut self.autosaving
            && flight.review == review.key
        {
            flight.stale = true;
        }
    }

    /// The answer to "Recover unsaved work?" for the first copy offered.
    pub(super) fn recover(&mut self, restore: bool) -> Vec<Effect> {
        if self.offers.is_empty() {
            return Vec::new();
        }
        let offer = self.offers.remove(0);
        if !restore {
            if let Some(store) = &self.recovery {
                store.discard(&offer);
            }
            return Vec::new();
        }
        let name = recovered_name(&offer);
        let file = offer.file.clone();
        let mut effects = self.handle(AppCommand::Restore {
            session: Box::new(offer.session),
            original: offer.original,
        });
        // The work is this run's now: kept in a copy of its own before the dead run's goes, so
        // that a crash in between still finds one of them.
        if let Some(i) = self.active {
            effects.extend(self.autosave(i, false));
            if self.reviews[i].autosaved.is_some() {
                let _ = std::fs::remove_file(&file);
            }
        }
        effects.push(notice(format!("Restored unsaved work on {name}")));
        effects
    }
}
