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
    grade_folder(&fixture("grade/class"), out, args)
}

/// Runs `grade` over the submissions in `class` into `out` and returns its exit code and messages.
fn grade_folder(class: &Path, out: &Path, args: &[&str]) -> (i32, String) {
    let output = casebook()
        .arg("grade")
        .arg(class)
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
fn a_class_is_graded_with_marks_components_signals_and_a_dutch_csv() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let out = dir.path().join("grades");
    let (code, stderr) = grade(&out, &["--csv-separator", ";"]);
    assert_eq!(code, 1, "a broken submission makes the run fail: {stderr}");
    assert!(
        stderr.contains("kapot.yaml:29:1: fout[YAML-SYNTAX]: er wordt met een tab ingesprongen"),
        "{stderr}"
    );
    // The empty file and the file of comments are empty submissions, not failures.
    assert!(!stderr.contains("EMPTY-CASE"), "{stderr}");
    let summary = format!(
        "10 beoordeeld, 4 leeg, 1 andere case, 1 niet te lezen, 0 geen casebook-PDF; 2 groep(en) om te controleren → {}\n",
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
            "Waarschuwingen",
            "Signalen"
        ]
    );
    let row = |student: &str| rows.get(student).map(|r| r.join("|")).unwrap_or_default();
    // The model itself, handed in unchanged: the top mark, and flagged.
    assert_eq!(
        row("Anna Kopie"),
        "kopie.yaml|beoordeeld|10,0|1|1,00|1,00|1,00|1,00|3|MODEL-COPY SIMILAR-WORK"
    );
    // Every stance inverted: only the model's 0 stances (9 of 57) stay equal, and only their
    // reasoning counts (an argument for the opposite stance is no agreement); its one template
    // sentence per item is repeated reasoning besides. Not one ground verdict agrees.
    assert_eq!(
        row("Bram Omgekeerd"),
        "omgekeerd.yaml|beoordeeld|2,2|0|0,16|0,05|0,00|0,50|8|REPEATED-REASONING"
    );
    // Half the stances reversed, the model's own reasoning kept, all four ground verdicts
    // different: a fail, though the reasoning is the model's (the mark still computed).
    assert_eq!(
        row("Hanna Halfom"),
        "half-omgekeerd.yaml|beoordeeld|5,0|0|0,58|0,58|0,00|0,40|9|MODEL-COPY SIMILAR-WORK"
    );
    assert_eq!(
        row("Cees Half"),
        "half.yaml|beoordeeld|3,9|0|0,47|0,05|0,25|0,70|6|REPEATED-REASONING"
    );
    // The model's stances with one template sentence for every reasoning: only the first counts.
    assert_eq!(
        row("Tom Sjabloon"),
        "sjabloon.yaml|beoordeeld|7,3|1|1,00|0,02|1,00|1,00|3|REPEATED-REASONING"
    );
    // Nothing written beyond the hand-out: an untouched starter, a starter without stances, an
    // empty file, a file of comments. The lowest mark, status empty, no components.
    for (student, file) in [
        ("starter", "starter.yaml"),
        ("Els Leeg", "leeg.yaml"),
        ("leeg-bestand", "leeg-bestand.yaml"),
        ("commentaar", "commentaar.yaml"),
    ] {
        assert_eq!(row(student), format!("{file}|leeg|1,0|0||||||EMPTY"));
    }
    // Another bundled case (another firm, other items): no mark, and named by its file, not by
    // the other case's author (`Olga Anders`: whoever wrote that case, not who handed it in).
    assert_eq!(row("ander"), "ander.yaml|andere case||||||||OTHER-CASE");
    // A file that does not load: a row without a mark or warnings.
    assert_eq!(row("kapot"), "kapot.yaml|niet te lezen||||||||");
    assert_eq!(
        row("Daan Dubbel"),
        "bijna-1.yaml|beoordeeld|7,3|1|1,00|0,02|1,00|1,00|3|REPEATED-REASONING SIMILAR-WORK"
    );
    assert_eq!(
        row("Dirk Dubbel"),
        "bijna-2.yaml|beoordeeld|7,3|1|1,00|0,02|1,00|1,00|3|REPEATED-REASONING SIMILAR-WORK"
    );
    // Two folders with the same file name: named by their folder. Jan is one step off on every
    // third item.
    assert_eq!(
        row("jan"),
        "jan/opdracht.yaml|beoordeeld|6,8|1|0,82|0,05|1,00|1,00|3|REPEATED-REASONING"
    );
    assert_eq!(
        row("piet"),
        "piet/opdracht.yaml|beoordeeld|7,4|1|1,00|0,05|1,00|1,00|3|REPEATED-REASONING"
    );
    // The model with every id in English (O1, OB1, GR1, OR1, G1): the same components as the
    // Dutch copy, nothing missing, nothing added.
    assert_eq!(
        row("Emma Smith"),
        "english.yaml|beoordeeld|10,0|1|1,00|1,00|1,00|1,00|3|MODEL-COPY SIMILAR-WORK"
    );
    assert_eq!(rows.len(), 16);

    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("grades.json")).expect("grades.json"))
            .expect("grades.json parses");
    let similar = &json["similar"];
    assert_eq!(similar.as_array().map(Vec::len), Some(2), "{similar}");
    assert_eq!(
        similar[0]["students"],
        serde_json::json!(["Daan Dubbel", "Dirk Dubbel"])
    );
    assert_eq!(similar[0]["pairs"], 1);
    assert_eq!(
        similar[1]["students"],
        serde_json::json!(["Emma Smith", "Hanna Halfom", "Anna Kopie"])
    );
    let submission = |student: &str| {
        json["submissions"]
            .as_array()
            .and_then(|all| all.iter().find(|s| s["student"] == student))
            .cloned()
            .unwrap_or_default()
    };
    let emma = submission("Emma Smith");
    assert_eq!(emma["comparison"]["missing"], serde_json::json!([]));
    assert_eq!(emma["comparison"]["added"], serde_json::json!([]));
    assert_eq!(
        emma["signals"][0],
        serde_json::json!({"code": "MODEL-COPY", "items": ["D1/customer_intimacy", "D4/customer_intimacy", "M1/customer_intimacy", "M2/customer_intimacy", "M3/customer_intimacy"], "overall": 1.0})
    );
    assert_eq!(submission("starter")["status"], "empty");
    assert_eq!(submission("ander")["status"], "other_case");
    assert_eq!(
        submission("Tom Sjabloon")["signals"][0]["items"]
            .as_array()
            .map(Vec::len),
        Some(56),
        "every reasoning after the first is a repeat"
    );
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
    for student in ["anna-kopie", "jan", "piet", "emma-smith", "tom-sjabloon"] {
        for extension in ["html", "md", "pdf"] {
            assert!(
                out.join(format!("feedback/{student}.{extension}"))
                    .is_file(),
                "{student}.{extension}"
            );
        }
    }
    // Piet left the starter's author (the teachers'): named by his folder everywhere, his own
    // report too.
    let piet = feedback("piet.md").expect("Piet's feedback");
    assert!(piet.contains("\n- **Auteur:** piet\n"), "{piet}");
    assert!(!piet.contains("Docententeam"), "{piet}");
    let broken = feedback("kapot.html").expect("the broken file's feedback");
    assert!(
        broken.contains("er wordt met een tab ingesprongen"),
        "{broken}"
    );
    assert!(
        broken.contains("<p>Je case (kapot.yaml) kan niet worden gelezen, en is daarom niet beoordeeld. Los de fouten hieronder op en lever opnieuw in; controleer het eerst met `casebook check`. Kom je er niet uit, begin dan opnieuw met het startbestand van de opdracht (klantpartnerschap.student.yaml).</p>"),
        "{broken}"
    );
    assert!(!out.join("feedback/kapot.pdf").exists());
    let english = feedback("emma-smith.html").expect("English feedback");
    assert!(english.contains("<h2 id=\"h-comparison\">Comparison with the model answer</h2>"));
    // Nothing written: what went wrong and how to start, nothing of the model.
    assert_eq!(
        feedback("starter.md").expect("the untouched starter's feedback"),
        "# Feedback: starter\n\nJe case (starter.yaml) bevat niets dat je zelf hebt geschreven: geen standpunt en geen redenering. Daarom krijg je het laagste cijfer, 1,0. Begin met het startbestand van de opdracht (klantpartnerschap.student.yaml): vul bij elk item de houding (stance) en je redenering (reasoning) in, controleer je case met \\`casebook check\\` en lever hem opnieuw in.\n"
    );
    assert_eq!(
        feedback("ander.md").expect("another case's feedback"),
        "# Feedback: ander\n\nJe case (ander.yaml) is geen uitwerking van de case van deze opdracht (Klantpartnerschap-voorbeeld): een andere organisatie, of minder dan de helft van de items van de opdracht. Daarom is hij niet beoordeeld. Begin met het startbestand van de opdracht (klantpartnerschap.student.yaml) en lever opnieuw in.\n"
    );
    assert!(!out.join("feedback/starter.pdf").exists());
    // The differences grouped by kind, each kind explained once: Bram's 48 opposite stances
    // under one heading and one explanation, not the same sentence on 48 rows.
    let bram = feedback("bram-omgekeerd.md").expect("Bram's feedback");
    assert!(bram.contains("\n#### Tegengesteld (48)\n\nJe argumenteert de andere kant op: waar het item bij het model voor de waardestrategie pleit, pleit het bij jou ertegen, of andersom."), "{bram}");
    assert_eq!(bram.matches("Je argumenteert de andere kant op").count(), 1);
    assert!(bram.contains("\n| Item | Waardestrategie | Jij |\n| --- | --- | --- |\n| M1 | klantpartnerschap | − |\n"), "{bram}");
    assert!(bram.contains("\n#### Dezelfde redenering als bij andere items (49)\n\nJe gebruikt (bijna) dezelfde redenering voor drie of meer items: alleen de eerste telt mee."), "{bram}");
    // The mark and the verdicts per ground say what each judges.
    assert!(
        bram.contains("**Cijfer voor je case als geheel: 2,2** — onvoldoende"),
        "{bram}"
    );
    assert!(bram.contains("Dit gaat over de onderbouwing per grond, niet over je cijfer: ✓ betekent dat je tot hetzelfde oordeel komt als het model, ✗ dat jouw oordeel anders is."), "{bram}");
    // On a phone the explanation of each component goes under it (a row of its own), not
    // off-screen to the right.
    let html = feedback("bram-omgekeerd.html").expect("Bram's HTML feedback");
    assert!(html.contains("<table class=\"components\">"), "{html}");
    assert!(
        html.contains("<td>16 %</td><td class=\"detail\">9 gelijk,"),
        "{html}"
    );
    assert!(html.contains(".comparison table.components td.detail { grid-column: 1 / -1;"));
    // The PDF feedback: the comparison above the student's own report.
    let pdf = crate::pdfread::Pdf::read(
        &std::fs::read(out.join("feedback/bram-omgekeerd.pdf")).expect("the PDF feedback"),
    );
    let text = crate::pdfread::normalise(&pdf.text());
    for expected in [
        "FEEDBACK OP JE EIGEN CASE",
        "Vergelijking met het modelantwoord",
        "Cijfer voor je case als geheel",
        "Oordeel over je analyse",
        "cijfer = 1 + 9 × 0,13 = 2,2",
        "Je argumenteert de andere kant op",
        "Tegengesteld (48)",
        "Per standpunt: item, waardestrategie: jouw standpunt.",
        "M1 klantpartnerschap: −",
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
    // Work like the model's, under "check these" with its items.
    assert!(
        overview.contains(
            "<h2 id=\"model-copy\">Controleer deze: bijna gelijk aan het modelantwoord</h2>"
        ),
        "{overview}"
    );
    assert!(
        overview.contains("<li><a href=\"feedback/anna-kopie.html\">Anna Kopie</a>: alle redeneringen samen: 100 %; items: D1 klantpartnerschap, D4 klantpartnerschap, M1 klantpartnerschap, M2 klantpartnerschap, M3 klantpartnerschap</li>"),
        "{overview}"
    );
    // The signals in the teacher's language, and no warnings count for what was not compared.
    for sentence in [
        "<details><summary>EMPTY</summary><p>niets geschreven buiten wat de opdracht gaf (geen eigen standpunt of redenering): het laagste cijfer</p></details>",
        "<details><summary>OTHER-CASE</summary><p>geen uitwerking van deze case (een andere organisatie, of minder dan de helft van de items van het model): geen cijfer</p></details>",
        "<details><summary>MODEL-COPY</summary><p>redeneringen voor ten minste 90 % gelijk aan die van het modelantwoord; het cijfer is berekend, controleer het voor je het geeft (alle redeneringen samen: 100 %; items: D1 klantpartnerschap, D4 klantpartnerschap, M1 klantpartnerschap, M2 klantpartnerschap, M3 klantpartnerschap)</p></details>",
        "<details><summary>REPEATED-REASONING</summary><p>dezelfde redenering bij drie of meer items; alleen de eerste telt mee (items: ",
        "<details><summary>SIMILAR-WORK</summary><p>bijna gelijk aan het werk van een andere student (zie de groepen hieronder)</p></details>",
    ] {
        assert!(overview.contains(sentence), "{sentence} not in {overview}");
    }
    assert!(
        overview.contains("<td class=\"status-failed\">niet te lezen</td>\n<td class=\"num\" data-value=\"-1.0\"></td>\n<td class=\"num\" data-value=\"-1\"></td><td class=\"num\" data-value=\"-1\"></td><td class=\"num\" data-value=\"-1\"></td><td class=\"num\" data-value=\"-1\"></td>\n<td class=\"num\" data-value=\"-1\">—</td>"),
        "{overview}"
    );
}

