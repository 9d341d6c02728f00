//! The command line: clap types (kept apart from the library's own options) and the dispatch of
//! each command to the library, mapping outcomes to exit codes 0 (clean), 1 (a case failed),
//! 2 (usage or set-up error).

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::{Parser, Subcommand, ValueEnum};

use casebook_core::case::{Discipline, Language};
use casebook_core::engine::{Engine, Formats};
use casebook_core::grade::platform::Platform;
use casebook_core::messages::{self, pairs};
use casebook_core::render::context::Edition;
use casebook_core::schema;

use crate::build::discover as project;
use crate::build::pipeline::{BuildOptions, BuildReport, CaseStatus};
use crate::build::progress::{Display, Verbosity};
use crate::parallel;
use crate::read::{self, Inputs};
use crate::report::{self, ReportFormat};

/// Exit code: everything succeeded.
pub const EXIT_OK: u8 = 0;
/// Exit code: at least one case has errors (the others were still processed).
pub const EXIT_CASE_FAILED: u8 = 1;
/// Exit code: the command itself could not run (bad arguments, missing folder).
pub const EXIT_USAGE: u8 = 2;
/// Exit code: the build was stopped with Ctrl-C (128 + SIGINT, as shells report it).
pub const EXIT_INTERRUPTED: u8 = 130;

#[derive(Debug, Parser)]
#[command(
    name = "casebook",
    version,
    about = "Assess and publish value-discipline cases (Treacy & Wiersema) as Markdown, HTML and PDF reports"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// The language of casebook's own lines and of messages about files that are not (yet) a
    /// case; a case's messages follow its `language`. Default: the environment's (`LANG`),
    /// Dutch when none is set.
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
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
        /// Treat the assessment's warnings as failures (exit 1), e.g. when grading.
        #[arg(long)]
        deny_warnings: bool,
        /// The rubric (default: casebook.toml in the checked folder, when there is one).
        #[arg(long)]
        rubric: Option<PathBuf>,
    },
    /// Print the assessment of one case as JSON; of a folder's cases, a JSON list of them.
    Assess {
        /// The case file, or a folder searched for *.yaml / *.yml.
        file: PathBuf,
        /// The rubric (default: casebook.toml next to the case or in the folder, when there is one).
        #[arg(long)]
        rubric: Option<PathBuf>,
    },
    /// Build the reports (Markdown, HTML, PDF, assessment JSON) of every case, and the index page.
    Build {
        #[command(flatten)]
        build: BuildArgs,
    },
    /// Build, then rebuild whenever a case, the rubric or a template changes.
    Watch {
        #[command(flatten)]
        build: BuildArgs,
    },
    /// Build, serve the reports on this computer, and reload the open page after every rebuild.
    Serve {
        #[command(flatten)]
        build: BuildArgs,
        /// The port on 127.0.0.1; 0 for any free one.
        #[arg(long, default_value_t = crate::serve::DEFAULT_PORT, value_parser = parse_port)]
        port: u16,
        /// Open the index in the browser.
        #[arg(long)]
        open: bool,
    },
    /// Write a commented starter case that passes `check`.
    New {
        /// The file to create (`.yaml` is added when missing). Its language is `--lang`, Dutch
        /// when not given.
        name: PathBuf,
        /// The value discipline the case argues for.
        #[arg(long, value_enum, default_value_t = ChoiceArg::CustomerIntimacy)]
        choice: ChoiceArg,
    },
    /// Print the JSON Schema of the case format, its descriptions in `--lang` (an editor shows
    /// them when you hover over a key).
    Schema,
    /// Write the case file a casebook PDF carries back as a file, under its own name.
    Extract {
        /// The PDF (a report, hand-out or feedback made by casebook).
        file: PathBuf,
        /// Where the case file goes (default: the PDF's folder); an existing file is never replaced.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Grade a class's cases against the model answer: a mark and feedback per student, an overview.
    Grade {
        #[command(flatten)]
        grade: GradeArgs,
    },
}

