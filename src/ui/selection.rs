//! The selection lives in the application core; the shell draws it.

pub use crate::app::selection::Selection;
