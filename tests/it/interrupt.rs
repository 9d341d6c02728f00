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
    // the complete old output: a copy of the old build (the manifest holds content hashes, so a
    // copy is what a build would leave), not a build of its own each round.
    for (round, millis) in [5u64, 40, 80, 150, 250, 400, 700].into_iter().enumerate() {
        let _ = std::fs::remove_dir_all(&out);
        for (path, bytes) in &old {
            let file = out.join(path);
            std::fs::create_dir_all(file.parent().expect("in a folder")).expect("a folder");
            std::fs::write(file, bytes).expect("copy the old output");
        }
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

/// Ctrl-C in the middle of a build: the case in flight is finished, the index and the manifest
/// list what was built, the exit code is 130, and the next build builds the rest.
#[cfg(unix)]
#[test]
fn ctrl_c_finishes_the_case_in_flight_writes_the_index_and_exits_130() {
    use nix::sys::signal::{Signal, kill};
    use nix::unistd::Pid;

    let dir = tempfile::tempdir().expect("temporary folder");
    let cases = dir.path().join("cases");
    let out = dir.path().join("out");
    write_cases(&cases, "oud");
    let binary = assert_cmd::cargo::cargo_bin("casebook");
    let child = std::process::Command::new(binary)
        .current_dir(root())
        .env("LANG", "nl_NL.UTF-8")
        .arg("build")
        .arg(&cases)
        .arg("--out")
        .arg(&out)
        .args(["--quiet", "--jobs", "1"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start a build");
    // Interrupt once the first case's report is written: the second is then in flight or next.
    let first = out.join("case-0/case-0.pdf");
    let started = std::time::Instant::now();
    while !first.is_file() {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the first case was never built"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    let pid = Pid::from_raw(i32::try_from(child.id()).expect("a process id"));
    kill(pid, Signal::SIGINT).expect("send Ctrl-C");
    let output = child.wait_with_output().expect("the build ends");
    assert_eq!(output.status.code(), Some(130));

    let built: Vec<usize> = (0..6)
        .filter(|i| out.join(format!("case-{i}/case-{i}.pdf")).is_file())
        .collect();
    assert!(!built.is_empty() && built.len() < 6, "built: {built:?}");
    assert_eq!(
        built,
        (0..built.len()).collect::<Vec<_>>(),
        "cases are built in order"
    );
    let left = 6 - built.len();
    let stderr = String::from_utf8_lossy(&output.stderr);
    // The last two lines: the summary, then why the build stopped (the cases' warnings before).
    let lines: Vec<&str> = stderr
        .lines()
        .rev()
        .take(2)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    assert!(
        lines[0].starts_with(&format!(
            "{} gebouwd, 0 ongewijzigd, 0 mislukt, ",
            built.len()
        )),
        "{stderr}"
    );
    assert_eq!(
        lines[1..],
        [format!(
            "onderbroken met Ctrl-C: {left} case(s) niet gebouwd; de index en het manifest tonen wat wel gebouwd is; bouw opnieuw voor de rest"
        )]
    );
    let index = std::fs::read_to_string(out.join("index.html")).expect("the index is written");
    let manifest = std::fs::read_to_string(out.join(".casebook-manifest.json"))
        .expect("the manifest is written");
    for i in 0..6 {
        let listed = index.contains(&format!("case-{i}/case-{i}.html"));
        assert_eq!(listed, built.contains(&i), "case-{i} in the index");
        assert_eq!(
            manifest.contains(&format!("\"case-{i}\"")),
            built.contains(&i),
            "case-{i} in the manifest"
        );
    }

    let next = crate::support::casebook()
        .arg("build")
        .arg(&cases)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&next.get_output().stderr).into_owned();
    let summary = stderr.lines().last().unwrap_or_default();
    assert!(
        summary.starts_with(&format!(
            "{left} gebouwd, {} ongewijzigd, 0 mislukt",
            built.len()
        )),
        "{stderr}"
    );
}
