//! Messages a Dutch student can act on: each mistake students make (in Word, in YAML, in the
//! case format) gets its own message in the case's language, at the right line and column, with
//! the whole offending value underlined and a hint that says what to type instead. Word for word.

use std::path::Path;

use crate::support::{casebook, new_starter};

/// Writes the starter case with `from` replaced by `to` as `name.yaml` in `dir`.
fn starter_with(dir: &Path, name: &str, from: &str, to: &str) {
    let starter = dir.join("starter.yaml");
    if !starter.is_file() {
        new_starter(&starter);
    }
    let text = std::fs::read_to_string(&starter).expect("starter");
    assert!(text.contains(from), "the starter no longer holds `{from}`");
    std::fs::write(dir.join(format!("{name}.yaml")), text.replacen(from, to, 1)).expect("write");
}

/// `casebook --lang en new en.yaml` in `dir`: the file and its text.
fn english_starter(dir: &Path) -> (std::path::PathBuf, String) {
    let path = dir.join("en.yaml");
    casebook()
        .args(["--lang", "en", "new"])
        .arg(&path)
        .assert()
        .success();
    let text = std::fs::read_to_string(&path).expect("starter");
    (path, text)
}

/// `casebook check FILE` in `dir`: (exit code, stdout).
fn check(dir: &Path, file: &str, args: &[&str]) -> (i32, String) {
    let output = casebook()
        .current_dir(dir)
        .args(args)
        .args(["check", file])
        .output()
        .expect("check");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

#[test]
fn every_mistake_gets_its_own_dutch_message_at_its_place() {
    let cases = [
        (
            "empty-text",
            "text: Een kans in de markt.",
            "text:",
            "empty-text.yaml:69:7: fout[EMPTY-TEXT]: `text` is leeg\n   |\n69 |       text:\n   |       ^^^^\n  = tip: schrijf de tekst, of laat de sleutel weg als die niet verplicht is\n",
        ),
        (
            "yes",
            "stance: \"+\"\n          reasoning: >-\n            Waarom deze sterkte",
            "stance: yes\n          reasoning: >-\n            Waarom deze sterkte",
            "yes.yaml:55:19: fout[STANCE-RANGE]: de houding `yes` staat niet op de schaal (S1)\n   |\n55 |           stance: yes\n   |                   ^^^\n  = tip: schrijf --, -, 0, + of ++ (of -2 … 2); zet een losse min tussen aanhalingstekens: \"-\"\n",
        ),
        (
            "dash",
            "stance: \"+\"\n          reasoning: >-\n            Waarom deze sterkte",
            "stance: \u{2013}\n          reasoning: >-\n            Waarom deze sterkte",
            "dash.yaml:55:19: fout[STANCE-RANGE]: `\u{2013}` is een gedachtestreepje (dat Word van een getypte min maakt), geen min (S1)\n   |\n55 |           stance: \u{2013}\n   |                   ^\n  = tip: typ de mintoets van je toetsenbord, tussen aanhalingstekens: stance: \"-\" (of \"--\")\n",
        ),
        (
            "tilde",
            "stance: \"+\"\n          reasoning: >-\n            Waarom deze sterkte",
            "stance: ~\n          reasoning: >-\n            Waarom deze sterkte",
            "tilde.yaml:55:19: fout[STANCE-RANGE]: de houding is leeg (S1)\n   |\n55 |           stance: ~\n   |                   ^\n  = tip: schrijf --, -, 0, + of ++ na `stance:`; een losse min tussen aanhalingstekens: \"-\"\n",
        ),
        (
            "list",
            "stance: \"+\"\n          reasoning: >-\n            Waarom deze sterkte",
            "stance: [+]\n          reasoning: >-\n            Waarom deze sterkte",
            "list.yaml:55:19: fout[STANCE-RANGE]: de houding `[+]` staat niet op de schaal (S1)\n   |\n55 |           stance: [+]\n   |                   ^^^\n  = tip: schrijf --, -, 0, + of ++ (of -2 … 2); zet een losse min tussen aanhalingstekens: \"-\"\n",
        ),
        (
            "fraction",
            "stance: \"+\"\n          reasoning: >-\n            Waarom deze sterkte",
            "stance: 1.5\n          reasoning: >-\n            Waarom deze sterkte",
            "fraction.yaml:55:19: fout[STANCE-RANGE]: de houding `1.5` staat niet op de schaal (S1)\n   |\n55 |           stance: 1.5\n   |                   ^^^\n  = tip: schrijf --, -, 0, + of ++ (of -2 … 2); zet een losse min tussen aanhalingstekens: \"-\"\n",
        ),
        (
            "flow-minus",
            "        customer_intimacy:\n          stance: \"+\"\n          reasoning: >-\n            Waarom deze sterkte de keuze ondersteunt.",
            "        customer_intimacy: { stance: -, reasoning: Waarom deze sterkte de keuze ondersteunt. }",
            "flow-minus.yaml:54:38: fout[STANCE-RANGE]: de houding voor klantpartnerschap is een losse min, die YAML leest als het begin van een lijst (S1)\n   |\n54 |         customer_intimacy: { stance: -, reasoning: Waarom deze sterkte de keuze ondersteunt. }\n   |                                      ^\n  = tip: zet de min tussen aanhalingstekens: stance: \"-\"\n",
        ),
        (
            "block-minus",
            "stance: \"+\"\n          reasoning: >-\n            Waarom deze sterkte",
            "stance: -\n          reasoning: >-\n            Waarom deze sterkte",
            "block-minus.yaml:55:19: fout[STANCE-RANGE]: de houding voor klantpartnerschap is een losse min, die YAML leest als het begin van een lijst (S1)\n   |\n55 |           stance: -\n   |                   ^\n  = tip: zet de min tussen aanhalingstekens: stance: \"-\"\n",
        ),
        (
            "comma",
            "        customer_intimacy:\n          stance: \"+\"\n          reasoning: >-\n            Waarom deze sterkte de keuze ondersteunt.",
            "        customer_intimacy: { stance: \"+\", reasoning: Ze zijn trouw, want ze krijgen service. }",
            "comma.yaml:54:69: fout[UNKNOWN-KEY]: na de komma in de tekst leest YAML `want ze krijgen service.` als een nieuwe sleutel binnen `{ … }`\n   |\n54 |         customer_intimacy: { stance: \"+\", reasoning: Ze zijn trouw, want ze krijgen service. }\n   |                                                                     ^^^^^^^^^^^^^^^^^^^^^^^^\n  = tip: schrijf de houding in blokvorm, met `stance:` en `reasoning: >-` elk op een eigen regel (zoals `casebook new` doet), of zet de hele tekst tussen dubbele aanhalingstekens\n",
        ),
        (
            // Not a stance: the braces hold a goal, so the fix is quotes, on the student's line.
            "goal-comma",
            "goals: [{id: DL1, text: \"Een doel dat uit de visie volgt.\"}]",
            "goals: [{id: DL1, text: Meer klanten, langer binden}]",
            "goal-comma.yaml:88:41: fout[UNKNOWN-KEY]: na de komma in de tekst leest YAML `langer binden` als een nieuwe sleutel binnen `{ … }`\n   |\n88 |   goals: [{id: DL1, text: Meer klanten, langer binden}]\n   |                                         ^^^^^^^^^^^^^\n  = tip: zet de tekst tussen aanhalingstekens: goals: [{id: DL1, text: \"Meer klanten, langer binden\"}]\n",
        ),
        (
            "goal-colon",
            "goals: [{id: DL1, text: \"Een doel dat uit de visie volgt.\"}]",
            "goals: [{id: DL1, text: Let op: meer klanten}]",
            "goal-colon.yaml:88:33: fout[YAML-SYNTAX]: de tekst bevat `: `, wat YAML binnen `{ … }` als een nieuwe sleutel leest\n   |\n88 |   goals: [{id: DL1, text: Let op: meer klanten}]\n   |                                 ^\n  = tip: zet de tekst tussen aanhalingstekens: goals: [{id: DL1, text: \"Let op: meer klanten\"}]\n",
        ),
        (
            // The comment hides `}]`: the parser stumbles two lines later, the student hears of the `#`.
            "goal-hash",
            "goals: [{id: DL1, text: \"Een doel dat uit de visie volgt.\"}]",
            "goals: [{id: DL1, text: Klant #1 blijft}]",
            "goal-hash.yaml:88:33: fout[YAML-SYNTAX]: ` #` begint in YAML een opmerking: de rest van deze regel, met de sluitende `}`, wordt overgeslagen\n   |\n88 |   goals: [{id: DL1, text: Klant #1 blijft}]\n   |                                 ^^^^^^^^^\n  = tip: zet de tekst tussen aanhalingstekens: goals: [{id: DL1, text: \"Klant #1 blijft\"}]\n",
        ),
        (
            "baseline-comma",
            "baseline: 55",
            "baseline: 5,5",
            "baseline-comma.yaml:94:17: fout[WRONG-TYPE]: `5,5` is geen getal\n   |\n94 |       baseline: 5,5\n   |                 ^^^\n  = tip: schrijf een kaal getal met een decimale punt, bijvoorbeeld 7.83 (niet 7,83 en zonder %)\n",
        ),
        (
            "colon",
            "        customer_intimacy:\n          stance: \"+\"\n          reasoning: >-\n            Waarom deze sterkte de keuze ondersteunt.",
            "        customer_intimacy: { stance: \"+\", reasoning: Let op: ze krijgen service. }",
            "colon.yaml:54:60: fout[YAML-SYNTAX]: de tekst bevat `: `, wat YAML binnen `{ … }` als een nieuwe sleutel leest\n   |\n54 |         customer_intimacy: { stance: \"+\", reasoning: Let op: ze krijgen service. }\n   |                                                            ^\n  = tip: schrijf de houding in blokvorm, met `stance:` en `reasoning: >-` elk op een eigen regel (zoals `casebook new` doet), of zet de hele tekst tussen dubbele aanhalingstekens\n",
        ),
        (
            "hash",
            "        customer_intimacy:\n          stance: \"+\"\n          reasoning: >-\n            Waarom deze sterkte de keuze ondersteunt.",
            "        customer_intimacy: { stance: \"+\", reasoning: Klant nummer #1 krijgt service. }",
            "hash.yaml:54:67: fout[YAML-SYNTAX]: ` #` begint in YAML een opmerking: de rest van deze regel, met de sluitende `}`, wordt overgeslagen\n   |\n54 |         customer_intimacy: { stance: \"+\", reasoning: Klant nummer #1 krijgt service. }\n   |                                                                   ^^^^^^^^^^^^^^^^^^\n  = tip: schrijf de houding in blokvorm, met `stance:` en `reasoning: >-` elk op een eigen regel (zoals `casebook new` doet), of zet de hele tekst tussen dubbele aanhalingstekens\n",
        ),
        (
            "vertical-tab",
            "text: Een kans in de markt.",
            "text: Een kans\u{B}in de markt.",
            "vertical-tab.yaml:69:21: fout[CONTROL-CHARACTER]: hier staat, onzichtbaar, een harde regelafbreking uit Word (U+000B)\n   |\n69 |       text: Een kans␋in de markt.\n   |                     ^\n  = tip: verwijder hem (hier getoond als ␋) en typ er een gewone spatie voor in de plaats; Word maakt dit teken met Shift+Enter\n",
        ),
        (
            "nbsp",
            "      text: Een kans in de markt.",
            "\u{A0}     text: Een kans in de markt.",
            "nbsp.yaml:69:1: fout[YAML-SYNTAX]: een vaste spatie (U+00A0) in de inspringing\n   |\n69 | ·     text: Een kans in de markt.\n   | ^^^^^^\n  = tip: verwijder de inspringing van deze regel (hier getoond als ·) en spring opnieuw in met gewone spaties; vaste spaties komen mee met tekst die uit Word of een webpagina is gekopieerd\n",
        ),
        (
            "key-underline",
            "  strengths:",
            "  customer intimacy:",
            "key-underline.yaml:50:3: fout[UNKNOWN-KEY]: onbekende sleutel `customer intimacy`\n   |\n50 |   customer intimacy:\n   |   ^^^^^^^^^^^^^^^^^\n  = tip: toegestane sleutels hier: introduction, assignment, strengths, weaknesses, opportunities, threats, confrontation, conclusion\n",
        ),
        (
            "date",
            "date: 2025-09-01",
            "date: 14 oktober 2025",
            "date.yaml:15:9: fout[BAD-DATE]: `14 oktober 2025` is geen datum in de vorm JJJJ-MM-DD\n   |\n15 |   date: 14 oktober 2025\n   |         ^^^^^^^^^^^^^^^\n  = tip: schrijf de datum als jaar-maand-dag, bijvoorbeeld 2025-09-01\n",
        ),
        (
            "no-choice",
            "choice: customer_intimacy\n",
            "",
            "no-choice.yaml:26:1: fout[MISSING-KEY]: de verplichte sleutel `choice` ontbreekt; hij hoort boven deze regel\n   |\n26 | higher_decisions:\n   | ^^^^^^^^^^^^^^^^\n  = tip: voeg boven deze regel een van deze toe: `choice: customer_intimacy` (klantpartnerschap), `choice: operational_excellence` (kostenleiderschap) of `choice: product_leadership` (productleiderschap)\n",
        ),
        (
            "dutch-key",
            "  strengths:",
            "  sterktes:",
            "dutch-key.yaml:50:3: fout[UNKNOWN-KEY]: onbekende sleutel `sterktes`\n   |\n50 |   sterktes:\n   |   ^^^^^^^^\n  = tip: de sleutels zijn Engels, ook in een Nederlandse case: schrijf `strengths`\n",
        ),
        (
            "smart-quotes",
            "title: Onderbouwing van de waardestrategie",
            "title: \u{201C}Onderbouwing: de waardestrategie\u{201D}",
            "smart-quotes.yaml:11:23: fout[YAML-SYNTAX]: de tekst na `title:` staat tussen gekrulde aanhalingstekens (\u{201C} \u{201D}), die YAML niet als aanhalingstekens leest; daardoor begint de `: ` erin een nieuwe sleutel\n   |\n11 |   title: \u{201C}Onderbouwing: de waardestrategie\u{201D}\n   |                       ^\n  = tip: vervang \u{201C} en \u{201D} door rechte dubbele aanhalingstekens: title: \"…\"\n",
        ),
        (
            "zero-width",
            "  author: Naam",
            "  auth\u{200B}or: Naam",
            "zero-width.yaml:13:3: fout[CONTROL-CHARACTER]: de sleutel `author` bevat een onzichtbaar teken zonder breedte (U+200B)\n   |\n13 |   auth⸱or: Naam student\n   |   ^^^^^^^\n  = tip: verwijder de sleutel en typ hem opnieuw: `author:`\n",
        ),
        (
            "emoji",
            "text: Een kans in de markt.",
            "text: Een kans in de markt 🚀.",
            "emoji.yaml:69:13: waarschuwing[PDF-GLYPH]: de PDF toont 🚀 (U+1F680) als □: geen van de ingebouwde lettertypen heeft deze tekens (K1)\n   |\n69 |       text: Een kans in de markt 🚀.\n   |             ^^^^^^^^^^^^^^^^^^^^^^^\n  = tip: de HTML- en Markdown-rapporten tonen ze zoals geschreven; gebruik in de PDF woorden in plaats van emoji of zeldzame schriften\n",
        ),
        (
            // In the block style of the starter, a comma, `: ` and ` #` are ordinary prose.
            "block-prose",
            "Waarom deze sterkte de keuze ondersteunt.",
            "Ze zijn trouw, want: klant #1 krijgt service.",
            "",
        ),
        (
            // The starter's goal sits in `{ … }`, its text in quotes: commas and `: ` are prose too.
            "goal-prose",
            "Een doel dat uit de visie volgt.",
            "Meer klanten, langer binden: groei.",
            "",
        ),
    ];
    let dir = tempfile::tempdir().expect("temporary folder");
    for (name, from, to, expected) in cases {
        starter_with(dir.path(), name, from, to);
        let (code, out) = check(dir.path(), &format!("{name}.yaml"), &[]);
        assert_eq!(out, expected, "{name}");
        let wanted = if expected.contains(": fout[") { 1 } else { 0 };
        assert_eq!(code, wanted, "{name}: {out}");
    }
}

#[test]
fn an_english_objective_named_like_an_opportunity_is_told_about_ob() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let (path, text) = english_starter(dir.path());
    std::fs::write(&path, text.replacen("- id: OB1", "- id: O1", 1)).expect("write");
    let (code, out) = check(dir.path(), "en.yaml", &["--lang", "en"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(
            "en.yaml:88:11: error[DUPLICATE-ID]: the id O1 is used twice (first on line 66)
   |
88 |     - id: O1
   |           ^^
  = hint: in an English case, opportunities are O1, O2, … and objectives are OB1, OB2, …: give the objective the id OB1
"
        ),
        "{out}"
    );
}

#[test]
fn a_rubric_with_a_decimal_comma_says_to_write_a_point() {
    let dir = tempfile::tempdir().expect("temporary folder");
    starter_with(dir.path(), "case", "choice:", "choice:");
    std::fs::write(dir.path().join("casebook.toml"), "weak = \"0,9\"\n").expect("rubric");
    let output = casebook()
        .current_dir(dir.path())
        .args(["check", "."])
        .output()
        .expect("check");
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "./casebook.toml:1:8: fout[RUBRIC]: `weak = \"0,9\"` is geen getal
  = tip: schrijf het getal zonder aanhalingstekens en met een decimale punt: weak = 0.9
"
    );
}

