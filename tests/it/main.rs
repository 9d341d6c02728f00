//! The integration tests: one binary (one link of typst) over fixture folders, running the real
//! `casebook` binary where the user would.

mod assess;
mod build;
mod pdf;
mod render;
mod support;
