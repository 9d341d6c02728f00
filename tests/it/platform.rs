//! `grade` on a learning platform's download (issue 27): zips built here with the file names each
//! platform gives its download of all submissions, holding case files and PDFs made by
//! `casebook build`; the students named as the platform names them, the newest of two files
//! counting, a PDF without a case given its own status, and a zip that climbs out of its folder or
//! holds too many files refused with one message and nothing written.
//!
//! The fixtures' names are written as each platform's own code writes its download: Canvas
//! `<sortable name>[_LATE]_<user id>_<file id>_<name>` (canvas-lms `lib/content_zipper.rb`),
//! Moodle `<Full Name>_<participant id>_assignsubmission_file` as a folder per student (the
//! default since 3.1) or as the prefix of a flat name (moodle `mod/assign/classes/downloader.php`);
//! Brightspace `<n>-<n> - Name - date - original` beside index.html (teachers' downloads: D2L's
//! documentation does not spell it out). The files going back are checked against what the
//! platforms read: Brightspace's "Importing grades" (community.d2l.com/brightspace/kb/articles/
//! 3538-importing-grades), Canvas's gradebook export and its re-upload of feedback files (canvas-lms
//! `Assignment#infer_comment_context_from_filename`: the user and file id are the first two
//! all-digit parts of a name split on `_`), Moodle's offline grading worksheet
//! (`mod/assign/feedback/offline/importgradeslib.php`: `Identifier` holds `Participant <id>`) and
//! its feedback zip (`mod/assign/feedback/file/importziplib.php`: a folder `<name>_<id>_<plugin
//! type>_<plugin name>` per student).

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
            csv_rows(&csv)
                .into_iter()
                .map(|r| [0, 1, 2, 3].map(|i| r.get(i).cloned().unwrap_or_default()))
                .collect()
        })
        .unwrap_or_default();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
        rows,
    )
}

/// A CSV's header, read back by the csv crate.
fn header_of(csv: &[u8]) -> Vec<String> {
    let mut reader = csv::Reader::from_reader(csv);
    let header = reader.headers().expect("a header");
    header.iter().map(str::to_string).collect()
}

