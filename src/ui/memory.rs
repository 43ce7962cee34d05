//! Hands memory a large open left free back to the system once the window has settled.
//!
//! Opening a 5 MB article frees as much as it keeps (the file's bytes, the parse, the engine's
//! per-sentence working). mimalloc gives freed pages back only after a delay and only when a
//! later allocation on some thread looks — and an idle window allocates nothing, while the
//! worker and the engine's threads that freed most of it sleep. So the freed pages stayed
//! resident (about 40 MB of a 5 MB review's cost). Each thread's heap is collected where it
//! lives, once, a moment after heavy work ends: nothing waits on it, and the frames drawn
//! meanwhile (the new review's first layout) are freed with it.

use eframe::egui::Context;
use std::time::Duration;

/// How long after heavy work the window's own first frames are given to settle.
const SETTLE: Duration = Duration::from_millis(1500);

/// When to give memory back, if something heavy ended.
pub struct GiveBack {
    due: Option<f64>,
}

impl Default for GiveBack {
    /// Starting up is heavy work too (fonts, the renderer, the first review).
    fn default() -> Self {
        Self {
            due: Some(SETTLE.as_secs_f64()),
        }
    }
}

impl GiveBack {
    /// Heavy work just ended (a file read, a folder scanned): give back after the settle time.
    pub fn after_heavy_work(&mut self, ctx: &Context) {
        self.due = Some(ctx.input(|i| i.time) + SETTLE.as_secs_f64());
        ctx.request_repaint_after(SETTLE);
    }

    /// Called every frame: gives back once it is due (and says whether it did now).
    pub fn tick(&mut self, ctx: &Context) -> bool {
        let Some(due) = self.due else { return false };
        let now = ctx.input(|i| i.time);
        if now < due {
            ctx.request_repaint_after(Duration::from_secs_f64(due - now));
            return false;
        }
        self.due = None;
        give_back();
        true
    }
}

/// mimalloc's `mi_option_arena_eager_commit` (its position in `mi_option_e`, the same in the
/// v2 and v3 headers of the pinned libmimalloc-sys).
const MI_OPTION_ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;

/// For the window: memory is committed as it is used, so that what is given back leaves the
/// resident set at once. An eagerly committed arena is only marked reusable when purged, and
/// the system counts such pages resident until it is short of memory (10–40 MB after a 5 MB
/// article). Call in `main` before the window starts, ahead of the allocations that matter.
pub fn for_the_window() {
    // SAFETY: sets one integer option, before the window's threads start; mimalloc reads
    // options when it next needs them.
    unsafe {
        if libmimalloc_sys::mi_option_get(MI_OPTION_ARENA_EAGER_COMMIT) == 2 {
            libmimalloc_sys::mi_option_set(MI_OPTION_ARENA_EAGER_COMMIT, 0);
        }
    }
}

/// Collects this thread's heap and, without waiting, every engine thread's.
pub fn give_back() {
    rayon::spawn_broadcast(|_| collect_this_thread());
    collect_this_thread();
}

/// Frees the calling thread's empty pages and returns to the system every range already freed
/// in any thread (mimalloc's `mi_collect(true)`); on its own thread only, as mimalloc requires.
pub fn collect_this_thread() {
    // SAFETY: `mi_collect` takes no pointers and touches only the calling thread's heap and
    // the allocator's shared arenas, under its own locks.
    unsafe { libmimalloc_sys::mi_collect(true) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::egui::RawInput;

    fn frame_at(time: f64, give_back: &mut GiveBack, heavy: bool) -> bool {
        let ctx = Context::default();
        let mut gave = false;
        let input = RawInput {
            time: Some(time),
            ..Default::default()
        };
        let mut output = ctx.run_ui(input, |ui| {
            if heavy {
                give_back.after_heavy_work(ui.ctx());
            }
            gave = give_back.tick(ui.ctx());
        });
        // No renderer here to take the font atlas.
        output.textures_delta.clear();
        gave
    }

    #[test]
    fn memory_goes_back_once_the_window_has_settled_after_heavy_work() {
        let mut give_back = GiveBack::default();
        // Start-up is heavy work: once, after the settle time.
        assert!(!frame_at(0.5, &mut give_back, false));
        assert!(frame_at(1.6, &mut give_back, false));
        assert!(!frame_at(2.0, &mut give_back, false));
        // A file read at 10 s: not while its first frames are drawn, then once.
        assert!(!frame_at(10.0, &mut give_back, true));
        assert!(!frame_at(11.0, &mut give_back, false));
        assert!(frame_at(11.6, &mut give_back, false));
        assert!(!frame_at(30.0, &mut give_back, false));
    }
}
