//! `grade` on what the learning platform hands out: the zip of all submissions (read in memory by
//! the engine's [`archive`]) with case files and casebook PDFs, each student named as the platform
//! names them ([`platform`]); several files of one student: the newest counts.

use std::collections::BTreeMap;
use std::path::Path;

use casebook_core::case::{LoadedCase, Position, load_source};
use casebook_core::diagnostics::Diagnostic;
use casebook_core::grade::archive::{self, Entry, Refused};
use casebook_core::grade::platform::{self, Origin};
use casebook_core::grade::{Load, Submission};
use casebook_core::messages::user_language;
use casebook_core::render::pdf::embedded::{self, Missing};

use super::submissions::{student_author, unique_slug};

/// Whether SUBMISSIONS names a platform's download rather than a folder.
pub fn is_download(path: &Path) -> bool {
    path.is_file()
        && path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("zip"))
}

/// The submissions in the zip at `path`: one per student, the newest of their case files (the
/// others listed with it); a student the platform does not name is named as in a folder.
pub fn load(path: &Path, model: &LoadedCase) -> Result<Vec<Submission>, Vec<Diagnostic>> {
    let refuse = |situation: &str, values: &[(&str, &str)]| {
        let d = Diagnostic::worded(
            path,
            Position::default(),
            user_language(),
            "DOWNLOAD",
            situation,
            values,
        );
        vec![d]
    };
    let bytes = std::fs::read(path).map_err(|err| {
        let reason = casebook_core::messages::io_reason(&err, user_language());
        refuse("unreadable", &[("reason", &reason)])
    })?;
    let entries = archive::files(&bytes).map_err(|refused| match refused {
        Refused::Corrupt => refuse("corrupt", &[]),
        Refused::Encrypted => refuse("encrypted", &[]),
        Refused::TooLarge => refuse("too_large", &[]),
        Refused::Climbs(name) => refuse("climbs", &[("name", &name)]),
    })?;
    let cases: Vec<Entry> = entries
        .into_iter()
        .filter(|entry| is_case_file(&entry.path))
        .collect();
    if cases.is_empty() {
        return Err(refuse("empty", &[]));
    }
    Ok(newest_per_student(cases)
        .into_iter()
        .scan(
            std::collections::HashSet::new(),
            |taken, (entry, origin, others)| Some(submission(entry, origin, others, model, taken)),
        )
        .collect())
}

fn is_case_file(path: &str) -> bool {
    let lower = path.to_lowercase();
    [".yaml", ".yml", ".pdf"].iter().any(|e| lower.ends_with(e))
}

/// Per student (the platform's id, else the path), the entry with the latest date (then the
/// latest name): the one handed in last; with the names of the student's other files.
fn newest_per_student(entries: Vec<Entry>) -> Vec<(Entry, Option<Origin>, Vec<String>)> {
    type Handed = (Entry, Option<Origin>, Vec<String>);
    let mut by_student: BTreeMap<String, Handed> = BTreeMap::new();
    for entry in entries {
        let origin = platform::origin(&entry.path);
        let key = origin
            .as_ref()
            .map(|o| format!("{:?}/{}", o.platform, o.id))
            .unwrap_or_else(|| entry.path.clone());
        match by_student.get_mut(&key) {
            None => {
                by_student.insert(key, (entry, origin, Vec::new()));
            }
            Some((old, old_origin, others)) => {
                if (entry.modified, &entry.path) > (old.modified, &old.path) {
                    others.push(std::mem::replace(old, entry).path);
                    *old_origin = origin;
                } else {
                    others.push(entry.path);
                }
                others.sort();
            }
        }
    }
    by_student.into_values().collect()
}

fn submission(
    entry: Entry,
    origin: Option<Origin>,
    others: Vec<String>,
    model: &LoadedCase,
    taken: &mut std::collections::HashSet<String>,
) -> Submission {
    // The case is loaded under the name the student gave it, not the platform's: the name its
    // feedback PDF attaches it under.
    let path = match &origin {
        Some(origin) => Path::new(&entry.path).with_file_name(&origin.original),
        None => Path::new(&entry.path).to_path_buf(),
    };
    let load: Load = if entry.path.to_lowercase().ends_with(".pdf") {
        case_of_pdf(&path, &entry.bytes)
    } else {
        load_source(&path, entry.bytes)
    };
    let stem = casebook_core::case::slug_of(Path::new(&entry.path));
    let student = origin
        .as_ref()
        .map(|o| o.student.clone())
        .or_else(|| student_author(&load, model))
        .unwrap_or_else(|| stem.clone());
    Submission {
        file: entry.path.clone(),
        slug: unique_slug(&student, &stem, taken),
        student,
        load,
        origin,
        others,
    }
}

/// The case a handed-in PDF carries, loaded as if the file had been handed in; else why not.
pub fn case_of_pdf(path: &Path, pdf: &[u8]) -> Load {
    match embedded::case_file(pdf) {
        Ok(case) => load_source(&path.with_file_name(&case.name), case.bytes),
        Err(missing) => {
            let situation = match missing {
                Missing::NotPdf => "not_pdf",
                Missing::Encrypted => "encrypted",
                Missing::NoCase => "no_case",
            };
            let d = Diagnostic::worded(
                path,
                Position::default(),
                user_language(),
                "NO-CASE-PDF",
                situation,
                &[],
            );
            Err((None, vec![d]))
        }
    }
}
