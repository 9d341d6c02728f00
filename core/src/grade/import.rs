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

use std::cell::RefCell;
use std::io::{self, Seek, SeekFrom, Write};
use std::rc::Rc;

use super::Graded;
use super::platform::{Origin, Platform};
use super::roster::Match;
use zip::ZipWriter;
use zip::result::ZipResult;

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

/// The zip's bytes not yet handed out, and where the writer is in the whole zip.
#[derive(Default)]
struct Pieces {
    /// How many bytes have been handed out: the writer never goes back before them.
    handed: u64,
    kept: Vec<u8>,
    at: u64,
}

/// The writer's side of [`Pieces`].
struct Spill(Rc<RefCell<Pieces>>);

impl Write for Spill {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        let mut pieces = self.0.borrow_mut();
        let start = (pieces.at - pieces.handed) as usize;
        let end = start + data.len();
        if pieces.kept.len() < end {
            pieces.kept.resize(end, 0);
        }
        pieces.kept[start..end].copy_from_slice(data);
        pieces.at += data.len() as u64;
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Seek for Spill {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let mut pieces = self.0.borrow_mut();
        let end = pieces.handed + pieces.kept.len() as u64;
        let target = match to {
            SeekFrom::Start(n) => Some(n),
            SeekFrom::End(d) => end.checked_add_signed(d),
            SeekFrom::Current(d) => pieces.at.checked_add_signed(d),
        };
        match target {
            Some(target) if target >= pieces.handed => {
                pieces.at = target;
                Ok(target)
            }
            _ => Err(io::Error::other("before the part handed out")),
        }
    }
}

/// A zip written a piece at a time, its files stored as [`zip`] stores them but in the order
/// they are added: what is final can be taken out as it is written (the grading page's
/// coordinator hands each piece to the page), so that the whole zip is never held in one place.
pub struct ClassZip {
    writer: ZipWriter<Spill>,
    pieces: Rc<RefCell<Pieces>>,
    /// Where the file added last begins: the bytes before it are final (a file's header is
    /// completed when the next one starts).
    settled: u64,
}

impl ClassZip {
    pub fn new() -> ClassZip {
        let pieces = Rc::new(RefCell::new(Pieces::default()));
        ClassZip {
            writer: ZipWriter::new(Spill(Rc::clone(&pieces))),
            pieces,
            settled: 0,
        }
    }

    pub fn add(&mut self, name: &str, bytes: &[u8]) -> ZipResult<()> {
        self.settled = self.pieces.borrow().at;
        self.writer.start_file(name, stored())?;
        self.writer.write_all(bytes)?;
        Ok(())
    }

    /// The bytes that are final and not yet handed out.
    pub fn take(&mut self) -> Vec<u8> {
        let mut pieces = self.pieces.borrow_mut();
        let count = (self.settled - pieces.handed) as usize;
        pieces.handed = self.settled;
        pieces.kept.drain(..count).collect()
    }

    /// The rest of the zip, finished.
    pub fn finish(self) -> ZipResult<Vec<u8>> {
        self.writer.finish()?;
        Ok(std::mem::take(&mut self.pieces.borrow_mut().kept))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zip_taken_in_pieces_is_the_whole_zip() {
        let files = [
            ("feedback/a.html", vec![1u8; 300]),
            ("feedback/a.pdf", vec![2u8; 5000]),
        ];
        let mut zip = ClassZip::new();
        let mut bytes = Vec::new();
        for (name, body) in &files {
            zip.add(name, body).expect("added");
            bytes.extend(zip.take());
        }
        // The first file is final once the second has begun: out of the writer already.
        assert!(bytes.len() > 300);
        bytes.extend(zip.finish().expect("finished"));
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
        for (index, (name, body)) in files.iter().enumerate() {
            let mut file = archive.by_index(index).expect("a file");
            assert_eq!(file.name(), *name);
            let mut read = Vec::new();
            std::io::Read::read_to_end(&mut file, &mut read).expect("read");
            assert_eq!(&read, body);
        }
    }

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
