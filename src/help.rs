//! `--help` in the user's language: the command line is defined once (clap's derive, in `cli`),
//! and before parsing every text clap shows is replaced from the locale's `[help]` section.
//!
//! Keys: `help.<command>.about` for a command (`help.about` for casebook itself), and for an
//! argument `help.<command>.<argument>`, else `help.args.<argument>` (the options `build` and
//! `watch` share, and `--lang`, which every command has).

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command};

use casebook_core::case::Language;
use casebook_core::locale::Locale;

/// `command` (already built, so that clap's own `--help`, `--version` and `help` are there) with
/// every about, argument help and heading from `words`.
pub fn localized(mut command: Command, words: &'static Locale) -> Command {
    command.build();
    localize(command, "", words)
}

fn localize(command: Command, path: &str, words: &'static Locale) -> Command {
    let usage = format!(
        "{style}{heading}{style:#}",
        style = command.get_styles().get_usage(),
        heading = words.text("help.usage"),
    );
    let about_key = match path {
        "" => "help.about".to_string(),
        "help" => "help.help_command".to_string(),
        _ => format!("help.{path}.about"),
    };
    let mut command = command
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{usage} {{usage}}\n\n{{all-args}}{{after-help}}"
        ))
        .subcommand_help_heading(words.text("help.commands"))
        .subcommand_value_name(words.text("help.command"))
        .mut_args(|arg| localize_arg(arg, path, words));
    if words.has(&about_key) {
        command = command
            .about(words.text(&about_key).to_string())
            .long_about(None);
    }
    // clap writes `[OPTIONS]` into the usage line itself.
    let usage = command.render_usage().to_string();
    if let Some(usage) = usage.split_once(' ').map(|(_, usage)| usage) {
        let options = format!("[{}]", words.text("help.options").to_uppercase());
        command = command.override_usage(usage.replace("[OPTIONS]", &options));
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    names.iter().fold(command, |command, name| {
        command.mut_subcommand(name, |sub| localize(sub, name, words))
    })
}

fn localize_arg(arg: Arg, path: &str, words: &'static Locale) -> Arg {
    let id = arg.get_id().as_str().to_string();
    let heading = if arg.is_positional() {
        "help.arguments"
    } else {
        "help.options"
    };
    let mut arg = arg.help_heading(words.text(heading));
    let value_key = format!("help.values.{id}");
    if let Some(name) = words
        .get(&value_key)
        .filter(|_| arg.get_action().takes_values())
    {
        arg = arg.value_name(name);
    }
    let Some(key) = help_key(words, path, &id).filter(|key| words.has(key)) else {
        return arg;
    };
    let mut help = words.text(&key).to_string();
    // clap's `[default: …]` and `[possible values: …]`, in the user's words.
    if arg.get_action().takes_values() {
        let possible: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|value| !value.is_hide_set())
            .map(|value| value.get_name().to_string())
            .collect();
        let default: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|value| value.to_string_lossy().into_owned())
            .collect();
        if !default.is_empty() {
            let value = default.join(",");
            help.push_str(&format!(
                " [{}]",
                words.fill("help.default", &[("value", &value)])
            ));
        }
        if !possible.is_empty() {
            let values = possible.join(", ");
            help.push_str(&format!(
                " [{}]",
                words.fill("help.possible", &[("values", &values)])
            ));
        }
    }
    arg.help(help)
        .long_help(None)
        .hide_default_value(true)
        .hide_possible_values(true)
}

/// The locale key of an argument's help: clap's own `--help` and `--version`, the command's own
/// text, else the text shared by every command that has it.
fn help_key(words: &Locale, path: &str, id: &str) -> Option<String> {
    match (path, id) {
        (_, "help" | "version") => Some(format!("help.{id}")),
        ("help", _) => Some("help.help_command_name".to_string()),
        _ => [format!("help.{path}.{id}"), format!("help.args.{id}")]
            .into_iter()
            .find(|key| words.has(key)),
    }
}

/// Every help key `command` asks for in `words`, for the test that both locales have them all.
pub fn keys(mut command: Command, words: &Locale) -> Vec<String> {
    command.build();
    let mut keys = vec!["help.about".to_string()];
    collect(&command, "", words, &mut keys);
    keys.sort();
    keys.dedup();
    keys
}

fn collect(command: &Command, path: &str, words: &Locale, keys: &mut Vec<String>) {
    for arg in command.get_arguments() {
        let id = arg.get_id().as_str();
        keys.push(help_key(words, path, id).unwrap_or_else(|| format!("help.{path}.{id}")));
        if arg.get_action().takes_values() {
            keys.push(format!("help.values.{id}"));
        }
    }
    for sub in command.get_subcommands() {
        let name = sub.get_name();
        keys.push(match name {
            "help" => "help.help_command".to_string(),
            _ => format!("help.{name}.about"),
        });
        collect(sub, name, words, keys);
    }
}

