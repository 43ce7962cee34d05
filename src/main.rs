use claimlens::cli::{self, Cli};
use clap::Parser;
use std::process::ExitCode;

// The suggestion engine allocates many small strings on every core; glibc's allocator grows a
// fresh arena per thread and zeroes its pages, which was a third of a one-shot `suggest` run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (its position in `mi_option_e`, the same in the v2 and v3
/// headers of the pinned libmimalloc-sys).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// For a one-shot command, freed memory stays with the process instead of going back to the
/// system a second later (mimalloc's default): a 50,000-claim W3C import spent three quarters
/// of its 5–12 s zeroing pages it had given back and taken again, and takes 2.2–2.6 s without.
/// The process ends moments later and returns everything then. The window keeps the default,
/// so that its memory shrinks after a large file.
fn keep_freed_memory() {
    // SAFETY: reads and sets one integer option. It is set only when it holds the purge
    // delay's default (10 ms in mimalloc 2, 1000 ms in 3), so that another layout of the
    // options leaves the allocator as it was.
    unsafe {
        if matches!(
            libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY),
            10 | 1000
        ) {
            libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1);
        }
    }
}

fn main() -> ExitCode {
    // The PDF reader's child process (see `io::pdf`): before anything else, not a command.
    if std::env::args_os()
        .nth(1)
        .is_some_and(|a| a == claimlens::io::pdf::CHILD_ARG)
    {
        return ExitCode::from(claimlens::io::pdf::child_main() as u8);
    }
    let args = Cli::parse();
    if let Some(command) = args.command {
        keep_freed_memory();
        // Stdout flushes at every line end on its own; a megabyte of JSON is tens of thousands
        // of lines, so it goes through one buffer, flushed once at the end.
        let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
        let result = cli::run(command, &mut out).and_then(|()| {
            std::io::Write::flush(&mut out).map_err(|e| format!("cannot write output: {e}"))
        });
        return match result {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("claimlens: {message}");
                ExitCode::FAILURE
            }
        };
    }
    claimlens::ui::memory::for_the_window();
    match claimlens::ui::run_native(args.files) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("claimlens: {message}");
            ExitCode::FAILURE
        }
    }
}
