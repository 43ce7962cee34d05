//! Reading a PDF's glyphs in a child process under limits. The child is claimlens itself,
//! started with [`CHILD_ARG`] and a file: it reads the PDF there, caps its own address space
//! and processor time, and answers with JSON on standard output. The parent gives it
//! [`TIME_LIMIT`] of wall time and kills it after that. A panic, a runaway or an exhausted
//! allocator in the reader ends the child, never the window with the analyst's work.

use super::glyphs::{self, Failure};
use super::{Info, Page};
use crate::io::bounded::read_within;
use crate::io::error::Problem;
use serde::{Deserialize, Serialize};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The hidden first argument that makes claimlens a PDF reader for its parent.
pub const CHILD_ARG: &str = "__read-pdf-glyphs";
pub const TIME_LIMIT: Duration = Duration::from_secs(30);

/// [`TIME_LIMIT`], or the seconds `CLAIMLENS_PDF_TIME_LIMIT` gives (a slow machine, a huge
/// report).
pub fn time_limit() -> Duration {
    std::env::var("CLAIMLENS_PDF_TIME_LIMIT")
        .ok()
        .and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s > 0.0)
        .map_or(TIME_LIMIT, Duration::from_secs_f64)
}
pub const MEMORY_LIMIT: u64 = 2_000_000_000;
/// Replies larger than this are not from a PDF claimlens can review.
const MAX_REPLY: u64 = 512_000_000;

#[derive(Debug, Serialize, Deserialize)]
enum Reply {
    Pages { pages: Vec<Page>, info: Info },
    Password,
    Damaged(String),
    Panicked(String),
}

/// The child's work: the PDF named by the argument after [`CHILD_ARG`] in, the reply out.
/// Returns the exit code.
pub fn child_main() -> i32 {
    limit_self();
    let Some(path) = std::env::args_os().nth(2) else {
        return 2;
    };
    let Ok(bytes) = crate::io::bounded::read_file(path.as_ref(), super::MAX_PDF_BYTES) else {
        return 2;
    };
    // The reader's panics are answers here, not crashes: the default hook would print them.
    std::panic::set_hook(Box::new(|_| {}));
    let reply = match std::panic::catch_unwind(|| glyphs::pages(&bytes)) {
        Ok(Ok((pages, info))) => Reply::Pages { pages, info },
        Ok(Err(Failure::Password)) => Reply::Password,
        Ok(Err(Failure::Damaged(why))) => Reply::Damaged(why),
        Err(payload) => Reply::Panicked(
            payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default(),
        ),
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = serde_json::to_writer(&mut out, &reply).is_ok() && out.flush().is_ok();
    if written { 0 } else { 3 }
}

#[cfg(unix)]
fn limit_self() {
    use rlimit::Resource;
    let _ = Resource::AS.set(MEMORY_LIMIT, MEMORY_LIMIT);
    let cpu = time_limit().as_secs() + 5;
    let _ = Resource::CPU.set(cpu, cpu);
}

#[cfg(not(unix))]
fn limit_self() {}

/// The program to start as the child: this one (whatever it is called), or — when this is a
/// test or benchmark binary in `target/<profile>/deps` — the claimlens built beside it.
/// `CLAIMLENS_HELPER` overrides.
fn helper() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("CLAIMLENS_HELPER") {
        return Some(path.into());
    }
    let exe = std::env::current_exe().ok()?;
    let dir = exe.parent()?;
    if dir.file_name().is_none_or(|d| d != "deps") {
        return Some(exe);
    }
    let program = dir
        .parent()?
        .join(format!("claimlens{}", std::env::consts::EXE_SUFFIX));
    program.is_file().then_some(program)
}

/// The pages of the PDF in `bytes`, read by the child.
pub fn read(bytes: &[u8]) -> Result<(Vec<Page>, Info), Problem> {
    let failed = |why: &str| Problem::ExtractionFailed(why.to_string());
    let helper =
        helper().ok_or_else(|| failed("the PDF reader, claimlens itself, was not found"))?;
    // The bytes go by a private temporary file: they may have come from standard input or a
    // file since changed, and a file needs no writer thread.
    let mut input = tempfile::NamedTempFile::new()
        .map_err(|e| Problem::ExtractionFailed(format!("no room for a temporary copy: {e}")))?;
    input
        .write_all(bytes)
        .and_then(|()| input.flush())
        .map_err(|e| Problem::ExtractionFailed(format!("no room for a temporary copy: {e}")))?;
    let mut child = Command::new(helper)
        .arg(CHILD_ARG)
        .arg(input.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| Problem::ExtractionFailed(format!("the PDF reader did not start: {e}")))?;
    // Readers on their own threads, not joined: a process the child left behind could hold
    // the pipes open after the child is gone.
    let (reply_tx, reply_rx) = mpsc::channel();
    if let Some(stdout) = child.stdout.take() {
        std::thread::spawn(move || reply_tx.send(read_within(stdout, MAX_REPLY)));
    }
    let (errors_tx, errors_rx) = mpsc::channel();
    if let Some(stderr) = child.stderr.take() {
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = stderr.take(64_000).read_to_string(&mut text);
            errors_tx.send(text)
        });
    }
    let started = Instant::now();
    let limit = time_limit();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if started.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(_) => break None,
        }
    };
    let grace = Duration::from_secs(2);
    let reply = reply_rx.recv_timeout(grace).ok();
    let errors = errors_rx.recv_timeout(grace).unwrap_or_default();
    let Some(status) = status else {
        return Err(Problem::ExtractionTimedOut {
            seconds: limit.as_secs_f64().ceil() as u64,
        });
    };
    if errors.contains("memory allocation") {
        return Err(Problem::ExtractionOutOfMemory {
            limit: MEMORY_LIMIT,
        });
    }
    let reply = match reply {
        Some(Ok(bytes)) if status.success() => bytes,
        Some(Err(Problem::TooLargeStream { .. })) => {
            return Err(failed("it holds more text than claimlens reviews"));
        }
        _ => {
            return Err(failed(&format!(
                "the PDF reader stopped ({})",
                stopped(&status)
            )));
        }
    };
    match serde_json::from_slice::<Reply>(&reply) {
        Ok(Reply::Pages { pages, info }) => Ok((pages, info)),
        Ok(Reply::Password) => Err(Problem::PasswordProtected),
        Ok(Reply::Damaged(why)) => Err(Problem::ExtractionFailed(format!(
            "the file is damaged or uses a feature claimlens does not read: {why}"
        ))),
        Ok(Reply::Panicked(why)) => Err(Problem::ExtractionFailed(format!(
            "the PDF reader cannot handle this file{}",
            if why.is_empty() {
                String::new()
            } else {
                format!(": {why}")
            }
        ))),
        Err(_) => Err(failed(
            "the PDF reader gave an answer claimlens cannot read",
        )),
    }
}

fn stopped(status: &std::process::ExitStatus) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return format!("signal {signal}");
        }
    }
    match status.code() {
        Some(code) => format!("exit code {code}"),
        None => "no exit code".to_string(),
    }
}