/// The options of `grade`.
#[derive(Debug, clap::Args)]
pub struct GradeArgs {
    /// The folder with the students' case files (searched at any depth).
    pub submissions: PathBuf,
    /// The model answer: the teacher's case.
    #[arg(long)]
    pub key: PathBuf,
    /// Where the overview, the CSV and the feedback go.
    #[arg(long, default_value = "grades")]
    pub out: PathBuf,
    /// The rubric (default: casebook.toml next to the model answer, when there is one).
    #[arg(long)]
    pub rubric: Option<PathBuf>,
    /// Show the model's reasoning in the feedback.
    #[arg(long)]
    pub reveal: bool,
    /// The CSV's separator: `,`, `;` or `tab` (`;` writes decimal commas, for a Dutch spreadsheet).
    #[arg(long, default_value = ",", value_parser = parse_separator)]
    pub csv_separator: u8,
    /// The feedback formats, separated by commas.
    #[arg(long, default_value = "md,html,pdf", value_parser = Formats::parse)]
    pub format: Formats,
    /// Worker threads (default: one per core).
    #[arg(long, short)]
    pub jobs: Option<usize>,
    /// A folder whose templates override the built-in ones by name.
    #[arg(long)]
    pub templates: Option<PathBuf>,
    /// Print only failures (no summary line), as `build --quiet` does.
    #[arg(long, short)]
    pub quiet: bool,
    /// Also write the marks for this learning platform's grade import (`grades-<lms>.csv`) and
    /// the feedback for its bulk upload (`feedback-<lms>.zip`): brightspace, canvas or moodle.
    #[arg(long, value_parser = parse_lms)]
    pub lms: Option<Platform>,
    /// The grade item's name in the learning platform (default: the model answer's title).
    #[arg(long, requires = "lms")]
    pub assignment: Option<String>,
    /// The class list exported from the learning platform as CSV (Brightspace: Grades › Export;
    /// Canvas: the Gradebook's export), which gives the ids its download does not.
    #[arg(long, requires = "lms")]
    pub roster: Option<PathBuf>,
}

fn parse_lms(text: &str) -> Result<Platform, String> {
    Platform::from_key(text).ok_or_else(|| messages::cli("unknown_lms", &[("value", text)]))
}

fn parse_separator(text: &str) -> Result<u8, String> {
    match text {
        "," => Ok(b','),
        ";" => Ok(b';'),
        "tab" | "\\t" => Ok(b'\t'),
        other => Err(messages::cli("unknown_separator", &[("value", other)])),
    }
}

fn parse_port(text: &str) -> Result<u16, String> {
    text.parse()
        .map_err(|_| messages::cli("bad_port", &[("value", text)]))
}

/// The options `build`, `watch` and `serve` share.
#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// The folder with the case files (or one case file).
    #[arg(default_value = "cases")]
    pub path: PathBuf,
    /// Where the reports go.
    #[arg(long, default_value = "output")]
    pub out: PathBuf,
    /// The formats to write, separated by commas.
    #[arg(long, default_value = "md,html,pdf", value_parser = Formats::parse)]
    pub format: Formats,
    /// Worker threads (default: one per core).
    #[arg(long, short)]
    pub jobs: Option<usize>,
    /// Rebuild every case, even unchanged ones.
    #[arg(long)]
    pub force: bool,
    /// A folder whose templates override the built-in ones by name.
    #[arg(long)]
    pub templates: Option<PathBuf>,
    /// The rubric (default: casebook.toml in the cases folder, when there is one).
    #[arg(long)]
    pub rubric: Option<PathBuf>,
    /// `both`: the model answer with the assignment (hand-out) beside it, linked from the index;
    /// `teacher`: the model answer only; `student`: the assignment only (a folder for students).
    #[arg(long, value_enum, default_value_t = EditionArg::Both)]
    pub edition: EditionArg,
    /// PDF standards, comma-separated: ua-1, a-3b, a-2b, 1.7, … or `none` (default: ua-1,a-3b;
    /// PDF/A-1 and PDF/A-2 do not allow the attached case file).
    #[arg(long, value_delimiter = ',')]
    pub pdf_standard: Option<Vec<String>>,
    /// Print only failures.
    #[arg(long, short, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also list unchanged cases.
    #[arg(long, short)]
    pub verbose: bool,
}

