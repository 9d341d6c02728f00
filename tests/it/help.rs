//! `--help` in the user's language: casebook's and every command's texts come from the locale
//! files, Dutch or English by the same rule as casebook's own lines (`--lang`, else `LANG`).

use crate::support::casebook;

/// `casebook ARGS` with the environment's locale `lang`: what it prints.
fn help(lang: &str, args: &[&str]) -> String {
    let output = casebook()
        .env("LANG", lang)
        .args(args)
        .output()
        .expect("help");
    assert_eq!(output.status.code(), Some(0), "{args:?}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn assert_lines(out: &str, lines: &[&str]) {
    for line in lines {
        assert!(
            out.lines().any(|l| l == *line),
            "missing line:\n{line}\nin:\n{out}"
        );
    }
}

#[test]
fn casebook_and_its_commands_explain_themselves_in_dutch() {
    let dutch = [
        "Beoordeel en publiceer cases over de keuze van een waardestrategie (Treacy & Wiersema) als rapporten in Markdown, HTML en PDF",
        "Gebruik: casebook [OPTIES] <OPDRACHT>",
        "Opdrachten:",
        "  check    Controleer cases op fouten, zonder iets te schrijven",
        "  new      Schrijf een startcase met uitleg, die `check` zonder fouten doorstaat",
        "  extract  Haal het casebestand uit een PDF van casebook en schrijf het onder zijn eigen naam",
        "  help     Toon deze hulp, of de hulp bij de genoemde opdracht",
        "Opties:",
        "  -h, --help         Toon deze hulp",
        "  -V, --version      Toon het versienummer",
    ];
    assert_lines(&help("nl_NL.UTF-8", &["--help"]), &dutch);
    assert_lines(&help("C", &["help"]), &dutch);
    let build = help("nl_NL.UTF-8", &["build", "--help"]);
    assert_lines(
        &build,
        &[
            "Maak de rapporten (Markdown, HTML, PDF, beoordeling als JSON) van elke case, en de indexpagina",
            "Gebruik: casebook build [OPTIES] [PAD]",
            "Argumenten:",
            "  [PAD]  De map met de casebestanden (of één casebestand) [standaard: cases]",
            "      --out <MAP>                   De map waarin de rapporten komen [standaard: output]",
            "      --edition <EDITIE>            both: het modelantwoord met de opdracht voor studenten ernaast, beide gelinkt in de index; teacher: alleen het modelantwoord; student: alleen de opdracht (een map voor studenten) [standaard: both] [mogelijk: both, teacher, student]",
            "  -q, --quiet                       Toon alleen wat mislukt",
            "  -h, --help                        Toon deze hulp",
        ],
    );
    assert_eq!(help("nl_NL.UTF-8", &["help", "build"]), build);
    assert_lines(
        &help("nl_NL.UTF-8", &["serve", "--help"]),
        &[
            "Maak de rapporten, toon ze in de browser op deze computer, en ververs de pagina na elke wijziging",
            "Gebruik: casebook serve [OPTIES] [PAD]",
            "      --port <POORT>                De poort op 127.0.0.1; 0 voor een willekeurige vrije poort [standaard: 8150]",
            "      --open                        Open de index in de browser",
        ],
    );
}

#[test]
fn casebook_and_its_commands_explain_themselves_in_english_when_asked() {
    let english = [
        "Assess and publish value-discipline cases (Treacy & Wiersema) as Markdown, HTML and PDF reports",
        "Usage: casebook [OPTIONS] <COMMAND>",
        "Commands:",
        "  check    Check cases for errors without writing anything",
        "Options:",
        "  -h, --help         Print help",
    ];
    assert_lines(&help("en_GB.UTF-8", &["--help"]), &english);
    assert_lines(&help("nl_NL.UTF-8", &["--lang", "en", "--help"]), &english);
    assert_lines(
        &help("en_GB.UTF-8", &["build", "--help"]),
        &[
            "Build the reports (Markdown, HTML, PDF, assessment JSON) of every case, and the index page",
            "Usage: casebook build [OPTIONS] [PATH]",
            "Arguments:",
            "  [PATH]  The folder with the case files (or one case file) [default: cases]",
            "      --out <FOLDER>              Where the reports go [default: output]",
            "      --edition <EDITION>         both: the model answer with the assignment for students beside it, both linked from the index; teacher: the model answer only; student: the assignment only (a folder for students) [default: both] [possible values: both, teacher, student]",
            "  -h, --help                      Print help",
        ],
    );
    assert_lines(
        &help("en_GB.UTF-8", &["serve", "--help"]),
        &[
            "Build, show the reports in the browser on this computer, and refresh the page after every change",
            "Usage: casebook serve [OPTIONS] [PATH]",
            "      --port <PORT>               The port on 127.0.0.1; 0 for any free port [default: 8150]",
            "      --open                      Open the index in the browser",
        ],
    );
    // `--lang` decides, wherever it stands, over the environment.
    assert_lines(
        &help("nl_NL.UTF-8", &["build", "--help", "--lang=en"]),
        &["Usage: casebook build [OPTIONS] [PATH]"],
    );
}

/// `casebook ARGS` with a Dutch environment: (exit code, what it prints on standard error).
fn mistake(args: &[&str]) -> (i32, String) {
    let output = casebook().args(args).output().expect("casebook");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_mistyped_command_line_is_told_in_the_users_language() {
    assert_eq!(
        mistake(&["chek"]),
        (
            2,
            "fout: `chek` is geen opdracht van casebook; bedoel je `check`?\n\nGebruik: casebook [OPTIES] <OPDRACHT>\nMeer uitleg: casebook --help\n".to_string()
        )
    );
    assert_eq!(
        mistake(&["check", "--formt", "json"]),
        (
            2,
            "fout: `--formt` hoort hier niet; bedoel je `--format`?\n\nGebruik: casebook check [OPTIES] [PAD]\nMeer uitleg: casebook check --help\n".to_string()
        )
    );
    assert_eq!(
        mistake(&["check", "--format", "xml"]),
        (
            2,
            "fout: `xml` kan niet bij --format <FORMAAT>; kies uit: human, json\n".to_string()
        )
    );
    assert_eq!(
        mistake(&["check", "--format"]),
        (
            2,
            "fout: na --format <FORMAAT> hoort een waarde; kies uit: human, json\n".to_string()
        )
    );
    assert_eq!(
        mistake(&["build", "--out"]),
        (2, "fout: na --out <MAP> hoort een waarde\n".to_string())
    );
    assert_eq!(
        mistake(&["grade", "inzendingen"]),
        (
            2,
            "fout: niet opgegeven: --key <BESTAND>\n\nGebruik: casebook grade [OPTIES] --key <BESTAND> <MAP>\nMeer uitleg: casebook grade --help\n".to_string()
        )
    );
    assert_eq!(
        mistake(&["build", "-q", "-v"]),
        (
            2,
            "fout: --quiet en --verbose gaan niet samen\n\nGebruik: casebook build [OPTIES] [PAD]\nMeer uitleg: casebook build --help\n".to_string()
        )
    );
    assert_eq!(
        mistake(&["--lang", "en", "build", "--format", "odt"]),
        (
            2,
            "error: `odt` is not a value for --format <FORMAT>: unknown format `odt`: use md, html, pdf and/or docx, separated by commas\n".to_string()
        )
    );
}

#[test]
fn the_rarer_command_line_mistakes_are_told_in_the_users_language_too() {
    let cases: [(&[&str], &str); 6] = [
        (
            &["build", "--quiet=yes"],
            "fout: --quiet neemt geen waarde; laat `=yes` weg\n\nGebruik: casebook build [OPTIES] [PAD]\nMeer uitleg: casebook build --help\n",
        ),
        (
            &["--lang", "en", "build", "--quiet=yes"],
            "error: --quiet takes no value; leave out `=yes`\n\nUsage: casebook build [OPTIONS] [PATH]\nMore help: casebook build --help\n",
        ),
        (
            &["build", "--jobs", "x"],
            "fout: `x` kan niet bij --jobs <AANTAL>: schrijf een heel getal, bijvoorbeeld 2\n",
        ),
        (
            &["--lang", "en", "build", "--jobs", "x"],
            "error: `x` is not a value for --jobs <JOBS>: write a whole number, for example 2\n",
        ),
        (
            &["grade", "x", "--key", "a", "--key", "b"],
            "fout: --key <BESTAND> mag maar één keer\n\nGebruik: casebook grade [OPTIES] --key <BESTAND> <MAP>\nMeer uitleg: casebook grade --help\n",
        ),
        (
            &["--lang", "en", "grade", "x", "--key", "a", "--key", "b"],
            "error: --key <FILE> may be given only once\n\nUsage: casebook grade [OPTIONS] --key <FILE> <FOLDER>\nMore help: casebook grade --help\n",
        ),
    ];
    for (args, expected) in cases {
        assert_eq!(mistake(args), (2, expected.to_string()), "{args:?}");
    }
}

#[test]
fn grade_help_names_every_csv_separator_it_takes() {
    assert_lines(
        &help("nl_NL.UTF-8", &["grade", "--help"]),
        &[
            "      --csv-separator <TEKEN>  Het scheidingsteken van de CSV: `,`, `;` of `tab` (`;` schrijft decimale komma's, voor een Nederlandse spreadsheet) [standaard: ,]",
        ],
    );
    assert_lines(
        &help("nl_NL.UTF-8", &["--lang", "en", "grade", "--help"]),
        &[
            "      --csv-separator <SEPARATOR>  The CSV's separator: `,`, `;` or `tab` (`;` writes decimal commas, for a Dutch spreadsheet) [default: ,]",
        ],
    );
}
