//! `casebook grade`: every student case under a folder compared with the model answer, over the
//! same load → assess → render core as `build`. Stages: [`submissions`] finds and names them,
//! [`compare`] sets each against the model, [`mark`] weighs the comparison into a mark,
//! [`similarity`] finds near-identical work, [`feedback`] and [`overview`] render the results.

pub mod compare;
mod edit;
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
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Compared and marked.
    Graded,
    /// Nothing written beyond what the hand-out gave (or an empty file): the lowest mark.
    Empty,
    /// Not a version of the model's case: no mark.
    OtherCase,
    /// It does not load: no mark, its diagnostics in its feedback.
    Failed,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Graded,
        Status::Empty,
        Status::OtherCase,
        Status::Failed,
    ];

    /// The status as `grades.json` and the overview's filter name it.
    pub fn key(self) -> &'static str {
        match self {
            Status::Graded => "graded",
            Status::Empty => "empty",
            Status::OtherCase => "other_case",
            Status::Failed => "failed",
        }
    }
}

/// Something about a submission the teacher should know before publishing its mark, with a
/// stable code (`EMPTY`, `OTHER-CASE`, `MODEL-COPY`, `REPEATED-REASONING`, `SIMILAR-WORK`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Signal {
    pub code: &'static str,
    /// The items concerned (`M1/customer_intimacy`), where the signal is about items.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<String>,
    /// How alike all the reasoning is (`MODEL-COPY`), when that is near-identical.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overall: Option<f64>,
}

impl Signal {
    fn new(code: &'static str) -> Signal {
        Signal {
            code,
            items: Vec::new(),
            overall: None,
        }
    }
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
    /// What to check before publishing the mark.
    pub signals: Vec<Signal>,
    pub comparison: Option<Comparison>,
    /// Load errors (failed) or the assessment's findings.
    pub diagnostics: Vec<Diagnostic>,
    /// The feedback files written, relative to the output folder.
    pub feedback: Vec<(String, String)>,
    /// A feedback file could not be written (its diagnostic is in `diagnostics`).
    #[serde(skip)]
    pub unwritten: bool,
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
        self.count(Status::Failed) > 0 || self.unwritten()
    }

    /// Whether a file of the run (feedback or overview) could not be written.
    pub fn unwritten(&self) -> bool {
        self.general.iter().any(Diagnostic::is_error)
            || self.submissions.iter().any(|s| s.unwritten)
    }
}

/// The model answer, loaded and assessed once, with its reasoning for the `MODEL-COPY` check.
struct Model {
    case: LoadedCase,
    assessment: Assessment,
    reasonings: Reasonings,
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
    check_out(&options.out)?;
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
    let mut submissions = submissions;
    for group in &similar {
        for &member in &group.members {
            submissions[member]
                .signals
                .push(Signal::new("SIMILAR-WORK"));
        }
    }
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
    let texts: Vec<(String, String)> = case
        .case
        .argument_items()
        .iter()
        .flat_map(|item| {
            item.stances.iter().map(|(discipline, stance)| {
                let key = format!("{}/{}", item.id.value, discipline.key());
                (key, stance.reasoning.value.clone())
            })
        })
        .collect();
    let reasonings = Reasonings::new(&texts);
    Ok(Model {
        case,
        assessment,
        reasonings,
    })
}

/// The output folder and its `feedback` folder can be written to: checked before any work, so
/// that a file in the way or a read-only folder stops `grade` with one message, as with `build`.
fn check_out(out: &Path) -> Result<(), Vec<Diagnostic>> {
    for folder in [out.to_path_buf(), out.join("feedback")] {
        if let Err(err) = crate::output::check_writable(&folder) {
            let (language, at) = (user_language(), Position::default());
            let reason = io_reason(&err, language);
            let values = [("reason", reason.as_str())];
            let d = Diagnostic::worded(&folder, at, language, "WRITE", "grade_out", &values);
            return Err(vec![d]);
        }
    }
    Ok(())
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
        signals: Vec::new(),
        comparison: None,
        diagnostics: Vec::new(),
        feedback: Vec::new(),
        unwritten: false,
    };
    let notice = |graded: &mut Graded, status: Status, source: Option<&str>| {
        graded.status = status;
        if status == Status::Empty {
            graded.mark = Some(renderers.rubric.grade.lowest());
            graded.signals.push(Signal::new("EMPTY"));
        } else if status == Status::OtherCase {
            graded.signals.push(Signal::new("OTHER-CASE"));
        }
        write_feedback(graded, options, |g| {
            feedback::notice(renderers, g, &model.case, source)
        });
    };
    let case = match &submission.load {
        Ok(case) if !case.has_errors() => case,
        Ok(case) => {
            graded.diagnostics = case.diagnostics.clone();
            notice(&mut graded, Status::Failed, Some(&case.source));
            return (graded, None);
        }
        // An empty file, or one of comments only: nothing written, as an untouched starter.
        Err((_, diagnostics)) if diagnostics.iter().all(|d| d.code == "EMPTY-CASE") => {
            notice(&mut graded, Status::Empty, None);
            return (graded, None);
        }
        Err((source, diagnostics)) => {
            graded.diagnostics = diagnostics.clone();
            notice(&mut graded, Status::Failed, source.as_deref());
            return (graded, None);
        }
    };
    // Another case is told so in the assignment's language; the rest in the student's.
    if !compare::is_same_case(&model.case, case) {
        notice(&mut graded, Status::OtherCase, None);
        return (graded, None);
    }
    graded.language = case.case.language();
    if compare::is_empty(case) {
        notice(&mut graded, Status::Empty, None);
        return (graded, None);
    }
    // The student's own report names them as the overview does (not the starter's author).
    let named;
    let case = if case.case.meta.author.as_ref().map(|a| a.value.trim()) == Some(&graded.student) {
        case
    } else {
        let mut renamed = case.clone();
        renamed.case.meta.author = Some(crate::case::Located::unplaced(graded.student.clone()));
        named = renamed;
        &named
    };
    let assessment = assess(case, &renderers.rubric);
    let comparison = compare::compare(
        (&model.case, &model.assessment),
        (case, &assessment),
        &renderers.rubric.grade,
    );
    graded.status = Status::Graded;
    graded.mark = Some(renderers.rubric.grade.mark(&comparison.components));
    graded.diagnostics = assessment.findings.clone();
    let reasonings = Reasonings::new(&reasoning_texts(&comparison));
    if let Some((overall, items)) = reasonings.alike(&model.reasonings) {
        graded.signals.push(Signal {
            code: "MODEL-COPY",
            items: items.into_iter().map(|(key, _)| key).collect(),
            overall,
        });
    }
    let repeated: Vec<String> = comparison
        .stances
        .iter()
        .filter(|row| row.reasoning == Reasoning::Repeated)
        .map(|row| format!("{}/{}", row.item, row.discipline.key()))
        .collect();
    if !repeated.is_empty() {
        graded.signals.push(Signal {
            code: "REPEATED-REASONING",
            items: repeated,
            overall: None,
        });
    }
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
        Err(diagnostics) => {
            graded.diagnostics.extend(diagnostics);
            graded.unwritten = true;
        }
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
            graded.unwritten = true;
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
            graded.unwritten = true;
            continue;
        }
        graded.feedback.push((extension.to_string(), relative));
    }
}
