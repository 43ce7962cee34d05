//! One entry point for "open this path", whichever way it came (menu, command line, drop).

use super::error::FileError;
use super::{article_file::read_article_with_encoding, session_file::load_session};
use crate::model::{Article, Session};
use std::path::Path;

#[derive(Debug)]
pub enum Opened {
    /// A session file: the review continues where it was left.
    Session(Box<Session>),
    /// An article, and the encoding its file was in: a new review starts.
    Article(Box<Article>, &'static str),
}

pub fn is_session_path(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
}

pub fn open_path(path: &Path) -> Result<Opened, FileError> {
    if is_session_path(path) {
        load_session(path).map(|s| Opened::Session(Box::new(s)))
    } else {
        read_article_with_encoding(path).map(|(a, encoding)| Opened::Article(Box::new(a), encoding))
    }
}