impl BuildArgs {
    fn options(&self) -> BuildOptions {
        BuildOptions {
            cases: self.path.clone(),
            out: self.out.clone(),
            formats: self.format,
            jobs: self.jobs,
            force: self.force,
        }
    }

    fn inputs(&self) -> Inputs {
        let rubric = read::rubric_path(self.rubric.as_deref(), &self.path);
        let edition = match self.edition {
            EditionArg::Teacher | EditionArg::Both => Edition::Teacher,
            EditionArg::Student => Edition::Student,
        };
        Inputs {
            templates: self.templates.clone(),
            rubric,
            edition,
            handout: matches!(self.edition, EditionArg::Both),
            pdf_standards: self.pdf_standard.clone(),
        }
    }

    fn verbosity(&self) -> Verbosity {
        match (self.quiet, self.verbose) {
            (true, _) => Verbosity::Quiet,
            (_, true) => Verbosity::Verbose,
            _ => Verbosity::Normal,
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum EditionArg {
    Both,
    Teacher,
    Student,
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

/// The command line of this process, read with `--help` in the user's language: `--lang` when
/// it is given, else the environment's.
pub fn parse() -> Cli {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    messages::set_user_language(crate::help::language_asked(&args));
    let words = messages::locale(messages::user_language());
    let command = crate::help::localized(<Cli as clap::CommandFactory>::command(), words);
    let mut matches = match command.try_get_matches_from(args) {
        Ok(matches) => matches,
        Err(err) => match crate::help::usage_error(&err, words) {
            Some(text) => {
                eprintln!("{text}");
                std::process::exit(i32::from(EXIT_USAGE));
            }
            None => err.exit(),
        },
    };
    <Cli as clap::FromArgMatches>::from_arg_matches_mut(&mut matches)
        .unwrap_or_else(|err| err.exit())
}

/// Runs one command and returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    let asked = cli.lang.map(Language::from);
    messages::set_user_language(asked);
    let code = match cli.command {
        Command::Check {
            path,
            format,
            deny_warnings,
            rubric,
        } => run_check(&path, format, deny_warnings, rubric),
        Command::Assess { file, rubric } => run_assess(&file, rubric),
        Command::Build { build } => run_build(&build),
        Command::Watch { build } => run_watch(&build),
        Command::Serve { build, port, open } => run_serve(&build, port, open),
        Command::New { name, choice } => run_new(name, asked.unwrap_or_default(), choice.into()),
        Command::Grade { grade } => run_grade(&grade),
        Command::Extract { file, out } => run_extract(&file, out.as_deref()),
        Command::Schema => {
            print_out(&schema::case_schema_json(messages::user_language()));
            EXIT_OK
        }
    };
    ExitCode::from(code)
}

/// The rubric given, or `casebook.toml` in `folder` when there is one, or the defaults.
fn load_rubric(
    given: Option<PathBuf>,
    folder: &std::path::Path,
) -> Result<casebook_core::rubric::Rubric, u8> {
    read::rubric(read::rubric_path(given.as_deref(), folder).as_deref()).map_err(|d| {
        print_all(&[d]);
        EXIT_USAGE
    })
}

fn run_assess(path: &std::path::Path, rubric: Option<PathBuf>) -> u8 {
    let folder = if path.is_dir() {
        path
    } else {
        path.parent().unwrap_or(std::path::Path::new("."))
    };
    let rubric = match load_rubric(rubric, folder) {
        Ok(rubric) => rubric,
        Err(code) => return code,
    };
    if !path.is_dir() {
        return match assess_one(path, &rubric) {
            Some(assessment) => {
                print_out(&casebook_core::assess::to_json(&assessment));
                EXIT_OK
            }
            None => EXIT_CASE_FAILED,
        };
    }
    let files = match project::find_cases(path, "none") {
        Ok(files) => files,
        Err(diagnostic) => {
            print_all(&[diagnostic]);
            return EXIT_USAGE;
        }
    };
    // A broken case is reported and left out; the others are still assessed.
    let mut failed = false;
    let mut assessed = Vec::new();
    for file in &files {
        match assess_one(file, &rubric) {
            Some(assessment) => assessed.push(serde_json::json!({
                "file": file.display().to_string(),
                "assessment": assessment,
            })),
            None => failed = true,
        }
    }
    let list = serde_json::Value::Array(assessed);
    print_out(&format!(
        "{}\n",
        serde_json::to_string_pretty(&list).unwrap_or_default()
    ));
    if failed { EXIT_CASE_FAILED } else { EXIT_OK }
}

/// The assessment of one case file, or `None` after printing why it has none.
fn assess_one(
    file: &std::path::Path,
    rubric: &casebook_core::rubric::Rubric,
) -> Option<casebook_core::assess::Assessment> {
    match read::load_case(file) {
        Ok(case) if !case.has_errors() => Some(casebook_core::assess::assess(&case, rubric)),
        Ok(case) => {
            for d in &case.diagnostics {
                eprint!("{}", d.render(Some(&case.source)));
            }
            None
        }
        Err((source, diagnostics)) => {
            for d in &diagnostics {
                eprint!("{}", d.render(source.as_deref()));
            }
            None
        }
    }
}

fn run_check(
    path: &std::path::Path,
    format: FormatArg,
    deny_warnings: bool,
    rubric: Option<PathBuf>,
) -> u8 {
    let folder = if path.is_file() {
        path.parent().unwrap_or(std::path::Path::new("."))
    } else {
        path
    };
    let rubric = match load_rubric(rubric, folder) {
        Ok(rubric) => rubric,
        Err(code) => return code,
    };
    let files = match project::find_cases(path, "none") {
        Ok(files) => files,
        Err(diagnostic) => {
            print_all(&[diagnostic]);
            return EXIT_USAGE;
        }
    };
    let mut loads = project::load_all(&files);
    let mut verdicts = Vec::new();
    for load in &mut loads {
        let mut verdict = None;
        if let project::CaseLoad::Loaded(case) = load {
            if let Some(assessment) = casebook_core::engine::check(case, &rubric) {
                verdict = Some(report::Verdict {
                    choice: assessment.choice.key(),
                    verdict: casebook_core::assess::verdict_key(assessment.overall.verdict),
                });
            }
        }
        verdicts.push(verdict);
    }
    let format = match format {
        FormatArg::Human => ReportFormat::Human,
        FormatArg::Json => ReportFormat::Json,
    };
    let mut stdout = std::io::stdout().lock();
    let summary = match report::report(&loads, &verdicts, format, &mut stdout) {
        Ok(summary) => summary,
        Err(err) => {
            let reason = messages::io_reason(&err, messages::user_language());
            eprintln!("{}", messages::cli("cannot_print", &[("reason", &reason)]));
            return EXIT_USAGE;
        }
    };
    if format == ReportFormat::Human {
        let counts = [
            ("cases", summary.cases.to_string()),
            ("failed", summary.failed_cases.to_string()),
            ("errors", summary.errors.to_string()),
            ("warnings", summary.warnings.to_string()),
        ];
        eprintln!("{}", messages::cli("checked", &pairs(&counts)));
    }
    let denied = deny_warnings && summary.warnings > 0;
    if denied {
        let warnings = summary.warnings.to_string();
        eprintln!(
            "{}",
            messages::cli("denied_warnings", &[("warnings", &warnings)])
        );
    }
    if summary.failed_cases > 0 || denied {
        EXIT_CASE_FAILED
    } else {
        EXIT_OK
    }
}

fn run_new(name: PathBuf, language: Language, choice: Discipline) -> u8 {
    match crate::commands::new::write_starter(&name, language, choice) {
        Ok(path) => {
            let path = path.display().to_string();
            // The student copies the command: a name with spaces must stay one argument.
            let plain = path
                .chars()
                .all(|c| c.is_alphanumeric() || "._/-".contains(c));
            let argument = if plain {
                path.clone()
            } else {
                format!("\"{path}\"")
            };
            let values = [("path", path.as_str()), ("argument", argument.as_str())];
            eprintln!("{}", messages::cli("wrote_starter", &values));
            EXIT_OK
        }
        Err(err) => {
            eprintln!("{err}");
            EXIT_USAGE
        }
    }
}

fn run_extract(pdf: &std::path::Path, out: Option<&std::path::Path>) -> u8 {
    match crate::extract::extract(pdf, out) {
        Ok(written) => {
            let values = [
                ("path", written.display().to_string()),
                ("pdf", pdf.display().to_string()),
            ];
            eprintln!("{}", messages::cli("extracted", &pairs(&values)));
            EXIT_OK
        }
        Err(refused) => {
            eprintln!("{}", refused.line);
            if refused.usage {
                EXIT_USAGE
            } else {
                EXIT_CASE_FAILED
            }
        }
    }
}

/// Prints `text` on standard output; a reader that went away (`| head`) is no failure.
fn print_out(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

fn print_all(diagnostics: &[casebook_core::diagnostics::Diagnostic]) {
    for diagnostic in diagnostics {
        eprint!("{}", diagnostic.render(None));
    }
}

/// The engine of `inputs`, after printing the templates' warnings; else, after printing them,
/// why it cannot be made.
fn renderers(inputs: &Inputs) -> Result<Engine, Vec<String>> {
    match inputs
        .settings()
        .and_then(|settings| Engine::new(&settings))
    {
        Ok(renderers) => {
            print_all(&renderers.templates.warnings);
            Ok(renderers)
        }
        Err(diagnostics) => {
            print_all(&diagnostics);
            Err(rendered(&diagnostics))
        }
    }
}

fn rendered(diagnostics: &[casebook_core::diagnostics::Diagnostic]) -> Vec<String> {
    diagnostics.iter().map(|d| d.render(None)).collect()
}

fn run_build(args: &BuildArgs) -> u8 {
    let Ok(renderers) = renderers(&args.inputs()) else {
        return EXIT_USAGE;
    };
    stop_on_ctrl_c();
    build_once(args, &renderers).0
}

/// Ctrl-C finishes the cases in flight and writes the index (a watcher then stops waiting); a
/// second one stops at once.
fn stop_on_ctrl_c() {
    let _ = ctrlc::set_handler(|| {
        static PRESSED: AtomicBool = AtomicBool::new(false);
        if PRESSED.swap(true, Ordering::SeqCst) {
            std::process::exit(EXIT_INTERRUPTED.into());
        }
        parallel::stop();
    });
}

/// One build with the given renderers; prints progress and the summary, returns the exit code
/// and the errors it printed (for the page `serve` shows).
fn build_once(args: &BuildArgs, renderers: &Engine) -> (u8, Vec<String>) {
    let display = Display::new(args.verbosity());
    let result = crate::build::pipeline::build(&args.options(), renderers, &display);
    display.finish();
    match result {
        Ok(report) => {
            print_all(&report.general);
            let stopped = parallel::stopped();
            if args.verbosity() != Verbosity::Quiet || report.failed() || stopped {
                eprintln!("{}", summary(&report, &args.out));
            }
            let code = if stopped {
                let left = report.not_started.to_string();
                eprintln!("{}", messages::cli("interrupted", &[("left", &left)]));
                EXIT_INTERRUPTED
            } else if report.failed() {
                EXIT_CASE_FAILED
            } else {
                EXIT_OK
            };
            (code, build_errors(&report))
        }
        Err(diagnostics) => {
            print_all(&diagnostics);
            (EXIT_USAGE, rendered(&diagnostics))
        }
    }
}

/// The errors of a build, as the terminal showed them: each failed case's, then the others.
fn build_errors(report: &BuildReport) -> Vec<String> {
    let failed = report
        .cases
        .iter()
        .filter(|c| matches!(c.status, CaseStatus::Failed { .. }));
    let of_cases = failed.flat_map(|case| {
        let source = case.source.as_deref();
        case.diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(move |d| {
                d.render(source.filter(|_| d.file == case.path))
                    .trim_end()
                    .to_string()
            })
    });
    let general = report.general.iter().filter(|d| d.is_error());
    of_cases
        .chain(general.map(|d| d.render(None).trim_end().to_string()))
        .collect()
}

fn summary(report: &BuildReport, out: &std::path::Path) -> String {
    let built = report.count(|s| matches!(s, CaseStatus::Built));
    let skipped = report.count(|s| matches!(s, CaseStatus::Skipped));
    let failed = report.count(|s| matches!(s, CaseStatus::Failed { .. }));
    let kept = report.count(|s| {
        matches!(
            s,
            CaseStatus::Failed {
                kept_previous: true
            }
        )
    });
    let seconds = format!("{:.2}", report.elapsed.as_secs_f64());
    let seconds = seconds.replace(
        '.',
        messages::locale(messages::user_language()).text("report.decimal"),
    );
    let counts = [
        ("built", built.to_string()),
        ("skipped", skipped.to_string()),
        ("failed", failed.to_string()),
        ("warnings", report.warnings().to_string()),
        ("seconds", seconds),
        ("index", out.join("index.html").display().to_string()),
        ("kept", kept.to_string()),
        ("removed", report.removed.join(", ")),
    ];
    let counts = pairs(&counts);
    let mut line = messages::cli("built", &counts);
    if kept > 0 {
        line.push('\n');
        line.push_str(&messages::cli("kept_previous", &counts));
    }
    if !report.removed.is_empty() {
        line.push('\n');
        line.push_str(&messages::cli("removed", &counts));
    }
    line
}

fn run_watch(args: &BuildArgs) -> u8 {
    watch_and_build(args, |_| {}, |_| {})
}

/// `watch` and `serve`: builds, calls `ready` once the first build is done, then rebuilds on
/// every save until Ctrl-C, telling `built` each build's errors (none: it succeeded).
fn watch_and_build(
    args: &BuildArgs,
    ready: impl FnOnce(&[String]),
    mut built: impl FnMut(&[String]),
) -> u8 {
    let inputs = args.inputs();
    let Ok(mut current) = renderers(&inputs) else {
        return EXIT_USAGE;
    };
    stop_on_ctrl_c();
    let mut watched = vec![args.path.clone()];
    watched.extend(inputs.files().cloned());
    let watch = match crate::watch::Watch::start(&watched, &args.out) {
        Ok(watch) => watch,
        Err(diagnostic) => {
            print_all(&[diagnostic]);
            return EXIT_USAGE;
        }
    };
    let (_, errors) = build_once(args, &current);
    // Ctrl-C during the first build: nothing to serve or watch.
    if !parallel::stopped() {
        ready(&errors);
        let shown = args.path.display().to_string();
        eprintln!("{}", messages::cli("watching", &[("path", &shown)]));
    }
    watch.run(|settings_changed| {
        if settings_changed {
            match renderers(&inputs) {
                Ok(fresh) => current = fresh,
                Err(errors) => return built(&errors),
            }
        }
        built(&build_once(args, &current).1);
    });
    eprintln!("{}", messages::cli("stopped", &[]));
    EXIT_INTERRUPTED
}

fn run_serve(args: &BuildArgs, port: u16, open: bool) -> u8 {
    let server = match crate::serve::Server::bind(port) {
        Ok(server) => server,
        Err(crate::serve::BindError::Taken(port)) => {
            let port = port.to_string();
            eprintln!("{}", messages::cli("port_taken", &[("port", &port)]));
            return EXIT_USAGE;
        }
        Err(crate::serve::BindError::Other(err)) => {
            let reason = messages::io_reason(&err, messages::user_language());
            eprintln!("{}", messages::cli("cannot_serve", &[("reason", &reason)]));
            return EXIT_USAGE;
        }
    };
    let ready = |errors: &[String]| {
        server.built(errors);
        server.start(&args.out);
        let url = server.url();
        eprintln!("{}", messages::cli("serving", &[("url", &url)]));
        if open {
            // Why it failed (no browser, no desktop) is the system's business; what to do is not.
            if opener::open_browser(&url).is_err() {
                eprintln!("{}", messages::cli("cannot_open", &[("url", &url)]));
            }
        }
    };
    watch_and_build(args, ready, |errors| server.built(errors))
}

fn run_grade(args: &GradeArgs) -> u8 {
    let folder = args.key.parent().unwrap_or(std::path::Path::new("."));
    let inputs = Inputs {
        templates: args.templates.clone(),
        rubric: read::rubric_path(args.rubric.as_deref(), folder),
        ..Inputs::default()
    };
    let Ok(renderers) = renderers(&inputs) else {
        return EXIT_USAGE;
    };
    let options = crate::grade::GradeOptions {
        submissions: args.submissions.clone(),
        key: args.key.clone(),
        out: args.out.clone(),
        reveal: args.reveal,
        csv_separator: args.csv_separator,
        formats: args.format,
        jobs: args.jobs,
        lms: args.lms,
        assignment: args.assignment.clone(),
        roster: args.roster.clone(),
    };
    let report = match crate::grade::grade(&options, &renderers) {
        Ok(report) => report,
        Err(diagnostics) => {
            print_all(&diagnostics);
            return EXIT_USAGE;
        }
    };
    use casebook_core::grade::Status;
    for graded in &report.submissions {
        if graded.status == Status::Failed {
            print_all(&graded.diagnostics);
        } else if graded.unwritten {
            let errors: Vec<casebook_core::diagnostics::Diagnostic> = graded
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .cloned()
                .collect();
            print_all(&errors);
        }
    }
    print_all(&report.general);
    let locale = renderers.templates.locale(report.language);
    if !args.quiet || report.unwritten() {
        // Only a run that wrote everything points at the overview as done.
        let summary = if report.unwritten() {
            "grade.summary_unwritten"
        } else {
            "grade.summary"
        };
        eprintln!(
            "{}",
            locale.fill(
                summary,
                &[
                    ("graded", &report.count(Status::Graded).to_string()),
                    ("empty", &report.count(Status::Empty).to_string()),
                    ("other", &report.count(Status::OtherCase).to_string()),
                    ("failed", &report.count(Status::Failed).to_string()),
                    ("no_pdf", &report.count(Status::NoCasebookPdf).to_string()),
                    ("similar", &report.similar.len().to_string()),
                    ("index", &args.out.join("index.html").display().to_string()),
                ],
            )
        );
    }
    if let Some(platform) = args.lms {
        // Which files go back to the platform; the students its import cannot match, always.
        let lines = casebook_core::render::overview::lms_note(locale, platform, &report);
        let shown = if args.quiet { 1 } else { 0 };
        for line in lines.iter().skip(shown) {
            eprintln!("{line}");
        }
    }
    if report.failed() {
        EXIT_CASE_FAILED
    } else {
        EXIT_OK
    }
}
