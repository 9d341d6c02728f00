//! `casebook watch`: a saved case is rebuilt, a broken save prints its error and keeps the old
//! output, and the next good save builds again. The test waits for each step (up to a generous
//! limit) rather than timing it.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::root;

/// Kills the watcher when the test ends, pass or fail.
struct Watcher(Child);

impl Drop for Watcher {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let limit = Instant::now() + Duration::from_secs(60);
    while !done() {
        assert!(Instant::now() < limit, "gave up waiting: {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

#[test]
fn watch_rebuilds_a_saved_case_and_survives_a_broken_save() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let cases = dir.path().join("cases");
    let out = dir.path().join("out");
    std::fs::create_dir(&cases).expect("cases folder");
    let case = cases.join("alfa.yaml");
    crate::support::casebook()
        .arg("new")
        .arg(&case)
        .assert()
        .success();
    let log = dir.path().join("watch.log");
    let child = Command::new(assert_cmd::cargo::cargo_bin("casebook"))
        .current_dir(root())
        .arg("watch")
        .arg(&cases)
        .arg("--out")
        .arg(&out)
        .args(["--format", "md,html"])
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).expect("log file"))
        .spawn()
        .expect("start casebook watch");
    let _watcher = Watcher(child);
    let report = out.join("alfa/alfa.md");
    wait_for("the first build", || {
        read(&report).contains("Onderbouwing van de waardestrategie")
    });
    // It subscribes just after saying it follows the folder: a save in between is missed, so
    // the save is repeated (same bytes, no harm) until the rebuild shows, instead of a fixed pause.
    wait_for("the watcher to follow the folder", || {
        read(&log).contains(" wordt gevolgd; ")
    });
    let text = read(&case);
    let second = text.replace("Onderbouwing van de waardestrategie", "Tweede versie");
    let mut saved = Instant::now() - Duration::from_secs(2);
    wait_for("the rebuild after a save", || {
        if saved.elapsed() >= Duration::from_secs(2) {
            std::fs::write(&case, &second).expect("save the case");
            saved = Instant::now();
        }
        read(&report).contains("Tweede versie")
    });

    std::fs::write(&case, "meta: [\n").expect("save a broken case");
    wait_for("the error of the broken save", || {
        read(&log).contains("alfa.yaml:1:7")
    });
    assert!(
        read(&report).contains("Tweede versie"),
        "the broken save removed the old report"
    );

    std::fs::write(
        &case,
        text.replace("Onderbouwing van de waardestrategie", "Derde versie"),
    )
    .expect("save the fixed case");
    wait_for("the rebuild after the fix", || {
        read(&report).contains("Derde versie")
    });
}

/// The build summaries the watcher printed so far: one per build.
fn builds(log: &Path) -> usize {
    read(log)
        .lines()
        .filter(|l| l.contains(" gebouwd, "))
        .count()
}

#[test]
fn watch_builds_once_per_save_and_never_for_a_read() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let cases = dir.path().join("cases");
    let case = cases.join("alfa.yaml");
    crate::support::casebook()
        .arg("new")
        .arg(&case)
        .assert()
        .success();
    let log = dir.path().join("watch.log");
    let child = Command::new(assert_cmd::cargo::cargo_bin("casebook"))
        .current_dir(root())
        .arg("watch")
        .arg(&cases)
        .arg("--out")
        .arg(dir.path().join("out"))
        .args(["--format", "md"])
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).expect("log file"))
        .spawn()
        .expect("start casebook watch");
    let _watcher = Watcher(child);
    wait_for("the first build", || builds(&log) == 1);
    // Longer than the debounce and a build: a watcher that reacts to its own reads has rebuilt.
    let settle = || std::thread::sleep(Duration::from_millis(1500));
    settle();
    assert_eq!(builds(&log), 1, "rebuilt without a change:\n{}", read(&log));
    let text = read(&case);
    settle();
    assert_eq!(builds(&log), 1, "a read rebuilt:\n{}", read(&log));
    std::fs::write(&case, text.replace("Onderbouwing", "Tweede")).expect("save the case");
    wait_for("the rebuild after a save", || builds(&log) >= 2);
    settle();
    assert_eq!(builds(&log), 2, "one save, more builds:\n{}", read(&log));
}
