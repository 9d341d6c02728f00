//! `casebook build`: [`discover`] finds the case files, [`pipeline`] runs each through the engine
//! on a pool of threads and writes its files ([`output`], atomically) and the index, recording
//! what it wrote in the [`manifest`]; [`progress`] shows how far it got.

pub mod discover;
pub mod manifest;
pub mod output;
pub mod pipeline;
pub mod progress;
