//! Grading one submission against the model answer: its status, mark and signals, and its
//! feedback files, not yet written. The shells find, load and name the submissions, spread them
//! over their threads or workers, group similar work and write the files.

use crate::assess::assess;
use crate::case::Located;
use crate::diagnostics::Diagnostic;
use crate::grade::compare::{self, Comparison, Reasoning};
use crate::grade::similarity::Reasonings;
use crate::grade::{Graded, Model, Signal, Status, Submission};
use crate::render::feedback;

use super::{Engine, Formats};

/// One submission graded: the result, its reasoning for the similarity check (when it was
/// compared), and its feedback files as (extension, bytes) or why they could not be made.
pub struct GradedOne {
    pub graded: Graded,
    pub reasonings: Option<Reasonings>,
    pub files: Result<Vec<(&'static str, Vec<u8>)>, Vec<Diagnostic>>,
}

impl Engine {
    /// Compares, marks and renders one submission; `reveal` shows the model's reasoning in the
    /// feedback.
    pub fn grade_one(
        &self,
        submission: &Submission,
        model: &Model,
        reveal: bool,
        formats: Formats,
    ) -> GradedOne {
        let mut graded = Graded {
            student: submission.student.clone(),
            slug: submission.slug.clone(),
            file: submission.file.clone(),
            others: submission.others.clone(),
            origin: submission.origin.clone(),
            language: model.case.case.language(),
            status: Status::Failed,
            mark: None,
            signals: Vec::new(),
            comparison: None,
            diagnostics: Vec::new(),
            feedback: Vec::new(),
            unwritten: false,
            listed: Default::default(),
        };
        let notice = |mut graded: Graded, status: Status, source: Option<&str>| {
            graded.status = status;
            if status == Status::Empty {
                graded.mark = Some(self.rubric.grade.lowest());
                graded.signals.push(Signal::new("EMPTY"));
            } else if status == Status::OtherCase {
                graded.signals.push(Signal::new("OTHER-CASE"));
            }
            let files = feedback::notice(&self.templates, &graded, &model.case, source);
            GradedOne {
                graded,
                reasonings: None,
                files,
            }
        };
        let case = match &submission.load {
            Ok(case) if !case.has_errors() => case,
            Ok(case) => {
                graded.diagnostics = case.diagnostics.clone();
                return notice(graded, Status::Failed, Some(&case.source));
            }
            // An empty file, or one of comments only: nothing written, as an untouched starter.
            Err((_, diagnostics)) if diagnostics.iter().all(|d| d.code == "EMPTY-CASE") => {
                return notice(graded, Status::Empty, None);
            }
            Err((_, diagnostics)) if diagnostics.iter().all(|d| d.code == "NO-CASE-PDF") => {
                graded.diagnostics = diagnostics.clone();
                return notice(graded, Status::NoCasebookPdf, None);
            }
            Err((source, diagnostics)) => {
                graded.diagnostics = diagnostics.clone();
                return notice(graded, Status::Failed, source.as_deref());
            }
        };
        // Another case is told so in the assignment's language; the rest in the student's.
        if !compare::is_same_case(&model.case, case) {
            return notice(graded, Status::OtherCase, None);
        }
        graded.language = case.case.language();
        if compare::is_empty(case) {
            return notice(graded, Status::Empty, None);
        }
        // The student's own report names them as the overview does (not the starter's author).
        let named;
        let case =
            if case.case.meta.author.as_ref().map(|a| a.value.trim()) == Some(&graded.student) {
                case
            } else {
                let mut renamed = case.clone();
                renamed.case.meta.author = Some(Located::unplaced(graded.student.clone()));
                named = renamed;
                &named
            };
        let assessment = assess(case, &self.rubric);
        let comparison = compare::compare(
            (&model.case, &model.assessment),
            (case, &assessment),
            &self.rubric.grade,
        );
        graded.status = Status::Graded;
        graded.mark = Some(self.rubric.grade.mark(&comparison.components));
        graded.diagnostics = assessment.findings.clone();
        let reasonings = Reasonings::new(&reasoning_texts(&comparison));
        if let Some((overall, items)) = reasonings.alike(&model.reasonings) {
            graded.signals.push(Signal {
                code: "MODEL-COPY".into(),
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
                code: "REPEATED-REASONING".into(),
                items: repeated,
                overall: None,
            });
        }
        let context = feedback::Feedback {
            model: &model.case,
            student: case,
            comparison: &comparison,
            graded: &graded,
            reveal,
            rubric: &self.rubric.grade,
        };
        let documents = self.documents(
            case,
            &assessment,
            formats,
            Some(&|rich| feedback::comparison_view(&self.templates, &context, rich)),
        );
        let files = documents.map(|d| {
            d.files
                .into_iter()
                .map(|(_, extension, bytes)| (extension, bytes))
                .collect::<Vec<_>>()
        });
        graded.comparison = Some(comparison);
        GradedOne {
            graded,
            reasonings: Some(reasonings),
            files,
        }
    }
}

/// The student's reasoning per `item/discipline` of the model's stances, in the model's order.
pub fn reasoning_texts(comparison: &Comparison) -> Vec<(String, String)> {
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
