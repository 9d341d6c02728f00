//! The confrontation matrix's scale (issue: any matrix scale): `0-3` by default, `0-5`, `1-5` or
//! `-2..2`; scores checked against it, the strategic issues and the reports follow it.

use crate::format::{check, one_error, rich_case, variant, variant_of};
use crate::support::{build_ok, fixture, root};

fn northwind() -> std::path::PathBuf {
    root().join("cases/northwind-outfitters.yaml")
}

#[test]
fn a_zero_to_five_matrix_names_the_fives_then_the_fours_in_the_matrix_order() {
    let out = tempfile::tempdir().expect("temporary folder");
    build_ok(&fixture("format"), out.path(), &["--format", "md,html"]);
    let assessment: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.path().join("prijspunt/assessment.json")).expect("read"),
    )
    .expect("JSON");
    let matrix = &assessment["confrontation"];
    assert_eq!(matrix["scale"], "0-5");
    // S3 × K3 is written before S1 × B1, but S1 comes first in the matrix; the fours Z1 × K4
    // and S4 × K2 fall after the fifth issue.
    assert_eq!(
        matrix["issues"],
        serde_json::json!([
            ["S1", "K1", 5],
            ["S2", "K1", 5],
            ["S2", "K2", 5],
            ["S1", "B1", 4],
            ["S3", "K3", 4]
        ])
    );
    assert_eq!(
        matrix["quadrants"],
        serde_json::json!({"SO": 26, "ST": 8, "WO": 6, "WT": 3})
    );
    assert_eq!(matrix["posture"], "offensive");
    let md = std::fs::read_to_string(out.path().join("prijspunt/prijspunt.md")).expect("read");
    assert!(md.contains("### Confrontatiematrix (score 0–5)\n"), "{md}");
    let html = std::fs::read_to_string(out.path().join("prijspunt/prijspunt.html")).expect("read");
    assert!(html.contains("<caption>Confrontatiematrix (score 0–5)</caption>"));
}

#[test]
fn a_score_above_the_scale_is_an_error_that_names_the_scale() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = variant(
        dir.path(),
        "{internal: S1, external: K1, score: 5}",
        "{internal: S1, external: K1, score: 6}",
    );
    let (code, message, hint) = one_error(&path);
    assert_eq!(code, "SCORE-RANGE");
    assert_eq!(
        message,
        "de confrontatiescore 6 ligt niet tussen 0 en 5, de schaal van deze matrix (0-5)"
    );
    assert_eq!(
        hint,
        "scoor elk paar van 0 (geen verband) tot 5 (doorslaggevend), of kies een andere schaal met `scale:` (0-3, 0-5, 1-5 of -2..2) onder `confrontation:`"
    );
}

#[test]
fn without_a_scale_the_matrix_is_scored_from_zero_to_three() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = variant(dir.path(), "    scale: 0-5\n", "");
    let (diagnostics, ok) = check(&path);
    assert!(!ok);
    let messages: Vec<&str> = diagnostics
        .iter()
        .map(|d| d["message"].as_str().expect("message"))
        .collect();
    // The fives and the fours are off the default scale.
    assert_eq!(messages.len(), 7, "{messages:#?}");
    assert_eq!(
        messages[0],
        "de confrontatiescore 5 ligt niet tussen 0 en 3, de schaal van deze matrix (0-3)"
    );
}

#[test]
fn an_unknown_scale_is_an_error_that_lists_the_scales() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = variant(dir.path(), "    scale: 0-5\n", "    scale: 1-10\n");
    let (diagnostics, ok) = check(&path);
    assert!(!ok);
    let first = &diagnostics[0];
    assert_eq!(first["code"], "UNKNOWN-SCALE");
    assert_eq!(
        first["message"],
        "de schaal `1-10` van de confrontatiematrix is onbekend"
    );
    assert_eq!(
        first["hint"],
        "schrijf scale: 0-3, 0-5, 1-5 of -2..2 (zonder `scale:` scoort de matrix van 0 tot 3)"
    );
    assert_eq!(first["line"], 399);
}

#[test]
fn an_english_case_gets_the_scale_messages_in_english() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = variant_of(
        &northwind(),
        dir.path(),
        "    cells:\n",
        "    scale: 1-5\n    cells:\n",
    );
    let (diagnostics, ok) = check(&path);
    assert!(!ok);
    assert_eq!(diagnostics[0]["code"], "SCORE-RANGE");
    assert_eq!(
        diagnostics[0]["message"],
        "the confrontation score 0 is not between 1 and 5, this matrix's scale (1-5)"
    );
    assert_eq!(
        diagnostics[0]["hint"],
        "score each pair from 1 (no relation) to 5 (decisive), or choose another scale with `scale:` (0-3, 0-5, 1-5 or -2..2) under `confrontation:`"
    );
    let path = variant_of(
        &northwind(),
        dir.path(),
        "    cells:\n",
        "    scale: 0-10\n    cells:\n",
    );
    let (code, message, hint) = one_error(&path);
    assert_eq!(code, "UNKNOWN-SCALE");
    assert_eq!(
        message,
        "the confrontation matrix's scale `0-10` is unknown"
    );
    assert_eq!(
        hint,
        "write scale: 0-3, 0-5, 1-5 or -2..2 (without `scale:` the matrix is scored from 0 to 3)"
    );
}

#[test]
fn a_minus_two_to_two_matrix_counts_its_negative_cells_and_names_no_pair_without_relation() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let source = std::fs::read_to_string(rich_case()).expect("read");
    let start = source.find("    scale: 0-5\n").expect("the scale");
    let end = source
        .find("  conclusion: >-\n    Alle sterktes")
        .unwrap_or(source.len());
    let matrix = "    scale: -2..2\n    cells:\n      - {internal: S1, external: K1, score: -2}\n      - {internal: Z1, external: K4, score: 0}\n      - {internal: S2, external: B1, score: 1}\n";
    let text = format!("{}{}{}", &source[..start], matrix, &source[end..]);
    let path = dir.path().join("prijspunt.yaml");
    std::fs::write(&path, text).expect("write");
    let out = tempfile::tempdir().expect("temporary folder");
    build_ok(dir.path(), out.path(), &["--format", "md"]);
    let assessment: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.path().join("prijspunt/assessment.json")).expect("read"),
    )
    .expect("JSON");
    let matrix = &assessment["confrontation"];
    assert_eq!(
        matrix["quadrants"],
        serde_json::json!({"SO": -2, "ST": 1, "WO": 0, "WT": 0})
    );
    assert_eq!(matrix["posture"], "defensive");
    assert_eq!(matrix["issues"], serde_json::json!([["S2", "B1", 1]]));
    let md = std::fs::read_to_string(out.path().join("prijspunt/prijspunt.md")).expect("read");
    assert!(md.contains("### Confrontatiematrix (score −2–2)\n"), "{md}");
}
