//! Whose stance a line of a case holds (the item's id and the discipline), read from the text
//! itself, for a file that does not parse far enough to be read as a case.

use super::Discipline;

/// The id of the item whose `stances` hold line `line` (1-based), and the discipline the stance
/// is for, each when the text around the line says so.
pub(super) fn stance_owner(source: &str, line: u32) -> (Option<String>, Option<Discipline>) {
    let lines: Vec<&str> = source.lines().collect();
    let Some(index) = usize::try_from(line).ok().and_then(|l| l.checked_sub(1)) else {
        return (None, None);
    };
    let Some(text) = lines.get(index) else {
        return (None, None);
    };
    let above = || {
        lines[..index]
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
    };
    // `customer_intimacy: { stance: -, … }` names it on the line; block style on the line above.
    let discipline = match text.find('{') {
        Some(brace) => key_of(&text[..brace]),
        None => above()
            .find(|(_, l)| indent(l) < indent(text))
            .and_then(|(_, l)| key_of(l)),
    }
    .and_then(|key| Discipline::parse(&key));
    // The item is the nearest `- ` less indented than the line; its `id:` is one of its keys.
    let mut limit = indent(text);
    let mut item = None;
    for (start, l) in above() {
        if indent(l) >= limit {
            continue;
        }
        limit = indent(l);
        if l.trim_start().starts_with("- ") {
            item = lines[start..index].iter().find_map(|l| {
                let key_line = l.trim_start().trim_start_matches("- ");
                let key_column = l.len() - key_line.len();
                let id = key_line.strip_prefix("id:")?.split('#').next()?.trim();
                (key_column == limit + 2 && !id.is_empty()).then(|| id.to_string())
            });
            break;
        }
        if limit == 0 {
            break;
        }
    }
    (item, discipline)
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// The key a line (or the start of one) sets: `customer_intimacy` in `    customer_intimacy:`.
fn key_of(text: &str) -> Option<String> {
    let key = text
        .trim()
        .trim_start_matches("- ")
        .strip_suffix(':')?
        .trim();
    (!key.is_empty() && !key.contains(' ')).then(|| key.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const CASE: &str = "current_situation:\n  strengths:\n    - id: S1\n      text: Trouw.\n      stances:\n        customer_intimacy: { stance: -, reasoning: x }\n    - text: Snel.\n      id: S2\n      stances:\n        product_leadership:\n          stance: -\n";

    #[test]
    fn names_the_item_and_the_discipline_in_flow_and_block_style() {
        assert_eq!(
            stance_owner(CASE, 6),
            (Some("S1".to_string()), Some(Discipline::CustomerIntimacy))
        );
        assert_eq!(
            stance_owner(CASE, 11),
            (Some("S2".to_string()), Some(Discipline::ProductLeadership))
        );
        assert_eq!(stance_owner("stance: -\n", 1), (None, None));
    }
}
