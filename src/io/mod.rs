//! Files: reading articles, loading and saving sessions atomically. No drawing happens here.

pub mod article_file;
pub mod atomic;
pub mod bounded;
pub mod cache;
pub mod corpus;
pub mod corpus_file;
pub mod error;
pub mod export;
pub mod html;
pub mod import;
pub mod office;
pub mod open;
mod parallel_parse;
pub mod pdf;
pub mod recovery;
pub mod report;
pub mod session_file;
pub mod taxonomy_file;
pub mod xml;

pub use article_file::read_article;
pub use error::{FileError, Problem};
pub use open::{Opened, open_path};
pub use session_file::{load_session, save_session};
