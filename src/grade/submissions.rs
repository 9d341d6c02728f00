//! Finding the submissions and naming their students: by `meta.author`, else by the student's
//! folder (`jan/opdracht.yaml`), else by the file name.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use casebook_core::case::{LoadedCase, Position};
use casebook_core::grade::{Load, Submission};

use crate::build::discover::find_files;
use crate::read::load_case;
use casebook_core::diagnostics::Diagnostic;
use casebook_core::messages::user_language;

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

/// Loads and names every submission. The author is only read from a file that parses; the
/// starter's author (the model's, `casebook new`'s placeholder, or none) does not name a student.
pub fn load_all(root: &Path, paths: &[PathBuf], model: &LoadedCase) -> Vec<Submission> {
    use rayon::prelude::*;
    let loads: Vec<Load> = paths.par_iter().map(|path| load_file(path)).collect();
    let mut taken = HashSet::new();
    paths
        .iter()
        .zip(loads)
        .map(|(path, load)| {
            let relative = path.strip_prefix(root).unwrap_or(path);
            let author = student_author(&load, model);
            let folder = relative
                .parent()
                .and_then(|p| p.components().next_back())
                .map(|c| c.as_os_str().to_string_lossy().into_owned());
            let stem = casebook_core::case::slug_of(relative);
            let student = author.or(folder).unwrap_or_else(|| stem.clone());
            Submission {
                file: relative.to_string_lossy().replace('\\', "/"),
                slug: unique_slug(&student, &stem, &mut taken),
                student,
                load,
                origin: None,
                others: Vec::new(),
            }
        })
        .collect()
}

/// `meta.author` of a case that loaded, when it names a student: not empty, not the model's
/// author and not the starter's placeholder (a hand-out's author is no student's name).
pub fn student_author(load: &Load, model: &LoadedCase) -> Option<String> {
    let case = load.as_ref().ok()?;
    let author = case.case.meta.author.as_ref()?.value.trim();
    let model_author = model.case.meta.author.as_ref().map(|a| a.value.trim());
    let placeholder = casebook_core::starter::blank::placeholder_authors().any(|p| p == author);
    (!author.is_empty() && Some(author) != model_author && !placeholder).then(|| author.to_string())
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
        Ok(bytes) => super::download::case_of_pdf(path, &bytes),
        // Unreadable: said as for a case file.
        Err(_) => load_case(path),
    }
}

/// A file name for a student's feedback, unique among those `taken`.
pub fn unique_slug(student: &str, fallback: &str, taken: &mut HashSet<String>) -> String {
    unique(slug(student, fallback), taken)
}

/// A file name from a student's name: lower case letters, digits and hyphens.
fn slug(student: &str, fallback: &str) -> String {
    let mut slug = String::new();
    for c in student.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        fallback.to_string()
    } else {
        slug
    }
}

/// `slug`, or `slug-2`, `slug-3`… when an earlier submission has it.
fn unique(slug: String, taken: &mut HashSet<String>) -> String {
    let mut candidate = slug.clone();
    let mut n = 2;
    while !taken.insert(candidate.clone()) {
        candidate = format!("{slug}-{n}");
        n += 1;
    }
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_unique_file_names() {
        let mut taken = HashSet::new();
        assert_eq!(
            unique(slug("Jan de Vries", "x"), &mut taken),
            "jan-de-vries"
        );
        assert_eq!(
            unique(slug("jan  de vries!", "x"), &mut taken),
            "jan-de-vries-2"
        );
        assert_eq!(unique(slug("Zoë Çelik", "x"), &mut taken), "zoë-çelik");
        assert_eq!(unique(slug("…", "opdracht"), &mut taken), "opdracht");
    }
}
