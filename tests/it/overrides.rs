//! `--templates`: a folder that is missing, a file, or holds no known template stops the build
//! with one message; a file that replaces nothing and an unknown label are warnings with the
//! closest known name; a template's error names the overriding file.

use std::path::Path;

use crate::build::{build, stderr, two_good_cases};

/// Every file a `--templates` folder can replace, as the messages list them.
const NAMES: &str = "worksheet.html.tera, worksheet.md.tera, sortable.html.tera, comparison.html.tera, comparison.md.tera, report.md.tera, report.html.tera, index.html.tera, report.typ, report/data.typ, report/style.typ, report/helpers.typ, report/worksheet.typ, report/figures.typ, report/pages.typ, report/feedback.typ, grades.html.tera, unloadable.html.tera, unloadable.md.tera, locale/nl.toml, locale/en.toml";

fn with_templates(
    cases: &Path,
    out: &Path,
    templates: &Path,
    format: &str,
) -> assert_cmd::assert::Assert {
    let templates = templates.to_str().expect("UTF-8 path");
    build(
        cases,
        out,
        &["--templates", templates, "--format", format, "--quiet"],
    )
}

#[test]
fn a_missing_folder_a_file_or_a_folder_without_templates_stops_the_build() {
    let (dir, cases, out) = two_good_cases();
    let missing = dir.path().join("huisstijl");
    let assert = with_templates(&cases, &out, &missing, "md").code(2);
    assert_eq!(
        stderr(&assert),
        format!(
            "{}: fout[TEMPLATE]: de sjablonenmap bij --templates bestaat niet\n  = tip: noem bij --templates een map met een of meer van deze bestanden, die de ingebouwde vervangen: {NAMES}\n",
            missing.display()
        )
    );

    let file = dir.path().join("report.html.tera");
    std::fs::write(&file, "<p>{{ title }}</p>").expect("write a template");
    let assert = with_templates(&cases, &out, &file, "md").code(2);
    assert_eq!(
        stderr(&assert),
        format!(
            "{}: fout[TEMPLATE]: --templates noemt een bestand, maar verwacht een map\n  = tip: noem bij --templates de map waarin je sjablonen staan, met een of meer van: {NAMES}\n",
            file.display()
        )
    );

    let unknown = dir.path().join("huisstijl");
    std::fs::create_dir(&unknown).expect("templates folder");
    std::fs::write(unknown.join("report.html"), "<p></p>").expect("write");
    let assert = with_templates(&cases, &out, &unknown, "md").code(2);
    assert_eq!(
        stderr(&assert),
        format!(
            "{}: fout[TEMPLATE]: in de sjablonenmap staat geen enkel sjabloon dat casebook kent\n  = tip: een bestand vervangt het ingebouwde sjabloon met dezelfde naam; verwacht worden: {NAMES}\n",
            unknown.display()
        )
    );
    assert!(!out.exists(), "a stopped build wrote output");
}

#[test]
fn a_file_that_replaces_nothing_and_an_unknown_label_are_warnings_with_the_closest_name() {
    let (dir, cases, out) = two_good_cases();
    let templates = dir.path().join("huisstijl");
    std::fs::create_dir_all(templates.join("locale")).expect("templates folder");
    std::fs::write(templates.join("report.html"), "<p></p>").expect("write");
    std::fs::write(templates.join("LEESMIJ.txt"), "notities").expect("write");
    let locale = templates.join("locale/nl.toml");
    std::fs::write(
        &locale,
        "[report]\nsummary = \"Kort gezegd\"\nsumary = \"Conclusie\"\nlogo = \"x\"\n",
    )
    .expect("write a locale override");
    let assert = with_templates(&cases, &out, &templates, "md").success();
    let t = templates.display();
    assert_eq!(
        stderr(&assert),
        format!(
            "{t}/LEESMIJ.txt: waarschuwing[TEMPLATE]: `LEESMIJ.txt` vervangt geen sjabloon en wordt niet gebruikt\n  = tip: de sjablonen die je kunt vervangen heten: {NAMES}\n\
             {t}/report.html: waarschuwing[TEMPLATE]: `report.html` vervangt geen sjabloon en wordt niet gebruikt\n  = tip: bedoel je `report.html.tera`? Geef het bestand precies die naam\n\
             {t}/locale/nl.toml:4:1: waarschuwing[TEMPLATE]: onbekend label `report.logo`; het wordt niet gebruikt\n  = tip: een taalbestand in --templates noemt alleen labels uit het ingebouwde templates/locale/nl.toml\n\
             {t}/locale/nl.toml:3:1: waarschuwing[TEMPLATE]: onbekend label `report.sumary`; het wordt niet gebruikt\n  = tip: bedoel je `report.summary`?\n"
        )
    );
    // "Kort gezegd" is in no built-in locale: it can only come from the override, and it
    // replaces the built-in "Samenvatting" heading.
    let report = std::fs::read_to_string(out.join("alfa/alfa.md")).expect("the report");
    assert!(
        report.contains("\n## Kort gezegd\n") && !report.contains("Samenvatting"),
        "the override's label is not used:\n{report}"
    );
    build(&cases, &out, &["--format", "md", "--quiet"]).success();
    let report = std::fs::read_to_string(out.join("alfa/alfa.md")).expect("the report");
    assert!(
        report.contains("\n## Samenvatting\n") && !report.contains("Kort gezegd"),
        "without the override the built-in label is not used:\n{report}"
    );
}

#[test]
fn a_template_error_names_the_overriding_file() {
    let (dir, cases, out) = two_good_cases();
    let templates = dir.path().join("huisstijl");
    std::fs::create_dir(&templates).expect("templates folder");
    let template = templates.join("report.html.tera");
    std::fs::write(&template, "<p>{{ case.no_such_field.title }}</p>\n").expect("write");
    let assert = with_templates(&cases, &out, &templates, "html").code(1);
    let text = stderr(&assert);
    let expected = format!(
        "{}: fout[TEMPLATE]: het sjabloon is niet bruikbaar: ",
        template.display()
    );
    assert_eq!(text.matches(&expected).count(), 2, "{text}");
    assert!(!text.contains("templates/report.html.tera"), "{text}");
}
