//! Why a case's YAML did not read, in words a student can act on: the parser's error turned into
//! a diagnostic with a code, the place to look and the fix (quotes, indentation, a Dutch key
//! written for an English one, a tab, a comment that swallowed a brace).

use std::path::Path;

use serde_saphyr::Error as YamlError;

use super::flow::{self, FlowFix};
use super::owner;
use crate::diagnostics::Diagnostic;
use crate::lang::{Language, Position};
use crate::messages;

/// The YAML parser's recursion limit (serde-saphyr); a case needs fewer than ten levels.
pub const MAX_NESTING: usize = 255;

/// Turns a YAML or type error into a diagnostic with a code and a hint a student can act on.
pub(super) fn yaml_diagnostic(
    path: &Path,
    err: &YamlError,
    source: &str,
    language: Language,
) -> Diagnostic {
    let inner = err.without_snippet();
    let mut at = err
        .location()
        .map(|l| Position {
            line: u32::try_from(l.line()).unwrap_or(u32::MAX),
            column: u32::try_from(l.column()).unwrap_or(u32::MAX),
        })
        .unwrap_or_default();
    let phrase = first_line(inner);
    let wrong_value = matches!(
        inner,
        YamlError::SerdeInvalidType { .. } | YamlError::SerdeInvalidValue { .. }
    ) || is_number_error(&phrase);
    if let Some(value) = value_after_key(source, at).filter(|_| wrong_value) {
        at = value;
    }
    let written = written_at(source, at);
    let mut item = None;
    let (code, situation, values): (&'static str, &str, Vec<(&str, String)>) = match inner {
        YamlError::SerdeUnknownField {
            field, expected, ..
        } => {
            let allowed = expected.join(", ");
            let in_flow = is_in_flow(source, at);
            if let Some(english) = dutch_key(field, expected) {
                (
                    "UNKNOWN-KEY",
                    "dutch",
                    vec![("key", field.clone()), ("near", english.to_string())],
                )
            } else if in_flow && field.contains(' ') {
                // `{ stance: "+", reasoning: Trouw, want … }`: the comma ended the text.
                match flow_fix(source, at) {
                    Some(FlowFix::Quote(line)) => (
                        "UNKNOWN-KEY",
                        "comma_in_flow_text",
                        vec![("key", field.clone()), ("line", line)],
                    ),
                    Some(FlowFix::Stance) => {
                        ("UNKNOWN-KEY", "comma_in_flow", vec![("key", field.clone())])
                    }
                    // Braces whose content is not known to hold a stance: no stance advice.
                    None => (
                        "UNKNOWN-KEY",
                        "comma_in_flow_plain",
                        vec![("key", field.clone())],
                    ),
                }
            } else {
                match crate::diagnostics::closest(field, expected) {
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
        }
        YamlError::SerdeMissingField { field, .. } => match top_level_place(source, field) {
            // serde reports a missing top-level key at the file's last key; its place is
            // before the key that follows it in a case.
            Some(place) if at.column <= 1 => {
                at = place;
                let situation = if *field == "choice" {
                    "missing_choice"
                } else {
                    "missing_here"
                };
                ("MISSING-KEY", situation, vec![("key", field.to_string())])
            }
            _ => match misplaced_key(source, at, field) {
                // The key is there, but indented so that it belongs to another section.
                Some((place, sibling, offset)) => {
                    let situation = if offset > 0 {
                        "indented_less"
                    } else {
                        "indented_more"
                    };
                    let values = vec![
                        ("key", field.to_string()),
                        ("sibling", sibling),
                        ("line", at.line.to_string()),
                        ("column", at.column.to_string()),
                        ("spaces", offset.unsigned_abs().to_string()),
                    ];
                    at = place;
                    ("MISSING-KEY", situation, values)
                }
                None => ("MISSING-KEY", "missing", vec![("key", field.to_string())]),
            },
        },
        YamlError::NullIntoString { .. } => {
            let key = key_of_value(source, at).unwrap_or_default();
            // Underline the key that has no text, not the end of its line.
            if let Some(start) = line_at(source, at.line).and_then(|l| l.find(&format!("{key}:"))) {
                let column = line_at(source, at.line).map_or(0, |l| l[..start].chars().count());
                at.column = u32::try_from(column + 1).unwrap_or(at.column);
            }
            ("EMPTY-TEXT", "empty", vec![("key", key)])
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
            // `key: “some text: more”` — curly quotes are no quotes to YAML.
            Some((key, value)) if value.starts_with(['\u{201C}', '\u{201D}', '\u{201E}']) => {
                ("YAML-SYNTAX", "smart_quotes", vec![("key", key)])
            }
            // `key: some text: more` — the second colon is inside the text.
            Some((key, _)) => ("YAML-SYNTAX", "colon_in_text", vec![("key", key)]),
            None => ("YAML-SYNTAX", "over_indented", vec![]),
        },
        _ if written == "-" || phrase.contains("cannot start with '-'") => {
            let key = key_of_value(source, at).unwrap_or_default();
            if key == "stance" {
                let (id, discipline) = owner::stance_owner(source, at.line);
                item = id;
                match discipline {
                    Some(discipline) => {
                        let name = format!("disciplines.{}", discipline.key());
                        let name = messages::locale(language).text(&name).to_string();
                        ("STANCE-RANGE", "lone_minus_for", vec![("discipline", name)])
                    }
                    None => ("STANCE-RANGE", "lone_minus", vec![]),
                }
            } else {
                ("YAML-SYNTAX", "lone_minus", vec![("key", key)])
            }
        }
        _ if phrase.contains("did not find expected ',' or '}'") => {
            match comment_in_flow(source, at.line) {
                Some(hash) => {
                    at = hash;
                    flow_situation(source, at, "hash_in_flow")
                }
                None => flow_situation(source, at, "colon_in_flow"),
            }
        }
        _ if phrase.contains("tab") => {
            // The parser reports where the scalar before the tab began; the student needs the tab.
            if let Some(tab) = indenting_tab(source, at.line) {
                at = tab;
            }
            ("YAML-SYNTAX", "tab", vec![])
        }
        _ => match (quote_fix(source, at.line), comment_in_flow(source, at.line)) {
            (Some(fix), _) => (
                "YAML-SYNTAX",
                fix.situation,
                vec![("key", fix.key), ("after", fix.after), ("fixed", fix.fixed)],
            ),
            // A ` #` in `[{ … }]` hides the closing brackets; the parser stumbles lines later.
            (None, Some(hash)) => {
                at = hash;
                flow_situation(source, at, "hash_in_flow")
            }
            (None, None) => ("YAML-SYNTAX", "other", vec![]),
        },
    };
    Diagnostic {
        item,
        fix: super::fixes::line_fix(source, at, situation, &messages::pairs(&values)),
        ..Diagnostic::worded(
            path,
            at,
            language,
            code,
            situation,
            &messages::pairs(&values),
        )
    }
}

/// Where the value of the key written at `at` begins (`5,5` in `baseline: 5,5`): the parser
/// places some wrong values at their key.
fn value_after_key(source: &str, at: Position) -> Option<Position> {
    let text = line_at(source, at.line)?;
    let column = usize::try_from(at.column).ok()?.checked_sub(1)?;
    let rest: Vec<char> = text.chars().skip(column).collect();
    let key = rest
        .iter()
        .take_while(|c| c.is_alphanumeric() || **c == '_')
        .count();
    if key == 0 || rest.get(key) != Some(&':') {
        return None;
    }
    let spaces = rest[key + 1..].iter().take_while(|c| **c == ' ').count();
    let value = rest.get(key + 1 + spaces).filter(|c| **c != '#');
    (spaces > 0 && value.is_some()).then(|| Position {
        line: at.line,
        column: at.column + u32::try_from(key + 1 + spaces).unwrap_or(0),
    })
}

/// The fix for a text that broke at `at` inside `{ … }`: quotes, on the student's line, unless
/// the braces hold a stance.
fn flow_fix(source: &str, at: Position) -> Option<FlowFix> {
    let column = usize::try_from(at.column).ok()?;
    flow::flow_fix(line_at(source, at.line)?, column)
}

/// A `YAML-SYNTAX` situation in `{ … }` (`colon_in_flow`, `hash_in_flow`): its `_text` variant,
/// with the line quoted, when the braces hold something other than a stance; its `_plain`
/// variant, without the stance advice, when what they hold is not known.
fn flow_situation(
    source: &str,
    at: Position,
    situation: &'static str,
) -> (&'static str, &'static str, Vec<(&'static str, String)>) {
    match (flow_fix(source, at), situation) {
        (Some(FlowFix::Quote(line)), "colon_in_flow") => {
            ("YAML-SYNTAX", "colon_in_flow_text", vec![("line", line)])
        }
        (Some(FlowFix::Quote(line)), _) => {
            ("YAML-SYNTAX", "hash_in_flow_text", vec![("line", line)])
        }
        (Some(FlowFix::Stance), _) => ("YAML-SYNTAX", situation, vec![]),
        (None, "colon_in_flow") => ("YAML-SYNTAX", "colon_in_flow_plain", vec![]),
        (None, _) => ("YAML-SYNTAX", "hash_in_flow_plain", vec![]),
    }
}

/// The value written at `at`, as the underline shows it.
pub(super) fn written_at(source: &str, at: Position) -> String {
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

/// The key of the line at `at` and the text after its `: `, when the position lies in that
/// value (`key: some text: more`).
fn key_before(source: &str, at: Position) -> Option<(String, String)> {
    let text = line_at(source, at.line)?;
    let column = usize::try_from(at.column).ok()?.saturating_sub(1);
    let before: String = text.chars().take(column).collect();
    let (key, _) = before.split_once(": ")?;
    let value = text.split_once(": ")?.1.trim_start().to_string();
    let key = key.trim().trim_start_matches("- ").trim();
    (!key.is_empty() && !key.contains(' ')).then(|| (key.to_string(), value))
}

/// The key whose value starts at `at` (`stance` in `{ stance: -, … }` or `stance: -`).
fn key_of_value(source: &str, at: Position) -> Option<String> {
    let text = line_at(source, at.line)?;
    let column = usize::try_from(at.column).ok()?;
    // The parser points after the colon (`stance: -`), or at it when the value is empty (`text:`).
    let before = [column.saturating_sub(1), column]
        .into_iter()
        .map(|end| text.chars().take(end).collect::<String>())
        .find_map(|b| b.trim_end().strip_suffix(':').map(str::to_string))?;
    let key = before.rsplit([' ', '{', ',', '-']).next()?.trim();
    (!key.is_empty()).then(|| key.to_string())
}

/// Whether `at` lies inside `{ … }` or `[ … ]` on its line.
fn is_in_flow(source: &str, at: Position) -> bool {
    let Some(text) = line_at(source, at.line) else {
        return false;
    };
    let column = usize::try_from(at.column).unwrap_or(1).max(1);
    let before: Vec<char> = text.chars().take(column - 1).collect();
    crate::diagnostics::flow_depth(&before) > 0
}

/// A ` #` inside an unclosed `{ … }` on one of the few lines before `line`: the comment
/// swallowed the closing brace, and the parser noticed only on a later line.
fn comment_in_flow(source: &str, line: u32) -> Option<Position> {
    (line.saturating_sub(3).max(1)..line)
        .rev()
        .find_map(|previous| {
            let text: Vec<char> = line_at(source, previous)?.chars().collect();
            let hash = (1..text.len()).find(|&i| {
                text[i] == '#'
                    && text[i - 1].is_whitespace()
                    && crate::diagnostics::flow_depth(&text[..i]) > 0
            })?;
            Some(Position {
                line: previous,
                column: u32::try_from(hash + 1).ok()?,
            })
        })
}

/// The quotes on line `line` that close the text too early, and the line as it should read.
fn quote_fix(source: &str, line: u32) -> Option<super::quotes::QuoteFix> {
    super::quotes::quote_fix(line_at(source, line)?)
}

/// The line numbered `line` (1-based).
fn line_at(source: &str, line: u32) -> Option<&str> {
    source
        .lines()
        .nth(usize::try_from(line).ok()?.checked_sub(1)?)
}

/// A key `missing` from the section whose first key is at `at`, written in the lines below it
/// at another indentation: where it is, the section's first key, and how many spaces it should
/// move right (negative: left).
fn misplaced_key(source: &str, at: Position, missing: &str) -> Option<(Position, String, i64)> {
    let column = usize::try_from(at.column).ok()?;
    let first = line_at(source, at.line)?;
    let sibling: String = first
        .chars()
        .skip(column.checked_sub(1)?)
        .take_while(|c| *c != ':')
        .collect();
    let lines = source
        .lines()
        .enumerate()
        .skip(usize::try_from(at.line).ok()?);
    for (index, text) in lines {
        let body = text.trim_start_matches(' ');
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        let key_column = text.len() - body.len() + 1;
        if body.starts_with(&format!("{missing}:")) && key_column != column {
            let place = Position {
                line: u32::try_from(index + 1).ok()?,
                column: u32::try_from(key_column).ok()?,
            };
            let offset = i64::try_from(column).ok()? - i64::try_from(key_column).ok()?;
            return Some((place, sibling.trim().to_string(), offset));
        }
        if key_column < column {
            return None;
        }
    }
    None
}

/// The top-level keys of a case in the order the starter writes them.
const TOP_LEVEL: [&str; 11] = [
    "meta",
    "introduction",
    "choice",
    "higher_decisions",
    "current_situation",
    "desired_situation",
    "regularities",
    "consequences",
    "alternatives",
    "customer_leadership",
    "references",
];

/// Where a missing top-level key belongs: the line of the first top-level key written after it.
fn top_level_place(source: &str, missing: &str) -> Option<Position> {
    let rank = TOP_LEVEL.iter().position(|k| *k == missing)?;
    let later = &TOP_LEVEL[rank + 1..];
    source.lines().enumerate().find_map(|(index, text)| {
        let key = text.split(':').next()?;
        (!text.starts_with([' ', '\t', '#']) && later.contains(&key)).then(|| Position {
            line: u32::try_from(index + 1).unwrap_or(u32::MAX),
            column: 1,
        })
    })
}

/// The English key for a Dutch word a student wrote instead (`sterktes` → `strengths`), when
/// it is one of the keys `expected` here.
fn dutch_key(word: &str, expected: &[&'static str]) -> Option<&'static str> {
    static KEYS: std::sync::OnceLock<toml::Table> = std::sync::OnceLock::new();
    let keys = KEYS.get_or_init(|| {
        toml::from_str(include_str!("../../../templates/locale/dutch-keys.toml"))
            .unwrap_or_default()
    });
    let word = word.trim().to_lowercase().replace([' ', '-'], "_");
    match keys.get(&word) {
        Some(toml::Value::String(english)) => expected.iter().find(|k| *k == english).copied(),
        _ => None,
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn braces_not_known_to_hold_a_stance_get_no_stance_advice() {
        let at = Position {
            line: 1,
            column: 20,
        };
        // A stance: the block style; neither known: the plain hint.
        let stance = "  customer_intimacy: { stance: \"+\", reasoning: Ja: nee }";
        let nee = Position {
            line: 1,
            column: u32::try_from(stance.find("nee").unwrap_or_default() + 1).unwrap_or(1),
        };
        assert_eq!(
            flow_situation(stance, nee, "colon_in_flow").1,
            "colon_in_flow"
        );
        let unknown = "  core_values: [Trouw: veel, service]";
        assert_eq!(
            flow_situation(unknown, at, "colon_in_flow").1,
            "colon_in_flow_plain"
        );
        assert_eq!(
            flow_situation(unknown, at, "hash_in_flow").1,
            "hash_in_flow_plain"
        );
    }
}
