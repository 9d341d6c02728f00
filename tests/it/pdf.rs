//! PDF reports: the typst engine, and the PDFs `casebook build` writes read back with poppler
//! (pdftotext, pdffonts, pdftoppm) and qpdf, which `.ci/run` installs.

use std::path::{Path, PathBuf};
use std::process::Command;

use casebook::render::pdf::{DocumentMeta, PdfEngine, PdfOptions, Template};

use crate::support::{casebook, fixture, root};

/// Builds the PDF of one case file into a fresh folder and returns its bytes.
fn build_pdf(case: &Path, extra: &[&str]) -> Vec<u8> {
    let dir = tempfile::tempdir().expect("temporary folder");
    casebook()
        .arg("build")
        .arg(case)
        .arg("--out")
        .arg(dir.path())
        .args(["--format", "pdf"])
        .args(extra)
        .assert()
        .success();
    let slug = case
        .file_stem()
        .and_then(|s| s.to_str())
        .expect("a file name");
    std::fs::read(dir.path().join(slug).join(format!("{slug}.pdf"))).expect("the PDF was written")
}

fn seed_case() -> PathBuf {
    root().join("cases/klantpartnerschap.yaml")
}

/// Runs a poppler or qpdf tool on the PDF; returns whether it succeeded and its stdout.
fn tool(program: &str, args: &[&str], pdf: &[u8], then: &[&str]) -> (bool, Vec<u8>) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, pdf).expect("write the PDF");
    let output = Command::new(program)
        .args(args)
        .arg(&path)
        .args(then)
        .output()
        .unwrap_or_else(|err| {
            panic!("{program} is missing (apt-get install poppler-utils qpdf): {err}")
        });
    (output.status.success(), output.stdout)
}

