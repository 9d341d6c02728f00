//! `check`, as both shells show it: a loaded case's own diagnostics, and when it has no errors its
//! assessment's findings and the characters its PDF could not show.

use crate::assess::{Assessment, assess};
use crate::case::LoadedCase;
use crate::render::pdf::glyphs;
use crate::rubric::Rubric;

/// Assesses a case without errors, adding the findings and the PDF's missing characters to its
/// diagnostics; `None` for a case with errors (there is nothing to assess).
pub fn check(case: &mut LoadedCase, rubric: &Rubric) -> Option<Assessment> {
    if case.has_errors() {
        return None;
    }
    let assessment = assess(case, rubric);
    case.diagnostics.extend(assessment.findings.iter().cloned());
    case.diagnostics.extend(glyphs::located_warnings(case));
    Some(assessment)
}
