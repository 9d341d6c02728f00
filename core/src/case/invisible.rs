//! Characters a student cannot see that break a case, found before it is parsed, each at its
//! line and column: control characters (Word's manual line break, U+000B), odd spaces in the
//! indentation (a non-breaking space, U+00A0), zero-width characters and odd spaces inside a key.

use std::path::Path;

use super::Language;
use crate::diagnostics::Diagnostic;
use crate::lang::Position;

/// Characters that take no room on the screen.
const ZERO_WIDTH: [char; 5] = ['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}'];

/// One diagnostic per line that holds such a character (the first one on the line).
pub fn invisible_characters(path: &Path, source: &str, language: Language) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for (index, line) in source.lines().enumerate() {
        // A byte-order mark that opens the file is how some editors save UTF-8, not a mistake.
        let line = if index == 0 {
            line.strip_prefix('\u{FEFF}').unwrap_or(line)
        } else {
            line
        };
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let at = |column: usize| Position {
            line: number,
            column: u32::try_from(column + 1).unwrap_or(u32::MAX),
        };
        let said = |column: usize, code, situation, c: char, key: &str| {
            let character = format!("U+{:04X}", u32::from(c));
            let values = [("character", character.as_str()), ("key", key)];
            Diagnostic::worded(path, at(column), language, code, situation, &values)
        };
        let chars: Vec<char> = line.chars().collect();
        if let Some(column) = chars
            .iter()
            .position(|c| c.is_control() && !matches!(c, '\t' | '\r'))
        {
            let situation = if chars[column] == '\u{B}' {
                "vertical_tab"
            } else {
                "in_file"
            };
            found.push(said(
                column,
                "CONTROL-CHARACTER",
                situation,
                chars[column],
                "",
            ));
            continue;
        }
        let indent = chars
            .iter()
            .take_while(|c| c.is_whitespace() || **c == '-')
            .count();
        if let Some(column) = chars[..indent]
            .iter()
            .position(|c| c.is_whitespace() && !matches!(c, ' ' | '\t'))
        {
            let situation = if chars[column] == '\u{A0}' {
                "nbsp_indent"
            } else {
                "space_indent"
            };
            found.push(said(0, "YAML-SYNTAX", situation, chars[column], ""));
            continue;
        }
        if let Some((start, key)) = key_of(&chars) {
            if let Some(c) = key.chars().find(|c| ZERO_WIDTH.contains(c)) {
                let shown: String = key.chars().filter(|c| !ZERO_WIDTH.contains(c)).collect();
                found.push(said(
                    start,
                    "CONTROL-CHARACTER",
                    "zero_width_key",
                    c,
                    &shown,
                ));
            } else if let Some((offset, c)) = odd_space(&key) {
                let shown: String = key.chars().filter(|c| !c.is_whitespace()).collect();
                found.push(said(
                    start + offset,
                    "CONTROL-CHARACTER",
                    "space_in_key",
                    c,
                    &shown,
                ));
            }
        }
    }
    found
}

/// A space other than the plain one (a non-breaking space from Word) between a one-word key and
/// its colon, with its offset: YAML keeps it as part of the key.
fn odd_space(key: &str) -> Option<(usize, char)> {
    let odd = |c: char| c.is_whitespace() && !matches!(c, ' ' | '\t');
    let word = key.trim_end_matches(|c: char| c.is_whitespace());
    if word.is_empty() || word.contains(char::is_whitespace) {
        return None;
    }
    key.chars()
        .enumerate()
        .skip(word.chars().count())
        .find(|(_, c)| odd(*c))
}

/// The key a line starts with (after its indentation and any `- `), with its column (0-based).
fn key_of(chars: &[char]) -> Option<(usize, String)> {
    let mut start = 0;
    while start < chars.len() && (chars[start] == ' ' || chars[start] == '-') {
        start += 1;
    }
    if chars
        .get(start)
        .is_none_or(|c| matches!(c, '#' | '"' | '\'' | '{' | '['))
    {
        return None;
    }
    let rest = &chars[start..];
    let end = rest
        .iter()
        .enumerate()
        .position(|(i, c)| *c == ':' && rest.get(i + 1).is_none_or(|n| n.is_whitespace()))?;
    Some((start, rest[..end].iter().collect()))
}
