//! The summary: the argument map's entries and the consistency matrix, grounds × disciplines.

use serde::Serialize;
use serde_json::Value;

use crate::assess::verdict_key;
use crate::case::{Discipline, Ground};

use crate::render::context::Context;

#[derive(Serialize)]
pub struct MapEntry {
    pub id: String,
    pub text: Value,
}

#[derive(Serialize)]
pub struct MatrixCell {
    pub key: &'static str,
    pub score: f64,
    pub score_text: String,
    pub verdict: &'static str,
    pub verdict_name: String,
    pub symbol: &'static str,
    pub chosen: bool,
    pub contradictory: bool,
}

#[derive(Serialize)]
pub struct MatrixRow {
    pub letter: &'static str,
    pub title: String,
    pub cells: Vec<MatrixCell>,
}

#[derive(Serialize)]
pub struct SummaryView {
    pub lead: String,
    pub opportunities: Vec<MapEntry>,
    pub strengths: Vec<MapEntry>,
    pub mission: Value,
    pub regularities: Vec<MapEntry>,
    pub objectives: Vec<MapEntry>,
    pub matrix: Vec<MatrixRow>,
    pub totals: Vec<MatrixCell>,
    pub sentence: String,
    pub verdict: &'static str,
    pub verdict_name: String,
}

fn verdict_symbol(verdict: &str) -> &'static str {
    match verdict {
        "substantiated" => "✓",
        "weak" => "~",
        _ => "✗",
    }
}

fn cell(
    cx: &Context,
    d: Discipline,
    score: f64,
    verdict: crate::assess::Verdict,
    contradictory: bool,
) -> MatrixCell {
    let key = verdict_key(verdict);
    MatrixCell {
        key: d.key(),
        score,
        score_text: cx.locale.score(score),
        verdict: key,
        verdict_name: cx.verdict_name(verdict),
        symbol: verdict_symbol(key),
        chosen: d == cx.assessment.choice,
        contradictory,
    }
}

pub fn summary(cx: &Context) -> SummaryView {
    let choice = cx.assessment.choice;
    // The map shows what argues for the choice, as the method's closing figure does.
    let supporting = |ground: Ground, kinds: &[crate::case::ItemKind]| -> Vec<MapEntry> {
        cx.case
            .ground_items(ground)
            .iter()
            .filter(|i| kinds.contains(&i.kind) && i.stance_value(choice).is_some_and(|s| s > 0))
            .map(|i| MapEntry {
                id: i.id.value.clone(),
                text: cx.text(i.text),
            })
            .collect()
    };
    use crate::case::ItemKind::*;
    let matrix = Ground::ALL
        .into_iter()
        .map(|g| MatrixRow {
            letter: g.letter(),
            title: cx.ground_title(g),
            cells: Discipline::ALL
                .into_iter()
                .filter_map(|d| {
                    cx.assessment
                        .grounds
                        .get(&g)
                        .and_then(|per| per.get(&d))
                        .map(|s| cell(cx, d, s.score, s.verdict, s.contradictory))
                })
                .collect(),
        })
        .collect();
    let totals = Discipline::ALL
        .into_iter()
        .map(|d| {
            let total = cx.assessment.totals.get(&d).copied().unwrap_or(0.0);
            let verdict = cx
                .assessment
                .verdicts
                .get(&d)
                .copied()
                .unwrap_or(crate::assess::Verdict::Unsubstantiated);
            cell(cx, d, total, verdict, false)
        })
        .collect();
    let overall = &cx.assessment.overall;
    let fmt = |v: f64| cx.locale.score(v);
    let sentence = cx.locale.fill(
        "report.overall_sentence",
        &[
            ("choice", &cx.discipline(choice)),
            ("verdict", &cx.verdict_name(overall.verdict)),
            ("score", &fmt(overall.score)),
            ("runner_up", &cx.discipline(overall.runner_up)),
            ("runner_score", &fmt(overall.runner_up_score)),
            ("margin", &fmt(overall.margin)),
        ],
    );
    SummaryView {
        lead: cx
            .locale
            .fill("report.summary_lead", &[("choice", &cx.discipline(choice))]),
        opportunities: supporting(Ground::B, &[Opportunity]),
        strengths: supporting(Ground::B, &[Strength]),
        mission: cx.text(&cx.case.higher_decisions.mission.text),
        regularities: supporting(Ground::D, &[GeneralRegularity, OwnRegularity]),
        objectives: supporting(Ground::C, &[Objective]),
        matrix,
        totals,
        sentence,
        verdict: verdict_key(overall.verdict),
        verdict_name: cx.verdict_name(overall.verdict),
    }
}
