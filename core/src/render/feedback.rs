//! The feedback per student: the data of the comparison section that the report templates show
//! above the student's own report (`comparison.html`, `comparison.md`, the PDF template), and
//! the page of a submission that could not be read.

use serde::Serialize;
use serde_json::Value;

use super::context::Rich;
use super::parts::stance_symbol;
use crate::case::{Discipline, LoadedCase};
use crate::diagnostics::Diagnostic;
use crate::locale::Locale;
use crate::templates::Templates;

use crate::grade::compare::{Agreement, Comparison, MIN_REASONING_WORDS, Reasoning};
use crate::grade::{Graded, Status};
use crate::rubric::grading::{GradeRubric, Scale};

/// Everything the comparison section is made from.
pub struct Feedback<'a> {
    pub model: &'a LoadedCase,
    pub student: &'a LoadedCase,
    pub comparison: &'a Comparison,
    pub graded: &'a Graded,
    pub reveal: bool,
    pub rubric: &'a GradeRubric,
}

#[derive(Serialize)]
struct ComparisonView {
    labels: Value,
    student: String,
    mark: String,
    passed: bool,
    standing: String,
    scale: String,
    formula: String,
    components: Vec<ComponentView>,
    differences: Vec<DifferenceGroup>,
    missing: Vec<String>,
    added: Vec<String>,
    verdicts_title: String,
    verdicts: Vec<VerdictView>,
    choice: String,
    contradicted: Option<String>,
    smart: Option<String>,
    reveal: bool,
    /// The student's other files, not graded (the newest counts).
    others: Option<String>,
}

#[derive(Serialize)]
struct ComponentView {
    name: String,
    weight: String,
    result: String,
    detail: String,
}

/// One kind of difference from the model, explained once, with the stances it applies to.
#[derive(Serialize)]
struct DifferenceGroup {
    /// `opposite`, `further`, … : the class of the rows.
    kind: &'static str,
    title: String,
    explanation: String,
    rows: Vec<DifferenceView>,
}

#[derive(Serialize)]
struct DifferenceView {
    item: String,
    discipline: String,
    /// The model's stance: only with `--reveal`.
    model: Option<&'static str>,
    student: &'static str,
    /// How far the stances differ, where the group does not already say so.
    agreement: Option<String>,
    /// Only with `--reveal`.
    model_reasoning: Option<Value>,
}

#[derive(Serialize)]
struct VerdictView {
    ground: String,
    model: String,
    student: String,
    same: bool,
}

/// A share as a whole percentage (`78 %`).
fn percent(share: f64) -> String {
    format!("{} %", (share * 100.0).round())
}

/// A mark with one decimal in the locale's notation (`7,5`).
pub fn mark_text(locale: &Locale, value: f64) -> String {
    format!("{value:.1}").replace('.', locale.text("report.decimal"))
}

