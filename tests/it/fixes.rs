//! The one-click fixes: a YAML mistake whose hint is one certain edit carries the fixed line in
//! `casebook check --format json` (the studio offers it as a button), the hint's own words
//! done; the line fixed, the case checks clean. `casebook check` prints it as the line to write.
//! Word for word.

use std::path::Path;

use crate::support::{casebook, root};

/// The first diagnostic of `casebook check --format json FILE`.
fn first_diagnostic(file: &Path) -> serde_json::Value {
    let output = casebook()
        .args(["check", "--format", "json"])
        .arg(file)
        .output()
        .expect("check");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .find_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|case| case["diagnostics"][0].clone())
        .expect("a diagnostic")
}

#[test]
fn each_certain_hint_carries_the_fixed_line_and_the_fixed_case_checks_clean() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let worked = std::fs::read_to_string(root().join("cases/klantpartnerschap.yaml"))
        .expect("the worked example");
    let name = "    name: Een B-to-B-leverancier (fictief)";
    let tabbed = format!("\t{}", name.trim_start());
    // (mistake, from, to, code, line, the fixed line)
    let mistakes: [(&str, &str, &str, &str, u32, &str); 10] = [
        (
            "near",
            "  organisation:",
            "  organisaton:",
            "UNKNOWN-KEY",
            10,
            "  organisation:",
        ),
        (
            "dutch",
            "  strengths:",
            "  sterktes:",
            "UNKNOWN-KEY",
            131,
            "  strengths:",
        ),
        ("tab", name, &tabbed, "YAML-SYNTAX", 11, name),
        (
            "minus",
            "            stance: \"-\"",
            "            stance: -",
            "STANCE-RANGE",
            54,
            "            stance: \"-\"",
        ),
        (
            "colon",
            name,
            "    name: Een leverancier: B-to-B",
            "YAML-SYNTAX",
            11,
            "    name: \"Een leverancier: B-to-B\"",
        ),
        (
            "curly",
            name,
            "    name: \u{201C}Een leverancier: B-to-B\u{201D}",
            "YAML-SYNTAX",
            11,
            "    name: \"Een leverancier: B-to-B\"",
        ),
        (
            "quotes",
            name,
            "    name: \"Een \"B-to-B\" leverancier\"",
            "YAML-SYNTAX",
            11,
            "    name: 'Een \"B-to-B\" leverancier'",
        ),
        (
            "curly-stance",
            "            stance: \"+\"",
            "            stance: \u{201C}+\u{201D}",
            "STANCE-RANGE",
            47,
            "            stance: \"+\"",
        ),
        (
            "dash",
            "            stance: \"-\"",
            "            stance: \"\u{2013}\"",
            "STANCE-RANGE",
            54,
            "            stance: \"-\"",
        ),
        (
            "decimal-comma",
            "      target: 65",
            "      target: 6,5",
            "WRONG-TYPE",
            311,
            "      target: 6.5",
        ),
    ];
    for (mistake, from, to, code, line, fixed) in mistakes {
        assert!(worked.contains(from), "the worked example lacks `{from}`");
        let file = dir.path().join(format!("{mistake}.yaml"));
        let broken = worked.replacen(from, to, 1);
        std::fs::write(&file, &broken).expect("write");
        let diagnostic = first_diagnostic(&file);
        assert_eq!(diagnostic["code"], code, "{mistake}: {diagnostic}");
        assert_eq!(
            diagnostic["fix"],
            serde_json::json!({ "line": line, "text": fixed }),
            "{mistake}: {diagnostic}"
        );
        let mut lines: Vec<&str> = broken.split('\n').collect();
        lines[usize::try_from(line).expect("a line") - 1] = fixed;
        std::fs::write(&file, lines.join("\n")).expect("write the fixed case");
        casebook().arg("check").arg(&file).assert().success();
    }
}

