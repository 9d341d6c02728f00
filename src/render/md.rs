//! The Markdown report: CommonMark with GFM tables, free text kept as (safe) Markdown.

use serde_json::Value;

use crate::assess::Assessment;
use crate::case::LoadedCase;
use crate::diagnostics::Diagnostic;
use crate::markdown::to_markdown;
use crate::templates::Templates;

use super::view::{Edition, ReportView};

pub fn render(
    templates: &Templates,
    case: &LoadedCase,
    assessment: &Assessment,
    edition: Edition,
) -> Result<String, Diagnostic> {
    let locale = templates.locale(case.case.language());
    let view = ReportView::build(case, assessment, locale, edition, &|text| {
        Value::String(to_markdown(text))
    });
    let mut text = templates.render("report.md", &view)?;
    // One trailing newline, no blank-line runs: what markdownlint expects of a file.
    while text.contains("\n\n\n") {
        text = text.replace("\n\n\n", "\n\n");
    }
    Ok(format!("{}\n", text.trim()))
}
