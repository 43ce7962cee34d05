//! Counts the steps of the scans whose length depends on their input (looking back for the
//! word before a stop, forward for a frame's tail), so that tests can bound the *work* an
//! adversarial input causes rather than its time, which a loaded machine makes flaky. Only
//! unit tests count; elsewhere the calls compile to nothing.

use std::cell::Cell;

thread_local! {
    static STEPS: Cell<u64> = const { Cell::new(0) };
}

/// Records `n` steps of a scan.
#[inline]
pub(crate) fn step(n: usize) {
    if cfg!(test) {
        STEPS.with(|s| s.set(s.get() + n as u64));
    }
}

/// Runs `f` and returns what it returned with the steps it took on this thread.
#[cfg(test)]
pub(crate) fn measure<T>(f: impl FnOnce() -> T) -> (T, u64) {
    let before = STEPS.with(Cell::get);
    let out = f();
    (out, STEPS.with(Cell::get) - before)
}
