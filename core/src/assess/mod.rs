//! The assessment: pure functions from a loaded case and a rubric to scores, verdicts and
//! findings. Every number traces back to the case items behind it.

mod answers;
mod confrontation;
mod coverage;
mod findings;
mod model;
mod scores;
mod smart;

pub use model::*;

use crate::case::{Discipline, LoadedCase};
use crate::rubric::Rubric;

/// The words of a verdict's key (`substantiated`, `weak`, `unsubstantiated`).
pub fn verdict_key(verdict: Verdict) -> &'static str {
    coverage::verdict_key(verdict)
}

/// Assesses one valid case. The case's choice must name a discipline (validation ensures it).
pub fn assess(loaded: &LoadedCase, rubric: &Rubric) -> Assessment {
    let case = &loaded.case;
    let choice = case.chosen().unwrap_or(Discipline::CustomerIntimacy);
    // Parsed once per process: parsing the locale file for every case cost a grading run of 300
    // submissions 9 % of its time.
    let locale = crate::messages::locale(case.language());
    let mut findings = findings::Findings::new(&loaded.path, locale);
    let grounds = scores::all_grounds(case, rubric);
    let totals = scores::totals(&grounds);
    let overall = scores::overall(choice, &grounds, &totals, rubric);
    let verdicts = Discipline::ALL
        .into_iter()
        .map(|d| (d, scores::overall_verdict(d, &grounds, &totals, rubric)))
        .collect();

    let name = findings.name(choice);
    let other = findings.name(overall.runner_up);
    let shown = |v: f64| findings.locale.amount(v);
    if overall.margin < 0.0 {
        let values = [
            ("choice", name.as_str()),
            ("other", other.as_str()),
            ("score", &shown(overall.score)),
            ("other_score", &shown(overall.runner_up_score)),
        ];
        findings.warn(
            case.choice.at,
            "CHOICE-CONTRADICTED",
            "choice_contradicted",
            &values,
            None,
        );
    } else if overall.margin < rubric.thin_margin {
        let values = [
            ("choice", name.as_str()),
            ("other", other.as_str()),
            ("margin", &shown(overall.margin)),
        ];
        findings.warn(case.choice.at, "THIN-MARGIN", "thin_margin", &values, None);
    }
    coverage::grounds(case, choice, &grounds, &mut findings);
    coverage::alternatives(case, choice, &mut findings);
    coverage::swot_and_objectives(case, &mut findings);
    coverage::goals(case, &mut findings);
    let smart = case
        .desired_situation
        .objectives
        .iter()
        .map(|o| smart::check(o, case.goals(), rubric, choice, &mut findings))
        .collect();
    coverage::paradoxes(case, choice, &mut findings);
    answers::answers(case, &loaded.source, &mut findings);
    let mut list = findings.list;
    list.sort_by_key(|f| (f.line, f.column));
    Assessment {
        case: loaded.slug.clone(),
        choice,
        grounds,
        overall,
        verdicts,
        totals,
        smart,
        confrontation: confrontation::assess(&case.current_situation),
        findings: list,
    }
}

/// The assessment as pretty JSON, as written to `assessment.json`.
pub fn to_json(assessment: &Assessment) -> String {
    let mut text = serde_json::to_string_pretty(assessment).unwrap_or_default();
    text.push('\n');
    text
}
