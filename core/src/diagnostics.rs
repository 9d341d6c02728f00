//! One diagnostic type for every problem casebook reports, whatever its source (YAML, validation,
//! assessment, templates, typst), and its two renderings: for people and as JSON lines.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::lang::{Language, Position};
use crate::messages;

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
    /// The language the message and hint are in; the rendering's own words follow it.
    #[serde(default)]
    pub language: Language,
    /// The hint done for the student, when it is one certain edit: the studio offers it as a
    /// one-click action, an editor reads it from `casebook check --format json`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

/// One line of the case as the hint says it should read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fix {
    /// 1-based, as the diagnostic's own line.
    pub line: u32,
    /// The whole line, fixed, without its line break.
    pub text: String,
}

impl Diagnostic {
    /// An error worded by the locale of `language`: its message is `diagnostics.<CODE>.<situation>`
    /// and its hint `diagnostics.<CODE>.<situation>_hint` (none when the locale has no hint),
    /// each with its `{placeholders}` filled from `values`.
    pub fn worded(
        file: &Path,
        at: Position,
        language: Language,
        code: &'static str,
        situation: &str,
        values: &[(&str, &str)],
    ) -> Self {
        let locale = messages::locale(language);
        let key = format!("diagnostics.{code}.{situation}");
        let hint_key = format!("{key}_hint");
        Self {
            hint: locale
                .has(&hint_key)
                .then(|| locale.fill(&hint_key, values)),
            language,
            ..Self::error(file, at, code, locale.fill(&key, values))
        }
    }

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
            language: messages::user_language(),
            fix: None,
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
    /// line with a caret under the place, then the hint, then the fixed line when there is one.
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
        let words = messages::locale(self.language);
        let _ = writeln!(
            out,
            "{place}: {}[{}]: {}{item}",
            words.text(&format!("cli.{}", self.severity.label())),
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
            let width = token_width(line_text, column);
            let _ = writeln!(out, "{gutter} |");
            let _ = writeln!(out, "{number} | {}", visible(line_text));
            let _ = writeln!(out, "{gutter} | {pad}{}", "^".repeat(width));
        }
        if let Some(hint) = &self.hint {
            let _ = writeln!(out, "  = {}: {hint}", words.text("cli.hint"));
        }
        if let Some(fix) = &self.fix {
            let line = fix.line.to_string();
            let text = visible(&fix.text);
            let _ = writeln!(
                out,
                "  = {}",
                words.fill("cli.fix", &[("line", &line), ("text", &text)])
            );
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

/// How many characters to underline from `column` (1-based) of `line`: the whole key or value
/// that starts there, at least one. A plain value in block style runs to the end of the line (or
/// a comment), a key to its colon; inside `{ … }` or `[ … ]` a comma or bracket ends it too.
pub(crate) fn token_width(line: &str, column: usize) -> usize {
    let before: Vec<char> = line.chars().take(column.saturating_sub(1)).collect();
    let rest: Vec<char> = line.chars().skip(column.saturating_sub(1)).collect();
    let in_flow = flow_depth(&before) > 0;
    let mut width = 0;
    match rest.first() {
        // An invisible character, or an indentation made of them: just those.
        Some(&c) if c.is_whitespace() || c.is_control() || is_zero_width(c) => {
            width = rest
                .iter()
                .take_while(|c| c.is_whitespace() || c.is_control() || is_zero_width(**c))
                .count();
        }
        Some('[' | '{') => {
            let mut depth = 0;
            for &c in &rest {
                width += 1;
                depth += usize::from(matches!(c, '[' | '{'));
                depth -= usize::from(matches!(c, ']' | '}'));
                if depth == 0 {
                    break;
                }
            }
        }
        Some(&quote) if quote == '"' || quote == '\'' => {
            width = rest[1..]
                .iter()
                .position(|&c| c == quote)
                .map_or(rest.len(), |end| end + 2);
        }
        _ => {
            while width < rest.len() {
                let c = rest[width];
                let next = rest.get(width + 1).copied();
                let ends_key = c == ':' && next.is_none_or(char::is_whitespace);
                let comment = c == '#' && width > 0 && rest[width - 1].is_whitespace();
                let flow_end = in_flow && matches!(c, ',' | '}' | ']');
                if ends_key || comment || flow_end {
                    break;
                }
                width += 1;
            }
            while width > 1 && rest[width - 1].is_whitespace() {
                width -= 1;
            }
        }
    }
    width.clamp(1, 80)
}

/// The source line as the terminal should show it: control characters as their visible symbols
/// (U+000B as ␋), zero-width characters as ⸱ and non-breaking spaces as ·, one character for
/// one, so that the underline stays under the place.
fn visible(line: &str) -> String {
    line.chars()
        .map(|c| match c {
            '\t' => c,
            '\u{7F}' => '\u{2421}',
            c if c.is_control() => char::from_u32(0x2400 + u32::from(c))
                .filter(|_| u32::from(c) < 0x20)
                .unwrap_or('\u{FFFD}'),
            '\u{A0}' | '\u{202F}' => '\u{B7}',
            c if is_zero_width(c) => '\u{2E31}',
            c => c,
        })
        .collect()
}

fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// How many `{` / `[` are open at the end of `text`, quotes skipped.
pub(crate) fn flow_depth(text: &[char]) -> usize {
    let mut depth: usize = 0;
    let mut quote = None;
    for &c in text {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '{' | '[') => depth += 1,
            (None, '}' | ']') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    depth
}

/// The allowed key nearest to a misspelt one (a did-you-mean), when it is near enough to be a typo.
pub(crate) fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::levenshtein(word, c), *c))
        .filter(|(distance, c)| *distance <= 2.max(c.len() / 4))
        .min()
        .map(|(_, c)| c)
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
        let d = Diagnostic {
            language: Language::En,
            ..d
        };
        assert_eq!(
            d.render(Some(source)),
            "cases/x.yaml:2:9: error[DUPLICATE-ID]: the id S2 is used twice\n  |\n2 |   - id: S2\n  |         ^^\n  = hint: give every item its own id\n"
        );
    }
}
