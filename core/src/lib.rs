//! casebook's engine: how well a firm's choice of value discipline (Treacy & Wiersema) is
//! substantiated, judged from the case's text and rendered as Markdown, HTML and PDF; a student's
//! work compared with the model answer. Text and bytes in, documents out: the command line (the
//! root package) and the browser (`web/`) read and write the files and call [`engine`].
//!
//! The stages, each module pointing only at those above it:
//! [`lang`] (language, positions) → [`messages`], [`locale`], [`diagnostics`] →
//! [`case`] (load and validate) → [`rubric`] → [`assess`] → [`grade`] (compare with a model) →
//! [`render`] (views, Markdown, HTML, PDF, the index and the grading overview) →
//! [`engine`] (everything loaded once; check, render and grade one case).

pub mod lang;

pub mod locale;
pub mod messages;

pub mod diagnostics;
pub mod markdown;

pub mod case;
pub mod schema;

pub mod rubric;

pub mod assess;

pub mod grade;

pub mod templates;

pub mod render;
pub mod starter;

pub mod engine;
