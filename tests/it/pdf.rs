//! PDF reports: the typst engine and the PDFs it writes, read back with poppler and qpdf.

use casebook::render::pdf::{DocumentMeta, PdfEngine, PdfOptions, Template};

fn meta(case: &str) -> DocumentMeta {
    DocumentMeta {
        case: case.to_owned(),
        title: "Titel".to_owned(),
        authors: vec!["Auteur".to_owned()],
        lang: "nl".to_owned(),
        date: Some("2025-09-01".to_owned()),
    }
}

fn engine_with(template: &str) -> PdfEngine {
    PdfEngine::new(PdfOptions {
        template: Template {
            name: "mine/report.typ".into(),
            text: template.to_owned(),
        },
        ..PdfOptions::default()
    })
    .expect("the default standards are valid")
}

#[test]
fn a_template_error_points_at_the_template_line_and_names_the_case() {
    let template = "#let data = json(\"/data.json\")\n#set document(title: data.document.title)\n\n#let total = data.view.count + \"x\"\n";
    let errors = engine_with(template)
        .render(
            &serde_json::json!({ "count": 1 }),
            &meta("klantpartnerschap"),
        )
        .err()
        .expect("adding an integer and a string fails");
    let error = errors.iter().find(|d| d.is_error()).expect("an error");
    assert_eq!(error.code, "TYPST");
    assert_eq!(error.file, std::path::Path::new("mine/report.typ"));
    assert_eq!((error.line, error.column), (4, 14));
    assert!(
        error.message.contains("`klantpartnerschap`"),
        "{}",
        error.message
    );
}

#[test]
fn typst_warnings_come_back_as_warnings() {
    let template =
        "#set document(title: \"T\")\n#set text(lang: \"nl\", font: \"Geen Letter\")\nTekst\n";
    let rendered = engine_with(template)
        .render(&serde_json::json!({}), &meta("x"))
        .unwrap_or_else(|errors| panic!("renders: {errors:?}"));
    let warning = rendered
        .warnings
        .first()
        .expect("an unknown font is a warning");
    assert_eq!(warning.severity, casebook::diagnostics::Severity::Warning);
    assert_eq!((warning.line, warning.code), (2, "TYPST"));
}

#[test]
fn pdf_ua_refuses_a_document_without_title() {
    let errors = engine_with("#set text(lang: \"nl\")\nTekst\n")
        .render(&serde_json::json!({}), &meta("zonder-titel"))
        .err()
        .expect("PDF/UA-1 requires a title");
    assert!(
        errors
            .iter()
            .any(|d| d.is_error() && d.message.contains("title")),
        "{errors:?}"
    );
}

#[test]
fn unknown_or_incompatible_standards_are_refused_up_front() {
    for standards in [vec!["a-9"], vec!["ua-1", "a-4"]] {
        let options = PdfOptions {
            standards: standards.iter().map(|s| s.to_string()).collect(),
            ..PdfOptions::default()
        };
        let error = PdfEngine::new(options).err().expect("refused");
        assert_eq!(error.code, "PDF-SETUP");
    }
}
