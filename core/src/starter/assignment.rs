//! The student's starter case, `<case>.student.yaml`: the teacher's case with its facts kept,
//! every answer emptied (stances, reasoning, conclusions, consequences, alternatives, the
//! paradoxes' embrace and leaning, the four panels, the capabilities) and the teacher's prose
//! left out, each empty answer under a comment in the case's language saying what to write.

use crate::case::{Argument, Case, Objective, PerDiscipline, Stance, StanceMark, Text};
use crate::locale::Locale;

/// The case a student starts from: same structure and ids, the answers empty.
pub fn student_case(teacher: &Case) -> Case {
    let mut case = teacher.clone();
    case.introduction = None;
    let a = &mut case.higher_decisions;
    a.introduction = None;
    blank_option(&mut a.conclusion);
    blank_arguments(&mut a.mission.fragments);
    if let Some(vision) = &mut a.vision {
        blank_arguments(&mut vision.fragments);
    }
    blank_arguments(&mut a.core_values);
    let b = &mut case.current_situation;
    b.introduction = None;
    // The confrontation's scores are the student's analysis: the whole matrix is theirs to make.
    b.confrontation = None;
    blank_option(&mut b.conclusion);
    for list in [
        &mut b.strengths,
        &mut b.weaknesses,
        &mut b.opportunities,
        &mut b.threats,
    ] {
        blank_arguments(list);
    }
    let c = &mut case.desired_situation;
    c.introduction = None;
    blank_option(&mut c.conclusion);
    c.objectives.iter_mut().for_each(blank_objective);
    let d = &mut case.regularities;
    d.introduction = None;
    blank_option(&mut d.conclusion);
    blank_arguments(&mut d.general);
    blank_arguments(&mut d.own);
    case.consequences.introduction = None;
    for function in &mut case.consequences.functions {
        blank(&mut function.text);
    }
    case.alternatives.introduction = None;
    for alternative in [
        &mut case.alternatives.customer_intimacy,
        &mut case.alternatives.operational_excellence,
        &mut case.alternatives.product_leadership,
    ]
    .into_iter()
    .flatten()
    {
        alternative.introduction = None;
        blank_option(&mut alternative.threshold);
        for ground in [
            &mut alternative.higher_decisions,
            &mut alternative.current_situation,
            &mut alternative.desired_situation,
            &mut alternative.regularities,
        ]
        .into_iter()
        .flatten()
        {
            blank(&mut ground.reasoning);
            ground.items.clear();
        }
    }
    if let Some(leadership) = &mut case.customer_leadership {
        leadership.introduction = None;
        for paradox in &mut leadership.paradoxes {
            blank(&mut paradox.embrace);
            blank_option(&mut paradox.leaning);
            blank_option(&mut paradox.leaning_reasoning);
        }
        if let Some(view) = &mut leadership.view {
            for panel in [
                &mut view.purpose,
                &mut view.arena,
                &mut view.value_proposition,
                &mut view.organisation,
            ] {
                blank_option(panel);
            }
        }
        for capability in &mut leadership.capabilities {
            blank(&mut capability.text);
            capability.practices.clear();
        }
    }
    case
}

fn blank(text: &mut Text) {
    text.value.clear();
}

fn blank_option(text: &mut Option<Text>) {
    if let Some(text) = text {
        blank(text);
    }
}

fn blank_stances(stances: &mut PerDiscipline<Stance>) {
    for stance in [
        &mut stances.customer_intimacy,
        &mut stances.operational_excellence,
        &mut stances.product_leadership,
    ]
    .into_iter()
    .flatten()
    {
        stance.stance.value = StanceMark::Symbol(String::new());
        blank(&mut stance.reasoning);
    }
}

fn blank_arguments(list: &mut [Argument]) {
    for argument in list {
        // How much an item counts, and the argument written out, are the teacher's judgement.
        argument.weight = None;
        argument.worked_out = None;
        blank_stances(&mut argument.stances);
    }
}

fn blank_objective(objective: &mut Objective) {
    objective.weight = None;
    objective.worked_out = None;
    // Feasibility and links are SMART fields: facts the student is given.
    blank_stances(&mut objective.stances);
}

/// The starter case as YAML, block style, every empty answer under a comment saying what to
/// write (labels `student_case.*` of the case's locale).
pub fn to_yaml(case: &Case, locale: &Locale, file_name: &str) -> Result<String, String> {
    to_yaml_headed(case, locale, file_name, "student_case.header")
}

