//! Reading one case file: bytes → text → [`Case`], every failure turned into a [`Diagnostic`].

use std::path::{Path, PathBuf};

use serde_saphyr::Error as YamlError;

use super::Language;
use super::located::Position;
use super::model::Case;
use super::validate::validate;
use crate::diagnostics::Diagnostic;
use crate::messages;

/// Case files larger than this are refused before parsing (a real case is a few dozen KB).
pub const MAX_CASE_BYTES: usize = 2 * 1024 * 1024;
/// The YAML parser's recursion limit (serde-saphyr); a case needs fewer than ten levels.
pub const MAX_NESTING: usize = 255;

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

/// Reads and validates one case file. `Err` holds the diagnostics of a case that could not be
/// read at all, together with its text when there is one (for source snippets).
pub fn load_case(path: &Path) -> Result<LoadedCase, (Option<String>, Vec<Diagnostic>)> {
    let bytes = std::fs::read(path).map_err(|err| {
        let language = messages::user_language();
        let reason = messages::io_reason(&err, language);
        let d = Diagnostic::worded(
            path,
            Position::default(),
            language,
            "FILE-READ",
            "unreadable",
            &[("reason", &reason)],
        );
        (None, vec![d])
    })?;
    load_source(path, bytes)
}

/// Like [`load_case`], for bytes already read.
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
            let diagnostics = validate(path, &case);
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

/// Turns a YAML or type error into a diagnostic with a code and a hint a student can act on.
fn yaml_diagnostic(path: &Path, err: &YamlError, source: &str, language: Language) -> Diagnostic {
    let inner = err.without_snippet();
    let mut at = err
        .location()
        .map(|l| Position {
            line: u32::try_from(l.line()).unwrap_or(u32::MAX),
            column: u32::try_from(l.column()).unwrap_or(u32::MAX),
        })
        .unwrap_or_default();
    let written = written_at(source, at);
    let phrase = first_line(inner);
    let (code, situation, values): (&'static str, &str, Vec<(&str, String)>) = match inner {
        YamlError::SerdeUnknownField {
            field, expected, ..
        } => {
            let allowed = expected.join(", ");
            match closest(field, expected) {
                Some(near) => (
                    "UNKNOWN-KEY",
                    "unknown_near",
                    vec![
                        ("key", field.clone()),
                        ("near", near.to_string()),
                        ("allowed", allowed),
                    ],
                ),
                None => (
                    "UNKNOWN-KEY",
                    "unknown",
                    vec![("key", field.clone()), ("allowed", allowed)],
                ),
            }
        }
        YamlError::SerdeMissingField { field, .. } => {
            ("MISSING-KEY", "missing", vec![("key", field.to_string())])
        }
        YamlError::SerdeInvalidType { expected, .. }
        | YamlError::SerdeInvalidValue { expected, .. } => (
            "WRONG-TYPE",
            expected_situation(expected),
            vec![("value", written)],
        ),
        YamlError::SerdeUnknownVariant {
            variant, expected, ..
        } => (
            "WRONG-TYPE",
            "unknown_value",
            vec![("value", variant.clone()), ("allowed", expected.join(", "))],
        ),
        YamlError::Budget { .. } => ("YAML-TOO-COMPLEX", "budget", vec![]),
        YamlError::DuplicateMappingKey { key, .. } => (
            "DUPLICATE-KEY",
            "duplicate",
            vec![("key", key.clone().unwrap_or(written))],
        ),
        _ if is_number_error(&phrase) => ("WRONG-TYPE", "number", vec![("value", written)]),
        _ if phrase.contains("recursion limit exceeded") => (
            "YAML-TOO-COMPLEX",
            "nesting",
            vec![("limit", MAX_NESTING.to_string())],
        ),
        _ if phrase.contains("expected string scalar") => {
            ("WRONG-TYPE", "text", vec![("value", written)])
        }
        _ if phrase.contains("expected sequence start") => {
            ("WRONG-TYPE", "list", vec![("value", written)])
        }
        _ if phrase.contains("expected mapping start") => {
            ("WRONG-TYPE", "section", vec![("value", written)])
        }
        _ if phrase.contains("mapping values are not allowed") => match key_before(source, at) {
            // `key: some text: more` — the second colon is inside the text.
            Some(key) => ("YAML-SYNTAX", "colon_in_text", vec![("key", key)]),
            None => ("YAML-SYNTAX", "over_indented", vec![]),
        },
        _ if phrase.contains("tab") => {
            // The parser reports where the scalar before the tab began; the student needs the tab.
            if let Some(tab) = indenting_tab(source, at.line) {
                at = tab;
            }
            ("YAML-SYNTAX", "tab", vec![])
        }
        _ => ("YAML-SYNTAX", "other", vec![]),
    };
    Diagnostic::worded(
        path,
        at,
        language,
        code,
        situation,
        &messages::pairs(&values),
    )
}

/// The value written at `at`, as the underline shows it.
fn written_at(source: &str, at: Position) -> String {
    let Some(line) = usize::try_from(at.line)
        .ok()
        .and_then(|l| l.checked_sub(1))
        .and_then(|l| source.lines().nth(l))
    else {
        return String::new();
    };
    let column = usize::try_from(at.column).unwrap_or(1).max(1);
    let width = crate::diagnostics::token_width(line, column);
    line.chars()
        .skip(column - 1)
        .take(width)
        .collect::<String>()
}

/// The key of the line at `at` when the position lies in that key's value (after its `: `).
fn key_before(source: &str, at: Position) -> Option<String> {
    let text = source
        .lines()
        .nth(usize::try_from(at.line).ok()?.checked_sub(1)?)?;
    let column = usize::try_from(at.column).ok()?.saturating_sub(1);
    let before: String = text.chars().take(column).collect();
    let (key, _) = before.split_once(": ")?;
    let key = key.trim().trim_start_matches("- ").trim();
    (!key.is_empty() && !key.contains(' ')).then(|| key.to_string())
}

/// The first tab in the indentation of a line, from `line` on.
fn indenting_tab(source: &str, line: u32) -> Option<Position> {
    let start = usize::try_from(line).ok()?.saturating_sub(1);
    source
        .lines()
        .enumerate()
        .skip(start)
        .find_map(|(index, text)| {
            let indent = &text[..text.len() - text.trim_start().len()];
            let column = indent.find('\t')?;
            Some(Position {
                line: u32::try_from(index + 1).ok()?,
                column: u32::try_from(column + 1).ok()?,
            })
        })
}

/// The parser's own words, used only to tell its errors apart (they are never shown).
fn first_line(err: &YamlError) -> String {
    let text = err.to_string();
    text.lines().next().unwrap_or_default().to_string()
}

fn is_number_error(phrase: &str) -> bool {
    phrase.contains("invalid floating point") || phrase.contains("invalid integer")
}

/// The situation of a wrong-type error by what serde expected there.
fn expected_situation(expected: &str) -> &'static str {
    match expected {
        "a string" | "a borrowed string" => "text",
        "f64" | "i64" | "a number" => "number",
        "a sequence" => "list",
        e if e.starts_with("struct ") => "section",
        _ => "value",
    }
}

/// The allowed key nearest to a misspelt one, when it is near enough to be a typo.
fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::levenshtein(word, c), *c))
        .filter(|(distance, c)| *distance <= 2.max(c.len() / 4))
        .min()
        .map(|(_, c)| c)
}
