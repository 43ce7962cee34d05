//! The domain: articles, sentences, the label taxonomy, review sessions and the commands that
//! change them. Nothing here draws or touches files, so all of it runs headless and fast.

pub mod adjudication;
pub mod agreement;
pub mod anchor;
pub mod article;
mod boundary_edit;
mod citing;
pub mod colour;
pub mod command;
mod command_check;
mod command_describe;
pub mod compare;
pub mod corpus;
pub mod document;
pub mod header;
pub mod origins;
pub mod pairs;
pub mod provenance;
pub mod record;
pub mod record_edit;
pub mod recurring;
pub mod segment;
pub mod session;
pub mod sourcing;
pub mod suggest;
pub mod taxonomy;
pub(crate) mod work;

pub use article::Article;
pub use command::{Command, CommandError};
pub use document::Document;
pub use provenance::Provenance;
pub use record::{Credibility, Hedging, Link, LinkKind, Reliability, SentenceId, Source, SourceId};
pub use segment::{Segmentation, Span};
pub use session::{Annotation, Session, Stats, Status};
pub use taxonomy::{LabelId, Rgb, SourceKind, SourceType, Taxonomy};
