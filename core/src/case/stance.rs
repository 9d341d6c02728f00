//! A stance: how strongly one item argues for (or against) one discipline, with the reasoning.

use schemars::JsonSchema;
use serde::de::{IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use super::Text;
use super::located::Located;

/// The stance as written: `--`, `-`, `0`, `+`, `++` or an integer from -2 to 2. It is kept as
/// written, whatever was written (`yes`, `1.5`, `~`, `[+]`), so that validation can point at a
/// value off the scale and say what to write instead of failing the whole file.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum StanceMark {
    Number(i64),
    Symbol(String),
    /// Anything that is neither a number nor text (a yes/no, a fraction, a list); its shape only.
    Other,
    /// Nothing written (`stance:` or `stance: ~`).
    Missing,
}

impl<'de> Deserialize<'de> for StanceMark {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(MarkVisitor)
    }
}

struct MarkVisitor;

impl<'de> Visitor<'de> for MarkVisitor {
    type Value = StanceMark;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("a stance")
    }
    fn visit_i64<E>(self, n: i64) -> Result<StanceMark, E> {
        Ok(StanceMark::Number(n))
    }
    fn visit_u64<E>(self, n: u64) -> Result<StanceMark, E> {
        Ok(i64::try_from(n).map_or(StanceMark::Other, StanceMark::Number))
    }
    fn visit_f64<E>(self, _: f64) -> Result<StanceMark, E> {
        Ok(StanceMark::Other)
    }
    fn visit_bool<E>(self, _: bool) -> Result<StanceMark, E> {
        Ok(StanceMark::Other)
    }
    fn visit_str<E>(self, text: &str) -> Result<StanceMark, E> {
        Ok(StanceMark::Symbol(text.to_string()))
    }
    fn visit_unit<E>(self) -> Result<StanceMark, E> {
        Ok(StanceMark::Missing)
    }
    fn visit_none<E>(self) -> Result<StanceMark, E> {
        Ok(StanceMark::Missing)
    }
    fn visit_some<D: Deserializer<'de>>(self, inner: D) -> Result<StanceMark, D::Error> {
        inner.deserialize_any(MarkVisitor)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<StanceMark, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(StanceMark::Other)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<StanceMark, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(StanceMark::Other)
    }
}

impl StanceMark {
    /// The stance as a number from -2 to 2, or `None` when it is out of range or unreadable.
    pub fn value(&self) -> Option<i8> {
        let number = match self {
            StanceMark::Other | StanceMark::Missing => return None,
            StanceMark::Number(n) => *n,
            StanceMark::Symbol(s) => match s.trim().replace('\u{2212}', "-").as_str() {
                "--" => -2,
                "-" => -1,
                "0" | "o" => 0,
                "+" => 1,
                "++" => 2,
                other => other.parse::<i64>().ok()?,
            },
        };
        (-2..=2)
            .contains(&number)
            .then(|| i8::try_from(number).ok())
            .flatten()
    }
}

/// The stance of one item towards one discipline.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Stance {
    /// `--`, `-`, `0`, `+`, `++` (quote `"-"` in YAML) or an integer from -2 to 2.
    #[schemars(schema_with = "stance_schema")]
    pub stance: Located<StanceMark>,
    /// Why the item argues this way for this discipline (inline Markdown).
    pub reasoning: Text,
}

fn stance_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "description": "--, -, 0, +, ++ or an integer from -2 to 2",
        "oneOf": [
            { "type": "integer", "minimum": -2, "maximum": 2 },
            { "type": "string", "enum": ["--", "-", "0", "+", "++", "-2", "-1", "1", "2"] }
        ]
    })
}

#[cfg(test)]
mod tests {
    use super::StanceMark;

    #[test]
    fn symbols_and_numbers_map_to_the_same_scale() {
        let symbol = |s: &str| StanceMark::Symbol(s.to_string()).value();
        assert_eq!(symbol("--"), Some(-2));
        assert_eq!(symbol("-"), Some(-1));
        assert_eq!(symbol("\u{2212}"), Some(-1));
        assert_eq!(symbol("0"), Some(0));
        assert_eq!(symbol("+"), Some(1));
        assert_eq!(symbol("++"), Some(2));
        assert_eq!(symbol("+++"), None);
        assert_eq!(StanceMark::Number(-2).value(), Some(-2));
        assert_eq!(StanceMark::Number(3).value(), None);
    }
}
