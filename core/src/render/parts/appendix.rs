//! References and the appendix: the trace of every score and every finding.

use serde::Serialize;
use serde_json::Value;

use crate::case::Ground;

use super::items::stance_symbol;
use crate::render::context::Context;

#[derive(Serialize)]
pub struct ReferenceView {
    pub id: String,
    pub text: Value,
}

#[derive(Serialize)]
pub struct ContributionView {
    pub item: String,
    pub symbol: &'static str,
    pub stance: i8,
    pub weight: f64,
    pub weight_text: String,
}

#[derive(Serialize)]
pub struct TraceView {
    pub letter: &'static str,
    pub title: String,
    pub items: Vec<String>,
    /// Per discipline: name, the stances in item order, Σ w·s, Σ w and the score.
    pub disciplines: Vec<TraceRow>,
}

#[derive(Serialize)]
pub struct TraceRow {
    pub name: String,
    pub chosen: bool,
    pub contributions: Vec<ContributionView>,
    pub sum: String,
    pub weight_total: String,
    pub score_text: String,
}

/// A finding as a report's reader sees it: no line number or case-file key (those are for the
/// terminal, where the case is edited), the message naming the item and what it lacks in words.
#[derive(Serialize)]
pub struct FindingView {
    pub severity: String,
    pub code: String,
    pub item: Option<String>,
    pub message: String,
}

#[derive(Serialize)]
pub struct AppendixView {
    pub trace: Vec<TraceView>,
    pub findings: Vec<FindingView>,
}

pub fn appendix(cx: &Context) -> AppendixView {
    let trace = Ground::ALL
        .into_iter()
        .filter_map(|g| cx.assessment.grounds.get(&g).map(|per| (g, per)))
        .map(|(g, per)| TraceView {
            letter: g.letter(),
            title: cx.ground_title(g),
            items: per
                .values()
                .next()
                .map(|s| s.contributions.iter().map(|c| c.item.clone()).collect())
                .unwrap_or_default(),
            disciplines: per
                .iter()
                .map(|(d, s)| TraceRow {
                    name: cx.discipline(*d),
                    chosen: *d == cx.assessment.choice,
                    contributions: s
                        .contributions
                        .iter()
                        .map(|c| ContributionView {
                            item: c.item.clone(),
                            symbol: stance_symbol(c.stance),
                            stance: c.stance,
                            weight: c.weight,
                            weight_text: cx.locale.amount(c.weight),
                        })
                        .collect(),
                    sum: cx.locale.amount(s.sum),
                    weight_total: cx.locale.amount(s.weight_total),
                    score_text: cx.locale.score(s.score),
                })
                .collect(),
        })
        .collect();
    let findings = cx
        .assessment
        .findings
        .iter()
        .map(|f| FindingView {
            severity: cx.label(&format!("severity_{}", f.severity.label())),
            code: f.code.to_string(),
            item: f.item.clone(),
            message: f.message.clone(),
        })
        .collect();
    AppendixView { trace, findings }
}