/// A CSV's rows (the header left out), read back by the csv crate.
fn csv_rows(csv: &[u8]) -> Vec<Vec<String>> {
    csv::Reader::from_reader(csv)
        .records()
        .map(|r| r.expect("a row").iter().map(str::to_string).collect())
        .collect()
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
    assert!(
        stderr.ends_with(&format!(
            "2 beoordeeld, 0 leeg, 0 andere case, 0 niet te lezen, 1 geen casebook-PDF; 0 groep(en) \
             om te controleren → {}\n",
            out.join("index.html").display()
        )),
        "{stderr}"
    );
    let overview = std::fs::read_to_string(out.join("index.html")).expect("the overview");
    assert!(
        overview.contains(
            "Ook ingeleverd, niet beoordeeld (het laatst ingeleverde bestand telt): \
             148723-301244 - Jan de Vries - Dec 6, 2026 1423 - opdracht.yaml"
        ),
        "Jan's first try is listed"
    );
    for page in ["feedback/jan-de-vries.html", "feedback/jan-de-vries.md"] {
        let text = std::fs::read_to_string(out.join(page)).expect("Jan's feedback");
        assert!(
            text.contains(
                "Ook ingeleverd, niet beoordeeld (het laatst ingeleverde bestand telt): \
                 148723-301244 - Jan de Vries - Dec 6, 2026 1423 - opdracht.yaml"
            ),
            "{page} lists Jan's first try"
        );
    }
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
                "celikzoe_LATE_4712_90233_mijn_case.yaml",
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

/// `grade ZIP --key KEY --out OUT --lms LMS ...`: exit code and messages.
fn grade_for(zip: &Path, out: &Path, lms: &str, extra: &[&str]) -> (i32, String) {
    let output = casebook()
        .arg("grade")
        .arg(zip)
        .args(["--key", KEY, "--out"])
        .arg(out)
        .args(["--lms", lms])
        .args(extra)
        .output()
        .expect("run casebook grade");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The names in a zip, in its order.
fn names_in(zip: &Path) -> Vec<String> {
    let bytes = std::fs::read(zip).expect("the feedback zip");
    casebook_core::grade::archive::files(&bytes)
        .expect("a readable zip")
        .into_iter()
        .map(|entry| entry.path)
        .collect()
}

/// The case file a PDF in the zip carries: its name and bytes.
fn case_in(zip: &Path, name: &str) -> (String, Vec<u8>) {
    let bytes = std::fs::read(zip).expect("the feedback zip");
    let entry = casebook_core::grade::archive::files(&bytes)
        .expect("a readable zip")
        .into_iter()
        .find(|entry| entry.path == name)
        .unwrap_or_else(|| panic!("{name} in the zip"));
    let case = casebook_core::render::pdf::embedded::case_file(&entry.bytes).expect("a case");
    (case.name, case.bytes)
}

#[test]
fn moodle_gets_its_grading_worksheet_and_a_feedback_folder_per_participant() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let zip = dir.path().join("MKT1-Opdracht 1-12345.zip");
    zip_of(
        &zip,
        &[
            (
                "Jan de Vries_501_assignsubmission_file/opdracht.yaml",
                case_of("kopie"),
                7,
            ),
            (
                "Zoë Çelik_502_assignsubmission_file/mijn case.yaml",
                case_of("omgekeerd"),
                7,
            ),
            (
                "Piet Bakker_503_assignsubmission_file/leeg.yaml",
                Vec::new(),
                7,
            ),
        ],
    );
    let out = dir.path().join("cijfers");
    let (code, stderr) = grade_for(&zip, &out, "moodle", &["--format", "pdf,html"]);
    assert_eq!(code, 0, "{stderr}");
    let csv = std::fs::read(out.join("grades-moodle.csv")).expect("the worksheet");
    assert_eq!(
        header_of(&csv),
        ["Identifier", "Full name", "Grade", "Last modified (grade)"]
    );
    assert_eq!(
        csv_rows(&csv),
        [
            ["Participant 501", "Jan de Vries", "10.0", ""],
            ["Participant 502", "Zoë Çelik", "2.2", ""],
            ["Participant 503", "Piet Bakker", "1.0", ""],
        ]
        .map(|r| r.map(str::to_string).to_vec())
    );
    let feedback = out.join("feedback-moodle.zip");
    assert_eq!(
        names_in(&feedback),
        [
            "Jan de Vries_501_assignsubmission_file/jan-de-vries.html",
            "Jan de Vries_501_assignsubmission_file/jan-de-vries.pdf",
            // An empty case gets its notice as a page only.
            "Piet Bakker_503_assignsubmission_file/piet-bakker.html",
            "Zoë Çelik_502_assignsubmission_file/zoë-çelik.html",
            "Zoë Çelik_502_assignsubmission_file/zoë-çelik.pdf",
        ]
    );
    // The feedback PDF carries the student's case under the name they gave it.
    assert_eq!(
        case_in(
            &feedback,
            "Zoë Çelik_502_assignsubmission_file/zoë-çelik.pdf"
        ),
        ("mijn case.yaml".to_string(), case_of("omgekeerd"))
    );
    assert!(
        stderr.ends_with(
            "Voor Moodle: grades-moodle.csv om de cijfers te importeren en feedback-moodle.zip om \
             de feedback te uploaden (zie de README, „Via de leeromgeving”).\n"
        ),
        "{stderr}"
    );
    // The same download gives the same bytes.
    let again = dir.path().join("opnieuw");
    grade_for(&zip, &again, "moodle", &["--format", "pdf,html"]);
    for name in ["grades-moodle.csv", "feedback-moodle.zip"] {
        assert!(
            std::fs::read(out.join(name)).ok() == std::fs::read(again.join(name)).ok(),
            "{name} differs between two runs"
        );
    }
}

#[test]
fn canvas_gets_its_gradebook_columns_and_files_it_can_attach_as_comments() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let zip = dir.path().join("submissions.zip");
    let pdf = pdf_of(dir.path(), "kopie", &[]);
    zip_of(
        &zip,
        &[
            ("vriesjande_4711_90210_kopie.pdf", pdf, 7),
            (
                "celikzoe_LATE_4712_90233_mijn_case.yaml",
                case_of("omgekeerd"),
                9,
            ),
        ],
    );
    let out = dir.path().join("cijfers");
    let (code, stderr) = grade_for(&zip, &out, "canvas", &["--assignment", "Opdracht 1 (4821)"]);
    assert_eq!(code, 0, "{stderr}");
    let csv = std::fs::read(out.join("grades-canvas.csv")).expect("the gradebook CSV");
    assert_eq!(
        header_of(&csv),
        [
            "Student",
            "ID",
            "SIS User ID",
            "SIS Login ID",
            "Section",
            "Opdracht 1 (4821)"
        ]
    );
    assert_eq!(
        csv_rows(&csv),
        [
            ["vriesjande", "4711", "", "", "", "10.0"],
            ["celikzoe", "4712", "", "", "", "2.2"],
        ]
        .map(|r| r.map(str::to_string).to_vec())
    );
    let feedback = out.join("feedback-canvas.zip");
    let names = names_in(&feedback);
    assert_eq!(
        names,
        [
            "celikzoe_LATE_4712_90233_celikzoe.html",
            "celikzoe_LATE_4712_90233_celikzoe.pdf",
            "vriesjande_4711_90210_vriesjande.html",
            "vriesjande_4711_90210_vriesjande.pdf",
        ]
    );
    // Canvas reads the user and the file id as the first two all-digit parts.
    for name in &names {
        let ids: Vec<&str> = name
            .split('_')
            .filter(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            .take(2)
            .collect();
        assert!(
            ids == ["4712", "90233"] || ids == ["4711", "90210"],
            "{name}"
        );
    }
    assert_eq!(
        case_in(&feedback, "celikzoe_LATE_4712_90233_celikzoe.pdf").0,
        "mijn_case.yaml"
    );
    assert_eq!(
        case_in(&feedback, "vriesjande_4711_90210_vriesjande.pdf"),
        ("kopie.yaml".to_string(), case_of("kopie"))
    );
}

#[test]
fn brightspace_s_ids_are_not_in_its_download_so_none_is_guessed() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let zip = dir.path().join("Opdracht 1 Download Dec 8, 2026 0930.zip");
    zip_of(
        &zip,
        &[
            ("index.html", b"<html></html>".to_vec(), 8),
            (
                "148723-301244 - Jan de Vries - Dec 7, 2026 1423 - opdracht.yaml",
                case_of("kopie"),
                7,
            ),
            (
                "148724-301245 - Zoë Çelik - Dec 7, 2026 0912 - mijn case.yaml",
                case_of("omgekeerd"),
                7,
            ),
        ],
    );
    let out = dir.path().join("cijfers");
    let (code, stderr) = grade_for(&zip, &out, "brightspace", &["--format", "pdf", "-q"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stderr,
        "In grades-brightspace.csv ontbreekt bij 2 student(en) het OrgDefinedId of de Username \
         dat Brightspace nodig heeft, want de download geeft het niet: Jan de Vries, Zoë Çelik. \
         Vul het in voordat je het bestand importeert; er is niets gegokt.\n"
    );
    let csv = std::fs::read(out.join("grades-brightspace.csv")).expect("the import file");
    assert_eq!(
        header_of(&csv),
        [
            "OrgDefinedId",
            "Username",
            "Klantpartnerschap-voorbeeld Points Grade",
            "End-of-Line Indicator"
        ]
    );
    assert_eq!(
        csv_rows(&csv),
        [["", "", "10.0", "#"], ["", "", "2.2", "#"]].map(|r| r.map(str::to_string).to_vec())
    );
    let overview = std::fs::read_to_string(out.join("index.html")).expect("the overview");
    assert!(
        overview.contains("want de download geeft het niet: Jan de Vries, Zoë Çelik."),
        "the overview names them"
    );
    assert_eq!(
        names_in(&out.join("feedback-brightspace.zip")),
        ["jan-de-vries.pdf", "zoë-çelik.pdf"]
    );
}

#[test]
fn a_folder_of_pdfs_is_graded_and_a_placeholder_author_names_nobody() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let folder = dir.path().join("inleveringen");
    std::fs::create_dir_all(&folder).expect("a folder");
    std::fs::write(folder.join("jan.pdf"), pdf_of(dir.path(), "kopie", &[])).expect("a PDF");
    // A hand-out's starter left with its placeholder author, in a zip of no platform.
    let starter = String::from_utf8(case_of("half"))
        .expect("UTF-8")
        .replace("author: Cees Half", "author: Naam student");
    let (code, stderr, rows) = grade(&folder, &dir.path().join("map"));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(rows[0][2], "beoordeeld", "{rows:?}");
    assert_eq!(rows[0][1], "jan.pdf");
    let zip = dir.path().join("los.zip");
    zip_of(&zip, &[("opdracht-zoe.yaml", starter.into_bytes(), 7)]);
    let (_, stderr, rows) = grade(&zip, &dir.path().join("zip"));
    assert_eq!(rows[0][0], "opdracht-zoe", "{stderr}");
}

