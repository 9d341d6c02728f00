//! `casebook check`: load every case and report its diagnostics, for people, or as one JSON line
//! per case with its verdict and diagnostics.

use std::io::Write;

use serde::Serialize;

use crate::build::discover::CaseLoad;
use casebook_core::diagnostics::{Diagnostic, Severity};

/// How diagnostics are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    Human,
    Json,
}

/// What a check found, counted over all cases.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CheckSummary {
    pub cases: usize,
    pub failed_cases: usize,
    pub errors: usize,
    pub warnings: usize,
}

/// The assessment's verdict on a case without errors.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Verdict {
    /// The chosen discipline's key.
    pub choice: &'static str,
    /// `substantiated`, `weak` or `unsubstantiated`.
    pub verdict: &'static str,
}

/// One case as `--format json` prints it: one line per case checked, clean ones included.
#[derive(Serialize)]
struct CaseRecord<'a> {
    file: String,
    /// Absent (`null`) for a case with errors: it has no assessment.
    choice: Option<&'static str>,
    verdict: Option<&'static str>,
    errors: usize,
    warnings: usize,
    diagnostics: &'a [Diagnostic],
}

/// Prints the diagnostics of every loaded case, in file order, and counts them. `verdicts` holds
/// the assessment's verdict per load (`None` for a case with errors).
pub fn report(
    loads: &[CaseLoad],
    verdicts: &[Option<Verdict>],
    format: ReportFormat,
    out: &mut impl Write,
) -> std::io::Result<CheckSummary> {
    let mut summary = CheckSummary {
        cases: loads.len(),
        ..CheckSummary::default()
    };
    for (index, load) in loads.iter().enumerate() {
        if load.has_errors() {
            summary.failed_cases += 1;
        }
        let count = |severity| {
            load.diagnostics()
                .iter()
                .filter(|d| d.severity == severity)
                .count()
        };
        let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
        summary.errors += errors;
        summary.warnings += warnings;
        match format {
            ReportFormat::Human => {
                for diagnostic in load.diagnostics() {
                    write!(out, "{}", diagnostic.render(load.source()))?;
                }
            }
            ReportFormat::Json => {
                let verdict = verdicts.get(index).copied().flatten();
                let record = CaseRecord {
                    file: load.path().display().to_string(),
                    choice: verdict.map(|v| v.choice),
                    verdict: verdict.map(|v| v.verdict),
                    errors,
                    warnings,
                    diagnostics: load.diagnostics(),
                };
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string(&record).unwrap_or_default()
                )?;
            }
        }
    }
    Ok(summary)
}
