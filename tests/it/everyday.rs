//! Small defects a new user runs into: `check` and `build` without a `cases/` folder, an output
//! folder that cannot be written, `assess` of a folder, why `--deny-warnings` failed, a JSON
//! record for every case checked, and the index's verdict column sorting by rank.

use crate::build::{build, stderr, two_good_cases};
use crate::support::{casebook, root};

const NO_CASES: &str = "cases: fout[NO-CASES]: deze map of dit bestand bestaat niet\n  = tip: noem een map met casebestanden (*.yaml) of één casebestand; een eerste case begin je met `casebook new mijn-case`\n";

#[test]
fn check_and_build_without_a_cases_folder_say_the_same_with_the_new_hint() {
    let dir = tempfile::tempdir().expect("temporary folder");
    for command in ["check", "build"] {
        let assert = casebook()
            .current_dir(dir.path())
            .arg(command)
            .assert()
            .code(2);
        assert_eq!(stderr(&assert), NO_CASES, "casebook {command}");
    }
    assert!(!dir.path().join("output").exists());
}

#[test]
fn an_output_folder_that_cannot_be_written_is_one_message_before_any_case() {
    let (dir, cases, _) = two_good_cases();
    let file = dir.path().join("verslag");
    std::fs::write(&file, "een bestand, geen map").expect("write");
    let out = file.join("output");
    let assert = build(&cases, &out, &[]).code(2);
    assert_eq!(
        stderr(&assert),
        format!(
            "{}: fout[WRITE]: in de uitvoermap kan niet geschreven worden: een deel van het pad is een bestand, geen map\n  = tip: kies met --out een map waarin je mag schrijven (er is niets gebouwd)\n",
            out.display()
        )
    );
    let assert = build(&cases, &file, &[]).code(2);
    assert_eq!(
        stderr(&assert),
        format!(
            "{}: fout[WRITE]: in de uitvoermap kan niet geschreven worden: er staat al een bestand met die naam\n  = tip: kies met --out een map waarin je mag schrijven (er is niets gebouwd)\n",
            file.display()
        )
    );
}

#[test]
fn assess_of_a_folder_lists_every_case_and_reports_the_broken_one() {
    let (_dir, cases, _) = two_good_cases();
    let broken = cases.join("charlie.yaml");
    std::fs::write(&broken, "meta: [\n").expect("write the broken case");
    let assert = casebook().arg("assess").arg(&cases).assert().code(1);
    let output = assert.get_output();
    let list: serde_json::Value = serde_json::from_slice(&output.stdout).expect("a JSON list");
    let files: Vec<&str> = list
        .as_array()
        .expect("a list")
        .iter()
        .map(|a| a["file"].as_str().expect("file"))
        .collect();
    let expected: Vec<String> = ["alfa.yaml", "bravo.yaml"]
        .iter()
        .map(|name| cases.join(name).display().to_string())
        .collect();
    assert_eq!(files, expected);
    for assessed in list.as_array().expect("a list") {
        assert_eq!(assessed["assessment"]["choice"], "customer_intimacy");
    }
    assert_eq!(
        stderr(&assert),
        format!(
            "{}:1:7: fout[WRONG-TYPE]: hier hoort een onderdeel met `sleutel: waarde`-regels, maar er staat `[`\n  |\n1 | meta: [\n  |       ^\n  = tip: laat de sleutels van dit onderdeel eronder inspringen, bijvoorbeeld `text: …` op de volgende regel; `casebook new` schrijft een startcase die laat zien wat hier hoort\n",
            broken.display()
        )
    );
}

