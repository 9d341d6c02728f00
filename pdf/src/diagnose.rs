//! typst's errors and warnings as casebook [`Diagnostic`]s. A typst error is a bug of the
//! template (ours or the user's override), so the diagnostic points into the template — at the
//! failing node, or else at the innermost call of the template that led to it — and names the case
//! being rendered.

use std::path::Path;

use typst::WorldExt;
use typst::diag::{Severity as TypstSeverity, SourceDiagnostic};
use typst::syntax::{DiagSpan, Source};

use super::world::DocumentWorld;
use casebook_core::case::Position;
use casebook_core::diagnostics::{Diagnostic, Severity};
use casebook_core::messages::user_language;

/// The code of every diagnostic that comes from typst.
pub const CODE: &str = "TYPST";

/// Converts one typst diagnostic raised while rendering `case` with the template and its parts
/// (`sources`: each with the name its diagnostics point at, the template first).
pub fn convert<'a>(
    world: &DocumentWorld<'_>,
    sources: impl Iterator<Item = (&'a Source, &'a Path)> + Clone,
    case: &str,
    diagnostic: &SourceDiagnostic,
) -> Diagnostic {
    let mut spans = std::iter::once(diagnostic.span).chain(
        diagnostic
            .trace
            .iter()
            .map(|point| DiagSpan::from_span(point.span, None)),
    );
    // The first place in a file of the template's: the failing node, else the innermost call.
    let found = spans.find_map(|span| {
        let (source, name) = sources.clone().find(|(s, _)| Some(s.id()) == span.id())?;
        let range = world.range(span)?;
        let (line, column) = source.lines().byte_to_line_column(range.start)?;
        let at = Position {
            line: u32::try_from(line + 1).unwrap_or(u32::MAX),
            column: u32::try_from(column + 1).unwrap_or(u32::MAX),
        };
        Some((name, at))
    });
    let template_name = sources.clone().next().map(|(_, name)| name);
    let (template_name, at) = match (found, template_name) {
        (Some((name, at)), _) => (name, at),
        (None, Some(name)) => (name, Position::default()),
        (None, None) => (Path::new("report.typ"), Position::default()),
    };
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
