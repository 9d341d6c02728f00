//! Shared helpers: the binary under test, fixture paths, and expected-output files that
//! `UPDATE_EXPECT=1 cargo test --release` refreshes.

#![allow(dead_code)]

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
    command
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
