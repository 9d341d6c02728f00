//! typst's errors and warnings as casebook [`Diagnostic`]s. A typst error is a bug of the
//! template (ours or the user's override), so the diagnostic points into the template — at the
//! failing node, or else at the innermost call of the template that led to it — and names the case
//! being rendered.

use std::path::Path;

use typst::WorldExt;
use typst::diag::{Severity as TypstSeverity, SourceDiagnostic};
use typst::syntax::{DiagSpan, Source};

use super::world::DocumentWorld;
use crate::case::Position;
use crate::diagnostics::{Diagnostic, Severity};
use crate::messages::user_language;

/// The code of every diagnostic that comes from typst.
pub const CODE: &str = "TYPST";

/// Converts one typst diagnostic raised while rendering `case` with the template at
/// `template_name`.
pub fn convert(
    world: &DocumentWorld<'_>,
    template: &Source,
    template_name: &Path,
    case: &str,
    diagnostic: &SourceDiagnostic,
) -> Diagnostic {
    let spans = std::iter::once(diagnostic.span).chain(
        diagnostic
            .trace
            .iter()
            .map(|point| DiagSpan::from_span(point.span, None)),
    );
    let at = spans
        .filter(|span| span.id() == Some(template.id()))
        .find_map(|span| world.range(span))
        .and_then(|range| template.lines().byte_to_line_column(range.start))
        .map_or_else(Position::default, |(line, column)| Position {
            line: u32::try_from(line + 1).unwrap_or(u32::MAX),
            column: u32::try_from(column + 1).unwrap_or(u32::MAX),
        });
    // typst's own words are for whoever maintains the template; casebook's frame says whose
    // PDF failed and that the case is not at fault.
    let hints: Vec<&str> = diagnostic.hints.iter().map(|h| h.v.as_str()).collect();
    let hints = hints.join("; ");
    let values = [
        ("case", case),
        ("reason", diagnostic.message.as_str()),
        ("hints", hints.as_str()),
    ];
    let situation = if hints.is_empty() {
        "failed"
    } else {
        "failed_with_hints"
    };
    let converted =
        Diagnostic::worded(template_name, at, user_language(), CODE, situation, &values);
    match diagnostic.severity {
        TypstSeverity::Error => converted,
        TypstSeverity::Warning => converted.with_severity(Severity::Warning),
    }
}
