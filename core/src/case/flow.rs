//! Text written inside `{ … }` on one line, broken by a comma, a `: ` or a ` #` in it: what the
//! braces hold, and the line as it should read, with the text in quotes.

use super::Discipline;
use crate::diagnostics::flow_depth;

/// What to tell a student whose text broke inside `{ … }`.
#[derive(Debug, PartialEq)]
pub(super) enum FlowFix {
    /// The braces hold a stance: write it in block style (what `casebook new` does).
    Stance,
    /// Anything else (a goal, a baseline, …): the line with the whole text in double quotes.
    Quote(String),
}

/// The fix for the text that broke at `column` (1-based) of `line`: where YAML found a new key
/// after a comma, a second `: ` or a ` #`.
pub(super) fn flow_fix(line: &str, column: usize) -> Option<FlowFix> {
    let chars: Vec<char> = line.chars().collect();
    let field = column.checked_sub(1).filter(|c| *c <= chars.len())?;
    let open = (0..field)
        .rev()
        .find(|&i| chars[i] == '{' && flow_depth(&chars[i..field]) == 1)?;
    let inside: String = chars[open + 1..field].iter().collect();
    let before: String = chars[..open].iter().collect();
    let holder = before.trim_end().trim_end_matches(':');
    let holder = holder
        .rsplit([' ', '{', ',', '-'])
        .next()
        .unwrap_or_default();
    let is_stance = inside.split(',').any(|p| p.trim().starts_with("stance:"))
        || Discipline::parse(holder).is_some();
    if is_stance {
        return Some(FlowFix::Stance);
    }
    // The text began after the `key: ` nearest before the break that follows `{` or a comma
    // (a comma in the text starts no key), and runs to the closing brace or the next `, key:`.
    let start = (open..field)
        .rev()
        .filter(|&i| matches!(chars[i], '{' | ','))
        .find_map(|i| value_start(&chars[..field], i + 1))?;
    let end = text_end(&chars, field);
    let text: String = chars[start..end].iter().collect();
    let text = text.trim_end();
    let escaped = text.replace('\\', "\\\\").replace('"', "\\\"");
    let head: String = chars[..start].iter().collect();
    let tail: String = chars[start + text.chars().count()..].iter().collect();
    Some(FlowFix::Quote(
        format!("{head}\"{escaped}\"{tail}").trim().to_string(),
    ))
}

/// Where the value begins when `key: ` (after spaces) starts at `from`.
fn value_start(chars: &[char], from: usize) -> Option<usize> {
    let key = from + chars[from..].iter().take_while(|c| **c == ' ').count();
    let colon = key
        + chars[key..]
            .iter()
            .take_while(|c| c.is_alphanumeric() || **c == '_')
            .count();
    let spaces = chars
        .get(colon + 1..)?
        .iter()
        .take_while(|c| **c == ' ')
        .count();
    (colon > key && chars.get(colon) == Some(&':') && spaces > 0).then_some(colon + 1 + spaces)
}

/// Where the text that continues at `from` ends: before the `}` that closes its braces, or
/// before a comma that starts another `key:`.
fn text_end(chars: &[char], from: usize) -> usize {
    let mut depth = 0usize;
    for i in from..chars.len() {
        match chars[i] {
            '{' | '[' => depth += 1,
            '}' | ']' if depth == 0 => return i,
            '}' | ']' => depth -= 1,
            ',' if depth == 0 => {
                let rest: String = chars[i + 1..].iter().collect();
                let rest = rest.trim_start();
                let key: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !key.is_empty() && rest[key.len()..].starts_with(':') {
                    return i;
                }
            }
            _ => {}
        }
    }
    chars.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_goal_gets_its_line_with_the_text_quoted() {
        let line = "  goals: [{id: DL1, text: Meer klanten, langer binden}]";
        assert_eq!(
            flow_fix(line, 41),
            Some(FlowFix::Quote(
                "goals: [{id: DL1, text: \"Meer klanten, langer binden\"}]".to_string()
            ))
        );
        let line = "  - {id: DL1, text: Meer klanten, langer binden, weight: 2}";
        assert_eq!(
            flow_fix(line, 35),
            Some(FlowFix::Quote(
                "- {id: DL1, text: \"Meer klanten, langer binden\", weight: 2}".to_string()
            ))
        );
    }

    #[test]
    fn a_colon_or_a_hash_in_a_goal_is_quoted_too() {
        let line = "  goals: [{id: DL1, text: Ja, let op: meer klanten}]";
        assert_eq!(
            flow_fix(line, 37),
            Some(FlowFix::Quote(
                "goals: [{id: DL1, text: \"Ja, let op: meer klanten\"}]".to_string()
            ))
        );
        let line = "  goals: [{id: DL1, text: Klant #1 blijft}]";
        assert_eq!(
            flow_fix(line, 33),
            Some(FlowFix::Quote(
                "goals: [{id: DL1, text: \"Klant #1 blijft\"}]".to_string()
            ))
        );
    }

    #[test]
    fn a_stance_gets_the_block_style() {
        let line = "    customer_intimacy: { reasoning: Trouw, want service, stance: \"+\" }";
        assert_eq!(flow_fix(line, 44), Some(FlowFix::Stance));
        let line = "    customer_intimacy: { stance: \"+\", reasoning: Trouw, want service }";
        assert_eq!(flow_fix(line, 57), Some(FlowFix::Stance));
    }
}
