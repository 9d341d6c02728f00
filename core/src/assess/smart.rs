//! The SMART check of an objective, letter by letter, from its structured fields.

use std::collections::BTreeMap;

use crate::case::{Amount, Discipline, Goal, Objective, Text};
use crate::rubric::{Rubric, SmartA, SmartR};

use super::findings::Findings;
use super::model::SmartCheck;

/// What a letter lacks: keys of `findings.fields` (the words a reader sees) and the case
/// file's keys a student fills in. Empty when the letter is met.
#[derive(Default)]
struct Gaps {
    words: Vec<&'static str>,
    keys: Vec<&'static [&'static str]>,
}

impl Gaps {
    fn need(&mut self, present: bool, words: &'static str, keys: &'static [&'static str]) {
        if !present {
            self.words.push(words);
            self.keys.push(keys);
        }
    }
}

fn gaps(objective: &Objective, letter: char, rubric: &Rubric, choice: Discipline) -> Gaps {
    let has = |field: &Option<Text>| field.as_ref().is_some_and(|t| !t.value.trim().is_empty());
    let mut gaps = Gaps::default();
    match letter {
        'S' => {
            gaps.need(has(&objective.metric), "metric", &["metric"]);
            gaps.need(has(&objective.scope), "scope", &["scope"]);
        }
        'M' => {
            match objective.target.as_ref().map(|t| &t.value) {
                None => gaps.need(false, "target", &["target"]),
                // A target in words is measurable once the case says how it is measured.
                Some(Amount::Text(_)) => gaps.need(
                    has(&objective.measurement),
                    "measurement_of_text",
                    &["measurement"],
                ),
                Some(Amount::Number(_)) => {}
            }
            if !matches!(
                objective.target.as_ref().map(|t| &t.value),
                Some(Amount::Text(_))
            ) {
                gaps.need(
                    has(&objective.unit) || has(&objective.measurement),
                    "unit_or_measurement",
                    &["unit", "measurement"],
                );
            }
        }
        'A' => match rubric.smart_a {
            SmartA::Acceptable => gaps.need(has(&objective.owner), "owner", &["owner"]),
            SmartA::Achievable => gaps.need(
                objective
                    .baseline
                    .as_ref()
                    .is_some_and(|b| b.value.is_given())
                    || has(&objective.feasibility),
                "baseline_or_feasibility",
                &["baseline", "feasibility"],
            ),
        },
        'R' => match rubric.smart_r {
            SmartR::Relevant => {
                let argues_for_choice = objective
                    .stances
                    .get(choice)
                    .and_then(|s| s.stance.value.value())
                    .is_some_and(|v| v > 0);
                gaps.need(
                    !objective.links.is_empty() || argues_for_choice,
                    "links",
                    &["links"],
                );
            }
            SmartR::Realistic => {
                gaps.need(has(&objective.feasibility), "feasibility", &["feasibility"]);
            }
        },
        _ => gaps.need(
            objective.deadline.is_some() || has(&objective.period),
            "term",
            &["deadline", "period"],
        ),
    }
    gaps
}

/// Checks every letter of one objective, recording a finding per failing letter.
pub fn check(
    objective: &Objective,
    goals: &[Goal],
    rubric: &Rubric,
    choice: Discipline,
    findings: &mut Findings,
) -> SmartCheck {
    let mut letters = BTreeMap::new();
    let id = objective.id.value.as_str();
    let choice_name = findings.name(choice);
    for letter in ['S', 'M', 'A', 'R', 'T'] {
        let gaps = gaps(objective, letter, rubric, choice);
        letters.insert(letter, gaps.words.is_empty());
        if gaps.words.is_empty() {
            continue;
        }
        let (code, key) = match letter {
            'S' => ("SMART-S", "smart_s"),
            'M' => ("SMART-M", "smart_m"),
            'A' if rubric.smart_a == SmartA::Acceptable => ("SMART-A", "smart_a_acceptable"),
            'A' => ("SMART-A", "smart_a_achievable"),
            'R' if rubric.smart_r == SmartR::Relevant => ("SMART-R", "smart_r_relevant"),
            'R' => ("SMART-R", "smart_r_realistic"),
            _ => ("SMART-T", "smart_t"),
        };
        let missing = findings.words("findings.fields", &gaps.words);
        let or = format!(" {} ", findings.locale.text("findings.or"));
        let keys = gaps
            .keys
            .iter()
            .map(|alternatives| alternatives.join(&or))
            .collect::<Vec<_>>()
            .join(", ");
        let values = [
            ("item", id),
            ("missing", missing.as_str()),
            ("keys", keys.as_str()),
            ("choice", choice_name.as_str()),
        ];
        findings.warn(objective.id.at, code, key, &values, Some(id));
        findings.hint("smart_hint", &values);
    }
    SmartCheck {
        item: objective.id.value.clone(),
        target_in_words: objective.target.as_ref().and_then(|t| match &t.value {
            Amount::Text(words) => Some(words.clone()),
            Amount::Number(_) => None,
        }),
        goals: objective
            .links
            .iter()
            .filter(|l| goals.iter().any(|g| g.id.value == l.value))
            .map(|l| l.value.clone())
            .collect(),
        letters,
    }
}