/// Runs of this many words of the model's reasoning are its sentences (as in the hand-out's
/// leak test).
const RUN: usize = 6;

/// Lower-case words of letters and digits.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn runs(text: &str) -> std::collections::HashSet<String> {
    words(text).windows(RUN).map(|w| w.join(" ")).collect()
}

/// What a student may be given: the feedback files (the PDF's and the Word document's text)
/// and `grades.json`.
fn student_facing(out: &Path) -> Vec<(String, String)> {
    let mut found = vec![(
        "grades.json".to_string(),
        std::fs::read_to_string(out.join("grades.json")).expect("grades.json"),
    )];
    for entry in std::fs::read_dir(out.join("feedback")).expect("feedback/") {
        let path = entry.expect("a folder entry").path();
        let bytes = std::fs::read(&path).expect("a feedback file");
        let text = if path.extension().is_some_and(|e| e == "pdf") {
            crate::pdfread::normalise(&crate::pdfread::Pdf::read(&bytes).text())
        } else if path.extension().is_some_and(|e| e == "docx") {
            crate::docx::text(&bytes)
        } else {
            String::from_utf8_lossy(&bytes).into_owned()
        };
        found.push((path.display().to_string(), text));
    }
    found
}

/// Without `--reveal` no student-facing file shows the model's stance next to an item id or a
/// sentence of its reasoning, apart from what the student wrote themselves; with it, they do.
#[test]
fn no_answer_of_the_model_without_reveal_in_any_student_facing_file() {
    let model = casebook::read::load_case(&crate::support::root().join(KEY)).expect("the model");
    // Students whose own case holds none of the model's answers to give back to them.
    let own = |student: &str| {
        let file = fixture(&format!("grade/class/{student}"));
        std::fs::read_to_string(file).unwrap_or_default()
    };
    let students = [
        ("starter", "starter.yaml"),
        ("els-leeg", "leeg.yaml"),
        ("leeg-bestand", "leeg-bestand.yaml"),
        ("commentaar", "commentaar.yaml"),
        ("ander", "ander.yaml"),
        ("bram-omgekeerd", "omgekeerd.yaml"),
        ("cees-half", "half.yaml"),
        ("tom-sjabloon", "sjabloon.yaml"),
        ("jan", "jan/opdracht.yaml"),
    ];
    let mut sentences = Vec::new();
    let mut stances = Vec::new();
    for item in model.case.argument_items() {
        for (discipline, stance) in item.stances.iter() {
            sentences.extend(runs(&stance.reasoning.value));
            if let Some(value) = stance.stance.value.value() {
                let symbol = ["−−", "−", "0", "+", "++"][(value + 2) as usize];
                let name =
                    casebook_core::locale::Locale::builtin(casebook_core::case::Language::Nl)
                        .text(&format!("disciplines.{}", discipline.key()))
                        .to_string();
                stances.push((item.id.value.clone(), name, symbol));
            }
        }
    }
    assert!(sentences.len() > 500 && stances.len() == 57);
    let dir = tempfile::tempdir().expect("temporary folder");
    for reveal in [false, true] {
        let out = dir.path().join(format!("reveal-{reveal}"));
        let args: &[&str] = if reveal {
            &["--reveal", "--quiet", "--format", "md,html,pdf,docx"]
        } else {
            &["--format", "md,html,pdf,docx"]
        };
        let (code, stderr) = grade(&out, args);
        assert_eq!(code, 1, "{stderr}");
        // `--quiet`, as with `build`: the failures, no summary.
        assert!(stderr.contains("fout[YAML-SYNTAX]"), "{stderr}");
        assert_eq!(stderr.contains("om te controleren"), !reveal, "{stderr}");
        let files = student_facing(&out);
        let mut leaks = Vec::new();
        for (student, source) in students {
            // What the student was given: their own case, and the hand-out's facts and labels.
            let mut given = runs(&own(source));
            for handout in [
                "klantpartnerschap.student.md",
                "klantpartnerschap.student.html",
            ] {
                let path = crate::support::root()
                    .join("output/klantpartnerschap")
                    .join(handout);
                given.extend(runs(&std::fs::read_to_string(path).expect("the hand-out")));
            }
            for (name, text) in files.iter().filter(|(n, _)| {
                n.contains(&format!("feedback/{student}.")) || n.ends_with("grades.json")
            }) {
                let found = runs(text);
                let sentence = sentences
                    .iter()
                    .find(|r| found.contains(*r) && !given.contains(*r));
                if let Some(sentence) = sentence {
                    leaks.push(format!("{name}: “{sentence}”"));
                }
                for (id, discipline, symbol) in &stances {
                    for shown in [
                        format!("| {id} | {discipline} | {symbol} |"),
                        format!("{id} {discipline}: {symbol} →"),
                        // A Word table row, a line per cell.
                        format!("{id}\n{discipline}\n{symbol}\n"),
                        format!(
                            "<th scope=\"row\">{id}</th><td>{discipline}</td><td>{symbol}</td>"
                        ),
                    ] {
                        if text.contains(&shown) {
                            leaks.push(format!("{name}: {shown}"));
                        }
                    }
                }
            }
        }
        let json = &files[0].1;
        let model_stances = json.matches("\"model\": ").count();
        if reveal {
            assert!(!leaks.is_empty(), "--reveal shows the model's answers");
            assert!(model_stances > 57, "{model_stances}");
        } else {
            assert_eq!(leaks, Vec::<String>::new());
            // The verdicts per ground and the choice only (five per compared submission).
            assert_eq!(
                model_stances,
                5 * 10,
                "grades.json holds the model's stances"
            );
        }
        // The CSV with its default separator: a decimal point, no byte-order mark.
        let csv = std::fs::read(out.join("grades.csv")).expect("grades.csv");
        let (_, rows) = csv_rows(&csv, b',');
        assert_eq!(rows["Anna Kopie"][2], "10.0");
    }
}

