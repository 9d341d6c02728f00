//! The student edition's worksheet: the space a student writes in, by hand or on screen. It
//! holds the facts the answer space needs (which disciplines, functions, alternatives, paradox
//! poles and panels) and never an answer.

use serde::Serialize;
use serde_json::Value;

use crate::case::{BALANCED, Discipline, Ground, ParadoxKind};
use crate::render::context::Context;

use super::stance_symbol;

#[derive(Serialize)]
pub struct Named {
    pub key: String,
    pub name: String,
}

#[derive(Serialize)]
pub struct WorksheetParadox {
    pub id: String,
    /// The two poles and "balanced", the leanings a student ticks.
    pub leanings: Vec<Named>,
}

#[derive(Serialize)]
pub struct WorksheetView {
    /// Ruled lines per item (the rubric's `worksheet_lines`); the larger parts get twice as many.
    pub lines: u8,
    /// The five stances, `++` first.
    pub stances: Vec<&'static str>,
    /// The three disciplines, the chosen one first: every item is judged against each.
    pub disciplines: Vec<Named>,
    /// The business functions the case names (rich text), each the heading of a consequence.
    pub functions: Vec<Value>,
    /// The disciplines not chosen: each argued ground by ground, with its threshold.
    pub alternatives: Vec<Named>,
    pub grounds: Vec<Named>,
    pub paradoxes: Vec<WorksheetParadox>,
    /// The four panels' titles, when the case has customer leadership.
    pub panels: Vec<String>,
}

pub fn worksheet(cx: &Context, lines: u8) -> WorksheetView {
    let choice = cx.assessment.choice;
    let named = |d: Discipline| Named {
        key: d.key().to_string(),
        name: cx.discipline(d),
    };
    let leadership = cx.case.customer_leadership.as_ref();
    let pole = |key: &str| Named {
        key: key.to_string(),
        name: cx.locale.text(&format!("poles.{key}")).to_string(),
    };
    WorksheetView {
        lines,
        stances: (-2..=2).rev().map(stance_symbol).collect(),
        disciplines: std::iter::once(choice)
            .chain(choice.others())
            .map(named)
            .collect(),
        functions: cx
            .case
            .consequences
            .functions
            .iter()
            .map(|f| cx.text(&f.function))
            .collect(),
        alternatives: choice.others().map(named).collect(),
        grounds: Ground::ALL
            .into_iter()
            .map(|g| Named {
                key: g.letter().to_string(),
                name: cx.ground_title(g),
            })
            .collect(),
        paradoxes: leadership
            .map(|l| {
                l.paradoxes
                    .iter()
                    .map(|p| WorksheetParadox {
                        id: p.id.value.clone(),
                        leanings: ParadoxKind::find(&p.paradox.value)
                            .map(|kind| kind.poles.to_vec())
                            .unwrap_or_default()
                            .into_iter()
                            .chain([BALANCED])
                            .map(pole)
                            .collect(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        panels: leadership
            .map(|_| {
                [
                    "panel_purpose",
                    "panel_arena",
                    "panel_value_proposition",
                    "panel_organisation",
                ]
                .map(|key| cx.label(key))
                .to_vec()
            })
            .unwrap_or_default(),
    }
}
