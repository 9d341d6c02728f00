//! The descent of ground C, from the vision through the goals to the objectives: each goal with
//! the objectives that name it in their `links`.

use serde::Serialize;
use serde_json::Value;

use crate::case::Goals;
use crate::render::context::{Context, Edition};

#[derive(Serialize)]
pub struct GoalView {
    pub id: String,
    pub text: Value,
    /// The objectives under this goal; empty in the student edition, where which objective
    /// serves which goal is part of the answer.
    pub objectives: Vec<GoalObjective>,
}

#[derive(Serialize)]
pub struct GoalObjective {
    pub id: String,
    pub text: Value,
}

/// The goals with ids, in case order, each with its objectives in case order.
pub fn goals(cx: &Context) -> Vec<GoalView> {
    let c = &cx.case.desired_situation;
    let teacher = cx.edition == Edition::Teacher;
    cx.case
        .goals()
        .iter()
        .map(|goal| GoalView {
            id: goal.id.value.clone(),
            text: cx.text(&goal.text),
            objectives: c
                .objectives
                .iter()
                .filter(|_| teacher)
                .filter(|o| o.links.iter().any(|l| l.value == goal.id.value))
                .map(|o| GoalObjective {
                    id: o.id.value.clone(),
                    text: cx.text(&o.text),
                })
                .collect(),
        })
        .collect()
}

/// The goals when the case writes them as one text.
pub fn goals_text(cx: &Context) -> Option<Value> {
    match &cx.case.desired_situation.goals {
        Some(Goals::Text(text)) => Some(cx.text(text)),
        _ => None,
    }
}
