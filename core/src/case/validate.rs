//! Validation: the rules a case must meet beyond its YAML shape (ids, references, ranges, limits).

use std::collections::HashMap;
use std::path::Path;

use super::discipline::Discipline;
use super::located::Located;
use super::model::*;
use super::paradox::{BALANCED, CAPABILITIES, PARADOXES, ParadoxKind};
use super::{Amount, Baseline, Goals, ItemKind, Language, Scale};
use crate::diagnostics::Diagnostic;
use crate::lang::Position;

/// Fields a student may leave empty (`""`) while working: `check` reports that as unfinished
/// work, not as an error. All are answers but `feasibility`, a SMART field a student may write
/// for an objective of their own.
pub const ANSWER_FIELDS: &[&str] = &[
    "reasoning",
    "conclusion",
    "threshold",
    "embrace",
    "leaning_reasoning",
    "feasibility",
    "purpose",
    "arena",
    "value_proposition",
    "organisation",
];

/// What a word processor makes of a typed minus: en dash, em dash, figure dash, hyphen.
const DASHES: [char; 4] = ['\u{2013}', '\u{2014}', '\u{2012}', '\u{2010}'];

/// What Word's autocorrect makes of typed quotes: curly double and single quotes.
const CURLY_QUOTES: [char; 6] = [
    '\u{201C}', '\u{201D}', '\u{201E}', '\u{2018}', '\u{2019}', '\u{201A}',
];

/// Most items one list may hold; far above any real case, low enough to keep reports readable.
pub const MAX_ITEMS_PER_LIST: usize = 200;
/// Longest free text, in characters.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// Longest id, in characters.
pub const MAX_ID_CHARS: usize = 32;

/// Checks a parsed case read from `source`; returns every problem found (none when the case is
/// valid).
pub fn validate(path: &Path, case: &Case, source: &str) -> Vec<Diagnostic> {
    let mut check = Checker {
        path,
        source,
        language: case.language(),
        out: Vec::new(),
    };
    check.meta(&case.meta);
    let chosen = check.choice(&case.choice);
    check.ids(case);
    check.references(case);
    check.stances_and_weights(case);
    check.texts(case);
    check.list_sizes(case);
    check.confrontation_scores(case);
    check.alternatives(case, chosen);
    check.leadership(case);
    check.objectives(case);
    let language = check.language;
    check
        .out
        .extend(super::comment::cut_by_comment(path, case, source, language));
    super::echoes::fold(&mut check.out, case);
    check.out.sort_by_key(|d| (d.line, d.column));
    check.out
}

struct Checker<'p> {
    path: &'p Path,
    /// The case's text, to quote a value as it was written.
    source: &'p str,
    /// The case's language: its messages are in it.
    language: Language,
    out: Vec<Diagnostic>,
}

