//! The JSON Schema of the case format, for editors (yaml-language-server) and for `casebook schema`.

use crate::case::Case;

/// Where the committed schema lives, relative to the project root.
pub const SCHEMA_PATH: &str = "schema/case.schema.json";

/// The schema as pretty JSON with a trailing newline, exactly as committed.
pub fn case_schema_json() -> String {
    let schema = schemars::schema_for!(Case);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