#[test]
fn a_hint_that_is_no_certain_edit_carries_no_fix() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let worked = std::fs::read_to_string(root().join("cases/klantpartnerschap.yaml"))
        .expect("the worked example");
    // A key far from every allowed one: the hint lists them, there is nothing to pick.
    let file = dir.path().join("far.yaml");
    std::fs::write(&file, worked.replacen("  organisation:", "  xyzzy:", 1)).expect("write");
    let diagnostic = first_diagnostic(&file);
    assert_eq!(diagnostic["code"], "UNKNOWN-KEY");
    assert!(diagnostic.get("fix").is_none(), "{diagnostic}");
}

#[test]
fn check_prints_each_certain_fix_as_the_line_to_write_in_the_cases_language() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let read = |name: &str| {
        std::fs::read_to_string(root().join("cases").join(name)).expect("a bundled case")
    };
    let (dutch, english) = (
        read("klantpartnerschap.yaml"),
        read("northwind-outfitters.yaml"),
    );
    let name = "    name: Een B-to-B-leverancier (fictief)";
    let tabbed = format!("\t{}", name.trim_start());
    // (file, case, from, to, what `casebook check file` prints)
    let mistakes: [(&str, &str, &str, &str, &str); 5] = [
        (
            "near.yaml",
            &dutch,
            "  organisation:",
            "  organisaton:",
            "near.yaml:10:3: fout[UNKNOWN-KEY]: onbekende sleutel `organisaton`
   |
10 |   organisaton:
   |   ^^^^^^^^^^^
  = tip: bedoel je `organisation`? Toegestane sleutels hier: title, language, author, course, date, organisation
  = oplossing: regel 10 wordt ‘  organisation:’
",
        ),
        (
            "tab.yaml",
            &dutch,
            name,
            &tabbed,
            "tab.yaml:11:1: fout[YAML-SYNTAX]: er wordt met een tab ingesprongen
   |
11 | \tname: Een B-to-B-leverancier (fictief)
   | ^
  = tip: YAML springt alleen met spaties in: vervang de tab aan het begin van deze regel door spaties
  = oplossing: regel 11 wordt ‘    name: Een B-to-B-leverancier (fictief)’
",
        ),
        (
            "sterktes.yaml",
            &dutch,
            "  strengths:",
            "  sterktes:",
            "sterktes.yaml:131:3: fout[UNKNOWN-KEY]: onbekende sleutel `sterktes`
    |
131 |   sterktes:
    |   ^^^^^^^^
  = tip: de sleutels zijn Engels, ook in een Nederlandse case: schrijf `strengths`
  = oplossing: regel 131 wordt ‘  strengths:’
",
        ),
        (
            "komma.yaml",
            &dutch,
            "      target: 65",
            "      target: 6,5",
            "komma.yaml:311:15: fout[WRONG-TYPE]: de streefwaarde `6,5` is een getal met een komma; casebook leest het als tekst (D1)
    |
311 |       target: 6,5
    |               ^^^
  = tip: schrijf het getal met een punt: target: 6.5
  = oplossing: regel 311 wordt ‘      target: 6.5’
",
        ),
        (
            "near-en.yaml",
            &english,
            "  organisation:",
            "  organisaton:",
            "near-en.yaml:12:3: error[UNKNOWN-KEY]: unknown key `organisaton`
   |
12 |   organisaton:
   |   ^^^^^^^^^^^
  = hint: did you mean `organisation`? Keys allowed here: title, language, author, course, date, organisation
  = fix: line 12 becomes ‘  organisation:’
",
        ),
    ];
    for (file, case, from, to, printed) in mistakes {
        assert!(case.contains(from), "the bundled case lacks `{from}`");
        std::fs::write(dir.path().join(file), case.replacen(from, to, 1)).expect("write");
        let output = casebook()
            .current_dir(dir.path())
            .args(["check", file])
            .output()
            .expect("check");
        assert_eq!(output.status.code(), Some(1), "{file}");
        assert_eq!(String::from_utf8_lossy(&output.stdout), printed, "{file}");
    }
}
