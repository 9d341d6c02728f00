//! The functional consequences and the alternatives, ground by ground.

use serde::Serialize;
use serde_json::Value;

use crate::render::context::Context;

#[derive(Serialize)]
pub struct ConsequenceView {
    pub id: String,
    pub function: Value,
    pub text: Value,
}

#[derive(Serialize)]
pub struct ConsequencesView {
    pub introduction: Option<Value>,
    pub functions: Vec<ConsequenceView>,
}

pub fn consequences(cx: &Context) -> ConsequencesView {
    let c = &cx.case.consequences;
    ConsequencesView {
        introduction: cx.answer(&c.introduction),
        functions: c
            .functions
            .iter()
            .map(|f| ConsequenceView {
                id: f.id.value.clone(),
                function: cx.text(&f.function),
                text: cx.text(&f.text),
            })
            .collect(),
    }
}

#[derive(Serialize)]
pub struct AlternativeGroundView {
    pub letter: &'static str,
    pub title: String,
    pub reasoning: Value,
    pub items: Vec<String>,
    pub score_text: String,
    pub verdict_name: String,
}

#[derive(Serialize)]
pub struct AlternativeView {
    pub key: &'static str,
    pub name: String,
    pub promise: String,
    pub introduction: Option<Value>,
    pub grounds: Vec<AlternativeGroundView>,
    pub threshold: Option<Value>,
}

pub fn alternatives(cx: &Context) -> Vec<AlternativeView> {
    cx.assessment
        .choice
        .others()
        .filter_map(|d| cx.case.alternatives.get(d).map(|a| (d, a)))
        .map(|(d, a)| AlternativeView {
            key: d.key(),
            name: cx.discipline(d),
            promise: cx.locale.text(&format!("promises.{}", d.key())).to_string(),
            introduction: cx.answer(&a.introduction),
            grounds: a
                .grounds()
                .map(|(g, ground)| {
                    let score = cx.assessment.grounds.get(&g).and_then(|per| per.get(&d));
                    AlternativeGroundView {
                        letter: g.letter(),
                        title: cx.ground_title(g),
                        reasoning: cx.text(&ground.reasoning),
                        items: ground.items.iter().map(|i| i.value.clone()).collect(),
                        score_text: score.map(|s| cx.locale.score(s.score)).unwrap_or_default(),
                        verdict_name: score
                            .map(|s| cx.verdict_name(s.verdict))
                            .unwrap_or_default(),
                    }
                })
                .collect(),
            threshold: cx.optional(&a.threshold),
        })
        .collect()
}
