//! A class graded, the parts every shell shares: the submissions read from the platform's zip or
//! from loose files and named, the feedback files' names, the similar work marked over all pairs.
//! The command line and the studio's grading page both call these, so their files are the same.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::time::Duration;

use crate::case::{LoadedCase, Position, load_source, slug_of};
use crate::diagnostics::Diagnostic;
use crate::grade::archive::{self, Entry, Refused};
use crate::grade::compare;
use crate::grade::import;
use crate::grade::platform::{self, Origin, Platform};
use crate::grade::similarity::{self, SimilarPair};
use crate::grade::{GradeReport, Graded, Load, Signal, Submission};
use crate::lang::Language;
use crate::markdown::plain;
use crate::messages::{locale, user_language};
use crate::render::pdf::embedded::{self, Missing};
use crate::starter::blank::placeholder_authors;

/// A file handed in, as the platform's zip holds it: the newest of its student's files, with the
/// names of the others.
pub struct Handed {
    pub entry: Entry,
    pub origin: Option<Origin>,
    pub others: Vec<String>,
}

/// The case files in the platform's zip `zip` (named `at` in a message), one per student: the
/// newest, the others listed with it. `Err` when the zip cannot be read or holds no case file.
pub fn download(zip: &[u8], at: &Path) -> Result<Vec<Handed>, Vec<Diagnostic>> {
    let refuse = |situation: &str, values: &[(&str, &str)]| {
        let (language, place) = (user_language(), Position::default());
        vec![Diagnostic::worded(
            at, place, language, "DOWNLOAD", situation, values,
        )]
    };
    let entries = archive::files(zip).map_err(|refused| match refused {
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
    Ok(newest_per_student(cases))
}

/// A name a case file or a casebook PDF has.
pub fn is_case_file(path: &str) -> bool {
    let lower = path.to_lowercase();
    [".yaml", ".yml", ".pdf"].iter().any(|e| lower.ends_with(e))
}

/// Per student (the platform's id, else the path), the entry with the latest date (then the
/// latest name): the one handed in last; with the names of the student's other files.
pub fn newest_per_student(entries: Vec<Entry>) -> Vec<Handed> {
    let mut by_student: BTreeMap<String, Handed> = BTreeMap::new();
    for entry in entries {
        let origin = platform::origin(&entry.path);
        let key = origin
            .as_ref()
            .map(|o| format!("{:?}/{}", o.platform, o.id))
            .unwrap_or_else(|| entry.path.clone());
        match by_student.get_mut(&key) {
            None => {
                let others = Vec::new();
                by_student.insert(
                    key,
                    Handed {
                        entry,
                        origin,
                        others,
                    },
                );
            }
            Some(old) => {
                if (entry.modified, &entry.path) > (old.entry.modified, &old.entry.path) {
                    let older = std::mem::replace(&mut old.entry, entry);
                    old.others.push(older.path);
                    old.origin = origin;
                } else {
                    old.others.push(entry.path);
                }
                old.others.sort();
            }
        }
    }
    by_student.into_values().collect()
}

/// The path a handed-in file is loaded under: the name the student gave it, not the platform's
/// (the name its feedback PDF attaches it under).
pub fn load_path(handed: &Handed) -> String {
    match &handed.origin {
        Some(origin) => Path::new(&handed.entry.path)
            .with_file_name(&origin.original)
            .to_string_lossy()
            .replace('\\', "/"),
        None => handed.entry.path.clone(),
    }
}

/// The download's files as submissions, each student named as the platform names them (else as
/// in a folder: by `meta.author`, else by the file name).
pub fn name_download(handed: Vec<Handed>, model: &LoadedCase) -> Vec<Submission> {
    let mut taken = HashSet::new();
    handed
        .into_iter()
        .map(|handed| {
            let path = load_path(&handed);
            let Handed {
                entry,
                origin,
                others,
            } = handed;
            let load = load_entry(Path::new(&path), entry.bytes);
            let stem = slug_of(Path::new(&entry.path));
            let student = origin
                .as_ref()
                .map(|o| o.student.clone())
                .or_else(|| student_author(&load, model))
                .unwrap_or_else(|| stem.clone());
            Submission {
                slug: unique_slug(&student, &stem, &mut taken),
                file: entry.path,
                student,
                load,
                origin,
                others,
            }
        })
        .collect()
}

/// Loose files (relative paths with `/`, each loaded) as submissions, in the order of their paths
/// folder by folder (as a walk through the folder finds them): a student named by `meta.author`,
/// else by their folder (`jan/opdracht.yaml`), else by the file name. The author is only read
/// from a file that parses; the starter's author (the model's, `casebook new`'s placeholder, or
/// none) and another case's author do not name a student.
pub fn name_files(mut files: Vec<(String, Load)>, model: &LoadedCase) -> Vec<Submission> {
    in_walk_order(&mut files);
    let mut taken = HashSet::new();
    files
        .into_iter()
        .map(|(file, load)| {
            let relative = Path::new(&file);
            let author = student_author(&load, model);
            let folder = relative
                .parent()
                .and_then(|p| p.components().next_back())
                .map(|c| c.as_os_str().to_string_lossy().into_owned());
            let stem = slug_of(relative);
            let student = author.or(folder).unwrap_or_else(|| stem.clone());
            Submission {
                slug: unique_slug(&student, &stem, &mut taken),
                file,
                student,
                load,
                origin: None,
                others: Vec::new(),
            }
        })
        .collect()
}

/// Files by their paths (with `/`), folder by folder, as a walk through their folder finds them.
pub fn in_walk_order<T>(files: &mut [(String, T)]) {
    files.sort_by(|(a, _), (b, _)| Path::new(a).components().cmp(Path::new(b).components()));
}

/// A handed-in file loaded: a case file as it is, a PDF by the case it carries (else why not).
pub fn load_entry(path: &Path, bytes: Vec<u8>) -> Load {
    load_file(path, bytes, false)
}

/// The model answer loaded as a handed-in file is; a PDF that carries no case is told so with
/// the teacher's hint (`<situation>_model_hint`), not the one for a student's.
pub fn load_model(path: &Path, bytes: Vec<u8>) -> Load {
    load_file(path, bytes, true)
}

fn load_file(path: &Path, bytes: Vec<u8>, model: bool) -> Load {
    if !path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
    {
        return load_source(path, bytes);
    }
    match embedded::case_file(&bytes) {
        Ok(case) => load_source(&path.with_file_name(&case.name), case.bytes),
        Err(missing) => {
            let situation = match missing {
                Missing::NotPdf => "not_pdf",
                Missing::Encrypted => "encrypted",
                Missing::NoCase => "no_case",
            };
            let (language, at) = (user_language(), Position::default());
            let mut d = Diagnostic::worded(path, at, language, "NO-CASE-PDF", situation, &[]);
            if model {
                let hint = format!("diagnostics.NO-CASE-PDF.{situation}_model_hint");
                d.hint = Some(locale(language).fill(&hint, &[]));
            }
            Err((None, vec![d]))
        }
    }
}

/// `meta.author` of a case that loaded, when it names a student: not empty, not the model's
/// author and not the starter's placeholder (a hand-out's author is no student's name), and of a
/// version of the model's case: another case's author is whoever wrote that case (an example
/// set's, a student's of another year), not who handed it in.
fn student_author(load: &Load, model: &LoadedCase) -> Option<String> {
    let case = load.as_ref().ok()?;
    let author = case.case.meta.author.as_ref()?.value.trim();
    let model_author = model.case.meta.author.as_ref().map(|a| a.value.trim());
    let placeholder = placeholder_authors().any(|p| p == author);
    let names = !author.is_empty() && Some(author) != model_author && !placeholder;
    (names && compare::is_same_case(model, case)).then(|| author.to_string())
}

/// A file name for a student's feedback, unique among those `taken`.
fn unique_slug(student: &str, fallback: &str, taken: &mut HashSet<String>) -> String {
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

/// What goes back to `platform`: `grades-<lms>.csv` for its grade import (the grade item named
/// `assignment`, else the model's title) and `feedback-<lms>.zip` for its bulk feedback upload,
/// with each submission's feedback files (HTML, PDF; the Markdown only when it is the only
/// feedback made, `--format md`, so that the zip is never empty) that `feedback`
/// gives by their path relative to the output folder (`None`: left out, the shell says why).
/// The zip is `Err` with the reason it could not be made.
pub fn platform_files(
    platform: Platform,
    model: &LoadedCase,
    assignment: Option<&str>,
    submissions: &[Graded],
    mut feedback: impl FnMut(&str) -> Option<Vec<u8>>,
) -> [(String, Result<Vec<u8>, String>); 2] {
    let title = plain(&model.case.meta.title);
    let item = assignment.unwrap_or(&title);
    let csv = import::grades_csv(platform, item, submissions);
    let mut files = Vec::new();
    for graded in submissions {
        let only_md = graded.feedback.iter().all(|(e, _)| e == "md");
        let sent = graded.feedback.iter().filter(|(e, _)| only_md || e != "md");
        for (extension, relative) in sent {
            if let Some(bytes) = feedback(relative) {
                files.push((import::feedback_name(platform, graded, extension), bytes));
            }
        }
    }
    let zip = import::zip(files).map_err(|err| err.to_string());
    [
        (format!("grades-{}.csv", platform.key()), Ok(csv)),
        (format!("feedback-{}.zip", platform.key()), zip),
    ]
}

/// Where a student's feedback file goes, relative to the output folder.
pub fn feedback_path(slug: &str, extension: &str) -> String {
    format!("feedback/{slug}.{extension}")
}

/// The class's report: the graded submissions in their order, the near-identical work grouped
/// from `pairs` (every pair of the class, [`similarity::pairs_of`]) and each member signalled.
pub fn class_report(
    mut submissions: Vec<Graded>,
    pairs: Vec<SimilarPair>,
    language: Language,
) -> GradeReport {
    let similar = similarity::groups(submissions.len(), pairs);
    for group in &similar {
        for &member in &group.members {
            submissions[member]
                .signals
                .push(Signal::new("SIMILAR-WORK"));
        }
    }
    GradeReport {
        submissions,
        similar,
        general: Vec::new(),
        language,
        elapsed: Duration::ZERO,
    }
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

    #[test]
    fn a_model_answer_without_a_case_has_the_teachers_hint() {
        let hint = |load: Load| load.err().and_then(|(_, d)| d[0].hint.clone());
        let path = Path::new("model.pdf");
        let model = hint(load_model(path, b"no pdf".to_vec())).unwrap_or_default();
        let handed = hint(load_entry(path, b"no pdf".to_vec())).unwrap_or_default();
        let wanted = locale(user_language()).text("diagnostics.NO-CASE-PDF.not_pdf_model_hint");
        assert_eq!(model, wanted);
        assert_ne!(model, handed);
    }
}
