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
pub mod locale;
pub mod manifest;
pub mod markdown;
pub mod messages;
pub mod output;
pub mod pipeline;
pub mod progress;
pub mod project;
pub mod render;
pub mod renderers;
pub mod rubric;
pub mod scaffold;
pub mod schema;
pub mod site;
pub mod student_case;
pub mod templates;
pub mod watch;
