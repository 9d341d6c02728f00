//! `casebook grade`: every student case under a folder graded against the model answer by the
//! engine ([`Engine::grade_one`]) on the build's threads: [`submissions`] finds, loads and names
//! them; the similar work is grouped; the feedback files and the overview are written.

mod download;
mod stale;
mod submissions;

use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use casebook_core::case::{LoadedCase, Position};
use casebook_core::diagnostics::Diagnostic;
use casebook_core::engine::{Engine, Formats, GradedOne, class};
use casebook_core::grade::platform::Platform;
use casebook_core::grade::roster::{self, Roster};
use casebook_core::grade::similarity::{self, Reasonings};
use casebook_core::grade::{GradeReport, Graded, Model, Submission};
use casebook_core::messages::{io_reason, user_language};
use casebook_core::render::overview;

use crate::build::output::write_atomic;
use crate::parallel::{in_parallel, workers};
use crate::read::load_case;

/// What `grade` is asked to do (the CLI maps its flags onto this).
#[derive(Clone, Debug)]
pub struct GradeOptions {
    pub submissions: PathBuf,
    pub key: PathBuf,
    pub out: PathBuf,
    /// Show the model's reasoning in the feedback.
    pub reveal: bool,
    /// The CSV's separator: `,` (default) or `;` (then marks with a decimal comma and a BOM,
    /// for a Dutch spreadsheet).
    pub csv_separator: u8,
    pub formats: Formats,
    pub jobs: Option<usize>,
    /// The learning platform to write the grade import and the feedback zip for.
    pub lms: Option<Platform>,
    /// The grade item's name in the platform (default: the model's title).
    pub assignment: Option<String>,
    /// The platform's class list (CSV), which gives the ids its download does not.
    pub roster: Option<PathBuf>,
}

/// Grades every submission under `options.submissions` against `options.key`. `Err` means
/// grading could not start (no model, a model with errors, no submissions).
pub fn grade(options: &GradeOptions, engine: &Engine) -> Result<GradeReport, Vec<Diagnostic>> {
    let started = Instant::now();
    let model = load_model(&options.key, engine)?;
    // A class list that cannot be used stops the run before any work.
    let roster = match (&options.roster, options.lms) {
        (Some(path), Some(platform)) => Some(load_roster(path, platform)?),
        _ => None,
    };
    // The platform's zip of all submissions, or a folder of case files.
    let named = if download::is_download(&options.submissions) {
        download::load(&options.submissions, &model.case)?
    } else {
        let paths = submissions::discover(&options.submissions, &options.key)?;
        submissions::load_all(&options.submissions, &paths, &model.case)
    };
    check_out(&options.out)?;
    let jobs = workers(options.jobs);
    let results = in_parallel(jobs, &named, |submission| {
        grade_one(submission, &model, options, engine)
    })
    .map_err(|err| {
        let (language, at) = (user_language(), Position::default());
        let reason = err.to_string();
        let values = [("reason", reason.as_str())];
        vec![Diagnostic::worded(
            &options.out,
            at,
            language,
            "INTERNAL",
            "threads",
            &values,
        )]
    })?;
    let (submissions, reasonings): (Vec<Graded>, Vec<Option<Reasonings>>) =
        results.into_iter().unzip();
    // Every pair is compared: spread over the threads, a submission's later pairs each.
    let pairs = (0..reasonings.len())
        .into_par_iter()
        .flat_map_iter(|first| similarity::pairs_of(first, &reasonings))
        .collect();
    let mut report = class::class_report(submissions, pairs, model.case.case.language());
    if let (Some(roster), Some(platform)) = (&roster, options.lms) {
        roster.apply(platform, &mut report.submissions);
    }
    let earlier = stale::earlier_feedback(&options.out);
    write_overview(options, engine, &model.case, &mut report);
    if let Some(platform) = options.lms {
        write_platform_files(options, platform, &model.case, &mut report);
    }
    stale::remove(&options.out, earlier, &report);
    report.elapsed = started.elapsed();
    Ok(report)
}

/// The bytes of an input file (a download, a class list), or the `code`'s message why not.
fn read_input(path: &Path, code: &'static str) -> Result<Vec<u8>, Vec<Diagnostic>> {
    std::fs::read(path).map_err(|err| {
        let (language, at) = (user_language(), Position::default());
        let reason = io_reason(&err, language);
        let values = [("reason", reason.as_str())];
        vec![Diagnostic::worded(
            path,
            at,
            language,
            code,
            "unreadable",
            &values,
        )]
    })
}

/// The class list at `path`, read as `platform`'s; or the one message why it cannot be used.
fn load_roster(path: &Path, platform: Platform) -> Result<Roster, Vec<Diagnostic>> {
    let bytes = read_input(path, "ROSTER")?;
    roster::load(platform, &bytes, path).map_err(|d| vec![d])
}

