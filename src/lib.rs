//! claimlens: review sourced reports sentence by sentence.
//!
//! Three layers with one direction of data flow: `io` reads files into the `model`, the `ui`
//! draws the model and emits commands, and only `model::Document::apply` changes a review.

pub mod cli;
pub mod io;
pub mod model;
pub mod samples;
pub mod ui;
