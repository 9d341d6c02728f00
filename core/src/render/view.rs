//! The report view: one format-neutral, serialisable picture of a case and its assessment, in
//! report order, with every label from the locale. The Markdown, HTML and PDF renderers all read
//! it; each passes the function that turns a free text into its own rich text.

use serde::Serialize;
use serde_json::Value;

use crate::assess::Assessment;
use crate::case::{Ground, LoadedCase};
use crate::locale::Locale;

use super::context::{Context, Edition, Rich};
use super::parts::{self, ItemView, ObjectiveView};

#[derive(Serialize)]
pub struct ReportView {
    pub lang: &'static str,
    pub edition: Edition,
    pub edition_label: String,
    /// `report.*` of the locale.
    pub labels: Value,
    pub disciplines: Value,
    pub meta: MetaView,
    pub introduction: Option<Value>,
    /// The teacher's instructions to the students, per part (student edition only).
    pub assignments: AssignmentsView,
    pub questions: Vec<QuestionView>,
    pub choice: NamedView,
    pub ground_a: GroundAView,
    pub ground_b: GroundBView,
    pub ground_c: GroundCView,
    pub ground_d: GroundDView,
    /// `None` in the student edition.
    pub summary: Option<parts::SummaryView>,
    pub consequences: Option<parts::ConsequencesView>,
    pub alternatives: Vec<parts::AlternativeView>,
    pub alternatives_introduction: Option<Value>,
    pub leadership: Option<parts::LeadershipView>,
    pub references: Vec<parts::ReferenceView>,
    pub appendix: Option<parts::AppendixView>,
    /// The answer space of the student edition; `None` in the teacher's.
    pub worksheet: Option<parts::WorksheetView>,
}

/// The `assignment` texts of a case, by the part they stand above.
#[derive(Serialize)]
pub struct AssignmentsView {
    pub case: Option<Value>,
    pub ground_a: Option<Value>,
    pub ground_b: Option<Value>,
    pub ground_c: Option<Value>,
    pub ground_d: Option<Value>,
    pub consequences: Option<Value>,
    pub alternatives: Option<Value>,
    pub leadership: Option<Value>,
}

#[derive(Serialize)]
pub struct MetaView {
    pub title: String,
    pub author: Option<String>,
    pub course: Option<String>,
    pub date: Option<String>,
    pub organisation: String,
    pub context: Value,
}

#[derive(Serialize)]
pub struct QuestionView {
    pub letter: &'static str,
    pub title: String,
    pub question: String,
}

#[derive(Serialize)]
pub struct NamedView {
    pub key: &'static str,
    pub name: String,
    pub promise: String,
}

#[derive(Serialize)]
pub struct GroundAView {
    pub title: String,
    pub introduction: Option<Value>,
    pub mission: Value,
    pub fragments: Vec<ItemView>,
    pub vision: Option<Value>,
    pub vision_fragments: Vec<ItemView>,
    pub core_values: Vec<ItemView>,
    pub conclusion: Option<Value>,
}

#[derive(Serialize)]
pub struct GroundBView {
    pub title: String,
    pub introduction: Option<Value>,
    pub strengths: Vec<ItemView>,
    pub weaknesses: Vec<ItemView>,
    pub opportunities: Vec<ItemView>,
    pub threats: Vec<ItemView>,
    /// The SWOT as the rows of a 2×2 grid: strengths beside weaknesses, opportunities beside threats.
    pub internal_grid: Vec<parts::GridRow>,
    pub external_grid: Vec<parts::GridRow>,
    pub confrontation: Option<parts::ConfrontationView>,
    pub conclusion: Option<Value>,
}

#[derive(Serialize)]
pub struct GroundCView {
    pub title: String,
    pub introduction: Option<Value>,
    pub vision: Option<Value>,
    pub ambition: Option<Value>,
    /// The goals when written as one text.
    pub goals: Option<Value>,
    /// The goals with ids, each with its objectives.
    pub goal_tree: Vec<parts::GoalView>,
    pub objectives: Vec<ObjectiveView>,
    pub conclusion: Option<Value>,
}

#[derive(Serialize)]
pub struct GroundDView {
    pub title: String,
    pub introduction: Option<Value>,
    pub general: Vec<ItemView>,
    pub own: Vec<ItemView>,
    pub conclusion: Option<Value>,
}

