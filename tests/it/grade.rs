//! `casebook grade` on the fixture class (`tests/fixtures/grade/class`, made from the worked
//! example): an exact copy, every stance inverted, half filled, an empty starter, a broken
//! file, two near-identical submissions, two students' folders with the same file name and an
//! English submission, each with its components and mark asserted; the CSV and JSON read back.

use std::collections::BTreeMap;
use std::path::Path;

use crate::support::{casebook, fixture};

const KEY: &str = "cases/klantpartnerschap.yaml";

/// Runs `grade` over the fixture class into `out` and returns its exit code and messages.
fn grade(out: &Path, args: &[&str]) -> (i32, String) {
    let output = casebook()
        .arg("grade")
        .arg(fixture("grade/class"))
        .args(["--key", KEY, "--out"])
        .arg(out)
        .args(args)
        .output()
        .expect("run casebook grade");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The CSV's rows by student: every column after the student's name.
fn csv_rows(bytes: &[u8], separator: u8) -> (Vec<String>, BTreeMap<String, Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .from_reader(bytes);
    let header = reader
        .headers()
        .expect("a header row")
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|record| {
            let record = record.expect("a CSV row");
            let mut fields = record.iter().map(str::to_string);
            let student = fields.next().expect("a student");
            (student, fields.collect())
        })
        .collect();
    (header, rows)
}

