//! Messages a Dutch student can act on: each mistake students make (in Word, in YAML, in the
//! case format) gets its own message in the case's language, at the right line and column, with
//! the whole offending value underlined and a hint that says what to type instead. Word for word.

use std::path::Path;

use crate::support::casebook;

/// Writes the starter case with `from` replaced by `to` as `name.yaml` in `dir`.
fn starter_with(dir: &Path, name: &str, from: &str, to: &str) {
    let starter = dir.join("starter.yaml");
    if !starter.is_file() {
        casebook().arg("new").arg(&starter).assert().success();
    }
    let text = std::fs::read_to_string(&starter).expect("starter");
    assert!(text.contains(from), "the starter no longer holds `{from}`");
    std::fs::write(dir.join(format!("{name}.yaml")), text.replacen(from, to, 1)).expect("write");
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
            "empty-text.yaml:48:7: fout[EMPTY-TEXT]: `text` is leeg\n   |\n48 |       text:\n   |       ^^^^\n  = tip: schrijf de tekst, of laat de sleutel weg als die niet verplicht is\n",
        ),
        (
            "yes",
            "{ stance: \"+\", reasoning: Waarom deze sterkte de keuze ondersteunt. }",
            "{ stance: yes, reasoning: Waarom deze sterkte de keuze ondersteunt. }",
            "yes.yaml:42:38: fout[STANCE-RANGE]: de houding `yes` staat niet op de schaal (S1)\n   |\n42 |         customer_intimacy: { stance: yes, reasoning: Waarom deze sterkte de keuze ondersteunt. }\n   |                                      ^^^\n  = tip: schrijf --, -, 0, + of ++ (of -2 … 2); zet een losse min tussen aanhalingstekens: \"-\"\n",
        ),
        (
            "dash",
            "{ stance: \"+\", reasoning: Waarom deze sterkte de keuze ondersteunt. }",
            "{ stance: \u{2013}, reasoning: Waarom deze sterkte de keuze ondersteunt. }",
            "dash.yaml:42:38: fout[STANCE-RANGE]: `\u{2013}` is een gedachtestreepje (dat Word van een getypte min maakt), geen min (S1)\n   |\n42 |         customer_intimacy: { stance: \u{2013}, reasoning: Waarom deze sterkte de keuze ondersteunt. }\n   |                                      ^\n  = tip: typ de mintoets van je toetsenbord, tussen aanhalingstekens: stance: \"-\" (of \"--\")\n",
        ),
        (
            "tilde",
            "{ stance: \"+\", reasoning: Waarom deze sterkte de keuze ondersteunt. }",
            "{ stance: ~, reasoning: Waarom deze sterkte de keuze ondersteunt. }",
            "tilde.yaml:42:38: fout[STANCE-RANGE]: de houding is leeg (S1)\n   |\n42 |         customer_intimacy: { stance: ~, reasoning: Waarom deze sterkte de keuze ondersteunt. }\n   |                                      ^\n  = tip: schrijf --, -, 0, + of ++ na `stance:`; een losse min tussen aanhalingstekens: \"-\"\n",
        ),
        (
            "list",
            "{ stance: \"+\", reasoning: Waarom deze sterkte de keuze ondersteunt. }",
            "{ stance: [+], reasoning: Waarom deze sterkte de keuze ondersteunt. }",
            "list.yaml:42:38: fout[STANCE-RANGE]: de houding `[+]` staat niet op de schaal (S1)\n   |\n42 |         customer_intimacy: { stance: [+], reasoning: Waarom deze sterkte de keuze ondersteunt. }\n   |                                      ^^^\n  = tip: schrijf --, -, 0, + of ++ (of -2 … 2); zet een losse min tussen aanhalingstekens: \"-\"\n",
        ),
        (
            "fraction",
            "{ stance: \"+\", reasoning: Waarom deze sterkte de keuze ondersteunt. }",
            "{ stance: 1.5, reasoning: Waarom deze sterkte de keuze ondersteunt. }",
            "fraction.yaml:42:38: fout[STANCE-RANGE]: de houding `1.5` staat niet op de schaal (S1)\n   |\n42 |         customer_intimacy: { stance: 1.5, reasoning: Waarom deze sterkte de keuze ondersteunt. }\n   |                                      ^^^\n  = tip: schrijf --, -, 0, + of ++ (of -2 … 2); zet een losse min tussen aanhalingstekens: \"-\"\n",
        ),
        (
            "flow-minus",
            "{ stance: \"+\", reasoning: Waarom deze sterkte de keuze ondersteunt. }",
            "{ stance: -, reasoning: Waarom deze sterkte de keuze ondersteunt. }",
            "flow-minus.yaml:42:38: fout[STANCE-RANGE]: een losse min na `stance:` leest YAML als het begin van een lijst\n   |\n42 |         customer_intimacy: { stance: -, reasoning: Waarom deze sterkte de keuze ondersteunt. }\n   |                                      ^\n  = tip: zet de min tussen aanhalingstekens: stance: \"-\"\n",
        ),
        (
            "block-minus",
            "        customer_intimacy: { stance: \"+\", reasoning: Waarom deze sterkte de keuze ondersteunt. }",
            "        customer_intimacy:\n          stance: -\n          reasoning: Waarom deze sterkte de keuze ondersteunt.",
            "block-minus.yaml:43:19: fout[STANCE-RANGE]: een losse min na `stance:` leest YAML als het begin van een lijst\n   |\n43 |           stance: -\n   |                   ^\n  = tip: zet de min tussen aanhalingstekens: stance: \"-\"\n",
        ),
        (
            "comma",
            "{ stance: \"+\", reasoning: Waarom deze sterkte de keuze ondersteunt. }",
            "{ stance: \"+\", reasoning: Ze zijn trouw, want ze krijgen service. }",
            "comma.yaml:42:69: fout[UNKNOWN-KEY]: na de komma in de tekst leest YAML `want ze krijgen service.` als een nieuwe sleutel binnen `{ … }`\n   |\n42 |         customer_intimacy: { stance: \"+\", reasoning: Ze zijn trouw, want ze krijgen service. }\n   |                                                                     ^^^^^^^^^^^^^^^^^^^^^^^^\n  = tip: schrijf de houding in blokvorm, met `stance:` en `reasoning: >-` elk op een eigen regel (zoals `casebook new` doet), of zet de hele tekst tussen dubbele aanhalingstekens\n",
        ),
        (
            "colon",
            "{ stance: \"+\", reasoning: Waarom deze sterkte de keuze ondersteunt. }",
            "{ stance: \"+\", reasoning: Let op: ze krijgen service. }",
            "colon.yaml:42:60: fout[YAML-SYNTAX]: de tekst bevat `: `, wat YAML binnen `{ … }` als een nieuwe sleutel leest\n   |\n42 |         customer_intimacy: { stance: \"+\", reasoning: Let op: ze krijgen service. }\n   |                                                            ^\n  = tip: schrijf de houding in blokvorm, met `stance:` en `reasoning: >-` elk op een eigen regel (zoals `casebook new` doet), of zet de hele tekst tussen dubbele aanhalingstekens\n",
        ),
        (
            "hash",
            "{ stance: \"+\", reasoning: Waarom deze sterkte de keuze ondersteunt. }",
            "{ stance: \"+\", reasoning: Klant nummer #1 krijgt service. }",
            "hash.yaml:42:67: fout[YAML-SYNTAX]: ` #` begint in YAML een opmerking: de rest van deze regel, met de sluitende `}`, wordt overgeslagen\n   |\n42 |         customer_intimacy: { stance: \"+\", reasoning: Klant nummer #1 krijgt service. }\n   |                                                                   ^^^^^^^^^^^^^^^^^^\n  = tip: schrijf de houding in blokvorm, met `stance:` en `reasoning: >-` elk op een eigen regel (zoals `casebook new` doet), of zet de hele tekst tussen dubbele aanhalingstekens\n",
        ),
        (
            "vertical-tab",
            "text: Een kans in de markt.",
            "text: Een kans\u{B}in de markt.",
            "vertical-tab.yaml:48:21: fout[CONTROL-CHARACTER]: hier staat, onzichtbaar, een harde regelafbreking uit Word (U+000B)\n   |\n48 |       text: Een kans␋in de markt.\n   |                     ^\n  = tip: verwijder hem (hier getoond als ␋) en typ er een gewone spatie voor in de plaats; Word maakt dit teken met Shift+Enter\n",
        ),
        (
            "nbsp",
            "      text: Een kans in de markt.",
            "\u{A0}     text: Een kans in de markt.",
            "nbsp.yaml:48:1: fout[YAML-SYNTAX]: een vaste spatie (U+00A0) in de inspringing\n   |\n48 | ·     text: Een kans in de markt.\n   | ^^^^^^\n  = tip: verwijder de inspringing van deze regel (hier getoond als ·) en spring opnieuw in met gewone spaties; vaste spaties komen mee met tekst die uit Word of een webpagina is gekopieerd\n",
        ),
        (
            "key-underline",
            "  strengths:",
            "  customer intimacy:",
            "key-underline.yaml:38:3: fout[UNKNOWN-KEY]: onbekende sleutel `customer intimacy`\n   |\n38 |   customer intimacy:\n   |   ^^^^^^^^^^^^^^^^^\n  = tip: toegestane sleutels hier: introduction, assignment, strengths, weaknesses, opportunities, threats, confrontation, conclusion\n",
        ),
        (
            "date",
            "date: 2025-09-01",
            "date: 14 oktober 2025",
            "date.yaml:12:9: fout[BAD-DATE]: `14 oktober 2025` is geen datum in de vorm JJJJ-MM-DD\n   |\n12 |   date: 14 oktober 2025\n   |         ^^^^^^^^^^^^^^^\n  = tip: schrijf de datum als jaar-maand-dag, bijvoorbeeld 2025-09-01\n",
        ),
        (
            "no-choice",
            "choice: customer_intimacy\n",
            "",
            "no-choice.yaml:23:1: fout[MISSING-KEY]: de verplichte sleutel `choice` ontbreekt; hij hoort boven deze regel\n   |\n23 | higher_decisions:\n   | ^^^^^^^^^^^^^^^^\n  = tip: voeg boven deze regel een van deze toe: `choice: customer_intimacy` (klantpartnerschap), `choice: operational_excellence` (kostenleiderschap) of `choice: product_leadership` (productleiderschap)\n",
        ),
        (
            "dutch-key",
            "  strengths:",
            "  sterktes:",
            "dutch-key.yaml:38:3: fout[UNKNOWN-KEY]: onbekende sleutel `sterktes`\n   |\n38 |   sterktes:\n   |   ^^^^^^^^\n  = tip: de sleutels zijn Engels, ook in een Nederlandse case: schrijf `strengths`\n",
        ),
        (
            "smart-quotes",
            "title: Onderbouwing van de waardestrategie",
            "title: \u{201C}Onderbouwing: de waardestrategie\u{201D}",
            "smart-quotes.yaml:8:23: fout[YAML-SYNTAX]: de tekst na `title:` staat tussen gekrulde aanhalingstekens (\u{201C} \u{201D}), die YAML niet als aanhalingstekens leest; daardoor begint de `: ` erin een nieuwe sleutel\n  |\n8 |   title: \u{201C}Onderbouwing: de waardestrategie\u{201D}\n  |                       ^\n  = tip: vervang \u{201C} en \u{201D} door rechte dubbele aanhalingstekens: title: \"…\"\n",
        ),
        (
            "zero-width",
            "  author: Naam",
            "  auth\u{200B}or: Naam",
            "zero-width.yaml:10:3: fout[CONTROL-CHARACTER]: de sleutel `author` bevat een onzichtbaar teken zonder breedte (U+200B)\n   |\n10 |   auth⸱or: Naam student\n   |   ^^^^^^^\n  = tip: verwijder de sleutel en typ hem opnieuw: `author:`\n",
        ),
        (
            "emoji",
            "text: Een kans in de markt.",
            "text: Een kans in de markt 🚀.",
            "emoji.yaml:48:13: waarschuwing[PDF-GLYPH]: de PDF toont 🚀 (U+1F680) als □: geen van de ingebouwde lettertypen heeft deze tekens (K1)\n   |\n48 |       text: Een kans in de markt 🚀.\n   |             ^^^^^^^^^^^^^^^^^^^^^^^\n  = tip: de HTML- en Markdown-rapporten tonen ze zoals geschreven; gebruik in de PDF woorden in plaats van emoji of zeldzame schriften\n",
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
    let path = dir.path().join("en.yaml");
    casebook()
        .args(["--lang", "en", "new"])
        .arg(&path)
        .assert()
        .success();
    let text = std::fs::read_to_string(&path).expect("starter");
    std::fs::write(&path, text.replacen("- id: OB1", "- id: O1", 1)).expect("write");
    let (code, out) = check(dir.path(), "en.yaml", &["--lang", "en"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(
            "en.yaml:59:11: error[DUPLICATE-ID]: the id O1 is used twice (first on line 46)
   |
59 |     - id: O1
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
