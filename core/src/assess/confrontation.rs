//! The confrontation matrix: row, column and quadrant totals, the posture and the strategic issues.

use std::collections::BTreeMap;

use crate::case::{ConfrontationCell, CurrentSituation, Scale};

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
    let score_of = |internal: &str, external: &str| matrix.score(internal, external);
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
    let scale = matrix.scale();
    let issues = strongest(&matrix.cells, &internal, &external, scale);
    Some(ConfrontationResult {
        rows,
        columns,
        quadrants,
        posture,
        scale,
        scale_shown: scale.shown(),
        issues,
    })
}

/// The strategic issues: the cells at the scale's maximum, then those one below it, in the
/// matrix's order (rows, then columns) within each score; at most [`ISSUES`]. A matrix with no
/// cell that high names its highest cells instead, if they score above "no relation".
fn strongest(
    cells: &[ConfrontationCell],
    internal: &[String],
    external: &[String],
    scale: Scale,
) -> Vec<(String, String, i64)> {
    let (none, max) = (scale.no_relation(), scale.range().1);
    let place = |id: &str, list: &[String]| list.iter().position(|x| x == id).unwrap_or(usize::MAX);
    let mut scored: Vec<(usize, usize, &ConfrontationCell)> = cells
        .iter()
        .map(|c| {
            (
                place(&c.internal, internal),
                place(&c.external, external),
                c,
            )
        })
        .collect();
    scored.sort_by_key(|&(row, column, c)| (std::cmp::Reverse(c.score.value), row, column));
    let top = scored.first().map_or(none, |c| c.2.score.value);
    let floor = if top >= max - 1 { max - 1 } else { top };
    scored
        .into_iter()
        .filter(|(_, _, c)| c.score.value >= floor && c.score.value > none)
        .take(ISSUES)
        .map(|(_, _, c)| {
            (
                c.internal.value.clone(),
                c.external.value.clone(),
                c.score.value,
            )
        })
        .collect()
}
