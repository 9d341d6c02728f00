//! `casebook watch`: a saved case is rebuilt, a broken save prints its error and keeps the old
//! output, and the next good save builds again. The test waits for each step (up to a generous
//! limit) rather than timing it.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::support::{Running, background, root, starter};

fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let limit = Instant::now() + Duration::from_secs(60);
    while !done() {
        assert!(Instant::now() < limit, "gave up waiting: {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// `casebook watch PATH --out OUT --format FORMATS`, its messages into `log`.
fn watch(path: &Path, out: &Path, formats: &str, log: &Path) -> Running {
    Running::start(
        background(&root(), log)
            .arg("watch")
            .arg(path)
            .arg("--out")
            .arg(out)
            .args(["--format", formats]),
    )
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
    starter(&case);
    let log = dir.path().join("watch.log");
    let _watcher = watch(&cases, &out, "md,html", &log);
    let report = out.join("alfa/alfa.md");
    wait_for("the first build", || {
        read(&report).contains("Onderbouwing van de waardestrategie")
    });
    // The watch is subscribed before the first build: once that is written, a save is seen.
    let text = read(&case);
    std::fs::write(
        &case,
        text.replace("Onderbouwing van de waardestrategie", "Tweede versie"),
    )
    .expect("save the case");
    wait_for("the rebuild after a save", || {
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
    starter(&case);
    let log = dir.path().join("watch.log");
    let _watcher = watch(&cases, &dir.path().join("out"), "md", &log);
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

/// Saves `text` as an editor that saves by rename does (vim, `sed -i`): a new file beside the
/// case, renamed over it.
fn save_by_rename(case: &Path, text: &str) {
    let temporary = case.with_extension("yaml.swp");
    std::fs::write(&temporary, text).expect("write the new version");
    std::fs::rename(&temporary, case).expect("rename it over the case");
}

#[test]
fn watch_follows_a_single_file_saved_by_rename() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let case = dir.path().join("cases/alfa.yaml");
    starter(&case);
    let log = dir.path().join("watch.log");
    let out = dir.path().join("out");
    let _watcher = watch(&case, &out, "md", &log);
    // The watch is set up before the first build, so once it says it is watching, it is.
    wait_for("the watcher", || read(&log).contains(" wordt gevolgd; "));
    let text = read(&case);
    let report = out.join("alfa/alfa.md");
    for version in ["Tweede versie", "Derde versie", "Vierde versie"] {
        save_by_rename(
            &case,
            &text.replace("Onderbouwing van de waardestrategie", version),
        );
        wait_for(version, || read(&report).contains(version));
    }
}
