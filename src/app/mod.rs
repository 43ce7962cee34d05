//! The application core, free of egui: what the analyst can ask for and how keys reach it.
//! The shell in `ui` converts egui input into these types, so that the command table, its
//! checks and the README's key table need no window.

pub mod command_table;
pub mod keys;
pub mod open;
pub mod review;
pub mod selection;
pub mod workspace;

pub use command_table::{Action, Entry, GESTURES, Scope, entries, lookup, overlaps};
pub use keys::{Extra, Key, Mods, Shortcut};
pub use review::OpenReview;
pub use workspace::{AppCommand, Effect, Message, View, Workspace};
