//! The generated pages through the field's own checkers: the Nu HTML checker (vnu, on Java),
//! axe-core in headless Chromium (light and dark mode, no request outside the page) and
//! markdownlint-cli2. `.ci/run` installs them (`npm ci --prefix tests/checkers`, Debian's
//! chromium); a checker whose tools are missing shows as ignored, with the reason, in cargo's
//! summary, but fails under CI (`CI=true`), so that CI cannot go green with a checker skipped.
//! A harness of its own, because the built-in one cannot ignore a test at run time.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{OnceLock, PoisonError, RwLock};

use libtest_mimic::{Arguments, Completion, Failed, Trial};

mod grading;
mod libreoffice;
#[path = "../it/pdfread.rs"]
mod pdfread;
mod studio;
#[path = "../it/support.rs"]
mod support;

use support::{build_ok, fixture, root};

fn main() {
    let trials = vec![
        Trial::ignorable_test("every_page_passes_the_nu_html_checker", || {
            let _beside = SHARED.read().unwrap_or_else(PoisonError::into_inner);
            checked(&["java"], nu_html_checker)
        }),
        Trial::ignorable_test("every_page_passes_axe_in_light_and_dark_mode", || {
            let _beside = SHARED.read().unwrap_or_else(PoisonError::into_inner);
            checked(&["node", &chromium()], axe)
        }),
        Trial::ignorable_test("every_report_passes_markdownlint", || {
            let _beside = SHARED.read().unwrap_or_else(PoisonError::into_inner);
            checked(&["node"], markdownlint)
        }),
        Trial::ignorable_test("every_word_document_converts_in_libreoffice", || {
            let _beside = SHARED.read().unwrap_or_else(PoisonError::into_inner);
            if !on_path("soffice") {
                return skipped("soffice is not installed: libreoffice-writer-nogui (see .ci/run)");
            }
            libreoffice::libreoffice(&built("docx")).map(|()| Completion::Completed)
        }),
        Trial::ignorable_test(
            "the_studio_checks_previews_and_downloads_what_the_cli_makes",
            || {
                // Alone: it times the page, which the Nu checker's Java beside it starved of
                // the machine's two cores (a 546 ms task in CI, none over 200 ms alone).
                let _alone = SHARED.write().unwrap_or_else(PoisonError::into_inner);
                if !studio::dist().join("index.html").is_file() {
                    return skipped("the studio is not built: web/build-studio (see the README)");
                }
                checked(&["node", &chromium()], studio::studio)
            },
        ),
        Trial::ignorable_test("the_studio_grades_a_class_as_the_cli_does", || {
            let _alone = SHARED.write().unwrap_or_else(PoisonError::into_inner);
            if !studio::dist().join("nakijken.html").is_file() {
                return skipped("the studio is not built: web/build-studio (see the README)");
            }
            checked(&["node", &chromium()], grading::grading)
        }),
    ];
    let conclusion = libtest_mimic::run(&Arguments::from_args(), trials);
    // A static is never dropped: the shared pages' folder is removed here.
    if let Some(dir) = BUILT.get() {
        let _ = std::fs::remove_dir_all(dir.path());
    }
    conclusion.exit();
}

/// The checkers run side by side (a read lock each); the studio's, which measures the page's
/// longest task, runs alone (the write lock).
static SHARED: RwLock<()> = RwLock::new(());

/// Runs `check` with the checkers' folder when its packages and the given programs are there;
/// otherwise ignores the test, saying what is missing and how to install it.
fn checked(
    programs: &[&str],
    check: fn(&Path) -> Result<(), Failed>,
) -> Result<Completion, Failed> {
    let dir = root().join("tests/checkers");
    if !dir.join("node_modules").is_dir() {
        return skipped(
            "tests/checkers/node_modules is missing: npm ci --prefix tests/checkers (see .ci/run)",
        );
    }
    if let Some(missing) = programs.iter().find(|program| !on_path(program)) {
        return skipped(&format!("{missing} is not installed (see .ci/run)"));
    }
    check(&dir).map(|()| Completion::Completed)
}

