//! Writing output safely: every file is written to a temporary file in its own folder and renamed
//! into place, so a reader (or a crash) never sees half a file.

use std::io::Write;
use std::path::Path;

const TEMPORARY_PREFIX: &str = ".casebook-";
const TEMPORARY_SUFFIX: &str = ".tmp";

/// Removes the temporary files a killed build left in `folder` and its direct subfolders (a
/// crash between writing and renaming leaves one; it never replaced a report).
pub fn sweep_temporaries(folder: &Path) {
    sweep(folder, 1);
}

fn sweep(folder: &Path, depth: u8) {
    for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(TEMPORARY_PREFIX) && name.ends_with(TEMPORARY_SUFFIX) {
            let _ = std::fs::remove_file(entry.path());
        } else if depth > 0 && entry.file_type().is_ok_and(|t| t.is_dir()) {
            sweep(&entry.path(), depth - 1);
        }
    }
}

/// Whether files can be written in `folder` (made when missing): a temporary file is created
/// there and removed again, so an unwritable output folder is one message before any case.
pub fn check_writable(folder: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(folder)?;
    tempfile::Builder::new()
        .prefix(TEMPORARY_PREFIX)
        .suffix(TEMPORARY_SUFFIX)
        .tempfile_in(folder)?;
    Ok(())
}

/// Writes `bytes` to `path` atomically, creating the folder when needed. Unchanged files are
/// left alone, so their modification time keeps meaning "last changed".
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if std::fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(());
    }
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder)?;
    let mut temporary = tempfile::Builder::new()
        .prefix(TEMPORARY_PREFIX)
        .suffix(TEMPORARY_SUFFIX)
        .tempfile_in(folder)?;
    temporary.write_all(bytes)?;
    // Temporary files are private (0600); a report is for everyone who may read the folder.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        temporary
            .as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    temporary.persist(path).map_err(|err| err.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::write_atomic;

    #[test]
    fn writes_replaces_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("a/b.txt");
        write_atomic(&path, b"old").expect("first write");
        write_atomic(&path, b"new").expect("second write");
        assert_eq!(std::fs::read(&path).expect("read back"), b"new");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("a"))
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("b.txt")]);
    }

    #[test]
    fn a_failed_rename_keeps_the_old_file() {
        let dir = tempfile::tempdir().expect("temporary folder");
        // A folder where the file should be: the rename fails, nothing is lost or half-written.
        let path = dir.path().join("report.html");
        std::fs::create_dir(&path).expect("folder in the way");
        std::fs::write(path.join("keep.txt"), b"old").expect("old content");
        assert!(write_atomic(&path, b"new").is_err());
        assert_eq!(
            std::fs::read(path.join("keep.txt")).expect("old file"),
            b"old"
        );
        let leftovers = std::fs::read_dir(dir.path())
            .expect("list")
            .filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            })
            .count();
        assert_eq!(leftovers, 0);
    }
}
