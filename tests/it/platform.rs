//! `grade` on a learning platform's download (issue 27): zips built here with the file names each
//! platform gives its download of all submissions, holding case files and PDFs made by
//! `casebook build`; the students named as the platform names them, the newest of two files
//! counting, a PDF without a case given its own status, and a zip that climbs out of its folder or
//! holds too many files refused with one message and nothing written.
//!
//! The layouts are the ones in the project's notes on the platforms (Brightspace: "<n>-<n> - Name
//! - date - original" beside index.html; Canvas: "lastnamefirstname[_late]_<user>_<submission>_
//! original"; Moodle: "Full Name_<participant>_assignsubmission_file_original", flat or as a
//! folder per student), still to be confirmed against each platform's own documentation.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::support::{build_ok, casebook, fixture, root};

const KEY: &str = "cases/klantpartnerschap.yaml";

/// A zip of (name, bytes, day of December 2026) entries.
fn zip_of(path: &Path, files: &[(&str, Vec<u8>, u8)]) {
    let mut writer = zip::ZipWriter::new(std::fs::File::create(path).expect("the zip"));
    for (name, bytes, day) in files {
        let at = zip::DateTime::from_date_and_time(2026, 12, *day, 14, 23, 0).expect("a date");
        let options = zip::write::SimpleFileOptions::default().last_modified_time(at);
        writer.start_file(*name, options).expect("an entry");
        writer.write_all(bytes).expect("its bytes");
    }
    writer.finish().expect("the zip is written");
}

/// The PDF `casebook build` makes of a fixture student's case (`extra`: more options).
fn pdf_of(dir: &Path, case: &str, extra: &[&str]) -> Vec<u8> {
    let out = dir.join(format!("pdf-{case}"));
    let mut args = vec!["--format", "pdf", "--edition", "teacher"];
    args.extend(extra);
    build_ok(&fixture(&format!("grade/class/{case}.yaml")), &out, &args);
    std::fs::read(out.join(case).join(format!("{case}.pdf"))).expect("the PDF")
}

fn case_of(case: &str) -> Vec<u8> {
    std::fs::read(fixture(&format!("grade/class/{case}.yaml"))).expect("a fixture case")
}

/// `grade ZIP --key KEY --out OUT`: exit code, messages, and the CSV's rows as
/// (student, file, status, mark).
fn grade(zip: &Path, out: &Path) -> (i32, String, Vec<[String; 4]>) {
    let output = casebook()
        .arg("grade")
        .arg(zip)
        .args(["--key", KEY, "--out"])
        .arg(out)
        .output()
        .expect("run casebook grade");
    let rows = std::fs::read(out.join("grades.csv"))
        .map(|csv| {
            csv::Reader::from_reader(csv.as_slice())
                .records()
                .map(|r| {
                    let r = r.expect("a row");
                    [0, 1, 2, 3].map(|i| r.get(i).unwrap_or_default().to_string())
                })
                .collect()
        })
        .unwrap_or_default();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
        rows,
    )
}

fn row(student: &str, file: &str, status: &str, mark: &str) -> [String; 4] {
    [student, file, status, mark].map(str::to_string)
}

