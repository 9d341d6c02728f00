//! What one build touches: a build of one file or another folder keeps the other cases' output,
//! a format not built before is built, and a class's submissions in folders of their own
//! (`jan/opdracht.yaml`, `piet/opdracht.yaml`) build without renaming.

use crate::build::{build, stderr, two_good_cases};
use crate::support::casebook;

#[test]
fn a_build_of_one_file_keeps_the_other_cases_until_their_file_is_gone() {
    let (_dir, cases, out) = two_good_cases();
    build(&cases, &out, &["--format", "md"]).success();
    let alfa = cases.join("alfa.yaml");
    let one = build(&alfa, &out, &["--format", "md"]).success();
    assert!(!stderr(&one).contains("opgeruimd"), "{}", stderr(&one));
    assert!(
        out.join("bravo/bravo.md").is_file(),
        "bravo's report was removed"
    );
    let index = std::fs::read_to_string(out.join("index.html")).expect("index");
    assert!(index.contains("bravo/bravo.md"), "the index lost bravo");
    // Another folder, then the folder again: still both.
    let other = cases.parent().expect("a parent").join("other");
    std::fs::create_dir(&other).expect("another folder");
    std::fs::copy(&alfa, other.join("charlie.yaml")).expect("copy a case");
    build(&other, &out, &["--format", "md"]).success();
    for report in ["alfa/alfa.md", "bravo/bravo.md", "charlie/charlie.md"] {
        assert!(out.join(report).is_file(), "{report} is missing");
    }
    std::fs::remove_file(cases.join("bravo.yaml")).expect("delete bravo");
    let gone = build(&alfa, &out, &["--format", "md"]).success();
    assert!(
        stderr(&gone).contains("rapporten van verwijderde case(s) opgeruimd: bravo"),
        "{}",
        stderr(&gone)
    );
    assert!(!out.join("bravo").exists());
    assert!(out.join("charlie/charlie.md").is_file());
}

#[test]
fn a_format_not_built_before_is_built_and_recorded() {
    let (_dir, cases, out) = two_good_cases();
    build(&cases, &out, &["--format", "md"]).success();
    let second = build(&cases, &out, &["--format", "md,html"]).success();
    assert!(
        stderr(&second).contains("2 gebouwd, 0 ongewijzigd"),
        "{}",
        stderr(&second)
    );
    assert!(out.join("alfa/alfa.html").is_file());
    let manifest =
        std::fs::read_to_string(out.join(".casebook-manifest.json")).expect("the manifest");
    assert!(manifest.contains("\"formats\": [\n        \"md\",\n        \"html\"\n      ]"));
    // Fewer formats than recorded: nothing to do.
    let third = build(&cases, &out, &["--format", "html"]).success();
    assert!(
        stderr(&third).contains("0 gebouwd, 2 ongewijzigd"),
        "{}",
        stderr(&third)
    );
}

#[test]
fn submissions_in_folders_of_their_own_build_side_by_side() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let submissions = dir.path().join("inleveringen");
    for student in ["jan", "piet"] {
        casebook()
            .arg("new")
            .arg(submissions.join(student).join("opdracht"))
            .assert()
            .success();
    }
    let out = dir.path().join("output");
    build(&submissions, &out, &["--format", "md"]).success();
    for report in [
        "jan-opdracht/jan-opdracht.md",
        "piet-opdracht/piet-opdracht.md",
    ] {
        assert!(out.join(report).is_file(), "{report} is missing");
    }
    // One student's file alone gets the same name.
    let jan = submissions.join("jan/opdracht.yaml");
    let alone = build(&jan, &out, &["--format", "md"]).success();
    assert!(
        stderr(&alone).contains("0 gebouwd, 1 ongewijzigd"),
        "{}",
        stderr(&alone)
    );
    // A clash still shows the clashing file's own problems.
    std::fs::write(submissions.join("jan-opdracht.yaml"), "meta: [\n").expect("write");
    let clash = build(&submissions, &out, &["--format", "md"]).code(1);
    let text = stderr(&clash);
    assert!(text.contains("fout[SLUG-CLASH]"), "{text}");
    assert!(
        text.contains("jan-opdracht.yaml:1:7: fout[WRONG-TYPE]"),
        "{text}"
    );
    assert!(out.join("jan-opdracht/jan-opdracht.md").is_file());
}
