//! The confrontation matrix: row, column and quadrant totals, the posture and the strategic issues.

use std::collections::BTreeMap;

use crate::case::CurrentSituation;

use super::model::ConfrontationResult;

/// How many of the highest cells are named as strategic issues.
const ISSUES: usize = 5;

pub fn assess(situation: &CurrentSituation) -> Option<ConfrontationResult> {
    let matrix = situation.confrontation.as_ref()?;
    let ids = |list: &[crate::case::Argument]| -> Vec<String> {
        list.iter().map(|a| a.id.value.clone()).collect()
    };
    let (strengths, weaknesses) = (ids(&situation.strengths), ids(&situation.weaknesses));
    let (opportunities, threats) = (ids(&situation.opportunities), ids(&situation.threats));
    let score_of = |internal: &str, external: &str| -> i64 {
        matrix
            .cells
            .iter()
            .filter(|c| c.internal.value == internal && c.external.value == external)
            .map(|c| c.score.value)
            .sum()
    };
    let total = |rows: &[String], columns: &[String]| -> i64 {
        rows.iter()
            .flat_map(|r| columns.iter().map(move |c| score_of(r, c)))
            .sum()
    };
    let internal: Vec<String> = strengths.iter().chain(&weaknesses).cloned().collect();
    let external: Vec<String> = opportunities.iter().chain(&threats).cloned().collect();
    let rows = internal
        .iter()
        .map(|r| (r.clone(), external.iter().map(|c| score_of(r, c)).sum()))
        .collect();
    let columns = external
        .iter()
        .map(|c| (c.clone(), internal.iter().map(|r| score_of(r, c)).sum()))
        .collect();
    let quadrants: BTreeMap<String, i64> = [
        ("SO", total(&strengths, &opportunities)),
        ("ST", total(&strengths, &threats)),
        ("WO", total(&weaknesses, &opportunities)),
        ("WT", total(&weaknesses, &threats)),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    // The strongest quadrant decides; ties go to the earlier one in SO, ST, WO, WT.
    let posture = [
        ("SO", "offensive"),
        ("ST", "defensive"),
        ("WO", "repair"),
        ("WT", "retreat"),
    ]
    .into_iter()
    .fold(("", i64::MIN), |best, (quadrant, name)| {
        let value = quadrants.get(quadrant).copied().unwrap_or(0);
        if value > best.1 { (name, value) } else { best }
    })
    .0
    .to_string();
    let mut cells: Vec<(String, String, i64)> = matrix
        .cells
        .iter()
        .filter(|c| c.score.value > 0)
        .map(|c| {
            (
                c.internal.value.clone(),
                c.external.value.clone(),
                c.score.value,
            )
        })
        .collect();
    cells.sort_by(|a, b| b.2.cmp(&a.2));
    let top = cells.first().map_or(0, |c| c.2);
    let issues = cells
        .into_iter()
        .filter(|c| c.2 == top || c.2 >= 2)
        .take(ISSUES)
        .collect();
    Some(ConfrontationResult {
        rows,
        columns,
        quadrants,
        posture,
        issues,
    })
}
