//! What the studio's editor knows of the case format, all from the engine: the JSON Schema of
//! `casebook schema` (keys, their descriptions, allowed values), the names the reports give the
//! case's parts (for the cursor's place), and the hand-out starter of the case being edited.

use std::path::Path;

use casebook_core::case::{Discipline, Ground, Language, load_source};
use casebook_core::schema::case_schema;
use casebook_core::starter::assignment::{student_case, to_yaml_headed};
use serde_json::{Map, Value, json};
use wasm_bindgen::prelude::*;

/// `{schema, places}` in `nl` or `en` as JSON: the case's schema with its descriptions in that
/// language, and the label of each key that names a part of the case (`current_situation` →
/// `Grond B`, `strengths` → `Sterktes`), as the reports call them.
#[wasm_bindgen]
pub fn editor_help(language: &str) -> String {
    let language = Language::parse(language).unwrap_or(Language::Nl);
    let schema = case_schema(language);
    let locale = casebook_core::messages::locale(language);
    let mut places = Map::new();
    let mut keys = Vec::new();
    property_names(&schema, &mut keys);
    for key in keys {
        let label = format!("report.{key}");
        if locale.has(&label) {
            places.insert(key, Value::String(locale.text(&label).to_string()));
        }
    }
    for discipline in Discipline::ALL {
        let label = format!("disciplines.{}", discipline.key());
        let label = locale.text(&label).to_string();
        places.insert(discipline.key().into(), Value::String(label));
    }
    for ground in Ground::ALL {
        let label = format!("{} {}", locale.text("report.ground"), ground.letter());
        places.insert(ground.key().into(), Value::String(label));
    }
    json!({ "schema": schema, "places": places }).to_string()
}

/// Every key named anywhere in `schema`.
fn property_names(schema: &Value, found: &mut Vec<String>) {
    match schema {
        Value::Object(object) => {
            if let Some(Value::Object(properties)) = object.get("properties") {
                found.extend(properties.keys().cloned());
            }
            for value in object.values() {
                property_names(value, found);
            }
        }
        Value::Array(list) => list.iter().for_each(|value| property_names(value, found)),
        _ => {}
    }
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
