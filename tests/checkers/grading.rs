//! The studio's grading page (nakijken.html) in headless Chromium against `casebook grade`: the
//! fixture class in each platform's zip (with a casebook PDF and a PDF without a case) graded by
//! both, with the platform's import files (`--lms`), every file of the page's zip the same bytes
//! as the CLI's `--out`, and so for a folder picked as a folder; a PDF without a case as the
//! model answer refused with the engine's message; a broken zip refused
//! with the CLI's message; a class stopped halfway offers its partial result, saying so.

use std::io::{Read, Write};
use std::path::Path;
use std::process::Command;

use libtest_mimic::Failed;

use crate::support::{build_ok, casebook, files, fixture, root};

const KEY: &str = "klantpartnerschap.yaml";

/// A zip of (name, bytes) entries, dated 3 December 2026.
fn zip_of(path: &Path, entries: &[(String, Vec<u8>)]) {
    let mut writer = zip::ZipWriter::new(std::fs::File::create(path).expect("the zip"));
    let at = zip::DateTime::from_date_and_time(2026, 12, 3, 14, 23, 0).expect("a date");
    let options = zip::write::SimpleFileOptions::default().last_modified_time(at);
    for (name, bytes) in entries {
        writer.start_file(name.as_str(), options).expect("an entry");
        writer.write_all(bytes).expect("its bytes");
    }
    writer.finish().expect("the zip is written");
}

fn case_of(case: &str) -> Vec<u8> {
    std::fs::read(fixture(&format!("grade/class/{case}.yaml"))).expect("a fixture case")
}

/// The PDF `casebook build` makes of a fixture case (`extra`: more options).
fn pdf_of(dir: &Path, case: &str, extra: &[&str]) -> Vec<u8> {
    let out = dir.join(format!("pdf-{case}"));
    let mut args = vec!["--format", "pdf", "--edition", "teacher", "--quiet"];
    args.extend(extra);
    build_ok(&fixture(&format!("grade/class/{case}.yaml")), &out, &args);
    std::fs::read(out.join(case).join(format!("{case}.pdf"))).expect("the PDF")
}

/// The fixture class as each platform's download: (platform, entries).
fn platform_zips(dir: &Path) -> Vec<(&'static str, Vec<(String, Vec<u8>)>)> {
    let cases = [
        ("Jan de Vries", "kopie"),
        ("Zoë Çelik", "bijna-1"),
        ("Piet Bakker", "bijna-2"),
        ("Anna Smit", "half"),
        ("Bram Jansen", "kapot"),
        ("Carla Mol", "leeg"),
        ("Dirk Post", "ander"),
        ("Eva Ruiz", "omgekeerd"),
        ("Femke Vos", "english"),
    ];
    let with_case = pdf_of(dir, "kopie", &[]);
    let no_case = pdf_of(dir, "half", &["--pdf-standard", "ua-1,a-2b"]);
    let pdfs = [
        ("Gijs Kok", with_case, "verslag.pdf"),
        ("Hanna Wit", no_case, "export.pdf"),
    ];
    let mut brightspace = Vec::new();
    let mut canvas = Vec::new();
    let mut moodle = Vec::new();
    let all = cases
        .iter()
        .map(|(student, case)| (*student, case_of(case), format!("{case}.yaml")))
        .chain(pdfs.iter().map(|(s, b, n)| (*s, b.clone(), n.to_string())));
    for (n, (student, bytes, name)) in all.enumerate() {
        brightspace.push((
            format!("1487{n:02}-3012{n:02} - {student} - Dec 7, 2026 1423 - {name}"),
            bytes.clone(),
        ));
        let canvas_name: String = student.split(' ').rev().collect::<String>().to_lowercase();
        canvas.push((
            format!("{canvas_name}_47{n:02}_902{n:02}_{name}"),
            bytes.clone(),
        ));
        moodle.push((
            format!("{student}_5{n:02}_assignsubmission_file/{name}"),
            bytes,
        ));
    }
    vec![
        ("brightspace", brightspace),
        ("canvas", canvas),
        ("moodle", moodle),
    ]
}

