//! What casebook says to its user, from the locale files: every diagnostic's message and hint
//! (`[diagnostics.<CODE>]`) and the CLI's own lines (`[cli]`), in the case's language or, where
//! there is no case (or it cannot be read far enough), in the user's: `--lang`, else the
//! environment's locale.

use std::sync::OnceLock;

use crate::lang::Language;
use crate::locale::Locale;

static LOCALES: OnceLock<[Locale; 2]> = OnceLock::new();
static USER_LANGUAGE: OnceLock<Language> = OnceLock::new();

/// The built-in locale of a language, parsed once per process.
pub fn locale(language: Language) -> &'static Locale {
    let [nl, en] =
        LOCALES.get_or_init(|| [Locale::builtin(Language::Nl), Locale::builtin(Language::En)]);
    match language {
        Language::Nl => nl,
        Language::En => en,
    }
}

/// Fixes the user's language for this process (the CLI's `--lang`); without it, the
/// environment decides. Only the first call counts.
pub fn set_user_language(language: Option<Language>) {
    let _ = USER_LANGUAGE.set(language.unwrap_or_else(environment_language));
}

/// The language of the CLI's own lines and of diagnostics that belong to no readable case.
pub fn user_language() -> Language {
    *USER_LANGUAGE.get_or_init(environment_language)
}

/// The language the environment asks for (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, as POSIX
/// orders them).
fn environment_language() -> Language {
    let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty());
    language_of_locale(value.as_deref())
}

/// Dutch for an `nl_*` locale and also when none is set (`C`, `POSIX`, unset: a bare terminal or
/// Windows, where casebook's users, Dutch students, most often are); English for any other.
fn language_of_locale(value: Option<&str>) -> Language {
    match value.map(|v| v.split(['.', '@']).next().unwrap_or_default()) {
        None | Some("" | "C" | "POSIX") => Language::Nl,
        Some(name) if name == "nl" || name.starts_with("nl_") => Language::Nl,
        Some(_) => Language::En,
    }
}

/// Placeholder values held as owned strings, as [`Locale::fill`] takes them.
pub fn pairs<'a>(values: &'a [(&'a str, String)]) -> Vec<(&'a str, &'a str)> {
    values.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// A CLI line (`cli.<key>`) in the user's language, placeholders filled.
pub fn cli(key: &str, values: &[(&str, &str)]) -> String {
    locale(user_language()).fill(&format!("cli.{key}"), values)
}

/// Why a file could not be read or written, in `language`; the system's own words only for the
/// rare failures without a name of their own.
pub fn io_reason(err: &std::io::Error, language: Language) -> String {
    let key = match err.kind() {
        std::io::ErrorKind::NotFound => "io.not_found",
        std::io::ErrorKind::PermissionDenied => "io.permission_denied",
        std::io::ErrorKind::IsADirectory => "io.is_a_folder",
        std::io::ErrorKind::StorageFull => "io.disk_full",
        std::io::ErrorKind::ReadOnlyFilesystem => "io.read_only",
        std::io::ErrorKind::NotADirectory => "io.not_a_folder",
        std::io::ErrorKind::AlreadyExists => "io.exists",
        _ => "io.other",
    };
    locale(language).fill(key, &[("error", &err.to_string())])
}

/// The language a case file says it is written in (`language: en` under `meta`), read from its
/// text so that even a file that does not parse gets its messages in its own language.
pub fn language_written_in(source: &str) -> Option<Language> {
    source.lines().find_map(|line| {
        let indented = line.starts_with([' ', '\t']);
        let value = line.trim().strip_prefix("language:")?;
        let value = value.split('#').next().unwrap_or_default();
        let value = value.trim().trim_matches(['"', '\'']);
        indented.then(|| Language::parse(value)).flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_for_dutch_and_unset_locales_english_for_others() {
        assert_eq!(language_of_locale(Some("nl_NL.UTF-8")), Language::Nl);
        assert_eq!(language_of_locale(Some("nl_BE@euro")), Language::Nl);
        assert_eq!(language_of_locale(Some("C.UTF-8")), Language::Nl);
        assert_eq!(language_of_locale(None), Language::Nl);
        assert_eq!(language_of_locale(Some("en_GB.UTF-8")), Language::En);
        assert_eq!(language_of_locale(Some("de_DE.UTF-8")), Language::En);
    }

    #[test]
    fn a_case_names_its_language_under_meta() {
        assert_eq!(
            language_written_in("meta:\n  title: x\n  language: en # English\n"),
            Some(Language::En)
        );
        assert_eq!(language_written_in("meta:\n  title: x\n"), None);
    }
}
