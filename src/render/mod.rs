//! Renderers: turn a case and its assessment into report documents.

mod figures;
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
    let mut text = report(templates, "report.md", case, assessment, edition, &|t| {
        Value::String(to_markdown(t))
    })?;
    // One trailing newline and no runs of blank lines: what markdownlint expects of a file.
    while text.contains("\n\n\n") {
        text = text.replace("\n\n\n", "\n\n");
    }
    Ok(format!("{}\n", text.trim()))
}

/// The HTML report: one self-contained page (inline CSS and SVG, no script, no external request).
pub fn html(
    templates: &Templates,
    case: &LoadedCase,
    assessment: &Assessment,
    edition: Edition,
) -> Result<String, Diagnostic> {
    report(templates, "report.html", case, assessment, edition, &|t| {
        Value::String(to_html(t))
    })
}

fn report(
    templates: &Templates,
    name: &str,
    case: &LoadedCase,
    assessment: &Assessment,
    edition: Edition,
    rich: view::Rich,
) -> Result<String, Diagnostic> {
    let locale = templates.locale(case.case.language());
    let view = ReportView::build(case, assessment, locale, edition, rich);
    templates.render(name, &view)
}
