//! How much memory a review holds, step by step, counted by the allocator (live bytes) beside
//! the resident size the system reports (which also keeps what the allocator was freed and did
//! not hand back): `cargo run --release --example profile_memory -- REVIEW.ron`.

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicIsize, Ordering::Relaxed};

struct Counting;
// Counted over the allocator the app runs with, so that the resident figures are the app's.
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;
static LIVE: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = LIVE.fetch_add(layout.size() as isize, Relaxed) + layout.size() as isize;
        PEAK.fetch_max(now, Relaxed);
        unsafe { ALLOC.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Relaxed);
        unsafe { ALLOC.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new: usize) -> *mut u8 {
        let now = LIVE.fetch_add(new as isize - layout.size() as isize, Relaxed) + new as isize
            - layout.size() as isize;
        PEAK.fetch_max(now, Relaxed);
        unsafe { ALLOC.realloc(ptr, layout, new) }
    }
}

#[global_allocator]
static A: Counting = Counting;

fn mb(n: isize) -> String {
    format!("{:.1} MB", n as f64 / 1e6)
}

/// The process's resident size, where the system says it (Linux).
fn resident() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmRSS:"))?.to_string();
            let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
            Some(format!("{:.1} MB", kb / 1e3))
        })
        .unwrap_or_else(|| "?".into())
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: profile_memory REVIEW.ron [window]");
        return;
    };
    // The engine's tables, built once per process whatever the reviews: counted apart.
    let before_tables = LIVE.load(Relaxed);
    claimlens::model::suggest::warm_up();
    let tiny = claimlens::model::Session::new(
        claimlens::model::Article::new("t", None, "A source in Hyesan said rice is dear."),
        claimlens::model::Taxonomy::default_preset(),
    );
    std::hint::black_box(claimlens::model::suggest::suggest(&tiny));
    println!(
        "{:<44} live {:>9}",
        "the engine's tables (once per process)",
        mb(LIVE.load(Relaxed) - before_tables)
    );
    let base = LIVE.load(Relaxed);
    let step = |what: &str| {
        println!(
            "{what:<48} live {:>9}  peak so far {:>9}  resident {}",
            mb(LIVE.load(Relaxed) - base),
            mb(PEAK.load(Relaxed) - base),
            resident()
        );
    };
    // `window`: the window's steps alone, in a fresh process (what the analyst's app does).
    if std::env::args().nth(2).as_deref() != Some("window") {
        parts(&path, &step);
    }
    // The whole window, drawn without a screen (egui_kittest): first with the sample, as it
    // starts, then with the review opened in it as the analyst opens it (File › Open, read on
    // a worker). The difference is what the review costs the window.
    claimlens::ui::memory::for_the_window();
    let mut harness = egui_kittest::Harness::builder()
        .with_size([1400.0, 900.0])
        .build_eframe(|_cc| {
            let mut app =
                claimlens::ui::ClaimlensApp::new(Box::new(NoDialogs), Vec::new()).named(None);
            app.open_startup(None);
            app
        });
    let settle = |harness: &mut egui_kittest::Harness<claimlens::ui::ClaimlensApp>| {
        for _ in 0..8 {
            harness.run_steps(5);
            std::thread::sleep(std::time::Duration::from_millis(500));
        }
    };
    settle(&mut harness);
    let sample = resident_kb();
    step("the window with the sample, drawn");
    harness
        .state_mut()
        .queue(claimlens::app::AppCommand::Open(path.clone().into()));
    settle(&mut harness);
    step("and the review opened in it, drawn");
    println!(
        "  the review's resident cost in the window: {:.1} MB",
        (resident_kb() - sample) / 1e3
    );
}

/// The review's parts, one at a time: the session, its suggestions, the workspace.
fn parts(path: &str, step: &dyn Fn(&str)) {
    let session = match claimlens::io::session_file::load_session(std::path::Path::new(&path)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    step("session loaded");
    println!(
        "  text {}, {} sentences, {} sources",
        mb(session.article().text.len() as isize),
        session.len(),
        session.sources().len()
    );
    let doc = claimlens::model::Document::new(session, Some(path.into()));
    step("as a document (undo history, saved state)");
    let suggestions = claimlens::model::suggest::suggest(doc.session());
    step("with its suggestions");
    let n = suggestions.len().max(1);
    let rules: usize = suggestions.iter().map(|s| s.rules.len() * 16).sum();
    let strings: usize = suggestions
        .iter()
        .map(|s| {
            s.location.as_ref().map_or(0, String::capacity)
                + s.unmatched_location.as_ref().map_or(0, String::capacity)
        })
        .sum();
    println!(
        "  per suggestion: {} B inline, {} B of rules, {} B of strings (its label and source shared)",
        std::mem::size_of::<claimlens::model::suggest::Suggestion>(),
        rules / n,
        strings / n
    );
    drop(suggestions);
    step("suggestions dropped (what stays: the engine's caches)");
    let suggestions = claimlens::model::suggest::suggest(doc.session());
    step("suggested again");
    let stats = doc.session().stats();
    step("with its counts");
    std::hint::black_box((&doc, &suggestions, &stats));
    drop((doc, suggestions, stats));
    step("all dropped");
    let mut ws = claimlens::app::Workspace::default();
    ws.handle(claimlens::app::AppCommand::OpenWaiting(path.into()));
    step("opened in the workspace, as the window opens it");
    drop(ws);
    step("workspace dropped");
}

fn resident_kb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmRSS:"))?.to_string();
            line.split_whitespace().nth(1)?.parse().ok()
        })
        .unwrap_or(0.0)
}

/// The window without file dialogs: nothing here asks for one.
struct NoDialogs;

impl claimlens::ui::dialogs::FileDialogs for NoDialogs {
    fn ask(
        &mut self,
        _kind: claimlens::app::DialogKind,
        _waker: eframe::egui::Context,
    ) -> std::sync::mpsc::Receiver<claimlens::ui::dialogs::DialogAnswer> {
        let (tx, rx) = std::sync::mpsc::channel();
        let _ = tx.send(claimlens::ui::dialogs::DialogAnswer {
            path: None,
            shown: false,
        });
        rx
    }
}
