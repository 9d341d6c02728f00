//! `casebook new`: a commented starter case, in the chosen language and for the chosen
//! discipline, that passes `check` as written.

#[cfg(feature = "cli")]
use std::io::Write;
#[cfg(feature = "cli")]
use std::path::{Path, PathBuf};

use crate::case::{Discipline, Language};
use crate::messages;

const STARTER_NL: &str = include_str!("../templates/starter/nl.yaml");
const STARTER_EN: &str = include_str!("../templates/starter/en.yaml");
/// The schema file a starter points at when the project has no committed schema.
const LOCAL_SCHEMA: &str = "case.schema.json";

/// The author line the starters are written with (`Naam student`, `Student name`): a
/// placeholder a student may leave, never a student's name.
pub fn placeholder_authors() -> impl Iterator<Item = &'static str> {
    [STARTER_NL, STARTER_EN].into_iter().filter_map(|starter| {
        let line = starter
            .lines()
            .find_map(|l| l.trim().strip_prefix("author:"))?;
        Some(line.trim())
    })
}

/// The starter case text for `file_name`, its first line pointing the editor at `schema`, dated
/// `date` (`YYYY-MM-DD`).
pub fn starter_text(
    language: Language,
    choice: Discipline,
    file_name: &str,
    schema: Option<&str>,
    date: &str,
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
    context.insert("date", date);
    // Without a committed schema the editor looks next to the case; the starter says how to make it.
    context.insert("schema", schema.unwrap_or(LOCAL_SCHEMA));
    context.insert("schema_missing", &schema.is_none());
    tera::Tera::one_off(template, &context, false)
        .map_err(|err| messages::cli("starter_broken", &[("reason", &err.to_string())]))
}

/// Writes the starter case; refuses to overwrite an existing file. Returns the path written.
#[cfg(feature = "cli")]
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
    let today = crate::render::pdf::date::today();
    let text = starter_text(language, choice, &file_name, schema.as_deref(), &today)?;
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
#[cfg(feature = "cli")]
fn cannot(key: &str, path: &Path, err: &std::io::Error) -> String {
    let reason = messages::io_reason(err, messages::user_language());
    messages::cli(
        key,
        &[("path", &path.display().to_string()), ("reason", &reason)],
    )
}

/// The project's committed schema, as a path from the new file's folder (which may lie
/// anywhere: `new ../elders/x.yaml`, `new /tmp/x.yaml`). The project is the nearest folder
/// holding `schema/case.schema.json`, around the new file or else around where casebook runs.
#[cfg(feature = "cli")]
fn schema_reference(path: &Path) -> Option<String> {
    let folder = real_folder(path.parent().unwrap_or(Path::new("")))?;
    let here = real_folder(Path::new(""))?;
    let schema = folder
        .ancestors()
        .chain(here.ancestors())
        .map(|project| project.join(crate::schema::SCHEMA_PATH))
        .find(|schema| schema.is_file())?;
    let relative = pathdiff::diff_paths(&schema, &folder).unwrap_or(schema);
    Some(relative.to_string_lossy().replace('\\', "/"))
}

/// `folder` as the file system will resolve it (`..` and links), though it may not exist yet:
/// its deepest existing part made real, the rest appended.
#[cfg(feature = "cli")]
fn real_folder(folder: &Path) -> Option<PathBuf> {
    use std::path::Component;
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let absolute = std::path::absolute(folder).ok()?;
    let parts: Vec<Component> = absolute.components().collect();
    (0..=parts.len()).rev().find_map(|existing| {
        let mut real = parts[..existing]
            .iter()
            .collect::<PathBuf>()
            .canonicalize()
            .ok()?;
        for part in &parts[existing..] {
            match part {
                Component::ParentDir => {
                    real.pop();
                }
                Component::Normal(name) => real.push(name),
                _ => {}
            }
        }
        Some(real)
    })
}
