//! The hint of a diagnostic done for the student, when it is one certain edit of one line (a
//! did-you-mean key, a tab, curly or missing quotes, a lone minus, a decimal comma): the studio
//! offers it as a one-click action. It is made from the same values as the hint's words, so the
//! two agree.

use crate::diagnostics::Fix;
use crate::lang::Position;

/// The fixed line for a diagnostic of `situation` at `at`, given the hint's `values`.
pub(super) fn line_fix(
    source: &str,
    at: Position,
    situation: &str,
    values: &[(&str, &str)],
) -> Option<Fix> {
    let value = |name: &str| values.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
    let line = source
        .lines()
        .nth(usize::try_from(at.line).ok()?.checked_sub(1)?)?;
    let indent = &line[..line.len() - line.trim_start().len()];
    let text = match situation {
        "unknown_near" | "dutch" => rename_key(line, at, value("key")?, value("near")?)?,
        "tab" => untabbed(source, at.line, line)?,
        "smart_quotes" | "colon_in_text" => quote_value(line, value("key")?)?,
        "lone_minus" | "lone_minus_for" => quote_minus(line, value("key").unwrap_or("stance"))?,
        "quote_in_quotes" | "after_quote" => {
            let body = line.trim_start();
            let dash = if body.starts_with("- ") { "- " } else { "" };
            format!("{indent}{dash}{}", value("fixed")?)
        }
        "comma_in_flow_text" | "colon_in_flow_text" | "hash_in_flow_text" => {
            format!("{indent}{}", value("line")?)
        }
        // A stance in curly quotes, or a dash for a minus: the mark as it should read, quoted.
        "curly_quotes" | "dash" => replace_value(line, at, &format!("\"{}\"", value("inner")?))?,
        "decimal_comma" | "decimal_comma_baseline" => replace_value(line, at, value("number")?)?,
        _ => return None,
    };
    (text != line).then_some(Fix {
        line: at.line,
        text,
    })
}

/// `line` with the key `written` at (or after) `at` spelt `near`.
fn rename_key(line: &str, at: Position, written: &str, near: &str) -> Option<String> {
    let column = usize::try_from(at.column).ok()?.saturating_sub(1);
    let from = line.char_indices().nth(column).map_or(0, |(i, _)| i);
    let start = from + line[from..].find(written)?;
    let after = &line[start + written.len()..];
    after
        .trim_start()
        .starts_with(':')
        .then(|| format!("{}{near}{after}", &line[..start]))
}

/// `line` with the value written at `at` (as the underline marks it) replaced by `new`.
fn replace_value(line: &str, at: Position, new: &str) -> Option<String> {
    let column = usize::try_from(at.column).ok()?.checked_sub(1)?;
    let width = crate::diagnostics::token_width(line, column + 1);
    let start = line.char_indices().nth(column)?.0;
    let end = line
        .char_indices()
        .nth(column + width)
        .map_or(line.len(), |(i, _)| i);
    Some(format!("{}{new}{}", &line[..start], &line[end..]))
}

/// `line` with its indentation in spaces: as deep as the line before, one step (two spaces)
/// deeper when that line opens a section.
fn untabbed(source: &str, number: u32, line: &str) -> Option<String> {
    let body = line.trim_start_matches([' ', '\t']);
    let previous = source
        .lines()
        .take(usize::try_from(number).ok()?.saturating_sub(1))
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .last();
    let depth = match previous {
        Some(before) if !before.contains('\t') => {
            let spaces = before.len() - before.trim_start_matches(' ').len();
            let opens = before.trim_end().ends_with(':') || before.trim_end().ends_with("|-");
            let opens = opens || before.trim_end().ends_with(">-");
            let dash = usize::from(before.trim_start().starts_with("- ")) * 2;
            spaces + if opens { 2 + dash } else { dash }
        }
        _ => line.chars().take_while(|c| matches!(c, ' ' | '\t')).count() * 2,
    };
    Some(format!("{}{body}", " ".repeat(depth)))
}

/// `line` with the text after `key: ` in straight double quotes (curly quotes around it dropped).
fn quote_value(line: &str, key: &str) -> Option<String> {
    let marker = format!("{key}: ");
    let start = line.find(&marker)? + marker.len();
    let value = line[start..].trim();
    let curly = ['\u{201C}', '\u{201D}', '\u{201E}'];
    let inner = match value.strip_prefix(curly) {
        Some(rest) => rest.strip_suffix(curly).unwrap_or(rest),
        None => value,
    };
    let escaped = inner.replace('\\', "\\\\").replace('"', "\\\"");
    Some(format!("{}\"{escaped}\"", &line[..start]))
}

/// `line` with the lone `-` after `key:` in double quotes.
fn quote_minus(line: &str, key: &str) -> Option<String> {
    let marker = format!("{key}:");
    let start = line.find(&marker)? + marker.len();
    let spaces = line[start..].len() - line[start..].trim_start().len();
    let minus = start + spaces;
    let rest = &line[minus..];
    let lone = rest.starts_with('-')
        && rest[1..]
            .chars()
            .next()
            .is_none_or(|c| c.is_whitespace() || matches!(c, ',' | '}'));
    lone.then(|| format!("{}\"-\"{}", &line[..minus], &line[minus + 1..]))
}
