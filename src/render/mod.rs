//! Renderers: turn a case and its assessment into report documents.

pub mod html;
pub mod md;
mod parts;
pub mod pdf;
pub mod view;
