//! The rubric: the thresholds and letter meanings the assessment applies, and how grading
//! weighs a comparison into a mark ([`grading`]), parsed from the text of `casebook.toml`; every
//! key has a documented default.

pub mod grading;

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::case::Position;
use crate::diagnostics::Diagnostic;
use crate::messages;

/// The rubric's file name in the cases folder.
pub const RUBRIC_FILE: &str = "casebook.toml";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Rubric {
    /// A ground score at or above this is `substantiated`.
    pub substantiated: f64,
    /// A ground score at or above this (and below `substantiated`) is `weak`.
    pub weak: f64,
    /// A margin to the runner-up below this is "thin".
    pub thin_margin: f64,
    /// What the A of SMART asks.
    pub smart_a: SmartA,
    /// What the R of SMART asks.
    pub smart_r: SmartR,
    /// Ruled lines per item in the student edition's worksheet (1–20).
    pub worksheet_lines: u8,
    /// How grading weighs the comparison with the model answer and turns it into a mark.
    pub grade: grading::GradeRubric,
}

/// A: acceptable (someone owns it) or achievable (a baseline or a feasibility argument).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmartA {
    Acceptable,
    Achievable,
}

/// R: relevant (linked to the analysis or arguing for the choice) or realistic (a feasibility argument).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmartR {
    Relevant,
    Realistic,
}

impl Default for Rubric {
    fn default() -> Self {
        Self {
            substantiated: 0.5,
            weak: 0.2,
            thin_margin: 0.2,
            smart_a: SmartA::Achievable,
            smart_r: SmartR::Relevant,
            worksheet_lines: 4,
            grade: grading::GradeRubric::default(),
        }
    }
}

impl Rubric {
    /// Parses a rubric file's text (`path` names it in the diagnostics); its problems come back
    /// as diagnostics with line and column.
    pub fn parse(path: &Path, text: &str) -> Result<Rubric, Diagnostic> {
        let language = messages::user_language();
        let said = |at, situation, values: &[(&str, &str)]| {
            Diagnostic::worded(path, at, language, "RUBRIC", situation, values)
        };
        let rubric: Rubric = toml::from_str(text).map_err(|err| {
            let span = err.span().unwrap_or_default();
            let at = position_of(text, span.start);
            let written = text.get(span.clone()).unwrap_or_default().trim();
            let key = text[..span.start.min(text.len())]
                .rsplit('\n')
                .next()
                .and_then(|line| line.split('=').next())
                .unwrap_or_default()
                .trim();
            // toml's own words tell the failures apart; they are never shown.
            let message = err.message();
            if message.starts_with("unknown field") {
                // The keys allowed where it stands, as toml names them: `[grade]`'s or the top's.
                let allowed: Vec<&str> = message
                    .split_once("expected")
                    .map(|(_, list)| list.split('`').skip(1).step_by(2).collect())
                    .unwrap_or_default();
                let near = crate::diagnostics::closest(written, &allowed);
                let section = text[..span.start.min(text.len())]
                    .lines()
                    .rev()
                    .find_map(|line| line.trim().strip_prefix('[')?.split(']').next());
                let situation = match (section.map(str::trim), near) {
                    (Some("grade"), Some(_)) => "unknown_grade_key_near",
                    (Some("grade"), None) => "unknown_grade_key",
                    (_, Some(_)) => "unknown_key_near",
                    (_, None) => "unknown_key",
                };
                let near = near.unwrap_or_default();
                said(at, situation, &[("key", written), ("near", near)])
            } else if message.starts_with("unknown variant") {
                said(at, "unknown_value", &[("value", written)])
            } else if message.contains("expected f64") {
                let suggestion = written.trim_matches(['"', '\'']).replace(',', ".");
                let suggestion = if suggestion.parse::<f64>().is_ok() {
                    suggestion
                } else {
                    "0.5".to_string()
                };
                said(
                    at,
                    "not_a_number",
                    &[
                        ("key", key),
                        ("value", written),
                        ("suggestion", &suggestion),
                    ],
                )
            } else {
                said(at, "invalid", &[])
            }
        })?;
        let ordered = (-1.0..=1.0).contains(&rubric.weak)
            && rubric.weak <= rubric.substantiated
            && rubric.substantiated <= 1.0
            && (0.0..=2.0).contains(&rubric.thin_margin);
        if let Some((situation, values)) = rubric.grade.problem() {
            // The section's header is where a teacher looks; without one, the file.
            let at = text
                .find("[grade]")
                .map_or_else(Position::default, |offset| position_of(text, offset));
            return Err(said(at, situation, &messages::pairs(&values)));
        }
        if !ordered {
            return Err(said(Position::default(), "unordered", &[]));
        }
        if !(1..=20).contains(&rubric.worksheet_lines) {
            let line = text
                .find("worksheet_lines")
                .map(|at| position_of(text, at))
                .unwrap_or_default();
            return Err(said(line, "worksheet_lines", &[]));
        }
        Ok(rubric)
    }
}

fn position_of(text: &str, offset: usize) -> Position {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Position {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        column: u32::try_from(column).unwrap_or(u32::MAX),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_unknown_keys() {
        let path = Path::new(RUBRIC_FILE);
        let rubric = Rubric::parse(path, "weak = 0.1\n").expect("valid rubric");
        assert_eq!(rubric.weak, 0.1);
        assert_eq!(rubric.substantiated, 0.5);
        let err = Rubric::parse(path, "weak = 0.1\nstrict = true\n").expect_err("unknown key");
        assert_eq!((err.line, err.column, err.code.as_ref()), (2, 1, "RUBRIC"));
    }
}
