//! The `casebook` command line over the engine (`casebook-core`): it reads the arguments and the
//! user's files, spreads the cases over threads, writes the outputs atomically, watches and
//! serves, and reports progress; everything it shows comes from the engine.
//!
//! [`cli`] parses and dispatches; [`read`] turns files into the engine's inputs; [`build`] finds
//! the cases, runs them in parallel and writes them; [`grade`] does the same for a class;
//! [`watch`] and [`serve`] rebuild on a save; [`report`] prints what was found.

pub mod build;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod extract;
pub mod grade;
pub mod help;
pub mod parallel;
pub mod read;
pub mod report;
pub mod serve;
pub mod watch;
