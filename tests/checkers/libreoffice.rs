//! Every Word document, teacher's, hand-out and feedback, opened by LibreOffice (headless, as
//! Debian's `libreoffice-writer-nogui` installs it) and converted to PDF: each converts, and the
//! converted text holds the document's title and every top-level heading, so nothing was lost;
//! the worked example's report holds every item of the seed, as its PDF does.

use std::io::Read;
use std::path::Path;
use std::process::Command;

use libtest_mimic::Failed;

use crate::pdfread::{Pdf, normalise};

pub fn libreoffice(documents: &[std::path::PathBuf]) -> Result<(), Failed> {
    assert!(documents.len() >= 20, "too few documents: {documents:?}");
    let dir = tempfile::tempdir().expect("temporary folder");
    // A profile of its own: another soffice running on the machine cannot take the conversion.
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.path().join("profile").display()
    );
    let out = dir.path().join("pdf");
    let mut command = Command::new("soffice");
    command
        .arg(profile)
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&out)
        .args(documents);
    crate::run(command, "LibreOffice")?;
    let mut problems = Vec::new();
    for document in documents {
        let stem = document.file_stem().expect("a name").to_string_lossy();
        let Ok(pdf) = std::fs::read(out.join(format!("{stem}.pdf"))) else {
            problems.push(format!("{}: not converted", document.display()));
            continue;
        };
        // The pages' text without their footers (the page number), which would otherwise stand
        // inside a paragraph that runs onto the next page.
        let pages: Vec<String> = Pdf::read(&pdf)
            .page_texts()
            .into_iter()
            .map(|page| {
                let mut lines: Vec<&str> = page.lines().collect();
                if lines
                    .last()
                    .is_some_and(|l| l.trim().chars().all(|c| c.is_ascii_digit()))
                {
                    lines.pop();
                }
                lines.join("\n")
            })
            .collect();
        let text = normalise(&pages.join("\n"));
        let headings = headings(document);
        if headings.len() < 2 {
            problems.push(format!("{}: no title and headings", document.display()));
        }
        let mut wanted = headings;
        if stem == "klantpartnerschap" {
            wanted.extend(crate::support::seed_phrases());
        }
        for heading in wanted {
            if !text.contains(&normalise(&heading)) {
                problems.push(format!(
                    "{}: “{heading}” is not in the PDF",
                    document.display()
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n").into())
    }
}

/// The text of the document's Title and Heading 1 paragraphs.
fn headings(document: &Path) -> Vec<String> {
    let bytes = std::fs::read(document).expect("a .docx");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a package");
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .expect("document.xml")
        .read_to_string(&mut xml)
        .expect("UTF-8");
    xml.split("<w:p ")
        .filter(|p| {
            p.contains(r#"<w:pStyle w:val="Title" />"#)
                || p.contains(r#"<w:pStyle w:val="Heading1" />"#)
        })
        .map(|p| {
            p.split("<w:t xml:space=\"preserve\">")
                .skip(1)
                .filter_map(|t| t.split("</w:t>").next())
                .collect::<String>()
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
        })
        .filter(|h| !h.is_empty())
        .collect()
}
