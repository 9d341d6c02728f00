//! `casebook check`, `new` and `schema`: diagnostics a student can act on, word for word, and
//! the exit codes 0 / 1 / 2.

use crate::support::{casebook, fixture, new_starter};

fn check(file: &str) -> (i32, String) {
    let output = casebook()
        .arg("check")
        .arg(fixture("check").join(file))
        .output()
        .expect("run check");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

#[test]
fn the_bundled_cases_are_clean() {
    let output = casebook()
        .args(["check", "cases"])
        .output()
        .expect("run check");
    let cases = std::fs::read_dir(crate::support::root().join("cases"))
        .expect("cases/")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "yaml"))
        })
        .count();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{cases} case(s) gecontroleerd: 0 met fouten, 0 fout(en)"
        )),
        "{stderr}"
    );
    assert!(!String::from_utf8_lossy(&output.stdout).contains(": fout["));
}

#[test]
fn each_rule_names_file_line_column_code_and_item() {
    let root = fixture("check");
    let expectations = [
        ("syntax.yaml", "syntax.yaml:3:5: fout[YAML-SYNTAX]"),
        (
            "tab.yaml",
            "tab.yaml:2:1: fout[YAML-SYNTAX]: er wordt met een tab ingesprongen",
        ),
        (
            "unknown-key.yaml",
            "unknown-key.yaml:10:3: fout[UNKNOWN-KEY]: onbekende sleutel `auteur`",
        ),
        (
            "wrong-type.yaml",
            "wrong-type.yaml:64:17: fout[WRONG-TYPE]: de nulmeting `5,5` is een getal met een komma; casebook leest het als tekst",
        ),
        (
            "empty.yaml",
            "empty.yaml: fout[EMPTY-CASE]: het bestand bevat geen case",
        ),
        (
            "colon.yaml",
            "colon.yaml:8:22: fout[YAML-SYNTAX]: de tekst na `title:` bevat `: `, wat YAML als een nieuwe sleutel leest",
        ),
    ];
    for (file, expected) in expectations {
        let (code, out) = check(file);
        assert_eq!(code, 1, "{file}: {out}");
        let shown = out.replace(&format!("{}/", root.display()), "");
        assert!(
            shown.contains(expected),
            "{file}: expected `{expected}` in\n{shown}"
        );
    }
}

#[test]
fn a_validation_error_is_printed_word_for_word_once_with_its_echoes_counted() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("fout.yaml");
    casebook().arg("new").arg(&path).assert().success();
    // A kans named like the strength: a duplicate id, a wrong letter and a link to K1 left
    // dangling, all from one mistake.
    let text = std::fs::read_to_string(&path)
        .expect("starter")
        .replace("- id: K1", "- id: S1");
    std::fs::write(&path, text).expect("write");
    let output = casebook()
        .current_dir(dir.path())
        .args(["check", "fout.yaml"])
        .output()
        .expect("check");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "fout.yaml:68:11: fout[ID-PREFIX]: het id `S1` van een kans moet K met een nummer zijn (2 fout(en) die hieruit volgen niet getoond)
   |
68 |     - id: S1
   |           ^^
  = tip: in een case in taal `nl` zijn de ids van kansen K1, K2, …
"
    );
}

#[test]
fn json_format_prints_one_record_per_case_with_its_diagnostics() {
    let output = casebook()
        .args(["check", "--format", "json"])
        .arg(fixture("check").join("unknown-key.yaml"))
        .output()
        .expect("check");
    let diagnostics = crate::support::json_diagnostics(&output.stdout);
    let value = diagnostics.first().expect("a diagnostic");
    assert_eq!(value["code"], "UNKNOWN-KEY");
    assert_eq!(value["line"], 10);
    assert_eq!(value["severity"], "error");
    assert!(
        value["hint"]
            .as_str()
            .expect("hint")
            .contains("de sleutels zijn Engels, ook in een Nederlandse case: schrijf `author`")
    );
}

#[test]
fn usage_errors_exit_with_two() {
    let assert = casebook()
        .args(["check", "no-such-folder"])
        .assert()
        .code(2)
        .stdout("");
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr);
    assert!(
        stderr.starts_with("no-such-folder: fout[NO-CASES]: "),
        "{stderr}"
    );
    let assert = casebook()
        .args(["build", "--format", "odt"])
        .assert()
        .code(2)
        .stdout("");
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr);
    assert!(
        stderr.starts_with("fout: `odt` kan niet bij --format") && stderr.contains("md, html"),
        "{stderr}"
    );
}

