//! Commands that are small enough to live apart from the argument parsing: `casebook new`.

pub mod new;
