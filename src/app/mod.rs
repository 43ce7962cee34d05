//! The application core, free of egui: the open reviews and the one function that changes them
//! (`Workspace::handle`), what the analyst can ask for (the command table) and how keys reach
//! it. The shell in `ui` converts egui input into these types and carries out the effects, so
//! that a whole review can be driven, and the key table checked, with no window.

mod adjudicate;
mod analyst;
mod autosave;
pub mod command_table;
mod command_text;
pub mod compare;
pub mod desk;
mod details;
mod editing;
mod exchange;
pub mod find;
pub mod flow;
mod jobs;
pub mod key_groups;
pub mod keys;
mod messages;
mod naming;
pub mod open;
pub mod review;
pub mod selection;
pub mod workspace;

pub use autosave::{AUTOSAVE_DELAY, recovered_name};
pub use command_table::{Action, Entry, GESTURES, Scope, entries, lookup, overlaps};
pub use desk::{Desk, DeskCommand, Row, RowKind, SortBy};
pub use details::Details;
pub use flow::{Answer, DialogKind, Intent, Question};
pub use jobs::{Job, Outcome};
pub use key_groups::key_groups;
pub use keys::{Extra, Key, Mods, Shortcut};
pub use messages::NOTICE_LIFETIME;
pub use naming::with_ron_extension;
pub use review::OpenReview;
pub use workspace::{AppCommand, Effect, Message, View, Workspace};