pub fn grading(checkers: &Path) -> Result<(), Failed> {
    let dir = tempfile::tempdir().expect("temporary folder");
    let work = dir.path();
    std::fs::copy(root().join("cases").join(KEY), work.join(KEY)).expect("the model answer");
    let mut zips = Vec::new();
    for (platform, entries) in platform_zips(work) {
        let zip = work.join(format!("{platform}.zip"));
        zip_of(&zip, &entries);
        zips.push((platform, zip));
    }
    // Brightspace's class list (Grades › Export), which gives the ids its download lacks: the
    // page reads it beside that zip, as `--roster` does.
    std::fs::write(
        work.join("brightspace-roster.csv"),
        "OrgDefinedId,Username,Last Name,First Name,Email,End-of-Line Indicator\r\n\
         1029384,jdevries,de Vries,Jan,jan@school.nl,#\r\n\
         1029390,gkok,Kok,Gijs,gijs@school.nl,#\r\n",
    )
    .expect("the class list");
    let broken = work.join("kapot.zip");
    std::fs::write(&broken, b"PK\x03\x04 no zip").expect("the broken zip");
    // A class to stop halfway: sixty copies of one student's work under their own names.
    let stopped = work.join("groot.zip");
    let many: Vec<(String, Vec<u8>)> = (0..60)
        .map(|n| (format!("student-{n:02}/opdracht.yaml"), case_of("bijna-1")))
        .collect();
    zip_of(&stopped, &many);

    // A folder of case files, as the teacher has it on disk: picked as a folder.
    let folder = work.join("klas");
    copy_folder(&fixture("grade/class"), &folder);
    // A small one to grade with feedback PDFs (typst per submission: a few are enough).
    let small = work.join("klein");
    std::fs::create_dir(&small).expect("the small folder");
    for case in ["bijna-1", "half", "kopie"] {
        std::fs::write(small.join(format!("{case}.yaml")), case_of(case)).expect("a case");
    }

    let results = work.join("page");
    std::fs::create_dir(&results).expect("results folder");
    let output = Command::new("node")
        .arg(checkers.join("grading.mjs"))
        .arg(crate::studio::dist())
        .arg(work.join(KEY))
        .arg(&results)
        .arg(&broken)
        .arg(&stopped)
        .arg(&folder)
        .arg(&small)
        // The PDF without a case that platform_zips made.
        .arg(work.join("pdf-half/half/half.pdf"))
        .args(zips.iter().map(|(_, zip)| zip))
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    if !output.status.success() {
        return Err(format!(
            "the grading page failed:\n{stdout}\n{}",
            String::from_utf8_lossy(&output.stderr)
        )
        .into());
    }
    eprintln!("grading page: {stdout}");
    let report: serde_json::Value = stdout
        .lines()
        .find_map(|l| serde_json::from_str(l).ok())
        .ok_or("the grading page printed no report")?;

    // The broken zip: the CLI's message, on the page.
    let cli = casebook()
        .current_dir(work)
        .arg("grade")
        .arg(&broken)
        .args(["--key", KEY, "--format", "md,html", "--out", "kapot"])
        .output()
        .expect("run casebook grade");
    let said = report["broken"].as_str().unwrap_or_default();
    let stderr = String::from_utf8_lossy(&cli.stderr);
    let message = said.split(" — ").nth(1).unwrap_or_default();
    if message.is_empty() || !stderr.contains(message) {
        return Err(format!("the page says {said:?} of a broken zip, the CLI {stderr:?}").into());
    }

    // A PDF without a case as the model answer: the engine's message, on the page, with the
    // teacher's hint (not the one for a student's PDF).
    let said = report["no_case_model"].as_str().unwrap_or_default();
    let wanted = "geen casebook-PDF: deze PDF bevat geen casebestand, dus er valt niets na te \
        kijken — kies als modeluitwerking het .yaml-bestand, of de PDF die casebook build of de \
        studio ervan maakt (die draagt de case mee)";
    if !said.contains(wanted) {
        return Err(
            format!("with a PDF without a case as the model the page says {said:?}").into(),
        );
    }

    // Stopped halfway: a partial result, with fewer rows than the class.
    let partial = unzip(&results.join("partial.zip"))?;
    let csv = partial
        .iter()
        .find(|(name, _)| name == "grades.csv")
        .ok_or("the partial result has no grades.csv")?;
    let rows = csv
        .1
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .count()
        - 1;
    if rows == 0 || rows >= many.len() {
        return Err(format!("the partial result has {rows} of {} rows", many.len()).into());
    }

    // Every file of the page's zip is the CLI's, and the CLI wrote no other.
    for (platform, zip) in &zips {
        let zip_name = zip.file_name().ok_or("a zip's name")?;
        let roster = format!("{platform}-roster.csv");
        let lms: Vec<&str> = if work.join(&roster).exists() {
            vec!["--lms", platform, "--roster", &roster]
        } else {
            vec!["--lms", platform]
        };
        let page = results.join(format!("{}.zip", zip_stem(zip)));
        same_as_cli(work, zip_name, &lms, &page, platform, "md,html")?;
        let import = format!("grades-{platform}.csv");
        let files = unzip(&page)?;
        let Some((_, csv)) = files.iter().find(|(name, _)| *name == import) else {
            return Err(format!("{platform}: the page's zip has no {import}").into());
        };
        // The class list's ids, in the page's import file as in the CLI's.
        let csv = String::from_utf8_lossy(csv);
        if *platform == "brightspace" && !csv.contains("1029384,jdevries,") {
            return Err(format!("brightspace: the class list's ids are not in {csv:?}").into());
        }
    }
    let folder = results.join("folder.zip");
    same_as_cli(work, "klas".as_ref(), &[], &folder, "folder", "md,html")?;
    // With feedback PDFs: the PDF engine's, byte for byte the CLI's.
    let pdf = results.join("pdf.zip");
    same_as_cli(work, "klein".as_ref(), &[], &pdf, "pdf", "md,html,pdf")?;
    // Kept on this computer and offered again after a reload: the same files.
    let kept = results.join("kept.zip");
    same_as_cli(work, "klein".as_ref(), &[], &kept, "kept", "md,html")?;
    let pdfs = unzip(&pdf)?;
    if pdfs
        .iter()
        .filter(|(name, _)| name.ends_with(".pdf"))
        .count()
        < 3
    {
        return Err("with PDFs: the page's zip holds fewer than three feedback PDFs".into());
    }
    Ok(())
}