impl ReportView {
    pub fn build(
        loaded: &LoadedCase,
        assessment: &Assessment,
        locale: &Locale,
        edition: Edition,
        lines: u8,
        rich: Rich,
    ) -> ReportView {
        use crate::case::ItemKind::*;
        let case = &loaded.case;
        let cx = Context {
            case,
            assessment,
            locale,
            edition,
            rich,
        };
        let teacher = edition == Edition::Teacher;
        let a = &case.higher_decisions;
        let b = &case.current_situation;
        let c = &case.desired_situation;
        let d = &case.regularities;
        let choice = assessment.choice;
        let meta = &case.meta;
        ReportView {
            lang: locale.language.code(),
            edition,
            edition_label: cx.label(if teacher {
                "edition_teacher"
            } else {
                "edition_student"
            }),
            labels: locale.section("report"),
            disciplines: locale.section("disciplines"),
            meta: MetaView {
                title: meta.title.value.clone(),
                author: meta.author.as_ref().map(|t| t.value.clone()),
                course: meta.course.as_ref().map(|t| t.value.clone()),
                date: meta.date.as_ref().map(|t| t.value.clone()),
                organisation: meta.organisation.name.value.clone(),
                context: cx.text(&meta.organisation.context),
            },
            introduction: cx.answer(&case.introduction),
            assignments: AssignmentsView {
                case: cx.assignment(&case.assignment),
                ground_a: cx.assignment(&a.assignment),
                ground_b: cx.assignment(&b.assignment),
                ground_c: cx.assignment(&c.assignment),
                ground_d: cx.assignment(&d.assignment),
                consequences: cx.assignment(&case.consequences.assignment),
                alternatives: cx.assignment(&case.alternatives.assignment),
                leadership: case
                    .customer_leadership
                    .as_ref()
                    .and_then(|l| cx.assignment(&l.assignment)),
            },
            questions: Ground::ALL
                .into_iter()
                .map(|g| QuestionView {
                    letter: g.letter(),
                    title: cx.ground_title(g),
                    question: locale
                        .text(&format!("questions.{}", g.letter()))
                        .to_string(),
                })
                .collect(),
            choice: NamedView {
                key: choice.key(),
                name: cx.discipline(choice),
                promise: locale
                    .text(&format!("promises.{}", choice.key()))
                    .to_string(),
            },
            ground_a: GroundAView {
                title: cx.ground_title(Ground::A),
                introduction: cx.answer(&a.introduction),
                mission: cx.text(&a.mission.text),
                fragments: parts::items(&cx, MissionFragment, &a.mission.fragments),
                vision: a.vision.as_ref().map(|v| cx.text(&v.text)),
                vision_fragments: a
                    .vision
                    .as_ref()
                    .map(|v| parts::items(&cx, VisionFragment, &v.fragments))
                    .unwrap_or_default(),
                core_values: parts::items(&cx, CoreValue, &a.core_values),
                conclusion: cx.answer(&a.conclusion),
            },
            ground_b: GroundBView {
                title: cx.ground_title(Ground::B),
                introduction: cx.answer(&b.introduction),
                strengths: parts::items(&cx, Strength, &b.strengths),
                weaknesses: parts::items(&cx, Weakness, &b.weaknesses),
                opportunities: parts::items(&cx, Opportunity, &b.opportunities),
                threats: parts::items(&cx, Threat, &b.threats),
                internal_grid: parts::grid(&cx, &b.strengths, &b.weaknesses),
                external_grid: parts::grid(&cx, &b.opportunities, &b.threats),
                confrontation: parts::confrontation(&cx),
                conclusion: cx.answer(&b.conclusion),
            },
            ground_c: GroundCView {
                title: cx.ground_title(Ground::C),
                introduction: cx.answer(&c.introduction),
                vision: cx.optional(&c.vision),
                ambition: cx.optional(&c.ambition),
                goals: parts::goals_text(&cx),
                goal_tree: parts::goals(&cx),
                objectives: c
                    .objectives
                    .iter()
                    .map(|o| parts::objective(&cx, o))
                    .collect(),
                conclusion: cx.answer(&c.conclusion),
            },
            ground_d: GroundDView {
                title: cx.ground_title(Ground::D),
                introduction: cx.answer(&d.introduction),
                general: parts::items(&cx, GeneralRegularity, &d.general),
                own: parts::items(&cx, OwnRegularity, &d.own),
                conclusion: cx.answer(&d.conclusion),
            },
            summary: teacher.then(|| parts::summary(&cx)),
            consequences: teacher.then(|| parts::consequences(&cx)),
            alternatives: if teacher {
                parts::alternatives(&cx)
            } else {
                Vec::new()
            },
            alternatives_introduction: cx.answer(&case.alternatives.introduction),
            leadership: case
                .customer_leadership
                .as_ref()
                .map(|l| parts::leadership(&cx, l)),
            references: case
                .references
                .iter()
                .map(|r| parts::ReferenceView {
                    id: r.id.value.clone(),
                    text: cx.text(&r.text),
                })
                .collect(),
            appendix: teacher.then(|| parts::appendix(&cx)),
            worksheet: (!teacher).then(|| parts::worksheet(&cx, lines)),
        }
    }
}