#[test]
fn an_unknown_platform_is_a_usage_error_in_the_user_s_words() {
    let output = casebook()
        .env("LANG", "nl_NL.UTF-8")
        .args([
            "grade",
            "inleveringen.zip",
            "--key",
            KEY,
            "--lms",
            "blackboard",
        ])
        .output()
        .expect("run casebook grade");
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr).lines().next(),
        Some(
            "fout: `blackboard` kan niet bij --lms <LEEROMGEVING>: onbekende leeromgeving \
             `blackboard`: kies brightspace, canvas of moodle"
        )
    );
}

#[test]
fn an_unpacked_download_is_read_as_the_zip_the_newest_file_counting() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let folder = dir.path().join("MKT1-Opdracht 1-12345");
    let jan = folder.join("Jan de Vries_501_assignsubmission_file");
    std::fs::create_dir_all(&jan).expect("a folder");
    let write = |path: &Path, bytes: Vec<u8>, seconds: u64| {
        std::fs::write(path, bytes).expect("a file");
        let at = std::time::UNIX_EPOCH + std::time::Duration::from_secs(seconds);
        let file = std::fs::File::options()
            .write(true)
            .open(path)
            .expect("open");
        file.set_modified(at).expect("its date");
    };
    // Jan's first try was written later on disk by name order, earlier by date.
    write(&jan.join("z-eerste.yaml"), case_of("half"), 1_765_000_000);
    write(
        &jan.join("opdracht.pdf"),
        pdf_of(dir.path(), "kopie", &[]),
        1_765_100_000,
    );
    write(
        &folder.join("Zoë Çelik_502_assignsubmission_file_case.yaml"),
        case_of("omgekeerd"),
        1_765_000_000,
    );
    let out = dir.path().join("cijfers");
    let (code, stderr) = grade_for(&folder, &out, "moodle", &["--format", "html"]);
    assert_eq!(code, 0, "{stderr}");
    let csv = std::fs::read(out.join("grades-moodle.csv")).expect("the worksheet");
    assert_eq!(
        csv_rows(&csv),
        [
            ["Participant 501", "Jan de Vries", "10.0", ""],
            ["Participant 502", "Zoë Çelik", "2.2", ""],
        ]
        .map(|r| r.map(str::to_string).to_vec())
    );
    let overview = std::fs::read_to_string(out.join("index.html")).expect("the overview");
    assert!(
        overview.contains(
            "Ook ingeleverd, niet beoordeeld (het laatst ingeleverde bestand telt): \
             Jan de Vries_501_assignsubmission_file/z-eerste.yaml"
        ),
        "Jan's first try is listed"
    );
}