#[test]
fn a_brightspace_zip_of_pdfs_and_case_files_is_graded_by_the_platform_s_names() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let copy = pdf_of(dir.path(), "kopie", &[]);
    let no_case = pdf_of(dir.path(), "half", &["--pdf-standard", "ua-1,a-2b"]);
    let zip = dir.path().join("Opdracht 1 Download Dec 8, 2026 0930.zip");
    zip_of(
        &zip,
        &[
            ("index.html", b"<html></html>".to_vec(), 8),
            // Jan handed in twice: his first try and, a day later, the PDF that counts.
            (
                "148723-301244 - Jan de Vries - Dec 6, 2026 1423 - opdracht.yaml",
                case_of("half"),
                6,
            ),
            (
                "148723-301244 - Jan de Vries - Dec 7, 2026 1423 - opdracht.pdf",
                copy,
                7,
            ),
            (
                "148724-301245 - Zoë Çelik - Dec 7, 2026 0912 - mijn case.yaml",
                case_of("omgekeerd"),
                7,
            ),
            (
                "148725-301246 - Piet Bakker - Dec 7, 2026 2359 - verslag.pdf",
                no_case,
                7,
            ),
        ],
    );
    let out = dir.path().join("cijfers");
    let (code, stderr, rows) = grade(&zip, &out);
    assert_eq!(code, 1, "a PDF without a case is not graded: {stderr}");
    assert_eq!(
        rows,
        [
            row(
                "Jan de Vries",
                "148723-301244 - Jan de Vries - Dec 7, 2026 1423 - opdracht.pdf",
                "beoordeeld",
                "10.0"
            ),
            row(
                "Zoë Çelik",
                "148724-301245 - Zoë Çelik - Dec 7, 2026 0912 - mijn case.yaml",
                "beoordeeld",
                "2.2"
            ),
            row(
                "Piet Bakker",
                "148725-301246 - Piet Bakker - Dec 7, 2026 2359 - verslag.pdf",
                "geen casebook-PDF",
                ""
            ),
        ]
    );
    let feedback = std::fs::read_to_string(out.join("feedback/piet-bakker.html"))
        .expect("Piet's feedback page");
    assert!(
        feedback.contains("Alleen een PDF die casebook maakt draagt je case mee"),
        "{feedback}"
    );
}

#[test]
fn canvas_late_work_and_moodle_folders_name_their_students() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let canvas = dir.path().join("submissions.zip");
    zip_of(
        &canvas,
        &[
            ("vriesjande_4711_90210_case.yaml", case_of("kopie"), 7),
            (
                "celikzoe_late_4712_90233_mijn_case.yaml",
                case_of("half"),
                9,
            ),
        ],
    );
    let (_, stderr, rows) = grade(&canvas, &dir.path().join("canvas"));
    let students: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(students, ["vriesjande", "celikzoe"], "{stderr}");
    let moodle = dir.path().join("Marketing-Opdracht 1-12345.zip");
    zip_of(
        &moodle,
        &[
            (
                "Jan de Vries_501_assignsubmission_file/case.yaml",
                case_of("kopie"),
                7,
            ),
            (
                "Zoë Çelik_502_assignsubmission_file_case.yaml",
                case_of("half"),
                7,
            ),
        ],
    );
    let (_, stderr, rows) = grade(&moodle, &dir.path().join("moodle"));
    let students: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(students, ["Jan de Vries", "Zoë Çelik"], "{stderr}");
}

#[test]
fn a_zip_that_climbs_out_or_holds_too_many_files_is_refused_with_nothing_written() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let out: PathBuf = dir.path().join("cijfers");
    let climbing = dir.path().join("klimt.zip");
    zip_of(&climbing, &[("../../buiten.yaml", case_of("kopie"), 7)]);
    let (code, stderr, _) = grade(&climbing, &out);
    assert_eq!(code, 2);
    assert_eq!(
        stderr,
        format!(
            "{}: fout[DOWNLOAD]: het bestand `../../buiten.yaml` in deze zip wil buiten zijn map \
             geschreven worden; er is niets uitgepakt of nagekeken\n  = tip: download de \
             inleveringen opnieuw uit de leeromgeving; een zip van elders kan kwaad bedoeld zijn\n",
            climbing.display()
        )
    );
    let many = dir.path().join("veel.zip");
    let files: Vec<(String, Vec<u8>, u8)> = (0..10_001)
        .map(|n| (format!("{n}.yaml"), Vec::new(), 7))
        .collect();
    let files: Vec<(&str, Vec<u8>, u8)> = files
        .iter()
        .map(|(n, b, d)| (n.as_str(), b.clone(), *d))
        .collect();
    zip_of(&many, &files);
    let (code, stderr, _) = grade(&many, &out);
    assert_eq!(code, 2);
    assert!(
        stderr.contains(
            "fout[DOWNLOAD]: deze zip is te groot om uit te pakken (meer dan 10.000 bestanden of \
             512 MB uitgepakt); er is niets uitgepakt"
        ),
        "{stderr}"
    );
    assert!(!out.exists(), "nothing is written for a refused zip");
    assert!(!root().join("buiten.yaml").exists());
}