/// A checker that cannot run: ignored, with the reason, on a machine with only Rust; a failure
/// under CI, where `.ci/run` has installed everything.
fn skipped(reason: &str) -> Result<Completion, Failed> {
    if std::env::var("CI").is_ok_and(|ci| ci == "true" || ci == "1") {
        return Err(format!("under CI=true a checker may not be skipped: {reason}").into());
    }
    Ok(Completion::ignored_with(reason))
}

/// Where axe's Chromium is, as `axe.mjs` looks for it.
fn chromium() -> String {
    std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_owned())
}

/// Whether `program` (a name on the PATH, or a path) can be run.
fn on_path(program: &str) -> bool {
    if program.contains('/') {
        return Path::new(program).is_file();
    }
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(program).is_file()))
}

/// Every case of `cases/`, the hostile, leadership and rich-text fixtures, built as md, html and
/// docx in both editions, and the grading of the fixture class: the files with the given
/// extension. Built once for the checkers, which only read it.
fn built(extension: &str) -> Vec<PathBuf> {
    let dir = BUILT.get_or_init(build_all);
    walkdir::WalkDir::new(dir.path())
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .collect()
}

/// The pages and reports the checkers read; removed when the harness ends.
static BUILT: OnceLock<tempfile::TempDir> = OnceLock::new();

fn build_all() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    let cases = dir.path().join("cases");
    std::fs::create_dir(&cases).expect("cases folder");
    let sources = std::fs::read_dir(root().join("cases"))
        .expect("cases/")
        .chain(std::fs::read_dir(fixture("pdf")).expect("tests/fixtures/pdf"))
        // Free text with paragraphs, lists, quotes, headings and tables.
        .chain(std::fs::read_dir(fixture("checkers")).expect("tests/fixtures/checkers"));
    for entry in sources {
        let path = entry.expect("folder entry").path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let name = path.file_name().expect("file name");
            std::fs::copy(&path, cases.join(name)).expect("copy a case");
        }
    }
    for edition in ["teacher", "student"] {
        let out = dir.path().join(edition);
        build_ok(
            &cases,
            &out,
            &["--format", "md,html,docx", "--edition", edition, "--quiet"],
        );
    }
    // The grading overview and the feedback of the fixture class (one file there does not
    // load: exit 1, and a feedback page that says so).
    let graded = support::casebook()
        .arg("grade")
        .arg(fixture("grade/class"))
        .args([
            "--key",
            "cases/klantpartnerschap.yaml",
            "--format",
            "md,html,docx",
            "--out",
        ])
        .arg(dir.path().join("grades"))
        .output()
        .expect("run casebook grade");
    assert_eq!(
        graded.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&graded.stderr)
    );
    dir
}

pub(crate) fn run(mut command: Command, what: &str) -> Result<(), Failed> {
    let output = command
        .output()
        .map_err(|err| format!("cannot start {what}: {err}"))?;
    if output.status.success() {
        return Ok(());
    }
    Err(format!(
        "{what} found problems:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
    .into())
}

fn nu_html_checker(dir: &Path) -> Result<(), Failed> {
    let pages = built("html");
    assert!(pages.len() >= 8, "too few pages: {pages:?}");
    let mut command = Command::new("java");
    command
        .arg("-jar")
        .arg(dir.join("node_modules/vnu-jar/build/dist/vnu.jar"))
        .args(["--errors-only", "--format", "gnu"])
        .args(&pages);
    run(command, "the Nu HTML checker")
}

fn axe(dir: &Path) -> Result<(), Failed> {
    let pages = built("html");
    let mut command = Command::new("node");
    command.arg(dir.join("axe.mjs")).args(&pages);
    run(command, "axe-core")
}

fn markdownlint(dir: &Path) -> Result<(), Failed> {
    let reports = built("md");
    assert!(reports.len() >= 4, "too few reports: {reports:?}");
    let mut command = Command::new("node");
    command
        .arg(dir.join("node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs"))
        .arg("--config")
        .arg(dir.join(".markdownlint-cli2.jsonc"))
        .args(&reports);
    run(command, "markdownlint-cli2")
}
