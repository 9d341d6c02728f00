//! The case model: types read from YAML, loading with diagnostics, and validation.

mod amount;
mod comment;
mod discipline;
mod echoes;
mod fixes;
mod flow;
mod goals;
mod invisible;
mod load;
mod located;
mod model;
mod owner;
mod paradox;
mod quotes;
mod scale;
mod stance;
mod validate;
mod yaml_error;

pub use crate::lang::{Language, Position};
pub use amount::{Amount, Baseline, DatedBaseline};
pub use discipline::{Discipline, PerDiscipline};
pub use goals::{Goal, Goals};
pub use load::{LoadedCase, MAX_CASE_BYTES, load_source, slug_of};
pub use located::Located;
pub use model::*;
pub use paradox::{BALANCED, CAPABILITIES, PARADOXES, ParadoxKind};
pub use scale::Scale;
pub use stance::{Stance, StanceMark};
pub use validate::ANSWER_FIELDS;
pub(crate) use validate::{is_answer, texts};

use serde::{Deserialize, Serialize};

/// The four grounds on which the choice of a value discipline is substantiated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Ground {
    /// Higher-level decisions (strategic framework).
    A,
    /// Current situation (SWOT, confrontation).
    B,
    /// Desired situation (SMART objectives).
    C,
    /// General and own regularities.
    D,
}

impl Ground {
    pub const ALL: [Ground; 4] = [Ground::A, Ground::B, Ground::C, Ground::D];

    pub fn letter(self) -> &'static str {
        match self {
            Ground::A => "A",
            Ground::B => "B",
            Ground::C => "C",
            Ground::D => "D",
        }
    }

    /// The key of this ground's section in a case file.
    pub fn key(self) -> &'static str {
        match self {
            Ground::A => "higher_decisions",
            Ground::B => "current_situation",
            Ground::C => "desired_situation",
            Ground::D => "regularities",
        }
    }
}

/// What kind of item an argument is; decides its id letter and where it is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    MissionFragment,
    VisionFragment,
    CoreValue,
    Strength,
    Weakness,
    Opportunity,
    Threat,
    Objective,
    GeneralRegularity,
    OwnRegularity,
}

impl ItemKind {
    pub fn ground(self) -> Ground {
        match self {
            ItemKind::MissionFragment | ItemKind::VisionFragment | ItemKind::CoreValue => Ground::A,
            ItemKind::Strength | ItemKind::Weakness | ItemKind::Opportunity | ItemKind::Threat => {
                Ground::B
            }
            ItemKind::Objective => Ground::C,
            ItemKind::GeneralRegularity | ItemKind::OwnRegularity => Ground::D,
        }
    }

    /// The letters an id of this kind starts with in the given language, where the two languages
    /// differ (`K1` is a Dutch opportunity, `O1` an English one; `AW1` a Dutch general
    /// regularity, `GR1` an English one): what an id is translated by between languages.
    pub fn id_prefix(self, language: Language) -> Option<&'static str> {
        match (self, language) {
            (ItemKind::Weakness, Language::Nl) => Some("Z"),
            (ItemKind::Weakness, Language::En) => Some("W"),
            (ItemKind::Opportunity, Language::Nl) => Some("K"),
            (ItemKind::Opportunity, Language::En) => Some("O"),
            (ItemKind::Threat, Language::Nl) => Some("B"),
            (ItemKind::Threat, Language::En) => Some("T"),
            (ItemKind::Objective, Language::Nl) => Some("D"),
            (ItemKind::Objective, Language::En) => Some("OB"),
            (ItemKind::GeneralRegularity, Language::Nl) => Some("AW"),
            (ItemKind::GeneralRegularity, Language::En) => Some("GR"),
            (ItemKind::OwnRegularity, Language::Nl) => Some("EW"),
            (ItemKind::OwnRegularity, Language::En) => Some("OR"),
            _ => None,
        }
    }

    /// The letter a SWOT id must start with in the given language (`K1` is a Dutch opportunity).
    pub fn swot_letter(self, language: Language) -> Option<char> {
        match self {
            ItemKind::Strength => Some('S'),
            ItemKind::Weakness | ItemKind::Opportunity | ItemKind::Threat => {
                self.id_prefix(language)?.chars().next()
            }
            _ => None,
        }
    }
}