impl Checker<'_> {
    /// Records an error worded by `diagnostics.<code>.<situation>` in the case's language.
    fn error(
        &mut self,
        at: Position,
        code: &'static str,
        situation: &str,
        values: &[(&str, &str)],
    ) -> &mut Diagnostic {
        let d = Diagnostic {
            fix: super::fixes::line_fix(self.source, at, situation, values),
            ..Diagnostic::worded(self.path, at, self.language, code, situation, values)
        };
        self.out.push(d);
        let last = self.out.len() - 1;
        &mut self.out[last]
    }

    fn meta(&mut self, meta: &Meta) {
        if let Some(language) = &meta.language {
            if Language::parse(language).is_none() {
                self.error(
                    language.at,
                    "UNKNOWN-LANGUAGE",
                    "unknown",
                    &[("value", &language.value)],
                );
            }
        }
        if let Some(date) = &meta.date {
            self.date(date);
        }
    }

    fn date(&mut self, date: &Located<String>) {
        if !is_iso_date(date) {
            self.error(date.at, "BAD-DATE", "not_a_date", &[("value", &date.value)]);
        }
    }

    fn choice(&mut self, choice: &Located<String>) -> Option<Discipline> {
        let chosen = Discipline::parse(choice);
        if chosen.is_none() {
            self.error(
                choice.at,
                "UNKNOWN-DISCIPLINE",
                "unknown",
                &[("value", &choice.value)],
            );
        }
        chosen
    }

    fn ids(&mut self, case: &Case) {
        let mut seen: HashMap<&str, Position> = HashMap::new();
        for id in case.declared_ids() {
            let valid = id
                .value
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic())
                && id
                    .value
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c))
                && id.value.chars().count() <= MAX_ID_CHARS;
            if !valid {
                let limit = MAX_ID_CHARS.to_string();
                self.error(
                    id.at,
                    "BAD-ID",
                    "malformed",
                    &[("id", &id.value), ("limit", &limit)],
                );
            } else if let Some(first) = seen.get(id.value.as_str()) {
                let first = first.line.to_string();
                // In English, O is an opportunity; an objective that takes it needs OB.
                let number = id.value.strip_prefix('O').filter(|n| {
                    case.language() == Language::En
                        && n.chars().all(|c| c.is_ascii_digit())
                        && case
                            .desired_situation
                            .objectives
                            .iter()
                            .any(|o| o.id.value == id.value)
                });
                let situation = if number.is_some() {
                    "twice_objective"
                } else {
                    "twice"
                };
                let values = [
                    ("id", id.value.as_str()),
                    ("first", &first),
                    ("number", number.unwrap_or_default()),
                ];
                self.error(id.at, "DUPLICATE-ID", situation, &values).item = Some(id.value.clone());
            } else {
                seen.insert(id.value.as_str(), id.at);
            }
        }
        let language = case.language();
        for item in case.argument_items() {
            let Some(letter) = item.kind.swot_letter(language) else {
                continue;
            };
            let id = item.id;
            let fits = id.value.starts_with(letter)
                && id.value[1..].chars().all(|c| c.is_ascii_digit())
                && id.value.len() > 1;
            if !fits {
                let letter = letter.to_string();
                let values = [
                    ("id", id.value.as_str()),
                    ("letter", letter.as_str()),
                    ("language", language.code()),
                ];
                self.error(id.at, "ID-PREFIX", kind_key(item.kind), &values)
                    .item = Some(id.value.clone());
            }
        }
        let letters = match language {
            Language::Nl => "DL",
            Language::En => "G",
        };
        for goal in case.goals() {
            let id = &goal.id;
            let number = id.value.strip_prefix(letters).unwrap_or_default();
            if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit()) {
                let values = [
                    ("id", id.value.as_str()),
                    ("letter", letters),
                    ("language", language.code()),
                ];
                self.error(id.at, "ID-PREFIX", "goal", &values).item = Some(id.value.clone());
            }
        }
    }

    fn references(&mut self, case: &Case) {
        let items = case.argument_items();
        let kind_of = |id: &str| items.iter().find(|i| i.id.value == id).map(|i| i.kind);
        let mut declared: Vec<&str> = case
            .declared_ids()
            .iter()
            .map(|id| id.value.as_str())
            .collect();
        declared.sort_unstable();
        declared.dedup();
        let ids = preview(&declared);
        let mut dangling = |at: Position, id: &str, situation: &str, from: &str| {
            let values = [("id", id), ("from", from), ("ids", ids.as_str())];
            self.error(at, "DANGLING-ID", situation, &values).item = Some(id.to_string());
        };
        if let Some(matrix) = &case.current_situation.confrontation {
            for cell in &matrix.cells {
                let internal = kind_of(&cell.internal);
                if !matches!(internal, Some(ItemKind::Strength | ItemKind::Weakness)) {
                    dangling(cell.internal.at, &cell.internal, "internal", "");
                }
                let external = kind_of(&cell.external);
                if !matches!(external, Some(ItemKind::Opportunity | ItemKind::Threat)) {
                    dangling(cell.external.at, &cell.external, "external", "");
                }
            }
        }
        let known = |id: &str| declared.contains(&id);
        for objective in &case.desired_situation.objectives {
            for link in objective.links.iter().filter(|l| !known(l)) {
                dangling(link.at, link, "link", &objective.id.value);
            }
        }
        for (discipline, alternative) in case.alternatives.iter() {
            for (_, ground) in alternative.grounds() {
                for item in ground.items.iter().filter(|i| !known(i)) {
                    dangling(item.at, item, "alternative", discipline.key());
                }
            }
        }
    }

    fn stances_and_weights(&mut self, case: &Case) {
        for item in case.argument_items() {
            for (_, stance) in item.stances.iter() {
                // A worksheet's stance left as `""` is a question not yet answered, not a mistake.
                let unanswered = matches!(&stance.stance.value, super::StanceMark::Symbol(s) if s.trim().is_empty());
                if stance.stance.value.value().is_none() && !unanswered {
                    let written = super::yaml_error::written_at(self.source, stance.stance.at);
                    let curly = match &stance.stance.value {
                        super::StanceMark::Symbol(s) => s.trim().strip_prefix(CURLY_QUOTES),
                        _ => None,
                    }
                    .map(|s| s.trim_end_matches(CURLY_QUOTES));
                    let situation = match &stance.stance.value {
                        super::StanceMark::Missing => "missing",
                        _ if curly.is_some() => "curly_quotes",
                        super::StanceMark::Symbol(s) if s.contains(DASHES) => "dash",
                        _ => "off_scale",
                    };
                    // The mark as it should read, for the fix: a dash typed as a minus.
                    let inner = curly
                        .unwrap_or(written.trim_matches(['"', '\'']))
                        .replace(DASHES, "-");
                    self.error(
                        stance.stance.at,
                        "STANCE-RANGE",
                        situation,
                        &[("value", &written), ("inner", &inner)],
                    )
                    .item = Some(item.id.value.clone());
                }
            }
            if let Some(weight) = item.weight {
                if !(weight.value.is_finite() && weight.value > 0.0 && weight.value <= 100.0) {
                    let value = weight.value.to_string();
                    self.error(
                        weight.at,
                        "BAD-WEIGHT",
                        "out_of_range",
                        &[("value", &value)],
                    )
                    .item = Some(item.id.value.clone());
                }
            }
        }
    }

    fn texts(&mut self, case: &Case) {
        for (item, field, text) in texts(case) {
            let chars = text.value.chars().count();
            let (length, limit) = (chars.to_string(), MAX_TEXT_CHARS.to_string());
            // An answer left empty is work still to do (a student's starter case), not an error.
            let problem = if text.value.trim().is_empty() && is_answer(case, item, field) {
                None
            } else if text.value.trim().is_empty() {
                Some(("EMPTY-TEXT", "empty", String::new(), String::new()))
            } else if chars > MAX_TEXT_CHARS {
                Some(("TEXT-TOO-LONG", "too_long", String::new(), String::new()))
            } else {
                control_character(&text.value).map(|(position, c)| {
                    let code_point = format!("U+{:04X}", u32::from(c));
                    (
                        "CONTROL-CHARACTER",
                        "control",
                        position.to_string(),
                        code_point,
                    )
                })
            };
            if let Some((code, situation, position, code_point)) = problem {
                let values = [
                    ("key", field),
                    ("length", length.as_str()),
                    ("limit", limit.as_str()),
                    ("position", position.as_str()),
                    ("character", code_point.as_str()),
                ];
                let d = self.error(text.at, code, situation, &values);
                d.item = item.map(str::to_string);
            }
        }
    }

    fn list_sizes(&mut self, case: &Case) {
        let b = &case.current_situation;
        let goals = case.goals();
        let lists: [(&str, usize, Position); 10] = [
            (
                "mission.fragments",
                case.higher_decisions.mission.fragments.len(),
                first_at(&case.higher_decisions.mission.fragments),
            ),
            (
                "core_values",
                case.higher_decisions.core_values.len(),
                first_at(&case.higher_decisions.core_values),
            ),
            ("strengths", b.strengths.len(), first_at(&b.strengths)),
            ("weaknesses", b.weaknesses.len(), first_at(&b.weaknesses)),
            (
                "opportunities",
                b.opportunities.len(),
                first_at(&b.opportunities),
            ),
            ("threats", b.threats.len(), first_at(&b.threats)),
            (
                "goals",
                goals.len(),
                goals.first().map(|g| g.id.at).unwrap_or_default(),
            ),
            (
                "objectives",
                case.desired_situation.objectives.len(),
                case.desired_situation
                    .objectives
                    .first()
                    .map(|o| o.id.at)
                    .unwrap_or_default(),
            ),
            (
                "general",
                case.regularities.general.len(),
                first_at(&case.regularities.general),
            ),
            (
                "own",
                case.regularities.own.len(),
                first_at(&case.regularities.own),
            ),
        ];
        for (name, count, at) in lists {
            if count > MAX_ITEMS_PER_LIST {
                let (count, limit) = (count.to_string(), MAX_ITEMS_PER_LIST.to_string());
                let values = [("key", name), ("count", &count), ("limit", &limit)];
                self.error(at, "TOO-MANY-ITEMS", "too_many", &values);
            }
        }
    }

    fn confrontation_scores(&mut self, case: &Case) {
        let Some(matrix) = &case.current_situation.confrontation else {
            return;
        };
        if let Some(scale) = matrix.scale.as_ref().filter(|s| Scale::parse(s).is_none()) {
            self.error(
                scale.at,
                "UNKNOWN-SCALE",
                "unknown",
                &[("value", &scale.value)],
            );
        }
        let scale = matrix.scale();
        let (min, max) = scale.range();
        let (low, high) = (min.to_string(), max.to_string());
        let mut seen: HashMap<(&str, &str), u32> = HashMap::new();
        for cell in &matrix.cells {
            if !(min..=max).contains(&cell.score.value) {
                let value = cell.score.value.to_string();
                let values = [
                    ("value", value.as_str()),
                    ("min", &low),
                    ("max", &high),
                    ("scale", scale.key()),
                ];
                self.error(cell.score.at, "SCORE-RANGE", "out_of_range", &values);
            }
            let key = (cell.internal.value.as_str(), cell.external.value.as_str());
            if let Some(line) = seen.insert(key, cell.internal.at.line) {
                let line = line.to_string();
                let values = [("internal", key.0), ("external", key.1), ("first", &line)];
                self.error(cell.internal.at, "DUPLICATE-CELL", "twice", &values);
            }
        }
    }

    fn alternatives(&mut self, case: &Case, chosen: Option<Discipline>) {
        let Some(chosen) = chosen else { return };
        if case.alternatives.get(chosen).is_some() {
            self.error(
                case.choice.at,
                "ALTERNATIVE-IS-CHOICE",
                "chosen",
                &[("discipline", chosen.key())],
            );
        }
    }

    fn leadership(&mut self, case: &Case) {
        let Some(leadership) = &case.customer_leadership else {
            return;
        };
        let keys: Vec<&str> = PARADOXES.iter().map(|p| p.key).collect();
        for paradox in &leadership.paradoxes {
            let Some(kind) = ParadoxKind::find(&paradox.paradox) else {
                let allowed = keys.join(", ");
                let values = [
                    ("value", paradox.paradox.value.as_str()),
                    ("allowed", &allowed),
                ];
                self.error(paradox.paradox.at, "UNKNOWN-PARADOX", "unknown", &values)
                    .item = Some(paradox.id.value.clone());
                continue;
            };
            if let Some(leaning) = paradox
                .leaning
                .as_ref()
                .filter(|l| !l.value.trim().is_empty())
            {
                if !kind.poles.contains(&leaning.value.trim()) && leaning.value.trim() != BALANCED {
                    let values = [
                        ("value", leaning.value.as_str()),
                        ("paradox", kind.key),
                        ("first", kind.poles[0]),
                        ("second", kind.poles[1]),
                        ("balanced", BALANCED),
                    ];
                    self.error(leaning.at, "UNKNOWN-POLE", "unknown", &values)
                        .item = Some(paradox.id.value.clone());
                }
            }
        }
        for capability in &leadership.capabilities {
            if !CAPABILITIES.contains(&capability.capability.value.trim()) {
                let allowed = CAPABILITIES.join(", ");
                let values = [
                    ("value", capability.capability.value.as_str()),
                    ("allowed", &allowed),
                ];
                self.error(
                    capability.capability.at,
                    "UNKNOWN-CAPABILITY",
                    "unknown",
                    &values,
                )
                .item = Some(capability.id.value.clone());
            }
        }
    }

    fn objectives(&mut self, case: &Case) {
        for objective in &case.desired_situation.objectives {
            if let Some(deadline) = &objective.deadline {
                self.date(deadline);
            }
            // `7,5` is a Dutch decimal number, not a target or a baseline in words.
            let target = match &objective.target {
                Some(Located {
                    value: Amount::Text(text),
                    at,
                }) => Some((text, *at, "decimal_comma")),
                _ => None,
            };
            let baseline = match &objective.baseline {
                Some(Located {
                    value: Baseline::Text(text),
                    at,
                }) => Some((text, *at, "decimal_comma_baseline")),
                _ => None,
            };
            for (text, at, situation) in target.into_iter().chain(baseline) {
                let number = text.trim().replace(',', ".");
                if text.contains(',') && number.parse::<f64>().is_ok() {
                    let values = [("value", text.trim()), ("number", number.as_str())];
                    self.error(at, "WRONG-TYPE", situation, &values).item =
                        Some(objective.id.value.clone());
                }
            }
        }
    }
}

