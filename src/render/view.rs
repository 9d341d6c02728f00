//! The report view: one format-neutral, serialisable picture of a case and its assessment, in
//! report order, with every label from the locale. The Markdown, HTML and PDF renderers all read
//! it; each passes the function that turns a free text into its own rich text.

use serde::Serialize;
use serde_json::Value;

use crate::assess::{Assessment, verdict_key};
use crate::case::{Argument, ArgumentItem, Case, Discipline, Ground, LoadedCase, Text};
use crate::locale::Locale;

use super::parts::{self, ItemView, ObjectiveView};

/// Turns one free text (inline Markdown) into the renderer's rich text.
pub type Rich<'a> = &'a dyn Fn(&str) -> Value;

/// Which edition of the report: the model answer, or the assignment without the answers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Edition {
    #[default]
    Teacher,
    Student,
}

impl Edition {
    /// The file-name suffix of the edition's reports: nothing for the teacher's, `.student` for
    /// the student's (`<slug>.student.html`).
    pub fn suffix(self) -> &'static str {
        match self {
            Edition::Teacher => "",
            Edition::Student => ".student",
        }
    }
}

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

/// What every part of the view builder needs.
pub struct Context<'a> {
    pub case: &'a Case,
    pub assessment: &'a Assessment,
    pub locale: &'a Locale,
    pub edition: Edition,
    pub rich: Rich<'a>,
}

impl Context<'_> {
    pub fn text(&self, text: &Text) -> Value {
        (self.rich)(&text.value)
    }

    /// A text, or when it is empty the label `report.<empty>` in italics: a report never shows a
    /// label with nothing after it.
    pub fn text_or(&self, text: &Text, empty: &str) -> Value {
        if text.value.trim().is_empty() {
            (self.rich)(&format!("*{}*", self.label(empty)))
        } else {
            self.text(text)
        }
    }

    pub fn optional(&self, text: &Option<Text>) -> Option<Value> {
        text.as_ref().map(|t| self.text(t))
    }

    /// A text only the teacher edition shows: `None` for students. Reasoning and conclusions are
    /// answers; introductions and other free prose are the teacher's text, which may name them.
    pub fn answer(&self, text: &Option<Text>) -> Option<Value> {
        (self.edition == Edition::Teacher)
            .then(|| self.optional(text))
            .flatten()
    }

    /// A text only the student edition shows: the teacher's instructions.
    pub fn assignment(&self, text: &Option<Text>) -> Option<Value> {
        (self.edition == Edition::Student)
            .then(|| self.optional(text))
            .flatten()
    }

    pub fn label(&self, key: &str) -> String {
        self.locale.text(&format!("report.{key}")).to_string()
    }

    pub fn discipline(&self, discipline: Discipline) -> String {
        self.locale
            .text(&format!("disciplines.{}", discipline.key()))
            .to_string()
    }

    pub fn ground_title(&self, ground: Ground) -> String {
        self.locale
            .text(&format!("grounds.{}", ground.letter()))
            .to_string()
    }

    pub fn items(&self, kind: crate::case::ItemKind, list: &[Argument]) -> Vec<ItemView> {
        list.iter()
            .map(|a| parts::item(self, &ArgumentItem::of(kind, a)))
            .collect()
    }

    pub fn verdict_name(&self, verdict: crate::assess::Verdict) -> String {
        self.locale
            .text(&format!("verdicts.{}", verdict_key(verdict)))
            .to_string()
    }
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
                fragments: cx.items(MissionFragment, &a.mission.fragments),
                vision: a.vision.as_ref().map(|v| cx.text(&v.text)),
                vision_fragments: a
                    .vision
                    .as_ref()
                    .map(|v| cx.items(VisionFragment, &v.fragments))
                    .unwrap_or_default(),
                core_values: cx.items(CoreValue, &a.core_values),
                conclusion: cx.answer(&a.conclusion),
            },
            ground_b: GroundBView {
                title: cx.ground_title(Ground::B),
                introduction: cx.answer(&b.introduction),
                strengths: cx.items(Strength, &b.strengths),
                weaknesses: cx.items(Weakness, &b.weaknesses),
                opportunities: cx.items(Opportunity, &b.opportunities),
                threats: cx.items(Threat, &b.threats),
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
                general: cx.items(GeneralRegularity, &d.general),
                own: cx.items(OwnRegularity, &d.own),
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
