//! Targets (a number or words) and baselines (a number, with or without when it was measured,
//! or words).
//!
//! Read by hand rather than as an untagged enum, so that a wrong value gets the ordinary
//! "expected a number or a text" diagnostic instead of a message about enum variants.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::located::Located;

/// A target or baseline: a number (in the objective's `unit`) or a text
/// ("de voordeligste woonwinkel van Nederland").
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum Amount {
    Number(f64),
    Text(String),
}

/// A baseline: a number in the objective's `unit`, with or without the date or period it was
/// measured at, or a text ("ongeveer de helft van de vaste klanten"), as real cases write it.
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum Baseline {
    Dated(DatedBaseline),
    Plain(f64),
    Text(String),
}

impl Baseline {
    /// Whether it says where the metric stands (an empty text does not).
    pub fn is_given(&self) -> bool {
        !matches!(self, Baseline::Text(text) if text.trim().is_empty())
    }
}

/// `{value, at}`: a baseline with when it was measured.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DatedBaseline {
    pub value: f64,
    /// A date (`2024-12-31`) or a period ("boekjaar 2025").
    pub at: Located<String>,
}

struct AmountVisitor;

impl<'de> Visitor<'de> for AmountVisitor {
    type Value = Amount;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number or a text")
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Amount, E> {
        Ok(Amount::Number(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Amount, E> {
        // Exact for every amount a case holds (below 2^53).
        #[allow(clippy::cast_precision_loss)]
        Ok(Amount::Number(v as f64))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Amount, E> {
        #[allow(clippy::cast_precision_loss)]
        Ok(Amount::Number(v as f64))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Amount, E> {
        Ok(Amount::Text(v.to_string()))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Amount, E> {
        Err(E::invalid_type(de::Unexpected::Bool(v), &self))
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(AmountVisitor)
    }
}

struct BaselineVisitor;

impl<'de> Visitor<'de> for BaselineVisitor {
    type Value = Baseline;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number, a text, or `value:` and `at:`")
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Baseline, E> {
        Ok(Baseline::Plain(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Baseline, E> {
        #[allow(clippy::cast_precision_loss)]
        Ok(Baseline::Plain(v as f64))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Baseline, E> {
        #[allow(clippy::cast_precision_loss)]
        Ok(Baseline::Plain(v as f64))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Baseline, E> {
        Ok(Baseline::Text(v.to_string()))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Baseline, E> {
        Err(E::invalid_type(de::Unexpected::Bool(v), &self))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Baseline, A::Error> {
        DatedBaseline::deserialize(de::value::MapAccessDeserializer::new(map)).map(Baseline::Dated)
    }
}

impl<'de> Deserialize<'de> for Baseline {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(BaselineVisitor)
    }
}

pub(super) fn amount_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "description": "A number (in `unit`) or a text, e.g. \"top-3 in the annual survey\" (then `measurement` says how it is measured)",
        "type": ["number", "string"]
    })
}

pub(super) fn baseline_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "description": "Where the metric stands now: a number, a text, or `value` with `at`, when it was measured (a date or a period such as \"boekjaar 2025\")",
        "oneOf": [
            { "type": "number" },
            { "type": "string" },
            {
                "type": "object",
                "properties": {
                    "value": { "type": "number" },
                    "at": { "type": "string", "description": "A date (2024-12-31) or a period (\"boekjaar 2025\")" }
                },
                "required": ["value", "at"],
                "additionalProperties": false
            }
        ]
    })
}
