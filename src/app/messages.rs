//! What the analyst is told: the last message stands until the next; a notice (what a step did
//! or why it did nothing) goes with the next step that works or after [`NOTICE_LIFETIME`]; an
//! error (work may be at risk) stays until dismissed or replaced.

use super::workspace::{Effect, Message, Workspace};
use std::time::{Duration, Instant};

/// How long a notice stays in the status bar.
pub const NOTICE_LIFETIME: Duration = Duration::from_secs(5);

impl Workspace {
    /// Takes the last message among `effects`; with none, a step of the analyst's clears a
    /// notice.
    pub(super) fn settle_message(&mut self, effects: &[Effect], analysts_step: bool) {
        let last = effects.iter().rev().find_map(|e| match e {
            Effect::Message(m) => Some(m.clone()),
            _ => None,
        });
        match last {
            Some(m) => {
                self.message = Some(m);
                self.notice_seen = None;
            }
            None if analysts_step && matches!(self.message, Some(Message::Notice(_))) => {
                self.message = None;
            }
            None => {}
        }
    }

    /// Clears a notice that has been shown for [`NOTICE_LIFETIME`]; until then, asks to be
    /// woken when it is due.
    pub(super) fn age_notice(&mut self, now: Instant) -> Vec<Effect> {
        if !matches!(self.message, Some(Message::Notice(_))) {
            self.notice_seen = None;
            return Vec::new();
        }
        let seen = *self.notice_seen.get_or_insert(now);
        let shown = now.saturating_duration_since(seen);
        if shown >= NOTICE_LIFETIME {
            self.message = None;
            self.notice_seen = None;
            Vec::new()
        } else {
            vec![Effect::WakeIn(NOTICE_LIFETIME - shown)]
        }
    }
}
