//! Opening a file as a review: open → segment → suggest, in one place for the window, its
//! worker threads and the command line. A saved review opens as it was saved; an article opens
//! as a new review with the suggestions in place as unconfirmed labels (not an undo step).

use crate::io::{self, FileError, Opened};
use crate::model::suggest::{self, Suggestion};
use crate::model::{Article, Session, Taxonomy};
use std::path::Path;
use std::sync::atomic::{AtomicU8, Ordering};

/// A file read and made ready to become the open review: a session as saved, or a new review of
/// an article with its suggestions already made.
#[derive(Debug)]
pub enum Prepared {
    Session(Box<Session>),
    Review {
        session: Box<Session>,
        suggestions: Vec<Suggestion>,
        /// The encoding the article was decoded from.
        encoding: &'static str,
    },
}

/// Files at least this large are opened and saved off the UI thread (about 100 ms of work).
pub const BACKGROUND_FROM_BYTES: u64 = 1_000_000;

/// Whether opening `path` is worth a worker thread: a large file, or any PDF, whose reader
/// may take up to its time limit on a small hostile file, and the window must not wait.
pub fn is_large(path: &Path) -> bool {
    let pdf = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    pdf || std::fs::metadata(path).is_ok_and(|m| m.len() >= BACKGROUND_FROM_BYTES)
}

/// Whether saving `session` is worth a worker thread: the file carries the article and a line
/// per claim.
pub fn is_large_session(session: &Session) -> bool {
    session.article().text.len() as u64 + 100 * session.len() as u64 >= BACKGROUND_FROM_BYTES
}

/// What a worker is doing now, shown next to the spinner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Reading = 0,
    Splitting = 1,
    Suggesting = 2,
    Writing = 3,
    /// Placing imported spans on the article's sentences.
    Placing = 4,
}

impl Stage {
    pub fn from_u8(v: u8) -> Stage {
        match v {
            1 => Stage::Splitting,
            2 => Stage::Suggesting,
            3 => Stage::Writing,
            4 => Stage::Placing,
            _ => Stage::Reading,
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Stage::Reading => "reading",
            Stage::Splitting => "splitting into sentences",
            Stage::Suggesting => "suggesting sources",
            Stage::Writing => "writing",
            Stage::Placing => "placing the spans on sentences",
        }
    }
}

/// Reads `path` and prepares it, reporting each stage to `stage`.
pub fn prepare(path: &Path, stage: &AtomicU8) -> Result<Prepared, FileError> {
    stage.store(Stage::Reading as u8, Ordering::Relaxed);
    match io::open_path(path)? {
        Opened::Session(session) => Ok(Prepared::Session(session)),
        Opened::Article(article, encoding) => {
            let (session, suggestions) = new_review(*article, stage);
            Ok(Prepared::Review {
                session: Box::new(session),
                suggestions,
                encoding,
            })
        }
    }
}

/// A new review of `article` with the default labels: segmented, then suggested, the
/// suggestions placed as unconfirmed labels and proposed sources.
pub fn new_review(article: Article, stage: &AtomicU8) -> (Session, Vec<Suggestion>) {
    stage.store(Stage::Splitting as u8, Ordering::Relaxed);
    let session = Session::new(article, Taxonomy::default_preset());
    stage.store(Stage::Suggesting as u8, Ordering::Relaxed);
    suggest::with_suggestions(session)
}

/// The clipboard's text as a new review: unsaved, titled by its first line; the first save asks
/// where (proposing a name made from the title).
pub(super) fn from_clipboard(workspace: &mut super::Workspace, text: &str) -> Vec<super::Effect> {
    if text.trim().is_empty() {
        return vec![super::workspace::notice(
            "The clipboard holds no text to review (copy the article's text first)",
        )];
    }
    if let Some(refused) = too_large(text) {
        return refused;
    }
    let article = Article::new(Article::title_from_text(text, "Pasted text"), None, text);
    install_pasted(workspace, article, "copied text")
}

/// HTML copied from a browser as a new review: its paragraphs, lists and table rows kept, as
/// from a saved page; the rest as for copied text.
pub(super) fn from_clipboard_html(
    workspace: &mut super::Workspace,
    html: &str,
) -> Vec<super::Effect> {
    if let Some(refused) = too_large(html) {
        return refused;
    }
    match io::html::article_from_copied_html(html) {
        Ok(article) => install_pasted(workspace, article, "copied page"),
        Err(_) => vec![super::workspace::notice(
            "The copied HTML holds no text to review (copy the article's text first)",
        )],
    }
}

fn too_large(text: &str) -> Option<Vec<super::Effect>> {
    (text.len() as u64 > io::article_file::MAX_ARTICLE_BYTES).then(|| {
        vec![super::workspace::error(format!(
            "The clipboard's text is {} MB, more than the {} MB claimlens opens",
            text.len() / 1_000_000,
            io::article_file::MAX_ARTICLE_BYTES / 1_000_000
        ))]
    })
}

fn install_pasted(
    workspace: &mut super::Workspace,
    article: Article,
    what: &str,
) -> Vec<super::Effect> {
    let (session, suggestions) = new_review(article, &Default::default());
    let n = session.len();
    let mut effects = workspace.install(
        crate::model::Document::new(session, None),
        Some(suggestions),
    );
    effects.push(super::workspace::notice(format!(
        "New review of the {what} ({n} sentences); the first save asks for a name"
    )));
    effects
}
