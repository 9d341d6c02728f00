//! `casebook new`: writes the blank starter case (the engine's text) next to the project's
//! schema, never over an existing file.

use std::io::Write;
use std::path::{Path, PathBuf};

use casebook_core::case::{Discipline, Language};
use casebook_core::messages;
use casebook_core::starter::blank::starter_text;

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
    let today = crate::clock::today();
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
fn schema_reference(path: &Path) -> Option<String> {
    let folder = real_folder(path.parent().unwrap_or(Path::new("")))?;
    let here = real_folder(Path::new(""))?;
    let schema = folder
        .ancestors()
        .chain(here.ancestors())
        .map(|project| project.join(casebook_core::schema::SCHEMA_PATH))
        .find(|schema| schema.is_file())?;
    let relative = pathdiff::diff_paths(&schema, &folder).unwrap_or(schema);
    Some(relative.to_string_lossy().replace('\\', "/"))
}

/// `folder` as the file system will resolve it (`..` and links), though it may not exist yet:
/// its deepest existing part made real, the rest appended.
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