/// A file named `feedback` in the output folder stops `grade` before any work, with one
/// message in the user's language; a file that cannot be written midway is a failure, and no
/// line points at the overview as done.
#[test]
fn nothing_is_claimed_that_was_not_written() {
    let dir = tempfile::tempdir().expect("temporary folder");
    for (lang, expected) in [
        (
            "nl",
            "fout[WRITE]: in de uitvoermap kan niet geschreven worden: er staat al een bestand met die naam\n  = tip: kies met --out een map waarin je mag schrijven, zonder een bestand met de naam `feedback` erin (er is niets beoordeeld)\n",
        ),
        (
            "en",
            "error[WRITE]: the output folder cannot be written to: a file of that name is already there\n  = hint: choose a folder you may write to with --out, without a file named `feedback` in it (nothing was graded)\n",
        ),
    ] {
        let out = dir.path().join(format!("in-the-way-{lang}"));
        std::fs::create_dir_all(&out).expect("folder");
        std::fs::write(out.join("feedback"), "").expect("a file in the way");
        let (code, stderr) = grade(&out, &["--lang", lang]);
        assert_eq!(code, 2, "{stderr}");
        assert_eq!(
            stderr,
            format!("{}: {expected}", out.join("feedback").display())
        );
        assert!(!out.join("index.html").exists());
    }
    let out = dir.path().join("midway");
    std::fs::create_dir_all(out.join("feedback/anna-kopie.html")).expect("a folder in the way");
    let (code, stderr) = grade(&out, &[]);
    assert_eq!(code, 1, "{stderr}");
    let path = out.join("feedback/anna-kopie.html");
    assert!(
        stderr.contains(&format!(
            "{}: fout[WRITE]: het bestand kan niet geschreven worden: ",
            path.display()
        )),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("10 beoordeeld, 4 leeg, 1 andere case, 1 niet te lezen, 0 geen casebook-PDF; niet alle bestanden konden worden geschreven (zie hierboven)\n"),
        "{stderr}"
    );
    // The overview does not link to the file that is not there.
    let overview = std::fs::read_to_string(out.join("index.html")).expect("index.html");
    assert!(!overview.contains("feedback/anna-kopie.html"), "{overview}");
}

