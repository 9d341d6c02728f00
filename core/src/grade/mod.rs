//! Grading: a student's case compared with the model answer ([`compare`]), the signals a teacher
//! should see before publishing a mark, and near-identical work across a class ([`similarity`]).
//! The mark itself is the rubric's ([`crate::rubric::grading`]); the feedback and the overview
//! are rendered by [`crate::render`], the whole run driven by [`crate::engine`] and the shells.

pub mod archive;
pub mod compare;
mod edit;
pub mod import;
pub mod platform;
pub mod roster;
pub mod similarity;

use std::borrow::Cow;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::assess::{Assessment, assess};
use crate::case::LoadedCase;
use crate::diagnostics::Diagnostic;
use crate::lang::Language;
use crate::rubric::Rubric;
use crate::rubric::grading::Mark;

use compare::Comparison;
use platform::Origin;
use similarity::{Reasonings, SimilarGroup};

/// A case file as loading gives it: loaded (perhaps with errors), or its text (when readable)
/// and why it did not load.
pub type Load = Result<LoadedCase, (Option<String>, Vec<Diagnostic>)>;

/// One submission to grade.
pub struct Submission {
    /// The path relative to the submissions folder, with `/`.
    pub file: String,
    pub student: String,
    /// Unique among the submissions: the feedback files' name.
    pub slug: String,
    /// The file, loaded once: it names the student and is then graded.
    pub load: Load,
    /// Who handed it in as the platform's download names them, when it is one.
    pub origin: Option<Origin>,
    /// The student's other files in the download, not graded (the newest counts).
    pub others: Vec<String>,
}

/// How a submission fared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
    /// A PDF that carries no case (not made by casebook): no mark, and how to make one.
    NoCasebookPdf,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Graded,
        Status::Empty,
        Status::OtherCase,
        Status::Failed,
        Status::NoCasebookPdf,
    ];

    /// The status as `grades.json` and the overview's filter name it.
    pub fn key(self) -> &'static str {
        match self {
            Status::Graded => "graded",
            Status::Empty => "empty",
            Status::OtherCase => "other_case",
            Status::Failed => "failed",
            Status::NoCasebookPdf => "no_casebook_pdf",
        }
    }
}

/// Something about a submission the teacher should know before publishing its mark, with a
/// stable code (`EMPTY`, `OTHER-CASE`, `MODEL-COPY`, `REPEATED-REASONING`, `SIMILAR-WORK`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Signal {
    pub code: Cow<'static, str>,
    /// The items concerned (`M1/customer_intimacy`), where the signal is about items.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<String>,
    /// How alike all the reasoning is (`MODEL-COPY`), when that is near-identical.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overall: Option<f64>,
}

impl Signal {
    pub fn new(code: &'static str) -> Signal {
        Signal {
            code: Cow::Borrowed(code),
            items: Vec::new(),
            overall: None,
        }
    }
}

/// One graded submission. It reads back from what it writes (a grading worker hands it to the
/// one that marks the class), what is not written left empty: the origin, which its reader
/// knows, and what the class's run adds later.
#[derive(Debug, Serialize, Deserialize)]
pub struct Graded {
    pub student: String,
    /// The feedback files' name (`feedback/<slug>.html`).
    pub slug: String,
    /// The file, relative to the submissions folder.
    pub file: String,
    /// The student's other files, not graded (the newest counts).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub others: Vec<String>,
    /// Who handed it in as the platform's download names them: the id its import takes.
    #[serde(skip)]
    pub origin: Option<Origin>,
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
    /// The student's row in the platform's class list (`--roster`).
    #[serde(skip)]
    pub listed: roster::Match,
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
        self.count(Status::Failed) + self.count(Status::NoCasebookPdf) > 0 || self.unwritten()
    }

    /// Whether a file of the run (feedback or overview) could not be written.
    pub fn unwritten(&self) -> bool {
        self.general.iter().any(Diagnostic::is_error)
            || self.submissions.iter().any(|s| s.unwritten)
    }
}

/// The model answer, loaded and assessed once, with its reasoning for the `MODEL-COPY` check.
pub struct Model {
    pub case: LoadedCase,
    pub assessment: Assessment,
    pub reasonings: Reasonings,
}

impl Model {
    /// The model answer, assessed under `rubric`; `Err` with its diagnostics when it has errors.
    pub fn new(case: LoadedCase, rubric: &Rubric) -> Result<Model, Vec<Diagnostic>> {
        if case.has_errors() {
            return Err(case.diagnostics);
        }
        let assessment = assess(&case, rubric);
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
}
