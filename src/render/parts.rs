//! The parts of the report view: items with their stances, objectives with SMART, the
//! confrontation matrix, the summary (argument map, consistency matrix), alternatives, customer
//! leadership and the appendix.

use serde::Serialize;
use serde_json::Value;

use crate::assess::verdict_key;
use crate::case::{ArgumentItem, CustomerLeadership, Discipline, Ground, Objective};

use super::view::{Context, Edition};

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
            .map(|(d, s)| {
                let value = s.stance.value.value().unwrap_or(0);
                StanceView {
                    key: d.key(),
                    name: cx.discipline(d),
                    symbol: stance_symbol(value),
                    value,
                    chosen: d == choice,
                    reasoning: cx.text(&s.reasoning),
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
    /// Why the objective is achievable (teacher edition only, as `links`: they are arguments).
    pub feasibility: Option<Value>,
    pub links: Vec<String>,
    /// Per letter: (letter, met); empty in the student edition.
    pub smart: Vec<SmartLetter>,
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
    let number = |n: f64| {
        let text = cx.amount(n);
        let spaced = if unit.starts_with('%') || unit.is_empty() {
            ""
        } else {
            " "
        };
        format!("{text}{spaced}{unit}")
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
        baseline: objective.baseline.as_ref().map(|b| number(b.value)),
        target: objective.target.as_ref().map(|t| number(t.value)),
        term: objective
            .deadline
            .as_ref()
            .map(|d| Value::String(d.value.clone()))
            .or_else(|| cx.optional(&objective.period)),
        measurement: cx.optional(&objective.measurement),
        owner: cx.optional(&objective.owner),
        feasibility: cx.answer(&objective.feasibility),
        // Which analysis an objective follows from is part of the answer.
        links: if cx.edition == Edition::Teacher {
            objective.links.iter().map(|l| l.value.clone()).collect()
        } else {
            Vec::new()
        },
        smart: ordered,
    }
}

#[derive(Serialize)]
pub struct ConfrontationView {
    pub introduction: Option<Value>,
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
            cells: columns
                .iter()
                .map(|c| {
                    matrix
                        .cells
                        .iter()
                        .filter(|x| &x.internal.value == id && &x.external.value == c)
                        .map(|x| x.score.value)
                        .sum()
                })
                .collect(),
            total: *total,
        })
        .collect();
    Some(ConfrontationView {
        introduction: cx.optional(&matrix.introduction),
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
        score_text: cx.score(score),
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
    let fmt = |v: f64| cx.score(v);
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
        introduction: cx.optional(&c.introduction),
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
            introduction: cx.optional(&a.introduction),
            grounds: a
                .grounds()
                .map(|(g, ground)| {
                    let score = cx.assessment.grounds.get(&g).and_then(|per| per.get(&d));
                    AlternativeGroundView {
                        letter: g.letter(),
                        title: cx.ground_title(g),
                        reasoning: cx.text(&ground.reasoning),
                        items: ground.items.iter().map(|i| i.value.clone()).collect(),
                        score_text: score.map(|s| cx.score(s.score)).unwrap_or_default(),
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
        introduction: cx.optional(&leadership.introduction),
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
        capabilities: leadership
            .capabilities
            .iter()
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

#[derive(Serialize)]
pub struct FindingView {
    pub severity: String,
    pub code: &'static str,
    pub item: Option<String>,
    pub line: u32,
    pub message: String,
    pub hint: Option<String>,
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
                            weight_text: cx.amount(c.weight),
                        })
                        .collect(),
                    sum: cx.amount(s.sum),
                    weight_total: cx.amount(s.weight_total),
                    score_text: cx.score(s.score),
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
            code: f.code,
            item: f.item.clone(),
            line: f.line,
            message: f.message.clone(),
            hint: f.hint.clone(),
        })
        .collect();
    AppendixView { trace, findings }
}
