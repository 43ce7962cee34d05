//! claimlens: review sourced reports sentence by sentence.
//!
//! Layers with one direction of data flow: `io` reads files into the `model`, `app` names what
//! the analyst can ask for (no egui), the `ui` draws the model and emits commands, and only
//! `model::Document::apply` changes a review. ARCHITECTURE.md is the map.

pub mod app;
pub mod cli;
pub mod io;
pub mod model;
pub mod sample_docs;
pub mod sample_pages;
pub mod samples;
pub mod ui;
