use claimlens::cli::{self, Cli};
use clap::Parser;
use std::process::ExitCode;

// The suggestion engine allocates many small strings on every core; glibc's allocator grows a
// fresh arena per thread and zeroes its pages, which was a third of a one-shot `suggest` run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    match claimlens::ui::run_native(args.files) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("claimlens: {message}");
            ExitCode::FAILURE
        }
    }
}
