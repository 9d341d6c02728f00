//! Ground scores, verdicts and the overall verdict: G = Σ w·s / (2·Σ w) per ground and discipline.

use std::collections::BTreeMap;

use crate::case::{Case, Discipline, Ground};
use crate::rubric::Rubric;

use super::model::{Contribution, GroundScore, Overall, Verdict};

/// Rounds for stable, readable JSON (four decimals is far below what a verdict depends on).
pub(super) fn round(value: f64) -> f64 {
    (value * 10_000.0).round() / 10_000.0
}

pub(super) fn verdict(score: f64, rubric: &Rubric) -> Verdict {
    if score >= rubric.substantiated {
        Verdict::Substantiated
    } else if score >= rubric.weak {
        Verdict::Weak
    } else {
        Verdict::Unsubstantiated
    }
}

/// The score of one discipline on one ground, with every item's contribution.
pub fn ground_score(
    case: &Case,
    ground: Ground,
    discipline: Discipline,
    rubric: &Rubric,
) -> GroundScore {
    let contributions: Vec<Contribution> = case
        .ground_items(ground)
        .iter()
        .map(|item| Contribution {
            item: item.id.value.clone(),
            stance: item.stance_value(discipline).unwrap_or(0),
            weight: item.weight_value(),
        })
        .collect();
    let sum: f64 = contributions
        .iter()
        .map(|c| c.weight * f64::from(c.stance))
        .sum();
    let weight_total: f64 = contributions.iter().map(|c| c.weight).sum();
    let score = if weight_total > 0.0 {
        sum / (2.0 * weight_total)
    } else {
        0.0
    };
    let contradictory = score > 0.0 && contributions.iter().any(|c| c.stance == -2);
    GroundScore {
        score: round(score),
        verdict: verdict(score, rubric),
        contradictory,
        sum: round(sum),
        weight_total: round(weight_total),
        contributions,
    }
}

/// Every ground × discipline score.
pub fn all_grounds(
    case: &Case,
    rubric: &Rubric,
) -> BTreeMap<Ground, BTreeMap<Discipline, GroundScore>> {
    Ground::ALL
        .into_iter()
        .map(|g| {
            (
                g,
                Discipline::ALL
                    .into_iter()
                    .map(|d| (d, ground_score(case, g, d, rubric)))
                    .collect(),
            )
        })
        .collect()
}

/// Per discipline, the mean of its four ground scores.
pub fn totals(
    grounds: &BTreeMap<Ground, BTreeMap<Discipline, GroundScore>>,
) -> BTreeMap<Discipline, f64> {
    Discipline::ALL
        .into_iter()
        .map(|d| {
            let sum: f64 = grounds
                .values()
                .filter_map(|per| per.get(&d))
                .map(|g| g.score)
                .sum();
            (d, round(sum / Ground::ALL.len() as f64))
        })
        .collect()
}

/// A discipline's overall verdict: substantiated when all four grounds are; weak when its total
/// reaches the weak threshold; otherwise not substantiated.
pub fn overall_verdict(
    discipline: Discipline,
    grounds: &BTreeMap<Ground, BTreeMap<Discipline, GroundScore>>,
    totals: &BTreeMap<Discipline, f64>,
    rubric: &Rubric,
) -> Verdict {
    let score = totals.get(&discipline).copied().unwrap_or(0.0);
    let all_four = grounds.values().all(|per| {
        per.get(&discipline)
            .is_some_and(|g| g.verdict == Verdict::Substantiated)
    });
    if all_four {
        Verdict::Substantiated
    } else if score >= rubric.weak {
        Verdict::Weak
    } else {
        Verdict::Unsubstantiated
    }
}

/// The chosen discipline's verdict, total, runner-up and margin.
pub fn overall(
    choice: Discipline,
    grounds: &BTreeMap<Ground, BTreeMap<Discipline, GroundScore>>,
    totals: &BTreeMap<Discipline, f64>,
    rubric: &Rubric,
) -> Overall {
    let score = totals.get(&choice).copied().unwrap_or(0.0);
    let verdict = overall_verdict(choice, grounds, totals, rubric);
    // Ties go to the discipline listed first, so the result never depends on iteration order.
    let (runner_up, runner_score) = choice
        .others()
        .map(|d| (d, totals.get(&d).copied().unwrap_or(0.0)))
        .fold(None, |best: Option<(Discipline, f64)>, (d, s)| match best {
            Some((_, b)) if b >= s => best,
            _ => Some((d, s)),
        })
        .unwrap_or((choice, score));
    Overall {
        verdict,
        score,
        runner_up,
        runner_up_score: runner_score,
        margin: round(score - runner_score),
    }
}
