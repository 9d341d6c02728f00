//! The render stage: everything loaded once per build (rubric, templates, locale, the PDF engine)
//! and the rendering of one case into its files.

use std::path::PathBuf;

use crate::assess::Assessment;
use crate::case::LoadedCase;
use crate::diagnostics::Diagnostic;

/// Which report formats a build writes (the assessment JSON is always written).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Formats {
    pub markdown: bool,
    pub html: bool,
    pub pdf: bool,
}

impl Formats {
    pub const ALL: Formats = Formats { markdown: true, html: true, pdf: true };

    /// Reads a list such as `md,html,pdf`.
    pub fn parse(list: &str) -> Result<Formats, String> {
        let mut formats = Formats { markdown: false, html: false, pdf: false };
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match name {
                "md" | "markdown" => formats.markdown = true,
                "html" => formats.html = true,
                "pdf" => formats.pdf = true,
                other => return Err(format!("unknown format `{other}`: use md, html and/or pdf, separated by commas")),
            }
        }
        Ok(formats)
    }
}

/// Settings that shape every report of a build.
#[derive(Clone, Debug, Default)]
pub struct RenderSettings {
    /// A folder whose files override the built-in templates by name.
    pub templates: Option<PathBuf>,
    /// The rubric file; `None` uses the built-in defaults.
    pub rubric: Option<PathBuf>,
}

/// The files of one case, not yet written.
pub struct Rendered {
    pub assessment: Assessment,
    /// (file name, bytes), in a fixed order.
    pub files: Vec<(String, Vec<u8>)>,
    /// (kind, file name) of the files the index links to.
    pub links: Vec<(String, String)>,
    /// Findings and renderer warnings.
    pub diagnostics: Vec<Diagnostic>,
}
