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
        "  check   Controleer cases op fouten, zonder iets te schrijven",
        "  new     Schrijf een startcase met uitleg, die `check` zonder fouten doorstaat",
        "  help    Toon deze hulp, of de hulp bij de genoemde opdracht",
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
            "      --edition <EDITIE>            De docenteneditie (het modelantwoord) of de studenteneditie (de opdracht) [standaard: teacher] [mogelijk: teacher, student]",
            "  -q, --quiet                       Toon alleen wat mislukt",
            "  -h, --help                        Toon deze hulp",
        ],
    );
    assert_eq!(help("nl_NL.UTF-8", &["help", "build"]), build);
}

#[test]
fn casebook_and_its_commands_explain_themselves_in_english_when_asked() {
    let english = [
        "Assess and publish value-discipline cases (Treacy & Wiersema) as Markdown, HTML and PDF reports",
        "Usage: casebook [OPTIONS] <COMMAND>",
        "Commands:",
        "  check   Check cases for errors without writing anything",
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
            "      --edition <EDITION>         The teacher edition (the model answer) or the student edition (the assignment) [default: teacher] [possible values: teacher, student]",
            "  -h, --help                      Print help",
        ],
    );
    // `--lang` decides, wherever it stands, over the environment.
    assert_lines(
        &help("nl_NL.UTF-8", &["build", "--help", "--lang=en"]),
        &["Usage: casebook build [OPTIONS] [PATH]"],
    );
}
