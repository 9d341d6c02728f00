//! The goals (doelen) of ground C: the step from the vision down to the SMART objectives.
//!
//! Written as a list of items with ids (`DL1`… in Dutch, `G1`… in English) that objectives name
//! in their `links`, or, in older cases, as one text. Read by hand rather than as an untagged
//! enum, so that a wrong value gets an ordinary "expected a list or a text" diagnostic.

use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::located::{ItemRef, Located, Text};

/// One goal: what the firm wants to reach, before it is made SMART.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// `DL1`, `DL2`… (nl) or `G1`, `G2`… (en).
    pub id: ItemRef,
    pub text: Text,
}

/// The goals as the case writes them.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(untagged)]
#[serde(from = "Located<Written>")]
pub enum Goals {
    List(Vec<Goal>),
    /// One text without ids (older cases): still read, with a note on how to add ids.
    Text(Text),
}

impl Goals {
    /// The goals with ids; none when they are one text.
    pub fn items(&self) -> &[Goal] {
        match self {
            Goals::List(goals) => goals,
            Goals::Text(_) => &[],
        }
    }
}

/// What was written, before the text gets its position.
pub enum Written {
    List(Vec<Goal>),
    Text(String),
}

impl From<Located<Written>> for Goals {
    fn from(written: Located<Written>) -> Self {
        match written.value {
            Written::List(goals) => Goals::List(goals),
            Written::Text(text) => Goals::Text(Located {
                value: text,
                at: written.at,
            }),
        }
    }
}

struct WrittenVisitor;

impl<'de> Visitor<'de> for WrittenVisitor {
    type Value = Written;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of goals (`- id:` and `text:`) or a text")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Written, E> {
        Ok(Written::Text(v.to_string()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Written, A::Error> {
        Vec::<Goal>::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(Written::List)
    }
}

impl<'de> Deserialize<'de> for Written {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(WrittenVisitor)
    }
}

pub(super) fn goals_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let goal = generator.subschema_for::<Goal>();
    schemars::json_schema!({
        "description": "The goals that follow from the vision, each with an id (DL1… in Dutch, G1… in English) that objectives name in `links`; older cases write one text",
        "oneOf": [
            { "type": "array", "items": goal },
            { "type": "string" }
        ]
    })
}
