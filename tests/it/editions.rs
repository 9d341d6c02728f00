//! Both editions from one build: `build` writes each case's hand-out (the student edition) beside
//! its report and the index links both; `--edition teacher` writes the report alone.

use std::path::Path;

use crate::support::{build_ok, casebook, files, root};

/// The `href`s of the index's links into the cases' folders.
fn hrefs(index: &str) -> Vec<String> {
    index
        .split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|href| href.contains('/') && !href.starts_with('#'))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_hand_out_stands_beside_each_report_and_is_the_student_editions() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let (both, student) = (dir.path().join("both"), dir.path().join("student"));
    let cases = root().join("cases");
    build_ok(&cases, &both, &["--format", "html,md", "--quiet"]);
    build_ok(
        &cases,
        &student,
        &["--edition", "student", "--format", "html,md", "--quiet"],
    );
    // The hand-out beside the report is byte for byte the student edition's, so the leak test
    // over the student edition (handout.rs) holds for it too.
    let student_files = files(&student);
    let mut compared = 0;
    for (path, bytes) in files(&both) {
        let name = path.to_string_lossy().into_owned();
        if name.contains(".student.") {
            assert_eq!(Some(&bytes), student_files.get(&path), "{name}");
            compared += 1;
        }
    }
    assert_eq!(
        compared,
        6 * 3,
        "html, md and the starter case of six cases"
    );
    let index = std::fs::read_to_string(both.join("index.html")).expect("the index");
    assert!(index.contains("<th scope=\"col\">Opdracht voor studenten</th>"));
    let links = hrefs(&index);
    for slug in [
        "klantpartnerschap",
        "klantleiderschap",
        "northwind-outfitters",
    ] {
        for file in [
            format!("{slug}/{slug}.html"),
            format!("{slug}/{slug}.student.html"),
            format!("{slug}/{slug}.student.md"),
            format!("{slug}/{slug}.student.yaml"),
        ] {
            assert!(links.contains(&file), "the index does not link {file}");
        }
    }
    for href in &links {
        assert!(
            both.join(href).is_file(),
            "the index links {href}, not built"
        );
    }
}

#[test]
fn the_teacher_edition_alone_writes_no_hand_out() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let out = dir.path().join("out");
    let args = ["--edition", "teacher", "--format", "md", "--quiet"];
    build_ok(&root().join("cases"), &out, &args);
    assert!(
        files(&out)
            .keys()
            .all(|path| !path.to_string_lossy().contains(".student."))
    );
    let index = std::fs::read_to_string(out.join("index.html")).expect("the index");
    assert!(!index.contains("Opdracht voor studenten"));
}

#[test]
fn the_hand_out_is_rebuilt_kept_and_removed_with_its_case() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let (cases, out) = (dir.path().join("cases"), dir.path().join("out"));
    std::fs::create_dir(&cases).expect("cases folder");
    for name in ["klantpartnerschap.yaml", "kostenleiderschap.yaml"] {
        std::fs::copy(root().join("cases").join(name), cases.join(name)).expect("copy a case");
    }
    let build = |cases: &Path| {
        let output = casebook()
            .args(["build", "--format", "md"])
            .arg(cases)
            .arg("--out")
            .arg(&out)
            .output()
            .expect("run casebook");
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    build(&cases);
    let hand_out = out.join("kostenleiderschap/kostenleiderschap.student.md");
    assert!(hand_out.is_file());
    // Nothing changed: nothing is rebuilt, the hand-out included.
    assert!(build(&cases).contains("0 gebouwd, 2 ongewijzigd"));
    // A removed case takes its hand-out with it; the other case keeps its own.
    std::fs::remove_file(cases.join("kostenleiderschap.yaml")).expect("remove a case");
    build(&cases);
    assert!(!hand_out.exists(), "the hand-out of a removed case stays");
    assert!(
        out.join("klantpartnerschap/klantpartnerschap.student.md")
            .is_file()
    );
}
