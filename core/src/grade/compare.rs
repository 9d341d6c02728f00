//! The comparison of one student's case with the model answer, item by item and ground by
//! ground: explainable like the assessment, every component traced back to the rows behind it.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::assess::{Assessment, Verdict};
use crate::case::{ArgumentItem, Discipline, Ground, Language, LoadedCase};
use crate::diagnostics::Severity;

use crate::rubric::grading::{Components, GradeRubric};

use super::similarity::{normalise, repeats};

/// How the student's stance on one item and discipline compares with the model's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Agreement {
    Same,
    /// One step apart on the scale −2…+2 (e.g. `+` against `++`).
    OneStep,
    /// Two or more steps apart, but not of opposite sign (e.g. `0` against `++`).
    Further,
    /// One for, the other against.
    Opposite,
    /// The student took no stance (or left the item out).
    Missing,
}

impl Agreement {
    pub fn of(model: i8, student: Option<i8>) -> Agreement {
        match student {
            None => Agreement::Missing,
            Some(s) if s == model => Agreement::Same,
            Some(s) if i16::from(s) * i16::from(model) < 0 => Agreement::Opposite,
            Some(s) if (s - model).abs() == 1 => Agreement::OneStep,
            Some(_) => Agreement::Further,
        }
    }

    /// The credit towards the stance component: 1 for the same stance, ½ for one step off.
    pub fn credit(self) -> f64 {
        match self {
            Agreement::Same => 1.0,
            Agreement::OneStep => 0.5,
            _ => 0.0,
        }
    }
}

/// Whether the reasoning behind a stance is of substance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reasoning {
    Substantive,
    /// No reasoning (or no stance at all).
    Missing,
    /// Fewer than [`MIN_REASONING_WORDS`] words.
    Thin,
    /// (Nearly) the item's own text repeated.
    CopiesItem,
    /// (Nearly) the same reasoning as an earlier item's, used for [`REPEATED_TIMES`] items or
    /// more: only the first of them counts.
    Repeated,
}

/// A reasoning used for this many items or more is a template, not an argument per item.
pub const REPEATED_TIMES: usize = 3;

/// A reasoning needs at least this many words to count.
pub const MIN_REASONING_WORDS: usize = 5;

impl Reasoning {
    fn of(reasoning: &str, item_text: &str) -> Reasoning {
        let reasoning = normalise(reasoning);
        let item = normalise(item_text);
        if reasoning.is_empty() {
            Reasoning::Missing
        } else if item.contains(&reasoning) || nearly_equal(&reasoning, &item) {
            Reasoning::CopiesItem
        } else if reasoning.split(' ').count() < MIN_REASONING_WORDS {
            Reasoning::Thin
        } else {
            Reasoning::Substantive
        }
    }
}

/// At least 90 % alike by edit distance.
fn nearly_equal(a: &str, b: &str) -> bool {
    super::edit::at_least(a, b, 0.9)
}

/// One stance the model takes, against the student's.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct StanceRow {
    /// The model's id of the item.
    pub item: String,
    pub ground: Ground,
    pub discipline: Discipline,
    pub model: i8,
    pub student: Option<i8>,
    pub agreement: Agreement,
    pub reasoning: Reasoning,
    /// The student's reasoning, for the feedback and the similarity check (not in grades.json).
    #[serde(skip)]
    pub student_reasoning: Option<String>,
}

impl StanceRow {
    /// Whether the reasoning earns credit: of substance, for a stance the same as the model's
    /// or one step off (an eloquent defence of the opposite stance is not agreement).
    pub fn credited(&self) -> bool {
        self.reasoning == Reasoning::Substantive
            && matches!(self.agreement, Agreement::Same | Agreement::OneStep)
    }
}

/// The verdict on one ground for the model's choice, the student's against the model's.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct VerdictRow {
    pub ground: Ground,
    pub model: Verdict,
    pub student: Verdict,
    pub model_score: f64,
    pub student_score: f64,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ChoiceCheck {
    pub model: Discipline,
    pub student: Discipline,
    /// The student's own scores put another discipline above their choice.
    pub contradicted: bool,
}

/// The student's findings, counted by severity, with the codes.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct FindingCounts {
    pub warnings: usize,
    pub notes: usize,
    /// The model's own warnings (the student is not marked down for those).
    pub model_warnings: usize,
    /// Every warning code, once each, in the order found.
    pub codes: Vec<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Comparison {
    pub stances: Vec<StanceRow>,
    /// Ids (the model's) of items the student left out.
    pub missing: Vec<String>,
    /// Ids of items the student added.
    pub added: Vec<String>,
    pub verdicts: Vec<VerdictRow>,
    pub choice: ChoiceCheck,
    /// SMART letters met over all of the student's objectives, and the letters checked.
    pub smart_met: usize,
    pub smart_total: usize,
    pub findings: FindingCounts,
    pub components: Components,
}