fn first_at(list: &[Argument]) -> Position {
    list.first().map(|a| a.id.at).unwrap_or_default()
}

/// The situation of an `ID-PREFIX` error: which SWOT kind the id belongs to.
fn kind_key(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Strength => "strength",
        ItemKind::Weakness => "weakness",
        ItemKind::Opportunity => "opportunity",
        ItemKind::Threat => "threat",
        _ => "item",
    }
}

fn preview(ids: &[&str]) -> String {
    let mut shown: Vec<&str> = ids.iter().take(12).copied().collect();
    if ids.len() > shown.len() {
        shown.push("…");
    }
    shown.join(", ")
}

fn is_iso_date(text: &str) -> bool {
    let parts: Vec<&str> = text.trim().split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return false;
    };
    let number = |s: &str, len: usize| {
        (s.len() == len && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    matches!(
        (number(year, 4), number(month, 2), number(day, 2)),
        (Some(_), Some(1..=12), Some(1..=31))
    )
}

/// The first control character in a text (tabs and line breaks are text), with its position
/// counted in characters from 1.
fn control_character(text: &str) -> Option<(usize, char)> {
    text.chars()
        .enumerate()
        .find(|(_, c)| c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
        .map(|(i, c)| (i + 1, c))
}

/// Whether the text under `field` (of `item`) is one of a student's answers, which a starter case
/// leaves empty: the answer fields, and the text of a consequence or a capability.
pub(crate) fn is_answer(case: &Case, item: Option<&str>, field: &str) -> bool {
    ANSWER_FIELDS.contains(&field)
        || (field == "text"
            && item.is_some_and(|id| {
                case.consequences.functions.iter().any(|f| f.id.value == id)
                    || case
                        .customer_leadership
                        .as_ref()
                        .is_some_and(|l| l.capabilities.iter().any(|c| c.id.value == id))
            }))
}

/// Every free text of a case with the item it belongs to and the key it was written under.
pub(crate) fn texts(case: &Case) -> Vec<(Option<&str>, &'static str, &Text)> {
    let mut out: Vec<(Option<&str>, &'static str, &Text)> = Vec::new();
    fn optional<'c>(
        out: &mut Vec<(Option<&'c str>, &'static str, &'c Text)>,
        field: &'static str,
        text: &'c Option<Text>,
    ) {
        if let Some(text) = text {
            out.push((None, field, text));
        }
    }
    out.push((None, "title", &case.meta.title));
    optional(&mut out, "author", &case.meta.author);
    optional(&mut out, "course", &case.meta.course);
    out.push((None, "name", &case.meta.organisation.name));
    out.push((None, "context", &case.meta.organisation.context));
    for assignment in [
        &case.assignment,
        &case.higher_decisions.assignment,
        &case.current_situation.assignment,
        &case.desired_situation.assignment,
        &case.regularities.assignment,
        &case.consequences.assignment,
        &case.alternatives.assignment,
    ] {
        optional(&mut out, "assignment", assignment);
    }
    let a = &case.higher_decisions;
    optional(&mut out, "introduction", &a.introduction);
    out.push((None, "text", &a.mission.text));
    if let Some(vision) = &a.vision {
        out.push((None, "text", &vision.text));
    }
    optional(&mut out, "conclusion", &a.conclusion);
    let b = &case.current_situation;
    optional(&mut out, "introduction", &b.introduction);
    optional(&mut out, "conclusion", &b.conclusion);
    if let Some(matrix) = &b.confrontation {
        optional(&mut out, "introduction", &matrix.introduction);
        for cell in &matrix.cells {
            optional(&mut out, "note", &cell.note);
        }
    }
    let c = &case.desired_situation;
    for (field, text) in [
        ("introduction", &c.introduction),
        ("vision", &c.vision),
        ("ambition", &c.ambition),
        ("conclusion", &c.conclusion),
    ] {
        optional(&mut out, field, text);
    }
    match &c.goals {
        Some(Goals::Text(text)) => out.push((None, "goals", text)),
        Some(Goals::List(goals)) => {
            out.extend(
                goals
                    .iter()
                    .map(|g| (Some(g.id.value.as_str()), "text", &g.text)),
            );
        }
        None => {}
    }
    optional(&mut out, "introduction", &case.regularities.introduction);
    optional(&mut out, "conclusion", &case.regularities.conclusion);
    for item in case.argument_items() {
        let id = Some(item.id.value.as_str());
        out.push((id, "text", item.text));
        if let Some(worked_out) = item.worked_out {
            out.push((id, "worked_out", worked_out));
        }
        for (_, stance) in item.stances.iter() {
            out.push((id, "reasoning", &stance.reasoning));
        }
    }
    for objective in &c.objectives {
        let id = Some(objective.id.value.as_str());
        for (field, text) in [
            ("metric", &objective.metric),
            ("scope", &objective.scope),
            ("unit", &objective.unit),
            ("period", &objective.period),
            ("measurement", &objective.measurement),
            ("owner", &objective.owner),
            ("feasibility", &objective.feasibility),
        ] {
            if let Some(text) = text {
                out.push((id, field, text));
            }
        }
    }
    optional(&mut out, "introduction", &case.introduction);
    optional(&mut out, "introduction", &case.consequences.introduction);
    optional(&mut out, "introduction", &case.alternatives.introduction);
    for consequence in &case.consequences.functions {
        let id = Some(consequence.id.value.as_str());
        out.push((id, "function", &consequence.function));
        out.push((id, "text", &consequence.text));
    }
    for (_, alternative) in case.alternatives.iter() {
        optional(&mut out, "introduction", &alternative.introduction);
        optional(&mut out, "threshold", &alternative.threshold);
        for (_, ground) in alternative.grounds() {
            out.push((None, "reasoning", &ground.reasoning));
        }
    }
    if let Some(leadership) = &case.customer_leadership {
        optional(&mut out, "introduction", &leadership.introduction);
        optional(&mut out, "assignment", &leadership.assignment);
        for paradox in &leadership.paradoxes {
            let id = Some(paradox.id.value.as_str());
            out.push((id, "tension", &paradox.tension));
            out.push((id, "embrace", &paradox.embrace));
            for (field, text) in [
                ("example", &paradox.example),
                ("leaning_reasoning", &paradox.leaning_reasoning),
            ] {
                if let Some(text) = text {
                    out.push((id, field, text));
                }
            }
        }
        if let Some(view) = &leadership.view {
            for (field, text) in [
                ("purpose", &view.purpose),
                ("arena", &view.arena),
                ("value_proposition", &view.value_proposition),
                ("organisation", &view.organisation),
            ] {
                optional(&mut out, field, text);
            }
        }
        for capability in &leadership.capabilities {
            let id = Some(capability.id.value.as_str());
            out.push((id, "text", &capability.text));
            for practice in &capability.practices {
                out.push((id, "practices", practice));
            }
        }
    }
    for reference in &case.references {
        out.push((Some(reference.id.value.as_str()), "text", &reference.text));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::is_iso_date;

    #[test]
    fn dates_are_year_month_day() {
        assert!(is_iso_date("2025-09-01"));
        assert!(!is_iso_date("1-9-2025"));
        assert!(!is_iso_date("2025-13-01"));
        assert!(!is_iso_date("2025-9-1"));
    }
}