#[test]
fn new_writes_starters_that_pass_check_and_never_overwrites() {
    let dir = tempfile::tempdir().expect("temporary folder");
    for (lang, choice) in [
        ("nl", "customer_intimacy"),
        ("nl", "operational_excellence"),
        ("en", "product_leadership"),
        ("en", "customer_intimacy"),
    ] {
        let path = dir.path().join(format!("{lang}-{choice}.yaml"));
        casebook()
            .args(["new", "--lang", lang, "--choice", choice])
            .arg(&path)
            .assert()
            .success();
        casebook()
            .arg("check")
            .arg(&path)
            .assert()
            .success()
            .stdout("")
            .stderr("1 case(s) gecontroleerd: 0 met fouten, 0 fout(en), 0 waarschuwing(en)\n");
    }
    let path = dir.path().join("nl-customer_intimacy.yaml");
    let before = std::fs::read(&path).expect("starter");
    let refused = casebook().args(["new"]).arg(&path).assert().code(2);
    let stderr = String::from_utf8_lossy(&refused.get_output().stderr);
    assert!(stderr.contains("bestaat al"), "{stderr}");
    assert_eq!(std::fs::read(&path).expect("starter"), before);
}

#[test]
fn new_prints_a_check_command_that_works_for_a_name_with_spaces() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let output = casebook()
        .current_dir(dir.path())
        .args(["new", "Mijn case"])
        .output()
        .expect("casebook new");
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "Mijn case.yaml geschreven; controleer met: casebook check \"Mijn case.yaml\"\n"
    );
    assert!(dir.path().join("Mijn case.yaml").is_file());
}

#[test]
fn the_committed_schema_is_fresh() {
    let output = casebook()
        .args(["schema", "--lang", "nl"])
        .output()
        .expect("schema");
    let committed = std::fs::read_to_string(crate::support::root().join("schema/case.schema.json"))
        .expect("schema/case.schema.json");
    assert!(
        String::from_utf8_lossy(&output.stdout) == committed,
        "schema/case.schema.json is stale: run `cargo run --release -- schema --lang nl > schema/case.schema.json`"
    );
}

#[test]
fn the_seed_case_loads_with_every_part() {
    let case =
        casebook::read::load_case(&crate::support::root().join("cases/klantpartnerschap.yaml"))
            .expect("the seed loads")
            .case;
    assert_eq!(case.higher_decisions.mission.fragments.len(), 3);
    assert_eq!(case.current_situation.strengths.len(), 5);
    assert_eq!(case.current_situation.opportunities.len(), 5);
    assert_eq!(case.desired_situation.objectives.len(), 4);
    assert_eq!(
        case.regularities.general.len() + case.regularities.own.len(),
        2
    );
    assert_eq!(case.consequences.functions.len(), 2);
    assert!(
        case.alternatives.operational_excellence.is_some()
            && case.alternatives.product_leadership.is_some()
    );
    let worked: Vec<&str> = case
        .argument_items()
        .iter()
        .filter(|i| i.worked_out.is_some())
        .map(|i| i.id.value.as_str())
        .collect();
    assert!(worked.contains(&"S2") && worked.contains(&"K1"));
}

