//! What the case leaves out or leaves hanging: unused SWOT items, grounds without an argument for
//! the choice, alternatives not discussed or without a threshold, unlinked objectives, goals
//! without an objective, paradoxes.

use std::collections::{BTreeMap, BTreeSet};

use crate::case::{BALANCED, Case, Discipline, Goals, Ground, ItemKind, PARADOXES, ParadoxKind};

use super::findings::Findings;
use super::model::{GroundScore, Verdict};

/// Ids referred to from objectives, the confrontation matrix or the alternatives.
fn referenced(case: &Case) -> BTreeSet<&str> {
    let mut ids: BTreeSet<&str> = case
        .desired_situation
        .objectives
        .iter()
        .flat_map(|o| o.links.iter().map(|l| l.value.as_str()))
        .collect();
    if let Some(matrix) = &case.current_situation.confrontation {
        ids.extend(
            matrix
                .cells
                .iter()
                .flat_map(|c| [c.internal.value.as_str(), c.external.value.as_str()]),
        );
    }
    for (_, alternative) in case.alternatives.iter() {
        for (_, ground) in alternative.grounds() {
            ids.extend(ground.items.iter().map(|i| i.value.as_str()));
        }
    }
    ids
}

pub fn swot_and_objectives(case: &Case, findings: &mut Findings) {
    let used = referenced(case);
    for item in case.argument_items() {
        let swot = matches!(
            item.kind,
            ItemKind::Strength | ItemKind::Weakness | ItemKind::Opportunity | ItemKind::Threat
        );
        if swot && item.stances.is_empty() && !used.contains(item.id.value.as_str()) {
            findings.warn(
                item.id.at,
                "SWOT-UNUSED",
                "swot_unused",
                &[("item", &item.id.value)],
                Some(&item.id.value),
            );
        }
    }
    for objective in &case.desired_situation.objectives {
        if objective.links.is_empty() {
            let id = &objective.id.value;
            findings.warn(
                objective.id.at,
                "OBJECTIVE-UNLINKED",
                "objective_unlinked",
                &[("item", id)],
                Some(id),
            );
        }
    }
}

/// Goals no objective works out (a note), and goals written as one text (a note on adding ids).
pub fn goals(case: &Case, findings: &mut Findings) {
    let c = &case.desired_situation;
    if let Some(Goals::Text(text)) = &c.goals {
        findings.info(text.at, "GOALS-WITHOUT-IDS", "goals_without_ids", &[], None);
    }
    for goal in case.goals() {
        let id = goal.id.value.as_str();
        if !c
            .objectives
            .iter()
            .any(|o| o.links.iter().any(|l| l.value == id))
        {
            findings.info(
                goal.id.at,
                "GOAL-UNUSED",
                "goal_unused",
                &[("item", id)],
                Some(id),
            );
        }
    }
}

pub fn grounds(
    case: &Case,
    choice: Discipline,
    scores: &BTreeMap<Ground, BTreeMap<Discipline, GroundScore>>,
    findings: &mut Findings,
) {
    let name = findings.name(choice);
    for ground in Ground::ALL {
        let items = case.ground_items(ground);
        let at = items.first().map(|i| i.id.at).unwrap_or_default();
        let letter = ground.letter();
        if !items
            .iter()
            .any(|i| i.stance_value(choice).is_some_and(|s| s > 0))
        {
            findings.warn(
                at,
                "GROUND-UNARGUED",
                "ground_unargued",
                &[("ground", letter), ("choice", &name)],
                None,
            );
            continue;
        }
        let Some(score) = scores.get(&ground).and_then(|per| per.get(&choice)) else {
            continue;
        };
        if score.verdict != Verdict::Substantiated {
            let verdict = findings
                .locale
                .text(&format!("verdicts.{}", verdict_key(score.verdict)))
                .to_string();
            let shown = findings.locale.score(score.score);
            findings.warn(
                at,
                "GROUND-WEAK",
                "ground_weak",
                &[
                    ("ground", letter),
                    ("choice", &name),
                    ("verdict", &verdict),
                    ("score", &shown),
                ],
                None,
            );
        }
        if score.contradictory {
            for item in items.iter().filter(|i| i.stance_value(choice) == Some(-2)) {
                findings.warn(
                    item.id.at,
                    "CONTRADICTORY",
                    "contradictory",
                    &[
                        ("ground", letter),
                        ("choice", &name),
                        ("item", &item.id.value),
                    ],
                    Some(&item.id.value),
                );
            }
        }
    }
}

