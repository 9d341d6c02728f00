//! The generated pages through the field's own checkers: the Nu HTML checker (vnu), axe-core in
//! headless Chromium (light and dark mode, no request outside the page) and markdownlint-cli2.
//! `.ci/run` installs them (`npm ci --prefix tests/checkers`, Debian's chromium); on a machine
//! without `tests/checkers/node_modules` these tests say so and pass.

use std::path::PathBuf;
use std::process::Command;

use crate::support::{build_ok, fixture, root};

fn checkers() -> Option<PathBuf> {
    let dir = root().join("tests/checkers");
    if dir.join("node_modules").is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "SKIPPED: the HTML/Markdown checkers are not installed; run `npm ci --prefix tests/checkers` (see .ci/run)"
        );
        None
    }
}

/// Every case of `cases/`, the hostile, leadership and rich-text fixtures, built as md and html in both
/// editions; returns the folder and the files with the given extension.
fn built(extension: &str) -> (tempfile::TempDir, Vec<PathBuf>) {
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
            &["--format", "md,html", "--edition", edition, "--quiet"],
        );
    }
    let files = walkdir::WalkDir::new(dir.path())
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .collect();
    (dir, files)
}

fn run(mut command: Command, what: &str) {
    let output = command
        .output()
        .unwrap_or_else(|err| panic!("cannot start {what}: {err}"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "{what} found problems:\n{stdout}\n{stderr}"
    );
}

#[test]
fn every_page_passes_the_nu_html_checker() {
    let Some(dir) = checkers() else { return };
    let (_out, pages) = built("html");
    assert!(pages.len() >= 8, "too few pages: {pages:?}");
    let mut command = Command::new("java");
    command
        .arg("-jar")
        .arg(dir.join("node_modules/vnu-jar/build/dist/vnu.jar"))
        .args(["--errors-only", "--format", "gnu"])
        .args(&pages);
    run(command, "the Nu HTML checker");
}

#[test]
fn every_page_passes_axe_in_light_and_dark_mode() {
    let Some(dir) = checkers() else { return };
    let (_out, pages) = built("html");
    let mut command = Command::new("node");
    command.arg(dir.join("axe.mjs")).args(&pages);
    run(command, "axe-core");
}

#[test]
fn every_report_passes_markdownlint() {
    let Some(dir) = checkers() else { return };
    let (_out, reports) = built("md");
    assert!(reports.len() >= 4, "too few reports: {reports:?}");
    let mut command = Command::new("node");
    command
        .arg(dir.join("node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs"))
        .arg("--config")
        .arg(dir.join(".markdownlint-cli2.jsonc"))
        .args(&reports);
    run(command, "markdownlint-cli2");
}
