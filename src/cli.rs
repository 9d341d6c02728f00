//! The command line: clap types (kept apart from the library's own options) and the dispatch of
//! each command to the library, mapping outcomes to exit codes 0 (clean), 1 (a case failed),
//! 2 (usage or set-up error).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::case::{Discipline, Language};
use crate::check::{self, ReportFormat};
use crate::{project, scaffold, schema};

/// Exit code: everything succeeded.
pub const EXIT_OK: u8 = 0;
/// Exit code: at least one case has errors (the others were still processed).
pub const EXIT_CASE_FAILED: u8 = 1;
/// Exit code: the command itself could not run (bad arguments, missing folder).
pub const EXIT_USAGE: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "casebook",
    version,
    about = "Assess and publish value-discipline cases (Treacy & Wiersema) as Markdown, HTML and PDF reports"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check cases for errors without writing anything.
    Check {
        /// A case file, or a folder searched for *.yaml / *.yml.
        #[arg(default_value = "cases")]
        path: PathBuf,
        /// How to print problems: for people, or one JSON object per line.
        #[arg(long, value_enum, default_value_t = FormatArg::Human)]
        format: FormatArg,
    },
    /// Write a commented starter case that passes `check`.
    New {
        /// The file to create (`.yaml` is added when missing).
        name: PathBuf,
        /// The language of the case.
        #[arg(long, value_enum, default_value_t = LangArg::Nl)]
        lang: LangArg,
        /// The value discipline the case argues for.
        #[arg(long, value_enum, default_value_t = ChoiceArg::CustomerIntimacy)]
        choice: ChoiceArg,
    },
    /// Print the JSON Schema of the case format.
    Schema,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum FormatArg {
    Human,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LangArg {
    Nl,
    En,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ChoiceArg {
    #[value(name = "customer_intimacy", aliases = ["customer-intimacy", "klantpartnerschap"])]
    CustomerIntimacy,
    #[value(name = "operational_excellence", aliases = ["operational-excellence", "kostenleiderschap"])]
    OperationalExcellence,
    #[value(name = "product_leadership", aliases = ["product-leadership", "productleiderschap"])]
    ProductLeadership,
}

impl From<LangArg> for Language {
    fn from(value: LangArg) -> Self {
        match value {
            LangArg::Nl => Language::Nl,
            LangArg::En => Language::En,
        }
    }
}

impl From<ChoiceArg> for Discipline {
    fn from(value: ChoiceArg) -> Self {
        match value {
            ChoiceArg::CustomerIntimacy => Discipline::CustomerIntimacy,
            ChoiceArg::OperationalExcellence => Discipline::OperationalExcellence,
            ChoiceArg::ProductLeadership => Discipline::ProductLeadership,
        }
    }
}

/// Runs one command and returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    let code = match cli.command {
        Command::Check { path, format } => run_check(&path, format),
        Command::New { name, lang, choice } => run_new(name, lang.into(), choice.into()),
        Command::Schema => {
            print!("{}", schema::case_schema_json());
            EXIT_OK
        }
    };
    ExitCode::from(code)
}

fn run_check(path: &std::path::Path, format: FormatArg) -> u8 {
    let files = match project::discover(path) {
        Ok(files) => files,
        Err(err) => {
            eprintln!("error: {err}");
            return EXIT_USAGE;
        }
    };
    if files.is_empty() {
        eprintln!(
            "error: no case files (*.yaml, *.yml) found in {}",
            path.display()
        );
        return EXIT_USAGE;
    }
    let loads = project::load_all(&files);
    let format = match format {
        FormatArg::Human => ReportFormat::Human,
        FormatArg::Json => ReportFormat::Json,
    };
    let mut stdout = std::io::stdout().lock();
    let summary = match check::report(&loads, format, &mut stdout) {
        Ok(summary) => summary,
        Err(err) => {
            eprintln!("error: cannot write the report: {err}");
            return EXIT_USAGE;
        }
    };
    if format == ReportFormat::Human {
        eprintln!(
            "checked {} case(s): {} with errors, {} error(s), {} warning(s)",
            summary.cases, summary.failed_cases, summary.errors, summary.warnings
        );
    }
    if summary.failed_cases > 0 {
        EXIT_CASE_FAILED
    } else {
        EXIT_OK
    }
}

fn run_new(name: PathBuf, language: Language, choice: Discipline) -> u8 {
    match scaffold::write_starter(&name, language, choice) {
        Ok(path) => {
            eprintln!(
                "wrote {}; check it with: casebook check {}",
                path.display(),
                path.display()
            );
            EXIT_OK
        }
        Err(err) => {
            eprintln!("error: {err}");
            EXIT_USAGE
        }
    }
}
