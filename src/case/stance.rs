//! A stance: how strongly one item argues for (or against) one discipline, with the reasoning.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Text;
use super::located::Located;

/// The stance as written: `--`, `-`, `0`, `+`, `++` or an integer from -2 to 2. It is kept as
/// written so that validation can point at a value out of range instead of failing the whole file.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum StanceMark {
    Number(i64),
    Symbol(String),
}

impl StanceMark {
    /// The stance as a number from -2 to 2, or `None` when it is out of range or unreadable.
    pub fn value(&self) -> Option<i8> {
        let number = match self {
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
