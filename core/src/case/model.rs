//! The case file: what a teacher or student writes in YAML, as Rust types.
//!
//! Every struct rejects unknown keys so a typo is reported instead of silently ignored. Values a
//! diagnostic may need to point at are [`Located`].

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::amount::{Amount, Baseline};
use super::discipline::{Discipline, PerDiscipline};
use super::goals::Goals;
use super::located::Located;
use super::scale::Scale;
use super::stance::Stance;

pub use super::located::{ItemRef, Text};

/// A whole case: one firm, one chosen value discipline, and the four grounds that substantiate it.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "casebook case")]
pub struct Case {
    pub meta: Meta,
    /// Opening text of the report: what the case shows and which assumptions it makes. The
    /// teacher's text: the student edition leaves it out.
    #[serde(default)]
    pub introduction: Option<Text>,
    /// Instructions for the students: shown in the student edition only (introductions and other
    /// free prose are the teacher's text and stay out of it).
    #[serde(default)]
    pub assignment: Option<Text>,
    /// The chosen value discipline: customer_intimacy (klantpartnerschap), operational_excellence
    /// (kostenleiderschap) or product_leadership (productleiderschap).
    pub choice: Located<String>,
    /// Ground A: decisions taken earlier at a higher level (the strategic framework).
    pub higher_decisions: HigherDecisions,
    /// Ground B: the current situation (SWOT and confrontation).
    pub current_situation: CurrentSituation,
    /// Ground C: the desired situation, down to SMART objectives.
    pub desired_situation: DesiredSituation,
    /// Ground D: general and own regularities.
    pub regularities: Regularities,
    /// What the choice means per business function.
    #[serde(default)]
    pub consequences: Consequences,
    /// Why each discipline not chosen is not the logical choice, and how the firm stays at its threshold.
    #[serde(default)]
    pub alternatives: Alternatives,
    /// Optional: customer leadership, its five paradoxes and the leader's capabilities.
    #[serde(default)]
    pub customer_leadership: Option<CustomerLeadership>,
    #[serde(default)]
    pub references: Vec<Reference>,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub title: Text,
    /// `nl` (default) or `en`: the language of the report's labels and generated sentences.
    #[serde(default)]
    pub language: Option<Located<String>>,
    #[serde(default)]
    pub author: Option<Text>,
    #[serde(default)]
    pub course: Option<Text>,
    /// `YYYY-MM-DD`; also the date printed in the PDF's metadata.
    #[serde(default)]
    pub date: Option<Located<String>>,
    pub organisation: Organisation,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub name: Text,
    /// The market and situation the firm operates in.
    pub context: Text,
}

/// A statement quoted in full and argued fragment by fragment (a mission, a vision).
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    pub text: Text,
    #[serde(default)]
    pub fragments: Vec<Argument>,
}

/// Ground A.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HigherDecisions {
    #[serde(default)]
    pub introduction: Option<Text>,
    /// Instructions for the students on this part: shown in the student edition only.
    #[serde(default)]
    pub assignment: Option<Text>,
    pub mission: Statement,
    #[serde(default)]
    pub vision: Option<Statement>,
    #[serde(default)]
    pub core_values: Vec<Argument>,
    #[serde(default)]
    pub conclusion: Option<Text>,
}

/// Ground B.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CurrentSituation {
    #[serde(default)]
    pub introduction: Option<Text>,
    /// Instructions for the students on this part: shown in the student edition only.
    #[serde(default)]
    pub assignment: Option<Text>,
    /// Ids `S1`, `S2`… in both languages.
    #[serde(default)]
    pub strengths: Vec<Argument>,
    /// Ids `Z1`… (nl) or `W1`… (en).
    #[serde(default)]
    pub weaknesses: Vec<Argument>,
    /// Ids `K1`… (nl) or `O1`… (en).
    #[serde(default)]
    pub opportunities: Vec<Argument>,
    /// Ids `B1`… (nl) or `T1`… (en).
    #[serde(default)]
    pub threats: Vec<Argument>,
    #[serde(default)]
    pub confrontation: Option<Confrontation>,
    #[serde(default)]
    pub conclusion: Option<Text>,
}

/// The confrontation matrix: internal items (strengths, weaknesses) against external ones
/// (opportunities, threats), each cell scored.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Confrontation {
    #[serde(default)]
    pub introduction: Option<Text>,
    /// The scale the cells are scored on: `0-3` (default), `0-5`, `1-5` or `-2..2`.
    #[serde(default)]
    #[schemars(schema_with = "scale_schema")]
    pub scale: Option<Located<String>>,
    pub cells: Vec<ConfrontationCell>,
}

impl Confrontation {
    /// The scale named, or `0-3` when none is (or an unknown one: validation reports it).
    pub fn scale(&self) -> Scale {
        self.scale
            .as_ref()
            .and_then(|s| Scale::parse(s))
            .unwrap_or_default()
    }

