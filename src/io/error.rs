//! Errors that name the file and say what is wrong with it in words an analyst understands.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Open,
    Save,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    NotFound,
    IsDirectory,
    Unreadable(String),
    Empty,
    Binary,
    NotUtf8 {
        line: usize,
        column: usize,
    },
    /// Declared or detected as this encoding, but the bytes are not valid in it.
    Undecodable(&'static str),
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    /// More than `limit` bytes arrived (standard input, or a file that grew while read).
    TooLargeStream {
        limit: u64,
    },
    /// A pipe, device or socket: something that may never end.
    NotRegular,
    /// A session this large could not be opened again.
    WouldBeTooLarge {
        bytes: u64,
        limit: u64,
    },
    /// RON that does not parse; the message carries line and column.
    Malformed(String),
    NotASession,
    NewerVersion {
        found: u32,
        supported: u32,
    },
    UnsupportedVersion(u32),
    /// Parses, but contradicts itself (offsets outside the text, unknown labels, …).
    Invalid(String),
    /// Writing over an existing file failed; it is as it was.
    WriteFailed(String),
    /// Writing a new file failed; nothing was written.
    CreateFailed(String),
    /// The file is read-only; it is replaced only when the analyst says so.
    ReadOnly,
    /// The file exists and is not a claimlens session: writing a session over it would
    /// destroy it.
    NotASessionToReplace,
    /// A web page in which no article text was found (a front page, a login wall, not a page).
    NoArticle,
    /// A web page with more elements than claimlens scores.
    PageTooComplex {
        elements: usize,
        limit: usize,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::NotFound => write!(f, "the file does not exist"),
            Problem::IsDirectory => write!(f, "it is a folder, not a file"),
            Problem::Unreadable(e) => write!(f, "it cannot be read ({e})"),
            Problem::Empty => write!(f, "the file is empty: there is no text to review"),
            Problem::Binary => write!(
                f,
                "it is not a text file (it contains NUL bytes); open a .txt, .md, .html or .ron file"
            ),
            Problem::NotUtf8 { line, column } => write!(
                f,
                "it is not UTF-8 text (first invalid byte at line {line}, column {column}); \
                 save it as UTF-8 and try again"
            ),
            Problem::Undecodable(encoding) => write!(
                f,
                "its text is not valid {encoding}; the file may be damaged or not text"
            ),
            Problem::TooLarge { bytes, limit } => write!(
                f,
                "it is too large ({}; the limit is {})",
                size(*bytes, *limit),
                size(*limit, *bytes)
            ),
            Problem::TooLargeStream { limit } => write!(
                f,
                "it is too large (more than {}, the limit)",
                size(*limit, *limit)
            ),
            Problem::NotRegular => write!(
                f,
                "it is not a regular file (a pipe, a device or a socket); to read text as it \
                 streams in, give - and send it to standard input"
            ),
            Problem::WouldBeTooLarge { bytes, limit } => write!(
                f,
                "the session would be {}, more than claimlens can open again ({}); nothing \
                 was written",
                size(*bytes, *limit),
                size(*limit, *bytes)
            ),
            Problem::Malformed(e) => write!(f, "it is not a valid session file: {e}"),
            Problem::NotASession => write!(f, "it is not a claimlens session file"),
            Problem::NewerVersion { found, supported } => write!(
                f,
                "it was saved by a newer claimlens (session version {found}; this version reads \
                 up to {supported}); update claimlens to open it"
            ),
            Problem::UnsupportedVersion(v) => {
                write!(f, "session version {v} is not supported")
            }
            Problem::Invalid(e) => write!(f, "the session is damaged: {e}"),
            Problem::WriteFailed(e) => write!(f, "writing failed ({e}); the old file is unchanged"),
            Problem::CreateFailed(e) => write!(f, "writing failed ({e}); nothing was written"),
            Problem::ReadOnly => write!(f, "the file is read-only"),
            Problem::NotASessionToReplace => write!(
                f,
                "it exists and is not a claimlens session; writing a session there would \
                 destroy it"
            ),
            Problem::NoArticle => write!(
                f,
                "no article text was found in the page (a front page, a login or cookie wall, or \
                 not a web page at all?); copy the article's text into a .txt file instead"
            ),
            Problem::PageTooComplex { elements, limit } => write!(
                f,
                "the page has {elements} elements, more than the {limit} claimlens reads"
            ),
        }
    }
}

/// A problem with one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub action: Action,
    pub path: PathBuf,
    pub problem: Problem,
}

impl FileError {
    pub fn open(path: &Path, problem: Problem) -> Self {
        Self {
            action: Action::Open,
            path: path.to_path_buf(),
            problem,
        }
    }

    pub fn save(path: &Path, problem: Problem) -> Self {
        Self {
            action: Action::Save,
            path: path.to_path_buf(),
            problem,
        }
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let verb = match self.action {
            Action::Open => "Cannot open",
            Action::Save => "Cannot save",
        };
        write!(f, "{verb} {}: {}", self.path.display(), self.problem)
    }
}

impl std::error::Error for FileError {}

/// Maps an I/O error from reading `path` to a problem the user can act on.
/// `bytes` in megabytes, precise enough to tell it from `other`: "64.2 MB", or the exact
/// count where the two would read the same ("64,000,001 bytes").
fn size(bytes: u64, other: u64) -> String {
    let mb = |b: u64| format!("{:.1} MB", b as f64 / 1e6);
    if mb(bytes) != mb(other) || bytes == other {
        return mb(bytes);
    }
    let digits = bytes.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    format!("{out} bytes")
}

pub fn read_problem(e: &std::io::Error) -> Problem {
    match e.kind() {
        std::io::ErrorKind::NotFound => Problem::NotFound,
        std::io::ErrorKind::IsADirectory => Problem::IsDirectory,
        _ => Problem::Unreadable(e.to_string()),
    }
}