pub(super) fn verdict_key(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Substantiated => "substantiated",
        Verdict::Weak => "weak",
        Verdict::Unsubstantiated => "unsubstantiated",
    }
}

/// Treacy & Wiersema's threshold: the disciplines not chosen must still be performed adequately.
pub fn alternatives(case: &Case, choice: Discipline, findings: &mut Findings) {
    let at = case.choice.at;
    for other in choice.others() {
        let name = findings.name(other);
        let values = [("discipline", name.as_str()), ("key", other.key())];
        let Some(alternative) = case.alternatives.get(other) else {
            findings.warn(
                at,
                "ALTERNATIVE-MISSING",
                "alternative_missing",
                &values,
                None,
            );
            continue;
        };
        if alternative.threshold.is_none() {
            findings.warn(at, "THRESHOLD-MISSING", "threshold_missing", &values, None);
        }
        let spoken: Vec<i8> = case
            .argument_items()
            .iter()
            .filter_map(|i| i.stance_value(other))
            .filter(|s| *s != 0)
            .collect();
        if !spoken.is_empty() && spoken.iter().all(|s| *s < 0) {
            findings.info(
                at,
                "THRESHOLD-CONTRADICTED",
                "threshold_contradicted",
                &values,
                None,
            );
        }
    }
}

/// The pole a discipline favours in a paradox, when it favours one.
fn favoured(kind: &ParadoxKind, discipline: Discipline) -> Option<&'static str> {
    use Discipline::*;
    match (kind.key, discipline) {
        ("exploration_exploitation", OperationalExcellence) => Some("exploitation"),
        ("exploration_exploitation", ProductLeadership) => Some("exploration"),
        ("short_term_long_term", CustomerIntimacy) => Some("long_term"),
        ("standardisation_personalisation", CustomerIntimacy) => Some("personalisation"),
        ("standardisation_personalisation", OperationalExcellence) => Some("standardisation"),
        ("control_flexibility", OperationalExcellence) => Some("control"),
        ("control_flexibility", CustomerIntimacy | ProductLeadership) => Some("flexibility"),
        ("stability_change", OperationalExcellence) => Some("stability"),
        ("stability_change", ProductLeadership) => Some("change"),
        _ => None,
    }
}

pub fn paradoxes(case: &Case, choice: Discipline, findings: &mut Findings) {
    let Some(leadership) = &case.customer_leadership else {
        return;
    };
    let covered: BTreeSet<&str> = leadership
        .paradoxes
        .iter()
        .map(|p| p.paradox.value.trim())
        .collect();
    let missing: Vec<&str> = PARADOXES
        .iter()
        .map(|p| p.key)
        .filter(|k| !covered.contains(k))
        .collect();
    if !missing.is_empty() {
        let at = leadership
            .paradoxes
            .first()
            .map(|p| p.id.at)
            .unwrap_or_default();
        findings.warn(
            at,
            "PARADOX-MISSING",
            "paradox_missing",
            &[("missing", &findings.words("paradox_names", &missing))],
            None,
        );
    }
    let name = findings.name(choice);
    for paradox in &leadership.paradoxes {
        let (Some(kind), Some(leaning)) = (ParadoxKind::find(&paradox.paradox), &paradox.leaning)
        else {
            continue;
        };
        let leaning = leaning.value.trim();
        let against =
            favoured(&kind, choice).is_some_and(|pole| leaning != pole && leaning != BALANCED);
        if against && paradox.leaning_reasoning.is_none() {
            let pole = findings
                .locale
                .text(&format!("poles.{leaning}"))
                .to_string();
            findings.warn(
                paradox.id.at,
                "PARADOX-AGAINST-CHOICE",
                "paradox_against",
                &[
                    ("item", &paradox.id.value),
                    ("pole", &pole),
                    ("choice", &name),
                ],
                Some(&paradox.id.value),
            );
        }
    }
}
