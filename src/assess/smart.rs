//! The SMART check of an objective, letter by letter, from its structured fields.

use std::collections::BTreeMap;

use crate::case::{Discipline, Objective, Text};
use crate::rubric::{Rubric, SmartA, SmartR};

use super::findings::Findings;
use super::model::SmartCheck;

/// The fields a letter needs that the objective lacks (empty when the letter is met).
fn missing(
    objective: &Objective,
    letter: char,
    rubric: &Rubric,
    choice: Discipline,
) -> Vec<&'static str> {
    let has = |field: &Option<Text>| field.as_ref().is_some_and(|t| !t.value.trim().is_empty());
    let mut gaps = Vec::new();
    let mut need = |present: bool, name: &'static str| {
        if !present {
            gaps.push(name);
        }
    };
    match letter {
        'S' => {
            need(has(&objective.metric), "metric");
            need(has(&objective.scope), "scope");
        }
        'M' => {
            need(objective.target.is_some(), "target");
            need(
                has(&objective.unit) || has(&objective.measurement),
                "unit/measurement",
            );
        }
        'A' => match rubric.smart_a {
            SmartA::Acceptable => need(has(&objective.owner), "owner"),
            SmartA::Achievable => need(
                objective.baseline.is_some() || has(&objective.feasibility),
                "baseline/feasibility",
            ),
        },
        'R' => match rubric.smart_r {
            SmartR::Relevant => {
                let argues_for_choice = objective
                    .stances
                    .get(choice)
                    .and_then(|s| s.stance.value.value())
                    .is_some_and(|v| v > 0);
                need(!objective.links.is_empty() || argues_for_choice, "links");
            }
            SmartR::Realistic => need(has(&objective.feasibility), "feasibility"),
        },
        _ => need(
            objective.deadline.is_some() || has(&objective.period),
            "deadline/period",
        ),
    }
    gaps
}

/// Checks every letter of one objective, recording a finding per failing letter.
pub fn check(
    objective: &Objective,
    rubric: &Rubric,
    choice: Discipline,
    findings: &mut Findings,
) -> SmartCheck {
    let mut letters = BTreeMap::new();
    for letter in ['S', 'M', 'A', 'R', 'T'] {
        let gaps = missing(objective, letter, rubric, choice);
        letters.insert(letter, gaps.is_empty());
        if gaps.is_empty() {
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
        let missing = gaps.join(", ");
        findings.warn(
            objective.id.at,
            code,
            key,
            &[("item", &objective.id.value), ("missing", &missing)],
            Some(&objective.id.value),
        );
        findings.hint(
            "smart_hint",
            &[("item", &objective.id.value), ("missing", &missing)],
        );
    }
    SmartCheck {
        item: objective.id.value.clone(),
        letters,
    }
}
