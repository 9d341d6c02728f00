//! `grade` on what the learning platform hands out: the zip of all submissions, read and named by
//! the engine ([`class::download`]): case files and casebook PDFs, each student named as the
//! platform names them; several files of one student: the newest counts.

use std::path::Path;

use casebook_core::case::LoadedCase;
use casebook_core::diagnostics::Diagnostic;
use casebook_core::engine::class;
use casebook_core::grade::Submission;

/// Whether SUBMISSIONS names a platform's download rather than a folder.
pub fn is_download(path: &Path) -> bool {
    path.is_file()
        && path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("zip"))
}

/// The submissions in the zip at `path`: one per student, the newest of their case files (the
/// others listed with it); a student the platform does not name is named as in a folder.
pub fn load(path: &Path, model: &LoadedCase) -> Result<Vec<Submission>, Vec<Diagnostic>> {
    let bytes = super::read_input(path, "DOWNLOAD")?;
    Ok(class::name_download(class::download(&bytes, path)?, model))
}
