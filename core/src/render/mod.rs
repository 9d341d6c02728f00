//! Renderers: turn a case and its assessment into report documents.

pub mod context;
pub mod docx;
pub mod feedback;
pub mod index;
pub mod overview;
pub(crate) mod parts;
pub mod pdf;
pub mod view;

use serde::Serialize;
use serde_json::Value;

use crate::assess::Assessment;
use crate::case::LoadedCase;
use crate::diagnostics::Diagnostic;
use crate::markdown::{to_html, to_markdown};
use crate::templates::Templates;

use context::{Edition, Rich};
use view::ReportView;

/// A section added to a report after its title block (the comparison of a student's feedback):
/// a builder of its data from the format's rich-text function, shown by `comparison.<format>`.
pub type Extra<'a> = Option<&'a dyn Fn(Rich) -> Value>;

/// A report rendered from the report view: as text from one template ([`html`], [`markdown`]),
/// or as the bytes of a package ([`docx::of_case`]).
pub type Renderer<T> =
    fn(&Templates, &LoadedCase, &Assessment, Edition, u8, Extra) -> Result<T, Diagnostic>;
pub type TextRenderer = Renderer<String>;

/// The Markdown report: CommonMark with GFM tables, free text kept as (safe) Markdown.
pub fn markdown(
    templates: &Templates,
    case: &LoadedCase,
    assessment: &Assessment,
    edition: Edition,
    lines: u8,
    extra: Extra,
) -> Result<String, Diagnostic> {
    let rich = |t: &str| Value::String(to_markdown(t, edition.suffix()));
    let text = from_template(
        "report.md",
        &rich,
        templates,
        case,
        assessment,
        edition,
        lines,
        extra,
    )?;
    // One trailing newline and no runs of blank lines: what markdownlint expects of a file.
    let mut text = text.trim().to_string();
    while text.contains("\n\n\n") {
        text = text.replace("\n\n\n", "\n\n");
    }
    Ok(format!("{text}\n"))
}

/// The HTML report: one self-contained page (inline CSS, no script, no external request); its
/// figures are HTML, so their text wraps and keeps its size on a phone.
pub fn html(
    templates: &Templates,
    case: &LoadedCase,
    assessment: &Assessment,
    edition: Edition,
    lines: u8,
    extra: Extra,
) -> Result<String, Diagnostic> {
    let rich = |t: &str| Value::String(to_html(t, edition.suffix()));
    from_template(
        "report.html",
        &rich,
        templates,
        case,
        assessment,
        edition,
        lines,
        extra,
    )
}

/// The report view, its free text made rich text by `rich`, rendered by `template`.
#[allow(clippy::too_many_arguments)]
fn from_template(
    template: &str,
    rich: Rich,
    templates: &Templates,
    case: &LoadedCase,
    assessment: &Assessment,
    edition: Edition,
    lines: u8,
    extra: Extra,
) -> Result<String, Diagnostic> {
    let locale = templates.locale(case.case.language());
    let view = ReportView::build(case, assessment, locale, edition, lines, rich);
    let page = WithExtra {
        view: &view,
        comparison: extra.map(|build| build(rich)),
    };
    templates.render(template, &page)
}

/// The report view with the extra section's data, when there is one.
#[derive(Serialize)]
pub struct WithExtra<'a> {
    #[serde(flatten)]
    pub view: &'a ReportView,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comparison: Option<Value>,
}
