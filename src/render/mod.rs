//! Renderers: turn a case and its assessment into report documents.

pub mod pdf;