/// One argument item of any ground, seen uniformly: what the assessment scores.
#[derive(Clone, Copy, Debug)]
pub struct ArgumentItem<'a> {
    pub kind: ItemKind,
    pub id: &'a ItemRef,
    pub text: &'a Text,
    pub weight: Option<&'a Located<f64>>,
    pub stances: &'a PerDiscipline<Stance>,
    pub worked_out: Option<&'a Text>,
}

impl<'a> ArgumentItem<'a> {
    pub fn of(kind: ItemKind, argument: &'a Argument) -> Self {
        Self {
            kind,
            id: &argument.id,
            text: &argument.text,
            weight: argument.weight.as_ref(),
            stances: &argument.stances,
            worked_out: argument.worked_out.as_ref(),
        }
    }

    pub fn of_objective(objective: &'a Objective) -> Self {
        Self {
            kind: ItemKind::Objective,
            id: &objective.id,
            text: &objective.text,
            weight: objective.weight.as_ref(),
            stances: &objective.stances,
            worked_out: objective.worked_out.as_ref(),
        }
    }

    /// The weight the score uses: 1 unless the case says otherwise.
    pub fn weight_value(&self) -> f64 {
        self.weight.map_or(1.0, |w| w.value)
    }

    /// The stance towards a discipline as a number; an item silent on it counts as 0.
    pub fn stance_value(&self, discipline: Discipline) -> Option<i8> {
        self.stances
            .get(discipline)
            .and_then(|stance| stance.stance.value.value())
    }
}

impl Case {
    /// Every argument item of every ground, in the order of the report.
    pub fn argument_items(&self) -> Vec<ArgumentItem<'_>> {
        let a = &self.higher_decisions;
        let b = &self.current_situation;
        let d = &self.regularities;
        fn arguments(kind: ItemKind, list: &[Argument]) -> Vec<ArgumentItem<'_>> {
            list.iter()
                .map(|argument| ArgumentItem::of(kind, argument))
                .collect()
        }
        let mut items = arguments(ItemKind::MissionFragment, &a.mission.fragments);
        if let Some(vision) = &a.vision {
            items.extend(arguments(ItemKind::VisionFragment, &vision.fragments));
        }
        items.extend(arguments(ItemKind::CoreValue, &a.core_values));
        items.extend(arguments(ItemKind::Strength, &b.strengths));
        items.extend(arguments(ItemKind::Weakness, &b.weaknesses));
        items.extend(arguments(ItemKind::Opportunity, &b.opportunities));
        items.extend(arguments(ItemKind::Threat, &b.threats));
        items.extend(
            self.desired_situation
                .objectives
                .iter()
                .map(ArgumentItem::of_objective),
        );
        items.extend(arguments(ItemKind::GeneralRegularity, &d.general));
        items.extend(arguments(ItemKind::OwnRegularity, &d.own));
        items
    }

    /// The argument items of one ground.
    pub fn ground_items(&self, ground: Ground) -> Vec<ArgumentItem<'_>> {
        self.argument_items()
            .into_iter()
            .filter(|item| item.kind.ground() == ground)
            .collect()
    }

    /// Every id declared anywhere in the case, with its position, in file order per section.
    pub fn declared_ids(&self) -> Vec<&ItemRef> {
        let mut ids: Vec<&ItemRef> = self.argument_items().iter().map(|item| item.id).collect();
        ids.extend(self.goals().iter().map(|g| &g.id));
        ids.extend(self.consequences.functions.iter().map(|c| &c.id));
        if let Some(leadership) = &self.customer_leadership {
            ids.extend(leadership.paradoxes.iter().map(|p| &p.id));
            ids.extend(leadership.capabilities.iter().map(|c| &c.id));
        }
        ids.extend(self.references.iter().map(|r| &r.id));
        ids
    }

    /// The goals with ids (none when the case writes its goals as one text).
    pub fn goals(&self) -> &[Goal] {
        self.desired_situation
            .goals
            .as_ref()
            .map_or(&[], Goals::items)
    }

    /// The language of the case (`nl` when not given or not recognised; validation reports the latter).
    pub fn language(&self) -> Language {
        self.meta
            .language
            .as_ref()
            .and_then(|l| Language::parse(l))
            .unwrap_or_default()
    }

    /// The chosen discipline, when it names one.
    pub fn chosen(&self) -> Option<Discipline> {
        Discipline::parse(&self.choice)
    }
}
