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
            "dash.yaml:55:19: fout[STANCE-RANGE]: `\u{2013}` is een gedachtestreepje (dat Word van een getypte min maakt), geen min (S1)\n   |\n55 |           stance: \u{2013}\n   |                   ^\n  = tip: typ de mintoets van je toetsenbord, tussen aanhalingstekens: stance: \"-\" (of \"--\")\n  = oplossing: regel 55 wordt ‘          stance: \"-\"’\n",
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
            "flow-minus.yaml:54:38: fout[STANCE-RANGE]: de houding voor klantpartnerschap is een losse min, die YAML leest als het begin van een lijst (S1)\n   |\n54 |         customer_intimacy: { stance: -, reasoning: Waarom deze sterkte de keuze ondersteunt. }\n   |                                      ^\n  = tip: zet de min tussen aanhalingstekens: stance: \"-\"\n  = oplossing: regel 54 wordt ‘        customer_intimacy: { stance: \"-\", reasoning: Waarom deze sterkte de keuze ondersteunt. }’\n",
        ),
        (
            "block-minus",
            "stance: \"+\"\n          reasoning: >-\n            Waarom deze sterkte",
            "stance: -\n          reasoning: >-\n            Waarom deze sterkte",
            "block-minus.yaml:55:19: fout[STANCE-RANGE]: de houding voor klantpartnerschap is een losse min, die YAML leest als het begin van een lijst (S1)\n   |\n55 |           stance: -\n   |                   ^\n  = tip: zet de min tussen aanhalingstekens: stance: \"-\"\n  = oplossing: regel 55 wordt ‘          stance: \"-\"’\n",
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
            "goal-comma.yaml:88:41: fout[UNKNOWN-KEY]: na de komma in de tekst leest YAML `langer binden` als een nieuwe sleutel binnen `{ … }`\n   |\n88 |   goals: [{id: DL1, text: Meer klanten, langer binden}]\n   |                                         ^^^^^^^^^^^^^\n  = tip: zet de tekst tussen aanhalingstekens: goals: [{id: DL1, text: \"Meer klanten, langer binden\"}]\n  = oplossing: regel 88 wordt ‘  goals: [{id: DL1, text: \"Meer klanten, langer binden\"}]’\n",
        ),
        (
            "goal-colon",
            "goals: [{id: DL1, text: \"Een doel dat uit de visie volgt.\"}]",
            "goals: [{id: DL1, text: Let op: meer klanten}]",
            "goal-colon.yaml:88:33: fout[YAML-SYNTAX]: de tekst bevat `: `, wat YAML binnen `{ … }` als een nieuwe sleutel leest\n   |\n88 |   goals: [{id: DL1, text: Let op: meer klanten}]\n   |                                 ^\n  = tip: zet de tekst tussen aanhalingstekens: goals: [{id: DL1, text: \"Let op: meer klanten\"}]\n  = oplossing: regel 88 wordt ‘  goals: [{id: DL1, text: \"Let op: meer klanten\"}]’\n",
        ),
        (
            // The comment hides `}]`: the parser stumbles two lines later, the student hears of the `#`.
            "goal-hash",
            "goals: [{id: DL1, text: \"Een doel dat uit de visie volgt.\"}]",
            "goals: [{id: DL1, text: Klant #1 blijft}]",
            "goal-hash.yaml:88:33: fout[YAML-SYNTAX]: ` #` begint in YAML een opmerking: de rest van deze regel, met de sluitende `}`, wordt overgeslagen\n   |\n88 |   goals: [{id: DL1, text: Klant #1 blijft}]\n   |                                 ^^^^^^^^^\n  = tip: zet de tekst tussen aanhalingstekens: goals: [{id: DL1, text: \"Klant #1 blijft\"}]\n  = oplossing: regel 88 wordt ‘  goals: [{id: DL1, text: \"Klant #1 blijft\"}]’\n",
        ),
        (
            "baseline-comma",
            "baseline: 55",
            "baseline: 5,5",
            "baseline-comma.yaml:94:17: fout[WRONG-TYPE]: de nulmeting `5,5` is een getal met een komma; casebook leest het als tekst (D1)\n   |\n94 |       baseline: 5,5\n   |                 ^^^\n  = tip: schrijf het getal met een punt: baseline: 5.5\n  = oplossing: regel 94 wordt ‘      baseline: 5.5’\n",
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
            "dutch-key.yaml:50:3: fout[UNKNOWN-KEY]: onbekende sleutel `sterktes`\n   |\n50 |   sterktes:\n   |   ^^^^^^^^\n  = tip: de sleutels zijn Engels, ook in een Nederlandse case: schrijf `strengths`\n  = oplossing: regel 50 wordt ‘  strengths:’\n",
        ),
        (
            "smart-quotes",
            "title: Onderbouwing van de waardestrategie",
            "title: \u{201C}Onderbouwing: de waardestrategie\u{201D}",
            "smart-quotes.yaml:11:23: fout[YAML-SYNTAX]: de tekst na `title:` staat tussen gekrulde aanhalingstekens (\u{201C} \u{201D}), die YAML niet als aanhalingstekens leest; daardoor begint de `: ` erin een nieuwe sleutel\n   |\n11 |   title: \u{201C}Onderbouwing: de waardestrategie\u{201D}\n   |                       ^\n  = tip: vervang \u{201C} en \u{201D} door rechte dubbele aanhalingstekens: title: \"…\"\n  = oplossing: regel 11 wordt ‘  title: \"Onderbouwing: de waardestrategie\"’\n",
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
            "emoji.yaml:69:34: waarschuwing[PDF-GLYPH]: de PDF toont 🚀 (U+1F680) als □: geen van de ingebouwde lettertypen heeft deze tekens (K1)\n   |\n69 |       text: Een kans in de markt 🚀.\n   |                                  ^^\n  = tip: de HTML- en Markdown-rapporten tonen ze zoals geschreven; gebruik in de PDF woorden in plaats van emoji of zeldzame schriften\n",
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
  = fix: line 86 becomes ‘  goals: [{id: G1, text: \"More customers, kept longer\"}]’
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
  = fix: line 53 becomes ‘          stance: \"-\"’
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

#[test]
fn what_a_student_pastes_from_word_is_named_once_in_dutch() {
    let cases = [
        (
            "empty-reasoning",
            "reasoning: >-\n            Waarom deze sterkte de keuze ondersteunt.",
            "reasoning: \"\"",
            "empty-reasoning.yaml:56:11: waarschuwing[REASONING-MISSING]: S1 heeft een houding tegenover klantpartnerschap, maar geen redenering.\n   |\n56 |           reasoning: \"\"\n   |           ^^^^^^^^^\n  = tip: Schrijf onder reasoning waarom S1 voor of tegen klantpartnerschap pleit; een houding zonder redenering onderbouwt niets.\n",
        ),
        (
            "empty-block",
            "reasoning: >-\n            Waarom deze sterkte de keuze ondersteunt.\n",
            "reasoning: >-\n",
            "empty-block.yaml:56:11: waarschuwing[REASONING-MISSING]: S1 heeft een houding tegenover klantpartnerschap, maar geen redenering.\n   |\n56 |           reasoning: >-\n   |           ^^^^^^^^^\n  = tip: Schrijf onder reasoning waarom S1 voor of tegen klantpartnerschap pleit; een houding zonder redenering onderbouwt niets.\n",
        ),
        (
            "hash",
            "text: Een sterkte van de organisatie.",
            "text: Monteurs #1 in Utrecht met 20+ jaar ervaring",
            "hash.yaml:52:22: waarschuwing[COMMENT-IN-TEXT]: YAML leest alles vanaf ` #` als een opmerking: `text` is alleen `Monteurs`, en `#1 in Utrecht met 20+ jaar ervaring` valt weg (S1)\n   |\n52 |       text: Monteurs #1 in Utrecht met 20+ jaar ervaring\n   |                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n  = tip: zet de hele tekst tussen dubbele aanhalingstekens: text: \"Monteurs #1 in Utrecht met 20+ jaar ervaring\", of schrijf hem ingesprongen op de regel onder `text: >-`\n",
        ),
        (
            "indent",
            "    - id: S1\n      text: Een sterkte",
            "    - id: S1\n     text: Een sterkte",
            "indent.yaml:52:6: fout[MISSING-KEY]: `text` springt 1 spatie(s) minder in dan `id` op regel 51, en hoort daardoor niet bij hetzelfde onderdeel: daar ontbreekt nu de verplichte sleutel `text`\n   |\n52 |      text: Een sterkte van de organisatie.\n   |      ^^^^\n  = tip: laat `text:` precies even ver inspringen als `id:` (kolom 7): zet er 1 spatie(s) bij\n",
        ),
        (
            "quote-in-quotes",
            "  conclusion: De conclusie over de missie als onderbouwing.",
            "  conclusion: \"De missie past bij \"maatwerk\".\"",
            "quote-in-quotes.yaml:46:36: fout[YAML-SYNTAX]: de tekst na `conclusion:` bevat zelf een aanhalingsteken, dat de tekst te vroeg afsluit: daarna staat nog `maatwerk\".\"`\n   |\n46 |   conclusion: \"De missie past bij \"maatwerk\".\"\n   |                                    ^^^^^^^^^^^\n  = tip: zet de tekst tussen aanhalingstekens van de andere soort: conclusion: 'De missie past bij \"maatwerk\".'; of schrijf hem ingesprongen op de regel onder `conclusion: >-`, dan zijn aanhalingstekens gewoon tekst\n  = oplossing: regel 46 wordt ‘  conclusion: 'De missie past bij \"maatwerk\".'’\n",
        ),
        (
            "after-quote",
            "  vision: De visie van de organisatie.",
            "  vision: 'Dé fietspartner van Utrecht'.",
            "after-quote.yaml:87:40: fout[YAML-SYNTAX]: na het sluitende aanhalingsteken van `vision:` staat nog `.`\n   |\n87 |   vision: 'Dé fietspartner van Utrecht'.\n   |                                        ^\n  = tip: zet alles binnen de aanhalingstekens: vision: \"Dé fietspartner van Utrecht.\"\n  = oplossing: regel 87 wordt ‘  vision: \"Dé fietspartner van Utrecht.\"’\n",
        ),
        (
            "curly-stance",
            "stance: \"+\"\n          reasoning: >-\n            Waarom deze sterkte",
            "stance: “+”\n          reasoning: >-\n            Waarom deze sterkte",
            "curly-stance.yaml:55:19: fout[STANCE-RANGE]: de houding `“+”` staat tussen gekrulde aanhalingstekens (“ ”), die Word maakt en YAML niet als aanhalingstekens leest (S1)\n   |\n55 |           stance: “+”\n   |                   ^^^\n  = tip: vervang “ en ” door rechte dubbele aanhalingstekens: stance: \"+\"\n  = oplossing: regel 55 wordt ‘          stance: \"+\"’\n",
        ),
        (
            "lowercase-id",
            "    - id: S1\n",
            "    - id: s1\n",
            "lowercase-id.yaml:51:11: fout[ID-PREFIX]: het id `s1` van een sterkte moet S met een nummer zijn (1 fout(en) die hieruit volgen niet getoond)\n   |\n51 |     - id: s1\n   |           ^^\n  = tip: in een case in taal `nl` zijn de ids van sterktes S1, S2, …\n",
        ),
        (
            "wrong-letter",
            "    - id: K1\n",
            "    - id: S1\n",
            "wrong-letter.yaml:68:11: fout[ID-PREFIX]: het id `S1` van een kans moet K met een nummer zijn (2 fout(en) die hieruit volgen niet getoond)\n   |\n68 |     - id: S1\n   |           ^^\n  = tip: in een case in taal `nl` zijn de ids van kansen K1, K2, …\n",
        ),
        (
            "nbsp-key",
            "text: Een sterkte van de organisatie.",
            "text\u{a0}: Een sterkte van de organisatie.",
            "nbsp-key.yaml:52:11: fout[CONTROL-CHARACTER]: de sleutel `text` bevat een onzichtbare vaste spatie (U+00A0), zodat YAML hem niet herkent\n   |\n52 |       text·: Een sterkte van de organisatie.\n   |           ^\n  = tip: verwijder de spatie (hier getoond als ·) en schrijf de dubbele punt direct na de sleutel: `text:`; vaste spaties komen mee met tekst die uit Word of een webpagina is gekopieerd\n",
        ),
        (
            "emoji-second-line",
            "      aan de situatie.",
            "      aan de situatie 🚲.",
            "emoji-second-line.yaml:20:23: waarschuwing[PDF-GLYPH]: de PDF toont 🚲 (U+1F6B2) als □: geen van de ingebouwde lettertypen heeft deze tekens\n   |\n20 |       aan de situatie 🚲.\n   |                       ^^\n  = tip: de HTML- en Markdown-rapporten tonen ze zoals geschreven; gebruik in de PDF woorden in plaats van emoji of zeldzame schriften\n",
        ),
        (
            "baseline-text",
            "      baseline: 55\n",
            "      baseline: ongeveer de helft van de klanten\n",
            "",
        ),
        (
            "duplicate-id",
            "      - id: M1\n",
            "      - id: S1\n",
            "duplicate-id.yaml:51:11: fout[DUPLICATE-ID]: het id S1 wordt twee keer gebruikt (het eerst op regel 31; 2 fout(en) die hieruit volgen niet getoond)\n   |\n51 |     - id: S1\n   |           ^^\n  = tip: geef elk item een eigen id, bijvoorbeeld doorgenummerd: S1, S2, S3\n",
        ),
    ];
    let dir = tempfile::tempdir().expect("temporary folder");
    for (name, from, to, expected) in cases {
        starter_with(dir.path(), name, from, to);
        let (code, out) = check(dir.path(), &format!("{name}.yaml"), &[]);
        assert_eq!(out, expected, "{name}");
        let wanted = i32::from(expected.contains(": fout["));
        assert_eq!(code, wanted, "{name}: {out}");
    }
}

#[test]
fn what_a_student_pastes_from_word_is_named_once_in_english() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let (path, text) = english_starter(dir.path());
    let cases = [
        (
            "reasoning: >-\n            Why this strength supports the choice.",
            "reasoning: \"\"",
            "en.yaml:54:11: warning[REASONING-MISSING]: S1 takes a stance on customer intimacy, but gives no reasoning.\n   |\n54 |           reasoning: \"\"\n   |           ^^^^^^^^^\n  = hint: Write under reasoning why S1 argues for or against customer intimacy; a stance without reasoning substantiates nothing.\n",
        ),
        (
            "text: A strength of the organisation.",
            "text: Mechanics #1 in Utrecht with 20+ years of experience",
            "en.yaml:50:23: warning[COMMENT-IN-TEXT]: YAML reads everything from ` #` on as a comment: `text` is only `Mechanics`, and `#1 in Utrecht with 20+ years of experience` is lost (S1)\n   |\n50 |       text: Mechanics #1 in Utrecht with 20+ years of experience\n   |                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n  = hint: put the whole text in double quotes: text: \"Mechanics #1 in Utrecht with 20+ years of experience\", or write it indented on the line below `text: >-`\n",
        ),
        (
            "    - id: S1\n      text: A strength",
            "    - id: S1\n     text: A strength",
            "en.yaml:50:6: error[MISSING-KEY]: `text` is indented 1 space(s) less than `id` on line 49, so it does not belong to the same section: the required key `text` is missing there\n   |\n50 |      text: A strength of the organisation.\n   |      ^^^^\n  = hint: indent `text:` exactly as far as `id:` (column 7): add 1 space(s)\n",
        ),
        (
            "  conclusion: What the mission shows about the choice.",
            "  conclusion: \"The mission fits \"tailor-made\".\"",
            "en.yaml:44:34: error[YAML-SYNTAX]: the text after `conclusion:` holds a quote of its own, which ends the text too early: `tailor-made\".\"` follows it\n   |\n44 |   conclusion: \"The mission fits \"tailor-made\".\"\n   |                                  ^^^^^^^^^^^^^^\n  = hint: put the text between quotes of the other kind: conclusion: 'The mission fits \"tailor-made\".'; or write it indented on the line below `conclusion: >-`, where quotes are plain text\n  = fix: line 44 becomes ‘  conclusion: 'The mission fits \"tailor-made\".'’\n",
        ),
        (
            "  vision: The organisation's vision.",
            "  vision: 'The bike partner of Utrecht'.",
            "en.yaml:85:40: error[YAML-SYNTAX]: after the closing quote of `vision:` there is still `.`\n   |\n85 |   vision: 'The bike partner of Utrecht'.\n   |                                        ^\n  = hint: put all of it inside the quotes: vision: \"The bike partner of Utrecht.\"\n  = fix: line 85 becomes ‘  vision: \"The bike partner of Utrecht.\"’\n",
        ),
        (
            "stance: \"+\"\n          reasoning: >-\n            Why this strength",
            "stance: “+”\n          reasoning: >-\n            Why this strength",
            "en.yaml:53:19: error[STANCE-RANGE]: the stance `“+”` is between curly quotes (“ ”), which Word makes and YAML does not read as quotes (S1)\n   |\n53 |           stance: “+”\n   |                   ^^^\n  = hint: replace “ and ” by straight double quotes: stance: \"+\"\n  = fix: line 53 becomes ‘          stance: \"+\"’\n",
        ),
        (
            "    - id: S1\n",
            "    - id: s1\n",
            "en.yaml:49:11: error[ID-PREFIX]: the strength id `s1` should be S followed by a number (1 error(s) that follow from it not shown)\n   |\n49 |     - id: s1\n   |           ^^\n  = hint: in a case in language `en`, strength ids are S1, S2, …\n",
        ),
        (
            "text: A strength of the organisation.",
            "text\u{a0}: A strength of the organisation.",
            "en.yaml:50:11: error[CONTROL-CHARACTER]: the key `text` holds an invisible non-breaking space (U+00A0), so YAML does not recognise it\n   |\n50 |       text·: A strength of the organisation.\n   |           ^\n  = hint: remove the space (shown here as ·) and write the colon right after the key: `text:`; non-breaking spaces come with text copied from Word or a web page\n",
        ),
        (
            "      baseline: 55\n",
            "      baseline: 5,5\n",
            "en.yaml:92:17: error[WRONG-TYPE]: the baseline `5,5` is a number with a decimal comma; casebook reads it as text (OB1)\n   |\n92 |       baseline: 5,5\n   |                 ^^^\n  = hint: write the number with a point: baseline: 5.5\n  = fix: line 92 becomes ‘      baseline: 5.5’\n",
        ),
    ];
    for (from, to, expected) in cases {
        assert!(text.contains(from), "the starter no longer holds `{from}`");
        std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
        let (code, out) = check(dir.path(), "en.yaml", &["--lang", "en"]);
        assert_eq!(out, expected, "{to}");
        assert_eq!(code, i32::from(expected.contains(": error[")), "{out}");
    }
}