#[test]
fn the_cli_speaks_the_users_language() {
    let dir = tempfile::tempdir().expect("temporary folder");
    starter_with(dir.path(), "case", "choice:", "choice:");
    let run = |args: &[&str], lang: &str| {
        let output = casebook()
            .current_dir(dir.path())
            .env("LANG", lang)
            .args(args)
            .args(["check", "case.yaml"])
            .output()
            .expect("check");
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    let dutch = "1 case(s) gecontroleerd: 0 met fouten, 0 fout(en), 0 waarschuwing(en)\n";
    let english = "checked 1 case(s): 0 with errors, 0 error(s), 0 warning(s)\n";
    assert_eq!(run(&[], "nl_NL.UTF-8"), dutch);
    assert_eq!(run(&[], "C"), dutch);
    assert_eq!(run(&[], "en_GB.UTF-8"), english);
    assert_eq!(run(&["--lang", "en"], "nl_NL.UTF-8"), english);
}

#[test]
fn english_cases_get_the_comma_and_the_lone_minus_in_english() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let (path, text) = english_starter(dir.path());
    let goal = "goals: [{id: G1, text: \"A goal that follows from the vision.\"}]";
    let minus = "stance: \"+\"\n          reasoning: >-";
    assert!(
        text.contains(goal) && text.contains(minus),
        "the starter changed"
    );
    let cases = [
        (
            goal,
            "goals: [{id: G1, text: More customers, kept longer}]",
            "en.yaml:86:42: error[UNKNOWN-KEY]: after the comma in the text, YAML reads `kept longer` as a new key inside `{ … }`
   |
86 |   goals: [{id: G1, text: More customers, kept longer}]
   |                                          ^^^^^^^^^^^
  = hint: put the text in quotes: goals: [{id: G1, text: \"More customers, kept longer\"}]
",
        ),
        (
            minus,
            "stance: -\n          reasoning: >-",
            "en.yaml:53:19: error[STANCE-RANGE]: the stance for customer intimacy is a lone minus, which YAML reads as the start of a list (S1)
   |
53 |           stance: -
   |                   ^
  = hint: put the minus in quotes: stance: \"-\"
",
        ),
    ];
    for (from, to, expected) in cases {
        std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
        let (code, out) = check(dir.path(), "en.yaml", &["--lang", "en"]);
        assert_eq!((code, out.as_str()), (1, expected));
    }
}

#[test]
fn a_misspelt_rubric_key_is_matched_with_the_keys_of_its_own_section() {
    let dir = tempfile::tempdir().expect("temporary folder");
    starter_with(dir.path(), "case", "choice:", "choice:");
    let run = |rubric: &str, lang: &str| {
        std::fs::write(dir.path().join("casebook.toml"), rubric).expect("rubric");
        let output = casebook()
            .current_dir(dir.path())
            .args(["--lang", lang, "check", "."])
            .output()
            .expect("check");
        assert_eq!(output.status.code(), Some(2));
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    assert_eq!(
        run("weak = 0.2\n\n[grade]\nstancs = 0.5\n", "nl"),
        "./casebook.toml:4:1: fout[RUBRIC]: onbekende sleutel `stancs` in [grade] van de beoordelingsregels (rubric)
  = tip: bedoel je `stances`? Toegestane sleutels in [grade]: stances, reasoning, verdicts, findings, findings_allowance, scale, points, pass
"
    );
    assert_eq!(
        run("[grade]\nkleur = 1\n", "nl"),
        "./casebook.toml:2:1: fout[RUBRIC]: onbekende sleutel `kleur` in [grade] van de beoordelingsregels (rubric)
  = tip: toegestane sleutels in [grade]: stances, reasoning, verdicts, findings, findings_allowance, scale, points, pass
"
    );
    assert_eq!(
        run("substantiatd = 0.5\n[grade]\nstances = 0.5\n", "nl"),
        "./casebook.toml:1:1: fout[RUBRIC]: onbekende sleutel `substantiatd` in de beoordelingsregels (rubric)
  = tip: bedoel je `substantiated`? Toegestane sleutels: substantiated, weak, thin_margin, smart_a, smart_r, worksheet_lines, [grade]
"
    );
    assert_eq!(
        run("[grade]\nstancs = 0.5\n", "en"),
        "./casebook.toml:2:1: error[RUBRIC]: unknown key `stancs` in [grade] of the rubric
  = hint: did you mean `stances`? Allowed keys in [grade]: stances, reasoning, verdicts, findings, findings_allowance, scale, points, pass
"
    );
}