/// `casebook grade SUBMISSIONS` (in `work`, with `extra` options, feedback in `formats`) and the
/// page's zip at `page` hold the same files, byte for byte.
fn same_as_cli(
    work: &Path,
    submissions: &std::ffi::OsStr,
    extra: &[&str],
    page: &Path,
    what: &str,
    formats: &str,
) -> Result<(), Failed> {
    let out = work.join(format!("cli-{what}"));
    casebook()
        .current_dir(work)
        .arg("grade")
        .arg(submissions)
        .args(["--key", KEY, "--format", formats])
        .args(extra)
        .arg("--out")
        .arg(&out)
        .output()
        .expect("run casebook grade");
    let mut cli: Vec<(String, Vec<u8>)> = files(&out)
        .into_iter()
        .map(|(path, bytes)| (path.to_string_lossy().replace('\\', "/"), bytes))
        .collect();
    let mut page = unzip(page)?;
    cli.sort();
    page.sort();
    let names = |files: &[(String, Vec<u8>)]| -> Vec<String> {
        files.iter().map(|(n, _)| n.clone()).collect()
    };
    if names(&cli) != names(&page) {
        return Err(format!(
            "{what}: the page's files {:?} are not the CLI's {:?}",
            names(&page),
            names(&cli)
        )
        .into());
    }
    if cli.len() < 9 {
        return Err(format!("{what}: too few files: {:?}", names(&cli)).into());
    }
    for ((name, cli), (_, page)) in cli.iter().zip(&page) {
        if cli != page {
            return Err(format!("{what}: the page's {name} differs from the CLI's").into());
        }
    }
    Ok(())
}

/// A copy of the folder `from` (at any depth) at `to`.
fn copy_folder(from: &Path, to: &Path) {
    for (path, bytes) in files(from) {
        let target = to.join(path);
        std::fs::create_dir_all(target.parent().expect("a folder")).expect("create a folder");
        std::fs::write(target, bytes).expect("copy a file");
    }
}

fn zip_stem(zip: &Path) -> String {
    zip.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The files of the zip at `path`, by name.
fn unzip(path: &Path) -> Result<Vec<(String, Vec<u8>)>, Failed> {
    let file = std::fs::File::open(path).map_err(|err| format!("{}: {err}", path.display()))?;
    let mut archive =
        zip::ZipArchive::new(file).map_err(|err| format!("{}: {err}", path.display()))?;
    let mut out = Vec::new();
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).map_err(|err| err.to_string())?;
        let mut bytes = Vec::new();
        entry
            .read_to_end(&mut bytes)
            .map_err(|err| err.to_string())?;
        out.push((entry.name().to_string(), bytes));
    }
    Ok(out)
}