    /// The score of a pair; a pair the case leaves out has no relation (0, or 1 on `1-5`).
    pub fn score(&self, internal: &str, external: &str) -> i64 {
        self.cells
            .iter()
            .find(|c| c.internal.value == internal && c.external.value == external)
            .map_or_else(|| self.scale().no_relation(), |c| c.score.value)
    }
}

fn scale_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "description": "The scale the cells are scored on (default 0-3)",
        "type": "string",
        "enum": ["0-3", "0-5", "1-5", "-2..2"]
    })
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfrontationCell {
    /// A strength or weakness id.
    pub internal: ItemRef,
    /// An opportunity or threat id.
    pub external: ItemRef,
    /// How strongly the pair matters, on the matrix's scale: from 0 (not at all) to 3
    /// (decisively) by default.
    #[schemars(range(min = -2, max = 5))]
    pub score: Located<i64>,
    #[serde(default)]
    pub note: Option<Text>,
}

/// Ground C.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DesiredSituation {
    #[serde(default)]
    pub introduction: Option<Text>,
    /// Instructions for the students on this part: shown in the student edition only.
    #[serde(default)]
    pub assignment: Option<Text>,
    #[serde(default)]
    pub vision: Option<Text>,
    #[serde(default)]
    pub ambition: Option<Text>,
    /// The goals that follow from the vision: items with ids (`DL1`… / `G1`…) that objectives
    /// name in `links`, or one text.
    #[serde(default)]
    #[schemars(schema_with = "super::goals::goals_schema")]
    pub goals: Option<Goals>,
    #[serde(default)]
    pub objectives: Vec<Objective>,
    #[serde(default)]
    pub conclusion: Option<Text>,
}

/// Ground D.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Regularities {
    #[serde(default)]
    pub introduction: Option<Text>,
    /// Instructions for the students on this part: shown in the student edition only.
    #[serde(default)]
    pub assignment: Option<Text>,
    /// General regularities: the market, research, key success factors.
    #[serde(default)]
    pub general: Vec<Argument>,
    /// Own regularities: the firm's own evidence (e.g. its marketing audit).
    #[serde(default)]
    pub own: Vec<Argument>,
    #[serde(default)]
    pub conclusion: Option<Text>,
}

/// An argument item: one mission fragment, strength, opportunity, regularity…
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Argument {
    pub id: ItemRef,
    pub text: Text,
    /// How much the item counts in its ground's score (default 1).
    #[serde(default)]
    pub weight: Option<Located<f64>>,
    /// The stance and reasoning per discipline the item speaks to.
    #[serde(default)]
    pub stances: PerDiscipline<Stance>,
    /// The argument written out in full, as the worked example does for S2 and K1.
    #[serde(default)]
    pub worked_out: Option<Text>,
}

/// A SMART objective of ground C, with the structured fields the SMART check reads.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    pub id: ItemRef,
    pub text: Text,
    #[serde(default)]
    pub weight: Option<Located<f64>>,
    #[serde(default)]
    pub stances: PerDiscipline<Stance>,
    #[serde(default)]
    pub worked_out: Option<Text>,
    /// What is measured (e.g. "average share of wallet").
    #[serde(default)]
    pub metric: Option<Text>,
    /// Whom or what it covers (e.g. "existing customers").
    #[serde(default)]
    pub scope: Option<Text>,
    /// Where the metric stands now: a number, a text, or `{value, at}` with when it was measured
    /// (a date or a period such as "boekjaar 2025").
    #[serde(default)]
    #[schemars(schema_with = "super::amount::baseline_schema")]
    pub baseline: Option<Located<Baseline>>,
    /// A number in `unit`, or a text ("top-3 in the annual survey"; then `measurement` says how
    /// it is measured).
    #[serde(default)]
    #[schemars(schema_with = "super::amount::amount_schema")]
    pub target: Option<Located<Amount>>,
    #[serde(default)]
    pub unit: Option<Text>,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub deadline: Option<Located<String>>,
    /// A period such as "per year" or "within one year".
    #[serde(default)]
    pub period: Option<Text>,
    /// How the result is measured (e.g. "annual customer-satisfaction monitor").
    #[serde(default)]
    pub measurement: Option<Text>,
    /// Who is responsible for reaching it.
    #[serde(default)]
    pub owner: Option<Text>,
    /// Why the target can be reached (or is accepted by those who must reach it).
    #[serde(default)]
    pub feasibility: Option<Text>,
    /// Ids of the goals and items this objective follows from or serves.
    #[serde(default)]
    pub links: Vec<ItemRef>,
}

/// The functional consequences of the choice.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Consequences {
    #[serde(default)]
    pub introduction: Option<Text>,
    /// Instructions for the students on this part: shown in the student edition only.
    #[serde(default)]
    pub assignment: Option<Text>,
    #[serde(default)]
    pub functions: Vec<Consequence>,
}

