//! The HTML report: one self-contained page (inline CSS and SVG, no script, no external request).

use serde_json::Value;

use crate::assess::Assessment;
use crate::case::LoadedCase;
use crate::diagnostics::Diagnostic;
use crate::markdown::to_html;
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
        Value::String(to_html(text))
    });
    templates.render("report.html", &view)
}