#[test]
fn deny_warnings_says_why_the_check_failed() {
    let case = root().join("cases/studentcase-met-gebreken.yaml");
    let assert = casebook()
        .args(["check", "--deny-warnings"])
        .arg(&case)
        .assert()
        .code(1);
    let text = stderr(&assert);
    let last: Vec<&str> = text.lines().rev().take(2).collect();
    assert_eq!(
        last,
        [
            "mislukt door --deny-warnings: de 13 waarschuwing(en) hierboven tellen als fouten; los ze op of laat --deny-warnings weg",
            "1 case(s) gecontroleerd: 0 met fouten, 0 fout(en), 13 waarschuwing(en)",
        ]
    );
    // Without the flag the same warnings pass, and nothing is said about it.
    let assert = casebook().arg("check").arg(&case).assert().success();
    assert!(!stderr(&assert).contains("--deny-warnings"));
}

#[test]
fn check_as_json_prints_one_record_per_case_clean_ones_included() {
    let (_dir, cases, _) = two_good_cases();
    std::fs::write(cases.join("charlie.yaml"), "meta: [\n").expect("write the broken case");
    let output = casebook()
        .args(["check", "--format", "json"])
        .arg(&cases)
        .output()
        .expect("check");
    assert_eq!(output.status.code(), Some(1));
    let records: Vec<serde_json::Value> = String::from_utf8(output.stdout)
        .expect("UTF-8")
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object per line"))
        .collect();
    let verdict = |name: &str| {
        let output = casebook()
            .arg("assess")
            .arg(cases.join(name))
            .output()
            .expect("assess");
        let a: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
        a["overall"]["verdict"].clone()
    };
    let file = |name: &str| cases.join(name).display().to_string();
    let summary: Vec<serde_json::Value> = records
        .iter()
        .map(|r| {
            serde_json::json!([
                r["file"],
                r["choice"],
                r["verdict"],
                r["errors"],
                r["warnings"]
            ])
        })
        .collect();
    assert_eq!(
        summary,
        [
            serde_json::json!([
                file("alfa.yaml"),
                "customer_intimacy",
                verdict("alfa.yaml"),
                0,
                0
            ]),
            serde_json::json!([
                file("bravo.yaml"),
                "customer_intimacy",
                verdict("bravo.yaml"),
                0,
                0
            ]),
            serde_json::json!([file("charlie.yaml"), null, null, 1, 0]),
        ]
    );
    assert_eq!(records[0]["diagnostics"], serde_json::json!([]));
    assert_eq!(records[2]["diagnostics"][0]["code"], "WRONG-TYPE");
}

#[test]
fn the_index_sorts_the_verdict_column_by_rank() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let out = dir.path().join("output");
    build(&root().join("cases"), &out, &["--format", "md", "--quiet"]).success();
    let index = std::fs::read_to_string(out.join("index.html")).expect("the index");
    assert!(
        index.contains(
            "<button type=\"button\" data-sort=\"4\" data-numeric=\"1\">Oordeel</button>"
        ),
        "the verdict column does not sort by number"
    );
    // Every verdict cell carries its rank; sorted by it, the verdicts go from best to worst.
    let mut cells: Vec<(u32, String)> = index
        .split("<td class=\"verdict verdict-")
        .skip(1)
        .map(|rest| {
            let (key, rest) = rest.split_once('"').expect("the verdict's key");
            let rank = rest
                .strip_prefix(" data-value=\"")
                .and_then(|r| r.split('"').next())
                .and_then(|r| r.parse().ok())
                .unwrap_or_else(|| panic!("the {key} cell has no rank"));
            (rank, key.to_string())
        })
        .collect();
    assert!(cells.len() >= 3, "{cells:?}");
    cells.sort();
    let order = ["substantiated", "weak", "unsubstantiated"];
    let keys: Vec<usize> = cells
        .iter()
        .map(|(rank, key)| {
            let position = order.iter().position(|k| k == key).expect("a verdict");
            assert_eq!(*rank as usize, position + 1, "{key}");
            position
        })
        .collect();
    assert!(keys.windows(2).all(|w| w[0] <= w[1]), "{cells:?}");
    let kinds: std::collections::BTreeSet<&usize> = keys.iter().collect();
    assert!(
        kinds.len() >= 2,
        "the example set has one verdict only: {cells:?}"
    );
}
