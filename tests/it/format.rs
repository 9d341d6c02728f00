//! The case format's richer forms (issue: real cases go in whole): targets in words, dated
//! baselines. `tests/fixtures/format/prijspunt.yaml` holds each form and checks clean; each
//! error a form can give is that fixture with one line changed.

use std::path::{Path, PathBuf};

use crate::support::{build_ok, casebook, fixture};

pub fn rich_case() -> PathBuf {
    fixture("format/prijspunt.yaml")
}

/// The case at `source` with `from` replaced by `to` (which must occur), written into `dir`
/// under the same name.
pub fn variant_of(source: &Path, dir: &Path, from: &str, to: &str) -> PathBuf {
    let text = std::fs::read_to_string(source).expect("read the fixture");
    assert!(text.contains(from), "the fixture holds {from:?}");
    let path = dir.join(source.file_name().expect("a file name"));
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write the variant");
    path
}

/// The rich case with `from` replaced by `to`.
pub fn variant(dir: &Path, from: &str, to: &str) -> PathBuf {
    variant_of(&rich_case(), dir, from, to)
}

/// `check --format json` of one case: its diagnostics, and whether it passed.
pub fn check(path: &Path) -> (Vec<serde_json::Value>, bool) {
    let output = casebook()
        .args(["check", "--format", "json"])
        .arg(path)
        .output()
        .expect("run casebook check");
    let diagnostics = crate::support::json_diagnostics(&output.stdout);
    (diagnostics, output.status.success())
}

/// The diagnostics of a variant that must fail with exactly one, as (code, message, hint).
pub fn one_error(path: &Path) -> (String, String, String) {
    let (diagnostics, ok) = check(path);
    assert!(!ok, "{diagnostics:#?}");
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    let field = |key: &str| diagnostics[0][key].as_str().unwrap_or_default().to_string();
    (field("code"), field("message"), field("hint"))
}

#[test]
fn the_rich_case_checks_clean() {
    let (diagnostics, ok) = check(&rich_case());
    assert!(ok && diagnostics.is_empty(), "{diagnostics:#?}");
}

#[test]
fn a_target_in_words_with_a_measurement_is_measurable_and_shown_as_written() {
    let out = tempfile::tempdir().expect("temporary folder");
    build_ok(&fixture("format"), out.path(), &["--format", "md,html"]);
    let assessment: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.path().join("prijspunt/assessment.json")).expect("read"),
    )
    .expect("JSON");
    let d5 = assessment["smart"]
        .as_array()
        .expect("smart")
        .iter()
        .find(|s| s["item"] == "D5")
        .expect("D5");
    assert_eq!(d5["letters"]["M"], true);
    let md = std::fs::read_to_string(out.path().join("prijspunt/prijspunt.md")).expect("read");
    assert!(
        md.contains("| **D5** | Prijspunt is uiterlijk eind 2027 de voordeligste supermarkt van de kernregio. | – | de voordeligste supermarkt van de kernregio | 2027-12-31 |"),
        "{md}"
    );
}

#[test]
fn a_dated_baseline_shows_its_date_after_the_value() {
    let out = tempfile::tempdir().expect("temporary folder");
    build_ok(&fixture("format"), out.path(), &["--format", "md,html"]);
    let md = std::fs::read_to_string(out.path().join("prijspunt/prijspunt.md")).expect("read");
    assert!(
        md.contains("| 82 indexpunten (marktgemiddelde = 100) (boekjaar 2024) | 80 indexpunten (marktgemiddelde = 100) |"),
        "{md}"
    );
    let html = std::fs::read_to_string(out.path().join("prijspunt/prijspunt.html")).expect("read");
    assert!(html.contains("<td>82 indexpunten (marktgemiddelde = 100) (boekjaar 2024)</td>"));
}

