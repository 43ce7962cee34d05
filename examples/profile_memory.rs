//! How much memory a review holds, step by step, counted by the allocator (live bytes) beside
//! the resident size the system reports (which also keeps what the allocator was freed and did
//! not hand back): `cargo run --release --example profile_memory -- REVIEW.ron`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering::Relaxed};

struct Counting;
static LIVE: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = LIVE.fetch_add(layout.size() as isize, Relaxed) + layout.size() as isize;
        PEAK.fetch_max(now, Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new: usize) -> *mut u8 {
        let now = LIVE.fetch_add(new as isize - layout.size() as isize, Relaxed) + new as isize
            - layout.size() as isize;
        PEAK.fetch_max(now, Relaxed);
        unsafe { System.realloc(ptr, layout, new) }
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
        eprintln!("usage: profile_memory REVIEW.ron");
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
    let doc = claimlens::model::Document::new(session, Some(path.clone().into()));
    step("as a document (undo history, saved state)");
    let suggestions = claimlens::model::suggest::suggest(doc.session());
    step("with its suggestions");
    let n = suggestions.len().max(1);
    let rules: usize = suggestions.iter().map(|s| s.rules.capacity() * 16).sum();
    let strings: usize = suggestions
        .iter()
        .map(|s| {
            s.label.as_ref().map_or(0, |l| l.0.capacity())
                + s.location.as_ref().map_or(0, String::capacity)
                + s.unmatched_location.as_ref().map_or(0, String::capacity)
                + s.source.as_ref().map_or(0, |p| {
                    p.name.capacity() + p.label.as_ref().map_or(0, |l| l.0.capacity())
                })
        })
        .sum();
    println!(
        "  per suggestion: {} B inline, {} B of rules, {} B of strings",
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
    ws.handle(claimlens::app::AppCommand::OpenWaiting(path.clone().into()));
    step("opened in the workspace, as the window opens it");
    drop(ws);
    step("workspace dropped");
    // The whole window, drawn without a screen (egui_kittest): what the views add.
    let mut harness = egui_kittest::Harness::builder()
        .with_size([1400.0, 900.0])
        .build_eframe(|_cc| {
            let mut app =
                claimlens::ui::ClaimlensApp::new(Box::new(NoDialogs), Vec::new()).named(None);
            app.open_startup(Some(path.clone().into()));
            app
        });
    for _ in 0..3 {
        harness.run_steps(5);
        std::thread::sleep(std::time::Duration::from_millis(500));
    }
    step("in the window, drawn");
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
