//! Shared helpers: the binary under test, fixture paths, and expected-output files that
//! `UPDATE_EXPECT=1 cargo test --release` refreshes.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The project root (where Cargo.toml is).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A folder under `tests/fixtures`.
pub fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

/// The `casebook` binary, run from the project root.
pub fn casebook() -> assert_cmd::Command {
    let mut command = assert_cmd::Command::cargo_bin("casebook")
        .expect("the casebook binary is built by cargo test");
    command.current_dir(root());
    // The users' language, whatever the machine running the tests is set to; a test that wants
    // English passes `--lang en`.
    command
        .env("LANG", "nl_NL.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    command
}

/// `SOURCE_DATE_EPOCH` for 2025-09-01: `casebook new` dates its starter by it.
pub const STARTER_DAY: &str = "1756684800";

/// `casebook new PATH`, dated 2025-09-01 whatever the day, so that a test that edits the
/// starter's date does not depend on the day it runs.
pub fn new_starter(path: &Path) {
    casebook()
        .env("SOURCE_DATE_EPOCH", STARTER_DAY)
        .arg("new")
        .arg(path)
        .assert()
        .success();
}

/// Compares `actual` with the file at `expected`; with `UPDATE_EXPECT=1` writes it instead.
pub fn assert_expected(expected: &Path, actual: &str) {
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::create_dir_all(expected.parent().expect("expected files live in a folder"))
            .expect("create the expected folder");
        std::fs::write(expected, actual).expect("write the expected file");
        return;
    }
    let wanted = std::fs::read_to_string(expected).unwrap_or_else(|_| {
        panic!(
            "{} is missing; run with UPDATE_EXPECT=1 to create it",
            expected.display()
        )
    });
    assert_eq!(actual, wanted, "output differs from {}", expected.display());
}

/// Runs `casebook build CASES --out OUT ARGS…` and fails the test, showing its messages, unless
/// it succeeds.
pub fn build_ok(cases: &Path, out: &Path, args: &[&str]) {
    let assert = casebook()
        .arg("build")
        .arg(cases)
        .arg("--out")
        .arg(out)
        .args(args)
        .assert();
    let output = assert.get_output();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Every file under `dir` (but `.gitkeep`), by its path relative to `dir`, with its bytes.
pub fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.file_name() != ".gitkeep")
        .map(|e| {
            let relative = e.path().strip_prefix(dir).expect("under dir").to_path_buf();
            (relative, std::fs::read(e.path()).expect("read a file"))
        })
        .collect()
}

/// The diagnostics in the output of `check --format json`: one record per case, each with its
/// `diagnostics`.
pub fn json_diagnostics(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .flat_map(|record| {
            record["diagnostics"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .collect()
}

/// A `casebook` left running in the background (`watch`, `serve`); stopped when the test ends,
/// pass or fail.
pub struct Running(pub std::process::Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `casebook`, to be started in the background in `dir` in a Dutch environment, its standard
/// error into `log`.
pub fn background(dir: &Path, log: &Path) -> std::process::Command {
    let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("casebook"));
    command
        .current_dir(dir)
        .env("LANG", "nl_NL.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdout(std::process::Stdio::null())
        .stderr(std::fs::File::create(log).expect("log file"));
    command
}

impl Running {
    pub fn start(command: &mut std::process::Command) -> Self {
        Self(command.spawn().expect("start casebook"))
    }
}

/// Writes `casebook new`'s Dutch starter case at `path`.
pub fn starter(path: &Path) {
    casebook().arg("new").arg(path).assert().success();
}

/// What every format of the worked example must show: each item's id and text, the mission, the
/// functions and their consequences, the references and the thresholds (as plain text).
pub fn seed_phrases() -> Vec<String> {
    let loaded = casebook::read::load_case(&seed_case()).expect("the seed case loads");
    let case = &loaded.case;
    let mut expected: Vec<String> = case
        .argument_items()
        .iter()
        .flat_map(|item| {
            [
                item.id.value.clone(),
                casebook_core::markdown::plain(item.text),
            ]
        })
        .collect();
    expected.push(casebook_core::markdown::plain(
        &case.higher_decisions.mission.text,
    ));
    for function in &case.consequences.functions {
        expected.extend([
            casebook_core::markdown::plain(&function.function),
            casebook_core::markdown::plain(&function.text),
        ]);
    }
    expected.extend(
        case.references
            .iter()
            .map(|r| casebook_core::markdown::plain(&r.text)),
    );
    for (_, alternative) in case.alternatives.iter() {
        expected.extend(
            alternative
                .threshold
                .iter()
                .map(|t| casebook_core::markdown::plain(t)),
        );
    }
    expected
}

pub fn seed_case() -> PathBuf {
    root().join("cases/klantpartnerschap.yaml")
}