/// The comparison section's data, with free texts in the format's rich text.
pub fn comparison_view(templates: &Templates, feedback: &Feedback, rich: Rich) -> Value {
    let locale = templates.locale(feedback.student.case.language());
    let c = feedback.comparison;
    let rubric = feedback.rubric;
    let t = |key: &str| locale.text(&format!("grade.{key}")).to_string();
    let fill = |key: &str, values: &[(&str, &str)]| locale.fill(&format!("grade.{key}"), values);
    let name = |d: Discipline| locale.text(&format!("disciplines.{}", d.key())).to_string();
    let mark = feedback.graded.mark.unwrap_or_else(|| rubric.lowest());
    let mark_shown = mark_text(locale, mark.value);
    let pass = mark_text(locale, rubric.pass);
    let points = mark_text(locale, rubric.points);
    let share = locale.amount(mark.share);
    let formula = match rubric.scale {
        Scale::Dutch => fill("formula_dutch", &[("share", &share), ("mark", &mark_shown)]),
        Scale::Points => fill(
            "formula_points",
            &[
                ("points", &points),
                ("share", &share),
                ("mark", &mark_shown),
            ],
        ),
    };
    let total = rubric.stances + rubric.reasoning + rubric.verdicts + rubric.findings;
    let count = |a| c.count(a).to_string();
    let n = c.stances.len().to_string();
    let components = vec![
        ComponentView {
            name: t("stances"),
            weight: percent(rubric.stances / total),
            result: percent(c.components.stances),
            detail: fill(
                "stances_detail",
                &[
                    ("same", &count(Agreement::Same)),
                    ("one_step", &count(Agreement::OneStep)),
                    ("further", &count(Agreement::Further)),
                    ("opposite", &count(Agreement::Opposite)),
                    ("missing", &count(Agreement::Missing)),
                    ("total", &n),
                ],
            ),
        },
        ComponentView {
            name: t("reasoning"),
            weight: percent(rubric.reasoning / total),
            result: percent(c.components.reasoning),
            detail: fill(
                "reasoning_detail",
                &[
                    (
                        "substantive",
                        &c.count_reasoning(Reasoning::Substantive).to_string(),
                    ),
                    (
                        "missing",
                        &c.count_reasoning(Reasoning::Missing).to_string(),
                    ),
                    ("thin", &c.count_reasoning(Reasoning::Thin).to_string()),
                    (
                        "copies",
                        &c.count_reasoning(Reasoning::CopiesItem).to_string(),
                    ),
                    (
                        "repeated",
                        &c.count_reasoning(Reasoning::Repeated).to_string(),
                    ),
                    (
                        "credited",
                        &c.stances
                            .iter()
                            .filter(|r| r.credited())
                            .count()
                            .to_string(),
                    ),
                    ("min_words", &MIN_REASONING_WORDS.to_string()),
                    ("total", &n),
                ],
            ),
        },
        ComponentView {
            name: t("verdicts"),
            weight: percent(rubric.verdicts / total),
            result: percent(c.components.verdicts),
            detail: fill(
                "verdicts_detail",
                &[
                    (
                        "same",
                        &c.verdicts
                            .iter()
                            .filter(|v| v.model == v.student)
                            .count()
                            .to_string(),
                    ),
                    ("total", &c.verdicts.len().to_string()),
                    ("choice", &name(c.choice.model)),
                ],
            ),
        },
        ComponentView {
            name: t("findings"),
            weight: percent(rubric.findings / total),
            result: percent(c.components.findings),
            detail: fill(
                "findings_detail",
                &[
                    ("warnings", &c.findings.warnings.to_string()),
                    ("model", &c.findings.model_warnings.to_string()),
                    ("allowance", &locale.amount(rubric.findings_allowance)),
                ],
            ),
        },
    ];
    let differences = difference_groups(feedback, &t, &fill, &name, rich);
    let verdict = |v| {
        locale
            .text(&format!("verdicts.{}", crate::assess::verdict_key(v)))
            .to_string()
    };
    let chosen = name(c.choice.model);
    let choice = if c.choice.student == c.choice.model {
        fill("choice_same", &[("choice", &chosen)])
    } else {
        fill(
            "choice_other",
            &[("student", &name(c.choice.student)), ("model", &chosen)],
        )
    };
    let view = ComparisonView {
        labels: locale.section("grade"),
        student: feedback.graded.student.clone(),
        mark: mark_shown,
        passed: mark.passed,
        standing: if mark.passed {
            t("passed")
        } else {
            t("failed")
        },
        scale: match rubric.scale {
            Scale::Dutch => fill("scale_dutch", &[("pass", &pass)]),
            Scale::Points => fill("scale_points", &[("points", &points), ("pass", &pass)]),
        },
        formula,
        components,
        differences,
        missing: c.missing.clone(),
        added: c.added.clone(),
        verdicts_title: fill("ground_verdicts", &[("choice", &chosen)]),
        verdicts: c
            .verdicts
            .iter()
            .map(|v| VerdictView {
                ground: format!(
                    "{}. {}",
                    v.ground.letter(),
                    locale.text(&format!("grounds.{}", v.ground.letter()))
                ),
                model: verdict(v.model),
                student: verdict(v.student),
                same: v.model == v.student,
            })
            .collect(),
        choice,
        contradicted: c.choice.contradicted.then(|| t("choice_contradicted")),
        smart: (c.smart_total > 0).then(|| {
            fill(
                "smart",
                &[
                    ("met", &c.smart_met.to_string()),
                    ("total", &c.smart_total.to_string()),
                ],
            )
        }),
        reveal: feedback.reveal,
        others: others(locale, feedback.graded),
    };
    serde_json::to_value(view).unwrap_or(Value::Null)
}

/// The kinds of difference, the weightiest first: a stance the other way round, one far off, none,
/// one a step off; then reasoning that is missing, only repeats the item, or is too short.
const KINDS: [&str; 8] = [
    "opposite",
    "further",
    "missing",
    "one_step",
    "reasoning_missing",
    "reasoning_copies",
    "reasoning_thin",
    "reasoning_repeated",
];

/// The stance's kind of difference, and its reasoning's (a missing stance has no reasoning to
/// judge).
fn kinds_of(row: &crate::grade::compare::StanceRow) -> [Option<&'static str>; 2] {
    let stance = match row.agreement {
        Agreement::Same => None,
        Agreement::OneStep => Some("one_step"),
        Agreement::Further => Some("further"),
        Agreement::Opposite => Some("opposite"),
        Agreement::Missing => Some("missing"),
    };
    let reasoning = match (row.agreement, row.reasoning) {
        (_, Reasoning::Substantive) | (Agreement::Missing, _) => None,
        (_, Reasoning::Missing) => Some("reasoning_missing"),
        (_, Reasoning::Thin) => Some("reasoning_thin"),
        (_, Reasoning::CopiesItem) => Some("reasoning_copies"),
        (_, Reasoning::Repeated) => Some("reasoning_repeated"),
    };
    [stance, reasoning]
}

