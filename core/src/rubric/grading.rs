//! The mark: the rubric's `[grade]` weights over the comparison's components, mapped to the
//! Dutch 1–10 scale (one decimal, pass mark 5,5) or to points.

use serde::{Deserialize, Serialize};

/// The components of the mark, each between 0 and 1.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Components {
    /// Mean credit over the model's stances: 1 same, ½ one step off, 0 otherwise.
    pub stances: f64,
    /// Share of the model's stances for which the student gives a reasoning of substance for a
    /// stance the same as the model's or one step off.
    pub reasoning: f64,
    /// Share of the four grounds of the model's choice with the model's verdict.
    pub verdicts: f64,
    /// 1 − (warnings beyond the model's) ÷ the allowance, at least 0.
    pub findings: f64,
}

/// The `[grade]` section of the rubric; every key has a documented default (README).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct GradeRubric {
    /// Weight of stance agreement with the model.
    pub stances: f64,
    /// Weight of reasoning of substance for every stance the model takes.
    pub reasoning: f64,
    /// Weight of verdict agreement on the four grounds of the model's choice.
    pub verdicts: f64,
    /// Weight of the findings: warnings beyond the model's own cost marks.
    pub findings: f64,
    /// Warnings beyond the model's at which the findings component reaches 0.
    pub findings_allowance: f64,
    pub scale: Scale,
    /// The maximum with `scale = "points"`.
    pub points: f64,
    /// The lowest passing mark (on the scale used).
    pub pass: f64,
}

/// `dutch`: 1,0–10,0 with one decimal; `points`: 0 to `points`, one decimal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scale {
    Dutch,
    Points,
}

impl Default for GradeRubric {
    fn default() -> Self {
        Self {
            stances: 0.4,
            reasoning: 0.3,
            verdicts: 0.2,
            findings: 0.1,
            findings_allowance: 10.0,
            scale: Scale::Dutch,
            points: 100.0,
            pass: 5.5,
        }
    }
}

impl GradeRubric {
    /// What is wrong with the section, as the situation of its `RUBRIC` message
    /// (`diagnostics.RUBRIC.<situation>`) with its placeholder values, or `None`.
    pub fn problem(&self) -> Option<(&'static str, Vec<(&'static str, String)>)> {
        let weights = [self.stances, self.reasoning, self.verdicts, self.findings];
        if weights.iter().any(|w| !w.is_finite() || *w < 0.0) || weights.iter().sum::<f64>() <= 0.0
        {
            return Some(("grade_weights", Vec::new()));
        }
        if !(self.findings_allowance.is_finite() && self.findings_allowance > 0.0) {
            return Some(("grade_allowance", Vec::new()));
        }
        let (low, high) = self.range();
        if !(self.points.is_finite() && self.points > 0.0) || !(low..=high).contains(&self.pass) {
            let values = vec![("low", low.to_string()), ("high", high.to_string())];
            return Some(("grade_pass", values));
        }
        None
    }

    /// The lowest and the highest mark.
    pub fn range(&self) -> (f64, f64) {
        match self.scale {
            Scale::Dutch => (1.0, 10.0),
            Scale::Points => (0.0, self.points),
        }
    }

    /// The weighted share (0–1) of the components, and the mark it maps to, rounded to one decimal.
    pub fn mark(&self, components: &Components) -> Mark {
        let parts = [
            (self.stances, components.stances),
            (self.reasoning, components.reasoning),
            (self.verdicts, components.verdicts),
            (self.findings, components.findings),
        ];
        let total: f64 = parts.iter().map(|(w, _)| w).sum();
        let share = parts.iter().map(|(w, c)| w * c).sum::<f64>() / total;
        let (low, high) = self.range();
        let value = ((low + (high - low) * share) * 10.0).round() / 10.0;
        Mark {
            share,
            value,
            passed: value >= self.pass,
        }
    }

    /// The lowest mark: what an empty submission gets.
    pub fn lowest(&self) -> Mark {
        Mark {
            share: 0.0,
            value: self.range().0,
            passed: false,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mark {
    /// The weighted share of the components, 0–1.
    pub share: f64,
    /// The mark, one decimal.
    pub value: f64,
    pub passed: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn components(value: f64) -> Components {
        Components {
            stances: value,
            reasoning: value,
            verdicts: value,
            findings: value,
        }
    }

    #[test]
    fn the_dutch_scale_runs_from_one_to_ten_with_one_decimal() {
        let rubric = GradeRubric::default();
        assert_eq!(rubric.mark(&components(1.0)).value, 10.0);
        assert_eq!(rubric.mark(&components(0.0)).value, 1.0);
        let half = rubric.mark(&components(0.5));
        assert_eq!((half.value, half.passed), (5.5, true));
        assert_eq!(rubric.mark(&components(0.49)).value, 5.4);
        assert!(!rubric.mark(&components(0.49)).passed);
    }

    #[test]
    fn points_and_broken_weights() {
        let rubric = GradeRubric {
            scale: Scale::Points,
            points: 20.0,
            pass: 11.0,
            ..GradeRubric::default()
        };
        assert_eq!(rubric.mark(&components(0.75)).value, 15.0);
        assert_eq!(rubric.problem(), None);
        let broken = GradeRubric {
            stances: -1.0,
            ..GradeRubric::default()
        };
        assert!(broken.problem().is_some());
    }
}
