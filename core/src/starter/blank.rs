//! The blank case `casebook new` writes: a commented starter in the chosen language and for the
//! chosen discipline, that passes `check` as written.

use crate::case::{Discipline, Language};
use crate::messages;

const STARTER_NL: &str = include_str!("../../../templates/starter/nl.yaml");
const STARTER_EN: &str = include_str!("../../../templates/starter/en.yaml");
/// The schema file a starter points at when the project has no committed schema.
const LOCAL_SCHEMA: &str = "case.schema.json";

/// The author line the starters are written with (`Naam student`, `Student name`): a
/// placeholder a student may leave, never a student's name.
pub fn placeholder_authors() -> impl Iterator<Item = &'static str> {
    [STARTER_NL, STARTER_EN].into_iter().filter_map(|starter| {
        let line = starter
            .lines()
            .find_map(|l| l.trim().strip_prefix("author:"))?;
        Some(line.trim())
    })
}

/// The starter case text for `file_name`, its first line pointing the editor at `schema`, dated
/// `date` (`YYYY-MM-DD`).
pub fn starter_text(
    language: Language,
    choice: Discipline,
    file_name: &str,
    schema: Option<&str>,
    date: &str,
) -> Result<String, String> {
    let mut context = context(choice, date);
    context.insert("file_name", file_name);
    // Without a committed schema the editor looks next to the case; the starter says how to make it.
    context.insert("schema", schema.unwrap_or(LOCAL_SCHEMA));
    context.insert("schema_missing", &schema.is_none());
    context.insert("studio", &false);
    render(language, &context)
}

/// The starter case as the studio shows it, dated `date`: its opening comment speaks of the
/// studio (`studio_starter.intro` of the locale), not of commands and a schema file a studio
/// user has no use for.
pub fn studio_starter_text(
    language: Language,
    choice: Discipline,
    date: &str,
) -> Result<String, String> {
    let mut context = context(choice, date);
    let intro = messages::locale(language).text("studio_starter.intro");
    context.insert("studio", &commented(intro));
    render(language, &context)
}

/// `text` as YAML comment lines.
fn commented(text: &str) -> String {
    text.lines()
        .map(|line| format!("# {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// What both starters fill in: the chosen discipline, the two others and the date.
fn context(choice: Discipline, date: &str) -> tera::Context {
    let mut others = choice.others();
    let mut context = tera::Context::new();
    context.insert("choice", choice.key());
    context.insert("other1", others.next().map_or("", Discipline::key));
    context.insert("other2", others.next().map_or("", Discipline::key));
    context.insert("date", date);
    context
}

fn render(language: Language, context: &tera::Context) -> Result<String, String> {
    let template = match language {
        Language::Nl => STARTER_NL,
        Language::En => STARTER_EN,
    };
    tera::Tera::one_off(template, context, false)
        .map_err(|err| messages::cli("starter_broken", &[("reason", &err.to_string())]))
}