/// Brightspace's download of three students, as in the test above, plus one the class list lacks.
fn brightspace_download(dir: &Path) -> std::path::PathBuf {
    let zip = dir.join("Opdracht 1 Download Dec 8, 2026 0930.zip");
    zip_of(
        &zip,
        &[
            (
                "148723-301244 - Jan de Vries - Dec 7, 2026 1423 - opdracht.yaml",
                case_of("kopie"),
                7,
            ),
            (
                "148724-301245 - Zoë Çelik - Dec 7, 2026 0912 - mijn case.yaml",
                case_of("omgekeerd"),
                7,
            ),
            (
                "148725-301246 - Piet Bakker - Dec 7, 2026 1001 - case.yaml",
                case_of("omgekeerd"),
                7,
            ),
        ],
    );
    zip
}

/// The grade book as Brightspace's Grades › Export writes it with Key Field "Both" and the user
/// details (community.d2l.com/brightspace/kb/articles/3538-importing-grades;
/// brightspacehelp.usc.edu/instructors/import-grades): two Zoe Celiks, no Piet Bakker.
const BRIGHTSPACE_ROSTER: &str = "\u{feff}OrgDefinedId,Username,Last Name,First Name,Email,\
Opdracht 1 Points Grade,End-of-Line Indicator\r\n\
1029384,jdevries,De Vries,Jan,jan@school.nl,,#\r\n\
1029385,zcelik,Celik,Zoe,zoe@school.nl,,#\r\n\
1029386,zcelik2,Çelik,Zoë,zoe2@school.nl,,#\r\n";

