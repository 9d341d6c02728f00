//! The studio's engine: casebook's core behind wasm-bindgen, on text and bytes only (the page
//! reads files, stores the work and offers the downloads).

use std::cell::RefCell;
use std::path::Path;

use casebook::assess::assess;
use casebook::case::{Discipline, Language, LoadedCase, load_source};
use casebook::diagnostics::Diagnostic;
use casebook::render::view::Edition;
use casebook::renderers::{Formats, RenderSettings, Renderers};
use casebook::scaffold::starter_text;
use serde::Serialize;
use wasm_bindgen::prelude::*;

thread_local! {
    // Templates, locales and the PDF engine's fonts are loaded once per edition: a keystroke
    // then costs only the case's own load, assessment and rendering.
    static ENGINES: RefCell<[Option<Renderers>; 2]> = const { RefCell::new([None, None]) };
}

/// What the page shows while the student types: every diagnostic, and the verdict when the case
/// could be assessed.
#[derive(Serialize)]
struct Checked {
    diagnostics: Vec<Diagnostic>,
    /// The language the case is written in (`nl`, `en`): the page follows it for its messages.
    language: Option<&'static str>,
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

/// Loads, validates and assesses a case; returns `{diagnostics, language}` as JSON.
#[wasm_bindgen]
pub fn check(file_name: &str, text: &str) -> String {
    let checked = match load_source(Path::new(file_name), text.as_bytes().to_vec()) {
        Ok(loaded) => {
            let language = Some(loaded.case.language().code());
            let mut diagnostics = loaded.diagnostics.clone();
            if !loaded.has_errors() {
                let rubric = casebook::rubric::Rubric::default();
                diagnostics.extend(assess(&loaded, &rubric).findings);
            }
            Checked {
                diagnostics,
                language,
            }
        }
        Err((_, diagnostics)) => Checked {
            diagnostics,
            language: None,
        },
    };
    serde_json::to_string(&checked).unwrap_or_default()
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
    let edition = edition_of(edition);
    ENGINES.with(|engines| {
        let mut engines = engines.borrow_mut();
        let slot = &mut engines[usize::from(edition == Edition::Student)];
        if slot.is_none() {
            let settings = RenderSettings {
                edition,
                ..RenderSettings::default()
            };
            *slot = Some(Renderers::new(&settings).map_err(diagnostics_error)?);
        }
        let Some(renderers) = slot.as_ref() else {
            return Err(JsError::new("no engine"));
        };
        let rendered = renderers
            .render(&loaded, formats)
            .map_err(diagnostics_error)?;
        // The first file is the assessment; the asked-for document follows it.
        rendered
            .files
            .into_iter()
            .find(|(name, _)| name.ends_with(&format!(".{format}")))
            .map(|(_, bytes)| bytes)
            .ok_or_else(|| JsError::new("no document"))
    })
}

/// The commented starter case of `casebook new`, in `nl` or `en`.
#[wasm_bindgen]
pub fn starter(language: &str) -> String {
    let language = Language::parse(language).unwrap_or(Language::Nl);
    starter_text(language, Discipline::CustomerIntimacy, "case.yaml", None).unwrap_or_default()
}

fn diagnostics_error(diagnostics: Vec<Diagnostic>) -> JsError {
    JsError::new(&serde_json::to_string(&diagnostics).unwrap_or_default())
}
