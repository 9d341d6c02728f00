//! casebook: assess how well a firm's choice of value discipline (Treacy & Wiersema) is
//! substantiated, and render the case as Markdown, HTML and PDF reports.
//!
//! The pipeline is `load → assess → render → write`: [`project`] finds and loads the cases
//! ([`case`] holds the model and its validation), and the `cli` module drives the commands.

pub mod assess;
pub mod case;
#[cfg(feature = "cli")]
pub mod check;
#[cfg(feature = "cli")]
pub mod cli;
pub mod diagnostics;
#[cfg(feature = "cli")]
pub mod extract;
#[cfg(feature = "cli")]
pub mod grade;
#[cfg(feature = "cli")]
pub mod help;
pub mod locale;
#[cfg(feature = "cli")]
pub mod manifest;
pub mod markdown;
pub mod messages;
#[cfg(feature = "cli")]
pub mod output;
#[cfg(feature = "cli")]
pub mod pipeline;
#[cfg(feature = "cli")]
pub mod progress;
#[cfg(feature = "cli")]
pub mod project;
pub mod render;
pub mod renderers;
pub mod rubric;
pub mod scaffold;
pub mod schema;
#[cfg(feature = "cli")]
pub mod serve;
#[cfg(feature = "cli")]
pub mod site;
pub mod student_case;
pub mod templates;
#[cfg(feature = "cli")]
pub mod watch;
