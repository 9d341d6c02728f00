//! The build manifest (`output/.casebook-manifest.json`): what each case was built from and into,
//! so that an unchanged case is skipped, a case built from a part of the project keeps the
//! others, and only the output of a case whose file is gone is removed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use casebook_core::diagnostics::Diagnostic;
use casebook_core::render::index::IndexEntry;

/// The manifest's file name inside the output folder.
pub const MANIFEST_FILE: &str = ".casebook-manifest.json";

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    /// Per case slug.
    pub cases: BTreeMap<String, ManifestEntry>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ManifestEntry {
    /// The case file, relative to the output folder (`../cases/x.yaml`), with `/` separators:
    /// whichever file or folder a later build is given, it can tell whether the file is gone.
    pub case_file: String,
    /// blake3 of the build settings and the case's bytes.
    pub hash: String,
    /// The formats the files were written in (`md`, `html`, `pdf`).
    pub formats: Vec<String>,
    /// The files written for the case, relative to the output folder.
    pub files: Vec<String>,
    /// What the index page shows for the case.
    pub index: IndexEntry,
    /// The findings and warnings of the build that wrote these files, repeated while the case is
    /// unchanged (as cargo repeats a crate's warnings), so that a second build hides nothing.
    /// Those about the case file itself are kept without its path (see [`Self::replayed`]).
    #[serde(default)]
    pub warnings: Vec<Diagnostic>,
}

impl ManifestEntry {
    /// The diagnostics to keep for `case_path`: its own lose their path, which a later build may
    /// reach by another way (another working folder, a single file instead of the folder).
    pub fn kept(case_path: &Path, diagnostics: &[Diagnostic]) -> Vec<Diagnostic> {
        diagnostics
            .iter()
            .map(|diagnostic| {
                let mut kept = diagnostic.clone();
                if kept.file == case_path {
                    kept.file = PathBuf::new();
                }
                kept
            })
            .collect()
    }

    /// The kept diagnostics again, those of the case naming it as `case_path`.
    pub fn replayed(&self, case_path: &Path) -> Vec<Diagnostic> {
        self.warnings
            .iter()
            .map(|diagnostic| {
                let mut replayed = diagnostic.clone();
                if replayed.file.as_os_str().is_empty() {
                    replayed.file = case_path.to_path_buf();
                }
                replayed
            })
            .collect()
    }
}

impl Manifest {
    /// Reads the manifest; a missing or unreadable one means "build everything".
    pub fn read(out: &Path) -> Manifest {
        std::fs::read(out.join(MANIFEST_FILE))
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    pub fn to_json(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(self).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }

    /// Whether the case's recorded build is still valid: same inputs, every requested format
    /// written, every file still there.
    pub fn is_fresh(&self, slug: &str, hash: &str, formats: &[String], out: &Path) -> bool {
        self.cases.get(slug).is_some_and(|entry| {
            entry.hash == hash
                && formats.iter().all(|format| entry.formats.contains(format))
                && entry.files.iter().all(|file| out.join(file).is_file())
        })
    }
}

impl ManifestEntry {
    /// Whether the case file this entry was built from still exists.
    pub fn case_file_exists(&self, out: &Path) -> bool {
        out.join(&self.case_file).is_file()
    }
}

/// `case` as seen from the output folder `out`, with `/` separators; both are made absolute
/// first, so any working folder gives the same answer.
pub fn case_file_from(out: &Path, case: &Path) -> String {
    let absolute = |path: &Path| {
        path.canonicalize()
            .or_else(|_| std::path::absolute(path))
            .unwrap_or_else(|_| path.to_path_buf())
    };
    let (out, case) = (absolute(out), absolute(case));
    pathdiff::diff_paths(&case, &out)
        .unwrap_or(case)
        .to_string_lossy()
        .replace('\\', "/")
}

/// The hash that decides whether a case must be rebuilt: the settings fingerprint (tool version,
/// templates, locale, rubric, formats) followed by the case's own bytes.
pub fn case_hash(settings: &blake3::Hash, case_bytes: &[u8]) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(settings.as_bytes());
    hasher.update(case_bytes);
    hasher.finalize().to_hex().to_string()
}
