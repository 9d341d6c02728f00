//! casebook's PDF reports through the embedded typst compiler: the renderer the command line and
//! the studio's PDF engine hand to the engine ([`maker`]), kept out of `casebook-core` so that the
//! browser's live preview loads without typst and its fonts.
//!
//! A [`PdfEngine`] is made once per build: it loads the embedded fonts and the standard library
//! and parses the template once, and is shared (it is `Send + Sync`) by every case rendered in
//! parallel. Each case reaches the template only as data — the virtual file `/data.json`, read
//! with `json("/data.json")` — so no text of a case is ever parsed as typst markup.

pub mod date;
mod diagnose;
mod fonts;
pub mod standards;
mod world;

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use casebook_core::case::Position;
use casebook_core::diagnostics::Diagnostic;
use casebook_core::render::pdf::glyphs::Coverage;
use casebook_core::render::pdf::{Attachment, DocumentMeta, PdfOptions, PdfRenderer, Rendered};
use serde::Serialize;
use typst::foundations::Smart;
use typst_layout::PagedDocument;
use typst_pdf::{PdfStandards, Timestamp};
use world::{DocumentWorld, Shared};

/// The engine's [`casebook_core::render::pdf::PdfMaker`]: a typst renderer for the options.
pub fn maker(options: PdfOptions) -> Result<Box<dyn PdfRenderer>, Diagnostic> {
    Ok(Box::new(PdfEngine::new(options)?))
}

/// Every character some embedded font draws, as ranges of code points: what the engine's table
/// of them (`casebook_core::render::pdf::glyphs`) must say, checked by a test.
pub fn font_coverage() -> Vec<(u32, u32)> {
    let mut points: Vec<u32> = fonts::all()
        .iter()
        .flat_map(|font| font.info().coverage.iter().collect::<Vec<u32>>())
        .collect();
    points.sort_unstable();
    points.dedup();
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    for point in points {
        match ranges.last_mut() {
            Some((_, end)) if *end + 1 == point => *end = point,
            _ => ranges.push((point, point)),
        }
    }
    ranges
}

/// The JSON the template reads: the document's metadata next to the report's view.
#[derive(Serialize)]
struct Data<'a, V> {
    document: &'a DocumentMeta,
    view: &'a V,
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
    /// Documents rendered so far, which paces the eviction of typst's caches.
    rendered: AtomicUsize,
}

impl PdfRenderer for PdfEngine {
    fn render(
        &self,
        view: serde_json::Value,
        meta: &DocumentMeta,
    ) -> Result<Rendered, Vec<Diagnostic>> {
        PdfEngine::render(self, &view, meta)
    }
}

impl PdfEngine {
    /// Loads the fonts and parses the template. Fails on standards that are unknown or cannot be
    /// combined, with a diagnostic naming them.
    pub fn new(options: PdfOptions) -> Result<Self, Diagnostic> {
        let setup_error = |situation: &str, reason: String| {
            Diagnostic::worded(
                &options.template.name,
                Position::default(),
                casebook_core::messages::user_language(),
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
                casebook_core::messages::user_language(),
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
        let missing = Coverage::embedded().replace_missing(&mut data);
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
    let language = casebook_core::case::Language::parse(&meta.lang).unwrap_or_default();
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
    .with_severity(casebook_core::diagnostics::Severity::Warning)
}
