//! The integration tests: one binary (one link of typst) over fixture folders, running the real
//! `casebook` binary where the user would.

mod assess;
mod build;
mod check;
mod docx;
mod editions;
mod everyday;
mod extract;
mod findings;
mod fixes;
mod format;
mod fuzz;
mod goals;
mod grade;
mod guide;
mod handout;
mod help;
mod hostile;
mod interrupt;
mod layers;
mod layout;
mod messages;
mod overrides;
mod pdf;
mod pdfread;
mod platform;
mod published;
mod render;
mod scale;
mod schema;
mod scope;
mod serve;
mod support;
mod watch;
mod wording;
mod worksheet;