/// The disciplines not chosen, each argued ground by ground. Keys are the disciplines'
/// English keys or Dutch names.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Alternatives {
    /// What holds for both alternatives, e.g. Treacy & Wiersema's threshold ("presteer afdoende").
    #[serde(default)]
    pub introduction: Option<Text>,
    /// Instructions for the students on this part: shown in the student edition only.
    #[serde(default)]
    pub assignment: Option<Text>,
    #[serde(default, alias = "klantpartnerschap")]
    pub customer_intimacy: Option<Alternative>,
    #[serde(default, alias = "kostenleiderschap")]
    pub operational_excellence: Option<Alternative>,
    #[serde(default, alias = "productleiderschap")]
    pub product_leadership: Option<Alternative>,
}

impl Alternatives {
    pub fn get(&self, discipline: Discipline) -> Option<&Alternative> {
        match discipline {
            Discipline::CustomerIntimacy => self.customer_intimacy.as_ref(),
            Discipline::OperationalExcellence => self.operational_excellence.as_ref(),
            Discipline::ProductLeadership => self.product_leadership.as_ref(),
        }
    }

    /// The alternatives present, in the fixed order of [`Discipline::ALL`].
    pub fn iter(&self) -> impl Iterator<Item = (Discipline, &Alternative)> {
        Discipline::ALL
            .into_iter()
            .filter_map(|d| self.get(d).map(|a| (d, a)))
    }
}

/// What the choice means for one business function.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Consequence {
    pub id: ItemRef,
    /// The business function, as it should be printed (e.g. "De marketingfunctie").
    pub function: Text,
    pub text: Text,
}

/// Why a discipline not chosen is not the logical choice, ground by ground.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Alternative {
    #[serde(default)]
    pub introduction: Option<Text>,
    #[serde(default)]
    pub higher_decisions: Option<AlternativeGround>,
    #[serde(default)]
    pub current_situation: Option<AlternativeGround>,
    #[serde(default)]
    pub desired_situation: Option<AlternativeGround>,
    #[serde(default)]
    pub regularities: Option<AlternativeGround>,
    /// How the firm still performs adequately on this discipline (market-conform, "presteer afdoende").
    #[serde(default)]
    pub threshold: Option<Text>,
}

impl Alternative {
    /// The grounds argued, with their letter, in the order A–D.
    pub fn grounds(&self) -> impl Iterator<Item = (super::Ground, &AlternativeGround)> {
        use super::Ground;
        [
            (Ground::A, &self.higher_decisions),
            (Ground::B, &self.current_situation),
            (Ground::C, &self.desired_situation),
            (Ground::D, &self.regularities),
        ]
        .into_iter()
        .filter_map(|(g, ground)| ground.as_ref().map(|ground| (g, ground)))
    }
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AlternativeGround {
    pub reasoning: Text,
    /// Ids of the items the reasoning rests on.
    #[serde(default)]
    pub items: Vec<ItemRef>,
}

/// Customer leadership (Moenaert & Robben, 2022) and its paradoxes.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomerLeadership {
    #[serde(default)]
    pub introduction: Option<Text>,
    /// Instructions for the students on this part: shown in the student edition only.
    #[serde(default)]
    pub assignment: Option<Text>,
    #[serde(default)]
    pub paradoxes: Vec<Paradox>,
    #[serde(default)]
    pub view: Option<LeaderView>,
    #[serde(default)]
    pub capabilities: Vec<Capability>,
}

/// One of the five paradoxes and how the firm embraces it ("both/and").
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Paradox {
    pub id: ItemRef,
    /// exploration_exploitation, short_term_long_term, standardisation_personalisation,
    /// control_flexibility or stability_change.
    pub paradox: Located<String>,
    pub tension: Text,
    #[serde(default)]
    pub example: Option<Text>,
    pub embrace: Text,
    /// The pole the firm leans to (e.g. `personalisation`), or `balanced`.
    #[serde(default)]
    pub leaning: Option<Located<String>>,
    /// Why the firm leans that way.
    #[serde(default)]
    pub leaning_reasoning: Option<Text>,
}

/// The customer leader's view of the firm, in four panels.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LeaderView {
    /// Why the firm exists for its customers: the value it creates.
    #[serde(default)]
    pub purpose: Option<Text>,
    /// The market as an arena: customers, competitors, trends.
    #[serde(default)]
    pub arena: Option<Text>,
    #[serde(default)]
    pub value_proposition: Option<Text>,
    /// The organisation and resources that deliver the proposition.
    #[serde(default)]
    pub organisation: Option<Text>,
}

/// A capability the leader needs (brain flexibility, brain resilience).
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Capability {
    pub id: ItemRef,
    /// brain_flexibility or brain_resilience.
    pub capability: Located<String>,
    pub text: Text,
    #[serde(default)]
    pub practices: Vec<Text>,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub id: ItemRef,
    /// The full reference (APA style; inline Markdown for italics).
    pub text: Text,
}
