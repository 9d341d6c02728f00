//! Finding the submissions in a folder and loading them; the engine names their students
//! ([`class::name_files`]): by `meta.author`, else by the student's folder, else the file name.

use std::path::{Path, PathBuf};

use casebook_core::case::{LoadedCase, Position};
use casebook_core::diagnostics::Diagnostic;
use casebook_core::engine::class;
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

/// Loads (on the threads) and names every submission.
pub fn load_all(root: &Path, paths: &[PathBuf], model: &LoadedCase) -> Vec<Submission> {
    use rayon::prelude::*;
    let loads: Vec<Load> = paths.par_iter().map(|path| load_file(path)).collect();
    let files = paths
        .iter()
        .zip(loads)
        .map(|(path, load)| {
            let relative = path.strip_prefix(root).unwrap_or(path);
            (relative.to_string_lossy().replace('\\', "/"), load)
        })
        .collect();
    class::name_files(files, model)
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