/// A mistake on the command line (an unknown command or option, a wrong or missing value) in
/// `words`, with the usage line and where to read more; `None` for what clap says best itself
/// (the help and the version it prints, and rare mistakes).
pub fn usage_error(err: &clap::Error, words: &Locale) -> Option<String> {
    let text = |kind| match err.get(kind) {
        Some(ContextValue::String(value)) => Some(value.clone()),
        // clap lists its suggestions from the least to the most alike.
        Some(ContextValue::Strings(values)) => values.last().cloned(),
        _ => None,
    };
    let all = |kind| match err.get(kind) {
        Some(ContextValue::Strings(values)) => Some(values.join(", ")),
        Some(ContextValue::String(value)) => Some(value.clone()),
        _ => None,
    };
    let reason = std::error::Error::source(err).map(ToString::to_string);
    // An unknown command or option, with clap's suggestion when it has one (`<key>_near`).
    let with_near = |value: ContextKind, near: ContextKind, keys: (&'static str, &'static str)| {
        let value = text(value)?;
        Some(match text(near) {
            Some(near) => (keys.1, vec![("value", value), ("near", near)]),
            None => (keys.0, vec![("value", value)]),
        })
    };
    let (key, values): (&str, Vec<(&str, String)>) = match err.kind() {
        ErrorKind::InvalidSubcommand => with_near(
            ContextKind::InvalidSubcommand,
            ContextKind::SuggestedSubcommand,
            ("unknown_command", "unknown_command_near"),
        )?,
        ErrorKind::UnknownArgument => with_near(
            ContextKind::InvalidArg,
            ContextKind::SuggestedArg,
            ("unknown_option", "unknown_option_near"),
        )?,
        ErrorKind::InvalidValue => {
            let option = text(ContextKind::InvalidArg)?;
            let value = text(ContextKind::InvalidValue)?;
            let allowed = all(ContextKind::ValidValue).unwrap_or_default();
            // `--format` at the end of the line, its value forgotten.
            let missing = value.is_empty();
            let mut values = vec![("value", value), ("option", option), ("allowed", allowed)];
            match text(ContextKind::SuggestedValue) {
                _ if missing && values[2].1.is_empty() => ("missing_value", values),
                _ if missing => ("missing_value_choice", values),
                Some(near) => {
                    values.push(("near", near));
                    ("invalid_value_near", values)
                }
                None => ("invalid_value", values),
            }
        }
        ErrorKind::ValueValidation => {
            let option = text(ContextKind::InvalidArg)?;
            let value = text(ContextKind::InvalidValue)?;
            // A number's parser speaks English (`invalid digit found in string`).
            let number = std::error::Error::source(err)
                .is_some_and(|e| e.downcast_ref::<std::num::ParseIntError>().is_some());
            if number {
                ("not_a_number", vec![("value", value), ("option", option)])
            } else {
                let values = vec![("value", value), ("option", option), ("reason", reason?)];
                ("rejected_value", values)
            }
        }
        // `--quiet=yes`: a switch takes no value.
        ErrorKind::TooManyValues => {
            let option = text(ContextKind::InvalidArg)?;
            let value = text(ContextKind::InvalidValue)?;
            ("no_value", vec![("value", value), ("option", option)])
        }
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues | ErrorKind::NoEquals => (
            "missing_value",
            vec![("option", text(ContextKind::InvalidArg)?)],
        ),
        ErrorKind::MissingRequiredArgument => (
            "missing",
            vec![("arguments", all(ContextKind::InvalidArg)?)],
        ),
        ErrorKind::ArgumentConflict => {
            let option = text(ContextKind::InvalidArg)?;
            let other = all(ContextKind::PriorArg)?;
            // `--key a --key b`: clap calls the option a conflict with itself.
            if other == option {
                ("twice", vec![("option", option)])
            } else {
                ("conflict", vec![("option", option), ("other", other)])
            }
        }
        _ => return None,
    };
    let mut lines = vec![words.fill(
        &format!("help.errors.{key}"),
        &casebook_core::messages::pairs(&values),
    )];
    // clap's usage line opens with its own English heading; casebook's replaces it.
    if let Some(ContextValue::StyledStr(usage)) = err.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage
            .split_once(": ")
            .map_or(usage.as_str(), |(_, u)| u)
            .trim();
        let command: Vec<&str> = usage
            .split(' ')
            .take_while(|part| !part.starts_with(['[', '<', '-']))
            .collect();
        lines.push(String::new());
        lines.push(format!("{} {usage}", words.text("help.usage")));
        let command = command.join(" ");
        lines.push(words.fill("help.errors.more", &[("command", &command)]));
    }
    Some(lines.join("\n"))
}

/// The language `--lang` asks for on this command line, read before clap parses it (the help
/// clap prints while parsing must already be in that language).
pub fn language_asked(args: &[OsString]) -> Option<Language> {
    let args: Vec<&str> = args.iter().filter_map(|a| a.to_str()).collect();
    args.iter().enumerate().find_map(|(index, arg)| match *arg {
        "--lang" => args.get(index + 1).and_then(|value| Language::parse(value)),
        _ => arg.strip_prefix("--lang=").and_then(Language::parse),
    })
}
