//! `casebook extract`: the case file a casebook PDF carries, written back beside it (or into
//! `--out`) under its own name, never over a file that is already there.

use std::io::Write;
use std::path::{Path, PathBuf};

use casebook_core::messages;
use casebook_core::render::pdf::embedded::{self, Missing};

/// Why nothing was extracted: the line to print and whether the command itself was wrong (2)
/// rather than the PDF (1).
pub struct Refused {
    pub line: String,
    pub usage: bool,
}

/// Writes the case inside `pdf` into `out` (default: the PDF's own folder); the path written.
pub fn extract(pdf: &Path, out: Option<&Path>) -> Result<PathBuf, Refused> {
    let shown = pdf.display().to_string();
    let bytes = std::fs::read(pdf).map_err(|err| Refused {
        line: cannot("cannot_read", pdf, &err),
        usage: true,
    })?;
    let case = embedded::case_file(&bytes).map_err(|missing| {
        let key = match missing {
            Missing::NotPdf => "extract_not_pdf",
            Missing::Encrypted => "extract_encrypted",
            Missing::NoCase => "extract_no_case",
        };
        Refused {
            line: messages::cli(key, &[("path", &shown)]),
            usage: false,
        }
    })?;
    let folder = match out {
        Some(folder) => folder.to_path_buf(),
        None => pdf.parent().map(Path::to_path_buf).unwrap_or_default(),
    };
    if !folder.as_os_str().is_empty() {
        std::fs::create_dir_all(&folder).map_err(|err| Refused {
            line: cannot("cannot_create", &folder, &err),
            usage: true,
        })?;
    }
    let target = folder.join(&case.name);
    write_new(&target, &case.bytes)?;
    Ok(target)
}

/// Writes `bytes` to `target` whole or not at all, and never over an existing file.
fn write_new(target: &Path, bytes: &[u8]) -> Result<(), Refused> {
    let refused = |line: String| Refused { line, usage: true };
    let exists = || messages::cli("extract_exists", &[("path", &target.display().to_string())]);
    if target.exists() {
        return Err(refused(exists()));
    }
    let folder = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temporary = tempfile::NamedTempFile::new_in(folder)
        .map_err(|err| refused(cannot("cannot_create", target, &err)))?;
    temporary
        .write_all(bytes)
        .map_err(|err| refused(cannot("cannot_write", target, &err)))?;
    temporary.persist_noclobber(target).map_err(|err| {
        refused(match err.error.kind() {
            std::io::ErrorKind::AlreadyExists => exists(),
            _ => cannot("cannot_write", target, &err.error),
        })
    })?;
    Ok(())
}

fn cannot(key: &str, path: &Path, err: &std::io::Error) -> String {
    let reason = messages::io_reason(err, messages::user_language());
    messages::cli(
        key,
        &[("path", &path.display().to_string()), ("reason", &reason)],
    )
}