/// The differences from the model grouped by kind, each kind explained once.
fn difference_groups(
    feedback: &Feedback,
    t: &dyn Fn(&str) -> String,
    fill: &dyn Fn(&str, &[(&str, &str)]) -> String,
    name: &dyn Fn(Discipline) -> String,
    rich: Rich,
) -> Vec<DifferenceGroup> {
    let model_items = feedback.model.case.argument_items();
    let min_words = MIN_REASONING_WORDS.to_string();
    KINDS
        .iter()
        .filter_map(|&kind| {
            let rows: Vec<DifferenceView> = feedback
                .comparison
                .stances
                .iter()
                .filter(|row| kinds_of(row).contains(&Some(kind)))
                .map(|row| {
                    let agreement_key = match row.agreement {
                        Agreement::Same => "agreement_same",
                        Agreement::OneStep => "agreement_one_step",
                        Agreement::Further => "agreement_further",
                        Agreement::Opposite => "agreement_opposite",
                        Agreement::Missing => "agreement_missing",
                    };
                    let model_reasoning = feedback
                        .reveal
                        .then(|| {
                            let item = model_items.iter().find(|i| i.id.value == row.item)?;
                            Some(rich(&item.stances.get(row.discipline)?.reasoning.value))
                        })
                        .flatten();
                    DifferenceView {
                        item: row.item.clone(),
                        discipline: name(row.discipline),
                        model: feedback.reveal.then(|| stance_symbol(row.model)),
                        student: row.student.map_or("—", stance_symbol),
                        agreement: kind.starts_with("reasoning_").then(|| t(agreement_key)),
                        model_reasoning,
                    }
                })
                .collect();
            (!rows.is_empty()).then(|| DifferenceGroup {
                kind,
                title: fill(
                    &format!("group_{kind}"),
                    &[("count", &rows.len().to_string())],
                ),
                explanation: fill(&format!("why_{kind}"), &[("min_words", &min_words)]),
                rows,
            })
        })
        .collect()
}

#[derive(Serialize)]
struct NoticeView {
    lang: &'static str,
    labels: Value,
    title: String,
    lead: String,
    diagnostics: Vec<String>,
    others: Option<String>,
}

/// The student's other files in the download, which were not graded, in a sentence.
fn others(locale: &Locale, graded: &Graded) -> Option<String> {
    (!graded.others.is_empty()).then(|| {
        format!(
            "{}: {}",
            locale.text("grade.others"),
            graded.others.join(", ")
        )
    })
}

/// The feedback of a submission without a comparison, as an HTML page and a Markdown file: one
/// that does not load (its diagnostics as the terminal shows them), one with nothing written
/// (how to start) or another case (what to hand in). Nothing of the model is in it.
pub fn notice(
    templates: &Templates,
    graded: &Graded,
    model: &LoadedCase,
    source: Option<&str>,
) -> Result<Vec<(&'static str, Vec<u8>)>, Vec<Diagnostic>> {
    let locale = templates.locale(graded.language);
    let starter = format!("{}.student.yaml", model.slug);
    let mark = graded
        .mark
        .map(|m| mark_text(locale, m.value))
        .unwrap_or_default();
    let values = [
        ("file", graded.file.as_str()),
        ("starter", starter.as_str()),
        ("mark", mark.as_str()),
        ("title", model.case.meta.title.value.as_str()),
    ];
    let lead = match graded.status {
        Status::Empty => "grade.empty_lead",
        Status::OtherCase => "grade.other_case_lead",
        Status::NoCasebookPdf => "grade.no_casebook_pdf_lead",
        _ => "grade.unloadable_lead",
    };
    let view = NoticeView {
        lang: graded.language.code(),
        labels: locale.section("grade"),
        title: locale.fill("grade.unloadable_title", &[("student", &graded.student)]),
        lead: locale.fill(lead, &values),
        diagnostics: graded
            .diagnostics
            .iter()
            // A tab in a quoted line (a tab is a common mistake) as spaces, the caret's too.
            .map(|d| d.render(source).replace('\t', "    "))
            .collect(),
        others: others(locale, graded),
    };
    let html = templates
        .render("unloadable.html", &view)
        .map_err(|d| vec![d])?;
    let md = templates
        .render("unloadable.md", &view)
        .map_err(|d| vec![d])?;
    let md = format!("{}\n", md.trim_end());
    Ok(vec![("html", html.into_bytes()), ("md", md.into_bytes())])
}
