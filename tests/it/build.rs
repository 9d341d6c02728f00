//! `casebook build`: broken cases among good ones, incremental skips, `--force`, deleted cases,
//! kept output of a case that now fails, and the index page.

use std::path::{Path, PathBuf};

use crate::support::casebook;

/// A cases folder with two valid starter cases (nl and en) made by `casebook new`.
pub(crate) fn two_good_cases() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let cases = dir.path().join("cases");
    let out = dir.path().join("output");
    for (name, lang) in [("alfa", "nl"), ("bravo", "en")] {
        casebook()
            .args(["new", "--lang", lang])
            .arg(cases.join(name))
            .assert()
            .success();
    }
    (dir, cases, out)
}

pub(crate) fn build(cases: &Path, out: &Path, extra: &[&str]) -> assert_cmd::assert::Assert {
    casebook()
        .arg("build")
        .arg(cases)
        .arg("--out")
        .arg(out)
        .args(extra)
        .assert()
}

pub(crate) fn stderr(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stderr).into_owned()
}

#[test]
fn one_broken_case_does_not_stop_the_others() {
    let (_dir, cases, out) = two_good_cases();
    std::fs::write(cases.join("charlie.yaml"), "meta: [\n").expect("write the broken case");
    let assert = build(&cases, &out, &[]).code(1);
    let text = stderr(&assert);
    assert!(
        text.contains("charlie.yaml:1:7: fout[WRONG-TYPE]: hier hoort een onderdeel met `sleutel: waarde`-regels, maar er staat `[`"),
        "{text}"
    );
    assert!(
        text.contains("2 gebouwd, 0 ongewijzigd, 1 mislukt"),
        "{text}"
    );
    for file in [
        "alfa/alfa.md",
        "alfa/alfa.html",
        "alfa/alfa.pdf",
        "alfa/assessment.json",
        "bravo/bravo.pdf",
        "index.html",
    ] {
        assert!(out.join(file).is_file(), "{file} was not written");
    }
    assert!(!out.join("charlie").exists());
    let index = std::fs::read_to_string(out.join("index.html")).expect("index");
    assert!(index.contains("alfa/alfa.html") && index.contains("bravo/bravo.html"));
    assert!(!index.contains("charlie"));
}

#[test]
fn unchanged_cases_are_skipped_and_force_rebuilds_them() {
    let (_dir, cases, out) = two_good_cases();
    build(&cases, &out, &[]).success();
    let html = out.join("alfa/alfa.html");
    let first = std::fs::metadata(&html)
        .and_then(|m| m.modified())
        .expect("mtime");
    let again = build(&cases, &out, &[]).success();
    assert!(
        stderr(&again).contains("0 gebouwd, 2 ongewijzigd, 0 mislukt"),
        "{}",
        stderr(&again)
    );
    assert_eq!(
        std::fs::metadata(&html)
            .and_then(|m| m.modified())
            .expect("mtime"),
        first
    );
    let forced = build(&cases, &out, &["--force"]).success();
    assert!(
        stderr(&forced).contains("2 gebouwd, 0 ongewijzigd"),
        "{}",
        stderr(&forced)
    );
    let edited = std::fs::read_to_string(cases.join("alfa.yaml"))
        .expect("case")
        .replace("Voorbeeld bv", "Voorbeeld nv");
    std::fs::write(cases.join("alfa.yaml"), edited).expect("edit the case");
    let after_edit = build(&cases, &out, &[]).success();
    assert!(
        stderr(&after_edit).contains("1 gebouwd, 1 ongewijzigd"),
        "{}",
        stderr(&after_edit)
    );
    assert!(
        std::fs::read_to_string(&html)
            .expect("html")
            .contains("Voorbeeld nv")
    );
}

#[test]
fn a_case_that_now_fails_keeps_its_previous_output() {
    let (_dir, cases, out) = two_good_cases();
    build(&cases, &out, &[]).success();
    let before = std::fs::read(out.join("alfa/alfa.pdf")).expect("pdf");
    std::fs::write(cases.join("alfa.yaml"), "meta:\n\ttitle: kapot\n").expect("break the case");
    let assert = build(&cases, &out, &[]).code(1);
    let text = stderr(&assert);
    assert!(
        text.contains("1 mislukte case(s) behouden hun vorige rapporten"),
        "{text}"
    );
    assert_eq!(
        std::fs::read(out.join("alfa/alfa.pdf")).expect("pdf"),
        before
    );
    let index = std::fs::read_to_string(out.join("index.html")).expect("index");
    assert!(
        index.contains("alfa/alfa.html"),
        "the index still links the kept output"
    );
}

#[test]
fn the_output_of_a_deleted_case_is_removed() {
    let (_dir, cases, out) = two_good_cases();
    build(&cases, &out, &[]).success();
    std::fs::remove_file(cases.join("bravo.yaml")).expect("delete the case");
    let assert = build(&cases, &out, &[]).success();
    assert!(
        stderr(&assert).contains("rapporten van verwijderde case(s) opgeruimd: bravo"),
        "{}",
        stderr(&assert)
    );
    assert!(!out.join("bravo").exists());
    assert!(out.join("alfa/alfa.html").is_file());
    assert!(
        !std::fs::read_to_string(out.join("index.html"))
            .expect("index")
            .contains("bravo")
    );
}

