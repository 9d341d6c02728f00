//! `casebook check`: load every case and report its diagnostics, for people or as JSON lines.

use std::io::Write;

use crate::diagnostics::Severity;
use crate::project::CaseLoad;

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

/// Prints the diagnostics of every loaded case, in file order, and counts them.
pub fn report(
    loads: &[CaseLoad],
    format: ReportFormat,
    out: &mut impl Write,
) -> std::io::Result<CheckSummary> {
    let mut summary = CheckSummary {
        cases: loads.len(),
        ..CheckSummary::default()
    };
    for load in loads {
        if load.has_errors() {
            summary.failed_cases += 1;
        }
        for diagnostic in load.diagnostics() {
            match diagnostic.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => {}
            }
            match format {
                ReportFormat::Human => write!(out, "{}", diagnostic.render(load.source()))?,
                ReportFormat::Json => writeln!(out, "{}", diagnostic.to_json_line())?,
            }
        }
    }
    Ok(summary)
}
