//! The integration tests: one binary (one link of typst) over fixture folders, running the real
//! `casebook` binary where the user would.

mod build;
mod pdf;
mod support;
