//! The three value disciplines of Treacy & Wiersema, and values kept per discipline.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A value discipline (Treacy & Wiersema, 1993/1995).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Discipline {
    /// Best total solution (klantpartnerschap).
    CustomerIntimacy,
    /// Quality, ease of purchase and low price (kostenleiderschap).
    OperationalExcellence,
    /// The best and/or newest product (productleiderschap).
    ProductLeadership,
}

impl Discipline {
    pub const ALL: [Discipline; 3] = [
        Discipline::CustomerIntimacy,
        Discipline::OperationalExcellence,
        Discipline::ProductLeadership,
    ];

    /// The key used in case files, JSON and templates.
    pub fn key(self) -> &'static str {
        match self {
            Discipline::CustomerIntimacy => "customer_intimacy",
            Discipline::OperationalExcellence => "operational_excellence",
            Discipline::ProductLeadership => "product_leadership",
        }
    }

    /// Reads a discipline as a student may write it: the English key or the Dutch name.
    pub fn parse(text: &str) -> Option<Discipline> {
        let normalised = text.trim().to_lowercase().replace([' ', '-'], "_");
        match normalised.as_str() {
            "customer_intimacy" | "klantpartnerschap" => Some(Discipline::CustomerIntimacy),
            "operational_excellence" | "kostenleiderschap" => {
                Some(Discipline::OperationalExcellence)
            }
            "product_leadership" | "productleiderschap" => Some(Discipline::ProductLeadership),
            _ => None,
        }
    }

    /// The two disciplines not chosen, in the fixed order of [`Discipline::ALL`].
    pub fn others(self) -> impl Iterator<Item = Discipline> {
        Discipline::ALL.into_iter().filter(move |d| *d != self)
    }
}

/// One optional value per discipline. Case files name the disciplines by their English key or
/// their Dutch name; any other key is an error.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "T: Deserialize<'de>"))]
pub struct PerDiscipline<T> {
    #[serde(
        default,
        alias = "klantpartnerschap",
        skip_serializing_if = "Option::is_none"
    )]
    pub customer_intimacy: Option<T>,
    #[serde(
        default,
        alias = "kostenleiderschap",
        skip_serializing_if = "Option::is_none"
    )]
    pub operational_excellence: Option<T>,
    #[serde(
        default,
        alias = "productleiderschap",
        skip_serializing_if = "Option::is_none"
    )]
    pub product_leadership: Option<T>,
}

impl<T> Default for PerDiscipline<T> {
    fn default() -> Self {
        Self {
            customer_intimacy: None,
            operational_excellence: None,
            product_leadership: None,
        }
    }
}

impl<T> PerDiscipline<T> {
    pub fn get(&self, discipline: Discipline) -> Option<&T> {
        match discipline {
            Discipline::CustomerIntimacy => self.customer_intimacy.as_ref(),
            Discipline::OperationalExcellence => self.operational_excellence.as_ref(),
            Discipline::ProductLeadership => self.product_leadership.as_ref(),
        }
    }

    /// The values present, with their discipline, in the fixed order of [`Discipline::ALL`].
    pub fn iter(&self) -> impl Iterator<Item = (Discipline, &T)> {
        Discipline::ALL
            .into_iter()
            .filter_map(|d| self.get(d).map(|value| (d, value)))
    }

    pub fn is_empty(&self) -> bool {
        self.iter().next().is_none()
    }
}
