//! One diagnostic type for every problem casebook reports, whatever its source (YAML, validation,
//! assessment, templates, typst), and its two renderings: for people and as JSON lines.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::case::Position;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A problem found in a case (or in a template), with where it is and what to do about it.
/// It can be read back: the build manifest keeps a case's warnings to repeat them while the case
/// is unchanged.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub file: PathBuf,
    /// 1-based; 0 when the problem has no place in the file (e.g. a missing section).
    pub line: u32,
    pub column: u32,
    pub severity: Severity,
    /// A stable code such as `DUPLICATE-ID` or `SMART-T`, listed in the README.
    pub code: Cow<'static, str>,
    /// The id of the item concerned (`S3`), when there is one.
    pub item: Option<String>,
    pub message: String,
    /// What to write instead, in plain words.
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(
        file: &Path,
        at: Position,
        code: &'static str,
        message: impl Into<String>,
    ) -> Self {
        Self {
            file: file.to_path_buf(),
            line: at.line,
            column: at.column,
            severity: Severity::Error,
            code: Cow::Borrowed(code),
            item: None,
            message: message.into(),
            hint: None,
        }
    }

    pub fn warning(
        file: &Path,
        at: Position,
        code: &'static str,
        message: impl Into<String>,
    ) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(file, at, code, message)
        }
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    pub fn with_item(mut self, item: impl Into<String>) -> Self {
        self.item = Some(item.into());
        self
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The diagnostic as a person reads it: `path:line:col: error[CODE]: message`, then the source
    /// line with a caret under the place, then the hint.
    pub fn render(&self, source: Option<&str>) -> String {
        let mut out = String::new();
        let place = if self.line > 0 {
            format!("{}:{}:{}", self.file.display(), self.line, self.column)
        } else {
            self.file.display().to_string()
        };
        let item = self
            .item
            .as_ref()
            .filter(|id| !self.message.contains(id.as_str()))
            .map(|id| format!(" ({id})"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{place}: {}[{}]: {}{item}",
            self.severity.label(),
            self.code,
            self.message
        );
        if let Some(line_text) = source.and_then(|s| source_line(s, self.line)) {
            let number = self.line.to_string();
            let gutter = " ".repeat(number.len());
            let column = usize::try_from(self.column.max(1)).unwrap_or(1);
            let before: String = line_text.chars().take(column - 1).collect();
            let pad: String = before
                .chars()
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let width = token_width(line_text.chars().skip(column - 1));
            let _ = writeln!(out, "{gutter} |");
            let _ = writeln!(out, "{number} | {line_text}");
            let _ = writeln!(out, "{gutter} | {pad}{}", "^".repeat(width));
        }
        if let Some(hint) = &self.hint {
            let _ = writeln!(out, "  = hint: {hint}");
        }
        out
    }

    /// One JSON object on one line, for editors and graders.
    pub fn to_json_line(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

fn source_line(source: &str, line: u32) -> Option<&str> {
    let index = usize::try_from(line).ok()?.checked_sub(1)?;
    let text = source.lines().nth(index)?;
    // A megabyte-long line helps nobody in a terminal.
    (text.chars().count() <= 300).then_some(text.trim_end())
}

/// How many characters to underline: the scalar starting at the caret, at least one.
fn token_width(rest: impl Iterator<Item = char>) -> usize {
    let mut width = 0;
    let mut quote = None;
    for c in rest {
        match quote {
            Some(q) if c == q => {
                width += 1;
                break;
            }
            Some(_) => {}
            None if width == 0 && (c == '"' || c == '\'') => quote = Some(c),
            None if c.is_whitespace() || c == ',' || c == '}' || c == ']' || c == '#' => break,
            None if c == ':' => break,
            None => {}
        }
        width += 1;
    }
    width.clamp(1, 80)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_place_code_snippet_caret_and_hint() {
        let source = "meta:\n  - id: S2\n";
        let d = Diagnostic::error(
            Path::new("cases/x.yaml"),
            Position { line: 2, column: 9 },
            "DUPLICATE-ID",
            "the id S2 is used twice",
        )
        .with_item("S2")
        .with_hint("give every item its own id");
        assert_eq!(
            d.render(Some(source)),
            "cases/x.yaml:2:9: error[DUPLICATE-ID]: the id S2 is used twice\n  |\n2 |   - id: S2\n  |         ^^\n  = hint: give every item its own id\n"
        );
    }
}
