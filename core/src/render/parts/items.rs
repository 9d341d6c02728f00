//! Argument items with their stances, the SWOT grid, objectives with their SMART letters and
//! the confrontation matrix.

use serde::Serialize;
use serde_json::Value;

use crate::case::{Amount, ArgumentItem, Baseline, Objective};

use crate::render::context::{Context, Edition};

/// The symbol of a stance, as the method writes it.
pub fn stance_symbol(stance: i8) -> &'static str {
    match stance {
        -2 => "−−",
        -1 => "−",
        1 => "+",
        2 => "++",
        _ => "0",
    }
}

#[derive(Serialize)]
pub struct StanceView {
    pub key: &'static str,
    pub name: String,
    pub symbol: &'static str,
    pub value: i8,
    pub chosen: bool,
    pub reasoning: Value,
}

#[derive(Serialize)]
pub struct ItemView {
    pub id: String,
    pub text: Value,
    /// The stance towards the chosen discipline (teacher edition only).
    pub symbol: Option<&'static str>,
    pub weight: Option<f64>,
    pub stances: Vec<StanceView>,
    pub worked_out: Option<Value>,
}

pub fn item(cx: &Context, item: &ArgumentItem) -> ItemView {
    let teacher = cx.edition == Edition::Teacher;
    let choice = cx.assessment.choice;
    let stances = if teacher {
        item.stances
            .iter()
            // A stance a student has not filled in yet is not shown as a 0.
            .filter(|(_, s)| s.stance.value.value().is_some())
            .map(|(d, s)| {
                let value = s.stance.value.value().unwrap_or(0);
                StanceView {
                    key: d.key(),
                    name: cx.discipline(d),
                    symbol: stance_symbol(value),
                    value,
                    chosen: d == choice,
                    reasoning: cx.text_or(&s.reasoning, "no_reasoning"),
                }
            })
            .collect::<Vec<_>>()
    } else {
        Vec::new()
    };
    // The chosen discipline's stance first: the reader looks for it before the others.
    let mut stances = stances;
    stances.sort_by_key(|s| !s.chosen);
    ItemView {
        id: item.id.value.clone(),
        text: cx.text(item.text),
        symbol: teacher
            .then(|| item.stance_value(choice).map(stance_symbol))
            .flatten(),
        weight: item.weight.map(|w| w.value),
        stances,
        worked_out: teacher
            .then(|| item.worked_out.map(|t| cx.text(t)))
            .flatten(),
    }
}

#[derive(Serialize)]
pub struct GridCell {
    pub id: String,
    pub text: Value,
}

#[derive(Serialize)]
pub struct GridRow {
    pub left: Option<GridCell>,
    pub right: Option<GridCell>,
}

/// Two lists side by side, as many rows as the longer one (at least one).
pub fn grid(
    cx: &Context,
    left: &[crate::case::Argument],
    right: &[crate::case::Argument],
) -> Vec<GridRow> {
    let cell = |a: &crate::case::Argument| GridCell {
        id: a.id.value.clone(),
        text: cx.text(&a.text),
    };
    (0..left.len().max(right.len()).max(1))
        .map(|i| GridRow {
            left: left.get(i).map(cell),
            right: right.get(i).map(cell),
        })
        .collect()
}

#[derive(Serialize)]
pub struct ObjectiveView {
    #[serde(flatten)]
    pub item: ItemView,
    pub metric: Option<Value>,
    pub scope: Option<Value>,
    pub baseline: Option<String>,
    pub target: Option<String>,
    pub term: Option<Value>,
    pub measurement: Option<Value>,
    pub owner: Option<Value>,
    /// Why the objective is achievable, and the analysis it follows from: SMART fields, facts
    /// a student is given.
    pub feasibility: Option<Value>,
    pub links: Vec<String>,
    /// Per letter: (letter, met); empty in the student edition.
    pub smart: Vec<SmartLetter>,
}

/// A short text for a table cell: its words on one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Serialize)]
pub struct SmartLetter {
    pub letter: char,
    pub met: bool,
}

