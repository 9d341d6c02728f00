//! The assessment: pure functions from a loaded case and a rubric to scores, verdicts and findings.

mod model;

pub use model::*;
