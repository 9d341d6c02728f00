//! PDF reports through the embedded typst compiler.
//!
//! A [`PdfEngine`] is made once per build: it loads the embedded fonts and the standard library
//! and parses the template once, and is shared (it is `Send + Sync`) by every case rendered in
//! parallel. Each case reaches the template only as data — the virtual file `/data.json`, read
//! with `json("/data.json")` — so no text of a case is ever parsed as typst markup.

pub mod attachment;
pub mod date;
mod diagnose;
pub mod embedded;
pub mod glyphs;
pub mod spans;
pub mod standards;
mod world;

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::Serialize;
use typst::foundations::Smart;
use typst_layout::PagedDocument;
use typst_pdf::{PdfStandards, Timestamp};

use crate::case::{LoadedCase, Position};
use crate::diagnostics::Diagnostic;
pub use attachment::Attachment;
use glyphs::Coverage;
use world::{DocumentWorld, Shared};

use date::SOURCE_DATE_EPOCH;

/// The file name of the report template, built in and overridable from a templates folder.
pub const TEMPLATE_NAME: &str = "report.typ";

/// The report template shipped in the binary.
const BUILTIN_TEMPLATE: &str = include_str!("../../../../templates/report.typ");

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
    /// typst's standard names (`ua-1`, `a-3b`, `1.7`…), or `none`; see [`standards`].
    pub standards: Vec<String>,
    /// The fallback date when a case has none, as `SOURCE_DATE_EPOCH` seconds.
    pub source_date_epoch: Option<String>,
}

