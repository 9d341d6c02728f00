//! Reading one case file: bytes → text → [`Case`], every failure turned into a [`Diagnostic`].

use std::path::{Path, PathBuf};

use serde_saphyr::Error as YamlError;

use super::located::Position;
use super::model::Case;
use super::validate::validate;
use crate::diagnostics::Diagnostic;

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
        let message = format!("cannot read the case file: {err}");
        (
            None,
            vec![Diagnostic::error(
                path,
                Position::default(),
                "FILE-READ",
                message,
            )],
        )
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
        let message = format!(
            "the file is {} KB; a case may be at most {} KB",
            bytes.len() / 1024,
            MAX_CASE_BYTES / 1024
        );
        let hint = "split the material over several cases, or move long appendices out of the case";
        return Err((
            None,
            vec![Diagnostic::error(path, nowhere, "FILE-TOO-LARGE", message).with_hint(hint)],
        ));
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
        let hint = "save the file as UTF-8 (in most editors: Save As… → Encoding: UTF-8)";
        (
            None,
            vec![
                Diagnostic::error(path, at, "ENCODING", "the file is not valid UTF-8 text")
                    .with_hint(hint),
            ],
        )
    })?;
    if source
        .trim()
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        let hint = "start from `casebook new NAME`, which writes a complete starter case";
        let d = Diagnostic::error(path, nowhere, "EMPTY-CASE", "the file holds no case")
            .with_hint(hint);
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
            let d = yaml_diagnostic(path, &err, &source);
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
fn yaml_diagnostic(path: &Path, err: &YamlError, source: &str) -> Diagnostic {
    let inner = err.without_snippet();
    let mut at = err
        .location()
        .map(|l| Position {
            line: u32::try_from(l.line()).unwrap_or(u32::MAX),
            column: u32::try_from(l.column()).unwrap_or(u32::MAX),
        })
        .unwrap_or_default();
    let (code, message, hint): (&'static str, String, String) = match inner {
        YamlError::SerdeUnknownField { field, expected, .. } => {
            let suggestion = closest(field, expected)
                .map(|s| format!("did you mean `{s}`? "))
                .unwrap_or_default();
            (
                "UNKNOWN-KEY",
                format!("unknown key `{field}`"),
                format!("{suggestion}Keys allowed here: {}", expected.join(", ")),
            )
        }
        YamlError::SerdeMissingField { field, .. } => (
            "MISSING-KEY",
            format!("the required key `{field}` is missing"),
            format!("add `{field}:` to this section, or check the indentation of the lines below it (a key indented differently belongs to another section); `casebook new` shows a complete example"),
        ),
        YamlError::SerdeInvalidType { unexpected, expected, .. }
        | YamlError::SerdeInvalidValue { unexpected, expected, .. } => (
            "WRONG-TYPE",
            format!("expected {}, found {unexpected}", plain_expected(expected)),
            type_hint(expected),
        ),
        YamlError::SerdeUnknownVariant { variant, expected, .. } => (
            "WRONG-TYPE",
            format!("unknown value `{variant}`"),
            format!("write one of: {}", expected.join(", ")),
        ),
        YamlError::Budget { .. } => (
            "YAML-TOO-COMPLEX",
            "the YAML is too large or too deeply nested to read safely".to_string(),
            "remove repeated anchors/aliases (`&name`, `*name`) and deep nesting; a case needs neither".to_string(),
        ),
        YamlError::DuplicateMappingKey { .. } => (
            "DUPLICATE-KEY",
            first_line(inner),
            "each key may appear once per section; merge the two entries".to_string(),
        ),
        _ if is_number_error(inner) => (
            "WRONG-TYPE",
            "this value is not a number".to_string(),
            type_hint("f64"),
        ),
        _ if first_line(inner).contains("recursion limit exceeded") => (
            "YAML-TOO-COMPLEX",
            format!("the YAML is nested more than {MAX_NESTING} levels deep, the most casebook reads"),
            "a case nests a few levels deep at most; look for runs of `[` or `{` or ever-deeper indentation".to_string(),
        ),
        _ if first_line(inner).contains("expected string scalar") => (
            "WRONG-TYPE",
            "expected a text here, found a list or a section".to_string(),
            "write the text on the same line after the colon, or after `>-` on the lines below".to_string(),
        ),
        _ if first_line(inner).contains("expected sequence start") => (
            "WRONG-TYPE",
            "expected a list here, found a single value".to_string(),
            "write each entry on its own line starting with `- `, or `[]` for an empty list".to_string(),
        ),
        _ if first_line(inner).contains("expected mapping start") => (
            "WRONG-TYPE",
            "expected a section of `key: value` lines here, found a list or a single value".to_string(),
            "`casebook new` writes a starter case that shows what belongs in this section".to_string(),
        ),
        _ if first_line(inner).contains("mapping values are not allowed") => {
            match key_before(source, at) {
                // `key: some text: more` — the second colon is inside the text.
                Some(key) => (
                    "YAML-SYNTAX",
                    format!("the text after `{key}:` contains `: `, which YAML reads as a new key"),
                    format!("put the whole text in double quotes: {key}: \"…\""),
                ),
                None => (
                    "YAML-SYNTAX",
                    "YAML did not expect a new key here".to_string(),
                    "this line is indented deeper than the keys around it: line it up with them".to_string(),
                ),
            }
        }
        _ if first_line(inner).contains("tab") => {
            // The parser reports where the scalar before the tab began; the student needs the tab.
            let message = match indenting_tab(source, at.line) {
                Some(tab) => {
                    at = tab;
                    "a tab is used for indentation".to_string()
                }
                None => first_line(inner),
            };
            (
                "YAML-SYNTAX",
                message,
                "YAML indents with spaces only: replace the tab at the start of this line with spaces".to_string(),
            )
        }
        _ => (
            "YAML-SYNTAX",
            first_line(inner),
            "check the indentation (spaces, not tabs), the `key: value` colons and that text containing `: ` or starting with `-`, `*`, `&`, `!`, `%`, `@` or a quote is put in quotes".to_string(),
        ),
    };
    Diagnostic::error(path, at, code, message).with_hint(hint)
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

fn first_line(err: &YamlError) -> String {
    let text = err.to_string();
    let line = text.lines().next().unwrap_or("invalid YAML").trim();
    // serde-saphyr appends the position; ours is printed in front already.
    match line.find(" at line ") {
        Some(cut) => line[..cut].to_string(),
        None => line.to_string(),
    }
}

fn is_number_error(err: &YamlError) -> bool {
    let text = first_line(err);
    text.contains("invalid floating point") || text.contains("invalid integer")
}

fn plain_expected(expected: &str) -> String {
    match expected {
        "a string" | "a borrowed string" => "text".to_string(),
        "f64" | "i64" | "a number" => "a number".to_string(),
        "a sequence" => "a list (lines starting with `- `)".to_string(),
        e if e.starts_with("struct ") => "a section of `key: value` lines".to_string(),
        e => e.to_string(),
    }
}

fn type_hint(expected: &str) -> String {
    match expected {
        "f64" | "i64" => {
            "write a plain number with a decimal point, e.g. 7.83 (not 7,83 and without %)"
                .to_string()
        }
        "a sequence" => "write a list: each entry on its own line starting with `- `".to_string(),
        e if e.starts_with("struct ") => {
            "indent the keys of this section under it, e.g. `text: …` on the next line".to_string()
        }
        _ => "put text in quotes when it starts with a special character or holds `: `".to_string(),
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
