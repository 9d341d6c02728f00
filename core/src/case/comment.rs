//! A ` #` after a plain one-line text: YAML reads the rest of the line as a comment, so
//! `text: Monteurs #1 in Utrecht` keeps only `Monteurs`, and nothing else would say so.

use std::path::Path;

use super::Language;
use super::model::Case;
use crate::diagnostics::{Diagnostic, Severity, flow_depth};
use crate::lang::Position;

/// One warning per free text that a comment cut short, at the `#`.
pub fn cut_by_comment(
    path: &Path,
    case: &Case,
    source: &str,
    language: Language,
) -> Vec<Diagnostic> {
    let lines: Vec<&str> = source.lines().collect();
    let mut found = Vec::new();
    for (item, field, text) in super::texts(case) {
        let Some(line) = usize::try_from(text.at.line)
            .ok()
            .and_then(|l| l.checked_sub(1))
            .and_then(|l| lines.get(l))
        else {
            continue;
        };
        let chars: Vec<char> = line.chars().collect();
        let start = usize::try_from(text.at.column)
            .unwrap_or(1)
            .saturating_sub(1);
        let plain = chars
            .get(start)
            .is_some_and(|c| !matches!(c, '"' | '\'' | '|' | '>'));
        if !plain || start > chars.len() || flow_depth(&chars[..start]) > 0 {
            continue;
        }
        let Some(hash) =
            (start + 1..chars.len()).find(|&i| chars[i] == '#' && chars[i - 1].is_whitespace())
        else {
            continue;
        };
        let kept: String = chars[start..hash].iter().collect();
        if kept.trim_end() != text.value.trim_end() {
            continue;
        }
        let whole: String = chars[start..].iter().collect();
        let whole = whole.trim_end();
        let cut: String = chars[hash..].iter().collect();
        let quoted = format!(
            "{field}: \"{}\"",
            whole.replace('\\', "\\\\").replace('"', "\\\"")
        );
        let at = Position {
            line: text.at.line,
            column: u32::try_from(hash + 1).unwrap_or(text.at.column),
        };
        let values = [
            ("key", field),
            ("kept", kept.trim_end()),
            ("cut", cut.trim_end()),
            ("quoted", quoted.as_str()),
        ];
        let d = Diagnostic::worded(path, at, language, "COMMENT-IN-TEXT", "cut", &values)
            .with_severity(Severity::Warning);
        found.push(Diagnostic {
            item: item.map(str::to_string),
            ..d
        });
    }
    found
}
