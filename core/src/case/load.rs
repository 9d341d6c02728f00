//! Reading one case file: bytes → text → [`Case`], every failure turned into a [`Diagnostic`].

use std::path::{Path, PathBuf};

use super::model::Case;
use super::validate::validate;
use super::yaml_error::yaml_diagnostic;
use crate::diagnostics::Diagnostic;
use crate::lang::Position;
use crate::messages;

/// Case files larger than this are refused before parsing (a real case is a few dozen KB).
pub const MAX_CASE_BYTES: usize = 2 * 1024 * 1024;

/// A case that parsed; it may still carry validation errors in `diagnostics`.
#[derive(Clone, Debug)]
pub struct LoadedCase {
    /// The path as given to the user (relative to where they ran casebook).
    pub path: PathBuf,
    /// The output name: the file name without extension (`klantpartnerschap`).
    pub slug: String,
    pub source: String,
    pub case: Case,
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadedCase {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Reads and validates one case from its bytes; `path` names it (in diagnostics, and its slug).
/// `Err` holds the diagnostics of a case that could not be read at all, together with its text
/// when there is one (for source snippets).
pub fn load_source(
    path: &Path,
    bytes: Vec<u8>,
) -> Result<LoadedCase, (Option<String>, Vec<Diagnostic>)> {
    let nowhere = Position::default();
    if bytes.len() > MAX_CASE_BYTES {
        let size = (bytes.len() / 1024).to_string();
        let limit = (MAX_CASE_BYTES / 1024).to_string();
        let d = Diagnostic::worded(
            path,
            nowhere,
            messages::user_language(),
            "FILE-TOO-LARGE",
            "too_large",
            &[("size", &size), ("limit", &limit)],
        );
        return Err((None, vec![d]));
    }
    let source = String::from_utf8(bytes).map_err(|err| {
        let offset = err.utf8_error().valid_up_to();
        let before = &err.as_bytes()[..offset];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let column = before.iter().rev().take_while(|b| **b != b'\n').count() + 1;
        let at = Position {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: u32::try_from(column).unwrap_or(u32::MAX),
        };
        let language = messages::user_language();
        let d = Diagnostic::worded(path, at, language, "ENCODING", "not_utf8", &[]);
        (None, vec![d])
    })?;
    // Before the file is read, its language is what it says under `meta`, else the user's.
    let language = messages::language_written_in(&source).unwrap_or_else(messages::user_language);
    let invisible = super::invisible::invisible_characters(path, &source, language);
    if !invisible.is_empty() {
        return Err((Some(source), invisible));
    }
    if source
        .trim()
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        let d = Diagnostic::worded(path, nowhere, language, "EMPTY-CASE", "empty", &[]);
        return Err((Some(source), vec![d]));
    }
    match serde_saphyr::from_str::<Case>(&source) {
        Ok(case) => {
            let diagnostics = validate(path, &case, &source);
            let slug = slug_of(Path::new(path.file_name().unwrap_or_default()));
            Ok(LoadedCase {
                path: path.to_path_buf(),
                slug,
                source,
                case,
                diagnostics,
            })
        }
        Err(err) => {
            let d = yaml_diagnostic(path, &err, &source, language);
            Err((Some(source), vec![d]))
        }
    }
}

/// The output name of a case from its path relative to the folder that was built: the file stem,
/// after its folders joined with `-` (`jan/opdracht.yaml` → `jan-opdracht`), so a class's
/// submissions in one folder each get their own output; kept to characters safe in every file
/// system and URL.
pub fn slug_of(relative: &Path) -> String {
    let parts: Vec<String> = relative
        .parent()
        .into_iter()
        .flat_map(Path::components)
        .filter_map(|part| match part {
            std::path::Component::Normal(name) => Some(name.to_string_lossy().into_owned()),
            _ => None,
        })
        .chain(
            relative
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned()),
        )
        .collect();
    let slug: String = parts
        .join("-")
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if slug.is_empty() {
        "case".to_string()
    } else {
        slug
    }
}