#[test]
fn brightspace_s_class_list_gives_the_ids_by_name_and_names_who_it_cannot_match() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let zip = brightspace_download(dir.path());
    let roster = dir.path().join("klassenlijst.csv");
    std::fs::write(&roster, BRIGHTSPACE_ROSTER).expect("the class list");
    let out = dir.path().join("cijfers");
    let roster_arg = roster.to_string_lossy().into_owned();
    let extra = ["--format", "pdf", "-q", "--roster", &roster_arg];
    let (code, stderr) = grade_for(&zip, &out, "brightspace", &extra);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stderr,
        "In grades-brightspace.csv ontbreekt bij 1 student(en) het OrgDefinedId of de Username: \
         de naam staat niet in de klassenlijst (--roster): Piet Bakker. Vul het in voordat je \
         het bestand importeert; er is niets gegokt.\n\
         In grades-brightspace.csv ontbreekt bij 1 student(en) het OrgDefinedId of de Username: \
         de naam staat meer dan eens in de klassenlijst (--roster): Zoë Çelik. Vul het in \
         voordat je het bestand importeert; er is niets gegokt.\n"
    );
    let csv = std::fs::read(out.join("grades-brightspace.csv")).expect("the import file");
    assert_eq!(
        csv_rows(&csv),
        [
            ["1029384", "jdevries", "10.0", "#"],
            ["", "", "2.2", "#"],
            ["", "", "2.2", "#"],
        ]
        .map(|r| r.map(str::to_string).to_vec())
    );
    let overview = std::fs::read_to_string(out.join("index.html")).expect("the overview");
    assert!(
        overview.contains("de naam staat niet in de klassenlijst (--roster): Piet Bakker.")
            && overview.contains("meer dan eens in de klassenlijst (--roster): Zoë Çelik."),
        "the overview names them"
    );
}

#[test]
fn a_class_list_that_is_no_csv_or_lacks_the_columns_stops_with_one_message() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let zip = brightspace_download(dir.path());
    let out = dir.path().join("cijfers");
    let pdf = dir.path().join("lijst.pdf");
    std::fs::write(&pdf, b"%PDF-1.7\n\0\xff\xfe").expect("a PDF");
    let csv = dir.path().join("lijst.csv");
    std::fs::write(&csv, "Naam;Studentnummer\r\nJan de Vries;123\r\n").expect("a CSV");
    let cases = [
        (
            &pdf,
            "de klassenlijst is geen CSV-bestand; er is niets beoordeeld",
        ),
        (
            &csv,
            "de klassenlijst mist de kolommen OrgDefinedId, Username, Last Name, First Name; \
             er is niets beoordeeld",
        ),
    ];
    for (roster, message) in cases {
        let roster_arg = roster.to_string_lossy().into_owned();
        let (code, stderr) = grade_for(&zip, &out, "brightspace", &["--roster", &roster_arg]);
        assert_eq!(code, 2, "{stderr}");
        assert!(stderr.contains(message), "{stderr}");
        assert_eq!(stderr.matches("fout").count(), 1, "one message: {stderr}");
        assert!(!out.exists(), "nothing is graded: {stderr}");
    }
}

#[test]
fn canvas_s_gradebook_export_gives_the_sis_columns_by_the_canvas_id() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let zip = dir.path().join("submissions.zip");
    zip_of(
        &zip,
        &[
            ("vriesjande_4711_90210_kopie.yaml", case_of("kopie"), 7),
            (
                "celikzoe_LATE_4712_90233_mijn_case.yaml",
                case_of("omgekeerd"),
                9,
            ),
        ],
    );
    // Canvas's Gradebook export: a "Points Possible" row, then a row per student; Zoë is not in it.
    let roster = dir.path().join("grades.csv");
    std::fs::write(
        &roster,
        "Student,ID,SIS User ID,SIS Login ID,Section,Opdracht 1 (301)\n\
         Points Possible,,,,,10.00\n\
         \"Vries, Jan de\",4711,s123456,jdevries,MKT1A,\n",
    )
    .expect("the gradebook export");
    let out = dir.path().join("cijfers");
    let roster_arg = roster.to_string_lossy().into_owned();
    let extra = ["--format", "html", "-q", "--roster", &roster_arg];
    let (code, stderr) = grade_for(&zip, &out, "canvas", &extra);
    assert_eq!(
        (code, stderr.as_str()),
        (0, ""),
        "Canvas's ID is in the download"
    );
    let csv = std::fs::read(out.join("grades-canvas.csv")).expect("the import file");
    let rows = csv_rows(&csv);
    let cells: Vec<&[String]> = rows.iter().map(|r| &r[1..5]).collect();
    assert_eq!(
        cells,
        [
            ["4711", "s123456", "jdevries", "MKT1A"]
                .map(str::to_string)
                .as_slice(),
            ["4712", "", "", ""].map(str::to_string).as_slice(),
        ]
    );
}

#[test]
fn with_markdown_feedback_only_the_platform_zip_holds_the_markdown() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let zip = brightspace_download(dir.path());
    let out = dir.path().join("cijfers");
    let (code, stderr) = grade_for(&zip, &out, "brightspace", &["--format", "md", "-q"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        names_in(&out.join("feedback-brightspace.zip")),
        ["jan-de-vries.md", "piet-bakker.md", "zoë-çelik.md"]
    );
}
