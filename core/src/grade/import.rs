//! What goes back to the learning platform: the marks as its grade import reads them
//! (`grades-<lms>.csv`) and the feedback files laid out as its bulk feedback upload expects
//! (`feedback-<lms>.zip`). Graded submissions in, bytes out: the command line writes them, the
//! studio's grading page offers them for download.
//!
//! Each platform matches a row on its own id, taken from its download's file names
//! ([`super::platform`]) or, where the download has none, from the class list the teacher
//! exported ([`super::roster`]); where neither gives it, the cell stays empty (nothing is
//! guessed) and [`missing_ids`] names the students concerned.
//!
//! - Brightspace, "Importing grades" (community.d2l.com/brightspace/kb/articles/3538-importing-grades):
//!   `OrgDefinedId` or `Username` (or both) as the first columns, a grade item's points under
//!   `<item> Points Grade`; its own export ends every row with the column `End-of-Line Indicator`
//!   holding `#` (kb.wisc.edu/page.php?id=4330). Its download names students by name and two
//!   internal numbers, neither of them an id the import takes.
//! - Canvas, "How do I import grades in the Gradebook?" (Canvas Instructor Guide) and its export:
//!   `Student`, `ID`, `SIS User ID`, `SIS Login ID`, `Section`, then a column per assignment;
//!   `ID` is the Canvas user id, the first number in its download's names. Comments cannot be
//!   imported by CSV: the feedback files go back by "Re-upload submissions", which reads the user
//!   and the file id from a name split on `_` (canvas-lms `Assignment#infer_comment_context_from_filename`).
//! - Moodle, the assignment's offline grading worksheet (`mod/assign/feedback/offline`): the
//!   columns `Identifier` (`Participant <id>`, the number in its download's names), `Grade` and
//!   `Last modified (grade)` are required, found by their (English) names; the feedback files go
//!   back as a zip of folders named as in the download, `<name>_<id>_assignsubmission_file/`
//!   (`mod/assign/feedback/file/importziplib.php`).

use std::io::Write;

use super::Graded;
use super::platform::{Origin, Platform};
use super::roster::Match;

/// The CSV for `platform`'s grade import: a row per submission with a mark, for the grade item
/// (Brightspace), assignment (Canvas) named `item`.
pub fn grades_csv(platform: Platform, item: &str, submissions: &[Graded]) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let points = format!("{item} Points Grade");
    let header: Vec<&str> = match platform {
        Platform::Brightspace => vec!["OrgDefinedId", "Username", &points, "End-of-Line Indicator"],
        Platform::Canvas => vec![
            "Student",
            "ID",
            "SIS User ID",
            "SIS Login ID",
            "Section",
            item,
        ],
        Platform::Moodle => vec!["Identifier", "Full name", "Grade", "Last modified (grade)"],
    };
    let mut rows = vec![header.iter().map(|h| h.to_string()).collect::<Vec<_>>()];
    for graded in submissions {
        let Some(mark) = graded.mark else { continue };
        let mark = format!("{:.1}", mark.value);
        let id = id_of(platform, graded).unwrap_or_default();
        let listed = match &graded.listed {
            Match::Found(listed) => listed.clone(),
            _ => Default::default(),
        };
        rows.push(match platform {
            // The ids are not in Brightspace's download: from the class list, if given.
            Platform::Brightspace => vec![listed.id, listed.login, mark, "#".to_string()],
            Platform::Canvas => {
                let name = graded.student.clone();
                vec![name, id, listed.id, listed.login, listed.section, mark]
            }
            Platform::Moodle => {
                let identifier = if id.is_empty() {
                    id
                } else {
                    format!("Participant {id}")
                };
                vec![identifier, graded.student.clone(), mark, String::new()]
            }
        });
    }
    for row in rows {
        // Writing to memory does not fail.
        let _ = writer.write_record(&row);
    }
    writer.into_inner().unwrap_or_default()
}

/// The platform's id of a submission's student, when its download (or, for Brightspace, the
/// class list) gave one its import takes.
fn id_of(platform: Platform, graded: &Graded) -> Option<String> {
    if platform == Platform::Brightspace {
        return match &graded.listed {
            Match::Found(listed) if !listed.id.is_empty() || !listed.login.is_empty() => {
                Some(listed.id.clone())
            }
            _ => None,
        };
    }
    let origin = graded.origin.as_ref().filter(|o| o.platform == platform)?;
    Some(origin.id.clone())
}

/// The students with a mark whose row has no id `platform`'s import can match.
pub fn missing_ids(platform: Platform, submissions: &[Graded]) -> Vec<&Graded> {
    submissions
        .iter()
        .filter(|g| g.mark.is_some() && id_of(platform, g).is_none())
        .collect()
}

/// The name a feedback file (`extension`) of `graded` has in the zip for `platform`'s bulk
/// upload: Moodle's folder per student, Canvas's download prefix; else (Brightspace, which has
/// no bulk upload of feedback files, or a file from no download) the student's file name.
pub fn feedback_name(platform: Platform, graded: &Graded, extension: &str) -> String {
    let file = format!("{}.{extension}", graded.slug);
    match graded.origin.as_ref().filter(|o| o.platform == platform) {
        Some(Origin {
            platform: Platform::Moodle,
            student,
            id,
            ..
        }) => format!("{student}_{id}_assignsubmission_file/{file}"),
        Some(Origin {
            platform: Platform::Canvas,
            prefix,
            ..
        }) => format!("{prefix}{file}"),
        _ => file,
    }
}

/// A zip of `files` (name, bytes): sorted by name, stored as they are (PDFs are compressed
/// already) with one fixed date, so that the same files give the same bytes.
pub fn zip(mut files: Vec<(String, Vec<u8>)>) -> Result<Vec<u8>, zip::result::ZipError> {
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in &files {
        writer.start_file(name.as_str(), stored())?;
        writer.write_all(bytes)?;
    }
    Ok(writer.finish()?.into_inner())
}

/// How a file is kept in casebook's zips: stored as it is, with one fixed date.
pub fn stored() -> zip::write::SimpleFileOptions {
    zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_zip_is_the_same_bytes_whatever_the_order() {
        let a = ("b/x.pdf".to_string(), b"1".to_vec());
        let b = ("a.html".to_string(), b"2".to_vec());
        let first = zip(vec![a.clone(), b.clone()]).expect("a zip");
        assert_eq!(first, zip(vec![b, a]).expect("a zip"));
        let names: Vec<String> = crate::grade::archive::files(&first)
            .expect("readable")
            .into_iter()
            .map(|e| e.path)
            .collect();
        assert_eq!(names, ["a.html", "b/x.pdf"]);
    }
}