#[test]
fn two_builds_write_identical_files() {
    let (dir, cases, out) = two_good_cases();
    build(&cases, &out, &[]).success();
    let second = dir.path().join("second");
    build(&cases, &second, &[]).success();
    for file in [
        "alfa/alfa.md",
        "alfa/alfa.html",
        "alfa/alfa.pdf",
        "alfa/assessment.json",
        "index.html",
    ] {
        assert_eq!(
            std::fs::read(out.join(file)).expect("first"),
            std::fs::read(second.join(file)).expect("second"),
            "{file} differs"
        );
    }
}

#[test]
fn a_missing_folder_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let assert = build(&dir.path().join("nope"), &dir.path().join("out"), &[]).code(2);
    assert!(
        stderr(&assert).contains("fout[NO-CASES]"),
        "{}",
        stderr(&assert)
    );
}

#[test]
fn an_unchanged_case_repeats_its_warnings() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let cases = dir.path().join("cases");
    std::fs::create_dir_all(&cases).expect("cases folder");
    std::fs::copy(
        crate::support::root().join("cases/klantpartnerschap.yaml"),
        cases.join("seed.yaml"),
    )
    .expect("copy the seed case");
    let first = build(&cases, &dir.path().join("output"), &[]).success();
    let warning = "waarschuwing[SMART-T]: Doelstelling D3 is niet tijdgebonden";
    let first = stderr(&first);
    assert!(first.contains(warning), "{first}");
    assert!(
        first.contains("1 gebouwd, 0 ongewijzigd, 0 mislukt, 3 waarschuwing(en)"),
        "{first}"
    );

    // Reached by another path, from another working folder: the warning names the file as given.
    let again = casebook()
        .current_dir(dir.path())
        .args(["build", "cases", "--out", "output"])
        .assert()
        .success();
    let again = stderr(&again);
    let place = format!("{}:", Path::new("cases").join("seed.yaml").display());
    let repeated = again
        .lines()
        .find(|line| line.contains(warning))
        .unwrap_or_else(|| panic!("the warning is not repeated: {again}"));
    assert!(repeated.starts_with(&place), "{again}");
    assert!(
        again.contains("0 gebouwd, 1 ongewijzigd, 0 mislukt, 3 waarschuwing(en)"),
        "{again}"
    );
    assert_eq!(
        again
            .lines()
            .filter(|l| l.contains("waarschuwing["))
            .count(),
        first
            .lines()
            .filter(|l| l.contains("waarschuwing["))
            .count()
    );
}

#[test]
fn each_case_prints_its_lines_together() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let cases = dir.path().join("cases");
    std::fs::create_dir_all(&cases).expect("cases folder");
    let seed = crate::support::root().join("cases/klantpartnerschap.yaml");
    for i in 0..8 {
        std::fs::copy(&seed, cases.join(format!("warned-{i}.yaml"))).expect("copy the seed");
        std::fs::write(cases.join(format!("broken-{i}.yaml")), "meta: [\n").expect("write");
    }
    let out = dir.path().join("output");
    build(&cases, &out, &[]).code(1);
    // The second build repeats the warnings of unchanged cases at once, all workers together.
    let text = stderr(&build(&cases, &out, &["--jobs", "4"]).code(1));
    let case_of = |line: &str| {
        let line = line.trim_start().trim_start_matches("MISLUKT ");
        let end = line.find(".yaml")?;
        let name = Path::new(&line[..end])
            .file_name()?
            .to_string_lossy()
            .into_owned();
        Some(name)
    };
    let mut runs: Vec<String> = Vec::new();
    for case in text.lines().filter_map(case_of) {
        if runs.last() != Some(&case) {
            runs.push(case);
        }
    }
    let mut distinct = runs.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(
        runs.len(),
        distinct.len(),
        "a case's lines are split: {runs:?}\n{text}"
    );
    assert_eq!(distinct.len(), 16, "{text}");
}

/// A hand-out folder inside the cases folder holds each case's starter `.yaml`; a build of the
/// folder around it must not take those starters for cases of its own.
#[test]
fn a_folder_casebook_built_into_is_not_searched_for_cases() {
    let (_dir, cases, out) = two_good_cases();
    let handout = cases.join("hand-out");
    build(
        &cases,
        &handout,
        &["--edition", "student", "--format", "md"],
    )
    .success();
    assert!(handout.join("alfa/alfa.student.yaml").is_file());
    let text = stderr(&build(&cases, &out, &["--format", "md"]).success());
    assert!(
        text.contains("2 gebouwd, 0 ongewijzigd, 0 mislukt"),
        "{text}"
    );
    let built: Vec<String> = std::fs::read_dir(&out)
        .expect("output")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(built.len(), 2, "{built:?}");
}
