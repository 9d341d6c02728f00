//! The Word report (`--format docx`): the report view written as a WordprocessingML package
//! with docx-rs, in Word's own styles (Title, Heading 1–3, List Bullet/Number, Table Grid), so
//! that the navigation pane, a table of contents and the spelling checker work on it. Text and
//! bytes only: no path, no file.

mod blocks;
mod form;
mod package;
mod rich;
mod sections;
mod styles;

use docx_rs::{Docx, Footer, PageNum, Paragraph, Run};
use serde::Serialize;
use serde_json::Value;

pub use blocks::Writer;

/// The document properties Word shows under File › Info, from the case.
pub struct Properties<'a> {
    pub title: &'a str,
    pub author: Option<&'a str>,
    pub subject: &'a str,
    /// BCP 47, as Word's spelling checker wants it: `nl-NL`, `en-GB`.
    pub language: &'static str,
}

/// The report page (a [`crate::render::WithExtra`] or anything serialising like it) as the bytes
/// of a `.docx`. Its rich texts must be [`crate::render::pdf::spans`] values.
pub fn report(page: &impl Serialize, properties: &Properties) -> Result<Vec<u8>, String> {
    let view = serde_json::to_value(page).map_err(|e| e.to_string())?;
    let mut writer = Writer::default();
    sections::report(&mut writer, &view);
    let footer = Footer::new().add_paragraph(
        Paragraph::new()
            .style("Footer")
            .align(docx_rs::AlignmentType::Center)
            .add_page_num(PageNum::new()),
    );
    let docx = writer.into_docx(styles::apply(Docx::new())).footer(footer);
    let mut packed = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut packed).map_err(|e| e.to_string())?;
    package::finish(&packed.into_inner(), properties)
}

/// A run of plain text, the building block of labels and headings.
fn text(value: &str) -> Run {
    Run::new().add_text(value)
}

/// The string at `path` (dot-separated keys) of a view value, or "".
fn s<'a>(value: &'a Value, path: &str) -> &'a str {
    at(value, path).as_str().unwrap_or_default()
}

/// The value at `path` (dot-separated keys), `Null` when absent.
fn at<'a>(value: &'a Value, path: &str) -> &'a Value {
    path.split('.')
        .try_fold(value, |v, key| v.get(key))
        .unwrap_or(&Value::Null)
}

/// The array at `path`, empty when absent.
fn list<'a>(value: &'a Value, path: &str) -> &'a [Value] {
    at(value, path)
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
}

/// Whether the value at `path` is there and not empty.
fn has(value: &Value, path: &str) -> bool {
    match at(value, path) {
        Value::Null | Value::Bool(false) => false,
        Value::Array(a) => !a.is_empty(),
        Value::String(s) => !s.is_empty(),
        _ => true,
    }
}

/// The Word report of one assessed case in `edition`, with the extra section when given (the
/// comparison of a student's feedback).
pub fn of_case(
    templates: &crate::templates::Templates,
    case: &crate::case::LoadedCase,
    assessment: &crate::assess::Assessment,
    edition: crate::render::context::Edition,
    lines: u8,
    extra: crate::render::Extra,
) -> Result<Vec<u8>, crate::diagnostics::Diagnostic> {
    let language = case.case.language();
    let locale = templates.locale(language);
    let suffix = edition.suffix();
    let rich = &|t: &str| {
        let spans = crate::render::pdf::spans::spans_linking(t, suffix, "docx");
        serde_json::to_value(spans).unwrap_or_default()
    };
    let view =
        crate::render::view::ReportView::build(case, assessment, locale, edition, lines, rich);
    let page = crate::render::WithExtra {
        view: &view,
        comparison: extra.map(|build| build(rich)),
    };
    let meta = &case.case.meta;
    let title = crate::markdown::plain(&meta.title);
    let author = meta.author.as_ref().map(|a| crate::markdown::plain(a));
    let subject = match &meta.course {
        Some(course) => crate::markdown::plain(course),
        None => crate::markdown::plain(&meta.organisation.name),
    };
    let properties = Properties {
        title: &title,
        author: author.as_deref().filter(|a| !a.is_empty()),
        subject: &subject,
        language: match language.code() {
            "nl" => "nl-NL",
            _ => "en-GB",
        },
    };
    report(&page, &properties).map_err(|reason| {
        crate::diagnostics::Diagnostic::worded(
            &case.path,
            crate::case::Position::default(),
            crate::messages::user_language(),
            "INTERNAL",
            "docx",
            &[("reason", &reason)],
        )
    })
}
