//! What the assessment produces: scores with the contributions behind them, verdicts, and
//! findings. Serialised as `assessment.json`; read by every renderer.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::case::{Discipline, Ground};
use crate::diagnostics::Diagnostic;

/// The assessment of one case.
#[derive(Clone, Debug, Serialize)]
pub struct Assessment {
    /// The case's slug.
    pub case: String,
    pub choice: Discipline,
    /// Per ground (`A`–`D`), per discipline: the score and what it rests on.
    pub grounds: BTreeMap<Ground, BTreeMap<Discipline, GroundScore>>,
    pub overall: Overall,
    /// Per discipline, the overall verdict by the same rule as the choice's.
    pub verdicts: BTreeMap<Discipline, Verdict>,
    /// Per discipline, the mean of its four ground scores.
    pub totals: BTreeMap<Discipline, f64>,
    /// The SMART check per objective, in case order.
    pub smart: Vec<SmartCheck>,
    /// The confrontation matrix's totals, when the case has one.
    pub confrontation: Option<ConfrontationResult>,
    /// Every finding (assessment warnings and notes), in report order.
    pub findings: Vec<Diagnostic>,
}

/// The verdict on one ground, or overall.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Substantiated,
    Weak,
    Unsubstantiated,
}

/// G = Σ w·s / (2·Σ w) over the ground's argument items, with the items behind it.
#[derive(Clone, Debug, Serialize)]
pub struct GroundScore {
    pub score: f64,
    pub verdict: Verdict,
    /// A positive ground holding a -2.
    pub contradictory: bool,
    /// Σ w·s (the numerator).
    pub sum: f64,
    /// Σ w (the denominator is twice this).
    pub weight_total: f64,
    pub contributions: Vec<Contribution>,
}

/// One item's part in a ground score.
#[derive(Clone, Debug, Serialize)]
pub struct Contribution {
    pub item: String,
    /// -2…2; 0 when the item says nothing about the discipline.
    pub stance: i8,
    pub weight: f64,
}

#[derive(Clone, Debug, Serialize)]
pub struct Overall {
    pub verdict: Verdict,
    /// The chosen discipline's total.
    pub score: f64,
    /// The best-scoring discipline not chosen.
    pub runner_up: Discipline,
    pub runner_up_score: f64,
    /// The chosen total minus the runner-up's.
    pub margin: f64,
}

/// The SMART result of one objective.
#[derive(Clone, Debug, Serialize)]
pub struct SmartCheck {
    pub item: String,
    /// The target when written in words ("top-3 in the annual survey"); a number is in the case.
    pub target_in_words: Option<String>,
    /// The goals (`DL1`… / `G1`…) the objective works out: the descent from vision to objective.
    pub goals: Vec<String>,
    /// Per letter (`S`, `M`, `A`, `R`, `T`): whether the objective meets it.
    pub letters: BTreeMap<char, bool>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ConfrontationResult {
    /// Row totals per internal item (strengths, weaknesses), in case order.
    pub rows: Vec<(String, i64)>,
    /// Column totals per external item (opportunities, threats), in case order.
    pub columns: Vec<(String, i64)>,
    /// Totals of the quadrants `SO`, `ST`, `WO`, `WT`.
    pub quadrants: BTreeMap<String, i64>,
    /// offensive (SO), defensive (ST), repair (WO) or retreat (WT).
    pub posture: String,
    /// The scale the cells are scored on (`0-3`, `0-5`, `1-5` or `-2..2`).
    pub scale: crate::case::Scale,
    /// The scale as reports print it ("0–5").
    pub scale_shown: String,
    /// The highest-scored cells, as strategic issues: (internal, external, score).
    pub issues: Vec<(String, String, i64)>,
}
