//! Answers a case leaves empty: a stance without its reasoning (a finding per stance, naming the
//! item and the discipline), and, in a student's starter, how many answers are still open (one
//! note for all of them).

use crate::case::{Case, Position, StanceMark, is_answer, texts};

use super::findings::Findings;

pub fn answers(case: &Case, source: &str, findings: &mut Findings) {
    let mut open_stances = 0usize;
    let mut first: Option<Position> = None;
    let mut note = |at: Position| {
        if first.is_none_or(|f| at < f) {
            first = Some(at);
        }
    };
    for item in case.argument_items() {
        for (discipline, stance) in item.stances.iter() {
            let empty_reasoning = stance.reasoning.value.trim().is_empty();
            if matches!(&stance.stance.value, StanceMark::Symbol(s) if s.trim().is_empty()) {
                open_stances += 1;
                note(stance.stance.at);
            } else if empty_reasoning && stance.stance.value.value().is_some() {
                let name = findings.name(discipline);
                let id = item.id.value.as_str();
                let values = [("item", id), ("discipline", name.as_str())];
                findings.warn(
                    key_at(source, stance.reasoning.at, "reasoning:"),
                    "REASONING-MISSING",
                    "reasoning_missing",
                    &values,
                    Some(id),
                );
            }
        }
    }
    // Every other answer left empty: a reasoning next to an empty stance, a conclusion, …
    let reasoned: Vec<Position> = case
        .argument_items()
        .iter()
        .flat_map(|item| item.stances.iter())
        .filter(|(_, s)| s.stance.value.value().is_some())
        .map(|(_, s)| s.reasoning.at)
        .collect();
    let mut open_texts = 0usize;
    for (item, field, text) in texts(case) {
        if text.value.trim().is_empty()
            && is_answer(case, item, field)
            && !reasoned.contains(&text.at)
        {
            open_texts += 1;
            note(text.at);
        }
    }
    if let Some(first) = first {
        let (count, stances, others) = (
            (open_stances + open_texts).to_string(),
            open_stances.to_string(),
            open_texts.to_string(),
        );
        let line = first.line.to_string();
        let values = [
            ("count", count.as_str()),
            ("stances", stances.as_str()),
            ("texts", others.as_str()),
            ("line", line.as_str()),
        ];
        findings.info(
            Position::default(),
            "ANSWERS-OPEN",
            "answers_open",
            &values,
            None,
        );
    }
}

/// Where `key` is written for a value read at `at`: an empty block (`reasoning: >-` and nothing
/// under it) is read where the next key begins, a line or two further down.
fn key_at(source: &str, at: Position, key: &str) -> Position {
    let lines: Vec<&str> = source.lines().collect();
    let line = usize::try_from(at.line).unwrap_or(0);
    (line.saturating_sub(3)..line)
        .rev()
        .filter_map(|index| Some((index, lines.get(index)?.find(key)?)))
        .next()
        .map_or(at, |(index, byte)| Position {
            line: u32::try_from(index + 1).unwrap_or(at.line),
            column: u32::try_from(lines[index][..byte].chars().count() + 1).unwrap_or(at.column),
        })
}
