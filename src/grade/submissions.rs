//! Finding the submissions and naming their students: by `meta.author`, else by the student's
//! folder (`jan/opdracht.yaml`), else by the file name.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use casebook_core::case::{LoadedCase, Position};
use casebook_core::grade::platform::{self, Origin, Platform};
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
/// A folder unpacked from a platform's download names its students as the zip does: of one
/// student's files the newest counts, the others are listed with it.
pub fn load_all(root: &Path, paths: &[PathBuf], model: &LoadedCase) -> Vec<Submission> {
    use rayon::prelude::*;
    let handed = handed_in(root, paths);
    let loads: Vec<Load> = handed
        .par_iter()
        .map(|(path, origin, _)| load_file(path, origin.as_ref()))
        .collect();
    let mut taken = HashSet::new();
    handed
        .into_iter()
        .zip(loads)
        .map(|((path, origin, others), load)| {
            let relative = path.strip_prefix(root).unwrap_or(&path);
            let folder = relative
                .parent()
                .and_then(|p| p.components().next_back())
                .map(|c| c.as_os_str().to_string_lossy().into_owned());
            let stem = casebook_core::case::slug_of(relative);
            let student = match &origin {
                Some(origin) => origin.student.clone(),
                None => student_author(&load, model)
                    .or(folder)
                    .unwrap_or_else(|| stem.clone()),
            };
            Submission {
                file: relative_name(root, &path),
                slug: unique_slug(&student, &stem, &mut taken),
                student,
                load,
                origin,
                others,
            }
        })
        .collect()
}

type Handed = (PathBuf, Option<Origin>, Vec<String>);

/// The files to grade: every file, except that of a student a platform's names identify only
/// the one modified last counts (then the later name), the others listed with it.
fn handed_in(root: &Path, paths: &[PathBuf]) -> Vec<Handed> {
    let mut handed: Vec<Handed> = Vec::new();
    let mut by_student: HashMap<(Platform, String), usize> = HashMap::new();
    for path in paths {
        let name = relative_name(root, path);
        let origin = platform::origin(&name);
        let key = origin.as_ref().map(|o| (o.platform, o.id.clone()));
        match key.as_ref().and_then(|k| by_student.get(k)) {
            Some(&at) => {
                let (old, old_origin, others) = &mut handed[at];
                let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
                if (modified(path), &name) > (modified(old), &relative_name(root, old)) {
                    others.push(relative_name(root, old));
                    *old = path.clone();
                    *old_origin = origin;
                } else {
                    others.push(name);
                }
                others.sort();
            }
            None => {
                if let Some(key) = key {
                    by_student.insert(key, handed.len());
                }
                handed.push((path.clone(), origin, Vec::new()));
            }
        }
    }
    handed
}

/// A path under `root` as the overview shows it, with `/`.
fn relative_name(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative.to_string_lossy().replace('\\', "/")
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

/// A case file, or the case a casebook PDF carries; named as the student named it, when a
/// platform's name is around it.
fn load_file(path: &Path, origin: Option<&Origin>) -> Load {
    let named = match origin {
        Some(origin) => path.with_file_name(&origin.original),
        None => path.to_path_buf(),
    };
    let is_pdf = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    match std::fs::read(path) {
        Ok(bytes) if is_pdf => super::download::case_of_pdf(&named, &bytes),
        Ok(bytes) => casebook_core::case::load_source(&named, bytes),
        // Unreadable: said as for any case file, by its own path.
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