impl Default for PdfOptions {
    /// The built-in template, PDF/UA-1 with PDF/A-3b, and `SOURCE_DATE_EPOCH` from the environment.
    fn default() -> Self {
        Self {
            template: Template::builtin(),
            standards: standards::default_names(),
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

/// The JSON the template reads: the document's metadata next to the report's view.
#[derive(Serialize)]
struct Data<'a, V> {
    document: &'a DocumentMeta,
    view: &'a V,
}

/// A finished PDF and the warnings typst gave while making it.
pub struct Rendered {
    pub pdf: Vec<u8>,
    pub warnings: Vec<Diagnostic>,
}

/// The typst compiler state of one build; see the module documentation.
pub struct PdfEngine {
    shared: Shared,
    template_name: PathBuf,
    /// The names the template's parts' diagnostics point at, in the order of the world's parts.
    part_names: Vec<PathBuf>,
    standards: PdfStandards,
    /// Whether the standards let a PDF carry its case file (PDF/A-2 does not).
    attaches: bool,
    source_date_epoch: Option<String>,
    coverage: Coverage,
    /// Documents rendered so far, which paces the eviction of typst's caches.
    rendered: AtomicUsize,
}

impl PdfEngine {
    /// Loads the fonts and parses the template. Fails on standards that are unknown or cannot be
    /// combined, with a diagnostic naming them.
    pub fn new(options: PdfOptions) -> Result<Self, Diagnostic> {
        let setup_error = |situation: &str, reason: String| {
            Diagnostic::worded(
                &options.template.name,
                Position::default(),
                crate::messages::user_language(),
                "PDF-SETUP",
                situation,
                &[("reason", &reason)],
            )
        };
        let (standards, attaches) = standards::parse(&options.standards)
            .map_err(|(situation, reason)| setup_error(situation, reason))?;
        let shared = Shared::new(options.template.text.clone(), &options.template.parts)
            .map_err(|err| setup_error("world", err.to_string()))?;
        Ok(Self {
            coverage: Coverage::new(shared.fonts()),
            shared,
            template_name: options.template.name,
            part_names: options
                .template
                .parts
                .iter()
                .map(|(_, name, _)| name.clone())
                .collect(),
            standards,
            attaches,
            source_date_epoch: options.source_date_epoch,
            rendered: AtomicUsize::new(0),
        })
    }

    /// Renders one case: `view` is serialised as the template's data. On failure, the errors
    /// (and any warnings) point into the template and name the case.
    pub fn render<V: Serialize>(
        &self,
        view: &V,
        meta: &DocumentMeta,
    ) -> Result<Rendered, Vec<Diagnostic>> {
        let serialise_error = |err: serde_json::Error| {
            let values = [("case", meta.case.as_str()), ("reason", &err.to_string())];
            vec![Diagnostic::worded(
                &self.template_name,
                Position::default(),
                crate::messages::user_language(),
                diagnose::CODE,
                "data",
                &values,
            )]
        };
        let attachment = meta.attachment.as_ref().filter(|_| self.attaches);
        let document = DocumentMeta {
            attachment: attachment.map(|file| Attachment {
                name: file.name.clone(),
                bytes: Vec::new(),
            }),
            ..meta.clone()
        };
        let mut data = serde_json::to_value(Data {
            document: &document,
            view,
        })
        .map_err(serialise_error)?;
        let missing = self.coverage.replace_missing(&mut data);
        let data = serde_json::to_vec(&data).map_err(serialise_error)?;
        let today = date::document_date(meta.date.as_deref(), self.source_date_epoch.as_deref());
        let case = attachment
            .map(|file| file.bytes.clone())
            .unwrap_or_default();
        let world = DocumentWorld::new(&self.shared, data, case, today);
        let mut result = self.compile_and_export(&world, meta, today);
        if let (Ok(rendered), false) = (&mut result, missing.is_empty()) {
            rendered.warnings.push(missing_glyphs(meta, &missing));
        }
        // typst memoises across documents; a large build would otherwise grow without bound.
        // Keeping the last few generations matters with parallel documents: evict(0) from one
        // thread throws away what another is still using (measured: half the throughput). An
        // eviction walks every cache while the other workers wait, so it runs after every second
        // document (200 cases: 7.8 s -> 7.25 s, peak RSS 122 -> 163 MB).
        if self.rendered.fetch_add(1, Ordering::Relaxed) % 2 == 1 {
            typst::comemo::evict(3);
        }
        result
    }

    fn compile_and_export(
        &self,
        world: &DocumentWorld<'_>,
        meta: &DocumentMeta,
        today: Option<typst::foundations::Datetime>,
    ) -> Result<Rendered, Vec<Diagnostic>> {
        let convert = |diagnostic: &typst::diag::SourceDiagnostic| {
            let sources = std::iter::once((self.shared.template(), self.template_name.as_path()))
                .chain(
                    self.shared
                        .parts()
                        .iter()
                        .zip(self.part_names.iter().map(PathBuf::as_path)),
                );
            diagnose::convert(world, sources, &meta.case, diagnostic)
        };
        let compiled = typst::compile::<PagedDocument>(world);
        let mut warnings: Vec<Diagnostic> = compiled.warnings.iter().map(convert).collect();
        let document = match compiled.output {
            Ok(document) => document,
            Err(errors) => {
                warnings.splice(0..0, errors.iter().map(convert));
                return Err(warnings);
            }
        };
        let options = typst_pdf::PdfOptions {
            ident: Smart::Custom(meta.case.clone()),
            creator: Smart::Custom(Some(format!("casebook {}", env!("CARGO_PKG_VERSION")))),
            timestamp: today.map(Timestamp::new_utc),
            standards: self.standards.clone(),
            ..typst_pdf::PdfOptions::default()
        };
        match typst_pdf::pdf(&document, &options) {
            Ok(pdf) => Ok(Rendered { pdf, warnings }),
            Err(errors) => {
                warnings.splice(0..0, errors.iter().map(convert));
                Err(warnings)
            }
        }
    }
}

fn missing_glyphs(meta: &DocumentMeta, missing: &std::collections::BTreeSet<char>) -> Diagnostic {
    let shown: Vec<String> = missing
        .iter()
        .map(|c| format!("{c} (U+{:04X})", u32::from(*c)))
        .collect();
    let language = crate::case::Language::parse(&meta.lang).unwrap_or_default();
    let characters = shown.join(", ");
    let values = [("characters", characters.as_str())];
    Diagnostic::worded(
        &meta.source,
        Position::default(),
        language,
        "PDF-GLYPH",
        "missing",
        &values,
    )
    .with_severity(crate::diagnostics::Severity::Warning)
}
