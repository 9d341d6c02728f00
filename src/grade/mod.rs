//! `casebook grade`: every student case under a folder compared with the model answer, over the
//! same load → assess → render core as `build`. Stages: [`submissions`] finds and names them,
//! [`compare`] sets each against the model, [`mark`] weighs the comparison into a mark,
//! [`similarity`] finds near-identical work, [`feedback`] and [`overview`] render the results.

pub mod compare;
mod feedback;
pub mod mark;
mod overview;
pub mod similarity;
mod submissions;

pub use mark::{GradeRubric, Mark, Scale};

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::assess::{Assessment, assess};
use crate::case::{Language, LoadedCase, Position, load_case};
use crate::diagnostics::Diagnostic;
use crate::messages::{io_reason, user_language};
use crate::output::write_atomic;
use crate::pipeline::{in_parallel, workers};
use crate::renderers::{Formats, Renderers};

use compare::{Comparison, Reasoning};
use similarity::{Reasonings, SimilarGroup};

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
}

/// How a submission fared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Compared and marked.
    Graded,
    /// It loads, but holds no answer at all: the lowest mark.
    Empty,
    /// It does not load: no mark, its diagnostics in its feedback.
    Failed,
}

/// One graded submission.
#[derive(Debug, Serialize)]
pub struct Graded {
    pub student: String,
    /// The feedback files' name (`feedback/<slug>.html`).
    pub slug: String,
    /// The file, relative to the submissions folder.
    pub file: String,
    pub language: Language,
    pub status: Status,
    pub mark: Option<Mark>,
    pub comparison: Option<Comparison>,
    /// Load errors (failed) or the assessment's findings.
    pub diagnostics: Vec<Diagnostic>,
    /// The feedback files written, relative to the output folder.
    pub feedback: Vec<(String, String)>,
}

/// What a grading run did.
#[derive(Debug)]
pub struct GradeReport {
    pub submissions: Vec<Graded>,
    /// Near-identical work to check, in groups.
    pub similar: Vec<SimilarGroup>,
    /// Problems not tied to one submission (writing the overview).
    pub general: Vec<Diagnostic>,
    pub language: Language,
    pub elapsed: Duration,
}

impl GradeReport {
    pub fn count(&self, status: Status) -> usize {
        self.submissions
            .iter()
            .filter(|s| s.status == status)
            .count()
    }

    pub fn failed(&self) -> bool {
        self.count(Status::Failed) > 0 || self.general.iter().any(Diagnostic::is_error)
    }
}

/// The model answer, loaded and assessed once.
struct Model {
    case: LoadedCase,
    assessment: Assessment,
}

