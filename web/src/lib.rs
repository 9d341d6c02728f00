//! The studio's engine: casebook's core behind wasm-bindgen, on text and bytes only (the page
//! reads files, stores the work and offers the downloads). Built twice: without features, the
//! light engine of the preview (no typst, no fonts); with `pdf`, the PDF engine, the same exports
//! with PDFs too, which the page loads only when a PDF is wanted or the page is idle.

mod editor;
mod grade;

use std::cell::RefCell;
use std::path::Path;

use casebook_core::case::{Discipline, Language, LoadedCase, load_source};
use casebook_core::diagnostics::Diagnostic;
use casebook_core::engine::{Engine, Formats, Settings, check};
use casebook_core::render::context::Edition;
use casebook_core::render::pdf::PdfMaker;
use casebook_core::starter::blank::studio_starter_text;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// What makes the PDFs in this build: nothing in the light one.
#[cfg(feature = "pdf")]
const PDF: Option<PdfMaker> = Some(casebook_pdf::maker);
#[cfg(not(feature = "pdf"))]
const PDF: Option<PdfMaker> = None;

thread_local! {
    // Templates, locales and (in the PDF build) the PDF engine's fonts are loaded once per edition: a keystroke
    // then costs only the case's own load, assessment and rendering.
    static ENGINES: RefCell<[Option<Engine>; 2]> = const { RefCell::new([None, None]) };
}

/// What the page shows while the student types: every diagnostic, and the HTML report when the
/// case has no errors.
#[derive(Serialize)]
struct Preview {
    diagnostics: Vec<Diagnostic>,
    /// The language the case is written in (`nl`, `en`), when it could be read that far.
    language: Option<&'static str>,
    html: Option<String>,
}

fn edition_of(name: &str) -> Edition {
    if name == "student" {
        Edition::Student
    } else {
        Edition::Teacher
    }
}

fn load(file_name: &str, text: &str) -> Result<LoadedCase, Vec<Diagnostic>> {
    match load_source(Path::new(file_name), text.as_bytes().to_vec()) {
        Ok(loaded) if loaded.has_errors() => Err(loaded.diagnostics),
        Ok(loaded) => Ok(loaded),
        Err((_, diagnostics)) => Err(diagnostics),
    }
}

/// Runs `work` with the renderers of an edition, made on first use.
fn with_renderers<T>(
    edition: Edition,
    work: impl FnOnce(&Engine) -> Result<T, Vec<Diagnostic>>,
) -> Result<T, Vec<Diagnostic>> {
    ENGINES.with(|engines| {
        let mut engines = engines.borrow_mut();
        let slot = &mut engines[usize::from(edition == Edition::Student)];
        let renderers = match slot.take() {
            Some(renderers) => renderers,
            None => Engine::new(&Settings {
                edition,
                pdf: PDF,
                ..Settings::default()
            })?,
        };
        let result = work(&renderers);
        *slot = Some(renderers);
        result
    })
}

/// Loads, validates and assesses a case, as `casebook check` does, and renders its HTML report
/// in `edition` when it has no errors: one load and one assessment per keystroke. Returns
/// `{diagnostics, language, html}` as JSON.
#[wasm_bindgen]
pub fn preview(file_name: &str, text: &str, edition: &str) -> String {
    let preview = match load_source(Path::new(file_name), text.as_bytes().to_vec()) {
        Err((_, diagnostics)) => Preview {
            diagnostics,
            language: None,
            html: None,
        },
        Ok(mut loaded) => {
            let language = Some(loaded.case.language().code());
            let mut html = None;
            let mut errors = Vec::new();
            if !loaded.has_errors() {
                let rendered = with_renderers(edition_of(edition), |renderers| {
                    let Some(assessment) = check(&mut loaded, &renderers.rubric) else {
                        return Ok(None);
                    };
                    let html_only = Formats {
                        markdown: false,
                        html: true,
                        pdf: false,
                        docx: false,
                    };
                    let documents = renderers.documents(&loaded, &assessment, html_only, None)?;
                    Ok(Some(documents))
                });
                match rendered {
                    Ok(None) => {}
                    Ok(Some(documents)) => {
                        errors.extend(documents.warnings);
                        html = documents
                            .files
                            .into_iter()
                            .next()
                            .map(|(_, _, bytes)| String::from_utf8_lossy(&bytes).into_owned());
                    }
                    Err(failed) => errors.extend(failed),
                }
            }
            let mut diagnostics = loaded.diagnostics;
            diagnostics.extend(errors);
            Preview {
                diagnostics,
                language,
                html,
            }
        }
    };
    serde_json::to_string(&preview).unwrap_or_default()
}

/// Renders one format (`md`, `html` or `pdf`) of one edition (`teacher`, `student`); the bytes of
/// the document, or an error whose message is the diagnostics as JSON.
#[wasm_bindgen]
pub fn render(
    file_name: &str,
    text: &str,
    edition: &str,
    format: &str,
) -> Result<Vec<u8>, JsError> {
    let formats = Formats::parse(format).map_err(|err| JsError::new(&err))?;
    let loaded = load(file_name, text).map_err(diagnostics_error)?;
    let rendered = with_renderers(edition_of(edition), |renderers| {
        renderers.render(&loaded, formats)
    })
    .map_err(diagnostics_error)?;
    // Beside the document come the assessment (teacher) or the worksheet (student).
    let extension = format!(".{format}");
    rendered
        .files
        .into_iter()
        .find(|(name, _)| name.ends_with(&extension))
        .map(|(_, bytes)| bytes)
        .ok_or_else(|| JsError::new("no document"))
}

/// The page's own texts (`[studio]` of the locale files) in `nl` or `en`, as a JSON object.
#[wasm_bindgen]
pub fn labels(language: &str) -> String {
    let language = Language::parse(language).unwrap_or(Language::Nl);
    casebook_core::messages::locale(language)
        .section("studio")
        .to_string()
}

/// The commented starter case of `casebook new`, in `nl` or `en`, dated `date` (the browser's
/// today, `YYYY-MM-DD`: the engine has no clock of its own), its comments speaking of the studio.
#[wasm_bindgen]
pub fn starter(language: &str, date: &str) -> String {
    let language = Language::parse(language).unwrap_or(Language::Nl);
    studio_starter_text(language, Discipline::CustomerIntimacy, date).unwrap_or_default()
}

fn diagnostics_error(diagnostics: Vec<Diagnostic>) -> JsError {
    JsError::new(&serde_json::to_string(&diagnostics).unwrap_or_default())
}