pub fn objective(cx: &Context, objective: &Objective) -> ObjectiveView {
    let unit = objective
        .unit
        .as_ref()
        .map(|u| u.value.as_str())
        .unwrap_or("");
    // A number carries the unit; a target or baseline in words is shown as written.
    let number = |n: f64| {
        let text = cx.locale.amount(n);
        let spaced = if unit.starts_with('%') || unit.is_empty() {
            ""
        } else {
            " "
        };
        format!("{text}{spaced}{unit}")
    };
    let amount = |a: &Amount| match a {
        Amount::Number(n) => number(*n),
        Amount::Text(text) => one_line(text),
    };
    let baseline = |b: &Baseline| match b {
        Baseline::Dated(dated) => format!("{} ({})", number(dated.value), one_line(&dated.at)),
        Baseline::Plain(plain) => number(*plain),
        Baseline::Text(text) => one_line(text),
    };
    let smart = if cx.edition == Edition::Teacher {
        cx.assessment
            .smart
            .iter()
            .find(|s| s.item == objective.id.value)
            .map(|s| {
                s.letters
                    .iter()
                    .map(|(letter, met)| SmartLetter {
                        letter: *letter,
                        met: *met,
                    })
                    .collect()
            })
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    let ordered: Vec<SmartLetter> = ['S', 'M', 'A', 'R', 'T']
        .into_iter()
        .filter_map(|l| {
            smart
                .iter()
                .find(|s: &&SmartLetter| s.letter == l)
                .map(|s| SmartLetter {
                    letter: s.letter,
                    met: s.met,
                })
        })
        .collect();
    ObjectiveView {
        item: item(cx, &ArgumentItem::of_objective(objective)),
        metric: cx.optional(&objective.metric),
        scope: cx.optional(&objective.scope),
        baseline: objective
            .baseline
            .as_ref()
            .filter(|b| b.value.is_given())
            .map(|b| baseline(&b.value)),
        target: objective.target.as_ref().map(|t| amount(&t.value)),
        term: objective
            .deadline
            .as_ref()
            .map(|d| Value::String(d.value.clone()))
            .or_else(|| cx.optional(&objective.period)),
        measurement: cx.optional(&objective.measurement),
        owner: cx.optional(&objective.owner),
        feasibility: cx.optional(&objective.feasibility),
        links: objective.links.iter().map(|l| l.value.clone()).collect(),
        smart: ordered,
    }
}

#[derive(Serialize)]
pub struct ConfrontationView {
    pub introduction: Option<Value>,
    /// The scale the cells are scored on, in words ("score 0–5").
    pub scale: String,
    pub columns: Vec<String>,
    pub rows: Vec<ConfrontationRow>,
    pub column_totals: Vec<i64>,
    pub quadrants: Vec<(String, i64)>,
    pub posture: String,
    pub issues: Vec<(String, String, i64)>,
    /// The cells with a note: (internal id, external id, note).
    pub notes: Vec<(String, String, Value)>,
}

#[derive(Serialize)]
pub struct ConfrontationRow {
    pub id: String,
    pub cells: Vec<i64>,
    pub total: i64,
}

/// `None` in the student edition: the scores are the student's own analysis.
pub fn confrontation(cx: &Context) -> Option<ConfrontationView> {
    if cx.edition == Edition::Student {
        return None;
    }
    let result = cx.assessment.confrontation.as_ref()?;
    let matrix = cx.case.current_situation.confrontation.as_ref()?;
    let columns: Vec<String> = result.columns.iter().map(|(id, _)| id.clone()).collect();
    let rows = result
        .rows
        .iter()
        .map(|(id, total)| ConfrontationRow {
            id: id.clone(),
            cells: columns.iter().map(|c| matrix.score(id, c)).collect(),
            total: *total,
        })
        .collect();
    Some(ConfrontationView {
        introduction: cx.optional(&matrix.introduction),
        scale: cx.locale.fill(
            "report.confrontation_scale",
            &[("scale", &result.scale_shown)],
        ),
        columns,
        rows,
        column_totals: result.columns.iter().map(|(_, t)| *t).collect(),
        quadrants: result
            .quadrants
            .iter()
            .map(|(k, v)| (k.clone(), *v))
            .collect(),
        posture: cx
            .locale
            .text(&format!("postures.{}", result.posture))
            .to_string(),
        issues: result.issues.clone(),
        notes: matrix
            .cells
            .iter()
            .filter_map(|x| {
                let note = x.note.as_ref()?;
                Some((
                    x.internal.value.clone(),
                    x.external.value.clone(),
                    cx.text(note),
                ))
            })
            .collect(),
    })
}