/// Grades every submission under `options.submissions` against `options.key`. `Err` means
/// grading could not start (no model, a model with errors, no submissions).
pub fn grade(
    options: &GradeOptions,
    renderers: &Renderers,
) -> Result<GradeReport, Vec<Diagnostic>> {
    let started = Instant::now();
    let model = load_model(&options.key, renderers)?;
    let paths = submissions::discover(&options.submissions, &options.key)?;
    let jobs = workers(options.jobs);
    let named = submissions::load_all(&options.submissions, &paths, &model.case);
    let results = in_parallel(jobs, &named, |submission| {
        grade_one(submission, &model, options, renderers)
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
    let similar = similarity::similar_groups(&reasonings);
    let mut report = GradeReport {
        submissions,
        similar,
        general: Vec::new(),
        language: model.case.case.language(),
        elapsed: Duration::ZERO,
    };
    overview::write(options, renderers, &model.case, &mut report);
    report.elapsed = started.elapsed();
    Ok(report)
}

fn load_model(key: &Path, renderers: &Renderers) -> Result<Model, Vec<Diagnostic>> {
    let case = load_case(key).map_err(|(_, diagnostics)| diagnostics)?;
    if case.has_errors() {
        return Err(case.diagnostics);
    }
    let assessment = assess(&case, &renderers.rubric);
    Ok(Model { case, assessment })
}

/// Loads, compares, marks and renders one submission; returns it with its reasoning texts for
/// the similarity check.
fn grade_one(
    submission: &submissions::Submission,
    model: &Model,
    options: &GradeOptions,
    renderers: &Renderers,
) -> (Graded, Option<Reasonings>) {
    let mut graded = Graded {
        student: submission.student.clone(),
        slug: submission.slug.clone(),
        file: submission.file.clone(),
        language: model.case.case.language(),
        status: Status::Failed,
        mark: None,
        comparison: None,
        diagnostics: Vec::new(),
        feedback: Vec::new(),
    };
    let case = match &submission.load {
        Ok(case) if !case.has_errors() => case,
        Ok(case) => {
            graded.diagnostics = case.diagnostics.clone();
            write_feedback(&mut graded, options, |g| {
                feedback::unloadable(renderers, g, Some(&case.source))
            });
            return (graded, None);
        }
        Err((source, diagnostics)) => {
            graded.diagnostics = diagnostics.clone();
            write_feedback(&mut graded, options, |g| {
                feedback::unloadable(renderers, g, source.as_deref())
            });
            return (graded, None);
        }
    };
    graded.language = case.case.language();
    let assessment = assess(case, &renderers.rubric);
    let comparison = compare::compare(
        (&model.case, &model.assessment),
        (case, &assessment),
        &renderers.rubric.grade,
    );
    let (status, mark) = if compare::is_empty(case) {
        (Status::Empty, renderers.rubric.grade.lowest())
    } else {
        (
            Status::Graded,
            renderers.rubric.grade.mark(&comparison.components),
        )
    };
    graded.status = status;
    graded.mark = Some(mark);
    graded.diagnostics = assessment.findings.clone();
    let reasonings = Reasonings::new(&reasoning_texts(&comparison));
    let context = feedback::Feedback {
        model: &model.case,
        student: case,
        comparison: &comparison,
        graded: &graded,
        reveal: options.reveal,
        rubric: &renderers.rubric.grade,
    };
    let documents = renderers.documents(
        case,
        &assessment,
        options.formats,
        Some(&|rich| feedback::comparison_view(renderers, &context, rich)),
    );
    let files = documents.map(|d| {
        d.files
            .into_iter()
            .map(|(_, extension, bytes)| (extension, bytes))
            .collect::<Vec<_>>()
    });
    graded.comparison = Some(comparison);
    match files {
        Ok(files) => write_feedback(&mut graded, options, |_| Ok(files)),
        Err(diagnostics) => graded.diagnostics.extend(diagnostics),
    }
    (graded, Some(reasonings))
}

/// The student's reasoning per `item/discipline` of the model's stances, in the model's order.
fn reasoning_texts(comparison: &Comparison) -> Vec<(String, String)> {
    comparison
        .stances
        .iter()
        .filter(|row| row.reasoning != Reasoning::Missing)
        .filter_map(|row| {
            let text = row.student_reasoning.clone()?;
            Some((format!("{}/{}", row.item, row.discipline.key()), text))
        })
        .collect()
}

/// Writes the feedback files `render` makes, recording them (or the failure) in `graded`.
fn write_feedback(
    graded: &mut Graded,
    options: &GradeOptions,
    render: impl FnOnce(&Graded) -> Result<Vec<(&'static str, Vec<u8>)>, Vec<Diagnostic>>,
) {
    let files = match render(graded) {
        Ok(files) => files,
        Err(diagnostics) => {
            graded.diagnostics.extend(diagnostics);
            return;
        }
    };
    for (extension, bytes) in files {
        let relative = format!("feedback/{}.{extension}", graded.slug);
        let path = options.out.join(&relative);
        if let Err(err) = write_atomic(&path, &bytes) {
            let (language, at) = (user_language(), Position::default());
            let reason = io_reason(&err, language);
            let values = [("reason", reason.as_str())];
            let d = Diagnostic::worded(&path, at, language, "WRITE", "file", &values);
            graded.diagnostics.push(d);
            continue;
        }
        graded.feedback.push((extension.to_string(), relative));
    }
}
