//! `Located<T>`: a case value together with the line and column it was written at.

use std::borrow::Cow;
use std::ops::Deref;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize, Serializer};

use crate::lang::Position;

/// Free text; inline Markdown (emphasis, links, lists) is allowed.
pub type Text = Located<String>;
/// A reference to the id of another item in the same case (`S2`, `K1`, `M3`…).
pub type ItemRef = Located<String>;

/// A value read from YAML with the position it was read at, so that every diagnostic and every
/// finding can point a student at the exact place in the file. The JSON Schema and the JSON
/// serialisation are those of the bare value.
#[derive(Clone, Debug, Deserialize)]
#[serde(from = "serde_saphyr::Spanned<T>", bound = "T: Deserialize<'de>")]
pub struct Located<T> {
    pub value: T,
    pub at: Position,
}

impl<T> Located<T> {
    /// A value that was not written in the file (defaults, generated starter cases).
    pub fn unplaced(value: T) -> Self {
        Self {
            value,
            at: Position::default(),
        }
    }
}

impl<T> From<serde_saphyr::Spanned<T>> for Located<T> {
    fn from(spanned: serde_saphyr::Spanned<T>) -> Self {
        let at = spanned.referenced;
        Self {
            value: spanned.value,
            at: Position {
                line: u32::try_from(at.line()).unwrap_or(u32::MAX),
                column: u32::try_from(at.column()).unwrap_or(u32::MAX),
            },
        }
    }
}

impl<T> Deref for Located<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: Serialize> Serialize for Located<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

impl<T: JsonSchema> JsonSchema for Located<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }
    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> Cow<'static, str> {
        T::schema_id()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}
