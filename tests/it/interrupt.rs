//! Interrupted builds: a real build killed at varied moments leaves every report either whole
//! old output or whole new output, never a truncated file, and the next build repairs the rest.

use std::path::Path;
use std::time::Duration;

use crate::support::{build_ok, files, root};

fn build(cases: &Path, out: &Path) {
    build_ok(cases, out, &["--quiet"]);
}

/// Six copies of the seed case; `edition` changes the title so every report changes.
fn write_cases(cases: &Path, edition: &str) {
    let seed = std::fs::read_to_string(root().join("cases/klantpartnerschap.yaml")).expect("seed");
    let title = seed
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("title: "))
        .expect("the seed has a title")
        .to_string();
    std::fs::create_dir_all(cases).expect("cases folder");
    for i in 0..6 {
        let text = seed.replacen(&title, &format!("{title} ({edition} {i})"), 1);
        std::fs::write(cases.join(format!("case-{i}.yaml")), text).expect("write a case");
    }
}

#[test]
fn a_killed_build_leaves_old_or_new_files_and_the_next_build_repairs() {
    let dir = tempfile::tempdir().expect("temporary folder");
    // The reports name their case file, so the reference builds read the same folder.
    let cases = dir.path().join("cases");
    let (old_out, new_out) = (dir.path().join("old-out"), dir.path().join("new-out"));
    write_cases(&cases, "oud");
    build(&cases, &old_out);
    write_cases(&cases, "nieuw");
    build(&cases, &new_out);
    let (old, new) = (files(&old_out), files(&new_out));

    let out = dir.path().join("out");
    // Kill moments from "before anything is written" to "nearly done"; each run starts from
    // the complete old output.
    for (round, millis) in [5u64, 40, 80, 150, 250, 400, 700].into_iter().enumerate() {
        let _ = std::fs::remove_dir_all(&cases);
        let _ = std::fs::remove_dir_all(&out);
        write_cases(&cases, "oud");
        build(&cases, &out);
        write_cases(&cases, "nieuw");
        let binary = assert_cmd::cargo::cargo_bin("casebook");
        let mut child = std::process::Command::new(binary)
            .current_dir(root())
            .arg("build")
            .arg(&cases)
            .arg("--out")
            .arg(&out)
            .args(["--quiet", "--jobs", "2"])
            .spawn()
            .expect("start a build");
        std::thread::sleep(Duration::from_millis(millis));
        let _ = child.kill();
        let _ = child.wait();

        for (path, bytes) in files(&out) {
            let name = path.to_string_lossy();
            if name.contains(".casebook-") && name.ends_with(".tmp") {
                continue; // a temporary file the kill left; the next build sweeps it
            }
            let whole = old.get(&path) == Some(&bytes) || new.get(&path) == Some(&bytes);
            assert!(
                whole,
                "round {round} ({millis} ms): {name} is neither the old nor the new file"
            );
        }
        build(&cases, &out);
        assert!(
            files(&out) == new,
            "round {round} ({millis} ms): the next build did not repair the output"
        );
    }
}
