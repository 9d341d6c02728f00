//! Customer leadership: the paradoxes, the four panels and the capabilities.

use serde::Serialize;
use serde_json::Value;

use crate::case::CustomerLeadership;

use crate::render::context::{Context, Edition};

#[derive(Serialize)]
pub struct ParadoxView {
    pub id: String,
    pub name: String,
    pub tension: Value,
    pub example: Option<Value>,
    pub embrace: Option<Value>,
    pub leaning: Option<String>,
    pub leaning_reasoning: Option<Value>,
}

#[derive(Serialize)]
pub struct PanelView {
    pub title: String,
    pub text: Value,
}

#[derive(Serialize)]
pub struct CapabilityView {
    pub id: String,
    pub name: String,
    pub text: Value,
    pub practices: Vec<Value>,
}

#[derive(Serialize)]
pub struct LeadershipView {
    pub introduction: Option<Value>,
    pub paradoxes: Vec<ParadoxView>,
    pub panels: Vec<PanelView>,
    pub capabilities: Vec<CapabilityView>,
}

pub fn leadership(cx: &Context, leadership: &CustomerLeadership) -> LeadershipView {
    let teacher = cx.edition == Edition::Teacher;
    let panels = leadership
        .view
        .as_ref()
        .map(|v| {
            [
                ("panel_purpose", &v.purpose),
                ("panel_arena", &v.arena),
                ("panel_value_proposition", &v.value_proposition),
                ("panel_organisation", &v.organisation),
            ]
            .into_iter()
            .filter_map(|(key, text)| {
                text.as_ref().map(|t| PanelView {
                    title: cx.label(key),
                    text: cx.text(t),
                })
            })
            .collect()
        })
        .unwrap_or_default();
    LeadershipView {
        introduction: cx.answer(&leadership.introduction),
        paradoxes: leadership
            .paradoxes
            .iter()
            .map(|p| ParadoxView {
                id: p.id.value.clone(),
                name: cx
                    .locale
                    .text(&format!("paradox_names.{}", p.paradox.value.trim()))
                    .to_string(),
                tension: cx.text(&p.tension),
                example: cx.optional(&p.example),
                embrace: teacher.then(|| cx.text(&p.embrace)),
                leaning: teacher
                    .then(|| {
                        p.leaning.as_ref().map(|l| {
                            cx.locale
                                .text(&format!("poles.{}", l.value.trim()))
                                .to_string()
                        })
                    })
                    .flatten(),
                leaning_reasoning: cx.answer(&p.leaning_reasoning),
            })
            .collect(),
        panels: if teacher { panels } else { Vec::new() },
        // How the leader works on the paradoxes is part of the model answer.
        capabilities: leadership
            .capabilities
            .iter()
            .filter(|_| teacher)
            .map(|c| CapabilityView {
                id: c.id.value.clone(),
                name: cx
                    .locale
                    .text(&format!("capability_names.{}", c.capability.value.trim()))
                    .to_string(),
                text: cx.text(&c.text),
                practices: c.practices.iter().map(|p| cx.text(p)).collect(),
            })
            .collect(),
    }
}
