//! The JSON Schema of the case format, for editors (yaml-language-server) and for `casebook schema`:
//! its descriptions come from the locale files (`[schema.<Type>]`), so an editor explains every
//! key in the student's language.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::case::{Case, Discipline, Ground, Language};

/// Where the committed schema lives, relative to the project root.
pub const SCHEMA_PATH: &str = "schema/case.schema.json";

/// The name the locale files use for the case itself (the schema's root).
const ROOT: &str = "Case";

/// The schema in `language` as pretty JSON with a trailing newline, exactly as committed.
pub fn case_schema_json(language: Language) -> String {
    let mut text = serde_json::to_string_pretty(&case_schema(language)).unwrap_or_default();
    text.push('\n');
    text
}

/// The schema in `language`: every type and key described from the locale, `choice` an enum.
pub fn case_schema(language: Language) -> Value {
    let mut schema = serde_json::to_value(schemars::schema_for!(Case)).unwrap_or_default();
    let locale = crate::messages::locale(language);
    // A key the locale lacks keeps the code's own (English) text; a test lists such keys.
    each_described(&mut schema, &mut |node, key| {
        if let (true, Some(object)) = (locale.has(key), node.as_object_mut()) {
            object.insert("description".into(), Value::String(locale.text(key).into()));
        }
    });
    if let Some(choice) = schema.pointer_mut("/properties/choice") {
        let values: Vec<&str> = Discipline::ALL.iter().map(|d| d.key()).collect();
        choice["enum"] = json!(values);
    }
    schema
}

/// Keys whose part the report heads with words of another name (`choice` → "Gekozen
/// waardestrategie"): the label of each is that text.
const HEADED_ELSEWHERE: [(&str, &str); 11] = [
    ("choice", "report.chosen_discipline"),
    ("customer_leadership", "report.leadership"),
    ("general", "report.regularities_general"),
    ("own", "report.regularities_own"),
    ("view", "report.leader_view"),
    ("purpose", "report.panel_purpose"),
    ("arena", "report.panel_arena"),
    ("value_proposition", "report.panel_value_proposition"),
    ("stances", "report.worksheet_stances"),
    ("leaning_reasoning", "report.worksheet_leaning_reasoning"),
    ("language", "index.language"),
];

/// The name of every key the case format allows, in `language`, as the studio shows the cursor's
/// place ("Grond B › Sterktes › S3"): a ground's and a discipline's name, else the report's
/// heading for the part (`report.<key>`, or one named in [`HEADED_ELSEWHERE`]), else the name the
/// locale gives a part the report has no heading for (`places.<key>`). A key with none of these
/// is left out (a test keeps that list empty).
pub fn part_names(language: Language) -> BTreeMap<String, String> {
    let locale = crate::messages::locale(language);
    let mut keys = Vec::new();
    property_names(&case_schema(language), &mut keys);
    let mut names = BTreeMap::new();
    for key in keys {
        let elsewhere = HEADED_ELSEWHERE.iter().find(|(k, _)| *k == key);
        let label = [
            elsewhere.map(|(_, label)| label.to_string()),
            Some(format!("report.{key}")),
            Some(format!("places.{key}")),
        ]
        .into_iter()
        .flatten()
        .find(|label| locale.has(label));
        if let Some(label) = label {
            names.insert(key, locale.text(&label).to_string());
        }
    }
    for discipline in Discipline::ALL {
        let label = format!("disciplines.{}", discipline.key());
        names.insert(discipline.key().into(), locale.text(&label).to_string());
    }
    for ground in Ground::ALL {
        let label = format!("{} {}", locale.text("report.ground"), ground.letter());
        names.insert(ground.key().into(), label);
    }
    names
}

/// Every key the case format allows: each key named anywhere in `schema`.
pub fn property_names(schema: &Value, found: &mut Vec<String>) {
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

/// Every type and key in `schema` that an editor describes: its locale key and its description.
pub fn descriptions(schema: &Value) -> Vec<(String, Option<String>)> {
    let mut found = Vec::new();
    each_described(&mut schema.clone(), &mut |node, key| {
        let text = node.get("description").and_then(Value::as_str);
        found.push((key.to_string(), text.map(str::to_string)));
    });
    found
}

/// Calls `visit` with each type of the schema (locale key `schema.<Type>._`) and each of its keys
/// (`schema.<Type>.<key>`; a key of an object written inside a key is `<key>-<inner>`).
fn each_described(schema: &mut Value, visit: &mut dyn FnMut(&mut Value, &str)) {
    visit_type(schema, ROOT, visit);
    if let Some(definitions) = schema.get_mut("$defs").and_then(Value::as_object_mut) {
        for (name, definition) in definitions.iter_mut() {
            visit_type(definition, name, visit);
        }
    }
}

fn visit_type(schema: &mut Value, type_name: &str, visit: &mut dyn FnMut(&mut Value, &str)) {
    visit(schema, &format!("schema.{type_name}._"));
    visit_keys(schema, &format!("schema.{type_name}."), visit);
}

fn visit_keys(schema: &mut Value, prefix: &str, visit: &mut dyn FnMut(&mut Value, &str)) {
    let Some(properties) = schema.get_mut("properties").and_then(Value::as_object_mut) else {
        return;
    };
    for (name, property) in properties.iter_mut() {
        let key = format!("{prefix}{name}");
        visit(property, &key);
        for nested in inline_objects(property) {
            visit_keys(nested, &format!("{key}-"), visit);
        }
    }
}

/// The object schemas written inside a key's schema (a `oneOf` branch, an array's items).
fn inline_objects(property: &mut Value) -> Vec<&mut Value> {
    let Some(object) = property.as_object_mut() else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for (word, value) in object.iter_mut() {
        match (word.as_str(), value) {
            ("oneOf" | "anyOf", Value::Array(branches)) => found.extend(
                branches
                    .iter_mut()
                    .filter(|branch| branch.get("properties").is_some()),
            ),
            ("items", item) if item.get("properties").is_some() => found.push(item),
            _ => {}
        }
    }
    found
}
