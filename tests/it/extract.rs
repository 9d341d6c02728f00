//! The case file inside every PDF (issue 27): each bundled case's report carries its case byte
//! for byte and its hand-out the starter case (never the model answer), the last page says so in
//! the case's language, and `casebook extract` gives the file back, refusing word for word what
//! it cannot do.

use std::path::Path;

use crate::pdfread::{Pdf, normalise};
use crate::support::{build_ok, casebook, root};

/// Runs `casebook extract ARGS…`: exit code and messages.
fn extract(args: &[&std::ffi::OsStr]) -> (i32, String) {
    let output = casebook()
        .arg("extract")
        .args(args)
        .output()
        .expect("run casebook extract");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The last page's text on one line.
fn last_page(pdf: &[u8]) -> String {
    let pages = Pdf::read(pdf).page_texts();
    normalise(&pages.last().cloned().unwrap_or_default())
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_bundled_case_comes_back_byte_for_byte_from_its_report_and_its_hand_out_from_the_starter() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let out = dir.path().join("out");
    build_ok(&root().join("cases"), &out, &["--format", "pdf"]);
    let cases: Vec<_> = std::fs::read_dir(root().join("cases"))
        .expect("the bundled cases")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .collect();
    assert!(cases.len() >= 5, "{cases:?}");
    for case in &cases {
        let slug = case.file_stem().and_then(|s| s.to_str()).expect("a name");
        let name = format!("{slug}.yaml");
        let back = dir.path().join("back").join(slug);
        for pdf in [format!("{slug}.pdf"), format!("{slug}.student.pdf")] {
            let pdf = out.join(slug).join(pdf);
            let (code, stderr) = extract(&[pdf.as_os_str(), "--out".as_ref(), back.as_os_str()]);
            assert_eq!(code, 0, "{stderr}");
        }
        let original = std::fs::read(case).expect("the case");
        assert!(
            std::fs::read(back.join(&name)).expect("extracted") == original,
            "{name} did not come back byte for byte"
        );
        // The hand-out carries what the student gets, never the model answer.
        let starter = format!("{slug}.student.yaml");
        let written = std::fs::read(out.join(slug).join(&starter)).expect("the starter case");
        assert!(std::fs::read(back.join(&starter)).expect("extracted") == written);
        assert_ne!(written, original);
        let report = std::fs::read(out.join(slug).join(format!("{slug}.pdf"))).expect("the PDF");
        let sentence = if slug == "northwind-outfitters" {
            format!("This PDF carries the case file {name} it was made from.")
        } else {
            format!("Deze PDF bevat het casebestand {name} waaruit hij gemaakt is.")
        };
        assert!(
            last_page(&report).contains(&sentence),
            "{slug}: {}",
            last_page(&report)
        );
    }
}

#[test]
fn extract_writes_beside_the_pdf_and_never_over_a_file() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let out = dir.path().join("out");
    build_ok(
        &root().join("cases/klantpartnerschap.yaml"),
        &out,
        &["--format", "pdf"],
    );
    let pdf = out.join("klantpartnerschap/klantpartnerschap.pdf");
    let (code, stderr) = extract(&[pdf.as_os_str()]);
    let written = out.join("klantpartnerschap/klantpartnerschap.yaml");
    assert_eq!(
        (code, stderr),
        (
            0,
            format!(
                "{} geschreven: het casebestand uit {}\n",
                written.display(),
                pdf.display()
            )
        )
    );
    std::fs::write(&written, "mijn eigen werk").expect("a student's file");
    let (code, stderr) = extract(&[pdf.as_os_str()]);
    assert_eq!(
        (code, stderr),
        (
            2,
            format!(
                "fout: {} bestaat al en blijft zoals het is; kies een andere map met --out\n",
                written.display()
            )
        )
    );
    assert_eq!(
        std::fs::read_to_string(&written).expect("kept"),
        "mijn eigen werk"
    );
}

#[test]
fn a_file_that_is_no_pdf_and_a_pdf_without_a_case_are_named_so() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let out = dir.path().join("out");
    // PDF/A-2 forbids attachments: a real PDF without its case.
    build_ok(
        &root().join("cases/klantpartnerschap.yaml"),
        &out,
        &["--format", "pdf", "--pdf-standard", "ua-1,a-2b"],
    );
    let pdf = out.join("klantpartnerschap/klantpartnerschap.pdf");
    assert!(!last_page(&std::fs::read(&pdf).expect("the PDF")).contains("casebestand"));
    let (code, stderr) = extract(&[pdf.as_os_str()]);
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        format!(
            "fout: {} bevat geen casebestand; alleen een PDF die casebook maakt (casebook build, \
             casebook grade of de studio) draagt zijn case mee. Lever het .yaml-bestand in, of \
             maak de PDF opnieuw met casebook\n",
            pdf.display()
        )
    );
    let case = Path::new("cases/klantpartnerschap.yaml");
    let output = casebook()
        .args(["--lang", "en", "extract"])
        .arg(case)
        .output()
        .expect("run casebook extract");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: cases/klantpartnerschap.yaml is not a PDF; give the PDF casebook made (a report, \
         assignment or feedback)\n"
    );
    assert!(
        !out.join("klantpartnerschap/klantpartnerschap.yaml")
            .exists()
    );
}