impl Comparison {
    /// How many of the model's stances the student matched, per kind of agreement.
    pub fn count(&self, agreement: Agreement) -> usize {
        self.stances
            .iter()
            .filter(|r| r.agreement == agreement)
            .count()
    }

    pub fn count_reasoning(&self, reasoning: Reasoning) -> usize {
        self.stances
            .iter()
            .filter(|r| r.reasoning == reasoning)
            .count()
    }
}

/// The id an item of the student's case has in the model: a student writing in the other
/// language letters some kinds differently (`W2` in English is `Z2` in Dutch, `OB1` is `D1`,
/// `GR1` is `AW1`, `OR1` is `EW1`).
fn model_id(item: &ArgumentItem, student: Language, model: Language) -> String {
    let id = &item.id.value;
    match (item.kind.id_prefix(student), item.kind.id_prefix(model)) {
        (Some(from), Some(to)) if from != to => match id.strip_prefix(from) {
            Some(number) if number.chars().all(|c| c.is_ascii_digit()) => format!("{to}{number}"),
            _ => id.clone(),
        },
        _ => id.clone(),
    }
}

/// Whether the student wrote nothing beyond what the hand-out gave: no stance and no reasoning
/// on any item (the starter has every stance and reasoning empty).
pub fn is_empty(student: &LoadedCase) -> bool {
    student.case.argument_items().iter().all(|item| {
        item.stances
            .iter()
            .all(|(_, s)| s.stance.value.value().is_none() && s.reasoning.value.trim().is_empty())
    })
}

/// Whether the student's case is a version of the model's case: the same organisation (by its
/// name, at least half alike), and at least half of the model's argument items found under the
/// same id (across languages) with the same text (a text in the other language counts by its id
/// alone).
pub fn is_same_case(model: &LoadedCase, student: &LoadedCase) -> bool {
    let alike = |a: &str, b: &str| super::edit::at_least(&normalise(a), &normalise(b), 0.5);
    let (model_lang, student_lang) = (model.case.language(), student.case.language());
    // A firm's name is a name in either language.
    if !alike(
        &model.case.meta.organisation.name.value,
        &student.case.meta.organisation.name.value,
    ) {
        return false;
    }
    let theirs: HashMap<String, ArgumentItem> = student
        .case
        .argument_items()
        .into_iter()
        .map(|item| (model_id(&item, student_lang, model_lang), item))
        .collect();
    let items = model.case.argument_items();
    let found = items
        .iter()
        .filter(|item| {
            theirs.get(&item.id.value).is_some_and(|t| {
                model_lang != student_lang || alike(&item.text.value, &t.text.value)
            })
        })
        .count();
    found * 2 >= items.len()
}

