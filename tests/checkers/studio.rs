//! The studio (web/dist, made by `web/build-studio`) in headless Chromium: a broken case gets
//! casebook's diagnostic at the CLI's line, the fixed case previews the worked example, and the
//! PDF downloaded from the page is the one the CLI makes.

use std::path::Path;
use std::process::Command;

use libtest_mimic::Failed;

use crate::support::{build_ok, casebook, root};

/// Where `web/build-studio` writes the studio.
pub fn dist() -> std::path::PathBuf {
    root().join("web/dist")
}

pub fn studio(checkers: &Path) -> Result<(), Failed> {
    let dist = dist();
    let dir = tempfile::tempdir().expect("temporary folder");
    let fixed = root().join("cases/klantpartnerschap.yaml");
    let text = std::fs::read_to_string(&fixed).expect("the worked example");
    let broken = dir.path().join("klantpartnerschap.yaml");
    std::fs::write(
        &broken,
        text.replacen("choice: customer_intimacy", "choice: klantpartner", 1),
    )
    .expect("write the broken case");
    // The line and code the CLI gives: the studio must give the same.
    let output = casebook()
        .args(["check", "--format", "json"])
        .arg(&broken)
        .output()
        .expect("run casebook check");
    // One JSON object per case, its diagnostics in a list.
    let first = String::from_utf8_lossy(&output.stdout)
        .lines()
        .find_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|case| case["diagnostics"][0].clone())
        .expect("casebook check reports the broken choice");
    let line = first["line"].to_string();
    let code = first["code"].as_str().expect("a code").to_string();

    let pdf = dir.path().join("studio");
    let output = Command::new("node")
        .arg(checkers.join("studio.mjs"))
        .arg(&dist)
        .arg(&broken)
        .arg(&line)
        .arg(&code)
        .arg(&fixed)
        .arg(&pdf)
        .args([
            "Een B-to-B-leverancier (fictief)",
            "klantpartnerschap",
            "Eerder genomen beslissingen",
        ])
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        return Err(format!(
            "the studio failed:\n{stdout}\n{}",
            String::from_utf8_lossy(&output.stderr)
        )
        .into());
    }
    eprintln!("studio timings: {stdout}");

    // The CLI's PDF of each edition, for the same case.
    let cases = dir.path().join("cases");
    std::fs::create_dir(&cases).expect("cases folder");
    std::fs::copy(&fixed, cases.join("klantpartnerschap.yaml")).expect("copy the case");
    for edition in ["teacher", "student"] {
        let out = dir.path().join(edition);
        build_ok(
            &cases,
            &out,
            &["--format", "pdf,docx", "--edition", edition, "--quiet"],
        );
        let word = file_in(&out, "docx").ok_or(format!(
            "the CLI wrote no Word document for the {edition} edition"
        ))?;
        let studio = std::fs::read(pdf.with_extension(format!("{edition}.docx")))
            .map_err(|err| format!("the studio's {edition} Word document: {err}"))?;
        if word != studio {
            return Err(
                format!("the studio's {edition} Word document differs from the CLI's").into(),
            );
        }
        let cli = file_in(&out, "pdf")
            .ok_or(format!("the CLI wrote no PDF for the {edition} edition"))?;
        // The teacher's PDF was also asked for before the engine had warmed up ("early") and
        // before the PDF engine had loaded ("cold").
        let downloads: &[&str] = if edition == "teacher" {
            &["teacher", "early", "cold"]
        } else {
            &["student"]
        };
        for download in downloads {
            let studio = std::fs::read(pdf.with_extension(format!("{download}.pdf")))
                .map_err(|err| format!("the studio's {download} PDF: {err}"))?;
            if cli != studio {
                return Err(format!(
                    "the studio's {download} PDF ({} bytes) differs from the CLI's {edition} PDF ({} bytes)",
                    studio.len(),
                    cli.len()
                )
                .into());
            }
        }
    }
    // The hand-out starter downloaded from the studio: the CLI's, under the studio's words.
    let cli = crate::support::files(&dir.path().join("student"))
        .into_iter()
        .find(|(path, _)| path.to_string_lossy().ends_with(".student.yaml"))
        .map(|(_, bytes)| String::from_utf8_lossy(&bytes).into_owned())
        .ok_or("the CLI wrote no hand-out starter")?;
    let studio = std::fs::read_to_string(pdf.with_extension("student.yaml"))
        .map_err(|err| format!("the studio's hand-out starter: {err}"))?;
    let body = |text: &str| text.split_once("\n\n").map(|(_, body)| body.to_string());
    if body(&cli) != body(&studio) || studio.contains("casebook check") {
        return Err(format!("the studio's hand-out starter is not the CLI's:\n{studio}").into());
    }
    Ok(())
}

/// The bytes of the one file with `extension` the CLI wrote under `out`.
fn file_in(out: &Path, extension: &str) -> Option<Vec<u8>> {
    let mut pdfs = crate::support::files(out)
        .into_iter()
        .filter(|(path, _)| path.extension().is_some_and(|e| e == extension));
    let (_, bytes) = pdfs.next()?;
    pdfs.next().is_none().then_some(bytes)
}