/// Each validation rule on a starter case with one mistake: (what to replace, with what, the
/// expected `line:col: severity[CODE]`, the item named).
#[test]
fn every_validation_rule_points_at_the_mistake() {
    let cases = [
        (
            "choice: customer_intimacy",
            "choice: klantpartner",
            "24:9: error[UNKNOWN-DISCIPLINE]",
            None,
        ),
        (
            "language: nl",
            "language: fr",
            "12:13: error[UNKNOWN-LANGUAGE]",
            None,
        ),
        (
            "date: 2025-09-01",
            "date: 1-9-2025",
            "15:9: error[BAD-DATE]",
            None,
        ),
        (
            "stance: \"+\"\n          reasoning: >-\n            Waarom deze sterkte",
            "stance: \"+++\"\n          reasoning: >-\n            Waarom deze sterkte",
            "55:19: error[STANCE-RANGE]",
            Some("S1"),
        ),
        (
            "- id: K1",
            "- id: O1",
            "68:11: error[ID-PREFIX]",
            Some("O1"),
        ),
        (
            "links: [S1, K1,",
            "links: [S1, K9,",
            "101:19: error[DANGLING-ID]",
            Some("K9"),
        ),
        (
            "items: [M1]\n    threshold: Hoe de organisatie op deze strategie toch afdoende presteert (marktconform).\n  product",
            "items: [M7]\n    threshold: Hoe de organisatie op deze strategie toch afdoende presteert (marktconform).\n  product",
            "148:15: error[DANGLING-ID]",
            Some("M7"),
        ),
        (
            "text: Een kans in de markt.",
            "text: \"  \"",
            "69:13: error[EMPTY-TEXT]",
            Some("K1"),
        ),
        (
            "- id: AW1",
            "- id: AW1\n      weight: -1",
            "120:15: error[BAD-WEIGHT]",
            Some("AW1"),
        ),
        ("- id: EW1", "- id: 9EW", "127:11: error[BAD-ID]", None),
        (
            "  operational_excellence:\n    higher",
            "  customer_intimacy:\n    higher",
            "24:9: error[ALTERNATIVE-IS-CHOICE]",
            None,
        ),
    ];
    let dir = tempfile::tempdir().expect("temporary folder");
    let starter = dir.path().join("starter.yaml");
    new_starter(&starter);
    let text = std::fs::read_to_string(&starter).expect("starter");
    for (i, (from, to, expected, item)) in cases.iter().enumerate() {
        assert!(text.contains(from), "the starter no longer holds `{from}`");
        let path = dir.path().join(format!("rule-{i}.yaml"));
        std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
        let output = casebook()
            .current_dir(dir.path())
            .args(["check", "--format", "json"])
            .arg(path.file_name().expect("name"))
            .output()
            .expect("check");
        assert_eq!(output.status.code(), Some(1), "{expected}");
        let lines = String::from_utf8_lossy(&output.stdout).into_owned();
        let found = crate::support::json_diagnostics(&output.stdout)
            .into_iter()
            .find(|d| {
                let code = d["code"].as_str().unwrap_or_default();
                expected.ends_with(&format!("error[{code}]"))
            });
        let d = found.unwrap_or_else(|| panic!("no {expected} in\n{lines}"));
        assert_eq!(
            format!(
                "{}:{}: error[{}]",
                d["line"],
                d["column"],
                d["code"].as_str().unwrap_or_default()
            ),
            *expected,
            "{lines}"
        );
        if let Some(item) = item {
            assert_eq!(d["item"], *item, "{lines}");
        }
        assert!(
            d["hint"].as_str().is_some_and(|h| !h.is_empty()),
            "every error tells what to do: {lines}"
        );
    }
}

#[test]
fn new_dates_the_starter_the_day_it_is_made() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let date_of = |name: &str, epoch: Option<&str>| {
        let path = dir.path().join(name);
        let mut command = casebook();
        match epoch {
            Some(seconds) => command.env("SOURCE_DATE_EPOCH", seconds),
            None => command.env_remove("SOURCE_DATE_EPOCH"),
        };
        command.arg("new").arg(&path).assert().success();
        let text = std::fs::read_to_string(&path).expect("starter");
        let line = text
            .lines()
            .find_map(|l| l.strip_prefix("  date: "))
            .expect("a date under meta");
        line.to_string()
    };
    // Reproducible when a build asks for it: 2026-01-01 00:00 UTC.
    assert_eq!(date_of("vast.yaml", Some("1767225600")), "2026-01-01");
    // Otherwise the day it runs: a real date, no longer the fixed one every starter had.
    let today = date_of("vandaag.yaml", None);
    let parts: Vec<&str> = today.split('-').collect();
    assert!(
        parts.len() == 3
            && parts[0].len() == 4
            && today.chars().all(|c| c.is_ascii_digit() || c == '-'),
        "{today}"
    );
    assert!(today.as_str() > "2026-01-01", "{today}");
}

#[test]
fn a_students_starter_says_in_one_line_how_many_answers_are_still_open() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let starter =
        crate::support::root().join("output/klantpartnerschap/klantpartnerschap.student.yaml");
    std::fs::copy(&starter, dir.path().join("start.yaml")).expect("copy the hand-out's starter");
    let output = casebook()
        .current_dir(dir.path())
        .args(["check", "start.yaml"])
        .output()
        .expect("check");
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        stdout.lines().next(),
        Some(
            "start.yaml: opmerking[ANSWERS-OPEN]: Nog 128 antwoord(en) open: 57 lege houding(en) en 71 lege tekst(en); de eerste op regel 29."
        ),
        "{stdout}"
    );
    assert_eq!(
        stdout
            .lines()
            .filter(|l| l.contains("ANSWERS-OPEN"))
            .count(),
        1
    );
    assert!(!stdout.contains("REASONING-MISSING"), "{stdout}");
}
