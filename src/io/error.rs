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
    /// A word processor file whose document has no text.
    NoDocumentText,
    /// Named as this format ("docx", "odt", "pdf") but not one at all.
    NotADocument(&'static str),
    /// The right kind of file, but damaged or cut short.
    DamagedDocument(&'static str),
    /// An OLE compound file: an encrypted Office file or a Word 97–2003 document.
    EncryptedOrLegacyOffice,
    PasswordProtected,
    /// A zip whose parts unpack to more than the limit (a zip bomb, or not an article).
    UnpacksTooLarge {
        limit: u64,
    },
    /// A PDF whose pages have no text, only pictures of it.
    NoTextLayer,
    /// The PDF reader failed on this file; the words say how.
    ExtractionFailed(String),
    ExtractionTimedOut {
        seconds: u64,
    },
    ExtractionOutOfMemory {
        limit: u64,
    },
    /// A document whose text alone is more than claimlens reviews.
    TextTooLarge {
        limit: u64,
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
                "it is not a text file (it contains NUL bytes); claimlens opens .txt, .md, .html, \
                 .pdf, .docx, .odt and .ron files"
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
            Problem::NoDocumentText => write!(f, "the document has no text to review"),
            Problem::NotADocument(format) => write!(
                f,
                "it is named .{format} but is not a {} file",
                format_name(format)
            ),
            Problem::DamagedDocument(format) => write!(
                f,
                "the {} file is damaged or incomplete; open it in the program that made it \
                 and save it again",
                format_name(format)
            ),
            Problem::EncryptedOrLegacyOffice => write!(
                f,
                "it is a password-protected Office file or an old Word 97–2003 document; \
                 save it as .docx without a password and open that"
            ),
            Problem::PasswordProtected => write!(
                f,
                "it is protected by a password; save a copy without the password and open that"
            ),
            Problem::UnpacksTooLarge { limit } => write!(
                f,
                "its contents unpack to more than {}, the limit for a document (a damaged \
                 or hostile file?)",
                size(*limit, *limit)
            ),
            Problem::NoTextLayer => write!(
                f,
                "the PDF has no text layer (it is a scan or pictures of pages); run it \
                 through OCR first and open the result"
            ),
            Problem::ExtractionFailed(why) => {
                write!(f, "claimlens could not read the text of this PDF ({why})")
            }
            Problem::ExtractionTimedOut { seconds } => write!(
                f,
                "reading the PDF's text took longer than {seconds} s and was stopped; the file \
                 may be damaged or unusually complex"
            ),
            Problem::TextTooLarge { limit } => write!(
                f,
                "its text is more than {}, the most claimlens reviews in one article",
                size(*limit, *limit)
            ),
            Problem::ExtractionOutOfMemory { limit } => write!(
                f,
                "reading the PDF's text needed more than {} of memory and was stopped",
                size(*limit, *limit)
            ),
        }
    }
}

fn format_name(format: &str) -> &'static str {
    match format {
        "docx" => "Word (.docx)",
        "odt" => "OpenDocument text (.odt)",
        "pdf" => "PDF",
        _ => "document",
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
