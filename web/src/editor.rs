//! What the studio's editor knows of the case format, all from the engine: the JSON Schema of
//! `casebook schema` (keys, their descriptions, allowed values), the names the reports give the
//! case's parts (for the cursor's place), and the hand-out starter of the case being edited.

use std::path::Path;

use casebook_core::case::{Language, load_source};
use casebook_core::schema::{case_schema, part_names};
use casebook_core::starter::assignment::{student_case, to_yaml_headed};
use serde_json::json;
use wasm_bindgen::prelude::*;

/// `{schema, places}` in `nl` or `en` as JSON: the case's schema with its descriptions in that
/// language, and the name of each key as the reports call the part (`current_situation` →
/// `Grond B`, `strengths` → `Sterktes`), for the cursor's place.
#[wasm_bindgen]
pub fn editor_help(language: &str) -> String {
    let language = Language::parse(language).unwrap_or(Language::Nl);
    json!({ "schema": case_schema(language), "places": part_names(language) }).to_string()
}

/// The hand-out starter of a teacher's case (`<case>.student.yaml`, as `casebook build
/// --handout` writes it), headed with the studio's words; an error when the case has errors.
#[wasm_bindgen]
pub fn handout(file_name: &str, text: &str) -> Result<String, JsError> {
    let loaded = match load_source(Path::new(file_name), text.as_bytes().to_vec()) {
        Ok(loaded) if !loaded.has_errors() => loaded,
        _ => return Err(JsError::new("the case has errors")),
    };
    let name = format!("{}.student.yaml", loaded.slug);
    let locale = casebook_core::messages::locale(loaded.case.language());
    let starter = student_case(&loaded.case);
    to_yaml_headed(&starter, locale, &name, "studio_starter.handout").map_err(|e| JsError::new(&e))
}