/// The PDF's text with hyphenation undone and white space collapsed, as a reader would quote it.
pub(crate) fn text_of(pdf: &[u8]) -> String {
    let (ok, out) = tool("pdftotext", &["-enc", "UTF-8"], pdf, &["-"]);
    assert!(ok, "pdftotext failed");
    // typst breaks lines after a slash too; a reader joins those without a space.
    let text = String::from_utf8_lossy(&out)
        .replace("\u{ad}\n", "")
        .replace('\u{ad}', "")
        .replace("/\n", "/");
    normalise(&text)
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn meta(case: &str) -> DocumentMeta {
    DocumentMeta {
        case: case.to_owned(),
        title: "Titel".to_owned(),
        authors: vec!["Auteur".to_owned()],
        lang: "nl".to_owned(),
        date: Some("2025-09-01".to_owned()),
        source: format!("{case}.yaml").into(),
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
    assert_eq!((warning.line, warning.code.as_ref()), (2, "TYPST"));
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
fn a_case_without_date_is_dated_by_source_date_epoch_never_by_the_clock() {
    let template =
        "#set document(title: \"T\")\n#set text(lang: \"nl\")\n#datetime.today().display()\n";
    let engine = PdfEngine::new(PdfOptions {
        template: Template {
            name: "mine/report.typ".into(),
            text: template.to_owned(),
        },
        source_date_epoch: Some("1700000000".to_owned()),
        ..PdfOptions::default()
    })
    .expect("the default standards are valid");
    let undated = DocumentMeta {
        date: None,
        ..meta("x")
    };
    let pdf = engine
        .render(&serde_json::json!({}), &undated)
        .unwrap_or_else(|errors| panic!("renders: {errors:?}"))
        .pdf;
    assert!(String::from_utf8_lossy(&pdf).contains("D:20231114221320"));
    assert!(text_of(&pdf).contains("2023-11-14"));
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

#[test]
fn the_seed_pdf_holds_every_item_of_the_seed() {
    let pdf = build_pdf(&seed_case(), &[]);
    let text = text_of(&pdf);
    let loaded = casebook::case::load_case(&seed_case()).expect("the seed case loads");
    let case = &loaded.case;
    let mut expected: Vec<String> = case
        .argument_items()
        .iter()
        .flat_map(|item| [item.id.value.clone(), casebook::markdown::plain(item.text)])
        .collect();
    expected.push(casebook::markdown::plain(
        &case.higher_decisions.mission.text,
    ));
    for function in &case.consequences.functions {
        expected.extend([
            casebook::markdown::plain(&function.function),
            casebook::markdown::plain(&function.text),
        ]);
    }
    expected.extend(
        case.references
            .iter()
            .map(|r| casebook::markdown::plain(&r.text)),
    );
    for (_, alternative) in case.alternatives.iter() {
        expected.extend(
            alternative
                .threshold
                .iter()
                .map(|t| casebook::markdown::plain(t)),
        );
    }
    let missing: Vec<&String> = expected
        .iter()
        .filter(|want| !text.contains(normalise(want).as_str()))
        .collect();
    assert!(missing.is_empty(), "not in the PDF's text: {missing:#?}");
    for label in [
        "Pagina 1 van",
        "Consistentiematrix",
        "Drempelwaarde",
        "Bijlage",
    ] {
        assert!(text.contains(label), "{label} is missing");
    }
}

#[test]
fn the_seed_pdf_passes_qpdf_embeds_every_font_and_declares_pdf_ua_and_pdf_a() {
    let pdf = build_pdf(&seed_case(), &[]);
    let (ok, out) = tool("qpdf", &["--check"], &pdf, &[]);
    assert!(ok, "qpdf --check: {}", String::from_utf8_lossy(&out));
    let (ok, out) = tool("pdffonts", &[], &pdf, &[]);
    assert!(ok, "pdffonts failed");
    let fonts = String::from_utf8_lossy(&out).into_owned();
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "no fonts listed: {fonts}");
    for row in rows {
        // Columns: name, type (one or more words), encoding, emb, sub, uni, object, generation.
        let columns: Vec<&str> = row.split_whitespace().collect();
        let emb = columns.len().checked_sub(5).map(|i| columns[i]);
        assert_eq!(emb, Some("yes"), "a font is not embedded: {row}");
    }
    let raw = String::from_utf8_lossy(&pdf);
    assert!(
        raw.contains("<pdfuaid:part>1</pdfuaid:part>"),
        "no PDF/UA-1 in the XMP"
    );
    assert!(
        raw.contains("<pdfaid:part>2</pdfaid:part>"),
        "no PDF/A-2 in the XMP"
    );
    assert!(raw.contains("<pdfaid:conformance>B</pdfaid:conformance>"));
}

#[test]
fn two_builds_are_byte_identical_and_dated_by_the_case() {
    let first = build_pdf(&seed_case(), &[]);
    let second = build_pdf(&seed_case(), &[]);
    assert!(first == second, "two builds of the seed PDF differ");
    let (_, info) = tool("pdfinfo", &[], &first, &[]);
    let info = String::from_utf8_lossy(&info).into_owned();
    assert!(
        info.contains("CreationDate:    Mon Sep  1 00:00:00 2025 UTC"),
        "{info}"
    );
    assert!(
        info.contains("Title:           Klantpartnerschap-voorbeeld"),
        "{info}"
    );
}

#[test]
fn typst_syntax_in_a_case_prints_literally() {
    let pdf = build_pdf(&fixture("pdf/injection.yaml"), &[]);
    let text = text_of(&pdf);
    for literal in [
        "Injectie #set page(fill: red) $x^2$",
        "Firma #let x = 1 & <b>",
        "Context #set page(fill: red) met $wiskunde$, @verwijzing, <label>, [haken], \\backslash en",
        "Missie #set text(size: 40pt) #pagebreak()",
        "* los sterretje _ los streepje",
        "Neutraal ]] [[ #] $$",
        "Omdat #read(“/etc/passwd”)",
        // Markdown's smart punctuation curls the quotes; nothing else changes.
        "Kans #import “x.typ”: * en #include “y.typ”",
        "Eigen wetmatigheid <script>alert(1)</script>",
        "Drempel @ref",
        "De marketingfunctie #set page(fill: red)",
    ] {
        assert!(
            text.contains(literal),
            "not printed literally: {literal}\n{text}"
        );
    }
    // `#set page(fill: red)` did not colour the page: its bottom-right corner is white.
    let (ok, ppm) = tool(
        "pdftoppm",
        &["-r", "4", "-singlefile", "-f", "1"],
        &pdf,
        &[],
    );
    assert!(ok && ppm.starts_with(b"P6"), "pdftoppm failed");
    let pixels = &ppm[ppm.len() - 3..];
    assert_eq!(pixels, [255, 255, 255], "the page is not white");
    let (_, info) = tool("pdfinfo", &[], &pdf, &[]);
    let info = String::from_utf8_lossy(&info).into_owned();
    assert!(
        info.contains("Title:           Injectie #set page(fill: red) $x^2$"),
        "{info}"
    );
}

#[test]
fn an_english_case_shows_its_confrontation_matrix_and_customer_leadership() {
    let text = text_of(&build_pdf(&fixture("pdf/leadership.yaml"), &[]));
    for expected in [
        "Page 1 of",
        "Confrontation matrix",
        "SO 3 · ST 2 · WO 1 · WT 2",
        "P3 Standardisation versus personalisation",
        "Leaning standardisation: Modules keep the newest designs affordable to make.",
        "The customer leader in four panels",
        "The newest recognisable design, first.",
        "C1 Brain flexibility",
        "Rotating designers through retail visits.",
        "Threshold: perform adequately (market-conform)",
    ] {
        assert!(text.contains(expected), "missing: {expected}\n{text}");
    }
}

#[test]
fn pdf_standard_none_writes_a_pdf_without_pdf_a_or_ua() {
    let pdf = build_pdf(&seed_case(), &["--pdf-standard", "none"]);
    let raw = String::from_utf8_lossy(&pdf);
    assert!(!raw.contains("pdfaid:part") && !raw.contains("pdfuaid:part"));
    assert!(raw.starts_with("%PDF-1.7"));
}

#[test]
fn a_broken_override_template_fails_the_case_with_its_own_file_and_line() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let template = dir.path().join("report.typ");
    std::fs::write(
        &template,
        "#let data = json(\"/data.json\")\n#set document(title: data.document.title)\n#data.view.nothing\n",
    )
    .expect("write the template");
    let assert = casebook()
        .arg("build")
        .arg(seed_case())
        .arg("--out")
        .arg(dir.path().join("out"))
        .args(["--format", "pdf", "--templates"])
        .arg(dir.path())
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    let place = format!(
        "{}:3:12: fout[TYPST]: PDF van case `klantpartnerschap`",
        template.display()
    );
    assert!(stderr.contains(&place), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
