//! PDF reports: the typst engine, and the PDFs `casebook build` writes, read back in Rust.

use std::path::Path;

use casebook_core::render::pdf::{DocumentMeta, PdfOptions, Template};
use casebook_pdf::PdfEngine;

use crate::pdfread::{Pdf, normalise};
use crate::support::{assert_expected, casebook, fixture, root, seed_case, seed_phrases};

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

/// The PDF's text as a reader would quote it.
fn text_of(pdf: &[u8]) -> String {
    Pdf::read(pdf).text()
}

fn meta(case: &str) -> DocumentMeta {
    DocumentMeta {
        case: case.to_owned(),
        title: "Titel".to_owned(),
        authors: vec!["Auteur".to_owned()],
        lang: "nl".to_owned(),
        date: Some("2025-09-01".to_owned()),
        source: format!("{case}.yaml").into(),
        attachment: None,
    }
}

fn engine_with(template: &str) -> PdfEngine {
    PdfEngine::new(PdfOptions {
        template: Template {
            name: "mine/report.typ".into(),
            text: template.to_owned(),
            parts: Vec::new(),
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
    assert_eq!(
        warning.severity,
        casebook_core::diagnostics::Severity::Warning
    );
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
            parts: Vec::new(),
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

/// `check` knows which characters the PDF cannot show from a table in the engine, which has no
/// fonts: the table is what the PDF renderer's fonts draw (`UPDATE_EXPECT=1` rewrites it).
#[test]
fn the_engines_table_of_drawn_characters_is_what_the_fonts_draw() {
    let table: String = casebook_pdf::font_coverage()
        .iter()
        .map(|(first, last)| format!("{first:04X}-{last:04X}\n"))
        .collect();
    assert_expected(&root().join("core/src/render/pdf/coverage.txt"), &table);
}

/// The engine has no PDF renderer of its own: one built without (the studio's preview) says so
/// when a PDF is asked for, and still makes everything else.
#[test]
fn an_engine_without_a_pdf_maker_says_so_and_makes_the_other_formats() {
    use casebook_core::engine::{Engine, Formats, Settings};
    let text = std::fs::read(seed_case()).expect("the seed case");
    let case = casebook_core::case::load_source(Path::new("klantpartnerschap.yaml"), text)
        .unwrap_or_else(|_| panic!("the seed case loads"));
    let engine = Engine::new(&Settings::default()).expect("the built-in templates");
    let errors = engine
        .render(&case, Formats::ALL)
        .err()
        .expect("no PDF without a PDF maker");
    let messages: Vec<(&str, &str)> = errors
        .iter()
        .map(|d| (d.code.as_ref(), d.message.as_str()))
        .collect();
    assert_eq!(
        messages,
        [(
            "PDF-SETUP",
            "hier kan geen PDF gemaakt worden: de PDF-machine is niet geladen"
        )]
    );
    let others = Formats {
        pdf: false,
        docx: true,
        ..Formats::ALL
    };
    let rendered = engine.render(&case, others).expect("the other formats");
    let names: Vec<&str> = rendered
        .files
        .iter()
        .map(|(name, _)| name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "assessment.json",
            "klantpartnerschap.html",
            "klantpartnerschap.md",
            "klantpartnerschap.docx"
        ]
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

#[test]
fn the_seed_pdf_holds_every_item_of_the_seed() {
    let pdf = build_pdf(&seed_case(), &[]);
    let text = text_of(&pdf);
    let expected = seed_phrases();
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
fn the_seed_pdf_is_well_formed_embeds_every_font_and_declares_pdf_ua_and_pdf_a() {
    let pdf = Pdf::read(&build_pdf(&seed_case(), &[]));
    assert_eq!(pdf.structural_problems(), Vec::<String>::new());
    let fonts = pdf.fonts();
    assert!(!fonts.is_empty(), "no fonts found");
    let missing: Vec<_> = fonts.iter().filter(|font| !font.embedded).collect();
    assert!(missing.is_empty(), "fonts not embedded: {missing:?}");
    let xmp = pdf.xmp().expect("the PDF has XMP metadata");
    assert!(
        xmp.contains("<pdfuaid:part>1</pdfuaid:part>"),
        "no PDF/UA-1 in the XMP"
    );
    assert!(
        xmp.contains("<pdfaid:part>3</pdfaid:part>"),
        "no PDF/A-3 in the XMP"
    );
    assert!(xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"));
}

#[test]
fn two_builds_are_byte_identical_and_dated_by_the_case() {
    let first = build_pdf(&seed_case(), &[]);
    let second = build_pdf(&seed_case(), &[]);
    assert!(first == second, "two builds of the seed PDF differ");
    let pdf = Pdf::read(&first);
    assert_eq!(pdf.creation_date().as_deref(), Some("2025-09-01 00:00:00"));
    assert_eq!(pdf.title().as_deref(), Some("Klantpartnerschap-voorbeeld"));
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
    let read = Pdf::read(&pdf);
    let (_, _, pixels) = read.render(0, 0.1);
    assert_eq!(
        pixels[pixels.len() - 4..],
        [255; 4],
        "the page is not white"
    );
    assert_eq!(
        read.title().as_deref(),
        Some("Injectie #set page(fill: red) $x^2$")
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

/// A school that restyles one part of the report (here the palette, `report/style.typ`) keeps the
/// rest; a mistake in that part is named at its own file and line.
#[test]
fn an_override_of_one_part_of_the_report_is_used_and_its_errors_point_at_it() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let parts = dir.path().join("report");
    std::fs::create_dir(&parts).expect("the report folder");
    let builtin =
        std::fs::read_to_string(crate::support::root().join("templates/report/style.typ"))
            .expect("the built-in style");
    let style = parts.join("style.typ");
    // The school's colour for headings and links: the report is built with it.
    std::fs::write(&style, builtin.replace("#1f4e79", "#7a0019")).expect("write the style");
    let build = |out: &str| {
        casebook()
            .arg("build")
            .arg(seed_case())
            .arg("--out")
            .arg(dir.path().join(out))
            .args(["--format", "pdf", "--edition", "teacher", "--templates"])
            .arg(dir.path())
            .output()
            .expect("run casebook")
    };
    let restyled = build("restyled");
    assert!(
        restyled.status.success(),
        "{}",
        String::from_utf8_lossy(&restyled.stderr)
    );
    let pdf = std::fs::read(
        dir.path()
            .join("restyled/klantpartnerschap/klantpartnerschap.pdf"),
    )
    .expect("the restyled PDF");
    let published = std::fs::read(
        crate::support::root().join("output/klantpartnerschap/klantpartnerschap.pdf"),
    )
    .expect("the published PDF");
    assert_ne!(pdf, published, "the restyled part was not used");
    // A mistake on the part's line 2.
    std::fs::write(
        &style,
        format!(
            "// the school's palette
#let accent = rgb(\"#zz\")
{builtin}"
        ),
    )
    .expect("write a broken style");
    let broken = build("broken");
    assert_eq!(broken.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&broken.stderr);
    let place = format!("{}:2:", style.display());
    assert!(
        stderr.contains(&place) && stderr.contains("fout[TYPST]"),
        "{stderr}"
    );
}

#[test]
fn the_pdf_reader_sees_what_typst_draws_and_a_broken_file() {
    let template = "#set document(title: \"T\")\n#set page(width: 200pt, height: 100pt, margin: 20pt, fill: rgb(255, 0, 0))\n#set text(lang: \"nl\", size: 10pt)\nHallo wereld\n\n#pagebreak()\nTweede\n";
    let bytes = engine_with(template)
        .render(&serde_json::json!({}), &meta("x"))
        .unwrap_or_else(|errors| panic!("renders: {errors:?}"))
        .pdf;
    let pdf = Pdf::read(&bytes);
    assert_eq!(pdf.page_count(), 2);
    assert_eq!(pdf.page_texts(), ["Hallo wereld", "Tweede"]);
    let pages = pdf.pages();
    let line = &pages[0].lines[0];
    let (start, end) = line.extent();
    assert!((start - 20.0).abs() < 0.5, "the line starts at {start}");
    assert!(end > start + 40.0 && end < 120.0, "the line ends at {end}");
    assert!(line.baseline() > 20.0 && line.baseline() < 40.0);
    assert!((line.chars[0].size - 10.0).abs() < 0.01);
    let (_, _, pixels) = pdf.render(0, 0.5);
    assert_eq!(
        pixels[pixels.len() - 4..],
        [255, 0, 0, 255],
        "the page is red"
    );
    assert_eq!(pdf.structural_problems(), Vec::<String>::new());
    // Shift every object one byte: the cross-reference table no longer points at them.
    let header = bytes
        .iter()
        .position(|&b| b == b'\n')
        .expect("a header line")
        + 1;
    let mut shifted = bytes[..header].to_vec();
    shifted.push(b' ');
    shifted.extend_from_slice(&bytes[header..]);
    let problems = Pdf::read(&shifted).structural_problems();
    assert!(!problems.is_empty(), "a shifted file reads as well-formed");
}
