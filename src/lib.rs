//! casebook: assess how well a firm's choice of value discipline (Treacy & Wiersema) is
//! substantiated, and render the case as Markdown, HTML and PDF reports.
//!
//! The pipeline is `load → assess → render → write`: [`project`] finds and loads the cases
//! ([`case`] holds the model and its validation), and the `cli` module drives the commands.

pub mod assess;
pub mod case;
pub mod check;
pub mod cli;
pub mod diagnostics;
pub mod markdown;
pub mod project;
pub mod render;
pub mod scaffold;
pub mod schema;