/// Compares a student's valid case and its assessment with the model's.
pub fn compare(
    model: (&LoadedCase, &Assessment),
    student: (&LoadedCase, &Assessment),
    rubric: &GradeRubric,
) -> Comparison {
    let (model_case, model_assessment) = model;
    let (student_case, student_assessment) = student;
    let (model_lang, student_lang) = (model_case.case.language(), student_case.case.language());
    let student_items: HashMap<String, ArgumentItem> = student_case
        .case
        .argument_items()
        .into_iter()
        .map(|item| (model_id(&item, student_lang, model_lang), item))
        .collect();
    let model_items = model_case.case.argument_items();
    let mut stances = Vec::new();
    let mut missing = Vec::new();
    for item in &model_items {
        let theirs = student_items.get(&item.id.value);
        if theirs.is_none() {
            missing.push(item.id.value.clone());
        }
        for (discipline, stance) in item.stances.iter() {
            let Some(model_value) = stance.stance.value.value() else {
                continue;
            };
            let their_stance = theirs.and_then(|t| t.stances.get(discipline));
            let student_value = their_stance.and_then(|s| s.stance.value.value());
            let reasoning = match (their_stance, theirs) {
                (Some(s), Some(t)) => Reasoning::of(&s.reasoning.value, &t.text.value),
                _ => Reasoning::Missing,
            };
            stances.push(StanceRow {
                item: item.id.value.clone(),
                ground: item.kind.ground(),
                discipline,
                model: model_value,
                student: student_value,
                agreement: Agreement::of(model_value, student_value),
                reasoning,
                student_reasoning: their_stance.map(|s| s.reasoning.value.clone()),
            });
        }
    }
    let texts: Vec<&str> = stances
        .iter()
        .map(|r| match (&r.student_reasoning, r.reasoning) {
            (Some(text), Reasoning::Substantive) => text.as_str(),
            _ => "",
        })
        .collect();
    let repeated = repeats(&texts, REPEATED_TIMES);
    for (row, source) in stances.iter_mut().zip(repeated) {
        if source.is_some() && row.reasoning == Reasoning::Substantive {
            row.reasoning = Reasoning::Repeated;
        }
    }
    let mut added: Vec<String> = student_case
        .case
        .argument_items()
        .iter()
        .filter(|item| {
            let id = model_id(item, student_lang, model_lang);
            !model_items.iter().any(|m| m.id.value == id)
        })
        .map(|item| item.id.value.clone())
        .collect();
    added.dedup();
    let choice = model_assessment.choice;
    let verdicts: Vec<VerdictRow> = Ground::ALL
        .into_iter()
        .filter_map(|ground| {
            let m = model_assessment.grounds.get(&ground)?.get(&choice)?;
            let s = student_assessment.grounds.get(&ground)?.get(&choice)?;
            Some(VerdictRow {
                ground,
                model: m.verdict,
                student: s.verdict,
                model_score: m.score,
                student_score: s.score,
            })
        })
        .collect();
    // An empty reasoning is marked by the reasoning component; its finding would mark it twice.
    let warnings = |a: &Assessment| {
        a.findings
            .iter()
            .filter(|f| f.severity == Severity::Warning && f.code != "REASONING-MISSING")
            .count()
    };
    let mut codes: Vec<String> = Vec::new();
    for finding in &student_assessment.findings {
        if finding.severity == Severity::Warning && !codes.iter().any(|c| c == &finding.code) {
            codes.push(finding.code.to_string());
        }
    }
    let findings = FindingCounts {
        warnings: warnings(student_assessment),
        notes: student_assessment
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Info)
            .count(),
        model_warnings: warnings(model_assessment),
        codes,
    };
    let share = |part: f64, whole: usize| {
        if whole == 0 { 1.0 } else { part / whole as f64 }
    };
    let extra = findings.warnings.saturating_sub(findings.model_warnings) as f64;
    let components = Components {
        stances: share(
            stances.iter().map(|r| r.agreement.credit()).sum(),
            stances.len(),
        ),
        reasoning: share(
            stances.iter().filter(|r| r.credited()).count() as f64,
            stances.len(),
        ),
        verdicts: share(
            verdicts.iter().filter(|v| v.model == v.student).count() as f64,
            verdicts.len(),
        ),
        findings: (1.0 - extra / rubric.findings_allowance).clamp(0.0, 1.0),
    };
    let smart_total = student_assessment.smart.len() * 5;
    let smart_met = student_assessment
        .smart
        .iter()
        .flat_map(|s| s.letters.values())
        .filter(|met| **met)
        .count();
    Comparison {
        stances,
        missing,
        added,
        verdicts,
        choice: ChoiceCheck {
            model: choice,
            student: student_assessment.choice,
            contradicted: student_assessment
                .findings
                .iter()
                .any(|f| f.code == "CHOICE-CONTRADICTED"),
        },
        smart_met,
        smart_total,
        findings,
        components,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agreement_on_the_stance_scale() {
        assert_eq!(Agreement::of(2, Some(2)), Agreement::Same);
        assert_eq!(Agreement::of(2, Some(1)), Agreement::OneStep);
        assert_eq!(Agreement::of(1, Some(0)), Agreement::OneStep);
        assert_eq!(Agreement::of(2, Some(0)), Agreement::Further);
        assert_eq!(Agreement::of(1, Some(-1)), Agreement::Opposite);
        assert_eq!(Agreement::of(-2, None), Agreement::Missing);
    }

    #[test]
    fn reasoning_of_substance() {
        let item = "Een productieafdeling die efficiënt op maat produceert.";
        assert_eq!(Reasoning::of("  ", item), Reasoning::Missing);
        assert_eq!(Reasoning::of("Past goed.", item), Reasoning::Thin);
        assert_eq!(
            Reasoning::of(
                "een productieafdeling die efficiënt op maat produceert",
                item
            ),
            Reasoning::CopiesItem
        );
        assert_eq!(
            Reasoning::of(
                "Op maat produceren is de basis van een totaaloplossing.",
                item
            ),
            Reasoning::Substantive
        );
    }
}
