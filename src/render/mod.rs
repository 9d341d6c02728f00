//! Renderers: turn a case and its assessment into report documents.

mod parts;
pub mod pdf;
pub mod view;

use serde_json::Value;

use crate::assess::Assessment;
use crate::case::LoadedCase;
use crate::diagnostics::Diagnostic;
use crate::markdown::{to_html, to_markdown};
use crate::templates::Templates;

use view::{Edition, ReportView};

/// The Markdown report: CommonMark with GFM tables, free text kept as (safe) Markdown.
pub fn markdown(
    templates: &Templates,
    case: &LoadedCase,
    assessment: &Assessment,
    edition: Edition,
) -> Result<String, Diagnostic> {
    let locale = templates.locale(case.case.language());
    let view = ReportView::build(case, assessment, locale, edition, &|t| {
        Value::String(to_markdown(t))
    });
    let mut text = templates.render("report.md", &view)?;
    // One trailing newline and no runs of blank lines: what markdownlint expects of a file.
    while text.contains("\n\n\n") {
        text = text.replace("\n\n\n", "\n\n");
    }
    Ok(format!("{}\n", text.trim()))
}

/// The HTML report: one self-contained page (inline CSS, no script, no external request); its
/// figures are HTML, so their text wraps and keeps its size on a phone.
pub fn html(
    templates: &Templates,
    case: &LoadedCase,
    assessment: &Assessment,
    edition: Edition,
) -> Result<String, Diagnostic> {
    let locale = templates.locale(case.case.language());
    let view = ReportView::build(case, assessment, locale, edition, &|t| {
        Value::String(to_html(t))
    });
    templates.render("report.html", &view)
}