/// An English model: the overview, the CSV and the feedback of an empty file and of another
/// case in English, word for word.
#[test]
fn an_english_class_gets_english_signals_and_feedback() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let class = dir.path().join("class");
    std::fs::create_dir(&class).expect("folder");
    std::fs::write(class.join("empty.yaml"), "# to do\n").expect("write");
    std::fs::copy(
        crate::support::root().join("cases/kostenleiderschap.yaml"),
        class.join("other.yaml"),
    )
    .expect("copy");
    let out = dir.path().join("grades");
    let output = casebook()
        .arg("grade")
        .arg(&class)
        .args(["--key", "cases/northwind-outfitters.yaml", "--out"])
        .arg(&out)
        .output()
        .expect("run casebook grade");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert_eq!(
        stderr,
        format!(
            "0 graded, 1 empty, 1 another case, 0 cannot be read, 0 no casebook PDF; 0 group(s) to check → {}\n",
            out.join("index.html").display()
        )
    );
    let (header, rows) = csv_rows(&std::fs::read(out.join("grades.csv")).expect("CSV"), b',');
    assert_eq!(header.last().map(String::as_str), Some("Signals"));
    assert_eq!(rows["empty"].join("|"), "empty.yaml|empty|1.0|0||||||EMPTY");
    assert_eq!(
        rows["other"].join("|"),
        "other.yaml|another case||||||||OTHER-CASE"
    );
    let feedback =
        |name: &str| std::fs::read_to_string(out.join("feedback").join(name)).expect("feedback");
    assert_eq!(
        feedback("empty.md"),
        "# Feedback: empty\n\nYour case (empty.yaml) holds nothing you wrote yourself: no stance and no reasoning. So it gets the lowest mark, 1.0. Start from the assignment's starter file (northwind-outfitters.student.yaml): fill in the stance and your reasoning for every item, check your case with \\`casebook check\\` and hand it in again.\n"
    );
    assert_eq!(
        feedback("other.md"),
        "# Feedback: other\n\nYour case (other.yaml) is not a version of this assignment's case (Operational excellence at an outdoor-gear retailer): another organisation, or fewer than half of the assignment's items. So it was not graded. Start from the assignment's starter file (northwind-outfitters.student.yaml) and hand it in again.\n"
    );
    let overview = std::fs::read_to_string(out.join("index.html")).expect("index.html");
    for sentence in [
        "<details><summary>EMPTY</summary><p>nothing written beyond what the hand-out gave (no stance or reasoning of their own): the lowest mark</p></details>",
        "<details><summary>OTHER-CASE</summary><p>not a version of this case (another organisation, or fewer than half of the model&#39;s items): no mark</p></details>",
    ] {
        assert!(overview.contains(sentence), "{sentence} not in {overview}");
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
            "{l}: fout[NO-CASES]: geen ingeleverde cases (*.yaml, *.yml, *.pdf) gevonden, behalve het modelantwoord\n  = tip: noem de map met de casebestanden van de studenten (submappen per student mogen)\n"
        )
    );
    assert_eq!(
        key_inside("en"),
        format!(
            "{l}: error[NO-CASES]: no submitted cases (*.yaml, *.yml, *.pdf) found, apart from the model answer\n  = hint: name the folder with the students' case files (a subfolder per student is fine)\n"
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

/// A student who left `casebook new`'s placeholder author is named by their folder, in the CSV
/// and in the name of their feedback, not "Naam student" or "Student name" for the whole class.
#[test]
fn the_starters_placeholder_author_does_not_name_a_student() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let class = dir.path().join("klas");
    let model = std::fs::read_to_string(KEY).expect("the model");
    for (folder, author) in [("eva", "Naam student"), ("finn", "Student name")] {
        std::fs::create_dir_all(class.join(folder)).expect("a student's folder");
        let case = by_author(&model, author);
        assert_ne!(case, model, "the model's author line changed");
        std::fs::write(class.join(folder).join("case.yaml"), case).expect("a submission");
    }
    let out = dir.path().join("grades");
    let (code, stderr) = grade_folder(&class, &out, &["--format", "md"]);
    assert_eq!(code, 0, "{stderr}");
    let (_, rows) = csv_rows(&std::fs::read(out.join("grades.csv")).expect("csv"), b',');
    assert_eq!(
        rows.keys().collect::<Vec<_>>(),
        ["eva", "finn"],
        "the students' names"
    );
    assert!(out.join("feedback/eva.md").is_file() && out.join("feedback/finn.md").is_file());
}

/// The model answer handed in by `author`.
fn by_author(model: &str, author: &str) -> String {
    model.replacen(
        "author: Docententeam Marketingplanning",
        &format!("author: {author}"),
        1,
    )
}

#[test]
fn a_second_run_removes_the_feedback_it_replaced_and_nothing_else() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let class = dir.path().join("klas");
    std::fs::create_dir_all(&class).expect("the class's folder");
    let model = std::fs::read_to_string(KEY).expect("the model");
    let by = |author: &str| by_author(&model, author);
    std::fs::write(class.join("anna.yaml"), by("Anna")).expect("a submission");
    std::fs::write(class.join("bart.yaml"), by("Bart")).expect("a submission");
    std::fs::write(class.join("cas.yaml"), by("Cas")).expect("a submission");
    let out = dir.path().join("grades");
    let run = || {
        let (code, stderr) = grade_folder(&class, &out, &["--format", "md,html"]);
        assert_eq!(code, 0, "{stderr}");
    };
    run();
    let feedback = |name: &str| out.join("feedback").join(name).is_file();
    assert!(feedback("anna.md") && feedback("bart.html") && feedback("cas.md"));
    // Anna's file gone, Bart's name corrected, Cas's work as it was; the teacher's own note.
    std::fs::remove_file(class.join("anna.yaml")).expect("a submission gone");
    std::fs::write(class.join("bart.yaml"), by("Bart Jansen")).expect("a name corrected");
    std::fs::write(out.join("feedback/aantekeningen.txt"), "mijn notities").expect("a note");
    run();
    assert!(
        !feedback("anna.md") && !feedback("anna.html"),
        "the feedback of a file gone"
    );
    assert!(
        !feedback("bart.md") && !feedback("bart.html"),
        "the feedback of the old name"
    );
    assert!(feedback("bart-jansen.md") && feedback("bart-jansen.html"));
    assert!(feedback("cas.md") && feedback("cas.html"));
    assert_eq!(
        std::fs::read_to_string(out.join("feedback/aantekeningen.txt")).expect("the note"),
        "mijn notities"
    );
}
