//! `casebook new`: a commented starter case, in the chosen language and for the chosen
//! discipline, that passes `check` as written.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::case::{Discipline, Language};
use crate::messages;

const STARTER_NL: &str = include_str!("../templates/starter/nl.yaml");
const STARTER_EN: &str = include_str!("../templates/starter/en.yaml");
/// The schema file a starter points at when the project has no committed schema.
const LOCAL_SCHEMA: &str = "case.schema.json";

/// The starter case text for `file_name`, its first line pointing the editor at `schema`.
pub fn starter_text(
    language: Language,
    choice: Discipline,
    file_name: &str,
    schema: Option<&str>,
) -> Result<String, String> {
    let template = match language {
        Language::Nl => STARTER_NL,
        Language::En => STARTER_EN,
    };
    let mut others = choice.others();
    let mut context = tera::Context::new();
    context.insert("choice", choice.key());
    context.insert("other1", others.next().map_or("", Discipline::key));
    context.insert("other2", others.next().map_or("", Discipline::key));
    context.insert("file_name", file_name);
    context.insert("date", "2025-09-01");
    // Without a committed schema the editor looks next to the case; the starter says how to make it.
    context.insert("schema", schema.unwrap_or(LOCAL_SCHEMA));
    context.insert("schema_missing", &schema.is_none());
    tera::Tera::one_off(template, &context, false)
        .map_err(|err| messages::cli("starter_broken", &[("reason", &err.to_string())]))
}

/// Writes the starter case; refuses to overwrite an existing file. Returns the path written.
pub fn write_starter(
    name: &Path,
    language: Language,
    choice: Discipline,
) -> Result<PathBuf, String> {
    let mut path = name.to_path_buf();
    if !matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    ) {
        let mut file_name = path
            .file_name()
            .map(|n| n.to_os_string())
            .unwrap_or_default();
        file_name.push(".yaml");
        path.set_file_name(file_name);
    }
    let file_name = path.display().to_string();
    let schema = schema_reference(&path);
    let text = starter_text(language, choice, &file_name, schema.as_deref())?;
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|err| cannot("cannot_create", parent, &err))?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|err| match err.kind() {
            std::io::ErrorKind::AlreadyExists => {
                messages::cli("exists", &[("path", &path.display().to_string())])
            }
            _ => cannot("cannot_create", &path, &err),
        })?;
    file.write_all(text.as_bytes())
        .map_err(|err| cannot("cannot_write", &path, &err))?;
    Ok(path)
}

/// A CLI line saying that `path` could not be created or written, and why.
fn cannot(key: &str, path: &Path, err: &std::io::Error) -> String {
    let reason = messages::io_reason(err, messages::user_language());
    messages::cli(
        key,
        &[("path", &path.display().to_string()), ("reason", &reason)],
    )
}

/// The project's committed schema, relative to the new file's folder, when there is one here.
fn schema_reference(path: &Path) -> Option<String> {
    let schema = Path::new(crate::schema::SCHEMA_PATH);
    if !schema.is_file() {
        return None;
    }
    let depth = path.parent().map_or(0, |p| {
        p.components()
            .filter(|c| matches!(c, std::path::Component::Normal(_)))
            .count()
    });
    Some(format!(
        "{}{}",
        "../".repeat(depth),
        crate::schema::SCHEMA_PATH
    ))
}
