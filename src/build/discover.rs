//! Finding the case files of a project and loading them all: what `check` runs, and the first
//! step of `build`.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::read::load_case;
use casebook_core::case::{LoadedCase, Position};
use casebook_core::diagnostics::Diagnostic;
use casebook_core::messages::{io_reason, user_language};

/// The result of loading one case file.
#[derive(Debug)]
pub enum CaseLoad {
    /// Parsed; may still hold validation errors.
    Loaded(LoadedCase),
    /// Could not be parsed: the diagnostics, and the text for snippets when it was readable.
    Unreadable {
        path: PathBuf,
        source: Option<String>,
        diagnostics: Vec<Diagnostic>,
    },
}

impl CaseLoad {
    pub fn path(&self) -> &Path {
        match self {
            CaseLoad::Loaded(case) => &case.path,
            CaseLoad::Unreadable { path, .. } => path,
        }
    }

    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            CaseLoad::Loaded(case) => &case.diagnostics,
            CaseLoad::Unreadable { diagnostics, .. } => diagnostics,
        }
    }

    pub fn source(&self) -> Option<&str> {
        match self {
            CaseLoad::Loaded(case) => Some(&case.source),
            CaseLoad::Unreadable { source, .. } => source.as_deref(),
        }
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics().iter().any(Diagnostic::is_error)
    }
}

/// The case files under `root`, or the one message `build`, `check` and `grade` all give when
/// there are none: a missing folder, an unreadable one, or one without case files (`none` names
/// the locale's words for that, `diagnostics.NO-CASES.<none>`).
pub fn find_cases(root: &Path, none: &str) -> Result<Vec<PathBuf>, Diagnostic> {
    find_files(root, none, CASE_EXTENSIONS)
}

/// A case file's extensions.
const CASE_EXTENSIONS: &[&str] = &["yaml", "yml"];

/// As [`find_cases`], for the files with one of `extensions` (`grade` takes PDFs too).
pub fn find_files(
    root: &Path,
    none: &str,
    extensions: &[&str],
) -> Result<Vec<PathBuf>, Diagnostic> {
    let said = |situation: &str, values: &[(&str, &str)]| {
        let language = user_language();
        Diagnostic::worded(
            root,
            Position::default(),
            language,
            "NO-CASES",
            situation,
            values,
        )
    };
    if !root.exists() {
        return Err(said("missing", &[]));
    }
    let paths = discover_with(root, extensions).map_err(|err| {
        let reason = io_reason(&err, user_language());
        said("unreadable", &[("reason", &reason)])
    })?;
    if paths.is_empty() {
        return Err(said(none, &[]));
    }
    Ok(paths)
}

/// The case files under `root` (or `root` itself when it is a file), sorted by path so that
/// every run sees them in the same order. Hidden folders, folders named `output` and folders a
/// build wrote are skipped (see `is_skipped_dir`).
pub fn discover(root: &Path) -> std::io::Result<Vec<PathBuf>> {
    discover_with(root, CASE_EXTENSIONS)
}

fn discover_with(root: &Path, extensions: &[&str]) -> std::io::Result<Vec<PathBuf>> {
    if root.is_file() {
        return Ok(vec![root.to_path_buf()]);
    }
    if !root.is_dir() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            format!("{} is not a folder or a case file", root.display()),
        ));
    }
    let mut files = Vec::new();
    let walker = WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_skipped_dir(entry));
    for entry in walker {
        let entry = entry.map_err(std::io::Error::other)?;
        let is_case = entry.file_type().is_file()
            && entry
                .path()
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)));
        if is_case {
            files.push(entry.into_path());
        }
    }
    Ok(files)
}

/// Hidden folders, `output` and `target`, and any folder casebook built into (it holds the build
/// manifest): a hand-out folder holds each case's starter `.yaml`, which is not a case to build.
fn is_skipped_dir(entry: &walkdir::DirEntry) -> bool {
    let name = entry.file_name().to_string_lossy();
    entry.file_type().is_dir()
        && (name.starts_with('.')
            || name == "output"
            || name == "target"
            || entry
                .path()
                .join(crate::build::manifest::MANIFEST_FILE)
                .is_file())
}

/// Loads and validates every file, in parallel, keeping the order of `paths`.
pub fn load_all(paths: &[PathBuf]) -> Vec<CaseLoad> {
    paths
        .par_iter()
        .map(|path| match load_case(path) {
            Ok(case) => CaseLoad::Loaded(case),
            Err((source, diagnostics)) => CaseLoad::Unreadable {
                path: path.clone(),
                source,
                diagnostics,
            },
        })
        .collect()
}