#[test]
fn a_class_is_graded_with_marks_components_and_a_dutch_csv() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let out = dir.path().join("grades");
    let (code, stderr) = grade(&out, &["--csv-separator", ";"]);
    assert_eq!(code, 1, "a broken submission makes the run fail: {stderr}");
    assert!(
        stderr.contains("kapot.yaml:29:1: fout[YAML-SYNTAX]: er wordt met een tab ingesprongen"),
        "{stderr}"
    );
    let summary = format!(
        "8 beoordeeld, 1 leeg, 1 niet te lezen; 1 groep(en) om te controleren → {}\n",
        out.join("index.html").display()
    );
    assert!(stderr.ends_with(&summary), "{stderr}");

    let bytes = std::fs::read(out.join("grades.csv")).expect("grades.csv");
    let body = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .expect("a byte-order mark for the spreadsheet");
    let (header, rows) = csv_rows(body, b';');
    assert_eq!(
        header,
        [
            "Student",
            "Bestand",
            "Status",
            "cijfer",
            "voldoende",
            "Standpunten",
            "Redeneringen",
            "Oordelen",
            "Bevindingen",
            "Waarschuwingen"
        ]
    );
    let row = |student: &str| rows.get(student).map(|r| r.join("|")).unwrap_or_default();
    // An exact copy of the model: full agreement, the top mark.
    assert_eq!(
        row("Anna Kopie"),
        "kopie.yaml|beoordeeld|10,0|1|1,00|1,00|1,00|1,00|3"
    );
    // Every stance inverted: only the model's 0 stances (9 of 57) stay equal; the reasoning is
    // there; not one ground verdict agrees; five warnings beyond the model's.
    assert_eq!(
        row("Bram Omgekeerd"),
        "omgekeerd.yaml|beoordeeld|4,7|0|0,16|1,00|0,00|0,50|8"
    );
    assert_eq!(
        row("Cees Half"),
        "half.yaml|beoordeeld|5,1|0|0,47|0,47|0,25|0,70|6"
    );
    // An empty starter: the lowest mark, marked as empty.
    assert_eq!(
        row("Els Leeg"),
        "leeg.yaml|leeg|1,0|0|0,00|0,00|0,00|0,00|14"
    );
    // A file that does not load: a row without a mark.
    assert_eq!(row("kapot"), "kapot.yaml|niet te lezen|||||||0");
    assert_eq!(
        row("Daan Dubbel"),
        "bijna-1.yaml|beoordeeld|10,0|1|1,00|1,00|1,00|1,00|3"
    );
    assert_eq!(
        row("Dirk Dubbel"),
        "bijna-2.yaml|beoordeeld|10,0|1|1,00|1,00|1,00|1,00|3"
    );
    // Two folders with the same file name: named by their folder. Jan is one step off on every
    // third item.
    assert_eq!(
        row("jan"),
        "jan/opdracht.yaml|beoordeeld|9,3|1|0,82|1,00|1,00|1,00|3"
    );
    assert_eq!(
        row("piet"),
        "piet/opdracht.yaml|beoordeeld|10,0|1|1,00|1,00|1,00|1,00|3"
    );
    // English, with the SWOT lettered in English (O1 is the model's K1).
    assert_eq!(
        row("Emma Smith"),
        "english.yaml|beoordeeld|10,0|1|1,00|1,00|1,00|1,00|3"
    );
    assert_eq!(rows.len(), 10);

    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("grades.json")).expect("grades.json"))
            .expect("grades.json parses");
    let similar = &json["similar"];
    assert_eq!(similar.as_array().map(Vec::len), Some(1), "{similar}");
    assert_eq!(
        similar[0]["students"],
        serde_json::json!(["Daan Dubbel", "Dirk Dubbel"])
    );
    assert_eq!(similar[0]["pairs"], 1);
    assert_eq!(
        (
            &similar[0]["links"][0]["first"],
            &similar[0]["links"][0]["second"]
        ),
        (
            &serde_json::json!("Daan Dubbel"),
            &serde_json::json!("Dirk Dubbel")
        )
    );
    let submission = |student: &str| {
        json["submissions"]
            .as_array()
            .and_then(|all| all.iter().find(|s| s["student"] == student))
            .cloned()
            .unwrap_or_default()
    };
    let piet = submission("piet");
    assert_eq!(piet["comparison"]["added"], serde_json::json!(["S6"]));
    let bram = submission("Bram Omgekeerd");
    let agreements: Vec<&str> = bram["comparison"]["stances"]
        .as_array()
        .expect("stance rows")
        .iter()
        .filter_map(|r| r["agreement"].as_str())
        .collect();
    assert_eq!(agreements.len(), 57);
    assert_eq!(agreements.iter().filter(|a| **a == "opposite").count(), 48);
    assert_eq!(bram["comparison"]["choice"]["contradicted"], true);

    let feedback = |name: &str| std::fs::read_to_string(out.join("feedback").join(name));
    for student in ["anna-kopie", "els-leeg", "jan", "piet", "emma-smith"] {
        for extension in ["html", "md", "pdf"] {
            assert!(
                out.join(format!("feedback/{student}.{extension}"))
                    .is_file(),
                "{student}.{extension}"
            );
        }
    }
    let broken = feedback("kapot.html").expect("the broken file's feedback");
    assert!(
        broken.contains("er wordt met een tab ingesprongen"),
        "{broken}"
    );
    assert!(!out.join("feedback/kapot.pdf").exists());
    let english = feedback("emma-smith.html").expect("English feedback");
    assert!(english.contains("<h2 id=\"h-comparison\">Comparison with the model answer</h2>"));
    let empty = feedback("els-leeg.md").expect("the empty starter's feedback");
    assert!(
        empty.contains("Je case bevat geen enkel standpunt: het laagste cijfer, 1,0."),
        "{empty}"
    );
    // The differences grouped by kind, each kind explained once: Bram's 48 opposite stances
    // under one heading and one explanation, not the same sentence on 48 rows.
    let bram = feedback("bram-omgekeerd.md").expect("Bram's feedback");
    assert!(bram.contains("\n#### Tegengesteld (48)\n\nJe argumenteert de andere kant op: waar het item bij het model voor de waardestrategie pleit, pleit het bij jou ertegen, of andersom."), "{bram}");
    assert_eq!(bram.matches("Je argumenteert de andere kant op").count(), 1);
    assert_eq!(
        bram.matches("| tegengesteld").count() + bram.matches("(tegengesteld)").count(),
        0
    );
    // The PDF feedback: the comparison above the student's own report.
    let pdf = crate::pdfread::Pdf::read(
        &std::fs::read(out.join("feedback/bram-omgekeerd.pdf")).expect("the PDF feedback"),
    );
    let text = crate::pdfread::normalise(&pdf.text());
    for expected in [
        "FEEDBACK OP JE EIGEN CASE",
        "Vergelijking met het modelantwoord",
        "cijfer = 1 + 9 × 0,41 = 4,7",
        "Je argumenteert de andere kant op",
        "Tegengesteld (48)",
        "Per standpunt: item, waardestrategie: het model → jij.",
        "Bram Omgekeerd",
    ] {
        assert!(text.contains(expected), "{expected} not in {text}");
    }
    let overview = std::fs::read_to_string(out.join("index.html")).expect("index.html");
    assert!(overview.contains("<a href=\"feedback/jan.html\">jan</a>"));
    assert!(
        overview
            .contains("<tr><th colspan=\"2\" scope=\"rowgroup\">Groep 1: twee studenten</th></tr>"),
        "{overview}"
    );
    // Items by their id and the discipline's name in the case's language.
    assert!(
        overview.contains("items: AW1 klantpartnerschap (99 %)"),
        "{overview}"
    );
}