/// The starter case as YAML under the header of locale key `header` (`studio_starter.handout`:
/// the studio's words instead of the commands).
pub fn to_yaml_headed(
    case: &Case,
    locale: &Locale,
    file_name: &str,
    header: &str,
) -> Result<String, String> {
    let mut options = serde_saphyr::SerializerOptions::default();
    options.folded_wrap_chars = 96;
    let yaml = serde_saphyr::to_string_with_options(case, options).map_err(|e| e.to_string())?;
    let mut out = String::new();
    for line in locale.fill(header, &[("file", file_name)]).lines() {
        out.push_str(&format!("# {line}\n"));
    }
    out.push('\n');
    let mut keys: Vec<(usize, String)> = Vec::new();
    // The indentation of a block scalar's key while its content lines follow.
    let mut block: Option<usize> = None;
    for line in yaml.lines() {
        let trimmed = line.trim_start();
        let dash = line.len() - trimmed.len();
        if let Some(key_indent) = block {
            if trimmed.is_empty() || dash > key_indent {
                out.push_str(line);
                out.push('\n');
                continue;
            }
            block = None;
        }
        let (indent, rest) = match trimmed.strip_prefix("- ") {
            Some(rest) => (dash + 2, rest),
            None => (dash, trimmed),
        };
        let Some((key, value)) = rest.split_once(':').filter(|(k, _)| is_key(k)) else {
            out.push_str(line);
            out.push('\n');
            continue;
        };
        let value = value.trim();
        // Optional parts the teacher left out are left out here too.
        if value == "null" || value == "[]" {
            continue;
        }
        keys.retain(|(i, _)| *i < indent);
        if value == "''" || value == "\"\"" {
            let parents: Vec<&str> = keys.iter().map(|(_, k)| k.as_str()).collect();
            if let Some(comment) = comment(locale, key, &parents) {
                let at = if rest.len() == trimmed.len() {
                    indent
                } else {
                    dash
                };
                out.push_str(&format!("{}# {comment}\n", " ".repeat(at)));
            }
        }
        if value.starts_with('>') || value.starts_with('|') {
            block = Some(indent);
        }
        keys.push((indent, key.to_string()));
        out.push_str(line);
        out.push('\n');
    }
    Ok(without_empty_sections(&out))
}

/// Drops a section left with nothing under it (say `consequences:` whose list was empty): YAML
/// would read it as empty, not as a section.
fn without_empty_sections(yaml: &str) -> String {
    let lines: Vec<&str> = yaml.lines().collect();
    let indent = |line: &str| line.len() - line.trim_start().len();
    let mut kept = Vec::with_capacity(lines.len());
    for (i, line) in lines.iter().enumerate() {
        let opens = !line.trim_start().starts_with('#') && line.ends_with(':');
        let next = lines[i + 1..]
            .iter()
            .find(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty());
        // A list under its key starts at the key's own indentation (`- id: …`).
        let child = |n: &&&str| {
            indent(n) > indent(line)
                || (indent(n) == indent(line) && n.trim_start().starts_with("- "))
        };
        if opens && !next.is_some_and(|n| child(&n)) {
            continue;
        }
        kept.push(*line);
    }
    let mut out = kept.join("\n");
    out.push('\n');
    if out.len() < yaml.len() {
        without_empty_sections(&out)
    } else {
        out
    }
}

fn is_key(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// What to write in an empty answer, by its key and the keys it stands under.
fn comment(locale: &Locale, key: &str, parents: &[&str]) -> Option<String> {
    let under = |k: &str| parents.contains(&k);
    let discipline = parents
        .last()
        .map(|d| locale.text(&format!("disciplines.{d}")).to_string())
        .unwrap_or_default();
    let label = match key {
        "stance" => "stance",
        "reasoning" if under("stances") => "reasoning",
        "reasoning" => "alternative_reasoning",
        "text" if under("functions") => "consequence",
        "text" if under("capabilities") => "capability",
        "purpose" | "arena" | "value_proposition" | "organisation" => "panel",
        "conclusion" | "threshold" | "embrace" | "leaning" | "leaning_reasoning"
        | "feasibility" => key,
        _ => return None,
    };
    Some(locale.fill(
        &format!("student_case.{label}"),
        &[("discipline", discipline.as_str())],
    ))
}
