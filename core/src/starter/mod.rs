//! The two cases a user starts from: [`blank`], the empty case `casebook new` writes, and
//! [`assignment`], the student's copy of a model answer with the answers taken out (the
//! hand-out's YAML).

pub mod assignment;
pub mod blank;