#[test]
fn the_model_reasoning_shows_only_with_reveal() {
    // A sentence of the model's reasoning on M1 for customer intimacy.
    let model = "helpt het om de klant zijn probleem als";
    let dir = tempfile::tempdir().expect("temporary folder");
    for (reveal, args) in [
        (false, vec!["--format", "md"]),
        (true, vec!["--format", "md", "--reveal", "--quiet"]),
    ] {
        let out = dir.path().join(format!("reveal-{reveal}"));
        let (code, stderr) = grade(&out, &args);
        assert_eq!(code, 1, "{stderr}");
        // `--quiet`, as with `build`: the failures, no summary.
        assert!(stderr.contains("fout[YAML-SYNTAX]"), "{stderr}");
        assert_eq!(stderr.contains("om te controleren"), !reveal, "{stderr}");
        let bram =
            std::fs::read_to_string(out.join("feedback/bram-omgekeerd.md")).expect("feedback");
        assert_eq!(bram.contains(model), reveal, "reveal {reveal}");
        // The CSV with its default separator: a decimal point, no byte-order mark.
        let csv = std::fs::read(out.join("grades.csv")).expect("grades.csv");
        let (_, rows) = csv_rows(&csv, b',');
        assert_eq!(rows["Anna Kopie"][2], "10.0");
    }
}

/// A `[grade]` section out of range and a folder with only the model answer in it: one message
/// each, in the user's language, with the line of the section and the fix.
#[test]
fn grade_rubric_errors_and_a_folder_without_submissions_are_worded_in_both_languages() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let rubric = dir.path().join("casebook.toml");
    std::fs::write(&rubric, "weak = 0.2\n\n[grade]\npass = 11\n").expect("write the rubric");
    let run = |folder: &Path, lang: &str, rubric: Option<&Path>| {
        let mut command = casebook();
        command
            .arg("grade")
            .arg(folder)
            .args(["--key", KEY, "--lang", lang, "--out"])
            .arg(dir.path().join("grades"));
        if let Some(rubric) = rubric {
            command.arg("--rubric").arg(rubric);
        }
        let output = command.output().expect("run casebook grade");
        assert_eq!(output.status.code(), Some(2));
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    let class = fixture("grade/class");
    let r = rubric.display();
    assert_eq!(
        run(&class, "nl", Some(&rubric)),
        format!(
            "{r}:3:1: fout[RUBRIC]: in [grade] moet pass tussen 1 en 10 liggen, en points meer dan 0 zijn\n  = tip: schrijf bijvoorbeeld pass = 5.5 bij scale = \"dutch\", of points = 100 en pass = 55 bij scale = \"points\"\n"
        )
    );
    assert_eq!(
        run(&class, "en", Some(&rubric)),
        format!(
            "{r}:3:1: error[RUBRIC]: in [grade] pass must lie between 1 and 10, and points must be more than 0\n  = hint: write for example pass = 5.5 with scale = \"dutch\", or points = 100 and pass = 55 with scale = \"points\"\n"
        )
    );
    std::fs::write(&rubric, "[grade]\nstances = -1\n").expect("write the rubric");
    assert_eq!(
        run(&class, "nl", Some(&rubric)),
        format!(
            "{r}:1:1: fout[RUBRIC]: in [grade] moeten de gewichten stances, reasoning, verdicts en findings 0 of meer zijn, en niet allemaal 0\n  = tip: schrijf bijvoorbeeld stances = 0.4, reasoning = 0.3, verdicts = 0.2, findings = 0.1\n"
        )
    );

    // Only the model answer in the folder: nothing to grade.
    let only_key = crate::support::root().join("cases");
    let lonely = dir.path().join("inleveringen");
    std::fs::create_dir(&lonely).expect("folder");
    std::fs::copy(
        only_key.join("klantpartnerschap.yaml"),
        lonely.join("model.yaml"),
    )
    .expect("copy");
    let l = lonely.display();
    let key_inside = |lang: &str| {
        let output = casebook()
            .arg("grade")
            .arg(&lonely)
            .arg("--key")
            .arg(lonely.join("model.yaml"))
            .args(["--lang", lang, "--out"])
            .arg(dir.path().join("grades"))
            .output()
            .expect("run casebook grade");
        assert_eq!(output.status.code(), Some(2));
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    assert_eq!(
        key_inside("nl"),
        format!(
            "{l}: fout[NO-CASES]: geen ingeleverde cases (*.yaml, *.yml) gevonden, behalve het modelantwoord\n  = tip: noem de map met de casebestanden van de studenten (submappen per student mogen)\n"
        )
    );
    assert_eq!(
        key_inside("en"),
        format!(
            "{l}: error[NO-CASES]: no submitted cases (*.yaml, *.yml) found, apart from the model answer\n  = hint: name the folder with the students' case files (a subfolder per student is fine)\n"
        )
    );
    let missing = dir.path().join("nergens");
    assert_eq!(
        run(&missing, "nl", None),
        format!(
            "{}: fout[NO-CASES]: deze map of dit bestand bestaat niet\n  = tip: noem een map met casebestanden (*.yaml) of één casebestand; een eerste case begin je met `casebook new mijn-case`\n",
            missing.display()
        )
    );
}