#[test]
fn a_target_in_words_without_a_measurement_asks_for_the_measurement() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = variant(
        dir.path(),
        "      measurement: de jaarlijkse prijsvergelijking van een consumentenorganisatie; plaats 1 is gehaald\n",
        "",
    );
    let (diagnostics, ok) = check(&path);
    assert!(ok, "a finding, not an error: {diagnostics:#?}");
    let codes: Vec<&str> = diagnostics
        .iter()
        .map(|d| d["code"].as_str().expect("code"))
        .collect();
    assert_eq!(codes, ["SMART-M"]);
    assert_eq!(
        diagnostics[0]["message"],
        "Doelstelling D5 is niet meetbaar; nog nodig: een meetmethode: hoe wordt gemeten of de streefwaarde in woorden gehaald is."
    );
    assert_eq!(
        diagnostics[0]["hint"],
        "Vul bij doelstelling D5 in: measurement."
    );
}

#[test]
fn each_wrong_target_or_baseline_is_an_error_at_its_line() {
    let cases = [
        (
            "      target: 80\n",
            "      target: [80, 81]\n",
            "WRONG-TYPE",
        ),
        ("      target: 80\n", "      target: true\n", "WRONG-TYPE"),
        // A Dutch decimal number is a number written wrongly, not a target in words.
        ("      target: 80\n", "      target: 7,5\n", "WRONG-TYPE"),
        (
            "        value: 82\n",
            "        value: 82 punten\n",
            "WRONG-TYPE",
        ),
        (
            "        at: boekjaar 2024\n",
            "        when: boekjaar 2024\n",
            "UNKNOWN-KEY",
        ),
        (
            "        at: boekjaar 2024\n",
            "        at: [2024]\n",
            "WRONG-TYPE",
        ),
        ("        at: boekjaar 2024\n", "", "MISSING-KEY"),
    ];
    for (from, to, code) in cases {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = variant(dir.path(), from, to);
        let (diagnostics, ok) = check(&path);
        assert!(!ok, "{to:?} fails");
        assert_eq!(diagnostics.len(), 1, "{to:?}: {diagnostics:#?}");
        assert_eq!(diagnostics[0]["code"], code, "{to:?}");
        let message = diagnostics[0]["message"].as_str().expect("message");
        for word in ["variant", "enum", "untagged", "Amount", "Baseline"] {
            assert!(!message.contains(word), "{to:?}: {message}");
        }
    }
}

#[test]
fn the_worked_example_cites_the_book_and_links_the_other_examples() {
    let report = |ext: &str| {
        std::fs::read_to_string(
            crate::support::root()
                .join(format!("output/klantpartnerschap/klantpartnerschap.{ext}")),
        )
        .expect("the committed report")
    };
    let html = report("html");
    for words in ["In hoofdstuk 5 van het boek", "figuur 1.6 van het boek"] {
        assert!(html.contains(words), "{words}");
    }
    assert!(html.contains(
        "<a href=\"../kostenleiderschap/kostenleiderschap.html\" rel=\"noopener noreferrer\">kostenleiderschap-voorbeeld</a>"
    ));
    assert!(html.contains("href=\"../productleiderschap/productleiderschap.html\""));
    assert!(
        report("md")
            .contains("[kostenleiderschap-voorbeeld](../kostenleiderschap/kostenleiderschap.md)")
    );
}

#[test]
fn a_baseline_in_words_is_read_assessed_and_shown_as_written() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = variant(
        dir.path(),
        "      baseline: 14.8\n",
        "      baseline: ongeveer vijftien procent\n",
    );
    let (diagnostics, ok) = check(&path);
    assert!(ok, "{diagnostics:#?}");
    assert!(
        diagnostics.iter().all(|d| d["item"] != "D1"),
        "{diagnostics:#?}"
    );
    let out = dir.path().join("out");
    crate::support::build_ok(&path, &out, &["--format", "md,html"]);
    let md = std::fs::read_to_string(out.join("prijspunt/prijspunt.md")).expect("read");
    assert!(
        md.contains("| ongeveer vijftien procent | 13.5% van de omzet |")
            || md.contains("| ongeveer vijftien procent |"),
        "{md}"
    );
    let html = std::fs::read_to_string(out.join("prijspunt/prijspunt.html")).expect("read");
    assert!(
        html.contains("<td>ongeveer vijftien procent</td>"),
        "{html}"
    );
}