fn load_model(key: &Path, engine: &Engine) -> Result<Model, Vec<Diagnostic>> {
    let case = load_case(key).map_err(|(_, diagnostics)| diagnostics)?;
    Model::new(case, &engine.rubric)
}

/// Writes the overview files; a failure to write is recorded in `report.general`.
fn write_overview(
    options: &GradeOptions,
    engine: &Engine,
    model: &LoadedCase,
    report: &mut GradeReport,
) {
    let (templates, rubric) = (&engine.templates, &engine.rubric.grade);
    let (separator, reveal) = (options.csv_separator, options.reveal);
    let pages = overview::pages(
        templates,
        rubric,
        model,
        report,
        (separator, reveal),
        options.lms,
    );
    for (name, bytes) in pages {
        let path = options.out.join(name);
        let written = bytes.and_then(|bytes| write_file(&path, &bytes));
        if let Err(d) = written {
            report.general.push(d);
        }
    }
}

/// Writes `bytes` to `path` whole, or says why not.
fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    write_atomic(path, bytes).map_err(|err| {
        let (language, at) = (user_language(), Position::default());
        let reason = io_reason(&err, language);
        let values = [("reason", reason.as_str())];
        Diagnostic::worded(path, at, language, "WRITE", "file", &values)
    })
}

/// `grades-<lms>.csv` for the platform's grade import and `feedback-<lms>.zip` for its bulk
/// feedback upload (the feedback files just written, read back); a failure is recorded in
/// `report.general`.
fn write_platform_files(
    options: &GradeOptions,
    platform: Platform,
    model: &LoadedCase,
    report: &mut GradeReport,
) {
    let mut unread = Vec::new();
    let files = class::platform_files(
        platform,
        model,
        options.assignment.as_deref(),
        &report.submissions,
        |relative| {
            let path = options.out.join(relative);
            std::fs::read(&path)
                .map_err(|err| {
                    let (language, at) = (user_language(), Position::default());
                    let reason = io_reason(&err, language);
                    let values = [("reason", reason.as_str())];
                    let d =
                        Diagnostic::worded(&path, at, language, "FILE-READ", "unreadable", &values);
                    unread.push(d);
                })
                .ok()
        },
    );
    report.general.extend(unread);
    for (name, bytes) in files {
        let path = options.out.join(&name);
        let written = bytes
            .map_err(|reason| {
                let (language, at) = (user_language(), Position::default());
                let values = [("reason", reason.as_str())];
                Diagnostic::worded(&path, at, language, "WRITE", "file", &values)
            })
            .and_then(|bytes| write_file(&path, &bytes));
        if let Err(d) = written {
            report.general.push(d);
        }
    }
}

/// The output folder and its `feedback` folder can be written to: checked before any work, so
/// that a file in the way or a read-only folder stops `grade` with one message, as with `build`.
fn check_out(out: &Path) -> Result<(), Vec<Diagnostic>> {
    for folder in [out.to_path_buf(), out.join("feedback")] {
        if let Err(err) = crate::build::output::check_writable(&folder) {
            let (language, at) = (user_language(), Position::default());
            let reason = io_reason(&err, language);
            let values = [("reason", reason.as_str())];
            let d = Diagnostic::worded(&folder, at, language, "WRITE", "grade_out", &values);
            return Err(vec![d]);
        }
    }
    Ok(())
}

/// Grades one submission and writes its feedback files; returns it with its reasoning texts
/// for the similarity check.
fn grade_one(
    submission: &Submission,
    model: &Model,
    options: &GradeOptions,
    engine: &Engine,
) -> (Graded, Option<Reasonings>) {
    let GradedOne {
        mut graded,
        reasonings,
        files,
    } = engine.grade_one(submission, model, options.reveal, options.formats);
    write_feedback(&mut graded, options, files);
    (graded, reasonings)
}

/// Writes the feedback files made, recording them (or the failure) in `graded`.
fn write_feedback(
    graded: &mut Graded,
    options: &GradeOptions,
    files: Result<Vec<(&'static str, Vec<u8>)>, Vec<Diagnostic>>,
) {
    let files = match files {
        Ok(files) => files,
        Err(diagnostics) => {
            graded.diagnostics.extend(diagnostics);
            graded.unwritten = true;
            return;
        }
    };
    for (extension, bytes) in files {
        let relative = class::feedback_path(&graded.slug, extension);
        let path = options.out.join(&relative);
        if let Err(err) = write_atomic(&path, &bytes) {
            let (language, at) = (user_language(), Position::default());
            let reason = io_reason(&err, language);
            let values = [("reason", reason.as_str())];
            let d = Diagnostic::worded(&path, at, language, "WRITE", "file", &values);
            graded.diagnostics.push(d);
            graded.unwritten = true;
            continue;
        }
        graded.feedback.push((extension.to_string(), relative));
    }
}
