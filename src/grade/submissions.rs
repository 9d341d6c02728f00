//! Finding the submissions in a folder and loading them; the engine names their students
//! ([`class::name_files`]): by `meta.author`, else by the student's folder, else the file name.

use std::path::{Path, PathBuf};

use casebook_core::case::{LoadedCase, Position};
use casebook_core::diagnostics::Diagnostic;
use casebook_core::engine::class;
use casebook_core::grade::archive::Entry;
use casebook_core::grade::platform;
use casebook_core::grade::{Load, Submission};
use casebook_core::messages::user_language;

use crate::build::discover::find_files;
use crate::read::load_case;

/// Every case file and PDF under `root` (at any depth) except the model answer itself.
pub fn discover(root: &Path, key: &Path) -> Result<Vec<PathBuf>, Vec<Diagnostic>> {
    let found = find_files(root, "no_submissions", &["yaml", "yml", "pdf"]).map_err(|d| vec![d])?;
    let key = key.canonicalize().ok();
    let paths: Vec<PathBuf> = found
        .into_iter()
        .filter(|p| p.canonicalize().ok() != key)
        .collect();
    if paths.is_empty() {
        let language = user_language();
        let at = Position::default();
        let d = Diagnostic::worded(root, at, language, "NO-CASES", "no_submissions", &[]);
        return Err(vec![d]);
    }
    Ok(paths)
}

/// Loads (on the threads) and names every submission. A folder unpacked from a platform's
/// download is read as its zip is ([`class::name_download`]): of one student's files the newest
/// counts, the others are listed with it.
pub fn load_all(root: &Path, paths: &[PathBuf], model: &LoadedCase) -> Vec<Submission> {
    use rayon::prelude::*;
    let names: Vec<String> = paths.iter().map(|path| relative_name(root, path)).collect();
    if names.iter().any(|name| platform::origin(name).is_some()) {
        if let Some(entries) = entries(paths, names.clone()) {
            return class::name_download(class::newest_per_student(entries), model);
        }
    }
    let loads: Vec<Load> = paths.par_iter().map(|path| load_file(path)).collect();
    class::name_files(names.into_iter().zip(loads).collect(), model)
}

/// A path under `root` as the overview shows it, with `/`.
fn relative_name(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative.to_string_lossy().replace('\\', "/")
}

/// The files as a download's entries (their bytes and the time they were last changed); `None`
/// when one cannot be read, which is then said for that file as in any folder.
fn entries(paths: &[PathBuf], names: Vec<String>) -> Option<Vec<Entry>> {
    paths
        .iter()
        .zip(names)
        .map(|(path, name)| {
            let bytes = std::fs::read(path).ok()?;
            let modified = std::fs::metadata(path)
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map(|d| d.as_secs());
            Some(Entry {
                path: name,
                bytes,
                modified,
            })
        })
        .collect()
}

/// A case file, or the case a casebook PDF carries.
fn load_file(path: &Path) -> Load {
    let is_pdf = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    if !is_pdf {
        return load_case(path);
    }
    match std::fs::read(path) {
        Ok(bytes) => class::load_entry(path, bytes),
        // Unreadable: said as for a case file.
        Err(_) => load_case(path),
    }
}
