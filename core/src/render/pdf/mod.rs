//! The PDF reports' side of the engine, without typst: what a PDF renderer is given (template,
//! standards, date, the document's metadata) and gives back, and the free text and characters
//! it can show. The renderer itself is the `casebook-pdf` crate, handed to the engine by the
//! shell ([`PdfMaker`] in the engine's settings), so that the browser's preview needs neither
//! typst nor its fonts.

pub mod attachment;
pub mod embedded;
pub mod glyphs;
pub mod spans;

use std::path::PathBuf;

use serde::Serialize;

use crate::case::LoadedCase;
use crate::diagnostics::Diagnostic;
pub use attachment::Attachment;

/// The file name of the report template, built in and overridable from a templates folder.
pub const TEMPLATE_NAME: &str = "report.typ";

/// The report template shipped in the binary.
const BUILTIN_TEMPLATE: &str = include_str!("../../../../templates/report.typ");

/// The environment variable of reproducible builds: seconds since 1970-01-01 UTC.
pub const SOURCE_DATE_EPOCH: &str = "SOURCE_DATE_EPOCH";

/// The standards of a PDF when none are asked for: accessible, and archival with its case file
/// inside (PDF/A-3 because PDF/A-2 forbids an attached file).
const DEFAULT_STANDARDS: &[&str] = &["ua-1", "a-3b"];

/// The default standards as names, for the command line's default value.
pub fn default_standards() -> Vec<String> {
    DEFAULT_STANDARDS
        .iter()
        .map(|name| (*name).to_owned())
        .collect()
}

/// A typst template: its text, and the name its diagnostics point at; with the parts it imports
/// (path imported at, name, text).
#[derive(Clone, Debug)]
pub struct Template {
    pub name: PathBuf,
    pub text: String,
    pub parts: Vec<(String, PathBuf, String)>,
}

impl Template {
    /// The built-in report template.
    pub fn builtin() -> Self {
        Self {
            name: PathBuf::from("templates").join(TEMPLATE_NAME),
            text: BUILTIN_TEMPLATE.to_owned(),
            parts: crate::templates::builtin_typst_parts(),
        }
    }
}

/// How PDFs are made in one build.
#[derive(Clone, Debug)]
pub struct PdfOptions {
    pub template: Template,
    /// typst's standard names (`ua-1`, `a-3b`, `1.7`…), or `none`.
    pub standards: Vec<String>,
    /// The fallback date when a case has none, as `SOURCE_DATE_EPOCH` seconds.
    pub source_date_epoch: Option<String>,
}

impl Default for PdfOptions {
    /// The built-in template, PDF/UA-1 with PDF/A-3b, and `SOURCE_DATE_EPOCH` from the environment.
    fn default() -> Self {
        Self {
            template: Template::builtin(),
            standards: default_standards(),
            source_date_epoch: std::env::var(SOURCE_DATE_EPOCH).ok(),
        }
    }
}

/// What the PDF's metadata says about one document, and what messages call the case.
#[derive(Clone, Debug, Serialize)]
pub struct DocumentMeta {
    /// The case's name (its slug), used in messages and as the PDF's stable identifier.
    pub case: String,
    /// Plain text (see [`crate::markdown::plain`]): the PDF title that PDF/UA requires.
    pub title: String,
    pub authors: Vec<String>,
    /// The case language's code (`nl`, `en`): the document language screen readers use.
    pub lang: String,
    /// The case's date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The case file, for warnings about its text.
    #[serde(skip)]
    pub source: PathBuf,
    /// The file the PDF carries (the case it was made from), when the standards allow one.
    pub attachment: Option<Attachment>,
}

impl DocumentMeta {
    /// The metadata of a loaded case: its title and author as plain text, its language and date.
    pub fn of(case: &LoadedCase) -> Self {
        let meta = &case.case.meta;
        Self {
            case: case.slug.clone(),
            title: crate::markdown::plain(&meta.title),
            authors: meta
                .author
                .iter()
                .map(|author| crate::markdown::plain(author))
                .filter(|author| !author.is_empty())
                .collect(),
            lang: case.case.language().code().to_owned(),
            date: meta.date.as_ref().map(|date| date.value.clone()),
            source: case.path.clone(),
            attachment: Some(Attachment {
                name: case
                    .path
                    .file_name()
                    .map(|name| name.to_string_lossy().into_owned())
                    .unwrap_or_else(|| format!("{}.yaml", case.slug)),
                bytes: case.source.clone().into_bytes(),
            }),
        }
    }
}

/// A finished PDF and the warnings the renderer gave while making it.
pub struct Rendered {
    pub pdf: Vec<u8>,
    pub warnings: Vec<Diagnostic>,
}

/// The PDF renderer of one build (the template parsed, the fonts loaded), shared by every case
/// rendered in parallel.
pub trait PdfRenderer: Send + Sync {
    /// Renders one document from the template's view (as JSON) and the document's metadata. On
    /// failure, the errors (and any warnings) point into the template and name the case.
    fn render(
        &self,
        view: serde_json::Value,
        meta: &DocumentMeta,
    ) -> Result<Rendered, Vec<Diagnostic>>;
}

/// Makes the PDF renderer of a build from its options; `casebook-pdf` has the one the command
/// line and the studio's PDF engine give the engine. Fails on standards that are unknown or
/// cannot be combined, with a diagnostic naming them.
pub type PdfMaker = fn(PdfOptions) -> Result<Box<dyn PdfRenderer>, Diagnostic>;
